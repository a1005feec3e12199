"""Discord's button ids: how each action becomes a custom_id and how a press is read back.

One persistent `DynamicItem` owns the template of every Wegwijzer custom_id, builds them
(`custom_id`) and parses them (`parse`), so buttons keep working after a restart:

- ``wegwijzer:meer:<passage id>``: show a passage;
- ``wegwijzer:q:<question>``: ask the question (only when it fits in 100 characters);
- ``wegwijzer:fb:<+|->:<passage id>:<log id or nothing>:<seal>``: vote on an answer;
- ``wegwijzer:rd:<feedback id>:<reason>:<seal>``: the reason for a 👎.

A custom_id that does not parse (forged, or from an older version) becomes None, which the
service answers as an expired button.
"""

from __future__ import annotations

import re

import discord

from assistant.store import REASONS, Interest
from bots.actions import AskQuestion, GiveReason, Press, ShowPassage, Vote

PREFIX = "wegwijzer"
CUSTOM_ID_LIMIT = 100
SHOW, ASK, VOTE, REASON = "meer", "q", "fb", "rd"

_PASSAGE = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_NUMBER = r"[0-9]{1,18}"  # an id of the question log (SQLite's rowid fits in 63 bits)
_SEAL = r"[A-Za-z0-9_-]{1,16}"
PATTERNS = {
    SHOW: re.compile(
        rf"(?P<pid>{_PASSAGE})(?::(?P<log>{_NUMBER}):(?P<seal>{_SEAL}):(?P<interest>[mc]))?"
    ),
    ASK: re.compile(r"(?P<question>[\s\S]+)"),
    VOTE: re.compile(
        rf"(?P<sign>[+-]):(?P<pid>{_PASSAGE})(?::(?P<log>{_NUMBER})?:(?P<seal>{_SEAL}))?"
    ),
    REASON: re.compile(rf"(?P<fid>{_NUMBER}):(?P<code>[a-z]{{1,20}}):(?P<seal>{_SEAL})"),
}


def custom_id(action: Press) -> str | None:
    """The custom_id of a press action, or None when it would exceed Discord's 100 characters."""
    match action:
        case ShowPassage(passage_id, _, log_id, seal, interest) if log_id is not None:
            code = "c" if interest == Interest.CHOICE else "m"
            text = f"{PREFIX}:{SHOW}:{passage_id}:{log_id}:{seal}:{code}"
            if len(text) > CUSTOM_ID_LIMIT:  # still open the passage, without telling the curator
                text = f"{PREFIX}:{SHOW}:{passage_id}"
        case ShowPassage(passage_id):
            text = f"{PREFIX}:{SHOW}:{passage_id}"
        case AskQuestion(question):
            text = f"{PREFIX}:{ASK}:{question}"
        case Vote(positive, passage_id, log_id, seal):
            logged = "" if log_id is None else str(log_id)
            text = f"{PREFIX}:{VOTE}:{'+' if positive else '-'}:{passage_id}:{logged}:{seal}"
        case GiveReason(feedback_id, code, _, seal):
            text = f"{PREFIX}:{REASON}:{feedback_id}:{code}:{seal}"
        case _:
            return None
    return text if len(text) <= CUSTOM_ID_LIMIT else None


def parse(kind: str, rest: str) -> Press | None:
    """The action of a custom_id's kind and the rest after it, or None if it is not valid."""
    pattern = PATTERNS.get(kind)
    match = pattern.fullmatch(rest) if pattern else None
    if match is None:
        return None
    if kind == SHOW:
        if match["log"] is None:
            return ShowPassage(match["pid"], "")
        interest = Interest.CHOICE if match["interest"] == "c" else Interest.MORE
        return ShowPassage(match["pid"], "", int(match["log"]), match["seal"], interest)
    if kind == ASK:
        return AskQuestion(match["question"], "")
    if kind == VOTE:
        log_id = int(match["log"]) if match["log"] else None
        return Vote(match["sign"] == "+", match["pid"], log_id, match["seal"] or "")
    if match["code"] not in REASONS:
        return None
    return GiveReason(int(match["fid"]), match["code"], "", match["seal"])


class WegwijzerButton(
    discord.ui.DynamicItem[discord.ui.Button],
    template=rf"{PREFIX}:(?P<kind>[a-z]{{1,8}}):(?P<rest>[\s\S]*)",
):
    """Every Wegwijzer button, pressed: its custom_id parsed into a typed action (None when it
    does not parse), handed to the bot's `on_press`."""

    def __init__(self, action: Press | None, custom_id_: str) -> None:
        super().__init__(discord.ui.Button(custom_id=custom_id_))
        self.action = action

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item, match: re.Match[str]
    ) -> WegwijzerButton:
        return cls(parse(match["kind"], match["rest"]), match.string)

    async def callback(self, interaction: discord.Interaction) -> None:
        await interaction.client.on_press(interaction, self.action)
