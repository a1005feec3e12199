"""The Discord bot: a `commands.Bot` subclass whose handlers read, call the core, render, send."""

from __future__ import annotations

import logging
import re
from typing import Any

import discord
import yarl
from discord import app_commands
from discord.ext import commands
from discord.gateway import DiscordWebSocket

from assistant import Assistant, QuestionError, messages
from assistant.errors import explain
from assistant.store import Store, StoreError
from bots.discord import render
from bots.ratelimit import RateLimiter
from bots.service import ChatService

logger = logging.getLogger(__name__)

DEFAULT_API_BASE_URL = "https://discord.com/api/v10"
DEFAULT_GATEWAY_URL = "wss://gateway.discord.gg"
NO_MENTIONS = discord.AllowedMentions.none()
CHANNEL = "discord"
_DISCORD_SYNTAX = re.compile(r"<(?:@[!&]?|#)\d+>|@(?:everyone|here)\b")


def point_at(api_base_url: str, gateway_url: str) -> None:
    """Send discord.py's REST calls and gateway connection to other servers.

    For REST rate-limit proxies in production, and for the tests' local fakes.
    """
    discord.http.Route.BASE = api_base_url.rstrip("/")
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)


class WegwijzerDiscord(commands.Bot):
    """The bot. Receives its collaborators as keyword arguments; wiring happens in setup_hook.

    Args:
        assistant: the core.
        top_k: passages per answer.
        limiter: questions allowed per user.
        store: the question and feedback log (None: nothing is stored).
        **options: passed on to `commands.Bot` (intents default to the non-privileged ones).
    """

    def __init__(
        self,
        *,
        assistant: Assistant,
        top_k: int = 3,
        limiter: RateLimiter | None = None,
        store: Store | None = None,
        **options: Any,
    ) -> None:
        options.setdefault("intents", discord.Intents.default())
        options.setdefault("command_prefix", commands.when_mentioned)
        options.setdefault("allowed_mentions", NO_MENTIONS)
        options.setdefault("help_command", None)
        super().__init__(**options)
        self.assistant = assistant
        self.service = ChatService(
            assistant, channel=CHANNEL, top_k=top_k, limiter=limiter, store=store
        )

    async def setup_hook(self) -> None:
        """Register the slash commands and the persistent buttons, then sync the tree once."""
        self.tree.add_command(_vraag_command(self))
        for name, description, callback in (
            ("onderwerpen", "Kies een onderwerp", self._topics),
            ("over", "Wat Wegwijzer is en waar de feiten vandaan komen", self._about),
            ("vergeet", "Wis alles wat Wegwijzer van je bewaarde", self._forget),
        ):
            command = app_commands.Command(name=name, description=description, callback=callback)
            self.tree.add_command(command)
        self.tree.on_error = self._on_command_error
        self.add_dynamic_items(MoreButton, FeedbackButton, ReasonButton, AskButton)
        await self.tree.sync()

    async def on_message(self, message: discord.Message) -> None:
        """A DM or a mention of the bot is a question; the reply goes to the same channel/thread."""
        question = question_for_bot(message, self.user)
        if question is not None:
            await self.answer_message(message, question)

    async def on_error(self, event_method: str, /, *args: Any, **kwargs: Any) -> None:
        logger.exception("event %s failed", event_method)

    async def answer_message(self, message: discord.Message, question: str) -> None:
        """Rate-limit, ask the core in this channel's conversation, log, render and reply."""
        if not self.service.allow(message.author.id):
            await message.reply(messages.TOO_MANY_QUESTIONS, allowed_mentions=NO_MENTIONS)
            return
        try:
            answer = self.service.ask(message.channel.id, message.author.id, question)
        except QuestionError as exc:
            await message.reply(explain(exc), allowed_mentions=NO_MENTIONS)
            return
        for part in render.render_answer(*answer):
            await message.reply(**_send_kwargs(part))

    async def answer_interaction(self, interaction: discord.Interaction, question: str) -> None:
        """Answer a slash command or button with a question; unreliable answers are ephemeral."""
        if not self.service.allow(interaction.user.id):
            await interaction.response.send_message(messages.TOO_MANY_QUESTIONS, ephemeral=True)
            return
        try:
            answer = self.service.ask(interaction.channel_id, interaction.user.id, question)
        except QuestionError as exc:
            await interaction.response.send_message(explain(exc), ephemeral=True)
            return
        parts = render.render_answer(*answer)
        await send_parts(interaction, parts, ephemeral=not answer[0].answered)

    async def show_passage(self, interaction: discord.Interaction, passage_id: str) -> None:
        view = self.assistant.view(passage_id)
        if view is None:
            await interaction.response.send_message(messages.BUTTON_EXPIRED, ephemeral=True)
            return
        await send_parts(interaction, [render.render_passage(view)])

    async def take_feedback(
        self,
        interaction: discord.Interaction,
        passage_id: str,
        positive: bool,
        question_id: int | None,
    ) -> None:
        """Store a vote; after a 👎 ask for the reason with buttons (ephemeral)."""
        feedback_id = self.service.feedback(question_id, positive, passage_id)
        if positive or feedback_id is None:
            thanks = messages.THANKS_UP if positive else messages.THANKS_DOWN
            await interaction.response.send_message(thanks, ephemeral=True)
            return
        await send_parts(interaction, [render.render_reasons(feedback_id)], ephemeral=True)

    async def take_reason(
        self, interaction: discord.Interaction, feedback_id: int, reason: str
    ) -> None:
        self.service.reason(feedback_id, reason)
        await interaction.response.send_message(messages.THANKS_REASON, ephemeral=True)

    async def _topics(self, interaction: discord.Interaction) -> None:
        """Kies een onderwerp."""
        choice = render.render_choices(messages.TOPICS_INTRO, messages.TOPICS)
        await send_parts(interaction, [choice], ephemeral=True)

    async def _about(self, interaction: discord.Interaction) -> None:
        """Wat Wegwijzer is."""
        text = messages.ABOUT.format(
            count=len(self.assistant.passages), latest=self.assistant.latest_check
        )
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_MENTIONS)

    async def _forget(self, interaction: discord.Interaction) -> None:
        """Wis alles wat Wegwijzer van je bewaarde."""
        try:
            count = self.service.forget(interaction.channel_id, interaction.user.id)
        except StoreError:
            text = messages.FORGET_FAILED
        else:
            text = (
                messages.NOTHING_STORED if count is None else messages.FORGOTTEN.format(count=count)
            )
        await interaction.response.send_message(text, ephemeral=True)

    async def _on_command_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        logger.error("command failed", exc_info=error)
        send = (
            interaction.followup.send
            if interaction.response.is_done()
            else interaction.response.send_message
        )
        await send(messages.SOMETHING_WENT_WRONG, ephemeral=True)


def _vraag_command(bot: WegwijzerDiscord) -> app_commands.Command:
    @app_commands.command(name="vraag", description="Stel een vraag aan Wegwijzer")
    @app_commands.describe(vraag="Je vraag, in gewone woorden")
    async def vraag(interaction: discord.Interaction, vraag: str) -> None:
        await bot.answer_interaction(interaction, vraag)

    @vraag.autocomplete("vraag")
    async def suggest(
        interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return [
            app_commands.Choice(name=s, value=s)
            for s in bot.assistant.complete(current, render.MAX_CHOICES)
        ]

    return vraag


def question_for_bot(message: discord.Message, me: discord.ClientUser | None) -> str | None:
    """The question in `message` if it is for the bot (a DM or a mention), else None."""
    if me is None or message.author.bot:
        return None
    is_dm = message.guild is None
    if not is_dm and me not in message.mentions:
        return None
    # Mentions of users, roles and channels, and @everyone/@here, are Discord syntax, not words
    # of the question.
    text = _DISCORD_SYNTAX.sub(" ", message.content)
    return " ".join(text.split())


async def send_parts(
    interaction: discord.Interaction, parts: list[render.DiscordMessage], *, ephemeral: bool = False
) -> None:
    """The first part through the interaction callback, the rest as follow-ups."""
    first, *rest = parts
    await interaction.response.send_message(ephemeral=ephemeral, **_send_kwargs(first))
    for part in rest:
        await interaction.followup.send(ephemeral=ephemeral, **_send_kwargs(part))


def _send_kwargs(part: render.DiscordMessage) -> dict[str, Any]:
    kwargs: dict[str, Any] = {"allowed_mentions": NO_MENTIONS}
    if part.content:
        kwargs["content"] = part.content
    if part.embeds:
        kwargs["embeds"] = list(part.embeds)
    if part.buttons:
        kwargs["view"] = build_view(part.buttons)
    return kwargs


def build_view(buttons: tuple[render.ButtonSpec, ...]) -> discord.ui.View:
    """Components for button specs.

    Presses are handled by the dynamic items registered in `setup_hook` (they parse the passage
    id from the custom_id, also after a restart), so the view itself is stopped before sending:
    discord.py then keeps no per-message state and memory does not grow with every answer.
    """
    view = discord.ui.View(timeout=None)
    for spec in buttons[:25]:
        view.add_item(
            discord.ui.Button(
                label=spec.label or None,
                custom_id=spec.custom_id,
                url=spec.url,
                emoji=spec.emoji,
                style=discord.ButtonStyle.link if spec.url else discord.ButtonStyle.secondary,
            )
        )
    view.stop()
    return view


class MoreButton(
    discord.ui.DynamicItem[discord.ui.Button], template=r"wegwijzer:meer:(?P<pid>[a-z0-9-]+)"
):
    """ "Meer over <titel>": shows a passage. Persistent: works after a restart."""

    def __init__(self, passage_id: str) -> None:
        super().__init__(discord.ui.Button(custom_id=render.more_id(passage_id)))
        self.passage_id = passage_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item, match: re.Match[str]
    ) -> MoreButton:
        return cls(match["pid"])

    async def callback(self, interaction: discord.Interaction) -> None:
        await interaction.client.show_passage(interaction, self.passage_id)


class FeedbackButton(
    discord.ui.DynamicItem[discord.ui.Button],
    template=r"wegwijzer:fb:(?P<vote>[+-]):(?P<pid>[a-z0-9-]+)(?::(?P<qid>\d+))?",
):
    """👍 / 👎 on an answer; carries the passage id and, when logged, the question's id."""

    def __init__(self, positive: bool, passage_id: str, question_id: int | None) -> None:
        custom_id = render.feedback_id(positive, passage_id, question_id)
        super().__init__(discord.ui.Button(custom_id=custom_id))
        self.positive = positive
        self.passage_id = passage_id
        self.question_id = question_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item, match: re.Match[str]
    ) -> FeedbackButton:
        question_id = int(match["qid"]) if match["qid"] else None
        return cls(match["vote"] == "+", match["pid"], question_id)

    async def callback(self, interaction: discord.Interaction) -> None:
        await interaction.client.take_feedback(
            interaction, self.passage_id, self.positive, self.question_id
        )


class ReasonButton(
    discord.ui.DynamicItem[discord.ui.Button],
    template=r"wegwijzer:rd:(?P<fid>\d+):(?P<reason>[a-z]+)",
):
    """The reason for a 👎, from the short list."""

    def __init__(self, feedback_id: int, reason: str) -> None:
        super().__init__(discord.ui.Button(custom_id=render.reason_id(feedback_id, reason)))
        self.feedback_id = feedback_id
        self.reason = reason

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item, match: re.Match[str]
    ) -> ReasonButton:
        return cls(int(match["fid"]), match["reason"])

    async def callback(self, interaction: discord.Interaction) -> None:
        await interaction.client.take_reason(interaction, self.feedback_id, self.reason)


class AskButton(discord.ui.DynamicItem[discord.ui.Button], template=r"wegwijzer:q:(?P<q>.+)"):
    """A suggested question or topic: a press asks it."""

    def __init__(self, question: str) -> None:
        super().__init__(discord.ui.Button(custom_id=render.question_id(question)))
        self.question = question

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item, match: re.Match[str]
    ) -> AskButton:
        return cls(match["q"])

    async def callback(self, interaction: discord.Interaction) -> None:
        await interaction.client.answer_interaction(interaction, self.question)
