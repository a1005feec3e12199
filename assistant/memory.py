"""Giving memory that a large build freed back to the system.

Building the index of a large corpus makes and frees many arrays of a few megabytes. glibc's
allocator keeps freed blocks of that size in its heap (it raises its threshold for mapping
blocks of their own after the first such block is freed), so the process's resident memory
grows with every step although the live data does not: at 100,000 passages the build peaked
about 130 MB above what it held. `release_freed_memory` asks the allocator to return the free
pages of its heap between steps; where the C library is not glibc it does nothing.

`page_in` is the other direction: a cached index is mapped from its file (see `cache`), and a
page is read the first time a question touches it, so a serving process reads them all at
start instead of during its users' first questions.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Iterable
from functools import cache
from typing import Any

import numpy as np

_PAGE = 4096


@cache
def _glibc() -> Any | None:
    if not sys.platform.startswith("linux"):
        return None
    try:  # glibc's name for itself (find_library would run ldconfig in a subprocess)
        libc = ctypes.CDLL("libc.so.6")
    except OSError:  # not glibc (musl, ...): nothing to ask
        return None
    return libc if hasattr(libc, "malloc_trim") else None


def release_freed_memory() -> None:
    """Return the allocator's free heap pages to the system (glibc's ``malloc_trim(0)``)."""
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)


def page_in(arrays: Iterable[np.ndarray]) -> None:
    """Read one byte of every page of each array: the pages of a mapped file are then in
    memory and mapped, and no later read of them waits (a no-op for arrays in memory)."""
    for array in arrays:
        if array.size and array.flags.c_contiguous:
            int(array.reshape(-1).view(np.uint8)[::_PAGE].sum())
