"""Rendering an `Answer` as Discord messages with embeds and button specs (pure functions).

Within Discord's limits: content 2,000; embed title 256, description 4,096, field value 1,024,
footer 2,048; at most 10 embeds and 6,000 characters of embeds per message. A long answer is
split between passages. Buttons are returned as specs; the bot turns them into components.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import discord
from discord.utils import escape_markdown

from assistant import messages
from assistant.models import Answer, AnswerPassage, PassageRef

CONTENT_LIMIT = 2000
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_LIMIT = 1024
FOOTER_LIMIT = 2048
EMBEDS_PER_MESSAGE = 10
EMBED_TOTAL_LIMIT = 6000
LABEL_LIMIT = 80
CUSTOM_ID_LIMIT = 100
MAX_CHOICES = 25

PREFIX = "wegwijzer"
CURRENT_COLOUR = discord.Colour(0x1F6FB2)
HISTORICAL_COLOUR = discord.Colour(0x8A8A8A)


@dataclass(frozen=True)
class ButtonSpec:
    """A button: either a custom_id (handled by the bot) or a link."""

    label: str
    custom_id: str | None = None
    url: str | None = None
    emoji: str | None = None


@dataclass(frozen=True)
class DiscordMessage:
    """One message to send: content, embeds and buttons (buttons go with the last message)."""

    content: str
    embeds: tuple[discord.Embed, ...] = ()
    buttons: tuple[ButtonSpec, ...] = field(default=())


def more_id(passage_id: str) -> str:
    return f"{PREFIX}:meer:{passage_id}"


def feedback_id(
    positive: bool, passage_id: str, question_id: int | None = None, seal: str = ""
) -> str:
    """A 👍/👎 button; with a logged question, its id and the seal that binds it to the asker."""
    suffix = f":{question_id}:{seal}" if question_id is not None else ""
    return f"{PREFIX}:fb:{'+' if positive else '-'}:{passage_id}{suffix}"


def reason_id(feedback: int, reason: str, seal: str = "") -> str:
    return f"{PREFIX}:rd:{feedback}:{reason}:{seal}"


def question_id(question: str) -> str | None:
    custom_id = f"{PREFIX}:q:{question}"
    return custom_id if len(custom_id) <= CUSTOM_ID_LIMIT else None


def passage_embed(passage: AnswerPassage, number: int | None = None) -> discord.Embed:
    """One passage as an embed: title (linked to its source), snippet, source with dates, links."""
    title = f"{number}. {passage.title}" if number else passage.title
    description = escape_markdown(passage.snippet)
    if passage.superseded_by:
        note = messages.LABEL_HISTORICAL_NOTE.format(successor=passage.superseded_by.title)
        description = f"⚠️ *{escape_markdown(note)}*\n\n{description}"
    embed = discord.Embed(
        title=_cut(title, TITLE_LIMIT),
        description=_cut(description, DESCRIPTION_LIMIT),
        url=passage.source.url,
        colour=HISTORICAL_COLOUR if passage.status == "historisch" else CURRENT_COLOUR,
    )
    embed.add_field(
        name=messages.LABEL_SOURCE, value=_cut(_source_text(passage), FIELD_LIMIT), inline=False
    )
    if passage.links:
        links = "\n".join(f"[{escape_markdown(link.label)}]({link.url})" for link in passage.links)
        embed.add_field(name=messages.LABEL_MORE, value=_cut(links, FIELD_LIMIT), inline=False)
    overflow = len(embed) - EMBED_TOTAL_LIMIT
    if overflow > 0:  # only for absurd inputs: every part at its own maximum
        embed.description = _cut(embed.description or "", len(embed.description or "") - overflow)
    return embed


def _source_text(passage: AnswerPassage) -> str:
    source = passage.source
    name = escape_markdown(f"{source.publisher}: {source.title}")
    cited = f"[{name}]({source.url})" if source.url else name
    dates = f"{messages.source_date(source.date)}; {messages.LABEL_CHECKED} {passage.checked}"
    return f"{cited} ({dates})"


def render_answer(
    answer: Answer, logged_id: int | None = None, seal: str = ""
) -> list[DiscordMessage]:
    """An answer as one or more messages within Discord's limits.

    `logged_id`, the answer's id in the question log, goes into the feedback buttons with
    `seal`, which binds them to the user who asked (see `WegwijzerDiscord.seal`).
    """
    embeds = [passage_embed(p, n) for n, p in enumerate(answer.passages, start=1)]
    content = "\n".join((answer.message, *(f"*{escape_markdown(n)}*" for n in answer.notices)))
    if answer.fallback:
        content = f"{content}\n➜ {answer.fallback.label}: <{answer.fallback.url}>"
    groups = pack(embeds)
    buttons = tuple(_answer_buttons(answer, logged_id, seal))
    if not groups:
        return [DiscordMessage(_cut(content, CONTENT_LIMIT), (), buttons)]
    return [
        DiscordMessage(
            _cut(content, CONTENT_LIMIT) if i == 0 else "",
            tuple(group),
            buttons if i == len(groups) - 1 else (),
        )
        for i, group in enumerate(groups)
    ]


def render_passage(passage: AnswerPassage) -> DiscordMessage:
    """One passage in full, with buttons to its related passages."""
    return DiscordMessage("", (passage_embed(passage),), tuple(_more_buttons(passage.related)))


def render_choices(intro: str, questions: Sequence[tuple[str, str]]) -> DiscordMessage:
    """A text with one button per (label, question); a press asks the question."""
    buttons = [
        ButtonSpec(_cut(label, LABEL_LIMIT), custom_id=custom_id)
        for label, question in questions
        if (custom_id := question_id(question))
    ]
    return DiscordMessage(intro, (), tuple(buttons[:25]))


def pack(embeds: Sequence[discord.Embed]) -> list[list[discord.Embed]]:
    """Group embeds into messages: at most 10 and 6,000 characters each, in order."""
    groups: list[list[discord.Embed]] = []
    size = 0
    for embed in embeds:
        length = len(embed)
        if not groups or len(groups[-1]) == EMBEDS_PER_MESSAGE or size + length > EMBED_TOTAL_LIMIT:
            groups.append([])
            size = 0
        groups[-1].append(embed)
        size += length
    return groups


def render_reasons(feedback: int, seal: str = "") -> DiscordMessage:
    """After a 👎: one button per reason from the short list."""
    buttons = tuple(
        ButtonSpec(label, custom_id=reason_id(feedback, code, seal))
        for code, label in messages.FEEDBACK_REASONS
    )
    return DiscordMessage(messages.ASK_REASON, (), buttons)


def _answer_buttons(answer: Answer, logged_id: int | None, seal: str) -> list[ButtonSpec]:
    """Answers and partial answers get "more about" and 👍/👎 buttons; the others get their
    suggestions as questions to press; a human desk, when named, always gets a link."""
    if answer.passages:
        first = answer.passages[0]
        buttons = [
            *_more_buttons(first.related),
            ButtonSpec("", custom_id=feedback_id(True, first.id, logged_id, seal), emoji="👍"),
            ButtonSpec("", custom_id=feedback_id(False, first.id, logged_id, seal), emoji="👎"),
        ]
    else:
        buttons = [
            ButtonSpec(_cut(s, LABEL_LIMIT), custom_id=custom_id)
            for s in answer.suggestions
            if (custom_id := question_id(s))
        ]
    if answer.fallback:
        buttons.append(ButtonSpec(answer.fallback.label, url=answer.fallback.url))
    return buttons


def _more_buttons(related: Sequence[PassageRef]) -> list[ButtonSpec]:
    return [
        ButtonSpec(
            _cut(messages.MORE_ABOUT.format(title=ref.title), LABEL_LIMIT),
            custom_id=more_id(ref.id),
        )
        for ref in related[:3]
        if len(more_id(ref.id)) <= CUSTOM_ID_LIMIT
    ]


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
