"""What a button does: the actions an answer offers and a press stands for.

Platform-neutral and typed: each platform's button module (`bots.telegram.buttons`,
`bots.discord.buttons`) encodes them into its own ids and parses a press back into one, and
the service (`ChatService.press`) carries a parsed press out.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.store import Interest


@dataclass(frozen=True)
class ShowPassage:
    """Open a passage in full. Offered under an answer, it carries that answer's log id and
    vote seal, so the service can tell the curator which passage the asker opened (`MORE`)
    or picked when asked "which one did you mean?" (`CHOICE`)."""

    passage_id: str
    label: str
    log_id: int | None = None
    seal: str = ""
    interest: Interest = Interest.MORE


@dataclass(frozen=True)
class Vote:
    """👍/👎 on the answer to the question logged as `log_id`, sealed for its asker."""

    positive: bool
    passage_id: str
    log_id: int | None
    seal: str

    @property
    def label(self) -> str:
        return "👍" if self.positive else "👎"


@dataclass(frozen=True)
class GiveReason:
    feedback_id: int
    code: str
    label: str
    seal: str


@dataclass(frozen=True)
class AskQuestion:
    question: str
    label: str


@dataclass(frozen=True)
class OpenLink:
    label: str
    url: str


Action = ShowPassage | Vote | GiveReason | AskQuestion | OpenLink
# The actions a button press stands for (an OpenLink is opened by the client itself).
Press = ShowPassage | Vote | GiveReason | AskQuestion
