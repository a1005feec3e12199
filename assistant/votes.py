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
neighbours a sparse sum per term over the labelled questions that hold it.
"""

from __future__ import annotations

import json
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
# How many of the labelled questions most like a question `Neighbours.likeness` reads: 5
# and 10 ordered the validation set's first candidates alike, 1 and 20 a little worse.
NEIGHBOURS = 5
# Labelled counts: label -> term -> how many questions of that label hold the term (a question
# with several acceptable passages counts for each as 1 / their number).
Counts = Mapping[str, Mapping[str, float]]
# One labelled question: its labels (acceptable passages, or `OUTSIDE` or `UNANSWERED`), its
# terms, each once, sorted, and the kinds of fact it asks for (`intent.asked_facts`), sorted.
Example = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]
_NO_PASSAGE = frozenset({OUTSIDE, UNANSWERED})
# How `Neighbours` counts an asked kind of fact among a question's terms (no term has it).
ASKS = "?"
# The nearest labelled questions to one question: (likeness, labels), likest first.
Nearest = tuple[tuple[float, tuple[str, ...]], ...]


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


class Neighbours:
    """The labelled questions most like a question, by the terms they share.

    The votes weigh each word on its own; "hoeveel kost het verlengen van een benelux-merk",
    which no passage answers, is told by a labelled question worded much like it as a whole.
    Likeness is a weighted Jaccard index over the terms and the kinds of fact asked, each
    weighed by its inverse document frequency among the labelled questions (a word of a
    conversation's context at its group's weight, as in the votes). The kind of fact counts
    because the words that ask it are no terms: "hoe richt ik een bv op" is not "wat kost een
    notaris om een bv op te richten", which no passage answers.

    Args:
        examples: the labelled questions.
    """

    def __init__(self, examples: Sequence[Example]) -> None:
        self._labels = [labels for labels, _, _ in examples]
        self._no_passage = np.array(
            [bool(set(labels) & _NO_PASSAGE) for labels in self._labels], dtype=bool
        )
        # Which examples hold each term, as one array sorted by term (built at every start:
        # a dict of 15,000 small arrays took three times as long).
        ids: dict[str, int] = {}
        rows: list[int] = []
        columns: list[int] = []
        for i, (_, terms, asks) in enumerate(examples):
            for term in (*terms, *(ASKS + kind for kind in asks)):
                rows.append(i)
                columns.append(ids.setdefault(term, len(ids)))
        term_of = np.array(columns, dtype=np.int32)
        example_of = np.array(rows, dtype=np.int32)
        self._held = example_of[np.argsort(term_of, kind="stable")]
        counts = np.bincount(term_of, minlength=len(ids))
        self._starts = np.concatenate(([0], np.cumsum(counts)))
        self._ids = ids
        size = len(examples)
        self._weights = np.log((size + 1) / (counts + 1)) + 1.0
        # Per example, the weight of all its terms.
        self._sizes = np.bincount(
            example_of, weights=self._weights[term_of], minlength=size
        ).astype(float)
        self._memo: Memo[tuple[tuple[tuple[tuple[str, ...], float], ...], bool], Nearest] = Memo(
            256
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
                if (term_id := self._ids.get(term)) is not None:
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


def wording_examples(arrays: IndexArrays, passage_ids: Sequence[str]) -> list[Example]:
    """Each passage's example questions and variants as examples labelled with it (the
    index's rows of wordings, `IndexArrays.questions`, which keep no kind of fact asked)."""
    examples: list[Example] = []
    rows, first = arrays.questions, arrays.question_owners  # passage i: rows first[i]..first[i+1]
    for position, passage_id in enumerate(passage_ids):
        for row in range(int(first[position]), int(first[position + 1])):
            ids = np.unique(rows.ids[rows.ptr[row] : rows.ptr[row + 1]])
            terms = tuple(sorted(arrays.terms[int(t)] for t in ids))
            examples.append(((passage_id,), terms, ()))
    return examples


def added(parts: Iterable[Counts]) -> dict[str, dict[str, float]]:
    """Several sets of labelled counts added up, label by label and term by term."""
    total: dict[str, dict[str, float]] = {}
    for part in parts:
        for label, terms in part.items():
            into = total.setdefault(label, {}) if terms else {}
            for term, count in terms.items():
                into[term] = into.get(term, 0.0) + count
    return total


def fact_kinds(asked: Iterable[str]) -> tuple[str, ...]:
    """The kinds of fact a question asks (`intent.asked_facts`) as an example holds them:
    sorted, without the kinds of a year ("year 2026", "next 2026"), which go with the year the
    knowledge base was checked; the kind asked of it ("deadline", "amount") is there too."""
    return tuple(sorted({kind for kind in asked if " " not in kind}))


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


def example_counts(examples: Iterable[Example]) -> Counts:
    """Per label, how many of the examples hold each term; an example with several labels
    counts for each as one over their number."""
    counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for labels, terms, _ in examples:
        for label in labels:
            for term in terms:
                counts[label][term] += 1.0 / len(labels)
    return counts


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
        if (
            not isinstance(item, list)
            or len(item) != 3
            or not all(isinstance(part, list) for part in item)
            or not all(isinstance(word, str) and word for part in item for word in part)
            or not item[0]
            or any(len(set(part)) != len(part) for part in item)  # a word twice counts twice
            or any(term.startswith(ASKS) for term in item[1])  # a kind of fact asked, or none
        ):
            shown = repr(item)
            shown = shown if len(shown) <= 200 else shown[:200] + "..."
            raise VotesFileError(
                f"an example must be [labels, terms, asks], each distinct words: {shown}"
            )
        read.append((tuple(item[0]), tuple(item[1]), tuple(item[2])))
    return read


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
def _shipped_examples() -> list[Example]:
    """The package's examples, read and checked once per process: every `Assistant` built
    (a reload, the fit's folds, the tests) starts from them. Nothing mutates them."""
    data = resources.files("assistant").joinpath("data", VOTES_FILE)
    return _read_examples(data.read_text, f"assistant/data/{VOTES_FILE}")


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
    own = wording_examples(arrays, passage_ids)
    counts = example_counts(examples)
    asked = {label: sum(terms.values()) for label, terms in counts.items()}
    answerable = sum(n for label, n in asked.items() if label not in (OUTSIDE, UNANSWERED))
    kept = sum(n for label, n in asked.items() if label in known)
    scale = kept / answerable if answerable else 0.0
    if scale < FITTING:
        return Votes.build(example_counts(own)), Neighbours(own)
    labelled = {label: dict(terms) for label, terms in counts.items() if label in known}
    for label in (OUTSIDE, UNANSWERED):
        if label in counts:
            labelled[label] = {term: n * scale for term, n in counts[label].items()}
    ours = known | {OUTSIDE, UNANSWERED}
    narrowed = [(tuple(x for x in labels if x in ours), *rest) for labels, *rest in examples]
    return (
        Votes.build(example_counts(own), labelled),
        Neighbours([*own, *(example for example in narrowed if example[0])]),
    )
