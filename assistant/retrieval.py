"""BM25 retrieval over analysed passages (rank-bm25 with a Lucene-style IDF)."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np
from rank_bm25 import BM25Okapi

from assistant.analysis import Analyzer, TermGroup, surface_tokens
from assistant.models import Passage

_PARENTHETICAL = re.compile(r"\([^)]*\)")
TITLE_WEIGHT = 2  # the title is what a user would call the passage: count it twice
K1, B = 1.2, 0.75
# A historical passage is usually shorter than its successor, which BM25 rewards; users want
# today's situation first unless they ask about the past (then "2012" etc. tips the balance).
HISTORICAL_WEIGHT = 0.8
# Words that ask about the past: then historical passages lose their handicap and current
# ones take it, so "hoe werkte de tax shelter in 2012" gets the 2012 passage first.
PAST_CUES = frozenset({"vroeger", "vroegere", "destijds", "voorheen", "oud", "oude", "ooit"})
FIRST_HISTORICAL_YEAR, LAST_HISTORICAL_YEAR = 1990, 2019
# A passage whose whole title the question names gets up to this much extra score: "wat is de
# winwinlening" wants the passage called "Winwinlening", not the one about its conditions.
TITLE_BOOST = 0.3
ALTERNATIVE_WEIGHT = 0.6  # a synonym beside a word the corpus knows
PART_WEIGHT = 0.4  # each compound part


class LuceneBM25(BM25Okapi):
    """BM25Okapi with Lucene's IDF, ``ln(1 + (N - n + 0.5) / (n + 0.5))``.

    rank-bm25 floors negative IDF at epsilon times the mean IDF, so a term in half the passages
    scores nothing and, in a tiny corpus, the mean itself can be negative. Lucene's IDF is always
    positive and ranks as well or better.
    """

    def _calc_idf(self, nd: dict[str, int]) -> None:
        for word, freq in nd.items():
            self.idf[word] = math.log(1 + (self.corpus_size - freq + 0.5) / (freq + 0.5))


@dataclass(frozen=True)
class Hit:
    """One ranked passage with its BM25 score and how much of the question it covers."""

    passage: Passage
    score: float
    coverage: float


class PassageIndex:
    """The searchable form of a corpus."""

    def __init__(
        self, passages: Sequence[Passage], analyzer: Analyzer, word_counts: Counter[str]
    ) -> None:
        if not passages:
            raise ValueError("cannot index an empty corpus")
        self.passages = tuple(passages)
        self.analyzer = analyzer
        documents = [self._document_terms(p) for p in self.passages]
        self._bm25 = LuceneBM25(documents, k1=K1, b=B)
        self._term_sets = [frozenset(doc) for doc in documents]
        # A title's core is the title without its parenthetical: "CultuurKrediet (Hefboom)"
        # is about the CultuurKrediet; "(Hefboom)" only says who runs it.
        self._titles = _TitleTerms(
            [analyzer.document_terms(p.title) for p in passages],
            [analyzer.document_terms(_PARENTHETICAL.sub(" ", p.title)) for p in passages],
        )
        self._prior = np.array([HISTORICAL_WEIGHT if p.is_historical else 1.0 for p in passages])
        self._past_prior = np.array(
            [1.0 if p.is_historical else HISTORICAL_WEIGHT for p in passages]
        )
        self._unknown_idf = math.log(1 + (len(documents) + 0.5) / 0.5)
        analyzer.set_vocabulary(word_counts, (t for doc in documents for t in doc))

    def _document_terms(self, passage: Passage) -> list[str]:
        analyse = self.analyzer.document_terms
        terms = analyse(passage.title) * TITLE_WEIGHT
        for extra in (*passage.keywords, *passage.questions, passage.text):
            terms.extend(analyse(extra))
        return terms

    def idf(self, term: str) -> float:
        """IDF of an index term; a term the corpus lacks gets the highest IDF possible."""
        return self._bm25.idf.get(term, self._unknown_idf)

    def search(self, groups: Sequence[TermGroup], limit: int) -> list[Hit]:
        """Rank passages for analysed question terms; best first, only positive scores."""
        scores = self.scores(groups)
        order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))[:limit]
        return [
            Hit(self.passages[i], float(scores[i]), self.coverage(groups, i))
            for i in order
            if scores[i] > 0
        ]

    def scores(self, groups: Sequence[TermGroup]) -> np.ndarray:
        """The ranking score of every passage for analysed question terms."""
        weights = self.query_weights(groups)
        scores = np.zeros(len(self.passages))
        for term, weight in weights.items():
            if term in self._bm25.idf:
                scores += weight * self._bm25.get_scores([term])
        scores *= self._past_prior if asks_about_the_past(groups) else self._prior
        scores *= 1.0 + TITLE_BOOST * self._title_coverage(weights)
        return scores

    def _title_coverage(self, weights: dict[str, float]) -> np.ndarray:
        """Per passage, the share of its title's terms (or of its title's core) asked about."""
        return self._titles.coverage(weights.keys())

    def query_weights(self, groups: Sequence[TermGroup]) -> dict[str, float]:
        """How much each query term counts: the user's own word fully, stand-ins less.

        A synonym or correction stands in fully for a word the corpus doesn't know, and at
        `ALTERNATIVE_WEIGHT` beside a known one; compound parts count `PART_WEIGHT` each, so a
        word's expansions never outweigh the word itself.
        """
        weights: dict[str, float] = {}
        for group in groups:
            known = group.primary in self._bm25.idf
            alternative = ALTERNATIVE_WEIGHT if known else 1.0
            for term, weight in (
                (group.primary, 1.0),
                *((t, alternative) for t in group.alternatives),
                *((t, PART_WEIGHT) for t in group.parts),
            ):
                scaled = weight * group.weight * self.analyzer.specificity(group.word)
                weights[term] = max(weights.get(term, 0.0), scaled)
        return weights

    def coverage(self, groups: Sequence[TermGroup], doc: int) -> float:
        """Share of the question's information (IDF-weighted words) that passage `doc` contains.

        Each word of the question weighs the IDF of its own stem, or of its best stand-in when
        only that is indexed (a synonym, a corrected typo, a compound part); a word the corpus
        doesn't know weighs the most, so questions about other subjects score low. Every weight
        is scaled by the word's specificity in general Dutch: everyday words count for less.
        A word found only through its compound parts counts for the share of its parts found.
        """
        total = sum(self.information(group) for group in groups)
        return self.covered_information(groups, doc) / total if total else 0.0

    def covered_information(self, groups: Sequence[TermGroup], doc: int) -> float:
        """The summed information of the question's words that passage `doc` contains."""
        terms = self._term_sets[doc]
        return sum(self.information(g) * self._group_credit(g, terms) for g in groups)

    def information(self, group: TermGroup) -> float:
        """How much a word of a question says: its IDF, scaled by its specificity.

        A context word (weight below 1) ranks lower but counts fully here: the confidence of an
        answer in context is how much of the question *with* its context the passage covers.
        """
        return self._group_weight(group) * self.analyzer.specificity(group.word)

    def _group_credit(self, group: TermGroup, terms: frozenset[str]) -> float:
        if group.primary in terms or any(t in terms for t in group.alternatives):
            return 1.0
        if not group.parts:
            return 0.0
        part_weights = {t: self.idf(t) * self.analyzer.specificity(t) for t in group.parts}
        found = sum(w for t, w in part_weights.items() if t in terms)
        return found / sum(part_weights.values())

    def _group_weight(self, group: TermGroup) -> float:
        if group.primary in self._bm25.idf:
            return self._bm25.idf[group.primary]
        known = [
            self._bm25.idf[t] for t in (*group.alternatives, *group.parts) if t in self._bm25.idf
        ]
        return max(known) if known else self._unknown_idf


class _TitleTerms:
    """Which passages' titles (and title cores) hold each term, for a fast title coverage."""

    def __init__(self, titles: Sequence[list[str]], cores: Sequence[list[str]]) -> None:
        self._full = self._incidence(titles)
        self._core = self._incidence(cores)
        self._full_sizes = np.array([max(1, len(set(t))) for t in titles], dtype=float)
        self._core_sizes = np.array([max(1, len(set(c))) for c in cores], dtype=float)
        self._n = len(titles)

    @staticmethod
    def _incidence(titles: Sequence[list[str]]) -> dict[str, np.ndarray]:
        incidence: dict[str, np.ndarray] = {}
        for position, title in enumerate(titles):
            for term in set(title):
                incidence.setdefault(term, np.zeros(len(titles)))[position] = 1.0
        return incidence

    def coverage(self, asked: Collection[str]) -> np.ndarray:
        full, core = np.zeros(self._n), np.zeros(self._n)
        for term in asked:
            if term in self._full:
                full += self._full[term]
            if term in self._core:
                core += self._core[term]
        return np.maximum(full / self._full_sizes, core / self._core_sizes)


def asks_about_the_past(groups: Sequence[TermGroup]) -> bool:
    """Whether a question names a past year (1990-2019) or a word such as ``vroeger``."""
    for group in groups:
        if group.word in PAST_CUES:
            return True
        if (
            group.word.isdigit()
            and FIRST_HISTORICAL_YEAR <= int(group.word) <= LAST_HISTORICAL_YEAR
        ):
            return True
    return False


def corpus_word_counts(passages: Sequence[Passage]) -> Counter[str]:
    """How often each (folded) word occurs in the corpus: titles, text, questions, keywords."""
    counts: Counter[str] = Counter()
    for p in passages:
        for field in (p.title, p.text, *p.questions, *p.keywords):
            counts.update(surface_tokens(field))
    return counts
