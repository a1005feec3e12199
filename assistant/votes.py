"""Which passage a question's words vote for, learned from labelled questions.

BM25 and the answerability model's other signals read a question against a passage's own
words. People ask in other words: "mijn tante wil me geld lenen" names neither "winwinlening"
nor "achtergestelde lening", and an out-of-domain question often shares a rare word with some
passage. `Votes` is a naive Bayes model over index terms (`TermGroup.terms`), counted from
questions labelled with the passage that answers them: the passages' own wordings (their
example questions and variants, read from the index at start, so a curator's new passage
votes at once), and questions in users' words (the tuning set and the practice questions of
tests/eval/oefenvragen.yaml, whose terms `wegwijzer eval --fit` writes to ``data/votes.json``).
Questions from other domains vote for `OUTSIDE`, questions no passage answers for
`UNANSWERED`. The answerability model weighs the share of the votes its candidate gets
(feature ``voted``).

The votes add up each word's evidence on its own. `Neighbours` reads the same labelled
questions whole: the few most like a question, and whether the passage answers them
(features ``neighbour``, ``neighbour_other`` and ``neighbour_unanswerable``).

At run time the votes are a sparse sum per question term and a softmax over the labels, the
neighbours a sparse sum per term over the labelled questions that hold it. Both are learnt in
numpy from the labelled questions as arrays (`LabelledRows`), and what they learnt from the
shipped file is kept in the index cache (`cache`), with a digest of that file.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from assistant.analysis import TermGroup
from assistant.errors import RESTORE, read_package_data
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
# How many of the labelled questions most like a question `Neighbours.likeness` reads: 5
# and 10 ordered the validation set's first candidates alike, 1 and 20 a little worse.
NEIGHBOURS = 5
# One labelled question: its labels (acceptable passages, or `OUTSIDE` or `UNANSWERED`), its
# terms, each once, sorted, and the kinds of fact it asks for (`intent.asked_facts`), sorted.
Example = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]
_NO_PASSAGE = frozenset({OUTSIDE, UNANSWERED})
# How `Neighbours` counts an asked kind of fact among a question's terms (no term has it).
ASKS = "?"
# White space, which no label, term or kind of fact asked holds (the cache stores them one
# to a line).
_SPACE = re.compile(r"\s")
# The nearest labelled questions to one question: (likeness, labels), likest first.
Nearest = tuple[tuple[float, tuple[str, ...]], ...]


@dataclass(frozen=True)
class LabelledRows:
    """Labelled questions as arrays over one numbering of terms, which `Votes` and
    `Neighbours` learn from (unless a cache file holds what they learnt).

    Args:
        labels: per question, its labels.
        ptr: question i holds `columns[ptr[i]:ptr[i + 1]]`: first the ids of its terms,
            then those of the kinds of fact it asks, as terms "?" + kind.
        columns: term ids.
        words: per question, how many of its columns are terms (the rest are kinds of fact).
    """

    labels: Sequence[tuple[str, ...]]
    ptr: np.ndarray
    columns: np.ndarray
    words: np.ndarray

    @classmethod
    def of(cls, examples: Sequence[Example], terms: dict[str, int]) -> LabelledRows:
        """The examples' rows; a term `terms` lacks gets the next id there."""
        flat = [
            term
            for _, words, asks in examples
            for term in ((*words, *(ASKS + kind for kind in asks)) if asks else words)
        ]
        new = [term for term in dict.fromkeys(flat) if term not in terms]
        terms.update(zip(new, range(len(terms), len(terms) + len(new)), strict=True))
        columns = np.array(list(map(terms.__getitem__, flat)), dtype=np.int32)
        sizes = np.fromiter((len(w) + len(a) for _, w, a in examples), np.int64, len(examples))
        words = np.fromiter((len(w) for _, w, _ in examples), np.int64, len(examples))
        ptr = np.concatenate(([0], np.cumsum(sizes)))
        return cls([labels for labels, _, _ in examples], ptr, columns, words)

    @classmethod
    def wordings(cls, arrays: IndexArrays, passage_ids: Sequence[str]) -> LabelledRows:
        """Each passage's example questions and variants labelled with it: the index's rows
        of wordings (`IndexArrays.questions`, which keep no kind of fact asked), in the
        index's numbering of terms (`IndexArrays.terms`). `passage_ids` are the ids of every
        passage of the index, in its order."""
        rows, first = arrays.questions, np.asarray(arrays.question_owners, dtype=np.int64)
        count = int(first[-1]) if len(first) else 0
        ptr = np.asarray(rows.ptr[: count + 1], dtype=np.int64)
        # Each term once per row, the terms in the order of their text (as an example's).
        text_order = np.argsort(np.array(arrays.terms, dtype=str), kind="stable")
        rank = np.empty(len(arrays.terms), dtype=np.int64)
        rank[text_order] = np.arange(len(arrays.terms))
        row_of = np.repeat(np.arange(count, dtype=np.int64), np.diff(ptr))
        held = np.asarray(rows.ids[: ptr[-1]] if count else rows.ids[:0], dtype=np.int64)
        keys = np.unique(row_of * max(len(arrays.terms), 1) + rank[held])
        row_of, ranks = np.divmod(keys, max(len(arrays.terms), 1))
        columns = text_order[ranks].astype(np.int32)
        sizes = np.bincount(row_of, minlength=count)
        owner = np.repeat(np.arange(len(passage_ids)), np.diff(first))
        return cls(
            [(passage_ids[i],) for i in owner.tolist()],
            np.concatenate(([0], np.cumsum(sizes))),
            columns,
            sizes,
        )

    def votes(self, weight: Mapping[str, float] | None = None) -> Entries:
        """What the rows count for each label's terms (`Votes`): each question 1 / the
        number of its labels for each label, times the label's `weight` (1 by default; a
        label without one does not count), the terms only, not the kinds of fact asked."""
        examples: list[int] = []
        names: dict[str, int] = {}
        label_of: list[int] = []
        counts: list[float] = []
        for i, own in enumerate(self.labels):
            for label in own:
                share = 1.0 if weight is None else weight.get(label, 0.0)
                if share:
                    examples.append(i)
                    label_of.append(names.setdefault(label, len(names)))
                    counts.append(share / len(own))
        chosen = np.array(examples, dtype=np.int64)
        sizes = self.words[chosen]
        entry = np.repeat(np.arange(len(chosen)), sizes)
        return Entries(
            list(names),
            np.array(label_of, dtype=np.int64)[entry],
            _gathered(self.columns, self.ptr[chosen], sizes),
            np.array(counts, dtype=float)[entry],
        )

    def narrowed(self, chosen: Sequence[int], labels: Container[str]) -> LabelledRows:
        """The questions `chosen`, each with only those of its labels in `labels`."""
        picked = np.array(chosen, dtype=np.int64)
        sizes = np.diff(self.ptr)[picked]
        return LabelledRows(
            [tuple(filter(labels.__contains__, self.labels[i])) for i in chosen],
            np.concatenate(([0], np.cumsum(sizes))),
            _gathered(self.columns, self.ptr[picked], sizes),
            self.words[picked],
        )

    def joined(self, other: LabelledRows) -> LabelledRows:
        """These questions, then `other`'s (in the same numbering of terms)."""
        return LabelledRows(
            [*self.labels, *other.labels],
            np.concatenate((self.ptr, other.ptr[1:] + self.ptr[-1])),
            np.concatenate((self.columns, other.columns)),
            np.concatenate((self.words, other.words)),
        )


def _gathered(columns: np.ndarray, starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """`columns[starts[i] : starts[i] + sizes[i]]` for every i, one after the other."""
    within = np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    return columns[np.repeat(starts, sizes) + within]


@dataclass(frozen=True)
class Entries:
    """What labelled questions count for labels' terms: entry k counts `counts[k]` for the
    label `labels[label_of[k]]` and the term numbered `term_of[k]`; entries of the same label
    and term add up (`LabelledRows.votes`)."""

    labels: Sequence[str]
    label_of: np.ndarray
    term_of: np.ndarray
    counts: np.ndarray


class Votes:
    """A naive Bayes model of which label (a passage id, `OUTSIDE`, `UNANSWERED`) a question's
    terms vote for; uniform over the labels before any word is read.

    Learnt by `counted`; held per term some label's questions hold, as arrays sorted by term
    (a dict of 15,000 small arrays took four times as long to build), which `saved` gives
    for a cache file to store.

    Args:
        labels: the labels, sorted.
        terms: the terms, in the order of their rows.
        ptr: term i's row is `ptr[i]:ptr[i + 1]` of `labels_of` and `gains`.
        labels_of: the positions of the labels whose questions hold the term.
        gains: for each, log((count + s) / s), what the term adds for that label.
        log_totals: per label, the log of how many terms its questions hold, smoothed.
    """

    def __init__(
        self,
        labels: Sequence[str],
        terms: Sequence[str],
        ptr: np.ndarray,
        labels_of: np.ndarray,
        gains: np.ndarray,
        log_totals: np.ndarray,
    ) -> None:
        self.labels = tuple(labels)
        self._rows = {term: i for i, term in enumerate(terms)}
        self._ptr, self._labels_of, self._gains = ptr, labels_of, gains
        self._log_totals = log_totals
        self._memo: Memo[tuple[tuple[tuple[str, ...], float], ...], dict[str, float]] = Memo(256)

    @classmethod
    def counted(cls, terms: Sequence[str], *parts: Entries) -> Votes:
        """The votes of labelled questions' counts (`Entries`), their term ids numbering
        `terms`; a label and a term that no count above 0 joins are left out."""
        names = sorted({label for part in parts for label in part.labels})
        position = {label: i for i, label in enumerate(names)}
        label_of = np.concatenate(
            [
                np.zeros(0, np.int64),
                *(
                    np.array([position[x] for x in part.labels], np.int64)[part.label_of]
                    for part in parts
                    if part.labels
                ),
            ]
        )
        term_of = np.concatenate([np.zeros(0, np.int64), *(part.term_of for part in parts)])
        count = np.concatenate([np.zeros(0), *(part.counts for part in parts)])
        # One count per label and term, summed.
        size = max(len(terms), 1)
        pairs, which = np.unique(label_of * size + term_of, return_inverse=True)
        summed = np.bincount(which.ravel(), weights=count, minlength=len(pairs))
        kept = summed > 0
        term_of, label_of = np.divmod(pairs[kept], size)[::-1]
        summed = summed[kept]
        held = np.bincount(label_of, weights=summed, minlength=len(names))
        renumbered = np.cumsum(held > 0) - 1
        seen, per_term = np.unique(term_of, return_counts=True)
        by_term = np.argsort(term_of, kind="stable")
        return cls(
            labels=[label for label, n in zip(names, held, strict=True) if n > 0],
            terms=[terms[t] for t in seen.tolist()],
            ptr=np.concatenate(([0], np.cumsum(per_term))),
            labels_of=renumbered[label_of[by_term]],
            gains=np.log1p(summed[by_term] / SMOOTHING),
            log_totals=np.log(held[held > 0] + SMOOTHING * len(seen)),
        )

    def arrays(self) -> list[np.ndarray]:
        """The arrays it reads a question with (mapped from a cache file when read from one)."""
        return [self._ptr, self._labels_of, self._gains, self._log_totals]

    def saved(self) -> dict[str, Any]:
        """What `Votes(**saved)` rebuilds these votes from: lists of strings and arrays."""
        return {
            "labels": list(self.labels),
            "terms": list(self._rows),
            "ptr": self._ptr,
            "labels_of": self._labels_of,
            "gains": self._gains,
            "log_totals": self._log_totals,
        }

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
                if term in self._rows:
                    weights[term] = max(weight, weights.get(term, 0.0))
        scores = -sum(weights.values()) * self._log_totals
        for term, weight in weights.items():
            row = self._rows[term]
            start, end = self._ptr[row], self._ptr[row + 1]
            scores[self._labels_of[start:end]] += weight * self._gains[start:end]
        scores *= TEMPER
        shares = np.exp(scores - scores.max())
        shares /= shares.sum()
        return dict(zip(self.labels, shares.tolist(), strict=True))

    def share(self, groups: Sequence[TermGroup], label: str) -> float:
        """The probability that a question of these words has `label`: 0 for an unknown label,
        and for a question none of whose words a labelled question held. Such a question's
        posterior is the uniform prior, which is no evidence for any label: over the shipped
        corpus's 300 labels a share of 0.003, but all of it in a corpus of one passage, where
        with the weights of a refit on 7 December 2026 "wat is het cultuurkrediet" (a word no
        passage holds) was answered with the win-win loan at 0.66."""
        if not any(term in self._rows for group in groups for term in group.terms):
            return 0.0
        return self.posterior(groups).get(label, 0.0)


class Neighbours:
    """The labelled questions most like a question, by the terms they share.

    The votes weigh each word on its own; "hoeveel kost het verlengen van een benelux-merk",
    which no passage answers, is told by a labelled question worded much like it as a whole.
    Likeness is a weighted Jaccard index over the terms and the kinds of fact asked, each
    weighed by its inverse document frequency among the labelled questions (a word of a
    conversation's context at its group's weight, as in the votes). The kind of fact counts
    because the words that ask it are no terms: "hoe richt ik een bv op" is not "wat kost een
    notaris om een bv op te richten", which no passage answers.

    Learnt by `among` (or `of`); `saved` gives what a cache file stores.

    Args:
        labels: per labelled question, its labels.
        terms: the terms, by id.
        held: which questions hold each term: term i's are `held[starts[i]:starts[i + 1]]`.
        starts: see `held`.
        weights: per term, its weight (0 for a term no question holds).
        sizes: per question, the weight of all its terms.
    """

    def __init__(
        self,
        labels: Sequence[tuple[str, ...]],
        terms: Sequence[str],
        held: np.ndarray,
        starts: np.ndarray,
        weights: np.ndarray,
        sizes: np.ndarray,
    ) -> None:
        self._labels = labels
        self._no_passage = np.array([not _NO_PASSAGE.isdisjoint(own) for own in labels], dtype=bool)
        self._ids = {term: i for i, term in enumerate(terms)}
        self._held, self._starts, self._weights, self._sizes = held, starts, weights, sizes
        self._memo: Memo[tuple[tuple[tuple[tuple[str, ...], float], ...], bool], Nearest] = Memo(
            256
        )

    @classmethod
    def among(cls, rows: LabelledRows, terms: Sequence[str]) -> Neighbours:
        """The neighbours among labelled questions (`LabelledRows`) whose ids number `terms`."""
        example_of = np.repeat(np.arange(len(rows.labels), dtype=np.int32), np.diff(rows.ptr))
        counts = np.bincount(rows.columns, minlength=len(terms))
        size = len(rows.labels)
        # A term none of them holds (the numbering is shared with the votes and the index)
        # weighs nothing.
        weights = np.where(counts > 0, np.log((size + 1) / (counts + 1)) + 1.0, 0.0)
        return cls(
            labels=rows.labels,
            terms=terms,
            held=example_of[np.argsort(rows.columns, kind="stable")],
            starts=np.concatenate(([0], np.cumsum(counts))),
            weights=weights,
            sizes=np.bincount(example_of, weights=weights[rows.columns], minlength=size),
        )

    @classmethod
    def of(cls, examples: Sequence[Example]) -> Neighbours:
        """The neighbours among these labelled questions."""
        terms: dict[str, int] = {}
        rows = LabelledRows.of(examples, terms)  # numbers the terms
        return cls.among(rows, list(terms))

    def arrays(self) -> list[np.ndarray]:
        """The arrays it reads a question with (mapped from a cache file when read from one)."""
        return [self._held, self._starts, self._weights, self._sizes]

    def saved(self) -> dict[str, Any]:
        """What `restored` rebuilds these neighbours from: lists of strings and arrays."""
        names = list(dict.fromkeys(label for own in self._labels for label in own))
        position = {label: i for i, label in enumerate(names)}
        return {
            "label_names": names,
            "label_ptr": np.cumsum([0, *map(len, self._labels)]),
            "label_ids": np.array(
                [position[label] for own in self._labels for label in own], dtype=np.int32
            ),
            "terms": list(self._ids),
            "held": self._held,
            "starts": self._starts,
            "weights": self._weights,
            "sizes": self._sizes,
        }

    @classmethod
    def restored(cls, saved: Mapping[str, Any]) -> Neighbours:
        """The neighbours `saved` gave."""
        names, ids = saved["label_names"], saved["label_ids"].tolist()
        ptr = saved["label_ptr"].tolist()
        return cls(
            labels=[tuple(names[i] for i in ids[a:b]) for a, b in itertools.pairwise(ptr)],
            terms=saved["terms"],
            held=saved["held"],
            starts=saved["starts"],
            weights=saved["weights"],
            sizes=saved["sizes"],
        )

    def nearest(
        self,
        groups: Sequence[TermGroup],
        asks: Iterable[str] = (),
        *,
        unanswerable: bool = True,
    ) -> Nearest:
        """The `NEIGHBOURS` labelled questions most like these words asking these kinds of
        fact, likest first: (likeness from 0 to 1, labels); none that shares no term. Without
        `unanswerable`, none from another domain or that no passage answers."""
        asked = tuple(((ASKS + kind,), 1.0) for kind in sorted(set(asks)))
        key = (tuple(sorted({(g.terms, g.weight) for g in groups})) + asked, unanswerable)
        return self._memo.get(key, self._nearest)

    def _nearest(self, key: tuple[tuple[tuple[tuple[str, ...], float], ...], bool]) -> Nearest:
        words, unanswerable = key
        weights: dict[int, float] = {}
        for terms, weight in words:
            for term in terms:
                term_id = self._ids.get(term)
                if term_id is not None and self._weights[term_id] > 0:
                    weights[term_id] = max(weight, weights.get(term_id, 0.0))
        if not weights:
            return ()
        shared = np.zeros(len(self._labels))
        own = 0.0
        for term_id, weight in weights.items():
            held = self._held[self._starts[term_id] : self._starts[term_id + 1]]
            shared[held] += weight * self._weights[term_id]
            own += weight * self._weights[term_id]
        # At most 1: the sums are added in another order for the question than for the example.
        likeness = np.minimum(shared / (own + self._sizes - shared), 1.0)
        if not unanswerable:
            likeness[self._no_passage] = 0.0
        count = min(NEIGHBOURS, len(likeness))
        best = np.argpartition(-likeness, count - 1)[:count]
        best = best[np.argsort(-likeness[best], kind="stable")]
        return tuple((float(likeness[i]), self._labels[i]) for i in best if likeness[i] > 0)

    def likeness(
        self,
        groups: Sequence[TermGroup],
        label: str,
        asks: Iterable[str] = (),
        *,
        unanswerable: bool = True,
    ) -> tuple[float, float, float]:
        """Of the nearest labelled questions (`nearest`), how like the question the likest is
        that has `label`, the likest that has not, and the likest from another domain or that
        no passage answers (each 0 when there is none; always 0 without `unanswerable`, when
        none of those is a neighbour)."""
        near = self.nearest(groups, asks, unanswerable=unanswerable)
        return (
            max((x for x, labels in near if label in labels), default=0.0),
            max((x for x, labels in near if label not in labels), default=0.0),
            max((x for x, labels in near if set(labels) & _NO_PASSAGE), default=0.0),
        )


def fact_kinds(asked: Iterable[str]) -> tuple[str, ...]:
    """The kinds of fact a question asks (`intent.asked_facts`) as an example holds them:
    sorted, without the kinds of a year ("year 2026", "next 2026"), which go with the year the
    knowledge base was checked; the kind asked of it ("deadline", "amount") is there too. Nor
    "duration", which only narrows the "deadline" asked with it: counted twice, "hoe lang"
    made questions alike that share nothing else ("hoe lang ben ik dan beschermd?" after a
    patent had then got the duration of author's rights)."""
    return tuple(sorted({kind for kind in asked if " " not in kind and kind != "duration"}))


def question_examples(
    labelled: Iterable[tuple[Sequence[TermGroup], Sequence[str], Iterable[str]]],
) -> list[Example]:
    """The questions (their term groups, their labels, the kinds of fact they ask) as
    examples; one without a label (a greeting) is none."""
    return [
        (
            tuple(dict.fromkeys(labels)),  # a passage listed twice is one label
            tuple(sorted({term for group in groups for term in group.terms})),
            fact_kinds(asks),
        )
        for groups, labels, asks in labelled
        if labels
    ]


class VotesFileError(ValueError):
    """A votes file is missing or malformed (`wegwijzer eval --fit` writes it anew)."""


def examples_to_text(examples: Sequence[Example]) -> str:
    """The examples as `VOTES_FILE` stores them: JSON, one example to a line (a refit's diff
    shows the questions that changed)."""
    lines = [
        json.dumps([list(part) for part in example], ensure_ascii=False) for example in examples
    ]
    return '{"examples": [\n' + ",\n".join(lines) + "\n]}\n"


def examples_from_dict(data: Any) -> list[Example]:
    """The examples of a `VOTES_FILE`: a list of [labels, terms, kinds of fact asked], each a
    list of strings, at least one label.

    Raises:
        VotesFileError: the data is not that.
    """
    examples = data.get("examples") if isinstance(data, dict) else None
    if not isinstance(examples, list):
        raise VotesFileError("a votes file needs examples: a list of [labels, terms, asks]")
    read: list[Example] = []
    for item in examples:
        if not _well_formed(item):
            shown = repr(item)
            shown = shown if len(shown) <= 200 else shown[:200] + "..."
            raise VotesFileError(
                f"an example must be [labels, terms, asks], each distinct words: {shown}"
            )
        read.append((tuple(item[0]), tuple(item[1]), tuple(item[2])))
    return read


def _well_formed(item: Any) -> bool:
    """Whether `item` is [labels, terms, asks]: lists of distinct non-empty strings without
    white space, at least one label, no term that reads as a kind of fact asked (checked in
    C-level loops: the shipped file holds some 8,000 examples)."""
    if not isinstance(item, list) or len(item) != 3 or not item[0]:
        return False
    for part in item:
        if (
            not isinstance(part, list)
            or not set(map(type, part)) <= {str}
            or "" in part
            or len(set(part)) != len(part)  # a word twice would count twice
            or _SPACE.search("".join(part))  # no term, label or kind holds one
        ):
            return False
    return not any(map(str.startswith, item[1], itertools.repeat(ASKS)))


def bundled_examples(path: Path | None = None) -> list[Example]:
    """The labelled questions that ship with Wegwijzer (package data), or those of a votes
    file at `path`.

    Raises:
        VotesFileError: the file is missing or malformed; the message names it.
    """
    if path is None:
        return _shipped_examples()
    return _read_examples(path.read_text, str(path))


@cache
def _shipped_file() -> tuple[str, bytes]:
    """The package's votes file and its digest, read once per process: the examples learnt
    from and the digest a cache of what they taught holds (`shipped_votes_digest`) come from
    the same bytes, even if the file changes while the process runs.

    Raises:
        VotesFileError: the file is missing or unreadable; the message names it.
    """
    where = f"assistant/data/{VOTES_FILE}"
    try:
        data = resources.files("assistant").joinpath("data", VOTES_FILE).read_bytes()
    except OSError as exc:
        raise VotesFileError(f"{where}: {exc}; {RESTORE}") from exc
    return hashlib.sha256(data).hexdigest(), data


@cache
def _shipped_examples() -> list[Example]:
    """The package's examples, read and checked once per process: every `Assistant` built
    (a reload, the fit's folds, the tests) starts from them. Nothing mutates them."""
    data = _shipped_file()[1]
    return _read_examples(data.decode, f"assistant/data/{VOTES_FILE}")


def shipped_votes_digest() -> str:
    """A digest of the shipped votes file, which a cache of what it taught holds.

    Raises:
        VotesFileError: the file is missing or unreadable; the message names it.
    """
    return _shipped_file()[0]


def _read_examples(read: Callable[[str], str], where: str) -> list[Example]:
    return read_package_data(read, where, examples_from_dict, VotesFileError)


def bundled_examples_path() -> Path:
    """Where the shipped examples live in a checkout (for `wegwijzer eval --fit`)."""
    return Path(__file__).resolve().parent / "data" / VOTES_FILE


def for_corpus(
    examples: Sequence[Example], arrays: IndexArrays, passage_ids: Sequence[str]
) -> tuple[Votes, Neighbours]:
    """The votes and the neighbours of a corpus: its own wordings, and the labelled questions
    of its passages and of `OUTSIDE` and `UNANSWERED`.

    A label the corpus does not have is left out (a question with none left, too), and in the
    votes the questions of other domains and of none of its passages count as much less as
    the passages' counts left out (their terms counted). Questions labelled for another corpus
    (less than `FITTING` of their passages' counts are of this one's passages) are not used at
    all: every label is as likely before a word is read, and three labels of a corpus of one
    passage would give questions of other domains a third.
    """
    known = set(passage_ids)
    terms = {term: i for i, term in enumerate(arrays.terms)}  # the index's numbering first
    own = LabelledRows.wordings(arrays, passage_ids)
    theirs = LabelledRows.of(examples, terms)
    # Per label, how many terms its questions hold (a question of several labels counts for
    # each as 1 / their number).
    asked: dict[str, float] = defaultdict(float)
    for labels, words, _ in examples:
        for label in labels:
            asked[label] += len(words) / len(labels)
    answerable = sum(n for label, n in asked.items() if label not in _NO_PASSAGE)
    kept = sum(n for label, n in asked.items() if label in known)
    scale = kept / answerable if answerable else 0.0
    names = list(terms)  # by id
    if scale < FITTING:
        return Votes.counted(names, own.votes()), Neighbours.among(own, names)
    weight = dict.fromkeys(known, 1.0) | dict.fromkeys(_NO_PASSAGE, scale)
    ours = [i for i, labels in enumerate(theirs.labels) if not weight.keys().isdisjoint(labels)]
    narrowed = theirs.narrowed(ours, weight)
    return (
        Votes.counted(names, own.votes(), theirs.votes(weight)),
        Neighbours.among(own.joined(narrowed), names),
    )
