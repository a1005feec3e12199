"""Where the question log lives: a SQLite file (the default) or a PostgreSQL database.

`Store` speaks one SQL to both: `?` placeholders (made `%s` for PostgreSQL), a cast where
PostgreSQL cannot infer a parameter's type, and `ON CONFLICT` upserts, which SQLite has too.
What differs lives here, behind `Backend`: connecting, the schema version and its migrations,
the id of a new row, where the salt is kept, and what follows a delete.

A PostgreSQL URL may hold a password: it never reaches a message (`where` names the host, port
and database only; `brief` hides the password should a driver message repeat it).
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import urllib.parse
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, Protocol

from assistant.schema import MIGRATIONS, POSTGRES_MIGRATIONS, SCHEMA_VERSION, statements

# A write waits at most this long for another writer's lock, then is skipped (and logged):
# the answer must not wait on the log.
BUSY_TIMEOUT_MS = 500
POSTGRES_SCHEMES = ("postgresql://", "postgres://")
CONNECT_TIMEOUT_S = 5
# A PostgreSQL statement that runs longer is cancelled (and the write skipped): a log write
# takes milliseconds, so this only trips on a server in trouble.
STATEMENT_TIMEOUT_MS = 5000
# Bots that start at once take turns to migrate; the first does the work.
MIGRATION_LOCK_TIMEOUT_S = 30
MIGRATION_LOCK = 0x5765_6777  # an arbitrary key for pg_advisory_xact_lock ("Wegw")
HIDDEN = "[password hidden]"
MISSING_DRIVER = "the PostgreSQL log needs psycopg: pip install 'wegwijzer[postgres]'"


class BackendError(RuntimeError):
    """The log cannot be opened; the message is one line and holds no password."""


class Transaction(Protocol):
    """The statements of one transaction (`?` placeholders)."""

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> int:
        """Run a statement; returns how many rows it changed."""
        ...

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...

    def insert(self, sql: str, parameters: Sequence[Any]) -> int | None:
        """Run an INSERT; returns the new row's id, or None when it inserted nothing."""
        ...


class Backend(Protocol):
    """One open log database: SQLite or PostgreSQL."""

    kind: str  # "SQLite" or "PostgreSQL"
    where: str  # a path, or host:port/database: never a password
    errors: tuple[type[Exception], ...]  # what its driver raises

    def transaction(self) -> AbstractContextManager[Transaction]: ...

    def read(self, sql: str, parameters: Sequence[Any]) -> list[tuple]: ...

    def salt(self) -> bytes:
        """The secret behind user keys, kept with the log (created once)."""
        ...

    def scrub(self) -> str | None:
        """Clear what deleted rows leave behind; None, or why that failed."""
        ...

    def write_problem(self, timeout: float) -> str | None:
        """Why a write fails (waiting at most `timeout` s for a lock), or None; rolled back."""
        ...

    def brief(self, error: BaseException) -> str: ...

    def close(self) -> None: ...


def is_postgres(location: Path | str) -> bool:
    """Whether `location` is a PostgreSQL URL rather than a SQLite file."""
    return isinstance(location, str) and location.lower().startswith(POSTGRES_SCHEMES)


def where(location: Path | str) -> str:
    """The log for a message: its path, or HOST:PORT/DATABASE of a URL (never a password)."""
    return postgres_where(str(location)) if is_postgres(location) else str(location)


def open_backend(location: Path | str) -> Backend:
    """Open (creating and migrating) the log at a SQLite path or a PostgreSQL URL.

    Raises:
        BackendError: it cannot be opened (unreachable, refused, a newer schema, no driver).
    """
    if is_postgres(location):
        return PostgresBackend.open(str(location))
    return SQLiteBackend.open(Path(location))


def brief(error: BaseException, limit: int = 200) -> str:
    """An exception for a log line: its type and message, on one line, shortened."""
    text = f"{type(error).__name__}: {' '.join(str(error).split())}"
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- SQLite ----------------------------------------------------------------------------------


class SQLiteBackend:
    """A SQLite file in WAL mode (several processes may write at once); the salt is a private
    file beside it.

    Args:
        connection: an open connection.
        path: the file, when known (the salt and the doctor's write probe need it).
    """

    kind = "SQLite"
    errors: tuple[type[Exception], ...] = (sqlite3.Error,)

    def __init__(self, connection: sqlite3.Connection, path: Path | None = None) -> None:
        self.connection = connection
        self.path = path
        self.where = str(path) if path is not None else "an open connection"

    @classmethod
    def open(cls, path: Path) -> SQLiteBackend:
        try:
            return cls(_sqlite_connect(path), path)
        except (OSError, sqlite3.Error) as exc:
            raise BackendError(str(exc)) from exc

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        with self.connection:
            yield _SQLiteTransaction(self.connection)

    def read(self, sql: str, parameters: Sequence[Any]) -> list[tuple]:
        return self.connection.execute(sql, parameters).fetchall()

    def salt(self) -> bytes:
        if self.path is None:
            raise BackendError("no file to keep the salt beside")
        try:
            return _salt_beside(self.path)
        except OSError as exc:
            raise BackendError(str(exc)) from exc

    def scrub(self) -> str | None:
        """Move everything into the database file and empty the write-ahead log, so deleted
        rows survive nowhere (`secure_delete` zeroes them in the file itself)."""
        try:
            busy = self.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        except sqlite3.Error as exc:
            return f"the write-ahead log could not be emptied: {exc}"
        if busy:
            return "the write-ahead log could not be emptied: another connection is reading"
        return None

    def write_problem(self, timeout: float) -> str | None:
        """A table created in a transaction that is rolled back, on a connection of its own."""
        try:
            connection = sqlite3.connect(self.path or "", timeout=timeout, isolation_level=None)
        except sqlite3.Error as exc:
            return brief(exc)
        try:
            connection.execute("BEGIN IMMEDIATE")
            try:
                connection.execute("CREATE TABLE wegwijzer_doctor_probe (x INTEGER)")
            finally:
                connection.execute("ROLLBACK")
        except sqlite3.Error as exc:
            return brief(exc)
        finally:
            connection.close()
        return None

    def brief(self, error: BaseException) -> str:
        return brief(error)

    def close(self) -> None:
        self.connection.close()


class _SQLiteTransaction:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> int:
        return self._connection.execute(sql, parameters).rowcount

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self._connection.executemany(sql, rows)

    def insert(self, sql: str, parameters: Sequence[Any]) -> int | None:
        cursor = self._connection.execute(sql, parameters)
        return cursor.lastrowid if cursor.rowcount else None


def _sqlite_connect(path: Path) -> sqlite3.Connection:
    _private_file(path)
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    # Deleted rows are overwritten with zeros, not left in free pages (`forget`, the purge).
    connection.execute("PRAGMA secure_delete = ON")
    connection.execute("PRAGMA journal_mode = WAL")
    # In WAL mode NORMAL cannot corrupt the file; at worst the last writes before a power cut
    # are lost, which a question log can afford, and commits stay fast.
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute("PRAGMA foreign_keys = ON")
    _sqlite_migrate(connection)
    connection.isolation_level = ""  # back to implicit transactions for `with connection:`
    return connection


def _private_file(path: Path) -> None:
    """Create the log's folder (0700) and file (0600) readable by their owner only; SQLite
    gives its -wal and -shm files the database file's permissions. An existing file of ours
    that others could read is tightened."""
    if not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        if path.stat().st_mode & 0o077 and path.stat().st_uid == os.getuid():
            path.chmod(0o600)


def _sqlite_migrate(connection: sqlite3.Connection) -> None:
    """Bring the schema to SCHEMA_VERSION, one migration at a time, each in a transaction;
    PRAGMA user_version records where a file is."""
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise sqlite3.DatabaseError(_newer(version))
    for number in range(version, SCHEMA_VERSION):
        connection.execute("BEGIN IMMEDIATE")
        try:
            for statement in statements(MIGRATIONS[number]):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number + 1}")
            connection.execute("COMMIT")
        except sqlite3.Error:
            connection.execute("ROLLBACK")
            raise


def _salt_beside(path: Path) -> bytes:
    salt_file = path.with_name(path.name + ".salt")
    if salt_file.exists():
        return salt_file.read_bytes().strip()
    if not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True)
    salt = secrets.token_hex(32).encode()
    descriptor = os.open(salt_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(salt)
    return salt


def _newer(version: int) -> str:
    return f"database schema {version} is newer than this Wegwijzer ({SCHEMA_VERSION})"


# --- PostgreSQL ------------------------------------------------------------------------------


class PostgresBackend:
    """A PostgreSQL database shared by bots on several hosts, through psycopg 3.

    One connection in autocommit mode: a write is an explicit transaction, a read a single
    statement, so no transaction stays open between calls. A connection that broke (the server
    restarted) is replaced at the next write or read. The salt is kept in the database
    (`wegwijzer_meta`), so every host computes the same user keys.

    Args:
        url: a ``postgresql://`` URL (libpq's: user, password, host, port, database, options).
    """

    kind = "PostgreSQL"

    def __init__(self, url: str) -> None:
        self.where = postgres_where(url)
        self._url = url
        self._secrets = _url_secrets(url)
        try:
            import psycopg
        except ImportError as exc:
            raise BackendError(MISSING_DRIVER) from exc
        self._psycopg = psycopg
        self.errors: tuple[type[Exception], ...] = (psycopg.Error,)
        self._connection: Any = None
        self._salt = b""

    @classmethod
    def open(cls, url: str) -> PostgresBackend:
        backend = cls(url)
        try:
            backend._connection = backend._connect()
            backend._salt = backend._migrate()
        except backend.errors as exc:
            backend.close()
            raise BackendError(backend.brief(exc)) from None  # the cause could name the URL
        except BackendError:
            backend.close()
            raise
        return backend

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """A transaction begun at its first statement: a server that is gone fails that
        statement, inside the caller's block (which logs it), not the start of the block."""
        transaction = _PostgresTransaction(self._live)
        try:
            yield transaction
        except BaseException as exc:
            transaction.end(exc)
            raise
        transaction.end(None)

    def read(self, sql: str, parameters: Sequence[Any]) -> list[tuple]:
        return self._live().execute(_placeholders(sql), parameters).fetchall()

    def salt(self) -> bytes:
        return self._salt

    def scrub(self) -> str | None:
        """VACUUM the tables rows are deleted from: their space is reclaimed for new rows (a
        plain VACUUM does not lock out writers)."""
        try:
            self._live().execute("VACUUM questions, feedback, interest")
        except self._psycopg.Error as exc:
            return f"deleted rows could not be vacuumed: {self.brief(exc)}"
        return None

    def write_problem(self, timeout: float) -> str | None:
        """A question inserted in a transaction that is rolled back."""
        psycopg = self._psycopg
        try:
            connection = self._live()
            with connection.transaction():
                connection.execute(f"SET LOCAL lock_timeout = {max(1, int(timeout * 1000))}")
                connection.execute(
                    "INSERT INTO questions (asked_at, channel, question, answered, confidence,"
                    " passages) VALUES ('', 'cli', 'wegwijzer doctor', 0, 0, '[]')"
                )
                raise psycopg.Rollback
        except psycopg.Error as exc:
            return self.brief(exc)
        return None

    def brief(self, error: BaseException) -> str:
        text = brief(error)
        for secret in self._secrets:
            text = text.replace(secret, HIDDEN)
        return text

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _connect(self) -> Any:
        connection = self._psycopg.connect(
            self._url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S
        )
        connection.execute(f"SET statement_timeout = {STATEMENT_TIMEOUT_MS}")
        connection.execute(f"SET lock_timeout = {BUSY_TIMEOUT_MS}")
        return connection

    def _live(self) -> Any:
        """The connection; a new one when the last broke (the server restarted, say)."""
        if self._connection is None or self._connection.closed or self._connection.broken:
            self.close()
            self._connection = self._connect()
        return self._connection

    def _migrate(self) -> bytes:
        """Bring the schema to SCHEMA_VERSION and create the salt once, in one transaction
        under an advisory lock, so that bots starting at once do it once; returns the salt."""
        connection = self._connection
        with connection.transaction():
            connection.execute(f"SET LOCAL lock_timeout = '{MIGRATION_LOCK_TIMEOUT_S}s'")
            connection.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            if connection.execute("SELECT to_regclass('wegwijzer_meta')").fetchone()[0] is None:
                connection.execute(
                    "CREATE TABLE wegwijzer_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)"
                )
            meta = dict(connection.execute("SELECT name, value FROM wegwijzer_meta").fetchall())
            version = int(meta.get("schema_version", 0))
            if version > SCHEMA_VERSION:
                raise BackendError(_newer(version))
            for number in range(version, SCHEMA_VERSION):
                for statement in statements(POSTGRES_MIGRATIONS[number]):
                    connection.execute(statement)
            if version < SCHEMA_VERSION:
                _set_meta(connection, "schema_version", str(SCHEMA_VERSION))
            if "salt" not in meta:
                meta["salt"] = secrets.token_hex(32)
                _set_meta(connection, "salt", meta["salt"])
        return meta["salt"].encode()


class _PostgresTransaction:
    """psycopg's transaction block, entered at the first statement and left by `end`."""

    def __init__(self, connect: Callable[[], Any]) -> None:
        self._connect = connect
        self._connection: Any = None
        self._block: Any = None

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> int:
        return self._begun().execute(_placeholders(sql), parameters).rowcount

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self._begun().cursor() as cursor:
            cursor.executemany(_placeholders(sql), rows)

    def insert(self, sql: str, parameters: Sequence[Any]) -> int | None:
        row = self._begun().execute(_placeholders(sql) + " RETURNING id", parameters).fetchone()
        return row[0] if row else None

    def end(self, error: BaseException | None) -> None:
        """Commit (no `error`) or roll back what was begun."""
        if self._block is not None:
            block, self._block = self._block, None
            if error is None:
                block.__exit__(None, None, None)
            else:
                block.__exit__(type(error), error, error.__traceback__)

    def _begun(self) -> Any:
        if self._connection is None:
            connection = self._connect()
            block = connection.transaction()
            block.__enter__()
            self._connection, self._block = connection, block
        return self._connection


def _set_meta(connection: Any, name: str, value: str) -> None:
    connection.execute(
        "INSERT INTO wegwijzer_meta (name, value) VALUES (%s, %s)"
        " ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        (name, value),
    )


def _placeholders(sql: str) -> str:
    """The store's `?` placeholders as psycopg's `%s` (the store's SQL holds no other `?`)."""
    return sql.replace("?", "%s")


def postgres_where(url: str) -> str:
    """HOST:PORT/DATABASE of a PostgreSQL URL, for messages: never the user or password."""
    parts = urllib.parse.urlsplit(url)
    query = urllib.parse.parse_qs(parts.query)
    try:
        host, port = parts.hostname, parts.port
    except ValueError:  # a port that is not a number: libpq will say so
        host, port = None, None
    host = host or (query.get("host") or ["localhost"])[0]
    if ":" in host:
        host = f"[{host}]"
    database = urllib.parse.unquote(parts.path.lstrip("/")) or "(the user's database)"
    return f"{host}:{port}/{database}" if port else f"{host}/{database}"


def _url_secrets(url: str) -> list[str]:
    """The password of a URL, as written and decoded (in the user part or `?password=`)."""
    parts = urllib.parse.urlsplit(url)
    found = [parts.password or ""]
    for key, value in urllib.parse.parse_qsl(parts.query, keep_blank_values=False):
        if key == "password":
            found.append(value)
    found += [urllib.parse.unquote(s) for s in found] + [urllib.parse.quote(s) for s in found]
    return sorted({s for s in found if s}, key=len, reverse=True)
