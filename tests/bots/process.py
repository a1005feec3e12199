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
