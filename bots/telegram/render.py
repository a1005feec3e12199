"""Encoding a `bots.layout.Layout` as Telegram HTML messages with inline keyboards.

Every value is escaped; a message never exceeds Telegram's 4,096 characters and is split only
between blocks (never inside a tag or a link); button data comes from `bots.telegram.buttons`.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    LinkPreviewOptions,
)
from telegram.constants import ParseMode

from assistant import messages
from assistant.models import AnswerPassage
from bots import layout as lay
from bots.actions import Action, Vote
from bots.layout import Layout, shorten
from bots.refs import RefStore
from bots.telegram import buttons

MAX_MESSAGE_CHARS = 4096
MAX_INLINE_RESULTS = 10
MAX_INLINE_DESCRIPTION = 200
MAX_INLINE_BUTTON = 64
MAX_RESULT_ID = 64  # bytes
INLINE_START = "inline"  # the /start parameter of the button above inline results


@dataclass(frozen=True)
class TelegramMessage:
    """One message to send: HTML text and an optional inline keyboard."""

    text: str
    keyboard: InlineKeyboardMarkup | None = None


def escape(text: str) -> str:
    """Escape a value for Telegram HTML (only &, < and > matter outside attributes)."""
    return html.escape(text, quote=False)


def link(url: str, label: str) -> str:
    return f'<a href="{html.escape(url, quote=True)}">{escape(label)}</a>'


def encode(
    layout: Layout, refs: RefStore, *, max_chars: int = MAX_MESSAGE_CHARS
) -> list[TelegramMessage]:
    """A layout as one or more messages; the keyboard goes with the last one.

    Args:
        layout: what to show.
        refs: keeps what does not fit in callback data server-side.
        max_chars: the per-message limit.
    """
    texts = pack([text for b in layout.blocks if (text := _block(b))], max_chars)
    keyboard = _keyboard(layout.actions, refs)
    return [
        TelegramMessage(text, keyboard if i == len(texts) - 1 else None)
        for i, text in enumerate(texts)
    ]


def _block(block: lay.Block) -> str:
    match block:
        case lay.Heading(text):
            return f"<b>{escape(text)}</b>"
        case lay.Text(text):
            return escape(text)
        case lay.Notice(text):
            return f"<i>{escape(text)}</i>"
        case lay.Lead():
            return lead(block)
        case lay.PassageBlock():
            return passage_block(block)
        case lay.AlsoRelevant():
            return ""  # the titles are on the buttons, one tap from the passage
        case lay.DeskLink(desk):
            return f"➜ {link(desk.url, desk.label)}"
        case lay.Footer(text):
            return f"<i>{escape(text)}</i>"
    raise TypeError(f"no encoding for {type(block).__name__}")


def lead(block: lay.Lead) -> str:
    """The answer: the snippet, then its source and dates in one line, then the official page."""
    lines = [f"⚠️ <i>{escape(note)}</i>"] if (note := block.historical_note) else []
    lines.append(escape(block.passage.snippet))
    lines.append(_citation_line(block.passage))
    if block.link:
        lines.append(f"➜ {link(block.link.url, block.link.label)}")
    return "\n".join(lines)


def _citation_line(passage: AnswerPassage) -> str:
    cited = lay.citation(passage)
    name = link(cited.url, cited.name) if cited.url else escape(cited.name)
    return f"<i>{escape(messages.LABEL_SOURCE)}: {name} ({escape(cited.dates)})</i>"


def passage_block(block: lay.PassageBlock) -> str:
    """One passage as an HTML block: title, snippet, source with dates, links."""
    passage = block.passage
    lines = [f"<b>{escape(block.title)}</b>"]
    if note := block.historical_note:
        lines.append(f"⚠️ <i>{escape(note)}</i>")
    lines.append(escape(passage.snippet))
    lines.append(_citation_line(passage))
    lines.extend(f"➜ {link(item.url, item.label)}" for item in passage.links[:2])
    return "\n".join(lines)


def _keyboard(actions: Sequence[Action], refs: RefStore) -> InlineKeyboardMarkup | None:
    """One button a row; 👍 and 👎 side by side."""
    rows: list[list[InlineKeyboardButton]] = []
    votes = [a for a in actions if isinstance(a, Vote)]
    for action in actions:
        if isinstance(action, Vote):
            if action is votes[0]:
                rows.append(buttons.vote_row(votes[0], votes[-1], refs))
        elif (button := buttons.button(action, refs)) is not None:
            rows.append([button])
    return InlineKeyboardMarkup(rows) if rows else None


def inline_results(found: Layout) -> list[InlineQueryResultArticle]:
    """Up to ten inline-mode results: title, snippet and source, each sending its passage."""
    return [
        InlineQueryResultArticle(
            id=result_id(block.passage.id),
            title=block.passage.title,
            description=shorten(
                f"{block.passage.snippet} ({block.passage.source.publisher}, "
                f"{block.passage.source.date or messages.LABEL_UNDATED})",
                MAX_INLINE_DESCRIPTION,
            ),
            input_message_content=InputTextMessageContent(
                pack([passage_block(block)])[0],
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            ),
        )
        for block in found.passages[:MAX_INLINE_RESULTS]
    ]


def result_id(passage_id: str) -> str:
    """An inline result's id: the passage id, or for one over Telegram's 64 bytes (a corpus
    allows 100 characters) a stable hash of it, so the results are still accepted."""
    if len(passage_id.encode("utf-8")) <= MAX_RESULT_ID:
        return passage_id
    return "h-" + hashlib.sha256(passage_id.encode("utf-8")).hexdigest()[:40]


def inline_button(shown: Layout) -> InlineQueryResultsButton | None:
    """Above the inline results, a layout's text when it has no passages (nothing found, too
    many questions); the button opens a private chat with the bot."""
    texts = [b.text for b in shown.blocks if isinstance(b, lay.Text | lay.Heading)]
    if shown.passages or not texts:
        return None
    return InlineQueryResultsButton(
        text=shorten(texts[0], MAX_INLINE_BUTTON), start_parameter=INLINE_START
    )


def pack(blocks: Sequence[str], max_chars: int = MAX_MESSAGE_CHARS) -> list[str]:
    """Join blocks into messages of at most `max_chars`, splitting only between blocks.

    A single block longer than the limit is split between its lines, and a single line longer
    than the limit (an absurdly long title) is cut as plain text.
    """
    messages_out: list[str] = []
    current = ""
    for block in (piece for b in blocks for piece in _fit(b, max_chars)):
        candidate = f"{current}\n\n{block}" if current else block
        if len(candidate) <= max_chars:
            current = candidate
        else:
            messages_out.append(current)
            current = block
    if current:
        messages_out.append(current)
    return messages_out


def _fit(block: str, max_chars: int) -> list[str]:
    if len(block) <= max_chars:
        return [block]
    pieces: list[str] = []
    for line in block.split("\n"):
        # A line cut from a tag's other half (a title with a line break in it) or longer than
        # a message goes as plain text: Telegram refuses a message with an unclosed tag.
        if len(line) > max_chars or not _balanced(line):
            line = _escaped_within(html.unescape(_strip_tags(line)), max_chars)
        if pieces and len(pieces[-1]) + 1 + len(line) <= max_chars:
            pieces[-1] += "\n" + line
        else:
            pieces.append(line)
    return pieces


def _escaped_within(plain: str, limit: int) -> str:
    """`plain`, shortened until its escaped form fits in `limit` characters."""
    cut = limit
    while len(text := escape(shorten(plain, cut))) > limit:
        cut = cut * 3 // 4
    return text


_TAG = re.compile(r"<(/?)([a-z]+)[^>]*>")


def _balanced(text: str) -> bool:
    """Whether every tag in `text` (our own markup; text is escaped) closes in order."""
    stack: list[str] = []
    for closing, name in _TAG.findall(text):
        if not closing:
            stack.append(name)
        elif not stack or stack.pop() != name:
            return False
    return not stack


def _strip_tags(text: str) -> str:
    out, depth = [], 0
    for ch in text:
        if ch == "<":
            depth += 1
        elif ch == ">" and depth:
            depth -= 1
        elif not depth:
            out.append(ch)
    return "".join(out)
