"""Compact sparse structures behind the passage index: ragged rows of term ids and postings.

Everything here is a handful of flat numpy arrays, so an index of 100,000 passages costs what
its postings cost (not a Python object per passage and term) and can be written to and read
from a cache file as it is.

`Postings.build` computes, for every (term, passage) pair, the very number rank-bm25's
``BM25Okapi.get_scores`` adds for that term (with Lucene's IDF, see `reference.LuceneBM25`):
the same float64 operations in the same order, so a sum of weighted postings equals rank-bm25's
scores bit for bit. The tests keep rank-bm25 as the reference.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Rows:
    """Ragged rows of int32 ids (a CSR matrix without values): row `i` is
    ``ids[ptr[i]:ptr[i + 1]]``."""

    ptr: np.ndarray  # int64, one more than the number of rows
    ids: np.ndarray  # int32

    def __len__(self) -> int:
        return len(self.ptr) - 1

    def row(self, i: int) -> np.ndarray:
        return self.ids[self.ptr[i] : self.ptr[i + 1]]

    def lengths(self) -> np.ndarray:
        return np.diff(self.ptr)

    def gather(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The lengths of `rows` and their ids, one row after the other."""
        starts = self.ptr[rows]
        lengths = self.ptr[rows + 1] - starts
        return lengths, self.ids[ranges(starts, lengths)]

    def transpose(self, columns: int) -> Rows:
        """Column-major form: for each id below `columns`, the rows holding it, ascending."""
        return self.transposed(columns)[0]

    def transposed(self, columns: int) -> tuple[Rows, np.ndarray]:
        """`transpose`, and where each of its entries sits in ``ids`` (to carry values along)."""
        owners = np.repeat(np.arange(len(self), dtype=np.int32), self.lengths())
        order = np.argsort(self.ids, kind="stable")  # stable: owners stay ascending
        counts = np.bincount(self.ids, minlength=columns)
        ptr = np.zeros(columns + 1, dtype=np.int64)
        np.cumsum(counts, out=ptr[1:])
        return Rows(ptr, owners[order]), order


class RowsBuilder:
    """Collects rows one at a time in compact arrays (no Python list per row)."""

    def __init__(self) -> None:
        self._ids = array("i")
        self._ptr = array("q", [0])

    def __len__(self) -> int:
        return len(self._ptr) - 1

    def add(self, ids: Iterable[int]) -> None:
        self._ids.extend(ids)
        self._ptr.append(len(self._ids))

    def build(self) -> Rows:
        return Rows(
            np.frombuffer(self._ptr, dtype=np.int64).copy(),
            np.frombuffer(self._ids, dtype=np.int32).copy(),
        )


_STEP = 1 << 20  # postings weighed at once while building


@dataclass(frozen=True)
class Postings:
    """Per term, the passages holding it (ascending) and its BM25 contribution in each.

    Attributes:
        ptr: int64 offsets per term id (one more than the number of terms).
        docs: int32 passage positions.
        weights: float64, rank-bm25's ``idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl /
            avgdl))`` for that term and passage.
        idf: float64 per term id (0 for an id no passage holds).
        df: int64 per term id: how many passages hold it.
    """

    ptr: np.ndarray
    docs: np.ndarray
    weights: np.ndarray
    idf: np.ndarray
    df: np.ndarray

    @classmethod
    def build(
        cls, terms: Rows, tfs: np.ndarray, doc_len: np.ndarray, n_terms: int, k1: float, b: float
    ) -> Postings:
        """Postings from each passage's distinct terms (`terms`) and their counts (`tfs`).

        Args:
            terms: per passage, its distinct term ids.
            tfs: integers, aligned with ``terms.ids``: how often the passage holds each.
            doc_len: int64 per passage: its length in terms (rank-bm25's ``doc_len``).
            n_terms: the number of term ids.
            k1: BM25's k1.
            b: BM25's b.
        """
        n = len(terms)
        by_term, order = terms.transposed(n_terms)
        tf_by_term = tfs[order]  # each posting's count, in posting order
        del order  # the largest temporary: gone before the weights are made
        df = by_term.lengths()
        avgdl = int(doc_len.sum()) / n  # rank-bm25: num_doc / corpus_size
        idf = np.array(
            [math.log(1 + (n - f + 0.5) / (f + 0.5)) if f else 0.0 for f in df.tolist()],
            dtype=np.float64,
        )
        weights = np.empty(len(tf_by_term))
        for lo in range(0, len(tf_by_term), _STEP):  # in steps: the temporaries stay small
            at = slice(lo, lo + _STEP)
            tf, dl = tf_by_term[at], doc_len[by_term.ids[at]]
            term_of = np.searchsorted(by_term.ptr, np.arange(lo, lo + len(tf)), "right") - 1
            # rank-bm25's expression, operation by operation (see `BM25Okapi.get_scores`).
            weights[at] = idf[term_of] * (tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / avgdl)))
        return cls(by_term.ptr, by_term.ids, weights, idf, df)

    def terms(self, term_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The postings of several terms, one term after the other: the passages, the weights,
        and how many postings each term has."""
        starts = self.ptr[term_ids]
        lengths = self.ptr[term_ids + 1] - starts
        at = ranges(starts, lengths)
        return self.docs[at], self.weights[at], lengths


def ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """``concatenate([arange(s, s + n) for s, n in zip(starts, lengths)])``, vectorised."""
    ends = np.cumsum(lengths)
    total = int(ends[-1]) if len(ends) else 0
    return np.repeat(starts - (ends - lengths), lengths) + np.arange(total)


def top_k(scores: np.ndarray, positions: np.ndarray, k: int) -> np.ndarray:
    """Indices into `scores` of the `k` best, highest first, ties to the lower position.

    The same order as ``sorted(range(n), key=lambda i: (-score[i], i))[:k]`` over every
    passage, found with `argpartition` instead of a full sort.
    """
    if len(scores) > k:
        kth = scores[np.argpartition(-scores, k - 1)[:k]].min()
        candidates = np.flatnonzero(scores >= kth)  # every tie of the k-th best
    else:
        candidates = np.arange(len(scores))
    order = np.lexsort((positions[candidates], -scores[candidates]))
    return candidates[order[:k]]
