"""Discord's button ids: how each action becomes a custom_id and how a press is read back.

One persistent `DynamicItem` owns the template of every Wegwijzer custom_id, builds them
(`custom_id`) and parses them (`parse`), so buttons keep working after a restart:

- ``wegwijzer:meer:<passage id>``: show a passage;
- ``wegwijzer:q:<question>``: ask the question;
- ``wegwijzer:fb:<+|->:<passage id>:<log id or nothing>:<seal>``: vote on an answer;
- ``wegwijzer:rd:<feedback id>:<reason>:<seal>``: the reason for a 👎.

A corpus allows passage ids of up to 100 characters, more than a custom_id has room for. An
action whose custom_id would not fit stays server-side in the bot's `RefStore` and its
custom_id carries the key: ``wegwijzer:mk:<key>`` (show), ``wegwijzer:qk:<key>`` (ask) and
``wegwijzer:fk:<key>`` (vote). Such a button dies with the store on a restart, so every
action that fits is encoded as above and needs no store.

A custom_id that does not parse (forged, from an older version, or a key no longer in the
store) becomes None, which the service answers as an expired button.
"""

from __future__ import annotations

import re

import discord

from assistant.store import REASONS, Interest
from bots.actions import AskQuestion, GiveReason, Press, ShowPassage, Vote
from bots.refs import RefStore

PREFIX = "wegwijzer"
CUSTOM_ID_LIMIT = 100
SHOW, ASK, VOTE, REASON = "meer", "q", "fb", "rd"
SHOW_KEPT, ASK_KEPT, VOTE_KEPT = "mk", "qk", "fk"  # the action is in the store under the key

_PASSAGE = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_NUMBER = r"[0-9]{1,18}"  # an id of the question log (SQLite's rowid fits in 63 bits)
_SEAL = r"[A-Za-z0-9_-]{1,16}"
_KEY = r"(?P<key>[A-Za-z0-9_-]{1,16})"
PATTERNS = {
    SHOW: re.compile(
        rf"(?P<pid>{_PASSAGE})(?::(?P<log>{_NUMBER}):(?P<seal>{_SEAL}):(?P<interest>[mc]))?"
    ),
    ASK: re.compile(r"(?P<question>[\s\S]+)"),
    VOTE: re.compile(
        rf"(?P<sign>[+-]):(?P<pid>{_PASSAGE})(?::(?P<log>{_NUMBER})?:(?P<seal>{_SEAL}))?"
    ),
    REASON: re.compile(rf"(?P<fid>{_NUMBER}):(?P<code>[a-z]{{1,20}}):(?P<seal>{_SEAL})"),
    SHOW_KEPT: re.compile(_KEY),
    ASK_KEPT: re.compile(_KEY),
    VOTE_KEPT: re.compile(_KEY),
}


def custom_id(action: Press, refs: RefStore) -> str | None:
    """The custom_id of a press action, within Discord's 100 characters.

    An action too long to spell out (a passage id may have 100 characters) is kept in `refs`
    and the custom_id carries its key; None only for something that is no press action.
    """
    text = _spelled_out(action)
    if text is not None and len(text) <= CUSTOM_ID_LIMIT:
        return text  # needs no store: still works after a restart
    match action:
        case ShowPassage():
            return f"{PREFIX}:{SHOW_KEPT}:{refs.put(action)}"
        case AskQuestion():
            return f"{PREFIX}:{ASK_KEPT}:{refs.put(action)}"
        case Vote():
            return f"{PREFIX}:{VOTE_KEPT}:{refs.put(action)}"
    return None


def _spelled_out(action: Press) -> str | None:
    """The custom_id that carries the whole action, whatever its length."""
    match action:
        case ShowPassage(passage_id, _, log_id, seal, interest) if log_id is not None:
            code = "c" if interest == Interest.CHOICE else "m"
            text = f"{PREFIX}:{SHOW}:{passage_id}:{log_id}:{seal}:{code}"
            if len(text) > CUSTOM_ID_LIMIT:  # still open the passage, without telling the curator
                text = f"{PREFIX}:{SHOW}:{passage_id}"
            return text
        case ShowPassage(passage_id):
            return f"{PREFIX}:{SHOW}:{passage_id}"
        case AskQuestion(question):
            return f"{PREFIX}:{ASK}:{question}"
        case Vote(positive, passage_id, log_id, seal):
            logged = "" if log_id is None else str(log_id)
            return f"{PREFIX}:{VOTE}:{'+' if positive else '-'}:{passage_id}:{logged}:{seal}"
        case GiveReason(feedback_id, code, _, seal):
            return f"{PREFIX}:{REASON}:{feedback_id}:{code}:{seal}"
    return None


def parse(kind: str, rest: str, refs: RefStore) -> Press | None:
    """The action of a custom_id's kind and the rest after it, or None if it is not valid (or
    its key is no longer in `refs`)."""
    pattern = PATTERNS.get(kind)
    match = pattern.fullmatch(rest) if pattern else None
    if match is None:
        return None
    if kind == SHOW:
        if match["log"] is None:
            return ShowPassage(match["pid"], "")
        interest = Interest.CHOICE if match["interest"] == "c" else Interest.MORE
        return ShowPassage(match["pid"], "", int(match["log"]), match["seal"], interest)
    if kind == SHOW_KEPT:
        return refs.get(match["key"], ShowPassage)
    if kind == ASK:
        return AskQuestion(match["question"], "")
    if kind == ASK_KEPT:
        return refs.get(match["key"], AskQuestion)
    if kind == VOTE:
        log_id = int(match["log"]) if match["log"] else None
        return Vote(match["sign"] == "+", match["pid"], log_id, match["seal"] or "")
    if kind == VOTE_KEPT:
        return refs.get(match["key"], Vote)
    if match["code"] not in REASONS:
        return None
    return GiveReason(int(match["fid"]), match["code"], "", match["seal"])


class WegwijzerButton(
    discord.ui.DynamicItem[discord.ui.Button],
    template=rf"{PREFIX}:(?P<kind>[a-z]{{1,8}}):(?P<rest>[\s\S]*)",
):
    """Every Wegwijzer button, pressed: its custom_id parsed into a typed action (None when it
    does not parse), handed to the bot's `on_press`. A key is looked up in the bot's `refs`."""

    def __init__(self, action: Press | None, custom_id_: str) -> None:
        super().__init__(discord.ui.Button(custom_id=custom_id_))
        self.action = action

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item, match: re.Match[str]
    ) -> WegwijzerButton:
        return cls(parse(match["kind"], match["rest"], interaction.client.refs), match.string)

    async def callback(self, interaction: discord.Interaction) -> None:
        await interaction.client.on_press(interaction, self.action)
