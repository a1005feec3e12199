"""The Telegram bot: wiring and handlers. A handler reads the update, calls the service,
encodes the outcome's layout and sends it."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from telegram import BotCommand, LinkPreviewOptions, Message, MessageEntity, Update
from telegram.constants import ChatType, ParseMode
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from assistant import messages
from assistant.models import Channel
from bots.layout import layout
from bots.refs import RefStore
from bots.service import ChatService, Outcome, Said, Voted
from bots.telegram import buttons, render

logger = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://api.telegram.org/bot"
INLINE_CACHE_SECONDS = 30
CHANNEL = Channel.TELEGRAM


class TelegramHandlers:
    """The handlers of the Telegram bot around a built `ChatService`.

    Args:
        service: the use cases (built with ``channel="telegram"``).
        refs: server-side store behind short callback data.
    """

    def __init__(self, service: ChatService, *, refs: RefStore | None = None) -> None:
        self.service = service
        self.refs = refs if refs is not None else RefStore()  # an empty store is falsy

    async def start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/start: welcome and three example questions as buttons."""
        await self._reply(update.effective_message, self.service.welcome())

    async def help(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/help: how to ask, in a private chat and in a group."""
        await self._reply(update.effective_message, self.service.help())

    async def about(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/over: what Wegwijzer is, where its facts come from and how current they are."""
        await self._reply(update.effective_message, self.service.about())

    async def topics(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/onderwerpen: topics as buttons."""
        await self._reply(update.effective_message, self.service.topics())

    async def command_question(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/vraag <vraag>."""
        message, user = update.effective_message, update.effective_user.id
        question = " ".join(context.args or ())
        await self._reply(message, self.service.ask_command(message.chat.id, user, question))

    async def text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A text message: always in a private chat; in a group only when addressed to the bot."""
        message = update.effective_message
        question = question_for_bot(message, context.bot.username, context.bot.id)
        if question is not None:
            outcome = self.service.ask(message.chat.id, update.effective_user.id, question)
            await self._reply(message, outcome)

    async def unknown_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A command the bot does not have ("/stop"): which ones it has, when it is for the bot."""
        message = update.effective_message
        if command_for_bot(message, context.bot.username):
            await self._reply(message, self.service.unknown_command())

    async def button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A press on an inline button: short results as a notification, the rest as messages."""
        query = update.callback_query
        press = buttons.parse(query.data, self.refs)
        outcome = self.service.press(query.message.chat.id, query.from_user.id, press)
        await query.answer(outcome.text if isinstance(outcome, Said | Voted) else None)
        if not isinstance(outcome, Said) and not (
            isinstance(outcome, Voted) and outcome.feedback_id is None
        ):
            await self._reply(query.message, outcome)

    async def forget(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/vergeet: delete everything stored of this user and restart the conversation."""
        outcome = self.service.forget(update.effective_chat.id, update.effective_user.id)
        await self._reply(update.effective_message, outcome)

    async def inline(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Inline mode: `@bot winwinlening` offers up to ten passages."""
        query = update.inline_query
        outcome = self.service.search(query.from_user.id, query.query, render.MAX_INLINE_RESULTS)
        shown = layout(outcome)
        button = render.inline_button(shown)
        await query.answer(
            render.inline_results(shown),
            button=button,
            # A refusal is this user's, now: not cached, and not for anyone else.
            cache_time=0 if button else INLINE_CACHE_SECONDS,
            is_personal=button is not None,
        )

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log a failed update and apologise to the user; the bot keeps running."""
        logger.error("update failed", exc_info=context.error)
        if isinstance(update, Update) and update.effective_chat:
            [apology] = render.encode(layout(self.service.failed()), self.refs)
            await context.bot.send_message(update.effective_chat.id, apology.text)

    async def _reply(self, message: Message, outcome: Outcome) -> None:
        for part in render.encode(layout(outcome), self.refs):
            await message.reply_text(part.text, reply_markup=part.keyboard)


def question_for_bot(message: Message, username: str, bot_id: int) -> str | None:
    """The question in `message` if it is meant for the bot, else None.

    Private chat: the whole text. Group: the text of a mention of the bot (without the mention)
    or of a reply to one of the bot's messages; anything else is not for the bot.
    """
    text = message.text or ""
    if message.chat.type == ChatType.PRIVATE:
        return text
    mention = f"@{username}".lower()
    mentions = message.parse_entities([MessageEntity.MENTION])
    if any(value.lower() == mention for value in mentions.values()):
        return " ".join(w for w in text.split() if w.lower() != mention)
    replied = message.reply_to_message
    if replied and replied.from_user and replied.from_user.id == bot_id:
        return text
    return None


def command_for_bot(message: Message, username: str) -> bool:
    """Whether the command `message` opens with is meant for the bot.

    Private chat: always. Group: only ``/command@bot``. A bare ``/menu`` in a group may be
    another bot's command (privacy mode delivers it to the bot that spoke last), so the bot
    keeps quiet about a command it does not know unless it is named.
    """
    if message.chat.type == ChatType.PRIVATE:
        return True
    words = (message.text or "").split(maxsplit=1)
    _, _, addressee = (words[0] if words else "").partition("@")
    return addressee.lower() == username.lower()


def build_application(
    token: str,
    handlers: TelegramHandlers,
    *,
    base_url: str = DEFAULT_BASE_URL,
    max_retries: int = 3,
    on_start: Callable[[Application], Awaitable[None]] | None = None,
    on_stop: Callable[[Application], Awaitable[None]] | None = None,
) -> Application:
    """Wire the handlers, HTML defaults, flood-control retries and start-up commands.

    `on_start` runs in the application's event loop once it is up (the corpus reloader);
    `on_stop` after a clean stop of a running application (deleting the webhook).
    """

    async def post_init(application: Application) -> None:
        await _register_commands(application)
        if on_start is not None:
            await on_start(application)

    builder = (
        Application.builder()
        .token(token)
        .base_url(base_url)
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        )
        # Retries a 429 after its retry_after; the default max_retries=0 would not retry.
        .rate_limiter(AIORateLimiter(max_retries=max_retries))
        .post_init(post_init)
    )
    if on_stop is not None:
        builder = builder.post_stop(on_stop)
    application = builder.build()
    text = filters.TEXT & ~filters.COMMAND
    addressed = filters.Entity(MessageEntity.MENTION) | filters.REPLY
    application.add_handlers(
        [
            CommandHandler("start", handlers.start),
            CommandHandler("help", handlers.help),
            CommandHandler("over", handlers.about),
            CommandHandler("onderwerpen", handlers.topics),
            CommandHandler("vraag", handlers.command_question),
            CommandHandler("vergeet", handlers.forget),
            # After the commands above: only a command none of them took gets here.
            MessageHandler(filters.COMMAND, handlers.unknown_command),
            MessageHandler(text & filters.ChatType.PRIVATE, handlers.text),
            MessageHandler(text & filters.ChatType.GROUPS & addressed, handlers.text),
            CallbackQueryHandler(handlers.button),
            InlineQueryHandler(handlers.inline),
        ]
    )
    application.add_error_handler(handlers.on_error)
    return application


async def _register_commands(application: Application) -> None:
    commands = [BotCommand(name, text) for name, text in messages.COMMANDS.items()]
    await application.bot.set_my_commands(commands)
