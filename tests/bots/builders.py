"""Answers and passages for the renderer tests, with the values each test cares about."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.models import Answer, AnswerPassage, Link, Source

DESK = Link("Cultuurloket", "https://www.cultuurloket.be")


def answer_passage(
    title: str,
    snippet: str,
    pid: str = "een",
    *,
    source: Source,
    links: tuple[Link, ...],
    **extra: object,
) -> AnswerPassage:
    """A current passage as it appears in an answer; `extra` sets related, superseded_by, ..."""
    return AnswerPassage(
        id=pid,
        kind="maatregel",
        title=title,
        snippet=snippet,
        score=1.0,
        status="actueel",
        source=source,
        checked="2026-01",
        links=links,
        **extra,
    )


def answer(
    passages: Sequence[AnswerPassage],
    answered: bool = True,
    suggestions: Sequence[str] = (),
    *,
    message: str,
) -> Answer:
    """An answer; an unanswered one gets the Cultuurloket as desk."""
    return Answer(
        question="vraag",
        answered=answered,
        confidence=0.9 if answered else 0.1,
        message=message,
        passages=tuple(passages),
        suggestions=tuple(suggestions),
        fallback=None if answered else DESK,
    )
