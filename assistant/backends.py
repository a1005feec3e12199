"""Where the question log lives: a SQLite file (the default) or a PostgreSQL database.

`Store` speaks one SQL to both: `?` placeholders (made `%s` for PostgreSQL), a cast where
PostgreSQL cannot infer a parameter's type, and `ON CONFLICT` upserts, which SQLite has too.
What differs lives here, behind `Backend`: connecting, the schema version and its migrations,
the id of a new row, where the salt is kept, and what follows a delete.

A PostgreSQL URL may hold a password: it never reaches a message. The URL is read by libpq's
own parser (Python's reads some URLs differently, and would show part of a password as a host);
`where` names the host, port and database only; `brief` hides every password (the URL's, its
``sslpassword``, ``PGPASSWORD``, the URL's raw user part) should a driver message repeat it. A
value that looks like a connection string but is not a ``postgresql://`` URL is refused, never
taken for a file name, and an unparsable or ambiguous URL is refused without being repeated.
"""

from __future__ import annotations

import os
import re
import secrets
import sqlite3
import time
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
# A server that stops answering (a hung host, a cut network) is noticed within seconds, not
# after the kernel's minutes of retransmissions: TCP keepalives, and unacknowledged data given
# up after tcp_user_timeout (ms).
KEEPALIVES = {
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
    "tcp_user_timeout": 5000,
}
# After a failed reconnect no new attempt is made for this long: writes are skipped (without a
# log line each) rather than each waiting up to CONNECT_TIMEOUT_S on the bot's event loop.
RECONNECT_BACKOFF_S = 30.0
# A PostgreSQL statement that runs longer is cancelled (and the write skipped): a log write
# takes milliseconds, so this only trips on a server in trouble.
STATEMENT_TIMEOUT_MS = 5000
# Bots that start at once take turns to migrate; the first does the work. The migration's
# statements may take longer than a log write's STATEMENT_TIMEOUT_MS (which would otherwise cut
# the wait for the lock short, leaving the log disabled for the life of the process).
MIGRATION_LOCK_TIMEOUT_S = 30
MIGRATION_STATEMENT_TIMEOUT_S = 120
MIGRATION_LOCK = 0x5765_6777  # an arbitrary key for pg_advisory_xact_lock ("Wegw")
HIDDEN = "[password hidden]"
MISSING_DRIVER = "the PostgreSQL log needs psycopg: pip install 'wegwijzer[postgres]'"
NOT_A_LOCATION = "WEGWIJZER_DB is neither a file path nor a postgresql:// URL"
NOT_A_URL = "WEGWIJZER_DB is not a valid PostgreSQL URL"
UNPARSABLE = "(unparsable URL)"
# A libpq keyword/value connection string ("host=... password=..."): not a file name.
_KEYWORDS = re.compile(r"\b(password|host|dbname|user|port)\s*=", re.IGNORECASE)


class BackendError(RuntimeError):
    """The log cannot be opened; the message is one line and holds no password."""


class BackendPaused(BackendError):
    """The server was unreachable a moment ago: no new connection is tried yet."""


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


def is_refused(location: Path | str) -> bool:
    """Whether `location` looks like a connection string (any other ``scheme://``, or libpq's
    ``host=... password=...``) but is not a PostgreSQL URL: it is refused, never taken for a
    file name (which would put a password in a file name and in messages)."""
    if is_postgres(location):
        return False
    text = str(location)
    return "://" in text or _KEYWORDS.search(text) is not None


def where(location: Path | str) -> str:
    """The log for a message: its path, or HOST:PORT/DATABASE of a URL (never a password);
    "(unparsable URL)" for a URL libpq cannot read, "(not shown)" for a refused value."""
    if is_postgres(location):
        try:
            return parse_url(str(location))[0]
        except ImportError:
            return "(a URL not read: psycopg is not installed)"
        except Exception:
            return UNPARSABLE
    return "(not shown)" if is_refused(location) else str(location)


def describe(location: Path | str) -> str:
    """What a message calls the log: "SQLite at PATH", "PostgreSQL at HOST:PORT/DB" or
    "PostgreSQL (unparsable URL)"."""
    if is_postgres(location):
        place = where(location)
        return f"PostgreSQL {place}" if place.startswith("(") else f"PostgreSQL at {place}"
    return f"SQLite at {where(location)}"


def open_backend(location: Path | str) -> Backend:
    """Open (creating and migrating) the log at a SQLite path or a PostgreSQL URL.

    Raises:
        BackendError: it cannot be opened (unreachable, refused, a newer schema, no driver,
            not a path or a URL); the message never repeats the URL.
    """
    if is_postgres(location):
        try:
            import psycopg  # noqa: F401
        except ImportError:
            raise BackendError(MISSING_DRIVER) from None
        try:
            backend = PostgresBackend(str(location))
        except Exception:  # a driver's or urllib's message may quote the URL: never repeated
            raise BackendError(NOT_A_URL) from None
        return backend.open()
    if is_refused(location):
        raise BackendError(NOT_A_LOCATION)
    return SQLiteBackend.open(Path(location))


def brief(error: BaseException, limit: int = 200, hide: Sequence[str] = ()) -> str:
    """An exception for a log line: its type and message on one line, every string in `hide`
    replaced (before shortening, so no part of one survives), shortened to `limit`."""
    text = str(error)
    for secret in hide:  # as written, then as on one line (a secret may hold spaces)
        text = text.replace(secret, HIDDEN)
    text = " ".join(text.split())
    for secret in hide:
        text = text.replace(" ".join(secret.split()), HIDDEN) if secret.strip() else text
    text = f"{type(error).__name__}: {text}"
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
        """Read the URL (not yet connecting).

        Raises:
            ImportError: psycopg is not installed.
            ValueError: libpq cannot read the URL, or reads it ambiguously (an unencoded @ or
                / in the password); the message never repeats it.
        """
        import psycopg

        self.where, self._secrets = parse_url(url)
        self._url = url
        self._psycopg = psycopg
        self.errors: tuple[type[Exception], ...] = (psycopg.Error, BackendError)
        self._connection: Any = None
        self._salt = b""
        self.clock: Callable[[], float] = time.monotonic  # replaced in tests
        self._retry_at = 0.0  # no reconnect before this `clock` time

    def open(self) -> PostgresBackend:
        """Connect and migrate; returns itself.

        Raises:
            BackendError: it cannot be opened; the message holds no password.
        """
        backend = self
        try:
            backend._connection = backend._connect()
            backend._salt = backend._migrate()
        except BackendError:
            backend.close()
            raise
        except backend.errors as exc:
            backend.close()
            raise BackendError(backend.brief(exc)) from None  # the cause could name the URL
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
        except self.errors as exc:
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
        except (psycopg.Error, BackendError) as exc:
            return self.brief(exc)
        return None

    def brief(self, error: BaseException) -> str:
        return brief(error, hide=self._secrets)

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _connect(self) -> Any:
        connection = self._psycopg.connect(
            self._url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S, **KEEPALIVES
        )
        connection.execute(f"SET statement_timeout = {STATEMENT_TIMEOUT_MS}")
        connection.execute(f"SET lock_timeout = {BUSY_TIMEOUT_MS}")
        return connection

    def _live(self) -> Any:
        """The connection; a new one when the last broke (the server restarted, say).

        Raises:
            BackendPaused: a reconnect failed less than RECONNECT_BACKOFF_S ago.
            psycopg.Error: the reconnect failed (none is tried for RECONNECT_BACKOFF_S).
        """
        if self._connection is None or self._connection.closed or self._connection.broken:
            self.close()
            if self.clock() < self._retry_at:
                raise BackendPaused(
                    f"{self.where} was unreachable; no new connection for "
                    f"{self._retry_at - self.clock():.0f} s"
                )
            try:
                self._connection = self._connect()
            except self._psycopg.Error:
                self._retry_at = self.clock() + RECONNECT_BACKOFF_S
                raise
        return self._connection

    def _migrate(self) -> bytes:
        """Bring the schema to SCHEMA_VERSION and create the salt once, in one transaction
        under an advisory lock, so that bots starting at once do it once; returns the salt."""
        connection = self._connection
        with connection.transaction():
            connection.execute(f"SET LOCAL statement_timeout = '{MIGRATION_STATEMENT_TIMEOUT_S}s'")
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


def parse_url(url: str) -> tuple[str, list[str]]:
    """HOST:PORT/DATABASE of a PostgreSQL URL, read by libpq's own parser (what it will
    connect to), and the secrets to hide (`database_secrets`).

    Raises:
        ImportError: psycopg is not installed.
        ValueError: libpq cannot read the URL, or reads an unencoded @ or / in the user part
            as part of the host, port or database; the message never repeats the URL.
    """
    from psycopg.conninfo import conninfo_to_dict

    try:
        parts = conninfo_to_dict(url)
    except Exception:
        raise ValueError("libpq cannot read the URL") from None
    authority = url.split("://", 1)[1].split("?", 1)[0]
    host = str(parts.get("host") or parts.get("hostaddr") or "localhost")
    port, database = str(parts.get("port") or ""), str(parts.get("dbname") or "")
    ambiguous = authority.count("@") > 1 or "/" in authority.rpartition("@")[0]
    if ambiguous or "@" in host + database or not all(p.isdigit() for p in port.split(",") if p):
        raise ValueError("an unencoded @ or / in the URL's user part")
    if ":" in host and not host.startswith("/"):
        host = f"[{host}]"
    shown = f"{host}:{port}/" if port else f"{host}/"
    shown += database or "(the user's database)"
    hidden = database_secrets(url)
    for secret in hidden:
        shown = shown.replace(secret, HIDDEN)
    return shown, hidden


def postgres_where(url: str) -> str:
    """HOST:PORT/DATABASE of a PostgreSQL URL, for messages: never the user or password;
    "(unparsable URL)" when libpq cannot read it."""
    try:
        return parse_url(url)[0]
    except Exception:
        return UNPARSABLE


def database_secrets(value: str) -> list[str]:
    """What to hide from messages about a log at `value` (a URL or libpq connection string),
    longest first: the password and ``sslpassword`` as libpq reads them, ``PGPASSWORD``, and
    the raw text between ``://`` and the last ``@`` (a password libpq would read differently),
    each as written and decoded. Never raises."""
    found = [os.environ.get("PGPASSWORD", "")]
    try:
        from psycopg.conninfo import conninfo_to_dict

        parts = conninfo_to_dict(value)
        found += [str(parts.get("password") or ""), str(parts.get("sslpassword") or "")]
    except Exception:  # not installed, or not readable: the raw parts below still count
        pass
    if "://" in value:
        rest = value.split("://", 1)[1]
        user_part = rest.rpartition("@")[0]
        if ":" in user_part:  # a password (a user name alone is no secret: often the database's)
            found += [user_part, user_part.partition(":")[2]]
    found += re.findall(r"[?&](?:ssl)?password=([^&]*)", value)
    decoded = [urllib.parse.unquote(s) for s in found]
    decoded += [urllib.parse.unquote_plus(s) for s in found]
    return sorted({s for s in found + decoded if s}, key=len, reverse=True)
