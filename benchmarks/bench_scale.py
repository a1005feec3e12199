"""Scale benchmark: the same answers from 1k, 10k and 100k passages, and how fast.

Generates corpora (deterministic, seeded) from the bundled passages' sentences, with a share of
their words replaced by Dutch words drawn with their real frequencies (wordfreq's large list),
so the vocabulary grows as a real corpus's would. Each size runs in a process of its own and
prints: loading the YAML, building the index, a cached start (a whole `wegwijzer ask` process
over the cache `wegwijzer index build` wrote), `ask()` and `Conversation.ask` p50/p95/p99, peak
memory, and the same questions through bm25s (numpy backend, unweighted query terms: it cannot
apply Wegwijzer's weights or priors) and through plain rank-bm25 (`get_scores` per term and a
full sort, the reference), as ratios.

It checks that, on every question, the top 10 passages and their scores equal rank-bm25's
reference and that the whole `Answer` equals the one computed on the reference; it exits 1
when one differs. Timings are not asserted (shared machines are noisy: read the ratios, which
come from one run).

    python benchmarks/bench_scale.py [--sizes 1000 10000 100000] [--questions 300]

Needs the dev extra (rank-bm25) and, for the bm25s column, the bench extra (bm25s).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.conversation import Conversation  # noqa: E402
from assistant.core import Assistant  # noqa: E402
from assistant.corpus import (  # noqa: E402
    ENGLISH_FILE,
    SOURCES_FILE,
    SYNONYMS_FILE,
    bundled_corpus_dir,
    load_corpus,
)
from assistant.evaluation import load_dialogues, load_eval_set  # noqa: E402
from assistant.gcpause import settle  # noqa: E402
from assistant.lexicon import common_words  # noqa: E402
from assistant.models import Passage  # noqa: E402
from assistant.reference import ReferenceSearch  # noqa: E402
from assistant.retrieval import K1, B, Hit, passage_fields  # noqa: E402

SEED = 15
PER_FILE = 500  # passages per generated file (a corpus file holds at most 5,000)
REPLACED = 0.4  # share of a sentence's words replaced by a drawn Dutch word
# Word frequencies are raised to this power before drawing: a little flatter than wordfreq's,
# so that 100k passages hold about 200,000 distinct words, as the corpora the scale issue
# measured did (plain frequencies give about 100,000).
FLATTEN = 0.8
HISTORICAL_EVERY = 20  # every 20th passage is historical, superseded by the one before it
EVAL = ROOT / "tests" / "eval"


# --- the corpus --------------------------------------------------------------------------


def generate(size: int, directory: Path, seed: int = SEED) -> Path:
    """Write a corpus of `size` passages to `directory` (the same bytes for the same seed)."""
    real = load_corpus(bundled_corpus_dir()).passages
    words, cumulative = _dutch_words()
    rng = np.random.default_rng(seed)

    def draw(count: int) -> list[str]:
        return [words[i] for i in np.searchsorted(cumulative, rng.random(count)).tolist()]

    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    for name in (SYNONYMS_FILE, ENGLISH_FILE, SOURCES_FILE):
        shutil.copy(bundled_corpus_dir() / name, directory / name)
    shutil.copytree(bundled_corpus_dir() / "bronnen", directory / "bronnen")  # shipped documents
    for start in range(0, size, PER_FILE):
        chunk = [
            _synthetic(i, real[i % len(real)], draw, rng)
            for i in range(start, min(size, start + PER_FILE))
        ]
        # JSON is YAML: the corpus loader reads it, and it is written a hundred times faster.
        text = json.dumps(chunk, ensure_ascii=False, indent=0)
        (directory / f"deel-{start // PER_FILE:04d}.yaml").write_text(text, encoding="utf-8")
    return directory


def _dutch_words() -> tuple[list[str], np.ndarray]:
    """Dutch words and their cumulative drawing probabilities (wordfreq's large list)."""
    import wordfreq

    frequencies = wordfreq.get_frequency_dict("nl", wordlist="large")
    words = sorted(w for w in frequencies if w.isalpha())
    weights = np.array([frequencies[w] for w in words]) ** FLATTEN
    return words, np.cumsum(weights) / weights.sum()


def _synthetic(
    i: int, model: Passage, draw: Callable[[int], list[str]], rng: np.random.Generator
) -> dict[str, Any]:
    """Passage `i`, made from `model`'s fields with drawn words in them."""

    def vary(text: str) -> str:
        tokens = text.split()
        replaced = np.flatnonzero(rng.random(len(tokens)) < REPLACED).tolist()
        for at, word in zip(replaced, draw(len(replaced)), strict=True):
            tokens[at] = word
        return " ".join(tokens)

    pid = f"p{i:06d}"
    historical = i % HISTORICAL_EVERY == HISTORICAL_EVERY - 1
    passage: dict[str, Any] = {
        "id": pid,
        "kind": model.kind,
        "title": f"{model.title} {' '.join(draw(2))}",
        "text": vary(model.text),
        "questions": [vary(q) for q in model.questions],
        "keywords": [*model.keywords[:4], *draw(2)],
        "source": model.sources[0],  # an entry of the register, as in the bundled corpus
        "checked": "2025-01",
        "status": "historisch" if historical else "actueel",
    }
    if historical:
        passage["superseded_by"] = f"p{i - 1:06d}"
    return passage


def questions(count: int) -> list[str]:
    """`count` questions of the tuning set, spread evenly over it."""
    asked = [q.question for q in load_eval_set(EVAL / "vragen.yaml").questions]
    step = max(1, len(asked) // count)
    return asked[::step][:count]


def dialogues(count: int) -> list[list[str]]:
    """The first `count` tuning dialogues, as lists of questions."""
    played, _ = load_dialogues(EVAL / "gesprekken.yaml")
    return [[turn.question for turn in dialogue] for dialogue in played[:count]]


# --- equality with the reference ---------------------------------------------------------


def differences(
    assistant: Assistant, asked: Sequence[str], reference: ReferenceSearch | None = None
) -> list[str]:
    """Questions whose top 10 (ids and scores) or whose whole `Answer` differ from what
    rank-bm25's reference gives. Empty when every one is equal."""
    index = assistant.index
    reference = reference or ReferenceSearch(index)
    differ = []
    for question in asked:
        groups = list(assistant.read(question).groups)
        mine = [(h.passage.id, h.score) for h in index.search(groups, 10)]
        if mine != reference.search(groups, 10):
            differ.append(f"top 10: {question}")
            continue
        answer = assistant.ask(question).to_dict()
        if answer != _on_reference(assistant, reference, question):
            differ.append(f"answer: {question}")
    return differ


def _on_reference(assistant: Assistant, reference: ReferenceSearch, question: str) -> Any:
    """The answer to `question` with the index's search replaced by the reference's."""
    index = assistant.index

    def search(groups: Sequence[Any], limit: int) -> list[Hit]:
        found = reference.search(groups, limit)
        return [
            Hit(assistant.passage(pid), score, index.coverage(groups, index._positions[pid]))
            for pid, score in found
        ]

    index.search, index.scores = search, reference.scores  # type: ignore[method-assign]
    try:
        return assistant.ask(question).to_dict()
    finally:
        del index.search, index.scores


# --- one size, in a process of its own ----------------------------------------------------


def _percentiles(ms: list[float]) -> dict[str, float]:
    ordered = sorted(ms)

    def at(share: float) -> float:
        return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]

    return {"p50": at(0.50), "p95": at(0.95), "p99": at(0.99)}


def _timed(calls: Sequence[Callable[[], object]]) -> list[float]:
    timings = []
    for call in calls:
        start = time.perf_counter()
        call()
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def measure(directory: Path, n_questions: int, n_dialogues: int) -> dict[str, Any]:
    """Every figure for one generated corpus (run in a fresh process)."""
    common_words()  # the Dutch lexicon, read once per process whatever the corpus
    start = time.perf_counter()
    corpus = load_corpus(directory)
    loaded = time.perf_counter()
    assistant = Assistant(corpus)
    built = time.perf_counter()
    assistant.warm_up()
    settle()  # as the bots and `wegwijzer chat` do once they have built what they serve from
    asked = questions(n_questions)
    assistant.ask(asked[0])  # warm-up
    ask_ms = _timed([lambda q=q: assistant.ask(q) for q in asked])
    turns: list[float] = []
    for dialogue in dialogues(n_dialogues):
        conversation = Conversation(assistant)
        turns += _timed([lambda q=q, c=conversation: c.ask(q) for q in dialogue])
    figures: dict[str, Any] = {
        "passages": len(corpus.passages),
        "terms": len(assistant.index.arrays.terms),
        "load_s": loaded - start,
        "build_s": built - loaded,
        "ask": _percentiles(ask_ms),
        "conversation": _percentiles(turns),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    groups = [list(assistant.read(q).groups) for q in asked]
    figures["search"] = _percentiles(
        _timed([lambda g=g: assistant.index.search(g, 10) for g in groups])
    )
    figures["bm25s"] = _bm25s(assistant, groups)
    reference = ReferenceSearch(assistant.index)
    figures["rank_bm25"] = _percentiles(
        _timed([lambda g=g: reference.search(g, 10) for g in groups])
    )
    figures["differ"] = differences(assistant, asked, reference)
    figures["cached_start_s"] = _cached_start(directory, asked[0])
    return figures


def _bm25s(assistant: Assistant, groups: list[list[Any]]) -> dict[str, float] | None:
    """bm25s's search over the same analysed passages, for the question's known terms."""
    try:
        import bm25s
    except ImportError:
        return None
    index = assistant.index
    documents = [passage_fields(p, index.analyzer).document for p in index.passages]
    retriever = bm25s.BM25(k1=K1, b=B, method="lucene", backend="numpy")
    retriever.index(documents, show_progress=False)
    queries = [[t for t in index.query_weights(g) if index._known(t)] or ["?"] for g in groups]
    k = min(10, len(index.passages))
    return _percentiles(
        _timed([lambda q=q: retriever.retrieve([q], k=k, show_progress=False) for q in queries])
    )


def _cached_start(directory: Path, question: str) -> float | None:
    """Seconds a whole `wegwijzer ask --corpus` process takes once the cache is written."""
    command = [sys.executable, "-m", "assistant"]
    built = subprocess.run(
        [*command, "index", "build", "--corpus", str(directory)], capture_output=True
    )
    if built.returncode != 0:
        return None
    start = time.perf_counter()
    subprocess.run(
        [*command, "ask", question, "--corpus", str(directory)], check=True, capture_output=True
    )
    return time.perf_counter() - start


# --- the report ---------------------------------------------------------------------------


def _row(size: int, f: dict[str, Any]) -> list[str]:
    ask, conv, search = f["ask"], f["conversation"], f["search"]
    bm25s, rank = f["bm25s"], f["rank_bm25"]
    cached = f"{f['cached_start_s']:.2f}" if f["cached_start_s"] is not None else "n/a"
    return [
        f"{size:,} passages, {f['terms']:,} terms",
        f"  load {f['load_s']:.1f} s, build {f['build_s']:.1f} s, cached start {cached} s, "
        f"peak memory {f['peak_mb']:.0f} MB",
        f"  ask()             p50 {ask['p50']:.2f}  p95 {ask['p95']:.2f}  p99 {ask['p99']:.2f} ms",
        f"  Conversation.ask  p50 {conv['p50']:.2f}  p95 {conv['p95']:.2f}  "
        f"p99 {conv['p99']:.2f} ms",
        f"  search only       p50 {search['p50']:.2f}  p95 {search['p95']:.2f}  "
        f"p99 {search['p99']:.2f} ms",
        (
            f"  bm25s search      p50 {bm25s['p50']:.2f}  p95 {bm25s['p95']:.2f}  "
            f"p99 {bm25s['p99']:.2f} ms; ask() p95 / bm25s p95 = {ask['p95'] / bm25s['p95']:.2f}"
            if bm25s
            else "  bm25s             not installed (pip install -e '.[bench]')"
        ),
        f"  rank-bm25 search  p50 {rank['p50']:.2f}  p95 {rank['p95']:.2f}  "
        f"p99 {rank['p99']:.2f} ms; rank-bm25 p95 / search p95 = "
        f"{rank['p95'] / search['p95']:.0f}x",
        "  equal to the rank-bm25 reference: "
        + ("every question" if not f["differ"] else f"{len(f['differ'])} differ"),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--questions", type=int, default=300)
    parser.add_argument("--dialogues", type=int, default=95)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/wegwijzer-scale"))
    parser.add_argument("--generate", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.generate:
        generate(args.generate, args.workdir / f"corpus-{args.generate}")
        return 0
    if args.measure:
        figures = measure(args.measure, args.questions, args.dialogues)
        print(json.dumps(figures))
        return 0
    failed = False
    for size in args.sizes:
        directory = args.workdir / f"corpus-{size}"
        if not (directory / "deel-0000.yaml").exists():
            _child(args, "--generate", str(size))
        output = _child(
            args,
            "--measure",
            str(directory),
            "--questions",
            str(args.questions),
            "--dialogues",
            str(args.dialogues),
        )
        figures = json.loads(output.splitlines()[-1])
        print("\n".join(_row(size, figures)), flush=True)
        for line in figures["differ"]:
            print(f"  DIFFERS {line}")
        failed = failed or bool(figures["differ"])
    return 1 if failed else 0


def _child(args: argparse.Namespace, *extra: str) -> str:
    """Run this script for one step in a fresh process (its own peak memory)."""
    command = [sys.executable, __file__, "--workdir", str(args.workdir), *extra]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


if __name__ == "__main__":
    sys.exit(main())
