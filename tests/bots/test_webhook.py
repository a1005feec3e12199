"""Telegram webhook mode: the options, the fake's webhook API, and the real entry point serving
a webhook that the fake Bot API posts updates to (on 127.0.0.1)."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import string
import sys

import pytest
from telegram import Bot
from telegram.error import BadRequest, Conflict

from bots.discord.main import main as discord_main
from bots.startup import DEFAULT_LISTEN, Webhook, _options
from bots.telegram.main import main as telegram_main
from tests.bots.process import ROOT, free_port, line_with, stop_bot
from tests.fakes.telegram_api import FakeTelegram

TOKEN = "123456:SECRET-test-token"
SECRET = "given-Secret_0123456789"
TEST_TIMEOUT = 60
PATH = "/wegwijzer-hook"
ALLOWED = ["message", "callback_query", "inline_query"]


@pytest.fixture(autouse=True)
def _no_webhook_variables(monkeypatch):
    for variable in ("TELEGRAM_WEBHOOK_URL", "TELEGRAM_WEBHOOK_LISTEN", "TELEGRAM_WEBHOOK_SECRET"):
        monkeypatch.delenv(variable, raising=False)


def run(coroutine):
    """Run one test's coroutine with an overall time limit."""
    return asyncio.run(asyncio.wait_for(coroutine, TEST_TIMEOUT))


def webhook_of(argv: list[str], env: dict[str, str] | None = None) -> Webhook | None:
    options = _options(argv, env or {}, webhooks=True)
    assert not isinstance(options, int), "the options were refused"
    return options.webhook


# --- options ----------------------------------------------------------------------------------


def test_polling_stays_the_default():
    assert webhook_of([]) is None
    assert webhook_of(["--watch"], {"TELEGRAM_WEBHOOK_LISTEN": "0.0.0.0:80"}) is None


def test_webhook_option_defaults_to_loopback_and_a_random_secret_per_start():
    first = webhook_of(["--webhook", "https://bot.example.be/wegwijzer-hook"])
    second = webhook_of(["--webhook", "https://bot.example.be/wegwijzer-hook"])
    assert (first.url, first.path) == ("https://bot.example.be/wegwijzer-hook", PATH)
    assert f"{first.host}:{first.port}" == DEFAULT_LISTEN == "127.0.0.1:8443"
    assert first.secret != second.secret
    for secret in (first.secret, second.secret):
        assert 32 <= len(secret) <= 256
        assert set(secret) <= set(string.ascii_letters + string.digits + "_-")
    assert first.secret not in repr(first)


def test_the_environment_configures_a_webhook_and_options_win():
    env = {
        "TELEGRAM_WEBHOOK_URL": "https://env.example.be/env-hook",
        "TELEGRAM_WEBHOOK_LISTEN": "0.0.0.0:8080",
        "TELEGRAM_WEBHOOK_SECRET": SECRET,
    }
    from_env = webhook_of([], env)
    assert (from_env.url, from_env.path, from_env.host, from_env.port, from_env.secret) == (
        "https://env.example.be/env-hook",
        "/env-hook",
        "0.0.0.0",
        8080,
        SECRET,
    )
    argv = ["--webhook", "https://opt.example.be:8443/", "--listen", "[::1]:9000"]
    from_options = webhook_of(argv, env)
    assert (from_options.url, from_options.path) == ("https://opt.example.be:8443/", "/")
    assert (from_options.host, from_options.port, from_options.secret) == ("::1", 9000, SECRET)
    assert webhook_of(["--webhook", "https://x.example.be"], env).path == "/"  # no path: root


@pytest.mark.parametrize(
    ("argv", "env", "reason"),
    [
        (["--webhook", "http://bot.example.be/hook"], {}, "only to https"),
        (["--webhook", "ftp://127.0.0.1/hook"], {}, "only to https"),
        (["--webhook", "bot.example.be/hook"], {}, "with a host"),
        (["--webhook", "https:///hook"], {}, "with a host"),
        (["--webhook", "https://[::1/hook"], {}, "not a URL"),
        (["--webhook", "https://bot.example.be/hook?x=1"], {}, "no query"),
        (["--webhook", "https://bot.example.be/ho(o)k"], {}, "only letters"),
        ([], {"TELEGRAM_WEBHOOK_URL": "http://bot.example.be/"}, "only to https"),
        (["--webhook", "https://b.example.be/h", "--listen", "localhost"], {}, "HOST:PORT"),
        (["--webhook", "https://b.example.be/h", "--listen", ":8443"], {}, "HOST:PORT"),
        (["--webhook", "https://b.example.be/h", "--listen", "0.0.0.0:0"], {}, "HOST:PORT"),
        (["--webhook", "https://b.example.be/h", "--listen", "0.0.0.0:65536"], {}, "HOST:PORT"),
        (["--webhook", "https://b.example.be/h", "--listen", "0.0.0.0:http"], {}, "HOST:PORT"),
        (
            ["--webhook", "https://b.example.be/h"],
            {"TELEGRAM_WEBHOOK_LISTEN": "0.0.0.0"},
            "HOST:PORT",
        ),
        (["--listen", "127.0.0.1:8443"], {}, "--listen needs --webhook"),
    ],
)
def test_bad_webhook_options_exit_2_with_the_reason(argv, env, reason, capsys):
    assert telegram_main({"TELEGRAM_BOT_TOKEN": TOKEN, **env}, argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and reason in err
    assert TOKEN not in err


@pytest.mark.parametrize("secret", ["with space", "colon:not-allowed", "é", "x" * 257])
def test_a_bad_secret_is_refused_without_being_printed(secret, capsys):
    env = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_WEBHOOK_URL": "https://bot.example.be/hook",
        "TELEGRAM_WEBHOOK_SECRET": secret,
    }
    assert telegram_main(env) == 2
    err = capsys.readouterr().err
    assert "TELEGRAM_WEBHOOK_SECRET may hold only" in err
    assert secret not in err


def test_the_discord_bot_refuses_webhook_options_and_ignores_the_telegram_variables(capsys):
    env = {"DISCORD_BOT_TOKEN": "discord-token"}
    for argv in (["--webhook", "https://bot.example.be/hook"], ["--listen", "127.0.0.1:8443"]):
        assert discord_main(env, argv) == 2
        assert "for the Telegram bot only" in capsys.readouterr().err
    options = _options([], {"TELEGRAM_WEBHOOK_URL": "https://bot.example.be/hook"})
    assert options.webhook is None


# --- the fake's webhook API -------------------------------------------------------------------


def test_the_fake_sets_refuses_reports_and_deletes_a_webhook_like_the_real_api():
    async def scenario():
        async with FakeTelegram() as fake, Bot(TOKEN, base_url=fake.base_url) as bot:
            with pytest.raises(BadRequest, match=r"(?i)an https url must be provided"):
                await bot.set_webhook("http://bot.example.be/hook")
            with pytest.raises(BadRequest, match=r"(?i)secret token contains unallowed"):
                await bot.set_webhook("https://bot.example.be/hook", secret_token="a:b")
            assert fake.webhook is None
            await bot.set_webhook(
                "https://bot.example.be/hook", secret_token=SECRET, allowed_updates=ALLOWED
            )
            fake.private_message("wacht")
            info = await bot.get_webhook_info()
            with pytest.raises(Conflict, match=r"(?i)while webhook is active"):
                await bot.get_updates()
            recorded = dict(fake.webhook)
            await bot.delete_webhook()
            assert fake.webhook is None
            assert len(await bot.get_updates()) == 1
        return info, recorded

    info, recorded = run(scenario())
    assert (info.url, info.pending_update_count) == ("https://bot.example.be/hook", 1)
    assert tuple(info.allowed_updates) == tuple(ALLOWED)
    assert recorded == {
        "url": "https://bot.example.be/hook",
        "secret_token": SECRET,
        "allowed_updates": ALLOWED,
    }


# --- the entry point as a webhook -------------------------------------------------------------


async def start(argv: list[str], env: dict[str, str]) -> asyncio.subprocess.Process:
    """`python -m bots.telegram <argv>` from the repository, with `env` added."""
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bots.telegram",
        *argv,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


def bot_env(fake: FakeTelegram, **extra: str) -> dict[str, str]:
    return {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": fake.base_url,
        "WEGWIJZER_DB": "off",
        "NO_PROXY": "127.0.0.1",
        **extra,
    }


@pytest.mark.e2e
def test_entry_point_serves_a_webhook_checks_the_secret_and_deletes_it_on_sigterm():
    port = free_port()
    url = f"http://127.0.0.1:{port}{PATH}"

    async def scenario():
        async with FakeTelegram() as fake:
            argv = ["--webhook", url, "--listen", f"127.0.0.1:{port}"]
            process = await start(argv, bot_env(fake))
            try:
                [registered] = await fake.wait_for("setWebhook", timeout=30)
                await fake.wait_for("setMyCommands", timeout=30)
                wrong = fake.private_message("wat is de winwinlening")
                refused = await fake.deliver(wrong, secret_token="wrong-secret")
                missing = await fake.deliver(wrong, secret_token="")
                await asyncio.sleep(0.3)
                answered_wrong = fake.calls_to("sendMessage")
                fake._updates.clear()  # Telegram would retry it; this test does not
                right = fake.private_message("wat is de winwinlening")
                accepted = await fake.deliver(right)
                [sent] = await fake.wait_for("sendMessage", timeout=30)
            finally:
                stderr = await stop_bot(process)
        return fake, registered, (refused, missing, answered_wrong), accepted, sent, stderr

    fake, registered, wrong, accepted, sent, stderr = run(scenario())
    secret = registered["secret_token"]
    assert registered["url"] == url
    assert registered["allowed_updates"] == ALLOWED
    assert secret and len(secret) >= 32
    assert wrong == (403, 403, [])
    assert accepted == 200
    assert "Winwinlening" in sent["text"]
    assert fake.calls_to("getUpdates") == []
    methods = [c.method for c in fake.calls]
    assert methods.count("deleteWebhook") == 1
    assert methods[-1] == "deleteWebhook" and fake.webhook is None
    assert TOKEN not in stderr and secret not in stderr and "Traceback" not in stderr
    assert fake.rejected == []


@pytest.mark.e2e
def test_the_environment_alone_starts_a_webhook_with_its_secret_and_sighup_reloads():
    port = free_port()
    url = f"http://127.0.0.1:{port}{PATH}"

    async def scenario():
        async with FakeTelegram() as fake:
            env = bot_env(
                fake,
                TELEGRAM_WEBHOOK_URL=url,
                TELEGRAM_WEBHOOK_LISTEN=f"127.0.0.1:{port}",
                TELEGRAM_WEBHOOK_SECRET=SECRET,
            )
            process = await start([], env)
            try:
                [registered] = await fake.wait_for("setWebhook", timeout=30)
                await fake.wait_for("setMyCommands", timeout=30)  # on_start has run
                os.kill(process.pid, signal.SIGHUP)
                await line_with(process.stderr, "corpus reloaded")
                status = await fake.deliver(fake.private_message("wat is de winwinlening"))
                [sent] = await fake.wait_for("sendMessage", timeout=30)
            finally:
                stderr = await stop_bot(process)
        return fake, registered, status, sent, stderr, process.returncode

    fake, registered, status, sent, stderr, code = run(scenario())
    assert (registered["url"], registered["secret_token"]) == (url, SECRET)
    assert status == 200 and "Winwinlening" in sent["text"]
    assert code == 0
    assert len(fake.calls_to("deleteWebhook")) == 1 and fake.webhook is None
    assert TOKEN not in stderr and SECRET not in stderr


@pytest.mark.e2e
def test_a_webhook_port_in_use_is_one_line_without_secrets():
    async def scenario():
        with socket.socket() as taken:
            taken.bind(("127.0.0.1", 0))
            taken.listen()
            port = taken.getsockname()[1]
            async with FakeTelegram() as fake:
                env = bot_env(fake, TELEGRAM_WEBHOOK_SECRET=SECRET)
                argv = ["--webhook", f"http://127.0.0.1:{port}{PATH}"]
                process = await start([*argv, "--listen", f"127.0.0.1:{port}"], env)
                try:
                    _, stderr = await asyncio.wait_for(process.communicate(), 30)
                except TimeoutError:
                    process.kill()
                    await process.wait()
                    raise
                left_set = fake.webhook
        return process.returncode, stderr.decode(), port, left_set

    code, stderr, port, left_set = run(scenario())
    assert code == 1
    # Telegram must not be told to post to a server that never started.
    assert left_set is None
    assert "Traceback" not in stderr
    last = stderr.strip().splitlines()[-1]
    assert last.startswith(f"error: cannot listen on 127.0.0.1 port {port}")
    assert TOKEN not in stderr and SECRET not in stderr
