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
from functools import lru_cache
from itertools import combinations

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from assistant.sparse import ranges

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
        entries: uint64, sorted: one per (word, deletion pattern of its prefix), packing the
            top bits of the pattern's hash, the word's index (`owner_bits` bits) and the
            number of letters deleted (2 bits). Two strings whose hashes agree in those top
            bits only add a candidate that the distance then rules out.
        owner_bits: how many bits hold a word's index.
    """

    words: tuple[str, ...]
    entries: np.ndarray
    owner_bits: int

    @classmethod
    def build(cls, words: Sequence[str]) -> TypoIndex:
        """Index `words` (each at least one letter long)."""
        words = tuple(words)
        owner_bits = max(1, (len(words) - 1).bit_length())
        if owner_bits > 40:
            raise ValueError(f"too many words to index: {len(words)}")
        lengths = np.array([min(len(w), PREFIX) for w in words], dtype=np.int64)
        padded = "".join(w[:PREFIX].ljust(PREFIX, "\0") for w in words)
        codes = np.frombuffer(padded.encode("utf-32-le"), dtype=np.uint32).reshape(-1, PREFIX)
        letters = codes.astype(np.uint64) + np.uint64(1)
        patterns = _deletion_patterns(PREFIX, MAX_DISTANCE)
        valid = [np.flatnonzero(lengths > max(d, default=-1)) for d in patterns]
        entries = np.empty(sum(len(v) for v in valid), dtype=np.uint64)
        filled = 0
        for deleted, rows in zip(patterns, valid, strict=True):
            hashed = _hashes(letters[rows], lengths[rows], deleted)
            packed = _pack(hashed, rows.astype(np.uint64), len(deleted), owner_bits)
            entries[filled : filled + len(rows)] = packed
            filled += len(rows)
        entries.sort()
        return cls(words, entries, owner_bits)

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
        shift = np.uint64(self.owner_bits + 2)
        lows = (_deletion_hashes(token[:PREFIX], distance) >> shift) << shift
        highs = lows | ((np.uint64(1) << shift) - np.uint64(1))
        lo = np.searchsorted(self.entries, lows, side="left")
        hi = np.searchsorted(self.entries, highs, side="right")
        found = self.entries[ranges(lo, hi - lo)]
        if not len(found):
            return np.empty(0, dtype=np.int64)
        found = found[(found & np.uint64(3)) <= distance]
        owners = np.sort((found >> np.uint64(2)) & np.uint64((1 << self.owner_bits) - 1))
        # Not `np.unique`: its first call imports `numpy.ma` (20 ms of a cached process's
        # first typo).
        first = np.ones(len(owners), dtype=bool)
        first[1:] = owners[1:] != owners[:-1]
        return owners[first]


def _hashes(letters: np.ndarray, lengths: np.ndarray, deleted: tuple[int, ...]) -> np.ndarray:
    """`_hash` of each row's prefix without the letters at `deleted`, vectorised."""
    hashed = np.zeros(len(letters), dtype=np.uint64)
    rank = np.zeros(len(letters), dtype=np.int64)
    powers = np.array(_POWERS, dtype=np.uint64)
    for column in range(PREFIX):
        kept = column < lengths
        if column in deleted:
            continue
        hashed += np.where(kept, letters[:, column] * powers[np.minimum(rank, PREFIX - 1)], 0)
        rank += kept
    return hashed + (lengths - len(deleted)).astype(np.uint64) * np.uint64(_LENGTH)


def _pack(hashed: np.ndarray, owners: np.ndarray, deleted: int, owner_bits: int) -> np.ndarray:
    """Entries of `TypoIndex.entries`: the hash's top bits, the owner, the deletions."""
    shift = np.uint64(owner_bits + 2)
    return ((hashed >> shift) << shift) | (owners << np.uint64(2)) | np.uint64(deleted)


def _deletion_hashes(prefix: str, most: int) -> np.ndarray:
    """`_hash` of `prefix` for each of its `_deletion_patterns`, as one small product of
    integer matrices (uint64 arithmetic wraps as `_hash`'s masking does)."""
    weights, lengths = _pattern_weights(len(prefix), most)
    letters = np.array([ord(ch) + 1 for ch in prefix], dtype=np.uint64)
    return weights @ letters + lengths


@lru_cache(maxsize=2 * PREFIX * (MAX_DISTANCE + 1))
def _pattern_weights(length: int, most: int) -> tuple[np.ndarray, np.ndarray]:
    """Per deletion pattern of a prefix of `length` letters: the power each kept letter is
    multiplied by (0 for a deleted one), and the term for the number of letters kept."""
    patterns = _deletion_patterns(length, most)
    weights = np.zeros((len(patterns), length), dtype=np.uint64)
    for row, deleted in enumerate(patterns):
        kept = [i for i in range(length) if i not in deleted]
        for rank, column in enumerate(kept):
            weights[row, column] = _POWERS[rank]
    kept_counts = [(length - len(d)) * _LENGTH & _MASK for d in patterns]
    weights.flags.writeable = False
    lengths = np.array(kept_counts, dtype=np.uint64)
    lengths.flags.writeable = False
    return weights, lengths


def _deletion_patterns(length: int, most: int) -> list[tuple[int, ...]]:
    """Every set of at most `most` positions below `length`, as sorted tuples."""
    return [d for n in range(most + 1) for d in combinations(range(length), n)]


def _hash(prefix: str, deleted: tuple[int, ...]) -> int:
    """The hash `TypoIndex.build` computes for `prefix` without the letters at `deleted`."""
    kept = [ch for i, ch in enumerate(prefix) if i not in deleted]
    value = sum((ord(ch) + 1) * _POWERS[r] for r, ch in enumerate(kept))
    return (value + len(kept) * _LENGTH) & _MASK
