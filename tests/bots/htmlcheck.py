"""Checks that a Telegram HTML message is well formed: allowed tags only, all closed, in order."""

from __future__ import annotations

from html.parser import HTMLParser

ALLOWED = {"b", "i", "a"}


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in ALLOWED:
            self.errors.append(f"tag <{tag}> not allowed")
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"unbalanced </{tag}>")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def check_telegram_html(text: str) -> str:
    """Return the visible text; raise AssertionError if the markup is not well formed."""
    checker = _Checker()
    checker.feed(text)
    checker.close()
    assert not checker.errors, checker.errors
    assert not checker.stack, f"unclosed tags {checker.stack}"
    return "".join(checker.text)
