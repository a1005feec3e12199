"""`wegwijzer doctor`: check what a bot needs before it starts, one line per check.

The checks: the corpus loads (and how stale it is), the question log can be written, and for
each platform whose token is set, its API accepts the token. Tokens are never printed, not even
in part. `run_checks` is the pure core; `main` prints its result and turns it into an exit code.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import importlib.util
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

from assistant.backends import NOT_A_LOCATION, describe, is_refused
from assistant.corpus import (
    STALE_AFTER_MONTHS,
    Corpus,
    CorpusError,
    bundled_corpus_dir,
    load_corpus,
    parse_date,
    stale_passages,
)
from assistant.store import default_path, store_from_environment
from bots.discord.main import API_VARIABLE as DISCORD_BASE
from bots.discord.main import TOKEN_VARIABLE as DISCORD_TOKEN
from bots.startup import CORPUS_VARIABLE, redact
from bots.telegram.main import BASE_URL_VARIABLE as TELEGRAM_BASE
from bots.telegram.main import TOKEN_VARIABLE as TELEGRAM_TOKEN

Status = Literal["ok", "fail", "skip"]
LABELS: dict[str, str] = {"ok": "ok", "fail": "FAIL", "skip": "skip"}
DB_VARIABLE = "WEGWIJZER_DB"
TIMEOUT_SECONDS = 10.0
PROBE_TIMEOUT = 5.0  # seconds the log's write probe waits for another writer's lock
# The bots' default API addresses live in their app modules, which need the platform's extra;
# repeated here so that the doctor runs, and says what is missing, without either extra
# (`test_the_defaults_match_the_bots` keeps them equal).
TELEGRAM_DEFAULT_BASE = "https://api.telegram.org/bot"
DISCORD_DEFAULT_BASE = "https://discord.com/api/v10"
PLATFORMS = ("telegram", "discord")


@dataclass(frozen=True)
class Check:
    """The outcome of one check: `status` is ok, fail or skip; `message` is one line."""

    name: str
    status: Status
    message: str

    def line(self) -> str:
        """The check as the doctor prints it: `ok    corpus: ...`."""
        return f"{LABELS[self.status]:<6}{self.name}: {self.message}"


def run_checks(
    environ: Mapping[str, str] | None = None,
    platforms: Sequence[str] | None = None,
    *,
    timeout: float = TIMEOUT_SECONDS,
) -> list[Check]:
    """Check the corpus, the question log and the platforms; never raises.

    Args:
        environ: the environment (None: the process's).
        platforms: the platforms to check, which then must have a token (a missing one fails);
            None checks both, and a platform without a token is skipped.
        timeout: seconds each API request may take.

    Call it before an event loop runs: the Discord check runs one of its own.
    """
    env = os.environ if environ is None else environ
    chosen = tuple(dict.fromkeys(platforms or ()))
    checks = [check_corpus(env), check_log(env)]
    for platform in chosen or PLATFORMS:
        check = _PLATFORM_CHECKS[platform]
        checks.append(check(env, platform in chosen, timeout))
    return checks


def failed(checks: Sequence[Check]) -> bool:
    """Whether any check failed."""
    return any(check.status == "fail" for check in checks)


# --- the corpus -----------------------------------------------------------------------------


def check_corpus(env: Mapping[str, str], today: dt.date | None = None) -> Check:
    """The corpus the bots would load (`WEGWIJZER_CORPUS`, else the bundled one): its size,
    the most recent `checked` date and how many passages are stale."""
    today = today or dt.date.today()
    named = env.get(CORPUS_VARIABLE, "").strip()
    try:
        directory = Path(named) if named else bundled_corpus_dir()
        corpus = load_corpus(directory, today=today)
    except CorpusError as exc:
        first = exc.problems[0]
        more = f" (and {len(exc.problems) - 1} more)" if len(exc.problems) > 1 else ""
        command = "wegwijzer corpus check" + (f" {named}" if named else "")
        where = named or "the bundled corpus"
        problem = str(first) if str(first).startswith(where) else f"{where}: {first}"
        return Check("corpus", "fail", _one_line(f"{problem}{more}; see `{command}`"))
    except Exception as exc:  # an unreadable folder, a missing bundled corpus ...
        return Check("corpus", "fail", _one_line(f"cannot load: {type(exc).__name__}: {exc}"))
    return describe_corpus(directory, corpus, today)


def describe_corpus(directory: Path, corpus: Corpus, today: dt.date) -> Check:
    """The ok line for a corpus loaded from `directory` with `today`'s staleness warnings
    (a bot that has loaded its corpus asks this instead of loading it again)."""
    dated = [(d, p.checked) for p in corpus.passages if (d := parse_date(p.checked)) is not None]
    latest = f"last checked {max(dated)[1]}" if dated else "no checked dates"
    stale = len(stale_passages(corpus.passages, corpus.sources, today))
    message = (
        f"{len(corpus.passages)} passages from {directory}, {latest}, "
        f"{stale} stale (older than {STALE_AFTER_MONTHS} months)"
    )
    sources = sum(1 for w in corpus.warnings if w.field == "compared")
    if sources:
        message += f", {sources} cited sources not compared with their page for as long"
    others = sum(1 for w in corpus.warnings if w.field not in ("checked", "compared"))
    if others:
        message += f", {others} other warning(s) (see `wegwijzer corpus check`)"
    return Check("corpus", "ok", message)


# --- the question log -----------------------------------------------------------------------


def check_log(env: Mapping[str, str]) -> Check:
    """The question log: off, or a SQLite file or PostgreSQL database that opens and takes a
    write. The line says which back-end and where (a path, or host, port and database: never
    the URL's user or password).

    The write (SQLite: a table created; PostgreSQL: a question inserted; in a transaction that
    is rolled back) leaves nothing behind; opening a log that does not exist yet creates it
    (SQLite) or its tables (PostgreSQL), as the bots would.
    """
    location = env.get(DB_VARIABLE, "").strip()
    if location.lower() == "off":
        return Check("log", "ok", f"off ({DB_VARIABLE}=off): questions are not logged")
    target = location or default_path(env)
    if is_refused(target):  # perhaps a connection string with a password: never echoed
        return Check("log", "fail", NOT_A_LOCATION)
    described = describe(target)
    with _captured("assistant.store") as records:
        store = store_from_environment(env)
    try:
        if not store.enabled:
            reasons = [r.getMessage() for r in records if r.levelno >= logging.ERROR]
            why = reasons[-1] if reasons else "it cannot be opened"
            return Check("log", "fail", _one_line(f"{described} is not usable: {why}"))
        problem = store.write_problem(PROBE_TIMEOUT)
    finally:
        store.close()
    if problem:
        return Check("log", "fail", _one_line(f"{described} cannot be written: {problem}"))
    return Check("log", "ok", f"{described}, writable")


@contextmanager
def _captured(name: str) -> Iterator[list[logging.LogRecord]]:
    """The records logger `name` emits inside the block, kept from the other handlers: the
    doctor reports them in its own line."""
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    logger = logging.getLogger(name)
    handler, propagate = Keep(), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield records
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


# --- the platforms --------------------------------------------------------------------------


def check_telegram(env: Mapping[str, str], required: bool, timeout: float) -> Check:
    """The Telegram token, and `getMe` with it at `TELEGRAM_API_BASE_URL`."""
    token = env.get(TELEGRAM_TOKEN, "").strip()
    if not token:
        return _no_token("telegram", TELEGRAM_TOKEN, required)
    if not _installed("telegram", "httpx"):
        return Check("telegram", "fail", _missing_extra("telegram", TELEGRAM_TOKEN))
    base = env.get(TELEGRAM_BASE, "").strip() or TELEGRAM_DEFAULT_BASE
    where = f"the Telegram Bot API at {base}"

    def get() -> tuple[int, Any]:
        import httpx

        response = httpx.get(f"{base}{token}/getMe", timeout=timeout)
        return response.status_code, _json_or_none(response.text)

    return _api_check(
        "telegram",
        get,
        token,
        where,
        refused=f"Telegram refused the token (401 Unauthorized); check {TELEGRAM_TOKEN}",
        not_found=f"{where} answered 404 Not Found: the token is malformed or {TELEGRAM_BASE} "
        "is wrong",
        username=lambda data: data["result"]["username"] if data.get("ok") else None,
        ok=lambda name: f"{TELEGRAM_TOKEN} set; getMe at {base} answered @{name}",
        timeout=timeout,
    )


def check_discord(env: Mapping[str, str], required: bool, timeout: float) -> Check:
    """The Discord token, and `GET /users/@me` with it at `DISCORD_API_BASE_URL`."""
    token = env.get(DISCORD_TOKEN, "").strip()
    if not token:
        return _no_token("discord", DISCORD_TOKEN, required)
    if not _installed("discord", "aiohttp"):
        return Check("discord", "fail", _missing_extra("discord", DISCORD_TOKEN))
    base = (env.get(DISCORD_BASE, "").strip() or DISCORD_DEFAULT_BASE).rstrip("/")
    where = f"the Discord API at {base}"

    async def fetch() -> tuple[int, Any]:
        import aiohttp

        limit = aiohttp.ClientTimeout(total=timeout)
        async with (
            aiohttp.ClientSession(timeout=limit, trust_env=True) as session,
            session.get(f"{base}/users/@me", headers={"Authorization": f"Bot {token}"}) as reply,
        ):
            return reply.status, _json_or_none(await reply.text())

    return _api_check(
        "discord",
        lambda: asyncio.run(fetch()),
        token,
        where,
        refused=f"Discord refused the token (401 Unauthorized); check {DISCORD_TOKEN}",
        not_found=f"{where} answered 404 Not Found; check {DISCORD_BASE}",
        username=lambda data: data["username"],
        ok=lambda name: f"{DISCORD_TOKEN} set; /users/@me at {base} answered {name}",
        timeout=timeout,
    )


_PLATFORM_CHECKS: dict[str, Callable[[Mapping[str, str], bool, float], Check]] = {
    "telegram": check_telegram,
    "discord": check_discord,
}


def _api_check(
    name: str,
    get: Callable[[], tuple[int, Any]],
    token: str,
    where: str,
    *,
    refused: str,
    not_found: str,
    username: Callable[[Any], str | None],
    ok: Callable[[str], str],
    timeout: float,
) -> Check:
    """One request to a platform's API, its outcome as a check with the token redacted."""

    def fail(message: str) -> Check:
        return Check(name, "fail", redact(message, token))

    try:
        status, data = get()
    except TimeoutError:
        return fail(f"no answer from {where} within {timeout:g} s")
    except Exception as exc:  # refused connection, unknown host, TLS, proxy, timeout ...
        kind = type(exc).__name__
        if "Timeout" in kind:
            return fail(f"no answer from {where} within {timeout:g} s ({kind})")
        return fail(f"cannot reach {where}: {kind}: {exc}")
    if status == 401:
        return fail(refused)
    if status == 404:
        return fail(not_found)
    if status != 200:
        detail = (data.get("description") or data.get("message")) if isinstance(data, dict) else ""
        return fail(f"{where} answered HTTP {status}" + (f": {detail}" if detail else ""))
    try:
        user = username(data) if isinstance(data, dict) else None
    except (KeyError, TypeError):
        user = None
    if not isinstance(user, str) or not user:
        return fail(f"{where} answered 200 but not with the bot's user; check the URL")
    return Check(name, "ok", redact(ok(user), token))


def _no_token(name: str, variable: str, required: bool) -> Check:
    if required:
        return Check(name, "fail", f"{variable} is not set")
    return Check(name, "skip", f"{variable} is not set")


def _installed(*modules: str) -> bool:
    return all(importlib.util.find_spec(module) is not None for module in modules)


def _missing_extra(name: str, variable: str) -> str:
    return (
        f"{variable} is set but the {name} extra is not installed: pip install 'wegwijzer[{name}]'"
    )


def _json_or_none(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- the command ----------------------------------------------------------------------------


def main(environ: Mapping[str, str] | None = None, argv: Sequence[str] | None = None) -> int:
    """`wegwijzer doctor [PLATFORM...] [--json]`: print the checks; exit 0 when none failed,
    1 when one did, 2 for bad options."""
    parser = argparse.ArgumentParser(
        prog="wegwijzer doctor",
        description="Check the corpus, the question log, the bot tokens (never printed) and "
        "whether each platform's API accepts its token. Exit 0: nothing failed; 1: a check "
        "failed; 2: bad options.",
    )
    parser.add_argument(
        "platforms",
        nargs="*",
        metavar="PLATFORM",
        help=f"check only these platforms ({', '.join(PLATFORMS)}); their tokens must then be "
        "set (default: every platform whose token is set)",
    )
    parser.add_argument("--json", action="store_true", help="print the checks as JSON")
    parser.add_argument(
        "--timeout",
        type=float,
        default=TIMEOUT_SECONDS,
        metavar="SECONDS",
        help=f"seconds each API request may take (default {TIMEOUT_SECONDS:g})",
    )
    try:
        options = parser.parse_args(list(argv or ()))
    except SystemExit as exit_:  # usage error or --help: argparse has printed why
        return int(exit_.code or 0)
    unknown = [p for p in options.platforms if p not in PLATFORMS]
    if unknown:
        print(
            f"error: unknown platform {unknown[0]!r}; choose from {', '.join(PLATFORMS)}",
            file=sys.stderr,
        )
        return 2
    if not 0 < options.timeout <= 300:
        print("error: --timeout takes a number of seconds from 0 to 300", file=sys.stderr)
        return 2
    checks = run_checks(environ, options.platforms or None, timeout=options.timeout)
    if options.json:
        print(json.dumps([asdict(check) for check in checks], ensure_ascii=False, indent=2))
    else:
        for check in checks:
            print(check.line())
    return 1 if failed(checks) else 0
