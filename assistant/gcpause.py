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


@contextmanager
def one_shot() -> Iterator[None]:
    """Pause the collector for a command that builds or reads an assistant, answers once and
    ends (`wegwijzer ask`), and freeze what it made before the collector runs again.

    Re-enabling the collector after a large load costs one pass over every object made while
    it was paused (0.15 s at 100,000 passages) the moment anything is allocated; a frozen
    object is never walked. Unlike `settle`, nothing is collected first: a process that ends
    after one answer has nothing worth freeing.
    """
    with paused_gc():
        try:
            yield
        finally:
            gc.freeze()


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
