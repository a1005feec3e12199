"""A throw-away PostgreSQL server on 127.0.0.1 for the tests and the capacity benchmark.

The server binaries come from `pgserver` (a dev dependency: a self-contained PostgreSQL on
PyPI), so a fresh machine needs nothing but `pip install -e ".[dev]"`. The server is started
directly (not through pgserver's own runner, which listens on a Unix socket only): a fresh
cluster in a temporary folder, TCP on 127.0.0.1 at a free port, no Unix socket, password
authentication (scram-sha-256, a random password that `url()` carries), as a real server
checks it. Every wait is bounded, and `stop` removes the folder. The server never outlives the
process that started it: an interrupted start (Ctrl-C) stops it, and on Linux it is sent
SIGTERM when that process dies, killed or not (`prctl(PR_SET_PDEATHSIG)`).

PostgreSQL refuses to run as root; as root the binaries are copied into the cluster's folder
and run as the unprivileged user `nobody` (the copy: a checkout may sit in a folder that other
users cannot enter, and its permissions are not ours to widen).
"""

from __future__ import annotations

import ctypes
import importlib.util
import itertools
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

START_TIMEOUT = 60.0  # seconds for initdb, and again for the server to accept connections
STOP_TIMEOUT = 20.0
UNPRIVILEGED_USER = "nobody"
# Settings for a throw-away cluster: nothing needs to survive a crash, so nothing waits on disk.
FAST = ("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
PR_SET_PDEATHSIG = 1  # linux/prctl.h


class PostgresUnavailable(RuntimeError):
    """The local PostgreSQL server could not be started."""


def binaries() -> Path:
    """The folder holding `initdb` and `postgres`: pgserver's bundled build."""
    spec = importlib.util.find_spec("pgserver")
    if spec is None or not spec.submodule_search_locations:
        raise PostgresUnavailable("pgserver is not installed: pip install -e '.[dev]'")
    folder = Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin"
    if not (folder / "postgres").exists():
        raise PostgresUnavailable(f"no PostgreSQL binaries in {folder}")
    return folder


class LocalPostgres:
    """One PostgreSQL server for a test session: `start()`, then `create_database()` per test,
    `stop()` at the end (also a context manager).

    Args:
        fast: skip fsync and synchronous commit (tests); False keeps PostgreSQL's defaults
            (the capacity benchmark measures a server as it would run).
    """

    def __init__(self, *, fast: bool = True) -> None:
        self.fast = fast
        self.port = 0
        self.folder: Path | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._names = itertools.count(1)
        self._as: dict[str, Any] = {}
        self.password = secrets.token_urlsafe(18)  # the superuser's; URL-safe as it is

    def __enter__(self) -> LocalPostgres:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def pid(self) -> int | None:
        """The server's process id (its postmaster), while it runs."""
        return self._process.pid if self._process is not None else None

    def url(self, database: str = "postgres") -> str:
        """The connection URL of `database`, with the superuser's (random) password."""
        return f"postgresql://postgres:{self.password}@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        """Create a cluster in a temporary folder and start its server (bounded waits).

        Raises:
            PostgresUnavailable: it did not start; the message holds the server's log.
        """
        self.folder = Path(tempfile.mkdtemp(prefix="wegwijzer-pg-"))
        try:
            password_file = self.folder / "password"
            password_file.write_text(self.password + "\n")
            password_file.chmod(0o600)
            bin_dir = self._prepare(binaries())  # (as root, also hands the file to the user)
            self._run(
                [
                    str(bin_dir / "initdb"),
                    "-D",
                    str(self._data),
                    "-U",
                    "postgres",
                    "--auth=scram-sha-256",
                    f"--pwfile={password_file}",
                    "--encoding=UTF8",
                    "--no-sync",
                ]
            )
            password_file.unlink()
            self.port = _free_port()
            self._launch(bin_dir)
            self._wait_until_ready()
        except BaseException as exc:  # Ctrl-C or SIGTERM-as-exception too: no orphan server
            log = self._log_tail()
            self.stop()
            if not isinstance(exc, Exception):
                raise
            raise PostgresUnavailable(f"PostgreSQL did not start; its log:\n{log}") from None

    def create_database(self, prefix: str = "t") -> str:
        """A new, empty database; returns its URL."""
        import psycopg

        name = f"{prefix}{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True, connect_timeout=10) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        """Stop the server (fast shutdown, then a kill if it does not end) and remove it."""
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGINT)  # PostgreSQL's "fast" shutdown
            try:
                process.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(STOP_TIMEOUT)
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    @property
    def _data(self) -> Path:
        assert self.folder is not None
        return self.folder / "data"

    def _prepare(self, bin_dir: Path) -> Path:
        """The binaries to run; as root, a copy owned by an unprivileged user who runs them."""
        assert self.folder is not None
        if os.geteuid() != 0:
            return bin_dir
        # The binaries find their shared libraries at $ORIGIN/../../../pgserver.libs.
        site = self.folder / "site"
        shutil.copytree(bin_dir.parent, site / "pgserver" / "pginstall", symlinks=True)
        libs = bin_dir.parents[2] / "pgserver.libs"
        if libs.is_dir():
            shutil.copytree(libs, site / "pgserver.libs", symlinks=True)
        user = pwd.getpwnam(UNPRIVILEGED_USER)
        self._as = {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []}
        for path in [self.folder, *self.folder.rglob("*")]:
            os.chown(path, user.pw_uid, user.pw_gid, follow_symlinks=False)
        return site / "pgserver" / "pginstall" / "bin"

    def _run(self, command: list[str]) -> None:
        assert self.folder is not None
        with open(self.folder / "initdb.log", "ab") as out:
            subprocess.run(
                command,
                check=True,
                stdout=out,
                stderr=subprocess.STDOUT,
                cwd=self.folder,
                timeout=START_TIMEOUT,
                preexec_fn=_die_with(os.getpid()),
                **self._as,
            )

    def _launch(self, bin_dir: Path) -> None:
        assert self.folder is not None
        command = [
            str(bin_dir / "postgres"),
            "-D",
            str(self._data),
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-k",
            "",
            "-c",
            "max_connections=200",
        ]
        if self.fast:
            command += FAST
        with open(self.folder / "server.log", "ab") as out:
            self._process = subprocess.Popen(
                command,
                stdout=out,
                stderr=subprocess.STDOUT,
                cwd=self.folder,
                preexec_fn=_die_with(os.getpid()),
                **self._as,
            )

    def _wait_until_ready(self) -> None:
        import psycopg

        deadline = time.monotonic() + START_TIMEOUT
        while True:
            assert self._process is not None
            if self._process.poll() is not None:
                raise PostgresUnavailable(f"the server ended (exit {self._process.returncode})")
            try:
                psycopg.connect(self.url(), connect_timeout=2).close()
                return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def _log_tail(self, lines: int = 30) -> str:
        if self.folder is None:
            return ""
        text = ""
        for name in ("initdb.log", "server.log"):
            path = self.folder / name
            if path.exists():
                text += path.read_text(errors="replace")
        return "\n".join(text.splitlines()[-lines:])


def _die_with(parent: int) -> Callable[[], None] | None:
    """A `preexec_fn` that has the child sent SIGTERM when its parent dies (Linux; None
    elsewhere). It runs after `subprocess` switched to the unprivileged user, which would
    have cleared the setting."""
    if not sys.platform.startswith("linux"):
        return None
    libc = ctypes.CDLL(None, use_errno=True)

    def preexec() -> None:
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        if os.getppid() != parent:  # the parent died before the setting took effect
            os.kill(os.getpid(), signal.SIGTERM)

    return preexec


def _free_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
