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
