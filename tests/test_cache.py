import json

import numpy as np

from assistant import Assistant
from assistant import cache as cache_file
from assistant.conversation import Conversation
from tests.conftest import passage, run_cli, write_corpus

QUESTIONS = (
    "Hoe bescherm ik mijn ideeën?",
    "hoeveel kan ik lenen met een winwinlening",
    "wie helpt me met mijn ondernemigsplan",
    "hoe werkte de tax shelter in 2012",
    "what is a trademark",
)


def test_an_assistant_read_from_its_cache_answers_exactly_as_the_one_built(assistant, tmp_path):
    path = tmp_path / "index.npz"
    cache_file.write(assistant, path)
    cached = cache_file.read(assistant.corpus.directory, path)
    assert cached is not None
    assert cached.corpus == assistant.corpus
    for question in QUESTIONS:
        assert cached.ask(question, top_k=5) == assistant.ask(question, top_k=5)
    built, read = Conversation(assistant), Conversation(cached)
    for question in ("wat is de winwinlening", "en hoeveel kan ik daarmee lenen?"):
        assert read.ask(question).to_dict() == built.ask(question).to_dict()


def test_a_changed_corpus_file_is_not_read_from_the_old_cache(tmp_path):
    root = write_corpus(tmp_path / "corpus", {"a.yaml": [passage("a"), passage("b")]})
    path = tmp_path / "index.npz"
    cache_file.write(Assistant.from_directory(root), path)
    assert cache_file.read(root, path) is not None
    write_corpus(root, {"a.yaml": [passage("a"), passage("c")]})
    assert cache_file.read(root, path) is None
    rebuilt = Assistant.from_directory(root, cache=path)
    assert [p.id for p in rebuilt.passages] == ["a", "c"]


def test_a_damaged_or_foreign_cache_file_reads_as_no_cache(tmp_path, assistant):
    directory = assistant.corpus.directory
    damaged = tmp_path / "damaged.npz"
    damaged.write_bytes(b"PK\x03\x04 not a real archive")
    assert cache_file.read(directory, damaged) is None
    assert cache_file.read(directory, tmp_path / "missing.npz") is None
    other = tmp_path / "other.npz"
    header = {"format": cache_file.FORMAT, "version": "0.0.0"}
    np.savez(other, header=np.frombuffer(json.dumps(header).encode(), dtype=np.uint8))
    assert cache_file.read(directory, other) is None


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
    code, out, _ = run_cli(capsys, "ask", "wat is de winwinlening", "--corpus", str(root))
    assert code == 0 and "winwinlening" in out.lower()
    assert read and read[0][1] == path
