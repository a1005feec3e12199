"""What both bots do before connecting: read the token, quiet the logs, load the assistant."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import re
import secrets
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from assistant import Assistant, CorpusError
from assistant import cache as cache_file
from assistant.backends import database_secrets
from assistant.corpus import Corpus, bundled_corpus_dir, dated
from assistant.decision import ModelFileError
from assistant.gcpause import settle
from assistant.store import Store, store_from_environment
from assistant.votes import VotesFileError
from bots.redact import REDACTED, configure_logging
from bots.reload import DEFAULT_WATCH_SECONDS

logger = logging.getLogger(__name__)

CORPUS_VARIABLE = "WEGWIJZER_CORPUS"
WEBHOOK_URL_VARIABLE = "TELEGRAM_WEBHOOK_URL"
WEBHOOK_LISTEN_VARIABLE = "TELEGRAM_WEBHOOK_LISTEN"
WEBHOOK_SECRET_VARIABLE = "TELEGRAM_WEBHOOK_SECRET"
# Loopback: the webhook server speaks plain HTTP, so a TLS-terminating reverse proxy on the same
# host forwards to it; 8443 is one of the ports Telegram posts to (443, 80, 88, 8443).
DEFAULT_LISTEN = "127.0.0.1:8443"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
# What the Bot API accepts as a webhook's secret token (setWebhook's `secret_token`).
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")
_URL_PATH = re.compile(r"/[A-Za-z0-9._~/-]*")


@dataclass(frozen=True)
class Webhook:
    """Where Telegram posts updates (`url`), where the bot's server listens for them, and the
    secret token every post must carry (never printed: not in the repr)."""

    url: str  # the public https URL given to setWebhook
    host: str  # the local address the server listens on
    port: int
    path: str  # the URL's path: the local path too
    secret: str = field(repr=False)


@dataclass(frozen=True)
class Prepared:
    """What a bot needs before it connects."""

    token: str
    assistant: Assistant
    log: Store
    corpus: Path  # the folder the corpus was loaded from, and is reloaded from
    watch: float | None  # seconds between checks for changed corpus files, or None
    webhook: Webhook | None = None  # Telegram only: webhook mode instead of polling
    cache: Path | None = None  # the index cache file of `corpus` (see `assistant.cache`)


def prepare(
    environ: Mapping[str, str] | None,
    token_variable: str,
    token_hint: str,
    argv: Sequence[str] | None = None,
    *,
    webhooks: bool = False,
) -> Prepared | int:
    """The token, the assistant, the question log and the options; or an exit code after a
    clear message.

    Args:
        environ: the environment (None: the process's).
        token_variable: where the bot's token is.
        token_hint: where to get one, for the message when it is missing.
        argv: the bot's options (`--watch [SECONDS]`; with `webhooks`, also `--webhook URL`
            and `--listen HOST:PORT`).
        webhooks: whether the bot can run as a webhook (Telegram); the others refuse
            `--webhook` and ignore the `TELEGRAM_WEBHOOK_*` variables.

    Logging is configured first, with the token, the webhook's secret and the question log's
    password(s) redacted from every record.
    """
    env = os.environ if environ is None else environ
    options = _options(argv, env, webhooks=webhooks)
    if isinstance(options, int):
        return options
    token = env.get(token_variable, "").strip()
    if not token:
        print(f"error: set {token_variable} to {token_hint}.", file=sys.stderr)
        return 2
    webhook: Webhook | None = options.webhook
    configure_logging(
        token,
        *([webhook.secret] if webhook else []),
        *database_secrets(env.get("WEGWIJZER_DB", "").strip()),
    )
    corpus = Path(env.get(CORPUS_VARIABLE, "").strip() or bundled_corpus_dir())
    today = dt.date.today()
    cache = cache_file.user_path(corpus, env)
    try:
        assistant = cache_file.load(corpus, cache)  # the index cache, or built and cached
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except (ModelFileError, VotesFileError) as exc:  # a broken install: the message names it
        print(f"error: {exc}", file=sys.stderr)
        return 2
    _self_check(env, corpus, dated(assistant.corpus, today), today)
    assistant.warm_up()  # the first user's question waits for no import
    settle()  # what was built lives as long as the bot: out of the collector's walks
    log = store_from_environment(env)
    return Prepared(token, assistant, log, corpus, options.watch, webhook, cache)


def _self_check(env: Mapping[str, str], directory: Path, corpus: Corpus, today: dt.date) -> None:
    """Log the doctor's corpus and log checks, one line each (`wegwijzer doctor`), on the
    corpus already loaded. The platform's own check is the bot's start itself, which fails in
    one line on a bad token."""
    from bots.doctor import check_log, describe_corpus  # the doctor imports this module

    for check in (describe_corpus(directory, corpus, today), check_log(env)):
        (logger.error if check.status == "fail" else logger.info)("doctor: %s", check.line())


def _options(
    argv: Sequence[str] | None, env: Mapping[str, str] | None = None, *, webhooks: bool = False
) -> argparse.Namespace | int:
    """The parsed options, with `webhook` a `Webhook` or None; or an exit code (2) after a
    message. With `webhooks`, `TELEGRAM_WEBHOOK_URL`, `_LISTEN` and `_SECRET` in `env` fill in
    what the options leave out (options win)."""
    env = {} if env is None else env
    parser = argparse.ArgumentParser(
        prog="wegwijzer <bot>",
        description=f"Run a Wegwijzer bot. The corpus comes from {CORPUS_VARIABLE} (default: "
        "the bundled one) and is reloaded on SIGHUP.",
    )
    parser.add_argument(
        "--watch",
        nargs="?",
        type=float,
        const=DEFAULT_WATCH_SECONDS,
        metavar="SECONDS",
        help=f"also reload when the corpus files change (checked every {DEFAULT_WATCH_SECONDS:g} "
        "seconds unless given)",
    )
    parser.add_argument(
        "--webhook",
        metavar="URL",
        help=f"Telegram: receive updates as a webhook at this public https URL instead of "
        f"polling (or {WEBHOOK_URL_VARIABLE}); its path is also the local path. The secret "
        f"token comes from {WEBHOOK_SECRET_VARIABLE}, or a random one per start"
        if webhooks
        else argparse.SUPPRESS,
    )
    parser.add_argument(
        "--listen",
        metavar="HOST:PORT",
        help=f"Telegram: where the webhook server listens (or {WEBHOOK_LISTEN_VARIABLE}; "
        f"default {DEFAULT_LISTEN}, behind a TLS reverse proxy)"
        if webhooks
        else argparse.SUPPRESS,
    )
    try:
        options = parser.parse_args(list(argv or ()))
    except SystemExit as exit_:  # usage error or --help: argparse has printed why
        return int(exit_.code or 0)
    if options.watch is not None and options.watch <= 0:
        return _usage("--watch takes a positive number of seconds")
    if not webhooks:
        if options.webhook is not None or options.listen is not None:
            return _usage("--webhook and --listen are for the Telegram bot only")
        options.webhook = None
        return options
    webhook = _webhook(options.webhook, options.listen, env)
    if isinstance(webhook, int):
        return webhook
    options.webhook = webhook
    return options


def _webhook(url: str | None, listen: str | None, env: Mapping[str, str]) -> Webhook | int | None:
    """The webhook from the options and the environment; None (polling) without a URL."""
    url = (url if url is not None else env.get(WEBHOOK_URL_VARIABLE, "")).strip()
    if not url:
        if listen is not None:
            return _usage("--listen needs --webhook URL")
        return None
    try:
        parts = urlsplit(url)
        hostname = parts.hostname
    except ValueError:
        return _usage(f"--webhook: not a URL: {url!r}")
    if not hostname:
        return _usage(f"--webhook: not a URL with a host: {url!r}")
    if parts.scheme != "https" and not (parts.scheme == "http" and hostname in LOOPBACK_HOSTS):
        return _usage(
            f"--webhook: Telegram posts only to https URLs: {url!r} "
            "(http only on 127.0.0.1 or localhost, for tests)"
        )
    path = parts.path or "/"
    if parts.query or parts.fragment or not _URL_PATH.fullmatch(path):
        return _usage(
            f"--webhook: the URL's path (the local path too) may hold only letters, digits and "
            f"._~/- and no query or fragment: {url!r}"
        )
    address = _listen(listen if listen is not None else env.get(WEBHOOK_LISTEN_VARIABLE, ""))
    if address is None:
        return _usage(
            f"--listen: expected HOST:PORT (e.g. {DEFAULT_LISTEN} or [::1]:8443), got "
            f"{(listen or env.get(WEBHOOK_LISTEN_VARIABLE, '')).strip()!r}"
        )
    secret = env.get(WEBHOOK_SECRET_VARIABLE, "").strip()
    if not secret:
        secret = secrets.token_urlsafe(32)  # 43 characters of A-Z a-z 0-9 _ -
    elif not _SECRET.fullmatch(secret):
        # The value itself is a secret: never echoed.
        return _usage(
            f"{WEBHOOK_SECRET_VARIABLE} may hold only A-Z a-z 0-9 _ - (1 to 256 characters)"
        )
    host, port = address
    return Webhook(url, host, port, path, secret)


def _listen(value: str) -> tuple[str, int] | None:
    """HOST:PORT (an IPv6 host in brackets) as (host, port); the default when `value` is
    blank; None when it does not parse."""
    value = value.strip() or DEFAULT_LISTEN
    host, colon, port = value.rpartition(":")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if not colon or not host or any(c in host for c in "[]/ "):
        return None
    if not (port.isascii() and port.isdigit() and 0 < int(port) < 65536):
        return None
    return host, int(port)


def _usage(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


def redact(value: object, *secrets: str, limit: int = 200) -> str:
    """A value for a start-up message: every secret replaced, one line, at most `limit` chars."""
    text = " ".join(str(value).split())
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def fail(message: str) -> int:
    """Report a start-up failure in one line on stderr; the exit code for it (1)."""
    print(f"error: {message}", file=sys.stderr)
    return 1


def missing_extra(name: str) -> int:
    print(
        f"error: the {name.capitalize()} extra is not installed: pip install 'wegwijzer[{name}]'",
        file=sys.stderr,
    )
    return 2
