"""Entry point: `wegwijzer telegram` or `python -m bots.telegram`; configured by the environment."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from bots.redact import log_briefly
from bots.reload import CorpusReloader
from bots.service import ChatService
from bots.startup import fail, missing_extra, prepare, redact

TOKEN_VARIABLE = "TELEGRAM_BOT_TOKEN"
BASE_URL_VARIABLE = "TELEGRAM_API_BASE_URL"
TOKEN_HINT = "the token BotFather gave you (see README, 'Telegram')"


def main(environ: Mapping[str, str] | None = None, argv: Sequence[str] | None = None) -> int:
    """Start polling with the environment and options of `bots.startup.prepare`; returns an
    exit code (2 when the token is missing or `argv` is wrong)."""
    prepared = prepare(environ, TOKEN_VARIABLE, TOKEN_HINT, argv)
    if isinstance(prepared, int):
        return prepared
    env = os.environ if environ is None else environ
    token = prepared.token
    os.environ.setdefault("PTB_TIMEDELTA", "1")  # opt in to python-telegram-bot's timedelta API
    try:
        from bots.telegram.app import CHANNEL, DEFAULT_BASE_URL, TelegramHandlers, build_application
    except ImportError:
        return missing_extra("telegram")
    from telegram.error import InvalidToken, NetworkError, TelegramError

    log_briefly("telegram")
    base_url = env.get(BASE_URL_VARIABLE, "").strip() or DEFAULT_BASE_URL
    service = ChatService(prepared.assistant, channel=CHANNEL, log=prepared.log)
    reloader = CorpusReloader(service, prepared.corpus)

    async def started(_: object) -> None:
        reloader.install(watch=prepared.watch)

    handlers = TelegramHandlers(service)
    application = build_application(token, handlers, base_url=base_url, on_start=started)
    try:
        application.run_polling(allowed_updates=["message", "callback_query", "inline_query"])
    except InvalidToken:
        # Also what a wrong base URL gives (the API answers 404); the library's message holds
        # the whole token, so it is never printed.
        return fail(f"Telegram refused the token, or {BASE_URL_VARIABLE} is wrong; check both.")
    except NetworkError as exc:
        return fail(f"cannot reach the Telegram Bot API at {base_url}: {redact(exc, token)}")
    except TelegramError as exc:
        return fail(f"Telegram: {redact(exc, token)}")
    return 0
