"""The question log, on both back-ends: every test that takes `log_at` runs against a SQLite
file and against a fresh PostgreSQL database on the session's server (tests/postgres.py)."""

import dataclasses
import datetime as dt
import logging
import multiprocessing
import sqlite3
import stat
import sys
import threading
import time
from contextlib import contextmanager

import psycopg
import pytest

from assistant import cli
from assistant.backends import (
    PostgresBackend,
    database_secrets,
    describe,
    is_postgres,
    postgres_where,
    where,
)
from assistant.schema import POSTGRES_MIGRATIONS
from assistant.store import (
    MIGRATIONS,
    SCHEMA_VERSION,
    Curation,
    Interest,
    Store,
    StoreError,
    store_from_environment,
)
from tests.bots.process import free_port
from tests.conftest import unanswered
from tests.fakes.clock import Clock

T0 = dt.datetime(2026, 11, 1, 12, 0, tzinfo=dt.UTC)


def test_a_new_file_is_created_at_the_current_schema_in_wal_mode(tmp_path):
    store = Store.open(tmp_path / "new" / "log.db")
    assert store.enabled
    db = sqlite3.connect(tmp_path / "new" / "log.db")
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"questions", "feedback"} <= tables


def test_an_empty_existing_log_is_migrated_and_reopening_is_harmless(log_at, assistant):
    path = log_at()
    if not is_postgres(path):
        sqlite3.connect(path).close()  # an empty database at schema version 0
    store = Store.open(path)
    store.record_question("cli", None, assistant.ask("wat is vlaio"))
    store.close()
    again = Store.open(path)
    assert len(again.questions()) == 1


def _set_version(location, version: int) -> None:
    """Make a log claim schema `version` (SQLite: user_version; PostgreSQL: wegwijzer_meta)."""
    if is_postgres(location):
        Store.open(location).close()
        with psycopg.connect(location, autocommit=True) as db:
            db.execute(
                "UPDATE wegwijzer_meta SET value = %s WHERE name = 'schema_version'",
                (str(version),),
            )
    else:
        db = sqlite3.connect(location)
        db.execute(f"PRAGMA user_version = {version}")
        db.close()


def test_a_newer_schema_disables_the_store_instead_of_failing(log_at, caplog):
    path = log_at()
    _set_version(path, SCHEMA_VERSION + 1)
    with caplog.at_level(logging.ERROR):
        store = Store.open(path)
    assert not store.enabled
    assert "newer than this Wegwijzer" in caplog.text


def test_a_question_and_its_feedback_are_recorded(log_at, assistant):
    store = Store.open(log_at(), clock=Clock(T0))
    answer = assistant.ask("wat is de winwinlening")
    key = store.user_key("telegram", 123456)
    question_id = store.record_question("telegram", key, answer)
    feedback_id = store.record_feedback(question_id, False, passage_id="winwinlening")
    assert store.set_reason(feedback_id, "verouderd")
    [question] = store.questions()
    assert question.asked_at == "2026-11-01T12:00:00+00:00"
    assert question.passages == tuple(p.id for p in answer.passages)
    assert question.answered and question.confidence == answer.confidence
    [feedback] = store.feedback()
    assert (feedback.question_id, feedback.vote, feedback.reason) == (question_id, -1, "verouderd")
    assert store.record_feedback(None, True) is not None  # feedback on no logged question
    assert store.record_feedback(question_id + 99, True) is None  # on one that is not there


def test_user_keys_are_salted_stable_and_never_the_raw_id(log_at):
    one = Store.open(log_at("a"))
    other = Store.open(log_at("b"))
    key = one.user_key("telegram", 123456)
    assert key == one.user_key("telegram", 123456)
    assert key != one.user_key("discord", 123456)
    assert key != other.user_key("telegram", 123456)  # a different salt
    assert "123456" not in key


def test_the_salt_is_generated_once_beside_the_database_and_private(tmp_path):
    first = Store.open(tmp_path / "log.db").user_key("cli", 1)
    salt_file = tmp_path / "log.db.salt"
    assert stat.S_IMODE(salt_file.stat().st_mode) == 0o600
    assert Store.open(tmp_path / "log.db").user_key("cli", 1) == first


def test_retention_purges_old_questions_and_feedback(log_at, assistant):
    clock = Clock(T0)
    store = Store.open(log_at(), retention_days=90, clock=clock)
    old = store.record_question("api", None, assistant.ask("wat is vlaio"))
    store.record_feedback(old, True)
    clock.advance(days=91)
    store.record_question("api", None, assistant.ask("wat is pmv"))  # purges on the way
    assert [q.question for q in store.questions()] == ["wat is pmv"]
    assert store.feedback() == []


def test_forget_deletes_everything_of_one_user(log_at, assistant):
    store = Store.open(log_at())
    ann, bob = store.user_key("discord", 1), store.user_key("discord", 2)
    asked = store.record_question("discord", ann, assistant.ask("wat is vlaio"))
    store.record_feedback(asked, True)
    store.record_question("discord", bob, assistant.ask("wat is pmv"))
    assert store.forget(ann) == 1
    assert [q.user_key for q in store.questions()] == [bob]
    assert store.feedback() == []
    assert [q.user_key for q in Store.open(log_at()).questions()] == [bob]  # another connection


def _writer(barrier, path: str, n: int) -> None:
    from assistant.models import Answer

    barrier.wait(timeout=60)
    store = Store.open(path)
    for i in range(n):
        answer = Answer(question=f"vraag {i}", answered=True, confidence=1.0, message="")
        assert store.record_question("telegram", None, answer) is not None


def test_two_processes_writing_at_once_lose_nothing(log_at):
    path = str(log_at())
    Store.open(path).close()
    _run_at_once(_writer, (path, 150), processes=2)
    questions = Store.open(path).questions()
    assert len(questions) == 300 and len({q.id for q in questions}) == 300


def test_a_read_only_database_logs_the_failure_and_goes_on(tmp_path, caplog):
    path = tmp_path / "log.db"
    Store.open(path).close()
    store = Store(sqlite3.connect(f"file:{path}?mode=ro", uri=True), salt=b"s")
    with caplog.at_level(logging.WARNING):
        assert store.record_question("cli", None, unanswered()) is None
    assert "could not record a question" in caplog.text


def test_environment_configuration_of_a_postgresql_log(postgres_server):
    url = postgres_server.create_database()
    secret = postgres_server.password  # the URL carries it; the server checks it
    store = store_from_environment({"WEGWIJZER_DB": url, "WEGWIJZER_SALT": "zout"})
    assert store.enabled
    assert store.location == f"PostgreSQL at 127.0.0.1:{postgres_server.port}/{url.split('/')[-1]}"
    assert secret not in store.location
    assert store.user_key("cli", 1) == Store.open(url, salt=b"zout").user_key("cli", 1)


def test_environment_configuration(tmp_path):
    assert not store_from_environment({"WEGWIJZER_DB": "off"}).enabled
    store = store_from_environment(
        {
            "WEGWIJZER_DB": str(tmp_path / "x.db"),
            "WEGWIJZER_SALT": "zout",
            "WEGWIJZER_RETENTION_DAYS": "30",
        }
    )
    assert store.enabled and store.retention_days == 30
    assert store.user_key("cli", 1) == Store.open(tmp_path / "y.db", salt=b"zout").user_key(
        "cli", 1
    )
    defaulted = store_from_environment({"XDG_DATA_HOME": str(tmp_path / "data")})
    assert defaulted.enabled and (tmp_path / "data" / "wegwijzer" / "wegwijzer.db").exists()


def test_unknown_channel_and_reason_are_refused(tmp_path):
    store = Store.open(tmp_path / "log.db")
    with pytest.raises(ValueError, match="channel must be one of"):
        store.record_question("fax", None, unanswered())
    with pytest.raises(ValueError, match="reason must be one of"):
        store.record_feedback(None, False, reason="saai")


def test_the_outcome_and_the_caution_are_recorded(log_at, assistant):
    store = Store.open(log_at())
    store.record_question("cli", None, assistant.ask("hallo"))
    store.record_question(
        "cli", None, assistant.ask("wat is het telefoonnummer van het cultuurloket")
    )
    answer = assistant.ask("wat is de winwinlening")
    store.record_question("cli", None, answer)
    # The same answer given with a caution (under the model's `unsure`).
    store.record_question("cli", None, dataclasses.replace(answer, unsure=True))
    outcomes = [(q.outcome, q.unsure) for q in store.questions()]
    assert outcomes == [
        ("smalltalk", False),
        ("partial", False),
        ("answered", False),
        ("answered", True),
    ]


def test_a_log_of_schema_1_gets_outcomes_from_its_answered_column(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.executescript(
        "CREATE TABLE questions (id INTEGER PRIMARY KEY, asked_at TEXT NOT NULL, channel TEXT"
        " NOT NULL, user_key TEXT, question TEXT NOT NULL, answered INTEGER NOT NULL,"
        " confidence REAL NOT NULL, passages TEXT NOT NULL);"
        "CREATE TABLE feedback (id INTEGER PRIMARY KEY, question_id INTEGER, given_at TEXT NOT"
        " NULL, vote INTEGER NOT NULL, reason TEXT, passage_id TEXT);"
        "INSERT INTO questions VALUES (1, '2026-11-01T12:00:00+00:00', 'cli', NULL, 'a', 1, 0.9,"
        " '[\"x\"]'), (2, '2026-11-01T12:00:00+00:00', 'cli', NULL, 'b', 0, 0.1, '[]');"
        "PRAGMA user_version = 1;"
    )
    db.close()
    store = Store.open(path, clock=Clock(T0))
    assert [q.outcome for q in store.questions()] == ["answered", "not_answered"]
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def _raw_bytes(path) -> bytes:
    """The database file and its write-ahead and shared-memory files, as on disk."""
    found = b""
    for suffix in ("", "-wal", "-shm"):
        part = path.with_name(path.name + suffix)
        if part.exists():
            found += part.read_bytes()
    return found


def test_forget_and_the_purge_leave_no_copy_of_the_text_on_disk(tmp_path, assistant):
    path = tmp_path / "log.db"
    clock = Clock(T0)
    store = Store.open(path, clock=clock)  # kept open, as a running bot keeps it
    secret = "mijnGeheimeVraagXYZ over de winwinlening"
    answer = assistant.ask(secret)
    store.record_question("telegram", "ann", answer)
    store.record_question("telegram", "bob", assistant.ask("oudeVraagQWV over vlaio"))
    assert b"mijnGeheimeVraagXYZ" in _raw_bytes(path)
    assert store.forget("ann") == 1
    assert b"mijnGeheimeVraagXYZ" not in _raw_bytes(path)
    clock.advance(days=store.retention_days + 1)
    assert store.purge() == 1
    assert b"oudeVraagQWV" not in _raw_bytes(path)


def test_the_log_folder_and_files_are_private(tmp_path, assistant):
    path = tmp_path / "nieuw" / "log.db"
    store = Store.open(path)
    store.record_question("cli", None, assistant.ask("wat is vlaio"))
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    for suffix in ("", "-wal", "-shm", ".salt"):
        part = path.with_name(path.name + suffix)
        assert stat.S_IMODE(part.stat().st_mode) == 0o600, suffix


@contextmanager
def _locked(location):
    """Another writer holding the log's lock (SQLite: the file; PostgreSQL: the questions
    table) until the block ends."""
    if is_postgres(location):
        with psycopg.connect(location) as locker:  # a transaction until the block ends
            locker.execute("LOCK TABLE questions IN ACCESS EXCLUSIVE MODE")
            yield
            locker.rollback()
        return
    locker = sqlite3.connect(location, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        locker.execute("ROLLBACK")
        locker.close()


def test_forget_on_a_locked_log_fails_loudly_and_keeps_nothing_half(
    log_at, assistant, capsys, monkeypatch
):
    path = log_at()
    store = Store.open(path)
    store.record_question("cli", "ann", assistant.ask("wat is vlaio"))
    monkeypatch.setenv("WEGWIJZER_DB", str(path))
    with _locked(path):
        with pytest.raises(StoreError):
            store.forget("ann")
        code = cli.main(["forget", "--user", "ann"])
    assert code == 1
    assert "nothing was forgotten" in capsys.readouterr().err
    assert len(Store.open(path).questions()) == 1


def test_interest_is_recorded_and_read_like_feedback(log_at, assistant):
    store = Store.open(log_at(), clock=Clock(T0))
    asked = store.record_question("telegram", "ann", assistant.ask("wat is de winwinlening"))
    assert store.record_interest(asked, "winwinlening", Interest.MORE)
    assert store.record_interest(asked, "pmv", "choice")
    assert not store.record_interest(asked + 1, "winwinlening", "more")  # no such question
    rows = store.interest()
    assert [(r.question_id, r.passage_id, r.kind) for r in rows] == [
        (asked, "winwinlening", "more"),
        (asked, "pmv", "choice"),
    ]
    assert rows[0].given_at == "2026-11-01T12:00:00+00:00"
    assert store.interest(T0 + dt.timedelta(seconds=1)) == []
    with pytest.raises(ValueError, match="kind must be one of more, choice"):
        store.record_interest(asked, "winwinlening", "like")


def test_interest_on_a_disabled_or_read_only_log_is_skipped_not_raised(tmp_path, caplog):
    assert Store.disabled().record_interest(1, "winwinlening", "more") is False
    assert Store.disabled().interest() == [] and Store.disabled().decisions() == {}
    path = tmp_path / "log.db"
    writer = Store.open(path)
    asked = writer.record_question("cli", None, unanswered())
    store = Store(sqlite3.connect(f"file:{path}?mode=ro", uri=True), salt=b"s")
    with caplog.at_level(logging.WARNING):
        assert store.record_interest(asked, "winwinlening", "more") is False
    assert "could not record interest" in caplog.text


def test_forget_and_the_purge_remove_interest_but_keep_decisions(log_at, assistant):
    clock = Clock(T0)
    store = Store.open(log_at(), clock=clock)
    ann = store.record_question("discord", "ann", assistant.ask("wat is vlaio"))
    bob = store.record_question("discord", "bob", assistant.ask("wat is pmv"))
    store.record_interest(ann, "vlaio", "more")
    store.record_interest(bob, "pmv", "choice")
    store.decide(["k1"], Curation.REJECTED)
    assert store.forget("ann") == 1
    assert [r.question_id for r in store.interest()] == [bob]
    clock.advance(days=store.retention_days + 1)
    assert store.purge() == 1
    assert store.interest() == []
    assert store.decisions() == {"k1": "rejected"}


def test_decisions_are_recorded_replaced_and_refused_when_unknown(log_at):
    store = Store.open(log_at(), clock=Clock(T0))
    assert store.decide(["a", "b", "a"], Curation.REJECTED) == 2
    store.decide(["b"], "accepted")
    assert store.decisions() == {"a": "rejected", "b": "accepted"}
    with pytest.raises(ValueError, match="decision must be one of accepted, rejected"):
        store.decide(["c"], "maybe")
    with pytest.raises(StoreError):
        Store.disabled().decide(["c"], Curation.ACCEPTED)


def test_a_log_of_schema_2_gains_interest_and_curation_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    for number in range(2):  # the first two migrations, as a version-2 file has them
        db.executescript(MIGRATIONS[number])
    db.executescript(
        "INSERT INTO questions (id, asked_at, channel, user_key, question, answered, confidence,"
        " passages, outcome) VALUES (1, '2026-11-01T12:00:00+00:00', 'telegram', 'ann',"
        " 'wat is vlaio', 1, 0.9, '[\"vlaio\"]', 'answered');"
        "PRAGMA user_version = 2;"
    )
    db.close()
    store = Store.open(path, clock=Clock(T0))
    assert [q.question for q in store.questions()] == ["wat is vlaio"]
    assert store.record_interest(1, "vlaio", "more")
    assert store.decide(["k"], "rejected") == 1
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.forget("ann") == 1 and store.interest() == []


# --- PostgreSQL only ------------------------------------------------------------------------


def test_the_two_dialects_make_the_same_tables_and_columns(tmp_path, postgres_url):
    assert len(POSTGRES_MIGRATIONS) == SCHEMA_VERSION
    Store.open(tmp_path / "log.db").close()
    Store.open(postgres_url).close()
    lite = sqlite3.connect(tmp_path / "log.db")
    tables = ("questions", "feedback", "interest", "curation")
    in_sqlite = {t: [r[1] for r in lite.execute(f"PRAGMA table_info({t})")] for t in tables}
    with psycopg.connect(postgres_url) as db:
        rows = db.execute(
            "SELECT table_name, column_name FROM information_schema.columns"
            " WHERE table_schema = 'public' ORDER BY ordinal_position"
        ).fetchall()
    in_postgres = {t: [c for table, c in rows if table == t] for t in tables}
    assert in_postgres == in_sqlite


def test_a_new_postgresql_database_is_migrated_and_its_hosts_share_the_salt(postgres_url):
    first = Store.open(postgres_url)  # one host
    second = Store.open(postgres_url)  # another, later: no salt of its own
    assert first.user_key("telegram", 42) == second.user_key("telegram", 42)
    with psycopg.connect(postgres_url) as db:
        meta = dict(db.execute("SELECT name, value FROM wegwijzer_meta").fetchall())
    assert meta["schema_version"] == str(SCHEMA_VERSION) and len(meta["salt"]) == 64


def _opener(barrier, url: str) -> None:
    """A bot starting on an empty database: it migrates it (or finds it migrated) and logs."""
    barrier.wait(timeout=60)  # every bot has started: they open the log together
    with Store.open(url) as store:
        assert store.record_question("telegram", store.user_key("telegram", 1), unanswered())


def test_bots_starting_at_once_migrate_the_database_once_and_share_the_salt(postgres_url):
    _run_at_once(_opener, (postgres_url,), processes=3)
    questions = Store.open(postgres_url).questions()
    assert len(questions) == 3 and len({q.user_key for q in questions}) == 1


def test_a_locked_table_costs_the_log_line_not_the_answer(postgres_url, caplog):
    store = Store.open(postgres_url)
    with _locked(postgres_url), caplog.at_level(logging.WARNING):
        assert store.record_question("cli", None, unanswered()) is None
    assert "could not record a question" in caplog.text and "lock timeout" in caplog.text
    assert store.record_question("cli", None, unanswered()) is not None  # the lock is gone


def test_a_lost_connection_is_replaced_at_the_next_write(postgres_url, caplog):
    store = Store.open(postgres_url)
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    with caplog.at_level(logging.WARNING):
        store.record_question("cli", None, unanswered())  # may fail: the server hung up
    assert store.record_question("cli", None, unanswered()) is not None
    assert len(store.questions()) >= 1


def test_an_unreachable_server_disables_the_log_and_never_shows_the_password(caplog):
    port = free_port()
    url = f"postgresql://wegwijzer:geheim%2Fww@127.0.0.1:{port}/vragen?password=ook-geheim"
    with caplog.at_level(logging.ERROR):
        store = Store.open(url)
    assert not store.enabled
    assert f"cannot open 127.0.0.1:{port}/vragen" in caplog.text
    for secret in ("geheim", "ook-geheim", "wegwijzer:"):
        assert secret not in caplog.text


def test_without_psycopg_a_postgresql_log_says_which_extra_to_install(monkeypatch, caplog):
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if the extra were not installed
    with caplog.at_level(logging.ERROR):
        store = Store.open("postgresql://wegwijzer:geheim@db.example/vragen")
    assert not store.enabled
    assert "pip install 'wegwijzer[postgres]'" in caplog.text and "geheim" not in caplog.text


@pytest.mark.parametrize(
    ("url", "where"),
    [
        ("postgresql://u:pw@db.example:5433/vragen", "db.example:5433/vragen"),
        ("postgres://db.example/vragen?sslmode=require&password=pw", "db.example/vragen"),
        ("postgresql:///vragen?host=/run/postgresql", "/run/postgresql/vragen"),
        ("postgresql://u:pw@[::1]:5432/", "[::1]:5432/(the user's database)"),
    ],
)
def test_where_names_host_port_and_database_only(url, where):
    assert postgres_where(url) == where


def _run_at_once(target, args: tuple, *, processes: int, timeout: float = 120) -> None:
    """Run `target(barrier, *args)` in several fresh processes at once; each must exit
    cleanly within `timeout` s. The processes start slowly (spawned: a fresh interpreter
    each), so `target` waits on the barrier until all are up, and they really overlap. A
    process that hangs is ended (SIGTERM, then SIGKILL), never left behind."""
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(processes)
    workers = [context.Process(target=target, args=(barrier, *args)) for _ in range(processes)]
    for worker in workers:
        worker.start()
    deadline = time.monotonic() + timeout
    try:
        for worker in workers:
            worker.join(timeout=max(0.0, deadline - time.monotonic()))
    finally:
        hung = [worker for worker in workers if worker.is_alive()]
        for worker in hung:
            worker.terminate()
            worker.join(timeout=10)
            if worker.is_alive():
                worker.kill()
                worker.join(timeout=10)
    assert not hung, f"{len(hung)} of {processes} processes did not end within {timeout:g} s"
    for worker in workers:
        assert worker.exitcode == 0


# --- a password never reaches a message -----------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "host=db.example user=w password=SECRET-pw dbname=w",
        "dbname = w password= SECRET-pw",
        "postgresql+psycopg://u:SECRET-pw@db.example/w",
        "mysql://u:SECRET-pw@db.example/w",
    ],
)
def test_a_connection_string_that_is_not_a_postgresql_url_is_refused_not_a_file(
    value, tmp_path, monkeypatch, caplog
):
    monkeypatch.chdir(tmp_path)
    with caplog.at_level(logging.INFO):
        store = store_from_environment({"WEGWIJZER_DB": value})
    assert not store.enabled
    assert "WEGWIJZER_DB is neither a file path nor a postgresql:// URL" in caplog.text
    assert "SECRET" not in caplog.text and "SECRET" not in store.location
    assert list(tmp_path.rglob("*")) == []  # no file named after the password


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://u@127.0.0.1:1/w?password=SECRET+pw%zz",  # libpq refuses the escape
        "postgresql://u:SECRET@pw@127.0.0.1:1/w",  # an unencoded @: libpq's host is pw@127...
        "postgresql://u:SECRET/pw@127.0.0.1:1/w",  # an unencoded /: libpq's port is SECRET
    ],
)
def test_an_unparsable_or_ambiguous_url_is_refused_without_its_password(url, caplog):
    with caplog.at_level(logging.INFO):
        store = Store.open(url)
    assert not store.enabled
    assert "WEGWIJZER_DB is not a valid PostgreSQL URL" in caplog.text
    for part in ("SECRET", "pw"):
        assert part not in caplog.text
    assert where(url) == "(unparsable URL)" and describe(url) == "PostgreSQL (unparsable URL)"


def test_a_password_python_cannot_parse_but_libpq_can_is_not_shown(caplog):
    url = f"postgresql://u:SECRET＠pw@127.0.0.1:{free_port()}/w"  # urlsplit raises, naming it
    with caplog.at_level(logging.INFO):
        assert not Store.open(url).enabled
    assert "cannot open 127.0.0.1:" in caplog.text and "SECRET" not in caplog.text


def test_the_password_is_hidden_as_libpq_reads_it_and_before_shortening(monkeypatch):
    monkeypatch.setenv("PGPASSWORD", "env-SECRET")
    long = "L" * 300
    backend = PostgresBackend(f"postgresql://u:{long}@h/db?sslpassword=key-SECRET")
    for secret in (long, "key-SECRET", "env-SECRET"):
        message = backend.brief(RuntimeError(f"failed for {secret} at h"))
        assert secret[:20] not in message and "[password hidden]" in message
    plus = PostgresBackend("postgresql://u@h/db?password=a+b%2B")  # libpq: a+b+; Python: a b+
    assert "a+b+" not in plus.brief(RuntimeError("password a+b+ refused"))
    assert "kw-SECRET" in database_secrets("host=h password=kw-SECRET")


def test_a_bot_waits_for_another_hosts_migration_beyond_the_statement_timeout(
    postgres_url, monkeypatch
):
    from assistant import backends

    monkeypatch.setattr(backends, "STATEMENT_TIMEOUT_MS", 300)  # the connection-wide limit
    with psycopg.connect(postgres_url) as other:  # another host, migrating
        other.execute("SELECT pg_advisory_xact_lock(%s)", (backends.MIGRATION_LOCK,))
        threading.Timer(1.0, other.rollback).start()  # done after 1 s: well within 30 s
        store = Store.open(postgres_url)
    assert store.enabled


def _count_connects(monkeypatch) -> list[dict]:
    """Every psycopg.connect call's keyword arguments, from now on."""
    calls: list[dict] = []
    real = psycopg.connect

    def connect(*args, **kwargs):
        calls.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(psycopg, "connect", connect)
    return calls


def test_connections_detect_a_hung_server_with_tcp_keepalives(postgres_url, monkeypatch):
    calls = _count_connects(monkeypatch)
    assert Store.open(postgres_url).enabled
    expected = dict(
        keepalives=1, keepalives_idle=10, keepalives_interval=5, keepalives_count=3
    ) | dict(tcp_user_timeout=5000)
    assert calls and expected.items() <= calls[0].items()


def test_after_a_failed_reconnect_writes_are_skipped_for_a_while_and_logged_once(
    postgres_url, monkeypatch, caplog
):
    store = Store.open(postgres_url)
    backend = store._db
    now = [1000.0]
    backend.clock = lambda: now[0]
    backend._url = f"postgresql://postgres@127.0.0.1:{free_port()}/gone"  # the server is gone
    backend.close()
    calls = _count_connects(monkeypatch)
    with caplog.at_level(logging.WARNING):
        for _ in range(3):
            assert store.record_question("cli", None, unanswered()) is None
        assert store.questions() == []
    assert len(calls) == 1  # one try, then no more for a while
    assert caplog.text.count("could not record a question") == 1
    now[0] += 31
    assert store.record_question("cli", None, unanswered()) is None
    assert len(calls) == 2


class _CommitFails:
    """A back-end whose commits fail: each transaction is rolled back at its end."""

    def __init__(self, inner) -> None:
        self._inner = inner

    def __getattr__(self, name):
        return getattr(self._inner, name)

    @contextmanager
    def transaction(self):
        with self._inner.transaction() as db:
            yield db
            raise self._inner.errors[0]("the commit failed")  # the block rolls back


def test_a_write_whose_commit_fails_returns_no_id(log_at, caplog):
    store = Store.open(log_at())
    asked = store.record_question("cli", None, unanswered())
    feedback = store.record_feedback(asked, False)
    real = store._db
    store._db = _CommitFails(real)
    with caplog.at_level(logging.WARNING):
        assert store.record_question("cli", None, unanswered()) is None
        assert store.record_feedback(asked, True) is None
        assert store.record_interest(asked, "vlaio", "more") is False
        assert store.set_reason(feedback, "verouderd") is False
    assert caplog.text.count("the commit failed") == 4
    store._db = real
    assert len(store.questions()) == 1 and len(store.feedback()) == 1
    assert store.interest() == [] and store.feedback()[0].reason is None


def test_deleted_rows_are_scrubbed_but_opening_a_log_with_nothing_to_purge_is_not(
    log_at, assistant, monkeypatch
):
    from assistant import backends

    scrubbed = []
    for backend in (backends.SQLiteBackend, backends.PostgresBackend):
        real = backend.scrub
        monkeypatch.setattr(
            backend, "scrub", lambda self, real=real: scrubbed.append(1) or real(self)
        )
    clock = Clock(T0)
    store = Store.open(log_at(), clock=clock)
    store.record_question("cli", "ann", assistant.ask("wat is vlaio"))
    Store.open(log_at(), clock=clock).close()
    assert store.forget("nobody") == 0 and store.purge() == 0
    assert scrubbed == []
    assert store.forget("ann") == 1
    assert len(scrubbed) == 1
    store.record_question("cli", "bob", assistant.ask("wat is vlaio"))
    clock.advance(days=store.retention_days + 1)
    Store.open(log_at(), clock=clock).close()  # purges bob's question at start
    assert len(scrubbed) == 2


def test_a_nul_character_is_stored_as_a_replacement_character_on_both_backends(log_at):
    from assistant.models import Answer

    store = Store.open(log_at())
    answer = Answer(question="wat\x00is vlaio", answered=False, confidence=0.0, message="")
    asked = store.record_question("cli", "ann\x00", answer)
    assert asked is not None
    assert store.record_feedback(asked, True, passage_id="vla\x00io") is not None
    assert store.record_interest(asked, "p\x00", "more")
    [question] = store.questions()
    assert (question.question, question.user_key) == ("wat\ufffdis vlaio", "ann\ufffd")
    assert store.feedback()[0].passage_id == "vla\ufffdio"
    assert store.interest()[0].passage_id == "p\ufffd"
    assert store.forget("ann\x00") == 1  # the same key, cleaned the same way


def _hanger(barrier, pid_file: str) -> None:
    import os
    import time

    barrier.wait(timeout=60)
    with open(pid_file, "w") as out:
        out.write(str(os.getpid()))
    time.sleep(120)


def test_a_process_started_at_once_that_hangs_is_ended_not_left_behind(tmp_path):
    from tests.test_postgres_server import _wait_gone

    pid_file = tmp_path / "pid"
    with pytest.raises(AssertionError, match="did not end"):
        _run_at_once(_hanger, (str(pid_file),), processes=1, timeout=5)
    assert _wait_gone(int(pid_file.read_text()), timeout=10)


def test_a_user_without_a_password_in_the_url_is_not_hidden_as_one():
    url = "postgresql://wegwijzer@db.internal:5432/wegwijzer"  # the password in ~/.pgpass
    assert postgres_where(url) == "db.internal:5432/wegwijzer"
    secret = "postgresql://wegwijzer:pass%20%20word@db.internal/w"  # libpq: "pass  word"
    text = PostgresBackend(secret).brief(RuntimeError("refused: pass  word"))
    assert text == "RuntimeError: refused: [password hidden]"
