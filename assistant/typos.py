"""Finding the words of a vocabulary within a small edit distance, without scanning it.

A symmetric delete index (as in SymSpell): two words within Damerau-Levenshtein distance k
share a string that at most k deletions make from each, and that stays true for their first
`PREFIX` letters. So the index keeps, for every word, a hash of each string that up to
`MAX_DISTANCE` deletions make from its prefix; a lookup hashes the token's own deletions, takes
the words that share one and measures those few with rapidfuzz. The result is exactly the
words a full rapidfuzz scan finds, in the order ``process.extract`` gives them (by distance,
then by position in the vocabulary).

Everything is a few numpy arrays, built in a vectorised pass; the hashes are this module's own
(not Python's salted `hash`), so the arrays can be stored in a cache file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

PREFIX = 7
MAX_DISTANCE = 2
_MULTIPLIER = 0x100000001B3  # FNV-1's 64-bit prime: any large odd number mixes well enough
_LENGTH = 0x9E3779B97F4A7C15
_MASK = (1 << 64) - 1
_POWERS = [pow(_MULTIPLIER, r, 1 << 64) for r in range(PREFIX)]


@dataclass(frozen=True)
class TypoIndex:
    """The words of a vocabulary, findable by Damerau-Levenshtein distance.

    Attributes:
        words: the vocabulary, in the order results are tied by.
        hashes: uint64, sorted: one per (word, deletion pattern of its prefix).
        owners: int32 word index per hash.
        deletions: uint8 number of letters deleted per hash.
    """

    words: tuple[str, ...]
    hashes: np.ndarray
    owners: np.ndarray
    deletions: np.ndarray

    @classmethod
    def build(cls, words: Sequence[str]) -> TypoIndex:
        """Index `words` (each at least one letter long)."""
        words = tuple(words)
        lengths = np.array([min(len(w), PREFIX) for w in words], dtype=np.int64)
        padded = "".join(w[:PREFIX].ljust(PREFIX, "\0") for w in words)
        codes = np.frombuffer(padded.encode("utf-32-le"), dtype=np.uint32).reshape(-1, PREFIX)
        letters = codes.astype(np.uint64) + np.uint64(1)
        columns = np.arange(PREFIX)
        parts: list[tuple[np.ndarray, np.ndarray, int]] = []
        for deleted in _deletion_patterns(PREFIX, MAX_DISTANCE):
            kept = columns[None, :] < lengths[:, None]
            kept[:, list(deleted)] = False
            valid = np.flatnonzero(lengths > max(deleted, default=-1))
            rank = np.cumsum(kept, axis=1) - 1
            powers = np.array(_POWERS, dtype=np.uint64)[np.maximum(rank, 0)]
            terms = np.where(kept, letters * powers, np.uint64(0))
            kept_length = (lengths - len(deleted)).astype(np.uint64)
            hashed = terms.sum(axis=1, dtype=np.uint64) + kept_length * np.uint64(_LENGTH)
            parts.append((hashed[valid], valid.astype(np.int32), len(deleted)))
        hashes = np.concatenate([h for h, _, _ in parts])
        owners = np.concatenate([o for _, o, _ in parts])
        deletions = np.concatenate([np.full(len(h), d, dtype=np.uint8) for h, _, d in parts])
        order = np.argsort(hashes, kind="stable")
        return cls(words, hashes[order], owners[order], deletions[order])

    def within(self, token: str, distance: int) -> list[tuple[str, int]]:
        """The words within `distance` (at most `MAX_DISTANCE`) of `token`, with their
        distances, sorted by distance and then by position in the vocabulary."""
        if distance > MAX_DISTANCE:
            raise ValueError(f"distance must be at most {MAX_DISTANCE}; got {distance}")
        candidates = self._candidates(token, distance)
        if not len(candidates):
            return []
        found = process.extract(
            token,
            [self.words[i] for i in candidates.tolist()],
            scorer=DamerauLevenshtein.distance,
            score_cutoff=distance,
            limit=None,
        )
        return [(word, int(d)) for word, d, _ in found]

    def _candidates(self, token: str, distance: int) -> np.ndarray:
        """Indices (ascending) of the words sharing a deletion string with `token`."""
        prefix = token[:PREFIX]
        keys = np.array(
            [_hash(prefix, deleted) for deleted in _deletion_patterns(len(prefix), distance)],
            dtype=np.uint64,
        )
        lo = np.searchsorted(self.hashes, keys, side="left")
        hi = np.searchsorted(self.hashes, keys, side="right")
        spans = [np.arange(a, b) for a, b in zip(lo.tolist(), hi.tolist(), strict=True) if b > a]
        if not spans:
            return np.empty(0, dtype=np.int32)
        at = np.concatenate(spans)
        return np.unique(self.owners[at[self.deletions[at] <= distance]])


def _deletion_patterns(length: int, most: int) -> list[tuple[int, ...]]:
    """Every set of at most `most` positions below `length`, as sorted tuples."""
    return [d for n in range(most + 1) for d in combinations(range(length), n)]


def _hash(prefix: str, deleted: tuple[int, ...]) -> int:
    """The hash `TypoIndex.build` computes for `prefix` without the letters at `deleted`."""
    kept = [ch for i, ch in enumerate(prefix) if i not in deleted]
    value = sum((ord(ch) + 1) * _POWERS[r] for r, ch in enumerate(kept))
    return (value + len(kept) * _LENGTH) & _MASK
