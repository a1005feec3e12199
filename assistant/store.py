"""The question and feedback log: pseudonymous, purged after a retention period.

What is stored (see README, "Privacy"): per question the time (UTC), the channel, a pseudonymous
user key (a salted hash; never a raw user id or name), the question text, whether it was
answered, the outcome (answered, partial, not answered, smalltalk) and whether the answer
carried a caution, the confidence and the passage ids returned; per feedback the vote, an
optional reason from a short list, the passage and the question it belongs to; per interest
shown in a passage (opened in full, or picked when asked which one was meant) the passage, the
kind and the question. Nothing else. Curators' decisions on suggested example questions are kept
apart (`curation`): a key derived from a passage id and a question, never the text or a user.

The log is a SQLite file by default, or a PostgreSQL database shared by bots on several hosts
(`WEGWIJZER_DB=postgresql://...`, the `postgres` extra); `assistant.backends` holds what
differs, so the schema, retention, `forget` and the pseudonyms are the same on both.

A store never breaks an answer: every failure (a corrupt or read-only file, a locked database,
an unreachable server) is logged and the write is skipped. Several processes may write at once
(SQLite in WAL mode; PostgreSQL).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import logging
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from assistant.backends import (
    NOT_A_LOCATION,
    NOT_A_URL,
    Backend,
    BackendError,
    BackendPaused,
    SQLiteBackend,
    Transaction,
    is_postgres,
    is_refused,
    open_backend,
    where,
)
from assistant.models import Answer, Channel, Reason, choice_problem
from assistant.schema import MIGRATIONS as MIGRATIONS  # re-exported: tests build old files
from assistant.schema import SCHEMA_VERSION as SCHEMA_VERSION

logger = logging.getLogger(__name__)


class Interest(StrEnum):
    """How a user showed interest in a passage: the `interest` table's `kind`."""

    MORE = "more"  # opened the passage in full from an answer
    CHOICE = "choice"  # picked this passage when asked which one was meant


class Curation(StrEnum):
    """A curator's decision on a suggested example question: the `curation` table's
    `decision`."""

    ACCEPTED = "accepted"
    REJECTED = "rejected"


CHANNELS = tuple(Channel)
REASONS = tuple(Reason)
INTERESTS = tuple(Interest)
DECISIONS = tuple(Curation)
DEFAULT_RETENTION_DAYS = 90
PURGE_EVERY = dt.timedelta(hours=1)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class StoredQuestion:
    id: int
    asked_at: str
    channel: str
    user_key: str | None
    question: str
    answered: bool
    confidence: float
    passages: tuple[str, ...]
    outcome: str = ""
    unsure: bool = False


@dataclass(frozen=True)
class StoredFeedback:
    id: int
    question_id: int | None
    given_at: str
    vote: int
    reason: str | None
    passage_id: str | None


@dataclass(frozen=True)
class StoredInterest:
    id: int
    question_id: int
    given_at: str
    passage_id: str
    kind: str


class StoreError(RuntimeError):
    """The question log could not do what was asked (forget a user); the reason is logged."""


class Store:
    """The question log. Open it with `Store.open`; a store that cannot open is disabled.

    Args:
        connection: the open log: a `Backend` (SQLite or PostgreSQL) or a SQLite connection;
            None: disabled, every call is a no-op.
        salt: the secret that makes user keys unlinkable to raw ids.
        retention_days: questions and feedback older than this are purged automatically.
        clock: returns the current UTC time (injected in tests).
    """

    def __init__(
        self,
        connection: Backend | sqlite3.Connection | None,
        *,
        salt: bytes,
        retention_days: int = DEFAULT_RETENTION_DAYS,
        clock: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        if retention_days < 1:
            raise ValueError(f"retention_days must be at least 1; got {retention_days}")
        if isinstance(connection, sqlite3.Connection):
            connection = SQLiteBackend(connection)
        self._db: Backend | None = connection
        self._salt = salt
        self.retention_days = retention_days
        self._clock = clock
        self._last_purge: dt.datetime | None = None

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        salt: bytes | None = None,
        retention_days: int = DEFAULT_RETENTION_DAYS,
        clock: Callable[[], dt.datetime] = utc_now,
    ) -> Store:
        """Open (creating and migrating) the log at `path`, a SQLite file or a
        ``postgresql://`` URL; purge what is past retention.

        The salt, when not given, is read from (or generated once into) `<path>.salt` beside a
        SQLite file, or the database's `wegwijzer_meta` table. A log that cannot be opened gives
        a disabled store and a logged error (without the URL's password), never an exception.
        """
        # A refused value stays a string: a Path would fold its "//".
        location = path if is_postgres(path) or is_refused(path) else Path(path)
        try:
            backend = open_backend(location)
        except BackendError as exc:
            if str(exc) in (NOT_A_LOCATION, NOT_A_URL):  # the value itself is not repeated
                logger.error("question log disabled: %s", exc)
            else:
                logger.error("question log disabled: cannot open %s: %s", where(location), exc)
            return cls(None, salt=salt or b"", retention_days=retention_days, clock=clock)
        try:
            salt = salt or backend.salt()
        except BackendError as exc:
            logger.error("question log disabled: no salt for %s: %s", backend.where, exc)
            backend.close()
            return cls(None, salt=b"", retention_days=retention_days, clock=clock)
        store = cls(backend, salt=salt, retention_days=retention_days, clock=clock)
        store.purge()
        return store

    @classmethod
    def disabled(cls) -> Store:
        """The log switched off: every write is a no-op and every read is empty."""
        return cls(None, salt=b"")

    @property
    def enabled(self) -> bool:
        return self._db is not None

    @property
    def location(self) -> str:
        """Which log, for a message: "SQLite at PATH", "PostgreSQL at HOST:PORT/DB" (never a
        password) or "off" (also when it could not be opened)."""
        return "off" if self._db is None else f"{self._db.kind} at {self._db.where}"

    def write_problem(self, timeout: float) -> str | None:
        """Why a write to the log fails, waiting at most `timeout` seconds for another
        writer's lock; None when it succeeds. The write is rolled back: nothing is left."""
        if self._db is None:
            return "the question log is disabled"
        return self._db.write_problem(timeout)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def user_key(self, channel: str, raw_id: object) -> str:
        """The pseudonymous key of a platform user: a salted hash, the same for every message."""
        message = f"{channel}:{raw_id}".encode()
        return hmac.new(self._salt, message, hashlib.sha256).hexdigest()[:24]

    def record_question(self, channel: str, user_key: str | None, answer: Answer) -> int | None:
        """Log a question and its answer; returns its id (None when the write failed)."""
        if problem := choice_problem(channel, CHANNELS):
            raise ValueError(f"channel {problem}")
        if not self.enabled:
            return None
        now = self._clock()
        question_id = None
        with self._write("record a question") as db:
            question_id = db.insert(
                "INSERT INTO questions (asked_at, channel, user_key, question, answered,"
                " confidence, passages, outcome, unsure) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    _iso(now),
                    channel,
                    user_key,
                    answer.question,
                    int(answer.answered),
                    answer.confidence,
                    json.dumps([p.id for p in answer.passages]),
                    answer.outcome,
                    int(answer.unsure),
                ),
            )
            if self._last_purge is None or now - self._last_purge >= PURGE_EVERY:
                self._purge(db, now)
        return question_id if db.ok else None

    def record_feedback(
        self,
        question_id: int | None,
        positive: bool,
        *,
        passage_id: str | None = None,
        reason: str | None = None,
    ) -> int | None:
        """Log a 👍 or 👎; returns the feedback id (None when the write failed)."""
        _check_reason(reason)
        if not self.enabled:
            return None
        feedback_id = None
        with self._write("record feedback") as db:
            # The casts tell PostgreSQL the parameters' types, which a SELECT does not.
            feedback_id = db.insert(
                "INSERT INTO feedback (question_id, given_at, vote, reason, passage_id)"
                " SELECT CAST(? AS BIGINT), ?, ?, ?, ? WHERE CAST(? AS BIGINT) IS NULL OR EXISTS"
                " (SELECT 1 FROM questions WHERE id = ?)",
                (
                    question_id,
                    _iso(self._clock()),
                    1 if positive else -1,
                    reason,
                    passage_id,
                    question_id,
                    question_id,
                ),
            )
        return feedback_id if db.ok else None

    def record_interest(self, question_id: int, passage_id: str, kind: str) -> bool:
        """Log that the user who asked a question showed interest in a passage (`Interest`:
        opened it in full, or picked it); True when written. A question that is not (or no
        longer) in the log gets nothing, and a failed write is logged, never raised."""
        if problem := choice_problem(kind, INTERESTS):
            raise ValueError(f"kind {problem}")
        if not self.enabled:
            return False
        written = False
        with self._write("record interest") as db:
            written = (
                db.execute(
                    "INSERT INTO interest (question_id, given_at, passage_id, kind)"
                    " SELECT CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT)"
                    " WHERE EXISTS (SELECT 1 FROM questions WHERE id = ?)",
                    (question_id, _iso(self._clock()), passage_id, kind, question_id),
                )
                == 1
            )
        return written and db.ok

    def decide(self, keys: Iterable[str], decision: str) -> int:
        """Record a curator's decision (`Curation`) for suggestion keys, replacing an earlier
        one; returns how many keys.

        Raises:
            StoreError: the log could not be changed; nothing was recorded.
        """
        if problem := choice_problem(decision, DECISIONS):
            raise ValueError(f"decision {problem}")
        rows = [(key, decision, _iso(self._clock())) for key in dict.fromkeys(keys)]
        if not self.enabled:
            raise StoreError("the question log is disabled")
        with self._write("record a decision", strict=True) as db:
            db.executemany(
                "INSERT INTO curation (suggestion_key, decision, decided_at) VALUES (?, ?, ?)"
                " ON CONFLICT (suggestion_key) DO UPDATE"
                " SET decision = excluded.decision, decided_at = excluded.decided_at",
                rows,
            )
        return len(rows)

    def set_reason(self, feedback_id: int, reason: str) -> bool:
        """Add the reason, chosen after a 👎, to that feedback."""
        _check_reason(reason)
        if not self.enabled:
            return False
        changed = False
        with self._write("record a reason") as db:
            changed = (
                db.execute("UPDATE feedback SET reason = ? WHERE id = ?", (reason, feedback_id))
                == 1
            )
        return changed and db.ok

    def forget(self, user_key: str) -> int:
        """Delete every question (and its feedback and interest) of a user; returns how many
        questions. In SQLite no copy is left in the database file or its write-ahead log; in
        PostgreSQL the tables are vacuumed (see README, "Privacy"). Curators' decisions stay:
        they hold neither text nor user.

        Raises:
            StoreError: the log could not be changed (locked, read-only, corrupt): nothing was
                forgotten, and the caller must say so.
        """
        if not self.enabled:
            return 0
        with self._write("forget a user", strict=True) as db:
            for table in ("feedback", "interest"):
                db.execute(
                    f"DELETE FROM {table} WHERE question_id IN"
                    " (SELECT id FROM questions WHERE user_key = ?)",
                    (user_key,),
                )
            deleted = db.execute("DELETE FROM questions WHERE user_key = ?", (user_key,))
        if deleted:  # their feedback and interest went with them; nothing else was deleted
            self._scrub()
        return deleted

    def purge(self) -> int:
        """Delete what is older than the retention period; returns how many questions."""
        if not self.enabled:
            return 0
        deleted = rows = 0
        with self._write("purge old questions") as db:
            deleted, rows = self._purge(db, self._clock())
        if not db.ok:
            return 0
        if rows:  # a VACUUM at every start, with nothing deleted, costs for nothing
            self._scrub()
        return deleted

    def questions(self, since: dt.datetime | None = None) -> list[StoredQuestion]:
        """Logged questions, oldest first (empty when the store is disabled)."""
        rows = self._read(
            "SELECT id, asked_at, channel, user_key, question, answered, confidence, passages,"
            " outcome, unsure FROM questions WHERE asked_at >= ? ORDER BY asked_at, id",
            (_iso(since) if since else "",),
        )
        return [
            StoredQuestion(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                bool(r[5]),
                r[6],
                tuple(json.loads(r[7])),
                r[8],
                bool(r[9]),
            )
            for r in rows
        ]

    def feedback(self, since: dt.datetime | None = None) -> list[StoredFeedback]:
        rows = self._read(
            "SELECT id, question_id, given_at, vote, reason, passage_id FROM feedback"
            " WHERE given_at >= ? ORDER BY given_at, id",
            (_iso(since) if since else "",),
        )
        return [StoredFeedback(*row) for row in rows]

    def interest(self, since: dt.datetime | None = None) -> list[StoredInterest]:
        """Interest shown in passages, oldest first (empty when the store is disabled)."""
        rows = self._read(
            "SELECT id, question_id, given_at, passage_id, kind FROM interest"
            " WHERE given_at >= ? ORDER BY given_at, id",
            (_iso(since) if since else "",),
        )
        return [StoredInterest(*row) for row in rows]

    def decisions(self) -> dict[str, str]:
        """Every curator decision: suggestion key -> `Curation` value."""
        rows = self._read("SELECT suggestion_key, decision FROM curation", ())
        return dict(rows)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def _purge(self, db: Transaction, now: dt.datetime) -> tuple[int, int]:
        """Delete what is past retention; (questions deleted, rows deleted in all)."""
        cutoff = _iso(now - dt.timedelta(days=self.retention_days))
        rows = db.execute("DELETE FROM feedback WHERE given_at < ?", (cutoff,))
        rows += db.execute("DELETE FROM interest WHERE given_at < ?", (cutoff,))
        deleted = db.execute("DELETE FROM questions WHERE asked_at < ?", (cutoff,))
        self._last_purge = now
        return deleted, rows + deleted

    @contextmanager
    def _write(self, what: str, *, strict: bool = False) -> Iterator[_Write]:
        """A transaction whose failure, of any kind, is logged and swallowed: the answer matters
        more than its log line. With `strict` the failure is raised as `StoreError` instead.

        What it yields is `ok` once the transaction is committed: a failure anywhere, the
        commit included, leaves it False, and callers return no id for a row rolled back.
        Only entered when the store is enabled (callers check `enabled` first).
        """
        assert self._db is not None, "callers check that the store is enabled"
        try:
            with self._db.transaction() as db:
                write = _Write(db)
                yield write
            write.ok = True
        except Exception as exc:  # a surrogate in a question, a huge id, a locked file ...
            reason = self._db.brief(exc)
            if isinstance(exc, BackendPaused) and not strict:  # the failure was logged once
                logger.debug("question log: skipped: %s", reason)
                return
            logger.warning("question log: could not %s: %s", what, reason)
            if strict:
                raise StoreError(f"could not {what}: {reason}") from None

    def _scrub(self) -> None:
        """Clear what deleted rows leave behind (the backend's `scrub`); a failure is logged."""
        assert self._db is not None
        if problem := self._db.scrub():
            logger.warning("question log: %s", problem)

    def _read(self, sql: str, parameters: tuple) -> list[tuple]:
        if self._db is None:
            return []
        try:
            return self._db.read(sql, parameters)
        except BackendPaused as exc:
            logger.debug("question log: skipped a read: %s", exc)
            return []
        except self._db.errors as exc:
            logger.warning("question log: could not read: %s", self._db.brief(exc))
            return []


class _Write:
    """The statements of one logged write (a `Transaction`); `ok` is set once it is
    committed. A NUL character in a text parameter becomes U+FFFD on both back-ends
    (PostgreSQL refuses NUL in text; SQLite would keep it), so both store the same."""

    def __init__(self, db: Transaction) -> None:
        self._db = db
        self.ok = False

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> int:
        return self._db.execute(sql, _without_nul(parameters))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self._db.executemany(sql, [_without_nul(row) for row in rows])

    def insert(self, sql: str, parameters: Sequence[Any]) -> int | None:
        return self._db.insert(sql, _without_nul(parameters))


def _without_nul(parameters: Sequence[Any]) -> tuple[Any, ...]:
    return tuple(p.replace("\x00", "\ufffd") if isinstance(p, str) else p for p in parameters)


def default_path(environ: Mapping[str, str]) -> Path:
    """Where the log lives by default: the user's data directory."""
    base = environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "wegwijzer" / "wegwijzer.db"


def missing_log(environ: Mapping[str, str]) -> Path | None:
    """The SQLite file the environment names (WEGWIJZER_DB, else `default_path`) when it does
    not exist; None when it does, or when the log is off or not a file (PostgreSQL).

    Opening a log creates it; a curator's command that only reads one asks this first, so a
    mistyped WEGWIJZER_DB is reported instead of answered from a new, empty log.
    """
    location = environ.get("WEGWIJZER_DB", "").strip()
    if location.lower() == "off" or is_postgres(location) or is_refused(location):
        return None
    path = Path(location) if location else default_path(environ)
    return None if path.exists() else path


def store_from_environment(environ: Mapping[str, str]) -> Store:
    """The store the CLI and the bots use: WEGWIJZER_DB (a SQLite path, a ``postgresql://``
    URL, or ``off``, which disables), WEGWIJZER_SALT,
    WEGWIJZER_RETENTION_DAYS. A log that is off is a disabled store (`Store.disabled`); so is
    one whose WEGWIJZER_DB looks like another connection string (``mysql://``, ``host=...
    password=...``): it is refused with a logged error that does not repeat it."""
    location = environ.get("WEGWIJZER_DB", "").strip()
    if location.lower() == "off":
        return Store.disabled()
    salt = environ.get("WEGWIJZER_SALT", "").encode() or None
    try:
        days = int(environ.get("WEGWIJZER_RETENTION_DAYS") or DEFAULT_RETENTION_DAYS)
    except ValueError:
        logger.error(
            "WEGWIJZER_RETENTION_DAYS is not a whole number; using %d", DEFAULT_RETENTION_DAYS
        )
        days = DEFAULT_RETENTION_DAYS
    return Store.open(
        location or default_path(environ),
        salt=salt,
        retention_days=max(1, days),
    )


def _check_reason(reason: str | None) -> None:
    if reason is not None and (problem := choice_problem(reason, REASONS)):
        raise ValueError(f"reason {problem}")


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")
