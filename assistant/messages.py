"""Every Dutch sentence a user reads that does not come from the corpus lives here."""

from __future__ import annotations

from assistant.models import Link

CULTUURLOKET = Link("Cultuurloket", "https://www.cultuurloket.be")
VLAIO = Link("VLAIO", "https://www.vlaio.be")

ANSWERED = "Dit vond ik in de kennisbank. Controleer altijd de bron: regels en bedragen veranderen."
ANSWERED_UNSURE = (
    "Ik ben niet zeker dat dit je vraag beantwoordt. Lees de bron na of stel je vraag "
    "aan een loket."
)
NOT_ANSWERED = (
    "Daar heb ik geen betrouwbaar antwoord op. Stel je vraag aan het Cultuurloket "
    "(cultuurloket.be), het gratis loket voor ondernemen in cultuur, of voor algemene "
    "ondernemersvragen aan VLAIO (vlaio.be)."
)
HISTORICAL_NOTICE = "«{title}» beschrijft de situatie van toen. Wat vandaag geldt: «{successor}»."

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
LABEL_DESK = "Hulp van een mens"
LABEL_CONFIDENCE = "zekerheid"
CHAT_WELCOME = "Wegwijzer: stel je vraag (leeg of Ctrl-D om te stoppen)."
