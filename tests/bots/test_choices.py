"""What the curator learns from the buttons under an answer: a passage opened in full ("more")
or picked when the answer asked "which one did you mean?" ("choice")."""

from __future__ import annotations

import pytest

from assistant import messages
from assistant.store import Interest, Store
from bots.actions import ShowPassage
from bots.discord import buttons as discord_buttons
from bots.layout import Lead, Notice, answer_layout
from bots.refs import RefStore
from bots.service import ChatService, Replied, Shown
from bots.telegram import buttons as telegram_buttons

# Its trade name, or a trademark? ("lening van pmv samen met de bank" was this example until
# the labelled questions most like it, on 5 December 2026, made it the Cofinanciering+.)
AMBIGUOUS = "hoe bescherm ik de naam van mijn label"


@pytest.fixture
def log(tmp_path):
    with Store.open(tmp_path / "log.db") as store:
        yield store


def _shows(replied: Replied) -> list[ShowPassage]:
    return [a for a in answer_layout(replied).actions if isinstance(a, ShowPassage)]


def test_opening_a_passage_from_an_answer_is_interest_of_its_asker_only(assistant, log):
    service = ChatService(assistant, channel="telegram", log=log)
    replied = service.ask("group", 7, "wat is de winwinlening")
    whole, *others = _shows(replied)
    assert whole.label == messages.READ_WHOLE_PASSAGE and whole.passage_id == "winwinlening"
    assert whole.log_id == replied.log_id and whole.interest == Interest.MORE
    assert others, "an answer offers other passages too"

    assert isinstance(service.press("group", 8, others[0]), Shown)  # another member: shown only
    assert log.interest() == []
    shown = service.press("group", 7, others[0])
    assert isinstance(shown, Shown) and shown.passage.id == others[0].passage_id
    [row] = log.interest()
    assert (row.question_id, row.passage_id, row.kind) == (
        replied.log_id,
        others[0].passage_id,
        Interest.MORE,
    )


def test_a_forged_seal_shows_the_passage_and_logs_nothing(assistant, log):
    service = ChatService(assistant, channel="telegram", log=log)
    replied = service.ask("chat", 7, "wat is de winwinlening")
    whole = _shows(replied)[0]
    forged = ShowPassage(whole.passage_id, "", replied.log_id, "x" * 12, Interest.CHOICE)
    assert isinstance(service.press("chat", 7, forged), Shown)
    assert log.interest() == []


def test_an_ambiguous_answer_asks_which_one_and_logs_the_choice(assistant, log):
    service = ChatService(assistant, channel="discord", log=log)
    replied = service.ask("chat", 7, AMBIGUOUS)
    first, second = replied.answer.alternatives
    assert {first.id, second.id} == {"handelsnaam", "benelux-merk"}
    shown = answer_layout(replied)
    # The question comes before the answer; the lead is still the first passage.
    notice, lead = shown.blocks[0], shown.blocks[1]
    assert notice == Notice(messages.DID_YOU_MEAN.format(first=first.title, second=second.title))
    assert isinstance(lead, Lead) and lead.passage.id == first.id
    pick_first, pick_second = _shows(replied)[:2]
    assert (pick_first.passage_id, pick_second.passage_id) == (first.id, second.id)
    assert pick_second.label == second.title and pick_second.interest == Interest.CHOICE
    # Neither choice is offered again under "Ook relevant".
    assert [a.passage_id for a in _shows(replied)].count(second.id) == 1

    picked = service.press("chat", 7, pick_second)
    assert isinstance(picked, Shown) and picked.passage.id == second.id
    [row] = log.interest()
    assert (row.passage_id, row.kind) == (second.id, Interest.CHOICE)


def test_a_clear_answer_asks_nothing(assistant):
    replied = ChatService(assistant, channel="telegram").ask("c", 1, "wat is de winwinlening")
    assert replied.answer.alternatives == ()
    assert not any(isinstance(b, Notice) for b in answer_layout(replied).blocks)


@pytest.mark.parametrize("interest", list(Interest))
def test_logged_show_buttons_round_trip_on_both_platforms(interest):
    action = ShowPassage("cofinanciering", "Cofinanciering+", 123456789, "AbC-_0123456", interest)
    refs = RefStore()
    data = telegram_buttons.encode(action, refs)
    assert data is not None and len(data.encode()) <= telegram_buttons.MAX_CALLBACK_BYTES
    _, kind, rest = discord_buttons.custom_id(action, refs).split(":", 2)
    for parsed in (telegram_buttons.parse(data, refs), discord_buttons.parse(kind, rest, refs)):
        assert (parsed.passage_id, parsed.log_id, parsed.seal, parsed.interest) == (
            "cofinanciering",
            123456789,
            "AbC-_0123456",
            interest,
        )


def test_a_logged_show_id_too_long_for_discord_still_opens_the_passage():
    long_id = "-".join(["lang"] * 14)  # 69 characters
    action = ShowPassage(long_id, "", 123456789012345678, "AbC-_0123456", Interest.MORE)
    refs = RefStore()
    custom_id = discord_buttons.custom_id(action, refs)
    assert custom_id == f"wegwijzer:meer:{long_id}"
    assert discord_buttons.parse("meer", long_id, refs) == ShowPassage(long_id, "")
    assert len(refs) == 0  # spelled out: it still works after a restart
