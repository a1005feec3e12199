"""Per-user rate limiting for the chat bots: a sliding window, bounded in memory."""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from collections.abc import Callable, Hashable


class RateLimiter:
    """Allows at most `limit` events per `window` seconds per key.

    Args:
        limit: events allowed in one window.
        window: window length in seconds.
        clock: monotonic clock (injected in tests).
        max_keys: users remembered at once; the least recently seen are forgotten first.
    """

    def __init__(
        self,
        limit: int = 20,
        window: float = 60.0,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_keys: int = 10_000,
    ) -> None:
        if limit < 1 or window <= 0 or max_keys < 1:
            raise ValueError(
                f"limit, window and max_keys must be positive; got {limit}, {window}, {max_keys}"
            )
        self.limit = limit
        self.window = window
        self._clock = clock
        self._max_keys = max_keys
        self._events: OrderedDict[Hashable, deque[float]] = OrderedDict()

    def allow(self, key: Hashable) -> bool:
        """Record an event for `key` if it is within the limit; True when allowed."""
        now = self._clock()
        events = self._events.pop(key, None) or deque()
        while events and now - events[0] >= self.window:
            events.popleft()
        allowed = len(events) < self.limit
        if allowed:
            events.append(now)
        self._events[key] = events
        while len(self._events) > self._max_keys:
            self._events.popitem(last=False)
        return allowed
