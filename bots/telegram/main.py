"""Entry point: `wegwijzer telegram` or `python -m bots.telegram`; configured by the environment."""

from __future__ import annotations

import importlib.util
import logging
import os
import socket
from collections.abc import Mapping, Sequence

from bots.redact import log_briefly
from bots.reload import CorpusReloader
from bots.service import ChatService
from bots.startup import fail, missing_extra, prepare, redact

TOKEN_VARIABLE = "TELEGRAM_BOT_TOKEN"
BASE_URL_VARIABLE = "TELEGRAM_API_BASE_URL"
TOKEN_HINT = "the token BotFather gave you (see README, 'Telegram')"
ALLOWED_UPDATES = ["message", "callback_query", "inline_query"]

logger = logging.getLogger(__name__)


def main(environ: Mapping[str, str] | None = None, argv: Sequence[str] | None = None) -> int:
    """Poll, or with `--webhook` serve a webhook, configured by the environment and options of
    `bots.startup.prepare`, until SIGINT or SIGTERM; returns an exit code (2 when the token is
    missing or `argv` is wrong).

    A webhook is set at start (python-telegram-bot's `run_webhook`, with the secret token that
    its server then demands of every post) and deleted again on a clean stop.
    """
    prepared = prepare(environ, TOKEN_VARIABLE, TOKEN_HINT, argv, webhooks=True)
    if isinstance(prepared, int):
        return prepared
    env = os.environ if environ is None else environ
    token = prepared.token
    webhook = prepared.webhook
    hidden = [token] + ([webhook.secret] if webhook else [])  # never printed
    os.environ.setdefault("PTB_TIMEDELTA", "1")  # opt in to python-telegram-bot's timedelta API
    try:
        from bots.telegram.app import CHANNEL, DEFAULT_BASE_URL, TelegramHandlers, build_application
    except ImportError:
        return missing_extra("telegram")
    from telegram.error import InvalidToken, NetworkError, TelegramError
    from telegram.ext import Application

    if webhook is not None and importlib.util.find_spec("tornado") is None:
        return missing_extra("telegram")  # installed without python-telegram-bot's `webhooks`

    log_briefly("telegram")
    base_url = env.get(BASE_URL_VARIABLE, "").strip() or DEFAULT_BASE_URL
    service = ChatService(prepared.assistant, channel=CHANNEL, log=prepared.log)
    reloader = CorpusReloader(service, prepared.corpus, prepared.cache)

    async def started(_: object) -> None:
        reloader.install(watch=prepared.watch)

    async def stopped(application: Application) -> None:
        # python-telegram-bot leaves the webhook set when it stops: Telegram would go on
        # posting to a server that is gone, and a later start in polling mode would need it
        # deleted anyway.
        try:
            await application.bot.delete_webhook()
        except TelegramError as exc:
            logger.warning("webhook not deleted: %s", redact(exc, *hidden))
        else:
            logger.info("webhook deleted")

    handlers = TelegramHandlers(service)
    application = build_application(
        token,
        handlers,
        base_url=base_url,
        on_start=started,
        on_stop=stopped if webhook else None,
    )
    try:
        if webhook is None:
            application.run_polling(allowed_updates=ALLOWED_UPDATES)
        else:
            logger.info(
                "webhook %s, listening on %s port %d", webhook.url, webhook.host, webhook.port
            )
            # python-telegram-bot sets the webhook before its server listens: with the port
            # taken, Telegram would be left posting to nothing. Try the address first.
            _check_listen(webhook.host, webhook.port)
            application.run_webhook(
                listen=webhook.host,
                port=webhook.port,
                url_path=webhook.path,
                webhook_url=webhook.url,
                secret_token=webhook.secret,
                allowed_updates=ALLOWED_UPDATES,
            )
    except InvalidToken:
        # Also what a wrong base URL gives (the API answers 404); the library's message holds
        # the whole token, so it is never printed.
        return fail(f"Telegram refused the token, or {BASE_URL_VARIABLE} is wrong; check both.")
    except NetworkError as exc:
        return fail(f"cannot reach the Telegram Bot API at {base_url}: {redact(exc, *hidden)}")
    except TelegramError as exc:
        return fail(f"Telegram: {redact(exc, *hidden)}")
    except OSError as exc:  # the webhook server cannot listen (address in use, no permission)
        if webhook is None:
            raise
        return fail(f"cannot listen on {webhook.host} port {webhook.port}: {redact(exc, *hidden)}")
    return 0


def _check_listen(host: str, port: int) -> None:
    """Bind and release `host`:`port` once, so a taken port fails before the webhook is set.

    Raises:
        OSError: the address cannot be listened on (in use, no permission, unknown host).
    """
    family, kind, protocol, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    with socket.socket(family, kind, protocol) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
        probe.bind(address)
        probe.listen()
