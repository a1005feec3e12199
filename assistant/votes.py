"""Which passage a question's words vote for, learned from labelled questions.

BM25 and the answerability model's other signals read a question against a passage's own
words. People ask in other words: "mijn tante wil me geld lenen" names neither "winwinlening"
nor "achtergestelde lening", and an out-of-domain question often shares a rare word with some
passage. `Votes` is a naive Bayes model over index terms (`TermGroup.terms`), counted from
questions labelled with the passage that answers them: the passages' own wordings (their
example questions and variants, read from the index at start, so a curator's new passage
votes at once), and questions in users' words (the tuning set and the practice questions of
tests/eval/oefenvragen.yaml, counted by `wegwijzer eval --fit` into ``data/votes.json``).
Questions from other domains vote for `OUTSIDE`, questions no passage answers for
`UNANSWERED`. The answerability model weighs the share of the votes its candidate gets
(feature ``voted``).

At run time it is a sparse sum per question term and a softmax over the labels.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from assistant.analysis import TermGroup
from assistant.errors import read_package_data
from assistant.indexing import IndexArrays
from assistant.memo import Memo

OUTSIDE = "(outside)"  # the label of questions from other domains
UNANSWERED = "(unanswered)"  # the label of questions on the domain that no passage answers
# The count every label adds to every term it never saw (Laplace smoothing), and the power
# the likelihoods are taken to (naive Bayes multiplies every word's evidence as if the words
# were independent, which they are not: untempered, a question's shares were near 0 or 1,
# "Hoeveel bedraagt het kostenforfait?" 0.80 for a question no passage answers). Chosen on
# the ordering of the validation set's first candidates, with bug bashes 28 and 29 as a check:
# smoothing 0.01 to 1.0 and powers 0.2 to 1 tried, 0.03 and 0.3 the best of a flat top.
SMOOTHING = 0.03
TEMPER = 0.3
VOTES_FILE = "votes.json"
# The least share of the labelled counts of passages (their terms counted) that a corpus's
# passages must hold for it to use them (`for_corpus`).
FITTING = 0.5
# Labelled counts: label -> term -> how many questions of that label hold the term (a question
# with several acceptable passages counts for each as 1 / their number).
Counts = Mapping[str, Mapping[str, float]]


class Votes:
    """A naive Bayes model of which label (a passage id, `OUTSIDE`, `UNANSWERED`) a question's
    terms vote for; uniform over the labels before any word is read.

    Args:
        counts: per label, per term, how many of its questions hold that term.
        totals: per label, how many terms its questions hold in all.
    """

    def __init__(self, counts: Counts, totals: Mapping[str, float]) -> None:
        self.labels = tuple(sorted(counts))
        position = {label: i for i, label in enumerate(self.labels)}
        per_term: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for label, terms in counts.items():
            for term, count in terms.items():
                if count > 0:
                    per_term[term].append((position[label], count))
        vocabulary = len(per_term)
        self._log_totals = np.log(
            np.array([totals.get(label, 0.0) for label in self.labels]) + SMOOTHING * vocabulary
        )
        # Per term: the labels that saw it and log((count + s) / s), what it adds for them.
        self._gains = {
            term: (
                np.array([i for i, _ in seen], dtype=np.int32),
                np.log1p(np.array([c for _, c in seen]) / SMOOTHING),
            )
            for term, seen in per_term.items()
        }
        self._memo: Memo[tuple[tuple[tuple[str, ...], float], ...], dict[str, float]] = Memo(256)

    @classmethod
    def build(cls, *parts: Counts) -> Votes:
        """Votes from several sets of labelled counts added together."""
        counts = added(parts)
        totals = {label: sum(terms.values()) for label, terms in counts.items()}
        return cls(counts, totals)

    def posterior(self, groups: Sequence[TermGroup]) -> dict[str, float]:
        """Per label, the probability that a question of these words has it.

        A word seen with several terms (its stem, a synonym, its parts) votes with each, at the
        group's weight (below 1 for words from a conversation's context). Words no labelled
        question held do not vote: with none, every label is as likely.
        """
        key = tuple(sorted({(g.terms, g.weight) for g in groups}))
        return self._memo.get(key, self._posterior)

    def _posterior(self, key: tuple[tuple[tuple[str, ...], float], ...]) -> dict[str, float]:
        if not self.labels:
            return {}
        weights: dict[str, float] = {}
        for terms, weight in key:
            for term in terms:
                if term in self._gains:
                    weights[term] = max(weight, weights.get(term, 0.0))
        scores = -sum(weights.values()) * self._log_totals
        for term, weight in weights.items():
            labels, gains = self._gains[term]
            scores[labels] += weight * gains
        scores *= TEMPER
        shares = np.exp(scores - scores.max())
        shares /= shares.sum()
        return dict(zip(self.labels, shares.tolist(), strict=True))

    def share(self, groups: Sequence[TermGroup], label: str) -> float:
        """The probability that a question of these words has `label` (0 for an unknown one)."""
        return self.posterior(groups).get(label, 0.0)


def wording_counts(arrays: IndexArrays, passage_ids: Sequence[str]) -> Counts:
    """Per passage, how many of its example questions and variants hold each term (the
    index's rows of wordings, `IndexArrays.questions`)."""
    counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    rows, first = arrays.questions, arrays.question_owners  # passage i: rows first[i]..first[i+1]
    for position, passage_id in enumerate(passage_ids):
        terms = counts[passage_id]
        for row in range(int(first[position]), int(first[position + 1])):
            for term_id in np.unique(rows.ids[rows.ptr[row] : rows.ptr[row + 1]]):
                terms[arrays.terms[int(term_id)]] += 1.0
    return counts


def added(parts: Iterable[Counts]) -> dict[str, dict[str, float]]:
    """Several sets of labelled counts added up, label by label and term by term."""
    total: dict[str, dict[str, float]] = {}
    for part in parts:
        for label, terms in part.items():
            into = total.setdefault(label, {}) if terms else {}
            for term, count in terms.items():
                into[term] = into.get(term, 0.0) + count
    return total


def question_counts(labelled: Iterable[tuple[Sequence[TermGroup], Sequence[str]]]) -> Counts:
    """Per label, how many of the questions (their term groups, their labels) hold each term;
    a question with several labels counts for each as one over their number."""
    counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for groups, labels in labelled:
        terms = {term for group in groups for term in group.terms}
        for label in labels:
            for term in terms:
                counts[label][term] += 1.0 / len(labels)
    return counts


def counts_to_dict(counts: Counts, questions: int) -> dict[str, Any]:
    """The labelled counts as `VOTES_FILE` stores them (counts to four decimals)."""
    return {
        "questions": questions,
        "counts": {
            label: {term: round(count, 4) for term, count in sorted(terms.items())}
            for label, terms in sorted(counts.items())
        },
    }


class VotesFileError(ValueError):
    """A votes file is missing or malformed (`wegwijzer eval --fit` writes it anew)."""


def counts_from_dict(data: Any) -> Counts:
    """The labelled counts of a `VOTES_FILE`: label -> term -> a finite count of at least 0.

    Raises:
        VotesFileError: the data is not that (a NaN count would make every question answered).
    """
    counts = data.get("counts") if isinstance(data, dict) else None
    if not isinstance(counts, dict) or not all(isinstance(t, dict) for t in counts.values()):
        raise VotesFileError("a votes file needs counts: label -> term -> count")
    read: dict[str, dict[str, float]] = {}
    for label, terms in counts.items():
        for term, count in terms.items():
            if isinstance(count, bool) or not isinstance(count, int | float):
                raise VotesFileError(f"count of {term!r} for {label!r} is not a number: {count!r}")
            if not math.isfinite(count) or count < 0:
                raise VotesFileError(f"count of {term!r} for {label!r} must be finite, >= 0")
            read.setdefault(str(label), {})[str(term)] = float(count)
    return read


def bundled_counts(path: Path | None = None) -> Counts:
    """The counts of users' questions that ship with Wegwijzer (package data), or those of a
    votes file at `path`.

    Raises:
        VotesFileError: the file is missing or malformed; the message names it.
    """
    if path is None:
        return _shipped_counts()
    return _read_counts(path.read_text, str(path))


@cache
def _shipped_counts() -> Counts:
    """The package's counts, read and checked once per process: every `Assistant` built
    (a reload, the fit's folds, the tests) starts from them. Nothing mutates them."""
    data = resources.files("assistant").joinpath("data", VOTES_FILE)
    return _read_counts(data.read_text, f"assistant/data/{VOTES_FILE}")


def _read_counts(read: Callable[[str], str], where: str) -> Counts:
    return read_package_data(read, where, counts_from_dict, VotesFileError)


def bundled_counts_path() -> Path:
    """Where the shipped counts live in a checkout (for `wegwijzer eval --fit`)."""
    return Path(__file__).resolve().parent / "data" / VOTES_FILE


def for_corpus(counts: Counts, arrays: IndexArrays, passage_ids: Sequence[str]) -> Votes:
    """Votes of a corpus: its own wordings, and the labelled counts of its passages and of
    `OUTSIDE` and `UNANSWERED`.

    A label the corpus does not have is left out, and the questions of other domains and of
    none of its passages count as much less as the passages' counts left out (their terms
    counted). Counts made for another corpus (less than `FITTING` of their passages' counts
    are of this one's passages) are not used at all: every label is as likely before a word
    is read, and three labels of a corpus of one passage would give questions of other domains
    a third.
    """
    known = set(passage_ids)
    asked = {label: sum(terms.values()) for label, terms in counts.items()}
    answerable = sum(n for label, n in asked.items() if label not in (OUTSIDE, UNANSWERED))
    kept = sum(n for label, n in asked.items() if label in known)
    scale = kept / answerable if answerable else 0.0
    if scale < FITTING:
        return Votes.build(wording_counts(arrays, passage_ids))
    labelled = {label: dict(terms) for label, terms in counts.items() if label in known}
    for label in (OUTSIDE, UNANSWERED):
        if label in counts:
            labelled[label] = {term: n * scale for term, n in counts[label].items()}
    return Votes.build(wording_counts(arrays, passage_ids), labelled)
