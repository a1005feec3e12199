import logging
from pathlib import Path

import numpy as np
import pytest

from assistant import Assistant, core, votes
from assistant import cache as cache_file
from assistant.conversation import Conversation
from assistant.votes import OUTSIDE, VotesFileError
from tests.conftest import passage, run_cli, write_corpus

QUESTIONS = (
    "Hoe bescherm ik mijn ideeën?",
    "hoeveel kan ik lenen met een winwinlening",
    "wie helpt me met mijn ondernemigsplan",
    "hoe werkte de tax shelter in 2012",
    "what is a trademark",
)


def test_an_assistant_read_from_its_cache_answers_exactly_as_the_one_built(
    assistant, tmp_path, monkeypatch
):
    path = tmp_path / "index.bin"
    cache_file.write(assistant, path)

    def learn_again(*args):
        raise AssertionError("the votes and the neighbours were learnt again")

    # The word votes and the neighbours are read from the file, not learnt again.
    monkeypatch.setattr(core, "for_corpus", learn_again)
    cached = cache_file.read(assistant.corpus.directory, path)
    assert cached is not None
    assert cached.corpus == assistant.corpus
    for question in QUESTIONS:
        assert cached.ask(question, top_k=5) == assistant.ask(question, top_k=5)
    built, read = Conversation(assistant), Conversation(cached)
    for question in ("wat is de winwinlening", "en hoeveel kan ik daarmee lenen?"):
        assert read.ask(question).to_dict() == built.ask(question).to_dict()
    groups = assistant.read("mag mijn tante mij geld lenen voor mijn zaak").groups
    assert cached.votes.posterior(groups) == assistant.votes.posterior(groups)
    assert cached.neighbours.nearest(groups, ["amount"]) == assistant.neighbours.nearest(
        groups, ["amount"]
    )


def test_votes_learnt_from_other_questions_or_another_votes_file_are_not_cached(
    tmp_path, assistant, monkeypatch
):
    # Votes learnt from other labelled questions (the fit's) are not the shipped ones: the
    # cache keeps none, and reading it learns from the shipped file.
    other = Assistant(assistant.corpus, labelled=[])
    assert other.built.learnt is None and OUTSIDE not in other.votes.labels
    path = tmp_path / "index.bin"
    cache_file.write(other, path)
    cached = cache_file.read(assistant.corpus.directory, path)
    assert cached is not None and cached.votes.labels == assistant.votes.labels
    # A cache of the votes of another shipped file (a refit) is not read.
    cache_file.write(assistant, path)
    assert cache_file.read(assistant.corpus.directory, path) is not None
    monkeypatch.setattr(cache_file, "shipped_votes_digest", lambda: "another refit")
    assert cache_file.read(assistant.corpus.directory, path) is None


def test_a_changed_corpus_file_is_not_read_from_the_old_cache(tmp_path):
    root = write_corpus(tmp_path / "corpus", {"a.yaml": [passage("a"), passage("b")]})
    path = tmp_path / "index.bin"
    cache_file.write(Assistant.from_directory(root), path)
    assert cache_file.read(root, path) is not None
    write_corpus(root, {"a.yaml": [passage("a"), passage("c")]})
    assert cache_file.read(root, path) is None
    rebuilt = cache_file.load(root, path)
    assert [p.id for p in rebuilt.passages] == ["a", "c"]


def test_a_cache_built_with_another_stemmer_is_not_read(tmp_path, monkeypatch):
    # PyStemmer 2's "dutch" gives other stems than 3's: its index would not match questions.
    import Stemmer

    root = write_corpus(tmp_path / "corpus", {"a.yaml": [passage("a"), passage("b")]})
    path = tmp_path / "index.bin"
    cache_file.write(Assistant.from_directory(root), path)
    assert cache_file.read(root, path) is not None
    monkeypatch.setattr(Stemmer, "version", lambda: "2.2.0.3")
    assert cache_file.read(root, path) is None


def test_a_damaged_foreign_or_cut_cache_file_reads_as_no_cache(tmp_path, assistant):
    directory = assistant.corpus.directory
    damaged = tmp_path / "damaged.bin"
    damaged.write_bytes(b"PK\x03\x04 not a real cache")
    assert cache_file.read(directory, damaged) is None
    assert cache_file.read(directory, tmp_path / "missing.bin") is None
    other = tmp_path / "other.bin"
    header = {"format": cache_file.FORMAT, "version": "0.0.0"}
    with other.open("wb") as handle:
        cache_file._write_arrays(handle, header, {"terms": np.zeros(3, np.uint8)})
    assert cache_file.read(directory, other) is None
    whole = tmp_path / "whole.bin"
    cache_file.write(assistant, whole)
    assert cache_file.read(directory, whole) is not None
    cut = tmp_path / "cut.bin"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    assert cache_file.read(directory, cut) is None


def test_cached_arrays_are_read_in_place_and_cannot_be_changed(tmp_path, assistant):
    path = tmp_path / "index.bin"
    cache_file.write(assistant, path)
    header, data = cache_file._read_arrays(path)
    assert header["format"] == cache_file.FORMAT
    weights = data["postings_weights"]
    assert np.array_equal(weights, assistant.index.arrays.postings.weights)
    assert not weights.flags.writeable and not weights.flags.owndata
    assert weights.ctypes.data % 64 == 0


def test_index_build_writes_the_cache_that_ask_then_reads(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root = write_corpus(tmp_path / "corpus", {"a.yaml": [passage("a"), passage("b")]})
    code, out, _ = run_cli(capsys, "index", "build", "--corpus", str(root))
    assert code == 0 and "2 passages" in out
    path = cache_file.default_path(root, tmp_path / "cache")
    assert path.is_file()
    read = []
    real = cache_file.read
    monkeypatch.setattr(cache_file, "read", lambda *a, **k: read.append(a) or real(*a, **k))
    # (Two identical passages, not linked: a one-word question is near the threshold.)
    question = "hoeveel kan ik lenen met een winwinlening"
    code, out, _ = run_cli(capsys, "ask", question, "--corpus", str(root))
    assert code == 0 and "EUR 300.000" in out
    assert read and read[0][1] == path


def test_load_builds_and_writes_the_cache_once_then_reads_it(tmp_path, monkeypatch):
    root = write_corpus(tmp_path / "corpus", {"a.yaml": [passage("a"), passage("b")]})
    path = tmp_path / "cache" / "index.bin"
    built = cache_file.load(root, path)
    assert path.is_file() and [p.id for p in built.passages] == ["a", "b"]
    monkeypatch.setattr(cache_file, "load_corpus", _no_build)
    read = cache_file.load(root, path)
    assert read.ask("wat is de winwinlening") == built.ask("wat is de winwinlening")
    write_corpus(root, {"a.yaml": [passage("a"), passage("c")]})
    with pytest.raises(AssertionError, match="built"):  # a changed corpus is built again
        cache_file.load(root, path)


def _no_build(*args, **kwargs):
    raise AssertionError("built from the folder, not read from the cache")


def test_a_cache_that_cannot_be_written_costs_a_warning_not_the_answer(tmp_path, caplog):
    root = write_corpus(tmp_path / "corpus", {"a.yaml": [passage("a")]})
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    with caplog.at_level(logging.WARNING, logger="assistant.cache"):
        built = cache_file.load(root, blocked / "index.bin")
    assert built.ask("wat is de winwinlening").answered
    assert "index cache not written" in caplog.text
    assert list(tmp_path.glob("**/*.bin")) == []


def test_the_user_cache_folder_follows_xdg_cache_home(tmp_path):
    root = tmp_path / "corpus"
    path = cache_file.user_path(root, {"XDG_CACHE_HOME": str(tmp_path / "x")})
    assert path == cache_file.default_path(root, tmp_path / "x")
    assert cache_file.user_path(root, {}).is_relative_to(Path.home() / ".cache")


def test_a_missing_votes_file_is_named_even_when_a_cache_would_match(
    tmp_path, assistant, monkeypatch
):
    path = tmp_path / "index.bin"
    cache_file.write(assistant, path)

    class Gone:
        def joinpath(self, *parts):
            return self

        def read_bytes(self):
            raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr(votes.resources, "files", lambda package: Gone())
    votes._shipped_file.cache_clear()
    try:
        with pytest.raises(VotesFileError, match=r"assistant/data/votes\.json.*git checkout"):
            cache_file.read(assistant.corpus.directory, path)
    finally:
        votes._shipped_file.cache_clear()  # read again, from the real file


def test_warm_up_reads_every_page_of_the_cached_votes_and_neighbours(
    tmp_path, assistant, monkeypatch
):
    # Mapped from the file, their pages would otherwise be read from disk by the first
    # question a serving bot answers.
    path = tmp_path / "index.bin"
    cache_file.write(assistant, path)
    cached = cache_file.read(assistant.corpus.directory, path)
    assert cached is not None
    paged: list[int] = []
    monkeypatch.setattr(core, "page_in", lambda arrays: paged.extend(id(a) for a in arrays))
    cached.warm_up()
    learnt = [*cached.votes.arrays(), *cached.neighbours.arrays()]
    assert all(not a.flags.writeable for a in learnt)  # views of the mapped file
    assert {id(a) for a in learnt} <= set(paged)
