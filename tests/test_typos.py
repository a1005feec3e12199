import random

import pytest
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from assistant.typos import (
    MAX_DISTANCE,
    PREFIX,
    TypoIndex,
    _deletion_hashes,
    _deletion_patterns,
    _hash,
)


def _scan(token: str, words: list[str], distance: int) -> list[tuple[str, int]]:
    """What the analyzer did before the index: a full rapidfuzz scan of the vocabulary."""
    found = process.extract(
        token, words, scorer=DamerauLevenshtein.distance, score_cutoff=distance, limit=8
    )
    return [(word, int(d)) for word, d, _ in found]


def _mistype(word: str, rng: random.Random) -> str:
    letters = list(word)
    for _ in range(rng.choice((1, 2, 3))):
        at = rng.randrange(len(letters))
        edit = rng.randrange(4)
        if edit == 0:
            letters.insert(at, rng.choice("aeiouklnrstë"))
        elif edit == 1 and len(letters) > 4:
            del letters[at]
        elif edit == 2:
            letters[at] = rng.choice("aeiouklnrst")
        elif at + 1 < len(letters):
            letters[at], letters[at + 1] = letters[at + 1], letters[at]
    return "".join(letters)


def test_the_index_finds_what_a_full_scan_finds_in_the_same_order(assistant):
    words = assistant.index.analyzer._vocabulary
    index = TypoIndex.build(words)
    rng = random.Random(15)
    tokens = [_mistype(rng.choice(words), rng) for _ in range(400)]
    tokens += ["portefuille", "ondernemigsplan", "winwinlenin", "xyzzyq", "subsidei"]
    for token in tokens:
        for distance in (1, 2):
            assert index.within(token, distance)[:8] == _scan(token, words, distance), token


def test_a_typo_in_the_first_letter_or_past_the_indexed_prefix_is_found():
    index = TypoIndex.build(["ondernemingsplan", "octrooi", "cultuurkrediet"])
    assert index.within("kctrooi", 1) == [("octrooi", 1)]
    assert index.within("ondernemingsplna", 2) == [("ondernemingsplan", 1)]
    assert index.within("cultuurkredeit", 1) == [("cultuurkrediet", 1)]
    assert index.within("cultuurkrediet", 2) == [("cultuurkrediet", 0)]
    assert index.within("kernenergie", 2) == []


def test_a_distance_beyond_what_was_indexed_is_refused():
    with pytest.raises(ValueError, match="at most 2"):
        TypoIndex.build(["octrooi"]).within("octrooi", MAX_DISTANCE + 1)


def test_a_lookup_hashes_its_deletions_as_the_build_does():
    # The build hashes every word's deletions with numpy, a lookup with one small matrix
    # product: both must give `_hash`'s numbers, or a typo would find nothing.
    rng = random.Random(7)
    alphabet = "abcdefghijklmnopqrstuvwxyzëéç"
    words = ["", "a", "kmo", "winwinlening", "ideeën"]
    words += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(300)]
    for word in words:
        prefix = word[:PREFIX]
        for distance in range(MAX_DISTANCE + 1):
            expected = [_hash(prefix, d) for d in _deletion_patterns(len(prefix), distance)]
            assert _deletion_hashes(prefix, distance).tolist() == expected
