"""The Discord bot: a `commands.Bot` subclass whose handlers read, call the core, render, send."""

from __future__ import annotations

import hmac
import logging
import re
from typing import Any

import discord
import yarl
from discord import app_commands
from discord.ext import commands
from discord.gateway import DiscordWebSocket

from assistant import Assistant, QuestionError, messages
from assistant.core import MAX_QUESTION_CHARS
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

    def seal(self, kind: str, number: int | None, user_id: int) -> str:
        """A short HMAC (with the question log's secret salt) binding a logged question's or
        vote's id to the user it belongs to: a custom_id naming someone else's question,
        forged or pressed by another member of the channel, does not carry its seal. The salt
        persists, so buttons keep working after a restart."""
        store = self.service.store
        if number is None or store is None or not store.enabled:
            return ""
        return store.user_key(CHANNEL, f"seal:{kind}:{number}:{user_id}")[:12]

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
            answer, logged = self.service.ask(message.channel.id, message.author.id, question)
        except QuestionError as exc:
            await message.reply(explain(exc), allowed_mentions=NO_MENTIONS)
            return
        seal = self.seal("q", logged, message.author.id)
        for part in render.render_answer(answer, logged, seal):
            await message.reply(**_send_kwargs(part))

    async def answer_interaction(self, interaction: discord.Interaction, question: str) -> None:
        """Answer a slash command or button with a question; unreliable answers are ephemeral."""
        if not self.service.allow(interaction.user.id):
            await interaction.response.send_message(messages.TOO_MANY_QUESTIONS, ephemeral=True)
            return
        try:
            answer, logged = self.service.ask(interaction.channel_id, interaction.user.id, question)
        except QuestionError as exc:
            await interaction.response.send_message(explain(exc), ephemeral=True)
            return
        parts = render.render_answer(answer, logged, self.seal("q", logged, interaction.user.id))
        await send_parts(interaction, parts, ephemeral=not answer.answered)

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
        seal: str = "",
    ) -> None:
        """Store a vote; after a 👎 ask for the reason with buttons (ephemeral)."""
        user = interaction.user.id
        if question_id is not None and not hmac.compare_digest(
            seal, self.seal("q", question_id, user)
        ):
            await interaction.response.send_message(messages.NOT_YOUR_BUTTON, ephemeral=True)
            return
        feedback_id = self.service.feedback(question_id, positive, passage_id)
        if positive or feedback_id is None:
            thanks = messages.THANKS_UP if positive else messages.THANKS_DOWN
            await interaction.response.send_message(thanks, ephemeral=True)
            return
        reasons = render.render_reasons(feedback_id, self.seal("f", feedback_id, user))
        await send_parts(interaction, [reasons], ephemeral=True)

    async def take_reason(
        self, interaction: discord.Interaction, feedback_id: int, reason: str, seal: str = ""
    ) -> None:
        if not hmac.compare_digest(seal, self.seal("f", feedback_id, interaction.user.id)):
            await interaction.response.send_message(messages.NOT_YOUR_BUTTON, ephemeral=True)
            return
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
        if not isinstance(current, str) or len(current) > MAX_QUESTION_CHARS:
            return []  # a forged or absurd value: no suggestions, no error
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


_PASSAGE = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_NUMBER = r"[0-9]{1,18}"  # an id of the question log (SQLite's rowid fits in 63 bits)
_SEAL = r"[A-Za-z0-9_-]{1,16}"
_FEEDBACK = re.compile(
    rf"(?P<vote>[+-]):(?P<pid>{_PASSAGE})(?::(?P<qid>{_NUMBER}):(?P<seal>{_SEAL}))?"
)
_REASON = re.compile(rf"(?P<fid>{_NUMBER}):(?P<reason>[a-z]{{1,20}}):(?P<seal>{_SEAL})")


class _Checked:
    """Mixed into a persistent button: its custom_id is parsed into typed values, and one
    that does not parse (forged, or from an older version) is answered as expired instead of
    failing."""

    valid = True

    async def callback(self, interaction: discord.Interaction) -> None:
        if not self.valid:
            await interaction.response.send_message(messages.BUTTON_EXPIRED, ephemeral=True)
            return
        await self.press(interaction)

    async def press(self, interaction: discord.Interaction) -> None:
        raise NotImplementedError


class MoreButton(
    _Checked, discord.ui.DynamicItem[discord.ui.Button], template=r"wegwijzer:meer:(?P<pid>[\s\S]*)"
):
    """ "Meer over <titel>": shows a passage. Persistent: works after a restart."""

    def __init__(self, passage_id: str) -> None:
        super().__init__(discord.ui.Button(custom_id=render.more_id(passage_id)[:100]))
        self.passage_id = passage_id
        self.valid = re.fullmatch(_PASSAGE, passage_id) is not None

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item, match: re.Match[str]
    ) -> MoreButton:
        return cls(match["pid"])

    async def press(self, interaction: discord.Interaction) -> None:
        await interaction.client.show_passage(interaction, self.passage_id)


class FeedbackButton(
    _Checked, discord.ui.DynamicItem[discord.ui.Button], template=r"wegwijzer:fb:(?P<rest>[\s\S]*)"
):
    """👍 / 👎 on an answer; carries the passage id and, when logged, the question's id with
    the seal that binds the vote to the user who asked."""

    def __init__(
        self, positive: bool, passage_id: str, question_id: int | None, seal: str = ""
    ) -> None:
        custom_id = render.feedback_id(positive, passage_id, question_id, seal)
        super().__init__(discord.ui.Button(custom_id=custom_id[:100]))
        self.positive = positive
        self.passage_id = passage_id
        self.question_id = question_id
        self.seal = seal

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item, match: re.Match[str]
    ) -> FeedbackButton:
        parsed = _FEEDBACK.fullmatch(match["rest"])
        if parsed is None:
            button = cls(True, "x", None)
            button.valid = False
            return button
        question_id = int(parsed["qid"]) if parsed["qid"] else None
        return cls(parsed["vote"] == "+", parsed["pid"], question_id, parsed["seal"] or "")

    async def press(self, interaction: discord.Interaction) -> None:
        await interaction.client.take_feedback(
            interaction, self.passage_id, self.positive, self.question_id, self.seal
        )


class ReasonButton(
    _Checked, discord.ui.DynamicItem[discord.ui.Button], template=r"wegwijzer:rd:(?P<rest>[\s\S]*)"
):
    """The reason for a 👎, from the short list."""

    def __init__(self, feedback_id: int, reason: str, seal: str = "") -> None:
        custom_id = render.reason_id(feedback_id, reason, seal)
        super().__init__(discord.ui.Button(custom_id=custom_id[:100]))
        self.feedback_id = feedback_id
        self.reason = reason
        self.seal = seal

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item, match: re.Match[str]
    ) -> ReasonButton:
        parsed = _REASON.fullmatch(match["rest"])
        if parsed is None or parsed["reason"] not in dict(messages.FEEDBACK_REASONS):
            button = cls(0, "x")
            button.valid = False
            return button
        return cls(int(parsed["fid"]), parsed["reason"], parsed["seal"])

    async def press(self, interaction: discord.Interaction) -> None:
        await interaction.client.take_reason(interaction, self.feedback_id, self.reason, self.seal)


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
        await interaction.client.answer_interaction(interaction, self.question[:1000])
