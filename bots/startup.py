"""What both bots do before connecting: read the token, quiet the logs, load the assistant."""

from __future__ import annotations

import sys
from collections.abc import Mapping

from assistant import Assistant, CorpusError
from assistant.store import Store, store_from_environment
from bots.redact import REDACTED, configure_logging


def prepare(
    env: Mapping[str, str], token_variable: str, token_hint: str
) -> tuple[str, Assistant, Store] | int:
    """The token, the assistant and the question log; or an exit code after a clear message.

    Logging is configured first, with the token redacted from every record.
    """
    token = env.get(token_variable, "").strip()
    if not token:
        print(f"error: set {token_variable} to {token_hint}.", file=sys.stderr)
        return 2
    configure_logging(token)
    try:
        assistant = Assistant.bundled()
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return token, assistant, store_from_environment(env)


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
