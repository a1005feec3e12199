"""Data objects shared by the corpus, the retriever and every renderer.

All of them are frozen dataclasses, validated when made, so a renderer can trust what it gets.
"""

from __future__ import annotations

import reprlib
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

KINDS = ("maatregel", "organisatie", "procedure", "begrip")
OUTCOMES = ("answered", "partial", "not_answered", "smalltalk")
STATUSES = ("actueel", "historisch")


class Channel(StrEnum):
    """Where a question was asked: the question log's `channel` (stored as its value)."""

    CLI = "cli"
    API = "api"
    TELEGRAM = "telegram"
    DISCORD = "discord"


class Reason(StrEnum):
    """Why a user disliked an answer: the feedback's `reason` code. The labels a user reads
    are in `messages.FEEDBACK_REASONS`."""

    WRONG = "fout"
    OUTDATED = "verouderd"
    OFF_TOPIC = "naast"
    UNCLEAR = "onduidelijk"


def choice_problem(value: object, choices: tuple[str, ...]) -> str | None:
    """Why `value` is not one of `choices` (one wording for every such check), or None."""
    if isinstance(value, str) and value in choices:
        return None
    return f"must be one of {', '.join(choices)}; got {shorten(value)}"


def shorten(value: Any, limit: int = 60) -> str:
    """A value for an error message, never longer than `limit` characters.

    `reprlib` shortens while it renders, so a 50 MB string or a nest of YAML aliases (which
    would expand to gigabytes) costs no more than the few characters shown.
    """
    text = _REPR.repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


_REPR = reprlib.Repr()
_REPR.maxstring = _REPR.maxother = 80
_REPR.maxlevel, _REPR.maxlist, _REPR.maxdict = 2, 4, 4


@dataclass(frozen=True)
class Link:
    """A labelled https link to an official page."""

    label: str
    url: str

    def __post_init__(self) -> None:
        if not self.label:
            raise ValueError("a link needs a label")
        if not self.url.startswith("https://"):
            raise ValueError(f"a link url must start with https://, got {self.url!r}")

    def to_dict(self) -> dict[str, str]:
        return {"label": self.label, "url": self.url}


def same_page(first: str | None, second: str | None) -> bool:
    """Whether two URLs open the same page: equal but for the case of the scheme and host and
    a trailing slash (``https://www.cultuurloket.be/`` and ``https://www.cultuurloket.be``)."""
    if not first or not second:
        return False
    return _page(first) == _page(second)


def _page(url: str) -> tuple[str, ...]:
    parts = urlsplit(url)
    host = (parts.scheme.lower(), parts.netloc.lower())
    return (*host, parts.path.rstrip("/"), parts.query, parts.fragment)


@dataclass(frozen=True)
class Source:
    """Where a passage's facts come from: a public page (`url`) or a shipped document."""

    title: str
    publisher: str
    date: str | None  # the page's own date; None for a page that shows none
    url: str | None = None
    document: str | None = None

    def __post_init__(self) -> None:
        if (self.url is None) == (self.document is None):
            raise ValueError("a source has exactly one of url and document")

    def to_dict(self) -> dict[str, str | None]:
        return {
            "title": self.title,
            "publisher": self.publisher,
            "url": self.url,
            "document": self.document,
            "date": self.date,
        }


@dataclass(frozen=True)
class Passage:
    """One answerable unit of the knowledge base, as loaded and validated from YAML."""

    id: str
    kind: str
    title: str
    text: str
    questions: tuple[str, ...]
    source: Source
    checked: str
    status: str
    keywords: tuple[str, ...] = ()
    superseded_by: str | None = None
    # The passage on this one's subject as a whole, when its id does not say so (see
    # `Assistant.subject_of`): "beroepskaart-aanvragen" is a facet of "beroepskaart-kunstenaar".
    overview: str | None = None
    links: tuple[Link, ...] = ()
    related: tuple[str, ...] = ()
    file: str = ""
    sources: tuple[str, ...] = ()  # the register ids cited, the main source first
    linked: tuple[str, ...] = ()  # the register ids its links name
    # Other ways people ask what the passage answers, as they type it (Flemish, chat Dutch,
    # Netherlands Dutch, with their own details): matched like `questions`, never shown.
    variants: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for name, value, choices in (("kind", self.kind, KINDS), ("status", self.status, STATUSES)):
            if problem := choice_problem(value, choices):
                raise ValueError(f"{name} {problem}")

    @property
    def is_historical(self) -> bool:
        return self.status == "historisch"

    @property
    def wordings(self) -> tuple[str, ...]:
        """Every wording of what the passage answers: its example questions, then variants."""
        return (*self.questions, *self.variants)


@dataclass(frozen=True)
class PassageRef:
    """A pointer to another passage: enough for a renderer to offer it as a button."""

    id: str
    title: str

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "title": self.title}


@dataclass(frozen=True)
class AnswerPassage:
    """A passage as it appears in an answer: the snippet that answers the question."""

    id: str
    kind: str
    title: str
    snippet: str
    score: float
    status: str
    source: Source
    checked: str
    links: tuple[Link, ...] = ()
    superseded_by: PassageRef | None = None
    related: tuple[PassageRef, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "snippet": self.snippet,
            "score": round(self.score, 4),
            "status": self.status,
            "source": self.source.to_dict(),
            "links": [link.to_dict() for link in self.links],
            "checked": self.checked,
            "superseded_by": self.superseded_by.to_dict() if self.superseded_by else None,
            "related": [ref.to_dict() for ref in self.related],
        }


@dataclass(frozen=True)
class Answer:
    """What `ask()` returns: data only; every channel renders it its own way."""

    question: str
    answered: bool
    confidence: float
    message: str
    passages: tuple[AnswerPassage, ...] = ()
    suggestions: tuple[str, ...] = ()
    fallback: Link | None = None
    notices: tuple[str, ...] = field(default=())
    # answered, partial (on the subject, without the asked fact), not_answered or smalltalk;
    # left empty, it follows `answered`.
    outcome: str = ""
    # An answer whose confidence is low enough to be shown with a caution.
    unsure: bool = False
    # Two passages that answer about equally well and are not about the same thing: the
    # answer asks which one was meant ("Bedoel je ... of ...?"). Empty when the answer is clear.
    alternatives: tuple[PassageRef, ...] = ()

    def __post_init__(self) -> None:
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence must be within 0..1; got {self.confidence}")
        if not self.outcome:
            object.__setattr__(self, "outcome", "answered" if self.answered else "not_answered")
        if problem := choice_problem(self.outcome, OUTCOMES):
            raise ValueError(f"outcome {problem}")
        if self.answered != (self.outcome == "answered"):
            raise ValueError(f"answered is {self.answered} but the outcome is {self.outcome}")
        if len(self.suggestions) > 3:
            raise ValueError(f"at most 3 suggestions; got {len(self.suggestions)}")
        if self.alternatives and len(self.alternatives) != 2:
            raise ValueError(f"alternatives are two passages; got {len(self.alternatives)}")

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON contract (see README, "JSON")."""
        return {
            "question": self.question,
            "answered": self.answered,
            "outcome": self.outcome,
            "unsure": self.unsure,
            "confidence": round(self.confidence, 4),
            "message": self.message,
            "passages": [p.to_dict() for p in self.passages],
            "suggestions": list(self.suggestions),
            "fallback": self.fallback.to_dict() if self.fallback else None,
            "notices": list(self.notices),
            "alternatives": [ref.to_dict() for ref in self.alternatives],
        }
