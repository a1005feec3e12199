"""What a button does: the actions an answer offers and a press stands for.

Platform-neutral and typed: each platform's button module (`bots.telegram.buttons`,
`bots.discord.buttons`) encodes them into its own ids and parses a press back into one, and
the service (`ChatService.press`) carries a parsed press out.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ShowPassage:
    passage_id: str
    label: str


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
