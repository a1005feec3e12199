"""Telegram's button ids: how each action becomes callback data and how a press is read back.

Callback data holds at most 64 bytes, so what does not fit stays server-side in a `RefStore`
and the data carries its key:

- ``m:<passage id>``: show a passage;
- ``s:<key>``: show the passage kept under the key, offered under a logged answer (the curator
  learns which passage the asker opened or chose), or one whose id is too long for ``m:``
  (a corpus may have ids of up to 100 characters);
- ``q:<key>``: ask the question kept under the key;
- ``f:<+|->:<key>``: vote on the answer kept under the key (one key for both buttons);
- ``r:<feedback id>:<reason>:<seal>``: the reason for a 👎.

`parse` returns a typed action, or None for anything it does not recognise (forged, from an
older version, or a key that has dropped out of the store): the bot answers "expired".
"""

from __future__ import annotations

import dataclasses
import re

from telegram import InlineKeyboardButton

from assistant.store import REASONS
from bots.actions import Action, AskQuestion, GiveReason, OpenLink, Press, ShowPassage, Vote
from bots.layout import shorten
from bots.refs import RefStore

MAX_CALLBACK_BYTES = 64
MAX_LABEL = 64

SHOW, SHOW_LOGGED, ASK, VOTE, REASON = "m", "s", "q", "f", "r"

_PASSAGE = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_KEY = r"[A-Za-z0-9_-]{1,16}"
PATTERNS = {
    SHOW: re.compile(rf"(?P<pid>{_PASSAGE})"),
    SHOW_LOGGED: re.compile(rf"(?P<key>{_KEY})"),
    ASK: re.compile(rf"(?P<key>{_KEY})"),
    VOTE: re.compile(rf"(?P<sign>[+-]):(?P<key>{_KEY})"),
    REASON: re.compile(rf"(?P<fid>[0-9]{{1,18}}):(?P<code>[a-z]{{1,20}}):(?P<seal>{_KEY})"),
}


def button(action: Action, refs: RefStore) -> InlineKeyboardButton | None:
    """The button for an action, or None when its data would not fit in 64 bytes."""
    if isinstance(action, OpenLink):
        return InlineKeyboardButton(action.label, url=action.url)
    data = encode(action, refs)
    if data is None or not _fits(data):
        return None
    return InlineKeyboardButton(shorten(action.label, MAX_LABEL), callback_data=data)


def encode(action: Press, refs: RefStore) -> str | None:
    """The callback data for a press action (votes: `vote_row`)."""
    match action:
        case ShowPassage(passage_id, log_id=None) if _fits(f"{SHOW}:{passage_id}"):
            return f"{SHOW}:{passage_id}"  # needs no store: still works after a restart
        case ShowPassage():
            return f"{SHOW_LOGGED}:{refs.put(action)}"
        case AskQuestion(question):
            return f"{ASK}:{refs.put(question)}"
        case GiveReason(feedback_id, code, _, seal):
            return f"{REASON}:{feedback_id}:{code}:{seal}"
    return None


def _fits(data: str) -> bool:
    return len(data.encode("utf-8")) <= MAX_CALLBACK_BYTES


def vote_row(up: Vote, down: Vote, refs: RefStore) -> list[InlineKeyboardButton]:
    """👍 and 👎 in one row; both share one key (kept as the 👍, the sign is in the data)."""
    key = refs.put(dataclasses.replace(up, positive=True))
    return [
        InlineKeyboardButton(vote.label, callback_data=f"{VOTE}:{sign}:{key}")
        for vote, sign in ((up, "+"), (down, "-"))
    ]


def parse(data: str | None, refs: RefStore) -> Press | None:
    """The action a press stands for, or None when the data is not one of ours (any more)."""
    kind, _, payload = (data or "").partition(":")
    pattern = PATTERNS.get(kind)
    match = pattern.fullmatch(payload) if pattern else None
    if match is None:
        return None
    if kind == SHOW:
        return ShowPassage(match["pid"], "")
    if kind == SHOW_LOGGED:
        return refs.get(match["key"], ShowPassage)
    if kind == ASK:
        question = refs.get(match["key"], str)
        return AskQuestion(question, question) if question else None
    if kind == VOTE:
        vote = refs.get(match["key"], Vote)
        return dataclasses.replace(vote, positive=match["sign"] == "+") if vote else None
    if match["code"] not in REASONS:
        return None
    return GiveReason(int(match["fid"]), match["code"], "", match["seal"])
