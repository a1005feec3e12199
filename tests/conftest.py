"""Shared fixtures: the real bundled corpus, small corpora written on the fly, a question log
(SQLite, or PostgreSQL on a server the session starts), and the marker for the bots'
end-to-end tests."""

from __future__ import annotations

import copy
import datetime as dt
import gc
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant import cli
from assistant.core import Assistant
from assistant.models import Answer
from assistant.store import Store
from tests.fakes.clock import Clock
from tests.postgres import LocalPostgres

BOTS = Path(__file__).parent / "bots"
BACKENDS = ("sqlite", "postgresql")
# The first day of `two_day_log`; its second day follows.
LOG_DAY = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the bots' end-to-end tests (tests/bots/test_*_bot.py) `e2e`, without touching them."""
    for item in items:
        if item.path.parent == BOTS and item.path.match("test_*_bot.py"):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session", autouse=True)
def _private_index_cache(tmp_path_factory) -> Iterator[None]:
    """`ask`, `chat` and the bots write their index cache under ``$XDG_CACHE_HOME``: a folder
    of the session's, never the user's (shared by the tests, as a user's is by processes)."""
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = before


@pytest.fixture(autouse=True)
def _unfrozen() -> Iterator[None]:
    """A bot's start freezes the objects alive (`gcpause.settle`); the next test starts with
    none frozen, so the session's own garbage stays collectable."""
    yield
    gc.unfreeze()


@pytest.fixture(autouse=True)
def _private_question_log(tmp_path, monkeypatch):
    """Every test logs questions to its own temporary database, never the user's."""
    monkeypatch.setenv("WEGWIJZER_DB", str(tmp_path / "vragen.db"))
    monkeypatch.delenv("WEGWIJZER_SALT", raising=False)
    monkeypatch.delenv("WEGWIJZER_RETENTION_DAYS", raising=False)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[LocalPostgres]:
    """A PostgreSQL server on 127.0.0.1 for the whole session (pgserver's binaries, started by
    `tests/postgres.py` in a temporary folder and removed at the end). Started only when a test
    needs it; a server that does not start fails those tests, it never skips them."""
    with LocalPostgres() as server:
        yield server


@pytest.fixture(params=BACKENDS)
def log_at(request, tmp_path) -> Callable[..., Path | str]:
    """Where to open a question log, once per back-end: `log_at()` or `log_at("name")` gives a
    SQLite file or the URL of a fresh PostgreSQL database (the same name, the same log)."""
    made: dict[str, Path | str] = {}

    def location(name: str = "log") -> Path | str:
        if name not in made:
            if request.param == "sqlite":
                made[name] = tmp_path / f"{name}.db"
            else:
                made[name] = request.getfixturevalue("postgres_server").create_database()
        return made[name]

    return location


@pytest.fixture
def postgres_url(postgres_server) -> str:
    """The URL of a fresh, empty PostgreSQL database."""
    return postgres_server.create_database()


@pytest.fixture(scope="session")
def assistant() -> Assistant:
    """The assistant over the real bundled corpus (built once per test run)."""
    return Assistant.bundled()


@pytest.fixture
def cli_reuses_the_session_assistant(monkeypatch, assistant):
    """`cli.main` answers from the session's assistant instead of loading the bundled corpus
    for every command; a command given `--corpus` still loads that folder.

    Each command gets a shallow copy: `eval --fit` installs the model it fits on the assistant
    it was given, and that must not reach the tests that share the session's assistant.
    """
    load = cli._assistant
    monkeypatch.setattr(
        cli,
        "_assistant",
        lambda corpus, **_: copy.copy(assistant) if corpus is None else load(corpus),
    )


@pytest.fixture
def two_day_log(tmp_path, assistant) -> Store:
    """A question log over two days. The first: two alike unanswered questions, one with markup,
    and a liked answer about the winwinlening. The second: a disliked answer about VLAIO."""
    clock = Clock(LOG_DAY)
    store = Store.open(tmp_path / "log.db", clock=clock)
    for question in (
        "recept voor stoofvlees met friet",
        "recepten voor stoofvlees met friet",
        "<script>alert(1)</script> weer",
    ):
        store.record_question("telegram", None, assistant.ask(question))
    liked = store.record_question("discord", None, assistant.ask("wat is de winwinlening"))
    store.record_feedback(liked, True, passage_id="winwinlening")
    clock.advance(days=1)
    disliked = store.record_question("cli", None, assistant.ask("wat is vlaio"))
    feedback = store.record_feedback(disliked, False, passage_id="vlaio")
    store.set_reason(feedback, "verouderd")
    return store


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    """Run `wegwijzer ARGV` in-process: (exit code, stdout, stderr)."""
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def unanswered() -> Answer:
    """An answer that found nothing, for tests that need an `Answer` but not the assistant."""
    return Answer(question="vraag", answered=False, confidence=0.0, message="")


def passage(pid: str, **overrides: Any) -> dict[str, Any]:
    """A valid passage as a YAML mapping; override any field."""
    data: dict[str, Any] = {
        "id": pid,
        "kind": "maatregel",
        "title": f"Titel van {pid}",
        "text": (
            "De winwinlening is een achtergestelde lening van vrienden of familie. "
            "De kredietgever krijgt elk jaar een belastingkrediet van 2,5% op het openstaande "
            "bedrag. Je onderneming kan tot EUR 300.000 ophalen, met maximaal EUR 75.000 per "
            "kredietgever. PMV registreert de akte binnen een maand na ontvangst."
        ),
        "questions": ["hoeveel kan ik lenen?", "wat is de winwinlening"],
        "source": {
            "title": "Winwinlening",
            "publisher": "PMV",
            "url": "https://www.pmv.eu/product/winwinlening/",
            "date": "2024-12",
        },
        "checked": "2026-01-15",
        "status": "actueel",
    }
    data.update(overrides)
    return data


def write_corpus(root: Path, files: dict[str, Any], synonyms: dict[str, Any] | None = None) -> Path:
    """Write passage files (name -> list of passages, or raw text) and a synonym file."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "synoniemen.yaml").write_text(
        yaml.safe_dump(synonyms or {"patent": ["octrooi"]}, allow_unicode=True), encoding="utf-8"
    )
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        text = content if isinstance(content, str) else yaml.safe_dump(content, allow_unicode=True)
        path.write_text(text, encoding="utf-8")
    return root
