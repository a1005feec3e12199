"""What a question is beside its subject, and what kind of fact it asks for.

Small closed word lists, not phrase lists: greetings and thanks (smalltalk), the function words
that mark a question as English, the words that refer back to an earlier turn ("dat",
"daarvoor"), and the cue words of the facts a passage may or may not hold (a cost, an amount,
a deadline, a contact, a condition). Every function takes normalised tokens
(`analysis.surface_tokens`), so typed accents, capitals and punctuation do not matter.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from functools import lru_cache

from assistant.places import PLACES
from assistant.snippets import AT_THE_LATEST, DURATION_UNITS, FREE, MONTHS, YEAR, sentences

# Greetings, thanks, help and chat words: a question made only of these (and stopwords) is
# smalltalk, answered with what Wegwijzer can do rather than with a passage.
GREETINGS = frozenset(
    """
    hallo hoi hey hi hello hiya dag daag goeiedag goedendag goeiemorgen goedemorgen goeiemiddag
    goedemiddag goeienavond goedenavond yo salut bonjour hola welkom hee heej hej hallu halloo
    hoihoi goeiendag goeienmorgen goeienmiddag goedenmiddag goeieavond moggel morgen heyy hoii
    gojemiddag gojemorge gojemorgen gojenaovend gojendaag
    middag avond namiddag voormiddag morning afternoon evening howdy greetings
    namaste salaam salam selam merhaba oi ola tudo bem
    """.split()
)
THANKS = frozenset(
    """
    bedankt dank dankjewel dankuwel dankje merci thanks thank thx tnx ty cheers super top
    fijn perfect geweldig mooi prima ok oke okay okee mercie danku bedankd thankyou
    thanx thnx tks nice cool great awesome fantastisch prachtig handig nuttig helpful
    appreciated tof zalig straf chapeau toppie topper knap duidelijk helder begrepen verstaan
    snap snapt geholpen helpt clear understood veelmaals veulmaols obrigado obrigada
    gracias grazie danke dziekuje lovely brilliant شكرا shukran choukran tesekkurler
    """.split()
)
# Words that thank whatever surrounds them; the other words of THANKS praise ("helpt",
# "duidelijk", "top"), which a negation or a condition undoes.
_THANKING = frozenset(
    """
    bedankt dank dankjewel dankuwel dankje merci thanks thank thx tnx ty mercie danku bedankd
    thankyou thanx thnx tks appreciated obrigado obrigada gracias grazie danke dziekuje cheers
    شكرا shukran choukran tesekkurler
    """.split()
)
_NOT_OR_IF = frozenset("niet nie ni neet geen niets niks nikske not nothing als if".split())
HELP = frozenset("help helpen hulp info uitleg test testen testing vraagje menu".split())
FAREWELLS = frozenset(
    """
    doei dag daag ziens later bye goodbye ciao salu doeg houdoe byebye adieu slaapwel
    welterusten groetjes groeten mvg cya straks see ya ajuu ajuus adios peace salukes
    gorusuruz hoscakal hoscakalin
    """.split()
)
CHAT = frozenset(
    """
    ok oke okay okee ja nee neen yes no jij je jou u you ben bent zijt are who what wie wat kan
    kun kunt can doe doet do does ik mij me i goed good gaat alles nog veel heel erg zeer wel
    dus nou allez amai euh eh hmm haha lol is het een de the a an wiens whose your jouw
    nu even welke soort allemaal robot bot chatbot ai mens human he hé daar there
    kunde kunt gij zijde jou met gaat het hoe how are eigenlijk zoal zoals anders goede goeie
    goeien good hartelijk hartelijke vriendelijk vriendelijke fijne prettige nogmaals echt enorm
    lot lief
    very so much tot wegwijzer beaucoup alstublieft alsjeblieft asjeblieft astublieft svp
    someone somebody anyone anybody
    """.split()
)
_SMALLTALK = GREETINGS | THANKS | HELP | FAREWELLS
# Words said to someone, after a greeting or thanks ("bedankt man"): see `smalltalk_kind`.
# ("thx broer" had got the winwinlening, which a brother may grant: "broer" is "familie").
_VOCATIVES = frozenset(
    """
    man mate bro dude makker broer broertje zus zusje zuster maat maatje vriend vriendin buddy
    gast
    """.split()
)
# Kind words said with thanks only: "schat" is also the verb "to estimate".
_KIND_WORDS = frozenset("schat schatje topper held".split())
# What thanks may say of the answer: "merci, interessant", "ok dat is al duidelijker, merci",
# "jammer. toch bedankt"; only beside a thanking word and with no question mark ("ok, kan het
# duidelijker?" asks again; alone, "jammer" may regret something else).
_APPRECIATED = frozenset(
    """
    interessant interesting duidelijker helder handig nuttig useful helpful jammer helaas
    spijtig pity shame toch awesome amazing grand lovely brilliant ton right detailed reply
    explanation uitleg god bless obliged
    """.split()
)
# Words that greet, thank, apologise, address Wegwijzer, close a message or say how it asks
# ("vraagje", "dringend", "uitleggen"), and name no subject: in a question they are read as
# stopwords ("hallo wegwijzer! wat is het cultuurkrediet?" was refused at 0.27, "wegwijzer"
# weighing as its rarest word; "goeiemorgen", "sorry", "met vriendelijke groeten" alike; "sorry
# dat ik stoor, maar hoe vraag ik een cultuurkrediet aan?" at 0.27, "stoor" its rarest word,
# and "sorry voor de domme vraag maar ..." at 0.51, 0.56 on "hoe word ik lid van sabam?").
# Not the greetings that are also words of time ("per dag", "morgenavond"), nor the thanks
# that are also judgements ("duidelijk", "helpt"), nor "tips" ("heb je tips voor een
# onderwerp?" after a topic is a question of its own).
COURTESY_WORDS = (
    (
        GREETINGS
        - frozenset(
            "dag daag morgen middag avond namiddag voormiddag morning afternoon evening".split()
        )
    )
    | (FAREWELLS - frozenset("dag daag later straks see ya".split()))
    | frozenset(
        """
        bedankt dank dankjewel dankuwel dankje merci mercie danku bedankd thanks thank thx tnx
        thankyou thanx thnx tks cheers alvast wegwijzer chatbot bot sorry sorri excuseer excuses
        excuus beste geachte vriendelijke groet groeten groetjes mvg regards bedoel bedoelde
        bedoelen bedoelt geweten vraagje vraagjes snelle dringend dringende urgent uitleggen
        know tell dear alstublieft alsjeblieft asjeblieft astublieft svp veelmaals veulmaols
        stoor storen domme stomme
        """.split()
    )
)
_ALLOWED = _SMALLTALK | CHAT  # every word a smalltalk question may hold (and stopwords)
# Words that address Wegwijzer itself: "wie ben jij", "what can you do".
_ADDRESS = frozenset("jij jou jouw gij kunde zijde you robot bot chatbot wegwijzer".split())
# Words smalltalk may also hold when it asks Wegwijzer about itself ("ben jij een echte
# persoon of een computer?", "what kind of questions can you answer?", "kunde gij mij efkes
# uitleggen wa ge allemaal doet?"), points at nothing said before ("kunde gij da efkes
# uitleggen?" after a topic asks about the topic) and asks for no kind of fact ("weet jij
# hoeveel?", "can you tell me how much?" ask the topic's figure).
_ABOUT_ITSELF = frozenset(
    """
    echte persoon computer mens human real person kind questions question answer answers
    beantwoorden vragen uitleggen explain tell vertellen soort weet weten know kent talking talk
    speaking praat praten chatting quick machine am
    """.split()
)
_POINTING = frozenset("dat da dit die deze het dees it that this these those".split())
_ASKING_A_FACT = frozenset(
    """
    hoeveel hoelang hoe wanneer waar waarom welke welk how when where why much many long
    """.split()
)
# Closing words beside thanks, each only right after the words it closes: "dat helpt me
# (echt) verder", "thanks again"; not "merci, wat moet ik verder nog doen?".
_CLOSINGS = {"verder": frozenset("helpt helpen geholpen me mij echt al enorm".split())}
_CLOSINGS["again"] = THANKS | frozenset("you".split())
# A bot command typed as a message ("/start", "/help@WegwijzerBot" in a group).
_COMMAND = re.compile(r"/(?:start|help|hulp|menu|info)(?:@\w+)?", re.IGNORECASE)
# A message of emoji alone: thanks, or a greeting.
_THANKS_EMOJI = frozenset("👍 🙏 😊 🙂 👌 ❤ 💪 😀 😃 😄 🥰 😍 ✅ 🤝".split())
_HELLO_EMOJI = frozenset("👋 🖐 ✋".split())


def _whole_messages(spec: str) -> frozenset[str]:
    """Whole messages written one per `|`, as `surface_tokens` reads them: without one-letter
    words ("i", "a")."""
    return frozenset(" ".join(w for w in m.split() if len(w) > 1) for m in spec.split("|"))


# Whole messages that ask the time or today's date, which Wegwijzer cannot tell: told what it
# can do. After a topic "welke dag is het vandaag?" and "what time is it?" had been answered
# with the kmo-portefeuille as follow-ups (0.87, 0.82), "hoe laat is het nu?" made a partial
# answer of the winwinlening. Not a date without "vandaag" or "today": "wat is de datum?"
# after a grant's deadlines asks that date.
_CLOCK_MESSAGES = _whole_messages(
    """
    hoe laat is het | hoe laat is het nu | hoe laat is het eigenlijk | hoe laat ist |
    hoe laat is t | hoeveel uur is het | welke dag is het vandaag | welke dag zijn we |
    welke dag zijn we vandaag | welke datum is het vandaag | wat is de datum vandaag |
    wat is de datum van vandaag | de hoeveelste is het vandaag | de hoeveelste zijn we |
    what time is it | what time is it now | what day is it today | what is the date today |
    what the date today | what today date
    """
)
# A sum to work out: "hoeveel is 5 keer 7?" had been answered with depreciation (0.76). Not a
# "-" or "/" between numbers: "wat is 2023-2027?" asks about a plan of those years.
_ARITHMETIC = re.compile(
    r"\s*(?:en\s+|and\s+)?(?:hoeveel|wat|wa|what|how\s+much)\s+(?:is|es|maakt|makes|are)\s+"
    r"\d+(?:[.,]\d+)?\s*(?:keer|maal|x|\*|×|plus|\+|min|minus|gedeeld\s+door|times|"
    r"divided\s+by)\s*\d+(?:[.,]\d+)?(?:\s+(?:dan|then|eigenlijk))?\s*[?!.]*\s*",
    re.IGNORECASE,
)
# Whole messages that ask what Wegwijzer is or how to use it, or how it is doing, though their
# words would read as a question ("werkt", "gebruik") or as a follow-up ("wat kan je").
_HELP_MESSAGES = _whole_messages(
    """
    start | hoe werkt dit | hoe werkt deze bot | hoe werkt wegwijzer | wat is dit |
    waarvoor dien je | waarvoor dien jij | wat kan je | wat kun je | wat kan jij | wat kun jij |
    wat kan je doen | wat kun je doen | wat doet u | wat doet u eigenlijk | wat doet u precies |
    wat doe je | wat doe jij | wat doe je eigenlijk | wat doe je precies | wat doe jij precies |
    wat doen jullie | wat doen jullie eigenlijk | hoe gebruik ik dit | hoe gebruik ik deze bot |
    hoe gebruik ik wegwijzer | hoe gebruik ik jou | hoe gebruik ik je | hoe moet ik dit gebruiken |
    hoe moet ik je gebruiken | hoe werkt het | ik heb een vraag | ik heb nog een vraag |
    ik heb een paar vragen | kheb een vraag | kheb ne vraag | kheb nen vraag | ik heb ne vraag |
    kheb nog een vraag | ik had een vraag | ik heb er een vraag | ik heb een andere vraag |
    ik heb nog een andere vraag | i have another question |
    mag ik iets vragen | mag ik een vraag stellen | kan ik een vraag stellen |
    kan ik je iets vragen | kan ik u iets vragen | kan ik jou iets vragen | mag ik je iets vragen |
    mag ik u iets vragen | mag ik jou iets vragen | mag ik je een vraag stellen |
    how does this work | what is this | how do i use this | how do i use you | what do you do |
    i have a question | can i ask you something | can i ask you a question | can i ask a question |
    wat kun je voor mij doen | wat kan je voor mij doen | wat kun je voor me doen |
    wat kan je voor me doen | wat kun jij voor mij doen | wat kan jij voor mij doen |
    wat kan voor mij doen | waarmee kun je mij helpen | waarmee kan je mij helpen |
    waarmee kan je me helpen | hoe werkt deze chatbot | hoe werkt de chatbot |
    waarvoor dient deze chatbot | wat doet deze chatbot | what can you do for me |
    how does this chatbot work | mag ik enkele vragen stellen |
    mag ik een paar vragen stellen | mag ik vragen stellen | mag ik wat vragen stellen |
    ik heb enkele vragen | ik heb wat vragen | waarmee kan mij precies helpen |
    wat kan ik je vragen | wat kan ik je allemaal vragen | wat kan ik vragen |
    wat kan ik allemaal vragen | wat mag ik je vragen | wat kan ik jou vragen |
    what can ask you | what can ask | may ask few questions | may ask you few questions |
    kan ik hier terecht met vragen | kan ik hier ook terecht met vragen |
    kan ik hier terecht met mijn vragen | kan ik hier ook terecht met mijn vragen |
    kan ik hier ook als nederlander terecht met vragen | kan ik hier als nederlander terecht |
    ik had graag enkele vragen gesteld | ik had graag een vraag gesteld |
    ik had graag wat vragen gesteld | ik zou graag enkele vragen stellen |
    ik zou graag een vraag stellen | ik wil graag enkele vragen stellen |
    ik heb even een paar vragen | ik heb even een vraag | ik heb even enkele vragen |
    ik zou graag wat vragen stellen |
    can ask few questions | can ask you few questions | may ask question | may ask you question |
    wat kan je allemaal beantwoorden |
    wat kun je allemaal beantwoorden | wat kan jij allemaal beantwoorden | wat kan je beantwoorden |
    wat kun je beantwoorden | welke vragen kan je beantwoorden | welke vragen kun je beantwoorden |
    wat kan je allemaal | wat kun je allemaal | what can you answer |
    which questions can you answer | what questions can you answer
    """
)
# A polite ending after asking whether one may ask: "ik zou u graag enkele vragen stellen, als
# dat past".
_POLITE_ENDING = re.compile(
    r" (?:als (?:dat|het|da) (?:past|mag|kan|lukt)|if (?:that|it)(?: is)? (?:ok|okay|alright|fine)"
    r"|if possible|indien mogelijk)$"
)


# Whole messages that ask what this service is for, or, after a topic, what that is for
# ("wat is het kunstwerkattest?" - "waarvoor dient dit?"): help with Wegwijzer alone, a
# question about the topic in a conversation (`points_at_the_topic`).
_WHAT_THIS_IS_FOR = _whole_messages(
    """
    hoe werkt deze dienst | waarvoor dient deze dienst | wat doet deze dienst |
    kan mij uitleggen waarvoor deze dienst dient | waarvoor dient dit | waarvoor dient dat |
    wat doet dit | what is this service for
    """
)
_HELP_MESSAGES |= _WHAT_THIS_IS_FOR


def points_at_the_topic(tokens: Sequence[str]) -> bool:
    """Whether a help request asks what this is for (`_WHAT_THIS_IS_FOR`): after a topic, it
    asks about the topic."""
    return " ".join(itertools.dropwhile(GREETINGS.__contains__, tokens)) in _WHAT_THIS_IS_FOR


_HELLO_MESSAGES = frozenset(
    {"hoe gaat het", "alles goed", "alles goe", "how are you"}
) | _whole_messages(
    """
    ik ben nieuw | ik ben nieuw hier | ik ben hier nieuw | nieuw hier | i am new here |
    im new here | i am new | im new | new here | hoe is het | hoe is het met je |
    hoe is het met jou | hoe is het met u | hoe gaat het met je | hoe gaat het met jou |
    hoe gaat het met u | alles goed met je | alles goed met jou | how are you doing |
    how is it going | como vai | como vai voce | como esta | tudo bem com voce | que tal
    """
)
# Who a user says they are, after a greeting ("hallo, ik ben fotograaf", "hi, I'm an
# illustrator"): an introduction, not a question. Read as one, "fotograaf" had got the VAT on
# works of art (0.78). Not with anything more ("ik ben fotograaf uit Gent") nor without a
# greeting ("ik ben fotograaf" may answer "wat doe je?").
_INTRODUCING = re.compile(r"(?:ik ben|ik zen|kben|kzen|im|am)(?: een| ne| nen| an)? (\w+)")
_PROFESSIONS = frozenset(
    """
    fotograaf fotografe illustrator illustratrice ontwerper ontwerpster designer
    muzikant muzikante zanger zangeres componist schrijver schrijfster auteur dichter acteur
    actrice danser danseres choreograaf regisseur filmmaker cineast animator kunstenaar
    kunstenares artiest beeldhouwer schilder keramist edelsmid juweelontwerper modeontwerper
    architect interieurarchitect gamedeveloper gameontwikkelaar podcaster dj producer student
    starter zelfstandige freelancer kunstschilder vormgever tekenaar tekenares striptekenaar
    stripmaker stripauteur graficus vertaler vertaalster pottenbakker juwelier goudsmid
    violist violiste gitarist pianist pianiste drummer rapper performer circusartiest
    photographer musician singer composer writer author poet actor actress dancer choreographer
    director artist sculptor painter ceramicist jeweller developer
    keramiste pottenbakster schilderes beeldhouwster kunstschilderes juweelontwerpster
    edelsmidse meubelmaker meubelmaakster acrobaat acrobate jongleur circusartieste
    animatrice regisseuse fotografe podcastmaker muzikantje
    """.split()
)


def names_a_trade(tokens: Sequence[str]) -> bool:
    """Whether a question names the user's creative trade or status ("als kunstenaar", "as a
    freelancer", "zelfstandige"); not a student's or a starter's, which is anyone's ("ik ben
    student, hoeveel studiepunten voor mijn groeipakket?")."""
    return not _TRADES.isdisjoint(tokens)


_TRADES = _PROFESSIONS - frozenset(("student", "starter"))


# What else an introduction may say after a greeting besides a trade, and the user's name and
# town as they write them, capitalised ("Goeiemiddag! Ik ben Hilde, keramiste uit Kessel-Lo",
# "hi, I'm Tom, an illustrator from Ghent"): how words join, an age. Anything more is a
# question ("hallo, ik ben fotograaf en wil weten ...").
_INTRODUCTION_WORDS = frozenset(
    """
    een ne nen uit van in te en hier jaar oud an from and based here years old at ik ben zen
    im am heet naam is
    """.split()
)
_INTRODUCED_AS = tuple("ik ben|ik zen|kben|kzen|im|am|ik heet|mijn naam is|my name is".split("|"))
# A yes or an apology on its own, as after an answer: the user may ask on; never a follow-up
# (read with the topic, "ja" had got the topic's answer again).
_ACKNOWLEDGEMENTS = _whole_messages(
    "ja|jawel|jaja|ja hoor|yes|yep|nee|neen|nope|sorry|sorry hoor|sorri|excuseer|excuses|oeps|oops"
    "|tja|euh|eh|he|hm|hmm"
)
# Whole messages that take an answer in ("goed om te weten", "I see", "got it"): thanks, not a
# question ("I see" had said goodbye, "see" being a farewell; "goed om te weten" had got the
# topic's answer again).
_TAKEN_IN = _whole_messages(
    """
    goed om te weten | good to know | nice to know | i see | ah i see | oh i see | i get it |
    got it | ok got it | makes sense | that makes sense | understood | noted | ah zo | ah ok |
    ah oke | aha | oh ok | oh oke | ah ja | oh zo | ik begrijp het | begrepen | ik snap het |
    alright | allright | all right | will do | zal ik doen | komt in orde | klinkt goed |
    sounds good | interessant | interesting | genoteerd | much obliged | lovely much obliged
    """
)
# Words that may open such a message: "ah oké, goed om te weten!", "ok, got it".
_TAKING_IN = frozenset("ah oh ok oke okay okee ja aha super top cool nice hmm wow".split())
# Yes and no: with courtesy words alone, a message that asks nothing (`asks_nothing`).
_YES_NO = frozenset("ja jaja jawel nee neen nope yes yep no".split())
# Whole messages that end the chat though no word of them is a farewell: "stop" read as a
# question had got the passage on stopping one's business.
_BYE_MESSAGES = _whole_messages(
    """
    stop | quit | exit | dat was het | dat is alles | that all | tot de volgende keer |
    tot volgende keer | tot een volgende keer | until next time |
    sorry verkeerde chat | verkeerde chat | oeps verkeerde chat | sorry verkeerde groep |
    verkeerde groep | sorry verkeerd gestuurd | verkeerd gestuurd | sorry verkeerd kanaal |
    sorry wrong chat | wrong chat | oops wrong chat | sorry wrong channel | wrong channel |
    sorry wrong group | wrong group
    """
)
# What may follow a "nee" that ends the chat: "nee, dat is alles", "neen, geen vragen meer"
# (read as questions, they had got the topic's answer again).
_NO = frozenset("nee neen no nope".split())
_NOTHING_MORE = _whole_messages(
    """
    dat is alles | dat was het | dat is het | das alles | da alles | dat is alles voor nu |
    niks meer | niets meer | niet meer | niks | niets | verder niets | verder niks |
    geen vragen | geen vragen meer | geen verdere vragen | ik heb geen vragen |
    ik heb geen vragen meer | ik weet genoeg | ik heb genoeg info | hoor | that all |
    nothing else | nothing more | no more questions
    """
)
# Whole messages that ask for answers in English or French (courtesy words aside): the passages
# and the answers are Dutch, which the reply says in Dutch and English rather than answering the
# request with a passage ("and in english please?" had got the BOIP's, "werkt dit ook in het
# frans?" too).
_LANGUAGE_MESSAGES = _whole_messages(
    """
    english | in english | and in english | answer in english | reply in english |
    can you answer in english | can you reply in english | can you do that in english |
    do you speak english | can you speak english | speak english | translate |
    translate to english | translate that | can you translate | can you translate that |
    is there an english version | engels | in het engels | en in het engels |
    antwoord in het engels | kan je in het engels antwoorden | kun je in het engels antwoorden |
    spreek je engels | kan je engels | kun je engels | vertaal | vertalen naar het engels |
    frans | in het frans | en in het frans | werkt dit ook in het frans | kan het in het frans |
    kan ik in het frans vragen | spreek je frans | french | in french | en francais |
    parlez vous francais
    """
)
# Function words of French and of German that Dutch and English questions do not use: a
# question written in either gets the language reply ("Comment protéger mes idées?", "Wie
# schütze ich meine Marke?" had got "Daar heb ik geen betrouwbaar antwoord op").
_FRENCH = frozenset(
    "comment est estce que qu quel quelle quels quelles pour avec mes mon ma votre vos notre "
    "nous vous suis sont peux puis dois faut une un du au aux cette ces lequel quoi pourquoi "
    "combien ou oui non".split()
)
_GERMAN = frozenset(
    "ich mich mir meine meinen meiner mein ist sind kann kannst konnen muss musst mussen "
    "eine einen einer nicht und fur mit auf welche welcher welches gibt wo warum wieviel "
    "bekomme bekommen brauche".split()
)
# How many of them make a question French or German: one may be a name or a loanword.
_FOREIGN_WORDS = 2
# Function words of Limburg and Flemish dialects, which say "ich" and "mit" like German: "zit
# ich as eenmanszaak mit mien huis aansprakelijk" had been told to ask in Dutch or English.
_DIALECT = frozenset("as mien mie mienen vur veur ne nen wa daor neet nie ni zit wil".split())


# Words a message about the language of the conversation is made of ("hi! you speak english?
# my dutch is not so good", "sorry, mijn Nederlands is niet zo goed"), with a language's name:
# no subject of the domain.
# In which language one may write to Wegwijzer, a whole clause: "In which languages can I talk
# to you?", "welke talen spreek je?"; not "in welke taal mag ik mijn dossier indienen".
_WHICH_LANGUAGES = re.compile(
    r"(?:in )?(?:which|what|welke) (?:languages?|talen|taal)"
    r" (?:(?:can|may) i (?:talk|speak|write|chat) (?:to|with) you"
    r"|do you (?:speak|understand)"
    r"|(?:spreek|spreekt|versta|verstaat|ken|kent) (?:je|jij|u|ge|gij)"
    r"|(?:kan|mag) ik (?:met )?(?:je|jou|u) (?:praten|spreken|schrijven|chatten))"
    r"(?: (?:eigenlijk|allemaal|all|here|hier))*"
)
_LANGUAGES = frozenset("english engels dutch nederlands vlaams flemish french frans".split())
_SPEAKING = frozenset(
    """
    speak spreek spreekt spreken talk praat praten understand versta verstaat begrijp reply
    answer write antwoord antwoorden schrijf schrijven ask stel stellen type typen chat chatten
    """.split()
)
_LANGUAGE_TALK = _LANGUAGES | frozenset(
    """
    speak spreek spreekt spreken talk praat praten understand versta verstaat begrijp read lees
    write schrijf only alleen little bit beetje goed good well bad slecht poor not niet nie ni
    so zo very heel erg my mijn mn your you je jij are am is do does can could kan kun kunt the
    het de een answer antwoord antwoorden reply please sorry also ook or of and en enough
    genoeg yet nog still learning leer leren in ge gij jullie right yes ok
    i ik it to if may mag mogen okay oke fine alright possible mogelijk questions question
    vragen vraag ask stel stellen type typen chat chatten schrijven hier here
    """.split()
)


# A pronoun for what is written, after a verb of writing or before "in" (`_about_the_language`).
_WRITTEN_PRONOUNS = frozenset("het it dat da die dit this that".split())


def _about_the_language(tokens: Sequence[str]) -> bool:
    """Whether a message only talks about the language the user speaks or is answered in:
    with a verb of speaking or the user's own language ("my dutch"), not "kan het in het
    engels?", which after a topic asks whether an application may be in English."""
    speaks = bool(_SPEAKING.intersection(tokens)) or any(
        a in _OWNERS and b in _LANGUAGES for a, b in itertools.pairwise(tokens)
    )
    # What is written: "can I write it in English?", "mag ik het in het engels schrijven?"
    # after an application ask in which language it may be (not "is it ok to write ...").
    written = any(
        t in _WRITTEN_PRONOUNS and (_next(tokens, i) == "in" or (i and tokens[i - 1] in _SPEAKING))
        for i, t in enumerate(tokens)
    )
    return (
        speaks
        and not written
        and bool(_LANGUAGES.intersection(tokens))
        and all(t in _LANGUAGE_TALK or t in GREETINGS or t in COURTESY_WORDS for t in tokens)
    )


def _foreign(tokens: Sequence[str]) -> bool:
    """Whether a question is written in French or German: at least `_FOREIGN_WORDS` different
    function words of theirs ("ich" said twice is one), more than the Dutch, dialect and
    English ones."""
    own = sum(t in DUTCH_MARKERS or t in ENGLISH_MARKERS or t in _DIALECT for t in tokens)
    return any(
        (n := len(words.intersection(tokens))) >= _FOREIGN_WORDS and n > own
        for words in (_FRENCH, _GERMAN)
    )


# Whole messages that ask about Wegwijzer itself, its sources or what it keeps: "wie heeft jou
# gemaakt?" had got Antwerp's "Kunst maakt de stad" (0.71).
_ABOUT_MESSAGES = _whole_messages(
    """
    waar komt deze informatie vandaan | waar komt die informatie vandaan |
    waar komt je informatie vandaan | waar haal je je informatie | waar haal je dat vandaan |
    waar komt deze info vandaan | wat zijn je bronnen | welke bronnen gebruik je |
    wie heeft jou gemaakt | wie heeft je gemaakt | wie maakte jou | wie zit achter wegwijzer |
    wie zit er achter wegwijzer | hoe oud is deze info | hoe oud is deze informatie |
    hoe actueel is deze info | hoe actueel is deze informatie | is dit juridisch advies |
    is dit betrouwbaar |
    where does this information come from | what are your sources | who made you |
    who built you | is this legal advice | met wie heb ik het genoegen |
    met wie heb ik eigenlijk het genoegen | met wie spreek ik | met wie praat ik |
    met wie spreek ik eigenlijk | who am talking to | who am speaking with | who is this
    """
)
_PRIVACY_MESSAGES = _whole_messages(
    """
    wat doen jullie met mijn gegevens | wat doe je met mijn gegevens | wat bewaar je |
    wat bewaren jullie | bewaar je mijn vragen | bewaren jullie mijn vragen |
    wat gebeurt er met mijn vragen | wat gebeurt er met mijn gegevens | privacy |
    what do you do with my data | do you store my questions | do you keep my questions
    """
)
# Whole messages that say an answer was wrong or missed the point: read as a question, "dat klopt
# niet" was sent to the Cultuurloket with "Daar heb ik geen betrouwbaar antwoord op".
_WRONG_MESSAGES = _whole_messages(
    """
    dat klopt niet | klopt niet | dat is fout | fout | verkeerd | verkeerd antwoord |
    je antwoord is fout | je antwoord klopt niet | dat is niet juist | niet juist |
    dat is niet wat ik vroeg | dat is niet wat ik bedoel | dat bedoel ik niet |
    dat bedoelde ik niet | niet wat ik zocht | dat is het niet | nee dat is het niet |
    dat is niet wat ik zoek | ik zoek iets anders | ik bedoel iets anders |
    ik bedoelde iets anders | that is wrong | that wrong | wrong | wrong answer |
    not what i asked | that not what i asked | that is not correct | not correct |
    niet duidelijk | dat is niet duidelijk | onduidelijk | dat is onduidelijk |
    ik snap het niet | ik begrijp het niet | snap ik niet | begrijp ik niet | ik snap er niks van |
    dat helpt niet | dat helpt me niet | helpt niet | dat helpt mij niet |
    not clear | that is not clear | i do not understand | i don dont understand |
    i dont understand | that does not help | that doesn doesnt help | that doesnt help |
    does not help | dat slaat nergens op | dit slaat nergens op | da slaat nergens op |
    slaat nergens op | dees slaat nergens op | that makes no sense | this makes no sense |
    makes no sense
    """
)
# Farewells that are not also greetings: "dag" and "daag" are Flemish for hello and for
# goodbye, and say goodbye only after "tot", which in smalltalk always does ("tot ziens", "tot
# morgen", "dag en tot straks").
_BYE = FAREWELLS - GREETINGS


# `asks_who_helps`: a help word asked of someone or somewhere ("waar kan ik terecht?": where
# can I go).
# Advising and guiding are helping: "wie kan me adviseren?", "who can advise me?".
_ADVISING = frozenset(
    "adviseren adviseert adviseer begeleiden begeleidt advise advises advising guide".split()
)
_HELP_VERBS = HELP | _ADVISING | frozenset("helpt helps helping geholpen terecht".split())
_WHO_OR_WHERE = frozenset("wie waar who where".split())
# Asking whether someone helps asks who does: "kan iemand mij helpen?", "is er iemand die
# helpt?", "can anyone help me?". Not in a message that thanks or praises ("super, iemand
# heeft me al geholpen"), not when the help is done ("geholpen", "helped"), and not when the
# user is the one who helps ("ik wil iemand helpen").
_SOMEONE = frozenset("iemand someone somebody anyone anybody".split())
_HELPED = frozenset("geholpen helped".split())
_HELPERS = frozenset("ik wij we i".split())
_OK = frozenset("ok oke okay okee".split())  # "ok, kan iemand mij helpen?" still asks


def asks_who_helps(tokens: Sequence[str]) -> bool:
    """Whether a message asks who or where helps ("who can help me?", "wie kan mij helpen?",
    "kan iemand mij helpen?"): alone a request for help with Wegwijzer, after a topic maybe a
    question about it. The question word comes first, and the message does not address
    Wegwijzer ("wie ben jij? help")."""
    words = set(tokens)
    if words & _ADDRESS:
        return False
    helping = [i for i, t in enumerate(tokens) if t in _HELP_VERBS]
    asking = [i for i, t in enumerate(tokens) if t in _WHO_OR_WHERE]
    if asking and helping and asking[0] < helping[-1]:
        return True
    if words & (THANKS - _HELP_VERBS - _OK):
        return False
    someone = [i for i, t in enumerate(tokens) if t in _SOMEONE and not set(tokens[:i]) & _HELPERS]
    helped = [i for i in helping if tokens[i] not in _HELPED]
    return bool(someone and helped and someone[0] < helped[-1])


# Verbs of making a work, whose object is what the maker makes: "ik ontwerp brillen".
_MAKING = frozenset(
    """
    ontwerp ontwerpt ontwerpen ontwierp ontwierpen ontworpen design designs designed designing
    illustreer illustreert illustreren illustreerde schilder schildert schilderen schilderde
    fotografeer fotografeert fotograferen boetseer
    """.split()
)  # not "teken": "moet ik een compromis tekenen?" signs a contract
# Works whose subject follows "over" or "about": "een film over een begrafenis".
_WORKS = frozenset(
    """
    film films kortfilm documentaire docu serie podcast boek boeken roman strip strips
    stripverhaal novel voorstelling theatervoorstelling dansvoorstelling expo tentoonstelling
    lied liedje liedjes album game fotoreeks fotoboek reportage illustraties schilderij
    schilderijen kunstwerk installatie movie documentary series book comic exhibition song songs
    """.split()
)  # not "reeks", "show", "play": "een reeks vragen over", "show me more about"
# Words before "over" that make it ask about something: "een vraag over", "meer info over".
_ASKING = frozenset("vraag vragen vraagje info informatie uitleg meer question questions".split())
_ABOUT = frozenset("over about".split())
# What of a work one protects or names, and whose: "het ontwerp van mijn jurk", "het logo van
# onze bakkerij", "the design of my lamp" name the work after the owner's word. Dutch "of" is
# "or": "mijn naam of mijn logo" names no work.
_OF = {
    "van": frozenset("ontwerp vorm logo naam uiterlijk".split()),
    "of": frozenset("design shape look logo name".split()),
}
_OWNERS = frozenset("mijn mn ons onze my our".split())  # ("m'n" is the token "mn")
# Things a maker makes, and the crafts they make them in, that no passage is about, wherever a
# question names them: "is mijn keramiek beschermd?", "de vorm van mijn ringen", "a fair for
# furniture", "welke btw voor mijn kalligrafie?" name the user's work, a detail of the
# question, even where a passage mentions the word in passing (in a list of crafts). Not a
# word a passage is about ("logo", "naam", "film", "foto", "boek", "game": each protected,
# subsidised or taxed as such; "sculptuur", "tapijt": works of art), nor one with an everyday
# second meaning ("kom", "schaal", "pot", "bord", "tafel", "zetel", "soap", "chair"), nor a
# service ("tattoo": "which VAT rate do I charge for a tattoo?" asks about tattoos).
# Nor in a question on VAT when a passage on VAT names it (`Assistant._with_made`): the rate
# depends on what is sold, and "valt keramiek onder 6% btw?" asks about the ceramics ("unieke
# keramiek" is among the works of art at 6%); "6% btw op mijn vazen?" names the user's vases.
CRAFTED = frozenset(
    """
    keramiek vaas vazen potten mok mokken ring ringen juweel juwelen sieraad sieraden ketting
    kettingen halsketting armband armbanden oorbellen broche lamp lampen stoel stoelen kast
    kasten meubel meubels meubelen kruk krukken tas tassen handtas handtassen jurk jurken rok
    rokken jas jassen trui truien shirts tshirts hoed hoeden sjaal sjaals schoen schoenen
    sneakers kaars kaarsen zepen speelgoed knuffels glasraam glasramen glasobject glasobjecten
    kledingstuk kledingstukken
    kalligrafie aquarel aquarellen linosnede linosnedes houtsnede houtsnedes mozaiek glaskunst
    borduurwerk borduurwerken haakwerk breiwerk macrame origami letterpress
    watercolour watercolours watercolor watercolors linocut linocuts woodcut
    woodcuts mosaic embroidery crochet knitting
    vase vases mug mugs bowl bowls jewellery jewelry rings necklace necklaces bracelet earrings
    lamps furniture bag bags dress dresses shirt shoes candles toys ceramics pottery
    """.split()
)
_VAT = frozenset("btw tva vat omzetbelasting".split())
# Who makes: the making verbs count only after one ("ik ontwerp brillen"), since "ontwerp",
# "design" and "schilder" are nouns too ("Design Platform Vlaanderen", "design jobs").
_MAKERS = frozenset("ik we wij jij je ze zij hij you they".split())  # ("I" is no token)
# How many of the words after a making verb, or after a work's "over", name the work.
_WORK_WORDS = 2


def charges(tokens: Sequence[str]) -> frozenset[int]:
    """The positions of the forms of "vragen" in one clause's tokens that mean to charge a
    price, not to ask or to apply: before an amount ("nu vraag ik 150 euro voor een avond", "ik
    vraag 45 euro per uur"), after "hoeveel" with a modal ("hoeveel moet ik vragen voor een
    show?", "hoeveel mag ik per uur vragen"), or after "wat" with a modal and before "voor" or
    "per" ("wat moet ik vragen voor een print?"); as a finite verb right after "hoeveel" or
    "wat", with who charges behind it ("hoeveel vraag ik als muzikant voor een optreden",
    "hoeveel vraagt een fotograaf per uur", "wat vraag ik best voor een uur spelen"; not the
    noun: "hoeveel vraag is er naar keramiek"). Not beside a grant, a loan or any support
    ("hoeveel subsidie kan ik vragen?", "hoeveel kan ik vragen bij het cultuurkrediet?") or
    damages ("hoeveel vergoeding mag ik vragen?" after an infringement), nor asking someone
    ("wat moet ik vragen aan mijn boekhouder?")."""
    if (
        _SUPPORT_ASKED.intersection(tokens)
        or any(t.startswith(_SUPPORT_PREFIXES) for t in tokens)
        or any(t.endswith(_PROCEDURE_ENDINGS) or t in _PROCEDURE_CARDS for t in tokens)
    ):
        return frozenset()
    found: set[int] = set()
    for i, t in enumerate(tokens):
        if t not in _VRAGEN:
            continue
        after = tokens[i + 1 : i + 4]
        before = tokens[max(0, i - 6) : i]
        priced = any(NUMBER.fullmatch(w) or w in _MONEY for w in after)
        modal = _MODALS.intersection(before)
        how_much = "hoeveel" in before and bool(modal)
        what_for = (
            bool({"wat", "wa"}.intersection(before))
            and bool(modal)
            and bool(_FOR_OR_PER.intersection(tokens[i + 1 : i + 2]))
        )
        finite = (
            i > 0
            and tokens[i - 1] in _HOW_MUCH_OR_WHAT
            and i + 1 < len(tokens)
            and tokens[i + 1] in _WHO_CHARGES
            and (t == "vraagt" or tokens[i + 1] != "een")
            and "aan" not in tokens[i + 1 : i + 4]
            # "wat" charges for something ("wat vraag ik voor een print"), or asks what to ask
            and (
                tokens[i - 1] == "hoeveel" or bool(_FOR_OR_PER.intersection(tokens[i + 2 : i + 5]))
            )
        )
        if (priced or how_much or what_for or finite) and "aan" not in tokens[i + 1 : i + 2]:
            found.add(i)
    return frozenset(found)


def priced(tokens: Sequence[str], charged: Collection[int]) -> frozenset[int]:
    """The positions of what a price is charged for: the first `_PRICED_WORDS` words after
    "voor" within four words behind a form of "vragen" that charges (`charges`), articles and
    possessives left out: "show" in "hoeveel moet ik vragen voor een show?", "ring" in
    "hoeveel vraag ik voor een ring", "optreden" past the role in "hoeveel vraag ik als
    muzikant voor een optreden". What the user sells, a detail of the question, not its subject
    (Sabam's rates for shows had answered)."""
    found: set[int] = set()
    for i in charged:
        start = next(
            (k + 1 for k in range(i + 1, min(len(tokens), i + 6)) if tokens[k] in _FOR_PRICE),
            None,
        )
        if start is None:
            continue
        words = [k for k in range(start, len(tokens)) if tokens[k] not in _PRICE_FILLERS]
        found.update(words[:_PRICED_WORDS])
    return frozenset(found)


_FOR_PRICE = frozenset("voor vo veur".split())
_PRICE_FILLERS = frozenset("een ne nen e de den het t mijn mn m onze ons zo zon".split())
_PRICED_WORDS = 2
_VRAGEN = frozenset("vragen vraag vraagt vroeg vroegen vrage".split())
# Before a finite "vragen" that charges (`charges`): the word that asks how much or what, and
# who charges after it (a pronoun, or "een" before a maker: "hoeveel vraagt een fotograaf").
_HOW_MUCH_OR_WHAT = frozenset("hoeveel wat wa".split())
_WHO_CHARGES = frozenset("ik k je jij ge gij we wij jullie ze zij u een".split())
_FOR_OR_PER = frozenset("voor vo veur per".split())
_MONEY = frozenset("euro eur € k".split())
# (words of support that start with `_SUPPORT_PREFIXES` are left out of the set)
_SUPPORT_ASKED = frozenset(
    """
    steun beurs beurzen tegemoetkoming uitkering voorschot cultuurkrediet winwinlening
    startlening vergoeding schadevergoeding
    """.split()
)
_SUPPORT_PREFIXES = ("subsidie", "lening", "krediet", "premie", "toelage")
# ... nor beside a procedure's document ("wat moet ik vragen voor een kunstwerkattest?"; a
# "postkaart" is a thing to price).
_PROCEDURE_ENDINGS = ("attest", "attesten", "visum", "vergunning", "portefeuille", "statuut")
_PROCEDURE_CARDS = frozenset("beroepskaart kunstenaarskaart arbeidskaart".split())


# A role the user speaks in: "als keramist", "as decorbouwer", "voor een videograaf".
_AS = frozenset("als as".split())
_A_ROLE = frozenset("een ne nen e".split())
# "ik ben", "kben", "we zijn": what follows says what the user is ("kben zelfstandig
# goudsmid"). "zijn" only after "we": alone it is mostly "his" ("hij wil zijn decorbouwer
# betalen"), someone else's trade.
_AM = frozenset("ben kben".split())
_WE = frozenset("we wij me".split())
# What may come between them and the trade ("ik ben ook zelfstandig fotograaf").
_AM_SKIPPED = _A_ROLE | frozenset(
    """
    zelfstandig zelfstandige freelance beroeps professioneel ook zelf al nog beginnend
    beginnende
    """.split()
)
_FOR_A = frozenset("voor vo veur vur".split())
# The endings of the creative trades: not "als flexijobber", "als poetshulp", "als
# verpleegkundige", whose questions are no questions of the domain.
_ROLE_ENDINGS = tuple(
    """
    ist iste graaf grafe maker maakster bouwer ontwerper ontwerpster tekenaar tekenares smid
    schilder schrijver speler speelster zanger zangeres danser danseres technicus technieker
    artiest kunstenaar kunstenares filmer regisseur regisseuse muzikant muzikante performer
    illustrator illustratrice animator acteur actrice vormgever binder goochelaar youtuber
    vlogger blogger influencer podcaster pottenbakker beeldhouwer designer cineast glazenier
    """.split()
)


def role_words(tokens: Sequence[str]) -> frozenset[int]:
    """The positions of words that say in what creative trade the user asks, by its ending:
    the word after "als" ("als decorbouwer", "als een harpiste"), after "ik ben" ("ik ben
    gitaarbouwer", "kben zelfstandig decorbouwer") or after "voor een" ("verplicht voor een
    videograaf")."""
    at: set[int] = set()
    for i, t in enumerate(tokens):
        j = i + 1
        am = t in _AM or (t == "zijn" and i > 0 and tokens[i - 1] in _WE)
        if t in _AS or am:
            skipped = _AM_SKIPPED if am else _A_ROLE
            while j < len(tokens) and tokens[j] in skipped:
                j += 1
            if j < len(tokens) and tokens[j].endswith(_ROLE_ENDINGS):
                at.add(j)
        elif (
            t in _FOR_A
            and j + 1 < len(tokens)
            and tokens[j] in _A_ROLE
            and tokens[j + 1].endswith(_ROLE_ENDINGS)
        ):
            at.add(j + 1)
    return frozenset(at)


def asks_about_vat(tokens: Sequence[str]) -> bool:
    """Whether a question is about VAT ("btw", "btw-tarief", "btwplichtig", "TVA", "VAT")."""
    return any(t in _VAT or t.startswith("btw") for t in tokens)


def may_name_a_work(tokens: Sequence[str]) -> bool:
    """Whether `work_subject` can find anything in a text's tokens (a quick test first)."""
    return (
        not _MAKING.isdisjoint(tokens)
        or not _ABOUT.isdisjoint(tokens)
        or not _OF.keys().isdisjoint(tokens)
        or not CRAFTED.isdisjoint(tokens)
    )


def work_subject(tokens: Sequence[str], words: Collection[str]) -> frozenset[int]:
    """The positions in `tokens` of the words (of `words`, a question's content words) that
    name what a maker makes or what a work is about: "brillen" in "ik ontwerp brillen, hoe
    bescherm ik mijn model?", "begrafenis" in "we maken een film over een begrafenis", "jurk"
    in "hoe bescherm ik het ontwerp van mijn jurk?", and a thing of `CRAFTED` wherever it
    stands ("is mijn keramiek beschermd?"). They tell what the user's work is, not what the
    question is about: glasses and funerals are subjects outside the domain, a design and a
    film's tax shelter are not. One clause at a time: the tokens carry no punctuation."""
    named: set[int] = set()
    for i, token in enumerate(tokens):
        if token in CRAFTED and token in words:
            named.add(i)  # "is mijn keramiek beschermd?"
        # "ik ontwerp ...", "een film over", "a short documentary about": a work right before
        # "over" or one word before it, and not "een vraag over".
        about = (
            token in _ABOUT
            and bool(_WORKS.intersection(tokens[max(0, i - 2) : i]))
            and tokens[i - 1] not in _ASKING
        )
        makes = token in _MAKING and i > 0 and tokens[i - 1] in _MAKERS
        # "het ontwerp van mijn jurk": the work comes after the owner's word.
        owned = (
            token in _OF
            and 0 < i < len(tokens) - 1
            and tokens[i - 1] in _OF[token]
            and tokens[i + 1] in _OWNERS
        )
        if not (makes or about or owned):
            continue
        # The words in a row right after the verb, "over" or the owner, past one word (an
        # article): "ik schilder graag hoe vraag ik een paspoort aan" paints no passports.
        after = i + 2 if owned else i + 1
        near = (after, after + 1)
        start = next((j for j in near if j < len(tokens) and tokens[j] in words), None)
        for k in range(start, min(start + _WORK_WORDS, len(tokens))) if start is not None else ():
            if tokens[k] not in words or tokens[k] in _MAKING:
                break
            named.add(k)
    return frozenset(named)


# Asking whom to turn to, without a help word: "wie kan ik contacteren?", "bij wie moet ik
# daarvoor aankloppen?", "who should we contact about it?", "waar kan ik contact opnemen?".
# Not "ask" ("who can ask for it?" asks who may apply) nor "call" (an open call).
_TURN_TO = frozenset(
    """
    contact contacteren contacteer contacten opnemen aankloppen aanspreken richten richt
    wenden wend bellen bel touch
    """.split()
)


# What one turns to a desk with: "waar kunnen we met vragen terecht?" after the SBKs asks who
# helps with them, as "wie kan ons helpen?" does (it had got an SBK's coefficient).
_QUESTIONS = frozenset("vragen vraag questions question".split())
_WITH = frozenset("met with".split())
_QUESTIONS_REACH = 3  # "met vragen", "met al mijn vragen", "with all these questions"


def asks_for_a_desk(tokens: Sequence[str], words: Collection[str]) -> bool:
    """Whether a question asks only who or where helps, naming nothing else (`words`: its
    content words): "wie kan mij helpen?", "waar kan ik terecht?", "wie kan me daarbij
    helpen?", "waar kunnen we daarvoor terecht?" ("we" is a content word of retrieval), "who
    can help me with that?", "bij wie moet ik daarvoor zijn?", "who should we contact about
    it?"; not "wie kan mij helpen met mijn btw?"."""
    with_questions = _with_questions(tokens)
    return (asks_who_helps(tokens) or asks_whom(tokens)) and all(
        _asks_for_help(w) or w in with_questions for w in words
    )


def _with_questions(tokens: Sequence[str]) -> set[str]:
    """The words of a message that name the questions one turns to a desk with: "vragen" at
    most `_QUESTIONS_REACH` words after "met" or "with" ("waar kunnen we met vragen terecht?",
    "with these questions"); not the verb ("bij wie moet ik dat vragen?" asks where to apply)."""
    return {
        t
        for i, t in enumerate(tokens)
        if t in _QUESTIONS and _WITH.intersection(tokens[max(0, i - _QUESTIONS_REACH) : i])
    }


def _asks_for_help(word: str) -> bool:
    """Whether a content word of a request for a desk only asks for help or whom to turn to:
    a verb of helping or contacting, a word pointing back, or the one who asks."""
    return word in _HELP_VERBS or word in _TURN_TO or word in REFERENCE_WORDS or word in _SUBJECTS


# The sector's people and what they ask a desk for: "waar kan ik als kunstenaar terecht voor
# advies?", "who can help me as an artist?" ask for the sector's desk, not for one group's.
_SECTOR_PEOPLE = (
    _ADVISING
    | _QUESTIONS
    | frozenset(
        """
        kunstenaar kunstenaars artiest artiesten creatieveling creatievelingen maker makers
        artist artists creative creatives
        advies raad juridisch juridische zakelijk zakelijke
        advice legal business
        """.split()
    )
)


def asks_for_the_sector_desk(tokens: Sequence[str], words: Collection[str]) -> bool:
    """Whether a question asks only who or where helps someone of the sector, with advice or
    questions in general ("waar kan ik als kunstenaar terecht voor advies?", "who can help me
    with legal questions as an artist?"), naming nothing else."""
    return (
        (asks_who_helps(tokens) or asks_whom(tokens) or "terecht" in tokens)
        and any(w in _SECTOR_PEOPLE for w in words)
        and all(_asks_for_help(w) or w in _SECTOR_PEOPLE for w in words)
    )


def asks_whom(tokens: Sequence[str]) -> bool:
    """Whether a message asks whom to turn to: "bij wie", "tot wie", "met wie", "to whom", or
    who or where with a verb of contacting after it."""
    pairs = set(itertools.pairwise(tokens))
    if pairs & {("bij", "wie"), ("tot", "wie"), ("met", "wie"), ("to", "whom")}:
        return True
    asking = [i for i, t in enumerate(tokens) if t in _WHO_OR_WHERE]
    contacting = [i for i, t in enumerate(tokens) if t in _TURN_TO]
    return bool(asking and contacting and asking[0] < contacting[-1])


# A message that thanks and says only that the answer helped or what the user will do now
# ("thanks, that helped", "bedankt, ik ga ze bellen", "dank je, nu weet ik genoeg") is thanks:
# read as a question, "that helped" had got the passage on help after an infringement. Beside
# thanks, courtesy and stopwords it holds only these words (`_thanks_for_an_answer`); not
# words that ask for more ("ik zoek nog info", "I need a form").
_AFTER_AN_ANSWER = frozenset(
    """
    weet weten wist wou wilde genoeg geholpen verder zocht bellen bel mailen mail contacteren
    contacteer contact proberen probeer doen doe ga gaan antwoord antwoorden uitleg info
    informatie duidelijk helder begrepen snap snappen lezen lees al nu straks later morgen
    alvast zeker meteen direct opvolgen regelen precies eindelijk deftig deftige nuttig nuttige
    bruikbaar duidelijke heldere uitgelegd uitgebreid uitgebreide uitvoerig uitvoerige
    beantwoord beantwoordt beantwoordde vraag nodig
    finally useful helpful explained answered question
    helped helps needed wanted know knew got understand clear call email check try will ill
    ll do read answer answers information already now tomorrow thats exactly just what looking
    """.split()
)
# At most this many words: a longer message says more than thanks.
_THANKS_MESSAGE_WORDS = 12
# "bedankt, nog een vraag": thanks before a question.
_ANNOUNCED = frozenset("vraag vraagje vragen question questions".split())
# "merci, en voor een vzw": what follows the thanks asks on.
_ASKING_ON = frozenset("en and maar but".split())
# What opens a question after the thanks: a question word, or a verb before its subject
# ("ok, kan ik ze bellen", "thanks, do I need to call them").
_QUESTION_OPENERS = frozenset(
    """
    hoe wat wie waar wanneer welke welk hoeveel hoelang waarom kan kun kunt kunnen mag mogen
    moet moeten is zijn ben bent heb heeft hebben zal zullen wil wilt willen zou wordt
    how what who where when which why can could should would will may must do does did is are
    """.split()
)


def opens_a_question(sentence: str) -> bool:
    """Whether a sentence opens as a question does, with or without its question mark: with a
    question word ("what's the difference with a licence"); not an exclamation ("Wat een
    gedoe", "Hoe dan ook"), nor a verb first, which in chat is as often a statement whose
    subject was left out ("Zou ik graag weten", "Heb ik al geprobeerd")."""
    words = _words_of(sentence)
    return (
        bool(words)
        and words[0] in WORDS_THAT_ASK
        and not (len(words) > 1 and words[1] in _EXCLAIMED)
    )


def _thanks_for_an_answer(text: str, tokens: Sequence[str], stopwords: Collection[str]) -> bool:
    """Whether a message thanks for an answer and asks nothing (see `_AFTER_AN_ANSWER`): no
    question mark, no question word or verb opening what follows the thanks, no "en" or
    "and" that asks on, no question it announces, no praise undone by "niet" ("ik snap het
    nog niet", "ok, dat helpt me niet verder"); the user's own question answered is no question
    announced ("thanks, that answered my question")."""
    words = set(tokens)
    if "?" in text or len(tokens) > _THANKS_MESSAGE_WORDS or not words & THANKS:
        return False
    if words & _NOT_OR_IF or any(
        t in _ASKING_ON
        # (praise on both sides joins it: "dat is helder en precies wat ik nodig had")
        and not (
            i > 0
            and tokens[i - 1] in _AFTER_AN_ANSWER
            and (i + 1 == len(tokens) or tokens[i + 1] in _AFTER_AN_ANSWER)
        )
        for i, t in enumerate(tokens)
    ):
        return False
    if any(
        t in _ANNOUNCED and (not i or tokens[i - 1] not in _OWNERS) for i, t in enumerate(tokens)
    ):
        return False
    said = list(itertools.dropwhile(lambda t: t in THANKS or t in COURTESY_WORDS, tokens))
    if said and said[0] in _QUESTION_OPENERS:
        return False
    return all(
        t in _ALLOWED or t in stopwords or t in _AFTER_AN_ANSWER or t in REFERENCE_WORDS
        for t in tokens
    )


def message_smalltalk(
    text: str, tokens: Sequence[str], stopwords: Collection[str] = ()
) -> str | None:
    """`smalltalk_kind` of a message, which may also be a bot command or emoji alone; as talk
    without the "nee" that opens it, too ("nee, ik heb nog een vraag", "nope, doesn't help"),
    which the search leaves out of its words (`analysis.CORRECTING_NO`)."""
    kind = _message_smalltalk(text, tokens, stopwords)
    rest = list(itertools.dropwhile(_NO.__contains__, tokens))
    if kind is None and rest and len(rest) < len(tokens):
        kind = _message_smalltalk(text, rest, stopwords)
    return kind


def _message_smalltalk(
    text: str, tokens: Sequence[str], stopwords: Collection[str] = ()
) -> str | None:
    """`message_smalltalk` of a message as `tokens` read it."""
    tokens = _farewells_as_ciao(" ".join(tokens)).split()  # "ok tchau ... boa noite"
    # What follows a greeting: "hallo, ik heb een vraag".
    whole = " ".join(itertools.dropwhile(GREETINGS.__contains__, tokens))
    if _COMMAND.fullmatch(text.strip()) or _POLITE_ENDING.sub("", whole) in _HELP_MESSAGES:
        return "help"
    if whole in _CLOCK_MESSAGES or _ARITHMETIC.fullmatch(text):
        return "help"  # "hoe laat is het?", "hoeveel is 5 keer 7?"
    if whole in _HELLO_MESSAGES or (
        tokens
        and tokens[0] in GREETINGS
        and (
            ((who := _INTRODUCING.fullmatch(whole)) is not None and who.group(1) in _PROFESSIONS)
            or ("?" not in text and _introduces(whole.split(), _names(text), _towns(text)))
        )
    ):
        return "hello"
    if (
        whole in _BYE_MESSAGES
        or (
            tokens[:1]
            and tokens[0] in _NO
            # (thanks beside it: "nee, ik heb geen vragen meer, bedankt")
            and " ".join(t for t in tokens[1:] if t not in _THANKING and t != "je") in _NOTHING_MORE
        )
    ):
        return "bye"
    if whole in _ABOUT_MESSAGES:
        return "about"
    if whole in _WRONG_MESSAGES or (" ".join(tokens[1:]) in _WRONG_MESSAGES and tokens[0] in _NO):
        return "wrong"
    if whole in _PRIVACY_MESSAGES:
        return "privacy"
    if whole in _ACKNOWLEDGEMENTS:
        return "help"
    taken_in = " ".join(itertools.dropwhile(_TAKING_IN.__contains__, tokens))
    if "?" not in text and (whole in _TAKEN_IN or taken_in in _TAKEN_IN):
        return "thanks"
    if (
        " ".join(t for t in tokens if t not in _FILLERS) in _LANGUAGE_MESSAGES
        or _foreign(tokens)
        or _about_the_language(tokens)
    ):
        return "language"
    if not tokens:
        # No word at all ("?", "...", "🤷"): never a question, and read with a conversation's
        # topic it would get the topic's answer again.
        symbols = set(text)  # one code point each: "👍🏽" holds 👍, "❤️" holds ❤
        if symbols & _HELLO_EMOJI:
            return "hello"
        if symbols & _THANKS_EMOJI:
            return "thanks"
        return "help"
    if set(tokens) & _VENTING and all(
        t in _VENTING or t in _ALLOWED or t in stopwords for t in tokens
    ):
        return "wrong"  # "IK BEN HET KOTSBEU", "merci maar dat is nutteloos": no question
    if _complains(text, tokens, stopwords):
        return "wrong"
    kind = smalltalk_kind(tokens, stopwords, asking="?" in text)
    if kind is None and _thanks_for_an_answer(text, tokens, stopwords):
        return "thanks"
    return kind


# Talk the word lists above do not know, told by its cues (see `talk_kind`). The lists catch the
# phrasings seen; each new group of users brings others ("Goedemiddag. Ik ontwerp lettertypes
# en verkoop die via mijn eigen webshop.", "merci darling, ge zijt een schat", "Ik vrees dat u
# mijn vraag verkeerd begrepen heeft.", "Ben jij een AI of zit er iemand van de overheid
# achter?": in the fourteenth bug bash 23 of its 32 smalltalk messages).
# A greeting that opens a letter, beside `GREETINGS`; "Beste" only before a comma or whom it
# addresses ("beste manier om ..." is the best way).
_SALUTATIONS = frozenset("geachte".split())
# Greetings that are words of time too ("Morgen vervalt de termijn", "Dag 1 als zelfstandige",
# "Welkom in mijn atelier: zo heet mijn expo"): an opening only with a mark right after it.
_TIMELY = frozenset("dag daag morgen middag avond voormiddag namiddag welkom".split())
# After a farewell: "daag! tot volgende week" says goodbye.
_UNTIL = frozenset("tot later ziens straks".split())
# A message that ends by taking leave: a last clause of its own that only takes leave (a word
# that does nothing else, or "tot" with when; thanks beside it), after a clause in which the
# user tells what they will do ("Oké, wij gaan weer muren witten. Doei!"); or, unpunctuated,
# such a word right before "tot" ("ik ben weg naar mijn set ciao tot de volgende"). Not "Mijn
# contract loopt tot volgende week", "Mijn band heet Salut", "Tarief btw voor een concertticket.
# salu" (no one tells anything), nor a letter's "groetjes" under a question.
_LEAVE_TAKING = frozenset(
    """
    doei daag ciao salu salut bye goodbye byebye adieu houdoe doeg cya tchau tchao tty ttyl
    slaapwel welterusten goeienacht goedenacht peace adios ajuu ajuus salukes
    gorusuruz hoscakal hoscakalin
    """.split()
)
_WHEN_AGAIN = frozenset("ziens later straks morgen snel volgende".split())
_IN_A_FAREWELL = (
    _LEAVE_TAKING
    | _WHEN_AGAIN
    | frozenset(
        "tot de een e keer week en and merci bedankt dank thanks thx allemaal iedereen".split()
    )
    | frozenset("nog eens ok oke allee allez top he hoor se voor vo alles".split())
)
_NARRATORS = frozenset("ik k ich we wij i im".split())
# ... and of going on with something: "wij gaan weer muren witten", "we bespreken het", "ik
# ben weg"; not "Ik ben fotograaf en heb 40 trouwreportages per jaar. Daag", "ik snap het
# forfait niet salu tot de volgende".
_GOING_ON = frozenset(
    """
    ga gaan gaat gaon goan goa weg bespreek bespreken bel bellen vertrek vertrekken slag regel
    regelen go going
    """.split()
)
# ... and no trouble told beside it ("ik probeer het kunstwerkattest aan te vragen maar het lukt
# niet. doei", "i have no idea about vat. bye"), in a few words ("we gaan een coöperatie
# oprichten met 5 kunstenaars en denken aan een cvba. salut" tells a plan to ask about).
_TROUBLE = frozenset(
    "niet nie ni geen niks niets maar snap lukt probleem problemen but no not idea problem".split()
)
_TOLD_BEFORE_LEAVING = 10
# Leaving now, told in a whole clause: "ik moet naar een load-in", "'k moe terug naar 't
# atelier", "ik ga nu stoppen", "ok ik ga plat", "oké ik moet door", "ik ben weg", "gotta run to
# a gig", "ik sluit af"; not "moet ik naar het ondernemingsloket" (a question), "ik moet naar de
# notaris voor mijn bv", "ik ga stoppen als zelfstandige", "ik ben weg bij mijn sbk", "we zijn
# naar de notaris geweest" (a subject, or no leaving). A message that says so may tell a little
# more before it takes leave ("Ik ga nu stoppen, mijn kleinkinderen komen straks voor
# pannenkoeken. Nog een schone dag en tot de volgende keer!").
_LEAVING_NOW = re.compile(
    r"(?:(?:ok|oke|okay|okee|allee|allez|zo|goed|ja|sorry|salut|salu|ciao|tchau|dus|en) )*"
    r"(?:(?:(?:(?:ik|k|ich|we|wij|i) )?"
    r"(?:moet|moe|moeten|mot|ga|gaan|goa|must|have to|gotta|need to|ben|zijn|zen|am|m)"
    r"|kga|kmoet|kmoe|kben|kzen|kmot)"
    r"(?: (?:nu|dringend|eerst|er|weer|were|terug|echt|wel|snel|even|ff|nog|dan|straks|morgen"
    r"|morgenvroeg|vanavond|vannacht))*"
    r" (?:naar(?!(?: \w+)* (?:voor|om|als|met|over|want|omdat|wegens|geweest|gegaan)\b)"
    r"(?: \w+){1,6}"
    r"|weg|door|stoppen|slapen|plat|pitten|run|go|off|ervandoor|vandoor|verder|afsluiten|gaan"
    r"|head out|leave|aan (?:het|t) werk|aan de slag)(?: voor (?:vandaag|nu|vanavond))?"
    r"|(?:gotta|have to|need to|must) (?:run|go|leave|head out)(?: \w+){0,4}"
    r"|(?:i m |im |i am )?(?:heading|off) (?:to|out|home)(?: \w+){0,4}"
    r"|(?:(?:ik|k|we) )?(?:sluit|sluiten|haak|log) (?:het |hier )?(?:af|uit)"
    r"|(?:ik |k )?(?:stop|stoppen) (?:ermee|er mee|hiermee|hier)(?: voor (?:vandaag|nu))?"
    # "right, that's me sorted for now"
    r"|(?:that s|thats) (?:me sorted|all|it|everything) for (?:now|today)"
    r"|(?:that s|thats) (?:all|everything) (?:i|we) (?:needed|need|wanted)"
    r"|(?:ik|k|we) (?:weet|weten) (?:nu |al )?genoeg"
    r"|(?:ik|k|we) (?:heb|hebben) (?:(?:nu|weer|al) )*genoeg(?: om over na te denken| info)?"
    r"|(?:i m|im|i am) (?:done|off) for (?:now|today))"
)
_TOLD_WHILE_LEAVING = 20
# What signs off after leaving, beside farewells, thanks and wishes: "spreek je later", "see
# ya", "later!".
_SIGNING_OFF = re.compile(
    r"spreek (?:je|u|jullie|ik je) (?:later|nog|snel|morgen)|see (?:ya|you)(?: later| soon)?"
    r"|later|laters|talk (?:to you )?later|catch you later|groetjes|groeten"
)
_DAY = frozenset({"dag"})
_LEAVING_UNTIL = re.compile(
    r"\b(?:ciao|doei|daag|salu|salut|houdoe|bye) tot"
    r" (?:ziens|later|straks|morgen|snel|de volgende|volgende keer)$"
)
_ADDRESSED_LETTER = re.compile(
    r"\s*beste\s*(?:[,!]|wegwijzer\b|team\b|mevrouw\b|meneer\b|heer\b|dame\b)", re.IGNORECASE
)
# Words that ask for something without a question mark ("hallo, ik zoek info over
# huurpremies", "ik heb een startlening nodig", "ik wil een eenmanszaak starten", "ik twijfel
# tussen een vzw en een bv", "ik bedoel de btw op schilderijen"); "vraag" only about something
# ("mijn vraag gaat over btw"), not announced alone ("ik heb een paar vragen").
_REQUESTING = frozenset(
    """
    zoek zoeken zocht info informatie weten uitleg uitleggen vertel vertellen leg
    advies nodig wil wilt willen wou moet moeten twijfel twijfelen overweeg overwegen
    plan plannen bedoel bedoelde bedoelen gelieve stuur stuurt sturen wens wensen vernam
    ontving probleem probleempje
    looking know information explain need needs want wants advice plan planning mean
    meant considering wondering like guidance send voudrais savoir
    """.split()
)
# What was needed, said of an answer in a message that thanks: "precies wat ik nodig had",
# "just what I needed".
_WAS_NEEDED = re.compile(
    r"\b(?:wat|what) (?:ik|we|wij|i) (?:\w+ )?(?:nodig had|nodig hadden|zocht|zochten|wou|wilde"
    r"|wilden|needed|wanted|was looking for|were looking for)$"
)
# Help with something asks for it ("help me met mijn contract"); hoping for help asks nothing
# ("Goedemorgen. Ik heb een hele reeks vragen, ik hoop dat u mij kunt helpen.").
_HELP_WITH = re.compile(
    r"\b(?:help|helpen|hulp|tell)\b(?: \w+){0,2} (?:met|bij|with|voor|rond|about|me|mij)\b"
)
# "graag" asks, "Dag, graag een overzicht van de subsidies"; not before the questions it
# announces ("ik had graag enkele vragen gesteld").
_GLADLY = frozenset("graag".split())
_ANNOUNCING = frozenset("vraag vragen vraagje vraagjes vraagske vraagskes".split())
# Question words anywhere in a message typed without punctuation ("goeiemorgen ik ben
# fotograaf en een klant heeft mijn foto gebruikt wat kan ik doen"); "wat" only before a verb
# ("ik ben wat zenuwachtig"), "wuk" West-Flemish.
_QUESTION_WORDS = frozenset("hoe waar wie wanneer welke welk waarom hoeveel wuk".split())
# Every word that asks where it opens a sentence: `_QUESTION_WORDS` and "wat", "wa",
# "hoelang" and English ones.
WORDS_THAT_ASK = _QUESTION_WORDS | frozenset(
    "wat wa hoelang how what who where when which why".split()
)
# What follows "wat" or "hoe" in an exclamation: "Wat een gedoe", "Wat jammer", "Hoe dan ook".
_EXCLAIMED = frozenset(
    "een jammer spijtig fijn leuk mooi goed raar erg vervelend dom dan a shame pity".split()
)
_WHAT_THEN = re.compile(
    r"\bwat (?:kan|kun|moet|is|zijn|kost|doe|mag|heb)\b|\bis (?:dat|dit|het) een\b"
)
_ASKED_ABOUT = frozenset("over rond omtrent betreft gaat verband about regarding".split())
# Verbs before their subject that ask, beside `_QUESTION_OPENERS`: "krijg ik ...", "valt een
# mural onder ...", "klopt het dat ...".
_ASKING_VERBS = frozenset(
    """
    krijg krijgen krijgt val valt vallen hoef hoeft hoeven klopt kloppen geldt gelden telt
    tellen bestaat bestaan werkt werken betaal betaalt betalen kost kosten zit zitten
    """.split()
)
# "ik vroeg me af of ...", "ik vroeg naar een beurs": asking, or asking again.
_WONDERING = re.compile(
    r"\b(?:vraag|vroeg|vragen|vroegen) (?:ik )?(?:me|mij|mezelf|ons) af\b"
    r"|\b(?:vroeg|vroegen|asked) (?:naar|over|om|about|for)\b"
)
# The answer or its text, a complaint's subject after a word that points at it ("je antwoorden
# zijn te vaag", "dit beantwoordt mijn vraag maar half"); not "een tekst", "de tekst van het
# contract", "ik heb een antwoord nodig".
_THE_ANSWER = frozenset(
    """
    antwoord antwoorden antwoordt beantwoord beantwoordt beantwoordde tekst uitleg reponse
    answer answers reply
    """.split()
)
_AT_THE_ANSWER = frozenset("je jouw uw dit dat da deze die your this that votre".split())
# A text is the answer's only when it is the addressee's, or too much of it.
_TEXTS = frozenset("tekst uitleg".split())
_YOURS = frozenset("je jouw uw your votre".split())
_MUCH = frozenset("veel lang lange long much".split())
_POINTING_REACH = 3  # "da was veel tekst"
# Understanding, of Wegwijzer or by it, said right beside whom ("ik begrijp je niet", "je
# begrijpt me niet") or of "mijn vraag" ("u heeft mijn vraag verkeerd begrepen"); not "ik
# begrijp niet hoe je het kunstwerkattest aanvraagt".
_UNDERSTANDING = frozenset(
    "begrepen begrijp begrijpt begrijpen snap snapt versta verstaat comprends comprend "
    "understand understood".split()
)
# Whom a complaint addresses: Wegwijzer ("je begrijpt me niet"; not "mijn boekhouder begrijpt
# me niet"); and beside an understanding verb, the user too.
_YOU = frozenset("je jij u ge gij jou you".split())
_SPOKEN_TO = _YOU | frozenset("me mij".split())
# A word of fault beside the answer or the understanding: "je begrijpt me niet", "dit
# beantwoordt mijn vraag maar half"; not "ok ik begrijp je".
_FAULTED = frozenset(
    "niet nie ni niks niets nix geen not dont doesnt didnt pas verkeerd mis fout half nergens "
    "onnauwkeurig onjuist mager pover karig summier "
    "te too vaag onvolledig onduidelijk slaat sorry excuseer excuses".split()
)
# Of someone else: "dat antwoord van de belastingdienst", "die tekst is van mij".
_OF_SOMEONE = frozenset("van from of".split())
# Waiting for an answer from someone else: "ik heb geen antwoord gekregen van de commissie".
_GRASPED = frozenset("get got".split())
_ANSWER_OF_OTHERS = re.compile(
    r"\b(?:antwoord|answer|reply|uitleg) (?:van|from|of) "
    r"(?!(?:gisteren|daarnet|net|eerder|daarjuist|zonet|vanmorgen|yesterday|before|earlier|you"
    r"|u|jou|je)\b)\w+"
)
_AWAITING = frozenset(
    """
    krijg krijgen krijgt kreeg gekregen wacht wachten ontvang ontvangen ontving receive
    received get got hear heard
    """.split()
)
# What a question about the answer asks of it: "kunt ge da wa korter zeggen?", "kan je het
# anders uitleggen?".
_REPHRASED = frozenset(
    """
    korter eenvoudiger eenvoudigere simpeler duidelijker makkelijker anders herhalen shorter
    simpler clearer easier
    """.split()
)
# Said of the answer: "ku je da wa simpeler zeggen", "kan je het anders uitleggen?"; not "kun
# je het verschil tussen een merk en een model eenvoudiger uitleggen".
_REPHRASE = re.compile(
    r"\b(?:je|jij|u|ge|gij|you) (?:het|dat|da|dit|it|that|this)(?: \w+){0,2} (?:"
    + "|".join(sorted(_REPHRASED))
    + r")(?: \w+){0,3} (?:zeggen|uitleggen|leggen|formuleren|verwoorden|say|explain|put|phrase)"
    r"(?: (?:aub|alstublieft|alsjeblieft|svp|ajb|pls|please|graag|eens|nog|eventjes|even))*$"
)
# Asked of the answer in a clause of its own, with or without what is asked to be said: "kan da
# nie korter?", "can you keep it shorter?", "kan je simpel schrijven aub?", "in het kort aub";
# not "kan je het verschil tussen een merk en een model eenvoudiger uitleggen", "kan dat
# goedkoper". Only after remarks on the answer and before nothing but courtesy (see
# `finds_fault`): "kan het simpeler, met een eenmanszaak?" asks about the sole proprietorship.
_ASKED_AGAIN = re.compile(
    r"(?:(?:en |maar )?(?:kan|kunt|kun|kunde|ku|can|could)"
    r"(?: (?:je|jij|u|ge|gij|gie|you|da|dat|het|dit|it|this|that))+"
    r"(?: (?:nie|niet|ni|wa|wat|wel|een|beetje|iets|a|bit|little|keep|make|your|the|answers?"
    r"|houden|maken|aub|it|that|this|da|dat|het|say|zeggen|put|explain|uitleggen))*"
    # "kan je korter en simpeler schrijven?"
    r"(?: (?:korter|simpeler|eenvoudiger|duidelijker|makkelijker|shorter|simpler|clearer|easier)"
    r" (?:en|of|and|or))?"
    r" (?:korter|simpel|simpeler|eenvoudig|eenvoudiger|duidelijker|makkelijker|shorter|simpler"
    r"|clearer|easier|samenvatten|summarize|summarise"
    # "kan je dat in gewone mensentaal zeggen?", "can you say that in simpler words?"
    r"|in (?:(?:gewone|simpele|eenvoudige|makkelijke|simple|simpler|plain) )?"
    r"(?:mensentaal|taal|woorden|words|terms))"
    r"(?: (?:zeggen|schrijven|uitleggen|houden|maken|antwoorden|formuleren|doen|say|write|explain"
    r"|keep|please|pls|aub|svp|graag|alstublieft|alsjeblieft|asb|ajb|that|it|this|next|time"
    r"|volgende|keer|voortaan))*"
    # "in het kort aub", "korter aub"
    r"|(?:in het kort|korter|shorter|samengevat|tldr|tl dr)"
    r"(?: (?:aub|please|pls|svp|graag|alstublieft|alsjeblieft|asb|ajb))*)"
)
# Said of the answer, in a message that asks nothing: it was not what was asked or no answer to
# it, in a whole clause that says so of the answer or of nothing named ("bro da antwoord van
# daarnet was echt nie wat ik vroeg", "Dat is neet waat ich vroog", "Dat is eerlijk gezegd geen
# antwoord op mijn vraag. Ik vroeg naar mijn lessen.", "niet echt wat ik zocht"), it did not
# help ("hmm dit antwoord helpt mij niet echt"); not of something else ("de werkbeurs is niet
# wat ik zocht", "nog steeds geen antwoord op mijn vraag bij Sabam", "niet wat ik wou horen"),
# nor waiting for someone's answer ("ik heb nog geen antwoord op mijn vraag gekregen").
_DID_NOT_HELP = (
    r"(?:helpt|helpte|hielp|hielpen|helps|helped) (?:(?:mij|me|ons|us) )?(?:\w+ )?"
    r"(?:niet|nie|ni|niks|niets|not|geen|gin|gene)\b"
)
_NOT_WHAT_WAS_ASKED = re.compile(
    r"(?:(?:hmm|hm|euh|nee|neen|ok|oke|sorry|bro|allee|allez|maar|mja|tja|bof|man|pff|pfff|ugh"
    r"|meh) )*"
    r"(?:(?:(?:dit|dat|da|das|dees|het|this|that|it|thats|that s)(?: antwoord| answer)?"
    r"|(?:uw|je|jouw|your|the|that|this) (?:antwoord|answer))(?: \w+){0,5} )?"
    r"(?:(?:niet|nie|ni|neet|not) (?:\w+ ){0,2}(?:wat|waat|wa|what) (?:ik|ich|k|i) (?:\w+ )?"
    r"(?:vroeg|vroog|vroegen|zocht|zochten|bedoelde|bedoel|asked|meant)"
    r"|(?:niet|nie|ni|neet|not) (?:\w+ ){0,2}(?:wat|waat|wa) k(?:vroeg|zocht|bedoelde)"
    r"|(?:geen|gene|niet|nie|ni|neet|not) (?:\w+ ){0,2}(?:antwoord|answer) (?:op|on|to)"
    r" (?:mijn|mien|m|my|ons|onze|de|the) (?:vraag|question))"
    r"(?: (?:hoor|he|eh|e|zeg|eigenlijk|echt|precies|tbh|lol|bro))*"
    # ... and what was meant, said on ("... nie wat ik vroeg 😭 ik wou gwn een simpel antwoord")
    r"(?: (?:ik|k|i) (?:wou|wilde|bedoelde|vroeg|wanted|meant)(?: \w+)*)?"
    # the answer did not help
    r"|.*\b(?:dit|dat|da|uw|je|jouw|your|this|that) (?:\w+ )?(?:antwoord|answer) "
    # ("je antwoord van gisteren hielp mij niet"; not "dat antwoord van de bank")
    r"(?:(?:van )?(?:gisteren|daarnet|net|eerder|daarjuist|zonet|vanmorgen|straks) )?(?:\w+ )?"
    + _DID_NOT_HELP
    + r".*"
    # "da s nie echt een antwoord he", "dat antwoord slaat echt nergens op", "that answer was
    # way too long", "da vorig antwoord was zo algemeen", "da weet ik allemaal al", "daar ben
    # ik nie veel mee"
    r"|(?:dit|dat|da|das|this|that|thats|that s|it s|its)(?: is| was| s)?"
    r" (?:geen|gene|nie|niet|ni|neet|not)(?: echt| really| eens| eigenlijk)? (?:een |e |an )?"
    r"(?:antwoord|answer)(?: (?:op|on|to) (?:mijn|mien|m|my|de|the) (?:vraag|question))?"
    r"(?: (?:hoor|he|eh|e|zeg|eigenlijk|echt|precies|tbh|lol|bro))*"
    r"|(?:dit|dat|da|das|je|jouw|uw|het|this)(?: antwoord)? slaat (?:\w+ ){0,2}"
    r"(?:nergens op|op niks|op niets|kant noch wal)(?: \w+){0,2}"
    r"|(?:(?:pff|ugh|meh|hmm|hm|euh|bon|tja|mja|sorry|eerlijk gezegd|honestly) )*"
    r"(?:dit|dat|da|je|jouw|uw|het|this|that|your|the)(?: vorig| vorige| laatste| last| previous)?"
    r" (?:antwoord|answer|uitleg|explanation)"
    r"(?: (?:van|from) (?:gisteren|daarnet|net|eerder|daarjuist|zonet|vanmorgen|yesterday|before"
    r"|earlier))?"
    r" (?:is|was|s|were|klinkt|sounds)(?: \w+){0,2} (?:te|too|zo|so|nogal|echt|veel te|way too)"
    r" (?:lang|long|algemeen|vaag|general|generic|vague|moeilijk|complicated|ingewikkeld"
    r"|technisch|technical|wollig)\b"
    # ... and more said of it, asking nothing: "... and i still dont really get it tbh"
    r"(?:(?! (?:moet|moeten|mag|mogen|kan|kun|kunt|hoe|wat|wa|welke|welk|wanneer|waar|wie|wil"
    r"|weten|should|can|how|what|which|when|where|who|do|does|must)\b) \w+){0,12}"
    r"|(?:dit|dat|da|das|this|that) (?:weet|wist|wiste|kende|ken) (?:ik|k)(?: allemaal| ook)? al"
    r"(?: (?:hoor|he|eh|e|zeg|eigenlijk|echt|lol))*"
    r"|(?:daar|da|dr|der|hier|daarmee|hiermee) (?:ben|zen|zijn) (?:ik|k|we|wij)(?: \w+)?"
    r" (?:niks|niets|nie veel|niet veel|ni veel|weinig) mee"
    r"(?: (?:hoor|he|eh|e|zeg|eigenlijk|echt|precies|lol|verder))*"
    # "je antwoord gaat over iets helemaal anders"
    r"|(?:je|jouw|uw|dit|dat|da) antwoord (?:gaat|ging) over (?:iets )?(?:\w+ )?anders"
    # "euh dat is niet echt mijn vraag he", "da antwoord klopt toch nie", "da s nu echt een
    # antwoord waar ik niks mee ben"
    r"|(?:(?:euh|eh|hmm|hm|nee|pff|allee|allez) )*(?:dit|dat|da|das)(?: is| was| s)?"
    r" (?:niet|nie|ni)(?: echt| eens)? (?:mijn|mien|m) vraag(?: (?:he|eh|e|hoor|pfff?))*"
    r"|(?:(?:euh|eh|hmm|hm|nee|pff|allee|allez) )*(?:dit|dat|da|je|jouw|uw) antwoord klopt"
    r"(?: (?:toch|echt|eigenlijk))* (?:niet|nie|ni)(?: (?:he|eh|e|hoor))*"
    r"|(?:(?:allee|allez|pff) )*(?:dit|dat|da|das)(?: is| s)?(?: nu)?(?: echt)?"
    r" (?:een |e )?antwoord waar (?:ik|k|we) (?:niks|niets|nie veel|niet veel) mee"
    r" (?:ben|zijn|zen)(?: \w+){0,6}"
)
# ... or "ik vroeg iets anders", the whole message (not "ik zocht iets anders: een lening voor
# mijn atelier", which says what)
_ASKED_OTHER = re.compile(
    r"(?:(?:hmm|hm|euh|nee|neen|ok|oke|sorry) )*(?:ik|k|ich|i) (?:vroeg|bedoelde|zocht)"
    r" (?:iets|wat) anders"
)
# ... or "da helpt mij ni echt" opening the message
_NOT_HELPED = re.compile(
    r"(?:(?:hmm|hm|euh|nee|neen|ok|oke|bof|tja|mja|sorry|allee|jammer) )*"
    r"(?:(?:dit|dat|da|this|that) "
    + _DID_NOT_HELP
    # "hmm that doesn't really help"
    + r"|(?:this|that|it) (?:doesn t|doesnt|didn t|didnt|does not|did not)"
    r" (?:really |much |me )*help)"
)
# What may stand beside a request to say the answer shorter: remarks on the answer before it
# ("uw antwoord is te lang en veel moeilijke woorden."), courtesy after it.
_OF_THE_ANSWER = frozenset(
    """
    antwoord antwoorden uitleg tekst answer answers reply text lang lange long moeilijk
    moeilijke ingewikkeld woorden words essay veel te too begrijp snap understood understand
    """.split()
)
_COURTESY_AFTER = frozenset(
    "aub please pls svp graag alstublieft alsjeblieft asb ajb merci thanks dank u je".split()
)
# Someone else gave no answer: "mijn boekhouder gaf geen antwoord op mijn vraag".
_GIVEN = frozenset("gaf gaven geeft geven gegeven heeft hebben".split())
# What asks for something beside talk: an imperative ("stuur me info", "zeg nog rap hoe
# lang"), a request ("ik zoek", "ik wil weten"); not "ik wou gwn een simpel antwoord".
_IMPERATIVES = frozenset("zeg stuur geef vertel mail toon tell send give show".split())
_REQUESTED_BESIDE = frozenset(
    "zoek zoeken zocht wil wilt weten info informatie nodig looking want know need".split()
)
# What the user must do asks about it: "ik moet mijn sociale bijdragen regulariseren" (not "je
# moet concreter zijn").
_NEEDED = frozenset("need needs nodig zoek looking".split())
_OBLIGED = re.compile(r"\b(?:ik|k|we|wij|i) (?:moet|moeten|must|have to|need to)\b")
# The question said again after a complaint: "Ik vroeg naar mijn lessen", "ik bedoel ...".
_RESTATED = re.compile(r"(?:ik|k|ich|i) (?:vroeg|vroog|bedoelde|bedoel|asked|meant)\b")
# Fault found in a few words: "ok nvm dat klopt niet echt", "hmm dat is nogal algemeen", "euh
# wa? snap er niks van" (the user's own understanding, in a short message).
# Each ends its clause, but for a word of chat ("het is vaag wat de regels zijn", "het was
# ingewikkeld om de aanvraag in te vullen" judge something else).
_CHAT_TAIL = r"(?: (?:hoor|he|eh|zeg|eigenlijk|wel|toch|echt|precies|vind ik|hé))*$"
_FAULT = re.compile(
    r"\b(?:dat|dit|da|het) klopt (?:toch )?(?:niet|nie|ni)"
    + _CHAT_TAIL
    + r"|\b(?:dat|dit|da|het) (?:is|was) (?:\w+ ){0,2}"
    r"(?:algemeen|vaag|onduidelijk|ingewikkeld|oppervlakkig)" + _CHAT_TAIL
)
# Disappointment with the answer, a clause of its own: "Ik had op iets concreters gehoopt."; in
# a message that says nothing else but of the answer ("Hmm. Dat vind ik een nogal omfloerst
# antwoord."), not "Mijn subsidie werd afgewezen. Ik had op iets anders gehoopt.", "ik had iets
# anders verwacht, mijn sociale bijdragen zijn verdubbeld", "ik had meer subsidie verwacht".
_HOPED = re.compile(
    r"ik had (?:eigenlijk |wel |toch )?(?:op )?(?:iets (?:\w+ers|anders|beters)"
    r"|een (?:beter|duidelijker|concreter) antwoord) (?:gehoopt|verwacht)"
    + _CHAT_TAIL
    # "ik had gehoopt op iets concreters"
    + r"|ik had (?:eigenlijk |wel |toch )?(?:gehoopt|verwacht) op (?:iets (?:\w+ers|anders|beters)"
    r"|een (?:beter|duidelijker|concreter) antwoord)" + _CHAT_TAIL
)
# What may stand beside it: interjections, or a clause of the answer given ("Dat vind ik een
# nogal omfloerst antwoord"), not someone else's ("Het antwoord van de jury", "Hun antwoord").
_SIGHS = frozenset("hmm hm mja tja tsja jammer oei helaas pff euh nee neen ok oke".split())
_SOMEONE_ELSES = frozenset("van hun zijn haar jury of from their".split())
# (in a short clause: not "Dag 1 als zelfstandige en ik snap er nog niks van")
_SHORT = 6
_LOST_IN_IT = re.compile(
    r"\b(?:snap|versta|begrijp) (?:er|het|da|dat) (?:\w+ )?(?:niks|niets|nie|niet)"
    r"(?: veel)?(?: van)?" + _CHAT_TAIL
)
# Wegwijzer itself: "Ben jij een AI?", "are you a bot", "is dit een mens of een computer?".
# The kind of thing right after "ben je (een) (echte)", ending its clause or before "of": not
# "Is dit een AI-beeld, mag ik dat verkopen", "Ben je verplicht een persoon aan te stellen",
# "ben je dan een natuurlijk persoon of een rechtspersoon?".
_IS_IT = re.compile(
    r"\b(?:ben|bent|zijt|zijde|are|is) (?:je|jij|u|ge|gij|gie|you|dit|this)"
    r" (?:(?:een|ne|nen|e|a|an) )?(?:(?:echte|echt|real|actual) )?"
    r"(?:(?:ai|bot|robot|chatbot|chatgpt|gpt|mens|computer|machine|programma|human"
    r"|(?<=echte )persoon|(?<=real )person)"
    r"(?: (?:of|or)\b|$)"
    # or whose bot: "Is dit een chatbot van VLAIO?" (not "is dit een programma van de EU?",
    # a programme of support)
    r"|(?:bot|chatbot|robot) van (?:de |het |t )?\w+(?: \w+)?$)"
)
# A person or a program, the whole clause, one of each: "Zijt gij eigenlijk een echte mens of een
# computerprogramma?", "Spreek ik met een mens of met een programma?", "is dit een medewerker
# van een steunpunt of een programma"; not "ben je dan een medewerker of een zelfstandige",
# "zijt ge nu een computer of een tablet als beroepskost", "spreek ik met een persoon of moet
# ik alles online doen", "chatten we met een medewerker of met een bot bij het Kunstenloket".
_A_PERSON = r"(?:mens|persoon|medewerker|iemand|dienst|human|person)"
_A_PROGRAM = r"(?:computer|computerprogramma|programma|bot|chatbot|robot|machine|ai|systeem|system)"
_ARTICLE = (
    r"(?:met )?(?:(?:een|ne|nen|e|a|an) )?"
    r"(?:(?:echte|echt|real|geautomatiseerd|geautomatiseerde|automatisch|automatische) )?"
)
# Whose person or program: "een medewerker van (het) Cultuurloket", Wegwijzer's own desk, "een
# bot van de (Vlaamse) overheid"; or what the person does: "nen echte mens die hier antwoordt".
_OF_A_DESK = (
    r"(?: van (?:(?:een|de|den|het|t) )?(?:\w+ )?\w+"
    r"| die (?:\w+ ){0,3}(?:antwoordt|antwoord|typt|tikt|schrijft|answers|types|writes))?"
)
# ... or whether someone sits behind it: "een bot van de overheid of zit hier iemand achter?"
_SOMEONE_BEHIND = (
    r"(?:zit|staat) (?:er|daar|hier|der|d r|dr) (?:(?:eigenlijk|nu|echt) )*"
    r"(?:iemand|een mens|een persoon|een medewerker)(?: van (?:de |het |t )?\w+)?"
    r" (?:achter(?: die (?:\w+ ){0,3}\w+)?|te (?:typen|tikken|antwoorden|schrijven))(?: lol)?"
)
_ONE_OF = (
    r" (?:(?:eigenlijk|nu|nou|dan|echt|hier) )*"
    + _ARTICLE
    + rf"(?:{_A_PERSON}{_OF_A_DESK} (?:of|or) {_ARTICLE}{_A_PROGRAM}{_OF_A_DESK}"
    + rf"|{_A_PROGRAM}{_OF_A_DESK} (?:of|or) {_ARTICLE}{_A_PERSON}{_OF_A_DESK}"
    + rf"|{_A_PROGRAM}{_OF_A_DESK} (?:of|or) {_SOMEONE_BEHIND})"
    + r"(?: (?:eigenlijk|nu|lol|dan))*"
)
_ONE_OF_ALONE = re.compile(_ONE_OF.lstrip())
_PERSON_OR_PROGRAM = re.compile(
    r"(?:ben|bent|zijt|zijde|is) (?:je|jij|u|ge|gij|gie)"
    + _ONE_OF
    + r"|(?:spreek|praat|chat|spreken|praten|chatten) (?:ik|we|wij)"
    + _ONE_OF
    + r"|(?:am i|are we) (?:talking|chatting|speaking) (?:to|with)"
    + _ONE_OF
    # "is dit iemand of een computer?" after "wie kijkt mijn aanvraag na?" asks about them.
    + r"|is (?:dit|da|dat)(?!.*\biemand\b)"
    + _ONE_OF
    # "Zit daar een mens achter of is dat een computerprogramma?"
    + r"|(?:zit|staat) (?:er|daar|hier|der|d r|dr|doar) (?:(?:eigenlijk|nu|echt) )*"
    + r"(?:iemand|een mens|een persoon|een medewerker)(?: van (?:de |het |t )?\w+)?"
    + r" (?:achter|aan de andere kant)"
    + r" (?:of|or) (?:is (?:dat|dit|het|da) "
    + r"|(?:ben ik|zijn we) aan het (?:chatten|praten|spreken|corresponderen) )?"
    + _ARTICLE
    + _A_PROGRAM
)
# With a person or a program alone, the whole clause: "praat ik met een mens?", "Spreek ik met
# een echte persoon?", "am I talking to a real person?"; not "spreek ik met een advocaat best
# eerst?", "praat ik met een medewerker van Sabam?".
_SPEAKING_TO_ONE = re.compile(
    r"(?:spreek|praat|chat|spreken|praten|chatten) (?:ik|we|wij)(?: (?:hier|nu|eigenlijk))* "
    + _ARTICLE
    + rf"(?:{_A_PERSON}|{_A_PROGRAM})(?: (?:eigenlijk|nu|hier))*"
    r"|(?:am i|are we) (?:talking|chatting|speaking) (?:to|with) (?:(?:a|an) )?"
    r"(?:(?:real|actual) )?(?:person|human|bot|robot|machine|ai|computer)"
)
# With whom one chats, the whole clause: "Ben ik met een echte medewerker aan het chatten?",
# "zijn we hier met een bot aan het praten".
_CHATTING_WITH = re.compile(
    r"(?:ben|zijn) (?:ik|we|wij)(?: (?:nu|hier|eigenlijk))* "
    + _ARTICLE
    + rf"(?:{_A_PERSON}|{_A_PROGRAM})(?: aan het (?:chatten|praten|spreken|typen|corresponderen))"
    + r"|(?:ben|zijn) (?:ik|we|wij)(?: (?:nu|hier|eigenlijk))* aan het"
    + r" (?:chatten|praten|spreken|corresponderen)"
    + rf" {_ARTICLE}(?:{_A_PERSON}|{_A_PROGRAM})"
)
# A program named alone after asking who or what Wegwijzer is: "ne bot?", "AI?", "Een chatbot
# van de overheid, of van een adviesbureau?".
_NAMED_ITSELF = re.compile(
    rf"(?:(?:of|or) )?{_ARTICLE}{_A_PROGRAM}{_OF_A_DESK}"
    r"|(?:of|or) van (?:(?:een|de|den|het|t) )?(?:\w+ )?\w+"
)
# Who is behind it, asked after a question about Wegwijzer in the same message: "Wat zijt gij
# eigenlijk, een mens of een bot? En wie zit erachter?", "who runs this thing?".
_WHO_IS_BEHIND = re.compile(
    r"(?:en |and )?(?:wie|who) (?:zit|zitten|staat|staan)"
    r"(?: (?:er|d r|dr|daar|der|hier|eigenlijk|dan|nu))* (?:achter|erachter|daarachter|hierachter)"
    r"(?: (?:eigenlijk|dan|nu))*"
    r"|(?:and )?who(?: s| is)? (?:runs|made|built|owns|is behind|behind) (?:this|it|you)"
    r"(?: thing| bot| chat)?"
)
# Whose Wegwijzer is, the whole message: "van wie ben je eigenlijk?" (not "Van wie ben je, als
# vrijwilliger, verzekerd?"); and who is behind this one, a whole clause: "Wie zit er eigenlijk
# achter deze Wegwijzer?" (not "wie staat er achter u als borg", "Wie zit er achter die
# chatbot?" on Sabam's site).
_WHOSE_YOU_ARE = re.compile(
    r"(?:en )?(?:van wie (?:ben|bent|zijt|zijde) (?:je|jij|u|gij|ge)(?: (?:eigenlijk|nu|nou))*"
    # "zijde gij van de Vlaamse overheid?"
    r"|(?:ben|bent|zijt|zijde) (?:je|jij|u|gij|ge)(?: (?:eigenlijk|nu|nou))* van (?:de |het )?"
    r"(?:vlaamse )?(?:overheid|regering|stad|cultuurloket|vlaanderen)"
    # "van welke organisatie is deze bot?"
    r"|van welke organisatie (?:is (?:deze bot|deze chatbot|wegwijzer|dit)"
    r"|(?:ben|bent|zijt|zijde) (?:je|jij|u|gij|ge))(?: (?:eigenlijk|nu))*)"
)
# Whose this chatbot is, a whole clause: "Van wie is deze chatbot eigenlijk, van de Vlaamse
# overheid?" (not "van wie ben je, als vrijwilliger, verzekerd?").
_WHOSE_BOT = re.compile(
    r"van wie is (?:deze|dit|de) (?:chatbot|bot|wegwijzer|dienst)(?: eigenlijk)?"
)
_BEHIND_IT = re.compile(
    r"(?:en )?wie (?:zit|zitten|staat|staan) (?:er )?(?:eigenlijk )?achter"
    r" (?:(?:deze|dit) (?:wegwijzer|chatbot|bot|dienst|chatdienst|chat|app|tool)"
    r"|(?:de |die )?wegwijzer|jou|u|jullie)"
    r"(?: eigenlijk)?"
    r"|(?:and )?who(?: s| is) behind (?:this|you)(?: bot| chatbot| thing)?(?: anyway)?"
)
# What may come before such a question in a message: talk ("Even tussendoor:", "hallo"), or
# another question about Wegwijzer ("met wie spreek ik eigenlijk?"); not a story or a subject
# ("Ik chat op de site van Sabam.", "Voor de verzekering van mijn robotvoorstelling,").
_ASIDE = frozenset(
    """
    even tussendoor trouwens wacht sorry eh euh hmm ok oke btw ps nog een vraagje vraag andere
    eigenlijk zeg dag hallo hoi hey hi goedemorgen goeiedag goedendag beste wait ff efkes eventjes
    """.split()
)
_WHOM_SPOKEN = re.compile(
    r"(?:mag ik (?:eens |eerst |u |je )?vragen )?met wie (?:of wat )?(?:ik |we |wij )?"
    r"(?:(?:eigenlijk|nu|hier) )*(?:spreek|praat|chat|correspondeer|corresponder)"
    r"(?: (?:ik|we|wij))?(?: (?:eigenlijk|nu|hier))*"
)
# Who or what Wegwijzer is, a whole clause: "wie ben jij eigenlijk", "wat bent u eigenlijk
# precies"; before a person or a program named alone ("wie ben jij eigenlijk? een robot of
# iemand van het Cultuurloket?").
_WHO_ARE_YOU = re.compile(
    r"(?:(?:wacht|zeg) (?:even |eens )?)?(?:(?:mag|kan) ik (?:eens |u |je )?vragen )?"
    r"(?:wie|wat|wa)(?: of (?:wie|wat|wa))?"
    r"(?: (?:ben|bent|zijt|zijde) (?:je|jij|u|ge|gij|gie)(?: (?:eigenlijk|nu|precies|dan|juist))*"
    r"| (?:je|jij|u|ge|gij|gie)(?: (?:eigenlijk|nu|precies|dan|juist))* (?:bent|zijt|zijde|ben))"
    # "c'est quoi toi exactement?", "qui êtes-vous?"
    r"|c est quoi (?:toi|vous|ca|dit)(?: (?:exactement|eigenlijk))?"
    r"|qui (?:es tu|etes vous)(?: exactement)?"
)
# Someone else one speaks with: "Als ik naar Sabam bel, spreek ik met een mens of met een
# computer?", "Bij de btw-administratie, spreek ik met een persoon of een programma?".
_ELSEWHERE = re.compile(
    r"\b(?:bel|bellen|belt|telefoneer|telefoneren|mail|mailen|indien|indienen)\b"
    r"|\bals (?:ik|we|je)\b|\bbij (?:het|de|den|mijn|ons|onze)\b"
)
# Where its answers come from: "Vermeldt u ook uw bronnen?", "Waar haalt u die informatie
# eigenlijk vandaan?"; not "jouw bronnen van inkomsten", "waar haal je het geld vandaan".
_ITS_SOURCES = re.compile(
    r"\b(?:jouw|uw|your) (?:bronnen|bron|sources|source)\b(?! (?:van|of)\b)"
    r"|\bwaar (?:haal|haalt|halen|vind|vindt) (?:je|jij|u|ge|gij)"
    r" (?:(?:die|deze|dat|je|jouw|uw|al|de|eigenlijk) )*"
    r"(?:info|informatie|antwoorden|antwoord|gegevens|kennis)(?: \w+)? vandaan\b"
    # "Op welke bronnen baseert u zich?", "hoe recent is deze info?", "wie houdt deze info bij?"
    r"|\bop welke bronnen (?:baseert|baseer|steunt) (?:u|je|jij|ge|gij) (?:zich|je|jou)\b"
    r"|\bhoe (?:recent|actueel) (?:is|zijn) (?:deze|die|de|jouw|uw|je) "
    r"(?:info|informatie|gegevens|bronnen|antwoorden)\b"
    r"|\bwie houdt (?:deze|die|de|jouw|uw) (?:info|informatie|gegevens) bij\b"
)
# Its name or age, a whole clause: "wat is jouw naam?", "hoe heet je eigenlijk?", "hoe oud ben
# je?", "what's your name?". Read as questions, "wat is je naam" had got the Benelux mark
# (0.95), "hoe heet je?" a renamed department (0.93), "hoe oud ben jij?" a passage of 2012
# (0.80); after the Startlening "wat is jouw naam?" was answered with it as a follow-up (0.69).
# Not "hoe heet het formulier?", "wat is je naam als artiest", "hoe oud moet je zijn" or "hoe
# noem je die uitkering voor kunstenaars?" (a generic "je").
_ADDRESSED = r"(?:je|jij|u|ge|gij|gie|jullie)"
_THEN = r"(?: (?:eigenlijk|dan|nu|zelf|precies|al|eens))*"
_YOUR_NAME_OR_AGE = re.compile(
    r"(?:en |and |so )?(?:(?:mag|kan) ik (?:eens |u |je )?vragen )?(?:"
    rf"(?:wat|wa) (?:is|es) (?:je|jouw|uw|ulle|jullie){_THEN} naam{_THEN}"
    rf"|hoe (?:heet|heten) {_ADDRESSED}{_THEN}"
    rf"|hoe {_ADDRESSED}{_THEN} (?:heet|heten|heette)"
    rf"|hoe oud (?:ben|bent|zijt|zijde|zijn) {_ADDRESSED}{_THEN}"
    rf"|(?:heb|hebt|hebde|hedde) {_ADDRESSED} (?:een|ne|nen) naam"
    r"|(?:what (?:s|is)|whats) (?:your|ur) name|how old are (?:you|u)|do you have a name"
    r"|(?:tell me|may i ask|can i ask) your name"
    r")"
)
# Who made it: "wie heeft jou eigenlijk gemaakt?"; not "wie heeft je website gemaakt?".
_MADE_YOU = re.compile(
    r"\bwie heeft (?:je|jou|u|jullie|(?:deze|de) (?:wegwijzer|chatbot)|wegwijzer)"
    r" (?:(?:eigenlijk|ooit|dan) )?(?:gemaakt|gebouwd|ontwikkeld|geprogrammeerd|bedacht)\b"
)
# Who runs it, a whole clause: "Wie beheert Wegwijzer?", "who runs this thing anyway?"; not "wie
# beheert de chatbot van sabam".
_RUNS_YOU = re.compile(
    r"(?:en |and )?(?:wie (?:beheert|onderhoudt|runt|maakt)"
    r" (?:(?:deze|de) wegwijzer|wegwijzer|deze chatbot|deze bot|jou|u|je)"
    r"|who (?:runs|made|built|owns|maintains) (?:this|you)(?: thing| bot| chatbot)?)"
    r"(?: (?:eigenlijk|dan|anyway|actually))*"
)
# "Mag ik vragen met wie ik spreek?", the whole clause; not "ik weet niet met wie ik praat bij
# het VAF".
_SPEAKING_WITH = re.compile(
    r"(?:(?:mag|kan) ik (?:eens |u |je )?(?:vragen|weten) )?met wie (?:ik|we|wij)"
    r"(?: (?:eigenlijk|nu|hier))* (?:spreek|spreken|praat|praten|chat)(?: (?:eigenlijk|nu|hier))*"
    # "met wie heb ik eigenlijk het genoegen?"
    r"|met wie (?:heb|hebben) (?:ik|we|wij)(?: (?:eigenlijk|nu|hier|dan))* het genoegen"
)
# ... and "met wie of wat praat ik hier eigenlijk?", the whole clause, after talk alone: not
# "Voor de winwinlening: met wie praat ik?".
_SPEAKING_WITH_WHOM = re.compile(
    r"met wie (?:of wat )?(?:spreek|praat|chat|correspondeer) (?:ik|we|wij)"
    r"(?: (?:eigenlijk|nu|hier))*"
)
# What Wegwijzer can do, the whole clause: "wat kunt gij allemaal eigenlijk?"; not "wat kan je
# allemaal aftrekken?", "wat moet je allemaal doen voor een vzw?".
_CAN_DO_ALL = re.compile(
    r"(?:en )?wat (?:kan|kun|kunt|kunde|weet|doe|doet) (?:je|jij|gij|ge|u)"
    r"(?: zoal| nog| eigenlijk| zo)* allemaal(?: eigenlijk| zoal| wel| doen| beantwoorden)*"
)
# The language it answers in: "kan u antwoorden in het frans?", "can you answer in English?";
# not "Kan je in het Frans antwoorden op een aanbesteding", "mag je je aanvraag in het engels
# schrijven".
_ANSWER_IN = re.compile(
    r"\b(?:kan|kunt|kun|kunde|wil|wilt|can|could|will|would) (?:je|jij|u|ge|gij|you)\b"
    r"(?: \w+){0,6}? (?:antwoorden|antwoord|answer|reply|spreken|praten|speak)"
    r"(?: (?:aub|alstublieft|alsjeblieft|svp|ajb|pls|please|graag|voortaan|ook|eens|next|time"
    r"|from|now|on|in|het|t|english|engels|frans|french|nederlands|dutch|easy|simple|eenvoudig"
    r"|eenvoudige|simpel|makkelijk|gewoon|plain))*$"
)
_OF_NO_USE = re.compile(
    r"\b(?:hier|daar|dit|dat|da|er) heb ik (?:\w+ ){0,2}"
    r"(?:niks|niets|nix|(?:niet|nie|ni) (?:zo |echt )?veel|weinig) aan\b"
    r"|\bheb (?:ik )?(?:er|daar|hier) (?:\w+ ){0,2}(?:niks|niets|nix) aan\b"
    r"|\b(?:bedankt|merci|dank|thanks|cheers) (?:voor|for) (?:niks|niets|nix|nothing)\b"
)
# What undoes thanks beside "niet" and "niks": "thanks, I'm still confused".
_UNDONE = frozenset(
    "confused verward still steeds afgewezen geweigerd refused rejected denied".split()
)
# A few words after thanks say whom they thank ("merci manneke", "thanks mate, top").
_THANKED = (
    _VOCATIVES
    | _KIND_WORDS
    | frozenset(
        """
        manneke mannekes darling lieverd liefje meid kerel jongen jongens pal hoor he wel nog
        eens veel hard heel erg zeer vriendelijk top super je jij u ge jullie bien beaucoup
        """.split()
    )
)
_THANKS_TO_SOMEONE = 3
# "mijn werkgever heeft me bedankt": sacked, not thanking.
_THANKED_BY = frozenset("heeft hebben heb werd word wordt ben is".split())


def _asks(text: str) -> bool:
    """Whether a message asks anything: a question mark; a clause opened by a question word or
    a verb before its subject (`_QUESTION_OPENERS`, `_ASKING_VERBS`, `_QUESTION_WORDS`); a
    first clause opened by "en" or "maar" (any clause after thanks: "merci, en voor een vzw");
    a word that requests (`_REQUESTING`), help with something, "graag" (`_GLADLY`), "vraag"
    about something; a question word in a message without punctuation; or wondering and
    asking again (`_WONDERING`)."""
    if "?" in text:
        return True
    thanked = _thanks(_words_of(text))
    for k, clause in enumerate(re.split(r"[.!,;:\n]+", text)):
        said = list(
            itertools.dropwhile(
                lambda t: t in GREETINGS or t in _THANKING or t in COURTESY_WORDS,
                _words_of(clause),
            )
        )
        if said and said[0] in _QUESTION_OPENERS:
            return True
        if (
            said
            and said[0] in _ASKING_ON
            and (thanked or not k)
            and not all(_talk_word(t) for t in said[1:])
        ):
            # "en als ik geen antwoord krijg", "merci, en voor een vzw"; not "Goedendag, ik
            # ben niet zo handig met computers, maar ik probeer het eens.", nor "salu en
            # merci" (a farewell, then thanks).
            return True
        requested = _REQUESTING.intersection(said)
        wish = _WISHED_TO.search(" ".join(said))
        if (
            requested <= _WISH_WORDS
            and wish
            and all(map(_talk_word, wish.string[wish.end() :].split()))
        ):
            requested = set()  # "ik wens u nog een fijne avond" wishes, asks nothing
        if thanked and _THANKED_FOR.search(" ".join(_words_of(clause))):
            requested -= _GIVEN_INFO  # "merci voor de info!" thanks for it
        if thanked and (needed := _WAS_NEEDED.search(" ".join(said))):
            requested -= set(needed.group().split())  # "precies wat ik nodig had" praises
        if requested or _HELP_WITH.search(" ".join(said)):
            return True
        if said and (said[0] in _ASKING_VERBS or said[0] in _QUESTION_WORDS):
            return True  # "hallo, krijg ik als muzikant een uitkering tussen twee contracten"
        if any(
            t in _ANNOUNCING and _ASKED_ABOUT.intersection(said[i + 1 : i + 4])
            for i, t in enumerate(said)
        ):
            return True  # "mijn vraag gaat over de btw", "een vraagje rond mijn pensioen"
        if any(
            t in _GLADLY and not _ANNOUNCING.intersection(said[i + 1 : i + 4])
            for i, t in enumerate(said)
        ):
            return True  # "Dag, graag een overzicht van alle subsidies voor dansers"
        if not re.search(r"[.!?,;:]", text) and (
            _QUESTION_WORDS.intersection(said) or _WHAT_THEN.search(" ".join(said))
        ):
            return True  # typed (or spoken) without punctuation
    return bool(_WONDERING.search(" ".join(_words_of(text))))


# How "eigenlijk", the filler of talk, is mistyped ("Met wie heb ik eigelijk het genoegen?").
_TALK_TYPOS = {w: "eigenlijk" for w in "eigelijk eignelijk eigenlyk eigentlijk eigenlik".split()}
# Farewells of other languages, two words each, as one ("Merci en à plus!", "boa noite").
_FOREIGN_FAREWELLS = re.compile(
    r"\b(?:a plus|a bientot|a presto|boa noite|bonne soiree|ma3a salama)\b"
)
# ... and "plus" alone after a farewell, where "à" was dropped: "ok ciao, à plus!".
_PLUS_FAREWELL = re.compile(r"\b(ciao|salut|salu|merci|doei|daag) (?:plus|bientot)$")


def _farewells_as_ciao(said: str) -> str:
    """Words of a message with the farewells of other languages as "ciao" (see
    `_FOREIGN_FAREWELLS`, `_PLUS_FAREWELL`)."""
    return _PLUS_FAREWELL.sub(r"\1 ciao", _FOREIGN_FAREWELLS.sub("ciao", said))


def _words_of(text: str) -> list[str]:
    """Lower-case words without accents ("réponse" as "reponse"), one-letter ones too ("u"),
    the talk's commonest typos as meant (`_TALK_TYPOS`)."""
    return [_TALK_TYPOS.get(w, w) for w in re.findall(r"[a-z0-9]+", _folded(text).lower())]


def _thanks(words: Sequence[str]) -> bool:
    """Whether a thanking word thanks: not "mijn werkgever heeft me bedankt"."""
    return any(
        t in _THANKING and not _THANKED_BY.intersection(words[max(0, i - 2) : i])
        for i, t in enumerate(words)
    )


def _clause_texts(text: str) -> list[str]:
    """A message's clauses (split at punctuation), each as its lower-case words joined."""
    return [" ".join(_words_of(c)) for c in re.split(r"[.!?,;:\n]+", text)]


def _leave_clauses(text: str) -> list[str]:
    """A message's clauses (`_clause_texts`), with a farewell typed on at the end of a clause
    that tells the user leaves now as a clause of its own: "oké ik ben weg salut"."""
    clauses = [_farewells_as_ciao(c) for c in _clause_texts(text) if c]
    words = clauses[-1].split() if clauses else []
    if not words or words[-1] not in _LEAVE_TAKING:
        return clauses
    start = len(words)
    while start > 0 and words[start - 1] in _IN_A_FAREWELL:
        start -= 1
    told = " ".join(words[:start])
    if start and _LEAVING_NOW.fullmatch(told):
        return [*clauses[:-1], told, " ".join(words[start:])]
    return clauses


def _talk_word(word: str) -> bool:
    """Whether a word greets, thanks, takes leave or is a courtesy ("salu en merci")."""
    return (
        word in GREETINGS
        or word in _THANKING
        or word in COURTESY_WORDS
        or word in FAREWELLS
        or word in _IN_A_FAREWELL  # "merci, en tot de volgende"
    )


def says_goodbye(text: str) -> bool:
    """Whether a message ends by taking leave (see `_LEAVE_TAKING`): "Oké, wij gaan weer muren
    witten. Doei!", "oke top ik ben weg naar mijn set ciao tot de volgende". After telling the
    user leaves now (`_LEAVING_NOW`: "ok ik moet naar een load-in, salut!"), thanks, a wish
    or a sign-off alone take leave too ("ok ik moet ervandoor, bedankt!", "moet naar de
    drukker, later!"), and the message may tell a little more (`_TOLD_WHILE_LEAVING` words)
    if nothing beside asks (`_asks_beside`: "ik moet door, stuur me info over de
    kmo-portefeuille aub. doei!"). None with a question word."""
    clauses = [c.split() for c in _leave_clauses(text)]
    if not clauses:
        return False
    last = [_plain(t) for t in clauses[-1]]  # "byeee"
    until = [t for t in last if t not in ("de", "een", "e")]  # "tot de volgende"
    leaving = [
        k
        for k, c in enumerate(clauses[:-1])
        if _LEAVING_NOW.fullmatch(" ".join(c)) or _FOR_TODAY.fullmatch(" ".join(c))
    ]
    # a wish ("nog een schone dag"), "dag" alone after leaving ("moet naar een shoot. dag!"),
    # or after it thanks alone ("ok ik moet ervandoor, bedankt!") or a wish ("Fijne avond!")
    farewell = _IN_A_FAREWELL | _closing(last, asking=False) | (_DAY if last == ["dag"] else set())
    signed_off = bool(leaving) and bool(
        re.fullmatch(_WISHED, " ".join(last))
        or _SIGNING_OFF.fullmatch(" ".join(last))
        or set(last) - {"he"} <= _THANKING | _THANKED
        or _THANKED_FOR.search(" ".join(last))
    )
    if signed_off:
        farewell |= set(last)
    leaves = (
        signed_off
        or bool(_LEAVE_TAKING.intersection(last) or farewell - _IN_A_FAREWELL)
        or any(t == "tot" and nxt in _WHEN_AGAIN for t, nxt in itertools.pairwise([*until, ""]))
    )
    told = bool(leaving) or any(
        _NARRATORS.intersection(c) and _GOING_ON.intersection(c) for c in clauses
    )
    said = [w for c in clauses for w in c if w not in _IN_A_FAREWELL]
    limit = _TOLD_WHILE_LEAVING if leaving else _TOLD_BEFORE_LEAVING
    # Told while leaving, what will not wait is no trouble (`_WONT_WAIT`): "ik moet naar de
    # veiling, de bloemen wachten nie"; "mijn aanvraag is niet goedgekeurd. tot later" is.
    told_words = [
        w for c in clauses if not (leaving and _WONT_WAIT.fullmatch(" ".join(c))) for w in c
    ]
    if _TROUBLE.intersection(told_words) or len(said) > limit:
        return False
    if leaving and any(
        _asks_beside(" ".join(c), restated=False)
        for k, c in enumerate(clauses[:-1])
        if k not in leaving and not _WONT_WAIT.fullmatch(" ".join(c))
    ):
        return False  # "ik moet door, stuur me info over de kmo-portefeuille aub. doei!"
    if _QUESTION_WORDS.intersection(w for c in clauses for w in c):
        return False  # "ik moet naar de boekhouder, zeg nog rap hoe lang auteursrecht duurt"
    return told and (
        (leaves and len(clauses) > 1 and all(t in farewell for t in last))
        or _LEAVING_UNTIL.search(" ".join(last)) is not None
    )


def leaves_now(text: str) -> bool:
    """Whether a message only takes leave (`says_goodbye`), telling the user leaves now
    (`_LEAVING_NOW`: "ok ik moet naar de set, ciao ciao"), and says nothing else: a farewell,
    whatever a passage shares with what they are off to; not "ik ga naar de galerie, tarief.
    merci" after the resale right, which asks on in a word."""
    clauses = _leave_clauses(text)
    if "?" not in text and all(_FOR_TODAY.fullmatch(c) for c in clauses):
        return bool(clauses)  # "ik ga stoppen voor vandaag" had got the bridging right (0.65)
    return (
        "?" not in text
        and says_goodbye(text)
        and len(clauses) > 1
        and any(_LEAVING_NOW.fullmatch(c) or _FOR_TODAY.fullmatch(c) for c in clauses[:-1])
        # ("ik moet naar de veiling, de bloemen wachten nie. salu en tot de volgende!")
        and all(
            _LEAVING_NOW.fullmatch(c)
            or _FOR_TODAY.fullmatch(c)
            or _WONT_WAIT.fullmatch(c)
            or set(c.split()) <= _ACKNOWLEDGING
            for c in clauses[:-1]
        )
    )


# What will not wait, or the user who can do no more, a whole clause: "de bloemen wachten
# nie", "geen tijd meer".
_WONT_WAIT = re.compile(
    r"(?:\w+ ){0,3}(?:wacht|wachten|wachte) (?:niet|nie|ni)(?: (?:graag|lang|langer))?"
    r"(?: op (?:mij|ons))?"
    r"|(?:\w+ )?geen tijd(?: meer)?|(?:ik |k )?kan (?:niet|nie|ni) meer"
    # what waits or begins: "den oven staat te wachten", "shoot begint", "de markt begint om
    # 8u en k moet mijn kraam nog opzetten"
    r"|(?:\w+ ){0,3}(?:staat|staan|zit|zitten|ligt|liggen) (?:al |nu )?(?:op (?:mij|ons) )?"
    r"te wachten"
    r"|(?:\w+ ){0,3}(?:begint|start|vertrekt|opent|gaat open)"
    r"(?: (?:zo|nu|straks|bijna|direct|dadelijk|al|om \w+))*"
    r"(?: en (?:ik|k|we) (?:moet|moeten) (?:\w+ ){0,5}\w+)?"
)
# A clause that only acknowledges, before leaving: "ok top", "allez", "right".
_ACKNOWLEDGING = frozenset(
    "ok oke okay okee top super perfect right allez allee bon goed zo nice great cool prima"
    " merci bedankt dank thanks thx".split()
)
# Done for today, a whole clause: "ik ga stoppen voor vandaag", "genoeg voor vandaag"; not "ik
# ga stoppen als zelfstandige".
_FOR_TODAY = re.compile(
    r"(?:(?:ok|oke|okay|goed|zo|allee|allez|bon) )*"
    r"(?:(?:(?:ik|k|we|wij) )?(?:ga|gaan|goa|moet|moeten) (?:nu )?(?:stoppen|stoppe|plat|afsluiten)"
    r"|(?:ik|k|we|wij) (?:stop|stoppen|sluit|sluiten)(?: (?:ermee|er mee|hiermee|af))?"
    r"|genoeg|basta|dat was het|da was het"
    # "Ik ga het hierbij laten voor vandaag."
    r"|(?:ik|k|we|wij) (?:ga|gaan|laat|laten) het (?:hierbij|daarbij)(?: laten)?)"
    r" voor (?:vandaag|nu|vanavond)"
    r"|basta for today"
)


def finds_fault(text: str, *, restated: bool = False, named: bool = False) -> bool:
    """Whether a message finds fault with the answer in words strict enough for any message,
    and asks nothing beside (`_asks_beside`): it asks for the answer to be said shorter or
    simpler, in a clause of its own (`_ASKED_AGAIN`), or, with no question mark, says it was
    not what was asked or did not help (`_NOT_WHAT_WAS_ASKED`, `_NOT_HELPED` opening it): "hmm
    dit antwoord helpt mij niet echt, je zegt altijd 'vraag aan je boekhouder'" had got the
    start loan at 0.64. Not "dit helpt mij niet verder, ik wil weten hoe ik een merk
    registreer", nor someone else's answer ("mijn boekhouder gaf geen antwoord op mijn
    vraag"). `restated`: the question said again beside it ("Ik vroeg naar mijn lessen, niet
    naar optredens.") asks nothing new, for a message no passage answers. `named`: only a
    fault that names the answer or what was asked, for a message a passage answers ("dit helpt
    mij echt niet verder: iemand gebruikt mijn foto op Instagram" tells what it is about)."""
    clauses = [c for c in _clause_texts(text) if c]
    if len(clauses) == 1 and _ASKED_OTHER.fullmatch(clauses[0]):
        return True
    # Someone else's answer anywhere in the message: "I still didn't get an answer from
    # Sabam, that answer was too vague".
    elsewhere = _ANSWER_OF_OTHERS.search(" ".join(clauses)) is not None
    for k, c in enumerate(clauses):
        words = c.split()
        if _ASKED_AGAIN.fullmatch(c):
            # after remarks on the answer or asides, before courtesy alone ("kan het simpeler,
            # met een eenmanszaak?" asks about the sole proprietorship)
            before, after = clauses[:k], clauses[k + 1 :]
            if all(
                set(a.split()) <= _COURTESY_AFTER
                # or a statement of the user's own ("kan da wa simpeler? ich bin gien boekhouder")
                or (a.split()[0] in _NARRATORS and not _asks_beside(a, restated=False))
                for a in after
            ) and (
                all(set(b.split()) <= _ASIDE | _SIGHS for b in before)
                or any(_OF_THE_ANSWER.intersection(b.split()) for b in before)
            ):
                return True
            continue
        faulted = (
            "?" not in text
            and (
                _NOT_WHAT_WAS_ASKED.fullmatch(c)
                or (
                    not named
                    and _NOT_HELPED.match(c)
                    # opening the message, or closing it after the question said again ("ik
                    # vroeg eigenlijk naar circus, niet naar theater... dat helpt me niet")
                    and (
                        (k == 0 and _to_wegwijzer(clauses[1:]))
                        or (
                            k in (0, len(clauses) - 1)
                            and any(_RESTATED.match(b) for j, b in enumerate(clauses) if j != k)
                        )
                    )
                )
            )
            and not elsewhere
            # an answer awaited or given in the clause; not understanding it ("i still dont
            # really get it")
            and not (_AWAITING | _GIVEN).intersection(
                w for j, w in enumerate(words) if not (w in _GRASPED and _next(words, j) == "it")
            )
        )
        if faulted and not any(
            _asks_beside(other, restated=restated) for j, other in enumerate(clauses) if j != k
        ):
            return True
    return False


def said_beside_talk(text: str) -> str:
    """What a message says beside its talk: its clauses that neither take leave
    (`_LEAVING_NOW`, the farewell that ends it), nor find fault with the answer, nor are talk
    words alone; "" when none. "ok ik moet naar de boekhouder, aftrekbare beroepskosten voor
    een fotograaf. merci" says "aftrekbare beroepskosten voor een fotograaf"."""
    clauses = [c for c in _clause_texts(text) if c]
    if clauses and says_goodbye(text):
        clauses = clauses[:-1]
    return ". ".join(
        c
        for c in clauses
        if not (
            _LEAVING_NOW.fullmatch(c)
            or (_NARRATORS.intersection(c.split()) and _GOING_ON.intersection(c.split()))
            or _OF_USE.search(c)
            or _ASKED_AGAIN.fullmatch(c)
            or _NOT_WHAT_WAS_ASKED.fullmatch(c)
            or _NOT_HELPED.match(c)
            or all(_talk_word(w) or w in _SIGHS or w in _ASIDE or w in _THANKED for w in c.split())
        )
    )


def introduces_only(text: str) -> bool:
    """Whether a message introduces the user and asks nothing yet: it opens with a greeting
    or with who they are ("ik ben Hilde", "mijn naam is Jos", "Marcus here", "I'm Giulia"),
    says who they are in its first three clauses, and then tells their work or plans, or
    announces questions to come ("Een collega zei me dat ik hier met vragen over mijn zaak
    terechtkan.", "Ik zal U de komende tijd wellicht wat vragen stellen."); a question mark
    only to ask whether English will do ("so English ok?"). Not a message with a question
    word, a request for something ("Hallo, ik ben Jan, ik wil weten hoeveel btw ...", "ik ben
    Jan en zoek een lening", "ik wil een vzw oprichten"), a question asked without its mark
    ("... klopt dat", "kom ik in aanmerking") or trouble told ("Sabam heeft mij nog altijd
    niet uitbetaald")."""
    words = _words_of(text)
    if not words or len(words) > _LONGEST_INTRODUCTION:
        return False
    clauses = [c for c in _clause_texts(text) if c]
    said = " ".join(clauses[:3])
    # ("I'm invited for a recital in New York" opens with no introduction)
    opens = (
        _plain(words[0]) in GREETINGS
        or words[0] in ("yo", "ciao")
        or _NAMED_FIRST.match(said)
        or _NAMED_CAPITALISED.match(text) is not None
    )
    if not (opens and _INTRODUCED.search(said)):
        return False
    asked = [" ".join(_words_of(s)) for s in re.split(r"(?<=\?)", text) if "?" in s]
    if any(not _ENGLISH_ALLOWED.search(a) for a in asked):
        return False  # a question, unless whether English will do
    if any(
        (c.split()[0] in _QUESTION_OPENERS or c.split()[0] in _ASKING_VERBS)
        and (c.split()[0] in _MODALS or _next(c.split(), 0) in _ASKED_SUBJECTS)
        and not _ENGLISH_ALLOWED.search(c)
        for c in clauses
    ):
        # asked without its mark: "wij zijn een gezelschap, is het sabam percentage hoger"
        # (not chat with its subject left out: "heb een klein atelier", "is niet perfect")
        return False
    if any(_asks_what_something_is(c) for c in _CLAUSE_BREAK.split(text)[1:]):
        # "hallo, ik ben edelsmid, is de btw 21% op ringen", "designer here, is vat 21% on
        # posters": greeted back, the question was lost
        return False
    joined = " ".join(words)
    if (
        _ASKED_AT_THE_END.search(joined)
        or _TROUBLE_TOLD.search(joined)
        # "session guitarist here is it mandatory to join playright": an English question
        # typed without its mark, after the introduction ("can I write in English" asks none)
        or (_ASKED_IN_ENGLISH.search(joined) and not _ENGLISH_ALLOWED.search(joined))
    ):
        # "... mijn klant in frankrijk wil geen btw betalen klopt dat", "kom ik in
        # aanmerking"; "Sabam heeft mij nog altijd niet uitbetaald", "mijn merk wordt
        # aangevochten" (not "mijn Nederlands is niet perfect")
        return False
    opening = set(itertools.accumulate((len(c.split()) for c in _clause_texts(text)), initial=0))
    return not any(
        (
            w in WORDS_THAT_ASK
            # "als ik wat tijd heb", "ga u wel wa lastigvallen", "ik ga hier af en toe wat
            # vragen stellen": some, not what ("Wat werk telt mee?"; "ik ben Jens wat vragen
            # ze bij sabam", "wat vragen ze voor een stand" ask)
            and not (
                w in ("wat", "wa")
                and i not in opening
                and (
                    _next(words, i) in _SOME_OF
                    or (_next(words, i) in _ANNOUNCING and _next(words, i + 1) in _QUESTIONS_POSED)
                    or words[i - 1] in _BEFORE_SOME
                )
            )
        )
        or w in _WANTED_NOW
        or (w in _REQUESTING and w not in _PLANNED)
        # someone else's will ("mijn huisbaas wil de huur verhogen"), or the user's of a thing
        # ("ik wil een vzw oprichten", "ik wil dat ze stoppen"; not "ik wil hier als zzp'er
        # aan de slag", "volgend seizoen willen we op tournee")
        or (w in _WILLING and not _WILLED_PLAN.match(" ".join(words[max(0, i - 1) : i + 3])))
        for i, w in enumerate(words)
    )


def introduces_alone(text: str) -> bool:
    """Whether a message only introduces the user (`introduces_only`) and tells of no one else
    and no subject it asks about: a greeting whatever a passage shares with it ("Hoi! Ik ben
    Daan, gamedev ... We zijn een klein indie studiootje aan het opzetten" had got the games
    fund, 0.86). Not "Iemand kopieert mijn ontwerpen op Etsy", "Mijn uitgever betaalt te
    weinig royalties uit" or "ik heb een vraag over mijn btw-aangifte", which a passage may
    answer; someone who sent the user here, or the user's Dutch, is no one else."""
    if not introduces_only(text):
        return False
    for clause in (c.split() for c in _clause_texts(text) if c):
        if any(
            t in _ANNOUNCING and _ASKED_ABOUT.intersection(clause[i + 1 : i + 4])
            for i, t in enumerate(clause)
        ):
            return False  # "ik heb een vraag over auteursrechten"
        if clause[0] in _OTHERS_OPENING and not _SENT_HERE.search(" ".join(clause)):
            return False
    return True


# Who opens a clause about someone or something else than the user: "Iemand kopieert ...",
# "Een galerie houdt ...", "Mijn uitgever betaalt ...", "Someone is using my photos".
_OTHERS_OPENING = frozenset(
    "iemand een de den het mijn m mn mien onze ons someone somebody a the my our ze hij zij".split()
)
# ... unless it tells who sent the user here, or of their name or their Dutch: "een collega zei
# dat ik hier terecht kan", "mijn nederlands is niet perfect".
_SENT_HERE = re.compile(
    r"\b(?:zei|zegt|zeiden|raadde|raadt|aangeraden|tipte|getipt|said|says|told|recommended)\b"
    r"|^(?:mijn|mien|my) (?:naam|name|nederlands|dutch|frans|french|engels|english)\b"
)


# Who the user is, said in a clause of an introduction: "ik ben Hilde", "mijn naam is Jos",
# "wij zijn Theater Ruis", "Marcus here", "I'm Giulia", "ich bin Jef".
_INTRODUCED = re.compile(
    r"(?:^|\b)(?:ik ben|ich bin|k ben|(?<!als )(?<!as )k (?:zyn|zen)|mijn naam is|mien naam is"
    r"|ik heet|wij zijn|we zijn"
    r"|my name is|i m|i am|this is)\b|^(?:\w+ ){0,2}\w+ here\b"
)
# ... opening the message: not "I'm", which as often opens a question.
_NAMED_FIRST = re.compile(
    r"(?:mijn naam is|mien naam is|ik heet|my name is)\b|(?:\w+ ){0,2}\w+ here\b"
)
# ... or "Ik ben Hilde", "Wij zijn Theater Ruis": a name, as written, not "Ik ben fotograaf".
_NAMED_CAPITALISED = re.compile(r"\W*(?:[Ii]k ben|[Ii]ch bin|[Ww]ij zijn|[Ww]e zijn) [A-Z]")
# Whether English will do: "so English ok?", "mag ik in het Engels schrijven?".
_ENGLISH_ALLOWED = re.compile(
    r"(?:.*\b(?:english|engels)\b.*\b(?:ok|okay|oke|fine|goed|possible|mogelijk|alright)\b"
    r"|.*\b(?:mag|kan|can|may)\b.*\b(?:english|engels)\b).{0,40}"
)
# A plan told in an introduction, no request: "ik wil hier als zzp'er aan de slag".
_PLANNED = frozenset("wil wilt willen wou plan plannen wens wensen".split())
_WILLING = frozenset("wil wilt willen".split())
_WILLED_PLAN = re.compile(
    r"(?:ik|k|we|wij) (?:wil|wilt|willen) (?:hier|daar|alles|graag|nu|stilaan|echt|er)\b"
    r"|\w+ (?:wil|wilt|willen) (?:ik|we|wij)\b"
)
# A question asked at the end of a clause, without its mark: "... klopt dat", "kan dat
# zomaar", "is dat legaal", "mag dat als minderjarige", "kom ik in aanmerking", "bestaat daar
# een beurs voor", "help mij aub".
_ASKED_AT_THE_END = re.compile(
    r"\b(?:klopt|kan|mag|moet|is|bestaat|kom|krijg|heb|ben|geldt|telt|kunnen|mogen)"
    r" (?:dat|da|het|ik|daar|er|je|dit|we|wij|hij|zij|ze)\b(?! (?:ben|heb|zijn)\b)"
    r"|\bhelp (?:mij|me|ons)\b"
    r"(?! (?:with|met) (?:some|a few|my|mijn|enkele|wat|een paar) (?:questions|vragen)\b)"
)
# ... in English: a verb before its subject, "is it", "can i", "do we" ("this is my studio"
# asks nothing).
_ASKED_IN_ENGLISH = re.compile(
    r"\b(?:can|could|do|does|did|is|are|should|must|may|will|would|am)"
    r" (?:i|we|you|it|there|they|he|she)\b"
)
# Trouble told: "niet", "nooit", "geen" beside a verb of what befell (not the user's Dutch
# "is niet perfect"), or a passive "wordt gebruikt", "werd geweigerd".
_TROUBLE_TOLD = re.compile(
    r"\b(?:niet|nie|nooit|geen|gene)\b(?!.*\b(?:perfect|goed|vlot|nederlands|dutch|taal)\b)"
    r"|\b(?:wordt|werd|worden|werden) (?:\w+ )?(?:ge\w+|aangevochten|betaald)\b"
)
_MODALS = frozenset(
    "kan kun kunt kunnen mag mogen moet moeten wil wilt willen zal zullen zou can could may "
    "should must will would".split()
)
_ASKED_SUBJECTS = frozenset(
    "ik je jij u ge gij we wij het er hij zij ze dat dit da i you it there we they".split()
)
_JOINING = frozenset("maar en of but and or".split())
# `_asks_what_something_is`: a clause opening with "is" or "are" asks when it names a share
# or a sum ("is de btw 21% op ringen", "is 250 euro de grens"); chat that leaves out its
# subject says something ("is de eerste keer dat ik hier ben", "is al 3 jaar dat ik
# fotografeer", "is my first time here").
_IS_OR_ARE = frozenset(("is", "are"))
# Where a clause ends, not inside a figure ("21.000 euro", "6,5%").
_CLAUSE_BREAK = re.compile(r"(?<!\d)[.,](?!\d)|[!?;:\n]+")
_SHARE_OR_SUM = re.compile(r"\d\s*(?:%|procent\b|percent\b|euro\b|eur\b)|€\s*\d")


def _asks_what_something_is(clause: str) -> bool:
    """Whether a clause (as typed) asks whether something is so, without the question mark:
    "is" or "are" first, and a share or a sum in it ("is vat 21% on posters")."""
    words = _words_of(clause)
    return (
        len(words) >= 3
        and words[0] in _IS_OR_ARE
        and _SHARE_OR_SUM.search(clause.lower()) is not None
    )


_LONGEST_INTRODUCTION = 90
# What "wat" means "some" of inside an introduction: "als ik wat tijd heb", "wat geld verdienen".
_SOME_OF = frozenset("tijd geld ervaring werk meer".split())
# What follows "wat vragen" that poses them or says what about, or nothing: "wat vragen
# stellen", "wat vragen over funding", "ik heb wat vragen" (not "wat vragen ze").
_QUESTIONS_POSED = frozenset(
    {"stellen", "stel", "hebben", "heb", "sturen", "voorleggen", "over", "rond", "omtrent", ""}
)
_BEFORE_SOME = frozenset("wel nog ook eens toch al zeker".split())
# What asks for something now in an introduction: "ik wil weten", "ik zoek", "info over".
_WANTED_NOW = frozenset(
    "weten zoek zoeken info informatie uitleg nodig hoeveel kost kosten need know".split()
)


def _to_wegwijzer(clauses: Sequence[str]) -> bool:
    """Whether the clauses after "da helpt mij ni echt" say nothing, or speak to Wegwijzer
    ("ge zegt telkens 'vraag het aan uw boekhouder'"); not "de bank weigert mijn lening"."""
    return all(not c for c in clauses) or any(_YOU.intersection(c.split()) for c in clauses)


def _asks_beside(clause: str, *, restated: bool) -> bool:
    """Whether a clause beside talk asks or requests something: opened by a question word or a
    verb before its subject, with a question word or an imperative ("stuur me info over de
    kmo-portefeuille"), a request ("ik zoek een lening", "ik wil weten ..."), a question
    announced about something ("ik heb een vraag over volgrecht"), or (unless `restated`) the
    question said again ("ik bedoel de startlening van PMV"). Not a remark ("je zegt altijd
    'vraag aan je boekhouder'", "ik wou gwn een simpel antwoord")."""
    words = clause.split()
    if not words:
        return False
    return bool(
        words[0] in _QUESTION_OPENERS
        or words[0] in WORDS_THAT_ASK
        # after a conjunction: "dat wist ik al. maar mag ik mijn auto inbrengen", "de markt
        # begint en moet ik daar een vergunning voor hebben"
        or any(
            t in _JOINING and nxt in _QUESTION_OPENERS and subject in _ASKED_SUBJECTS
            for t, nxt, subject in zip(words, words[1:], words[2:], strict=False)
        )
        or (_QUESTION_WORDS | _IMPERATIVES | _REQUESTED_BESIDE).intersection(words)
        or any(
            t in _ANNOUNCING and _ASKED_ABOUT.intersection(words[i + 1 : i + 4])
            for i, t in enumerate(words)
        )
        or _OBLIGED.search(clause) is not None
        or (not restated and (_RESTATED.match(clause) or _WONDERING.search(clause)))
    )


def _about_the_answer(words: Sequence[str], clauses: Sequence[str] = ()) -> bool:
    """Whether words find fault with the answer or with being understood (see `_THE_ANSWER`,
    `_UNDERSTANDING`, with a word of fault, `_FAULTED`), say it is of no use ("hier heb ik niks
    aan") or judge it in a clause of their own (`_FAULT`, `_LOST_IN_IT`, of `clauses`)."""
    if _AWAITING.intersection(words):
        return False  # "hoe lang duurt het voor ik antwoord krijg"
    said = " ".join(words)
    addressed = bool(_YOU.intersection(words))
    if not _FAULTED.intersection(words):
        # ("ok ik begrijp je", "ik heb je antwoord gelezen, klinkt goed")
        return bool(
            _OF_NO_USE.search(said)
            or any(_FAULT.search(c) for c in clauses)
            or _disappointed(clauses)
        )
    for i, t in enumerate(words):
        before = words[max(0, i - _POINTING_REACH) : i]
        after = words[i + 1 : i + 3]
        if t in _THE_ANSWER and _OF_SOMEONE.intersection(after):
            continue  # "dat antwoord van de belastingdienst klopt niet"
        if t in _TEXTS and not (_YOURS.intersection(before) or _MUCH.intersection(before)):
            continue  # "deze tekst heb ik vertaald"; not "je tekst", "da was veel tekst"
        if t in _THE_ANSWER and _AT_THE_ANSWER.intersection(before):
            return True
        if (
            t in _UNDERSTANDING
            and addressed
            and (
                _SPOKEN_TO.intersection(words[max(0, i - 1) : i + 2])
                or "vraag" in words[max(0, i - 3) : i]
            )
        ):
            return True
    # "hier heb ik niks aan", "ik heb er niks aan gehad", "bedankt voor niets", "cheers for
    # nothing", "ok nvm dat klopt niet echt", "euh wa? snap er niks van"
    return bool(
        _OF_NO_USE.search(said)
        or any(
            _FAULT.search(c) or (len(c.split()) <= _SHORT and _LOST_IN_IT.search(c))
            for c in clauses
        )
        or _disappointed(clauses)
    )


def _disappointed(clauses: Sequence[str]) -> bool:
    """Whether a message is disappointment with the answer (`_HOPED`), and says nothing else
    but of the answer."""
    said = [c for c in clauses if c]
    return any(_HOPED.fullmatch(c) for c in said) and all(
        _HOPED.fullmatch(c)
        or all(w in _SIGHS for w in c.split())
        or ("antwoord" in c.split() and not _SOMEONE_ELSES.intersection(c.split()))
        for c in said
    )


def talk_kind(text: str, tokens: Sequence[str]) -> str | None:
    """What a message that no passage answers says, if it reads as talk rather than as a
    question: a greeting that opens it and no question or request ("Hoi! Ik ben
    architectuurfotograaf en net naar Antwerpen verhuisd."), thanks with no question
    ("bedankt, daar kan ik mee verder"), a complaint about the answer or about being
    understood ("Dit beantwoordt mijn vraag maar half.", "kunt ge da wa korter zeggen?"), or a
    question to Wegwijzer about itself or the language it answers in ("Ben jij een AI?", "kan
    u antwoorden in het frans?"), or a farewell ("daag! tot volgende week"). None when it is
    none of these. For a message that would be refused (`Assistant.as_talk`): one that a
    passage answers is a question, whatever its greeting; only a question about Wegwijzer
    itself (`about_itself`) is told of any message, and talk said of the answer of a
    follow-up that would give the same answer again."""
    words = _words_of(text)
    words_set = set(words)
    asks = _asks(text)
    clauses = _clause_texts(text)
    if (_LANGUAGES.intersection(words) and any(_ANSWER_IN.search(c) for c in clauses)) or any(
        _WHICH_LANGUAGES.fullmatch(c) for c in clauses
    ):
        return "language"  # "can you just answer in English next time?"
    if about_itself(text) or any(_CAN_DO_ALL.fullmatch(c) for c in clauses):
        return "about"  # "Ben jij een AI?", "met wie spreek ik?", "wat kunt gij allemaal?"
    thanks = _thanks(words) and not (_NOT_OR_IF | _NOT_IN_ENGLISH | _UNDONE).intersection(words)
    if thanks and not asks:
        return "thanks"  # "Hartelijk dank voor uw uitgebreide en heldere antwoord."
    unasked = "?" not in text and not any(c.split()[0] in WORDS_THAT_ASK for c in clauses if c)
    if unasked and (says_goodbye(text) or leaves_now(text)):
        return "bye"  # "ok ik moet naar een open mic, merci en tot later" (a "moet" requests)
    if finds_fault(text, restated=True):
        return "wrong"  # "kan da nie korter?", "dat is niet wat ik vroeg. Ik vroeg naar ..."
    if introduces_only(text):
        return "hello"  # "Goedemiddag. Ik ben Hilde, ik heb een dansschool in Mechelen."
    rephrase = any(_REPHRASE.search(c) for c in clauses)
    if rephrase or (_about_the_answer(words, clauses) and not asks):
        return "wrong"  # "Ik vrees dat u mijn vraag verkeerd begrepen heeft."
    if asks:
        return None
    if (tokens and tokens[0] in FAREWELLS and words_set & _UNTIL) or says_goodbye(text):
        return "bye"  # "daag! tot volgende week", "Oké, wij gaan weer muren witten. Doei!"
    if tokens and (
        (_plain(tokens[0]) in GREETINGS - _TIMELY)
        or (tokens[0] in _TIMELY and re.match(r"\s*\w+\s*[,!.]", text) is not None)
        or tokens[0] in _SALUTATIONS
        or (tokens[0] == "good" and _next(tokens, 0) in GREETINGS)  # "Good morning, ..."
        or _ADDRESSED_LETTER.match(text) is not None
    ):
        return "hello"  # "Goedemiddag. Ik ontwerp lettertypes en verkoop die online."
    if thanks:
        return "thanks"  # "bedankt, maar ik zie het niet zitten"
    return None


def about_itself(text: str) -> bool:
    """Whether a message asks what Wegwijzer is, with whom one speaks, where its answers come
    from, who made it, or its name or age (`_IS_IT`, `_SPEAKING_WITH`, `_ITS_SOURCES`,
    `_MADE_YOU`, `_YOUR_NAME_OR_AGE`): patterns strict enough to tell, whatever a passage
    shares with the message ("wie heeft jou eigenlijk gemaakt?" had got a city's programme at
    0.70)."""
    text = text.replace("\N{ROBOT FACE}", " robot ")  # "echte mens of een 🤖?"
    folded = " ".join(_words_of(text))
    # (an aside opening a clause: "wait, am I talking to a real person or a bot?")
    clauses = _with_alternatives(
        [" ".join(_without_asides(c.split())) for c in _clause_texts(text)]
    )
    return bool(
        any(
            (_IS_IT.search(c) and _asked_on_its_own(clauses, k, asking=False))
            # with nothing after it but talk or more about Wegwijzer: not "mag ik eens vragen
            # met wie ik spreek? en hoe registreer ik een merk?", "..., want ik heb een vraag
            # over de winwinlening"
            or (
                _SPEAKING_WITH.fullmatch(c)
                and all(
                    _of_itself(a)
                    or _OF_THIS.match(a)  # "Is dit een dienst van de Vlaamse overheid?"
                    or all(w in _ASIDE or _talk_word(w) for w in a.split())
                    for a in clauses[k + 1 :]
                )
            )
            or (
                (
                    _PERSON_OR_PROGRAM.fullmatch(c)
                    or _BEHIND_IT.fullmatch(c)
                    or _CHATTING_WITH.fullmatch(c)
                    or _SPEAKING_TO_ONE.fullmatch(c)
                    or _SPEAKING_WITH_WHOM.fullmatch(c)
                )
                and not _ELSEWHERE.search(folded)
                and _asked_on_its_own(clauses, k)
            )
            for k, c in enumerate(clauses)
        )
        or any(
            # "Mag ik vragen wat u precies bent? Een chatbot van de Vlaamse overheid, of van
            # een steunpunt?"; not "wie ben jij eigenlijk? een medewerker of een zelfstandige?"
            _WHO_ARE_YOU.fullmatch(c)
            and not _ELSEWHERE.search(folded)
            and _asked_on_its_own(clauses, k)
            and all(_of_itself(a) or _NAMED_ITSELF.fullmatch(a) for a in clauses[k + 1 :] if a)
            for k, c in enumerate(clauses)
        )
        or any(
            (_WHO_ARE_YOU.fullmatch(c) or _WHOM_SPOKEN.fullmatch(c))
            and _ONE_OF_ALONE.fullmatch(after)
            and not _ELSEWHERE.search(folded)
            and _asked_on_its_own(clauses, k + 1)
            for k, (c, after) in enumerate(itertools.pairwise(clauses))
        )
        or _WHOSE_YOU_ARE.fullmatch(folded)
        or any(
            _WHOSE_BOT.fullmatch(c) and _asked_on_its_own(clauses, k) for k, c in enumerate(clauses)
        )
        or any(
            _RUNS_YOU.fullmatch(c) and _asked_on_its_own(clauses, k) for k, c in enumerate(clauses)
        )
        or any(
            # with nothing after it but more about Wegwijzer: not "hoe heet je, ehm, die
            # regeling voor amateurkunstenaars?"
            _YOUR_NAME_OR_AGE.fullmatch(c)
            and _asked_on_its_own(clauses, k)
            and all(_of_itself(a) or _CAN_DO_ALL.fullmatch(a) for a in clauses[k + 1 :] if a)
            for k, c in enumerate(clauses)
        )
        or _ITS_SOURCES.search(folded)
        or _MADE_YOU.search(folded)
    )


# A question about "this" or "you", after asking with whom one speaks.
_OF_THIS = re.compile(
    r"(?:is (?:dit|dat|da)|(?:ben|bent|zijt|zijde|are) (?:je|jij|u|ge|gij|you))\b"
)


def _with_alternatives(clauses: Sequence[str]) -> list[str]:
    """Clauses with one that opens with "of" read as part of the one before, when together
    they ask who or what Wegwijzer is (`_of_itself`): "Zit daar iemand van het Cultuurloket
    achter, of is dit een computerprogramma?"."""
    joined: list[str] = []
    for clause in clauses:
        together = f"{joined[-1]} {clause}" if joined and joined[-1] else ""
        if clause.split()[:1] in (["of"], ["or"]) and together and _of_itself(together):
            joined[-1] = together
        else:
            joined.append(clause)
    return joined


def _without_asides(words: Sequence[str]) -> list[str]:
    """A clause's words without the asides that open it ("wacht even", "wait", "zeg")."""
    return list(itertools.dropwhile(_ASIDE.__contains__, words))


def _asked_on_its_own(clauses: Sequence[str], k: int, *, asking: bool = True) -> bool:
    """Whether clause `k` of a message is asked on its own: none after it a question
    ("Streams van bots op Spotify: is dit een mens of een bot? Hoe krijg ik mijn
    royalties?") or a need ("am I talking to a human? I need the VAT rate ..."), but of
    Wegwijzer too ("... En wie zit erachter?"), and (`asking`, for the patterns that ask in a
    whole clause) every clause before it talk (`_ASIDE`, thanks) or about Wegwijzer too."""
    before = [c for c in clauses[:k] if c]
    # (a question after it about Wegwijzer too: "Wat zijt gij, een mens of een bot? En wie zit
    # erachter?")
    after = [c.split() for c in clauses[k + 1 :] if c and not _of_itself(c)]
    # "en hoe word ik lid van Sabam?" (not "En mag ik ook in het Engels vragen?", talk too).
    after = [
        w[1:] if w[0] in _ASKING_ON and len(w) > 1 and w[1] in WORDS_THAT_ASK else w for w in after
    ]
    if any(
        w[0] in _QUESTION_OPENERS
        or w[0] in _QUESTION_WORDS
        or _OBLIGED.search(" ".join(w))
        or _NEEDED.intersection(w)
        # ("want ik wil weten hoe ik een merk registreer"; not "willen weten met wie ik chat")
        or (_QUESTION_WORDS.intersection(w) and "met wie" not in " ".join(w))
        for w in after
    ):
        return False  # (or a request: "am I talking to a human? I need the VAT rate ...")
    return not asking or all(
        all(w in _ASIDE or _talk_word(w) for w in c.split()) or _of_itself(c) for c in before
    )


# Whose it is, asked after who is behind it: "Wie zit er achter deze bot? Is dat van de
# overheid?"
_WHOSE_IT_IS = re.compile(
    r"(?:en )?is (?:dat|dit|da|het) (?:eigenlijk )?van (?:de |het )?(?:vlaamse )?"
    r"(?:overheid|regering|stad|vlaanderen|cultuurloket|vlaio)(?: eigenlijk)?"
)


def _of_itself(clause: str) -> bool:
    """Whether a whole clause asks who or what Wegwijzer is, with whom one speaks or who is
    behind it (the clause patterns of `about_itself`)."""
    return any(
        pattern.fullmatch(clause)
        for pattern in (
            _WHOSE_IT_IS,
            _WHOM_SPOKEN,
            _WHO_ARE_YOU,
            _BEHIND_IT,
            _PERSON_OR_PROGRAM,
            _CHATTING_WITH,
            _SPEAKING_TO_ONE,
            _WHO_IS_BEHIND,
            _RUNS_YOU,
            _WHOSE_YOU_ARE,
            _ONE_OF_ALONE,
        )
    )


# What still asks beside thanks or a farewell: a question word, "wat", or "maar" ("merci, daar
# kan ik iets mee maar wat met de btw op workshops").
_STILL_ASKING = _QUESTION_WORDS | frozenset("wat what how which maar but".split())


def says_only_talk(text: str) -> bool:
    """Whether every word of a message greets, thanks, takes leave or is a courtesy ("merci,
    tot volgende week"), or it thanks for something of use ("dank u, daar kunnen we iets
    mee"): nothing a follow-up could take up."""
    words = _words_of(text)
    if _thanks(words) and _OF_USE.search(" ".join(words)):
        return True  # "dank u, daar kunnen we iets mee"
    return bool(words) and all(_talk_word(w) for w in words)


def asks_nothing_more(text: str) -> bool:
    """Whether a message of thanks or a farewell asks nothing besides: no question mark, and
    no word that asks (`_STILL_ASKING`)."""
    return "?" not in text and _STILL_ASKING.isdisjoint(_words_of(text))


def thanks_someone(text: str, tokens: Sequence[str]) -> bool:
    """Whether a message is thanks said to someone, with no question ("merci manneke",
    "thanks mate"): thanks, whatever a passage may say of the words ("manneke" is a "man",
    which the SBKs' manpower holds); not "merci, winwinlening", which asks about it."""
    said = list(itertools.dropwhile(_TAKING_IN.__contains__, tokens))  # "ok merci manneke"
    return (
        0 < len(said) <= _THANKS_TO_SOMEONE
        and _plain(said[0]) in _THANKING
        and all(_plain(t) in _THANKING or t in _THANKED for t in said[1:])
        and not _asks(text)
    )


# "ons" is also the object: "dat helpt ons niet (echt) verder".
_OBJECT_PRONOUNS = frozenset("ons".split())
_AFTER_AN_OBJECT = frozenset("echt helemaal totaal verder weer alweer".split())


def _objects(tokens: Sequence[str], i: int) -> bool:
    """Whether the pronoun at `i` is an object: followed by a negation or an adverb, not by
    what it owns."""
    after = _next(tokens, i)
    return tokens[i] in _OBJECT_PRONOUNS and (
        after in _NOT_OR_IF or after in _NOT_IN_ENGLISH or after in _AFTER_AN_OBJECT
    )


def _introduces(
    words: Sequence[str], names: Sequence[tuple[str, ...]], towns: Collection[str] = ()
) -> bool:
    """Whether the words after a greeting only say who the user is: `_INTRODUCED_AS`, then
    the name they capitalise right after it (`_names`), and their trade (`_PROFESSIONS`),
    town (`PLACES`, or capitalised after "uit", `_towns`), age and `_INTRODUCTION_WORDS`,
    at least one name, trade or town.
    A capitalised word anywhere else is no name: "Hallo, ik ben muzikant, Sabam" asks."""
    said = " ".join(words)
    for opening in _INTRODUCED_AS:
        if said.startswith(opening + " "):
            rest = list(words[len(opening.split()) :])
            named = False
            if names and rest[: len(names[0])] == list(names[0]):
                rest, named = rest[len(names[0]) :], True
            known = _PROFESSIONS | PLACES | frozenset(towns)
            return (named or any(w in known for w in rest)) and all(
                w in known or w in _INTRODUCTION_WORDS or w.isdigit() for w in rest
            )
    return False


# Where a sentence, a line or a clause begins: its first word is capitalised as such.
_SEGMENT = re.compile(r"[.!?:;\n]+")
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][a-z][\w'’-]*")


def _folded(text: str) -> str:
    """The text without its accents ("Olá" as "Ola"), capitals and punctuation kept."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _towns(text: str) -> set[str]:
    """The tokens of the words a message capitalises right after "uit" or "from" ("uit
    Kessel-Lo" as "kessel", "lo", "kessello"): where the user is from, in an introduction."""
    folded = _folded(text)
    tokens: set[str] = set()
    for match in re.finditer(r"\b(?:uit|from)\s+([A-Z][a-z][\w'’-]*)", folded):
        pieces = re.findall(r"[a-z0-9]+", match.group(1).lower())
        tokens.update(p for p in pieces if len(p) > 1)
        tokens.add("".join(pieces))
    return tokens


def _names(text: str) -> list[tuple[str, ...]]:
    """The tokens of each name a message capitalises right after "ik ben", "I'm" and their
    kin, in order: one word ("Hilde", "Anne-Sophie" as "anne", "sophie", "annesophie"); not
    an acronym ("BTW"), nor a second word, which may begin a line the bots join with a space
    ("Hallo, ik ben Jan" and "Kunstenaarsstatuut" on the next line ask about it)."""
    folded = _folded(text)
    found = []
    for segment in _SEGMENT.split(folded):
        opening = re.search(
            r"\b(?:[Ii]k (?:ben|zen|heet)|[Kk](?:ben|zen)|naam is|name is|I'?m|I am)\s+", segment
        )
        if opening is None:
            continue
        match = _CAPITALISED.match(segment, opening.end())
        if match is None:
            continue
        tokens: list[str] = []
        for word in match.group(0).split():
            pieces = re.findall(r"[a-z0-9]+", word.lower())
            tokens += [p for p in pieces if len(p) > 1] + (
                ["".join(pieces)] if len(pieces) > 1 else []
            )
        found.append(tuple(tokens))
    return found


def _complains(text: str, tokens: Sequence[str], stopwords: Collection[str]) -> bool:
    """Whether a message only finds fault with an answer or with Wegwijzer: "uw antwoord is
    onvolledig", "je snapt er echt niks van", "da was ni nuttig", "dit helpt me niet verder",
    "this answer is useless". Read as questions, they were sent to the Cultuurloket, or got a
    passage ("dit helpt me niet verder": the artist's status at 0.87). Not a question ("klopt
    dat niet?", "is dat fout?", "en als dat niet helpt"), nor anything naming a subject."""
    words = set(tokens)
    if words & _IF:
        return False  # "en als dat niet helpt?" asks what then
    if any(a == "geeft" and b in _NOT_OR_IF for a, b in itertools.pairwise(tokens)):
        return False  # "geeft niet, ik snap het al": never mind, no fault found
    negated = words & (_NOT_OR_IF | _NOT_IN_ENGLISH)
    too = any(t in _TOO and _next(tokens, i) in _EXCESSIVE for i, t in enumerate(tokens))
    too_much = (bool(words & _THE_ANSWER_OR_YOU) and (too or bool(words & _SLOW))) or (
        # a comment alone, with no question mark: "veel te algemeen", "too complicated"
        too and "?" not in text and words <= _EXCESSIVE | _TOO | _DEGREE
    )
    if not (words & _FAULTY or too_much or (negated and words & _PRAISED)):
        return False
    if any(
        t in _OWNERS and _next(tokens, i) not in _QUESTIONS and not _objects(tokens, i)
        for i, t in enumerate(tokens)
    ):
        return False  # "mijn antwoord was fout" is the user's own; not "mijn vraag"
    if "?" in text and not (negated and words & _LOST and words & _I):
        return False  # "klopt dat niet?" asks; "dit snap ik niet, kun je het anders ...?" not
    return all(t in _COMPLAINT_WORDS or t in stopwords for t in tokens)


# Function words that occur in English questions and not in Dutch ones.
ENGLISH_MARKERS = frozenset(
    """
    the how what which who whom where when why can could should would will shall do does did
    my your our their his her its you i me we they them is are am was were be been being have
    has had get got need to for from with about into on at by and or if any some much many
    this that these those there here it an a not no yes please help long much
    belgium belgian flemish brussels ghent antwerp
    """.split()
)
# English words that open a question: evidence enough on their own when no Dutch word is beside
# them ("What is Sabam?", whose "is" both languages have).
ENGLISH_OPENERS = frozenset("what who whom whose where when why which how does did".split())
# Words that are also ordinary Dutch function words: no evidence either way.
_AMBIGUOUS = frozenset("is in op de die was an a we at".split())
DUTCH_MARKERS = frozenset(
    """
    de het een en van ik je jij u mijn hoe wat wie waar wanneer welke kan kun kunt moet mag
    ben bent zijn heb heeft hebben voor met naar bij over als dat die dit deze er niet geen ook
    nog wel om te tot uit door zo hoeveel hoelang waarom kan krijg krijgen iets iemand
    """.split()
)

# Words that refer back to something said before: "wie beheert dat?", "kan ik daarvoor ook",
# "zo'n lening" (whose apostrophe the tokens drop: "zon").
REFERENCE_WORDS = frozenset(
    """
    dat die dit deze da dees diene dieje daar dr der daarvoor daarmee daarvan daarbij daarop
    daaraan daarover daarna daarin daaruit daardoor daartoe daaronder daartegen daarnaast
    daarachter daarboven daartussen daaromheen ervoor ermee erover erbij eraan ervan erin eruit
    erna erop eronder erdoor ertoe ertegen ernaast erachter erboven ertussen eromheen hiervoor
    hiermee hierover hierbij hieraan hiervan hierin hierop hieronder hierdoor hiertoe hierna
    hieruit hierachter hierboven hiertussen hiernaast hiertegen hieromheen hem hun hen
    hetzelfde zelfde ze zij zon zulk zulke zoiets it its that this
    they them their those these there same ones
    """.split()
)
# "dan" right after the subject of a question's verb means "in that case": it points at what
# was said before ("krijg ik dan korting?", "moet hij dan nog btw-aangiftes indienen?",
# "welk alternatief hebben wij dan?"). Not after a condition the question sets itself, whose
# case it is ("als ik een vzw oprich, heb ik dan een boekhouder nodig?"), nor after "eerst"
# ("eerst registreer ik, dan vraag ik ..."); elsewhere it compares ("meer dan 20.000 euro") or
# orders ("eerst de aanvraag, dan de beslissing") and points at nothing. (A one-letter "u"
# never reaches the tokens.)
_SUBJECTS_BEFORE_THEN = frozenset("ik hij zij ze we wij je jij het ge gij men er".split())
# Words that open a condition or a first step: a "dan" after one of them is its own case or
# next step.
_OWN_THEN = frozenset("als indien stel mocht mochten wanneer zodra eerst if when first".split())
# A question that opens with one of these continues the previous one: "en voor een serie?".
CONTINUATIONS = frozenset("en maar ook of and also".split())
# The English "en ...?": "what about post-launch stuff, like a Switch port?" after a game fund.
ENGLISH_CONTINUATIONS = frozenset({("what", "about"), ("how", "about")})
# Words the corpus does not know that name no subject of their own: a pronoun, a quantifier, a
# month, a day or a number written out (those that are stopwords, such as "iets" or "ons",
# never get this far).
# "moeten wij zelf ook iets bijleggen?", "welke bestaan er allemaal?" or "what's the deadline
# if my premiere is in March?" after a topic are follow-ups; "weer", "supermarkt" or "fiets",
# which the corpus does not know either, name something else.
_NAMING_NOTHING = frozenset(
    """
    wij allemaal allebei alletwee ergens nergens overal niemand iedereen zelf zelve elkaar mekaar
    januari februari maart april mei juni juli augustus september oktober november december
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    twee drie vier vijf zes zeven acht negen tien elf twaalf vijftien twintig dertig veertig
    vijftig honderd duizend eerste tweede derde vierde vijfde tiende helft
    one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty
    fifty hundred thousand first second third fourth fifth tenth half
    """.split()
)
# A number as users type it, also with a short unit or ordinal: "800", "90k", "4x", "3de".
NUMBER = re.compile(r"\d+[a-z]{0,3}")


def names_only_a_sum(words: Sequence[str]) -> bool:
    """Whether a question's content words give a sum of money and name nothing else
    (`names_nothing` aside): "50.000 euro?", "en 300.000?", "10k?", "€ 2500, kan dat?"; not a
    year ("en in 2019?"), a small number ("en 3?") or a count of things ("en 3 klassen?")."""
    money = any(w in _SUM_WORDS for w in words)
    return any(NUMBER.fullmatch(w) and (money or _reads_as_sum(w)) for w in words) and all(
        w in _SUM_WORDS or names_nothing(w) for w in words
    )


# A sum of money as passages give it: "EUR 100.000", "€ 2.500", "20.000 euro".
_SUM_GIVEN = re.compile(r"\bEUR\s?\d|€\s?\d|\d\s?(?:euro|EUR)\b", re.IGNORECASE)


def gives_a_sum(text: str) -> bool:
    """Whether a passage's text gives a sum of money in euro (not only a percentage)."""
    return _SUM_GIVEN.search(text) is not None


def _reads_as_sum(word: str) -> bool:
    """Whether a number without a word of money reads as a sum: thousands ("10k") or three
    digits or more that are no year ("300000", "500"; not "2019")."""
    if word.endswith("k") and word[:-1].isdigit():
        return True
    return word.isdigit() and int(word) >= 100 and not 1900 <= int(word) <= 2099


def names_nothing(word: str) -> bool:
    """Whether a word of a question names no subject of its own.

    Such a word is a number (an amount, a year: "800", "90k", "2025"; also written out:
    "twee", "two", "third"), a pronoun or quantifier, a month or a day (`_NAMING_NOTHING`).
    """
    return word in _NAMING_NOTHING or NUMBER.fullmatch(word) is not None


# Whole messages that ask for more on what was just answered, as `surface_tokens` reads them:
# "meer info" had been answered, as a question of its own, with a passage that lists where to
# find info.
_MORE_REQUESTS = _whole_messages(
    """
    meer info | meer informatie | meer uitleg | meer details | meer weten | meer | vertel meer |
    vertel me meer | vertel mij meer | vertel ons meer | zeg me meer | zeg mij meer | leg uit |
    leg dat uit | leg me dat uit | kan je dat uitleggen |
    kun je dat uitleggen | details | link | de link | bron | de bron | welke bron |
    waar vind ik dat | waar staat dat | more info | more information | more details |
    tell me more | explain | can you explain | can you explain that | source
    """
)
# Words that make a request polite or casual and add nothing to it: "graag wat meer info aub".
_FILLERS = frozenset(
    "aub alsjeblieft alstublieft asjeblieft astublieft svp please pls plz graag even eens nog "
    "wat iets ok oke okay dan".split()
)

# Words that leave a bare question as bare: "hoeveel precies?", "how much roughly?"; nor
# does a demonstrative point with them ("hoeveel is dat ongeveer?").
VAGUE = frozenset("hoe how precies ongeveer juist exact exactly roughly about then".split())

# The kinds of fact a question can ask for, with the words that ask for them.
FACT_CUES: dict[str, frozenset[str]] = {
    "cost": frozenset(
        "kost kostprijs kostte prijs prijzen tarief tarieven inschrijvingsgeld retributie cost "
        "price prices fee fees".split()
    ),
    # Words that may ask a price but as often do not ("moet hij dat betalen?", "welke kosten
    # mag ik aftrekken?", "do I charge VAT?"): only after "wat" (`asked_facts`), and any figure
    # will do.
    "payment": frozenset("kosten betalen betaal costs pay charge charges".split()),
    # A percentage, which a passage giving only amounts in euro does not answer ("welk percentage
    # van de aanvragen wordt goedgekeurd?" had the grant's EUR 7.500 at 0.97); asked beside an
    # amount, before it (`missing_facts`).
    "share": frozenset("percentage percentages procent percent".split()),
    "amount": frozenset(
        "hoeveel bedrag bedragen bedraagt bedroeg maximum maximaal minimum minimaal percentage "
        "procent rente plafond budget hoogte rentevoet rentevork max much many amount amounts "
        "maximum ceiling limit limits percent rate rates drempel drempels drempelbedrag "
        "grensbedrag omzetgrens threshold thresholds".split()
    ),
    # How long something lasts, holds or runs ("hoelang heb je auteursrecht?"): asked also by
    # "lang" after "hoe" (`asked_facts`), beside ``deadline``; a date does not answer it.
    "duration": frozenset(("hoelang", "duration", "looptijd")),
    "deadline": frozenset(
        "deadline deadlines termijn termijnen datum data hoelang indiendatum indiendata oproep "
        "date dates".split()
    ),
    # "wanneer" asks a time or a condition ("wanneer valt een contract onder de vrijstelling?");
    # "tegen wanneer", "vanaf wanneer" ask a time (`asked_facts`).
    "when": frozenset("wanneer when".split()),
    "contact": frozenset(
        "mail email mailadres emailadres adres contact contacteren contacteer contactpersoon "
        "contactgegevens bereiken address".split()
    ),
    # When a desk is open: its hours or days, not a way to reach it.
    "hours": frozenset("openingsuren openingsuur openingstijden openingstijd".split()),
    # A phone number: a contact form or an e-mail address does not give one.
    "phone": frozenset("telefoonnummer telefoon telefonisch bellen bel phone telephone".split()),
    # A bank account to pay into ("op welk rekeningnummer stort ik het aandeel?"): only an account
    # number gives it, not a passage that says what to pay (which had answered it at 0.76).
    "account": frozenset("rekeningnummer bankrekeningnummer rekeningnummers iban".split()),
    "condition": frozenset(
        "voorwaarden voorwaarde aanmerking voorwaardes criteria vereisten eligible conditions "
        "requirements".split()
    ),
    # "hoeveel werken", "how many concerts": a number of things, asked by "hoeveel" before a
    # word of `_COUNTED` (`asked_facts`), not by a word of its own.
    "count": frozenset(),
    # "sinds wanneer", "since when": asked by "wanneer" after "sinds" (`asked_facts`).
    "since": frozenset(),
    # How long a procedure takes ("hoe lang duurt het voor FIT beslist?", "how long does BOIP
    # take to register it?"): asked by a phrase (`_ASKS_WAIT`), not by a word of its own.
    "wait": frozenset(),
    # How high a fine is ("hoeveel bedraagt de boete als ...", "what is the fine if ..."): a
    # fine word asked after (`_FINE`), which a figure of something else does not answer.
    "fine": frozenset(),
    # What is usual ("hoeveel commissie vraagt een galerie gemiddeld?", "what do wedding
    # photographers typically ask?"): a figure said to be usual or approximate answers it, not
    # any figure (a gallery's passage naming a fee of its own).
    "average": frozenset("gemiddeld gemiddelde average typically".split()),
    # Who holds a role ("wie is de directeur van het VAF?", "who is the head of ..."): asked
    # by "wie", "who" or "hoe heet" before a role word (`_asks_a_person`), which a passage
    # answers only by naming someone in it.
    "person": frozenset(),
    # Whether something is free ("is dat gratis?", "is it free of charge?"): asked by a word
    # of `FREE_WORDS` ending what a verb of being says (`asked_facts`); a passage saying it is
    # free, that it costs or what one pays answers it, price or not ("Aan het lidmaatschap zijn
    # kosten verbonden").
    "free": frozenset(),
}
# Roles a person holds, asked after "wie", "who" or "hoe heet" (`_asks_a_person`). Not
# "leden", "members" (who may join: "wie zijn de leden van playright?"), nor "oprichter"
# (who counts as founding a company: "wie is oprichter bij een bv?").
_ROLES = frozenset(
    """
    directeur directrice voorzitter voorzitster zaakvoerder bestuurder bestuurders ceo
    minister jury juryleden jurylid commissieleden director head chair chairman chairwoman
    chairperson jurors
    """.split()
)
_ASKING_WHO = frozenset("wie who heet called".split())
# What may stand between "wie" and the role in a question that asks who holds it: "wie is
# de huidige directeur", "wie zit er in de jury", "who is the head of"; any other word asks
# something else ("wie beslist er, de jury of de stad", "wie registreert de bestuurders",
# "who is allowed to be a director").
_BETWEEN_WHO_AND_ROLE = frozenset(
    """
    is zijn was waren zit zitten zat zaten er in de het nu nog huidige nieuwe eigenlijk
    are were sits sit on the current new
    """.split()
)
# How far after "wie" the role may come: "wie zit er in de jury", "who is the head of".
_ROLE_REACH = 5
# After the role, a role in general: "de bestuurders van een vzw".
_OF_ANY = frozenset({("van", "een"), ("of", "a"), ("of", "an")})


def _asks_a_person(tokens: Sequence[str]) -> bool:
    """Whether a question asks who holds a role: "wie is de directeur van het VAF", "wie zit
    er in de jury", "who is the head of the VAF", "hoe heet de voorzitter"; not a role in
    general ("wie zijn de bestuurders van een vzw?"), nor who does something to one ("wie
    registreert de bestuurders?") or may be one ("who is allowed to be a director?")."""
    for i, t in enumerate(tokens):
        if t not in _ASKING_WHO:
            continue
        for k in range(i + 1, min(i + 1 + _ROLE_REACH, len(tokens))):
            word = tokens[k]
            if word in _ROLES:
                return tuple(tokens[k + 1 : k + 3]) not in _OF_ANY
            if word not in _BETWEEN_WHO_AND_ROLE:
                break
    return False


# "hoe hoog", "how high": an amount; not of an age, a risk, a bar, a count or how far a
# liability goes ("hoe hoog ligt de pensioenleeftijd", "hoe hoog zit de lat", "how high is the
# liability of a sole trader"), which the passages answer in other words.
_HIGH = frozenset("hoog hoge high".split())
_NOT_A_SUM = frozenset(
    """
    leeftijd pensioenleeftijd age risico risk kans kansen chance lat bar aantal number
    aansprakelijkheid aansprakelijk liability liable
    """.split()
)
_FINE = frozenset(
    "boete boetes geldboete geldboetes fine fines penalty penalties sanctie sancties".split()
)
# The words that ask what a fine is, up to `_FINE_REACH` words before it ("hoe hoog is de
# boete", "wat is de boete", "what penalty"); not "krijg ik een boete?", which asks whether.
_ASKING_FINE = frozenset("hoeveel hoog groot wat wa welke what which much high big".split())
# "fine arts", "fine print": no fine.
_NOT_FINE = frozenset("arts art print tuning".split())
_A_FINE = (["a"], ["the"], ["any"])  # "is there a fine ..., and how much is it?"
_FINE_REACH = 3
# The phrases that ask how long a procedure takes, not how long something lasts or is valid
# ("hoe lang duurt de bescherming?", "how long does it last?").
_ASKS_WAIT = re.compile(
    # "hoe lang (zou) het duren voor ...", not "hoe lang duurt het auteursrecht voor een foto"
    r"\bhoe ?lang\b.{0,40}\bdu(?:urt|ren|urde)(?: (?:het|dat|da|t))?(?: nog| meestal| gemiddeld"
    r"| ongeveer| eigenlijk| normaal| gewoonlijk)? (?:voor|voordat|om|tot|totdat|eer|vooraleer"
    r"|alvorens)\b"
    r"|\bhoe ?lang\b.{0,50}\bwachte?n? op\b"  # not "wachten voor ik ..."
    r"|\bhoe snel\b(?! (?:moet|moeten|mag|mogen)\b)"  # "hoe snel moet ik ..." asks a term
    r"|\b(?:doorlooptijd|wachttijd|behandelingstermijn|behandeltermijn|processing time)\b"
    r"|\bhoeveel tijd\b.{0,40}\bin beslag\b|\bhow long before\b"
    r"|\bhoe ?lang duurt (?:de|een|het) (?:\w+ )?(?:behandeling|procedure|aanvraag|registratie"
    r"|inschrijving|erkenning|beslissing|goedkeuring|oprichting|oprichten|beoordeling"
    r"|evaluatie|verwerking)\b"
    r"|\bhow long\b.{0,60}\b(?:take|takes|wait for|decide|decides|approve|approves)\b"
    # "how long until I receive ...", not "how long until my copyright expires"
    r"|\bhow long until\b.{0,40}\b(?:receive|get|hear|paid|decide|decision|approved)\b"
    r"|\bhow (?:quickly|soon)\b"
    # "binnen hoeveel weken beslist hefboom?", not "binnen hoeveel dagen (moet ik) ...?"
    r"|\bbinnen hoeveel (?:tijd|dagen|weken|maanden) (?:beslis|stort|antwoord|keurt|betaalt)"
)
# "charge" after one of these charges a price, asks none ("what VAT do I charge?", read without
# its one-letter "I": "do charge").
_CHARGE = frozenset("charge charges".split())
# What one who sells a service asks for it: "hoeveel vraagt een notaris?".
_ASKING_A_PRICE = frozenset("vraagt vragen rekent rekenen aanrekenen".split())
_CHARGE_REACH = 6  # "wat rekent een notaris hier ongeveer aan"
_CHARGING = frozenset("do we ik wij".split())
# What follows "do" where a dropped "I" (no token) was its subject: "what do I usually charge",
# "what do I have to charge", "what do I need to charge".
_AFTER_I = frozenset(
    "usually normally typically generally always often have need must should charge "
    "actually really then also still".split()
)
# The words before a payment cue that make it ask a price, and how far before it they may be.
_WHAT = frozenset("wat what".split())
_WHICH = frozenset("welk welke which".split())
_WHAT_OR_WHICH = _WHAT | _WHICH
# Rate words that are a sum themselves, and the nouns of a sum a rate word may come before
# ("de maandelijkse uitkering", "the daily benefit"), also at the end of a compound.
_RATE_SUMS = frozenset("uurloon uurtarief dagbedrag maandbedrag".split())
_SUM_REACH = 3  # "the monthly bridging right benefit"
_SUM_NOUN = re.compile(
    r"\w*(?:uitkering|vergoeding|bedrag|loon|lonen|inkomen|bijdrage|bijdragen|premie|huur"
    r"|tarief|kost|kosten|salaris|benefit|benefits|allowance|fee|fees|payment|income|wage"
    r"|wages|salary|rent|premium|contribution|contributions|rate|cost|costs)$"
)
_WHAT_REACH = 4
# Words before "kost" that make it the noun ("een kost", "elke kost", "als kost inbrengen", and
# in English "as cost"); not "die" or "deze", which as often stand for a thing that costs ("die
# kost 2500 euro").
_ARTICLES = frozenset("een de elke welke mijn zon als as".split())
# The nouns of a sum, and what asks for one when it comes before (`asked_facts`): "een vast
# bedrag aftrekken" asks none, "welk bedrag" and "wat is het bedrag" do.
_SUM = frozenset("bedrag bedragen amount amounts".split())
_QUALITIES = frozenset("vast vaste zelfde hoger hoog groot klein".split())
# A whole sum one asks to deduct, pay or invoice asks no figure: "mag ik het hele bedrag als
# kost inbrengen?", "can i put the whole amount as cost this year?" (told the passage on
# depreciation lacks this year's amount, 0.10).
# Not "totale", "total": "total amount startlening" searches for the sum.
_WHOLE = frozenset("hele volledige whole full entire".split())
_ASKING_SUM = _WHAT_OR_WHICH | frozenset("hoeveel hoog much high".split())
# "minimum number", "maximum aantal": a count bounded (`asked_facts`).
_NUMBER_OF = frozenset("number aantal".split())
_BOUNDS = frozenset("minimum maximum max minimaal maximaal".split())
# How long before: "hoeveel op voorhand", "hoeveel vooraf", "how far in advance".
_IN_ADVANCE = re.compile(
    r"\bhoeveel (?:tijd |dagen |weken )?(?:op voorhand|vooraf|voordien|van tevoren)\b"
    r"|\bhow (?:far|long|much time|many days) in advance\b"
    r"|\bhoe ?lang (?:op voorhand|vooraf|voordien|van tevoren)\b"
)
# A fee or an amount the user tells of, after the user's own possessive ("my fee", "onze fees").
_TOLD_FIGURES = frozenset("fee fees amount amounts".split())
_POSSESSIVES = frozenset("my our mijn onze ons".split())  # the user's own: "hun adres" asks
# "contact point": who, not how to reach them.
_CONTACT_POINT = frozenset("point points".split())
# A mail or an address the user tells of, not one asked for: after an article, the user's own
# possessive or a means ("ik kreeg een mail van ...", "per mail", "registered mail", "op mijn
# adres"); not a third party's ("wat is hun adres?" asks it).
_TOLD_CONTACT = frozenset("mail email adres address".split())
_TELLING_CONTACT = _POSSESSIVES | frozenset(
    "een an per via by registered aangetekend aangetekende".split()
)
# Words before "wanneer" that make it ask a time: "tegen wanneer", "since when".
_TIME_OPENERS = frozenset("tegen vanaf tot sinds voor by until since".split())
_SINCE = frozenset("sinds since".split())
# Words that ask what a subject is or is for and name nothing of their own ("waarvoor dient
# het volgrecht?", "wat doet sabam?", "what does sabam do"; "waarvoor" is a stopword): such a
# question still names only its subject, which its overview answers
# (`Assistant._overview_first`).
DEFINING_WORDS = frozenset("dient dienen doet betekent houdt mean means purpose".split())
# Words after which "lang" asks for a duration: "hoe lang", "how long".
_DURATION_OPENERS = frozenset("hoe how".split())
# Words that ask a time of day, which opening hours or a closing time give; not before a
# subject, where "laat" is "laten" ("hoe laat ik mijn merk registreren?": how do I have it done).
TIME_OF_DAY = frozenset({("hoe", "laat")})
_SUBJECTS = frozenset("ik je jij u we wij men ze zij hij jullie".split())
# The subjects a joining "wanneer" comes before (`_joins_a_clause`), and the verbs an asking
# "when" comes before ("when do I ...", "when is the deadline"), as a question puts them first.
_CLAUSE_SUBJECTS = _SUBJECTS | frozenset(("ge", "gij"))
_WHEN_ASKING_VERBS = frozenset(
    "do does did can could should will would is are was were must may shall have has".split()
)

# "hoeveel jaar", "hoeveel dagen": a duration, not a sum of money.
_TIME_UNITS = frozenset("jaar jaren maand maanden week weken dag dagen uur uren tijd years".split())
# What a rate is counted per ("per maand", "per month", "per kwartaal"): a figure asked.
_RATE_UNITS = _TIME_UNITS | frozenset(
    "kwartaal trimester semester month months year day days hour hours week weeks quarter".split()
)
# Prizes and what is done with them (see `asked_facts`); not "meedoen", "inzenden": "wat is de
# prijs om mee te doen aan de wedstrijd?" asks a fee. Nor a price asked beside a verb of
# pricing or paying ("welke prijs vraagt sabam als we een fuif organiseren?") or as the price
# of, for or per something ("de prijs van een workshop die Flanders DC organiseert"), nor a
# prize won before, which asks about its tax ("is een gewonnen prijs belastbaar?").
_PRIZES = frozenset("prijs prijzen".split())
# Whether something is free (the kind ``free``): "is dat gratis?", "is de eerste afspraak
# kosteloos of betalend?", "is it free of charge?" ("is dat gratis?" after Flanders DC's advice
# had been answered with the advice, 0.81). Only as what a verb of being says of it, ending its
# clause: not "gratis inkom", "als de inkom gratis is", "tax free", "free of VAT", "copyright
# free", nor an English clause of a condition ("do I pay sabam if the concert is free?"). A
# question that opens with the verb may say more between ("is advies bij het cultuurloket
# gratis?", "krijg ik dat gratis?") and go on with whom it is free for or with another question
# ("zijn de workshops gratis voor leden?", "is dat gratis en hoe vraag ik het aan?"); a
# statement may not ("de workshop is gratis voor deelnemers, moet ik btw aanrekenen?" asks
# about VAT).
FREE_WORDS = frozenset("gratis kosteloos betalend free".split())
_BEING = frozenset("is zijn blijft blijven wordt worden was waren are were be".split())
_GETTING = frozenset("krijg krijgt krijgen get".split())
_FREE_CLOSES = frozenset("of om or".split())
_FREE_GOES_ON = frozenset("voor for en and zijn".split())
_FREE_OF_WHAT = frozenset(
    """tax taxes belasting belastingen btw vat interest rente royalty copyright rights
    auteursrecht auteursrechten duty""".split()
)
# English words that open a clause of a condition or a time, whose "is free" asks nothing.
_CONDITION_OPENS = frozenset("if when unless once whenever whether".split())
_PRIZED = frozenset(
    """
    winnen win wint organiseert organiseren organiseerde georganiseerd uitreiken reikt reiken
    uitgereikt genomineerd
    """.split()
)
_PRICING = frozenset(
    "vragen vraagt vraag rekenen reken rekent aanrekenen betalen betaal betaalt hanteren".split()
)
_PRICE_OF = frozenset("van voor om per".split())
# Words that compare a price the user's story tells of with another, after a preposition of
# the sale ("ze verkopen kopieën voor de helft van de prijs", "aan een lagere prijs", "for half
# the price", "at a fraction of the price"): that price asks nothing (see `asked_facts`).
_PRICE_COMPARED = frozenset(
    "helft halve fractie kwart lagere hogere lager hoger dubbele goedkopere spotprijs spotprijzen "
    "dumpprijs dumpprijzen half fraction lower higher double cheaper".split()
)
_SALE_PREPOSITIONS = frozenset("voor aan tegen for at".split())
_COMPARED_REACH = 4  # "a fraction of the price": the comparing word four words before
_SOLD_AT_REACH = 2  # "voor de helft", "at a fraction": the preposition two words before that
# "hoeveel mensen", "hoeveel leden": a count, neither money nor time.
_COUNTED = frozenset(
    "mensen personen leden werknemers artiesten kunstenaars keer aanvragen passages werken "
    "nummers liedjes songs concerten concerts optredens lezingen exemplaren originelen "
    "originals groepen stuks studios gamestudios bedrijven ondernemingen projecten films games "
    "organisaties dossiers companies businesses projects applications organisations "
    "organizations".split()
)

# A sum of money or a share: what answers "hoeveel kost", "tot welk bedrag", "hoeveel procent".
_FIGURE = re.compile(
    r"(?:€|%|\b(?:eur|euro|procent|gratis|kosteloos|betalend|miljoen)\b"
    # A sum given as a multiple of another: Juist is Juist's minimum fee, "het brutoloon van
    # een werknemer ... maal 1,46".
    r"|\bmaal\s+\d)",
    re.IGNORECASE,
)
# Words that say a figure is a price (see `holds_fact`), also at the end of a compound
# ("vertaalkosten", "modeltaksen").
_PRICED = re.compile(
    r"(?:\b(?:kost|kostte|betaal|betaalt|betalen|gratis|kosteloos|betalend|retributie|rekent"
    r"|aangerekend|bedraagt|houdt|inhouding|commissie|provisie)|kosten|kostprijs|prijs|prijzen"
    r"|tarief|tarieven|geld|taks|taksen|vergoeding|bijdrage|bijdragen|heffing|btw|belasting"
    r"|voorheffing|rente|premie|premies|honorarium|honoraria|gage|lidgeld)\b",
    re.IGNORECASE,
)
# What says there is a price even without a figure: "je betaalt een eenmalige premie".
_PAID = re.compile(r"\b(?:betaalt|betaal|betalen|gratis|kosteloos)\b", re.IGNORECASE)
# Numbers written out before a unit of time: "anderhalf jaar", "drie weken", "twee uur".
# Numbers above one written out, each with its value (`_SPELLED`, and the spans of `_spans`).
_NUMBERS = {
    word: n
    for n, word in enumerate(
        "nul een twee drie vier vijf zes zeven acht negen tien elf twaalf".split()
    )
    if n > 1
} | {"vijftien": 15, "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50}
_SPELLED = "|".join((*_NUMBERS, "honderd"))
# A date, a duration or a term: what answers "tegen wanneer", "hoe lang", also written out or
# in hours ("loopt anderhalf jaar", "minstens 24 uur vooraf"). A bare year ("sinds 2020") is
# not one, nor "een jaar", which tells when ("een jaar later") as often as how long.
_TIME = re.compile(
    rf"(?:\b\d+\s*(?:{DURATION_UNITS}|uur)\b"
    rf"|\b(?:{_SPELLED}|anderhalf|half|halve)\s+(?:{DURATION_UNITS}|uur)\b"
    rf"|{AT_THE_LATEST}|\b(?:{MONTHS}|termijn|deadline|binnen|oproep|oproepen|doorlopend"
    r"|indiendatum|levenslang|onbeperkt)\b)",
    re.IGNORECASE,
)
# A span of time: what answers "hoe lang" ("70 jaar na de dood", "1 tot 6 maanden",
# "levenslang"). Not a date or a month: "Hoelang heb je auteursrecht?" had got the flat rate on
# author's rights, whose "januari" answered a deadline (0.92).
_DURATION = re.compile(
    rf"\b\d+\s*(?:{DURATION_UNITS}|uur|uren|kwartalen|kwartaal)\b"
    rf"|\b(?:{_SPELLED}|anderhalf|half|halve|één)\s+(?:{DURATION_UNITS}|uur|uren|kwartalen)\b"
    r"|\b(?:levenslang|onbeperkt|zolang)\b|\bonbepaalde (?:duur|tijd)\b",
    re.IGNORECASE,
)
_CONTACT = re.compile(
    r"(?:@|\b(?:tel|telefoon|telefonisch|contact|contactformulier|contactgegevens|contacteer"
    r"|mail|e-mail|adres|bel|bellen|spreekuur)\b|\+32|\b0\d{1,3}[ /]?\d{2,3})",
    re.IGNORECASE,
)
_HOURS = re.compile(
    r"(?:\b\d{1,2}(?:[.:u]\d{2})?\s*(?:uur|u)\b|\b\d{1,2}[.:]\d{2}\b|\bbereikbaar\b"
    r"|\b(?:maandag|dinsdag|woensdag|donderdag|vrijdag|werkdagen|openingsuren)\b)",
    re.IGNORECASE,
)
_PHONE = re.compile(
    r"(?:\b(?:tel|telefoon|telefonisch|bel|bellen)\b|\+32|\b0\d{1,3}[ /]?\d{2,3})", re.IGNORECASE
)
# An account number: a Belgian IBAN ("BE68 5390 0754 7034"), or any IBAN's country and digits.
_ACCOUNT = re.compile(r"\b[A-Z]{2}\d{2}(?: ?\d{4}){3}", re.IGNORECASE)
# Who or what qualifies, said without a condition word: "geldt ook voor podiumkunsten: theater,
# dans, ...", "voor kmo's die nog nooit FIT-steun kregen" (for "komen ... in aanmerking?").
_ELIGIBLE = re.compile(
    r"\b(?:geldt|gelden|bedoeld|bestemd)\b[^.;:]{0,40}\bvoor\b|\bnooit\b"
    # "Het attest is er voor beeldende en audiovisuele kunst, ..."
    r"|\b(?:is|zijn) er voor\b",
    re.IGNORECASE,
)
_CONDITION = re.compile(
    r"\b(?:voorwaarde|voorwaarden|moet|moeten|minstens|maximaal|minimaal|enkel|alleen|aanmerking"
    r"|als je|wie|op voorwaarde|niet|tenzij)\b",
    re.IGNORECASE,
)
# A number of things ("vijf werken", "minstens 5 concerten", "maximaal één keer per jaar") or
# a share of them ("6% van de werknemers"); not a sum of money ("EUR 75"), a date ("1 januari
# 2000") or a year.
_COUNT = re.compile(
    r"\b(?:één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|vijftien|twintig"
    r"|dertig|veertig|vijftig|honderd)\b"
    r"|(?<!eur )(?<!€)(?<!€ )(?<![.,])\b\d{1,3}\b(?![.,]\d)"
    rf"(?!\s*(?:euro|eur\b|{MONTHS}))",
    re.IGNORECASE,
)
# A year a question may ask a figure or a date for, and the kinds of fact that are dated.
_YEAR = re.compile(r"20\d\d")
_DATED = frozenset(("cost", "payment", "amount", "deadline", "when"))
# A figure asked per month, hour, day, week, page or word ("hoeveel euro per maand", "what
# hourly rate", "how much per page"): the kind "per maand", which a figure of another unit does
# not answer ("maandelijkse tegemoetkoming die afhangt van het land" names no figure). Not per
# year, quarter or person: the passages give those as ceilings and totals as often.
RATE_FACT = "per "
_RATE_WORDS = {
    **dict.fromkeys(("maand", "month"), "maand"),
    **dict.fromkeys(("uur", "hour"), "uur"),
    **dict.fromkeys(("dag", "day"), "dag"),
    "week": "week",
    **dict.fromkeys(("pagina", "page", "blz"), "pagina"),
    **dict.fromkeys(("woord", "word"), "woord"),
}
_RATE_ADJECTIVES = {
    **dict.fromkeys(("monthly", "maandelijks", "maandelijkse", "maandbedrag"), "maand"),
    **dict.fromkeys(("hourly", "uurloon", "uurtarief"), "uur"),
    **dict.fromkeys(("daily", "dagelijks", "dagelijkse", "dagbedrag"), "dag"),
    **dict.fromkeys(("weekly", "wekelijks", "wekelijkse"), "week"),
}
_RATE_STATED = {
    "maand": r"per maand|maandelijks\w*|maandbedrag\w*|/ ?maand",
    "uur": r"per (?:gepresteerd )?uur|uurloon\w*|uurtarie\w*|/ ?uur",
    "dag": r"per (?:kalender|werk)?dag|dagbedrag\w*|dagelijks\w*|/ ?dag",
    "week": r"per week|wekelijks\w*|weekbedrag\w*",
    "pagina": r"per (?:pagina|blz)",
    "woord": r"per woord",
}
_RATES = {
    unit: re.compile(rf"\b(?:{stated})\b", re.IGNORECASE) for unit, stated in _RATE_STATED.items()
}
_AMOUNTS = frozenset(("cost", "payment", "amount"))
_PRICE_CUES = frozenset(w for kind in _AMOUNTS for w in FACT_CUES[kind])
_PRICES = frozenset(("cost", "payment"))
# The words beside a year in a question that asks only for what holds that year, also naming
# the kind of year ("en voor inkomstenjaar 2025?" had got 2024's ceiling, 0.98).
_YEAR_ONLY = frozenset(
    """
    en in voor van dan wat het and for what about the jaar inkomstenjaar kalenderjaar boekjaar
    werkjaar year income fiscal calendar
    """.split()
)
YEAR_FACT = "year "
# A price or sum asked for a number of years, months or classes ("wat kost een i-DEPOT van 15
# jaar", "een merk voor drie klassen", "en voor 3 klassen?"): the kind ``"span 15 jaar"``
# (``"span 3 klassen"``), which a passage giving the price of 5 and 10 years only lacks
# ("hoeveel kost een i-depot van 15 jaar" was answered with those at 0.94). Only a span the
# price is for (after "van", "voor", "in"), not one the user tells ("na tien jaar verlengen",
# "al 5 jaar zelfstandig"); see `_spans`.
SPAN_FACT = "span "
# The words of a span's unit, each with the unit's name in the kind (`asked_facts`).
SPAN_UNITS = {
    **dict.fromkeys("jaar jaren year years".split(), "jaar"),
    **dict.fromkeys("maand maanden month months".split(), "maanden"),
    **dict.fromkeys("klasse klassen klas class classes".split(), "klassen"),
}
_FOR_A_SPAN = frozenset("van voor in for of".split())
_ENGLISH_NUMBERS = {
    w: n for n, w in enumerate("zero one two three four five six seven eight nine ten".split())
}
# The words beside a span in a question that asks only what holds for it ("en voor 3
# klassen?", "and for 15 years?").
_SPAN_ONLY = frozenset("en dan wat voor van in and for what about the een de het".split())
# The next one: held by a date of the knowledge base's year or later, a yearly date or
# "doorlopend" (`asked_facts`, `holds_fact`).
NEXT_FACT = "next "
_NEXT = frozenset("volgende eerstvolgende komende next upcoming".split())
# What has a next date, up to `_NEXT_REACH` words after "volgende" ("de volgende oproep", "the
# next VAF Game Fund deadline"); not "ik heb de volgende vraag", "volgende maand".
_DATED_THINGS = frozenset(
    """oproep oproepen deadline deadlines indiendatum indiendata indienronde indienrondes ronde
    rondes aanvraagronde indienperiode aanvraagperiode editie vervaldag vervaldatum datum sessie
    aangifte aangiftes opgave listing awards award
    call calls round rounds edition intake session date dates window""".split()
)
_NEXT_REACH = 5
_DATED_ENDINGS = ("deadline", "deadlines", "datum", "ronde", "rondes")
_WHEN_ASKED = frozenset(("deadline", "when"))
_DATE = re.compile(rf"\b(?:\d{{1,2}}\s+(?:{MONTHS})|{MONTHS})\b", re.IGNORECASE)
# Open all the time, or a term that comes back each quarter.
_OPEN = re.compile(
    r"\bdoorlopend\b|\bop elk moment\b|\bhet hele jaar\b|\bpermanent\b"
    r"|\b(?:na|van) het kwartaal\b|\belk kwartaal\b",
    re.IGNORECASE,
)
# A date with its year, and the word before it ("vanaf 1 februari 2026" is no date to come).
_DATED_DATE = re.compile(
    rf"(\w+\s+)?(?:\d{{1,2}}\s+)?(?:{MONTHS})\s+((?:19|20)\d\d)\b", re.IGNORECASE
)
_FROM = re.compile(r"^(?:sinds|vanaf|since|from)\s", re.IGNORECASE)
_YEARLY = re.compile(r"\b(?:elk|ieder) jaar\b|\bjaarlijks\w*", re.IGNORECASE)
# A term counted from the user's own moment: "uiterlijk 7 kalenderdagen voor de start",
# "binnen 15 dagen na de toekenning", "minstens een maand vooraf"; not a wait ("tot 3
# maanden na de indiendatum" is when a decision comes, "36 maanden voor een nieuwe" a term).
_ROLLING = re.compile(
    rf"\buiterlijk\s+\w+\s+(?:kalender|werk)?(?:{DURATION_UNITS})\s+(?:voor|na)\s+de\b"
    rf"|\bbinnen\s+\w+\s+(?:kalender|werk)?(?:{DURATION_UNITS})\s+na\s+de\b"
    rf"|\b(?:{DURATION_UNITS})\s+(?:vooraf|op voorhand)\b",
    re.IGNORECASE,
)


def states_price(sentence: str) -> bool:
    """Whether a sentence states a price: a figure said of what something costs ("kost EUR
    150", "houdt 2% in"), or that it is free. Stricter than `_holds_price`: "Hoeveel je
    betaalt, hangt af van ..." says there is a price, not what it is."""
    return bool((_FIGURE.search(sentence) and _PRICED.search(sentence)) or FREE.search(sentence))


def _holds_price(text: str) -> bool:
    """A price is a figure said of what something costs ("kost EUR 37", "60% van de
    vertaalkosten") or a payment ("je betaalt een premie", "gratis"), not any figure: "81% van
    de aanvragen" is no application fee."""
    return any(
        (_FIGURE.search(s) and _PRICED.search(s)) or _PAID.search(s) or _PRICE_FOR.search(s)
        for s in sentences(text)
    )


# A sum something is offered or sold for: "Het BOIP biedt een NDA aan voor EUR 15" (the
# question for its cost had been told the cost is not in the knowledge base, above it).
_PRICE_FOR = re.compile(r"\bvoor\s+(?:EUR|euro|€)\s*\d", re.IGNORECASE)


# How long a procedure takes: a span of days, weeks or months beside what takes it ("PMV
# controleert binnen een maand", "De beslissing volgt tot 3 maanden na de indiendatum"). Not a
# span of years, which is how long something lasts, nor a term the user has ("binnen 3 maanden
# dien je een verantwoording in").
_SPAN = re.compile(
    r"\b(?:\d+|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|vijftien"
    r"|twintig|dertig|veertig|zestig|negentig|enkele|paar)\s*"
    r"(?:werkdagen|kalenderdagen|dagen|dag|weken|week|maanden|maand)\b",
    re.IGNORECASE,
)
_PROCESSING = re.compile(
    r"\b(?:duurt|duren|doorlooptijd|behandelingstermijn|wachttijd|beslis\w*|antwoord\w*"
    r"|behandel\w*|verwerk\w*|controle\w*|registreert|uitbeta\w*|goedkeur\w*|volgt"
    r"|ontvang\w*|krijg\w*)\b",
    re.IGNORECASE,
)


def _holds_wait(text: str) -> bool:
    """Whether a text says how long a procedure takes (`_tells_wait`) in one of its sentences."""
    return any(_tells_wait(s) for s in sentences(text))


def _tells_wait(sentence: str) -> bool:
    """Whether a sentence says how long a procedure takes: a span of days, weeks or months
    beside what takes it."""
    return bool(_SPAN.search(sentence) and _PROCESSING.search(sentence))


# A fine stated: a sentence naming a fine, a surcharge or interest beside a figure.
_FINED = re.compile(
    r"\b(?:boete\w*|geldboete\w*|sanctie\w*|verhoging\w*|nalatigheidsintrest\w*|intrest\w*)\b",
    re.IGNORECASE,
)


def _holds_fine(text: str) -> bool:
    """Whether a text says how high a fine is: a fine and a figure in one sentence."""
    return any(_FINED.search(s) and _FIGURE.search(s) for s in sentences(text))


# A share stated: a percentage, or a half, a third, a quarter (not "derde landen", "derde jaar").
_SHARE = re.compile(
    r"%|\b(?:procent|percent|helft|driekwart)\b|\b(?:een|twee)\s+derden?\b|\b(?:een|drie)\s+kwart\b",
    re.IGNORECASE,
)


# What holds each kind of fact (see `holds_fact`).
# A figure said to be usual or approximate (`holds_fact`'s ``"average"``).
_TYPICAL = re.compile(
    r"\b(?:gemiddeld\w*|doorgaans|gewoonlijk|gebruikelijk\w*|meestal|ongeveer|typisch\w*"
    r"|circa|zowat|zo'n|zo’n|om en bij|reken op)\b",
    re.IGNORECASE,
)
# A mean that is the name of a figure: "het gewaarborgd gemiddeld minimum maandinkomen".
_NAMED_MEAN = frozenset(("gewaarborgd", "gewaarborgde"))
_NAMED_MEAN_TEXT = re.compile(r"\bgewaarborgde?\s+gemiddelde?\b", re.IGNORECASE)
# The kinds of fact a usual figure is one of: "average" is asked only beside one ("hoeveel
# commissie vraagt een galerie gemiddeld?"), not in "hoe wordt het gemiddelde inkomen
# berekend?", which asks how, nor in "how is the average income calculated?".
_USUAL_FIGURES = frozenset({"cost", "payment", "amount", "share", "duration", "wait", "count"})
_HOLDS: dict[str, Callable[[str], bool]] = {
    "cost": _holds_price,
    "payment": lambda text: bool(_FIGURE.search(text)),
    "amount": lambda text: bool(_FIGURE.search(text)),
    "share": lambda text: bool(_SHARE.search(text)),
    "duration": lambda text: bool(_DURATION.search(text)),
    "deadline": lambda text: bool(_TIME.search(text)),
    "when": lambda text: bool(_TIME.search(text) or _CONDITION.search(text)),
    "contact": lambda text: bool(_CONTACT.search(text)),
    "phone": lambda text: bool(_PHONE.search(text)),
    "account": lambda text: bool(_ACCOUNT.search(text)),
    "hours": lambda text: bool(_HOURS.search(text)),
    "condition": lambda text: bool(_CONDITION.search(text) or _ELIGIBLE.search(text)),
    "count": lambda text: bool(_COUNT.search(text)),
    # Since when something is: "sinds 1922" answers it, as no deadline is answered by a year.
    "since": lambda text: bool(_TIME.search(text) or YEAR.search(text)),
    "wait": _holds_wait,
    "fine": _holds_fine,
    "average": lambda text: any(
        _TYPICAL.search(s) and (_FIGURE.search(s) or _TIME.search(s))
        for s in sentences(_NAMED_MEAN_TEXT.sub(" ", text))
    ),
    "person": lambda text: bool(_NAMED_IN_A_ROLE.search(text)),
    "free": lambda text: any(
        _SAYS_WHAT_IT_COSTS.search(s) or (_FIGURE.search(s) and _PRICED.search(s))
        for s in sentences(text)
    )
    or bool(_PRICE_FOR.search(text)),
}
# What says whether something is free, figure or not: "gratis", "niet gratis", "kosteloze",
# "betalend", "het kost niets", "goedkoop", "een goedkope procedure", "er zijn kosten aan
# verbonden", "je betaalt een retributie". Not anyone paying or not paying anything ("dat je
# geen sociale bijdragen betaalt", "betaal je geen sociale bijdragen", "wie de opname betaalde").
_SAYS_WHAT_IT_COSTS = re.compile(
    r"\b(?:gratis|kostelo(?:os|ze)|betalende?|goedko(?:op|pe)\w*"
    r"|(?:kost|kosten)\s+(?:je\s+|u\s+)?(?:niets|niks)|(?:niets|niks)\s+kost"
    r"|zonder\s+kosten|kosten\s+(?:aan\s+)?verbonden"
    r"|(?:(?:je|u|jij)\s+betaalt|betaal\s+(?:je|jij|u))(?!(?:\s+\w+){0,2}\s+(?:geen|niets|niks)\b))\b",
    re.IGNORECASE,
)
# A name beside a role: "minister van Cultuur Gatz", "voorzitter Jan Peeters", "Jan Timmermans
# was de eerste medewerker" (a role word with a capitalised word right after it or after what
# it is of, or a name of two capitalised words a few words before it).
_ROLE_WORDS = (
    r"(?:directeur|directrice|voorzitter|oprichter|zaakvoerder|bestuurder|medewerker|"
    r"minister|jurylid|juryleden|coördinator|coordinator)"
)
_NAMED_IN_A_ROLE = re.compile(
    rf"\b{_ROLE_WORDS}\s+(?:van\s+[A-Z][a-zéèë]+\s+)?[A-Z][a-zéèë]+"
    rf"|\b[A-Z][a-zéèë]+ [A-Z][a-zéèë]+ (?:(?:is|was|werd|wordt|de|het|eerste|nieuwe)\s+)+"
    rf"{_ROLE_WORDS}\b"
)


# Asking whether anyone is there greets: "is er iemand?", "iemand daar?", "anyone around?",
# "anyone home?" (which had got a passage on the home at 0.88). Words of presence only beside
# a word for someone (`_SOMEONE`): "thuis" or "online" alone name a subject.
_PRESENT = frozenset(
    "here there around home online awake hier daar er aanwezig wakker thuis".split()
)


def smalltalk_kind(
    tokens: Sequence[str], stopwords: Collection[str] = (), *, asking: bool = False
) -> str | None:
    """``"thanks"``, ``"hello"``, ``"bye"`` or ``"help"`` when a question is only smalltalk,
    else None.

    Smalltalk is made only of greetings, thanks, help and chat words, stopwords and numbers,
    with at least one word that is not a stopword ("hallo", "merci", "wie ben jij", "test
    123"). A question with any other word ("hallo, wat kost een merk?") is a real question,
    and one of stopwords alone ("hoeveel is dat?") may be a follow-up. `asking`: the message
    has a question mark (words on the answer beside thanks then ask: "ok, kan het
    duidelijker?").
    """
    tokens = [t if t in _ALLOWED else _plain(t) for t in tokens]
    words = set(tokens)
    allowed = set(_ALLOWED)
    # "Kunt u mij vertellen waarmee u mij kunt helpen?": "u", one letter, is no token.
    if words & (_ADDRESS | HELP) and not words & (_POINTING | _ASKING_A_FACT):
        allowed |= _ABOUT_ITSELF
    # Said to someone right after a greeting or thanks: "bedankt man", "hey man" ("man" had
    # got the SBKs, whose keywords hold "manpower"); not "en voor mijn man?".
    allowed |= {
        t
        for i, t in enumerate(tokens)
        if t in _VOCATIVES and i and tokens[i - 1] in GREETINGS | THANKS
    }
    if words & THANKS:
        allowed |= _KIND_WORDS  # "merci, ge zijt ne schat"; not "hoe schat ik dat in?"
        if words & _THANKING and not asking:
            allowed |= _APPRECIATED  # "merci, interessant", "ok jammer, merci"
            if _OF_USE.search(" ".join(tokens)):
                # "merci, daar kan ik al iets mee!" had got a passage holding "mee" (0.69);
                # not "merci, wat moet ik daar nu mee".
                allowed.add("mee")
        allowed |= {t for i, t in enumerate(tokens) if i and tokens[i - 1] in _CLOSINGS.get(t, ())}
    closing = _closing(tokens, asking=asking)
    allowed |= closing
    present = bool(words & _SOMEONE and words & _PRESENT)
    if present:
        allowed |= _SOMEONE | _PRESENT
    if not tokens or any(
        t not in allowed and t not in stopwords and not t.isdigit() for t in tokens
    ):
        return None
    if (
        not words & (_SMALLTALK | (CHAT - frozenset(stopwords)) | _ADDRESS)
        and not closing
        and not present
    ):
        return None
    if asks_who_helps(tokens):
        return "help"  # "wie helpt mij?" asks who helps; "dat helpt" praises
    if words & THANKS:
        if words & _NOT_OR_IF and not words & _THANKING:
            return None  # "en als dat niet helpt?", "niet duidelijk": no praise
        return "thanks"
    if "tot" in words or closing or (words & _BYE and not words & (GREETINGS - FAREWELLS)):
        return "bye"  # "doei", "tot morgen", "groetjes"; not "hallo, groetjes van Jan"
    if words & (GREETINGS | FAREWELLS) or (present and not words & HELP):
        return "hello"
    if words & _NOT_OR_IF and words & _POINTING and not words & (HELP | _ADDRESS):
        return None  # "en als hij dat niet doet?" asks on about what was said; "niet echt" not
    return "help"


_OF_USE = re.compile(
    r"\b(?:(?:daar|hier|dat|da) (?:kan|kunnen|kunt)(?: (?:ik|je|we|wij|k))?"
    r"|(?:ik|we|wij|k) (?:kan|kunnen) (?:daar|hier|er))"
    r" (?:(?:al|wel|zeker|echt|nu) )*(?:iets|wat|veel) mee$"
)


# The formulas that close a chat: "tot de volgende (keer)" ("tot de volgende" had got the
# volgrecht at 0.84), "nog een prettige avond", "schone dag nog", "dan laat ik het hierbij",
# "dat was het voor vandaag"; not "wanneer is de volgende keer?" (no "tot").
# See you next time: "tot de volgende", "tot een volgende keer".
_UNTIL_NEXT_TIME = (
    r"\btot (?:de |een |e )?volgende(?: keer)?(?: (?:hoor|he|dan|misschien|ofzo|eh))*\b"
)
_WISHED = (
    r"(?:prettige?|fijne?|schone?|goede|goeie|goed|mooie?|leuke?|zalige?) "
    r"(?:avond|dag|namiddag|middag|weekend|week|zondag|nacht)"
)
# Thanks for what was given: "merci voor de info", "bedankt voor de uitleg".
_GIVEN_INFO = frozenset("info informatie uitleg".split())
_THANKED_FOR = re.compile(
    r"\b(?:bedankt|merci|dank|thanks|thx|dankjewel|dankuwel) (?:u |je )?(?:wel )?(?:voor|for|vo)"
    r" (?:(?:de|die|je|jouw|uw|al|alle|the|your|this) )*(?:\w+ ){0,4}"
    r"(?:info|informatie|uitleg|hulp|help|tips)"
    # "Bedankt voor de hulp en tot een volgende keer!"
    r"(?: (?:en|and) tot (?:een |de )?(?:volgende(?: keer| week)?|ziens|later|straks|morgen"
    r"|gauw))?$"
)
# "ik wens u nog een fijne avond": a wish, no request.
_WISH_WORDS = frozenset("wens wensen".split())
_WISHED_TO = re.compile(
    r"\bwens(?:en)? (?:u|je|jou|jullie|iedereen|ons) (?:(?:ook|nog) )*(?:(?:een|ne|nen) )?"
    + _WISHED
)
_CLOSING = re.compile(
    _UNTIL_NEXT_TIME
    # a wish with "nog" or "verder": not "goede dag" (a greeting), "ik had een fijne dag"
    + rf"|\bnog (?:(?:een|ne|nen) )?{_WISHED}\b|\b{_WISHED} (?:nog|verder)\b"
    # "Goede avond en tot een volgende keer": a wish, not a greeting, before the closing.
    + rf"|\b{_WISHED} en {_UNTIL_NEXT_TIME.removeprefix(chr(92) + 'b')}"
    + r"|\b(?:ik )?laat (?:ik )?het hierbij(?: voor (?:vandaag|nu))?\b"
    + r"|\b(?:dat|da) (?:was|is) (?:het|et|alles) voor (?:vandaag|nu)\b"
    + r"|\bthat(?: s)? (?:all|it) for (?:now|today)\b"
    + r"|\b(?:(?:zo|en|bon|ok|oke) )*genoeg voor (?:vandaag|nu)\b|\benough for today\b"
)


def _closing(tokens: Sequence[str], *, asking: bool) -> set[str]:
    """The words of the formulas that close a chat (`_CLOSING`) a message holds, for
    `smalltalk_kind` to allow: none with a question mark, a question word, "niet" or "als" ("is
    het tot de volgende keer?", "ik laat het hierbij niet, wat kan ik doen?"), a greeting
    ("hallo, een fijne dag") or a word of help ("Goeiemorgen en een fijne dag, ik heb een
    vraagje")."""
    words = set(tokens)
    if asking or words & (_NOT_OR_IF | WORDS_THAT_ASK | HELP):
        return set()
    closing = {w for m in _CLOSING.finditer(" ".join(tokens)) for w in m.group().split()}
    return set() if (words - closing) & (GREETINGS - FAREWELLS) else closing


def _plain(token: str) -> str:
    """A smalltalk word as the word lists spell it: typed with a letter held down ("hallooo",
    "merciii") or as a diminutive, Flemish or Dutch ("hallokes", "dagske", "testje"); the
    token itself when neither gives an allowed word."""
    squeezed = _HELD_LETTER.sub(r"\1", token)
    if squeezed in _ALLOWED:
        return squeezed
    for suffix in _DIMINUTIVES:
        stem = squeezed.removesuffix(suffix)
        if stem != squeezed and len(stem) >= 2:
            for plain in (stem, stem + "je"):
                if plain in _ALLOWED:
                    return plain
    return token


_HELD_LETTER = re.compile(r"(.)\1{2,}")
# Longest first: "hallokes" is "hallo" + "kes", not "hallok" + "es".
_DIMINUTIVES = ("skes", "tjes", "kens", "kes", "ske", "tje", "jes", "ke", "je", "ie")


def english_evidence(tokens: Sequence[str], english_only: Collection[str]) -> tuple[int, int]:
    """(English, Dutch) evidence in a question: function words of each, and English-only words."""
    english = sum(
        1 for t in tokens if (t in ENGLISH_MARKERS and t not in _AMBIGUOUS) or t in english_only
    )
    dutch = sum(1 for t in tokens if t in DUTCH_MARKERS and t not in ENGLISH_MARKERS)
    return english, dutch


def is_english(tokens: Sequence[str], english_only: Collection[str]) -> bool:
    """Whether a question is written in English (two English words and more than Dutch ones)."""
    english, dutch = english_evidence(tokens, english_only)
    return english >= 2 and english > dutch


# "ik vraag me af of ...", "ik vroeg mij af hoe ...": the opening of a question, not its
# subject; "vroeg" (also: early) and "af" had weighed as rare words of it.
_WONDER_VERBS = frozenset("vraag vroeg vragen vroegen vraagt".split())
_REFLEXIVES = frozenset("me mij ons zich je u".split())


# A greeting in two words at the start of a message: "goede avond", "good morning".
_GOOD = frozenset("goede goeie goeien goeden good".split())
_TIMES_OF_DAY = frozenset(
    "dag avond middag morgen namiddag voormiddag morning afternoon evening day".split()
)
# Two-word phrases that open or close a message and name nothing: "thanks in advance" (not
# "advance", a voorschot), "kind regards" (not "kind", a child), "quick question".
_FORMULAS = frozenset(
    {
        ("in", "advance"),
        ("kind", "regards"),
        ("best", "regards"),
        ("warm", "regards"),
        ("quick", "question"),
        ("korte", "vraag"),
        ("per", "se"),  # necessarily: "moet ik per se een advocaat hebben?"
    }
)


# What an angry user says of a subject or of Wegwijzer, which names nothing asked: "IK BEN HET
# KOTSBEU", "die Peppol zever" ("zever" was corrected into "lever"), "EN GEEF NU EENS EEN
# DUIDELIJK ANTWOORD" (a question answered at 0.90 without it was refused at 0.45 with it).
_VENTING = frozenset(
    """
    kotsbeu strontbeu spuugzat zever gezever schandalig schandaal belachelijk onzin waardeloos
    nutteloos frustrerend godverdomme verdomme ridiculous useless nonsense schandalige
    belachelijke waardeloze nutteloze
    """.split()
)
# What finds fault on its own, and what praises unless negated ("klopt niet", "ni nuttig").
_FAULTY = _VENTING | frozenset(
    """
    fout foute verkeerd verkeerde onjuist onjuiste onvolledig onvolledige slecht slechte
    vaag vage wrong incorrect incomplete bad terrible rubbish vague
    """.split()
)
# What an answer is too much or too little of, after "te" or "too": "veel te algemeen", "je
# antwoorden zijn te lang", "way too long"; alone they may ask ("hoe lang?").
_TOO = frozenset("te too".split())
_EXCESSIVE = frozenset(
    """
    lang kort algemeen ingewikkeld moeilijk technisch long short general complicated
    technical
    """.split()
)
# How much too much: "veel te lang", "way too long", "een beetje te technisch".
_DEGREE = frozenset("veel heel erg zo echt wel beetje way much so very bit little".split())
# Slow, said of Wegwijzer ("je bent echt traag vandaag"); not of a payment ("het gaat traag").
_SLOW = frozenset("traag trage slow".split())
# What too long or too slow must be said of to find fault with the answer: "je antwoorden
# zijn veel te lang"; not "is dat niet te lang?" of copyright's seventy years.
_THE_ANSWER_OR_YOU = frozenset(
    "antwoord antwoorden answer answers reply uitleg explanation je jij jouw you your uw bent "
    "zijt bot chatbot wegwijzer".split()
)
_PRAISED = frozenset(
    """
    behulpzaam behulpzame klopt juist correct nuttig helpt helpen geholpen snap snapt begrijp
    begrijpt versta verstaat schiet bedoel
    bedoelde bedoelt duidelijk right helpful useful help helps understand get zocht zoek vroeg
    gevraagd asked looking beantwoordt beantwoordde beantwoord answered answers answer antwoord
    """.split()
)
_IF = frozenset("als if".split())
# The user not getting it: "dit snap ik niet, kun je het anders uitleggen?" asks no question of
# the domain, though it ends with a question mark.
_LOST = frozenset("snap begrijp versta understand".split())
_I = frozenset("ik i".split())
_NOT_IN_ENGLISH = frozenset("don dont doesn doesnt didn didnt isn isnt wasn wasnt".split())
# What a complaint may also hold: what it judges, and how it says so.
_JUDGED = (
    frozenset(
        """
    antwoord antwoorden answer answers reply response uitleg info informatie dit dat da het je
    jij jouw chatbot bot wegwijzer this that it you your er van hier vind vindt terug find
    found wtf pff pfff zucht echt helemaal totaal gewoon weer alweer verder again really
    totally at all was waren jammer helaas tbh honestly eerlijk gezegd uw vorige vorig
    laatste previous last zegt zeg zei schrijft says said wa ge gij anders opnieuw uitleggen
    explain das vraag question did veel heel erg zo way so very much vandaag today bent
    geeft geef telkens steeds altijd hetzelfde zelfde same always mee op
    """.split()
    )
    | _VOCATIVES
    | _EXCESSIVE
    | _TOO
    | _SLOW
)


# Every word a complaint may hold, besides stopwords (`_complains`).
_COMPLAINT_WORDS = _FAULTY | _PRAISED | _NOT_OR_IF | _NOT_IN_ENGLISH | _JUDGED | _ALLOWED


# "geef (nu eens) een (duidelijk) antwoord", "give me a straight answer": a demand, no subject.
# Only the imperative: "welke steun geeft Hefboom als antwoord op de crisis?" asks about it.
_DEMANDING = frozenset("geef give".split())
_ANSWER = frozenset("antwoord answer".split())
_GIVERS = frozenset("ik we wij je jij u i".split())  # "ik geef les": no imperative
# How many words a demand for an answer spans at most ("geef nu eens een duidelijk antwoord").
_DEMAND_WORDS = 6


# "ik heb schrik dat", "ik ben bang dat", "ik vrees dat", "i'm afraid that": how the user feels
# about what follows, which is what they ask about; "schrik" (Flemish) weighed as a rare word.
_WORRY_WORDS = frozenset("schrik bang vrees vrezen afraid worried scared".split())
_WORRY_ENDS = frozenset("dat da om voor van that of about".split())  # "schrik van hebben"


# "ik wil weten", "ik zou graag weten", "weet je ...", "kan je mij vertellen ...": the asking,
# not what is asked. "weten" and "vertellen" are no corpus words, so each weighed as the
# rarest word of the question: "kan je mij vertellen wat sabam kost" got a partial answer at
# 0.03, "weet je wat een merk kost" was refused.
_WISHING = frozenset("wil willen wou wilde wilden wouden graag kwil kwou".split())
_KNOWING = frozenset("weet weten".split())
# ("u" is no token: one-letter words are dropped before formulas are read; "weet u wat ..."
# opens with "weet", which `without_formulas` drops there too.)
_ASKED_WHO = frozenset("je jij ge gij jullie iemand".split())
_TELLING = frozenset("vertel vertellen zeg zeggen".split())
# The words of knowing or telling after which "when" or "wanneer" asks all the same
# (`_joins_a_clause`): "weet je wanneer ik ...", "do you know when we ...".
_KNOWING_WHEN = _KNOWING | frozenset(
    "wete weetje zeg zeggen zegt vraag vragen benieuwd idee know tell wonder wondering idea "
    "sure".split()
)
# What follows a telling verb that asks to be told: whom ("kan je mij vertellen"), what
# ("vertel eens over sabam", "kan je vertellen wat sabam kost").
_TOLD = frozenset("me mij ons".split())
_TOLD_WHAT = frozenset("eens over wat hoe wie waar wanneer welke welk hoeveel of".split())


# "tot de volgende (keer)" (see you next time) opening a message or after thanks, with
# nothing after it but a filler: no word of a question ("merci, tot de volgende keer hoor");
# not "moet ik wachten tot de volgende?", "tot de volgende deadline".
_UNTIL_NEXT = re.compile(_UNTIL_NEXT_TIME + "$")


def without_formulas(tokens: Sequence[str]) -> list[str]:
    """The tokens without the formulas that open or close a message (`_FORMULAS`,
    `_UNTIL_NEXT`, a greeting of two words at the start: "goede avond"), without "vraag ...
    af" where a reflexive pronoun follows the verb ("ik vraag me af of ...": I wonder whether
    ...), without the worry before what is asked (`_WORRY_WORDS`), without the words that ask
    to know or be told (`_KNOWING`, `_TELLING`), and without an angry user's venting
    (`_VENTING`) and demand for an answer ("geef nu eens een antwoord")."""
    dropped: set[int] = set()
    for i, word in enumerate(tokens[:-1]):
        after = tokens[i + 1]
        if word in _GOOD and after in _TIMES_OF_DAY and all(t in GREETINGS for t in tokens[:i]):
            dropped |= {i, i + 1}  # "goede avond, hoeveel kost sabam?": a greeting
        if word in _WISHING and after in _KNOWING:
            dropped |= {i, i + 1}
        if word in _KNOWING and (after in _ASKED_WHO or (i == 0 and after in _TOLD_WHAT)):
            dropped.add(i)
        if word in _TELLING and (after in _TOLD or after in _TOLD_WHAT):
            dropped.add(i)
        if word in _TOLD and after in _TELLING:
            dropped.add(i + 1)
        if (word, tokens[i + 1]) in _FORMULAS:
            dropped |= {i, i + 1}
        if (
            word == "tot"
            and all(t in THANKS or t in COURTESY_WORDS or t in _ASKING_ON for t in tokens[:i])
            and _UNTIL_NEXT.match(" ".join(tokens[i:]))
        ):
            # "tot de volgende?": "volgende" stems to "volg", a part of "volgrecht" (0.84).
            dropped |= set(range(i, len(tokens)))
        if word in _WORRY_WORDS and tokens[i + 1] in _WORRY_ENDS:
            dropped.add(i)
        if word in _DEMANDING and not (i and tokens[i - 1] in _GIVERS):
            ends = [
                k for k in range(i + 1, min(len(tokens), i + _DEMAND_WORDS)) if tokens[k] in _ANSWER
            ]
            if ends:
                dropped |= set(range(i, ends[0] + 1))
        if word in _WONDER_VERBS and tokens[i + 1] in _REFLEXIVES:
            ends = [k for k in (i + 2, i + 3) if k < len(tokens) and tokens[k] == "af"]
            if ends:
                dropped |= {i, ends[0]}
    return [t for k, t in enumerate(tokens) if k not in dropped and t not in _VENTING]


def asks_nothing(tokens: Sequence[str]) -> bool:
    """Whether a message holds only courtesy words and a yes or no ("beste wegwijzer", "ja
    sorry"): nothing asked, and nothing that points back."""
    return bool(tokens) and all(t in COURTESY_WORDS or t in _YES_NO for t in tokens)


def refers_back(tokens: Sequence[str]) -> bool:
    """Whether a question points at something said before ("dat", "daarvoor", "en ...?",
    "what about ...?", "meer info", "hoeveel?")."""
    if not tokens:
        return False
    return (
        tokens[0] in CONTINUATIONS
        or tuple(tokens[:2]) in ENGLISH_CONTINUATIONS
        or has_anaphor(tokens)
        or asks_for_more(tokens)
        or asks_only_a_fact(tokens)
    )


# What a continuation adds a case with ("en als ...", "ook voor ...", "and if ...", "what if
# ..."), rather than asking something of its own ("en wat zijn de beste films van 2025?").
_CASE_WORDS = frozenset("als indien voor bij met zonder if for with without".split())


def adds_a_case(tokens: Sequence[str]) -> bool:
    """Whether a question continues the one before by adding a case or a condition: "en als
    het een particulier was voor een trouwfeest?", "ook voor een vzw?", "and if the client is
    in Germany?", "what if I only stay two months?"; not "en wat kost een nieuwe laptop?" nor
    "what about buying a Nintendo Switch?", which ask something of their own."""
    if len(tokens) < 2:
        return False
    if tokens[0] in CONTINUATIONS:
        return tokens[1] in _CASE_WORDS or tuple(tokens[1:3]) == ("what", "if")
    return tuple(tokens[:2]) == ("what", "if")


def asks_only_a_fact(tokens: Sequence[str]) -> bool:
    """Whether a whole message asks a kind of fact and says nothing else ("hoeveel?",
    "hoeveel dan?", "hoe lang?", "how much?"): of something said before, as "hoeveel is dat?"
    is."""
    words = [t for t in tokens if t not in _FILLERS]
    if len(words) == 2 and asks_for_a_time(words):
        return True  # "hoe lang", "tegen wanneer"
    cues = [t for t in words if t not in VAGUE]
    return bool(cues) and all(is_fact_cue(t) for t in cues)


# Words that open a message by saying it asks about something else, set off by punctuation
# ("andere vraag: mijn stembanden zijn ontstoken, wat neem ik daar best voor?" had been
# answered with the topic's passage, its "daar" read as pointing back), and what may come
# before them; also "los daarvan", "apart from that" ("Los daarvan: heb ik een vignet nodig om
# door Zwitserland te rijden?" after VAT on a Swiss client), whose own "daarvan" and "that" do
# not point back (`Assistant.may_follow_up` looks for one after them). Not "iets anders"
# inside a question ("is er iets anders dan de winwinlening?").
_NEW_SUBJECT = _whole_messages(
    """
    andere vraag | ander vraagje | een andere vraag | nog een andere vraag | iets anders |
    nog iets anders | iets helemaal anders | helemaal iets anders | iets totaal anders |
    totaal iets anders | compleet iets anders | iets compleet anders | iets heel anders |
    heel iets anders | iets volledig anders | volledig iets anders | ander onderwerp |
    iets helemoal anders | helemoal iets anders | totaal andere vraag | een totaal andere vraag |
    helemaal andere vraag | compleet andere vraag | volledig andere vraag | heel andere vraag |
    nieuwe vraag | nieuw onderwerp |
    nu iets anders | ander punt | een ander vraagje | ander vraagske | een ander vraagske |
    andere kwestie | een andere kwestie | los daarvan | los hiervan | los van dat | los van dit |
    daar los van | hier los van | totaal los daarvan | volledig los daarvan | off topic | offtopic |
    other question | another question | different question |
    unrelated question | new question | other thing | another thing | something else |
    something different | something completely different | completely different |
    different topic | other topic | new topic | unrelated |
    changing the subject | on another note | totally different | separate thing |
    separate question | different thing | different subject | different matter | apart from that |
    aside from that | on a different note | on a separate note | random question |
    side question | change of topic | changing topic | switching topics
    """
)
_NEW_SUBJECT_REACH = max(len(m.split()) for m in _NEW_SUBJECT)
# "andere vraag hierover:", "another question about it:" stay on the topic.
_ON_THE_SAME = (
    r"(?!\s+(?:hierover|daarover|erover|over (?:dat|die|dit|het)|about (?:it|that|this))\b)"
)
# What opens a message before what it says: a greeting, thanks, an "ok".
_OPENING = GREETINGS | THANKS | _TAKING_IN
_BEFORE_A_NEW_SUBJECT = _OPENING | frozenset(
    "en and dan then so nu now nog maar but trouwens overigens by the way".split()
)
# Their words and what may come before them, which are no words of what is then asked
# ("something else: is it free?", "overigens, andere vraag: ...").
SUBJECT_CHANGE_WORDS = frozenset(w for m in _NEW_SUBJECT for w in m.split()) | _BEFORE_A_NEW_SUBJECT
# What may stand between the words and their punctuation: "andere vraag nog:".
_MARKED_OFF = r"(\s+\w+)?\s*[:,.;!?\-\u2013]"


def changes_subject(text: str, tokens: Sequence[str]) -> bool:
    """Whether a message opens by saying it asks about something else (`_NEW_SUBJECT`, set off
    by punctuation), after greetings, thanks, an "ok" or a "trouwens" at most ("trouwens
    totaal iets anders, ik kreeg een flitsboete ..."). What it then asks may still be about
    the topic ("andere vraag: hoeveel procent krijg ik daarvan terug?"):
    `Assistant.may_follow_up` weighs it."""
    return subject_change_end(text, tokens) > 0


def subject_change_end(text: str, tokens: Sequence[str]) -> int:
    """Where the words that say a message asks about something else end (`changes_subject`),
    0 when it does not open so: "nog iets heel anders: hoelang blijft een ontwerp van mij?"
    asks only what follows; "heel" and "ander", read as its words, had sent it to a passage
    on designs shown too early."""
    folded = _folded(text).lower()
    for start in range(len(tokens)):
        for size in range(_NEW_SUBJECT_REACH, 0, -1):
            said = " ".join(tokens[start : start + size])
            if said in _NEW_SUBJECT:
                # (`said` is without its one-letter words: "on a different note")
                marker = r"\b" + r"\W+(?:\w\W+)?".join(said.split()) + _ON_THE_SAME + _MARKED_OFF
                found = re.search(marker, folded)
                if found is None:
                    return 0
                return start + size + (found.group(1) is not None)  # "andere vraag nog:"
        if tokens[start] not in _BEFORE_A_NEW_SUBJECT:
            return 0
    return 0


# "btw" opening an English question is "by the way", not the Dutch word for VAT, when it is set
# off by a comma, a full stop, an exclamation mark, dots or a spaced dash, after a greeting,
# thanks or an "oh" at most, and nothing in the sentence after it points back at it ("btw, can I
# deduct my guitar?" had got the tax treatment of sponsoring). Not as a heading or a subject:
# "btw: do I need to charge it?", "btw, is it deductible?", "btw any exemption for starting
# artists?", "btw-tarief".
_BY_THE_WAY = re.compile(
    r"^\W*(?:[a-z]+\W+){0,4}?btw(?:\s*[,!]|\s*(?:\.\.\.|\u2026)|\.(?=\s)|\s+[-\u2013\u2014]\s)"
    r"(?![^?.!]*\b(?:it|that|this|them|these|those)\b)",
    re.IGNORECASE,
)
# What may come before it: "thank you! btw, ...", "hey there, btw ...", "thanks a lot! btw ...".
_BEFORE_BY_THE_WAY = _OPENING | frozenset("and also so you there a lot much very".split())


def by_the_way_end(text: str, tokens: Sequence[str]) -> int:
    """How many of an English question's tokens open it with "btw" meaning "by the way"
    (`_BY_THE_WAY`), that marker and a greeting, thanks or an "oh" before it included; 0 when
    it does not open so."""
    if "btw" not in tokens or not _BY_THE_WAY.match(text):
        return 0
    end = tokens.index("btw")
    return end + 1 if all(t in _BEFORE_BY_THE_WAY for t in tokens[:end]) else 0


def asks_for_more(tokens: Sequence[str]) -> bool:
    """Whether a whole message asks for more on what was answered before and names nothing
    else ("meer info", "kan je dat uitleggen?", "tell me more"): none of its words is to be
    looked up."""
    return " ".join(t for t in tokens if t not in _FILLERS) in _MORE_REQUESTS


def has_anaphor(tokens: Sequence[str]) -> bool:
    """Whether a question holds a word that stands for something named before ("wie beheert
    dat?", "kan ik daarvoor ook ...", "zo'n lening", "krijg ik dan korting?": see
    `_then_points_back`), rather than only opening like a continuation ("en de
    cofinanciering?"), which may as well change the subject. A demonstrative before a unit of
    time points at the present, not at anything said: "dit jaar", "deze week", "this year".
    Nor does a pronoun for a person the question names itself (`_names_the_person`): "mijn
    moeder gaat met pensioen, wanneer krijgt ze ...?"."""
    return any(
        (
            t in REFERENCE_WORDS
            and not (t in _DEICTIC and _next(tokens, i) in _NOW)
            and not _names_the_person(tokens, i)
        )
        or _then_points_back(tokens, i)
        for i, t in enumerate(tokens)
    )


def _then_points_back(tokens: Sequence[str], i: int) -> bool:
    """Whether the word at `i` is a "dan" that means "in that case" of something said before:
    right after the subject of the question's verb, with no condition or first step of the
    question's own before it (`_SUBJECTS_BEFORE_THEN`, `_OWN_THEN`)."""
    return (
        tokens[i] == "dan"
        and i > 0
        and tokens[i - 1] in _SUBJECTS_BEFORE_THEN
        and _OWN_THEN.isdisjoint(tokens[:i])
    )


def _names_the_person(tokens: Sequence[str], i: int) -> bool:
    """Whether the pronoun at `i` stands for a person the question names itself, not for
    anything said before:

    - "die" opening a relative clause after that person, where the person opens the question
      or follows a preposition ("voor mijn dochter die naar de unief gaat"), or after an
      indefinite article that does not follow the question's first word ("ik heb een dochter
      die ...", "een vriend die ..."); right after a verb, "die" is the object and points back
      ("krijgt mijn dochter die ook?", "kan een collega die ook krijgen?");
    - "ze", "zij", "hem" after that person, not right after it ("mijn moeder gaat met
      pensioen, wanneer krijgt ze ..."; in "kan mijn partner ze aftrekken?" "ze" is what was
      named before); "hun", "hen", "they", "them", "their" only after people ("my parents lent
      me money, do they ..."): after one person, they stand for an organisation or for things
      ("can my daughter apply for them too?").

    Only people: after a thing, a relative clause leaves a question as elliptical as before
    ("tellen de uitgaven die we al deden ook mee?").
    """
    token = tokens[i]
    if token == "die":
        return (
            i >= 2
            and tokens[i - 1] in _PERSONS
            and (
                # (not "kan een collega die ...": a verb that opens the question, then "een")
                (tokens[i - 2] in _INDEFINITE and i != 3)
                or (tokens[i - 2] in _DETERMINERS and (i == 2 or tokens[i - 3] in _PREPOSITIONS))
            )
        )
    people = _PEOPLE if token in _PLURAL_PRONOUNS else _PERSONS if token in _PERSON_PRONOUNS else ()
    return any(t in people for t in tokens[: max(i - 1, 0)])


# Pronouns that may stand for one person ("ze" and "zij" for several as well).
_PERSON_PRONOUNS = frozenset("ze zij hem".split())
# Pronouns that stand for several.
_PLURAL_PRONOUNS = frozenset("hun hen they them their".split())
# What stands before a person a user names: "mijn dochter", "onze buren", "my daughter".
_DETERMINERS = frozenset("mijn m'n mn ons onze uw je jouw zijn haar hun de een my our".split())
_PREPOSITIONS = frozenset("voor van met aan bij naar door over op for of with to by".split())
# An indefinite article: "een vriend die" is someone new ("ik heb een dochter die gaat
# studeren"), unless a verb opens the question right before it ("kan een collega die ook
# krijgen?": "die" is the object).
_INDEFINITE = frozenset("een ne nen".split())
# Several people a user names in their own question.
_PEOPLE = frozenset(
    """
    ouders kinderen vrienden buren grootouders schoonouders collegas
    parents children kids friends neighbours neighbors grandparents colleagues
    """.split()
)
# People a user names in their own question. Not "baas" or "boss": "mijn eigen baas" is being
# self-employed. "kind" only for "ze", "hem" and "die": English "what kind of ..." has "they",
# which stands only for several people.
_PERSONS = _PEOPLE | frozenset(
    """
    moeder mama vader papa dochter zoon kind zus zuster broer vriend vriendin partner vrouw man
    echtgenoot echtgenote buurman buurvrouw nonkel tante oom oma opa bomma bompa schoonmoeder
    schoonvader neef nicht collega werkgever
    mother mum mom father dad daughter son kid sister brother friend wife husband girlfriend
    boyfriend neighbour neighbor uncle aunt grandmother grandfather grandma grandpa cousin
    colleague employer
    """.split()
)


def pointed_words(clauses: Sequence[Sequence[str]]) -> frozenset[str]:
    """The words a demonstrative points with: the one or two right after it, in its clause
    ("loopt dat fonds nog?", "wie doet die culturele toets?", "does that grant still
    exist?"). What they name was named before, when what was said before holds them. Only a
    word the question says nowhere else ("wat is VAPZ? hoe werkt dat VAPZ" names VAPZ itself);
    not a unit of time ("dit jaar"), nor what follows "dat" or "that" after a verb of knowing
    or saying, which opens a clause ("ik weet dat VAPZ bestaat").

    Args:
        clauses: the tokens of each clause of the question (split at punctuation).
    """
    pointed: Counter[str] = Counter()
    said: Counter[str] = Counter()
    for tokens in clauses:
        at: set[int] = set()
        for i, token in enumerate(tokens):
            if token not in _DEMONSTRATIVES or (
                token in _CONJUNCTIONS and i and tokens[i - 1] in _CLAUSE_VERBS
            ):
                continue
            at.update(k for k in range(i + 1, min(i + 3, len(tokens))) if tokens[k] not in _NOW)
        said.update(tokens)
        pointed.update(tokens[k] for k in at)
    return frozenset(word for word, n in pointed.items() if n == said[word])


# The words that point with the noun after them: "dat fonds", "zo'n lening", "that grant".
_DEMONSTRATIVES = frozenset(
    "dat die dit deze da dees diene dieje zon zulk zulke that this these those such".split()
)
# "dat" and "that" also open a clause, after a verb of knowing, saying or thinking.
_CONJUNCTIONS = frozenset("dat da that".split())
_CLAUSE_VERBS = frozenset(
    """
    weet wist weten denk dacht denken hoor hoorde gehoord horen lees las gelezen lezen zeg zegt
    zei zeggen gezegd klopt waar vind vindt vond hoop hoopt merk merkte zie zag gezien blijkt
    bleek lijkt betekent wil wilt willen verwacht vrees
    know knew think thought heard hear read said say says true mean means hope see saw seems
    assume believe
    """.split()
)
# "dit jaar", "deze maand", "this week": the demonstratives and the units of time they date.
_DEICTIC = frozenset("dit deze dees die dat this that these".split())
_NOW = frozenset(
    "jaar jaren maand maanden week weken weekend dag dagen keer najaar voorjaar zomer winter "
    "kwartaal semester moment ogenblik year years month weekend day time".split()
)


def _next(tokens: Sequence[str], i: int) -> str:
    """The word after position `i`, or "" at the end."""
    return tokens[i + 1] if i + 1 < len(tokens) else ""


def _before_told(tokens: Sequence[str], i: int) -> str:
    """The word before the mail or address at `i`, past the words of its own name ("per
    e-mail" reads "per mail email")."""
    while i > 0 and tokens[i - 1] in _TOLD_CONTACT:
        i -= 1
    return tokens[i - 1] if i > 0 else ""


def _joins_a_clause(tokens: Sequence[str], i: int) -> bool:
    """Whether the "when" or "wanneer" at `i` joins a clause rather than asking a time: "do I
    pay VAT when I sell a painting?" ("i" is not among the tokens), "moet ik btw betalen
    wanneer ik verkoop?"."""
    if _KNOWING_WHEN & set(tokens[:i]) or i + 1 >= len(tokens):
        return False
    after = tokens[i + 1]
    if tokens[i] == "when":
        return after not in _WHEN_ASKING_VERBS
    return after in _CLAUSE_SUBJECTS


# Pronouns that stand for something named before when nothing else in a question names it
# ("wat kost het?"); beside a subject they are its article ("wat kost het lidmaatschap?").
_PRONOUNS = frozenset("het it".split())
# Words that ask how long something lasts, whether it still holds, how it goes, what it gives,
# who pays, whether it is required, what it takes or what its rules are, of whatever is named:
# "hoe lang duurt het?", "hoe vraag ik dat aan?", "hoe werkt dat?", "hoeveel krijg ik terug?",
# "wie betaalt?", "is dat verplicht?", "wat heb ik nodig?", "what are the steps?".
_ASKING_WORDS = frozenset(
    """
    lang duurt duren geldig long last lasts take takes valid gratis kosteloos betalend free
    aanvragen aanvraag vraag indienen dien werkt work works apply
    krijg krijgen krijgt kreeg kregen terug ontvang ontvangen ontvangt
    receive back betaalt betaald pays paid
    verplicht verplichte stappen stap nodig documenten papieren regels regel gevolgen geldt
    gelden combineren combineer beslist beslissen kom komen terecht
    mandatory required compulsory steps step needed documents paperwork rules rule
    consequences combine decides decide qualify entitled
    behandeling behandelen behandeld verwerking verwerkt wachttijd doorlooptijd goedkeuring
    """.split()
)


# "in zijn werk", "in z'n werk": how something goes, not work (`asks_of_what_was_named`).
_HOW_IT_GOES = frozenset({("in", "zijn", "werk"), ("in", "zn", "werk")})


def only_asks(word: str) -> bool:
    """Whether a word only asks something of whatever is named (`_ASKING_WORDS`, or a kind of
    fact: "kost", "voorwaarden"): "back" or "paperwork", which no passage has, are no words of
    another subject."""
    return word in _ASKING_WORDS or is_fact_cue(word)


def asks_of_what_was_named(words: Sequence[str], tokens: Sequence[str]) -> bool:
    """Whether a question's content `words` only ask something of what was named before:
    words that ask for a kind of fact ("kost", "hoeveel"), how long it lasts, how it goes,
    what it gives or what it takes (`_ASKING_WORDS`), with "dat", "die", "het" or "it"
    pointing at it or not: "hoe lang duurt het?", "hoe vraag ik dat aan?", "is dit gratis?",
    "hoeveel rente?", "en de voorwaarden?" (the rate of which loan, whose conditions?),
    "hoeveel krijg ik terug?", "kom ik in aanmerking?". Not a word that asks for a kind of
    fact after "een" with no pronoun, which asks what such a thing is ("wat is een tarief?",
    "is er een oproep?"). Without the words that only ask, "hoeveel krijg ik terug?" and
    "wanneer moet ik indienen?" had been answered with the conditions of a winwinlening
    (0.74) and a complaint about counterfeits (0.72)."""
    generic = any(before == "een" and is_fact_cue(w) for before, w in itertools.pairwise(tokens))
    # A rate asks a figure too: "hoeveel is dat per maand?" names no subject ("maand" had led
    # it to the passage on monthly VAT returns, also after a question on the kunstwerkuitkering).
    rate = {"per", *(w for before, w in itertools.pairwise(tokens) if before == "per")}
    asking = [w for w in words if not (w in rate and (w == "per" or w in _RATE_UNITS))]
    if asking != list(words) and not asking:
        return not generic
    if asking and all(is_fact_cue(w) for w in asking) and not generic:
        return True
    if generic and not (has_anaphor(tokens) or any(t in _PRONOUNS for t in tokens)):
        return False
    # Idioms that only ask: "recht op" is being entitled to something, not a right ("heb ik
    # recht op iets?"); "in zijn werk" is how it goes, not work ("hoe gaat dat in zijn werk?").
    idioms = {"recht"} if ("recht", "op") in itertools.pairwise(tokens) else set()
    if set(zip(tokens, tokens[1:], tokens[2:], strict=False)) & _HOW_IT_GOES:
        idioms.add("werk")
    return all(only_asks(w) or w in idioms for w in asking)


def asks_how_long(tokens: Sequence[str]) -> bool:
    """Whether a question asks how long something lasts or takes: "hoe lang", "hoelang",
    "how long"."""
    return "hoelang" in tokens or any(
        word in ("lang", "long") and before in _DURATION_OPENERS
        for before, word in itertools.pairwise(tokens)
    )


# What may stand between a cost and the figure that states it: "kost zo'n 2.000 euro",
# "kostte ongeveer 500 euro".
_BEFORE_A_FIGURE = frozenset(
    "zon zo ongeveer rond circa ca bijna amper slechts maar wel toch pakweg een about around "
    "almost only".split()
)


def _figure_follows(tokens: Sequence[str], i: int) -> bool:
    """Whether a figure follows word `i`, with at most a word of measure between."""
    j = i + 1
    while j < len(tokens) and tokens[j] in _BEFORE_A_FIGURE:
        j += 1
    return j < len(tokens) and tokens[j][:1].isdigit()


def asks_for_a_time(tokens: Sequence[str]) -> bool:
    """Whether a question asks how long ("hoe lang", "how long") or by when ("tegen wanneer",
    "since when"): a figure or a date answers it."""
    return any(
        (word in ("lang", "long") and before in _DURATION_OPENERS)
        or (word in FACT_CUES["when"] and before in _TIME_OPENERS)
        for before, word in itertools.pairwise(tokens)
    )


# Verbs of proving, and the words of a date that they ask to prove rather than to know.
_PROVING = frozenset(
    "bewijzen bewijs bewijst aantonen aantoon toont vastleggen prove proof".split()
)
_DATES = frozenset("datum data date dates".split())


# A year a question offers as the end of a span, when it asks until when ("tot wanneer loopt
# het programma, tot 2027?", "until 2027?"), is the answer it supposes, not the year of a fact:
# a passage that says the programme runs "van 2021 tot 2027" answers it though no date of
# 2027 is there. (Asked with `_WHEN_ASKED`.)
_SPAN_ENDS = frozenset("tot until till through".split())


def _ends_a_span(tokens: Sequence[str], i: int) -> bool:
    """Whether the year at `i` closes a span: "tot 2027", "tot en met 2027", "until 2027"."""
    return (i > 0 and tokens[i - 1] in _SPAN_ENDS) or tuple(tokens[max(0, i - 3) : i]) == (
        "tot",
        "en",
        "met",
    )


def _asks_if_free(asking: Sequence[str], i: int) -> bool:
    """Whether the word of `FREE_WORDS` at `i` ("gratis", "free") asks whether something is
    free (see `FREE_WORDS`)."""
    opens = bool(asking) and asking[0] in _BEING | _GETTING
    before = asking[max(0, i - 4) : i]
    if not (opens or _BEING.intersection(before)):
        return False
    if i and asking[i - 1] in _FREE_OF_WHAT:
        return False  # "tax free"
    if _CONDITION_OPENS.intersection(asking[1:i] if opens else before):
        return False  # "do I pay sabam if the concert is free?"
    after = asking[i + 1 : i + 2]
    if after == ["of"] and asking[i + 2 : i + 3] and asking[i + 2] in _FREE_OF_WHAT:
        return False  # "free of VAT"
    if not after:
        return True
    if opens:
        return after[0] in _FREE_CLOSES | _FREE_GOES_ON
    # In a statement, only an alternative ending it: "kost da iets of is da gratis of
    # betalend?", not "het concert is gratis of betalend, maakt dat uit voor sabam?".
    return after[0] in _FREE_CLOSES and len(asking) - i - 1 <= 3


def _sold_at(tokens: Sequence[str], i: int) -> bool:
    """Whether the price word at `i` is one something is sold at, compared with another: a
    comparing word shortly before it, after a preposition of the sale ("voor de helft van de
    prijs", "aan een lagere prijs", "at a fraction of the price")."""
    return any(
        tokens[k] in _PRICE_COMPARED
        and _SALE_PREPOSITIONS.intersection(tokens[max(0, k - _SOLD_AT_REACH) : k])
        for k in range(max(0, i - _COMPARED_REACH), i)
    )


def asked_facts(
    tokens: Sequence[str], present: int | None = None, told: Collection[str] = ()
) -> frozenset[str]:
    """The kinds of fact a question asks for (see `FACT_CUES`), from its cue words.

    A question that asks when the next one is ("wanneer is de volgende oproep", "the next
    deadline") asks for a date of the year `present` (the knowledge base's own: that of its
    latest check) or later: the kind ``"next 2026"``, which a passage that gives only an
    earlier year's date lacks.

    A question that asks for a figure or a date and names a year asks for that year's
    ("hoeveel is de rente in 2026", "deadline 2025"): the kind ``"year 2026"``, which a passage
    holding only other years' figures lacks. One that asks it of "dit jaar" names the year
    `present` (`_names_this_year`): its figure, or a date still to come. Not a year the
    user's own history `told` (`analysis.told_years`: "ik ben sinds 2019 zelfstandig, hoeveel
    is de minimumbijdrage?"), which dates when they began, not the figure they ask.
    """
    # A share the question states ("factureren aan 15%", read as "15 procent") asks nothing.
    stated = {i for i, before in enumerate(tokens[:-1], start=1) if before.isdigit()}
    asking = [t for i, t in enumerate(tokens) if i not in stated]
    if _PROVING.intersection(tokens):
        # "hoe bewijs ik ... van welke datum?": what proves a date, not a date to meet
        asking = [t for t in asking if t not in _DATES]
    kinds = {kind for kind, cues in FACT_CUES.items() if any(t in cues for t in asking)}
    # "betalen", "kosten" ask a price only after "wat": "wat betaal ik aan unisono", "wat zijn
    # de kosten", not "welke kosten mag ik aftrekken" or "kan hij me via 1bis betalen".
    # Nor is what "I" or "we" charge ("what VAT do I charge my clients?"), but what others do.
    if "payment" in kinds and not any(
        t in FACT_CUES["payment"]
        and _WHAT & set(asking[max(0, i - _WHAT_REACH) : i])
        and not (t in _CHARGE and i and asking[i - 1] in _CHARGING)
        for i, t in enumerate(asking)
    ):
        kinds.discard("payment")
    # "een kost", "de kost" is the noun (an expense): it asks a price only after "wat" ("wat
    # is de kost van ..."), not in "wanneer is een kost aftrekbaar?" nor "can I put it as cost?".
    if "cost" in kinds and all(
        t in ("kost", "cost")
        and i
        and asking[i - 1] in _ARTICLES
        and not _WHAT & set(asking[max(0, i - _WHAT_REACH) : i])
        for i, t in enumerate(asking)
        if t in FACT_CUES["cost"]
    ):
        kinds.discard("cost")
    # A cost the question states asks none: "ik wil een opleiding volgen, kost zo'n 2.000
    # euro. Kan ik daar subsidie voor krijgen?" (told "Wat het kost, staat niet in de
    # kennisbank" beside the kmo-portefeuille, 0.005).
    if "cost" in kinds and all(
        _figure_follows(asking, i) and not _WHAT & set(asking[max(0, i - _WHAT_REACH) : i])
        for i, t in enumerate(asking)
        if t in FACT_CUES["cost"]
    ):
        kinds.discard("cost")
    # A price the story says something was sold at asks none: "iemand kopieert mijn oorbellen
    # en verkoopt ze op Instagram voor de helft van de prijs, wat kan ik doen?" (refused at
    # 0.03, told the infringement passage lacks a cost). A lower price asked about still asks
    # one: "is er een lagere prijs voor studenten?", "do students pay a lower fee?".
    if "cost" in kinds and all(
        _sold_at(asking, i) for i, t in enumerate(asking) if t in FACT_CUES["cost"]
    ):
        kinds.discard("cost")
    # A prize one wins or that is organised or awarded is no price: "welke prijzen kan ik als
    # ontwerper winnen?", "organiseert Flanders DC prijzen?" (told "Wat het kost, staat niet in
    # de kennisbank").
    if (
        "cost" in kinds
        and _PRIZED.intersection(asking)
        and all(t in _PRIZES for t in asking if t in FACT_CUES["cost"])
        and not _PRICING.intersection(asking)
        and not any(t in _PRIZES and _next(tokens, i) in _PRICE_OF for i, t in enumerate(tokens))
    ):
        kinds.discard("cost")
    if any(_asks_if_free(asking, i) for i, t in enumerate(asking) if t in FREE_WORDS):
        kinds.add("free")
    # "een vast bedrag aftrekken": the noun after an article asks no amount, unless a word
    # before it asks one ("wat is het bedrag", "welk bedrag").
    if "amount" in kinds and all(
        t in _SUM
        and i
        and asking[i - 1] in _ARTICLES | _QUALITIES | _WHOLE
        and not _ASKING_SUM & set(asking[max(0, i - _WHAT_REACH) : i])
        for i, t in enumerate(asking)
        if t in FACT_CUES["amount"]
    ):
        kinds.discard("amount")
    # "hoeveel vraagt een notaris daarvoor?", "hoeveel rekent hij aan?": what it costs, which a
    # share ("30% van je woning") does not answer.
    if any(
        t == "hoeveel" and _ASKING_A_PRICE.intersection(asking[i + 1 : i + 3])
        for i, t in enumerate(asking)
    ):
        kinds.add("cost")
    # "wat rekent een notaris (ongeveer) aan": what someone charges, its cost (not "wat rekent
    # de commissie mee", what it counts; nor "wat vraagt Sabam ongeveer", which may ask
    # what it requires).
    if any(
        t in _WHAT
        and asking[i + 1 : i + 2] in (["rekent"], ["rekenen"])
        and "aan" in asking[i + 2 : i + 2 + _CHARGE_REACH]
        for i, t in enumerate(asking)
    ):
        kinds.add("cost")
    # "what does a notary charge for it?", "what do galleries charge": as "wat rekent een
    # notaris aan", the cost (any figure had answered it: the declaration's passage says what
    # share of the house counts, 0.87). Not "what do I charge?", which asks what to bill.
    if any(
        t == "what"
        and asking[i + 1 : i + 2] in (["does"], ["do"], ["did"], ["will"], ["would"])
        # (a dropped "I" leaves its adverb or verb after "do": "what do I usually charge")
        and not (asking[i + 1] in ("do", "did") and _next(asking, i + 1) in _AFTER_I)
        and any(
            c in _CHARGE and not _CHARGING.intersection(asking[i + 2 : k])
            for k, c in enumerate(asking[: i + 2 + _CHARGE_REACH])
            if k > i + 2
        )
        for i, t in enumerate(asking)
    ):
        kinds.add("cost")
    # "a minimum number of gigs", "het maximum aantal klassen": a number of things.
    numbered = [(b, w) for b, w in itertools.pairwise(asking) if w in _NUMBER_OF]
    if numbered and all(b in _BOUNDS for b, _ in numbered):
        if not any(t in FACT_CUES["amount"] and t not in _BOUNDS for t in asking):
            kinds.discard("amount")
        kinds.add("count")
    # "hoeveel op voorhand", "how far in advance": how long before, a term.
    in_advance = bool(_IN_ADVANCE.search(" ".join(tokens)))
    if in_advance:
        kinds.discard("amount")
        kinds.add("deadline")
    # "the contact point for ..." asks who, not how to reach them.
    if (
        "contact" in asking
        and not any(t in FACT_CUES["contact"] for t in asking if t != "contact")
        and any(b == "contact" and w in _CONTACT_POINT for b, w in itertools.pairwise(tokens))
    ):
        kinds.discard("contact")
    if "contact" in kinds and all(
        t in _TOLD_CONTACT and _before_told(tokens, i) in _TELLING_CONTACT
        for i, t in enumerate(tokens)
        if t in FACT_CUES["contact"]
    ):
        # "ik kreeg een mail van de kunstwerkcommissie, wat nu?", "ne pdf per mail was altijd
        # goed": a mail the user tells of asks no way to reach anyone.
        kinds.discard("contact")
    if "when" in kinds and all(
        _joins_a_clause(tokens, i) for i, t in enumerate(tokens) if t in FACT_CUES["when"]
    ):
        # "do I pay VAT when I sell a painting?", "moet ik btw betalen wanneer ik verkoop?":
        # "when" before its subject joins a clause; a question puts the verb first ("when do
        # I ...", "wanneer moet ik ..."). Not after a word of knowing ("weet je wanneer ik
        # ...", "do you know when we ..."), which asks it all the same.
        kinds.discard("when")
    for i, (before, word) in enumerate(itertools.pairwise(tokens)):
        # "how many game studios": the thing counted one word on, in English, which writes a
        # compound in two words. Not in Dutch, which writes "gamestudios" and puts a verb
        # there: "hoeveel krijgen kunstenaars van sabam" asks a sum.
        counted = _next(tokens, i + 1) if before == "many" else ""
        counted = word if word in _COUNTED or counted not in _COUNTED else counted
        if word in FACT_CUES["when"] and before in _TIME_OPENERS:
            if before in _SINCE:
                kinds.add("since")  # "sinds wanneer": a year will do, as it is all "wanneer" asks
                kinds.discard("when")
            else:
                kinds.add("deadline")  # "tegen wanneer": a date or a term
        if word in ("lang", "long") and before in _DURATION_OPENERS:
            kinds.update(("deadline", "duration"))
        if word in _HIGH and before in ("hoe", "how") and _NOT_A_SUM.isdisjoint(tokens):
            kinds.add("amount")  # "hoe hoog is de uitkering?", "how high is the threshold?"
        if before in ("hoeveel", "many", "much") and (word in _TIME_UNITS or counted in _COUNTED):
            if word in _TIME_UNITS:
                kinds.add("deadline")
            if not any(t in FACT_CUES["amount"] for t in tokens if t != before):
                kinds.discard("amount")
            if counted in _COUNTED:
                kinds.add("count")
    if _asks_a_person(tokens):
        kinds.add("person")  # "wie is de voorzitter van sabam?"
    if "duration" in kinds and {t for t in asking if t in FACT_CUES["amount"]} <= _BOUNDS:
        # "hoe lang mag een project maximaal duren?", "the maximum duration": the bound is
        # the duration's, which "maximaal 3 jaar" gives; no sum is asked.
        kinds.discard("amount")
    for kind in ("cost", "amount"):
        cues = [i for i, t in enumerate(asking) if t in FACT_CUES[kind]]
        if cues and all(
            asking[i] in _TOLD_FIGURES and _POSSESSIVES & set(asking[max(0, i - 2) : i])
            for i in cues
        ):
            # "withheld French tax on my fee", "mijn etsy fees": the user's own figure,
            # told, not a price or sum asked.
            kinds.discard(kind)
    for i, pair in enumerate(itertools.pairwise(tokens)):
        if pair in TIME_OF_DAY and _next(tokens, i + 1) not in _SUBJECTS:
            kinds.add("hours")  # "hoe laat sluit het loket?": a time of day
    if _ASKS_WAIT.search(" ".join(tokens)):
        kinds.add("wait")
    if "duration" in kinds and (
        # How long a procedure takes is the wait; "hoe lang op voorhand", "tot hoelang na de
        # start" ask a term: a date may answer those.
        "wait" in kinds
        or in_advance
        or any(b == "tot" and w in ("hoelang", "hoe") for b, w in itertools.pairwise(tokens))
    ):
        kinds.discard("duration")
    # "what is the monthly bridging benefit?", "wat is de maandelijkse uitkering", "welk
    # uurloon": a sum per month, hour or day, asked by what it is (with no word for an amount,
    # any passage on the benefit had answered it, 0.88). Only a sum: a rate word that is one
    # ("uurloon", "dagbedrag") or comes a few words before one; "wat is de maandelijkse
    # btw-aangifte" asks no sum.
    if any(
        t in _RATE_ADJECTIVES
        and _WHAT_OR_WHICH & set(asking[max(0, i - _WHAT_REACH) : i])
        and (
            t in _RATE_SUMS
            or any(_SUM_NOUN.match(w) for w in asking[i + 1 : i + 1 + _SUM_REACH])
        )
        for i, t in enumerate(asking)
    ):
        kinds.add("amount")
    if kinds & _AMOUNTS:
        kinds.update(RATE_FACT + unit for unit in _rates(tokens))
    # A fine asked for: a word asking what it is just before it ("hoe hoog is de boete", "what
    # penalty"), or a Dutch fine word in a question asking an amount ("hoeveel boete"); not the
    # English "fine" of "is that fine?" or "fine arts".
    if any(
        t in _FINE
        and _next(tokens, i) not in _NOT_FINE
        and (
            _ASKING_FINE & set(tokens[max(0, i - _FINE_REACH) : i])
            or (kinds & _AMOUNTS and (not t.startswith("fine") or tokens[i - 1 : i] in _A_FINE))
        )
        for i, t in enumerate(tokens)
    ):
        kinds.add("fine")
    this_year = present is not None and _names_this_year(tokens)
    if present is not None and kinds & _WHEN_ASKED and (this_year or _asks_next(tokens)):
        kinds.add(f"{NEXT_FACT}{present}")
    years = [
        t
        for i, t in enumerate(tokens)
        if _YEAR.fullmatch(t)
        and t not in told
        and not _is_sum(tokens, i)
        and not (kinds & _WHEN_ASKED and _ends_a_span(tokens, i))
    ]
    if this_year and kinds & _AMOUNTS:
        years.append(str(present))  # "welke rentevork geldt er dit jaar": this year's figure
    if kinds & _AMOUNTS:
        kinds.update(
            SPAN_FACT + span
            for span in _spans(tokens)
            # A sum asked for years or months is as often the loan's or the benefit's over
            # them ("how much can I borrow for 5 years?"); classes are priced.
            if kinds & _PRICES or span.endswith(SPAN_UNITS["klassen"])
        )
    elif all(t in _SPAN_ONLY or t in SPAN_UNITS or _number(t) for t in tokens):
        # "en voor drie klassen?": what holds for that span, of whatever was named before
        kinds.update(SPAN_FACT + span for span in _spans(tokens, cued=False))
    if (
        kinds & _DATED
        or (years and all(t in _YEAR_ONLY or _YEAR.fullmatch(t) for t in tokens))
        or (years and _names_a_figure(tokens))
    ):
        # "en 2025?", "and in 2024?": what holds that year, of whatever was named before;
        # "wat is de minimumbijdrage in 2026?": that year's figure, though not asked "hoeveel".
        kinds.update(YEAR_FACT + t for t in years)
    # "het gewaarborgd gemiddeld minimum maandinkomen" names a figure; it asks no mean. Nor
    # does a mean asked beside no figure ("hoe wordt het gemiddelde inkomen berekend?").
    if "average" in kinds and (
        not kinds & _USUAL_FIGURES
        or all(
            i and asking[i - 1] in _NAMED_MEAN
            for i, t in enumerate(asking)
            if t in FACT_CUES["average"]
        )
    ):
        kinds.discard("average")
    return frozenset(kinds)


def _number(token: str) -> int | None:
    """The number a token writes, in digits or in words ("15", "drie", "three"); None for
    another word, and for one or a year."""
    n = int(token) if token.isdigit() else _NUMBERS.get(token, _ENGLISH_NUMBERS.get(token))
    return n if n is not None and 1 < n < 1000 else None


def _spans(tokens: Sequence[str], *, cued: bool = True) -> list[str]:
    """The spans a question asks a price or sum for (`SPAN_FACT`): a number of years, months
    or classes after "van", "voor" or "in", a few words after a word asking a price or sum
    ("hoeveel kost een i-depot van 15 jaar": ``"15 jaar"``). Not one told before the question
    ("ik verhuur mijn installatie voor 3 maanden, welk btw-tarief?", "a licence of 2 years.
    What VAT rate ..."), nor the length of a period ("de taks na de eerste periode van 5 jaar"):
    the first had been told that the rate for 3 months is not known, 0.22. Not `cued`: after
    no such word ("en voor drie klassen?"). A Dutch question's kind names what the span is of
    when the word before it does (`_thing`): "span 15 jaar:idepot"; a passage that does not
    name it prices no such span (`_covers_span`)."""
    english = is_english(tokens, ())  # (an English word for the thing no passage says)
    return [
        _SPAN_OF.join(
            (f"{_number(t)} {SPAN_UNITS[tokens[i + 1]]}", *([] if english else _thing(tokens, i)))
        )
        for i, t in enumerate(tokens[:-1])
        if i
        and tokens[i - 1] in _FOR_A_SPAN
        and tokens[i + 1] in SPAN_UNITS
        and _number(t)
        and tokens[max(0, i - 2)] not in _PERIODS | _OWN_SPANS
        and _next(tokens, i + 1) not in _WORTH_OF
        and not _an_age_or_a_time(tokens, i)
        and (not cued or _PRICE_CUES.intersection(tokens[max(0, i - _SPAN_REACH) : i]))
    ]


def _thing(tokens: Sequence[str], i: int) -> tuple[str, ...]:
    """The word for what the span at `i` is of ("een i-depot van 15 jaar": "idepot"), if
    the question names it right before: none after a pronoun ("als we het in drie klassen
    laten inschrijven") or a word asking the price ("wat kost voor 3 klassen")."""
    thing = tokens[i - 2] if i > 1 else ""
    if not thing or thing in _SPAN_PRONOUNS | _SPAN_ONLY | _PRICE_CUES or _number(thing):
        return ()
    return (thing,)


def span_shown(kind: str) -> str:
    """A ``"span ..."`` kind as a user reads it: "15 jaar" (not what it is of)."""
    return kind.removeprefix(SPAN_FACT).split(_SPAN_OF)[0]


# Between a span and what it is of, in its kind: "span 15 jaar:idepot".
_SPAN_OF = ":"
_SPAN_PRONOUNS = frozenset("het dat da die dit it that this them ze we wij".split())
# What a number of years is worth of, no span priced: "een scenario van 2 jaar werk".
_WORTH_OF = frozenset("werk arbeid ervaring onderzoek studie work experience research".split())


def _an_age_or_a_time(tokens: Sequence[str], i: int) -> bool:
    """Whether the number of years at `i` is someone's age ("een student van 20 jaar", "my
    daughter of 8 years") or tells when ("een isbn van 2 jaar geleden")."""
    return _next(tokens, i + 1) in _AGO_OR_OLD or (
        SPAN_UNITS[tokens[i + 1]] == "jaar"
        and bool(_AGED.intersection(tokens[max(0, i - 4) : i - 1]))  # (a hyphenated word's
    )  # parts come before its joined form: "student-zelfstandige van 20 jaar")


_AGO_OR_OLD = frozenset("geleden terug oud jong ago old".split())
_AGED = frozenset(
    """student studente studenten jobstudent gepensioneerde dochter dochtertje zoon zoontje
    kind kinderen kindje baby moeder vader mama papa ouders jongere jongeren jongen meisje
    man vrouw persoon iemand mensen zelfstandige gitarist artiest artieste kunstenaar
    kunstenares zanger zangeres muzikant acteur actrice danser danseres stagiair stagiaire
    daughter son child children kid kids student retiree person someone man woman artist
    """.split()
)
# Things whose age or length a question tells beside a price of something else: "aan welk
# tarief wordt een BV van 2 jaar belast?", "de prijs van een boek van 4 maanden", "de
# VAPZ-premie voor een contract van 20 jaar" (all made partial by a reviewer's probes).
_OWN_SPANS = frozenset(
    """bv bvba nv vzw vennootschap bedrijf bedrijfje zaak zaakje onderneming firma studio
    boekjaar contract contracten overeenkomst opdracht project traject advies begeleiding
    boek boeken strip album roman plaat film reeks serie tournee tour residentie
    company business contract project book album film tour
    """.split()
)
# What a span's number may be of, rather than what is priced ("een periode van 5 jaar").
_PERIODS = frozenset("periode termijn looptijd duur period term duration".split())
# How many words before a span a word asks its price or sum (`_spans`): "wat kost een
# Benelux-merk als we het in drie klassen willen laten inschrijven?" has nine.
_SPAN_REACH = 10


# Words of money around a number that make it a sum; words before a number that make it a
# year whatever follows ("in 2019, € 700 per kwartaal").
_SUM_WORDS = _MONEY | frozenset("euros dollar dollars".split())
_BEFORE_A_YEAR = frozenset("in sinds vanaf tot sedert jaar since from until year".split())


def _is_sum(tokens: Sequence[str], i: int) -> bool:
    """Whether the number at `i` is a sum rather than a year: after a word of money ("€ 2025"),
    or before one unless a word that leads a year comes first ("ik heb 2000 euro gespaard",
    not "was de minimumbijdrage in 2019 € 700?")."""
    before = tokens[i - 1] if i else ""
    if before in _SUM_WORDS:
        return True
    return _next(tokens, i) in _SUM_WORDS and before not in _BEFORE_A_YEAR


def _names_a_figure(tokens: Sequence[str]) -> bool:
    """Whether a question names a figure without asking "hoeveel": "wat is de
    minimumbijdrage in 2026?", "hoe hoog is de steun in 2026?", "the income cap for 2025";
    not a number of things ("het minimum aantal concerten in 2025")."""
    if _NUMBER_OF.intersection(tokens):
        return False
    return ("hoe", "hoog") in itertools.pairwise(tokens) or any(
        t.startswith(_FIGURE_HEADS) or t.endswith(_FIGURE_TAILS) or t in _FIGURE_WORDS
        for t in tokens
    )


_FIGURE_HEADS = ("minimum", "maximum", "maximaal")
_FIGURE_TAILS = ("bijdrage", "bijdragen", "bedrag", "bedragen", "plafond", "tarief", "tarieven")
_FIGURE_WORDS = frozenset("cap ceiling rate rates".split())


def _rates(tokens: Sequence[str]) -> set[str]:
    """The units a question asks a figure per ("per maand", "hourly"), as `_RATE_STATED`'s;
    not the unit of a return filed every so often, which says how often it is filed ("welke
    drempel geldt er voor een btw-aangifte per maand", "vanaf welk bedrag moet ik maandelijks
    btw-aangifte doen" had been partial with the passage that gives the threshold), though a
    unit elsewhere still asks ("hoeveel is de uitkering per maand, moet die in mijn
    aangifte?")."""
    units = {
        _RATE_ADJECTIVES[t]
        for i, t in enumerate(tokens)
        if t in _RATE_ADJECTIVES and not _of_a_return(tokens, i - 2, i + _FILED_REACH + 1)
    }
    units.update(
        _RATE_WORDS[word]
        for i, (before, word) in enumerate(itertools.pairwise(tokens))
        if before == "per"
        and word in _RATE_WORDS
        # Not a rate the user states: "10 uur per week", "2000 euro per maand".
        and not any(t.isdigit() for t in tokens[max(0, i - 2) : i])
        # Nor how often a return is filed: "btw-aangifte per maand", "returns per month",
        # "per maand aangifte doen".
        and not (_of_a_return(tokens, i - 1, i) or _of_a_return(tokens, i + 2, i + 3))
    )
    # "hourly or daily rate": either will do, so neither is required.
    return units if len(units) == 1 else set()


# A return filed every so often (`_rates`): a word for it, or "return(s)" after "vat", "tax"
# or "btw" ("if I return to work" files nothing).
_FILED = frozenset(
    """
    aangifte aangiftes aangiften btwaangifte btwaangiftes maandaangifte kwartaalaangifte file
    files filing
    """.split()
)
_RETURNS = frozenset(("return", "returns"))
_TAXES = frozenset(("vat", "tax", "btw"))
# How far after a rate adjective the return may come: "maandelijkse btw aangifte", "monthly
# vat returns".
_FILED_REACH = 3


def _of_a_return(tokens: Sequence[str], start: int, end: int) -> bool:
    """Whether `tokens[start:end]` holds a return filed: "aangifte", "filing", "vat returns"."""
    return any(
        t in _FILED or (t in _RETURNS and k and tokens[k - 1] in _TAXES)
        for k, t in enumerate(tokens[: max(end, 0)])
        if k >= start
    )


def _names_this_year(tokens: Sequence[str]) -> bool:
    """Whether a question asks what holds this year ("dit jaar", "deze jaar", "dees jaar",
    "het huidige jaar", "this year", "the current year", "dit kalenderjaar"): said after
    a word that asks a figure or a date ("welke rentevork geldt er dit jaar", "wanneer gaan de
    oproepen open dit jaar?"), with no figure of the user's own in between. Said before it,
    or beside the user's own figure, it tells the user's situation ("mijn omzet was dit jaar
    maar 6000 euro, is er een minimum?" asks the minimum, not this year's)."""
    asking = False  # a word that asks a figure or a date came, and no figure since
    for i, token in enumerate(tokens):
        if token in _DATED_CUES:
            asking = True
        elif _HAS_DIGIT.search(token):
            asking = False
        elif asking and token in _THIS and _next(tokens, i) in _YEAR_WORDS:
            return True
    return False


_THIS = frozenset("dit deze dees this huidige current".split())
_YEAR_WORDS = frozenset("jaar year kalenderjaar".split())
_DATED_CUES = frozenset(w for kind in _DATED for w in FACT_CUES[kind])
_HAS_DIGIT = re.compile(r"\d")


def _asks_next(tokens: Sequence[str]) -> bool:
    """Whether a question asks for the next date: "de volgende oproep", "the next
    deadline"; not "volgende maand" (a time it tells)."""
    return any(
        t in _NEXT and any(_dated(w) for w in tokens[i + 1 : i + 1 + _NEXT_REACH])
        for i, t in enumerate(tokens)
    )


def _dated(word: str) -> bool:
    """Whether a word names something with a next date (`_DATED_THINGS`), a compound's last
    part too: "inschrijvingsdeadline", "indieningsdatum"."""
    return word in _DATED_THINGS or word.endswith(_DATED_ENDINGS)


def _dates_ahead(sentence: str, present: int) -> bool:
    """Whether a sentence tells a date still to come in the year `present` or later: a date of
    that year or later (not "sinds", "vanaf": a rule that holds from then), a date of no year
    ("uiterlijk op 1 maart, 1 juni ..."), which comes back every year, a yearly date, a
    quarterly term, a term counted from the user's own start ("uiterlijk 7 kalenderdagen voor
    de start"), or "doorlopend". Not "in 2024 waren er drie oproepen (van 20 maart ...)", "voor
    de periode 2023-2027 moest je aanvragen tegen 1 december 2021", "jaarlijkse oproepen" with
    no date, nor "er zijn vier indienrondes per jaar"."""
    if _OPEN.search(sentence) or _ROLLING.search(sentence):
        return True
    if _YEARLY.search(sentence) and _DATE.search(sentence):
        return True  # "elk jaar uiterlijk op 31 maart (voor het eerst over 2025)"
    dated = [m for m in _DATED_DATE.finditer(sentence) if not _FROM.search(m.group(1) or "")]
    if any(int(m.group(2)) >= present for m in dated):
        return True
    if YEAR.search(sentence):
        return False
    return bool(_DATE.search(sentence))  # of no year: every year again


# Ways to reach a desk, which the sentence giving them answers: "wat is het telefoonnummer
# van sabam?" had been shown Sabam's first sentence, on what it collects, not its number.
_REACHING = frozenset(("phone", "contact", "hours", "account"))


def spoken_kinds(asked: Collection[str]) -> tuple[str, ...]:
    """The asked kinds of fact a sentence may speak of without their figure (`speaks_of`)."""
    return tuple(
        sorted(
            k
            for k in asked
            if k in ("wait", "fine", "free")
            or k in _REACHING
            or k.startswith(RATE_FACT)
            or k.startswith(NEXT_FACT)
        )
    )


def speaks_of(kind: str, sentence: str) -> bool:
    """Whether a sentence speaks of a kind of fact that a phrase asks, figure or not: a
    procedure and its decision ("wait"), a fine ("fine"), a rate's unit ("per maand": "een
    maandelijkse tegemoetkoming die afhangt van het land"), a date still to come ("next"), a
    way to reach a desk (a phone number, an address, opening hours, an account number),
    whether something is free ("het kost niets", "Oppositie is een relatief goedkope
    procedure"). False for the other kinds."""
    if kind in _REACHING or kind == "free":
        return holds_fact(sentence, kind)
    if kind == "wait":
        return _tells_wait(sentence)
    if kind == "fine":
        return bool(_FINED.search(sentence))
    if kind.startswith(RATE_FACT):
        rate = _RATES.get(kind.removeprefix(RATE_FACT))
        return rate is not None and bool(rate.search(sentence))
    if kind.startswith(NEXT_FACT):
        present = kind.removeprefix(NEXT_FACT)
        return present.isdigit() and _dates_ahead(sentence, int(present))
    return False


# When a statement was so, dating the statement rather than giving a year's figure: "Voor 2026
# is een inperking van dit forfait aangekondigd, nog niet definitief (stand januari 2026)" holds
# no figure for 2026 ("en voor inkomstenjaar 2026?" after the ceiling for author's rights got
# that passage at 0.64).
_AS_OF = re.compile(
    rf"\(?\bstand\s+(?:(?:begin|eind|midden)\s+)?(?:\d{{1,2}}\s+)?(?:(?:{MONTHS})\s+)?\d{{4}}\)?",
    re.IGNORECASE,
)


def is_fact_cue(word: str) -> bool:
    """Whether a word asks for a kind of fact ("kost", "telefoonnummer") rather than naming
    the subject."""
    return any(word in cues for cues in FACT_CUES.values())


# "niet gratis", "geen gratis ...": no price, and no figure ("Een ATA-carnet is niet gratis:
# je betaalt een vast bedrag en een deel volgens de waarde" had answered "hoeveel kost een
# ATA-carnet?" at 0.95, as if "gratis" were its price).
_NOT_FREE = re.compile(
    r"\b(?:niet|geen|nooit)(?:\s+(?:meer|altijd|helemaal|langer|echt))?[\s-]+(?:gratis|kosteloos)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=8192)  # the passages answered most recently, each asked a few kinds
def holds_fact(text: str, kind: str) -> bool:
    """Whether a passage text holds a fact of this kind (a figure, a date or term, a contact).

    A ``"year 2026"`` is held by a sentence that names the year beside a figure or a date: a
    passage that says "the ceiling for 2025 we did not find in our sources" lacks it. A
    ``"next 2026"`` by a date still to come that year or later (`_dates_ahead`), a ``"per
    maand"`` by a figure per month in one sentence. An unknown kind is held by nothing. What
    is said not to be free ("niet gratis") gives no figure, but says whether it is free.
    """
    if kind == "free":
        return _HOLDS[kind](text)
    text = _NOT_FREE.sub(" ", text)
    if kind.startswith(NEXT_FACT):
        present = kind.removeprefix(NEXT_FACT)
        return present.isdigit() and any(_dates_ahead(s, int(present)) for s in sentences(text))
    if kind.startswith(RATE_FACT):
        rate = _RATES.get(kind.removeprefix(RATE_FACT))
        return rate is not None and any(
            rate.search(s) and _FIGURE.search(s) for s in sentences(text)
        )
    if kind.startswith(SPAN_FACT):
        return _covers_span(text, kind)
    if kind.startswith(YEAR_FACT):
        year = re.compile(rf"\b{kind.removeprefix(YEAR_FACT)}\b")
        return any(
            year.search(sentence) and (_FIGURE.search(sentence) or _TIME.search(sentence))
            # the year in the sentence of what it dates, not in when that was so
            for sentence in (_AS_OF.sub(" ", s) for s in sentences(text))
        )
    return _HOLDS[kind](text)


_SPAN_WORDS = {"jaar": "jaar|jaren", "maanden": "maand|maanden", "klassen": "klassen?|klas"}
_NUMBER_WORD = rf"(?:\d+|{'|'.join(_NUMBERS)}|een|één)"
# Between two numbers of a range ("3 tot 10 jaar", "2-5 jaar") or a list ("1, 2 of 3 jaar").
_SPAN_LINK = r"(?:\s*(?:,|of|en|tot|à|a|-|–)\s*)"


@lru_cache(maxsize=8)
def _spans_named(unit: str) -> re.Pattern[str]:
    """Numbers of a unit a passage names (alone, in a list or a range), with the word before
    them and the word after."""
    return re.compile(
        rf"(?:\b((?:jonger|minder|korter|ouder|meer|langer)\s+dan|\w+)\s+)?"
        rf"\b({_NUMBER_WORD}(?:{_SPAN_LINK}{_NUMBER_WORD})*)\s*-?\s*(?:{_SPAN_WORDS[unit]})\b"
        rf"(?:\s+(\w+)(?:\s+(\w+))?)?",
        re.IGNORECASE,
    )


# Words before a span that bound it: "maximaal 25 jaar", "de eerste zes maanden", "jonger
# dan vier jaar" hold any span up to theirs; "minstens 2 jaar", "ouder dan 3 jaar" any from.
_AT_MOST = frozenset("maximaal maximum max hoogstens tot eerste jonger minder korter".split())
_AT_LEAST = frozenset("minstens minimaal minimum vanaf ouder meer langer".split())
# A span named as a time, not as what a price is for: "in de laatste twee jaar", "na 24
# maanden", "drie jaar eerder", "twee jaar geleden"; or named again ("in die zes maanden").
_A_TIME_BEFORE = frozenset(
    "laatste afgelopen voorbije vorige na binnen sinds die deze dezelfde".split()
)
_A_TIME_AFTER = frozenset("eerder later geleden terug nadien oud oude".split())


@lru_cache(maxsize=8)
def _priced_per(unit: str) -> re.Pattern[str]:
    """A price per unit, which prices any number of them ("EUR 150 voor elke volgende
    klasse", "EUR 90 per jaar")."""
    return re.compile(
        rf"\b(?:per|elke|iedere)\s+(?:(?:extra|bijkomende|volgende)\s+)?(?:{_SPAN_WORDS[unit]})\b",
        re.IGNORECASE,
    )


def _names_word(text: str, word: str) -> bool:
    """Whether a text names a word of a question, hyphens aside ("i-DEPOT" names "idepot"),
    in its plural or singular too ("merken", "klas")."""
    stem = word[:-2] if len(word) > 5 and word.endswith("en") else word
    joined = re.sub(r"(?<=\w)[-'’](?=\w)", "", text)
    return bool(re.search(rf"\b{re.escape(stem)}", joined, re.IGNORECASE))


def _value(word: str) -> int:
    """The number a passage's number word writes ("10", "tien", "één")."""
    word = word.lower()
    return int(word) if word.isdigit() else 1 if word in ("een", "één") else _NUMBERS[word]


def _covers_span(text: str, kind: str) -> bool:
    """Whether a passage's prices hold the span of a ``"span 15 jaar"`` kind. Its sentences
    with a figure name that span, or a range or bound that holds it ("3 tot 10 jaar",
    "maximaal 25 jaar", "jonger dan vier jaar"), or price each one ("EUR 150 voor elke
    volgende klasse", "EUR 90 per jaar"), or name no span of that unit at all but as a time
    ("in de laatste twee jaar", "drie jaar eerder"): a visa's price holds for any short stay
    (of classes: the passage names none). A passage that prices other spans only lacks it: an
    i-DEPOT "van 5 jaar EUR 37 en van 10 jaar EUR 53" has no price for 15 years, a mark "voor 1
    klasse" none for three. (Read in one sentence with a figure, a span had been lacking
    wherever the term and its price were told apart, "Een model is 5 jaar geldig. ... EUR
    150", and in every range; read in any sentence, wherever a figure's sentence named a span
    of something else, "de eerste zes maanden" of the fixed book price.)"""
    span, *of = kind.removeprefix(SPAN_FACT).split(_SPAN_OF)
    if of and not _names_word(text, of[0]):
        return True  # a span of something the passage does not name: none of its prices
    number, unit = span.split()
    asked = int(number)
    priced = [s for s in sentences(_NOT_FREE.sub(" ", text)) if _FIGURE.search(s)]
    if any(_priced_per(unit).search(s) for s in priced):
        return True
    named = False
    for found in (m for s in priced for m in _spans_named(unit).findall(s)):
        before, numbers, after, then = (w.lower() for w in found)
        before = before.split(" ")[0]
        if before in _A_TIME_BEFORE or after in _A_TIME_AFTER:
            continue
        values = [_value(w) for w in re.findall(_NUMBER_WORD, numbers, re.IGNORECASE)]
        named = True
        if before in _AT_MOST and asked <= max(values):
            return True
        if (before in _AT_LEAST or (after == "of" and then in _AT_LEAST)) and asked >= min(
            values
        ):
            return True  # "minstens 2 jaar", "voor wie 12 jaar of ouder is"
        ranged = len(values) == 2 and (
            before == "tussen" or re.search(r"tot|à|\ba\b|-|–", numbers)
        )
        if asked in values or (ranged and min(values) <= asked <= max(values)):
            return True
    if unit == SPAN_UNITS["klassen"]:
        # Classes named at all are what a mark's price goes by: "verleng ... eventueel voor
        # een deel van je klassen, vanaf EUR 263" prices no three.
        named = named or bool(re.search(rf"\b(?:{_SPAN_WORDS[unit]})\b", text, re.IGNORECASE))
    return not named


def _holds_year_of(text: str, kind: str, asked: Collection[str]) -> bool:
    """Whether `text` holds the year of a ``"year ..."`` kind (`holds_fact`) in a sentence
    that dates something, or holds a fact of a kind asked with it that a year dates
    (`_DATED`), if any was: "de deadline in 2027" asks for a date of 2027, which "Creative
    Europe loopt van 2021-2027 met EUR 2,4 miljard" does not give (a figure of any kind beside
    the year had held it)."""
    dated = sorted(_DATED & set(asked))
    if not dated:
        return holds_fact(text, kind)
    year = re.compile(rf"\b{kind.removeprefix(YEAR_FACT)}\b")
    return any(
        year.search(sentence)
        and (_TIME.search(sentence) or any(_HOLDS[k](sentence) for k in dated))
        for sentence in (_AS_OF.sub(" ", s) for s in sentences(_NOT_FREE.sub(" ", text)))
    )


def missing_facts(asked: Collection[str], text: str) -> tuple[str, ...]:
    """The asked kinds of fact that `text` does not hold, in a fixed order: the specific kinds
    (a fine, a wait, a rate, the next date) before the general ones, the years last. A year is
    held where a sentence gives it with the dated kinds asked (`_holds_year_of`)."""
    kinds = [
        # The specific kinds before the general ones they come with ("hoeveel boete": what
        # is missing is the fine, not any amount), the years last.
        "fine",
        "wait",
        "average",
        *sorted(k for k in asked if k.startswith(RATE_FACT)),
        *sorted(k for k in asked if k.startswith(NEXT_FACT)),
        *(k for k in FACT_CUES if k not in ("fine", "wait", "average")),
        *sorted(k for k in asked if k.startswith(SPAN_FACT)),
        *sorted(k for k in asked if k.startswith(YEAR_FACT)),
    ]
    return tuple(
        kind
        for kind in kinds
        if kind in asked
        and not (
            _holds_year_of(text, kind, asked)
            if kind.startswith(YEAR_FACT)
            else holds_fact(text, kind)
        )
    )
