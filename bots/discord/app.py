"""The Discord bot: a `commands.Bot` whose handlers read, call the service, render and send."""

from __future__ import annotations

import logging
import re
from typing import Any

import discord
import yarl
from discord import app_commands
from discord.ext import commands
from discord.gateway import DiscordWebSocket

from assistant import messages
from assistant.models import Channel
from bots.actions import Press
from bots.discord import render
from bots.discord.buttons import WegwijzerButton
from bots.layout import Layout, layout
from bots.refs import RefStore
from bots.service import ChatService

logger = logging.getLogger(__name__)

DEFAULT_API_BASE_URL = "https://discord.com/api/v10"
DEFAULT_GATEWAY_URL = "wss://gateway.discord.gg"
NO_MENTIONS = discord.AllowedMentions.none()
CHANNEL = Channel.DISCORD
_DISCORD_SYNTAX = re.compile(r"<(?:@[!&]?|#)\d+>|@(?:everyone|here)\b")


def point_at(api_base_url: str, gateway_url: str) -> None:
    """Send discord.py's REST calls and gateway connection to other servers.

    For REST rate-limit proxies in production, and for the tests' local fakes.
    """
    discord.http.Route.BASE = api_base_url.rstrip("/")
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)


class WegwijzerDiscord(commands.Bot):
    """The Discord bot around a built `ChatService`. A handler reads the event, calls the
    service, encodes the outcome's layout and sends it.

    Args:
        service: the use cases (built with ``channel="discord"``).
        refs: server-side store behind the custom_ids of actions too long to spell out.
        **options: passed on to `commands.Bot` (intents default to the non-privileged ones).
    """

    def __init__(
        self, *, service: ChatService, refs: RefStore | None = None, **options: Any
    ) -> None:
        options.setdefault("intents", discord.Intents.default())
        options.setdefault("command_prefix", commands.when_mentioned)
        options.setdefault("allowed_mentions", NO_MENTIONS)
        options.setdefault("help_command", None)
        super().__init__(**options)
        self.service = service
        self.refs = refs if refs is not None else RefStore()  # an empty store is falsy

    async def setup_hook(self) -> None:
        """Register the slash commands and the persistent buttons, then sync the tree once."""
        self.tree.add_command(_vraag_command(self))
        for name, callback in (
            ("onderwerpen", self._topics),
            ("over", self._about),
            ("vergeet", self._forget),
        ):
            description = messages.COMMANDS[name]
            command = app_commands.Command(name=name, description=description, callback=callback)
            self.tree.add_command(command)
        self.tree.on_error = self._on_command_error
        self.add_dynamic_items(WegwijzerButton)
        await self.tree.sync()

    async def on_message(self, message: discord.Message) -> None:
        """A DM or a mention of the bot is a question; the reply goes to the same channel/thread."""
        question = question_for_bot(message, self.user)
        if question is None:
            return
        try:
            outcome = self.service.ask(message.channel.id, message.author.id, question)
        except Exception:  # the asker hears that it failed; the bot goes on
            logger.exception("answering a message failed")
            outcome = self.service.failed()
        for part in render.encode(layout(outcome), self.refs):
            await message.reply(**_send_kwargs(part))

    async def on_error(self, event_method: str, /, *args: Any, **kwargs: Any) -> None:
        logger.exception("event %s failed", event_method)

    async def on_press(self, interaction: discord.Interaction, action: Press | None) -> None:
        """A press on one of our buttons (see `bots.discord.buttons`)."""
        try:
            outcome = self.service.press(interaction.channel_id, interaction.user.id, action)
        except Exception:  # else Discord shows "interaction failed" and nothing more
            logger.exception("a button press failed")
            outcome = self.service.failed()
        await respond(interaction, self.refs, layout(outcome))

    async def ask(self, interaction: discord.Interaction, question: str) -> None:
        """/vraag: answers that are not reliable are shown to the asker alone."""
        outcome = self.service.ask(interaction.channel_id, interaction.user.id, question)
        await respond(interaction, self.refs, layout(outcome))

    async def _topics(self, interaction: discord.Interaction) -> None:
        """/onderwerpen: topics as buttons."""
        await respond(interaction, self.refs, layout(self.service.topics()))

    async def _about(self, interaction: discord.Interaction) -> None:
        """/over: what Wegwijzer is and how current it is."""
        await respond(interaction, self.refs, layout(self.service.about()))

    async def _forget(self, interaction: discord.Interaction) -> None:
        """/vergeet: delete what the log has of this user; restart the conversation."""
        outcome = self.service.forget(interaction.channel_id, interaction.user.id)
        await respond(interaction, self.refs, layout(outcome))

    async def _on_command_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        logger.error("command failed", exc_info=error)
        send = (
            interaction.followup.send
            if interaction.response.is_done()
            else interaction.response.send_message
        )
        await send(self.service.failed().text, ephemeral=True)


def _vraag_command(bot: WegwijzerDiscord) -> app_commands.Command:
    @app_commands.command(name="vraag", description=messages.COMMANDS["vraag"])
    @app_commands.describe(vraag=messages.QUESTION_OPTION)
    async def vraag(interaction: discord.Interaction, vraag: str) -> None:
        await bot.ask(interaction, vraag)

    @vraag.autocomplete("vraag")
    async def suggest(
        interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return [
            app_commands.Choice(name=s, value=s)
            for s in bot.service.suggest(current, render.MAX_CHOICES)
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


async def respond(interaction: discord.Interaction, refs: RefStore, shown: Layout) -> None:
    """Answer an interaction: the first message through its callback, the rest as follow-ups;
    a private layout is ephemeral. `refs` keeps what a custom_id has no room for."""
    first, *rest = render.encode(shown, refs)
    await interaction.response.send_message(ephemeral=shown.private, **_send_kwargs(first))
    for part in rest:
        await interaction.followup.send(ephemeral=shown.private, **_send_kwargs(part))


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

    Presses are handled by the dynamic item registered in `setup_hook` (it parses the action
    from the custom_id, also after a restart), so the view itself is stopped before sending:
    discord.py then keeps no per-message state and memory does not grow with every answer.
    """
    view = discord.ui.View(timeout=None)
    for spec in buttons[: render.MAX_BUTTONS]:
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
