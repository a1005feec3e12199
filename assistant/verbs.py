"""The past forms of Dutch strong and irregular verbs, read as their infinitive.

Users tell their situation in the past tense ("ik heb een lamp ontworpen", "mijn oom schonk
me een schilderij", "we hebben de prijs gewonnen"). The stemmer joins a weak verb's forms
("gemaakt", "maken": "maak"), but not a strong verb's: "ontworpen" stems to "ontworp", which no
passage holds, so it weighed as the user's own rare detail and sank the question below the
threshold although the right passage ranked first. `infinitive` gives the infinitive of such a
form, for `Analyzer.query_groups` to stand in for a word the corpus does not know.

The table holds the simple verbs; the forms of their compounds follow by rule: a separable
prefix before the participle ("uitgegeven", of "uitgeven"), an inseparable one before the
participle without its "ge-" and before the past forms ("verkocht", "ontwierp"). A compound
counts only when its infinitive is a word the caller knows (the corpus's words), so that no
made-up verb ("ontkopen") is read. A form that is also a common word of another meaning
("namen": names, "gaven": gifts, "sloten": locks) is left out.
"""

from __future__ import annotations

from collections.abc import Container
from functools import cache

# infinitive, past singular, past plural, past participle
_STRONG = """
bakken bakte bakten gebakken
beginnen begon begonnen begonnen
bewegen bewoog bewogen bewogen
bieden bood boden geboden
binden bond bonden gebonden
blijken bleek bleken gebleken
blijven bleef bleven gebleven
breken brak braken gebroken
brengen bracht brachten gebracht
denken dacht dachten gedacht
doen deed deden gedaan
dragen droeg droegen gedragen
drinken dronk dronken gedronken
dwingen dwong dwongen gedwongen
eten at aten gegeten
gaan ging gingen gegaan
gelden gold golden gegolden
genieten genoot genoten genoten
geven gaf gaven gegeven
gieten goot goten gegoten
grijpen greep grepen gegrepen
hangen hing hingen gehangen
heffen hief hieven geheven
helpen hielp hielpen geholpen
houden hield hielden gehouden
kiezen koos kozen gekozen
kijken keek keken gekeken
klinken klonk klonken geklonken
komen kwam kwamen gekomen
kopen kocht kochten gekocht
krijgen kreeg kregen gekregen
laten liet lieten gelaten
lezen las lazen gelezen
liggen lag lagen gelegen
lijden leed leden geleden
lijken leek leken geleken
lopen liep liepen gelopen
meten mat maten gemeten
nemen nam namen genomen
prijzen prees prezen geprezen
rijden reed reden gereden
roepen riep riepen geroepen
schenken schonk schonken geschonken
scheppen schiep schiepen geschapen
schieten schoot schoten geschoten
schrijven schreef schreven geschreven
slaan sloeg sloegen geslagen
sluiten sloot sloten gesloten
snijden sneed sneden gesneden
spreken sprak spraken gesproken
springen sprong sprongen gesprongen
staan stond stonden gestaan
steken stak staken gestoken
stelen stal stalen gestolen
sterven stierf stierven gestorven
stijgen steeg stegen gestegen
treden trad traden getreden
treffen trof troffen getroffen
trekken trok trokken getrokken
vallen viel vielen gevallen
vangen ving vingen gevangen
vechten vocht vochten gevochten
vergeten vergat vergaten vergeten
verliezen verloor verloren verloren
vinden vond vonden gevonden
vliegen vloog vlogen gevlogen
vragen vroeg vroegen gevraagd
wegen woog wogen gewogen
werpen wierp wierpen geworpen
werven wierf wierven geworven
weten wist wisten geweten
wijzen wees wezen gewezen
winnen won wonnen gewonnen
worden werd werden geworden
zenden zond zonden gezonden
zien zag zagen gezien
zingen zong zongen gezongen
zitten zat zaten gezeten
zoeken zocht zochten gezocht
zwijgen zweeg zwegen gezwegen
"""
_SEPARABLE = "aan af bij door in mee na om op over terug toe uit voor vrij weg samen tegen".split()
_INSEPARABLE = "be ver ont her onder over".split()
_SEPARABLE_PARTICIPLES = tuple(p + "ge" for p in _SEPARABLE)
# A particle before a verb with an inseparable prefix, whose participle has no "ge-":
# "terugbetaald" (terugbetalen).
_PARTICLE_PREFIXES = tuple(p + q for p in _SEPARABLE for q in ("be", "ver", "ont", "her"))
# Forms that are also common words of another meaning (or, as a past form of a compound,
# another word): never read as a verb's past.
_AMBIGUOUS = frozenset(
    """
    at bood boden gaven golden kwam las lag lagen leden namen reden sloten stal staken trad
    wees wezen won zat verdragen bedragen ontbinden vergaven vergeven overleden
    """.split()
)


def infinitive(word: str, words: Container[str]) -> str | None:
    """The infinitive whose past form `word` is (folded), or None.

    Args:
        word: a folded word of a question.
        words: the words a compound's infinitive must be one of (the corpus's words).
    """
    forms = _forms()[0]
    return forms[word] if word in forms else compound_infinitive(word, words)


def compound_infinitive(word: str, words: Container[str]) -> str | None:
    """The infinitive of the compound verb whose past form `word` is, by rule, when it is one
    of `words`: "verkocht" (verkopen), "ingeschreven" (inschrijven); None for a simple verb's
    form ("gekocht", "geschreven"), which `infinitive` gives."""
    verb = _forms()[1].get(word)
    return verb if verb is not None and verb in words else None


def is_separable_participle(word: str) -> bool:
    """Whether `word` (folded) begins as a separable verb's participle does: a particle
    before "ge-" ("ingediend", "aangesloten").

    Not an inseparable prefix: "beschermd" also stands for "beschermen", a stem in nearly
    every passage on intellectual property, and pulled "hoe lang ben ik dan beschermd?" from
    the patent to the model."""
    return word.startswith(_SEPARABLE_PARTICIPLES)


def is_prefixed_separable_form(word: str) -> bool:
    """Whether `word` (folded) is a form of a separable verb with an inseparable prefix.

    A particle comes before the prefix with no "ge-" between, and the word ends as a
    participle or a present form does: "terugbetaald", "uitbetaalt" (of "terugbetalen",
    "uitbetalen").
    """
    return word.startswith(_PARTICLE_PREFIXES) and word.endswith(("d", "t"))


@cache
def _forms() -> tuple[dict[str, str], dict[str, str]]:
    """(past form -> infinitive of the table's verbs, past form -> infinitive of compounds)."""
    forms: dict[str, str] = {}
    compounds: dict[str, str] = {}
    for line in _STRONG.strip().splitlines():
        verb, *past, participle = line.split()
        for form in (*past, participle):
            forms.setdefault(form, verb)
        for prefix in _SEPARABLE:
            compounds.setdefault(prefix + participle, prefix + verb)
        bare = participle.removeprefix("ge")
        for prefix in _INSEPARABLE:
            for form in (*past, bare):
                compounds.setdefault(prefix + form, prefix + verb)
    forms = {f: v for f, v in forms.items() if f not in _AMBIGUOUS and f != v}
    compounds = {
        f: v for f, v in compounds.items() if f not in _AMBIGUOUS and f != v and f not in forms
    }
    return forms, compounds
