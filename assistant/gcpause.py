"""Pausing the garbage collector while a large corpus is loaded or indexed."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Keep the garbage collector from running while millions of objects are made that all
    stay alive: its passes would find nothing to free (refcounting frees the temporaries) and
    cost most of the time, about two thirds of loading 100,000 passages."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def settle() -> None:
    """Move every object alive now out of the collector's reach (``gc.freeze``).

    For a process that has just built what it will serve from (an assistant over a large
    corpus): objects made while the collector was paused all sit in its youngest generation,
    so its next passes would each walk them, millions at 100,000 passages, and pause a
    question for tens to hundreds of milliseconds. Frozen, they are never walked again; they
    are still freed by reference counting when dropped (an `Assistant` holds no reference
    cycle). Called by the long-running entry points (the bots, `wegwijzer chat`), not by
    the library itself.
    """
    gc.collect()
    gc.freeze()
