import datetime as dt
import logging
import multiprocessing
import sqlite3
import stat

import pytest

from assistant import cli
from assistant.store import (
    MIGRATIONS,
    SCHEMA_VERSION,
    Curation,
    Interest,
    Store,
    StoreError,
    store_from_environment,
)
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


def test_an_empty_existing_file_is_migrated_and_reopening_is_harmless(tmp_path, assistant):
    path = tmp_path / "log.db"
    sqlite3.connect(path).close()  # an empty database at schema version 0
    store = Store.open(path)
    store.record_question("cli", None, assistant.ask("wat is vlaio"))
    store.close()
    again = Store.open(path)
    assert len(again.questions()) == 1


def test_a_newer_schema_disables_the_store_instead_of_failing(tmp_path, caplog):
    path = tmp_path / "log.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with caplog.at_level(logging.ERROR):
        store = Store.open(path)
    assert not store.enabled
    assert "newer than this Wegwijzer" in caplog.text


def test_a_question_and_its_feedback_are_recorded(tmp_path, assistant):
    store = Store.open(tmp_path / "log.db", clock=Clock(T0))
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


def test_user_keys_are_salted_stable_and_never_the_raw_id(tmp_path):
    one = Store.open(tmp_path / "a.db")
    other = Store.open(tmp_path / "b.db")
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


def test_retention_purges_old_questions_and_feedback(tmp_path, assistant):
    clock = Clock(T0)
    store = Store.open(tmp_path / "log.db", retention_days=90, clock=clock)
    old = store.record_question("api", None, assistant.ask("wat is vlaio"))
    store.record_feedback(old, True)
    clock.advance(days=91)
    store.record_question("api", None, assistant.ask("wat is pmv"))  # purges on the way
    assert [q.question for q in store.questions()] == ["wat is pmv"]
    assert store.feedback() == []


def test_forget_deletes_everything_of_one_user(tmp_path, assistant):
    store = Store.open(tmp_path / "log.db")
    ann, bob = store.user_key("discord", 1), store.user_key("discord", 2)
    asked = store.record_question("discord", ann, assistant.ask("wat is vlaio"))
    store.record_feedback(asked, True)
    store.record_question("discord", bob, assistant.ask("wat is pmv"))
    assert store.forget(ann) == 1
    assert [q.user_key for q in store.questions()] == [bob]
    assert store.feedback() == []


def _writer(path: str, n: int) -> None:
    from assistant.models import Answer

    store = Store.open(path)
    for i in range(n):
        answer = Answer(question=f"vraag {i}", answered=True, confidence=1.0, message="")
        assert store.record_question("telegram", None, answer) is not None


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    path = str(tmp_path / "log.db")
    Store.open(path).close()
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_writer, args=(path, 150)) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    assert len(Store.open(path).questions()) == 300


def test_a_read_only_database_logs_the_failure_and_goes_on(tmp_path, caplog):
    path = tmp_path / "log.db"
    Store.open(path).close()
    store = Store(sqlite3.connect(f"file:{path}?mode=ro", uri=True), salt=b"s")
    with caplog.at_level(logging.WARNING):
        assert store.record_question("cli", None, unanswered()) is None
    assert "could not record a question" in caplog.text


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


def test_the_outcome_and_the_caution_are_recorded(tmp_path, assistant):
    store = Store.open(tmp_path / "log.db")
    store.record_question("cli", None, assistant.ask("hallo"))
    store.record_question(
        "cli", None, assistant.ask("wat is het telefoonnummer van het cultuurloket")
    )
    store.record_question("cli", None, assistant.ask("wat is de winwinlening"))
    outcomes = [(q.outcome, q.unsure) for q in store.questions()]
    assert outcomes == [("smalltalk", False), ("partial", False), ("answered", False)]


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


def test_forget_on_a_locked_log_fails_loudly_and_keeps_nothing_half(
    tmp_path, assistant, capsys, monkeypatch
):
    path = tmp_path / "log.db"
    store = Store.open(path)
    store.record_question("cli", "ann", assistant.ask("wat is vlaio"))
    monkeypatch.setenv("WEGWIJZER_DB", str(path))
    locker = sqlite3.connect(path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError):
            store.forget("ann")
        code = cli.main(["forget", "--user", "ann"])
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    assert code == 1
    assert "nothing was forgotten" in capsys.readouterr().err
    assert len(Store.open(path).questions()) == 1


def test_interest_is_recorded_and_read_like_feedback(tmp_path, assistant):
    store = Store.open(tmp_path / "log.db", clock=Clock(T0))
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


def test_forget_and_the_purge_remove_interest_but_keep_decisions(tmp_path, assistant):
    clock = Clock(T0)
    store = Store.open(tmp_path / "log.db", clock=clock)
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


def test_decisions_are_recorded_replaced_and_refused_when_unknown(tmp_path):
    store = Store.open(tmp_path / "log.db", clock=Clock(T0))
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
