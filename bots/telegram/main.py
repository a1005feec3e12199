"""Entry point: `wegwijzer telegram` or `python -m bots.telegram`; configured by the environment."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

from assistant import Assistant, CorpusError
from assistant.store import store_from_environment
from bots.redact import configure_logging

TOKEN_VARIABLE = "TELEGRAM_BOT_TOKEN"
BASE_URL_VARIABLE = "TELEGRAM_API_BASE_URL"


def main(environ: Mapping[str, str] | None = None) -> int:
    """Start polling; returns an exit code (2 when the token is missing)."""
    env = os.environ if environ is None else environ
    token = env.get(TOKEN_VARIABLE, "").strip()
    if not token:
        print(
            f"error: set {TOKEN_VARIABLE} to the token BotFather gave you "
            "(see README, 'Telegram').",
            file=sys.stderr,
        )
        return 2
    configure_logging(token)
    os.environ.setdefault("PTB_TIMEDELTA", "1")  # opt in to python-telegram-bot's timedelta API
    try:
        from bots.telegram.app import DEFAULT_BASE_URL, WegwijzerBot, build_application
    except ImportError:
        print(
            "error: the Telegram extra is not installed: pip install 'wegwijzer[telegram]'",
            file=sys.stderr,
        )
        return 2
    try:
        assistant = Assistant.bundled()
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    base_url = env.get(BASE_URL_VARIABLE, "").strip() or DEFAULT_BASE_URL
    bot = WegwijzerBot(assistant, store=store_from_environment(env))
    application = build_application(token, bot, base_url=base_url)
    application.run_polling(allowed_updates=["message", "callback_query", "inline_query"])
    return 0
