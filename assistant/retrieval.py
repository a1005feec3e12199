"""BM25 retrieval over analysed passages (rank-bm25 with a Lucene-style IDF)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rank_bm25 import BM25Okapi

from assistant.analysis import Analyzer, TermGroup, surface_tokens
from assistant.models import Passage

TITLE_WEIGHT = 2  # the title is what a user would call the passage: count it twice
K1, B = 1.2, 0.75
# A historical passage is usually shorter than its successor, which BM25 rewards; users want
# today's situation first unless they ask about the past (then "2012" etc. tips the balance).
HISTORICAL_WEIGHT = 0.8


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
        self._prior = np.array([HISTORICAL_WEIGHT if p.is_historical else 1.0 for p in passages])
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
        query = list(dict.fromkeys(t for g in groups for t in g.terms))
        if not query:
            return []
        scores = self._bm25.get_scores(query) * self._prior
        order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))[:limit]
        return [
            Hit(self.passages[i], float(scores[i]), self.coverage(groups, i))
            for i in order
            if scores[i] > 0
        ]

    def coverage(self, groups: Sequence[TermGroup], doc: int) -> float:
        """Share of the question's information (IDF-weighted words) that passage `doc` contains.

        Each word of the question weighs the IDF of its own stem, or of its best expansion when
        only that is indexed (a corrected typo, a synonym, a compound part); a word the corpus
        doesn't know weighs the most, so questions about other subjects score low. Every weight
        is scaled by the word's specificity in general Dutch: everyday words count for less.
        """
        terms = self._term_sets[doc]
        total = matched = 0.0
        for group in groups:
            weight = self._group_weight(group) * self.analyzer.specificity(group.word)
            total += weight
            if any(t in terms for t in group.terms):
                matched += weight
        return matched / total if total else 0.0

    def _group_weight(self, group: TermGroup) -> float:
        if group.primary in self._bm25.idf:
            return self._bm25.idf[group.primary]
        known = [self._bm25.idf[t] for t in group.expansions if t in self._bm25.idf]
        return max(known) if known else self._unknown_idf


def corpus_word_counts(passages: Sequence[Passage]) -> Counter[str]:
    """How often each (folded) word occurs in the corpus: titles, text, questions, keywords."""
    counts: Counter[str] = Counter()
    for p in passages:
        for field in (p.title, p.text, *p.questions, *p.keywords):
            counts.update(surface_tokens(field))
    return counts
