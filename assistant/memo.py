"""A bounded memo: results of a pure function, remembered per key, the least recently used
forgotten first when there are too many.

Kept on the instance whose method computes the results, and given that method at each call:
an lru_cache around a bound method would tie the instance to itself (a reference cycle,
which only the garbage collector frees, and never once the objects are frozen; see
`gcpause.settle`).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
_MISSING = object()


class Memo(Generic[K, V]):
    """Remembers up to `limit` results; when full, forgets the least recently used one.

    One at a time: forgetting them all at once freed thousands of objects in one go, a pause
    of 5 ms in the question that happened to fill the memo.
    """

    def __init__(self, limit: int) -> None:
        if limit < 1:
            raise ValueError(f"limit must be positive; got {limit}")
        self._found: OrderedDict[K, V] = OrderedDict()
        self._limit = limit

    def get(self, key: K, make: Callable[[K], V]) -> V:
        """The result for `key`: remembered, or ``make(key)`` (then remembered)."""
        found = self._found.get(key, _MISSING)
        if found is _MISSING:
            found = make(key)
            while len(self._found) >= self._limit:  # `make` may have remembered others
                self._found.popitem(last=False)
            self._found[key] = found
        else:
            self._found.move_to_end(key)
        return found  # type: ignore[return-value]

    def clear(self) -> None:
        self._found.clear()

    def __len__(self) -> int:
        return len(self._found)
