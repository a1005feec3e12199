"""Exceptions the core raises; each edge (CLI, bots) translates them for its users."""

from __future__ import annotations

from assistant import messages
from assistant.corpus import CorpusError

__all__ = ["CorpusError", "EvalFileError", "QuestionError", "explain"]


class EvalFileError(ValueError):
    """An evaluation file (labelled questions, dialogues) is missing or malformed."""


class QuestionError(ValueError):
    """A question the assistant will not process (empty or absurdly long).

    Attributes:
        reason: ``"empty"`` or ``"too_long"``.
        length: length of the question in characters.
        limit: the maximum length allowed.
    """

    def __init__(self, reason: str, length: int, limit: int) -> None:
        self.reason = reason
        self.length = length
        self.limit = limit
        super().__init__(f"question is {reason.replace('_', ' ')} ({length} of {limit} characters)")


def explain(exc: QuestionError) -> str:
    """The Dutch message a user gets for a rejected question."""
    if exc.reason == "empty":
        return messages.EMPTY_QUESTION
    return messages.QUESTION_TOO_LONG.format(length=exc.length, limit=exc.limit)
