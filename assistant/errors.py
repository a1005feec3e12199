"""Exceptions the core raises; each edge (CLI, bots) translates them for its users."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

from assistant import messages
from assistant.corpus import CorpusError

__all__ = ["CorpusError", "EvalFileError", "QuestionError", "explain", "read_package_data"]

T = TypeVar("T")
# What to do about a broken file of package data (the model, the word votes' counts):
# `wegwijzer eval --fit` cannot write it anew while the assistant it fits cannot be built
# without it.
RESTORE = (
    "restore it: `git checkout` the file in a checkout, or reinstall Wegwijzer "
    "(`wegwijzer eval --fit` needs a working one to write it anew)"
)


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


def read_package_data(
    read: Callable[[str], str], where: str, parse: Callable[[Any], T], error: type[ValueError]
) -> T:
    """A JSON file of package data, read by `read` and checked by `parse`.

    Raises:
        error: the file is missing, not UTF-8, not JSON, or `parse` raised `error`; the
            message names `where` and how to restore it.
    """
    try:
        return parse(json.loads(read("utf-8")))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, error) as exc:
        raise error(f"{where}: {exc}; {RESTORE}") from exc
