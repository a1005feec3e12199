"""What Discord's REST API refuses, so the fake in `discord_api.py` refuses it too.

`check(method, path, body)` returns the JSON of the HTTP 400 Discord answers with, or None for a
request it accepts. Form errors are code 50035 "Invalid Form Body" with `errors` nested along the
field's path, as Discord sends them (discord.py flattens them to "In embeds.0.title: ...");
a message with nothing in it is code 50006. Lengths are counted in characters, as Discord does.
The error codes and messages are the ones Discord returns; the two that could not be confirmed
say so where they are raised.
"""

from __future__ import annotations

import re
from typing import Any

MAX_CONTENT = 2000
MAX_EMBEDS = 10
MAX_EMBED_TOTAL = 6000  # title, description, field names and values, footer text, author name
EMBED_TEXT_LIMITS = {
    ("title",): 256,
    ("description",): 4096,
    ("footer", "text"): 2048,
    ("author", "name"): 256,
}
MAX_FIELDS = 25
FIELD_LIMITS = {"name": 256, "value": 1024}
MAX_ROWS = 5
MAX_ROW_BUTTONS = 5
MAX_LABEL = 80
MAX_CUSTOM_ID = 100
MAX_CHOICES = 25
MAX_CHOICE_NAME = 100
BUTTON, LINK_STYLE = 2, 5
INVALID_FORM_BODY, EMPTY_MESSAGE = 50035, 50006
# Interaction callback types whose `data` is a message, and whether it may be empty.
CALLBACK_MESSAGE = {4: True, 7: False}  # CHANNEL_MESSAGE_WITH_SOURCE, UPDATE_MESSAGE
AUTOCOMPLETE_RESULT = 8
_NEW_MESSAGE = re.compile(r"/channels/\d+/messages|/webhooks/\d+/[^/]+")
_EDITED_MESSAGE = re.compile(r"/channels/\d+/messages/\d+|/webhooks/\d+/[^/]+/messages/[^/]+")
_CALLBACK = re.compile(r"/interactions/\d+/[^/]+/callback")

Path = tuple[str, ...]
Problem = tuple[Path, str, str]  # field path, error code, message


def check(method: str, path: str, body: Any) -> dict[str, Any] | None:
    """The JSON body of the 400 Discord answers this request with, or None if it is accepted."""
    if not isinstance(body, dict):
        return None
    if method == "POST" and _CALLBACK.fullmatch(path):
        return _callback(body)
    if method == "POST" and _NEW_MESSAGE.fullmatch(path):
        return _message(body, (), may_be_empty=False)
    if method == "PATCH" and _EDITED_MESSAGE.fullmatch(path):
        return _message(body, (), may_be_empty=True)
    return None


def _callback(body: dict[str, Any]) -> dict[str, Any] | None:
    data = body.get("data") or {}
    if body.get("type") == AUTOCOMPLETE_RESULT:
        return _form_error(_choices(data.get("choices") or []))
    if body.get("type") in CALLBACK_MESSAGE:
        return _message(data, ("data",), may_be_empty=not CALLBACK_MESSAGE[body["type"]])
    return None


def _message(body: dict[str, Any], prefix: Path, *, may_be_empty: bool) -> dict[str, Any] | None:
    problems = [*_content(body), *_embeds(body), *_components(body)]
    if problems:
        return _form_error([(prefix + path, code, text) for path, code, text in problems])
    if not may_be_empty and _is_empty(body):
        return {"code": EMPTY_MESSAGE, "message": "Cannot send an empty message"}
    return None


def _is_empty(body: dict[str, Any]) -> bool:
    content = (body.get("content") or "").strip()
    others = ("embeds", "components", "attachments", "sticker_ids", "poll")
    return not content and not any(body.get(key) for key in others)


def _content(body: dict[str, Any]) -> list[Problem]:
    if len(body.get("content") or "") > MAX_CONTENT:
        return [_too_long(("content",), MAX_CONTENT)]
    return []


def _embeds(body: dict[str, Any]) -> list[Problem]:
    embeds = body.get("embeds") or []
    if len(embeds) > MAX_EMBEDS:
        return [_too_long(("embeds",), MAX_EMBEDS)]
    problems = [p for i, embed in enumerate(embeds) for p in _embed(("embeds", str(i)), embed)]
    if not problems and sum(_embed_size(embed) for embed in embeds) > MAX_EMBED_TOTAL:
        message = f"Embed size exceeds maximum size of {MAX_EMBED_TOTAL}"
        problems.append((("embeds",), "MAX_EMBED_SIZE_EXCEEDED", message))
    return problems


def _embed(path: Path, embed: dict[str, Any]) -> list[Problem]:
    problems = [
        _too_long(path + keys, limit)
        for keys, limit in EMBED_TEXT_LIMITS.items()
        if len(_text_at(embed, keys)) > limit
    ]
    fields = embed.get("fields") or []
    if len(fields) > MAX_FIELDS:
        return [*problems, _too_long((*path, "fields"), MAX_FIELDS)]
    for i, field in enumerate(fields):
        for key, limit in FIELD_LIMITS.items():
            where = (*path, "fields", str(i), key)
            if not _text_at(field, (key,)):
                problems.append((where, "BASE_TYPE_REQUIRED", "This field is required"))
            elif len(_text_at(field, (key,))) > limit:
                problems.append(_too_long(where, limit))
    return problems


def _embed_size(embed: dict[str, Any]) -> int:
    texts = [_text_at(embed, keys) for keys in EMBED_TEXT_LIMITS]
    for field in embed.get("fields") or []:
        texts += [_text_at(field, (key,)) for key in FIELD_LIMITS]
    return sum(len(text) for text in texts)


def _components(body: dict[str, Any]) -> list[Problem]:
    rows = body.get("components") or []
    if len(rows) > MAX_ROWS:
        return [_too_long(("components",), MAX_ROWS)]
    problems: list[Problem] = []
    custom_ids: set[str] = set()
    for i, row in enumerate(rows):
        path = ("components", str(i), "components")
        items = row.get("components") or []
        if len(items) > MAX_ROW_BUTTONS:
            # Each component past the fifth; Discord's code for a row that is too wide (the
            # message is as Discord words it, not seen in a live answer).
            width = "The specified component exceeds the maximum width"
            problems += [
                ((*path, str(j)), "COMPONENT_LAYOUT_WIDTH_EXCEEDED", width)
                for j in range(MAX_ROW_BUTTONS, len(items))
            ]
            continue
        for j, item in enumerate(items):
            problems += _component((*path, str(j)), item, custom_ids)
    return problems


def _component(path: Path, item: dict[str, Any], custom_ids: set[str]) -> list[Problem]:
    """A button (or any component with a custom_id); `custom_ids` collects the message's ids."""
    problems = []
    is_button = item.get("type") == BUTTON
    if is_button and len(item.get("label") or "") > MAX_LABEL:
        problems.append(_too_long((*path, "label"), MAX_LABEL))
    if is_button and item.get("style") == LINK_STYLE:
        return problems + _link(path, item)
    if not item.get("custom_id") and not is_button:
        return problems
    return problems + _custom_id((*path, "custom_id"), item.get("custom_id"), custom_ids)


def _link(path: Path, item: dict[str, Any]) -> list[Problem]:
    problems = []
    if not item.get("url"):
        problems.append(((*path, "url"), "BUTTON_COMPONENT_URL_REQUIRED", "A url is required"))
    if item.get("custom_id") is not None:
        code = "BUTTON_COMPONENT_CUSTOM_ID_URL_MUTUALLY_EXCLUSIVE"
        message = "A custom id and url cannot both be specified"
        problems.append(((*path, "custom_id"), code, message))
    return problems


def _custom_id(path: Path, custom_id: Any, custom_ids: set[str]) -> list[Problem]:
    if not custom_id:
        return [(path, "BUTTON_COMPONENT_CUSTOM_ID_REQUIRED", "A custom id is required")]
    if len(custom_id) > MAX_CUSTOM_ID:
        # Discord documents 1-100 characters; the exact code was not seen in a live answer.
        return [_bad_length(path, 1, MAX_CUSTOM_ID)]
    if custom_id in custom_ids:
        message = "Component custom id cannot be duplicated"
        return [(path, "COMPONENT_CUSTOM_ID_DUPLICATED", message)]
    custom_ids.add(custom_id)
    return []


def _choices(choices: list[dict[str, Any]]) -> list[Problem]:
    if len(choices) > MAX_CHOICES:
        return [_too_long(("data", "choices"), MAX_CHOICES)]
    return [
        _bad_length(("data", "choices", str(i), "name"), 1, MAX_CHOICE_NAME)
        for i, choice in enumerate(choices)
        if not 1 <= len(choice.get("name") or "") <= MAX_CHOICE_NAME
    ]


def _text_at(data: dict[str, Any], keys: Path) -> str:
    """The text at `keys` in nested dicts, or "" when any of them is missing."""
    value: Any = data
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    return value if isinstance(value, str) else ""


def _too_long(path: Path, limit: int) -> Problem:
    return path, "BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length."


def _bad_length(path: Path, low: int, high: int) -> Problem:
    return path, "BASE_TYPE_BAD_LENGTH", f"Must be between {low} and {high} in length."


def _form_error(problems: list[Problem]) -> dict[str, Any] | None:
    """Discord's 50035 body: each problem under `errors`, nested along its path."""
    if not problems:
        return None
    errors: dict[str, Any] = {}
    for path, code, message in problems:
        node = errors
        for key in path:
            node = node.setdefault(key, {})
        node.setdefault("_errors", []).append({"code": code, "message": message})
    return {"code": INVALID_FORM_BODY, "message": "Invalid Form Body", "errors": errors}
