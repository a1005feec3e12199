"""How closely a question reads like one of a passage's own wordings, letter by letter.

The other signals compare a question's words with a passage's after stemming, correcting and
splitting them, and a word that any of these steps misses counts as missing: an inflected
adjective the stemmer stems apart ("culturele", "cultureel"), a typo two letters off, a Flemish
or Dutch spelling ("zaakske"), a compound split another way. Letters miss less: the share of
three- and four-letter pieces a question has in common with the closest of a passage's title,
example questions and variants (the cosine of their counts, each word padded with a space at
either end) stays high for "beschremen" and "beschermen" alike. That is `wording`, one of the
answerability model's signals.

A passage's pieces are counted when it is first a candidate and kept for the most recent
passages: a few milliseconds for a passage once, then a few microseconds a question.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections import Counter, OrderedDict
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
    counted = _count(text)
    ids = np.fromiter(counted, dtype=np.uint32, count=len(counted))
    counts = np.fromiter(counted.values(), dtype=float, count=len(counted))
    order = np.argsort(ids)
    return Pieces(ids[order], counts[order], float(np.sqrt(counts @ counts)))


def _count(text: str) -> Counter[int]:
    folded = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    counted: Counter[int] = Counter()
    for word in _WORD.findall(plain):
        padded = f" {word} "
        for size in SIZES:
            if len(padded) <= size:
                counted[zlib.crc32(padded.encode())] += 1
                break
            counted.update(
                zlib.crc32(padded[i : i + size].encode()) for i in range(len(padded) - size + 1)
            )
    return counted


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
        ids: list[np.ndarray] = []
        weights: list[np.ndarray] = []
        starts: list[int] = []
        size = 0
        for text in (passage.title, *passage.questions, *passage.variants):
            own = pieces(text)
            if not own.norm:
                continue
            starts.append(size)
            ids.append(own.ids)
            weights.append((own.counts / own.norm).astype(np.float32))
            size += len(own.ids)
        if not ids:
            return _Wordings(np.zeros(0, np.uint32), np.zeros(0), np.zeros(0, np.intp))
        return _Wordings(np.concatenate(ids), np.concatenate(weights), np.array(starts))
