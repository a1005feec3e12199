import pytest

from assistant import messages
from assistant.analysis import STOPWORDS, content_tokens, surface_tokens, told_years
from assistant.conversation import Conversation
from assistant.core import CLAUSE
from assistant.intent import (
    SPAN_FACT,
    asked_facts,
    asks_for_a_desk,
    asks_for_a_time,
    asks_for_more,
    changes_subject,
    gives_a_sum,
    has_anaphor,
    holds_fact,
    is_english,
    message_smalltalk,
    missing_facts,
    names_nothing,
    names_only_a_sum,
    pointed_words,
    refers_back,
    smalltalk_kind,
    span_shown,
    subject_change_end,
    talk_kind,
    thanks_someone,
    without_formulas,
    work_subject,
)
from assistant.textrender import render_text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("hallo", "hello"),
        ("Goeiemorgen!", "hello"),
        ("bedankt voor de hulp", "thanks"),
        ("merci", "thanks"),
        ("help", "help"),
        ("wie ben jij?", "help"),
        ("test 123", "help"),
        ("wa kunde gij eigenlijk", "help"),
        ("wat kan je zoal?", "help"),
        ("kunde gij mij helpen met een winwinlening", None),
        ("hoe werkt dat eigenlijk?", None),
        ("hallo, wat kost een merk?", None),
        ("hoeveel is dat?", None),
        ("hoe vraag ik die aan?", None),
        ("wat is het weer morgen", None),
        ("hallooo", "hello"),
        ("heyyy daar", "hello"),
        ("goede morgen", "hello"),
        ("groetjes en tot straks", "bye"),
        ("tot ziens", "bye"),
        ("tot morgen", "bye"),  # "morgen" greets only as "goeiemorgen"
        ("doei!", "bye"),
        ("see you", "bye"),
        ("dag", "hello"),  # Flemish for hello and for goodbye: greeted back
        ("hallo, groetjes", "hello"),
        ("bedankt en tot ziens", "thanks"),
        ("tot hoeveel?", None),  # "tot" says goodbye only with "ziens", "straks", "later"
        # The formulas that close a chat: "tot de volgende" had got the volgrecht (0.84).
        ("tot de volgende", "bye"),
        ("Goed, dan laat ik het hierbij. Nog een prettige avond.", "bye"),
        ("Dat was het voor vandaag. Prettige avond nog en tot een volgende keer.", "bye"),
        ("schone dag nog", "bye"),
        ("tot de volgende deadline", None),
        # A reviewer's: greetings that are wishes too, and negations, are no farewells.
        ("Goede dag", "hello"),
        ("Goeiemorgen en een fijne dag, ik heb een vraagje", "hello"),
        ("ik laat het hierbij niet", None),
        ("nog ne schone dag", "bye"),
        ("Fijne dag verder!", "bye"),
        ("hallo, een fijne dag", "hello"),
        ("merci en tot de volgende keer hoor", "thanks"),
        ("wanneer is de volgende keer?", None),
        ("is een goede week om te verkopen een kwestie van btw?", None),
        ("tot wanneer?", None),
        ("ik heb een vraagje", "help"),
        # Whether someone helps asks who does; thanking for it does not.
        ("kan iemand mij helpen?", "help"),
        ("is er iemand die helpt?", "help"),
        ("can anyone help me?", "help"),
        # Asking whether anyone is there greets ("anyone home?" had got a passage on the
        # home, 0.88); a word of presence alone names a subject.
        ("is er iemand?", "hello"),
        ("iemand daar?", "hello"),
        ("is er iemand thuis?", "hello"),
        ("anyone home?", "hello"),
        ("hey, anybody around?", "hello"),
        ("is iemand aanwezig?", "hello"),
        ("werk ik thuis?", None),
        ("online verkopen", None),
        ("is er iemand die mijn contract kan nalezen?", None),
        ("bedankt, iemand heeft me geholpen", "thanks"),
        ("thank you very much", "thanks"),
        ("merciii, heel nuttig", "thanks"),
        ("ik heb een vraag over de btw", None),
        ("en hoe werkt dat?", None),
        ("dagske", "hello"),
        ("hoikes allemaal", "hello"),
        ("testjeee", "help"),
        ("merciekes", "thanks"),
        ("ok, begrepen", "thanks"),
        ("dank u, zeer helder", "thanks"),
        ("merci beaucoup", "thanks"),
        ("wat kost een merkje", None),
        ("is de btw-regel duidelijk", None),
        # Thanks that say how it helped, asking Wegwijzer about itself: had been questions
        # without an answer ("Daar heb ik geen betrouwbaar antwoord op").
        ("Dank je wel, dat helpt me echt verder.", "thanks"),
        ("merci he, tot de volgende keer", "thanks"),
        ("ben jij een echte persoon of een computer?", "help"),
        ("what kind of questions can you answer?", "help"),
        ("kunde gij mij efkes uitleggen wa ge allemaal doet?", "help"),
        ("thanks again", "thanks"),
        # Only when it addresses Wegwijzer, points at nothing said before and asks no kind of
        # fact; closing words only in their phrase: these follow up on a topic.
        ("kunde gij da efkes uitleggen?", None),
        ("weet jij hoeveel?", None),
        ("can you tell me how much?", None),
        ("kan jij mij vertellen wanneer ik moet beginnen?", None),
        ("merci, wat moet ik verder nog doen?", None),
        ("dank je, en verder?", None),
        ("bedankt, wanneer is de volgende keer?", None),
        # Praise undone by "niks" is no thanks.
        ("dat helpt niks", None),
        ("da helpt nikske", None),
    ],
)
def test_smalltalk_is_only_greetings_thanks_and_help(text, kind):
    assert smalltalk_kind(surface_tokens(text), STOPWORDS) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("/start", "help"),
        ("/help@WegwijzerBot", "help"),
        ("👍", "thanks"),
        ("👋", "hello"),
        ("hallo, ik heb een vraag", "help"),
        ("hoe werkt dit?", "help"),
        ("How does this work?", "help"),
        # Single letters are no tokens: "I have a question" reads as "have question".
        ("I have a question", "help"),
        ("How do I use you?", "help"),
        ("hoe gebruik ik jou?", "help"),
        ("hoi wegwijzer", "hello"),
        ("hoe gaat het?", "hello"),
        ("stop", "bye"),
        ("ja", "help"),
        ("sorry!", "help"),
        ("Dat was het!", "bye"),
        ("and in English please?", "language"),
        ("kan je in het engels antwoorden aub", "language"),
        ("is there English funding?", None),  # a question that names English
        # Asking to ask, and asking for French: "kan ik je iets vragen?" had got the
        # Cultuurloket, "werkt dit ook in het frans?" the BOIP (0.83).
        ("kan ik je iets vragen?", "help"),
        ("Can I ask you a question?", "help"),
        ("werkt dit ook in het frans?", "language"),
        ("en français?", "language"),
        ("welke subsidies zijn er voor franse tournees", None),
        # A question written in French or German: told that answers are Dutch and English
        # questions welcome, not "Daar heb ik geen betrouwbaar antwoord op".
        ("Comment protéger mes idées?", "language"),
        ("Wie schütze ich meine Marke in Belgien?", "language"),
        ("Kann ich eine Förderung für mein Projekt bekommen?", "language"),
        # Limburg dialect says "ich" (once or twice) and "mit": a question of its own, not
        # German (bug bash 8: six of a woodworker's questions had got the language reply).
        ("zit ich as eenmanszaak mit mien huis aansprakelijk", None),
        ("mot ich btw aanrekene as ich mer 20000 euro omzet heb", None),
        ("wa kriej ich as ich ziek bin as zelfstandige", None),
        ("wie is de contactpersoon van sabam", None),
        ("ik heb een vraag over mes en vorken", None),
        # About Wegwijzer itself: "wie heeft jou gemaakt?" had got Antwerp's "Kunst maakt de
        # stad" (0.71).
        ("wie heeft jou gemaakt?", "about"),
        ("Waar komt deze informatie vandaan?", "about"),
        ("wat doen jullie met mijn gegevens?", "privacy"),
        ("Tot de volgende keer!", "bye"),
        ("wie heeft de winwinlening gemaakt?", None),
        # An answer said to be wrong: read as a question, "dat klopt niet" had been sent to the
        # Cultuurloket as a question Wegwijzer has no answer to.
        ("dat klopt niet", "wrong"),
        ("That's wrong!", "wrong"),
        ("wat is er fout aan mijn factuur", None),
        # An answer that did not help or was not clear: "dat is niet duidelijk" had been read
        # as a follow-up and got the same passage again.
        ("dat is niet duidelijk", "wrong"),
        ("ik snap het niet", "wrong"),
        ("I don't understand", "wrong"),
        # Venting alone, after an answer: "dat is toch schandalig" had got the topic's
        # passage again (0.62).
        ("dat is toch schandalig", "wrong"),
        ("belachelijk", "wrong"),
        ("IK BEN HET KOTSBEU", "wrong"),  # with the topic, it had got the topic's passage
        ("merci maar dat is nutteloos", "wrong"),
        ("waardeloze uitleg", "wrong"),
        # Fault found in other words: each had been sent to the Cultuurloket as a question.
        ("Uw antwoord is onvolledig.", "wrong"),
        ("je snapt er echt niks van", "wrong"),
        ("da was echt ni nuttig", "wrong"),
        ("wtf da klopt ni", "wrong"),
        ("dees is ni wat ik zocht", "wrong"),
        ("This answer is useless", "wrong"),
        ("you don't get it", "wrong"),
        # Not a question whether something is wrong, nor a fault in a thing of the domain or
        # in the user's own.
        ("is dat fout?", None),
        ("klopt dat niet?", None),
        ("mijn antwoord was fout", None),
        # Bug bash 6: one word more than the lists held.
        ("nutteloos antwoord man", "wrong"),
        ("useless answer tbh", "wrong"),
        ("Dit antwoord heeft mij niet geholpen, jammer.", "wrong"),
        ("Hartelijk dank voor uw duidelijke uitleg.", "thanks"),
        ("what can I do?", None),  # "what can u do" reads the same: one-letter words drop
        ("heyy 👋", "hello"),
        # Asking to ask: "enkele vragen stellen" had got the VAT customer listing (0.74).
        ("Goedemiddag, mag ik u enkele vragen stellen?", "help"),
        ("de factuur klopt niet", None),
        ("mijn boekhouder snapt er niks van", None),
        ("wat als het niet klopt?", None),
        # Thanks with praise for the answer, not a question: it had been refused.
        ("ok bedankt, eindelijk een deftig antwoord", "thanks"),
        # Praise negated or in a condition is no thanks: "en als dat niet helpt?" (what to do
        # when the letter to an infringer does not work) had been thanked for.
        ("en als dat niet helpt?", None),
        ("dat helpt, bedankt", "thanks"),
        # Asking who helps is no praise: "wie helpt mij?" had been thanked for.
        ("wie helpt mij?", "help"),
        # "alstublieft" is courtesy, not a word of a question: "help alstublieft" had been a
        # question about "alstublieft".
        ("help alstublieft", "help"),
        ("hoeveel kost een merk alsjeblieft", None),
        # Taking an answer in: "I see" had said goodbye, "goed om te weten" got the topic's
        # answer again.
        ("I see", "thanks"),
        ("goed om te weten", "thanks"),
        ("got it", "thanks"),
        ("Ah oké, goed om te weten!", "thanks"),  # opened by "ah", "ok", "super"
        ("oké, en wat kost een model?", None),
        ("see you", "bye"),
        ("super, dat helpt", "thanks"),
        ("nee dank je", "thanks"),
        # Thanks that say the answer helped, or what the user will do now; not thanks that
        # ask on, announce a question or name a subject.
        ("thanks, that helped", "thanks"),
        ("ok thanks, that's what I needed", "thanks"),
        ("bedankt, ik ga ze bellen", "thanks"),
        ("hartelijk dank voor je antwoord", "thanks"),
        ("merci, kan ik ook online aanvragen", None),
        ("bedankt, en hoeveel kost dat", None),
        ("thanks, and for a vzw", None),
        ("merci, ik heb nog een vraag over de btw", None),
        ("dank u, de startlening van pmv", None),
        ("bedankt, dat is wat ik zocht", "thanks"),
        ("super, iemand heeft me al geholpen", "thanks"),  # told, not asked
        # Thanks before a question without its question mark, or undone by "niet".
        ("ok, kan ik ze bellen", None),
        ("thanks, can I call them", None),
        ("merci, ik zoek nog info", None),
        # ... and says the answer did not help: read as a question, "dit helpt me niet verder"
        # had got the artist's status (0.87).
        ("ik snap het nog niet", "wrong"),
        ("ok, dat helpt me niet verder", "wrong"),
        ("got it?", None),
        ("...", "help"),
        ("🤷", "help"),
        # A follow-up or a question with a subject is no smalltalk.
        ("hoe werkt dat?", None),
        ("hoe vraag ik die aan?", None),
        ("hoe werkt het cultuurkrediet?", None),
        ("ik heb een vraag over de winwinlening", None),
        ("/vergeet alles", None),
        # Said to someone ("bedankt man", "hey man"): "man" had got the SBKs, whose keywords
        # hold "manpower" (0.93).
        ("bedankt man", "thanks"),
        ("thx broer", "thanks"),  # "broer" is "familie", which had got the winwinlening
        ("merci zus", "thanks"),
        ("mijn broer wil me geld lenen", None),
        # Bug bash 7: each had been refused as a question.
        ("merci he, goed uitgelegd", "thanks"),
        ("Hartelijk dank voor uw uitgebreide antwoord.", "thanks"),
        ("da klopt nie wa ge zegt", "wrong"),
        ("Uw vorige antwoord was helaas niet correct.", "wrong"),
        ("je antwoord is te vaag", "wrong"),
        ("Dit snap ik niet, kun je het anders uitleggen?", "wrong"),
        ("snap je het niet?", None),  # asks whether someone else gets it
        ("ge zegt dat het gratis is maar het klopt niet", None),  # says what it is about
        ("Kunt u mij vertellen waarmee u mij allemaal kunt helpen?", "help"),
        ("wat weet jij allemaal?", "help"),
        ("wat weet jij over sabam?", None),
        ("weet jij hoeveel het kost?", None),
        ("kan je mij vertellen wat een winwinlening is", None),
        # Bug bash 8: dialect, "veelmaals", "slaat nergens op", the user's own question.
        ("merci veelmaals", "thanks"),
        ("merci veulmaols", "thanks"),
        ("gojemiddag", "hello"),
        ("da antwoord klopt neet hè", "wrong"),
        ("das echt ni wat ik vroeg bro", "wrong"),
        ("Dit slaat nergens op.", "wrong"),
        ("Uw vorige antwoord beantwoordde mijn vraag niet.", "wrong"),
        ("mijn factuur klopt niet", None),  # still the user's own thing
        ("Wat kan ik je allemaal vragen?", "help"),
        ("wat kan ik vragen over de btw?", None),
        # Second review: the user's own question answered, or not.
        ("thanks, that answered my question", "thanks"),
        ("dat beantwoordde mijn vraag, merci", "thanks"),
        ("bedankt, nog een vraag", None),  # announces one
        ("dat is geen antwoord op mijn vraag", "wrong"),
        ("this did not answer my question", "wrong"),
        ("sabam geeft geen antwoord", None),
        # Asking how it is doing or what it can do, with "je" or a word for the service.
        ("hoe is het met je?", "hello"),
        ("wat kun je voor mij doen?", "help"),
        ("Hoe werkt deze chatbot?", "help"),
        # (after a topic, "waarvoor dient dit?" asks about the topic: see
        # `test_a_question_after_a_topic_is_no_complaint_or_help_request`)
        ("waarvoor dient dit?", "help"),
        ("hoe werkt deze dienst?", "help"),
        ("hey man", "hello"),
        ("thx man 👍", "thanks"),
        ("mijn man is fotograaf, kan hij een kunstwerkattest krijgen?", None),
        ("en voor mijn man?", None),  # only right after a greeting or thanks
        ("en als gast?", None),
        # New here, or who one is after a greeting: "ik ben nieuw hier" had got the novelty
        # of a design (0.83), "hallo ik ben fotograaf" the VAT on works of art (0.78).
        ("Goedemorgen, ik ben nieuw hier.", "hello"),
        ("ik ben nieuw hier", "hello"),
        ("hallo ik ben fotograaf", "hello"),
        ("hallo, ik ben een illustrator", "hello"),
        ("hallo, ik ben nen fotograaf", "hello"),
        ("hi, I'm a photographer", "hello"),
        ("ik ben fotograaf", None),  # may answer a question, or go with the one before
        # With a town, a name as written or an age the introduction stays one ("Goeiemiddag!
        # Ik ben Hilde, keramiste uit Kessel-Lo." had been refused); anything more is a question.
        ("hoi ik ben illustrator uit gent", "hello"),
        ("Goeiemiddag! Ik ben Hilde, keramiste uit Kessel-Lo.", "hello"),
        ("Dag! Ik ben Tom, illustrator in Antwerpen", "hello"),
        ("hallo ik ben Jan en ik zoek een lening", None),
        ("Hallo, ik ben Jan. Subsidies voor film", None),  # "Subsidies" begins a sentence
        ("hoi, ik ben keramiste uit Leuven, hoe bescherm ik mijn ontwerpen?", None),
        # A capitalised word is a name only right after "ik ben", a town only after "uit".
        ("Hallo, ik ben muzikant, Sabam", None),
        ("Dag, ik ben fotograaf, Kunstwerkattest", None),
        ("Goedemiddag, ik ben Lies, Zelfstandige in Bijberoep", None),
        ("Hallo, ik ben kunstenaar in Brussel en VGC", None),
        ("hallo, mijn naam is Ahmed, fotograaf uit Antwerpen", "hello"),
        # Too long, too general, too slow: a complaint, as "te vaag" was; "ons" is the object
        # of "helpt ons niet", not the user's own thing.
        ("Dat helpt ons niet echt verder hé, veel te algemeen.", "wrong"),
        ("ik snap er niks van, je antwoorden zijn veel te lang", "wrong"),
        ("je bent echt traag vandaag he", "wrong"),
        ("that answer is way too long", "wrong"),
        ("hoe lang", None),
        # Too long or slow said of the subject, not of the answer or of Wegwijzer.
        ("is dat niet te lang", None),
        ("is that too long", None),
        ("dat is te kort", None),
        ("waarom gaat het zo traag", None),
        # A comment alone, with no question mark, is one on the answer.
        ("te algemeen", "wrong"),
        ("veel te technisch", "wrong"),
        ("too complicated", "wrong"),
        ("te lang?", None),
        ("ons budget is te klein", None),
        ("dat helpt ons niet, hoe krijgen we dan een lening?", None),
        # Talk about the language the user writes in.
        ("hi! you speak english? my dutch is not so good", "language"),
        ("sorry, mijn Nederlands is niet zo goed", "language"),
        ("my dutch is not so good, how do I register a company?", None),
        ("is de oproep ook in het engels", None),
        # Only with a verb of speaking or the user's own language: after a topic these ask
        # whether an application may be in English.
        ("ook in het engels?", None),
        ("english or dutch", None),
        ("do you understand english", "language"),
        ("sorry, can you reply in english?", "language"),
        ("please write in english", "language"),
        # Asking whether one may write or ask in English: "is it ok to write in English?" and
        # "mag ik hier in het engels schrijven?" had got KIOSK's applications (0.94 to 0.98),
        # which may be in English; an application written in English is still asked about.
        ("is it ok to write in English?", "language"),
        ("can I ask my questions in English?", "language"),
        ("mag ik hier in het engels schrijven?", "language"),
        ("mag ik mijn aanvraag in het engels schrijven?", None),
        ("mag dat in het engels?", None),
        # (a reviewer's: after an application they ask in which language it may be)
        ("mag ik het in het engels schrijven?", None),
        ("can I write it in English?", None),
        ("Hallo, ik ben Jan Peeters, fotograaf", None),  # a surname may be a subject's word
        ("Wat kan je allemaal beantwoorden?", "help"),
        # Bug bash 11's conversations: what thanks says of the answer, a chat gone wrong.
        ("ok dat is al duidelijker, merci", "thanks"),
        ("jammer. toch bedankt", "thanks"),
        ("merci, interessant", "thanks"),
        ("jammer dat het niet lukt, bedankt", None),
        ("sorry verkeerde chat 😅", "bye"),
        ("ge zijt ni echt behulpzaam he", "wrong"),
        ("Spreekt ge ook Frans?", "language"),
        # Bug bash 12's English speakers: thanks as they say it, greetings from home.
        ("Right, cheers for that.", "thanks"),  # had got PlayRight (0.89)
        ("Lovely, much obliged.", "thanks"),
        ("obrigado!! very helpful", "thanks"),
        ("Thank you very much for the detailed reply.", "thanks"),
        ("Namaste! May I ask a few questions?", "help"),
        ("oi! tudo bem? you speak english right?", "language"),
        ("right, what is the rate?", None),
        ("perfect, how much does the i-depot cost?", None),
        ("lovely design, can I protect it?", None),
        # Words on the answer are thanks only beside a thanking word and without a question
        # mark; "obliged" is "verplicht" unless "much obliged"; "ciao" says goodbye.
        ("ok, kan het duidelijker?", None),
        ("ok, maar wat is het antwoord?", None),
        ("perfect, is that right for me?", None),
        ("is it obliged?", None),
        ("much obliged", "thanks"),
        ("ciao", "bye"),
        ("ola, como vai?", "hello"),
        ("nee, dat is alles", "bye"),
        ("nee, ik zoek iets anders", "wrong"),
        ("nee, ik heb geen vragen meer, bedankt", "bye"),
        ("nee, niet meer dan 10 dagen?", None),
        ("thanks, much obliged", "thanks"),
        # Bug bash 10 (taken before it was worked from): more ways to find fault, greet and
        # ask whether one may ask.
        ("Uw vorige antwoord was veel te ingewikkeld, ik versta er niks van.", "wrong"),
        ("Je geeft telkens hetzelfde antwoord, daar schiet ik niks mee op.", "wrong"),
        ("geeft sabam altijd hetzelfde bedrag?", None),
        ("selam, goeiedag", "hello"),
        ("Goedemorgen! Kan ik hier ook als Nederlander terecht met vragen?", "help"),
        ("Goedendag, ik had graag enkele vragen gesteld.", "help"),
        # Bug bash 13 (taken before it was worked from): "Salam" had been corrected to Sabam
        # (0.88), "Met wie heb ik het genoegen?" got the infringement evidence (0.74).
        ("Salam, goedenavond", "hello"),
        ("شكرا، dank je wel!", "thanks"),
        ("Met wie heb ik eigenlijk het genoegen?", "about"),
        ("Hoi! Ik heb even een paar vragen.", "help"),
        ("Goedendag. Ik zou u graag enkele vragen stellen, als dat past.", "help"),
        ("wat kost een merk, als dat mag?", None),
        # A fifth reviewer: "geeft niet" is never mind, no fault found.
        ("Geeft niet, ik snap het al", None),
        ("can i ask you a question if that is ok", "help"),
        ("hallo ik ben fotograaf, moet ik btw aanrekenen?", None),
        ("kheb een vraag", "help"),
        # More makers, an Antwerp "ik zen", and kind words after thanks.
        ("hallo, ik ben tekenaar", "hello"),
        ("hallo, ik zen ne tekenaar", "hello"),
        ("Dank u, u bent heel vriendelijk", "thanks"),
        # A condition about what was said asks on: it had been read as asking for help.
        ("en als hij dat niet doet?", None),
        ("niet echt", "help"),  # no condition of anything said
        ("wat doet u?", "help"),
        ("wat doen jullie?", "help"),
        ("hoe schat ik dat in?", None),  # estimating, not a darling
        ("merci, ge zijt ne schat", "thanks"),  # with thanks, it is one
    ],
)
def test_a_message_may_be_smalltalk_as_a_command_emoji_or_a_whole_phrase(text, kind):
    assert message_smalltalk(text, surface_tokens(text), STOPWORDS) == kind


def test_a_subject_on_the_line_after_an_introduction_is_asked(assistant):
    # The bots join lines with a space: "Kunstenaarsstatuut" was read as a second name.
    assert assistant.read("Hallo, ik ben Jan\nKunstenaarsstatuut").smalltalk is None
    assert assistant.read("Hallo, ik ben Jan").smalltalk == "hello"


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("how do I register a trademark in Belgium", True),
        ("what does an i-depot cost", True),
        ("hoe registreer ik een merk", False),
        ("film subsidie aanvragen", False),
        ("is de winwinlening in 2024 veranderd", False),
    ],
)
def test_english_is_recognised_by_its_function_words(text, english):
    assert is_english(surface_tokens(text), {"trademark", "cost"}) is english


def test_words_that_point_back_make_a_follow_up_possible():
    assert refers_back(surface_tokens("wie beheert dat?"))
    assert refers_back(surface_tokens("kan ik daarvoor ook een lening krijgen"))
    assert refers_back(surface_tokens("en voor een serie?"))
    assert not refers_back(surface_tokens("wat is screen flanders"))


def test_what_about_opens_a_continuation_as_en_does(assistant):
    assert refers_back(surface_tokens("what about a Switch port?"))
    assert refers_back(surface_tokens("how about the performing arts?"))
    assert not refers_back(surface_tokens("what is the tax shelter about?"))
    # Read alone it names nothing the corpus knows enough of ("Switch", "Japanese"), and had
    # been refused; it asks about the game fund named before.
    conversation = Conversation(assistant)
    conversation.ask(
        "is there any flemish money to help fund our game? we're a 4-person BV in Leuven"
    )
    answer = conversation.ask(
        "what about post-launch stuff, like a Switch port and localisation into Japanese?"
    )
    assert answer.answered and answer.passages[0].id == "vaf-gamefonds"


def test_an_anaphor_is_a_word_that_stands_for_something_named_before():
    assert has_anaphor(surface_tokens("wie beheert dat?"))
    assert has_anaphor(surface_tokens("wie mag mij zo'n lening geven?"))
    assert has_anaphor(surface_tokens("bij wie vraag ik zoiets aan?"))
    # Every "er-", "daar-" and "hier-" with a preposition stands for it: "welke disciplines
    # vallen eronder?" after the tax shelter was refused as a question of its own (0.23).
    for question in (
        "welke disciplines vallen eronder?",
        "kan ik daarnaast nog iets opbouwen?",
        "wat staat erop?",
        "wie zit erachter?",
        "valt mijn werk hieronder?",
        "wat als ik erboven ga?",
    ):
        assert has_anaphor(surface_tokens(question)), question
    # Not "dergelijke" and "such": "en dergelijke", "such as" point at nothing before.
    assert not has_anaphor(surface_tokens("subsidies voor theater, dans en dergelijke"))
    assert not has_anaphor(surface_tokens("en de cofinanciering?"))


def test_a_possessive_pronoun_points_back():
    # "wat zijn hun openingsuren?" after BOIP: whose hours, the question does not say.
    assert has_anaphor(surface_tokens("wat zijn hun openingsuren?"))
    assert has_anaphor(surface_tokens("kan ik hen bellen?"))
    assert has_anaphor(surface_tokens("what is their address?"))
    assert has_anaphor(surface_tokens("what are its conditions?"))


def test_a_pronoun_for_a_person_the_question_names_points_at_nothing_before():
    # "die" after "voor mijn dochter" opens a relative clause, and "ze" after "mijn moeder" is
    # the mother: after a topic, both questions had been read as follow-ups and bent to it.
    assert not has_anaphor(
        surface_tokens("hoe vraag ik een studiebeurs aan voor mijn dochter die naar de unief gaat?")
    )
    assert not has_anaphor(
        surface_tokens("mijn moeder gaat met pensioen, wanneer krijgt ze haar eerste betaling?")
    )
    assert not has_anaphor(surface_tokens("my parents lent me money, do they get a tax credit?"))
    # After an indefinite article, "die" opens a relative clause, unless only a verb that
    # opens the question stands before the article (below).
    assert not has_anaphor(
        surface_tokens("ik heb een dochter die gaat studeren, kan ze een studiebeurs krijgen?")
    )


def test_a_pronoun_near_a_person_may_still_point_back():
    # Without a person of its own, "ze" points back.
    assert has_anaphor(surface_tokens("wanneer krijgt ze haar eerste betaling?"))
    # After a verb, "die" is the object: what was named before ("krijgt mijn dochter die
    # ook?" after the cultuurkrediet).
    assert has_anaphor(surface_tokens("krijgt mijn dochter die ook?"))
    # So after a verb and an indefinite article ("can a colleague get it too?").
    assert has_anaphor(surface_tokens("kan een collega die ook krijgen?"))
    assert has_anaphor(surface_tokens("krijgt een werkgever die terug?"))
    # Right after the person, "ze" is the object; "them" after one person is not that person.
    assert has_anaphor(surface_tokens("kan mijn partner ze ook aftrekken?"))
    assert has_anaphor(surface_tokens("can my daughter apply for them too?"))
    # "my own boss" is being self-employed, no person "they" could stand for.
    assert has_anaphor(surface_tokens("i want to be my own boss, can they help me?"))
    # A pronoun that opens the question has no person before it.
    assert has_anaphor(surface_tokens("ze zeggen het ook bij mijn moeder, klopt het?"))
    assert has_anaphor(surface_tokens("hem moet ik dus mailen, mijn vriend zegt van wel?"))


def test_dan_after_the_subject_means_in_that_case():
    # "krijg ik dan korting?" asks about what was said before.
    for question in (
        "krijg ik dan korting?",
        "moet hij dan nog btw-aangiftes indienen?",
        "welk alternatief hebben wij dan, als wij niet erkend zijn?",
        "zijn er dan nog kosten?",
    ):
        assert has_anaphor(surface_tokens(question)), question
    # Not the case of a condition the question sets itself, nor the step after its own first
    # one (a reviewer: "als ik een vzw oprich, heb ik dan een boekhouder nodig?" was bent to
    # whatever topic came before); nor "dan" that compares or orders.
    for question in (
        "als ik een vzw oprich, heb ik dan een boekhouder nodig?",
        "indien ik stop, krijg ik dan een uitkering?",
        "eerst registreer ik, dan vraag ik een merk aan",
        "ik verdien meer dan 20.000 euro per jaar",
        "is een bv beter dan een eenmanszaak",
        "eerst de aanvraag indienen, dan de beslissing afwachten",
    ):
        assert not has_anaphor(surface_tokens(question)), question


def test_a_question_on_its_own_is_not_bent_by_a_dan_or_a_pronoun_for_a_person(assistant):
    # A reviewer's probes, after the bridging right: "dan" after a condition of the question's
    # own, and "his" after a trade ("his", "her", "he" do not point back: unlike "ze" and
    # "hem", they most often stand for a person the question names by a trade or role).
    topic = "Heeft een zelfstandige die zijn zaak moet stopzetten recht op een overbruggingsrecht?"
    for question in (
        "als ik een vzw oprich, heb ik dan een boekhouder nodig?",
        "als ik mijn muziek op spotify zet, krijg ik dan auteursrechten?",
        "how can a musician protect his songs?",
        "can a freelancer get a loan for his business?",
    ):
        conversation = Conversation(assistant)
        conversation.ask(topic)
        answer = conversation.ask(question)
        assert not any(p.id.startswith("overbruggingsrecht") for p in answer.passages), question


def test_a_follow_up_whose_dan_points_at_the_topic_is_read_with_it(assistant):
    # Read alone, "ik ben pas ... in hoofdberoep" names a subject of its own (it had the
    # primostarter's reduced contributions, 0.91); "dan" says it asks about the topic: whether
    # the user qualifies for the bridging right.
    conversation = Conversation(assistant)
    conversation.ask(
        "Heeft een zelfstandige die zijn zaak moet stopzetten recht op een overbruggingsrecht?"
    )
    answer = conversation.ask(
        "ik ben pas sinds vorig jaar zelfstandige in hoofdberoep, kom ik dan al in aanmerking?"
    )
    assert answer.answered and answer.passages[0].id.startswith("overbruggingsrecht")


def test_a_demonstrative_before_a_unit_of_time_points_at_the_present(assistant):
    # "dit jaar", "dit weekend" made questions about income tax and a film festival follow-ups
    # of the VAT reform and of Flanders Image, and they were answered on those.
    assert not has_anaphor(surface_tokens("tegen wanneer moet ik dit jaar mijn aangifte doen?"))
    assert not has_anaphor(surface_tokens("welke films draaien er deze week in gent?"))
    assert not has_anaphor(surface_tokens("can I still apply this year?"))
    assert has_anaphor(surface_tokens("waar moet ik die kaart aanvragen?"))
    assert has_anaphor(surface_tokens("hoeveel is dat dit jaar?"))
    conversation = Conversation(assistant)
    conversation.ask("hoe kan ik promotiesteun krijgen voor mijn film op een festival?")
    answer = conversation.ask(
        "welke films draaien er dit weekend op het filmfestival van oostende?"
    )
    assert not answer.answered


def test_how_long_a_procedure_takes_is_a_fact_of_its_own():
    # Asked by a phrase: how long it takes, not how long something lasts or is valid.
    for question in (
        "hoe lang duurt het voor pmv beslist over mijn startlening",
        "hoelang moet ik wachten op een beslissing",
        "hoe snel beslist FIT",
        "hoe lang duurt de behandeling van mijn aanvraag",
        "how long does boip take to register a design",
        "how soon will I hear back",
        "binnen hoeveel weken beslist hefboom",
        "hoe lang duurt het voordat ik mijn octrooi krijg",
        "hoe lang duurt de beoordeling van mijn dossier",
        "how long after the deadline does VLAIO decide",
    ):
        assert "wait" in asked_facts(surface_tokens(question)), question
    for question in (
        "hoe lang duurt de bescherming van een merk",
        "hoe lang is een merk geldig",
        "how long does protection last",
        "tegen wanneer moet ik het aanvragen",
        "binnen hoeveel dagen ziekenfonds en sociaal verzekeringsfonds",
        # A waiting period is a term: "24 maanden" answers it, with no procedure beside it.
        "hoelang moet ik wachten voor ik een nieuwe kan aanvragen",
        "how long do I have to wait before I can apply again",
    ):
        assert "wait" not in asked_facts(surface_tokens(question)), question
    # A span of days, weeks or months beside what takes it holds it; a term the user has, or
    # one of years, does not.
    assert holds_fact("De doorlooptijd is ongeveer 30 dagen.", "wait")
    assert holds_fact("De beslissing volgt tot 3 maanden na de indiendatum.", "wait")
    assert not holds_fact("Na afloop dien je binnen 3 maanden een verantwoording in.", "wait")
    assert not holds_fact("Een merk is 10 jaar geldig en wordt daarna verlengd.", "wait")


def test_what_is_said_not_to_be_free_has_no_price():
    # "niet gratis" names no price and no figure: the passage says it costs, not how much.
    not_free = "Een ATA-carnet is niet gratis: je betaalt een vast bedrag en een deel naar waarde."
    assert not holds_fact(not_free, "amount")
    assert holds_fact(not_free, "cost")  # that you pay: whether it costs is answered
    assert holds_fact("Deelnemen is gratis.", "amount")
    assert holds_fact("Een NDA kost EUR 15, niet gratis dus.", "amount")
    assert not holds_fact("Het is niet meer gratis.", "amount")
    assert not holds_fact("Een niet-gratis dienst.", "amount")


def test_what_is_usual_is_a_fact_of_its_own(assistant):
    # "gemiddeld", "typically": a figure said to be usual or approximate answers it, not any
    # figure ("hoeveel thuiskopievergoeding krijgt een fotograaf gemiddeld per jaar via sofam"
    # had SOFAM's membership fee answer it, 0.99).
    # A mean that names a figure asks none, nor does a mean asked beside no figure.
    asked = {
        "hoeveel commissie vraagt een galerie gemiddeld?": True,
        "what percentage do tax shelter intermediaries typically take?": True,
        "hoe lang duurt een modelregistratie gemiddeld": True,
        "hoeveel bedraagt het gewaarborgd gemiddeld minimum maandinkomen": False,
        "hoe wordt het gemiddelde inkomen berekend voor de sociale bijdragen": False,
        "how is the average income calculated": False,
        "what does a typical contract look like": False,
    }
    assert {q: "average" in asked_facts(surface_tokens(q)) for q in asked} == asked
    assert holds_fact("Een galerie vraagt doorgaans 30 tot 50% commissie.", "average")
    assert holds_fact("De registratie duurt ongeveer 4 weken.", "average")
    assert holds_fact("Reken op zo'n 40% commissie.", "average")
    assert not holds_fact("Lid worden kost eenmalig EUR 123,95.", "average")
    assert not holds_fact("Vraag gerust hoeveel een galerie gemiddeld vraagt.", "average")
    assert not holds_fact("Meestal vul je formulier 276 in.", "average")
    assert not holds_fact("Minstens het gewaarborgd gemiddeld minimum maandinkomen.", "average")
    answer = assistant.ask("hoeveel thuiskopievergoeding krijgt een fotograaf gemiddeld via sofam")
    assert answer.outcome in ("partial", "not_answered")


def test_how_high_a_fine_is_is_a_fact_of_its_own():
    for question in (
        "hoe hoog is de boete als ik te laat ben",
        "wa is de boete als een galerie ni meldt",
        "hoeveel boete krijg ik",
        "what penalty am i looking at?",
        "how big is the fine for a venue",
    ):
        assert "fine" in asked_facts(surface_tokens(question)), question
    # Whether there is a fine is asked with no figure in mind.
    for question in ("krijg ik automatisch een boete als ik te laat ben", "is the fine automatic?"):
        assert "fine" not in asked_facts(surface_tokens(question)), question
    assert holds_fact("Anders komt er 3% verhoging per kwartaal bij.", "fine")
    fined_elsewhere = "Dien je te laat in, dan volgt de boete automatisch. Dat kost EUR 50."
    assert not holds_fact(fined_elsewhere, "fine")


def test_a_percentage_is_a_fact_of_its_own():
    for question in ("hoeveel procent krijg ik terug", "what percentage do they keep"):
        assert "share" in asked_facts(surface_tokens(question)), question
    # A share the question states asks none ("factureren aan 15%" is read as "15 procent").
    assert "share" not in asked_facts(surface_tokens("ik factureer aan 15 procent, mag dat"))
    assert holds_fact("Kleine ondernemingen krijgen 30% terug.", "share")
    assert holds_fact("De subsidie dekt de helft van de kosten.", "share")
    assert not holds_fact("Voor je derde werknemer in het derde jaar geldt EUR 1.000.", "share")
    # An amount in euro is no share: it had answered how many applications are granted.
    assert not holds_fact("Een beurs opkomend talent is EUR 7.500.", "share")
    assert missing_facts({"amount", "share"}, "Een beurs is EUR 7.500.") == ("share",)


def test_a_year_is_held_by_what_it_dates_not_by_when_a_statement_was_so():
    # "(stand januari 2026)" says when the sentence was true; it gives no figure for 2026.
    announced = "Voor 2026 is een inperking aangekondigd, nog niet definitief (stand januari 2026)."
    assert not holds_fact(announced, "year 2026")
    assert not holds_fact("Dat bedrag geldt nog (stand 19 oktober 2023).", "year 2023")
    assert holds_fact("Voor inkomsten 2026 bedraagt het plafond EUR 77.000.", "year 2026")
    assert holds_fact("De oproep sluit op 15 maart 2026 (stand januari 2026).", "year 2026")


def test_a_figure_asked_per_month_hour_day_or_page_is_a_fact_of_its_own():
    assert "per maand" in asked_facts(surface_tokens("hoeveel euro per maand krijg ik"))
    assert "per uur" in asked_facts(surface_tokens("what hourly rate should i charge"))
    assert "per dag" in asked_facts(surface_tokens("how much is the daily benefit"))
    assert "per pagina" in asked_facts(surface_tokens("how much per page for a translation"))
    # Asked by what it is: "what is the monthly benefit", "welk uurloon" ask a sum per unit.
    for question, unit in (
        ("what is the monthly bridging right benefit in 2026", "per maand"),
        ("wat is de maandelijkse uitkering van het overbruggingsrecht", "per maand"),
        ("welk uurloon vraagt een startende fotograaf", "per uur"),
    ):
        assert {"amount", unit} <= asked_facts(surface_tokens(question)), question
    # Not without a figure asked, nor per quarter or year, which the passages give as ceilings.
    assert not asked_facts(surface_tokens("is er een maandelijkse tegemoetkoming"))
    assert not asked_facts(surface_tokens("ik betaal maandelijks, wat moet ik doen?"))
    # A rate word asks a sum only of a sum: not of a return, a deadline or documents.
    for question in (
        "wat is de maandelijkse btw-aangifte",
        "welke documenten moet ik maandelijks indienen",
    ):
        assert "amount" not in asked_facts(surface_tokens(question)), question
    assert asked_facts(surface_tokens("hoeveel sociale bijdragen per kwartaal")) == {"amount"}
    assert holds_fact("Je krijgt een vast dagbedrag: EUR 60,56 als alleenstaande.", "per dag")
    assert holds_fact("Reken vanaf ongeveer EUR 30 tot 35 per uur.", "per uur")
    # "maandelijks" with no figure beside it, or a figure of another unit.
    assert not holds_fact(
        "De EU geeft een maandelijkse tegemoetkoming. Deelname duurt 6 maanden.", "per maand"
    )
    assert not holds_fact("Je krijgt EUR 30 per uur.", "per maand")


def test_a_sum_a_bounded_number_and_a_time_before_are_read_as_asked():
    def asked(question):
        return asked_facts(surface_tokens(question))

    # A sum named after an article asks none; one asked for does.
    assert asked("kan ik een vast bedrag aftrekken als zelfstandige") == set()
    assert asked("welk bedrag kan ik lenen") == {"amount"}
    assert asked("wat is het bedrag van de premie") == {"amount"}
    # The whole sum one asks to deduct asks none, in either language; a whole sum asked for
    # does, and so does a sum searched for ("het bedrag van de startlening").
    assert asked("mag ik het volledige bedrag dit jaar als kosten aftrekken") == set()
    assert asked("can i put the whole amount as cost this year") == set()
    assert asked("what is the whole amount") == {"amount"}
    assert asked("how much is the amount i can borrow") == {"amount"}
    assert asked("het bedrag van de startlening") == {"amount"}
    assert asked("total amount of the startlening") == {"amount"}
    # "a minimum number of ...": a number of things, not a sum.
    assert asked("is er een minimum aantal werken") == {"count"}
    assert asked("maximum bedrag winwinlening") == {"amount"}
    # "hoeveel op voorhand": how long before, a term.
    assert asked("hoeveel op voorhand moet ik het doorgeven") == {"deadline"}
    assert asked("how far in advance do i need to notify them") == {"deadline"}
    assert asked("hoeveel op een jaar verdien ik") == {"amount"}


def test_the_next_date_is_one_of_the_knowledge_bases_year_or_later():
    def asked(question):
        return asked_facts(surface_tokens(question), 2026)

    assert "next 2026" in asked("wanneer is de volgende oproep van de groeisubsidie")
    assert "next 2026" in asked("when is the next deadline for the game fund")
    # An award or a festival has dates too: the passage gives 2022's edition only.
    question = "Wanneer kun je inschrijven voor de volgende Henry van de Velde Awards?"
    assert "next 2026" in asked(question)
    # A compound ending in a dated thing is one (the fifteenth bug bash's, answered at 0.82).
    question = "Wanneer is de volgende inschrijvingsdeadline voor de Henry van de Velde Awards?"
    assert "next 2026" in asked(question)
    # Not the user's own next festival or fair (a fifth reviewer's probes).
    question = (
        "ik toon mijn ringen op de volgende beurs, tegen wanneer moet ik mijn model deponeren?"
    )
    assert not any(k.startswith("next") for k in asked(question))
    question = "voor ons volgende festival: wanneer moet de zangeres haar werkvergunning hebben?"
    assert not any(k.startswith("next") for k in asked(question))
    # "volgende maand" tells a time; without the knowledge base's year nothing is asked.
    assert "next 2026" not in asked("tot wanneer kan ik aanvragen, we draaien volgende maand")
    assert not any(k.startswith("next") for k in asked_facts(surface_tokens("volgende oproep?")))
    # "dit jaar" names the knowledge base's year: its figure, or a date still to come.
    assert asked("welke rentevork geldt er dit jaar voor een winwinlening") == {
        "amount",
        "year 2026",
    }
    assert "next 2026" in asked("wanneer gaan de oproepen open dit jaar")
    assert "year 2026" in asked("how much is the minimum contribution this year")
    # Told of the user's own situation, before what is asked or beside the user's own figure,
    # it asks no year.
    assert asked("ik verwacht dit jaar 18000 euro omzet, hoeveel bijdragen betaal ik") == {"amount"}
    assert asked("mijn omzet was dit jaar maar 6000 euro, is er een minimum?") == {"amount"}
    assert asked("ik heb dit jaar drie doeken verkocht, hoeveel btw reken ik aan?") == {"amount"}
    assert asked("hoeveel bijdragen betaal ik op 30000 euro winst dit jaar") == {"amount"}
    # A sum is no year: "Wat voor 2000 geldt, staat niet in de kennisbank" had answered this.
    assert asked("ik heb 2000 euro gespaard, hoeveel kan ik lenen bij pmv?") == {"amount"}
    assert asked("ik heb € 2025 gespaard, wat kost een merk in 2025?") == {"cost", "year 2025"}
    assert asked("I saved 2000 euros, how much can I borrow from PMV?") == {"amount"}
    # A year is led by its own word, whatever sum follows it (a review's probe).
    question = "was de minimumbijdrage als zelfstandige in 2019 € 700 per kwartaal?"
    assert "year 2019" in asked(question)

    # A past year since when something is, or told in a story before the sentence that asks,
    # dates the user's own history (a probing helper's story messages: "Wat voor 2019 geldt,
    # staat niet in de kennisbank" beside the minimum contribution, 0.78).
    def asked_told(question):
        return asked_facts(surface_tokens(question), 2026, told_years(question, 2026))

    assert asked_told("ik ben sinds 2019 zelfstandig, hoeveel is de minimumbijdrage?") == {"amount"}
    assert asked_told("onze bv bestaat sinds begin 2022, wat kost een merk?") == {"cost"}
    question = "In 2016 registreerde ik mijn merk. Hoeveel kost het verlengen?"
    assert asked_told(question) == {"cost", "amount"}
    assert "year 2016" in asked(question)  # not told, the year is asked
    # Not a year the asking sentence names too or points back to, one of a question before
    # it, one of a remark after it, nor this year or a later one a question sets (a
    # reviewer's: "In 2027 wil ik in hoofdberoep starten. Wat is dan de minimumbijdrage?").
    for question in (
        "Ik startte in 2019. Wat was de minimumbijdrage in 2019?",
        "Ik ben in 2023 gestart. Wat was de minimumbijdrage dat jaar?",
        "Mijn vraag gaat over 2021. Hoeveel bedroeg toen de minimumbijdrage?",
        "Wat is de deadline in 2025? Welke datum precies?",
        "Hoeveel is de rente? In 2025.",
        "In 2027 wil ik in hoofdberoep starten. Wat is dan de minimumbijdrage per kwartaal?",
        "wat is de minimumbijdrage sinds begin 2027?",
    ):
        assert told_years(question, 2026) == frozenset(), question
    # A date of that year or later, a date of no year (it comes back), a yearly or quarterly
    # term, or one counted from the user's own start holds it; an earlier year's does not.
    assert holds_fact("De deadline is 15 maart 2026.", "next 2026")
    assert holds_fact("Je dient in uiterlijk op 1 maart, 1 juni of 1 september.", "next 2026")
    assert holds_fact("Doe dat uiterlijk 7 kalenderdagen voor de start.", "next 2026")
    assert holds_fact("Elk jaar dien je uiterlijk op 31 maart een listing in.", "next 2026")
    assert not holds_fact(
        "In 2024 waren er drie oproepen (van 20 maart tot 15 april).", "next 2026"
    )
    assert not holds_fact("Er zijn vier indienrondes per jaar.", "next 2026")
    assert not holds_fact("De beslissing volgt tot 3 maanden na de indiendatum.", "next 2026")


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # "volgende" that names no dated thing; how long something lasts; a term to meet.
        ("ik heb de volgende vraag: wanneer werd het gamefonds opgericht", "next 2026"),
        ("hoe lang duurt het auteursrecht voor een foto", "wait"),
        ("how long until my copyright expires", "wait"),
        ("hoe snel moet ik mijn btw-aangifte indienen", "wait"),
        # A rate the user states, and two rates either of which will do.
        ("ik werk 10 uur per week in bijberoep, hoeveel bijdragen betaal ik", "per week"),
        ("what hourly or daily rate should I charge", "per uur"),
        # No fine: the English adjective, "fine arts", how to avoid one.
        ("how much do I earn per day with the AKV, is that fine?", "fine"),
        ("which fine arts grants exist", "fine"),
        ("hoe vermijd je boetes bij de btw-aangifte", "fine"),
    ],
)
def test_a_kind_of_fact_is_not_read_into_words_that_do_not_ask_it(question, kind):
    assert kind not in asked_facts(surface_tokens(question), 2026)


def test_wordings_of_a_wait_and_of_the_next_date_as_people_type_them():
    for question in (
        "hoe lang zou het duren voor ik een beslissing krijg",
        "hoelang duurt da eigenlijk vooraleer hefboom beslist",
        "how long until I receive my money",
    ):
        assert "wait" in asked_facts(surface_tokens(question)), question
    asked = asked_facts(surface_tokens("wanneer moet mijn volgende opgave ingediend zijn"), 2026)
    assert "next 2026" in asked
    # A date from which a rule holds, one of a past period, or a yearly call with no date.
    assert not holds_fact(
        "Vanaf 1 februari 2026 komt enkel cybersecurity in aanmerking.", "next 2026"
    )
    assert not holds_fact(
        "Voor de periode 2023-2027 moest je aanvragen tegen 1 december 2021.", "next 2026"
    )
    assert not holds_fact("Steun loopt via jaarlijkse oproepen.", "next 2026")
    assert holds_fact("Meld elk jaar je omzet, uiterlijk op 31 maart (sinds 2025).", "next 2026")
    # The specific kind is what a partial answer names, not the general one it comes with.
    assert missing_facts({"amount", "fine"}, "Dan volgt een boete.")[0] == "fine"
    # A kind no question asks is held by nothing, and raises nothing.
    assert not holds_fact("EUR 30 per uur.", "per foo")
    assert not holds_fact("1 maart 2027.", "next soon")


def test_asked_facts_and_what_a_passage_lacks():
    assert asked_facts(surface_tokens("wat kost een merk")) == {"cost"}
    assert asked_facts(surface_tokens("hoeveel jaar duurt het auteursrecht")) == {"deadline"}
    assert asked_facts(surface_tokens("wat is het telefoonnummer")) == {"phone"}
    assert asked_facts(surface_tokens("wat is een merk")) == set()
    # A share the question states asks for none ("15%" reads as "15 procent").
    assert asked_facts(surface_tokens("mag ik mijn code aan 15% factureren?")) == set()
    assert asked_facts(surface_tokens("hoeveel procent krijg ik terug?")) == {"amount", "share"}
    assert asked_facts(surface_tokens("what is the address of the cultuurloket")) == {"contact"}
    # "indiendata", the plural of "indiendatum", asks dates too, and of the year it names: the
    # question was answered at 0.83 from a passage without a date of 2026.
    assert asked_facts(surface_tokens("wat zijn de indiendata in 2026")) == {
        "deadline",
        "year 2026",
    }
    assert holds_fact("Een depot kost EUR 244.", "cost")
    assert not holds_fact("In 2024 werd het depot vernieuwd.", "cost")
    assert missing_facts({"cost", "deadline"}, "Je dient in voor 1 maart.") == ("cost",)


def test_how_long_asks_a_span_of_time_that_a_date_does_not_answer(assistant):
    for question in ("hoelang heb je auteursrecht", "hoe lang is een merk geldig", "how long"):
        assert {"duration", "deadline"} <= asked_facts(surface_tokens(question)), question
    # How long a procedure takes is the wait; "how long before", "tot hoelang" ask a term.
    for question in (
        "hoe lang duurt het voor ik een beslissing krijg",
        "hoe lang op voorhand moet ik aanvragen",
        "tot hoelang na de start kan ik nog aanvragen",
    ):
        assert "duration" not in asked_facts(surface_tokens(question)), question
    assert holds_fact("Het auteursrecht loopt tot 70 jaar na de dood van de maker.", "duration")
    assert holds_fact("Je krijgt de eerste vier kwartalen een lagere bijdrage.", "duration")
    assert not holds_fact("Het forfait geldt sinds 1 januari.", "duration")
    assert missing_facts({"duration", "deadline"}, "Dien in voor 1 januari.") == ("duration",)
    # The flat rate on author's rights, whose "januari" answered a deadline, had come first
    # (0.92).
    answer = assistant.ask("Hoelang heb ik auteursrecht?")
    assert answer.passages[0].id == "auteursrecht-duur"


def test_a_prize_won_or_awarded_is_no_price(assistant):
    # "organiseert Flanders DC prijzen?" had been told what it costs is not known.
    for prize in ("organiseert Flanders DC prijzen?", "welke prijzen kan ik als ontwerper winnen?"):
        assert asked_facts(surface_tokens(prize)) == set()
    for price in (
        "welke prijzen vraagt sabam?",
        "wat is de prijs om mee te doen aan de wedstrijd?",
        # A price asked beside a verb of pricing or paying, or of something; a prize won before
        # asks about its tax.
        "welke prijs vraagt sabam als we een fuif organiseren",
        "wat is de prijs van een workshop die Flanders DC organiseert",
        "moet ik belastingen betalen op een prijs die ik gewonnen heb",
        "is een gewonnen prijs belastbaar",
    ):
        assert asked_facts(surface_tokens(price)) == {"cost"}, price
    answer = assistant.ask("organiseert Flanders DC prijzen?")
    assert answer.outcome == "answered" and answer.passages[0].id == "flanders-dc"


def test_a_price_the_story_compares_is_no_price_asked(assistant):
    # A copy sold "voor de helft van de prijs" had been told the infringement passage lacks
    # what it costs (0.03).
    story = (
        "iemand kopieert mijn oorbellen en verkoopt ze op Instagram voor de helft van de prijs, "
        "wat kan ik doen?"
    )
    for told in (
        story,
        "ze verkopen mijn ontwerp aan een lagere prijs, mag dat?",
        "someone sells copies of my prints for half the price, what can I do?",
        "a shop sells my designs at a fraction of the price",
    ):
        assert "cost" not in asked_facts(surface_tokens(told)), told
    for price in (
        "wat is de halve prijs van een i-depot?",
        "welke lagere prijs geldt voor studenten?",
        "wat is de prijs van een i-depot als ik de helft van de klassen schrap?",
        # A lower price asked about (a reviewer's: these had been answered without one).
        "is er een lagere prijs voor de cursus bedrijfsbeheer?",
        "krijg ik een lagere prijs voor een sociaal verzekeringsfonds als starter?",
        "is een eu-merk hoger in prijs dan een benelux-merk?",
        "do students pay a lower fee?",
        "ze verkopen het voor een lagere prijs dan ik, wat is een eerlijke prijs?",
    ):
        assert "cost" in asked_facts(surface_tokens(price)), price
    assert "cost" not in assistant.retrieve(story).missing


def test_a_price_is_a_figure_said_of_what_something_costs():
    # "wat kost ...", "fee": only a figure said to be a price, or a payment, answers them.
    assert asked_facts(surface_tokens("is there an application fee")) == {"cost"}
    assert not holds_fact("In 2023 werd 81% van de aanvragen rechtstreeks ingediend.", "cost")
    assert not holds_fact(
        "De steun dekt 75% van een krediet. Tot EUR 750.000 beslist de bank.", "cost"
    )
    assert holds_fact("De subsidie dekt 70% van het vertalershonorarium.", "cost")
    assert holds_fact("Je betaalt een eenmalige premie die afhangt van het bedrag.", "cost")
    assert holds_fact("Deelnemen is gratis.", "cost")
    # A fee given as a multiple of a wage is a price: "is there any guideline for minimum fees
    # in the flemish arts sector" had been told the amount is not in the knowledge base.
    fee = "Als minimumhonorarium geldt het brutoloon volgens de cao, maal 1,46."
    assert holds_fact(fee, "cost")
    assert not holds_fact("Het brutoloon volgens de cao geldt hier maal 1,46.", "cost")
    # "betalen", "kosten", "pay" often ask no price ("moet hij dat betalen?", "welke kosten
    # mag ik aftrekken?"); after "wat" they do, and any figure will do for them.
    assert asked_facts(surface_tokens("welke kosten mag ik aftrekken")) == set()
    assert asked_facts(surface_tokens("kan hij me via 1bis betalen? wat moet hij doen")) == set()
    assert asked_facts(surface_tokens("wat zijn de kosten van een akte")) == {"payment"}
    assert holds_fact("In 2023 werd 81% van de aanvragen rechtstreeks ingediend.", "payment")


def test_kost_after_an_article_is_an_expense_and_asks_a_price_only_after_wat(assistant):
    # "een kost" was read as "kost" the verb: the passage on deductible expenses, which names
    # no price, lacked the asked cost and the sponsoring passage went first.
    asked = asked_facts(surface_tokens("wanneer is een kost aftrekbaar als beroepskost"))
    assert asked == {"when"}
    assert asked_facts(surface_tokens("wat is de kost van een sociaal secretariaat")) == {"cost"}
    assert "cost" in asked_facts(surface_tokens("hoeveel kost een merk"))
    assert "cost" in asked_facts(surface_tokens("mijn camera, die kost veel, is dat aftrekbaar"))
    answer = assistant.ask("wanneer is een kost aftrekbaar als beroepskost")
    assert answer.outcome == "answered"
    assert answer.passages[0].id == "beroepskosten-zelfstandige"


def test_a_cost_the_question_states_asks_none(assistant):
    # "kost 1800 euro" tells the course's price: the kmo-portefeuille, which names none, was
    # told to lack it (refused at 0.08, or partial).
    for question in (
        "ik wil een cursus cnc programmeren volgen, kost 1800 euro. krijg ik daar als kleine "
        "zaak iets voor?",
        "Ik wil een opleiding volgen, kost zo'n 2.000 euro. Kan ik daar subsidie voor krijgen?",
    ):
        assert "cost" not in asked_facts(surface_tokens(question)), question
    answer = assistant.ask(
        "ik wil een cursus cnc programmeren volgen, kost 1800 euro. krijg ik daar als kleine "
        "zaak iets van terug"
    )
    assert answer.answered and answer.passages[0].id == "kmo-portefeuille"
    # Asked, a figure after it still asks: "wat kost 2 keer een stand", "kost dat 50 euro?"
    assert "cost" in asked_facts(surface_tokens("wat kost 2 keer een stand"))
    assert "cost" in asked_facts(surface_tokens("hoeveel kost een merk voor 3 klassen"))


def test_what_someone_charges_asks_its_cost(assistant):
    # "Wat rekent een notaris ongeveer aan om een BV op te richten?" had the financial plan
    # answer it (0.92; four bug bashes asked it), which names no notary's fee.
    for question in (
        "Wat rekent een notaris ongeveer aan om een BV op te richten?",
        "wat rekent een sbk aan?",
    ):
        assert "cost" in asked_facts(surface_tokens(question)), question
    # (Partial until the word votes of 5 December 2026; refused since, 0.01.)
    answer = assistant.ask("Wat rekent een notaris ongeveer aan om een BV op te richten?")
    assert answer.outcome in ("partial", "not_answered")
    # Not what is counted ("rekent ... mee"), nor what someone asks for (a reviewer's probes:
    # the beroepskaart's starting capital, which its passage holds, had become partial).
    for question in (
        "wat rekent de Kunstwerkcommissie mee als inkomsten uit artistieke activiteiten?",
        "Wat vraagt de Vlaamse overheid ongeveer als startkapitaal voor een beroepskaart?",
        "wat vraagt het BOIP als bewijs",
    ):
        assert "cost" not in asked_facts(surface_tokens(question)), question
    # In English too: "what does a notary charge for ..." had any figure answer it (the
    # declaration's passage, which says what share of a house counts, 0.87). Not what the user
    # bills: "what do I charge?", "what do we charge for a workshop?".
    # ("I" is no token: the word after "do" tells it was there.)
    charged = {
        "what does a notary charge for the verklaring van onbeslagbaarheid?": True,
        "what do galleries charge as commission": True,
        "what do I charge my clients for vat?": False,
        "what do we charge for a workshop": False,
        "what do I usually charge for a gig": False,
        "what do i need to charge for vat": False,
        "what do we usually charge": False,
    }
    assert {q: "cost" in asked_facts(surface_tokens(q)) for q in charged} == charged
    answer = assistant.ask("what does a notary charge for the verklaring van onbeslagbaarheid?")
    assert answer.outcome in ("partial", "not_answered")


def test_hoeveel_before_a_thing_counted_asks_a_number_of_them_not_a_sum():
    # "hoeveel werken" asked an amount of money, so the passage on Sabam's fees beat the one
    # that says how many works a member needs ("minstens vijf werken").
    assert asked_facts(surface_tokens("hoeveel werken heb ik nodig")) == {"count"}
    assert asked_facts(surface_tokens("how many concerts do we need")) == {"count"}
    # Studios, applications: bug bash 7's "How many game studios received VAF money last
    # year?" had been answered with the Gamefonds's budgets (0.94); the thing counted may come
    # one word on.
    assert asked_facts(surface_tokens("How many game studios received VAF money?")) == {"count"}
    assert asked_facts(surface_tokens("hoeveel gamestudios kregen geld van het vaf")) == {"count"}
    assert asked_facts(surface_tokens("how many applications are approved")) == {"count"}
    assert "count" not in asked_facts(surface_tokens("how many euros does a studio get"))
    # In Dutch a verb stands there: how much artists get is a sum.
    assert asked_facts(surface_tokens("hoeveel krijgen kunstenaars van sabam")) == {"amount"}
    assert "count" not in asked_facts(surface_tokens("hoeveel kregen gamestudios van het vaf"))
    # People are no things counted here: "how many people get a work certificate?" would be
    # answered by any passage holding a small number, and says the figure is missing now.
    assert "count" not in asked_facts(surface_tokens("how many people get a work certificate?"))
    assert holds_fact("Je toont minstens vijf werken op je naam.", "count")
    assert holds_fact("Minstens 5 concerten binnen één maand.", "count")
    assert holds_fact("De sector stond voor ongeveer 6% van de werknemers.", "count")
    # A sum of money, a date or a year counts nothing.
    assert not holds_fact("Lid worden kost EUR 75.", "count")
    assert not holds_fact("Het fonds had EUR 750.000 per jaar.", "count")
    assert not holds_fact("Het fonds startte op 1 januari 2000, in 2012 kwam er meer.", "count")


def test_a_message_that_only_asks_a_fact_refers_back():
    for bare in ("hoeveel?", "hoeveel dan precies?", "hoe lang?", "how much?", "wanneer dan?"):
        assert refers_back(surface_tokens(bare)), bare
    for own in ("hoeveel kost een merk?", "hoe lang duurt het auteursrecht", "hoe?"):
        assert not refers_back(surface_tokens(own)), own


def test_sinds_wanneer_is_answered_by_a_year_as_tegen_wanneer_is_not():
    asked = asked_facts(surface_tokens("sinds wanneer bestaat sabam"))
    assert "since" in asked and "deadline" not in asked
    assert not missing_facts(asked, "Sabam bestaat sinds 1922.")
    assert "deadline" in missing_facts(
        asked_facts(surface_tokens("tegen wanneer moet ik indienen")),
        "Het loket bestaat sinds 1922.",
    )


def test_when_asks_a_time_or_a_condition_and_tegen_wanneer_a_time():
    asked = asked_facts(surface_tokens("wanneer valt een contract onder de vrijstelling"))
    assert asked == {"when"}
    assert not missing_facts(asked, "De vrijstelling geldt alleen als je auteur bent.")
    assert missing_facts(asked, "De vrijstelling bestaat sinds lang.") == ("when",)
    asked = asked_facts(surface_tokens("tegen wanneer moet ik indienen"))
    assert "deadline" in asked
    assert "deadline" in missing_facts(asked, "De vrijstelling geldt alleen als je auteur bent.")


def test_opening_hours_are_asked_as_hours_and_held_by_times_or_days(assistant):
    # "openingsuren" was a contact cue: the BOIP passage, which says when its desk can be
    # reached ("op werkdagen bereikbaar van 8.30 tot 17.00 uur"), lacked a contact and the
    # answer was partial.
    assert asked_facts(surface_tokens("boip infocentrum openingsuren")) == {"hours"}
    assert holds_fact("Op werkdagen bereikbaar van 8.30 tot 17.00 uur.", "hours")
    assert holds_fact("Het loket is open op dinsdag en donderdag.", "hours")
    assert not holds_fact("Mail naar info@boip.int of gebruik het contactformulier.", "hours")
    answer = assistant.ask("boip infocentrum openingsuren")
    assert answer.outcome == "answered" and answer.passages[0].id == "boip"
    assert missing_facts({"hours"}, "Stuur je vraag via het contactformulier.") == ("hours",)


def test_a_time_of_day_is_asked_as_hours(assistant):
    assert asked_facts(surface_tokens("hoe laat sluit het loket?")) == {"hours"}
    assert "hours" not in asked_facts(surface_tokens("is het te laat om nog in te dienen?"))
    # Before a subject, "laat" is "laten": how to have something done, not when.
    assert "hours" not in asked_facts(surface_tokens("hoe laat ik mijn merk registreren?"))
    assert assistant.ask("hoe laat ik mijn merk registreren?").outcome == "answered"
    # After a city's project grants, the town hall's closing time is a question of its own,
    # not one the grants' passage answers: it had been answered with it at 0.81.
    from assistant.conversation import Conversation

    conversation = Conversation(assistant)
    conversation.ask(
        "ik ben startende kunstenaar in antwerpen, geeft de stad subsidie voor een kunstproject?"
    )
    assert conversation.ask("en hoe laat sluit het stadhuis daar?").outcome != "answered"


def test_a_bound_of_a_duration_asks_no_sum():
    asked = asked_facts(surface_tokens("hoe lang mag een project maximaal duren"))
    assert "duration" in asked and "amount" not in asked
    asked = asked_facts(surface_tokens("what is the maximum duration of a project"))
    assert "duration" in asked and "amount" not in asked
    # With no duration asked, a bound asks a sum.
    assert "amount" in asked_facts(surface_tokens("hoeveel mag ik maximaal lenen"))


def test_the_users_own_fee_is_told_not_asked():
    assert "cost" not in asked_facts(surface_tokens("they withheld French tax on my fee"))
    assert "cost" not in asked_facts(surface_tokens("mag ik mijn etsy fees aftrekken"))
    assert "cost" in asked_facts(surface_tokens("what is the fee for an i-depot"))
    assert "cost" in asked_facts(surface_tokens("what is their fee"))


def test_a_mail_or_address_the_user_tells_of_asks_no_contact():
    told = "ik kreeg een mail van de kunstwerkcommissie dat mijn dossier onvolledig is"
    assert "contact" not in asked_facts(surface_tokens(told))
    assert "contact" not in asked_facts(surface_tokens("ne pdf per e-mail was altijd goed"))
    assert "contact" not in asked_facts(surface_tokens("does it have to go by registered mail"))
    # Asked for, it is one.
    assert "contact" in asked_facts(surface_tokens("wat is het adres van designregio kortrijk"))
    assert "contact" in asked_facts(surface_tokens("naar welk adres stuur ik een mail"))
    assert "contact" in asked_facts(surface_tokens("email address of the tax shelter cell"))
    assert "contact" in asked_facts(surface_tokens("wat is hun adres"))  # a third party's


def test_when_before_its_subject_joins_a_clause_and_asks_no_time():
    # A question puts the verb first ("when do I ...", "wanneer moet ik ..."); "when" or
    # "wanneer" before its subject joins a clause ("I" is no token).
    assert "when" not in asked_facts(surface_tokens("do I pay VAT when I sell a painting"))
    assert "when" not in asked_facts(surface_tokens("moet ik btw betalen wanneer ik verkoop"))
    assert "when" in asked_facts(surface_tokens("when can I apply"))
    assert "when" in asked_facts(surface_tokens("wanneer moet ik indienen"))
    assert "when" in asked_facts(surface_tokens("en wanneer?"))
    # After a word of knowing or telling it asks all the same.
    assert "when" in asked_facts(surface_tokens("do you know when we have to apply"))
    assert "when" in asked_facts(surface_tokens("weet je wanneer ik moet indienen"))


def test_a_contact_point_asks_who_and_a_contact_form_is_a_contact():
    assert asked_facts(surface_tokens("who is the contact point for designers")) == set()
    assert asked_facts(surface_tokens("contact point email address?")) == {"contact"}
    assert holds_fact("Je stelt je vraag via het contactformulier op cultuurloket.be.", "contact")
    # A phone number is asked for as such: a contact form does not give one.
    assert not holds_fact("Je stelt je vraag via het contactformulier.", "phone")
    assert holds_fact("Bel 0800 20 555.", "phone")
    # An account number is asked for as such: only an account number gives it.
    assert asked_facts(surface_tokens("op welk rekeningnummer stort ik het?")) == {"account"}
    assert holds_fact("Stort het op BE68 5390 0754 7034.", "account")
    assert not holds_fact("Een volledig aandeel kost EUR 124, te betalen voor 1 maart.", "account")
    # The word "contactpunt" in a text is no way to reach anyone.
    assert not holds_fact("De Desk is het contactpunt voor de sector.", "contact")


def test_a_figure_asked_for_a_year_is_missing_from_a_passage_with_other_years_figures():
    assert asked_facts(surface_tokens("hoeveel is de rente van de startlening in 2026?")) == {
        "amount",
        "year 2026",
    }
    # A year without a figure or a date asked for is the question's context, not the fact.
    assert asked_facts(surface_tokens("wie mag nog auteursrechten aangeven sinds 2023")) == set()
    text = "Voor inkomstenjaar 2024 was het plafond EUR 73.070."
    assert missing_facts({"amount", "year 2026"}, text) == ("year 2026",)
    assert missing_facts({"amount", "year 2024"}, text) == ()
    assert missing_facts({"amount", "year 2024"}, "Het plafond is EUR 120.240.") == ("year 2024",)
    # The year must date a figure or a date: a passage that says it lacks that year lacks it.
    text = (
        "Voor inkomstenjaar 2024 was het plafond EUR 73.070. Het plafond voor inkomstenjaar "
        "2025 vonden we niet in onze bronnen."
    )
    assert missing_facts({"amount", "year 2025"}, text) == ("year 2025",)
    assert missing_facts({"amount", "year 2024"}, text) == ()
    assert missing_facts({"deadline", "year 2026"}, "De oproep sluit op 3 maart 2026.") == ()


def test_a_sum_something_is_offered_for_is_its_price():
    # "Wat het kost, staat niet in de kennisbank" had stood above "Het BOIP biedt een NDA aan
    # voor EUR 15".
    assert missing_facts({"cost"}, "Het BOIP biedt een NDA aan voor EUR 15.") == ()
    assert missing_facts({"cost"}, "Dat gebeurde voor 2015.") == ("cost",)


@pytest.mark.parametrize(
    "question",
    [
        "Wat is de minimumbijdrage als zelfstandige in 2026?",
        "Hoe hoog is de productiesteun van het Gamefonds in 2026?",
        "What is the copyright income cap for 2026?",
        "welk sabam-tarief geldt in 2026 voor een theatervoorstelling",
    ],
)
def test_a_figure_named_for_a_year_asks_for_that_years_figure(question):
    # Not asked with "hoeveel", the year was no fact asked: "the copyright income cap for
    # 2025" got a passage that says it did not find 2025's cap (0.83).
    assert "year 2026" in asked_facts(surface_tokens(question))
    # A year beside no figure is still the question's context, and so is one beside a number
    # of things: "het minimum aantal concerten" is a count, which the passage gives for any year.
    assert asked_facts(surface_tokens("welke films kregen in 2026 steun van het VAF")) == set()
    tokens = surface_tokens("wat is het minimum aantal concerten voor de exportbeurs in 2026")
    assert not any(kind.startswith("year") for kind in asked_facts(tokens))


def _reply_after(assistant, first, then):
    """The answer to `then` in a conversation that asked `first`."""
    conversation = Conversation(assistant)
    conversation.ask(first)
    return conversation.ask(then)


def test_a_question_after_a_topic_is_no_complaint_or_help_request(assistant):
    # A follow-up that asks whether it is so, or what the topic is for, stays on the topic.
    for first, then in (
        ("wat is de startlening?", "klopt dat niet?"),
        ("wat is het kunstwerkattest?", "waarvoor dient dit?"),
        ("wat is het Cultuurloket?", "hoe werkt deze dienst?"),
        ("iemand heeft mijn foto gekopieerd", "what can I do?"),
    ):
        assert _reply_after(assistant, first, then).outcome != "smalltalk", then
    # Fault found without a question is a complaint, after a topic too.
    conversation = Conversation(assistant)
    conversation.ask("wat is de startlening?")
    assert conversation.ask("uw antwoord is onvolledig").outcome == "smalltalk"


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("do starting freelancers pay lower social contributions in Belgium?", True),
        ("sole proprietorship vs limited company, am I personally liable?", True),
        ("ik ben freelancer met een webshop voor design", False),
        ("moet ik als zelfstandige sociale bijdragen betalen", False),
        # Numbers are no evidence: wordfreq's English list has "2024", its Dutch one does not.
        ("subsidie 2023 of 2024", False),
        ("the grant for 2024", True),
        # English names of Belgian places: Dutch writes België, Vlaams, Gent, Antwerpen.
        ("is plagiarism a crime in belgium", True),
        ("is plagiaat strafbaar in belgie", False),
        # Glossary words the passages never use are evidence from a smaller gap: Dutch texts
        # borrow "community" and "unregistered" now and then.
        ("unregistered community design fashion", True),
        ("professional card belgium freelance artist", True),
        ("ik zoek een community van ontwerpers in gent", False),
        # Not beside a Dutch function word, nor a short word the passages use ("job").
        ("check de term auteursrecht", False),
        ("btw op tickets voor mijn dance event", False),
        ("new job starten", False),
        # A search of a scheme's name and one English word that says what of it (a probing
        # helper's: refused with the right passage first, the English word untranslated);
        # not the scheme's name with a Dutch word, nor a Dutch word beside an English one.
        ("sbk commission percentage", True),
        ("startlening conditions", True),
        ("kunstwerkattest requirements", True),
        ("sbk kosten", False),
        ("startlening voorwaarden", False),
        ("winwinlening maximum", False),
        ("tax shelter", False),
        ("startlening kosten conditions", False),
        # Nor a message of one word ("fees?" after what an SBK is had been partial at 0.04).
        ("fees", False),
    ],
)
def test_english_is_recognised_by_words_far_more_common_in_english(assistant, text, english):
    assert assistant.index.analyzer.is_english(text) is english


@pytest.mark.parametrize(
    ("text", "more"),
    [
        ("meer info", True),
        ("graag wat meer uitleg, aub", True),
        ("kan je dat uitleggen?", True),
        ("Tell me more", True),
        ("meer dan 5 jaar?", False),
        ("meer info over de winwinlening", False),  # names its subject
        ("info", False),  # smalltalk: asks what Wegwijzer does
    ],
)
def test_a_request_for_more_is_a_whole_message_that_names_nothing(text, more):
    assert asks_for_more(surface_tokens(text)) is more


def test_i_wonder_is_the_opening_of_a_question_not_its_words():
    tokens = surface_tokens("ik vroeg me af hoe ik mijn foto's kan beschermen")
    assert without_formulas(tokens) == [
        "ik",
        "me",
        "hoe",
        "ik",
        "mijn",
        "foto",
        "kan",
        "beschermen",
    ]
    # Formulas that open or close a message: "advance" is no voorschot, "kind" no child.
    tokens = surface_tokens("quick question: is it allowed? thanks in advance, kind regards")
    assert without_formulas(tokens) == ["is", "it", "allowed", "thanks"]
    # "per se" (necessarily) names nothing: "se" had weighed as the rarest word of a question
    # on registering a logo, refused at 0.64 with the right passage first.
    tokens = surface_tokens("moet ik per se een advocaat hebben?")
    assert without_formulas(tokens) == ["moet", "ik", "een", "advocaat", "hebben"]
    # "hoe vraag ik ... aan" asks how to apply: no reflexive after the verb.
    tokens = surface_tokens("hoe vraag ik een kunstwerkattest aan")
    assert without_formulas(tokens) == tokens


def test_venting_and_a_demand_for_an_answer_are_no_words_of_the_question(assistant):
    tokens = surface_tokens("IK BEN HET KOTSBEU. wat gebeurt er als ik te laat betaal?")
    assert "kotsbeu" not in without_formulas(tokens)
    tokens = surface_tokens("wat kost een merk? EN GEEF NU EENS EEN DUIDELIJK ANTWOORD")
    assert without_formulas(tokens) == ["wat", "kost", "een", "merk", "en"]
    # A question asked that way is answered as it would be without (0.45 with it).
    answer = assistant.ask(
        "Hoeveel belasting betaal ik op mijn auteursrechten? EN GEEF NU EENS EEN DUIDELIJK ANTWOORD"
    )
    assert answer.answered and answer.passages[0].id == "auteursrechten-belasting"
    # "geef" that asks for something else stays: "geef me een overzicht van de subsidies";
    # and "geeft" is no demand ("welke steun geeft Hefboom als antwoord op de crisis?").
    for text in (
        "geef me een overzicht van de subsidies",
        "Welke steun geeft Hefboom als antwoord op de coronacrisis?",
        "ik geef les, krijg ik een antwoord van de RVA",
    ):
        tokens = surface_tokens(text)
        assert without_formulas(tokens) == tokens


def test_a_worry_before_the_question_is_not_its_subject(assistant):
    # "schrik" (Flemish: fear) weighed as the rarest word of the question, which was refused.
    tokens = surface_tokens("ik heb schrik dat iemand mijn idee pikt")
    assert "schrik" not in without_formulas(tokens)
    assert without_formulas(surface_tokens("i'm afraid that they copy it")) == [
        "im",
        "that",
        "they",
        "copy",
        "it",
    ]
    # Not a fright that is itself what is asked about.
    assert "schrik" in without_formulas(surface_tokens("wat doe ik tegen plankenkoorts en schrik"))
    assert assistant.ask("ik heb schrik dat iemand mijn idee pikt").answered


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("hoe lang is het geldig?", True),
        ("how long does it take?", True),
        ("tegen wanneer moet ik indienen?", True),
        ("since when can games use the tax shelter?", True),
        ("kan ik de datum van mijn scenario laten vastleggen", False),  # the date is the subject
        ("wanneer valt een contract onder de vrijstelling?", False),  # a condition, as often
    ],
)
def test_a_question_asks_for_a_time_when_it_asks_how_long_or_by_when(text, asks):
    assert asks_for_a_time(surface_tokens(text)) is asks


def test_asking_to_know_or_be_told_is_not_what_is_asked(assistant):
    # "weten" and "vertellen" are no corpus words and weighed as the rarest of the question.
    def words(text: str) -> list[str]:
        return [g.word for g in assistant.read(text).groups]

    assert words("kzou willen weten wat sabam kost") == ["sabam", "kost"]
    assert words("ik zou graag weten wat sabam kost") == ["sabam", "kost"]
    assert words("weet je wat sabam kost") == ["sabam", "kost"]
    assert words("kan je mij vertellen wat sabam kost") == ["sabam", "kost"]
    answer = assistant.ask("kan je mij vertellen wat sabam kost")
    assert answer.answered and answer.passages[0].id == "sabam-kosten-lidmaatschap"
    # What one must know is asked: "wat moet ik weten over auteursrecht" keeps "weten".
    assert "weten" in words("wat moet ik weten over auteursrecht")
    # The formal "u" is no token; "weet" opening a question asks all the same.
    assert words("weet u wat sabam kost") == ["sabam", "kost"]
    # Told what, without saying whom: "vertellen" before a question word or "over".
    assert words("kan je vertellen wat sabam kost") == ["sabam", "kost"]
    assert words("vertel eens over sabam") == ["sabam"]
    # Without what to tell, it asks for more, which names nothing to look up on its own.
    assert asks_for_more(surface_tokens("vertel mij meer"))
    assert not assistant.ask("vertel mij meer").answered


def test_an_expense_and_the_look_of_a_product_ask_no_fact():
    # "als kost inbrengen" is deducting an expense, not asking a price; "het uiterlijk van mijn
    # product" is what a design protects, not a deadline ("uiterlijk op 31 maart").
    assert "cost" not in asked_facts(surface_tokens("mag ik de premie als kost inbrengen"))
    assert "cost" not in asked_facts(surface_tokens("can i book the kiln as cost"))
    assert "cost" in asked_facts(surface_tokens("wat kost een model"))
    assert "cost" in asked_facts(surface_tokens("the cost of an i-depot"))
    tokens = surface_tokens("onder welke voorwaarden is het uiterlijk van mijn product beschermd")
    assert "deadline" not in asked_facts(tokens)


def test_what_someone_charges_is_a_price_but_charging_vat_is_not(assistant):
    assert "payment" in asked_facts(surface_tokens("what does a notary charge to set up a BV"))
    assert "payment" not in asked_facts(surface_tokens("Do I charge Belgian VAT to a client?"))
    assert "payment" not in asked_facts(surface_tokens("what vat do i charge my clients abroad"))
    # Alone it names no subject; after a question on SBKs it asks their commission.
    alone = assistant.ask("how much do they charge?")
    assert alone.outcome == "not_answered" and alone.confidence == 0.0
    conversation = Conversation(assistant)
    conversation.ask("what is an sbk")
    answer = conversation.ask("how much do they charge?")
    assert answer.answered and answer.passages[0].id == "sbk-kosten"
    for text in ("Do I charge Belgian VAT to a client in the UK?", "what vat do i charge abroad"):
        vat = assistant.ask(text)
        assert vat.answered and vat.passages[0].id == "btw-buitenlandse-klanten", text


def test_uiterlijk_is_a_deadline_only_before_one():
    assert holds_fact("Je meldt je omzet uiterlijk op 31 maart.", "deadline")
    assert holds_fact("Schrijf je in uiterlijk 7 kalenderdagen voor de beurs.", "deadline")
    for text in (
        "Een model beschermt het uiterlijk van een product.",
        "een louter uiterlijk ontwerp",
    ):
        assert not holds_fact(text, "deadline"), text


def test_a_duration_written_out_or_in_hours_answers_how_long(assistant):
    # "loopt anderhalf jaar" and "minstens 24 uur vooraf" answer "hoe lang" and "hoeveel op
    # voorhand": the passages had been partial answers, "Hoe lang, staat er niet in".
    assert holds_fact("De projectrekening loopt anderhalf jaar.", "deadline")
    assert holds_fact("Je meldt de opdracht minstens 24 uur vooraf.", "deadline")
    assert holds_fact("Het attest is drie jaar geldig.", "deadline")
    assert not holds_fact("Een jaar later kwam er een nieuw decreet.", "deadline")
    answer = assistant.ask("hoelang loopt een projectrekening bij de koning boudewijnstichting")
    assert answer.outcome == "answered"
    assert answer.passages[0].id == "kbs-projectrekening"


def test_a_passage_that_says_what_qualifies_holds_a_condition(assistant):
    # "Komen dansproducties in aanmerking?" asks a condition; the passage answers with a list
    # ("geldt ook voor podiumkunsten: theater, dans, ..."), which had read as lacking one, so
    # the audiovisual tax shelter's passage ("Enkel ...") came first.
    assert holds_fact("De tax shelter geldt ook voor podiumkunsten: theater, dans.", "condition")
    assert holds_fact("Voor kmo's die nog nooit FIT-steun kregen.", "condition")
    assert not holds_fact("Het Departement CJM doet de culturele toets.", "condition")
    answer = assistant.ask("Komen dansproducties in aanmerking voor de tax shelter?")
    assert answer.answered and answer.passages[0].id == "tax-shelter-podiumkunsten"


def test_a_question_asks_for_a_desk_only_when_it_names_nothing_but_help():
    def asks(text):
        return asks_for_a_desk(surface_tokens(text), content_tokens(text))

    assert asks("wie kan mij helpen?") and asks("waar kan ik daarvoor terecht?")
    assert asks("who can help me with that?")
    assert not asks("wie kan mij helpen met mijn btw?")
    # Someone asked to help, not the user helping someone.
    assert asks("kan iemand mij daarbij helpen?") and not asks("ik wil iemand helpen")
    assert not asks("waar vind ik meer info over de startlening?")
    # Whom to turn to, without a help word.
    assert asks("bij wie moet ik daarvoor aankloppen?") and asks("bij wie moet ik daarvoor zijn?")
    assert asks("who can I contact?") and asks("wie kan ik daarvoor contacteren?")
    assert not asks("bij wie kan ik een klacht indienen?")
    assert not asks("bij wie vraag ik zoiets aan?")  # how to apply
    assert not asks("bij wie vragen we dat aan?")
    # Questions are what one turns to a desk with: "waar kunnen we met vragen terecht?" after
    # the SBKs had got an SBK's coefficient.
    assert asks("waar kunnen we met vragen terecht?")
    assert asks("who can help me with these questions?")
    assert asks("bij wie kan ik met mijn vraag terecht?")
    assert not asks("bij wie moet ik dat vragen?")  # the verb: where to apply
    assert asks("met wie moet ik contact opnemen?")
    assert not asks("who can ask for it?")  # who may apply
    assert not asks("wie is de minister van cultuur?")


def test_please_is_courtesy_not_a_word_of_the_question(assistant):
    # "alstublieft" weighed as a word of the question the corpus lacks.
    for please in ("alstublieft", "alsjeblieft", "svp"):
        assert [g.word for g in assistant.read(f"hoeveel kost een merk {please}").groups] == [
            "kost",
            "merk",
        ]


@pytest.mark.parametrize(
    ("question", "words", "made"),
    [
        (
            "ik ontwerp brillen hoe bescherm ik mijn model",
            "ontwerp brillen bescherm model",
            "brillen",
        ),
        ("ik ontwerp een nieuwe kinderwagen", "ontwerp nieuwe kinderwagen", "nieuwe kinderwagen"),
        (
            "een film over een begrafenis, hoe werkt de tax shelter?",
            "film begrafenis werkt tax shelter",
            "begrafenis",
        ),
        (
            "a short documentary about elections, any fund?",
            "short documentary elections fund",
            "elections",
        ),
        # What of a work one protects, and whose: the work comes after the owner's word.
        ("hoe bescherm ik het ontwerp van mijn jurk", "bescherm ontwerp jurk", "jurk"),
        ("how do I protect the design of my dress", "protect design dress", "dress"),
        ("het logo van onze bakkerij", "logo bakkerij", "bakkerij"),
        # A thing a maker makes, wherever it stands.
        ("is mijn keramiek beschermd", "keramiek beschermd", "keramiek"),
        ("a fair for furniture in milan", "fair furniture milan", "furniture"),
        ("ik kom uit syrie", "kom syrie", ""),  # a verb, no bowl
        # Not without an owner: "de naam van de vennootschap" is what is asked about; and
        # Dutch "of" is "or".
        ("moet de naam van de vennootschap uniek zijn", "naam vennootschap uniek", ""),
        ("moet ik mijn naam of mijn logo registreren", "naam logo registreren", ""),
        # A making verb far from the word, a work's "over" missing, or "tekenen" (signing):
        # what the user asks about, not what they make.
        ("ik schilder graag hoe vraag ik een paspoort aan", "schilder vraag paspoort", ""),
        ("ik heb een vraag over mijn huurwaarborg", "vraag huurwaarborg", ""),
        ("moet ik een compromis tekenen voor de bank", "compromis tekenen bank", ""),
        ("flanders dc doet nog design en mode", "flanders dc design mode", ""),  # a noun
        ("ik heb een reeks vragen over het kunstwerkattest", "reeks vragen kunstwerkattest", ""),
        ("ik schrijf een boek vraag over auteursrecht", "schrijf boek vraag auteursrecht", ""),
    ],
)
def test_the_words_that_name_what_a_maker_makes(question, words, made):
    tokens = surface_tokens(question)
    named = work_subject(tokens, set(words.split()))
    assert {tokens[k] for k in named} == set(made.split())


@pytest.mark.parametrize(
    "word",
    ["wij", "allemaal", "ergens", "800", "90k", "2025", "march", "maart", "two", "drie", "third"],
)
def test_pronouns_numbers_and_months_name_nothing(word):
    assert names_nothing(word)


@pytest.mark.parametrize("word", ["fiets", "weer", "supermarkt", "tokio", "k3", "mars"])
def test_the_words_of_a_thing_name_something(word):
    assert not names_nothing(word)


@pytest.mark.parametrize(
    ("question", "only_a_sum"),
    [
        ("50.000 euro?", True),
        ("en 300.000?", True),
        ("10k?", True),
        ("100.000 euro, kan dat?", True),
        ("and 50k?", True),
        ("en 500?", True),
        ("en in 2019?", False),  # a year
        ("en 3?", False),  # a small number: a count, an age
        ("en voor 3 klassen?", False),  # a count of things
        ("en als ik 3000 euro verdien?", False),  # says what the sum is
        ("50.000 euro lenen voor een atelier", False),
    ],
)
def test_a_question_giving_only_a_sum(assistant, question, only_a_sum):
    words = [g.word for g in assistant.read(question).groups]
    assert names_only_a_sum(words) is only_a_sum, words


@pytest.mark.parametrize(
    ("text", "gives"),
    [
        ("een lening van maximaal EUR 100.000", True),
        ("een premie van € 2.500", True),
        ("tot 20.000 euro per jaar", True),
        ("de KMO-portefeuille betaalt 30% terug", False),
        ("in 2023 werd 81% rechtstreeks ingediend", False),
        ("een Europese lening", False),
    ],
)
def test_a_passage_gives_a_sum_in_euro(text, gives):
    assert gives_a_sum(text) is gives


def _clauses(text):
    return [surface_tokens(clause) for clause in CLAUSE.split(text)]


def test_the_words_a_demonstrative_points_with():
    assert pointed_words(_clauses("loopt dat fonds nog?")) == {"fonds", "nog"}
    assert pointed_words(_clauses("wie doet die culturele toets?")) == {"culturele", "toets"}
    assert pointed_words(_clauses("does that grant still exist?")) == {"grant", "still"}
    # A demonstrative before a unit of time dates the question; it points at nothing said.
    assert pointed_words(_clauses("kan ik dit jaar nog aanvragen?")) == {"nog"}
    assert pointed_words(_clauses("hoe vraag ik een kunstwerkattest aan?")) == frozenset()


def test_a_word_the_question_names_itself_is_not_pointed_with():
    # "dat" after a verb of knowing opens a clause: VAPZ is named, not pointed at.
    assert "vapz" not in pointed_words(_clauses("ik weet dat VAPZ bestaat, wat is dat?"))
    assert "vapz" not in pointed_words(_clauses("I heard that VAPZ exists"))
    # Said once on its own, the word is named, wherever else a demonstrative stands before it.
    assert "vapz" not in pointed_words(_clauses("wat is VAPZ? hoe werkt dat VAPZ"))
    # A demonstrative points within its clause, not past a question mark.
    assert "forfait" not in pointed_words(_clauses("hoeveel kost dat? forfait of echte kosten?"))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # A greeting that opens a message with no question or request: an introduction.
        ("Goedemiddag. Ik ontwerp lettertypes en verkoop die via mijn eigen webshop.", "hello"),
        ("heyyy schat! ik ben drag queen in gent en ik heb precies honderd vragen", "hello"),
        ("Geachte, ik ben boekbinder te Mechelen en had graag enkele vragen voorgelegd.", "hello"),
        ("Goedendag, ik ben niet zo handig met computers, maar ik probeer het eens.", "hello"),
        ("hallo, ik zoek info over huurpremies", None),  # a request
        ("hallo, ik heb een startlening nodig voor mijn atelier", None),
        ("hallo ik wil een eenmanszaak starten als grafisch ontwerper", None),
        ("Goeienavond, ik ben muzikant en twijfel tussen een vzw en een bv", None),
        ("Geachte, wij zijn een vzw en plannen een crowdfunding voor een festival.", None),
        ("Goedemiddag, mijn vraag gaat over de btw op schilderijen", None),  # asked about
        ("Hi, I'm a Dutch designer moving to Ghent and need advice on VAT", None),
        ("hallo, wat kost een merk", None),  # a question word
        ("hallo, kan ik een merk registreren", None),  # a verb before its subject
        # Thanks with no question.
        ("merci darling, ge zijt een schat", "thanks"),
        ("Hartelijk dank voor uw uitgebreide en heldere antwoord.", "thanks"),
        ("bedankt, daar kan ik mee verder", "thanks"),
        ("merci, en voor een vzw", None),  # asks on
        ("mijn vorige werkgever heeft me bedankt, nu start ik als fotograaf", None),  # sacked
        # A complaint about the answer or about being understood.
        ("Dit beantwoordt mijn vraag eerlijk gezegd maar half.", "wrong"),
        ("Ik vrees dat u mijn vraag verkeerd begrepen heeft.", "wrong"),
        ("Sorry, maar hier heb ik eerlijk gezegd niks aan", "wrong"),
        ("je ne comprends pas votre réponse, het is te moeilijk", "wrong"),
        ("oei da was veel tekst, kunt ge da wa korter zeggen?", "wrong"),  # asks it again
        ("snap je antwoord niet, moet ik nu btw betalen of niet?", None),  # asks more
        ("u heeft mijn vraag verkeerd begrepen, ik bedoel de btw op schilderijen", None),
        ("ik begrijp mijn elektriciteitsfactuur niet", None),  # the user's own
        ("ok, maar ik begrijp het verschil met een model niet", None),  # a subject
        ("ik begrijp niet hoe je het kunstwerkattest aanvraagt", None),  # "je" is anyone
        ("de tekst van het contract met de galerie snap ik niet", None),
        ("ik heb een tekst geschreven en iemand heeft die gekopieerd", None),
        ("hoe lang duurt het voor ik antwoord krijg", None),  # someone else's answer
        ("ik heb geen antwoord gekregen van de vaf-commissie", None),
        # About Wegwijzer itself, and the language it answers in.
        ("Vermeldt u ook uw bronnen bij de antwoorden?", "about"),
        ("Ben jij een AI of zit er iemand van de overheid achter?", "about"),
        ("are you chatgpt", "about"),
        ("Mag ik vragen met wie ik spreek?", "about"),
        ("wat kunt gij allemaal eigenlijk? ook statuten nakijken?", "about"),
        ("wat moet je allemaal doen om een vzw op te richten?", None),  # "je" is anyone
        ("wat kan je allemaal aftrekken als freelance illustrator", None),
        ("Wie heeft het auteursrecht op een beeld dat je met AI maakt?", None),
        ("moet je de bron vermelden als je een citaat gebruikt", None),
        ("kan u antwoorden in het frans aub?", "language"),
        ("can you just answer in English next time?", "language"),
        ("mag je je subsidieaanvraag in het engels schrijven", None),
        ("Kan je in het Frans antwoorden op een aanbesteding van de Vlaamse overheid", None),
        # A second review's: questions without a question mark, thanks undone, asking again.
        ("Hallo, ik ben acteur in een reclamespot, krijg ik daar naburige rechten voor", None),
        ("Hallo, ik vroeg me af of ik als illustrator ook volgrecht krijg", None),
        ("hoi, valt een mural onder het lage btw tarief", None),
        ("Bedankt, ik heb er niks aan gehad.", "wrong"),
        ("bedankt voor niets hoor", "wrong"),
        ("thanks, I'm still confused", None),
        ("dank je, mijn vraag was eigenlijk over de btw op workshops", None),
        ("Je snapt me niet, ik vroeg naar een beurs voor de schrijver zelf.", None),
        ("Kun je me ook in het Frans antwoorden?", "language"),
        ("Good morning, I'm a ceramicist from Ghent.", "hello"),
        ("Beste, ik ben fotograaf en heb enkele vragen.", "hello"),
        ("beste manier om mijn werk te verkopen", None),
        # A third review's: words of time, someone else's answer, AI as a subject.
        ("Morgen vervalt de termijn voor mijn voorlopige sociale bijdragen.", None),
        ("Dag 1 als zelfstandige en ik snap er nog niks van.", None),
        ("Dag! Ik ben Sara en ik maak films.", "hello"),
        ("dat antwoord van de belastingdienst klopt toch niet", None),
        ("deze tekst heb ik vertaald en nu publiceert een uitgever hem", None),
        ("mijn boekhouder begrijpt me niet als ik over auteursrechten begin", None),
        ("de commissie heeft mijn vraag verkeerd begrepen", None),
        ("je begrijpt me niet", "wrong"),
        ("Is dit een AI-beeld, mag ik dat verkopen", None),
        ("is dit een mens of een computer", "about"),
        ("Ben je verplicht een persoon aan te stellen voor de boekhouding", None),
        ("Graag had ik uw informatie over de projectsubsidies ontvangen.", None),
        ("kunt ge in het Engels spreken met mijn klant", None),
        ("Dag, graag een overzicht van alle subsidies voor dansers", None),
        ("Dag, een vraagje rond mijn pensioen als kunstenaar in bijberoep.", None),
        ("goeiendag, wuk moe'k doen vo mijn pensioen als kunstenaar", None),
        ("goeiemorgen ik speel in cafes en ik krijg cash betaald is dat een probleem", None),
        ("merci, mijn aanvraag is afgewezen", None),
        ("cheers for nothing", "wrong"),
        # The fifteenth bug bash's: asked again in other words, fault in a few words, hoping
        # for help, where the answers come from.
        ("da snap ik nie, ku je da wa simpeler zeggen", "wrong"),
        ("dat snap ik niet helemaal hoor, kan je het anders uitleggen?", "wrong"),
        ("kun je het verschil tussen een merk en een model eenvoudiger uitleggen", None),
        ("ok nvm dat klopt niet echt", "wrong"),
        ("hmm dat is nogal algemeen", "wrong"),
        ("het contract is nogal vaag over de rechten", None),
        ("Goedemorgen. Ik heb een hele reeks vragen, ik hoop dat u mij kunt helpen.", "hello"),
        ("hallo, help me met mijn contract", None),
        ("Waar haalt u die informatie eigenlijk vandaan?", "about"),
        ("waar vind je informatie over subsidies voor dans", None),
        ("wie heeft jou eigenlijk gemaakt?", "about"),
        ("sorry my dutch is not good, can you answer in easy Dutch please?", "language"),
        # A fourth review's: agreement, someone else's money or contact, comments on the
        # world, what one says to a client, a farewell.
        ("ok ik begrijp je", None),
        ("@els ik heb je antwoord gelezen, klinkt goed", None),
        ("waar haal je de middelen vandaan om te starten?", None),
        ("wat zijn jouw bronnen van inkomsten als muzikant?", None),
        ("ik weet niet met wie ik praat bij het VAF", None),
        ("het is vaag wat de regels zijn voor kunstenaars", None),
        ("kan jij dat anders formuleren in je brief aan de klant", None),
        ("snap er niks van die btw", None),
        ("wie heeft je website gemaakt?", None),
        ("ben je dan een natuurlijk persoon of een rechtspersoon?", None),
        ("bent u een echte persoon?", "about"),
        ("waar haal je die info vandaan?", "about"),
        ("daag! tot volgende week", "bye"),
        # The seventeenth bug bash's: whether one speaks with a person or a program, asked
        # in many ways; a farewell or thanks at the end of a story; disappointment.
        ("Zijt gij eigenlijk een echte mens of een computerprogramma?", "about"),
        ("Zijde gij eigenlijk ne mens of ne computer?", "about"),
        ("ben jij nou een echte medewerker of een chatbot?", "about"),
        ("Is dit een medewerker van een steunpunt of een programma?", "about"),
        ("Spreek ik met een mens of met een programma?", "about"),
        ("Wie zit er eigenlijk achter deze Wegwijzer?", "about"),
        ("van wie ben je eigenlijk?", "about"),
        ("Is dit een medewerker of een zelfstandige?", None),  # a worker's status
        # The twentieth bug bash's: whether Wegwijzer is someone of its own desk, after who or
        # what it is, or whom one writes with.
        (
            "Wat bent u eigenlijk precies? Spreek ik met een medewerker van Cultuurloket of met "
            "een computerprogramma?",
            "about",
        ),
        ("wie ben jij eigenlijk? een robot of iemand van het Cultuurloket?", "about"),
        (
            "Mag ik vragen met wie ik hier eigenlijk corresponder? Is dit een medewerker van "
            "Cultuurloket of een geautomatiseerd systeem?",
            "about",
        ),
        ("wie ben jij eigenlijk? een medewerker of een zelfstandige?", None),
        ("wat ben jij? een robot of een mens? hoe krijg ik mijn royalties?", None),
        ("Is dit een systeem of een regel van de btw?", None),
        ("is dit iemand of een computer?", None),  # whoever was asked about before
        (
            "wie ben jij eigenlijk? een robot of iemand van het Cultuurloket? en hoe word ik lid "
            "van Sabam?",
            None,
        ),
        ("met wie spreek ik eigenlijk? een mens of een computer?", "about"),
        ("Ben jij een echte persoon of een robot? En mag ik ook in het Engels vragen?", "about"),
        ("ik werk via een sbk, wat ben je dan? werknemer?", None),  # "je" is anyone
        ("wie zit er achter de kunstwerkcommissie?", None),
        ("spreek ik met een advocaat best eerst?", None),
        # ... and a reviewer's: the generic "you", whom to contact, a guarantor, things.
        ("ben je dan eigenlijk een medewerker of een zelfstandige bij je werkgever?", None),
        ("wat ben jij eigenlijk, werknemer of zelfstandige?", None),
        ("Voor de winwinlening: met wie praat ik?", None),
        ("Wie zit er achter u als borg bij een lening?", None),
        ("Wie zit er achter de chatbot van de belastingdienst?", None),
        ("Is dit nu een programma of een project, dat Creative Europe?", None),
        ("zijt ge nu een computer of een tablet als beroepskost", None),
        ("Als ik een klacht indien bij Sabam, spreek ik met een mens of krijg ik een brief?", None),
        ("Chatten we met een medewerker of met een bot bij het Kunstenloket?", None),
        ("Oké, wij gaan weer muren witten. Doei!", "bye"),
        ("oke top ik ben weg naar mijn set ciao tot de volgende", "bye"),
        ("Oke, we bespreken het op de raad van bestuur. Tot later!", "bye"),
        ("ik betaal mijn sociale bijdragen later", None),  # "later" takes no leave
        ("Mijn contract met het theater loopt tot volgende week", None),  # a time
        ("Mijn vzw heet Ciao", None),  # a name
        ("Tarief btw voor een concertticket. salu", None),  # nothing told: a question
        ("ik heb een factuur van 3000 euro die niet betaald is, groetjes", None),
        # ... and a second reviewer's: someone else one speaks with, whose one is insured
        # by, someone else's chatbot, a request to explain that ends in a farewell, an
        # introduction with a farewell, disappointment with a decision.
        ("Als ik naar Sabam bel, spreek ik met een mens of met een computer?", None),
        ("Bij de btw-administratie, spreek ik met een persoon of een programma?", None),
        ("Van wie ben je, als vrijwilliger, verzekerd?", None),
        ("Op de site van Sabam staat een chatbot. Wie zit er achter die chatbot?", None),
        ("ik snap het forfait niet salu tot de volgende", None),
        ("Ik ben fotograaf en heb 40 trouwreportages per jaar. Daag", None),
        ("Mijn subsidie werd afgewezen. Ik had op iets anders gehoopt.", None),
        ("ik had iets anders verwacht, mijn sociale bijdragen zijn verdubbeld", None),
        ("Hmm. Ik had op iets concreters gehoopt.", "wrong"),
        ("top, ik ga mijn boekhouder bellen. tot later!", "bye"),
        # ... and a third's: a story or a subject before the question, someone else's app,
        # trouble told before a farewell, someone else's answer.
        ("Ik chat op de site van Sabam. Spreek ik met een mens of met een programma?", None),
        ("Streams van bots op Spotify: is dit een mens of een bot? Hoe krijg ik royalties?", None),
        ("Ik zag een app in de store. Wie zit er achter deze app?", None),
        ("ik probeer al weken het kunstwerkattest aan te vragen maar het lukt niet. doei", None),
        ("Ik denk dat mijn facturen niet correct zijn opgemaakt. Doei", None),
        ("Het antwoord van de jury: afgewezen. Ik had op iets beters gehoopt.", None),
        ("Kunstenaarsattest geweigerd. Ik had op iets anders gehoopt.", None),
        ("Even tussendoor: is dit een mens of een bot?", "about"),
        ("Allee, ik ga terug naar de werkplaats. Salu en merci!", "thanks"),
        ("Dat vind ik een nogal omfloerst antwoord. Ik had op iets concreters gehoopt.", "wrong"),
        ("ik had meer subsidie verwacht.", None),  # not of the answer
        ("ik had meer verwacht, mijn aanslag is veel hoger dan gedacht", None),
        # The twenty-first and twenty-second bug bashes': a farewell after telling one leaves
        # now ("moet" had read as a request), a wish; the answer not what was asked, of no
        # help, or asked shorter; who or what Wegwijzer is, and who is behind it.
        ("ok moet naar een load-in, salut!", "bye"),
        ("oké ik moet door, sprint review. doei!", "bye"),
        ("ok, salut, 'k moe terug naar 't atelier. tot e volgende keer", "bye"),
        ("ok ik ga plat, morgen trouw in Lanaken. slaapwel en merci he!", "thanks"),
        ("ok gotta run to a gig, tot ziens!", "bye"),
        ("ok ik ben weg, moet naar een shoot. dag!", "bye"),
        (
            "Ik ga nu stoppen, mijn kleinkinderen komen straks voor pannenkoeken. Nog een schone "
            "dag en tot de volgende keer!",
            "bye",
        ),
        ("Bedankt voor de hulp, ik wens u nog een fijne avond en tot een volgende keer.", "thanks"),
        ("ik moet naar de notaris, hoe richt ik een bv op. doei", None),  # a question word
        ("ik moet naar de notaris maar het lukt niet. doei", None),  # trouble told
        ("moet ik naar het ondernemingsloket? doei", None),
        ("Dat is neet waat ich vroog. Ich vroog naar 't orgel, neet naar schilderijen.", "wrong"),
        ("Dat is eerlijk gezegd geen antwoord op mijn vraag. Ik vroeg naar mijn lessen.", "wrong"),
        ("hmm dit antwoord helpt mij niet echt, je zegt altijd 'vraag aan je boekhouder'", "wrong"),
        ("Hmm, daar heb ik nu niet veel aan hè. Ik vroeg gewoon welk percentage.", "wrong"),
        ("Da is veel uitleg voor ne simpele vraag. Kan da nie korter?", "wrong"),
        ("that last answer was way too long. can you keep it shorter?", "wrong"),
        ("uw antwoord is te lang. kan je simpel schrijven aub?", "wrong"),
        ("ik heb nog geen antwoord op mijn vraag gekregen van Sabam", None),  # awaited
        ("Mijn boekhouder zegt vraag het aan Sabam, dat helpt mij niet", None),  # someone's
        ("De subsidie van de stad is niet wat ik zocht, bestaat er iets anders?", None),
        ("kan je het verschil tussen een merk en een model eenvoudiger uitleggen", None),
        ("kan dat goedkoper met een eenmanszaak?", None),
        ("Wat zijt gij eigenlijk, een mens of een bot? En wie zit erachter?", "about"),
        ("wait, am I talking to a real person or a bot? who runs this thing?", "about"),
        ("Zijt gij nu ne computer of zit daar iemand van de stad achter die da typt?", "about"),
        ("zijt gie e echte mens of e computerprogramma?", "about"),
        (
            "Met wie of wat spreek ik hier eigenlijk? Is dit een medewerker of een programma?",
            "about",
        ),
        (
            "Mag ik vragen wie of wat u eigenlijk bent? Ben ik met een echte medewerker aan het "
            "chatten?",
            "about",
        ),
        (
            "Mag ik vragen wat u precies bent? Een chatbot van de Vlaamse overheid, of van een "
            "steunpunt?",
            "about",
        ),
        ("c'est quoi toi exactement? een echte persoon of een bot van de overheid?", "about"),
        ("wacht, wat ben jij eigenlijk? een bot of zit daar echt iemand te typen lol", "about"),
        ("Wat ben jij eigenlijk? Een chatbot van de overheid? Hoe vraag ik een beurs aan?", None),
        ("Is de helpdesk van Sabam een mens of een bot?", None),
        # ... and a reviewer's: what is asked beside the fault or the farewell is asked, and
        # someone else's answer is a story; more farewells and more of Wegwijzer itself.
        ("dit helpt mij niet verder, ik wil weten hoe ik een merk registreer", None),
        ("dat is niet wat ik vroeg, ik bedoel de startlening van PMV", "wrong"),  # refused
        ("kan je simpel schrijven aub, wat is een i-depot", None),
        ("mijn boekhouder gaf geen antwoord op mijn vraag over btw op kunstwerken", None),
        ("ik moet door, stuur me info over de kmo-portefeuille aub. doei!", None),
        ("'k moe terug naar 't atelier, zeg nog rap hoe lang auteursrecht duurt. tot ziens", None),
        ("Bedankt voor de hulp, ik wens u nog een fijne avond maar wat is volgrecht", None),
        ("ok ik moet ervandoor, bedankt!", "bye"),
        ("moet naar de drukker, later!", "bye"),
        ("I need to head out, thanks for your help", "bye"),
        ("Ik sluit af. Groetjes!", "bye"),
        ("ah oké, merci voor de info!", "thanks"),
        ("ik vroeg iets anders", "wrong"),
        ("kan je dat in gewone mensentaal zeggen?", "wrong"),
        ("Wie beheert Wegwijzer?", "about"),
        ("zijde gij van de Vlaamse overheid?", "about"),
        ("praat ik met een mens?", "about"),
        ("spreek ik met een medewerker van Sabam?", None),
        # ... and a second reviewer's: a subject beside leaving ("als", "voor", "bij", "uit"
        # say what, not where to), a fault found with something else, who runs another
        # organisation's chatbot, a request after asking who one speaks with.
        ("ik moet naar de notaris voor mijn bv, financieel plan verplicht. merci", None),
        ("ik ga stoppen als zelfstandige, overbruggingsrecht. dank u", None),
        ("ik ga starten als grafisch ontwerper, sociale bijdragen als starter. groetjes!", None),
        ("de werkbeurs is niet wat ik zocht, ik vertaal naar het Nederlands", None),
        ("nog steeds geen antwoord op mijn vraag bij Sabam. uitbetaling van mijn rechten", None),
        ("mijn boekhouder zegt 21%, niet wat ik wou horen", None),
        ("kan het simpeler, met een eenmanszaak?", None),
        ("ik zocht iets anders: een lening voor mijn atelier", None),
        ("wie beheert de chatbot van sabam", None),
        ("am I talking to a human? I need the VAT rate for selling paintings", None),
        ("praat ik met een mens? want ik wil weten hoe ik een merk registreer", None),
        ("ok ik sluit af. merci!", "thanks"),
        ("in het kort aub", "wrong"),
        ("da snap ich nie, kan da wa simpeler? ich bin gien boekhouder", "wrong"),
        ("van welke organisatie is deze bot?", "about"),
        ("who's behind this bot?", "about"),
        ("Ben ik aan het chatten met een bot?", "about"),
        ("Dank u wel voor de info, ik wens u nog een prettig weekend", "thanks"),
        # ... and the twenty-third bug bash's, read after it was measured sealed.
        (
            "Met wie spreek ik eigenlijk? Is dit een dienst van de Vlaamse overheid of een "
            "automatisch programma?",
            "about",
        ),
        ("Mag ik eerst vragen met wie ik spreek? Is dit een medewerker of een programma?", "about"),
        ("Zit daar een mens achter of is dat een computerprogramma?", "about"),
        ("ff tussendoor: ben jij nou een echt mens of een chatbot? en wie zit er achter?", "about"),
        (
            "mja, ik vroeg eigenlijk naar circus, niet naar theater... dat helpt me niet echt",
            "wrong",
        ),
        ("hmm that doesn't really help, I asked about Germany not about Belgium", "wrong"),
        ("Is dit een dienst van de belastingen?", None),
        ("zit er iemand achter de balie of is het een automaat?", None),
        # An introduction that asks nothing yet is a greeting (bug bashes 16 to 23 opened
        # with eighteen of them, refused with a desk).
        (
            "Goedemiddag. Ik ben Hilde, ik heb al een jaar of vijftien een dansschool in "
            "Mechelen. Een collega zei me dat ik hier met vragen over mijn zaak terechtkan.",
            "hello",
        ),
        (
            "hey there! Marcus here, sax player from Chicago. my Dutch is bad, so English ok?",
            "hello",
        ),
        (
            "Hoi! Ik ben Femke, keramiste in Kortrijk. Heb een klein atelier met één medewerkster.",
            "hello",
        ),
        ("Hallo, ik ben Jan, ik wil weten hoeveel btw ik moet aanrekenen", None),
        ("ik ben zzp'er met een bv in belgie, kan mijn bv mij royalty's betalen", None),
        ("I'm invited for a recital in New York. any Flemish support for the flights?", None),
        ("freelance set designer here. is there any guideline for minimum fees", None),
        # ... and a reviewer's: a question without its mark at the end, someone else's will or
        # the user's of a thing, trouble told, a request for help.
        ("hoi ik ben tom en mijn huisbaas wil de huur verhogen", None),
        ("hoi ik ben Sander mn klant in frankrijk wil geen btw betalen klopt dat", None),
        ("hallo ik ben Lena ik wil een vzw oprichten voor mijn theatergezelschap", None),
        ("Hallo, ik ben Nele, keramiste. Help mij aub met mijn btw aangifte", None),
        ("Ik ben Pieter, muzikant. Sabam heeft mij nog altijd niet uitbetaald", None),
        ("hallo ik ben emma en ik moet mijn auto laten keuren", None),
        (
            "Goeiemiddag, ik ben Frank. Mijn dochter wil naar de kunstacademie, bestaat daar "
            "een beurs",
            None,
        ),
        (
            "Goedendag. Mijn naam is Rojda, ik ben documentairemaakster in Brussel. I hope you can "
            "help me with some questions.",
            "hello",
        ),
        ("Hoi! Ik ben Sanne, grafisch ontwerper, en ik wil hier als zzp'er aan de slag", "hello"),
        ("Hoi! Ik ben Kasia, scenografe. Sorry voor mijn Nederlands, is niet perfect", "hello"),
        # The earlier bug bashes' talk that still failed: where the facts come from, whose
        # chatbot it is, more fault, more farewells, which languages.
        ("Wie houdt deze info bij en hoe recent is ze?", "about"),
        ("Op welke bronnen baseert u zich eigenlijk, en hoe actueel zijn die?", "about"),
        ("Van wie is deze chatbot eigenlijk, van de Vlaamse overheid?", "about"),
        ("Sorry mo da was e beetje te ingewikkeld voor mij. Ik snap er nie veel van.", "wrong"),
        ("dit antwoord is veel te lang. Can you keep it shorter next time please?", "wrong"),
        ("Pff, da vorige antwoord hielp mij gin zier vooruit, ge zegt altijd hetzelfde", "wrong"),
        ("Eerlijk gezegd vind ik dat antwoord wat mager: u verwijst mij weer door.", "wrong"),
        ("oke bro ik ben weg, moet naar de studio. peace", "bye"),
        ("In which languages can I talk to you? Alleen Nederlands?", "language"),
        ("in welke taal mag ik mijn dossier indienen?", None),
        ("dat antwoord van de bank hielp mij niet", None),
        # ... and the twenty-fourth bug bash's, read after it was measured sealed.
        ("hmm da is wel heel algemeen eh, ik had gehoopt op iets concreters", "wrong"),
        ("ok, ik ga de winkel opendoen. salukes!", "bye"),
        ("oke ik ben weg, byeee", "bye"),
        ("Hartelijk dank voor uw uitgebreide en heldere uitleg, dat helpt mij verder.", "thanks"),
        ("het is wel heel algemeen wat de regels zijn voor kunstenaars", None),
        # ... and the twenty-sixth bug bash's, read after it was measured sealed: Flemish "wa",
        # an emoji for the program, someone of a desk behind it, "hierachter".
        ("wacht wie of wa zijt gij eigenlijk? echte mens of een 🤖?", "about"),
        ("wa zijde gij eigenlijk? ne computer of zit daar iemand achter", "about"),
        ("ben jij eigenlijk een echte persoon of een bot? wie zit hierachter?", "about"),
        (
            "wacht efkes, wie of wa zijt gij eigenlijk? zit daar iemand van de stad achter of "
            "is da ne computer?",
            "about",
        ),
        (
            "Mag ik eens vragen met wie ik hier eigenlijk spreek? Zit daar iemand van het "
            "Cultuurloket achter, of is dit een computerprogramma?",
            "about",
        ),
        ("wa is een sbk?", None),
        ("zit daar iemand van de stad achter die subsidie?", None),
        ("Is da ne computer of een tablet als beroepskost?", None),
        # A farewell after telling why one leaves, with a plain "not" in it, or thanks and
        # "until next time" after "voor vandaag".
        ("Allei, ik moet naar de veiling, de bloemen wachten nie. Salu en tot de volgende!", "bye"),
        (
            "Goed, ik ga stoppen voor vandaag, de inkt moet drogen. Bedankt voor de hulp en tot "
            "een volgende keer!",
            "bye",
        ),
        ("ik moet naar de notaris, maar mijn aanvraag lukt niet. tot later", None),
        # Two comparatives asked of the answer.
        ("kan je korter en simpeler schrijven?", "wrong"),
        ("kan dat goedkoper en sneller?", None),
        # The twenty-seventh bug bash's, read after it was measured sealed: leaving with a
        # reason (what begins or waits), "moet gaan" after an acknowledgement, a Turkish
        # farewell, "that's me sorted for now"; faults in other words; who is behind "this
        # service".
        ("ok top, moet gaan, shoot begint. salut!", "bye"),
        ("allez, 'k ga were aan 't werk, den oven staat te wachten. salut!", "bye"),
        (
            "ok 'k moet gaan, de markt begint om 8u en 'k moet mijn kraam nog opzetten. salut!",
            "bye",
        ),
        ("oke ik moet naar de oven gaan kijken, tot later! görüşürüz", "bye"),
        ("right, that's me sorted for now. tot ziens!", "bye"),
        ("ik moet gaan, de deadline van mijn aanvraag is niet gehaald. salut", None),
        ("bon, da's nie echt een antwoord he, ik vroeg naar glas", "wrong"),
        ("dat antwoord slaat echt nergens op", "wrong"),
        ("pff je antwoord van gisteren hielp mij niet echt hoor, veel te algemeen", "wrong"),
        ("pff da vorig antwoord was zo algemeen da ik er niks mee ben", "wrong"),
        ("pff da weet ik allemaal al, daar ben ik nie veel mee eigenlijk", "wrong"),
        ("dat is geen antwoord op de vraag of ik btw moet aanrekenen?", None),
        ("allez merci, 'k zen weg. salu", "thanks"),  # (thanks first, as it says)
        ("ugh that answer was way too long and I still dont really get it tbh", "wrong"),
        ("I still didn't get an answer from Sabam, that answer was too vague", None),
        (
            "hey hallo. ik ben jens, maak docu's in gent en heb sinds 2 jaar ne kleine bv. ga u "
            "de komende maanden wss wel wa lastigvallen",
            "hello",
        ),
        ("great, that's all I needed. see you!", "bye"),
        ("top, ik weet genoeg. tot de volgende!", "bye"),
        # (a reviewer's probes: a question after "en", someone else's answer or explanation,
        # "daar zijn we nog niet mee", a question after "dat wist ik al")
        ("ok moet gaan, de markt begint en moet ik daar een vergunning voor hebben. salut", None),
        ("het antwoord van de belastingdienst was te vaag", None),
        ("de uitleg van mijn boekhouder was veel te ingewikkeld", None),
        ("dat antwoord was te vaag, moet ik nu btw betalen of niet", None),
        ("daar zijn we nog niet mee, de subsidie is nog niet uitbetaald", None),
        ("dat wist ik al, mijn boekhouder zei het ook. maar mag ik mijn auto inbrengen", None),
        (
            "Wie zit er eigenlijk achter deze dienst? Spreek ik met een mens of een programma?",
            "about",
        ),
    ],
)
def test_talk_is_told_by_its_cues(text, kind):
    assert talk_kind(text, surface_tokens(text)) == kind


def test_talk_in_the_twenty_sixth_bug_bash_and_its_review(assistant):
    """Done for today, what will not wait while leaving and asking with whom one speaks are
    talk; a trouble told while leaving, or a question after asking with whom one speaks, is
    not (a reviewer's probes)."""
    _assert_talk_and_questions(
        assistant,
        talk=(
            "ik ga stoppen voor vandaag",  # had got the bridging right (0.65)
            "we sluiten af voor vandaag",  # had got closing a winwinlening (0.85)
            "ik moet naar de veiling, de bloemen wachten nie. salu en tot de volgende!",
            "Mag ik vragen met wie ik spreek? Is dit een dienst van de Vlaamse overheid?",
        ),
        questions=(
            "mag ik eens vragen met wie ik hier eigenlijk spreek? en hoe registreer ik een merk?",
            "mag ik u vragen met wie ik eigenlijk spreek, want ik heb een vraag over de "
            "winwinlening",
            "kan ik eens weten met wie we praten, ik wil een startlening aanvragen",
            "ik moet naar de notaris, mijn aanvraag is niet goedgekeurd. tot later",
            "ik moet ervandoor, ik heb geen verzekering voor mijn atelier. salu",
            "ik ga stoppen als zelfstandige, wat moet ik doen?",
        ),
    )


def _assert_talk_and_questions(assistant, talk, questions):
    """Every message of `talk` gets smalltalk's reply; none of `questions` does."""
    for text in talk:
        assert assistant.ask(text).outcome == "smalltalk", text
    for text in questions:
        assert assistant.ask(text).outcome != "smalltalk", text


def _assert_asked(kind, asking, not_asking):
    """Every question of `asking` asks the `kind` of fact; none of `not_asking` does."""
    for text in asking:
        assert kind in asked_facts(surface_tokens(text)), text
    for text in not_asking:
        assert kind not in asked_facts(surface_tokens(text)), text


def test_how_high_and_a_threshold_ask_an_amount(assistant):
    # "hoe hoog is de kunstwerkuitkering" asked nothing the passage could lack and was answered
    # at 0.96 by the passage, which gives no amount ("hoeveel bedraagt ..." was partial).
    # Not a border ("grens" alone is no threshold), nor, a reviewer found, an age, a risk, a
    # bar or a liability, which had made their passages fail ("hoe hoog ligt de
    # pensioenleeftijd voor zelfstandigen", answered at 0.71, was refused at 0.20).
    _assert_asked(
        "amount",
        asking=(
            "hoe hoog is de kunstwerkuitkering",
            "how high is the vat threshold for small businesses",
            "wat is de drempel voor de vrijstellingsregeling",
            "wat is het grensbedrag",
        ),
        not_asking=(
            "mag ik over de grens met mijn gitaren?",
            "hoe hoog ligt de pensioenleeftijd voor zelfstandigen",
            "how high is the risk that someone opposes my trademark",
            "hoe hoog zit de lat om een ontwerp als model te beschermen",
            "how high is the liability of a sole trader if the business goes bust",
        ),
    )
    assert assistant.ask("hoe hoog is de kunstwerkuitkering").outcome == "partial"
    answer = assistant.ask("hoe hoog is de omzetgrens voor de btw vrijstelling")
    assert answer.answered and answer.passages[0].id == "btw-vrijstelling"


def test_how_often_a_return_is_filed_is_no_rate_asked(assistant):
    # "btw-aangifte per maand" is a monthly return, not a figure per month: "welke drempel geldt
    # er voor een btw-aangifte per maand ..." was partial (0.67) with the passage that gives
    # the threshold, EUR 2.500.000 (a reviewer's; "maandelijks" alike). A unit elsewhere
    # still asks a rate, another reviewer found (the first version dropped every unit beside a
    # return, and these were answered with yearly or daily figures).
    _assert_asked(
        "per maand",
        asking=(
            "hoeveel bedraagt de uitkering per maand",
            "hoeveel is de ziekte-uitkering per maand, komt die op mijn aangifte?",
            "if I return to work after being sick, how much is the self-employed benefit per "
            "month",
            "how much do I pay per month if I file monthly returns",
        ),
        not_asking=(
            "welke drempel geldt er voor een btw-aangifte per maand in plaats van per kwartaal",
            "vanaf welk bedrag moet ik maandelijks btw-aangifte doen",
            "vanaf hoeveel omzet moet je per maand aangifte doen",
            "what is the monthly filing threshold for vat returns in belgium",
        ),
    )
    answer = assistant.ask(
        "welke drempel geldt er voor een btw-aangifte per maand in plaats van per kwartaal"
    )
    assert answer.answered and answer.passages[0].id == "btw-aangifte-ritme"


def test_whether_something_is_free_is_asked_and_answered_by_what_it_costs_or_that_it_is_free(
    assistant,
):
    # "is dat gratis?" after Flanders DC's advice asked nothing the passage could lack and was
    # answered with the advice (0.81). Free entry, a free thing, or tax that is free, asks
    # nothing of the kind; nor, a reviewer found, a statement of what is free before the
    # question ("de workshop is gratis voor deelnemers": its passage had been refused).
    _assert_asked(
        "free",
        asking=(
            "is dat gratis?",
            "is de eerste afspraak kosteloos of betalend?",
            "is het gratis om een merk te registreren",
            "is advies bij het cultuurloket gratis",
            "krijg ik advies van het cultuurloket gratis?",
            "was kopiloot gratis?",
            "kost da iets of is da gratis",
            "is dat gratis en hoe vraag ik het aan?",
            "is it free of charge?",
            "are the workshops free for members?",
            "will it be free?",
        ),
        not_asking=(
            "gratis inkom, moet ik dan sabam betalen?",
            "is sabam nodig als de inkom gratis is?",
            "waar kan ik gratis advies krijgen?",
            "de workshop is gratis voor deelnemers, moet ik btw aanrekenen?",
            "het concert is gratis of betalend, maakt dat uit voor sabam?",
            "is that prize tax free?",
            "is a gift to a museum free of tax?",
            "is classical music copyright free?",
            "free entry, do we pay sabam?",
            # (English puts no verb last in a clause of a condition, a reviewer found: "who owns
            # the copyright if the design is free?" had lost its passage.)
            "do I need to pay sabam if the concert is free?",
            "who owns the copyright if the design is free?",
        ),
    )
    reading = assistant.read("is dat gratsi?")  # a typo of the word that asks it
    assert "free" in assistant.asked(reading.text, reading.tokens)
    # Said to be free, or not, or what one pays, it is answered, with or without a figure; not
    # by anyone paying anything.
    assert holds_fact("Aansluiten bij PlayRight is gratis.", "free")
    assert holds_fact("Een ATA-carnet is niet gratis.", "free")
    assert holds_fact("Aan het lidmaatschap zijn kosten verbonden.", "free")
    assert holds_fact("Auteursrecht krijg je automatisch: het kost niets.", "free")
    assert holds_fact("Oppositie is een relatief goedkope procedure zonder rechter.", "free")
    assert holds_fact("Het is een kosteloze procedure.", "free")
    assert holds_fact("Je betaalt een jaarlijkse bijdrage.", "free")
    for a1 in (
        "Met een A1-attest bewijs je dat je hier geen sociale bijdragen betaalt.",
        "Met een A1-attest betaal je hier geen sociale bijdragen.",
    ):
        assert not holds_fact(a1, "free"), a1
    advice = "Flanders DC geeft advies aan ontwerpers en organiseert opleidingen."
    assert not holds_fact(advice, "free")
    conversation = Conversation(assistant)
    conversation.ask("bij welke organisatie kan ik als juweelontwerpster terecht voor advies")
    answer = conversation.ask("is dat gratis?")
    assert answer.outcome == "partial"
    assert answer.message.startswith("Of het gratis is, staat niet in de kennisbank.")
    # The snippet is the sentence that says it, free or its price (a reviewer: the mark's
    # showed what a mark protects, not "kost online EUR 244").
    for topic, passage, said in (
        ("hoe word ik lid van playright", "playright-lid-worden", "gratis"),
        ("hoe registreer ik een merk?", "benelux-merk", "EUR 244"),
    ):
        conversation = Conversation(assistant)
        conversation.ask(topic)
        answer = conversation.ask("is dat gratis?")
        assert answer.answered and answer.passages[0].id == passage
        assert said in answer.passages[0].snippet.split(". ")[0]


def test_who_holds_a_role_is_asked_of_a_name_in_the_passage(assistant):
    # "wie is de directeur van het vaf" (0.69) and "who is the head of the vaf" (0.84) were
    # answered with the fund's passage, which names no one; who may hold a role, or counts as
    # holding it, is no name asked.
    # Nor, a reviewer found, members who may join, a role in general, or what someone does
    # to those in a role (these had been made partial by the first version).
    _assert_asked(
        "person",
        asking=(
            "wie is de directeur van het vaf",
            "who is the head of the vaf",
            "wie zit er in de jury van de projectsubsidies",
            "hoe heet de voorzitter van sabam",
        ),
        not_asking=(
            "wie kan zaakvoerder zijn van een bv",
            "wie telt als oprichter van een bv",
            "Wie of wat is de Kunstwerkcommissie?",
            "wie moet de jaarrekening neerleggen als zaakvoerder",
            "wie zijn de leden van playright",
            "wie zijn de bestuurders van een vzw en hoeveel moet je er hebben",
            "wie registreert de bestuurders in het ubo-register",
            "who is allowed to be a director",
        ),
    )
    answer = assistant.ask("wie is de voorzitter van sabam")
    assert answer.outcome == "partial" and answer.message.startswith("Wie het precies is")
    # The persons the passages name in a role are there.
    for text, expected in (
        ("wie was de eerste medewerker van het kunstenloket", "kunstenloket"),
        ("wie was de minister die de cultuurbank lanceerde", "cultuurbank-2016"),
    ):
        answer = assistant.ask(text)
        assert answer.answered and answer.passages[0].id == expected, text


def test_a_date_to_prove_is_no_date_asked():
    # "van welke datum" after proving asks how to prove the date (i-DEPOT, evidence), not a
    # deadline, which the passages on proof lack (refused at 0.02).
    tokens = surface_tokens("Hoe kan ik bewijzen dat een tekening van mij is en van welke datum?")
    assert "deadline" not in asked_facts(tokens)
    assert "deadline" in asked_facts(surface_tokens("wat is de datum van de volgende oproep?"))


def test_an_introduction_that_asks_nothing_is_a_greeting_whatever_a_passage_shares(assistant):
    """An introduction that asks nothing yet greets, even when a passage shares its words:
    the games fund had answered a game developer's introduction (0.86), and "als ik wat tijd
    heb" had read "wat" as asking. One with a question stays a question."""
    _assert_talk_and_questions(
        assistant,
        talk=(
            "Hoi! Ik ben Daan, gamedev uit Rotterdam, woon sinds een paar maanden in Brussel. We "
            "zijn met z'n tweeën een klein indie studiootje aan het opzetten 🙂",
            "Goeiendag. Ik ben Jef, striptekenaar uit Turnhout. Een collega zei me dat ik hier "
            "terecht kon met mijn vragen. Ik zal ze stellen als ik wat tijd heb.",
        ),
        questions=(
            "Hoi! Ik ben Daan, gamedev uit Rotterdam. Welke steun is er voor een indie studio?",
            "Hoi, ik ben Daan, gamedev. Is er een fonds voor games?",
            "Hallo, ik ben Daan. Wat is het VAF gamefonds?",
            # (a reviewer's probes: someone else's doing, a subject announced, "wat" opening)
            "Hoi, ik ben Lars, juwelenontwerper. Iemand kopieert mijn ontwerpen op Etsy.",
            "Hallo, ik ben Eva, ik ben kunstenares en ik heb een vraag over mijn btw-aangifte",
            "Hoi ik ben Zoë, illustratrice. Wat werk telt mee voor het kunstwerkattest",
            "Hi, I'm Jack, a photographer. Someone is using my photos on their website.",
        ),
    )


def test_an_english_question_typed_without_its_mark_after_an_introduction_is_asked(assistant):
    """"Session guitarist here is it mandatory to join playright ...", typed without a stop or
    a question mark, had been taken for an introduction and greeted, though PlayRight answers
    it; asking whether English will do is still a greeting."""
    _assert_talk_and_questions(
        assistant,
        talk=(
            "Hey, Marcus here, I design furniture and this is my first time here",
            "Hi, Marcus here, I am new in Ghent. Can I write in English?",
        ),
        questions=(
            "session guitarist here is it mandatory to join playright to get paid for my "
            "recordings or can i stay independent",
            "solo indie dev here with an eenmanszaak can i apply to the vaf gamefonds",
        ),
    )


def test_is_or_are_opening_a_clause_after_an_introduction_asks_of_a_share_or_a_sum(assistant):
    """"is" or "are" opening a clause after the introduction, with a share or a sum in it,
    asks whether something is so, though typed without its mark: these had been greeted back,
    the question lost. Chat that leaves out its subject still tells (a reviewer's: "is de
    eerste keer dat ik hier ben", "is al 3 jaar dat ik fotografeer", had been read as asking
    when any determiner or figure followed)."""
    _assert_talk_and_questions(
        assistant,
        talk=(
            "Hallo, ik ben Jan, is leuk dat dit bestaat",
            "Hoi, ik ben Jan, mijn Nederlands is niet perfect",
            "hallo, ik ben Sofie, is de eerste keer dat ik hier ben",
            "Hoi, ik ben grafisch ontwerper, is mijn eerste jaar als zelfstandige",
            "hallo ik ben Lies, is al 3 jaar dat ik fotografeer",
            "hey I'm Nina, is almost 10 years now that I paint",
        ),
        questions=(
            "designer here, is vat 21% on posters",
            "hallo, ik ben edelsmid, is de btw 21% op ringen",
            "jeweller here, are my rings art with 6% vat",
            "hoi ik ben Jan, is 25.000 euro de grens voor de vrijstelling",
        ),
    )


def test_a_farewell_after_leaving_now_whatever_it_leaves_for(assistant):
    """Leaving for the train or the doctor is a farewell, though a subject outside the domain
    holds the word; trouble told while leaving is not."""
    for text in ("k moet gaan, mn trein vertrekt. doei", "ik moet naar de dokter, salut"):
        assert assistant.ask(text).outcome == "smalltalk", text
    for text in (
        "ik moet naar de dokter, mijn paspoort is gestolen. salut",
        "Goedemiddag, ik ben mijn paspoort kwijt",
    ):
        assert assistant.ask(text).outcome == "not_answered", text


def test_talk_in_the_twenty_eighth_bug_bash(assistant):
    """A farewell typed on after leaving, done for the day with a wish, thanks for just what
    was needed, a complaint after "pff", asking with whom one speaks in either word order
    or whether one writes to a program, and "wat vragen stellen" in an introduction are talk;
    the same words around a question are not."""
    _assert_talk_and_questions(
        assistant,
        talk=(
            "oké ik ben weg salut",  # had got criminal counterfeiting (0.83)
            "allez, 'k goa stoppen, moet morgenvroeg naar e trouw in Ieper. salut en merci!",
            "Dat was het voor vandaag. Prettig weekend!",
            "Dank u, dat is helder en precies wat ik nodig had.",
            "pff da was nu nie echt wa ik vroeg hè, 'k wou gewoon e simpel antwoord",
            "Even tussendoor: met wie of wat praat ik hier eigenlijk? Is dit een chatbot van "
            "VLAIO?",
            "Vooraleer ik begin: met wie heb ik eigenlijk het genoegen? Zit daar een medewerker "
            "achter, of ben ik aan het corresponderen met een computerprogramma?",
            # (had got selling one's work, 0.81)
            "Hallo! Ik ben Sofie, goudsmid en juwelenontwerpster uit Leuven. Ik heb een klein "
            "atelier en verkoop via een paar galeries en mijn eigen webshop. Ik ga hier af en "
            "toe wat vragen stellen 🙂",
        ),
        questions=(
            "ik ben weg bij mijn sbk salut",
            "ik moet morgen naar de boekhouder, hoeveel btw moet ik aanrekenen? salut",
            "bedankt, ik zoek nog info over de btw",
            "met wie praat ik best over mijn contract?",
            "Hallo, ik ben Sofie, goudsmid. wat vragen ze voor een stand op een beurs",
            # (a reviewer's probes: "wat vragen ze" unpunctuated, "zijn" as "his", a support
            # programme "van de EU")
            "hoi ik ben Jens wat vragen ze bij sabam om lid te worden",
            "hey, als ik zijn logo ontwerp blijf ik dan eigenaar van de auteursrechten",
            "is dit een programma van de EU, Erasmus voor Jonge Ondernemers?",
        ),
    )
    # After an answer too: thanks for just what was needed, done for the day; but "met wie
    # spreek ik dan?" asks whom to turn to, and "is dit een programma van VLAIO?" about it.
    for first, then, kind in (
        ("wat is het kunstwerkattest?", "Dank u, dat is helder en precies wat ik nodig had.", True),
        ("hoe word ik lid van sabam?", "Dat was het voor vandaag. Prettig weekend!", True),
        ("hoe sluit ik een winwinlening af?", "ok. met wie spreek ik dan?", False),
        ("hoe vraag ik de kmo-portefeuille aan?", "is dit een programma van VLAIO?", False),
    ):
        conversation = Conversation(assistant)
        conversation.ask(first)
        assert (conversation.ask(then).outcome == "smalltalk") is kind, then


def test_talk_with_a_mistyped_filler_or_a_farewell_of_another_language(assistant):
    """ "eigelijk", "eignelijk" are "eigenlijk"; someone "aan de andere kant" sits behind it;
    "à plus", "ma3a salama" take leave (older bug bashes, refused at 0.10 to 0.34)."""
    _assert_talk_and_questions(
        assistant,
        talk=(
            "Met wie heb ik eigelijk het genoegen? Zit daar een medewerker aan de andere kant, "
            "of is dit een computerprogramma?",
            "Mag ik vragen met wie ik hier eignelijk spreek? Bent u een medewerker van de "
            "overheid, of een computerprogramma?",
            "Bon, genoeg voor vandaag. Merci en à plus!",
            "ok ma3a salama",
            # (thanks to a "gast", dude, had got Erasmus for young entrepreneurs, 0.65)
            "merci gast da helpt al",
            "ik ga het hierbij laten voor vandaag",
        ),
        questions=(
            "is er eigelijk een lening voor kunstenaars?",
            "Bon, genoeg voor vandaag: hoeveel kost een i-depot? à plus",
            "mijn gast wil een winwinlening geven, mag dat?",
        ),
    )


def test_talk_in_the_twenty_ninth_bug_bash(assistant):
    """Complaints that the answer was not the question or does not hold, having enough to
    think about, "à plus" after a farewell, and whose bot it is after who is behind it are
    talk; the same words around a question are not."""
    _assert_talk_and_questions(
        assistant,
        talk=(
            "ok ciao, à plus!",  # had got the kunstwerkattest (0.81)
            "euh dat is niet echt mijn vraag he. pfff",
            "hmm dat was niet echt mijn vraag, ik vroeg naar royalties en niet naar btw",
            "hmm da antwoord klopt toch nie he. ik vroeg naar m'n prints en gij begint over "
            "muziek en sabam",
            "allee, da's nu echt een antwoord waar ik niks mee ben, ge draait rond de pot",
            "Goed, ik heb weer genoeg om over na te denken. Bedankt en nog een fijne avond, tot "
            "de volgende keer!",
            "Wie zit er eigenlijk achter deze bot? Is dat van de overheid?",
        ),
        questions=(
            "is dat van de overheid, die winwinlening?",
            "is dat niet mijn vraag over de btw?",
            "Wie zit er achter deze bot? En hoe vraag ik een winwinlening aan?",
        ),
    )
    # After an answer too ("daar zijn we niet veel mee" had got the guarantee again, 0.89).
    conversation = Conversation(assistant)
    conversation.ask("wat is de waarborgregeling van pmv?")
    then = "hm, daar zijn we niet veel mee, dat had de bank ons ook al verteld 🙄"
    assert conversation.ask(then).outcome == "smalltalk"


def test_a_year_whose_figure_the_passage_lacks_is_a_partial_answer(assistant):
    """ "en voor inkomstenjaar 2026?" after 2024's ceiling for author's rights: the passage
    says it has no figure for 2026, so the answer is partial, however sure the passage
    (0.76 and answered before, when 2025 was the year it lacked); a year it holds is
    answered."""
    first = "Wat was het plafond voor auteursrechten als roerend inkomen voor inkomstenjaar 2024?"
    for follow_up, outcome in (
        ("En voor inkomstenjaar 2026?", "partial"),
        ("en voor het inkomstenjaar 2026?", "partial"),
        ("en voor inkomstenjaar 2025?", "answered"),
        ("en voor inkomstenjaar 2023?", "answered"),
    ):
        conversation = Conversation(assistant)
        assert conversation.ask(first).outcome == "answered"
        answer = conversation.ask(follow_up)
        assert answer.outcome == outcome, follow_up
        # (Both passages give 2025's ceiling; only the ceiling's passage lacks 2026's.)
        expected = {"auteursrechten-plafond"}
        if outcome == "answered":
            expected.add("auteursrechten-belasting")
        assert answer.passages[0].id in expected, follow_up
    # Assessment year 2025 is income year 2024, whose figure the passage holds: no year asked
    # that it would lack (a reviewer's probe).
    assert not any(
        kind.startswith("year") for kind in asked_facts(surface_tokens("en voor aanslagjaar 2025?"))
    )


def test_thanks_to_someone_is_thanks_and_whom_it_thanks():
    for text in ("merci manneke", "thanks mate!", "ok merci manneke", "merci bien"):
        assert thanks_someone(text, surface_tokens(text)), text
    # A subject after thanks asks about it.
    for text in ("merci, winwinlening", "thanks, trademark", "merci, hoe zit het met btw"):
        assert not thanks_someone(text, surface_tokens(text)), text


def test_talk_is_read_as_talk_only_when_nothing_answers_it(assistant):
    """A refused message that reads as talk gets smalltalk's reply; what a passage answers
    stays a question, and so does a detail after thanks that follows up on the topic."""
    for text, start in (
        ("Hoi! Ik ben architectuurfotograaf en net naar Antwerpen verhuisd.", "Hallo!"),
        ("Ik vrees dat u mijn vraag verkeerd begrepen heeft.", "Sorry, dan hielp"),
        ("merci manneke", "Graag gedaan"),  # "manneke", a "man", had got the SBKs (0.93)
    ):
        answer = assistant.ask(text)
        assert answer.outcome == "smalltalk" and answer.message.startswith(start), text
    # A question about Wegwijzer itself, whatever a passage shares with it (0.70 before), by
    # strict patterns: "a person" of the law is no question about it.
    assert assistant.ask("wie heeft jou eigenlijk gemaakt?").outcome == "smalltalk"
    # Thanks that says what it is worth: "mee" had got a passage holding it (0.69); not a
    # question about what to do with it.
    assert assistant.ask("Merci, daar kan ik al iets mee!").outcome == "smalltalk"
    conversation = Conversation(assistant)
    conversation.ask("Hoe richt ik een BV op?")
    assert conversation.ask("merci, wat moet ik daar nu mee").outcome != "smalltalk"
    # A farewell that a follow-up would answer with the answer before again is a farewell.
    conversation = Conversation(assistant)
    conversation.ask("wat is een beurs van het kunstendecreet")
    assert conversation.ask("ok ik ga die aanvragen. doei").outcome == "smalltalk"
    # ... or with another passage that answer showed (the kunstwerkattest's assessment, 0.91).
    conversation = Conversation(assistant)
    conversation.ask("wat is het kunstwerkattest")
    assert conversation.ask("Oké, ik ga het aanvragen. Salu!").outcome == "smalltalk"
    # Not when it still asks something.
    conversation = Conversation(assistant)
    conversation.ask("moet ik btw aanrekenen voor een optreden")
    still = conversation.ask("merci, daar kan ik iets mee maar wat met de btw op workshops")
    assert still.outcome == "answered"
    # Thanks that is only talk, or thanks for something of use, after an answer is thanks.
    for question, said in (
        ("welke subsidies zijn er voor muzikanten", "merci, tot volgende week"),
        ("wat is een sbk", "dank u, daar kunnen we iets mee"),
    ):
        assert _reply_after(assistant, question, said).outcome == "smalltalk", said
    # Nor thanks with a detail the answer's passages take up (a BV without minimum capital).
    conversation = Conversation(assistant)
    conversation.ask("hoe richt ik een bv op")
    assert conversation.ask("thx ik heb 5000 euro kapitaal").outcome == "answered"
    # A plan with a farewell that a passage answers keeps its answer, alone ("dag" greets,
    # "later" is a time); a question about who made Wegwijzer does not.
    for text in ("dag, ik ga later een bv oprichten", "ik ga een startlening aanvragen. bye"):
        assert assistant.ask(text).outcome == "answered", text
    assert assistant.ask("Wie heeft deze Wegwijzer ontwikkeld?").outcome == "smalltalk"
    assert assistant.ask("wie heeft de chatbot van sabam gemaakt").outcome != "smalltalk"
    assert assistant.ask("ben je als eenmanszaak een persoon of een bedrijf").answered
    # A question is no talk, answered or not.
    assert assistant.ask("hallo, wat kost een merk").outcome == "answered"
    # (Refused until the word votes of 5 December 2026, which give the graphic designer to
    # Flanders DC: now a partial answer on it, which says the cost is not known.)
    refused = assistant.ask("hallo, ik ben grafisch ontwerper, wat kost een merk")
    assert refused.outcome in ("not_answered", "partial")
    # A subject outside the domain is refused, greeting or not.
    for text in ("Goedemiddag, ik ben mijn paspoort kwijt", "Hallo, ik ben mijn rijbewijs kwijt"):
        assert assistant.ask(text).outcome == "not_answered", text
    # Refused as a question, talk still tells what the next question is about.
    conversation = Conversation(assistant)
    # ("... en kan mijn opdracht niet afwerken" made the guess a near tie with the SBK's way of
    # working, whose text has "opdracht" and "afwerken", once the passages of 6 December 2026
    # shifted the words' weights.)
    greeting = conversation.ask("Goedemorgen, ik ben ziek en kan een paar weken niet werken.")
    assert greeting.outcome == "smalltalk"
    answer = conversation.ask("krijg ik een uitkering?")
    assert answer.answered and answer.passages[0].id == "arbeidsongeschiktheid-zelfstandige"
    conversation = Conversation(assistant)
    conversation.ask("hoeveel kan ik lenen met een winwinlening")
    answer = conversation.ask("bedankt, mijn broer woont wel in Nederland")
    assert answer.outcome == "answered"
    assert answer.passages[0].id == "winwinlening-voorwaarden"
    assert conversation.ask("merci manneke").outcome == "smalltalk"


def test_fault_found_after_an_answer_is_not_answered_with_it_again(assistant):
    # Read as a follow-up, each had got the topic's answer once more.
    for question, said in (
        ("wat is een beurs van het kunstendecreet", "hier heb ik niks aan"),
        ("wat is de kmo-portefeuille", "da was veel tekst, kunt ge da wa korter zeggen?"),
        ("wat is het kunstwerkattest?", "Ik vrees dat u mijn vraag verkeerd begrepen heeft."),
        ("hoeveel kan ik lenen met een winwinlening", "Vermeldt u ook uw bronnen?"),
    ):
        assert _reply_after(assistant, question, said).outcome == "smalltalk", said
    # Talk bears no follow-up's notice.
    conversation = Conversation(assistant)
    conversation.ask("wat is de tax shelter?")
    talk = conversation.ask("waar haal je die informatie vandaan?")
    assert talk.outcome == "smalltalk" and not any("vervolg" in n for n in talk.notices)
    # Fault found beside a question still follows up.
    conversation = Conversation(assistant)
    conversation.ask("wat is het kunstwerkattest?")
    answer = conversation.ask("Je snapt het niet, ik bedoel hoe lang het geldig is")
    assert answer.answered and answer.passages[0].id == "kunstwerkattest"


def test_a_greeting_with_a_story_offers_what_came_close(assistant):
    # Told by its cues, a greeting that a passage came close to offers that passage's
    # questions and the desk, as the refusal did.
    # (With the six passages of 6 December 2026 "Hallo, een klant betaalt al drie maanden niet"
    # came to 0.046, under `TALK_CLOSE`: every added passage moves such a story a little, and
    # what came close, VAT for foreign clients, answered nothing of it. Later that day a
    # passage on unpaid invoices answers "een klant betaalt mijn factuur al drie maanden niet".)
    story = assistant.ask("Hallo, ik heb ruzie met mijn uitgever over mijn boek")
    assert story.outcome == "smalltalk" and story.fallback is not None
    # The desk even when little came close (0.07): the story may be a problem.
    hurt = assistant.ask("Dag, iemand heeft mijn illustratie op een T-shirt gedrukt.")
    assert hurt.outcome == "smalltalk" and hurt.fallback is not None
    assert story.suggestions != messages.DEFAULT_SUGGESTIONS
    # In text the desk follows the examples the greeting ends by introducing.
    lines = render_text(story).splitlines()
    assert lines[1].startswith("  • ") and lines[-1].startswith(messages.LABEL_DESK)
    # Nothing came close to "Leuk dat jullie er zijn": the examples. ("Leuk dat dit bestaat"
    # came close to nothing until the word votes of 5 December 2026 gave "bestaat" to
    # questions on whether a measure still exists.)
    pleased = assistant.ask("Goedemorgen! Leuk dat jullie er zijn.")
    assert pleased.outcome == "smalltalk"
    assert pleased.suggestions == messages.DEFAULT_SUGGESTIONS


def test_a_farewell_formula_gets_no_passage(assistant):
    # "volgende" stems to "volg", a part of "volgrecht": the farewell got the volgrecht at 0.84.
    for text in (
        "Tot de volgende!",
        "Ok, bedankt voor alles. Tot de volgende!",
        "Bon, genoeg voor vandaag. Merci!",
        "ok that's all for now, tot later!",
        "Dat was het voor nu. Ajuu!",
    ):
        answer = assistant.ask(text)
        assert answer.outcome == "smalltalk" and not answer.passages
    # Asked, it is no word of a question either; what follows it is, and so is a wait.
    assert not assistant.ask("tot de volgende?").passages
    assert "deadline" in {g.word for g in assistant.analyse("tot de volgende deadline?")}
    assert "volgende" in {g.word for g in assistant.analyse("moet ik wachten tot de volgende?")}


@pytest.mark.parametrize(
    ("text", "changes"),
    [
        ("andere vraag: hoe lang duurt het auteursrecht?", True),
        # A "trouwens" before it had hidden it: a fine after a topic was read as a follow-up.
        ("trouwens totaal iets anders, ik kreeg een flitsboete, kan ik die betwisten?", True),
        ("by the way, something else: how long does copyright last?", True),
        # (the twenty-eighth bug bash: West-Flemish "helemoal", "totaal andere vraag")
        ("iets helemoal anders: hoelang blijven mijn foto's beschermd?", True),
        ("totaal andere vraag sorry: mag haar baas dat zomaar?", True),
        # Not a "trouwens" that asks on: no words of a new subject follow it.
        ("trouwens, hoeveel kost dat?", False),
        ("is dat iets anders dan een gewone lening?", False),
        # "Los daarvan" and "separate thing" had said nothing: a toll sticker for Switzerland
        # after VAT for foreign clients was answered with that VAT as a follow-up (0.74).
        ("Los daarvan: heb ik een vignet nodig om door Zwitserland te rijden?", True),
        ("separate thing: is there a Flemish organisation for musicians?", True),
        ("een ander vraagske: wat kost een merk?", True),
        ("apart from that, do we need insurance?", True),
        # A one-letter word inside the words had hidden "a different question" too.
        ("on a different note, how long does copyright last?", True),
        ("and a different question: what does Sabam cost?", True),
        # Not the words in a sentence that asks about the topic.
        ("los daarvan is het toch duur?", False),
    ],
)
def test_a_message_may_say_it_changes_the_subject_after_a_trouwens(text, changes):
    assert changes_subject(text, surface_tokens(text)) is changes


def test_the_words_saying_a_message_changes_the_subject_are_no_words_of_it(assistant):
    # "heel" and "ander" weighed as words of the question: a passage on designs shown too
    # early came first, the duration of the author's right second.
    text = "nog iets heel anders: hoelang blijft een ontwerp eigelijk van mij? ook als ik dood ben?"
    assert not {"heel", "ander"} & {g.word for g in assistant.analyse(text)}
    assert assistant.retrieve(text).hits[0].passage.id == "auteursrecht-duur"
    # With one word between them and their colon, that word goes too.
    text = "andere vraag nog: wat kost sabam?"
    assert surface_tokens(text)[subject_change_end(text, surface_tokens(text)) :][0] == "wat"
    # Not words that ask about the same, nor a message that is nothing else.
    assert "vraag" in {g.word for g in assistant.analyse("andere vraag hierover: wat kost dat?")}
    assert {g.word for g in assistant.analyse("andere vraag:")} == {"vraag"}


def test_a_greeting_in_two_words_is_no_word_of_the_question(assistant):
    # "goede avond" weighed as two words of the question: refused (0.41).
    answer = assistant.ask("goede avond, hoeveel kost sabam?")
    assert answer.outcome == "answered"
    assert answer.passages[0].id == "sabam-kosten-lidmaatschap"
    # Only at the start: "een goede dag" inside a question is its words.
    assert "goede" in [
        g.word for g in assistant.read("wat doe ik op een goede dag als zelfstandige").groups
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ik laat het hierbij voor vandaag. Goede avond en tot een volgende keer.",
        "fijne avond en tot de volgende!",
        "ok kga slapen, merci en slaapwel sè",
    ],
)
def test_a_wish_before_until_next_time_and_a_closing_particle_are_talk(assistant, text):
    assert assistant.ask(text).outcome == "smalltalk"


def test_how_much_someone_asks_for_a_service_asks_its_cost(assistant):
    # "hoeveel vraagt een notaris?" asked only an amount, which any figure holds: the passage
    # on founding a BV, which gives no notary's fee, answered at 0.88.
    answer = assistant.ask("hoeveel vraagt een notaris om een BV op te richten?")
    assert answer.outcome != "answered"
    assert "cost" in asked_facts(surface_tokens("hoeveel rekent een notaris daarvoor aan?"))
    # Not what the user may ask for their own work: "hoeveel mag ik vragen" stays an amount.
    assert "cost" not in asked_facts(surface_tokens("hoeveel mag ik vragen voor een lezing?"))


def test_a_year_asked_with_a_date_needs_a_date_of_that_year():
    # "Wat is de deadline voor de samenwerkingsprojecten in 2027?" had been answered at 0.95 by
    # a passage whose only "2027" is the programme's period, beside its budget.
    text = (
        "Creative Europe loopt van 2021-2027 met ongeveer EUR 2,4 miljard. "
        "De oproep van 2026 liep tot 5 mei 2026."
    )
    assert missing_facts({"deadline", "year 2027"}, text) == ("year 2027",)
    # The budget is 2027's sum as much as any other year's of the period.
    assert "year 2027" not in missing_facts({"amount", "year 2027"}, text)
    # A year in a date still dates what the sentence says ("vóór 2024 ..." asks of 2023's).
    since = "Sinds 1 januari 2024 geldt een lager dagbedrag, maximaal 30 dagen per jaar."
    assert "year 2024" not in missing_facts({"amount", "year 2024"}, since)


@pytest.mark.parametrize(
    ("question", "span"),
    [
        ("hoeveel kost een i-depot van 15 jaar", "15 jaar"),
        ("wat kost een benelux-merk voor drie klassen", "3 klassen"),
        ("Wat kost een Benelux-merk als we het in 3 klassen laten inschrijven?", "3 klassen"),
        ("how much is a benelux trademark for 3 classes", "3 klassen"),
        ("en voor drie klassen?", "3 klassen"),  # of whatever was named before
        ("and for 15 years?", "15 jaar"),
    ],
)
def test_a_price_asked_for_a_span_asks_that_spans(assistant, question, span):
    # "hoeveel kost een i-depot van 15 jaar" was answered at 0.94 with the prices of 5 and 10.
    asked = asked_facts(assistant.read(question).tokens)
    assert [span_shown(k) for k in asked if k.startswith(SPAN_FACT)] == [span]


@pytest.mark.parametrize(
    "question",
    [
        # Told before what is asked, or the length of a period, or when: no span priced.
        "ik verhuur mijn installatie voor 3 maanden aan een festival, welk btw-tarief?",
        "Ik geef de stad een licentie van 2 jaar. Aan welk btw-tarief factureer ik die rechten?",
        "Hoeveel bedraagt de taks om een model na een periode van 5 jaar te verlengen?",
        "hoeveel kost het om een benelux-merk na tien jaar te verlengen",
        "ik ben al 5 jaar zelfstandig, kan ik nog een lening krijgen voor 3 jaar?",
        "hoeveel kost een benelux merk voor 1 klasse",
        # An age, or when (a reviewer's probes).
        "wat kost een student-zelfstandige van 20 jaar aan sociale bijdragen",
        "wat kost een schengenvisum voor mijn dochter van 8 jaar",
        "hoeveel kost een isbn, ik kocht er een van 2 jaar geleden",
        # The age or length of something else than what is priced (a second reviewer's).
        "Aan welk tarief wordt een BV van 2 jaar belast?",
        "Aan welke prijs mag ik een boek van 4 maanden verkopen in mijn boekhandel?",
        "Wat betaal ik aan VAPZ-premie voor een contract van 20 jaar?",
        "Wat kost strategisch advies van 12 maanden met de kmo-groeisubsidie?",
        "wat kost een i-DEPOT voor een scenario van 2 jaar werk?",  # (a third reviewer's)
    ],
)
def test_a_span_told_or_of_a_period_is_not_asked(assistant, question):
    assert not any(k.startswith(SPAN_FACT) for k in asked_facts(assistant.read(question).tokens))


def test_a_span_is_held_by_a_passage_that_names_it_covers_it_or_names_none():
    # An i-DEPOT "van 5 jaar EUR 37 en van 10 jaar EUR 53" prices no 15 years.
    text = "Online kost een i-DEPOT van 5 jaar EUR 37 en van 10 jaar EUR 53."
    assert missing_facts({"cost", "span 10 jaar"}, text) == ()
    assert missing_facts({"cost", "span 15 jaar"}, text) == ("span 15 jaar",)
    one = "Een merk voor 1 klasse kost EUR 244."
    assert missing_facts({"cost", "span 3 klassen"}, one) == ("span 3 klassen",)
    # A reviewer found these made partial when the span had to be in the figure's sentence:
    # the term told apart from its price, a range, a bound, a list, a price per unit.
    apart = "Een model is 5 jaar geldig. Het kost EUR 150."
    assert missing_facts({"cost", "span 5 jaar"}, apart) == ()
    loan = "Je leent voor 3 tot 10 jaar, tot EUR 350.000."
    assert missing_facts({"amount", "span 5 jaar"}, loan) == ()
    assert missing_facts({"amount", "span 12 jaar"}, loan) == ("span 12 jaar",)
    renewed = "Een model verleng je telkens, tot maximaal 25 jaar, voor EUR 102."
    assert missing_facts({"cost", "span 20 jaar"}, renewed) == ()
    assert missing_facts({"cost", "span 30 jaar"}, renewed) == ("span 30 jaar",)
    grant = "De beurs geldt voor 1, 2 of 3 jaar en bedraagt EUR 20.000 per jaar."
    assert missing_facts({"amount", "span 2 jaar"}, grant) == ()
    per_class = "Een uniemerk kost EUR 850 voor één klasse en EUR 150 voor elke volgende klasse."
    assert missing_facts({"cost", "span 3 klassen"}, per_class) == ()
    # A price that names no span of the unit holds for any (a visa's, for any short stay).
    assert missing_facts({"cost", "span 3 maanden"}, "Een visum kost EUR 90.") == ()


def test_a_span_of_a_thing_the_passage_does_not_name_is_none_of_its_prices(assistant):
    # "Wat kost een Benelux-merk voor een label van 3 jaar?" had been told the mark's price for
    # 3 years is not known (a third reviewer's): the 3 years are the label's.
    def span(question):
        (kind,) = (k for k in asked_facts(assistant.read(question).tokens) if k.startswith("span"))
        return kind

    text = "Een individueel Benelux-merk voor 1 klasse kost online EUR 244 voor 10 jaar."
    label = span("Wat kost een Benelux-merk voor een label van 3 jaar?")
    assert missing_facts({"cost", label}, text) == ()
    mark = span("wat kost een benelux-merk voor 3 jaar")
    assert missing_facts({"cost", mark}, text) == (mark,)
    assert span_shown(label) == span_shown(mark) == "3 jaar"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # A second reviewer's probes, made partial though the price goes by no such span: a
        # span of something else beside a figure, or a bound ("de eerste zes maanden", "jonger
        # dan vier jaar", "tussen 18 en 25 jaar"), or a span named in a sentence without one.
        ("Sabam vraagt EUR 100 van uitgevers met uitgaven in de laatste twee jaar.", "5 jaar"),
        ("Het maximum is 8,17% van je inkomen van drie jaar eerder.", "20 jaar"),
        ("Een nieuwe groeisubsidie kan pas na 24 maanden, tot EUR 25.000.", "12 maanden"),
        ("De eerste zes maanden mag de korting hoogstens 5% zijn.", "4 maanden"),
        ("Een vennootschap jonger dan vier jaar betaalt 20% op de eerste EUR 100.000.", "2 jaar"),
        ("Wie tussen 18 en 25 jaar is, betaalt EUR 90.", "20 jaar"),
        ("Een model is 5 jaar geldig. Het kost EUR 150.", "10 jaar"),
        # A third reviewer's: a bound after the span, and a span named again.
        ("Een visum kost EUR 90 voor wie 12 jaar of ouder is.", "45 jaar"),
        ("Een vaste prijs. In die zes maanden hoogstens 10% korting.", "3 maanden"),
    ],
)
def test_a_span_of_something_else_beside_a_price_holds_any(text, span):
    assert missing_facts({"amount", f"span {span}"}, text) == ()


@pytest.mark.parametrize(
    "question",
    [
        "tot wanneer loopt het programma, tot 2027?",
        "Until when does Creative Europe run, until 2027?",
    ],
)
def test_a_year_offered_as_the_end_of_a_span_asks_no_fact_of_that_year(question):
    # A reviewer found them made partial ("Wat voor 2027 geldt, staat niet in de kennisbank")
    # by a passage saying the programme runs "van 2021 tot 2027": the year is the answer the
    # question supposes. A deadline asked in a year still asks that year's.
    assert not any(k.startswith("year") for k in asked_facts(surface_tokens(question)))
    asked = asked_facts(surface_tokens("wat is de deadline van de oproep in 2027?"))
    assert "year 2027" in asked
