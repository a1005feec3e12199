"""Every Dutch sentence a user reads that does not come from the corpus lives here."""

from __future__ import annotations

from assistant.intent import NEXT_FACT, RATE_FACT, SPAN_FACT, YEAR_FACT, span_shown
from assistant.models import Link, Reason

CULTUURLOKET = Link("Cultuurloket", "https://www.cultuurloket.be")
VLAIO = Link("VLAIO", "https://www.vlaio.be")

ANSWERED = "Dit vond ik in de kennisbank. Controleer altijd de bron: regels en bedragen veranderen."
ANSWERED_UNSURE = (
    "Ik ben niet zeker dat dit je vraag beantwoordt. Lees de bron na of stel je vraag "
    "aan een loket."
)
NOT_ANSWERED = (
    "Daar heb ik geen betrouwbaar antwoord op. Stel je vraag aan het Cultuurloket "
    "(cultuurloket.be), het loket voor ondernemen in cultuur, of voor algemene "
    "ondernemersvragen aan VLAIO (vlaio.be)."
)
# A refusal whose best passage came close (`core.NEAR_MISS`): about half the time that passage
# does answer, so the user is asked whether one of its questions is meant, not told there is
# no answer (which reads as "the knowledge base knows nothing of it").
NEAR_MISS = (
    "Ik weet niet zeker of ik je vraag goed begrijp. Bedoel je een van de vragen hieronder? "
    "Zo niet, stel je vraag aan het Cultuurloket (cultuurloket.be), het loket voor "
    "ondernemen in cultuur, of voor algemene ondernemersvragen aan VLAIO (vlaio.be)."
)
# A question most of whose words belong to a subject outside the domain (`buiten-bereik.yaml`):
# said so, with the desk for cultural enterprise in case it is about one after all.
OUTSIDE = (
    "Je vraag lijkt over {subject} te gaan. Daarover heeft Wegwijzer geen informatie: het "
    "beantwoordt vragen over ondernemen in de culturele en creatieve sector in Vlaanderen. "
    "Gaat het toch over je zaak of je creatieve werk? Vraag het dan aan het Cultuurloket "
    "(cultuurloket.be)."
)
# The same for a subject without a name in `OUTSIDE_SUBJECTS` (one a curator added).
OUTSIDE_UNNAMED = (
    "Je vraag lijkt niet over ondernemen in de culturele en creatieve sector te gaan, en "
    "alleen daarover heeft Wegwijzer informatie. Gaat het toch over je zaak of je creatieve "
    "werk? Vraag het dan aan het Cultuurloket (cultuurloket.be)."
)
# What each subject of `buiten-bereik.yaml` is called after "over": what it is about, not
# whom (a self-employed person asks about sickness and pensions too).
OUTSIDE_SUBJECTS = {
    "personenbelasting": "je personenbelasting",
    "identiteitsdocumenten": "identiteitspapieren",
    "huren": "huren",
    "wonen": "wonen",
    "verbouwen": "verbouwen",
    "energie": "energie",
    "ziekteverzekering": "de ziekteverzekering",
    "ziek-als-werknemer": "ziekteverlof of een arbeidsongeval",
    "ontslag": "ontslag",
    "loon": "je loon",
    "werkloosheid": "werkloosheid",
    "solliciteren": "solliciteren",
    "andere-beroepen": "werk buiten de creatieve sector",
    "pensioen-werknemer": "je pensioen",
    "gezin": "je gezin",
    "scheiding-erfenis": "een scheiding of een erfenis",
    "verkeer": "verkeer",
    "openbaar-vervoer": "het openbaar vervoer",
    "consument": "een aankoop als consument",
    "bank-prive": "je privébankzaken",
    "onderwijs": "onderwijs",
    "migratie-gezin": "migratie of nationaliteit",
    "weer-vrije-tijd": "het weer of je vrije tijd",
    "politiek": "politiek",
    "afval": "afval",
    "huisdieren": "huisdieren",
    "justitie": "justitie of de politie",
    "verzekering-prive": "een privéverzekering",
}


def outside(subject: str) -> str:
    """What a refusal says to a question about a subject outside the domain."""
    name = OUTSIDE_SUBJECTS.get(subject)
    return OUTSIDE.format(subject=name) if name else OUTSIDE_UNNAMED


# A question without a subject ("wat kost dat?", "wat is dat?") and nothing before to take it from.
NO_SUBJECT = (
    "Waarover gaat je vraag? Ik lees er geen onderwerp in. Noem het erbij, bijvoorbeeld: "
    "«Wat kost het lidmaatschap van Sabam?»"
)
# Partial answers: the passage is on the subject but lacks the asked kind of fact. The passage
# is named after what is missing, on its own: a title can be a question ("Wat doet Sabam?"),
# which read badly inside the sentence ("Wat het kost bij «Wat doet Sabam?», ...").
_MISSING = {
    "cost": "Wat het kost",
    "payment": "Wat het kost",
    "amount": "Om welk bedrag het precies gaat",
    "share": "Om welk percentage het precies gaat",
    "duration": "Hoe lang het duurt of geldt",
    "deadline": "Welke datum of termijn geldt",
    "when": "Welke datum of termijn geldt",
    "contact": "Hoe je iemand rechtstreeks contacteert",
    "phone": "Op welk nummer je iemand kunt bellen",
    "account": "Op welk rekeningnummer je betaalt",
    "hours": "Wat de openingsuren zijn",
    "condition": "Welke voorwaarden precies gelden",
    "count": "Om welk aantal het precies gaat",
    "since": "Sinds wanneer het zo is",
    "wait": "Hoe lang het duurt",
    "fine": "Hoe hoog de boete is",
    "average": "Wat het gemiddelde is",
    "person": "Wie het precies is",
    "free": "Of het gratis is",
}
_MISSING_ANYTHING = "Precies wat je vraagt"
# When the passage holds figures or dates, but not for the year the question names (or the
# span: "Wat voor 15 jaar geldt").
_MISSING_FOR_YEAR = "Wat voor {year} geldt"
# When the passage holds figures, but none per the unit asked ("per maand").
_MISSING_PER = "Hoeveel het {rate} bedraagt"
# When the passage gives only an earlier year's date for the next one asked.
_MISSING_NEXT = "Welke datum nu geldt"
PARTIAL = (
    "{what}, staat niet in de kennisbank. Wel dit, over «{title}». "
    "Kijk op de officiële pagina of vraag het aan het Cultuurloket (cultuurloket.be)."
)
# When the passage is about the desk itself: not "vraag het aan het Cultuurloket" about the
# Cultuurloket's own opening hours.
PARTIAL_ABOUT_THE_DESK = (
    "{what}, staat niet in de kennisbank. Wel dit, over «{title}». Kijk op de officiële pagina."
)
ENGLISH_NOTICE = (
    "Je vroeg in het Engels; Wegwijzer antwoordt in het Nederlands (answers are in Dutch)."
)
SMALLTALK_INTRO = (
    "Ik ben Wegwijzer. Ik beantwoord vragen van creatieve ondernemers in Vlaanderen over "
    "financiering, subsidies, ideeën beschermen, je statuut en starten, met korte stukjes uit "
    "nagekeken bronnen. Stel je vraag in gewone woorden, bijvoorbeeld:"
)
SMALLTALK = {
    "hello": "Hallo! " + SMALLTALK_INTRO,
    "help": SMALLTALK_INTRO,
    "thanks": "Graag gedaan! Heb je nog een vraag? Bijvoorbeeld:",
    "bye": "Tot ziens! Met een nieuwe vraag kun je altijd terugkomen.",
    "wrong": (
        "Sorry, dan hielp dat antwoord je niet. Stel je vraag gerust opnieuw, in andere woorden "
        "of met wat meer uitleg over je situatie. Voor persoonlijk advies kun je bij het "
        "Cultuurloket terecht (cultuurloket.be)."
    ),
    # "about" is `ABOUT`, with the size and the date of the knowledge base.
    "privacy": (
        "In Telegram en Discord bewaart Wegwijzer je vragen, zonder je naam, om de antwoorden te "
        "verbeteren, en wist ze na een tijd vanzelf. Met /vergeet wis je meteen alles wat "
        "Wegwijzer van je bewaarde."
    ),
    "language": (
        "Wegwijzer antwoordt altijd in het Nederlands: de bronnen zijn Nederlandstalig. Je mag "
        "je vraag wel in het Engels stellen. (Wegwijzer answers in Dutch, from Dutch sources; "
        "you may ask in English.)"
    ),
}


def partial(missing: tuple[str, ...], title: str) -> str:
    """What a partial answer says it does not know, about the passage it found."""
    what = _MISSING_ANYTHING
    if missing and missing[0].startswith(NEXT_FACT):
        what = _MISSING_NEXT
    elif missing and missing[0].startswith(RATE_FACT):
        what = _MISSING_PER.format(rate=missing[0])
    elif missing and missing[0].startswith(SPAN_FACT):
        what = _MISSING_FOR_YEAR.format(year=span_shown(missing[0]))
    elif missing and missing[0].startswith(YEAR_FACT):
        what = _MISSING_FOR_YEAR.format(year=missing[0].removeprefix(YEAR_FACT))
    elif missing:
        what = _MISSING.get(missing[0], what)
    about_the_desk = CULTUURLOKET.label.lower() in title.lower()
    return (PARTIAL_ABOUT_THE_DESK if about_the_desk else PARTIAL).format(what=what, title=title)


HISTORICAL_NOTICE = "«{title}» beschrijft de situatie van toen. Wat vandaag geldt: «{successor}»."


def historical_notice(title: str, successor: str) -> str:
    """The notice that a returned passage is historical and which one describes today."""
    return HISTORICAL_NOTICE.format(title=title, successor=successor)


DEFAULT_SUGGESTIONS = (
    "Hoe bescherm ik mijn ideeën?",
    "Hoeveel kan ik lenen met een winwinlening?",
    "Wie helpt me met mijn ondernemingsplan?",
)

EMPTY_QUESTION = "Stel een vraag, bijvoorbeeld: Hoe bescherm ik mijn ideeën?"
QUESTION_TOO_LONG = (
    "Je vraag is te lang ({length} tekens). Houd het bij {limit} tekens: één vraag tegelijk "
    "werkt het best."
)

# Terminal rendering (CLI)
LABEL_SOURCE = "Bron"
LABEL_CHECKED = "nagekeken"
LABEL_HISTORICAL = "HISTORISCH"
LABEL_MORE = "Meer info"
LABEL_SUGGESTIONS = "Misschien bedoel je"
LABEL_RELATED = "Verwante vragen"
LABEL_DESK = "Hulp van een mens"
LABEL_CONFIDENCE = "zekerheid"
CHAT_WELCOME = "Wegwijzer: stel je vraag (leeg of Ctrl-D om te stoppen)."
# `report` and `curate` on a log that does not exist (a mistyped WEGWIJZER_DB).
LOG_MISSING = (
    "fout: het vragenlogboek {path} bestaat niet. Kijk WEGWIJZER_DB na; er is niets aangemaakt."
)

# Chat bots (Telegram, Discord)
# The bots' commands and what each does, in the order Telegram's menu shows them.
COMMANDS = {
    "start": "Welkom en voorbeeldvragen",
    "vraag": "Stel een vraag aan Wegwijzer",
    "onderwerpen": "Kies een onderwerp",
    "over": "Wat Wegwijzer is en waar de feiten vandaan komen",
    "vergeet": "Wis alles wat Wegwijzer van je bewaarde",
    "help": "Hoe je Wegwijzer gebruikt",
}
QUESTION_OPTION = "Je vraag, in gewone woorden"
WELCOME = (
    "Hallo! Ik ben Wegwijzer. Ik beantwoord vragen van ondernemers in de culturele en creatieve "
    "sectoren in Vlaanderen, met korte stukjes uit nagekeken bronnen: elk antwoord zegt waar het "
    "vandaan komt en hoe oud het is. Stel gewoon je vraag, of kies een voorbeeld:"
)
COMMAND_LIST = "Commando's: /vraag <je vraag>, /onderwerpen, /over, /vergeet, /help."
HELP = (
    "Stel je vraag in gewone woorden, bijvoorbeeld «hoeveel kan ik lenen met een winwinlening». "
    "Ik toon de best passende stukjes met hun bron en datum. Weet ik het niet zeker, dan zeg ik "
    "dat en verwijs ik je naar een loket.\n" + COMMAND_LIST
)
# A command the bot does not have ("/stop", "/menu"): Telegram sends any word after a slash.
UNKNOWN_COMMAND = (
    "Dat commando ken ik niet. Stel je vraag gewoon in gewone woorden, of gebruik een van mijn "
    "commando's.\n" + COMMAND_LIST
)
HELP_GROUP = (
    "In een groep antwoord ik op /vraag <je vraag>, als je me vermeldt of als je antwoordt op "
    "een bericht van mij."
)
ABOUT = (
    "Wegwijzer is een vraagbaak voor creatieve ondernemers in Vlaanderen. De antwoorden komen uit "
    "een kennisbank van {count} passages, in eigen woorden geschreven op basis van officiële "
    "bronnen (VLAIO, PMV, Cultuurloket, BOIP, FOD Economie en andere). Elke passage vermeldt haar "
    "bron, de datum van die bron en wanneer de feiten nagekeken zijn (het laatst: {latest}). "
    "Regels en bedragen veranderen: controleer altijd de officiële pagina. Wegwijzer is geen "
    "juridisch of fiscaal advies; voor persoonlijk advies kun je bij het Cultuurloket terecht."
)
ASK_SOMETHING = (
    "Wat wil je weten? Schrijf je vraag achter /vraag, bijvoorbeeld: /vraag wat is de winwinlening"
)
TOPICS_INTRO = "Kies een onderwerp:"
TOO_MANY_QUESTIONS = (
    "Je stelt veel vragen na elkaar. Wacht even, over een minuut kun je weer verder. Dank je!"
)
SOMETHING_WENT_WRONG = (
    "Sorry, er ging iets mis bij het beantwoorden. Probeer het zo meteen opnieuw, of stel je vraag "
    "aan het Cultuurloket (cultuurloket.be)."
)
BUTTON_EXPIRED = "Deze knop is verlopen. Stel je vraag opnieuw."
NOT_YOUR_BUTTON = "Deze knop hoort bij de vraag van iemand anders."
THANKS_UP = "Bedankt! Fijn dat dit hielp."
THANKS_DOWN = "Bedankt voor je reactie. We bekijken dit antwoord."
MORE_ABOUT = "Meer over {title}"
TODAY_BUTTON = "Wat vandaag geldt: {title}"  # under a historical passage, to its successor
READ_WHOLE_PASSAGE = "Lees de hele passage"
DID_YOU_MEAN = "Bedoel je «{first}» of «{second}»? Hieronder het eerste; kies met de knoppen."
ALSO_RELEVANT = "Ook relevant"
ALSO_RELEVANT_BUTTON = "Ook relevant: {title}"
CAUTION = "Regels en bedragen veranderen: controleer altijd de bron."
LABEL_SOURCE_DATE = "stand {date}"
LABEL_UNDATED = "pagina zonder datum"


def source_date(date: str | None) -> str:
    """How a source's own date reads: "stand 2024-12", or that the page shows none."""
    return LABEL_SOURCE_DATE.format(date=date) if date else LABEL_UNDATED


LABEL_OPEN_SOURCE = "bron"
LABEL_HISTORICAL_NOTE = "Historisch: beschrijft de situatie van toen. Vandaag: {successor}."
NO_INLINE_RESULTS = "Geen antwoord gevonden"

# Topics offered by /onderwerpen: (label, the question it asks).
TOPICS = (
    ("Ideeën beschermen", "Hoe bescherm ik mijn ideeën?"),
    ("Lenen en financiering", "Welke leningen kan ik krijgen als creatieve ondernemer?"),
    ("Subsidies", "Welke subsidies bestaan er voor creatieve ondernemers?"),
    ("Starten als zelfstandige", "Hoe start ik als zelfstandige in de creatieve sector?"),
    ("Kunstenaarsstatuut", "Welk statuut moet ik kiezen als kunstenaar?"),
    ("Film en games", "Welke steun is er voor film en games?"),
    ("Prijs en promotie", "Hoe duur moet ik mijn product verkopen?"),
    ("Wie helpt mij?", "Waar kan ik terecht met zakelijke vragen als kunstenaar?"),
)

# Conversation
FOLLOW_UP_NOTICE = "Ik las je vraag als vervolg op «{topic}»."

# Feedback and privacy
FEEDBACK_REASONS: tuple[tuple[Reason, str], ...] = (  # (code, label), in the order shown
    (Reason.WRONG, "Klopt niet"),
    (Reason.OUTDATED, "Verouderd"),
    (Reason.OFF_TOPIC, "Geen antwoord op mijn vraag"),
    (Reason.UNCLEAR, "Onduidelijk"),
)
ASK_REASON = "Bedankt. Wat was er mis met dit antwoord?"
THANKS_REASON = "Genoteerd, dank je. Een curator bekijkt het."
FORGOTTEN = "Gewist: {questions} en je reacties daarop. Ook je gesprek begint opnieuw."


def forgotten(count: int) -> str:
    """What /vergeet erased: "1 vraag", "2 vragen" (and "0 vragen")."""
    return FORGOTTEN.format(questions="1 vraag" if count == 1 else f"{count} vragen")


FORGET_FAILED = "Wissen lukte nu niet: er is niets gewist. Probeer het later opnieuw met /vergeet."
NOTHING_STORED = "Wegwijzer bewaart hier niets van je; er is dus niets te wissen."
