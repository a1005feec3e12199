"""Shared set-up of the bot tests: every request goes to the local fakes on 127.0.0.1."""

from __future__ import annotations

import pytest

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY")


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    """No proxy between a client library and a fake; python-telegram-bot's timedelta API."""
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("PTB_TIMEDELTA", "1")  # opt in to the future type of retry_after
    for variable in PROXY_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
