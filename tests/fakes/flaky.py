"""An assistant whose first retrievals fail: for the bots' "a failing update" paths."""

from __future__ import annotations

from typing import Any


class FlakyAssistant:
    """The real assistant, except that its first `failures` retrievals raise RuntimeError."""

    def __init__(self, assistant: Any, failures: int = 1) -> None:
        self._assistant = assistant
        self.failures = failures

    def retrieve(self, question: str, **options: Any) -> Any:
        if self.failures > 0:
            self.failures -= 1
            raise RuntimeError("boom")
        return self._assistant.retrieve(question, **options)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._assistant, name)
