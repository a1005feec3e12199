from pathlib import Path

import pytest

from assistant.conversation import Conversation, Conversations
from assistant.evaluation import evaluate_dialogues, load_dialogues

DIALOGUES = Path(__file__).parent / "eval" / "gesprekken.yaml"
HELD_OUT = Path(__file__).parent / "eval" / "heldout-gesprekken.yaml"


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_short_follow_up_is_answered_about_the_topic(assistant):
    conversation = Conversation(assistant)
    assert conversation.ask("Wat is de winwinlening?").passages[0].id == "winwinlening"
    follow_up = conversation.ask("en hoeveel kan ik daarmee lenen?")
    assert follow_up.passages[0].id == "winwinlening"
    assert "300.000" in follow_up.passages[0].snippet
    assert any("Winwinlening" in n for n in follow_up.notices)
    assert follow_up.question == "en hoeveel kan ik daarmee lenen?"
    assert conversation.ask("wie regelt dat?").passages[0].id in {
        "winwinlening",
        "winwinlening-afsluiten",
        "pmv",
    }


def test_a_question_that_stands_on_its_own_starts_a_new_topic(assistant):
    conversation = Conversation(assistant)
    conversation.ask("Wat is de winwinlening?")
    answer = conversation.ask("Wat is Screen Flanders?")
    assert answer.passages[0].id == "screen-flanders"
    assert answer.notices == ()
    assert conversation.topic.question == "Wat is Screen Flanders?"


def test_the_context_expires_after_the_timeout(assistant):
    clock = Clock()
    conversation = Conversation(assistant, timeout=600, clock=clock)
    conversation.ask("Wat is de winwinlening?")
    clock.now = 601
    answer = conversation.ask("en hoeveel kan ik daarmee lenen?")
    assert not any("vervolg" in n for n in answer.notices)


def test_ask_stays_stateless(assistant):
    assistant.ask("Wat is de winwinlening?")
    answer = assistant.ask("wie regelt dat?")
    assert not any("vervolg" in n for n in answer.notices)


def test_the_conversation_keeps_one_topic_not_a_history(assistant):
    conversation = Conversation(assistant)
    for question in ["wat is vlaio", "wat is pmv", "wat is de winwinlening"] * 20:
        conversation.ask(question)
    assert conversation.topic.question == "wat is de winwinlening"
    assert len(vars(conversation)) < 10  # no list of turns grows


def test_conversations_are_bounded_and_reused(assistant):
    made = []
    chats = Conversations(lambda key: made.append(key) or Conversation(assistant), max_chats=2)
    first = chats.get("a")
    assert chats.get("a") is first
    chats.get("b")
    chats.get("c")
    assert len(chats) == 2
    assert chats.get("a") is not first  # "a" was the least recently used and was dropped
    assert made == ["a", "b", "c", "a"]


def test_dialogue_sets_meet_their_thresholds(assistant):
    for path in (DIALOGUES, HELD_OUT):
        dialogues, thresholds = load_dialogues(path)
        assert len(dialogues) >= 80
        assert all(2 <= len(d) <= 4 for d in dialogues)
        report = evaluate_dialogues(assistant, dialogues, thresholds)
        assert set(thresholds) >= {"follow_up_accuracy", "unrelated_not_bent"}
        assert report.failures == [], report.misses


def test_an_unrelated_question_after_a_topic_is_not_bent_towards_it(assistant):
    conversation = Conversation(assistant)
    conversation.ask("Wat is de winwinlening?")
    weather = conversation.ask("wat voor weer wordt het morgen in gent")
    assert weather.outcome == "not_answered" and weather.notices == ()
    conversation.ask("Wat is de winwinlening?")
    other = conversation.ask("wat is het cultuurkrediet?")
    assert other.passages[0].id == "cultuurkrediet"
    assert not any("vervolg" in notice for notice in other.notices)


def test_smalltalk_in_a_conversation_keeps_the_topic(assistant):
    conversation = Conversation(assistant)
    conversation.ask("Wat is de winwinlening?")
    assert conversation.ask("bedankt!").outcome == "smalltalk"
    assert conversation.ask("en hoeveel kan ik daarmee lenen?").passages[0].id == "winwinlening"


def test_timeout_must_be_positive(assistant):
    with pytest.raises(ValueError, match="timeout must be positive"):
        Conversation(assistant, timeout=0)
