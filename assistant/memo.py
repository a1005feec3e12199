"""A bounded memo: results of a pure function, remembered per key, forgotten all at once when
there are too many.

Kept on the instance whose method computes the results, and given that method at each call:
an lru_cache around a bound method would tie the instance to itself (a reference cycle,
which only the garbage collector frees, and never once the objects are frozen; see
`gcpause.settle`).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
_MISSING = object()


class Memo(Generic[K, V]):
    """Remembers up to `limit` results; when full, starts again from none.

    Questions repeat their words, so the recent ones are what matter, and clearing is
    cheaper than keeping an order of use.
    """

    def __init__(self, limit: int) -> None:
        if limit < 1:
            raise ValueError(f"limit must be positive; got {limit}")
        self._found: dict[K, V] = {}
        self._limit = limit

    def get(self, key: K, make: Callable[[K], V]) -> V:
        """The result for `key`: remembered, or ``make(key)`` (then remembered)."""
        found = self._found.get(key, _MISSING)
        if found is _MISSING:
            if len(self._found) >= self._limit:
                self._found.clear()
            found = self._found[key] = make(key)
        return found  # type: ignore[return-value]

    def clear(self) -> None:
        self._found.clear()

    def __len__(self) -> int:
        return len(self._found)
