"""Plain-text rendering of an `Answer` for the terminal.

The same order as the bots (see `bots.layout`): the answer first (the best snippet of the best
passage, its source and dates, its links), then notices, the other passages under "Ook
relevant", the desk, and the caution about changing rules at the end. Only what the user must
know first (an unsure answer, a missing fact) goes above the answer.
"""

from __future__ import annotations

import textwrap

from assistant import messages
from assistant.models import Answer, AnswerPassage, same_page

WIDTH = 88
INDENT = "   "


def render_text(answer: Answer) -> str:
    """The answer as readable terminal text: snippets, sources with dates, links."""
    lines: list[str] = []
    smalltalk = answer.outcome == "smalltalk"
    # Smalltalk's message ends by introducing its example questions: a notice goes above it.
    notices = [f"! {notice}" for notice in answer.notices]
    if smalltalk:
        lines += [*notices, answer.message]
    elif not answer.passages or answer.unsure or not answer.answered:
        lines += [answer.message, ""]
    if answer.passages:
        first, *others = answer.passages
        marked = f"[{messages.LABEL_HISTORICAL}] " if first.status == "historisch" else ""
        lines += textwrap.wrap(marked + first.snippet, WIDTH)
        lines += _source_lines(first)
        lines.append("")
    if not smalltalk:
        lines.extend(notices)
    if answer.passages and others:
        lines.append(f"{messages.ALSO_RELEVANT}:")
        for number, passage in enumerate(others, start=2):
            lines.extend(_passage_lines(number, passage))
        lines.append("")
    desk = answer.fallback
    # Named unless the lead already links its page, as the bots do: a desk linked only under
    # a passage further down is a source, not the desk the message sends the user to.
    shown = desk is not None and not any(
        same_page(desk.url, url) for url in _lead_urls(answer.passages)
    )
    desk_line = f"{messages.LABEL_DESK}: {desk.label} – {desk.url}" if desk and shown else None
    if desk_line and not smalltalk:
        lines.append(desk_line)
    if answer.suggestions:
        # Smalltalk's message itself introduces its example questions.
        if not smalltalk:
            # Beside an answer they are questions on its subject, not guesses at the question.
            label = messages.LABEL_RELATED if answer.passages else messages.LABEL_SUGGESTIONS
            lines.append(f"{label}:")
        lines.extend(f"  • {s}" for s in answer.suggestions)
    if desk_line and smalltalk:
        # (after the examples its message ends by introducing: "Hallo, een klant betaalt al
        # drie maanden niet" told by its cues)
        lines.append(desk_line)
    if answer.answered and not answer.unsure:
        lines.append(messages.CAUTION)
    if not smalltalk:  # a greeting's or a goodbye's is no judgement
        lines.append(f"({messages.LABEL_CONFIDENCE} {answer.confidence:.2f})")
    return "\n".join(lines).strip() + "\n"


def _lead_urls(passages: tuple[AnswerPassage, ...]) -> list[str | None]:
    """The pages the first passage's lines link: its source and its other pages."""
    return [url for p in passages[:1] for url in (p.source.url, *(link.url for link in p.links))]


def _passage_lines(number: int, passage: AnswerPassage) -> list[str]:
    title = passage.title
    if passage.status == "historisch":
        title = f"{title} [{messages.LABEL_HISTORICAL}]"
    lines = [f"{number}. {title}"]
    lines += textwrap.wrap(passage.snippet, WIDTH, initial_indent=INDENT, subsequent_indent=INDENT)
    return lines + _source_lines(passage)


def _source_lines(passage: AnswerPassage) -> list[str]:
    """The passage's source with its dates, then its links, indented."""
    source = passage.source
    dated = source.date or messages.LABEL_UNDATED
    # A shipped document has no page to point to; its `document` is the register's id, which
    # tells a reader nothing the title does not (the bots show the title alone too).
    where = f" – {source.url}" if source.url else ""
    lines = [
        f"{INDENT}{messages.LABEL_SOURCE}: {source.publisher}, «{source.title}» ({dated}; "
        f"{messages.LABEL_CHECKED} {passage.checked}){where}"
    ]
    more = messages.LABEL_MORE
    lines.extend(
        f"{INDENT}{more}: {link.label} – {link.url}"
        for link in passage.links
        if link.url != source.url  # the source line links it already
    )
    return lines
