"""Letter pieces of a question against a passage's own wordings (`assistant.wordings`)."""

import pytest

from assistant.models import Passage, Source
from assistant.wordings import Wordings, pieces

_SOURCE = Source("Bron", "Uitgever", None, url="https://example.org")


def _passage(pid: str, title: str, *questions: str) -> Passage:
    return Passage(pid, "begrip", title, "Tekst.", tuple(questions), _SOURCE, "2026-01", "actueel")


def test_a_word_is_its_three_and_four_letter_pieces_with_a_space_at_either_end():
    # " ab " gives " ab" and "ab " (three letters) and " ab " itself (four): three pieces.
    assert len(pieces("ab").ids) == 3
    assert len(pieces("merk").ids) == 4 + 3  # " merk ": four of three letters, three of four
    assert pieces("AB").ids.tolist() == pieces("ab").ids.tolist()  # folded
    assert pieces("idee\u00ebn").ids.tolist() == pieces("ideeen").ids.tolist()  # no accents
    assert pieces("?!").norm == 0.0  # no word, no pieces


def test_a_question_is_as_close_as_the_passage_s_closest_wording():
    wordings = Wordings(
        # A wording of no word at all has no pieces and is skipped.
        [_passage("merk", "Benelux-merk", "hoe registreer ik een merk", "?!", "wat kost een merk")]
    )
    same = wordings.similarity(pieces("wat kost een merk"), "merk")
    typo = wordings.similarity(pieces("wat kots een merk"), "merk")
    other = wordings.similarity(pieces("erfbelasting betalen met kunst"), "merk")
    assert same == pytest.approx(1.0)
    # A typo breaks a stem, not most of the word's pieces.
    assert 0.5 < typo < 1.0
    assert other < 0.2 < typo
    assert wordings.similarity(pieces(""), "merk") == 0.0
    assert wordings.similarity(pieces("merk"), "onbekend") == 0.0


def test_the_pieces_of_only_the_most_recent_passages_are_kept(monkeypatch):
    monkeypatch.setattr("assistant.wordings._KEPT", 2)
    wordings = Wordings([_passage(f"p{i}", f"titel {i}") for i in range(4)])
    question = pieces("titel 1")
    for pid in ("p0", "p1", "p2", "p0", "p3"):
        wordings.similarity(question, pid)
    assert list(wordings._recent) == ["p0", "p3"]
    assert wordings.similarity(question, "p1") == pytest.approx(1.0)  # built again
