"""`wegwijzer doctor`: the checks against the fake Telegram and Discord APIs, a broken corpus,
an unusable question log; and the systemd units in deploy/ that run it before each bot."""

from __future__ import annotations

import asyncio
import configparser
import json
import shlex
import sqlite3
import time
from pathlib import Path

import psycopg
import pytest

from bots import doctor
from bots.discord.app import DEFAULT_API_BASE_URL
from bots.telegram.app import DEFAULT_BASE_URL
from tests.bots.process import free_port
from tests.conftest import passage, run_cli, write_corpus
from tests.fakes.discord_api import FakeDiscord
from tests.fakes.telegram_api import BOT_USERNAME, FakeTelegram

ROOT = Path(__file__).resolve().parents[2]
TELEGRAM_TOKEN = "7000:doctor-telegram-SECRET"
DISCORD_TOKEN = "doctor.discord.SECRET"
TIMEOUT = 60


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    """A small valid corpus and a fresh log; no tokens."""
    corpus = write_corpus(tmp_path / "corpus", {"a.yaml": [passage("winwinlening")]})
    return {"WEGWIJZER_CORPUS": str(corpus), "WEGWIJZER_DB": str(tmp_path / "log" / "w.db")}


def doctor_main(capsys, env: dict[str, str], *argv: str) -> tuple[int, str, str]:
    code = doctor.main(env, list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def with_fakes(capsys, env: dict[str, str], *argv: str, reject: bool = False):
    """Run the doctor (in a thread) while both fakes serve; (exit code, stdout, stderr)."""

    async def scenario() -> tuple[int, str, str]:
        async with FakeTelegram(reject_token=reject) as tg, FakeDiscord(reject_token=reject) as dc:
            env.update(
                TELEGRAM_BOT_TOKEN=TELEGRAM_TOKEN,
                TELEGRAM_API_BASE_URL=tg.base_url,
                DISCORD_BOT_TOKEN=DISCORD_TOKEN,
                DISCORD_API_BASE_URL=dc.api_url,
            )
            return await asyncio.to_thread(doctor_main, capsys, env, *argv)

    return asyncio.run(asyncio.wait_for(scenario(), TIMEOUT))


def lines(out: str) -> dict[str, str]:
    """Printed checks by name: {"corpus": "ok    corpus: ...", ...}."""
    return {line[6:].split(":", 1)[0]: line for line in out.splitlines()}


def assert_secret_free(*texts: str) -> None:
    for text in texts:
        for token in (TELEGRAM_TOKEN, DISCORD_TOKEN):
            assert token not in text
            assert token.split(":")[-1] not in text  # no part of it either


def test_all_green_against_both_fakes(capsys, env):
    code, out, err = with_fakes(capsys, env)
    checks = lines(out)
    assert code == 0, out
    assert list(checks) == ["corpus", "log", "telegram", "discord"]
    assert all(line.startswith("ok    ") for line in checks.values()), out
    assert "1 passages from" in checks["corpus"] and "last checked 2026-01-15" in checks["corpus"]
    assert checks["log"] == f"ok    log: SQLite at {env['WEGWIJZER_DB']}, writable"
    assert f"@{BOT_USERNAME}" in checks["telegram"]
    assert "answered wegwijzer" in checks["discord"]
    assert err == ""
    assert_secret_free(out, err)


def test_rejected_tokens_fail_with_exit_1_and_the_tokens_nowhere(capsys, env):
    code, out, err = with_fakes(capsys, env, reject=True)
    checks = lines(out)
    assert code == 1
    assert checks["telegram"].startswith("FAIL  telegram: Telegram refused the token")
    assert checks["discord"].startswith("FAIL  discord: Discord refused the token")
    assert checks["corpus"].startswith("ok    ") and checks["log"].startswith("ok    ")
    assert_secret_free(out, err)


def test_json_lists_name_status_and_message(capsys, env):
    code, out, _ = with_fakes(capsys, env, "--json", reject=True)
    data = json.loads(out)
    assert code == 1
    assert [(c["name"], c["status"]) for c in data] == [
        ("corpus", "ok"),
        ("log", "ok"),
        ("telegram", "fail"),
        ("discord", "fail"),
    ]
    assert all(set(c) == {"name", "status", "message"} for c in data)
    assert_secret_free(out)


def test_an_unreachable_api_fails_quickly_without_the_token(capsys, env):
    env.update(
        TELEGRAM_BOT_TOKEN=TELEGRAM_TOKEN,
        TELEGRAM_API_BASE_URL=f"http://127.0.0.1:{free_port()}/bot",
        DISCORD_BOT_TOKEN=DISCORD_TOKEN,
        DISCORD_API_BASE_URL=f"http://127.0.0.1:{free_port()}/api/v10",
    )
    started = time.monotonic()
    code, out, err = doctor_main(capsys, env, "--timeout", "5")
    checks = lines(out)
    assert time.monotonic() - started < 8
    assert code == 1
    assert checks["telegram"].startswith("FAIL  telegram: cannot reach the Telegram Bot API at")
    assert checks["discord"].startswith("FAIL  discord: cannot reach the Discord API at")
    assert_secret_free(out, err)


def test_a_wrong_api_url_is_a_404_naming_the_variable(capsys, env):
    async def scenario() -> tuple[int, str, str]:
        async with FakeDiscord() as fake:
            env.update(
                DISCORD_BOT_TOKEN=DISCORD_TOKEN,
                DISCORD_API_BASE_URL=fake.api_url.replace("v10", "v9"),
            )
            return await asyncio.to_thread(doctor_main, capsys, env, "discord")

    code, out, _ = asyncio.run(asyncio.wait_for(scenario(), TIMEOUT))
    assert code == 1
    assert "404 Not Found; check DISCORD_API_BASE_URL" in lines(out)["discord"]
    assert "telegram" not in lines(out)  # only the platform asked for


def test_a_broken_corpus_fails_naming_the_file_and_the_problem(capsys, env, tmp_path):
    broken = write_corpus(tmp_path / "broken", {"kapot.yaml": "- id: [unclosed\n"})
    code, out, _ = doctor_main(capsys, {**env, "WEGWIJZER_CORPUS": str(broken)})
    corpus = lines(out)["corpus"]
    assert code == 1
    assert corpus.startswith(f"FAIL  corpus: {broken}: kapot.yaml")
    assert f"see `wegwijzer corpus check {broken}`" in corpus
    assert len(out.splitlines()) == 4  # one line per check, however long the problem


def test_a_missing_corpus_folder_fails(capsys, env, tmp_path):
    code, out, _ = doctor_main(capsys, {**env, "WEGWIJZER_CORPUS": str(tmp_path / "nope")})
    assert code == 1
    assert "corpus directory does not exist" in lines(out)["corpus"]


def test_stale_passages_are_counted(env, tmp_path):
    import datetime as dt

    corpus = write_corpus(
        tmp_path / "old",
        {"a.yaml": [passage("oud", checked="2020-03-01"), passage("nieuw", checked="2026-02-01")]},
    )
    check = doctor.check_corpus({"WEGWIJZER_CORPUS": str(corpus)}, today=dt.date(2026, 5, 1))
    assert check.status == "ok"
    assert check.message.startswith(
        f"2 passages from {corpus}, last checked 2026-02-01, 1 stale (older than 12 months), "
        "2 other warning(s)"  # the inline sources of `passage`
    )


def test_log_off_is_ok(capsys, env):
    code, out, _ = doctor_main(capsys, {**env, "WEGWIJZER_DB": "off"})
    assert code == 0
    assert lines(out)["log"] == "ok    log: off (WEGWIJZER_DB=off): questions are not logged"


def test_the_write_probe_leaves_nothing_in_the_log(capsys, env):
    code, _, _ = doctor_main(capsys, env)
    assert code == 0
    with sqlite3.connect(env["WEGWIJZER_DB"]) as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        assert "wegwijzer_doctor_probe" not in tables
        assert db.execute("SELECT COUNT(*) FROM questions").fetchone() == (0,)


def test_a_log_under_a_file_fails(capsys, env, tmp_path):
    (tmp_path / "a-file").write_text("not a folder")
    code, out, err = doctor_main(capsys, {**env, "WEGWIJZER_DB": str(tmp_path / "a-file" / "w.db")})
    log = lines(out)["log"]
    assert code == 1
    assert log.startswith(f"FAIL  log: SQLite at {tmp_path / 'a-file' / 'w.db'} is not usable:")
    assert "cannot open" in log
    assert err == ""  # the store's own error line is folded into the check


def test_a_log_another_writer_holds_fails_the_write_probe(capsys, env, monkeypatch):
    """A log that opens but takes no write (here: another process holds its write lock, which
    no permission bit can fake for root) fails, and the doctor waits for it only boundedly."""
    monkeypatch.setattr(doctor, "PROBE_TIMEOUT", 0.2)
    assert doctor_main(capsys, env)[0] == 0  # creates the log
    holder = sqlite3.connect(env["WEGWIJZER_DB"], isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        code, out, _ = doctor_main(capsys, env)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 1
    assert lines(out)["log"].startswith("FAIL  log: SQLite at")
    assert "cannot be written" in lines(out)["log"] and "locked" in lines(out)["log"]


def test_a_postgresql_log_is_named_by_host_and_database_never_by_its_password(
    capsys, env, postgres_server, monkeypatch
):
    monkeypatch.setattr(doctor, "PROBE_TIMEOUT", 0.5)
    url = postgres_server.create_database()  # with the server's password, which it checks
    where = f"127.0.0.1:{postgres_server.port}/{url.rsplit('/', 1)[1]}"
    code, out, err = doctor_main(capsys, {**env, "WEGWIJZER_DB": url})
    assert code == 0
    assert lines(out)["log"] == f"ok    log: PostgreSQL at {where}, writable"
    with psycopg.connect(url) as db:  # the probe's question was rolled back
        assert db.execute("SELECT COUNT(*) FROM questions").fetchone() == (0,)
        db.execute("LOCK TABLE questions IN ACCESS EXCLUSIVE MODE")  # another writer's lock
        code, out, err = doctor_main(capsys, {**env, "WEGWIJZER_DB": url})
    assert code == 1
    assert lines(out)["log"].startswith(f"FAIL  log: PostgreSQL at {where} cannot be written:")
    gone = url.replace(str(postgres_server.port), str(free_port()))
    code, out, err = doctor_main(capsys, {**env, "WEGWIJZER_DB": gone})
    assert code == 1 and "is not usable" in lines(out)["log"]
    assert postgres_server.password not in out + err


def test_no_tokens_skips_the_platforms_through_the_cli(capsys, monkeypatch, env):
    for variable, value in env.items():
        monkeypatch.setenv(variable, value)
    for variable in doctor.TELEGRAM_TOKEN, doctor.DISCORD_TOKEN:
        monkeypatch.delenv(variable, raising=False)
    code, out, err = run_cli(capsys, "doctor")
    assert code == 0, out + err
    assert out.splitlines()[2:] == [
        "skip  telegram: TELEGRAM_BOT_TOKEN is not set",
        "skip  discord: DISCORD_BOT_TOKEN is not set",
    ]


def test_a_named_platform_needs_its_token(capsys, env):
    code, out, _ = doctor_main(capsys, env, "telegram")
    assert code == 1
    assert out.splitlines()[2:] == ["FAIL  telegram: TELEGRAM_BOT_TOKEN is not set"]


@pytest.mark.parametrize("argv", [["slack"], ["--timeout", "0"], ["--nope"]])
def test_bad_options_exit_2(capsys, env, argv):
    code, out, err = doctor_main(capsys, env, *argv)
    assert code == 2
    assert out == "" and err


def test_the_defaults_match_the_bots():
    assert doctor.TELEGRAM_DEFAULT_BASE == DEFAULT_BASE_URL
    assert doctor.DISCORD_DEFAULT_BASE == DEFAULT_API_BASE_URL


# --- deploy/ ----------------------------------------------------------------------------------


def unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # systemd keys are case-sensitive
    parser.read(ROOT / "deploy" / name, encoding="utf-8")
    return parser


@pytest.mark.parametrize("platform", ["telegram", "discord"])
def test_the_units_run_the_doctor_then_the_bot(platform):
    from bots import commands

    service = unit(f"wegwijzer-{platform}.service")["Service"]
    binary = "/opt/wegwijzer/venv/bin/wegwijzer"
    assert shlex.split(service["ExecStartPre"]) == [binary, "doctor", platform]
    assert shlex.split(service["ExecStart"]) == [binary, platform]
    assert service["ExecReload"] == "/bin/kill -HUP $MAINPID"
    assert service["EnvironmentFile"] == "/etc/wegwijzer/wegwijzer.env"
    assert service["Environment"] == "WEGWIJZER_DB=/var/lib/wegwijzer/wegwijzer.db"
    assert service["StateDirectory"] == "wegwijzer"
    assert service["ReadWritePaths"] == "/var/lib/wegwijzer"
    assert service["User"] == "wegwijzer" and service["Restart"] == "on-failure"
    assert service["NoNewPrivileges"] == "yes" and service["ProtectSystem"] == "strict"
    # Every command the units run is one the CLI has.
    for command in ("doctor", platform):
        assert isinstance(getattr(commands, command), commands.Command)
    assert doctor.main({}, [platform, "--help"]) == 0


def test_the_env_example_names_every_variable_the_doctor_reads():
    text = (ROOT / "deploy" / "wegwijzer.env.example").read_text(encoding="utf-8")
    for variable in (
        doctor.TELEGRAM_TOKEN,
        doctor.DISCORD_TOKEN,
        doctor.TELEGRAM_BASE,
        doctor.DISCORD_BASE,
        doctor.CORPUS_VARIABLE,
        doctor.DB_VARIABLE,
    ):
        assert f"{variable}=" in text
    assert "0600" in text


@pytest.mark.parametrize(
    ("value", "line"),
    [
        (
            "host=db.example user=w password=pw-SECRET dbname=w",
            "FAIL  log: WEGWIJZER_DB is neither a file path nor a postgresql:// URL",
        ),
        (
            "postgresql+psycopg://u:pw-SECRET@db.example/w",
            "FAIL  log: WEGWIJZER_DB is neither a file path nor a postgresql:// URL",
        ),
        (
            "postgresql://u@127.0.0.1:1/w?password=pw-SECRET%zz",
            "FAIL  log: PostgreSQL (unparsable URL) is not usable: question log disabled: "
            "WEGWIJZER_DB is not a valid PostgreSQL URL",
        ),
    ],
)
def test_a_log_setting_that_is_no_path_or_url_fails_without_echoing_it(
    capsys, env, tmp_path, monkeypatch, value, line
):
    monkeypatch.chdir(tmp_path)
    code, out, err = doctor_main(capsys, {**env, "WEGWIJZER_DB": value})
    assert code == 1
    assert lines(out)["log"] == line
    assert "SECRET" not in out + err
    assert not list(tmp_path.glob("*SECRET*"))


def test_a_password_that_pythons_url_parser_refuses_is_not_a_traceback(capsys, env):
    url = f"postgresql://u:pw-SECRET＠x@127.0.0.1:{free_port()}/w"
    code, out, err = doctor_main(capsys, {**env, "WEGWIJZER_DB": url})
    assert code == 1
    assert lines(out)["log"].startswith("FAIL  log: PostgreSQL at 127.0.0.1:")
    assert "SECRET" not in out + err


def test_the_bots_start_up_log_hides_the_database_password(capsys, env, monkeypatch):
    import logging

    from bots.startup import prepare

    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    url = f"postgresql://w:db-SECRET@127.0.0.1:{free_port()}/w"
    try:
        prepared = prepare({**env, "WEGWIJZER_DB": url, "T": "tok"}, "T", "a token", [])
        assert not isinstance(prepared, int) and not prepared.log.enabled
        logging.getLogger("psycopg").error("connection to %s failed", url)  # a driver's message
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
    err = capsys.readouterr().err
    assert "connection to postgresql://[token verborgen]@" in err and "db-SECRET" not in err


def test_a_bot_start_writes_the_index_cache_and_the_next_start_reads_it(env, tmp_path, monkeypatch):
    import gc
    import logging

    from assistant import cache as cache_file
    from bots.startup import prepare

    env = {**env, "T": "tok", "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        first = prepare(env, "T", "a token", [])
        assert not isinstance(first, int)
        assert gc.get_freeze_count() > 0  # what it built is out of the collector's walks
        assert first.cache == cache_file.user_path(first.corpus, env) and first.cache.is_file()
        monkeypatch.setattr(cache_file, "load_corpus", _not_from_the_folder)
        second = prepare(env, "T", "a token", [])
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
    assert not isinstance(second, int)
    question = "wat is de winwinlening"
    assert second.assistant.ask(question) == first.assistant.ask(question)


def _not_from_the_folder(*args, **kwargs):
    raise AssertionError("the second start built the index instead of reading the cache")


def test_a_bot_with_a_broken_model_or_votes_file_stops_in_one_line(
    capsys, env, tmp_path, monkeypatch
):
    import logging

    from assistant.decision import ModelFileError
    from assistant.votes import VotesFileError
    from bots.startup import prepare

    env = {**env, "T": "tok-SECRET", "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        for error, name in [(ModelFileError, "answerability.json"), (VotesFileError, "votes.json")]:

            def broken(*_, error=error, name=name):
                raise error(f"assistant/data/{name}: expected a number; run `wegwijzer eval --fit`")

            target = "bundled_model" if error is ModelFileError else "bundled_examples"
            with monkeypatch.context() as patch:
                patch.setattr(f"assistant.core.{target}", broken)
                assert prepare(env, "T", "a token", []) == 2
            err = capsys.readouterr().err
            assert err.startswith(f"error: assistant/data/{name}: ") and "Traceback" not in err
            assert "SECRET" not in err
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
