"""The Telegram bot: wiring and handlers. Handlers read, call the core, render and send."""

from __future__ import annotations

import logging
from collections.abc import Callable

from telegram import (
    BotCommand,
    CallbackQuery,
    LinkPreviewOptions,
    Message,
    MessageEntity,
    Update,
)
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

from assistant import Assistant, QuestionError, messages
from assistant.errors import explain
from assistant.store import Store, StoreError
from bots.ratelimit import RateLimiter
from bots.refs import RefStore
from bots.service import ChatService
from bots.telegram import render

logger = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://api.telegram.org/bot"
INLINE_CACHE_SECONDS = 30
COMMANDS = (
    ("start", "Welkom en voorbeeldvragen"),
    ("vraag", "Stel een vraag: /vraag <je vraag>"),
    ("onderwerpen", "Kies een onderwerp"),
    ("over", "Wat Wegwijzer is en waar de feiten vandaan komen"),
    ("vergeet", "Wis alles wat Wegwijzer van je bewaarde"),
    ("help", "Hoe je Wegwijzer gebruikt"),
)
CHANNEL = "telegram"


class WegwijzerBot:
    """The Telegram handlers around a `ChatService`; its methods are the handlers.

    Args:
        assistant: the core.
        top_k: passages per answer.
        limiter: questions allowed per user.
        refs: server-side store behind short callback data.
        store: the question and feedback log (None: nothing is stored).
    """

    def __init__(
        self,
        assistant: Assistant,
        *,
        top_k: int = 3,
        limiter: RateLimiter | None = None,
        refs: RefStore | None = None,
        store: Store | None = None,
    ) -> None:
        self.assistant = assistant
        self.service = ChatService(
            assistant, channel=CHANNEL, top_k=top_k, limiter=limiter, store=store
        )
        self.refs = refs if refs is not None else RefStore()  # an empty store is falsy

    async def start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/start: welcome and three example questions as buttons."""
        examples = [(q, q) for q in messages.DEFAULT_SUGGESTIONS]
        choice = render.render_choices(messages.WELCOME, examples, self.refs.put)
        await self._send(update.effective_message, choice)

    async def help(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/help: how to ask, in a private chat and in a group."""
        await update.effective_message.reply_text(
            render.escape(f"{messages.HELP}\n{messages.HELP_GROUP}")
        )

    async def about(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/over: what Wegwijzer is, where its facts come from and how current they are."""
        text = messages.ABOUT.format(
            count=len(self.assistant.passages), latest=self.assistant.latest_check
        )
        await update.effective_message.reply_text(render.escape(text))

    async def topics(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/onderwerpen: topics as buttons."""
        choice = render.render_choices(messages.TOPICS_INTRO, messages.TOPICS, self.refs.put)
        await self._send(update.effective_message, choice)

    async def command_question(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/vraag <vraag>."""
        question = " ".join(context.args or ())
        if not question.strip():
            await update.effective_message.reply_text(render.escape(messages.ASK_SOMETHING))
            return
        await self.answer(update.effective_message, update.effective_user.id, question)

    async def text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A text message: always in a private chat; in a group only when addressed to the bot."""
        message = update.effective_message
        question = question_for_bot(message, context.bot.username, context.bot.id)
        if question is not None:
            await self.answer(message, update.effective_user.id, question)

    async def button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A press on an inline button: show a passage, ask a question, or take feedback."""
        query = update.callback_query
        kind, _, payload = (query.data or "").partition(":")
        if kind == render.MORE and (view := self.assistant.view(payload)):
            await query.answer()
            await self._send(query.message, render.render_passage(view))
        elif kind == render.QUESTION and (question := self.refs.get(payload, str)):
            await query.answer()
            await self.answer(query.message, query.from_user.id, question)
        elif kind == render.FEEDBACK and (ref := self.refs.get(payload[2:], dict)):
            if ref.get("owner", query.from_user.id) != query.from_user.id:
                await query.answer(messages.NOT_YOUR_BUTTON)
                return
            await self._feedback(query, ref, positive=payload.startswith("+"))
        elif kind == render.REASON and (ref := self.refs.get(payload.partition(":")[0], tuple)):
            feedback_id, owner = ref
            if owner != query.from_user.id:
                await query.answer(messages.NOT_YOUR_BUTTON)
                return
            self.service.reason(feedback_id, payload.partition(":")[2])
            await query.answer(messages.THANKS_REASON)
        else:
            await query.answer(messages.BUTTON_EXPIRED)

    async def forget(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/vergeet: delete everything stored of this user and restart the conversation."""
        try:
            count = self.service.forget(update.effective_chat.id, update.effective_user.id)
        except StoreError:
            text = messages.FORGET_FAILED
        else:
            text = (
                messages.NOTHING_STORED if count is None else messages.FORGOTTEN.format(count=count)
            )
        await update.effective_message.reply_text(render.escape(text))

    async def _feedback(self, query: CallbackQuery, ref: dict, *, positive: bool) -> None:
        """Store a vote; after a 👎 ask for the reason with buttons."""
        passage_id = (ref["passages"] or [None])[0]
        feedback_id = self.service.feedback(ref.get("question_id"), positive, passage_id)
        await query.answer(messages.THANKS_UP if positive else messages.THANKS_DOWN)
        if not positive and feedback_id is not None:
            reasons = render.render_reasons(self.refs.put((feedback_id, query.from_user.id)))
            await self._send(query.message, reasons)

    async def inline(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Inline mode: `@bot winwinlening` offers up to ten passages."""
        query = update.inline_query
        if not self.service.allow(query.from_user.id):  # the same limit as for questions
            await query.answer([], cache_time=INLINE_CACHE_SECONDS)
            return
        try:
            answer = self.assistant.ask(query.query, top_k=render.MAX_INLINE_RESULTS)
        except QuestionError:
            await query.answer([], cache_time=INLINE_CACHE_SECONDS)
            return
        results = render.render_inline_results(answer) if answer.answered else []
        await query.answer(results, cache_time=INLINE_CACHE_SECONDS)

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log a failed update and apologise to the user; the bot keeps running."""
        logger.error("update failed", exc_info=context.error)
        if isinstance(update, Update) and update.effective_chat:
            await context.bot.send_message(
                update.effective_chat.id, render.escape(messages.SOMETHING_WENT_WRONG)
            )

    async def answer(self, message: Message, user_id: int, question: str) -> None:
        """Rate-limit, ask the core in this chat's conversation, log, render and send."""
        if not self.service.allow(user_id):
            await message.reply_text(render.escape(messages.TOO_MANY_QUESTIONS))
            return
        try:
            answer, question_id = self.service.ask(message.chat.id, user_id, question)
        except QuestionError as exc:
            await message.reply_text(render.escape(explain(exc)))
            return
        keep = self._keeper(user_id)
        for part in render.render_answer(answer, keep, question_id=question_id):
            await self._send(message, part)

    def _keeper(self, owner: int) -> Callable[[object], str]:
        """The reference store for one user's answer: its feedback references name the user,
        so that only they can vote on it (a group sees everyone's buttons)."""

        def keep(value: object) -> str:
            return self.refs.put({**value, "owner": owner} if isinstance(value, dict) else value)

        return keep

    @staticmethod
    async def _send(message: Message, part: render.TelegramMessage) -> None:
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


def build_application(
    token: str,
    bot: WegwijzerBot,
    *,
    base_url: str = DEFAULT_BASE_URL,
    max_retries: int = 3,
) -> Application:
    """Wire the handlers, HTML defaults, flood-control retries and start-up commands."""
    application = (
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
        .post_init(_register_commands)
        .build()
    )
    text = filters.TEXT & ~filters.COMMAND
    addressed = filters.Entity(MessageEntity.MENTION) | filters.REPLY
    application.add_handlers(
        [
            CommandHandler("start", bot.start),
            CommandHandler("help", bot.help),
            CommandHandler("over", bot.about),
            CommandHandler("onderwerpen", bot.topics),
            CommandHandler("vraag", bot.command_question),
            CommandHandler("vergeet", bot.forget),
            MessageHandler(text & filters.ChatType.PRIVATE, bot.text),
            MessageHandler(text & filters.ChatType.GROUPS & addressed, bot.text),
            CallbackQueryHandler(bot.button),
            InlineQueryHandler(bot.inline),
        ]
    )
    application.add_error_handler(bot.on_error)
    return application


async def _register_commands(application: Application) -> None:
    await application.bot.set_my_commands([BotCommand(name, text) for name, text in COMMANDS])
