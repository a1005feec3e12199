"""The use-case layer both bots call: every outcome a platform renders, and its policies."""

from __future__ import annotations

import pytest

from assistant import messages
from assistant.store import Store, store_from_environment
from bots.actions import AskQuestion, GiveReason, ShowPassage, Vote
from bots.layout import GiveReason as ReasonAction
from bots.layout import OpenLink, PassageBlock, Text, answer_layout, layout
from bots.ratelimit import RateLimiter
from bots.service import EXPIRED, NOT_YOURS, ChatService, Found, Offered, Replied, Said, Voted


@pytest.fixture
def log(tmp_path):
    with Store.open(tmp_path / "log.db") as store:
        yield store


def test_a_question_is_answered_in_the_askers_conversation_and_logged(assistant, log):
    service = ChatService(assistant, channel="telegram", log=log)
    first = service.ask("chat-1", 7, "Wat is de winwinlening?")
    assert isinstance(first, Replied) and first.answer.passages[0].id == "winwinlening"
    follow_up = service.ask("chat-1", 7, "en hoeveel kan ik daarmee lenen?")
    assert follow_up.answer.passages[0].id == "winwinlening"
    assert [q.question for q in log.questions()] == [
        "Wat is de winwinlening?",
        "en hoeveel kan ik daarmee lenen?",
    ]
    assert first.log_id == log.questions()[0].id


def test_in_a_group_each_member_has_a_conversation_of_their_own(assistant):
    service = ChatService(assistant, channel="telegram")
    service.ask("group", 1, "Wat is de winwinlening?")
    other = service.ask("group", 2, "en hoeveel kan ik daarmee lenen?")
    assert not any("vervolg" in notice for notice in other.answer.notices)
    own = service.ask("group", 1, "en hoeveel kan ik daarmee lenen?")
    assert own.answer.passages[0].id == "winwinlening"
    assert any("vervolg" in n for n in own.answer.notices)


def test_every_way_of_asking_counts_against_one_rate_limit(assistant):
    service = ChatService(assistant, channel="discord", limiter=RateLimiter(3, 60.0))
    assert isinstance(service.ask("c", 1, "wat is vlaio"), Replied)
    assert isinstance(service.press("c", 1, AskQuestion("wat is pmv", "")), Replied)
    assert isinstance(service.search(1, "winwinlening", 10), Found)
    for refused in (
        service.ask("c", 1, "wat is vlaio"),
        service.ask_command("c", 1, "wat is vlaio"),
        service.press("c", 1, AskQuestion("wat is pmv", "")),
        service.search(1, "winwinlening", 10),
    ):
        assert refused == Said(messages.TOO_MANY_QUESTIONS, "rate_limited")
    assert isinstance(service.ask("c", 2, "wat is vlaio"), Replied)  # per user


def test_a_bad_question_is_explained_not_raised(assistant):
    service = ChatService(assistant, channel="telegram")
    assert service.ask("c", 1, "   ") == Said(messages.EMPTY_QUESTION, "bad_question")
    too_long = service.ask("c", 1, "woord " * 400)
    assert too_long.reason == "bad_question" and "te lang" in too_long.text
    assert service.search(1, "x" * 5_000, 10).reason == "bad_question"
    assert service.ask_command("c", 1, " ") == Said(messages.ASK_SOMETHING, "bad_question")


def test_inline_search_is_not_logged_and_offers_nothing_it_cannot_answer(assistant, log):
    service = ChatService(assistant, channel="telegram", log=log)
    found = service.search(1, "winwinlening", 10)
    assert found.passages[0].id == "winwinlening"
    assert service.search(1, "recept voor lasagne", 10) == Said(
        messages.NO_INLINE_RESULTS, "not_found"
    )
    assert service.search(1, "   ", 10) == Found(())  # "@bot " typed, nothing asked yet
    assert log.questions() == []


def test_a_vote_and_its_reason_are_taken_from_the_asker_only(assistant, log):
    service = ChatService(assistant, channel="telegram", log=log)
    replied = service.ask("c", 7, "wat is de winwinlening")
    up, down = (a for a in answer_layout(replied).actions if isinstance(a, Vote))
    assert service.press("c", 8, down) == NOT_YOURS
    assert service.press("c", 7, Vote(False, up.passage_id, up.log_id, "vervalst")) == NOT_YOURS
    voted = service.press("c", 7, down)
    assert isinstance(voted, Voted) and voted.feedback_id is not None
    reasons = [a for a in layout(voted).actions if isinstance(a, ReasonAction)]
    assert [r.code for r in reasons] == [code for code, _ in messages.FEEDBACK_REASONS]
    assert service.press("c", 8, reasons[1]) == NOT_YOURS
    assert service.press("c", 7, reasons[1]) == Said(messages.THANKS_REASON)
    assert service.press("c", 7, up) == Voted(messages.THANKS_UP)
    down_vote, up_vote = log.feedback()
    assert (down_vote.vote, down_vote.reason, down_vote.question_id) == (-1, "verouderd", up.log_id)
    assert up_vote.vote == 1


def test_without_a_log_votes_are_still_sealed_for_the_asker(assistant):
    service = ChatService(assistant, channel="discord")
    replied = service.ask("c", 7, "wat is de winwinlening")
    up = next(a for a in answer_layout(replied).actions if isinstance(a, Vote))
    assert up.log_id is None and up.seal
    assert service.press("c", 8, up) == NOT_YOURS
    assert service.press("c", 7, up) == Voted(messages.THANKS_UP)
    down = Vote(False, up.passage_id, None, up.seal)
    assert service.press("c", 7, down) == Voted(messages.THANKS_DOWN)  # no reason to ask


@pytest.mark.parametrize("location", ["off", "/dev/null/kan-niet-open.db"])
def test_without_a_log_an_own_vote_after_a_restart_has_expired_not_someone_elses(
    assistant, location
):
    log = store_from_environment({"WEGWIJZER_DB": location})  # off, or failed to open
    assert not log.enabled
    before = ChatService(assistant, channel="discord", log=log)
    replied = before.ask("c", 7, "wat is de winwinlening")
    up = next(a for a in answer_layout(replied).actions if isinstance(a, Vote))
    after = ChatService(assistant, channel="discord", log=log)  # the bot restarted
    assert after.press("c", 7, up) == EXPIRED
    assert after.press("c", 8, up) == EXPIRED  # nobody's any more
    again = after.ask("c", 7, "wat is de winwinlening")
    own = next(a for a in answer_layout(again).actions if isinstance(a, Vote))
    assert after.press("c", 8, own) == NOT_YOURS
    assert after.press("c", 7, own) == Voted(messages.THANKS_UP)


def test_a_seal_with_the_log_on_survives_a_restart(assistant, log):
    before = ChatService(assistant, channel="discord", log=log)
    after = ChatService(assistant, channel="discord", log=log)
    assert before.seal("q", "12", 7) == after.seal("q", "12", 7) != after.seal("q", "12", 8)


def test_presses_show_a_passage_or_say_the_button_expired(assistant):
    service = ChatService(assistant, channel="telegram")
    shown = service.press("c", 1, ShowPassage("winwinlening-afsluiten", ""))
    assert shown.passage.title == "Een winwinlening afsluiten"
    assert service.press("c", 1, ShowPassage("bestaat-niet", "")) == EXPIRED
    assert service.press("c", 1, None) == EXPIRED
    assert service.press("c", 1, GiveReason(1, "fout", "", "x")) == NOT_YOURS


def test_forget_restarts_the_conversation_and_reports_what_was_deleted(assistant, log):
    service = ChatService(assistant, channel="telegram", log=log)
    service.ask("c", 7, "Wat is de winwinlening?")
    service.ask("c", 8, "wat is vlaio")
    assert service.forget("c", 7) == Said(
        "Gewist: 1 vraag en je reacties daarop. Ook je gesprek begint opnieuw."
    )
    assert [q.question for q in log.questions()] == ["wat is vlaio"]
    assert service.forget("c", 8).text.startswith("Gewist: 1 vraag en")
    service.ask("c", 9, "wat is pmv")
    service.ask("c", 9, "wat is sabam")
    assert service.forget("c", 9).text.startswith("Gewist: 2 vragen en")
    assert service.forget("c", 9).text.startswith("Gewist: 0 vragen en")
    assert service.conversations.get(("c", 7)).topic is None
    assert log.questions() == []
    off = ChatService(assistant, channel="discord")
    assert off.forget("c", 7) == Said(messages.NOTHING_STORED)


def test_fixed_texts_and_choices(assistant):
    service = ChatService(assistant, channel="telegram")
    about = service.about().text
    assert str(len(assistant.passages)) in about and assistant.latest_check in about
    assert service.welcome() == Offered(
        messages.WELCOME, tuple((q, q) for q in messages.DEFAULT_SUGGESTIONS)
    )
    topics = layout(service.topics())
    assert topics.blocks == (Text(messages.TOPICS_INTRO),)
    assert [a.question for a in topics.actions] == [q for _, q in messages.TOPICS]
    assert service.suggest("winwin")[0].lower().startswith("winwin")
    assert service.suggest("x" * 5_000) == [] and service.suggest(None) == []


def test_an_unanswered_question_offers_its_suggestions_and_the_desk_privately(assistant):
    service = ChatService(assistant, channel="discord")
    refused = layout(service.ask("c", 1, "recept voor stoofvlees met friet"))
    assert refused.private and not any(isinstance(b, PassageBlock) for b in refused.blocks)
    assert isinstance(refused.actions[-1], OpenLink)
    assert all(isinstance(a, AskQuestion) for a in refused.actions[:-1])
