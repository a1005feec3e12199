"""Follow-up questions: the recent context of one chat, and the decision to use it.

A `Conversation` keeps only the last turn's topic (the question that set it and the passages
answered), forgets it after a time-out, and never grows. Whether a new question is a follow-up
is decided by retrieval evidence, not by a list of phrases. The question is asked on its own and
together with the topic question (whose words count half), and the two answers are compared by
how much of what was said their best passage explains: the question's own words fully, the
topic's words half (`CONTEXT_WEIGHT`).

- "en hoeveel kan ik daarmee lenen?" after the winwinlening: the winwinlening passage explains
  "lenen" and the topic, a loan passage found alone only "lenen": a follow-up;
- "Wat is Screen Flanders?": both ways lead to Screen Flanders: answered on its own;
- a question without a reliable answer of its own takes the context when that gives one.
"""

from __future__ import annotations

import dataclasses
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from assistant import messages
from assistant.core import CONTEXT_WEIGHT, Assistant, clean_question
from assistant.models import Answer

DEFAULT_TIMEOUT = 600.0  # seconds of silence after which the context is forgotten


@dataclass(frozen=True)
class Topic:
    """What a chat is talking about: the question that set it and the passages answered."""

    question: str
    passage_ids: tuple[str, ...]
    at: float


class Conversation:
    """One chat's context; `ask` answers a question in it.

    Args:
        assistant: the core.
        timeout: seconds after which an unused context is forgotten.
        clock: monotonic clock (injected in tests).
    """

    def __init__(
        self,
        assistant: Assistant,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if timeout <= 0:
            raise ValueError(f"timeout must be positive; got {timeout}")
        self.assistant = assistant
        self.timeout = timeout
        self._clock = clock
        self.topic: Topic | None = None

    def ask(self, question: str, *, top_k: int = 3) -> Answer:
        """Answer `question`, as a follow-up of the current topic when the evidence says so.

        Raises:
            QuestionError: the question is empty or too long.
        """
        text = clean_question(question)
        now = self._clock()
        topic = self.topic if self.topic and now - self.topic.at <= self.timeout else None
        alone = self.assistant.ask(text, top_k=top_k)
        answer, followed_up = alone, False
        if topic is not None:
            in_context = self.assistant.ask(text, top_k=top_k, context=topic.question)
            if in_context.answered and self._is_follow_up(text, topic.question, alone, in_context):
                answer, followed_up = self._as_follow_up(in_context, text, topic), True
        self._remember(answer, text, topic if followed_up else None, now)
        return answer

    def reset(self) -> None:
        """Forget the context."""
        self.topic = None

    def _is_follow_up(self, text: str, context: str, alone: Answer, in_context: Answer) -> bool:
        if not alone.answered:
            return True
        found, alone_found = in_context.passages[0].id, alone.passages[0].id
        if found == alone_found:
            return False
        return self._explained(text, context, found) > self._explained(text, context, alone_found)

    def _explained(self, text: str, context: str, passage_id: str) -> float:
        """How much of the question (fully) and its context (half) a passage explains.

        The question's own words count by how strongly the passage matches them compared with
        the best passage for them alone, so a passage *about* the winwinlening beats one that
        merely mentions it.
        """
        index, position = self.assistant.index, self.assistant.position(passage_id)
        own_words = self.assistant.analyse(text)
        scores = index.scores(own_words)
        strength = min(1.0, 2.0 * scores[position] / scores.max()) if scores.max() > 0 else 0.0
        own = index.covered_information(own_words, position) * strength
        topic = index.covered_information(self.assistant.analyse(context), position)
        return own + CONTEXT_WEIGHT * topic

    def _as_follow_up(self, answer: Answer, text: str, topic: Topic) -> Answer:
        title = self.assistant.passage(topic.passage_ids[0]).title if topic.passage_ids else ""
        notice = messages.FOLLOW_UP_NOTICE.format(topic=title)
        return dataclasses.replace(answer, question=text, notices=(notice, *answer.notices))

    def _remember(self, answer: Answer, text: str, kept: Topic | None, now: float) -> None:
        """A reliable answer sets (or, as a follow-up, keeps) the topic; expired ones go."""
        if answer.answered:
            ids = tuple(p.id for p in answer.passages)
            same = self.topic and self.topic.passage_ids[:1] == ids[:1]
            # A question that lands on the topic's own passage stays on that topic.
            kept = kept or (self.topic if same and now - self.topic.at <= self.timeout else None)
            self.topic = Topic(kept.question if kept else text, ids, now)
        elif self.topic and now - self.topic.at > self.timeout:
            self.topic = None


class Conversations:
    """The conversations of many chats, bounded: the least recently used are dropped.

    Args:
        factory: makes a new `Conversation` for a chat key.
        max_chats: how many chats are remembered at once.
    """

    def __init__(
        self, factory: Callable[[object], Conversation], *, max_chats: int = 10_000
    ) -> None:
        if max_chats < 1:
            raise ValueError(f"max_chats must be positive; got {max_chats}")
        self._factory = factory
        self._max = max_chats
        self._chats: OrderedDict[object, Conversation] = OrderedDict()

    def get(self, key: object) -> Conversation:
        conversation = self._chats.pop(key, None) or self._factory(key)
        self._chats[key] = conversation
        while len(self._chats) > self._max:
            self._chats.popitem(last=False)
        return conversation

    def __len__(self) -> int:
        return len(self._chats)
