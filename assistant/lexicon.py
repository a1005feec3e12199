"""The Dutch lexicon behind decompounding and the typo-correction guard.

Word frequencies come from `wordfreq` (Dutch, its "small" list). It is Netherlands-biased
(``kmo``, ``winwin`` and ``kunstwerkattest`` are rare or absent), so the corpus's own words are
always added.
"""

from __future__ import annotations

import gzip
import importlib.util
import math
from collections.abc import Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import msgpack

from assistant.analysis import fold

# Zipf 3.3: roughly a word a reader meets once in a few days. More common words are never
# "corrected" into a corpus word (unguarded correction rewrote paar->jaar, theater->shelter).
COMMON_ZIPF = 3.3
CORPUS_WORD_FREQUENCY = 1e-7  # zipf 2: a corpus word is at least a rare Dutch word


@cache
def dutch_frequencies() -> Mapping[str, float]:
    """Folded Dutch word -> relative frequency (read once per process: it is package data)."""
    # The "small" list (about 29,000 words down to zipf 3) loads in milliseconds; the rarer
    # words that matter here are the corpus's own, which `with_corpus_words` adds.
    raw = wordfreq_dutch()
    frequencies = {w: f for w, f in raw.items() if w.isascii() and w.isalpha()}
    for word, freq in raw.items():
        if not word.isascii():
            key = fold(word)
            if key.isalpha() and freq > frequencies.get(key, 0.0):
                frequencies[key] = freq
    return frequencies


@cache
def common_words() -> frozenset[str]:
    threshold = 10 ** (COMMON_ZIPF - 9)
    return frozenset(w for w, f in dutch_frequencies().items() if f >= threshold)


def with_corpus_words(words: Mapping[str, int]) -> dict[str, float]:
    """The Dutch lexicon plus the corpus's own words (at least a rare-word frequency)."""
    frequencies = dict(dutch_frequencies())
    for word in words:
        if word.isalpha() and frequencies.get(word, 0.0) < CORPUS_WORD_FREQUENCY:
            frequencies[word] = CORPUS_WORD_FREQUENCY
    return frequencies


def wordfreq_dutch() -> dict[str, float]:
    """wordfreq's small Dutch list as ``wordfreq.get_frequency_dict("nl", "small")`` gives it
    (see `_small_list`)."""
    return _small_list("nl")


@cache
def english_frequencies() -> Mapping[str, float]:
    """wordfreq's small English list: word -> relative frequency (read once per process)."""
    return _small_list("en")


# The frequency wordfreq gives a word it lacks: its `zipf_frequency`'s default minimum, zipf 0.
_MINIMUM = 1e-9


@lru_cache(maxsize=1 << 15)  # the words questions use, as the analysis caches do
def english_zipf(word: str) -> float:
    """``wordfreq.zipf_frequency(word, "en", wordlist="small")``, to the last digit.

    A lower-case ASCII word is its own single token, so it is looked up as wordfreq does and
    rounded as wordfreq rounds (three significant digits, then two decimals of Zipf); anything
    else (digits, other scripts) goes through wordfreq itself, which tokenises it first.
    """
    if not (word.isascii() and word.isalpha() and word.islower()):
        import wordfreq

        return wordfreq.zipf_frequency(word, "en", wordlist="small")
    frequency = english_frequencies().get(word)
    if frequency is None:
        frequency = _MINIMUM
    else:
        frequency = max(frequency, _MINIMUM)
        frequency = round(frequency, math.floor(-math.log(frequency, 10)) + 3)
    return round(math.log(frequency, 10) + 9, 2)


def _small_list(language: str) -> dict[str, float]:
    """wordfreq's small list of a language as ``wordfreq.get_frequency_dict(language,
    "small")`` gives it, read from wordfreq's data file without importing wordfreq, which
    imports ftfy, langcodes and regex (a quarter of a second, more than the rest of a
    `wegwijzer ask` process); through wordfreq itself when the file is not where it was."""
    try:
        buckets = _cbpack(_wordfreq_data() / f"small_{language}.msgpack.gz")
    except (OSError, ValueError, TypeError, msgpack.UnpackException):
        import wordfreq

        return wordfreq.get_frequency_dict(language, wordlist="small")
    frequencies: dict[str, float] = {}
    for index, bucket in enumerate(buckets):  # bucket i: the words at -i centibels
        frequency = 10 ** (-index / 100)  # wordfreq's cB_to_freq(-index)
        for word in bucket:
            frequencies[word] = frequency
    return frequencies


def _wordfreq_data() -> Path:
    spec = importlib.util.find_spec("wordfreq")  # finds the package without running it
    if spec is None or not spec.submodule_search_locations:
        raise OSError("wordfreq is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _cbpack(path: Path) -> list[Any]:
    """The word buckets of a wordfreq "cBpack" file (gzipped msgpack, a header first)."""
    with gzip.open(path, "rb") as handle:
        data = msgpack.load(handle, raw=False)
    header = data[0] if isinstance(data, list) and data else None
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        raise ValueError(f"unexpected wordfreq data in {path}")
    return data[1:]
