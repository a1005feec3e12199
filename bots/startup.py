"""What both bots do before connecting: read the token, quiet the logs, load the assistant."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant import Assistant, CorpusError
from assistant.corpus import bundled_corpus_dir
from assistant.store import Store, store_from_environment
from bots.redact import REDACTED, configure_logging
from bots.reload import DEFAULT_WATCH_SECONDS

CORPUS_VARIABLE = "WEGWIJZER_CORPUS"


@dataclass(frozen=True)
class Prepared:
    """What a bot needs before it connects."""

    token: str
    assistant: Assistant
    log: Store
    corpus: Path  # the folder the corpus was loaded from, and is reloaded from
    watch: float | None  # seconds between checks for changed corpus files, or None


def prepare(
    environ: Mapping[str, str] | None,
    token_variable: str,
    token_hint: str,
    argv: Sequence[str] | None = None,
) -> Prepared | int:
    """The token, the assistant, the question log and the options; or an exit code after a
    clear message.

    Args:
        environ: the environment (None: the process's).
        token_variable: where the bot's token is.
        token_hint: where to get one, for the message when it is missing.
        argv: the bot's options (`--watch [SECONDS]`).

    Logging is configured first, with the token redacted from every record.
    """
    env = os.environ if environ is None else environ
    options = _options(argv)
    if isinstance(options, int):
        return options
    token = env.get(token_variable, "").strip()
    if not token:
        print(f"error: set {token_variable} to {token_hint}.", file=sys.stderr)
        return 2
    configure_logging(token)
    corpus = Path(env.get(CORPUS_VARIABLE, "").strip() or bundled_corpus_dir())
    try:
        assistant = Assistant.from_directory(corpus)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return Prepared(token, assistant, store_from_environment(env), corpus, options.watch)


def _options(argv: Sequence[str] | None) -> argparse.Namespace | int:
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
    try:
        options = parser.parse_args(list(argv or ()))
    except SystemExit as exit_:  # usage error or --help: argparse has printed why
        return int(exit_.code or 0)
    if options.watch is not None and options.watch <= 0:
        print("error: --watch takes a positive number of seconds", file=sys.stderr)
        return 2
    return options


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
