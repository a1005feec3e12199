"""Keep secrets (bot tokens) out of every log line."""

from __future__ import annotations

import logging

REDACTED = "[token verborgen]"


class SecretFilter(logging.Filter):
    """Replaces the given secrets in a log record's message and arguments."""

    def __init__(self, *secrets: str) -> None:
        super().__init__()
        self._secrets = [s for s in secrets if s]
        # Loggers whose exceptions are logged as one line, not a traceback: a client library's
        # own (a rejected token, an unreachable API, a malformed reply), whose traceback tells
        # an operator nothing more; Wegwijzer's own errors keep theirs.
        self.brief: tuple[str, ...] = ()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if any(secret in message for secret in self._secrets):
            for secret in self._secrets:
                message = message.replace(secret, REDACTED)
            record.msg, record.args = message, None
        error = record.exc_info[1] if record.exc_info else None
        if error is not None and record.name.split(".")[0] in self.brief:
            record.exc_text = f"{type(error).__name__}: {' '.join(str(error).split())}"
        elif record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            for secret in self._secrets:
                record.exc_text = record.exc_text.replace(secret, REDACTED)
        return True


def configure_logging(*secrets: str, level: int = logging.INFO) -> None:
    """Log to stderr with every secret redacted; the HTTP client's request log stays quiet.

    httpx logs each request URL at INFO, and the Telegram Bot API URL contains the token.
    """
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(SecretFilter(*secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def log_briefly(*libraries: str) -> None:
    """From now on, log the exceptions these libraries' loggers report as one line each."""
    for handler in logging.getLogger().handlers:
        for found in handler.filters:
            if isinstance(found, SecretFilter):
                found.brief += libraries
