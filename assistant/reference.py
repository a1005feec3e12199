"""The reference the index is checked against: rank-bm25 itself, used the plain way.

`ReferenceSearch` ranks as `PassageIndex.search` did before the index became sparse: one
rank-bm25 ``get_scores`` call per query term over every passage, the priors and the title
boost applied to every passage, and a full sort. The tests and ``benchmarks/bench_scale.py``
check that the sparse index gives the same passages with the same scores. Not used to answer
questions (rank-bm25 is a development dependency).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from rank_bm25 import BM25Okapi

from assistant.analysis import TermGroup
from assistant.retrieval import (
    HISTORICAL_WEIGHT,
    K1,
    TITLE_BOOST,
    B,
    PassageIndex,
    asks_about_the_past,
    passage_fields,
)


class LuceneBM25(BM25Okapi):
    """BM25Okapi with Lucene's IDF, ``ln(1 + (N - n + 0.5) / (n + 0.5))``.

    rank-bm25 floors negative IDF at epsilon times the mean IDF, so a term in half the passages
    scores nothing and, in a tiny corpus, the mean itself can be negative. Lucene's IDF is always
    positive and ranks as well or better.
    """

    def _calc_idf(self, nd: dict[str, int]) -> None:
        for word, freq in nd.items():
            self.idf[word] = math.log(1 + (self.corpus_size - freq + 0.5) / (freq + 0.5))


class ReferenceSearch:
    """`PassageIndex.search` computed with rank-bm25 over every passage (slow, for checks)."""

    def __init__(self, index: PassageIndex) -> None:
        self.index = index
        fields = [passage_fields(p, index.analyzer) for p in index.passages]
        self.bm25 = LuceneBM25([f.document for f in fields], k1=K1, b=B)
        self._titles = [frozenset(f.title) for f in fields]
        self._cores = [
            frozenset(f.core(p, index.analyzer))
            for f, p in zip(fields, index.passages, strict=True)
        ]
        historical = np.array([p.is_historical for p in index.passages])
        self._prior = np.where(historical, HISTORICAL_WEIGHT, 1.0)
        self._past_prior = np.where(historical, 1.0, HISTORICAL_WEIGHT)

    def scores(self, groups: Sequence[TermGroup]) -> np.ndarray:
        """The ranking score of every passage."""
        weights = self.index.query_weights(groups)
        scores = np.zeros(len(self.index.passages))
        for term, weight in weights.items():
            if term in self.bm25.idf:
                scores += weight * self.bm25.get_scores([term])
        scores *= self._past_prior if asks_about_the_past(groups) else self._prior
        asked = weights.keys()
        full = np.array([len(t & asked) / max(1, len(t)) for t in self._titles])
        core = np.array([len(c & asked) / max(1, len(c)) for c in self._cores])
        scores *= 1.0 + TITLE_BOOST * np.maximum(full, core)
        return scores

    def search(self, groups: Sequence[TermGroup], limit: int) -> list[tuple[str, float]]:
        """(passage id, score) of the best `limit` passages with a positive score."""
        scores = self.scores(groups)
        order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))[:limit]
        return [(self.index.passages[i].id, float(scores[i])) for i in order if scores[i] > 0]
