"""A clock that stands still until the test moves it."""

from __future__ import annotations

import datetime as dt

SECONDS_PER_DAY = 86_400


class Clock:
    """Stands in for the `clock` a component takes: calling it returns `now`.

    `Clock()` counts seconds from 0.0, in place of `time.monotonic` (the conversation timeout,
    the bots' rate limiter). `Clock(start)` with an aware `datetime` is a wall clock, in place of
    the question log's `datetime.now(UTC)`. Time moves only when the test says so: `advance`,
    or setting `now` directly.
    """

    def __init__(self, start: float | dt.datetime = 0.0) -> None:
        self.now = start

    def __call__(self) -> float | dt.datetime:
        return self.now

    def advance(self, seconds: float = 0.0, *, days: float = 0.0) -> None:
        """Move the clock forward by `seconds` plus `days`.

        Raises:
            ValueError: for a step back; a real monotonic clock never goes back.
        """
        step = seconds + days * SECONDS_PER_DAY
        if step < 0:
            raise ValueError(f"a clock only moves forward; got a step of {step} seconds")
        if isinstance(self.now, dt.datetime):
            self.now += dt.timedelta(seconds=step)
        else:
            self.now += step
