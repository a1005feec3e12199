"""Reloading the corpus of a running bot: on SIGHUP, and with `--watch` when its files change.

The new corpus is loaded and validated beside the old one (in a worker thread, so the bot keeps
answering meanwhile), then swapped into the service in one step (`ChatService.use`). A corpus
that does not load leaves the old one serving and logs every problem. Conversations and the
question log are untouched.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

from assistant import Assistant, CorpusError
from assistant import cache as cache_file
from assistant.gcpause import settle
from bots.service import ChatService

logger = logging.getLogger(__name__)

DEFAULT_WATCH_SECONDS = 5.0


class CorpusReloader:
    """Reloads the corpus in `directory` into `service`.

    Args:
        service: the running bot's use cases.
        directory: the corpus folder the bot was started with.
        cache: its index cache file (see `assistant.cache`): a reload writes the new index
            there, so the next start reads it; None builds without a cache.
    """

    def __init__(self, service: ChatService, directory: Path, cache: Path | None = None) -> None:
        self.service = service
        self.directory = directory
        self.cache = cache
        self._lock = asyncio.Lock()
        self._seen = self.fingerprint()
        self._tasks: set[asyncio.Task] = set()

    def fingerprint(self) -> tuple[tuple[str, int, int], ...]:
        """Name, modification time and size of every corpus file: what `watch` compares."""
        found = []
        for path in sorted(self.directory.rglob("*.y*ml")):
            try:
                stat = path.stat()
            except OSError:  # removed while listing
                continue
            found.append((str(path.relative_to(self.directory)), stat.st_mtime_ns, stat.st_size))
        return tuple(found)

    async def reload(self) -> bool:
        """Load the corpus again and swap it in; False (old corpus kept) when it is broken."""
        async with self._lock:  # two signals in a row load one after the other
            self._seen = self.fingerprint()
            try:
                assistant = await asyncio.to_thread(self._load)
            except CorpusError as exc:
                logger.error(
                    "corpus not reloaded, the previous one keeps serving; %d problem(s)",
                    len(exc.problems),
                )
                for problem in exc.problems:  # one line each, so every problem is grep-able
                    logger.error("corpus problem: %s", problem)
                return False
            except Exception:
                logger.exception("corpus not reloaded, the previous one keeps serving")
                return False
            assistant.warm_up()
            self.service.use(assistant)
            settle()  # the new index out of the collector's walks (see `gcpause.settle`)
            logger.info(
                "corpus reloaded from %s: %d passages", self.directory, len(assistant.passages)
            )
            return True

    def _load(self) -> Assistant:
        if self.cache is None:
            return Assistant.from_directory(self.directory)
        return cache_file.load(self.directory, self.cache)

    async def watch(self, interval: float = DEFAULT_WATCH_SECONDS) -> None:
        """Reload whenever the corpus files change; checks every `interval` seconds until
        cancelled."""
        while True:
            await asyncio.sleep(interval)
            if self.fingerprint() != self._seen:
                await self.reload()

    def install(self, *, watch: float | None = None) -> None:
        """Reload on SIGHUP (where the platform has it) and, with `watch`, on changes.

        Call from the running event loop; `close` stops it.
        """
        loop = asyncio.get_running_loop()
        if hasattr(signal, "SIGHUP"):
            loop.add_signal_handler(signal.SIGHUP, lambda: self._start(self.reload()))
        if watch:
            self._start(self.watch(watch))

    def close(self) -> None:
        """Stop watching and forget SIGHUP."""
        if hasattr(signal, "SIGHUP"):
            asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)
        for task in list(self._tasks):
            task.cancel()

    def _start(self, work: Coroutine[Any, Any, object]) -> None:
        task = asyncio.get_running_loop().create_task(work)
        self._tasks.add(task)  # a task nobody references may be collected mid-way
        task.add_done_callback(self._tasks.discard)
