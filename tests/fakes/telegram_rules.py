"""What the real Telegram Bot API refuses, so the fake in `telegram_api.py` refuses it too.

`check(method, params)` returns the `description` of the HTTP 400 the Bot API answers with, or
None for a request it accepts. The descriptions are the real ones: the HTML parser follows tdlib's
`parse_html` (td/telegram/MessageEntity.cpp, which the Bot API server runs for parse_mode HTML),
the command checks tdlib's `set_commands`, and the rest were observed on the live API. The few
that could not be confirmed say so where they are raised.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any, NoReturn

MAX_TEXT = 4096  # characters of a message's text after entity parsing
MAX_CALLBACK_DATA = 64  # bytes (UTF-8) of a button's callback_data
MAX_CALLBACK_ANSWER = 200  # characters of answerCallbackQuery's text
MAX_INLINE_RESULTS = 50
MAX_RESULT_ID = 64  # bytes (UTF-8)
MAX_COMMANDS = 100
MAX_COMMAND = 32  # characters of a command name; only [a-z0-9_]
MAX_COMMAND_DESCRIPTION = 256
COMMAND_NAME = re.compile(r"[a-z0-9_]+")
HTML_TAGS = frozenset(
    "a b strong i em u ins s strike del span tg-spoiler tg-emoji pre code blockquote".split()
)
HTML_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}  # and numeric ones
SPACES = " \t\r\n\v\f"
# A button needs one action. The Bot API treats an empty url or callback_data as absent.
STRING_ACTIONS = ("url", "callback_data")
OTHER_ACTIONS = (
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
_ENTITY = re.compile(r"&(?:#(x[0-9a-fA-F]*|[0-9]*)|([a-zA-Z]*))")


class Refused(Exception):
    """The Bot API refuses the request; the message is its description after "Bad Request: "."""


def check(method: str, params: dict[str, Any]) -> str | None:
    """The description of the 400 the Bot API answers `method` with, or None if it is accepted."""
    rule = _RULES.get(method)
    try:
        if rule:
            rule(params)
    except Refused as refused:
        return f"Bad Request: {refused}"
    return None


def parse_html(text: str) -> str:
    """The visible text of Telegram HTML; raises Refused as the Bot API does for bad markup."""
    return _Html(text).parse()


def _send_message(params: dict[str, Any]) -> None:
    _message(params, params.get("reply_markup"), too_long="message is too long")


def _edit_message_text(params: dict[str, Any]) -> None:
    # tdlib checks the length only when sending; an edit is refused by Telegram's server.
    _message(params, params.get("reply_markup"), too_long="MESSAGE_TOO_LONG")


def _answer_callback_query(params: dict[str, Any]) -> None:
    if len(params.get("text") or "") > MAX_CALLBACK_ANSWER:
        raise Refused("MESSAGE_TOO_LONG")


def _answer_inline_query(params: dict[str, Any]) -> None:
    results = params.get("results") or []
    if len(results) > MAX_INLINE_RESULTS:
        # The Bot API server's own check (Telegram's server would say RESULTS_TOO_MUCH).
        raise Refused("too many inline query results specified")
    for result in results:
        content = result.get("input_message_content") or {}
        if "message_text" in content:
            text = {"text": content["message_text"], "parse_mode": content.get("parse_mode")}
            _message(text, result.get("reply_markup"), too_long="MESSAGE_TOO_LONG")
        else:
            _button_limits(_buttons(result.get("reply_markup")))
    button = params.get("button")
    if isinstance(button, str):  # form-encoded requests carry it as JSON text
        button = json.loads(button)
    if button is not None:
        # The Bot API's rule for the /start parameter; the error text is not confirmed live.
        start = str(button.get("start_parameter", ""))
        if not button.get("text") or not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", start):
            raise Refused("START_PARAM_INVALID")
    ids = [str(result.get("id", "")) for result in results]
    if any(len(result_id.encode()) > MAX_RESULT_ID for result_id in ids):
        raise Refused("RESULT_ID_INVALID")
    if len(set(ids)) < len(ids):
        raise Refused("RESULT_ID_DUPLICATE")


def _set_my_commands(params: dict[str, Any]) -> None:
    commands = params.get("commands") or []
    names = []
    for command in commands:  # tdlib trims both and drops a leading "/" first
        name = str(command.get("command", "")).strip().removeprefix("/")
        description = str(command.get("description", "")).strip()
        if not name:
            raise Refused("command must be non-empty")
        if len(name) > MAX_COMMAND:
            raise Refused(f"command length must not exceed {MAX_COMMAND}")
        if not description:
            raise Refused("command description must be non-empty")
        if len(description) > MAX_COMMAND_DESCRIPTION:
            raise Refused(f"command description length must not exceed {MAX_COMMAND_DESCRIPTION}")
        names.append(name)
    if len(commands) > MAX_COMMANDS:
        raise Refused("BOT_COMMANDS_TOO_MUCH")
    if not all(COMMAND_NAME.fullmatch(name) for name in names):
        raise Refused("BOT_COMMAND_INVALID")


def _message(params: dict[str, Any], markup: Any, *, too_long: str) -> None:
    """A text with its keyboard, checked in the Bot API's order: its own parsing of the request,
    then tdlib's (markup, length), then Telegram's server (the buttons' contents)."""
    buttons = _buttons(markup)
    text = str(params.get("text") or "")
    if not text:
        raise Refused("message text is empty")
    visible = parse_html(text) if str(params.get("parse_mode") or "").lower() == "html" else text
    if not visible.strip():
        raise Refused("text must be non-empty")
    if len(visible.strip()) > MAX_TEXT:  # tdlib trims, then counts code points
        raise Refused(too_long)
    _button_limits(buttons)


def _buttons(markup: Any) -> list[dict[str, Any]]:
    """The buttons of an inline keyboard, each with text and an action, as the Bot API needs."""
    if not isinstance(markup, dict) or "inline_keyboard" not in markup:
        return []
    buttons = [button for row in markup["inline_keyboard"] for button in row]
    for button in buttons:
        if "text" not in button:
            raise Refused("can't parse inline keyboard button: Can't find field \"text\"")
        if not _has_action(button):
            raise Refused(
                "can't parse inline keyboard button: "
                "Text buttons are unallowed in the inline keyboard"
            )
    return buttons


def _button_limits(buttons: list[dict[str, Any]]) -> None:
    for button in buttons:
        if not str(button["text"]):
            raise Refused("BUTTON_TEXT_INVALID")  # Telegram's error name; not seen live
        if len(str(button.get("callback_data") or "").encode()) > MAX_CALLBACK_DATA:
            raise Refused("BUTTON_DATA_INVALID")


def _has_action(button: dict[str, Any]) -> bool:
    strings = any(button.get(key) for key in STRING_ACTIONS)
    return strings or any(button.get(key) is not None for key in OTHER_ACTIONS)


_RULES: dict[str, Callable[[dict[str, Any]], None]] = {
    "sendMessage": _send_message,
    "editMessageText": _edit_message_text,
    "answerCallbackQuery": _answer_callback_query,
    "answerInlineQuery": _answer_inline_query,
    "setMyCommands": _set_my_commands,
}


class _Html:
    """tdlib's parse_html, reduced to what decides acceptance and to the visible text.

    Like Telegram, it accepts a bare "&" and unknown entities as literal text, and an <a> without
    href (the link is then dropped); it refuses unknown tags, unbalanced tags and a "<" that does
    not start a tag. Offsets in the messages are UTF-8 byte offsets, as Telegram's are.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.out: list[str] = []
        self.stack: list[tuple[str, dict[str, str | None], int]] = []  # tag, attributes, start

    def parse(self) -> str:
        while self.pos < len(self.text):
            char = self._at()
            if char == "&" and (decoded := self._entity()):
                self.out.append(decoded)
            elif char != "<":
                self.out.append(char)
                self.pos += 1
            elif self._at(1) == "/":
                self._end_tag()
            else:
                self._start_tag()
        if self.stack:
            self._fail(f'Can\'t find end tag corresponding to start tag "{self.stack[-1][0]}"')
        return "".join(self.out)

    def _start_tag(self) -> None:
        begin = self.pos
        self.pos += 1
        while not _space(self._at()) and self._at() != ">":
            self.pos += 1
        if not self._at():
            self._fail(f"Unclosed start tag at byte offset {self._offset(begin)}")
        tag = self.text[begin + 1 : self.pos].lower()
        if tag not in HTML_TAGS:
            self._fail(f'Unsupported start tag "{tag}" at byte offset {self._offset(begin)}')
        attributes: dict[str, str | None] = {}
        while (attribute := self._attribute(tag, begin)) is not None:
            attributes[attribute[0]] = attribute[1]
        self.pos += 1  # the ">"
        if tag == "span" and attributes.get("class") != "tg-spoiler":
            where = f"at byte offset {self._offset(begin)}"
            self._fail(f'Tag "span" must have class "tg-spoiler" {where}')
        self.stack.append((tag, attributes, len(self.out)))

    def _attribute(self, tag: str, begin: int) -> tuple[str, str | None] | None:
        """The next attribute of a start tag, or None at its ">"."""
        self._skip_spaces()
        if self._at() == ">":
            return None
        start = self.pos
        while not _space(self._at()) and self._at() not in "=>/\"'":
            self.pos += 1
        name = self.text[start : self.pos]
        where = f'the tag "{tag}" at byte offset {self._offset(begin)}'
        if not name:
            self._fail(f"Empty attribute name in {where}")
        self._skip_spaces()
        if self._at() != "=":
            if not self._at():
                self._fail(f'Unclosed start tag "{tag}" at byte offset {self._offset(begin)}')
            return name, None
        self.pos += 1
        self._skip_spaces()
        if not self._at():
            self._fail(f'Unclosed start tag "{tag}" at byte offset {self._offset(begin)}')
        value = self._quoted() if self._at() in ("'", '"') else self._name_token()
        if not self._at():
            self._fail(f"Unclosed start tag at byte offset {self._offset(begin)}")
        return name, value

    def _quoted(self) -> str:
        quote = self._at()
        self.pos += 1
        chars = []
        while self._at() and self._at() != quote:
            if self._at() == "&" and (decoded := self._entity()):
                chars.append(decoded)
            else:
                chars.append(self._at())
                self.pos += 1
        if self._at() == quote:
            self.pos += 1
        return "".join(chars)

    def _name_token(self) -> str:
        start = self.pos
        while _name_char(self._at()):
            self.pos += 1
        if not _space(self._at()) and self._at() != ">":
            self._fail(f"Unexpected end of name token at byte offset {self._offset(start)}")
        return self.text[start : self.pos].lower()

    def _end_tag(self) -> None:
        begin = self.pos
        if not self.stack:
            self._fail(f"Unexpected end tag at byte offset {self._offset(begin)}")
        self.pos += 2
        while not _space(self._at()) and self._at() != ">":
            self.pos += 1
        name = self.text[begin + 2 : self.pos].lower()
        self._skip_spaces()
        if self._at() != ">":
            self._fail(f"Unclosed end tag at byte offset {self._offset(begin)}")
        self.pos += 1
        tag, attributes, start = self.stack.pop()
        if name and name != tag:
            self._fail(
                f"Unmatched end tag at byte offset {self._offset(begin)}, "
                f'expected "</{tag}>", found "</{name}>"'
            )
        if tag == "tg-emoji" and len(self.out) > start and not _emoji_id(attributes):
            self._fail("Invalid custom emoji identifier specified")

    def _entity(self) -> str | None:
        """Decode the entity at "&" and move past it, or None (then "&" is literal text)."""
        match = _ENTITY.match(self.text, self.pos)
        assert match is not None  # the pattern matches any "&"
        number, name = match.groups()
        if number is not None:
            digits = number.removeprefix("x")
            if len(match[0]) >= 10 or not digits:
                return None
            code = int(digits, 16 if number.startswith("x") else 10)
            if not 0 < code < 0x10FFFF:
                return None
            char = chr(code)
        elif (char := HTML_ENTITIES.get(name)) is None:
            return None
        self.pos = match.end() + (self.text[match.end() : match.end() + 1] == ";")
        return char

    def _at(self, ahead: int = 0) -> str:
        """The character `ahead` of the position, or "" at the end (tdlib's NUL)."""
        index = self.pos + ahead
        return self.text[index] if index < len(self.text) else ""

    def _skip_spaces(self) -> None:
        while self._at() and self._at() in SPACES:
            self.pos += 1

    def _offset(self, index: int) -> int:
        return len(self.text[:index].encode("utf-8", "surrogatepass"))

    @staticmethod
    def _fail(reason: str) -> NoReturn:
        raise Refused(f"can't parse entities: {reason}")


def _space(char: str) -> bool:
    """tdlib's is_space, for which the end of the text (NUL) counts as a space."""
    return not char or char in SPACES


def _name_char(char: str) -> bool:
    """A character of an unquoted attribute value: ASCII letter or digit, "." or "-"."""
    return bool(char) and (char in ".-" or (char.isascii() and char.isalnum()))


def _emoji_id(attributes: dict[str, str | None]) -> bool:
    """Whether the emoji-id is a non-zero 64-bit integer, as tdlib requires."""
    value = attributes.get("emoji-id") or ""
    if not re.fullmatch(r"-?[0-9]{1,20}", value):
        return False
    return int(value) != 0 and -(2**63) <= int(value) < 2**63
