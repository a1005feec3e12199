"""The question log under concurrent writers, a writer killed with SIGKILL, a lock, and a
full disk: the file stays sound, committed rows stay, the answer is never lost."""

import multiprocessing
import os
import signal
import sqlite3
import time

import pytest

from assistant.models import Answer
from assistant.store import Store


def _write_forever(path: str, marker: str, started) -> None:
    store = Store.open(path)
    started.set()
    for i in range(1_000_000):  # bounded; killed long before
        answer = Answer(question=f"{marker} {i}", answered=True, confidence=1.0, message="")
        store.record_question("telegram", marker, answer)


def _write(path: str, marker: str, n: int) -> None:
    store = Store.open(path)
    for i in range(n):
        answer = Answer(question=f"{marker} {i}", answered=True, confidence=1.0, message="")
        assert store.record_question("discord", marker, answer) is not None


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_a_writer_killed_mid_write_costs_no_other_row_and_no_soundness(tmp_path):
    path = str(tmp_path / "log.db")
    Store.open(path).close()
    context = multiprocessing.get_context("spawn")
    started = context.Event()
    doomed = context.Process(target=_write_forever, args=(path, "doomed", started))
    survivor = context.Process(target=_write, args=(path, "survivor", 300))
    doomed.start()
    assert started.wait(60)
    survivor.start()
    time.sleep(0.3)
    os.kill(doomed.pid, signal.SIGKILL)
    doomed.join(30)
    survivor.join(120)
    assert survivor.exitcode == 0
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    questions = Store.open(path).questions()
    survivors = [q for q in questions if q.user_key == "survivor"]
    assert len(survivors) == 300  # rows lost: 0
    doomed_rows = [q.question for q in questions if q.user_key == "doomed"]
    assert doomed_rows == [f"doomed {i}" for i in range(len(doomed_rows))]  # a prefix, no gaps


def test_a_full_disk_costs_the_log_line_not_the_answer(tmp_path, assistant, caplog):
    import dataclasses

    store = Store.open(tmp_path / "log.db")
    db = sqlite3.connect(tmp_path / "log.db")
    # SQLite cannot grow the file past max_page_count: what a full disk looks like to it.
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    store._db.connection.execute(f"PRAGMA max_page_count = {pages}")
    answer = assistant.ask("wat is de winwinlening")
    big = dataclasses.replace(answer, question="winwinlening " * 50_000)
    assert store.record_question("cli", None, big) is None
    assert "could not record a question" in caplog.text
    assert answer.answered
