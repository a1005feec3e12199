"""Choosing the sentence(s) of a passage that best answer a question."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from functools import lru_cache

MAX_SNIPPET_CHARS = 300
_ABBREVIATIONS = frozenset(
    "bv o.a ca max min nr art incl excl d.w.z enz vb m.a.w i.e e.g resp vzw nv bvba mio mln".split()
)
_AMOUNT = re.compile(r"(?:EUR|€|%|\b\d[\d.,]*\b)")
# The months and the units of a duration, as regular-expression alternatives: the pieces of
# what says a date or a term, here and in `intent` (what a passage holds).
MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
DURATION_UNITS = "werkdagen|dagen|dag|weken|week|maanden|maand|jaren|jaar"
# A year on its own ("Sabam bestaat sinds 1922") says when, not how much or how many.
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# "uiterlijk" as a deadline ("uiterlijk op 31 maart", "uiterlijk 7 dagen"), not the noun ("het
# uiterlijk van een product", what a design protects: as a deadline it had shown that sentence
# for "hoe lang is een model beschermd?" rather than "Een model is 5 jaar geldig").
AT_THE_LATEST = r"\buiterlijk\s+(?:op|tegen|bij|binnen|de|een|\d)"
# A duration, a date or a term: what answers "hoe lang", "tegen wanneer".
_TIME = re.compile(
    rf"\b\d+\s*(?:{DURATION_UNITS}|uur)\b|\b(?:{MONTHS}|termijn|binnen)\b|{AT_THE_LATEST}",
    re.IGNORECASE,
)
# Numbers written out: "minstens vijf werken", "vijftien minuten muziek". Not "één", which
# Dutch writes for "a" as often as for "one".
_NUMBER_WORDS = re.compile(
    r"\b(?:twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|vijftien|twintig|dertig"
    r"|veertig|vijftig|honderd|duizend)\b",
    re.IGNORECASE,
)
# What says a thing is free: a price, though no figure.
FREE = re.compile(r"\b(?:gratis|kosteloos)\b", re.IGNORECASE)
# Words that ask for a figure: then a sentence with an amount answers better than one without.
QUANTITY_CUES = frozenset(
    "hoeveel bedrag bedragen kost kosten kostprijs maximum max maximaal minimum min tarief rente "
    "percentage budget hoelang duur termijn".split()
)
_BOUNDARY = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9€])")


def sentences(text: str) -> list[str]:
    """Split Dutch prose into sentences, keeping abbreviations such as ``bv.`` together."""
    parts: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        before = text[start : match.start()]
        last_word = before.rsplit(maxsplit=1)[-1].rstrip(".").lower() if before.split() else ""
        if last_word in _ABBREVIATIONS:
            continue
        parts.append(before.strip())
        start = match.end()
    parts.append(text[start:].strip())
    return [p for p in parts if p]


@lru_cache(maxsize=4096)
def _sentences_of(text: str) -> tuple[str, ...]:
    """`sentences`, remembered for the passages answered most recently."""
    return tuple(sentences(text))


def best_snippet(
    text: str,
    query_terms: Collection[str] | Mapping[str, float],
    analyse: Callable[[str], list[str]],
    idf: Callable[[str], float],
    limit: int = MAX_SNIPPET_CHARS,
    wants_amount: bool = False,
    analysed: Sequence[Iterable[str]] | None = None,
    years: bool = True,
    wants_time: bool = False,
    answers: Callable[[str], bool] | None = None,
) -> str:
    """The best-matching sentence of `text`, with its neighbour when both fit in `limit`.

    A sentence scores the summed IDF of the question terms it contains, each scaled by its
    weight when `query_terms` is a mapping (a follow-up's own words count fully, those of the
    conversation's earlier question less: "wie registreert de akte?" after the winwinlening
    asks for the sentence on the deed, not the one that names the winwinlening); when the
    question asks for a figure (`wants_amount`: "hoe lang is het geldig?", "wat kost het?"),
    sentences with an amount come first. Ties go to the earlier sentence, and with no match at
    all the first sentence (passages answer first) is used. `analysed`, when given, holds the
    terms of each sentence of `sentences(text)` as `analyse` gives them (the index keeps them),
    so the sentences are not analysed again. `years`: whether a year on its own is such a
    figure (it is for "sinds wanneer"; for "hoeveel werken" or "hoe lang" it is not). With
    `wants_time` ("hoe lang", "tegen wanneer"), sentences with a duration, a date or a term
    come first too ("De doorlooptijd is ongeveer 30 dagen", not "sinds 2022 kan dat enkel
    online"). `answers`, when given, tells the sentences that hold the very kind of fact
    asked (a price for "kost dat iets?": "deelnemen is gratis", not "1 tot 6 maanden"),
    which come before those with just any figure.
    """
    parts = _sentences_of(text)
    if not parts:
        return shorten(text.strip(), limit)
    if analysed is None or len(analysed) != len(parts):
        analysed = [analyse(s) for s in parts]
    # fsum is exact, so the score does not depend on the order a set yields its terms in
    # (which changes with the hash seed, and with it which of two equal sentences wins).
    weights = query_terms if isinstance(query_terms, Mapping) else dict.fromkeys(query_terms, 1.0)
    scores = [
        math.fsum(idf(t) * weights[t] for t in set(terms) if t in weights) for terms in analysed
    ]
    if wants_amount or wants_time:
        bonus = max(scores) + 1.0
        scores = [
            sc + bonus * _answers(s, wants_amount, wants_time, years)
            for sc, s in zip(scores, parts, strict=True)
        ]
    if answers is not None:
        bonus = max(scores) + 1.0
        scores = [sc + bonus * answers(s) for sc, s in zip(scores, parts, strict=True)]
    best = max(range(len(parts)), key=lambda i: (scores[i], -i))
    snippet = parts[best]
    neighbour = best + 1 if best + 1 < len(parts) else best - 1
    if neighbour >= 0 and neighbour != best:
        pair = (parts[min(best, neighbour)], parts[max(best, neighbour)])
        joined = " ".join(pair)
        if len(joined) <= limit and (scores[neighbour] > 0 or len(snippet) < limit // 2):
            snippet = joined
    return shorten(snippet, limit)


def _answers(sentence: str, amount: bool, time: bool, years: bool) -> bool:
    """Whether a sentence holds the kind of figure asked: an amount or a number, or a time
    (a year on its own only when `years`)."""
    if amount and _holds_figure(sentence, years):
        return True
    return time and bool(_TIME.search(sentence) or (years and YEAR.search(sentence)))


def _holds_figure(sentence: str, years: bool) -> bool:
    """Whether a sentence holds an amount, a share or a number, counting a year on its own
    only when `years`."""
    return bool(_NUMBER_WORDS.search(sentence)) or any(
        years or not YEAR.fullmatch(m.group()) for m in _AMOUNT.finditer(sentence)
    )


def asks_for_amount(words: Collection[str]) -> bool:
    """Whether a question's words ask for a figure (an amount, a rate, a duration)."""
    return any(w in QUANTITY_CUES for w in words)


def shorten(text: str, limit: int = MAX_SNIPPET_CHARS) -> str:
    """Cut `text` at a word boundary so that it fits in `limit` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"
