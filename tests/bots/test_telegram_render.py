import dataclasses
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.models import Answer, AnswerPassage, Link, PassageRef, Source
from bots.actions import AskQuestion, GiveReason, ShowPassage, Vote
from bots.layout import layout
from bots.refs import RefStore
from bots.service import Found, Replied
from bots.telegram import buttons, render
from tests.bots.builders import answer, answer_passage
from tests.bots.htmlcheck import check_telegram_html

NASTY = st.lists(
    st.sampled_from([*list("abc <>&\"'é🎨\n"), "<b>", "</a>", "&amp;", "@everyone", "woord "]),
    min_size=1,
    max_size=120,
).map("".join)


def _render(answer: Answer, refs: RefStore | None = None, **options) -> list:
    """An answer as the bot sends it (not logged; sealed "seal")."""
    refs = refs if refs is not None else RefStore()
    return render.encode(layout(Replied(answer, None, "seal")), refs, **options)


def _passage(title: str, snippet: str, pid: str = "een", **extra) -> AnswerPassage:
    return answer_passage(
        title,
        snippet,
        pid,
        source=Source("Bron <titel>", "PMV & co", "2024-12", url="https://www.pmv.eu/a?b=1&c=2"),
        links=(Link("Meer <info>", "https://example.org/x?y=1&z=2"),),
        **extra,
    )


def _answer(passages, answered=True, suggestions=()) -> Answer:
    return answer(passages, answered, suggestions, message="Dit vond ik & meer")


def test_values_are_escaped_and_sources_linked():
    [message] = _render(_answer([_passage("<b>Titel</b>", "5 < 6 & 7 > 2")]))
    assert "&lt;b&gt;Titel&lt;/b&gt;" in message.text
    assert "5 &lt; 6 &amp; 7 &gt; 2" in message.text
    assert '<a href="https://www.pmv.eu/a?b=1&amp;c=2">' in message.text
    assert "stand 2024-12" in message.text and "nagekeken 2026-01" in message.text
    check_telegram_html(message.text)


def test_historical_passage_is_marked_with_its_successor():
    old = _passage(
        "Winwinlening in 2012", "Vroeger.", superseded_by=PassageRef("w", "Winwinlening")
    )
    [message] = _render(_answer([old]))
    assert "Historisch" in message.text and "Winwinlening." in message.text


def test_answered_keyboard_has_more_buttons_and_feedback():
    refs = RefStore()
    related = (PassageRef("winwinlening-afsluiten", "Een winwinlening afsluiten"),)
    [message] = _render(_answer([_passage("T", "S", related=related)]), refs)
    rows = message.keyboard.inline_keyboard
    assert rows[0][0].text == "Meer over Een winwinlening afsluiten"
    assert rows[0][0].callback_data == "m:winwinlening-afsluiten"
    assert [b.text for b in rows[-1]] == ["👍", "👎"]
    ref = rows[-1][0].callback_data.split(":")[2]
    assert refs.get(ref, Vote) == Vote(True, "een", None, "seal")
    assert buttons.parse(rows[-1][1].callback_data, refs) == Vote(False, "een", None, "seal")


def test_unanswered_keyboard_offers_suggestions_and_the_desk():
    refs = RefStore()
    answer = _answer([], answered=False, suggestions=["Wat is de winwinlening?"])
    [message] = _render(answer, refs)
    rows = message.keyboard.inline_keyboard
    assert refs.get(rows[0][0].callback_data.split(":")[1], str) == "Wat is de winwinlening?"
    assert rows[-1][0].url == "https://www.cultuurloket.be"
    assert "https://www.cultuurloket.be" in message.text


def test_long_answers_are_split_between_passages_and_keyboard_goes_last():
    passages = [_passage(f"Titel {i}", "woord " * 50, pid=f"p{i}") for i in range(20)]
    parts = _render(_answer(passages))
    assert len(parts) > 1
    assert all(len(p.text) <= render.MAX_MESSAGE_CHARS for p in parts)
    assert all(p.keyboard is None for p in parts[:-1]) and parts[-1].keyboard is not None
    for part in parts:
        check_telegram_html(part.text)
    assert sum(len(re.findall(r"<b>\d+\. Titel \d+</b>", p.text)) for p in parts) == 20


@settings(max_examples=150, deadline=None)
@given(
    titles=st.lists(NASTY, min_size=1, max_size=12),
    snippet=NASTY,
    limit=st.integers(min_value=200, max_value=4096),
)
def test_any_answer_renders_to_valid_html_within_the_limit(titles, snippet, limit):
    passages = [
        _passage(t, snippet * 3, pid=f"id-{i}", related=(PassageRef("x" * 70, t),))
        for i, t in enumerate(titles)
    ]
    parts = _render(_answer(passages), max_chars=limit)
    for part in parts:
        assert len(part.text) <= limit
        check_telegram_html(part.text)
        for row in part.keyboard.inline_keyboard if part.keyboard else ():
            for button in row:
                assert button.url or len(button.callback_data.encode()) <= 64


@given(st.lists(NASTY, min_size=1, max_size=30), st.integers(min_value=50, max_value=4096))
def test_pack_never_exceeds_the_limit(blocks, limit):
    escaped = [render.escape(b) for b in blocks]
    for message in render.pack(escaped, limit):
        assert len(message) <= limit
        check_telegram_html(message)


def test_a_button_whose_data_would_exceed_64_bytes_is_left_out():
    refs = RefStore()
    assert buttons.button(ShowPassage("a" * 63, "Meer"), refs) is None
    assert buttons.button(ShowPassage("a" * 62, "Meer"), refs).callback_data == "m:" + "a" * 62
    assert buttons.button(ShowPassage("é" * 32, "Meer"), refs) is None  # 66 bytes


def test_every_press_is_parsed_back_into_its_action():
    refs = RefStore()
    for action in (
        ShowPassage("winwinlening", ""),
        AskQuestion("Wat is VLAIO?", "Wat is VLAIO?"),
        GiveReason(12, "verouderd", "", "abc123"),
    ):
        button = buttons.button(action, refs)
        assert buttons.parse(button.callback_data, refs) == action


def test_forged_or_mismatched_callback_data_is_no_action():
    refs = RefStore()
    key = refs.put("Wat is VLAIO?")  # a question's key ...
    for forged in (
        f"f:+:{key}",  # ... pressed as a vote
        f"q:{key}x",  # a key that is not in the store
        "r:1:onbekend:abc",  # a reason not on the list
        "r:x:fout:abc",  # a feedback id that is no number
        "m:Winwin\nlening",  # not a passage id
        "x:1",  # an unknown kind
        "",
    ):
        assert buttons.parse(forged, refs) is None, forged


@given(st.text(max_size=80))
def test_parsing_any_callback_data_gives_an_action_or_none(data):
    parsed = buttons.parse(data, RefStore())
    assert parsed is None or isinstance(parsed, ShowPassage | GiveReason)


def test_inline_results_carry_title_snippet_and_source():
    results = render.inline_results(layout(Found((_passage("Titel", "Tekst & meer"),))))
    [result] = results
    assert result.title == "Titel"
    assert "PMV & co" in result.description
    check_telegram_html(result.input_message_content.message_text)


def test_a_partial_answer_shows_its_passage_with_feedback_and_the_desk():
    partial = dataclasses.replace(
        _answer([_passage("Cultuurloket", "Het Cultuurloket helpt.")], answered=False),
        outcome="partial",
        message="Hoe je iemand contacteert bij «Cultuurloket», staat niet in de kennisbank.",
    )
    [message] = _render(partial)
    rows = message.keyboard.inline_keyboard
    assert (
        "staat niet in de kennisbank" in message.text and "Het Cultuurloket helpt." in message.text
    )
    assert [b.text for b in rows[-2]] == ["👍", "👎"]
    assert rows[-1][0].url == "https://www.cultuurloket.be"


def test_smalltalk_offers_its_example_questions_as_buttons():
    refs = RefStore()
    hello = Answer(
        question="hallo",
        answered=False,
        confidence=0.0,
        message="Hallo! Ik ben Wegwijzer.",
        suggestions=("Hoe bescherm ik mijn ideeën?",),
        outcome="smalltalk",
    )
    [message] = _render(hello, refs)
    [[button]] = message.keyboard.inline_keyboard
    assert buttons.parse(button.callback_data, refs).question == "Hoe bescherm ik mijn ideeën?"
