"""Plain-text rendering of an `Answer` for the terminal."""

from __future__ import annotations

import textwrap

from assistant import messages
from assistant.models import Answer, AnswerPassage

WIDTH = 88


def render_text(answer: Answer) -> str:
    """The answer as readable terminal text: snippets, sources with dates, links."""
    lines = [answer.message] if answer.outcome == "smalltalk" else [answer.message, ""]
    for number, passage in enumerate(answer.passages, start=1):
        lines.extend(_passage_lines(number, passage))
        lines.append("")
    lines.extend(f"! {notice}" for notice in answer.notices)
    if answer.fallback:
        lines.append(f"{messages.LABEL_DESK}: {answer.fallback.label} – {answer.fallback.url}")
    if answer.suggestions:
        # Smalltalk's message itself introduces its example questions.
        if answer.outcome != "smalltalk":
            lines.append(f"{messages.LABEL_SUGGESTIONS}:")
        lines.extend(f"  • {s}" for s in answer.suggestions)
    lines.append(f"({messages.LABEL_CONFIDENCE} {answer.confidence:.2f})")
    return "\n".join(lines).strip() + "\n"


def _passage_lines(number: int, passage: AnswerPassage) -> list[str]:
    title = passage.title
    if passage.status == "historisch":
        title = f"{title} [{messages.LABEL_HISTORICAL}]"
    source = passage.source
    where = source.url or f"document {source.document}"
    lines = [f"{number}. {title}"]
    indent = "   "
    lines.extend(
        textwrap.wrap(passage.snippet, WIDTH, initial_indent=indent, subsequent_indent=indent)
    )
    dated = source.date or messages.LABEL_UNDATED
    lines.append(
        f"   {messages.LABEL_SOURCE}: {source.publisher}, «{source.title}» ({dated}; "
        f"{messages.LABEL_CHECKED} {passage.checked}) – {where}"
    )
    lines.extend(f"   {messages.LABEL_MORE}: {link.label} – {link.url}" for link in passage.links)
    return lines
