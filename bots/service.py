"""What every chat bot does with a user, whatever the platform: rate-limit, converse, log,
take feedback and forget. The platform adapters only read, call this, render and send."""

from __future__ import annotations

import logging

from assistant import Answer, Assistant
from assistant.conversation import Conversation, Conversations
from assistant.store import Store
from bots.ratelimit import RateLimiter

logger = logging.getLogger(__name__)


class ChatService:
    """One platform's use of the assistant.

    Args:
        assistant: the core.
        channel: the store's channel name ("telegram", "discord").
        top_k: passages per answer.
        limiter: questions allowed per user (default 20 a minute).
        store: the question and feedback log (None: nothing is stored).
    """

    def __init__(
        self,
        assistant: Assistant,
        *,
        channel: str,
        top_k: int = 3,
        limiter: RateLimiter | None = None,
        store: Store | None = None,
    ) -> None:
        self.assistant = assistant
        self.channel = channel
        self.top_k = top_k
        self.limiter = limiter if limiter is not None else RateLimiter(20, 60.0)
        self.store = store
        self.conversations = Conversations(lambda chat: Conversation(assistant))

    def allow(self, user_id: int) -> bool:
        """Whether this user may ask another question now."""
        return self.limiter.allow(user_id)

    def ask(self, chat: object, user_id: int, question: str) -> tuple[Answer, int | None]:
        """Answer in this user's conversation in this chat and log it; returns the answer and
        its log id. In a group or channel each member has a conversation of their own: one
        user's question is never read as a follow-up of another's.

        Raises:
            QuestionError: the question is empty or too long.
        """
        answer = self.conversations.get((chat, user_id)).ask(question, top_k=self.top_k)
        if self.store is None:
            return answer, None
        key = self.store.user_key(self.channel, user_id)
        return answer, self.store.record_question(self.channel, key, answer)

    def feedback(
        self, question_id: int | None, positive: bool, passage_id: str | None
    ) -> int | None:
        """Log a 👍/👎; returns the feedback id to attach a reason to (None if not stored)."""
        if self.store is None:
            logger.info("feedback %s on %s", "+" if positive else "-", passage_id)
            return None
        return self.store.record_feedback(question_id, positive, passage_id=passage_id)

    def reason(self, feedback_id: int, reason: str) -> None:
        if self.store is not None:
            self.store.set_reason(feedback_id, reason)

    def forget(self, chat: object, user_id: int) -> int | None:
        """Restart the user's conversation in this chat and delete the user's log; None if
        nothing is kept.

        Raises:
            StoreError: the log could not be changed; nothing was forgotten.
        """
        self.conversations.get((chat, user_id)).reset()
        if self.store is None or not self.store.enabled:
            return None
        return self.store.forget(self.store.user_key(self.channel, user_id))
