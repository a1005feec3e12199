"""Capacity: how many answers one machine gives, through a bot's full path, with each log.

The real Telegram bot (`python -m bots.telegram`, python-telegram-bot, polling) runs as its own
process against the fake Bot API on 127.0.0.1 (`tests/fakes/telegram_api.py`), logging to a
SQLite file and then to PostgreSQL (a server this script starts, with PostgreSQL's default
durability; `tests/postgres.py`). Each question comes from another user, so the bot's per-user
rate limit never applies. Two phases per log:

- paced: questions at a steady rate below every limit; the latency of each, from the update
  queued at the fake to its `sendMessage` arriving there (p50, p95, p99);
- burst: many questions queued at once; answers per second of wall time (the bot's own flood
  control, python-telegram-bot's `AIORateLimiter`, holds it to Telegram's 30 messages per
  second) and answers per CPU-second of the bot (plus the PostgreSQL server's CPU time when it
  logs there): what one fully used core would carry.

It prints figures and asserts nothing (a shared machine is noisy: read them, compare within a
run). Platform limits, for comparison: Telegram about 30 messages per second per bot (and 20 per
minute in one group), Discord 50 requests per second per bot (its global rate limit).

    python benchmarks/capacity.py [--paced 200 --rate 10 --burst 600]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import psutil  # installed with pgserver (the dev extra)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.bots.process import start_bot, stop_bot  # noqa: E402
from tests.fakes.telegram_api import FakeTelegram  # noqa: E402
from tests.postgres import LocalPostgres  # noqa: E402

TOKEN = "123456:capacity-benchmark"
TELEGRAM_LIMIT = 30  # messages per second per bot (Telegram's FAQ for bot developers)
DISCORD_LIMIT = 50  # requests per second per bot (Discord's global rate limit)
QUESTIONS = (
    "wat is de winwinlening",
    "hoeveel btw betaal ik op een schilderij",
    "hoe word ik lid van sabam",
    "wat doet cultuurloket",
    "kan ik een subsidie krijgen voor een tentoonstelling",
    "hoe bescherm ik mijn ideeën",
    "wat is het kunstenaarsstatuut",
    "moet ik een factuur maken voor een optreden",
)
START_TIMEOUT = 60.0
PHASE_TIMEOUT = 300.0


@dataclass(frozen=True)
class Figures:
    log: str
    paced: int
    rate: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    burst: int
    wall_per_s: float
    bot_cpu_s: float
    db_cpu_s: float

    @property
    def per_core(self) -> float:
        """Answers per CPU-second of everything that served them (bot, and database server)."""
        return self.burst / max(self.bot_cpu_s + self.db_cpu_s, 1e-9)


class Clocked:
    """The fake Bot API, noting when each chat's first `sendMessage` arrives."""

    def __init__(self) -> None:
        self.fake = FakeTelegram()
        self.answered: dict[int, float] = {}
        handle = self.fake._handle

        async def timed(request):  # the router takes the bound method when the fake starts
            response = await handle(request)
            if request.match_info["method"] == "sendMessage" and self.fake.calls:
                chat = int(self.fake.calls[-1].params.get("chat_id", 0))
                self.answered.setdefault(chat, time.monotonic())
            return response

        self.fake._handle = timed

    async def wait_answered(self, chats: list[int], timeout: float = PHASE_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while any(chat not in self.answered for chat in chats):
            if time.monotonic() > deadline:
                missing = sum(chat not in self.answered for chat in chats)
                raise TimeoutError(f"{missing} of {len(chats)} questions were not answered")
            await asyncio.sleep(0.01)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _cpu(processes: list[psutil.Process]) -> float:
    total = 0.0
    for process in processes:
        with contextlib.suppress(psutil.Error):
            times = process.cpu_times()
            total += times.user + times.system
    return total


async def _drain(stream: asyncio.StreamReader, tail: list[str]) -> None:
    """Read the bot's log as it comes (a full pipe would stall the bot); keep the last lines."""
    while line := await stream.readline():
        tail.append(line.decode(errors="replace").rstrip())
        del tail[:-20]


async def measure(
    log: str, location: str, args: argparse.Namespace, database: Callable[[], list]
) -> Figures:
    """Run the bot against the fake, logging to `location`; the paced and burst figures."""
    clocked = Clocked()
    users = iter(range(10_000, 10_000_000))
    async with clocked.fake as fake:
        env = {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": fake.base_url,
            "WEGWIJZER_DB": location,
            "NO_PROXY": "127.0.0.1,localhost",
            "PTB_TIMEDELTA": "1",
        }
        bot = await start_bot("bots.telegram", env)
        tail: list[str] = []
        assert bot.stderr is not None
        drain = asyncio.create_task(_drain(bot.stderr, tail))
        try:
            await fake.wait_for("getUpdates", timeout=START_TIMEOUT)

            async def ask(count: int, interval: float) -> dict[int, float]:
                asked: dict[int, float] = {}
                for i in range(count):
                    user = next(users)
                    asked[user] = time.monotonic()
                    fake.private_message(QUESTIONS[i % len(QUESTIONS)], user_id=user)
                    if interval:
                        await asyncio.sleep(interval)
                await clocked.wait_answered(list(asked))
                return asked

            await ask(20, 0.05)  # warm-up: connections, caches
            asked = await ask(args.paced, 1 / args.rate)
            latencies = [(clocked.answered[u] - t) * 1000 for u, t in asked.items()]

            process = psutil.Process(bot.pid)
            cpu_before, db_before = _cpu([process]), _cpu(database())
            start = time.monotonic()
            await ask(args.burst, 0)
            wall = time.monotonic() - start
            bot_cpu, db_cpu = _cpu([process]) - cpu_before, _cpu(database()) - db_before
        except Exception:
            print("\n".join(tail), file=sys.stderr)
            raise
        finally:
            drain.cancel()  # stop_bot reads what is left of the log
            await asyncio.gather(drain, return_exceptions=True)
            await stop_bot(bot)
    return Figures(
        log,
        args.paced,
        args.rate,
        _percentile(latencies, 0.50),
        _percentile(latencies, 0.95),
        _percentile(latencies, 0.99),
        args.burst,
        args.burst / wall,
        bot_cpu,
        db_cpu,
    )


@contextlib.contextmanager
def postgres() -> Iterator[tuple[str, Callable[[], list]]]:
    """A PostgreSQL server with its default durability; its URL and its processes."""
    with LocalPostgres(fast=False) as server:
        assert server.pid is not None
        postmaster = psutil.Process(server.pid)

        def processes() -> list:
            # Backends come and go; the bot's stays for the whole run.
            return [postmaster, *postmaster.children(recursive=True)]

        yield server.create_database("capacity"), processes


def report(figures: list[Figures]) -> None:
    print(f"\ncores on this machine: {os.cpu_count()}; load average {os.getloadavg()[0]:.1f}")
    print(
        f"{'log':<11}{'paced':>7}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
        f"{'burst':>7}{'answers/s':>11}{'bot cpu s':>11}{'db cpu s':>10}{'per core/s':>12}"
    )
    for f in figures:
        print(
            f"{f.log:<11}{f.paced:>7}{f.p50_ms:>9.1f}{f.p95_ms:>9.1f}{f.p99_ms:>9.1f}"
            f"{f.burst:>7}{f.wall_per_s:>11.1f}{f.bot_cpu_s:>11.2f}{f.db_cpu_s:>10.2f}"
            f"{f.per_core:>12.1f}"
        )
    print(
        f"\nplatform limits: Telegram about {TELEGRAM_LIMIT} messages/s per bot (the bot's"
        f" flood control keeps to it: see the burst's answers/s), Discord {DISCORD_LIMIT}"
        " requests/s per bot."
    )
    for f in figures:
        print(
            f"{f.log}: one core answers {f.per_core:.0f}/s, {f.per_core / TELEGRAM_LIMIT:.1f}x"
            f" Telegram's limit, {f.per_core / DISCORD_LIMIT:.1f}x Discord's"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paced", type=int, default=200, help="questions at a steady rate")
    parser.add_argument("--rate", type=float, default=10.0, help="paced questions per second")
    parser.add_argument("--burst", type=int, default=600, help="questions queued at once")
    args = parser.parse_args()
    figures = []
    with tempfile.TemporaryDirectory() as folder:
        sqlite = str(Path(folder) / "capacity.db")
        figures.append(asyncio.run(measure("SQLite", sqlite, args, list)))
    with postgres() as (url, processes):
        figures.append(asyncio.run(measure("PostgreSQL", url, args, processes)))
    report(figures)


if __name__ == "__main__":
    main()
