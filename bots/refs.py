"""Short keys for data that does not fit in a button (Telegram: 64 bytes of callback data;
Discord: a custom_id of 100 characters)."""

from __future__ import annotations

import secrets
from collections import OrderedDict
from typing import Any


class RefStore:
    """A bounded, in-memory map from short random keys to values; oldest entries drop first.

    A key that has dropped out returns None: the button then says it has expired.
    """

    def __init__(self, capacity: int = 5_000) -> None:
        if capacity < 1:
            raise ValueError(f"capacity must be positive; got {capacity}")
        self._capacity = capacity
        self._items: OrderedDict[str, Any] = OrderedDict()

    def put(self, value: Any) -> str:
        """Store `value` and return its key (8 URL-safe characters)."""
        key = secrets.token_urlsafe(6)
        self._items[key] = value
        while len(self._items) > self._capacity:
            self._items.popitem(last=False)
        return key

    def get(self, key: str, kind: type | tuple[type, ...] = object) -> Any:
        """The value behind a key, if it is of the `kind` the button expects; else None.

        A valid key pressed with another button's prefix (a feedback reference sent as a
        question) is then an expired button, not a crash.
        """
        value = self._items.get(key)
        return value if isinstance(value, kind) else None

    def __len__(self) -> int:
        return len(self._items)
