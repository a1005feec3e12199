"""What a bot shows for an outcome of the service, independent of any platform.

A `Layout` is a list of blocks (the message, notices, passages with their citation, a link to
a human desk) and a list of actions (show a passage, vote, give a reason, ask a question, open
a link). The rules about *what* an answer shows live here once: which buttons an answer gets,
how many related passages, how a citation reads, how text is shortened. Each platform only
encodes a layout (`bots.telegram.render`, `bots.discord.render`) and its actions
(`bots.telegram.buttons`, `bots.discord.buttons`).
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant import messages
from assistant.models import AnswerPassage, Link, PassageRef
from bots.actions import Action, AskQuestion, GiveReason, OpenLink, ShowPassage, Vote
from bots.service import Found, Offered, Outcome, Replied, Said, Shown, Voted

MAX_RELATED = 3  # "more about" buttons under an answer or a passage


# Blocks


@dataclass(frozen=True)
class Heading:
    """The opening line of an answer: what kind of answer this is."""

    text: str


@dataclass(frozen=True)
class Text:
    """A plain paragraph: a short reply, or the text above a choice."""

    text: str


@dataclass(frozen=True)
class Notice:
    """A caution about the answer (follow-up, English, historical passage)."""

    text: str


@dataclass(frozen=True)
class PassageBlock:
    """One passage: title, snippet, citation and links; `number` in a list of passages."""

    passage: AnswerPassage
    number: int | None = None

    @property
    def title(self) -> str:
        return f"{self.number}. {self.passage.title}" if self.number else self.passage.title

    @property
    def historical_note(self) -> str | None:
        successor = self.passage.superseded_by
        if successor is None:
            return None
        return messages.LABEL_HISTORICAL_NOTE.format(successor=successor.title)


@dataclass(frozen=True)
class DeskLink:
    """Where a human can help."""

    link: Link


Block = Heading | Text | Notice | PassageBlock | DeskLink


@dataclass(frozen=True)
class Layout:
    """What to show: blocks in order, then actions.

    `private` asks a platform that can to show the reply to the user alone: a short reply or
    a choice meant for them, an answer that is not reliable.
    """

    blocks: tuple[Block, ...]
    actions: tuple[Action, ...] = ()
    private: bool = False

    @property
    def passages(self) -> tuple[PassageBlock, ...]:
        return tuple(b for b in self.blocks if isinstance(b, PassageBlock))


def layout(outcome: Outcome) -> Layout:
    """The layout of any outcome of the service."""
    match outcome:
        case Replied():
            return answer_layout(outcome)
        case Shown(passage):
            return Layout((PassageBlock(passage),), tuple(more_about(passage.related)))
        case Offered(text, questions):
            asks = tuple(AskQuestion(q, label) for label, q in questions)
            return Layout((Text(text),), asks, private=True)
        case Voted(text, feedback_id, seal) if feedback_id is not None:
            reasons = (GiveReason(feedback_id, code, label, seal) for code, label in REASONS)
            return Layout((Text(messages.ASK_REASON),), tuple(reasons), private=True)
        case Voted(text) | Said(text):
            return Layout((Text(text),), private=True)
        case Found(passages):
            return Layout(tuple(PassageBlock(p) for p in passages))
    raise TypeError(f"no layout for {type(outcome).__name__}")


REASONS = messages.FEEDBACK_REASONS


def answer_layout(replied: Replied) -> Layout:
    """An answer: its message, notices, numbered passages and the desk; then the actions.

    Answers and partial answers get "more about" buttons for the first passage's related
    passages and 👍/👎; the others get their suggestions as questions to press; a human desk,
    when named, always gets a link.
    """
    answer = replied.answer
    blocks: list[Block] = [Heading(answer.message)]
    blocks.extend(Notice(n) for n in answer.notices)
    blocks.extend(PassageBlock(p, n) for n, p in enumerate(answer.passages, start=1))
    actions: list[Action] = []
    if answer.passages:
        first = answer.passages[0].id
        actions.extend(more_about(answer.passages[0].related))
        actions.extend(Vote(up, first, replied.log_id, replied.seal) for up in (True, False))
    else:
        actions.extend(AskQuestion(s, s) for s in answer.suggestions)
    if answer.fallback:
        blocks.append(DeskLink(answer.fallback))
        actions.append(OpenLink(answer.fallback.label, answer.fallback.url))
    return Layout(tuple(blocks), tuple(actions), private=not answer.answered)


def more_about(related: tuple[PassageRef, ...]) -> list[ShowPassage]:
    return [
        ShowPassage(ref.id, messages.MORE_ABOUT.format(title=ref.title))
        for ref in related[:MAX_RELATED]
    ]


@dataclass(frozen=True)
class Citation:
    """Where a passage's facts come from: "Publisher: title", its URL and the dates."""

    name: str
    url: str | None
    dates: str


def citation(passage: AnswerPassage) -> Citation:
    source = passage.source
    dates = f"{messages.source_date(source.date)}; {messages.LABEL_CHECKED} {passage.checked}"
    return Citation(f"{source.publisher}: {source.title}", source.url, dates)


def shorten(text: str, limit: int) -> str:
    """`text` within `limit` characters, cut at the end with an ellipsis when too long."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
