"""Running a bot's real entry point as a subprocess, and stopping it as an operator would."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


async def start_bot(module: str, env: dict[str, str]) -> asyncio.subprocess.Process:
    """Start `python -m <module>` from the repository with `env` added to the environment."""
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        module,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def stop_bot(process: asyncio.subprocess.Process, timeout: float = 20) -> str:
    """Send SIGTERM and wait (bounded) for the process to end; returns its stderr."""
    os.kill(process.pid, signal.SIGTERM)
    _, stderr = await asyncio.wait_for(process.communicate(), timeout)
    return stderr.decode()


async def line_with(stream: asyncio.StreamReader, text: str, timeout: float = 30) -> str:
    """Read a bot's stderr (bounded) up to the first line that holds `text`; that line."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        remaining = deadline - asyncio.get_running_loop().time()
        line = (await asyncio.wait_for(stream.readline(), max(remaining, 0.01))).decode()
        if not line:
            raise AssertionError(f"the bot ended before logging {text!r}")
        if text in line:
            return line


async def run_to_exit(module: str, env: dict[str, str], timeout: float = 60) -> tuple[int, str]:
    """Run a bot's entry point until it exits by itself (bounded); its exit code and stderr."""
    process = await start_bot(module, env)
    try:
        _, stderr = await asyncio.wait_for(process.communicate(), timeout)
    except TimeoutError:
        process.kill()
        await process.wait()
        raise
    return process.returncode or 0, stderr.decode()


def free_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


START_FAILURES = ("rejected", "wrong_url", "unreachable")


def start_failure_url(failure: str, good: str, wrong: str, path: str) -> str:
    """The API URL for a start-up failure: the fake's own (it rejects the token), a wrong one
    on the fake (404), or `path` on a loopback port nothing listens on."""
    if failure == "unreachable":
        return f"http://127.0.0.1:{free_port()}{path}"
    return good if failure == "rejected" else wrong


def assert_failed_start(code: int, stderr: str, secret: str) -> None:
    """A failed start: exit 1, no traceback, no secret, and an `error:` line last."""
    assert code == 1
    assert secret not in stderr
    assert "Traceback" not in stderr
    assert stderr.strip().splitlines()[-1].startswith("error: ")
