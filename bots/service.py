"""The use cases of a chat bot, whatever the platform: ask, show a passage, vote, give a reason,
forget, and the fixed texts. Each returns an outcome that the platforms only render and send
(see `bots.layout`); no handler takes a business decision of its own.

Policies that live here and nowhere else:

- every question, from a message, a command, a button or an inline query, counts against the
  user's rate limit;
- questions are read in the asker's own conversation in that chat (never another member's);
- questions asked in a chat are logged (when the log is on); inline queries are not: they are
  searched as they are typed, and a half-typed word is not a question;
- a vote or a reason is taken only from the user who asked: the buttons carry a seal, an HMAC
  that binds the logged question (or the passage) to that user.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import secrets
from collections.abc import Hashable
from dataclasses import dataclass

from assistant import Answer, Assistant, QuestionError, messages
from assistant.conversation import Conversation, Conversations
from assistant.core import MAX_QUESTION_CHARS
from assistant.errors import explain
from assistant.models import AnswerPassage
from assistant.store import Interest, Store, StoreError
from bots.actions import AskQuestion, GiveReason, Press, ShowPassage, Vote
from bots.ratelimit import RateLimiter

logger = logging.getLogger(__name__)

SEAL_CHARS = 12
EPOCH_BYTES = 3  # the process's mark in a seal made without a log: 4 characters
MAX_SUGGESTIONS = 25  # Discord's limit on autocomplete choices


@dataclass(frozen=True)
class Replied:
    """An answer to show, with its id in the question log and the seal for its vote buttons."""

    answer: Answer
    log_id: int | None
    seal: str


@dataclass(frozen=True)
class Said:
    """A short text for the user: a refusal, a thanks, the result of a command.

    `reason` names a refusal ("rate_limited", "bad_question", "expired", "not_yours",
    "not_found") so that a platform can, for example, show it only to the user; None for an
    ordinary reply.
    """

    text: str
    reason: str | None = None


@dataclass(frozen=True)
class Shown:
    """One passage in full (a "more about" button)."""

    passage: AnswerPassage


@dataclass(frozen=True)
class Offered:
    """A text with questions to choose from: (label, question) pairs."""

    text: str
    questions: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Voted:
    """A vote was taken; after a 👎 on a logged answer, `feedback_id` asks for the reason."""

    text: str
    feedback_id: int | None = None
    seal: str = ""


@dataclass(frozen=True)
class Found:
    """Passages for an inline query (empty when nothing answers it)."""

    passages: tuple[AnswerPassage, ...]


Outcome = Replied | Said | Shown | Offered | Voted | Found

EXPIRED = Said(messages.BUTTON_EXPIRED, "expired")
NOT_YOURS = Said(messages.NOT_YOUR_BUTTON, "not_yours")
RATE_LIMITED = Said(messages.TOO_MANY_QUESTIONS, "rate_limited")


class ChatService:
    """One platform's use of the assistant.

    Args:
        assistant: the core.
        channel: the question log's channel name ("telegram", "discord").
        top_k: passages per answer.
        limiter: questions allowed per user (default 20 a minute).
        log: the question and feedback log (default: off, `Store.disabled()`).
    """

    def __init__(
        self,
        assistant: Assistant,
        *,
        channel: str,
        top_k: int = 3,
        limiter: RateLimiter | None = None,
        log: Store | None = None,
    ) -> None:
        self.assistant = assistant
        self.channel = channel
        self.top_k = top_k
        self.limiter = limiter if limiter is not None else RateLimiter(20, 60.0)
        self.log = log if log is not None else Store.disabled()
        self.conversations = Conversations(lambda chat: Conversation(self.assistant))
        # Seals without a log cannot outlive the process; with one they use its secret salt.
        self._secret = secrets.token_bytes(32)
        # ... so without a log each seal opens with this process's own mark: a seal without it
        # was made before a restart (an expired button), not by another user.
        self._epoch = secrets.token_urlsafe(EPOCH_BYTES)

    def use(self, assistant: Assistant) -> None:
        """Answer from now on with `assistant` (a reloaded corpus), in one step.

        Conversations keep their topic and the log is untouched; a topic whose passages the
        new corpus lacks simply finds no follow-up there.
        """
        self.assistant = assistant
        for conversation in self.conversations:
            conversation.assistant = assistant

    # Questions

    def ask(self, chat: Hashable, user_id: int, question: str) -> Replied | Said:
        """Answer in this user's conversation in this chat, and log it.

        In a group or channel each member has a conversation of their own: one user's
        question is never read as a follow-up of another's.
        """
        if not self.limiter.allow(user_id):
            return RATE_LIMITED
        try:
            answer = self.conversations.get((chat, user_id)).ask(question, top_k=self.top_k)
        except QuestionError as exc:
            return Said(explain(exc), "bad_question")
        log_id = self.log.record_question(
            self.channel, self.log.user_key(self.channel, user_id), answer
        )
        return Replied(answer, log_id, self.seal("q", _vote_subject(log_id, answer), user_id))

    def ask_command(self, chat: Hashable, user_id: int, text: str) -> Replied | Said:
        """/vraag <question>; without a question, how to use the command."""
        if not text.strip():
            return Said(messages.ASK_SOMETHING, "bad_question")
        return self.ask(chat, user_id, text)

    def press(self, chat: Hashable, user_id: int, action: Press | None) -> Outcome:
        """Carry out a button press; None (a press the platform could not read) is expired."""
        match action:
            case ShowPassage(passage_id, _, log_id, seal, interest):
                return self.show(passage_id, user_id, log_id, seal, interest)
            case AskQuestion(question):
                return self.ask(chat, user_id, question)
            case Vote(positive, passage_id, log_id, seal):
                return self.vote(user_id, positive, passage_id, log_id, seal)
            case GiveReason(feedback_id, code, _, seal):
                return self.give_reason(user_id, feedback_id, code, seal)
        return EXPIRED

    def search(self, user_id: int, query: str, limit: int) -> Found | Said:
        """Inline mode: passages for what is being typed; rate-limited, outside any
        conversation, not logged (see the module docstring). Nothing typed yet finds nothing;
        a query without a reliable answer says so."""
        if not query.strip():
            return Found(())
        if not self.limiter.allow(user_id):
            return RATE_LIMITED
        try:
            answer = self.assistant.ask(query, top_k=limit)
        except QuestionError as exc:
            return Said(explain(exc), "bad_question")
        if not answer.answered:
            return Said(messages.NO_INLINE_RESULTS, "not_found")
        return Found(answer.passages)

    def suggest(self, typed: object, limit: int = MAX_SUGGESTIONS) -> list[str]:
        """Completions of a half-typed question; nothing for a forged or absurd value."""
        if not isinstance(typed, str) or len(typed) > MAX_QUESTION_CHARS:
            return []
        return self.assistant.complete(typed, limit)

    def show(
        self,
        passage_id: str,
        user_id: int | None = None,
        log_id: int | None = None,
        seal: str = "",
        interest: Interest = Interest.MORE,
    ) -> Shown | Said:
        """A passage in full, or an expired-button reply for an unknown id.

        Opened by its asker from a logged answer, it is logged as interest in the passage (the
        curator's suggestions use it); anyone else's press only shows it.
        """
        passage = self.assistant.full_passage(passage_id)
        if passage is None:
            return EXPIRED
        mine = user_id is not None and self._sealed(seal, "q", str(log_id), user_id)
        if log_id is not None and mine:
            self.log.record_interest(log_id, passage_id, interest)
        return Shown(passage)

    # Feedback

    def vote(
        self, user_id: int, positive: bool, passage_id: str, log_id: int | None, seal: str
    ) -> Voted | Said:
        """A 👍/👎 on the answer sealed for `user_id`; another member's press is refused."""
        if not self._sealed(seal, "q", f"{log_id}" if log_id is not None else passage_id, user_id):
            return EXPIRED if self._from_before(seal) else NOT_YOURS
        if not self.log.enabled:
            logger.info("feedback %s on %s", "+" if positive else "-", passage_id)
        feedback_id = self.log.record_feedback(log_id, positive, passage_id=passage_id)
        if positive or feedback_id is None:
            return Voted(messages.THANKS_UP if positive else messages.THANKS_DOWN)
        return Voted(messages.THANKS_DOWN, feedback_id, self.seal("f", str(feedback_id), user_id))

    def give_reason(self, user_id: int, feedback_id: int, reason: str, seal: str) -> Said:
        """Why a 👎: taken only from the user who voted."""
        if not self._sealed(seal, "f", str(feedback_id), user_id):
            return NOT_YOURS
        self.log.set_reason(feedback_id, reason)
        return Said(messages.THANKS_REASON)

    # Commands

    def forget(self, chat: Hashable, user_id: int) -> Said:
        """Restart the user's conversation in this chat and delete the user's log."""
        self.conversations.get((chat, user_id)).reset()
        if not self.log.enabled:
            return Said(messages.NOTHING_STORED)
        try:
            count = self.log.forget(self.log.user_key(self.channel, user_id))
        except StoreError:
            return Said(messages.FORGET_FAILED)
        return Said(messages.forgotten(count))

    def about(self) -> Said:
        """What Wegwijzer is, how many passages it holds and how current they are."""
        count, latest = len(self.assistant.passages), self.assistant.latest_check
        return Said(messages.ABOUT.format(count=count, latest=latest))

    def welcome(self) -> Offered:
        return Offered(messages.WELCOME, tuple((q, q) for q in messages.DEFAULT_SUGGESTIONS))

    def topics(self) -> Offered:
        return Offered(messages.TOPICS_INTRO, messages.TOPICS)

    def help(self) -> Said:
        return Said(f"{messages.HELP}\n{messages.HELP_GROUP}")

    def unknown_command(self) -> Said:
        """A command the bot does not have: which ones it has."""
        return Said(messages.UNKNOWN_COMMAND)

    def failed(self) -> Said:
        """The apology after an unexpected failure."""
        return Said(messages.SOMETHING_WENT_WRONG)

    # Seals

    def seal(self, kind: str, subject: str, user_id: int) -> str:
        """A short HMAC binding a question's or vote's `subject` to the user it belongs to.

        With the log on it uses the log's secret salt, so buttons keep working after a
        restart; without, a secret of this process, after the process's mark (`_from_before`).
        """
        message = f"seal:{kind}:{subject}:{user_id}"
        if self.log.enabled:
            return self.log.user_key(self.channel, message)[:SEAL_CHARS]
        digest = hmac.new(self._secret, message.encode(), hashlib.sha256).digest()
        sealed = base64.urlsafe_b64encode(digest).decode("ascii")
        return (self._epoch + sealed)[:SEAL_CHARS]

    def _sealed(self, seal: str, kind: str, subject: str, user_id: int) -> bool:
        return hmac.compare_digest(seal, self.seal(kind, subject, user_id))

    def _from_before(self, seal: str) -> bool:
        """Whether a seal that does not match was made by an earlier process without a log,
        whose secret is gone: the button has expired (its asker's too) rather than being
        someone else's."""
        return not self.log.enabled and not seal.startswith(self._epoch)


def _vote_subject(log_id: int | None, answer: Answer) -> str:
    """What a vote seal binds: the logged question, or without a log the first passage."""
    if log_id is not None:
        return str(log_id)
    return answer.passages[0].id if answer.passages else ""
