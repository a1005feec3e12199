"""How closely a question reads like one of a passage's own wordings, letter by letter.

The other signals compare a question's words with a passage's after stemming, correcting and
splitting them, and a word that any of these steps misses counts as missing: an inflected
adjective the stemmer stems apart ("culturele", "cultureel"), a typo two letters off, a Flemish
or Dutch spelling ("zaakske"), a compound split another way. Letters miss less: the share of
three- and four-letter pieces a question has in common with the closest of a passage's title,
example questions and variants (the cosine of their counts, each word padded with a space at
either end) stays high for "beschremen" and "beschermen" alike. That is `wording`, the signal
the answerability model orders candidates of about equal promise by (its `ranking`), not one
it decides by.

A passage's pieces are counted when it is first a candidate and kept for the most recent
passages: about 0.3 ms for a passage once; then about 20 µs per passage a question is
compared with, after 60 µs to cut the question into pieces.
"""

from __future__ import annotations

import re
import unicodedata
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from assistant.models import Passage

SIZES = (3, 4)  # the lengths of the pieces
_KEPT = 1024  # passages whose pieces are kept (as `retrieval` keeps their sentences)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Pieces:
    """The letter pieces of a text: their ids (sorted), counts, and the counts' length."""

    ids: np.ndarray
    counts: np.ndarray
    norm: float


@dataclass(frozen=True)
class _Wordings:
    """The pieces of all of a passage's wordings, one after the other."""

    ids: np.ndarray  # per piece of each wording, its id
    weights: np.ndarray  # its count divided by its wording's length
    starts: np.ndarray  # where each wording's pieces start in `ids`


@lru_cache(maxsize=64)  # a question is read by `retrieve` and again for partial answers
def pieces(text: str) -> Pieces:
    """The letter pieces of a text, folded (lower case, no accents)."""
    ids, counts = np.unique(_piece_ids([text])[0], return_counts=True)
    counts = counts.astype(float)
    return Pieces(ids, counts, float(np.sqrt(counts @ counts)))


def _piece_ids(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """An id for every piece of every word of the texts, the same for the same letters, and
    the number of the text it is in: each window of `SIZES` letters within a word with a space
    at either end (" merk " gives " me", "mer", "erk", "rk ", " mer", "merk", "erk "; " ab "
    gives " ab", "ab " and " ab "). All texts in one pass: a passage's wordings are many and
    short."""
    parts, owners = [], []
    for number, text in enumerate(texts):
        folded = unicodedata.normalize("NFKD", text.lower())
        plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
        for word in _WORD.findall(plain):
            parts.append(f" {word} ")
            owners.append(number)
    if not parts:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.intp)
    # The words side by side with a code no letter has between them.
    joined = "\0" + "\0".join(parts) + "\0"
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    gaps = np.flatnonzero(codes == 0)  # gap k comes before word k
    ids, owner = [], []
    for size in SIZES:
        starts = np.arange(len(codes) - size + 1)
        # A window holds no gap: the next gap after its start lies beyond its end.
        word = np.searchsorted(gaps, starts + 1)  # the number of the next gap
        inside = (codes[starts] != 0) & (gaps[np.minimum(word, len(gaps) - 1)] >= starts + size)
        at = starts[inside]
        key = np.full(len(at), size, dtype=np.uint64)
        for offset in range(size):
            key = key * _MULTIPLIER + codes[at + offset]  # wraps around: a hash
        ids.append(key)
        owner.append(np.asarray(owners, dtype=np.intp)[word[inside] - 1])
    return np.concatenate(ids), np.concatenate(owner)


_MULTIPLIER = np.uint64(0x100000001B3)  # FNV's prime: neighbouring letters spread apart


class Wordings:
    """The wordings (title, example questions, variants) of a corpus's passages as letter
    pieces, for `similarity`."""

    def __init__(self, passages: Sequence[Passage]) -> None:
        self._passages = {p.id: p for p in passages}
        # The most recently used last (a cache on a bound method would hold `self` in a cycle).
        self._recent: OrderedDict[str, _Wordings] = OrderedDict()

    def _of(self, passage_id: str) -> _Wordings:
        found = self._recent.get(passage_id)
        if found is None:
            found = self._recent[passage_id] = self._build(passage_id)
            if len(self._recent) > _KEPT:
                self._recent.popitem(last=False)
        else:
            self._recent.move_to_end(passage_id)
        return found

    def similarity(self, question: Pieces, passage_id: str) -> float:
        """The cosine of the question's pieces and those of the passage's closest wording."""
        if not question.norm or passage_id not in self._passages:
            return 0.0
        wordings = self._of(passage_id)
        if not len(wordings.ids):
            return 0.0
        at = np.searchsorted(question.ids, wordings.ids)
        inside = at < len(question.ids)
        shared = np.zeros(len(wordings.ids))
        hit = inside.copy()
        hit[inside] = question.ids[at[inside]] == wordings.ids[inside]
        shared[hit] = question.counts[at[hit]]
        dots = np.add.reduceat(shared * wordings.weights, wordings.starts)
        return float(dots.max() / question.norm)

    def _build(self, passage_id: str) -> _Wordings:
        passage = self._passages[passage_id]
        texts = (passage.title, *passage.questions, *passage.variants)
        ids, owner = _piece_ids(texts)
        if not len(ids):
            return _Wordings(np.zeros(0, np.uint64), np.zeros(0, np.float32), np.zeros(0, np.intp))
        order = np.lexsort((ids, owner))
        ids, owner = ids[order], owner[order]
        new = np.ones(len(ids), dtype=bool)
        new[1:] = (ids[1:] != ids[:-1]) | (owner[1:] != owner[:-1])
        runs = np.flatnonzero(new)
        counts = np.diff(np.append(runs, len(ids))).astype(float)
        ids, owner = ids[runs], owner[runs]
        norms = np.sqrt(np.bincount(owner, weights=counts * counts, minlength=len(texts)))
        worded = np.flatnonzero(norms)  # a wording of no word has no pieces
        return _Wordings(
            ids,
            (counts / norms[owner]).astype(np.float32),
            np.searchsorted(owner, worded),
        )
