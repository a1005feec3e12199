"""The tests' own PostgreSQL server (tests/postgres.py): it is never left running, and it
checks passwords as a real server does."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.store import Store
from tests.postgres import LocalPostgres

ROOT = Path(__file__).resolve().parents[1]
DEATH_TIMEOUT = 30.0


def _gone(pid: int) -> bool:
    """Whether process `pid` has ended (a zombie waiting for its reaper counts as ended)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return True
    return "State:\tZ" in status


def _wait_gone(pid: int, timeout: float = DEATH_TIMEOUT) -> bool:
    deadline = time.monotonic() + timeout
    while not _gone(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


def test_an_interrupted_start_stops_the_server_and_removes_its_folder(monkeypatch):
    server = LocalPostgres()
    started: list[int] = []

    def interrupted() -> None:
        assert server.pid is not None
        started.append(server.pid)
        raise KeyboardInterrupt  # Ctrl-C while waiting for the server

    monkeypatch.setattr(server, "_wait_until_ready", interrupted)
    try:
        with pytest.raises(KeyboardInterrupt):
            server.start()
        assert started and _wait_gone(started[0])
        assert server.folder is None
    finally:
        for pid in started:
            _kill(pid)
        if server.folder is not None:
            server.stop()


SCRIPT = """
import sys, time
from tests.postgres import LocalPostgres
server = LocalPostgres()
server.start()
print(server.pid, server.folder, flush=True)
time.sleep(120)
"""


def test_the_server_dies_with_the_process_that_started_it(tmp_path):
    parent = subprocess.Popen(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    pid, folder = 0, ""
    try:
        line = parent.stdout.readline()  # bounded: the script's start has bounded waits
        pid_text, folder = line.split()
        pid = int(pid_text)
        assert not _gone(pid)
        parent.kill()  # as SIGKILL (or SIGTERM) ends pytest: no clean-up runs
        parent.wait(DEATH_TIMEOUT)
        assert _wait_gone(pid), "the server outlived the process that started it"
    finally:
        parent.kill()
        parent.wait(DEATH_TIMEOUT)
        if pid:
            _kill(pid)
        if folder:
            subprocess.run(["rm", "-rf", folder], check=False, timeout=DEATH_TIMEOUT)


def test_the_server_checks_passwords_and_a_wrong_one_fails_in_one_line(postgres_server, caplog):
    url = postgres_server.create_database()
    assert postgres_server.password and f":{postgres_server.password}@" in url
    assert Store.open(url).enabled
    wrong = url.replace(postgres_server.password, "wrong-SECRET-pw")
    with caplog.at_level(logging.ERROR):
        assert not Store.open(wrong).enabled
    [record] = caplog.records
    assert "password authentication failed" in record.getMessage()
    assert "\n" not in record.getMessage() and "SECRET" not in caplog.text
