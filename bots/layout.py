"""What a bot shows for an outcome of the service, independent of any platform.

A `Layout` is a list of blocks (the answer, notices, passages with their citation, a link to
a human desk) and a list of actions (show a passage, vote, give a reason, ask a question, open
a link). The rules about *what* an answer shows live here once: which buttons an answer gets,
how many related passages, how a citation reads, how text is shortened. Each platform only
encodes a layout (`bots.telegram.render`, `bots.discord.render`) and its actions
(`bots.telegram.buttons`, `bots.discord.buttons`).

An answer leads with the answer, for a phone screen: the best snippet of the best passage,
its source and dates in one line and its official page (`Lead`); the other passages follow as
"Ook relevant" titles, each one tap away (`AlsoRelevant` and `ShowPassage`), and the caution
about changing rules closes it (`Footer`). Only what the user must know first goes above the
lead: that the answer is unsure, or which fact the knowledge base lacks.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant import messages
from assistant.models import AnswerPassage, Link, PassageRef, same_page
from assistant.store import Interest
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
class Lead:
    """The answer itself: the best snippet of the best passage, its citation and the link to
    its official page (when that is not the source page itself)."""

    passage: AnswerPassage

    @property
    def historical_note(self) -> str | None:
        return PassageBlock(self.passage).historical_note

    @property
    def link(self) -> Link | None:
        source_url = self.passage.source.url
        return next((link for link in self.passage.links if link.url != source_url), None)


@dataclass(frozen=True)
class AlsoRelevant:
    """Other passages worth a look, by title; each has a `ShowPassage` action."""

    passages: tuple[PassageRef, ...]


@dataclass(frozen=True)
class Footer:
    """A closing line in small print (the caution about changing rules)."""

    text: str


@dataclass(frozen=True)
class DeskLink:
    """Where a human can help."""

    link: Link


Block = Heading | Text | Notice | Lead | PassageBlock | AlsoRelevant | DeskLink | Footer


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
            more = (*today(passage), *more_about(passage.related, passage.superseded_by))
            return Layout((PassageBlock(passage),), more)
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
    """An answer, leading with the answer (see the module docstring); then the actions.

    Answers and partial answers get the whole passage, today's passage when the first is
    historical, "Ook relevant" passages and 👍/👎 as buttons; the others their suggestions as
    questions to press; a human desk, when named, always gets a link.
    """
    answer = replied.answer
    if not answer.passages:
        blocks: list[Block] = [Heading(answer.message), *(Notice(n) for n in answer.notices)]
        actions: list[Action] = [AskQuestion(s, s) for s in answer.suggestions]
    else:
        first = answer.passages[0]
        blocks = [Heading(answer.message)] if answer.unsure or not answer.answered else []
        choices = answer.alternatives
        if choices:
            titles = {"first": choices[0].title, "second": choices[1].title}
            blocks.append(Notice(messages.DID_YOU_MEAN.format(**titles)))
        blocks.append(Lead(first))
        # The lead marks itself when historical; the other passages' historical notices would
        # open the answer with a passage the user has not seen.
        historical = {
            messages.historical_notice(p.title, p.superseded_by.title)
            for p in answer.passages
            if p.superseded_by
        }
        blocks.extend(Notice(n) for n in answer.notices if n not in historical)
        # Today's passage of a historical lead gets its own button (`today`), not a second one.
        today_id = first.superseded_by.id if first.superseded_by else None
        others = tuple(
            r for r in also_relevant(answer.passages) if r not in choices and r.id != today_id
        )
        if others:
            blocks.append(AlsoRelevant(others))
        log_id, seal = replied.log_id, replied.seal
        actions = [ShowPassage(ref.id, ref.title, log_id, seal, Interest.CHOICE) for ref in choices]
        if not choices:
            actions.append(ShowPassage(first.id, messages.READ_WHOLE_PASSAGE, log_id, seal))
        if today_id not in {ref.id for ref in choices}:
            actions.extend(today(first, log_id, seal))
        actions.extend(
            ShowPassage(ref.id, messages.ALSO_RELEVANT_BUTTON.format(title=ref.title), log_id, seal)
            for ref in others
        )
        actions.extend(Vote(up, first.id, log_id, seal) for up in (True, False))
    desk = answer.fallback
    # A partial answer about the desk itself already links it as the lead's page: not twice more.
    if desk and not any(same_page(desk.url, url) for url in _lead_urls(blocks)):
        blocks.append(DeskLink(desk))
        actions.append(OpenLink(desk.label, desk.url))
    if answer.answered and not answer.unsure:
        blocks.append(Footer(messages.CAUTION))
    return Layout(tuple(blocks), tuple(actions), private=not answer.answered)


def _lead_urls(blocks: list[Block]) -> list[str | None]:
    """The pages the lead links: its source and its official page."""
    leads = [b for b in blocks if isinstance(b, Lead)]
    return [url for b in leads for url in (b.passage.source.url, b.link and b.link.url)]


def also_relevant(passages: tuple[AnswerPassage, ...]) -> tuple[PassageRef, ...]:
    """The passages an answer offers besides its first: the other passages found, then the
    first one's related passages; at most `MAX_RELATED`, none twice."""
    first, *rest = passages
    offered: dict[str, PassageRef] = {}
    for ref in (*(PassageRef(p.id, p.title) for p in rest), *first.related):
        if ref.id != first.id:
            offered.setdefault(ref.id, ref)
    return tuple(offered.values())[:MAX_RELATED]


def today(passage: AnswerPassage, log_id: int | None = None, seal: str = "") -> list[ShowPassage]:
    """For a historical passage, the button to the passage that describes today's situation:
    its notice names it, and the user should not have to ask again to read it."""
    successor = passage.superseded_by
    if successor is None:
        return []
    label = messages.TODAY_BUTTON.format(title=successor.title)
    return [ShowPassage(successor.id, label, log_id, seal)]


def more_about(
    related: tuple[PassageRef, ...], successor: PassageRef | None = None
) -> list[ShowPassage]:
    """The "Meer over" buttons under a passage in full (today's passage has its own: `today`)."""
    skip = successor.id if successor else None
    others = [ref for ref in related if ref.id != skip][:MAX_RELATED]
    return [ShowPassage(ref.id, messages.MORE_ABOUT.format(title=ref.title)) for ref in others]


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
