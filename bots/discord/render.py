"""Encoding a `bots.layout.Layout` as Discord messages with embeds and button specs.

Within Discord's limits: content 2,000; embed title 256, description 4,096, field value 1,024,
footer 2,048; at most 10 embeds and 6,000 characters of embeds per message; 25 buttons. A long
answer is split between passages. Buttons are returned as specs (their ids from
`bots.discord.buttons`, which keeps what does not fit in a `RefStore`); the bot turns them into
components.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import discord
from discord.utils import escape_markdown

from assistant import messages
from assistant.models import AnswerPassage
from bots import layout as lay
from bots.actions import Action, OpenLink, Vote
from bots.discord import buttons
from bots.layout import Layout, shorten
from bots.refs import RefStore

CONTENT_LIMIT = 2000
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_LIMIT = 1024
FOOTER_LIMIT = 2048
EMBEDS_PER_MESSAGE = 10
EMBED_TOTAL_LIMIT = 6000
LABEL_LIMIT = 80
MAX_BUTTONS = 25  # five rows of five
MAX_CHOICES = 25

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


def encode(layout: Layout, refs: RefStore) -> list[DiscordMessage]:
    """A layout as one or more messages: the text blocks as content, the lead and each passage
    an embed; "Ook relevant" and the footer go on the last embed when there is one.

    Args:
        layout: what to send.
        refs: keeps the actions whose custom_id would not fit server-side.
    """
    embeds = [
        lead_embed(b) if isinstance(b, lay.Lead) else passage_embed(b)
        for b in layout.blocks
        if isinstance(b, lay.Lead | lay.PassageBlock)
    ]
    lines = []
    for block in layout.blocks:
        if isinstance(block, lay.Lead | lay.PassageBlock):
            continue
        if embeds and isinstance(block, lay.AlsoRelevant):
            titles = "\n".join(f"• {escape_markdown(ref.title)}" for ref in block.passages)
            embeds[-1].add_field(
                name=messages.ALSO_RELEVANT, value=shorten(titles, FIELD_LIMIT), inline=False
            )
        elif embeds and isinstance(block, lay.Footer):
            embeds[-1].set_footer(text=shorten(block.text, FOOTER_LIMIT))
        else:
            lines.append(_line(block))
    content = shorten("\n".join(lines), CONTENT_LIMIT)
    groups = pack([_within_limit(e) for e in embeds])
    specs = tuple(s for a in layout.actions if (s := _button(a, refs)) is not None)[:MAX_BUTTONS]
    if not groups:
        return [DiscordMessage(content, (), specs)]
    return [
        DiscordMessage(
            content if i == 0 else "", tuple(group), specs if i == len(groups) - 1 else ()
        )
        for i, group in enumerate(groups)
    ]


def _line(block: lay.Block) -> str:
    match block:
        case lay.Heading(text) | lay.Text(text):
            # A partial answer's heading names its passage: a title is data, not markdown.
            return escape_markdown(text)
        case lay.Notice(text) | lay.Footer(text):
            return f"*{escape_markdown(text)}*"
        case lay.DeskLink(desk):
            return f"➜ {desk.label}: <{desk.url}>"
        case lay.AlsoRelevant(passages):
            titles = ", ".join(ref.title for ref in passages)
            return f"{messages.ALSO_RELEVANT}: {escape_markdown(titles)}"
    raise TypeError(f"no encoding for {type(block).__name__}")


def lead_embed(block: lay.Lead) -> discord.Embed:
    """The answer as an embed: the snippet, its source with dates, the official page."""
    passage = block.passage
    embed = discord.Embed(**_body(passage, block.historical_note))
    embed.add_field(name=messages.LABEL_SOURCE, value=_source(passage), inline=False)
    if block.link:
        page = f"[{escape_markdown(block.link.label)}]({block.link.url})"
        embed.add_field(name=messages.LABEL_MORE, value=shorten(page, FIELD_LIMIT), inline=False)
    return embed


def _body(passage: AnswerPassage, note: str | None) -> dict[str, Any]:
    """An embed's description (the snippet, after any historical note) and colour."""
    description = escape_markdown(passage.snippet)
    if note:
        description = f"⚠️ *{escape_markdown(note)}*\n\n{description}"
    return {
        "description": shorten(description, DESCRIPTION_LIMIT),
        "colour": HISTORICAL_COLOUR if passage.status == "historisch" else CURRENT_COLOUR,
    }


def _source(passage: AnswerPassage) -> str:
    cited = lay.citation(passage)
    name = escape_markdown(cited.name)
    source = f"[{name}]({cited.url}) ({cited.dates})" if cited.url else f"{name} ({cited.dates})"
    return shorten(source, FIELD_LIMIT)


def passage_embed(block: lay.PassageBlock) -> discord.Embed:
    """One passage as an embed: title (linked to its source), snippet, source with dates, links."""
    passage = block.passage
    embed = discord.Embed(
        title=shorten(escape_markdown(block.title), TITLE_LIMIT),
        url=passage.source.url,
        **_body(passage, block.historical_note),
    )
    embed.add_field(name=messages.LABEL_SOURCE, value=_source(passage), inline=False)
    if passage.links:
        links = "\n".join(f"[{escape_markdown(link.label)}]({link.url})" for link in passage.links)
        embed.add_field(name=messages.LABEL_MORE, value=shorten(links, FIELD_LIMIT), inline=False)
    return _within_limit(embed)


def _within_limit(embed: discord.Embed) -> discord.Embed:
    """An embed within Discord's 6,000 characters; only absurd inputs (every part at its own
    maximum) lose the end of their description."""
    overflow = len(embed) - EMBED_TOTAL_LIMIT
    if overflow > 0:
        text = embed.description or ""
        embed.description = shorten(text, len(text) - overflow)
    return embed


def _button(action: Action, refs: RefStore) -> ButtonSpec | None:
    if isinstance(action, OpenLink):
        return ButtonSpec(shorten(action.label, LABEL_LIMIT), url=action.url)
    custom_id = buttons.custom_id(action, refs)
    if custom_id is None:
        return None
    if isinstance(action, Vote):
        return ButtonSpec("", custom_id=custom_id, emoji=action.label)
    return ButtonSpec(shorten(action.label, LABEL_LIMIT), custom_id=custom_id)


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
