"""The scale benchmark's equality check on a small generated corpus (speed is not tested)."""

import importlib.util
from pathlib import Path

from assistant import Assistant

_PATH = Path(__file__).parent.parent / "benchmarks" / "bench_scale.py"
_SPEC = importlib.util.spec_from_file_location("bench_scale", _PATH)
bench_scale = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(bench_scale)


def test_a_generated_corpus_is_the_same_for_the_same_seed(tmp_path):
    first = bench_scale.generate(40, tmp_path / "a")
    second = bench_scale.generate(40, tmp_path / "b")
    names = sorted(p.name for p in first.glob("*.yaml"))
    assert names == sorted(p.name for p in second.glob("*.yaml"))
    assert all((first / n).read_bytes() == (second / n).read_bytes() for n in names)


def test_on_a_generated_corpus_every_answer_equals_the_rank_bm25_reference(tmp_path):
    corpus = bench_scale.generate(600, tmp_path / "corpus")
    assistant = Assistant.from_directory(corpus)
    assert len(assistant.passages) == 600
    assert len(assistant.index.arrays.terms) > 5_000  # drawn words beyond the bundled corpus
    asked = bench_scale.questions(80)
    assert len(asked) == 80
    assert bench_scale.differences(assistant, asked) == []
