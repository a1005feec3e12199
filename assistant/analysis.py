"""Dutch text analysis, used alike for passages and questions.

The chain follows what was measured on Dutch BM25 retrieval (docs/how-it-answers.md, "Retrieval"):

1. strip markup, lowercase, regex tokens; a hyphenated token yields its parts and the joined form;
   ``foto's`` becomes ``foto``;
2. plurals in ``-eën`` (``ideeën``, ``industrieën``) to their singular, which no stemmer does;
3. fold diacritics before stemming;
4. drop a small stopword list (Snowball-style plus Flemish chat fillers);
5. questions only: guarded typo correction against the corpus vocabulary, and synonym expansion;
6. decompounding: keep the compound and add its parts;
7. Snowball ``dutch`` stemming (PyStemmer).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import Stemmer
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from assistant.intent import (
    COURTESY_WORDS,
    DUTCH_MARKERS,
    ENGLISH_MARKERS,
    ENGLISH_OPENERS,
    FACT_CUES,
    FREE_WORDS,
    NUMBER,
    SPAN_UNITS,
    TIME_OF_DAY,
    WORDS_THAT_ASK,
    asks_how_long,
    by_the_way_end,
    english_evidence,
    opens_a_question,
    subject_change_end,
    without_formulas,
)
from assistant.memo import Memo
from assistant.places import FOREIGN, PLACES, lived_in, places_named
from assistant.typos import TypoIndex
from assistant.verbs import (
    compound_infinitive,
    infinitive,
    is_prefixed_separable_form,
    is_separable_participle,
)

# Abbreviations and fillers of chat Dutch ("ivm" in verband met, "bvb" bijvoorbeeld, "mss"
# misschien, "idd" inderdaad, "ipv" in plaats van, also written "i.p.v.": `_INITIALISM`): no
# corpus word, so each weighed as a rare word of the question ("ik zit met een vraag ivm
# iemand die mijn teksten kopieert" was refused at 0.47).
CHAT_ABBREVIATIONS = frozenset(
    """
    ivm bvb bijv vb evt enz etc idd mss wss wrs zoiets trouwens ofwa oa dwz nav ipv dmv obv tav
    zsm adhv nvt ovv iov icm oid cq ps ie eg aka mbt tov tem ism maw
    """.split()
)
# Spoken Flemish, Limburg and West-Flemish forms of function words ("ich" ik, "zijt" bent,
# "ekik" ik, "menne" mijn, "diene" die, "zenne" hoor, "just" juist), and "klappen" (praten:
# "da statuut waar iedereen over klapt"; not "klap", a part of "klapstoel"): no passage holds
# them, so each weighed as a rare word of the question ("da statuut waar iedereen over klapt,
# wat is da just?" was refused at 0.15). So are the words that ask what to watch out for
# ("waar moet ik op letten") and what corresponds to something abroad ("de tegenhanger van
# Buma/Stemra"): they name no subject.
STOPWORDS = (
    frozenset(
        """
    de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om
    hem dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar
    heb hoe heeft hebben deze u want nog zal me zij nu geen omdat iets worden toch al waren veel
    doen doet toen moet ben zonder kan hun dus alles ja eens hier wie werd altijd doch wordt wezen
    kunnen ons tegen na reeds wil kon niets uw iemand geweest andere wilt wilde wilden ergens
    hoeveel hoelang waar wanneer welke welk waarom jullie jij jou jouw mn zn graag even
    eigenlijk gewoon wel ok oke hallo hoi hey bedankt dank mag moeten kun kunt zit zitten gaat gaan
    da wa ge gij ni ne nie efkes pls aub kheb kzou kga kben kwil ist juist nen zeg seg allee
    allez amai ofzo enzo zijde kunde moogde hebde dees kzit kzen kzijn kmoet kdoe kvraag kweet
    as ma ene hebt mijne ulle tja euh eh he okay effe vorige vorig wesh wollah wallah
    gehad iedereen daarheen naartoe vor zjus
    ek gans seffens aant ambetant
    hunne zijne uwe dieje zukke gene niks nikske ietske edde
    ich mich zijt zyt ekik menne diene zenne joh alleh just
    klapt klappen klapte klapten geklapt
    letten tegenhanger tegenhangers
    waarvoor waarmee waaraan waarop waarin waarover waardoor waarvan waaruit hoezo
    zon zulk zulke precies qua den ongeveer
    gebeurt gebeuren gebeurd gebeurde geleden
    http https www com html htm php aspx
    the an is are how what my can do does to for of and or it i me you by with from on at who
    where when which much many any some this that there please
    """.split()
    )
    | CHAT_ABBREVIATIONS
)

# Forms of "blijven" (to remain): after "hoe lang", a word for lasting.
_REMAINING = frozenset("blijft blijven blijf blijve bleef bleven".split())

# What comes before "die" as a verb in an English question ("how long is my copyright after I
# die?", "if the author dies"; "I" is no token): there it asks about death. Elsewhere it is the
# Dutch "die" (that) that Flemish users mix in ("who pays die royalties", "is die premie for
# starters too").
_BEFORE_DYING = frozenset(
    "after before when if once until till they we you he she artist "
    "author maker creator composer painter photographer father mother dad mum mom parent "
    "parents grandfather grandmother partner".split()
)

# A pronominal adverb whose preposition is a word of its own ("daarboven", "eronder",
# "hiernaast") is that preposition pointing back: "wat als ik erboven zit?" after the ceiling for
# author's rights asks what lies "boven" it (the passage: "Wat je boven het plafond ontvangt"),
# where "erboven" was a word of its own that no passage holds. Those of a stopword ("daarvoor",
# "ermee") stay as they are: read as nothing, the question alone lost the weight that leaves it
# to the topic ("wie geeft hiervoor het geld?" after the CultuurKrediet got the PMV, 0.87).
_PREPOSITION_OF = {
    f"{points}{preposition}": preposition
    for points in ("daar", "er", "hier")
    for preposition in ("achter", "boven", "naast", "omheen", "onder", "tussen")
}
# The other pronominal adverbs ("daartegen", "hieraan", "ertoe"): `Analyzer.query_groups` reads
# one that no passage holds as a word of the question's grammar, not as its rarest word. (The
# set holds words that point nowhere too, "daarom", "waarom": stopwords or passages' words.)
POINTING_ADVERBS = frozenset(
    f"{points}{preposition}"
    for points in ("daar", "er", "hier", "waar")
    for preposition in (
        "aan af bij binnen buiten door in langs mee na naar om op over tegen tegenover toe uit "
        "van vandaan voor zonder"
    ).split()
)

# "niet betaald" is "onbetaald", "not paid" is "unpaid": the negation is a stopword, and "my
# invoice was not paid" had been read as a payment (an SBK's, 0.92). Not "never paid back"
# ("nooit terugbetaald"), which is a loan not repaid.
_UNPAID = {
    ("niet", "betaald"): "onbetaald",
    ("nooit", "betaald"): "onbetaald",
    ("not", "paid"): "unpaid",
    ("never", "paid"): "unpaid",
}
_PAID_BACK = frozenset({"back", "terug"})


def _unpaid(surface: list[str]) -> list[str]:
    """`surface` with a negation and the "betaald" or "paid" after it as one word (`_UNPAID`)."""
    words: list[str] = []
    for k, word in enumerate(surface):
        joined = _UNPAID.get((words[-1], word)) if words else None
        if joined and (k + 1 == len(surface) or surface[k + 1] not in _PAID_BACK):
            words[-1] = joined
        else:
            words.append(word)
    return words


# "merken" (to notice) has the stem of "merk" (a trademark): "ik merk dat mijn facturen te laat
# betaald worden, wat kan ik doen?" had the Benelux trademark first, and "ik merkte dat iemand mijn
# foto gebruikt" the licence of a trademark third. Its forms no noun shares say nothing of the
# subject; "merk" and "merken" only after a subject ("ik merk dat", "we merken dat"), not after
# "je", which is also "your" ("hoe bescherm je merk").
_NOTICING = frozenset("merkt merkte merkten".split())
_NOTICING_AFTER = {"merk": frozenset({"ik", "k"}), "merken": frozenset({"we", "wij", "zij"})}

# English function words: stopwords only in a question recognised as English ("do", "are",
# "will" and "as" would delete or distort Dutch words), and the pieces of their contractions
# ("we're": "we", "re", "were"; "doesn't": "doesn", "t", "doesnt"). Also "good", which reads
# as the glossary's "goods" (goederen): "is Kunstwerkt a good place ...". And words that place
# a question in time or space without naming a subject ("since", "around 2017", "ago", "near",
# "under"): as words the corpus lacks they were part of what a passage had to hold ("I
# remember the kmo portefeuille paying 40% ... around 2017, when did it drop?" was refused at
# 0.65 with the right passage first), "based in Leuven", "my situation", "how big". Not
# "before", which the glossary's "apply before" reads.
ENGLISH_STOPWORDS = frozenset(
    """
    the a an is are am was were be been being how what which who whom where when why can could
    should would will shall do does did my your our their his her its you i me we they them to
    for from with about into on at by and or if any some this that these those there here it
    not no yes please get got have has had need want like as so all just also very
    than then because while whether until after during through between without within against
    each every either neither both such whose he she him us may might must myself yourself itself
    ourselves themselves mine yours ours theirs one other another same only even still already
    yet ever never always often usually sometimes really too someone anyone somebody anybody
    something anything everything nothing everyone im ive dont doesnt didnt cant isnt arent
    having getting gets doing wants wanted wanting happen happens happened happening
    put puts roughly approximately anyway says said
    re ve ll don doesn didn isn aren wasn weren hasn haven hadn couldn shouldn wouldn
    youre youve youll weve theyre theyve theyll hes shes thats theres whats wasnt werent
    hasnt havent hadnt couldnt shouldnt wouldnt
    thing things stuff actually kinda sorta gonna wanna gotta lots yeah guys dude hell
    heck basically literally telling good exactly almost probably but however therefore
    else sure ones vs versus
    now instead come comes coming came bring brings brought made
    know knows knew tell let lets well though although maybe perhaps quite pretty
    anywhere anyhow beforehand afterwards afterward meanwhile
    since around ago near somewhere under few nobody noone wise goes went gone
    based situation big
    """.split()
)

# French function words, which a Brussels maker mixes into a Dutch question ("si je suis malade
# comme indépendante, krijg ik dan iets?", "combien d'années moet ik bewaren?"): no words of
# what is asked, in any question (`query_groups`; the French words of the domain are synonyms,
# corpus/synoniemen.yaml). As words the corpus lacks they were its rarest. Only words that are
# no Dutch or English word and no stem of the corpus: not "dans" (a dance), "faire" (a "faire
# vergoeding"), "la", "mon", "ma", "ton", "lui", "les", "pas", "ou", "en", "comment".
FRENCH_FUNCTION_WORDS = frozenset(
    """
    suis sommes etes sont est cest si comme combien pourquoi quand quel quelle quels quelles que
    qui quoi pour avec mais sur une du des au aux ce cette ces votre vos notre nos nous vous il
    elle ils elles peux peut dois doit faut avoir etre tres aussi et le leur leurs moi tu
    donc alors
    """.split()
)

# English words whose Dutch stem is a word of the passages in another sense (`query_groups`):
# "less" is no "les" (lesson), "loss" no "los". Their meaning comes from the English glossary
# alone. (Not "giving", whose "gif" finds the gifts' passages when money is given; a reviewer
# found "taking" without "taak" and "kinds" without "kind" each lose a question.)
_FALSE_FRIENDS = frozenset("less loss losses".split())
# Particles of Dutch separable verbs (aan|vragen, in|dienen, af|sluiten, in|schrijven, ...).
PARTICLES = frozenset("aan in op af uit mee terug door toe bij na vast los".split())
# ... which are prepositions before these words: "kom ik in aanmerking" is no "inkomen"
# (income), "in orde", "in ruil", "op voorhand", "op tijd".
_PHRASE_AFTER = {
    "in": frozenset("aanmerking orde regel ruil".split()),
    "op": frozenset("voorhand tijd".split()),
}

_MARKUP = re.compile(r"<[^>]{0,200}>")
# A script or style element pasted into a question: its content is code, not words.
_CODE = re.compile(r"<(script|style)\b[^>]{0,200}>.{0,2000}?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’]s$")


def fold(word: str) -> str:
    """Remove diacritics (``ideeën`` -> ``ideeen``): users type both."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def singular(word: str) -> str:
    """Map a folded ``-eeen``/``-ieen`` plural to its singular (``ideeen`` -> ``idee``)."""
    if len(word) > 5 and (word.endswith("eeen") or word.endswith("ieen")):
        return word[:-2]
    return word


def _normalise(token: str) -> str:
    word = singular(fold(_POSSESSIVE.sub("", token)))
    return _CHAT_FORMS.get(word, word)


# Flemish chat forms: a verb or question word with its pronoun grown onto it ("moetek": moet
# ik, "hoeveelde": hoeveel ge), read as the word they stand for, which is a stopword (spoken
# forms such as "as" for als and "ma" for maar are stopwords themselves). As words the corpus
# lacks, each weighed the most a word can: "hoeveelde moette betalen voor sabam" was refused
# at 0.06, "hoeveel moet je betalen voor sabam" answered at 0.83. "hoeveel" and "wanneer" also
# ask for a kind of fact (`intent`). Not "waarde" (a value) nor "gade" (a spouse): forms that
# are words of their own stay.
# A verb's final "v" or "z" before a glued "ek" is its "f" or "s": "schrijvek", "leezek".
_VOICELESS = {"v": "f", "z": "s"}
_CHAT_FORMS = {
    **dict.fromkeys("moetek moettek moette moete moetn moetde".split(), "moet"),
    **dict.fromkeys("magek magde mage".split(), "mag"),
    **dict.fromkeys("kannek kanek kanik kunnek kunde kunt".split(), "kan"),
    **dict.fromkeys("hebbek hebek hedde hebte".split(), "heb"),
    **dict.fromkeys("krijgek krijgde krijgte".split(), "krijg"),
    **dict.fromkeys("zoudek zoude".split(), "zou"),
    **dict.fromkeys("weetek weette wete".split(), "weet"),
    **dict.fromkeys("willek wilk".split(), "wil"),
    **dict.fromkeys("benk bennek".split(), "ben"),
    **dict.fromkeys("gak gank".split(), "gaat"),
    **dict.fromkeys("zedde zijt".split(), "zijn"),
    **dict.fromkeys("wadde watte".split(), "wat"),
    "hoede": "hoe",
    "hoeveelde": "hoeveel",
    "wanneerde": "wanneer",
    # Flemish spoken forms of function words, and "goe" for "goed": no Dutch word list has
    # them, so each weighed as the rarest word a question can hold.
    **dict.fromkeys("dagge dadde".split(), "dat"),
    "tis": "is",
    "twas": "was",
    "azo": "zo",
    "ulder": "hun",
    "nekeer": "eens",
    "seffens": "straks",
    "alleman": "iedereen",
    "ginder": "daar",
    "kdenk": "denk",
    "goe": "goed",
    "worre": "worden",  # "lid worre": lid worden
    # West Flemish: "wuk" (wat), "oeveel" (hoeveel), "moe-k" (moet ik: "moek", and "moe" before
    # a glued "k", see `word_tokens`; alone "moe" is tired), "zyn", "mo" (maar), "vo" (voor),
    # "mie" (mij), "doa" (daar), "wien" (wie), "ier" (hier). As words the corpus lacks, "wuk is
    # dat kunstwerkattest?" was refused (0.29; "wat is" 0.94).
    "wuk": "wat",
    "oeveel": "hoeveel",
    "moek": "moet",
    "zyn": "zijn",
    "kzyn": "kzijn",
    "mo": "maar",
    "vo": "voor",
    "mie": "mij",
    "doa": "daar",
    "wien": "wie",
    "ier": "hier",
    # Chat abbreviations of function words: "lid vn sabam", "wnnr betaalt sabam uit" weighed
    # as the rarest words of their questions (refused at 0.59 and 0.17).
    "vn": "van",
    "wnnr": "wanneer",
    "wnr": "wanneer",
    "wrm": "waarom",
    "hvl": "hoeveel",
    "ff": "even",
}


# A "no" opening a message that says more: it corrects, and names nothing (`query_groups`).
CORRECTING_NO = frozenset("nee neen neeje nope".split())
# How many words a synonym or glossary key may have as a question's words are read: a phrase
# has two or three, and a word with a hyphen or an elision counts its parts and the whole
# ("win-win loan" reads "win win winwin loan", "caisse d'assurances sociales" "caisse
# assurances dassurances sociales"). At three, 25 such keys had never matched.
_PHRASE_SIZES = (1, 2, 3, 4)

# How many distinct words the analysis caches remember: the common words of questions and
# passages, not a large corpus's whole vocabulary (the index analyses each of those once).
_WORDS_KEPT = 1 << 15


def surface_tokens(text: str) -> list[str]:
    """Split text into normalised words (no stopword removal, no stemming).

    A hyphenated word gives its parts and the joined form:
    ``kmo-portefeuille`` -> ``kmo``, ``portefeuille``, ``kmoportefeuille``.
    """
    tokens: list[str] = []
    for raw in raw_words(text):
        tokens.extend(_word_tokens(raw))
    return tokens


# The end of a sentence: a full stop, question or exclamation mark or semicolon before a space
# (not the point of "3.5" or "www.vlaio.be").
_SENTENCE_END = re.compile(r"([.?!;]++)(?:\s+|$)")  # possessive: no backtracking on "....."


@lru_cache(maxsize=1024)  # read for the analysis and twice for the `ask` signal
def asking_sentence(text: str) -> tuple[str, bool]:
    """The sentence of a text where it asks, and whether a remark follows it: its last
    sentence that ends with a question mark and holds a word, or else its last sentence that
    holds a word. A question typed with its story first ("I sell signed and numbered photo
    prints, edition of 25. 6% or 21% VAT?") asks in its last sentence; the words before it
    are the user's situation. A remark after the question ("wa is da kunstwerkattest
    eigenlijk? iedereen in de scene praat erover") tells why one asks, not what; a last
    sentence that opens as a question asks without its question mark ("is that normal?
    what's the difference with a licence")."""
    sentences, k = sentences_and_asking(text)
    if not sentences:
        return text, False
    return sentences[k], k < len(sentences) - 1


@lru_cache(maxsize=1024)  # read at every step that asks which kinds of fact are asked
def told_years(text: str, present: int | None = None) -> frozenset[str]:
    """The years before the knowledge base's (`present`) that date the user's own history:
    since when something is ("ik ben sinds 2019 zelfstandig", "BV sinds 2022"), or told in a
    sentence before the one that asks ("In 2016 registreerde ik mijn merk. Hoe verleng ik
    het?"), not a question itself. Not a year the asking sentence names too or points back to
    ("Ik ben in 2023 gestart. Wat was de minimumbijdrage dat jaar?", "toen"), nor the present
    year or a later one, which a question sets before it asks ("In 2027 wil ik starten. Wat
    is dan de minimumbijdrage?") (`intent.asked_facts`)."""
    sentences = _sentences(text)
    k = _asking_index(sentences)
    asking = sentences[k][0].lower() if sentences else text.lower()
    story = " ".join(s for s, asks in sentences[:k] if not asks)
    years = set(_SINCE_A_YEAR.findall(text))
    if not _POINTS_BACK.search(asking):
        years.update(_A_YEAR.findall(story))
    years -= set(_A_YEAR.findall(asking)) - set(_SINCE_A_YEAR.findall(asking))
    return frozenset(y for y in years if present is None or int(y) < present)


_A_YEAR = re.compile(r"(?<![\d.,])\b20\d\d\b(?![.,]?\d)")
# "sinds 2019", "sinds begin 2022", "since early 2019"
_SINCE_A_YEAR = re.compile(
    r"\b(?:sinds|sedert|since)\s+(?:[a-zà-ÿ]+\s+)?(20\d\d)\b(?![.,]?\d)", re.IGNORECASE
)
# Words of a sentence that asks about a time named before it.
_POINTS_BACK = re.compile(r"\b(?:toen|destijds|dat jaar|die jaren|back then|that year)\b")


def sentences_and_asking(text: str) -> tuple[list[str], int]:
    """The sentences of a text that hold a word, and the position of the one where it asks
    (see `asking_sentence`); no sentences and 0 for a text without a word."""
    sentences = _sentences(text)
    return [sentence for sentence, _ in sentences], _asking_index(sentences)


def _asking_index(sentences: list[tuple[str, bool]]) -> int:
    """The position of the sentence where a text asks, of its sentences as `_sentences` gives
    them (see `asking_sentence`)."""
    asking = [
        k
        for k, (sentence, asks) in enumerate(sentences)
        if asks or (k == len(sentences) - 1 and opens_a_question(sentence))
    ]
    return asking[-1] if asking else max(len(sentences) - 1, 0)


def _sentences(text: str) -> list[tuple[str, bool]]:
    """The sentences of a text that hold a word, each with whether a question mark ends it."""
    pieces = _SENTENCE_END.split(text)  # sentence, its end, sentence, ..., the rest
    return [
        (sentence, "?" in end)
        for sentence, end in zip(pieces[::2], [*pieces[1::2], ""], strict=True)
        if any(ch.isalnum() for ch in sentence)
    ]


# A user's handle ("@jan", "@WegwijzerBot" in a group): who a message is for, not what it asks.
# Not the "@" of an e-mail address ("info@sabam.be"), which follows a word.
_HANDLE = re.compile(r"(?<![\w.@])@\w+")
# Signs that stand for a word: "8%" answers "hoeveel procent", "€ 500" "hoeveel euro".
# "VN" in capitals, in a message not shouted all in capitals: the United Nations, not chat's
# "vn" for "van" ("VN subsidie" had been read as "subsidie" alone).
_UNITED_NATIONS = re.compile(r"\bVN\b")
# "mag ik een ® zetten" asks about the R-teken: dropped as no letter, the sign left nothing.
_SIGNS = re.compile(r"[%€®™]")
_SIGN_WORDS = {"%": " procent ", "€": " euro ", "®": " rteken ", "™": " tm "}
# The plus of a name ("PlayRight+", "Cofinanciering+") is a word of it: "wat is PlayRight+?" had
# read as "wat is PlayRight?". Not a plus before a number ("+32") or between words ("a+b").
_NAMED_PLUS = re.compile(r"(?<=[^\W\d_])\+(?![^\W_])")
# The point, comma (as English writes it) or no-break space between groups of thousands:
# "EUR 2.800" is 2800, not "2" and "800", and "15.000 euro" or "15,000" no "15" (which matched
# "15%"). A decimal ("2,5", "3.5"), a time ("8.30") or a form's number ("281.45") stays apart;
# an ordinary space does too ("in 2024 500 euro").
_THOUSANDS = re.compile(r"(?<=\d)[.,\u00a0\u202f](?=\d{3}(?!\d))")
# An abbreviation written with points ("b.t.w.", "v.z.w.", "s.b.k", "i.v.m."): one word, as
# it is typed without them. Single letters only ("www.vlaio.be", "3.5", "St.-Niklaas" keep
# their points), and not inside an address ("a.b@c.be", "https://a.b.c/d").
_INITIALISM = re.compile(r"(?<![\w.@/])((?:[^\W\d_]\.)+[^\W\d_])\.?(?!\.?[\w@/])")
# Names written only with stopwords, read as one word: otherwise "wat is Juist is Juist?" and
# the passage on it lose the name altogether.
_STOPWORD_NAMES = {"juist is juist": "juistisjuist"}
_STOPWORD_NAME = re.compile(
    r"\b(?:" + "|".join(n.replace(" ", r"\s+") for n in _STOPWORD_NAMES) + r")\b"
)

# "Afschrijven" is also finishing writing: "ik wil mijn boek afschrijven" or "een beurs om
# mijn roman af te schrijven" asks for time to write, and read as depreciation it got the
# passage on spreading an investment's cost (0.76). With a written work right before it (or
# in between, "schrijf mijn roman af"), it is read as "schrijven"; not of a cost ("de kosten
# van mijn boek afschrijven", `_WRITTEN_OFF`).
_WRITTEN_WORK = (
    r"(?:boek|roman|novelle|manuscript|scenario|script|draaiboek|thesis|masterproef|eindwerk"
    r"|proefschrift|doctoraat|tekst|verhaal|biografie|dichtbundel|bundel|essay|toneelstuk"
    r"|toneeltekst|libretto|strip|stripverhaal|kinderboek|jeugdboek|debuut|debuutroman)"
)
_FINISH_WRITING_VERB = re.compile(
    rf"\b({_WRITTEN_WORK}(?:\s+\w+){{0,3}}?)\s+"
    r"(?:afschrijven|afschrijve|af\s+te\s+schrijven|af\s+schrijven|afgeschreven|afschrijf"
    r"|afschrijft)\b"
)
_FINISH_WRITING_SPLIT = re.compile(
    rf"\b((?:schrijf|schrijft|schrijven|schreef|schreven)\s+(?:\w+\s+){{0,2}}?{_WRITTEN_WORK})"
    r"\s+af\b"
)
# What is written off: "de kosten van mijn boek", "de investering in het scenario".
_WRITTEN_OFF = re.compile(r"\b(?:kost|kosten|uitgaven|investering|investeringen|aankoop)\b")


def _finishing_written(text: str) -> str:
    """A text with finishing a written work read as writing it (`_FINISH_WRITING_VERB`)."""

    def verb(match: re.Match[str]) -> str:
        before = text[max(0, match.start() - 30) : match.start()]
        return match.group() if _WRITTEN_OFF.search(before) else f"{match.group(1)} schrijven"

    return _FINISH_WRITING_SPLIT.sub(r"\1", _FINISH_WRITING_VERB.sub(verb, text))


# Used "zonder (iets) te vragen", "hij heeft niets gevraagd", "without asking": the passages'
# "zonder toestemming" (users tell an infringement so: "een rapper gebruikt mijn gedicht zonder
# iets te vragen"). Not asking nothing in return, which is a gift: "zonder iets terug te
# vragen", "zonder iets te vragen in ruil", "without asking anything in return", "without
# asking for anything back".
_IN_RETURN = (
    r"(?![\s,(]+(?:in\s+ruil|terug|ervoor|om\s+(?:een\s+)?(?:vergoeding|geld|betaling)"
    r"|(?:for\s+)?(?:anything|something|nothing|money|payment)|in\s+return|back)\b)"
)
_WITHOUT_ASKING = (
    (
        re.compile(  # with "te": not the noun, "zonder vragen te stellen"
            r"\bzonder\s+"
            r"(?:(?:het|dat|da|iets|ietske|mij|me|ons|hem|haar|eerst|ooit|eens|ook)\s+){0,3}"
            r"te\s+(?:vragen|vrage|vroagen|vroage)\b" + _IN_RETURN
        ),
        "zonder toestemming",
    ),
    (
        # Someone else who asked nothing: "Hij heeft niets gevraagd.", "ze hebben niks
        # gevraagd aan mij", "Niemand heeft mij iets gevraagd.", "niemand vroeg mij iets"
        # (not "ik heb niets gevraagd", nor asking nothing for something: "hij heeft niks
        # gevraagd voor zijn logo op mijn affiche")
        re.compile(
            r"\b(?:(?:(?:hij|zij|ze|die|men)\s+(?:heeft|hebben|hebbe|had|hadden)"
            r"(?:\s+(?:mij|me|ons|toch|zelfs|nog|ooit|eerst|daar|er))*"
            r"\s+(?:niets|niks|nooit(?:\s+iets)?)"
            r"|niemand\s+(?:heeft|had)(?:\s+(?:mij|me|ons|toch|ooit|eerst|daar|er))*"
            r"(?:\s+(?:iets|ooit))?)"
            r"(?:\s+(?:aan|van)\s+(?:mij|me|ons))?\s+gevraagd"
            r"|niemand\s+vroeg(?:\s+(?:mij|me|ons))?(?:\s+iets)?)\b(?!\s+voor\b)" + _IN_RETURN
        ),
        "zonder toestemming",
    ),
    (
        # "they used my photo and didn't ask me"
        re.compile(
            r"\b(?:they|he|she|nobody|and)\s+(?:didn[\'’]?t|did\s+not|never)\s+ask(?:ed)?"
            r"(?:\s+(?:me|us))?\b(?!\s+for\b)" + _IN_RETURN
        ),
        "without permission",
    ),
    (re.compile(r"\bwithout\s+ask(?:ing)?\b" + _IN_RETURN), "without permission"),
)


def raw_words(text: str) -> list[str]:
    """The lowercased words of a text, markup (and the code of a script or style element)
    and handles ("@jan") removed, the signs `%` and `€` read as words and the groups of a
    number written with thousands separators joined ("15.000": "15000") and "zonder te
    vragen" read as "zonder toestemming" (`_WITHOUT_ASKING`) and finishing a written work as
    writing it (`_finishing_written`), before any normalisation: what `surface_tokens` normalises
    (``surface_tokens(text)`` is the concatenation of ``surface_tokens(word)`` over these)."""
    text = _HANDLE.sub(" ", _MARKUP.sub(" ", _CODE.sub(" ", text)))
    if not text.isupper():
        text = _UNITED_NATIONS.sub(" verenigdenaties ", text)
    text = _SIGNS.sub(lambda m: _SIGN_WORDS[m.group()], text).lower()
    text = _NAMED_PLUS.sub(" plus ", text)
    text = _INITIALISM.sub(lambda m: m.group(1).replace(".", ""), text)
    text = _THOUSANDS.sub("", text)
    text = _STOPWORD_NAME.sub(lambda m: _STOPWORD_NAMES[" ".join(m.group().split())], text)
    for pattern, meaning in _WITHOUT_ASKING:
        text = pattern.sub(meaning, text)
    return _TOKEN.findall(_finishing_written(text))


def word_tokens(raw: str) -> tuple[str, ...]:
    """The normalised tokens of one lowercased word (one of `raw_words`): what
    `surface_tokens` gives for it."""
    written = _POSSESSIVE.sub("", raw)
    pieces = [p for p in re.split(r"[-'’]", written) if p]
    if len(pieces) == 2 and pieces[1] == "k" and pieces[0] in _BEFORE_GLUED_K:
        return (_BEFORE_GLUED_K[pieces[0]],)  # "moe-k": moet ik
    if len(pieces) > 1 and pieces[-1] == "ll" and re.search(r"['’]ll$", raw):
        # an English "will": "I'll" is no "ill" (which the glossary reads as "ziek"), "we'll"
        # no "well"
        tokens = [_normalise(p) for p in pieces]
    elif len(pieces) > 1:
        # A suffix Dutch spells after an apostrophe ("zzp'ers", "IT'ers", "cd'tje") is no word
        # of its own: "ers" had been the question's rarest word, unknown to the corpus.
        suffixed = pieces[-1] in _SUFFIXES_AFTER_APOSTROPHE and re.search(r"['’][a-z]+$", written)
        kept = pieces[:-1] if suffixed else pieces
        tokens = [*(_normalise(p) for p in kept), _normalise("".join(pieces))]
    else:
        tokens = [_normalise(raw)]
    return tuple(t for t in tokens if _keep(t))


_word_tokens = lru_cache(maxsize=_WORDS_KEPT)(word_tokens)  # a text repeats its words
# The suffixes written after an apostrophe (`word_tokens`; a plural's "'s" is removed before,
# by `_POSSESSIVE`).
_SUFFIXES_AFTER_APOSTROPHE = frozenset("er ers ster sters tje tjes je jes".split())
# West Flemish verbs before a glued "k" (ik) that are other words alone: "moe-k" is "moet ik",
# "moe" alone is tired.
_BEFORE_GLUED_K = {"moe": "moet"}


def _spans_units(raw: str, after: Sequence[str]) -> bool:
    """Whether `raw` is a digit that counts the span units after it ("3 klassen"): a token
    then for `intent.asked_facts` ("wat kost een merk in 3 klassen?"), though a one-letter
    word is none (`_keep`)."""
    return len(raw) == 1 and raw in "123456789" and bool(after) and after[0] in SPAN_UNITS


def _keep(token: str) -> bool:
    if token.isdigit():
        return len(token) >= 2 and token != "000"
    return len(token) >= 2


def content_tokens(text: str) -> list[str]:
    """`surface_tokens` without stopwords."""
    return [t for t in surface_tokens(text) if t not in STOPWORDS]


# The vowels after which written Dutch marks a plural -s with an apostrophe ("foto's").
_PLURAL_VOWELS = frozenset("aiouy")
# `Analyzer._without_particle`: the particles of Dutch particle verbs, longest first, and the
# shortest verb after one that counts.
_PARTICLES = ("terug", "door", "over", "voor", "mee", "bij", "aan", "uit", "her", "toe", "af")
_PARTICLE_REST = 6
# `Analyzer.stem`: the vowels Snowball doubles in an open syllable ("bijdragen" -> "bijdraag"),
# and the shortest "-e" word whose stem is unified with its "-en" form's.
_LENGTHENED = frozenset("aeou")
_OPEN_SYLLABLE_LETTERS = 5
# A noun in "-heid" keeps its suffix when the adjective it is made from is at least this common
# in general Dutch (Zipf): "persoonlijkheid" is no "persoonlijk", "zekerheid" no "zeker".
HEID_BASE_ZIPF = 4.5
# Words whose "ge" is no participle's prefix (see `Analyzer.stem`), as the starts of words:
# nouns, adjectives, adverbs and a preposition ("gedurende"), longest first. Not when what
# follows ends a participle or its adjective: "gevolgd" (followed), "gelukt", "gemeend" and
# "gevoeld" are "volgen", "lukken", "menen" and "voelen"'s, and "gelijkend" (resembling) is
# "gelijken"'s, which is "lijken op".
_GE_WORDS = (
    "gedurende",
    "gemiddeld",
    "gemeente",
    "gewoonte",
    "gedicht",
    "geleden",
    "gesprek",
    "gewicht",
    "gezicht",
    "gebied",
    "geheel",
    "geheim",
    "gelijk",
    "gemeen",
    "genoeg",
    "gereed",
    "gevoel",
    "gevolg",
    "geweld",
    "gewone",
    "gewoon",
    "geluk",
    "gevel",
    "gezin",
)
_PARTICIPLE_ENDINGS = frozenset({"d", "t", "de", "den", "te", "ten", "end", "ende"})
# Verbs whose "ge" is their own, in every form: "gebeurt", "gebeurd", "geniet".
_GE_VERBS = ("gebeur", "geniet")
_VOWELS = frozenset("aeiouy")
_SHORT_VERB = 4  # letters of a present form too short to be read without its "-t"


def _owns_ge(word: str) -> bool:
    """Whether a word's "ge" is its own (`_GE_WORDS`, `_GE_VERBS`), not a participle's."""
    if word.startswith(_GE_VERBS):
        return True
    start = next((w for w in _GE_WORDS if word.startswith(w)), None)
    return start is not None and word[len(start) :] not in _PARTICIPLE_ENDINGS


def _infinitives(word: str) -> list[str]:
    """The infinitives a present-tense verb form (or an infinitive) may be of, by the spelling
    rules: "vraag" and "vraagt": vragen; "schrijf": schrijven; "zet": zetten; "sluit":
    sluiten; "leest": lezen."""
    if word.endswith("en"):
        return [word]
    stem = word[:-1] if word.endswith("t") and len(word) > 3 and not word.endswith("tt") else word
    last = stem[-1:]
    voiced = {"f": "v", "s": "z"}.get(last, last)
    forms = [stem + "en", stem + last + "en", stem[:-1] + voiced + "en"]
    if len(stem) >= 3 and stem[-2] == stem[-3] and stem[-2] in "aeou":
        forms.append(stem[:-2] + voiced + "en")  # a long vowel written once: vragen, lezen
    if stem != word:
        forms += [word + "en", word + "ten"]  # the verb's own stem ends in -t: sluiten, zetten
        if len(word) >= 3 and word[-2] == word[-3] and word[-2] in "aeou":
            forms.append(word[:-2] + "ten")  # and a long vowel: laat, laten; weet, weten
    return forms


# `Analyzer._without_glued_ik`: below this Zipf a word starting with "k" may be "ik" glued on.
GLUED_IK_ZIPF = 1.5
# Heads that look like words but are suffixes: splitting them off does harm.
_BLOCKED_PARTS = frozenset(
    """
    ing ingen ers ren ens sen aar aars eren heid lijk lijke isch ische baar bare tie ties
    ster sters erij ling lingen atie schap ting tingen
    """.split()
)


# The endings of a plural or an inflected adjective: "facturen", "kantoren", "roerende".
_INFLECTED_ENDINGS = ("en", "s", "e")


# Words too short for a head that end compounds all the same: "keramiekles", "gitaarles"
# (a singular "-les" had been stemmed whole, "keramiekl"; the plural "-lessen" was split). Not
# in an English word ("doodles", "handles").
_SHORT_HEADS = frozenset({"les"})
# Lessons of something (`Analyzer._lessons`): the head, and how common in general Dutch the word
# before it must be (Zipf; "keramiek" 3.4, "zang" 3.8), beside being a word the passages use.
_LESSONS = frozenset({"les", "lessen"})
LESSON_MODIFIER_ZIPF = 3.0


class Decompounder:
    """Splits Dutch compounds into known words (Koehn–Knight style, conservative).

    A split is taken only when every part is more frequent than the compound itself, so common
    words such as ``ondernemer`` are never cut into ``onder`` + ``nemer``; and a word that is
    itself common in general Dutch (`max_whole`) is an ordinary word, not a compound to take
    apart: ``paspoort`` is not ``pas`` + ``poort``, ``voorstelling`` not ``voor`` + ``stelling``.

    A plural or an inflected adjective is as common as its stem (`lemma`, when given): the
    plural ``facturen`` is a little rarer than the loan word ``fact``, and had been cut into
    ``fact`` + ``uren`` (hours), so that "aankoopfacturen bewaren" met the passages on hourly
    rates; its stem ``factuur`` is commoner than ``fact``.
    """

    def __init__(
        self,
        frequencies: Mapping[str, float],
        min_part: int = 3,
        min_head: int = 4,
        max_whole: float = 1.0,
        lemma: Callable[[str], str] | None = None,
    ) -> None:
        self._freq = frequencies
        self._lemma = lemma
        self._min_part = min_part
        self._min_head = min_head
        self._max_whole = max_whole
        self._splits: Memo[str, tuple[str, ...]] = Memo(_SPLITS_KEPT)

    def split(self, word: str) -> tuple[str, ...]:
        """The parts of a compound (remembered for the last tens of thousands of words)."""
        return self._splits.get(word, self._split)

    def known(self, part: str) -> float:
        """How common `part` is as a word (0 for no word, a suffix or a stopword)."""
        return self._known(part)

    def _inflected(self, word: str) -> bool:
        """Whether a word is an inflected form of a word of the general Dutch list ("facturen",
        "loketten")."""
        return (
            self._lemma is not None
            and self._known_form(word) >= 10 ** (LISTED_ZIPF - 9)
            and self._lemma(word) != word
        )

    def _known(self, part: str) -> float:
        return 0.0 if self._no_part(part) else self._freq.get(part, 0.0)

    def _known_form(self, part: str) -> float:
        """`_known`, a plural or an inflected adjective as common as its stem (`_form`)."""
        return 0.0 if self._no_part(part) else self._form(part)

    def _no_part(self, part: str) -> bool:
        """Whether `part` is too short, a suffix or a stopword to be a part of a compound."""
        return len(part) < self._min_part or part in _BLOCKED_PARTS or part in STOPWORDS

    def _form(self, word: str) -> float:
        """A word's frequency; of a plural or an inflected adjective (`_INFLECTED_ENDINGS`) the
        larger of its own and its `lemma`'s (the Snowball stem): of a word at all (the stem of
        a string that is none can be one), and not of a stopword ("kans" is no form of "kan",
        "dans" none of "dan"; "Kunstwerkt", a name, is no form of "kunstwerk")."""
        frequency = self._freq.get(word)
        if frequency is None:
            return 0.0
        if self._lemma is None or not word.endswith(_INFLECTED_ENDINGS):
            return frequency
        base = self._lemma(word)
        if base == word or base in STOPWORDS:
            return frequency
        return max(frequency, self._freq.get(base, 0.0))

    def _split(self, word: str, depth: int = 0) -> tuple[str, ...]:
        """Return the parts of `word`, or () when it is not a compound."""
        if len(word) < self._min_part + self._min_head or depth > 2 or not word.isalpha():
            return ()
        whole = self._form(word)
        if depth == 0 and whole >= self._max_whole:
            return ()
        best: tuple[float, tuple[str, ...]] = (0.0, ())
        # No cut falls inside the longest inflected word the compound ends in ("aankoop|
        # facturen", not "aankoopfact|uren"; "ondernemings|loketten", not "ondernemingslok|
        # etten"), unless what comes before the cut is a word ("bestuurs|taken", "werk|weken":
        # "staken" and "kweken" are words too).
        ending = next(
            (
                cut
                for cut in range(self._min_part, len(word) - self._min_head + 1)
                if self._inflected(word[cut:])
            ),
            len(word),
        )
        for cut in range(self._min_part, len(word) - self._min_part + 1):
            if ending < cut and not any(
                self._known(m) > whole for m in self._modifiers(word[:cut])
            ):
                continue
            head = word[cut:]
            short = head in _SHORT_HEADS and not (english_zipf(word) or english_zipf(word[:-1]))
            head_freq = (
                self._known_form(head) if len(head) >= self._min_head or short else 0.0
            )
            if head_freq <= whole:
                continue
            for modifier in self._modifiers(word[:cut]):
                mod_parts = self._modifier_parts(modifier, whole, depth)
                if not mod_parts:
                    continue
                parts = (*mod_parts, head)
                score = min(self._freq.get(p, 0.0) for p in parts)
                if score > best[0]:
                    best = (score, parts)
        return best[1]

    @staticmethod
    def _modifiers(prefix: str) -> Iterable[str]:
        yield prefix
        if prefix.endswith("s") and len(prefix) > 3:  # linking -s-: ondernemings|plan
            yield prefix[:-1]

    def _modifier_parts(self, modifier: str, whole: float, depth: int) -> tuple[str, ...]:
        if self._known(modifier) > whole:
            return (modifier,)
        parts = self._split(modifier, depth + 1)
        if parts and all(self._known(p) > whole for p in parts):
            return parts
        return ()


# The rarest words of the general Dutch list (Zipf scale): a word this common is a word, the
# corpus's own words are added below it (`lexicon.CORPUS_WORD_FREQUENCY`).
LISTED_ZIPF = 3.0
# A word at least this common in general Dutch (Zipf scale) is never split into parts.
ORDINARY_ZIPF = 3.5
# A word is evidence of a language when it is this much more common there (Zipf points) than
# in the other: "starting" (en 5.1, nl 2.0), "betalen" (nl 5.2); "design" (5.2, 4.3) is neither.
LANGUAGE_GAP = 1.5
# In a question with no Dutch function word, a word of the English glossary that the passages
# use once at most is English evidence from this gap (see `Analyzer._glossary_only`).
GLOSSARY_LANGUAGE_GAP = 0.5


@dataclass(frozen=True)
class TermGroup:
    """One word of a question with the index terms it stands for.

    `primary` is the stem of the user's own word; `alternatives` are stems that stand for the
    whole word (a synonym, the corpus word a typo was corrected to); `parts` are the stems of its
    compound parts, which stand for pieces of it. `weight` scales the whole group: below 1 for
    words taken from a conversation's context rather than from the question itself.
    """

    word: str
    primary: str
    alternatives: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()
    weight: float = 1.0
    # Set for a word the corpus lacks (a name, a number, an English word the glossary lacks)
    # and for what the user makes (`made`); else the analyzer's, from general Dutch.
    specificity: float | None = None
    made: bool = False  # it names what the user makes or what their work is about

    @property
    def terms(self) -> tuple[str, ...]:
        return (self.primary, *self.alternatives, *self.parts)


class Analyzer:
    """Turns text into index terms; one instance per corpus.

    Args:
        frequencies: word -> relative frequency (folded words), the decompounding lexicon.
        common: words too common in Dutch to be typo-corrected.
        synonyms: user word -> corpus words (applied to questions only).
    """

    def __init__(
        self,
        frequencies: Mapping[str, float],
        common: frozenset[str],
        synonyms: Mapping[str, tuple[str, ...]] | None = None,
        english: Mapping[str, tuple[str, ...]] | None = None,
        titles: Sequence[str] = (),
        outside: Iterable[str] = (),
    ) -> None:
        self._stemmer = Stemmer.Stemmer("dutch")
        # The words of subjects outside the domain ("huisbaas", "visum"), with and without a
        # plural ending (see `query_groups`).
        self._outside = frozenset(
            form
            for word in outside
            for token in surface_tokens(word)[-1:]
            for form in (token, f"{token}s", f"{token}en")
        )
        # The passages' titles: "tax shelter", "Creative Europe", "Screen Flanders" are English,
        # but in a Dutch question they name a Dutch passage's subject. Split into words when
        # first needed (`title_words`), not at start-up: at 100k passages that takes a while.
        self._titles = titles
        self._title_words: frozenset[str] | None = None
        # A corpus repeats its words: each distinct token is stemmed and split once.
        self._terms_of: Memo[str, tuple[str, ...]] = Memo(_WORDS_KEPT)  # `_token_terms`
        self._frequencies = frequencies
        self._decompounder = Decompounder(
            frequencies, max_whole=10 ** (ORDINARY_ZIPF - 9), lemma=self._stemmer.stemWord
        )
        self._common = common
        # (read as a question's words are: without the French words that name nothing)
        self._synonyms = self._normalise_synonyms(synonyms or {}, FRENCH_FUNCTION_WORDS)
        self._english = _with_number_forms(
            self._normalise_synonyms(english or {}, ENGLISH_STOPWORDS)
        )
        # Every word of the glossary's entries, phrases too (see `_glossary_only`).
        self._glossary_words = frozenset(w for phrase in self._english for w in phrase.split())
        # Glossary words that are not Dutch words too ("copyright" is, "trademark" is not):
        # the evidence that a question is English.
        self._english_only = frozenset(
            w for w in self._english if " " not in w and w not in frequencies
        )
        # The glossary's words by edit distance, for English typos ("comission"): built when
        # an English question first needs it.
        self._english_typo_index: TypoIndex | None = None
        self._english_typos: Memo[str, str | None] = Memo(_CORRECTIONS_KEPT)
        # The word each stem of a synonym's or glossary entry's target stands for (built when
        # first needed, see `stand_in_specificity`).
        self._target_words: dict[str, str] | None = None
        self._vocabulary: list[str] = []
        self._vocab_freq: dict[str, int] = {}
        self._word_counts: Mapping[str, int] = {}
        self._indexed: frozenset[str] = frozenset()
        self._typos = TypoIndex.build(())
        self._corrections: Memo[str, str | None] = Memo(_CORRECTIONS_KEPT)
        # The general Dutch words a question's unknown words are typos of (`_dutch_typo`),
        # indexed when first needed.
        self._dutch_typos: Memo[str, str | None] = Memo(_CORRECTIONS_KEPT)
        self._dutch_index: TypoIndex | None = None
        # Per language of the question (English or not): what `with_cue_words` read a word as.
        self._cue_typos: dict[bool, Memo[str, str | None]] = {
            False: Memo(_CORRECTIONS_KEPT),
            True: Memo(_CORRECTIONS_KEPT),
        }
        # The words that ask that are Dutch words: as common in Dutch as in English, used in
        # Dutch at least once in 100,000 words ("maximum"), or English words Dutch questions
        # ask with ("deadline").
        self._dutch_cues = [
            w
            for w in _CUE_LIST
            if frequencies.get(w, 0.0) >= min(_english_frequency(w), DUTCH_CUE_FREQUENCY)
            or w in _LOANED_CUES
        ]
        self._mistyped_parts: Memo[str, tuple[str, ...]] = Memo(_CORRECTIONS_KEPT)

    def stem(self, word: str) -> str:
        """The word's Snowball stem; a noun or adjective in "-e" (or its plural in "-es")
        stems as its "-en" form when the stemmer lengthens that one's vowel: Snowball makes
        "bijdragen" "bijdraag" but "bijdrage" and "bijdrages" "bijdrag", and "hoeveel sociale
        bijdrage betaal ik" missed the passages that speak of "sociale bijdragen". Not a
        comparative ("andere", "bredere"), whose "-en" form is no plural. A noun in "-heid"
        made from an everyday adjective keeps its suffix (see `HEID_BASE_ZIPF`), and a word
        whose "ge" is its own keeps that (`_owns_ge`: "gevolgen" is no "volgende")."""
        stem = self._stem(word)
        # After the prefix "be-", "ge" is no participle's: Snowball drops it all the same, and
        # made "begeleiding" (guidance) "beleid" (policy), also inside "trajectbegeleiding".
        at = word.find("bege")
        if at >= 0 and stem[: at + 2] == word[: at + 2] and stem[at + 2 : at + 4] != "ge":
            return stem[: at + 2] + "ge" + stem[at + 2 :]
        # "geldig" (valid) is no "geld" (money): "hoelang is mijn beroepskaart geldig?" matched
        # the passages on money, and "hoeveel geld" those that say how long a permit is valid.
        if stem == "geld" and word.startswith("geldig"):
            return "geldig"
        # Snowball drops "-heid": "persoonlijkheidsrechten" matched the passages on personal
        # liability and "sociale zekerheid" the everyday "zeker" ("ben ik zeker dat ..."), and
        # "gezondheid" became "zon". A noun made from an everyday adjective is a word of its
        # own; one made from a rarer one ("aansprakelijkheid") still meets its adjective.
        for suffix in ("heid", "heden"):
            base = word[: -len(suffix)]
            if (
                word.endswith(suffix)
                and len(base) >= 3
                and not stem.endswith("heid")
                and self.dutch_zipf(base) >= HEID_BASE_ZIPF
            ):
                return base + "heid"
        # Snowball drops "ge" from every word that starts with it, as if each were a participle:
        # "gevolgen" met the everyday "volgende" ("wat zijn de gevolgen als ik geen factuur
        # maak?" got the resale right's passage), "gemeente" (municipality) "menen", "gebied"
        # (area) "bieden" (offer) and "gelijk" "lijkt". A word whose "ge" belongs to it keeps it.
        if _owns_ge(word) and not stem.startswith("ge"):
            return "ge" + stem
        return stem

    def _stem(self, word: str) -> str:
        """`stem` before the "be-ge" repair."""
        base = word[:-1] if word.endswith("es") else word
        if len(base) >= _OPEN_SYLLABLE_LETTERS and base[-1] == "e" and base[-2] not in "ei":
            short = self._stemmer.stemWord(base)
            long = self._stemmer.stemWord(base + "n")
            if (
                len(short) >= 4
                and short[-2] in _LENGTHENED
                and not short.endswith("er")
                and long == short[:-1] + short[-2:]
                and base.startswith(short)
            ):
                return long
        return self._stemmer.stemWord(word)

    def specificity(self, word: str) -> float:
        """How much a word says about what a question is about, from 0.2 to 1.

        Everyday Dutch words (``lang``, ``beste``, ``zomaar``) say little, whether the corpus
        has them or not; rare words (``winwinlening``, ``pizzeria``) say a lot. Linear in the
        word's Zipf frequency: 1 at zipf 3 or rarer, 0.2 at zipf 5.4 or more common.
        """
        return _zipf_specificity(self.dutch_zipf(word))

    def finite_verb(self, word: str) -> str | None:
        """The infinitive of a verb's form for "hij" or "zij", or None: a stem and "-t" whose
        infinitive, spelled by the rules, is a word of general Dutch. A short vowel doubles
        the consonant after it ("stelt": "stellen", not "stelen"; "stopt": "stoppen"), a double
        vowel is written single ("beheert": "beheren", "geeft": "geven"), else the stem takes
        "-en" ("krijgt": "krijgen", "werkt": "werken"). A noun in "-t" is no such form: its
        infinitive would be no word ("attest", "contract") or a far rarer one ("kaart",
        "markt"), or its stem would end in a vowel ("bezit"). Nor is a word in "-tt": a stem
        in "-t" takes no second one."""
        if len(word) < FINITE_VERB_LETTERS or not word.endswith("t"):
            return None
        stem = word[:-1]
        if stem[-1] in _VOWELS or stem[-1] == "t":
            return None
        if stem[-2] in _VOWELS and stem[-3] not in _VOWELS:
            forms = [stem + stem[-1]]  # "stel": "stellen"
            if len(_VOWEL_GROUP.findall(stem)) > 1:
                forms.append(stem)  # the last syllable may be unstressed: "reken", "rekenen"
        elif stem[-3] == stem[-2] and stem[-2] in "aeou":
            single = stem[:-3] + stem[-2:]  # a long vowel written double: "beheer", "beheren"
            forms = [single, single[:-1] + _VOICED.get(single[-1], single[-1])]
        else:
            forms = [stem, stem[:-1] + _VOICED.get(stem[-1], stem[-1])]
        # A verb's infinitive is about as common as its form, or more; a noun's look-alike
        # is far rarer than the noun ("kaart" is no form of "karen", "markt" none of "marken").
        floor = max(LISTED_ZIPF, self.dutch_zipf(word) - FINITE_VERB_ZIPF_GAP)
        for form in forms:
            if self.dutch_zipf(form + "en") >= floor:
                return form + "en"
        return None

    def dutch_zipf(self, word: str) -> float:
        """How common a word is in general Dutch, on the Zipf scale (0 for a word the
        frequency list lacks)."""
        frequency = self._frequencies.get(word, 0.0)
        return math.log10(frequency) + 9 if frequency > 0.0 else 0.0

    def stand_in_specificity(self, stem: str) -> float:
        """`specificity` of the word a stand-in stem was made from: "voorwaar" is the stem of
        "voorwaarden", an everyday word that names no subject, though the stem is no word and
        would count as a rare one. A stem no synonym or glossary entry gives (a corrected
        typo's) is taken as a word."""
        if self._target_words is None:
            words: dict[str, str] = {}
            for entries in (self._synonyms, self._english):
                for targets in entries.values():
                    for target in targets:
                        for word in content_tokens(target):
                            stem = self.stem(word)
                            known = words.get(stem)
                            if known is None or self._frequency(word) > self._frequency(known):
                                words[stem] = word
            self._target_words = words
        return self.specificity(self._target_words.get(stem, stem))

    def _frequency(self, word: str) -> float:
        return self._frequencies.get(word, 0.0)

    def document_terms(self, text: str) -> list[str]:
        """Index terms of a passage field: stems of the words and of their compound parts."""
        terms: list[str] = []
        for token in content_tokens(text):
            terms.extend(self._token_terms(token))
        return terms

    def word_terms(self, tokens: Sequence[str]) -> list[str]:
        """``document_terms(raw)`` from ``word_tokens(raw)``, for an index build that analyses
        each distinct word once (so nothing is remembered)."""
        terms: list[str] = []
        for token in tokens:
            if token not in STOPWORDS:
                terms.extend(self._stem_and_parts(token))
        return terms

    def _token_terms(self, token: str) -> tuple[str, ...]:
        """`_stem_and_parts`, remembered for the last `_WORDS_KEPT` words."""
        return self._terms_of.get(token, self._stem_and_parts)

    def _stem_and_parts(self, token: str) -> tuple[str, ...]:
        """A passage token's stem and the stems of its compound parts (see `document_terms`)."""
        return (
            self.stem(token),
            *(self.stem(singular(p)) for p in self._decompounder.split(token)),
        )

    def set_vocabulary(
        self,
        word_counts: Mapping[str, int],
        indexed_terms: Iterable[str],
        typos: TypoIndex | None = None,
    ) -> None:
        """Give the analyzer the corpus's own words (for typo correction); `typos`, an index
        of those words built before (see `cache`), is used when it holds exactly them."""
        self._word_counts = word_counts
        self._vocab_freq = {w: c for w, c in word_counts.items() if len(w) >= 4 and w.isalpha()}
        self._vocabulary = sorted(self._vocab_freq)
        self._indexed = frozenset(indexed_terms)
        if typos is None or typos.words != tuple(self._vocabulary):
            typos = TypoIndex.build(self._vocabulary)
        self._typos = typos
        self._corrections.clear()
        self._mistyped_parts.clear()

    @property
    def typo_index(self) -> TypoIndex:
        """The index typo correction looks words up in."""
        return self._typos

    @property
    def title_words(self) -> frozenset[str]:
        """The words of the passages' titles (see `is_english`)."""
        if self._title_words is None:
            self._title_words = frozenset(surface_tokens("\n".join(self._titles)))
        return self._title_words

    def is_english(self, text: str, tokens: Sequence[str] | None = None) -> bool:
        """Whether a question is written in English (see `intent.is_english`).

        Besides function words and glossary words, a word far more common in English than in
        Dutch ("starting", "lower", "liable") is English evidence, and the reverse Dutch
        evidence: the glossary cannot list every English word a question may use. `tokens`:
        the text's `surface_tokens`, when the caller has them already.
        """
        if tokens is None:
            tokens = surface_tokens(text)
        words = tokens
        # "What is Sabam?", "Who is VLAIO?": one English word, but one that opens a question.
        opener = 1 if tokens and tokens[0] in ENGLISH_OPENERS else 0
        titles = self.title_words
        dutch_marked = any(t in DUTCH_MARKERS and t not in ENGLISH_MARKERS for t in tokens)
        bare_name = all(t in titles and t not in ENGLISH_MARKERS for t in tokens if t.isalpha())
        if dutch_marked or bare_name or opener:
            # "wat is tax shelter?", "tax shelter", "What is a kunstwerkattest?": a Dutch
            # question, a bare name or an English question naming a subject by its title's
            # name, which is no evidence of the question's language.
            tokens = [
                t for t in tokens if t not in titles or t in DUTCH_MARKERS or t in ENGLISH_MARKERS
            ]
        english, dutch = english_evidence(tokens, self._english_only)
        named = 0  # of the Dutch evidence, names: title words no general Dutch word is
        for token in tokens:
            if token in ENGLISH_MARKERS or token in DUTCH_MARKERS or token in self._english_only:
                continue
            if not token.isalpha():
                continue  # "2024", "12": as common in either language, whatever a list says
            gap = english_zipf(token) - self.dutch_zipf(token)
            if gap >= LANGUAGE_GAP or (
                not dutch_marked and gap >= GLOSSARY_LANGUAGE_GAP and self._glossary_only(token)
            ):
                english += 1
            elif gap <= -LANGUAGE_GAP:
                dutch += 1
                named += token in titles and self.dutch_zipf(token) < LISTED_ZIPF
        if english == 1 and dutch == named > 0 and not (dutch_marked or opener):
            # A search of a scheme's Dutch name and its English attribute ("sbk commission
            # percentage", "startlening conditions"): every other word a title's or one the
            # glossary translates.
            return all(t in titles or t in self._english or not t.isalpha() for t in words)
        return english + opener >= 2 and english > dutch

    def _glossary_only(self, token: str) -> bool:
        """Whether the English glossary has a word the passages use once at most: "unregistered"
        and "community" are in Dutch texts now and then, but in a question with no Dutch
        function word, "unregistered community design fashion", they are English evidence
        (`is_english` asks this only then: "check de term auteursrecht" stays Dutch)."""
        return token in self._glossary_words and self._word_counts.get(token, 0) <= 1

    def query_groups(
        self, text: str, *, english: bool = False, surface: Sequence[str] | None = None
    ) -> list[TermGroup]:
        """Analyse a question into term groups (see `TermGroup`).

        With `english`, English function words are stopwords too and the English glossary
        stands in for the words the corpus does not know. `surface`: the text's
        `surface_tokens`, when the caller has them already.
        """
        stopwords = (
            (STOPWORDS | ENGLISH_STOPWORDS if english else STOPWORDS)
            | COURTESY_WORDS
            | FRENCH_FUNCTION_WORDS
        )
        # "laat" after "hoe" asks a time of day ("hoe laat sluit het loket?", which `intent`
        # reads) or is "laten" ("hoe laat ik mijn merk registreren?"): no subject either way.
        # As a word it matched "te laat betalen", and "hoe laat is het?" was answered.
        # Greetings, thanks and the formulas around a question are no words of it, nor the
        # words saying it asks about something else ("andere vraag: ...").
        # (without the digits `with_cue_words` keeps before a span: "3 klassen")
        surface = [t for t in surface if _keep(t)] if surface is not None else surface_tokens(text)
        opener = subject_change_end(text, surface)
        if opener < len(surface):
            surface = surface[opener:]
        surface = without_formulas(surface)
        if english:
            surface = surface[by_the_way_end(text, surface) :]
        else:
            surface = [self._without_glued_ik(t) for t in surface]
        # "daarboven", "eronder": the preposition is the word (what it points at, a stopword).
        surface = [_PREPOSITION_OF.get(t, t) for t in surface]
        surface = _unpaid(surface)
        while len(surface) > 1 and surface[0] in CORRECTING_NO:
            # "nee, ik bedoel voor muziek": the "nee" corrects how the last answer read the
            # question, and names nothing ("nee" had been its rarest word: refused at 0.10,
            # and 0.98 without it).
            surface = surface[1:]
        how_it_works = _how_it_works(text, surface) if english else set()
        tokens = [
            t
            for i, t in enumerate(surface)
            if (t not in stopwords or (english and _dying(surface, i)))
            and not (i and (surface[i - 1], t) in TIME_OF_DAY)
            and not (not english and _noticing(surface, i))
            and not (english and _not_the_glossary_sense(surface, i, self._english))
            and i not in how_it_works
        ]
        joined = self._separable_verbs(surface)
        maps = (self._english, self._synonyms) if english else (self._synonyms,)
        names = _proper_nouns(text)
        # The words of the user's story around the sentence that asks: details, like a name
        # ("ik heb een reeks ringen ontworpen ... wat kost het om het uitzicht te beschermen?"),
        # but for a subject outside the domain, which still says what is asked about.
        told = {t for t in _told_around(text) if t not in self._outside}
        details = names | told
        acronyms = _acronyms(text)
        capitalised = _capitalised(text)
        groups = []
        # The places the user says they live in ("ik woon in Gent"): details, like a name.
        lived = {k for i in range(len(tokens)) for k in _lived_at(tokens, i)}
        # A town the passages name is the user's detail too ("ik woon in Gent, wat is een
        # SBK?"), unless the question asks for support and names no other place: then its
        # local measures may be what is asked ("ik woon in Antwerpen, welke subsidies zijn
        # er?"), where beside another place they are not ("I live in Brussels but want to
        # exhibit in Ghent").
        elsewhere = bool(lived) and (
            any(places_named((t,)) and k not in lived for k, t in enumerate(tokens))
            or _SUPPORT.isdisjoint(tokens)
        )
        # How far the phrases the glossary or synonyms translate whole reach, of those begun.
        phrase_end = 0
        lasting = asks_how_long(surface)
        for index, token in enumerate(tokens):
            primary = self.stem(token)
            alternatives = [t for m in maps for t in self._synonym_terms(m, tokens, index)]
            if english and token in _FALSE_FRIENDS:
                # An English word whose Dutch stem is another word of the passages: "less" is
                # "minder", not "les" (lessons).
                primary = token
            if lasting and token in _REMAINING:
                # "hoe lang blijft mijn song beschermd?": how long it lasts, which the passages
                # say with "duurt" ("Het auteursrecht duurt tot 70 jaar ...").
                alternatives.append(self.stem("duur"))
            inside_phrase = index < phrase_end
            begins_phrase = False
            for words in maps:
                size = self._phrase_size(words, tokens, index)
                begins_phrase = begins_phrase or size > 0
                phrase_end = max(phrase_end, index + size)
            if english and not (inside_phrase or begins_phrase) and self._glossed_as_nothing(token):
                # The glossary's Dutch for it is a stopword ("become": "worden"): a word of
                # the question's grammar, not one the corpus lacks. "how do I become a member?"
                # after PlayRight had been read as a question of its own.
                continue
            if not alternatives and token in PLACES and token not in self._word_counts:
                # A place no passage names: the user's detail, never a typo or a compound; a
                # town abroad says "abroad" too ("een beurs in Milaan"), unless the user lives
                # there.
                abroad = token in FOREIGN and index not in lived
                groups.append(
                    TermGroup(token, token, (self.stem("buitenland"),))
                    if abroad
                    else TermGroup(token, token, specificity=DETAIL_SPECIFICITY)
                )
                continue
            if (
                token in POINTING_ADVERBS
                and not alternatives
                and primary not in self._indexed
                and token not in details  # (a name, "Erin", or the story's: a detail still)
            ):
                # "wat kan ik daartegen doen?": a word of the question's grammar, pointing at
                # what the user told; as a word no passage holds it had weighed the most of the
                # question (6.1, where "daarvoor", which passages hold, weighs 1.0). Not as
                # little as a detail (0.2): then "wie geeft hiervoor het geld?" after the
                # CultuurKrediet, whose own words weighed less, went to the facet on applying.
                specificity = min(POINTING_SPECIFICITY, self.specificity(token))
                groups.append(TermGroup(token, primary, specificity=specificity))
                continue
            # An English word the glossary translates is not a Dutch compound ("funding" is
            # not "fun" + "ding").
            glossed = english and bool(alternatives)
            unknown = not alternatives and primary not in self._indexed
            # An English word the glossary lacks: as telling as it is rare in English ("car"
            # little, "passport" more), not as rare as it is in Dutch.
            english_only = english and unknown
            if inside_phrase and english_only:
                # A later word of a phrase the glossary or the synonyms translate, which
                # neither has alone nor the corpus knows, counts with the phrase: it is not
                # guessed as a typo or a base form of its own. "employed" in "self employed"
                # (zelfstandige) had been "employ" (aanwerven, werkgever) beside it.
                continue
            if (
                english_only
                and (typo_of := self._english_typo(token))
                and not (len(token) < ENGLISH_TYPO_LETTERS and token in capitalised)
            ):
                # (Not a short word written with a capital, a name: "Afke" is no "fake".)
                alternatives.extend(
                    self.stem(w) for t in self._english[typo_of] for w in content_tokens(t)
                )
            elif english_only and token not in self._outside:
                # (not a word of another domain: "fired" is no "fire", brand)
                alternatives.extend(self._english_base(token))
            alternatives.extend(joined.get(token, ()))
            alternatives.extend(self._base_forms(token, primary, english) if unknown else ())
            if not unknown and not english:
                alternatives.extend(self._participle_verb(token, primary))
            if not english:
                alternatives.extend(self._finite_verb_stem(token, primary))
            if inside_phrase and not alternatives and (unknown or english):
                # "trader" in "sole trader": translated with "sole", not unknown; in English,
                # "mark" in "word mark" (woordmerk), not a stem of "marktonderzoek".
                continue
            # A typo of a corpus word is a better guess than a split into general Dutch words
            # (``winwinlenin`` is ``winwinlening``, not ``winwin`` + ``lenin``).
            # An acronym the corpus lacks ("NOAA", "SERV") names something else; as a typo it
            # became "nota", and a policy note answered.
            # In an English question a long word that no English list holds may be a Dutch
            # word of the passages mistyped ("beroopskaart", "cultuurolket"); "animated" is no
            # "animeren".
            guessed = (
                alternatives
                or (
                    english_only
                    and (len(token) < ENGLISH_CORPUS_TYPO_LETTERS or english_zipf(token) > 0.0)
                )
                or token in acronyms
            )
            correction = None if guessed else self.correct(token)
            if correction and self._lessons(token):
                correction = None
            if english_only and correction and english_zipf(correction) > 0.0:
                # ... and it is corrected to a Dutch word: "tricking" is no "pricing".
                correction = None
            if correction in stopwords or (
                correction and self.mistyped_stopword(token, english=english, over=correction)
            ):
                continue  # "hoevel kost ...", "te worde": a mistyped word that says nothing
            if correction:
                alternatives.append(self.stem(correction))
                # Read as the word it was meant to be, with that word's synonyms: "drummr" is
                # "drummer", which the passages call a "muzikant".
                meant = [correction]
                alternatives.extend(t for m in maps for t in self._synonym_terms(m, meant, 0))
            elif not alternatives and self.mistyped_stopword(token, english=english):
                continue  # "wta is" is "wat is": not the rarest word of the question
            # A corrected typo has the parts of the word it was meant to be: "merkregistraatie"
            # those of "merkregistratie", which vote for its passages as the word's own do.
            if correction:
                parts = self._decompounder.split(correction)
                if parts and parts[-1] in _SHORT_HEADS:
                    parts = ()  # ("bangles" is no "zang" + "les": a guess, not a compound)
            else:
                parts = () if english_only or glossed else self._decompounder.split(token)
            if (
                unknown
                and not (parts or alternatives or correction or english)
                and token not in names
                and token not in acronyms
            ):
                parts = self.mistyped_parts(token)
            groups.append(
                TermGroup(
                    token,
                    primary,
                    # (most words have no stand-ins and no parts)
                    _unique(alternatives, exclude=primary) if alternatives else (),
                    _unique((self._part_stem(p) for p in parts), exclude=primary) if parts else (),
                    specificity=DETAIL_SPECIFICITY
                    if token in NUMBER_WORDS  # "al zeven jingles": a count, like "7"
                    else self._detail_specificity(
                        token, details if not correction else names, english_only, correction
                    )
                    if unknown
                    else DETAIL_SPECIFICITY
                    # "ik woon in Hasselt": "woon", a detail like the place; "ik woon in
                    # Sint-Niklaas", whose parts come before the joined name.
                    if lived_in(tokens, index, LIVING_WORDS) or (index in lived and elsewhere)
                    else None,
                )
            )
        return groups

    def _detail_specificity(
        self, token: str, names: set[str], english: bool, correction: str | None = None
    ) -> float | None:
        """How much a word the corpus does not know says about the subject.

        A name ("Dirk", "De Vieze Gasten"), a word of the user's story told around the
        sentence that asks (in `names` too) or a number (an amount, a year, also typed with its
        unit: "90k", "4x", "3de") is the user's own detail, not the subject: it says little. An
        English word says as much as it is rare in English. A typo says as much as the word it
        was meant to be: its `correction` to a word of the passages, or the word of general
        Dutch it is one edit from (`_dutch_typo`); as a word no one knows, it had weighed the
        most ("schadevergoding" more than "schadevergoeding"). Anything else: the default (its
        rarity in Dutch).
        """
        if NUMBER.fullmatch(token) or token in names:
            return DETAIL_SPECIFICITY
        if english:
            return _zipf_specificity(english_zipf(token))
        if correction is not None:
            return self.specificity(correction)
        meant = self._dutch_typos.get(token, self._dutch_typo)
        return self.specificity(meant) if meant is not None else None

    def _dutch_typo(self, token: str) -> str | None:
        """The word of general Dutch that a word neither Dutch nor the corpus's is a typo of:
        one edit from it, keeping its first letter (or swapping the first two), a hundred
        times as common; the most common of several. It says as much as that word: "niemaand"
        as little as "niemand", not as much as a name (a typo of an everyday word had been the
        heaviest word of its question and sunk it under the threshold)."""
        if len(token) < CUE_TYPO_LETTERS or not token.isalpha():
            return None
        frequencies = self._frequencies
        if self._dutch_index is None:
            common = (
                w
                for w, f in frequencies.items()
                if f >= TYPO_OF_DUTCH_FREQUENCY and len(w) >= CUE_TYPO_LETTERS and w.isalpha()
            )
            self._dutch_index = TypoIndex.build(sorted(common, key=lambda w: -frequencies[w]))
        least = max(100 * frequencies.get(token, 0.0), TYPO_OF_DUTCH_FREQUENCY)
        for word, _ in self._dutch_index.within(token, 1):
            if _keeps_its_start(token, word) and frequencies[word] >= least:
                return word
        return None

    def _english_typo(self, token: str) -> str | None:
        """The glossary word that a word of an English question is a typo of ("comission",
        "grnat"), or None: one edit away, and the word itself no English word at all. Two
        edits reach other words ("prospection" is not "protection")."""
        return self._english_typos.get(token, self._find_english_typo)

    def _find_english_typo(self, token: str) -> str | None:
        if not token.isalpha() or english_zipf(token) > 0:
            return None
        if len(token) == ENGLISH_TYPO_LETTERS - 1 and self.dutch_zipf(token) < LISTED_ZIPF:
            # A short word reaches too many others in one edit; two letters typed in the wrong
            # order do not: "flim", "gmae", "vsia", "laon" (a probing helper's, refused).
            swapped = {token[:i] + token[i + 1] + token[i] + token[i + 2 :] for i in range(3)}
            found = [w for w in swapped if w in self._english and w != token]
            return max(found, key=lambda w: (english_zipf(w), w)) if found else None
        if len(token) < ENGLISH_TYPO_LETTERS:
            return None
        if self._english_typo_index is None:
            self._english_typo_index = TypoIndex.build([w for w in self._english if " " not in w])
        found = self._english_typo_index.within(token, 1)
        # Of several within reach, the commonest in English.
        return max(found, key=lambda m: (english_zipf(m[0]), m[0]))[0] if found else None

    def _english_base(self, token: str) -> list[str]:
        """The stems standing for an English word's base form, when the glossary lacks the
        word but has its base ("supporting", "expanded" for "support", "expand") or the
        corpus has the base itself ("projects", "consoles"): the glossary lists a verb once,
        and a noun in the number people type most."""
        bases = _english_bases(token)
        for base in bases:
            if base in self._english:
                return [self.stem(w) for t in self._english[base] for w in content_tokens(t)]
        for base in bases:
            if self.stem(base) in self._indexed:
                return [self.stem(base)]
        return []

    def _base_forms(self, token: str, primary: str, english: bool) -> list[str]:
        """The stems of the corpus words a word the corpus lacks is a form of: the word a
        diminutive stands for, and in a Dutch question the verb of a strong verb's past form or
        of a form the stemmer leaves its ending."""
        forms = self._undiminished(token) or self._plural_without_apostrophe(token)
        if not english:
            forms += (
                self._infinitive(token)
                or self._without_ending(primary)
                or self._with_stem_t(token, primary)
                or self._without_particle(token)
            )
        return forms

    def _part_stem(self, part: str) -> str:
        """The stem a compound's part stands for: that of its singular, or of the word whose
        plural it is when typed without its apostrophe ("productfotos": "product", "foto")."""
        plural = self._plural_without_apostrophe(part)
        return plural[0] if plural else self.stem(singular(part))

    def _plural_without_apostrophe(self, token: str) -> list[str]:
        """The stem of the word a plural typed without its apostrophe stands for, when the
        corpus has it: ``fotos`` (foto's), ``logos``, ``kmos``, ``studios``. Written Dutch
        puts an apostrophe before the plural -s of a word ending in a vowel; typed, it is
        dropped, and "iemand gebruikt mijn fotos" was refused as about an unknown word. So
        does an acronym's: ``sbks`` (SBK's), ``bvs``, ``vzws``, which found nothing at all."""
        base = token[:-1]
        vowelled = len(base) >= 3 and base[-1] in _PLURAL_VOWELS
        acronym = len(base) >= 2 and not _VOWELS.intersection(base)
        plural = token.endswith("s") and (vowelled or acronym)
        return [self.stem(base)] if plural and self.stem(base) in self._indexed else []

    def _undiminished(self, token: str) -> list[str]:
        """The stem of the word a diminutive stands for, when the corpus has it: Flemish
        ``zaakske``, ``beeldekes``, ``spelleke`` and Dutch ``bandje``."""
        for suffix in _DIMINUTIVES:
            base = token[: -len(suffix)]
            if token.endswith(suffix) and len(base) >= 3:
                for form in (base, base[:-1] if base[-1:] == base[-2:-1] else base):
                    if self.stem(form) in self._indexed:
                        return [self.stem(form)]
        return []

    def _infinitive(self, token: str) -> list[str]:
        """The stem of the verb a strong verb's past form stands for, when the corpus has it:
        ``ontworpen``, ``gekocht``, ``schonk`` (see `verbs`)."""
        verb = infinitive(token, self._vocab_freq)
        stem = self.stem(verb) if verb else None
        return [stem] if stem in self._indexed else []

    def _participle_verb(self, token: str, primary: str) -> list[str]:
        """The stem of the verb a compound verb's past form the corpus has stands for, when it
        stems apart from it: "ingediend" (indiend) is "indienen" (indien), "ingeschreven"
        (inschreef) is "inschrijven" (inschrijf, as "inschrijving"), "verkocht" is
        "verkopen". The passages say "indienen" and "inschrijving" where users tell what they
        did ("ik heb het ingediend"), and the form alone matched the few passages that use it.
        A weak verb's form only after a particle: "beschermd" is "beschermen" too, but that
        stem is in nearly every passage on intellectual property."""
        verb = compound_infinitive(token, self._vocab_freq)
        if verb is not None:
            stem = self.stem(verb)
            return [stem] if stem != primary and stem in self._indexed else []
        if is_separable_participle(token):
            return self._without_ending(primary) or self._with_stem_t(token, primary)
        if is_prefixed_separable_form(token):
            return self._without_ending(primary)  # "terugbetaald": "terugbetaal"
        return self._with_stem_t(token, primary)

    def _finite_verb_stem(self, token: str, primary: str) -> list[str]:
        """The stem of the verb a form for "hij" or "zij" stands for, when the stemmer keeps
        its "-t" ("betaalt", "vraagt", "beheert"; it cuts "maakt" to "maak" itself): "hoeveel
        sociale bijdragen betaalt mijn dochter?" missed the passages that say "betalen" and
        was refused at 0.24, where "betaal ik" got 0.91."""
        verb = self.finite_verb(token)
        if verb is None:
            return []
        stem = self.stem(verb)
        return [stem] if stem != primary and stem in self._indexed else []

    def _with_stem_t(self, token: str, primary: str) -> list[str]:
        """The stem of a weak verb whose own stem ends in "t", from its participle, which
        adds no second "t" and which the stemmer cuts short: "gestart" stems to "star",
        "starten" to "start"; "gestort", "opgestart". "ik ben net gestart" missed the passages
        on starting out."""
        participle = token.startswith("ge") or is_separable_participle(token)
        stem = primary + "t"
        if not (participle and token.endswith("t") and not primary.endswith("t")):
            return []
        # A verb: its past tense is a word ("startte", "stortte"); "gewest" is no participle
        # of a verb "westen", nor "gekant" of "kanten".
        bare = token[token.index("ge") + 2 :]
        past = self._frequencies.get(bare + "te", 0.0) or self._frequencies.get(bare + "ten", 0.0)
        return [stem] if past > 0.0 and stem in self._indexed else []

    def _without_particle(self, token: str) -> list[str]:
        """The stem of the verb a particle verb the corpus lacks is built on, when the corpus
        has it: "bijverzekeren" (verzekeren), "herinschrijven", "bijbetalen". The particle is a
        stopword, so the decompounder does not split it off, and "en kan ik me
        bijverzekeren?" found no passage at all. Only a Dutch word in "-en" after the particle,
        not a noun or adjective ("overwinning", "voorzichtig", "uitdaging"), whose rest would
        stand for an unrelated corpus word."""
        ordinary = 10 ** (ORDINARY_ZIPF - 9)
        if not token.endswith("en") or self._frequencies.get(token, 0.0) >= ordinary:
            # An everyday particle verb has a meaning of its own ("aantrekken" is not
            # "trekken", "aangezien" no verb at all); a rare one is its verb and a particle.
            return []
        for particle in _PARTICLES:
            rest = token[len(particle) :]
            if (
                token.startswith(particle)
                and len(rest) >= _PARTICLE_REST
                and self._frequencies.get(rest, 0.0) > 0.0
            ):
                stem = self.stem(rest)
                if stem in self._indexed:
                    return [stem]
        return []

    def _without_ending(self, stem: str) -> list[str]:
        """The stem of a verb form the stemmer leaves its "-t" or "-d" ("vindt", "ontwikkelt",
        "verhoogd"), when the corpus has the verb: else "doneert" was a typo of "concert"."""
        if len(stem) >= VERB_ENDING_LETTERS and stem[-1] in "dt" and stem[:-1] in self._indexed:
            return [stem[:-1]]
        return []

    def mistyped_stopword(
        self, token: str, *, english: bool = False, over: str | None = None
    ) -> bool:
        """Whether `token` is a stopword mistyped ("hoee", "wta" for "wat"): no corpus word, one
        edit away from a stopword that is at least a hundred times as common. A word common in
        its own right ("kat", one edit from "dat") is a word, not a typo; in an `english`
        question, so is a word common in English ("how do i register my dog" had been read
        as "register" alone, and a trademark passage answered).

        Args:
            token: a word of a question.
            english: the question is in English.
            over: a corpus word the token is a typo of too. The stopword wins only over a word
                the passages hardly use (`RARE_CORRECTION` times at most) and that it is ten
                times as common as in general Dutch: "hoee" is "hoe", not "hoef" (three times
                in the corpus); "datm" stays "datum", which many passages use.
        """
        if over is not None and self._vocab_freq.get(over, 0) > RARE_CORRECTION:
            return False
        if not 2 <= len(token) <= 6 or not token.isalpha() or self.stem(token) in self._indexed:
            return False
        frequency = self._frequencies.get(token, 0.0)
        if frequency >= OWN_WORD_FREQUENCY:
            return False
        if english and english_zipf(token) >= OWN_WORD_ZIPF:
            return False
        matches = process.extract(
            token,
            _TYPO_PRONE_STOPWORDS,
            scorer=DamerauLevenshtein.distance,
            score_cutoff=1,
            limit=None,
        )
        rival = 10 * self._frequencies.get(over, 0.0) if over is not None else 0.0
        return any(
            self._frequencies.get(word, 0.0) >= max(100 * frequency, rival)
            for word, _, _ in matches
        )

    def _separable_verbs(self, surface: list[str]) -> dict[str, list[str]]:
        """Rejoin Dutch separable verbs: "vraag ... aan" -> aanvraag, "dien ... in" -> indienen,
        "aan te sluiten" -> aansluiten.

        A word followed later in the question by a particle, or right after particle + "te",
        gets the stem of particle + word as an alternative, when the corpus has that stem and
        particle + word is a word of the Dutch frequency list, or its infinitive is
        (`_is_verb`): "in gent ... in aalst" is no "ingen(t)" (which stemmed to a corpus word),
        "get ... in" no "inge". A listed word that is no verb still passes ("nieuw ... op":
        "opnieuw").
        """
        joined: dict[str, list[str]] = {}
        particles = [
            (i, w)
            for i, w in enumerate(surface)
            if w in PARTICLES and _next_word(surface, i) not in _PHRASE_AFTER.get(w, ())
        ]
        if not particles:
            return joined
        for position, word in enumerate(surface):
            if word in STOPWORDS or not word.isalpha():
                continue
            after = [particle for at, particle in particles if at > position]
            if (
                position >= 2
                and surface[position - 1] == "te"
                and surface[position - 2] in PARTICLES
            ):
                after.append(surface[position - 2])
            for particle in after:
                if not self._is_verb(particle, word):
                    continue
                # "vraagt ... aan": the third person's -t is not part of the verb's stem.
                forms = (word, word[:-1]) if word.endswith("t") else (word,)
                stems = [self.stem(particle + form) for form in forms]
                joined.setdefault(word, []).extend(s for s in stems if s in self._indexed)
        return joined

    def _is_verb(self, particle: str, word: str) -> bool:
        """Whether particle + `word` is a form of a Dutch verb: it is a word of the frequency
        list itself ("doorverkoop", of "verkoopt ... door"), or its infinitive is, made by the
        spelling rules from `word` ("vraag": vragen, "schrijf": schrijven, "zet": zetten,
        "sluit": sluiten)."""
        # A present form without its "-t" only in a longer word: "get ... in" is no "inge".
        bare = (word[:-1],) if word.endswith("t") and len(word) > _SHORT_VERB else ()
        return any(
            self._frequencies.get(particle + form, 0.0) > 0.0
            for form in (word, *bare, *_infinitives(word))
        )

    def _without_glued_ik(self, token: str) -> str:
        """A Flemish "k" glued to its verb, read as the verb ("kspeel" is "ik speel", "kmaak",
        "kverkoop"; after it, "verkoopek"): the forms a chat uses most are listed
        (`_CHAT_FORMS`, "kheb"), the rest weighed as the rarest word of the question. Only when
        the word is none of its own and the rest is a common one ("klant", "kracht" stay)."""
        if token.endswith("ek") and len(token) >= 6 and not self.dutch_zipf(token):
            # ... and after it: "verkoopek" (verkoop ik), "schrijvek" (schrijf ik), whose
            # stem had been corrected to "schrijver".
            verb = token[:-2]
            verb = verb[:-1] + _VOICELESS.get(verb[-1], verb[-1])
            if self.dutch_zipf(verb) >= ORDINARY_ZIPF:
                return verb
        if (
            len(token) < 4
            or token[0] != "k"
            or token[1] in _VOWELS
            or self.dutch_zipf(token) >= GLUED_IK_ZIPF
            or self.dutch_zipf(token[1:]) < ORDINARY_ZIPF
        ):
            return token
        return token[1:]

    def _lessons(self, token: str) -> bool:
        """Whether a word is lessons of something the passages speak of, a Dutch word and
        "les" or "lessen" ("draailes", "tekenles", "danslessen"): a compound, not a typo. The
        corrector had read "draailes" as "draaien", "tekenles" as "tekenen" and "dansles" as
        "danser", so that "ik geef draailes in mijn atelier, moet daar btw op?" missed the VAT
        on lessons (0.06). Not a word whose first part no passage has ("bangles" is no "bang"
        + "les"), nor an English word ("singles")."""
        parts = self._decompounder.split(token)
        return (
            len(parts) == 2
            and parts[1] in _LESSONS
            and self.dutch_zipf(parts[0]) >= LESSON_MODIFIER_ZIPF
            and self.stem(parts[0]) in self._indexed
            and english_zipf(token) == 0.0
        )

    def mistyped_parts(self, token: str) -> tuple[str, ...]:
        """The parts of a compound one of whose two parts is mistyped: a known word and a
        corpus word within edit distance of the other part ("theatrstuk": "theater", "stuk";
        "ontwerpbureua": "ontwerp", "bureau"). () when there is none."""
        return self._mistyped_parts.get(token, self._find_mistyped_parts)

    def _find_mistyped_parts(self, token: str) -> tuple[str, ...]:
        if (
            len(token) < MISTYPED_COMPOUND_LETTERS
            or not token.isalpha()
            # A word of general Dutch or English is no typo: "photographer" is no "photo" +
            # "rapper".
            or self.dutch_zipf(token) > 0.0
            or english_zipf(token) > 0.0
        ):
            return ()
        known = self._decompounder.known
        best: tuple[float, tuple[str, ...]] = (0.0, ())
        for cut in range(KNOWN_PART_LETTERS, len(token) - KNOWN_PART_LETTERS + 1):
            modifier, head = token[:cut], token[cut:]
            if known(modifier) > 0.0 and len(head) >= MISTYPED_PART_LETTERS:
                parts = (modifier, fixed) if (fixed := self._mistyped(head)) else ()
            elif known(head) > 0.0 and len(modifier) >= MISTYPED_PART_LETTERS:
                parts = (fixed, head) if (fixed := self._mistyped(modifier)) else ()
            else:
                continue
            # The most common parts win, as in `Decompounder`; a correction that is no word
            # of its own (a suffix, a stopword) is no part.
            score = min(known(p) for p in parts) if parts else 0.0
            if score > best[0]:
                best = (score, parts)
        return best[1]

    def _mistyped(self, part: str) -> str | None:
        """The corpus word a part of a compound is a typo of ("ontwrper": "ontwerper"), or
        None: a word of general Dutch is no typo."""
        return None if self.dutch_zipf(part) > 0.0 else self.correct(part)

    def with_cue_words(self, text: str, *, english: bool = False) -> tuple[str, ...]:
        """The `surface_tokens` of `text`, a mistyped word that asks read as that word:
        "hoelnag" is "hoelang", "wanner" "wanneer", "prjis" "prijs" (`CUE_WORDS`). What a
        question asks for (a term, a date, a price: `intent.asked_facts`) is told by these few
        words, and a typo in one had lost it: "Hoelnag heb je auteursrecht?" got the passage on
        author's rights, not the one on how long they last, and "wanner is de volgende oproep"
        no longer asked a date. Only a word written whole: the joined form of "c'est" is no
        "cost"; and in a Dutch question (not `english`) only a Dutch word: Limburg's "mich" is
        no "much"."""
        typos = self._cue_typos[english]
        tokens: list[str] = []
        raws = raw_words(text)
        for i, raw in enumerate(raws):
            pieces = _word_tokens(raw)
            if len(pieces) == 1:
                pieces = (typos.get(pieces[0], self._cue_typo_of(english)) or pieces[0],)
            elif not pieces and _spans_units(raw, raws[i + 1 : i + 2]):
                pieces = (raw,)
            tokens.extend(pieces)
        return tuple(tokens)

    def _cue_typo_of(self, english: bool) -> Callable[[str], str | None]:
        return self._english_cue_typo if english else self._cue_typo

    def _english_cue_typo(self, token: str) -> str | None:
        return self._cue_typo(token, _CUE_LIST)

    def _cue_typo(self, token: str, cues: Sequence[str] | None = None) -> str | None:
        """The word of `CUE_WORDS` that `token` is a typo of: no word itself (in Dutch, English
        or the corpus), one edit (a swap of two neighbours counted as one) from it that keeps
        its first letter (or swaps its first two), and it a hundred times as common; None when
        two such words are. Limburg's "auch" and "ouch" (ook) are no "much"."""
        if (
            len(token) < CUE_TYPO_LETTERS
            or not token.isalpha()
            or token in CUE_WORDS
            or self.stem(token) in self._indexed
            or token in self._synonyms
            or token in self._english
        ):
            return None
        frequency = max(self._frequencies.get(token, 0.0), _english_frequency(token))
        if frequency >= OWN_WORD_FREQUENCY:
            return None
        matches = process.extract(
            token,
            self._dutch_cues if cues is None else cues,
            scorer=DamerauLevenshtein.distance,
            score_cutoff=1,
            limit=None,
        )
        meant = [
            word
            for word, _, _ in matches
            if _keeps_its_start(token, word)
            and max(self._frequencies.get(word, 0.0), _english_frequency(word)) >= 100 * frequency
        ]
        return meant[0] if len(meant) == 1 else None

    def correct(self, token: str) -> str | None:
        """A corpus word within edit distance of an unknown `token`, or None.

        Guarded: known stems, synonyms, common Dutch words, numbers and short words are left alone.
        """
        return self._corrections.get(token, self._correct)

    def _correct(self, token: str) -> str | None:
        if (
            len(token) < 4
            or not token.isalpha()
            or self.stem(token) in self._indexed
            or token in self._synonyms
            or token in self._common
        ):
            return None
        limit = 1 if len(token) <= 6 else 2
        # The eight closest, ties in vocabulary order: what a full rapidfuzz scan with
        # `limit=8` returned, found through the index instead.
        matches = self._typos.within(token, limit)[:8]
        if not matches:
            return None
        best, distance = min(matches, key=lambda m: (m[1], -self._vocab_freq[m[0]], m[0]))[:2]
        return best if self._may_be_typo(token, best, distance) else None

    def _may_be_typo(self, token: str, correction: str, distance: int) -> bool:
        """Whether `correction` is what `token` was meant to be rather than another word.

        A word of general Dutch is a typo only of its own word with another ending or with two
        neighbouring letters swapped ("vergoedt", "kots"): "schutting" is no "schatting",
        "buro" no "euro", "onroerende" no "roerende". And a compound of known words whose
        whole edit budget goes into its first part names another thing: "kunstprijs" is no
        "kostprijs", "woonlening" no "winlening", "ouderschapsverlof" no "vaderschapsverlof";
        so does one of two words whose budget goes into its second, unless that is the same
        word with another ending: "belastingtarief" is no "belastingbrief", "ontwerpwerk" no
        "ontwerper", but "kunstenaarsstatus" is "kunstenaarsstatuut".
        """
        if self.dutch_zipf(token) >= LISTED_ZIPF and not _same_word(token, correction):
            return False
        if (
            _english_word(token)
            and _english_word(correction)
            and token not in (correction + "s", correction + "es")
        ):
            # Two English words: "jingles" is no "singles", "contractor" no "contract"; an
            # English plural is its singular ("gifts", "projects"); "passport" is "paspoort".
            return False
        if distance < 2:
            return True
        parts = self._decompounder.split(token)
        if len(parts) < 2:
            return True
        if correction.endswith(parts[-1]):
            return False
        # Only a split into two real words says which word was meant: "pas" + "sport" is
        # "paspoort", "inter" + "nation" + "ally" is "internationale".
        if len(parts) > 2 or min(map(len, parts)) < COMPOUND_PART_LETTERS:
            return True
        head = len(parts[0])
        return not correction.startswith(parts[0]) or _same_word(token[head:], correction[head:])

    def _glossed_as_nothing(self, token: str) -> bool:
        """Whether the English glossary translates a word into stopwords alone."""
        translations = self._english.get(token)
        return bool(translations) and not any(content_tokens(t) for t in translations)

    @staticmethod
    def _phrase_size(synonyms: Mapping[str, tuple[str, ...]], tokens: list[str], index: int) -> int:
        """The number of words of the longest phrase starting at `index` that `synonyms`
        translates (0 when none does; a single word is no phrase)."""
        return max(
            (
                size
                for size in _PHRASE_SIZES[1:]
                if len(tokens) - index >= size
                and " ".join(tokens[index : index + size]) in synonyms
            ),
            default=0,
        )

    def _synonym_terms(
        self, synonyms: Mapping[str, tuple[str, ...]], tokens: list[str], index: int
    ) -> Iterable[str]:
        for size in _PHRASE_SIZES:
            key = " ".join(tokens[index : index + size])
            if len(tokens) - index >= size and key in synonyms:
                for target in synonyms[key]:
                    # The target word itself, not its compound parts: "looptijd" stands for the
                    # user's word, "loop" and "tijd" do not.
                    yield from (self.stem(word) for word in content_tokens(target))

    @staticmethod
    def _normalise_synonyms(
        synonyms: Mapping[str, tuple[str, ...]], extra_stopwords: frozenset[str] = frozenset()
    ) -> dict[str, tuple[str, ...]]:
        """The entries keyed as a question's words are read: stopwords left out.

        Of entries that read alike the one written as it is read wins, otherwise the last:
        "without registration" reads as "registration" (a question's "without" is a stopword
        too), and had replaced "registration: [registratie, inschrijving]" with "zonder
        registratie". The corpus loader reports such entries (`corpus.alike_keys`).
        """
        normalised: dict[str, tuple[str, ...]] = {}
        exact: set[str] = set()
        for word, targets in synonyms.items():
            tokens = surface_tokens(word)  # once: some 3,500 keys are read at every start
            key = _key_of(tokens, extra_stopwords)
            if not key or key in exact:
                continue
            if key == " ".join(tokens):
                exact.add(key)
            normalised[key] = targets
        return normalised


def read_key(word: str, extra_stopwords: frozenset[str] = frozenset()) -> str:
    """A synonym or glossary key as a question's words are read: without stopwords (all of
    its words when it is stopwords only)."""
    return _key_of(surface_tokens(word), extra_stopwords)


def _key_of(tokens: Sequence[str], extra_stopwords: frozenset[str]) -> str:
    """`read_key` of a key already split into words (`surface_tokens`)."""
    words = [t for t in tokens if t not in STOPWORDS and t not in extra_stopwords]
    return " ".join(words) or " ".join(tokens)


def _with_number_forms(glossary: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """An English glossary with the plural of each one-word entry and the singular of each
    plural one, where the glossary lacks them ("founder" glosses "founders", "fines" glosses
    "fine"): an English noun's other number means the same, and users type either."""
    extended = dict(glossary)
    for word, targets in glossary.items():
        if " " in word:
            continue
        for form in _number_forms(word):
            extended.setdefault(form, targets)
    return extended


def _number_forms(word: str) -> tuple[str, ...]:
    """The other grammatical number of an English noun, by the regular rules."""
    if word.endswith("ies") and len(word) > 4:
        return (word[:-3] + "y",)
    if word.endswith(("ches", "shes", "sses", "xes")):
        return (word[:-2],)
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ews")):
        return (word[:-1],)
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return (word[:-1] + "ies",)
    if word.endswith(("ch", "sh", "s", "x")):
        return (word + "es",)
    return (word + "s",)


def _english_bases(word: str) -> list[str]:
    """The base forms a regular English inflection ("-s", "-es", "-ies", "-ing", "-ed") may
    come from, likeliest first: "studies" -> "study", "making" -> "make", "planned" ->
    "plan"."""
    if not word.isalpha() or len(word) < 5:
        return []
    bases: list[str] = []
    for ending, replacements in _ENGLISH_ENDINGS:
        if word.endswith(ending):
            stem = word[: -len(ending)]
            bases += [stem + r for r in replacements]
            if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
                bases.append(stem[:-1])  # "planned", "shipping"
    return [b for b in dict.fromkeys(bases) if len(b) >= 3]


_ENGLISH_ENDINGS = (
    ("ies", ("y",)),
    ("ied", ("y",)),
    ("es", ("", "e")),
    ("s", ("",)),
    ("ing", ("", "e")),
    ("ed", ("", "e")),
)


def _zipf_specificity(zipf: float) -> float:
    """1 for a word at Zipf 3 or rarer (or unknown), falling linearly to 0.2 at Zipf 5.4."""
    if zipf <= 0.0:
        return 1.0
    return min(1.0, max(0.2, (6.0 - zipf) / 3.0))


def english_zipf(word: str) -> float:
    """How common a word is in English (wordfreq's small list, see `lexicon.english_zipf`)."""
    from assistant.lexicon import english_zipf as zipf  # the lexicon builds on this module

    return zipf(word)


def _keeps_its_start(typed: str, word: str) -> bool:
    """Whether a typo `typed` keeps the first letter of `word`, or swaps its first two: a
    typo seldom touches a word's start ("auch" is no "much")."""
    return word[0] == typed[0] or word[:2] == typed[1::-1]


def _english_frequency(word: str) -> float:
    """How often a word occurs in English (wordfreq's small list; 0 if it lacks it)."""
    from assistant.lexicon import english_frequencies  # the lexicon builds on this module

    return english_frequencies().get(word, 0.0)


_SPLITS_KEPT = 65_536  # compound splits a decompounder remembers
# How many tokens' corrections an analyzer remembers (questions repeat their typos).
_CORRECTIONS_KEPT = 10_000
# A word the corpus lacks, of this many letters or more, may be a compound with one mistyped
# part of at least `MISTYPED_PART_LETTERS` letters (`Analyzer.mistyped_parts`).
MISTYPED_COMPOUND_LETTERS = 9
MISTYPED_PART_LETTERS = 5
KNOWN_PART_LETTERS = 4  # the known part: not "fun" + "draising", "tik" + "tokster"
# The shortest stem whose "-t" or "-d" is taken for a verb ending ("vindt"; not "bond", "vent").
VERB_ENDING_LETTERS = 5
# The shortest word of an English question that is corrected to a glossary word: one edit
# turns a shorter one into too many others.
ENGLISH_TYPO_LETTERS = 5
# The shortest word of an English question that the glossary lacks and that is corrected to a
# word of the passages (a Dutch term mistyped: "beroopskaart"); shorter ones are English.
ENGLISH_CORPUS_TYPO_LETTERS = 8
# Stopwords of two letters or more: a word one typo away from one of these, and no word
# itself, is that stopword mistyped.
# Zipf 4: a word met once in 100,000; one this common is never taken for a mistyped stopword.
OWN_WORD_FREQUENCY = 1e-5
OWN_WORD_ZIPF = math.log10(OWN_WORD_FREQUENCY) + 9  # the same, on the Zipf scale
_VOWEL_GROUP = re.compile("[aeiouy]+")
_VOICED = {"f": "v", "s": "z"}  # "geef": "geven", "lees": "lezen"
FINITE_VERB_ZIPF_GAP = 0.5  # how much rarer than its form an infinitive may be
FINITE_VERB_LETTERS = 5  # "kost", "gaat": words `finite_verb` leaves alone
COMPOUND_PART_LETTERS = 4  # the shortest part of a compound `_may_be_typo` trusts
LIVING_WORDS = 3  # the content words after "woon" a town's name may take ("sint niklaas ...")
# Not the abbreviations: typed as they are, and "epc" (an energy certificate) is no "etc".
_TYPO_PRONE_STOPWORDS = sorted(w for w in STOPWORDS if len(w) >= 2 and w not in CHAT_ABBREVIATIONS)
# The words that tell what a question asks for (`intent.asked_facts`), and "lang" of "hoe
# lang": a token one typo from one of these, and no word itself, is read as it
# (`Analyzer.with_cue_words`). Of four letters or more: one edit turns a shorter word into too
# many others.
CUE_TYPO_LETTERS = 4
DUTCH_CUE_FREQUENCY = OWN_WORD_FREQUENCY
_LOANED_CUES = frozenset("deadline deadlines minimum criteria".split())
# The least frequency of a word of general Dutch that a word the corpus lacks may be a typo of
# (`Analyzer._dutch_typo`): about 14,000 words of four letters or more.
TYPO_OF_DUTCH_FREQUENCY = 3e-6
CUE_WORDS = frozenset(
    w
    for w in (
        *WORDS_THAT_ASK,
        "lang",
        *(w for cues in FACT_CUES.values() for w in cues),
        # ("is dat gratsi?"; not "free", one edit from "tree", "fret", "freed")
        *(FREE_WORDS - {"free"}),
    )
    if len(w) >= CUE_TYPO_LETTERS
)
_CUE_LIST = sorted(CUE_WORDS)
# Diminutive endings, longest first (Flemish -ke(s), -eke(s), -ske(s); Dutch -(t)je(s)).
_DIMINUTIVES = ("ekes", "skes", "tjes", "eke", "ske", "kes", "tje", "jes", "ke", "je")
# How much a name or a number the corpus does not know says about a question's subject.
DETAIL_SPECIFICITY = 0.2
# The most a pronominal adverb no passage holds says (`POINTING_ADVERBS`): as much as
# "hiervoor", one of the commonest, says by its rarity in general Dutch.
POINTING_SPECIFICITY = 0.4
# Counts written out: the user's detail, as a number is ("zeven" is no "zeef", a sieve).
NUMBER_WORDS = frozenset(
    """
    twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien
    zeventien achttien negentien twintig dertig veertig vijftig zestig zeventig tachtig negentig
    honderd duizend
    """.split()
)
# Words that ask for support, which a town's own measures give (`Analyzer.analyse`).
_SUPPORT = frozenset(
    """
    subsidie subsidies steun steunmaatregel steunmaatregelen fonds fondsen premie premies
    toelage toelagen beurs beurzen financiering subsidy subsidies grant grants funding fund
    funds support
    """.split()
)
# Two English words this common (Zipf) are no typo of each other (`Analyzer._may_be_typo`).
LOANWORD_ZIPF = 3.0
RARE_CORRECTION = 3  # `Analyzer.mistyped_stopword`
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-zà-ÿ]+(?:\s+[A-Z][a-zà-ÿ]+)*")


def _dying(surface: Sequence[str], index: int) -> bool:
    """Whether "die" at `index` of an English question is the verb (`_BEFORE_DYING`)."""
    return surface[index] == "die" and index > 0 and surface[index - 1] in _BEFORE_DYING


# Where a glossary word is used in another sense, which says nothing the passages answer
# (`_not_the_glossary_sense`). "right" is "recht" (a right) before the words that say so ("the
# right to ...", "right holders"); it means correct after "am", at the end of a clause after
# "that", "you" or "are" ("is that right?"), before "now" or "away", and after "the" before a
# noun the glossary translates ("the right form"): not "is the right transferable", "that right
# to a publisher".
_RIGHT_AS_ENTITLEMENT_BEFORE = frozenset("to of holder holders owner owners".split())
_RIGHT_AS_CORRECT_AT_THE_END_AFTER = frozenset("that thats you youre are were".split())
# "last" is "duurt" (lasts) but after a determiner or before a unit of time, where it means
# previous: "my last invoice", "at last", "last year".
_LAST_AS_PREVIOUS_AFTER = frozenset("the my your our his her their its this at".split())
_LAST_AS_PREVIOUS_BEFORE = frozenset(
    "year years month months week weeks day days night time times quarter minute".split()
)
# "custom" is the glossary's "customs" (douane) only where users write it for customs ("custom
# fees", "custom declaration"), not in "custom jewellery".
# "fair" is the glossary's "fairs" (beurzen) but before a price or a rate, where it means just:
# "what is a fair price for my painting" had been read as a trade fair. ("fair pay" is the
# glossary's phrase for the billijke vergoeding.)
_FAIR_AS_JUST_BEFORE = frozenset(
    "price prices rate rates fee fees hourly wage wages amount deal share".split()
)
_CUSTOMS_BEFORE = frozenset(
    """
    fee fees duty duties declaration declarations office officer officers clearance check
    checks control controls rule rules regulation regulations charge charges tax taxes
    """.split()
)
# "work" is "werk" but where it ends "how does X work", X one to four words that name a thing
# (not "I", "we", "you", "they": "how do I work legally here" is working; "I" is no token, so
# this reads the text), and the clause ends after it or goes on with a preposition: "how does
# vat work for artists" had got the organisation Kunstwerkt (0.94). Not "how does my work get
# protected", "how do I get paid for freelance work".
_HOW_IT_WORKS = re.compile(
    r"\bhow\s+(?:does|do|did|would|will)\s+(?!(?:i|we|you|they)\b)((?:[\w'’-]+\s+){1,4}?)"
    r"(?P<work>works?)\b\s*(?=$|[?.!,;:]|(?:for|with|in|at|when|if|here|there|now|abroad"
    r"|exactly|then|under|after|before)\b)"
)
_WORK = re.compile(r"\bworks?\b")
_WORK_AS_WORK_AFTER = frozenset("my your our his her their its a an of for own".split())


def _how_it_works(text: str, surface: Sequence[str]) -> set[int]:
    """The positions in `surface` of a "work" that ends a "how does X work" (`_HOW_IT_WORKS`)."""
    lowered = text.casefold()
    starts = {
        m.start("work")
        for m in _HOW_IT_WORKS.finditer(lowered)
        if m.group(1).split()[-1] not in _WORK_AS_WORK_AFTER
    }
    if not starts:
        return set()
    asking = [m.start() in starts for m in _WORK.finditer(lowered)]
    at = [k for k, word in enumerate(surface) if word in ("work", "works")]
    if len(asking) != len(at):
        return set()  # (the words were read otherwise: no guess)
    return {k for k, asks in zip(at, asking, strict=True) if asks}


def _not_the_glossary_sense(
    surface: Sequence[str], index: int, nouns: Container[str] = frozenset()
) -> bool:
    """Whether the word at `index` of an English question is used in a sense other than the
    glossary's: "right" meaning correct, "last" meaning previous, "custom" meaning made to
    order, "fair" meaning just, "take" in "does it take" (see `_RIGHT_AS_ENTITLEMENT_BEFORE`,
    `_LAST_AS_PREVIOUS_AFTER`, `_CUSTOMS_BEFORE`, `_FAIR_AS_JUST_BEFORE`; "work" in "how does
    it work": `_how_it_works`).

    Args:
        surface: the question's words.
        index: the position of the word.
        nouns: the words the English glossary translates one by one.
    """
    word = surface[index]
    before = surface[index - 1] if index else ""
    after = surface[index + 1] if index + 1 < len(surface) else ""
    if word in ("take", "takes"):
        # "how long does it take?", "how long it takes": a time, no taking (`neem`), which
        # had made the follow-up after a work permit a question of its own, refused.
        return before == "it"
    if word == "last":
        return before in _LAST_AS_PREVIOUS_AFTER or after in _LAST_AS_PREVIOUS_BEFORE
    if word == "custom":
        return after not in _CUSTOMS_BEFORE
    if word == "fair":
        return after in _FAIR_AS_JUST_BEFORE
    if word != "right" or after in _RIGHT_AS_ENTITLEMENT_BEFORE:
        return False
    if after in ("now", "away") or before == "am":
        return True
    if before in _RIGHT_AS_CORRECT_AT_THE_END_AFTER:
        return not after
    return before == "the" and after in nouns


def _noticing(surface: Sequence[str], index: int) -> bool:
    """Whether the word at `index` is "merken" (to notice), not "merk" (a trademark)."""
    word = surface[index]
    return word in _NOTICING or (index > 0 and surface[index - 1] in _NOTICING_AFTER.get(word, ()))


def _lived_at(tokens: Sequence[str], index: int) -> list[int]:
    """The positions of the place the word at `index` says the user lives in: the first place
    after a living verb (`places.lived_in`), with the joined name a part of it ends
    ("Sint-Agatha-Berchem" gives "berchem", then "sintagathaberchem"); not a place named
    after it ("ik woon in Gent maar wil in Brussel ...": Gent only)."""
    at = lived_in(tokens, index, LIVING_WORDS)
    return at[:1] + [k for k in at[1:] if tokens[k].endswith(tokens[at[0]])]


def _told_around(text: str) -> set[str]:
    """The words of the sentences around the one where a message asks (`asking_sentence`),
    none of the asking sentence's own: the user's story before it, a remark after it."""
    sentence, _ = asking_sentence(text)
    if sentence == text:
        return set()
    return set(surface_tokens(text)) - set(surface_tokens(sentence))


def _english_word(token: str) -> bool:
    """Whether a word is a common English word, or the plural of one ("jingles", "singles")."""
    zipf = english_zipf(token)
    if token.endswith("s"):
        zipf = max(zipf, english_zipf(token[:-1]))
    return zipf >= LOANWORD_ZIPF


def _proper_nouns(text: str) -> set[str]:
    """Capitalised words inside a sentence ("mijn schoonbroer Dirk"): names, in folded form."""
    return {t for match in _NAME.finditer(text.strip()) for t in surface_tokens(match.group())}


_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")
_CAPITALISED = re.compile(r"\b[A-Z]\w*")


def _capitalised(text: str) -> set[str]:
    """Words written with a capital, at a sentence's start too ("Afke designs jewellery"), in
    folded form."""
    return {t for match in _CAPITALISED.finditer(text) for t in surface_tokens(match.group())}


def _acronyms(text: str) -> set[str]:
    """Words typed in capitals ("NOAA", "VDAB"), in folded form."""
    return {t for match in _ACRONYM.finditer(text) for t in surface_tokens(match.group())}


def _same_word(word: str, other: str) -> bool:
    """Whether `other` is `word` with another ending ("familiale", "familie": they share all
    but at most the last two letters of the shorter, and at least four) or with two
    neighbouring letters swapped ("kots", "kost"). Loose: "zondig" and "zondag" pass too; an
    ending from a list of inflections ("-t", "-en", "-e", ...) lost one held-out question and
    gained one tuning question (3 December 2026)."""
    shared = 0
    for a, b in zip(word, other, strict=False):
        if a != b:
            break
        shared += 1
    if shared >= 4 and shared >= min(len(word), len(other)) - 2:
        return True
    if len(word) != len(other):
        return False
    rest = [i for i, (a, b) in enumerate(zip(word, other, strict=True)) if a != b]
    return (
        len(rest) == 2
        and rest[1] == rest[0] + 1
        and word[rest[0]] == other[rest[1]]
        and word[rest[1]] == other[rest[0]]
    )


def _next_word(words: Sequence[str], index: int) -> str:
    """The word after `index`, "" at the end."""
    return words[index + 1] if index + 1 < len(words) else ""


def _unique(terms: Iterable[str], exclude: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t for t in terms if t != exclude))
