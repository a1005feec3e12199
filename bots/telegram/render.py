"""Rendering an `Answer` as Telegram HTML messages with inline keyboards (pure functions).

Every value is escaped; a message never exceeds Telegram's 4,096 characters and is split only
between blocks (never inside a tag or a link); callback data stays within 64 bytes.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    LinkPreviewOptions,
)
from telegram.constants import ParseMode

from assistant import messages
from assistant.models import Answer, AnswerPassage

MAX_MESSAGE_CHARS = 4096
MAX_CALLBACK_BYTES = 64
MAX_BUTTON_TITLE = 40
MAX_INLINE_RESULTS = 10

# Callback data: "<kind>:<payload>". m = show a passage, q = ask a stored question,
# f = feedback (+ or -) on a stored answer reference, r = the reason for a stored 👎.
MORE, QUESTION, FEEDBACK, REASON = "m", "q", "f", "r"


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


def callback(kind: str, payload: str) -> str | None:
    """Callback data for a button, or None when it would exceed Telegram's 64 bytes."""
    data = f"{kind}:{payload}"
    return data if len(data.encode("utf-8")) <= MAX_CALLBACK_BYTES else None


def passage_block(passage: AnswerPassage, number: int | None = None) -> str:
    """One passage as an HTML block: title, snippet, source with dates, links."""
    title = escape(passage.title)
    heading = f"<b>{number}. {title}</b>" if number else f"<b>{title}</b>"
    lines = [heading]
    if passage.superseded_by:
        note = messages.LABEL_HISTORICAL_NOTE.format(successor=passage.superseded_by.title)
        lines.append(f"⚠️ <i>{escape(note)}</i>")
    lines.append(escape(passage.snippet))
    lines.append(_source_line(passage))
    lines.extend(f"➜ {link(item.url, item.label)}" for item in passage.links[:2])
    return "\n".join(lines)


def _source_line(passage: AnswerPassage) -> str:
    source = passage.source
    name = f"{source.publisher}: {source.title}"
    cited = link(source.url, name) if source.url else escape(name)
    dates = f"{messages.source_date(source.date)}; {messages.LABEL_CHECKED} {passage.checked}"
    return f"<i>{escape(messages.LABEL_SOURCE)}: {cited} ({escape(dates)})</i>"


def render_answer(
    answer: Answer,
    store: Callable[[object], str],
    *,
    max_chars: int = MAX_MESSAGE_CHARS,
    question_id: int | None = None,
) -> list[TelegramMessage]:
    """An answer as one or more messages; the keyboard goes with the last one.

    Args:
        answer: what the core returned.
        store: keeps a value server-side and returns a short key for callback data.
        max_chars: the per-message limit.
        question_id: the answer's id in the question log, so that feedback links to it.
    """
    blocks = [f"<b>{escape(answer.message)}</b>"]
    blocks.extend(f"<i>{escape(notice)}</i>" for notice in answer.notices)
    blocks.extend(passage_block(p, n) for n, p in enumerate(answer.passages, start=1))
    if answer.fallback:
        blocks.append(f"➜ {link(answer.fallback.url, answer.fallback.label)}")
    keyboard = _answer_keyboard(answer, store, question_id)
    texts = pack(blocks, max_chars)
    return [
        TelegramMessage(text, keyboard if i == len(texts) - 1 else None)
        for i, text in enumerate(texts)
    ]


def render_passage(passage: AnswerPassage) -> TelegramMessage:
    """One passage in full, with buttons to the passages related to it."""
    rows = _more_buttons(passage.related)
    return TelegramMessage(
        pack([passage_block(passage)])[0], InlineKeyboardMarkup(rows) if rows else None
    )


def render_choices(
    intro: str, questions: Sequence[tuple[str, str]], store: Callable[[object], str]
) -> TelegramMessage:
    """A text with one button per (label, question) pair; a press asks that question."""
    rows = []
    for label, question in questions:
        data = callback(QUESTION, store(question))
        if data:
            rows.append([InlineKeyboardButton(_shorten(label, 64), callback_data=data)])
    return TelegramMessage(escape(intro), InlineKeyboardMarkup(rows) if rows else None)


def render_inline_results(answer: Answer) -> list[InlineQueryResultArticle]:
    """Up to ten inline-mode results: title, snippet and source, each sending its passage."""
    return [
        InlineQueryResultArticle(
            id=p.id,
            title=p.title,
            description=_shorten(
                f"{p.snippet} ({p.source.publisher}, {p.source.date or messages.LABEL_UNDATED})",
                200,
            ),
            input_message_content=InputTextMessageContent(
                pack([passage_block(p)])[0],
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            ),
        )
        for p in answer.passages[:MAX_INLINE_RESULTS]
    ]


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
        if len(line) > max_chars:
            line = _escaped_within(html.unescape(_strip_tags(line)), max_chars)
        if pieces and len(pieces[-1]) + 1 + len(line) <= max_chars:
            pieces[-1] += "\n" + line
        else:
            pieces.append(line)
    return pieces


def _escaped_within(plain: str, limit: int) -> str:
    """`plain`, shortened until its escaped form fits in `limit` characters."""
    cut = limit
    while len(text := escape(_shorten(plain, cut))) > limit:
        cut = cut * 3 // 4
    return text


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


def render_reasons(feedback_ref: str) -> TelegramMessage:
    """After a 👎: one button per reason from the short list."""
    rows = [
        [InlineKeyboardButton(label, callback_data=callback(REASON, f"{feedback_ref}:{code}"))]
        for code, label in messages.FEEDBACK_REASONS
    ]
    return TelegramMessage(escape(messages.ASK_REASON), InlineKeyboardMarkup(rows))


def _answer_keyboard(
    answer: Answer, store: Callable[[object], str], question_id: int | None
) -> InlineKeyboardMarkup:
    """Answers and partial answers get "more about" and 👍/👎 buttons; the others get their
    suggestions as questions to press; a human desk, when named, always gets a button."""
    rows: list[list[InlineKeyboardButton]] = []
    if answer.passages:
        rows.extend(_more_buttons(answer.passages[0].related))
        ref = store(
            {
                "question": answer.question,
                "question_id": question_id,
                "passages": [p.id for p in answer.passages],
            }
        )
        rows.append(
            [
                InlineKeyboardButton("👍", callback_data=callback(FEEDBACK, f"+:{ref}")),
                InlineKeyboardButton("👎", callback_data=callback(FEEDBACK, f"-:{ref}")),
            ]
        )
    else:
        for suggestion in answer.suggestions:
            data = callback(QUESTION, store(suggestion))
            if data:
                rows.append([InlineKeyboardButton(_shorten(suggestion, 64), callback_data=data)])
    if answer.fallback:
        rows.append([InlineKeyboardButton(answer.fallback.label, url=answer.fallback.url)])
    return InlineKeyboardMarkup(rows)


def _more_buttons(related: Sequence) -> list[list[InlineKeyboardButton]]:
    rows = []
    for ref in related[:3]:
        data = callback(MORE, ref.id)
        if data:
            label = messages.MORE_ABOUT.format(title=_shorten(ref.title, MAX_BUTTON_TITLE))
            rows.append([InlineKeyboardButton(label, callback_data=data)])
    return rows


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
