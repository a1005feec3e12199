"""Benchmark: index build, one whole `wegwijzer ask` process, and `ask()` latency.

Prints its figures next to the targets for the bundled corpus (2-core machine, issue 15):
`ask()` p95 under 0.5 ms, a whole `wegwijzer ask` process under 0.3 s, resident memory under
200 MB. `ask()` is timed over every tuning question `--rounds` times, and over the first round
alone: questions the process has not seen before, which no cache of the analysis has met. It
asserts nothing: shared machines are noisy, so read the figures (and compare ratios within one
run).

    python benchmarks/bench_ask.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.conversation import Conversation  # noqa: E402
from assistant.core import Assistant  # noqa: E402
from assistant.evaluation import load_dialogues, load_eval_set  # noqa: E402

TARGET_P95_MS = 0.5
TARGET_PROCESS_S = 0.3
TARGET_RSS_MB = 200.0


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def bench_build() -> tuple[float, float, Assistant]:
    start = time.perf_counter()
    Assistant.bundled()  # first build also reads the Dutch lexicon
    first = time.perf_counter() - start
    start = time.perf_counter()
    assistant = Assistant.bundled()
    return first, time.perf_counter() - start, assistant


def bench_ask(assistant: Assistant, rounds: int) -> list[float]:
    questions = [q.question for q in load_eval_set(ROOT / "tests/eval/vragen.yaml").questions]
    timings = []
    for _ in range(rounds):
        for question in questions:
            start = time.perf_counter()
            assistant.ask(question)
            timings.append((time.perf_counter() - start) * 1000)
    return timings


def bench_conversation(assistant: Assistant, rounds: int) -> list[float]:
    """One Conversation turn asks alone, checks whether it may follow up and, if so, asks in
    context and compares the two."""
    dialogues, _ = load_dialogues(ROOT / "tests/eval/gesprekken.yaml")
    timings = []
    for _ in range(rounds):
        for dialogue in dialogues:
            conversation = Conversation(assistant)
            for turn in dialogue:
                start = time.perf_counter()
                conversation.ask(turn.question)
                timings.append((time.perf_counter() - start) * 1000)
    return timings


def bytecode_state() -> str:
    """Whether a `wegwijzer ask` process reads the package's modules compiled or compiles
    them at every start (an editable install where ``PYTHONDONTWRITEBYTECODE`` is set and no
    ``__pycache__`` exists): about 0.08 s of a start."""
    cached = any((ROOT / "assistant" / "__pycache__").glob("core.*.pyc"))
    if cached or not os.environ.get("PYTHONDONTWRITEBYTECODE"):
        return "bytecode cached"
    return "modules compiled at every start (PYTHONDONTWRITEBYTECODE, no __pycache__)"


def bench_process(rounds: int) -> tuple[list[float], float]:
    command = [sys.executable, "-m", "assistant", "ask", "Hoe bescherm ik mijn ideeën?"]
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True, timeout=60)
        timings.append(time.perf_counter() - start)
    rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return timings, rss_mb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    first, second, assistant = bench_build()
    print(f"passages indexed:        {len(assistant.passages)}")
    print(f"index build, first:      {first * 1000:7.1f} ms (includes reading the lexicon)")
    print(f"index build, again:      {second * 1000:7.1f} ms")

    timings = bench_ask(assistant, args.rounds)
    p50, p95 = _percentile(timings, 0.50), _percentile(timings, 0.95)
    print(
        f"ask() over {len(timings)} questions: p50 {p50:.2f} ms, p95 {p95:.2f} ms, "
        f"max {max(timings):.2f} ms   (target p95 < {TARGET_P95_MS} ms)"
    )
    first = timings[: len(timings) // max(1, args.rounds)]
    print(
        f"ask(), first round only ({len(first)} questions not seen before): "
        f"p50 {_percentile(first, 0.50):.2f} ms, p95 {_percentile(first, 0.95):.2f} ms"
    )

    turns = bench_conversation(assistant, args.rounds)
    print(
        f"Conversation.ask() over {len(turns)} dialogue turns: "
        f"p50 {_percentile(turns, 0.50):.2f} ms, p95 {_percentile(turns, 0.95):.2f} ms"
    )

    process, rss_mb = bench_process(args.rounds)
    print(
        f"whole `wegwijzer ask`:   median {statistics.median(process):.2f} s, "
        f"max {max(process):.2f} s   (target < {TARGET_PROCESS_S} s; {bytecode_state()})"
    )
    print(
        f"resident memory (peak of one ask process): {rss_mb:.0f} MB "
        f"(target < {TARGET_RSS_MB:.0f} MB)"
    )


if __name__ == "__main__":
    main()
