import dataclasses
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant import messages
from assistant.models import Answer, AnswerPassage, Link, PassageRef, Source
from bots.actions import AskQuestion, GiveReason, ShowPassage, Vote
from bots.layout import Layout, PassageBlock, layout
from bots.refs import RefStore
from bots.service import Found, Replied, Shown
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


SOURCE = Source("Bron <titel>", "PMV & co", "2024-12", url="https://www.pmv.eu/a?b=1&c=2")
# The citation line of a passage from SOURCE, as the user's Telegram shows it (escaped, linked).
CITATION = (
    '<i>Bron: <a href="https://www.pmv.eu/a?b=1&amp;c=2">PMV &amp; co: Bron &lt;titel&gt;</a>'
    " (stand 2024-12; nagekeken 2026-01)</i>"
)
CAUTION = f"<i>{messages.CAUTION}</i>"


def _passage(
    title: str,
    snippet: str,
    pid: str = "een",
    links: tuple[Link, ...] = (Link("Meer <info>", "https://example.org/x?y=1&z=2"),),
    **extra,
) -> AnswerPassage:
    return answer_passage(title, snippet, pid, source=SOURCE, links=links, **extra)


def _answer(passages, answered=True, suggestions=()) -> Answer:
    return answer(passages, answered, suggestions, message="Dit vond ik & meer")


def test_values_are_escaped_and_sources_linked():
    passage = _passage("<b>Titel</b>", "5 < 6 & 7 > 2")
    [message] = _render(_answer([passage]))
    assert message.text.startswith("5 &lt; 6 &amp; 7 &gt; 2\n")
    assert CITATION in message.text
    assert '➜ <a href="https://example.org/x?y=1&amp;z=2">Meer &lt;info&gt;</a>' in message.text
    check_telegram_html(message.text)
    # The title is shown with the passage in full ...
    [shown] = render.encode(layout(Shown(passage)), RefStore())
    assert shown.text.startswith("<b>&lt;b&gt;Titel&lt;/b&gt;</b>\n5 &lt; 6 &amp; 7 &gt; 2\n")
    check_telegram_html(shown.text)
    # ... and on the button of an answer that offers it: a label is plain text, not HTML.
    [offered] = _render(_answer([_passage("Eerst", "S", pid="eerst"), passage]))
    labels = [b.text for row in offered.keyboard.inline_keyboard for b in row]
    assert "Ook relevant: <b>Titel</b>" in labels


def test_an_answer_leads_with_the_snippet_its_source_in_one_line_and_its_page():
    links = (
        Link("PMV", "https://www.pmv.eu/a?b=1&c=2"),  # the source page itself: not again
        Link("De officiële pagina", "https://example.org/pagina"),
        Link("Nog een pagina", "https://example.org/nog"),
    )
    [message] = _render(_answer([_passage("Titel", "Het antwoord & meer.", links=links)]))
    assert message.text == "\n".join(
        [
            "Het antwoord &amp; meer.",
            CITATION,
            '➜ <a href="https://example.org/pagina">De officiële pagina</a>',
            "",
            CAUTION,
        ]
    )  # no heading above a reliable answer, no title: the answer comes first
    check_telegram_html(message.text)


def test_a_lead_without_another_page_than_its_source_has_no_link_line():
    links = (Link("PMV", "https://www.pmv.eu/a?b=1&c=2"),)
    [message] = _render(_answer([_passage("Titel", "Het antwoord.", links=links)]))
    assert message.text == f"Het antwoord.\n{CITATION}\n\n{CAUTION}"


def test_historical_passage_is_marked_with_its_successor():
    old = _passage(
        "Winwinlening in 2012", "Vroeger.", superseded_by=PassageRef("w", "Winwinlening")
    )
    [message] = _render(_answer([old]))
    assert "Historisch" in message.text and "Winwinlening." in message.text


def test_a_historical_passage_offers_todays_passage_once_under_the_answer_and_in_full():
    today = PassageRef("w", "Winwinlening")
    related = (today, PassageRef("x", "Iets anders"))  # today's passage also linked: once
    old = _passage("Winwinlening in 2012", "Vroeger.", superseded_by=today, related=related)
    [message] = _render(_answer([old]))
    rows = [(row[0].text, row[0].callback_data) for row in message.keyboard.inline_keyboard]
    assert rows[:3] == [
        ("Lees de hele passage", "m:een"),
        ("Wat vandaag geldt: Winwinlening", "m:w"),
        ("Ook relevant: Iets anders", "m:x"),
    ]
    [shown] = render.encode(layout(Shown(old)), RefStore())
    assert [[b.text for b in row] for row in shown.keyboard.inline_keyboard] == [
        ["Wat vandaag geldt: Winwinlening"],
        ["Meer over Iets anders"],
    ]
    [current] = render.encode(layout(Shown(_passage("W", "Vandaag.", related=related))), RefStore())
    assert "Wat vandaag geldt" not in str(current.keyboard)


def test_answered_keyboard_has_the_whole_passage_also_relevant_and_feedback():
    refs = RefStore()
    related = (PassageRef("winwinlening-afsluiten", "Een winwinlening afsluiten"),)
    [message] = _render(_answer([_passage("T", "S", related=related)]), refs)
    rows = message.keyboard.inline_keyboard
    assert [[b.text for b in row] for row in rows] == [
        ["Lees de hele passage"],
        ["Ook relevant: Een winwinlening afsluiten"],
        ["👍", "👎"],
    ]
    assert rows[0][0].callback_data == "m:een"
    assert rows[1][0].callback_data == "m:winwinlening-afsluiten"
    assert "Een winwinlening afsluiten" not in message.text  # its title is on its button
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


def test_an_answer_of_many_passages_is_one_message_with_the_first_and_three_titles():
    passages = [
        _passage(f"Titel {i}", f"Tekst {i}. " + "woord " * 50, pid=f"p{i}") for i in range(20)
    ]
    [message] = _render(_answer(passages))
    assert message.text.startswith("Tekst 0. woord")
    assert "Tekst 1." not in message.text and "Titel" not in message.text
    assert [[b.text for b in row] for row in message.keyboard.inline_keyboard] == [
        ["Lees de hele passage"],
        ["Ook relevant: Titel 1"],
        ["Ook relevant: Titel 2"],
        ["Ook relevant: Titel 3"],
        ["👍", "👎"],
    ]


def test_a_layout_of_many_passages_is_split_between_passages_and_keyboard_goes_last():
    passages = [_passage(f"Titel {i}", "woord " * 50, pid=f"p{i}") for i in range(20)]
    actions = (
        ShowPassage("p0", "Lees"),
        Vote(True, "p0", None, "seal"),
        Vote(False, "p0", None, "seal"),
    )
    many = Layout(tuple(PassageBlock(p, n) for n, p in enumerate(passages, start=1)), actions)
    parts = render.encode(many, RefStore())
    assert len(parts) > 1
    assert all(len(p.text) <= render.MAX_MESSAGE_CHARS for p in parts)
    assert all(p.keyboard is None for p in parts[:-1]) and parts[-1].keyboard is not None
    for part in parts:
        check_telegram_html(part.text)
    titles = [t for p in parts for t in re.findall(r"<b>(\d+\. Titel \d+)</b>", p.text)]
    assert titles == [f"{n}. Titel {n - 1}" for n in range(1, 21)]  # each once, in order


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
    found = render.encode(layout(Found(tuple(passages))), RefStore(), max_chars=limit)
    for part in [*_render(_answer(passages), max_chars=limit), *found]:
        assert len(part.text) <= limit
        check_telegram_html(part.text)
        for row in part.keyboard.inline_keyboard if part.keyboard else ():
            for button in row:
                assert button.url or len(button.callback_data.encode()) <= 64


def test_a_block_split_inside_a_tag_is_sent_as_plain_text():
    # Hypothesis found it: a title with line breaks and many "<b>", in a block over the limit,
    # was split between its lines inside "<b>...</b>", and Telegram refuses an unclosed tag.
    title = "a" * 18 + "<<<\n" + "<b>" * 17 + "</a>"
    passages = [_passage(title, "a" * 3, pid="id-0", related=(PassageRef("x" * 70, title),))]
    found = render.encode(layout(Found(tuple(passages))), RefStore(), max_chars=200)
    for part in [*_render(_answer(passages), max_chars=200), *found]:
        assert len(part.text) <= 200
        check_telegram_html(part.text)


@given(st.lists(NASTY, min_size=1, max_size=30), st.integers(min_value=50, max_value=4096))
def test_pack_never_exceeds_the_limit(blocks, limit):
    escaped = [render.escape(b) for b in blocks]
    for message in render.pack(escaped, limit):
        assert len(message) <= limit
        check_telegram_html(message)


def test_a_passage_id_too_long_for_callback_data_is_kept_server_side():
    refs = RefStore()
    assert buttons.button(ShowPassage("a" * 62, "Meer"), refs).callback_data == "m:" + "a" * 62
    longest = "-".join(["a" * 49, "b" * 50])  # 100 characters, as long as a corpus allows
    for passage_id in ("a" * 63, longest):
        data = buttons.button(ShowPassage(passage_id, "Meer"), refs).callback_data
        assert data.startswith("s:") and len(data.encode()) <= 64
        assert buttons.parse(data, refs) == ShowPassage(passage_id, "Meer")
    # A result id too: Telegram refuses one over 64 bytes (and the whole answer with it).
    ids = [render.result_id(pid) for pid in ("kort", "a" * 64, "a" * 65, longest)]
    assert ids[:2] == ["kort", "a" * 64] and all(len(i.encode()) <= 64 for i in ids)
    assert len(set(ids)) == 4 and render.result_id(longest) == ids[3]  # stable


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


def test_a_partial_answer_shows_what_is_missing_then_its_passage_feedback_and_the_desk():
    partial = dataclasses.replace(
        _answer([_passage("Cultuurloket", "Het Cultuurloket helpt.", links=())], answered=False),
        outcome="partial",
        message="Hoe je iemand contacteert bij «Cultuurloket», staat niet in de kennisbank.",
    )
    [message] = _render(partial)
    assert message.text == "\n".join(
        [
            "<b>Hoe je iemand contacteert bij «Cultuurloket», staat niet in de kennisbank.</b>",
            "",
            "Het Cultuurloket helpt.",
            CITATION,
            "",
            '➜ <a href="https://www.cultuurloket.be">Cultuurloket</a>',
        ]
    )  # no caution: the missing fact already sends the user to the official page
    rows = message.keyboard.inline_keyboard
    assert [[b.text for b in row] for row in rows] == [
        ["Lees de hele passage"],
        ["👍", "👎"],
        ["Cultuurloket"],
    ]
    assert rows[-1][0].url == "https://www.cultuurloket.be"


def test_a_partial_answer_whose_page_is_the_desk_links_the_desk_once():
    desk_page = (Link("Cultuurloket", "https://www.cultuurloket.be/"),)
    about_the_desk = _passage("Cultuurloket", "Het Cultuurloket helpt.", links=desk_page)
    partial = dataclasses.replace(
        _answer([about_the_desk], answered=False), outcome="partial", message="Niet gevonden."
    )
    [message] = _render(partial)
    assert message.text.count("cultuurloket.be") == 1
    assert message.text.endswith('\n➜ <a href="https://www.cultuurloket.be/">Cultuurloket</a>')
    buttons_ = [b for row in message.keyboard.inline_keyboard for b in row]
    assert [b.text for b in buttons_] == ["Lees de hele passage", "👍", "👎"]


def test_an_unsure_answer_shows_its_heading_before_the_lead_and_no_caution():
    unsure = dataclasses.replace(
        _answer([_passage("Titel", "Misschien dit.", links=())]),
        unsure=True,
        message=messages.ANSWERED_UNSURE,
    )
    [message] = _render(unsure)
    assert (
        message.text
        == f"<b>{render.escape(messages.ANSWERED_UNSURE)}</b>\n\nMisschien dit.\n{CITATION}"
    )
    labels = [[b.text for b in row] for row in message.keyboard.inline_keyboard]
    assert labels == [["Lees de hele passage"], ["👍", "👎"]]


def test_only_the_lead_is_marked_historical_not_the_other_passages():
    today = PassageRef("winwinlening", "Winwinlening")
    current = _passage("Winwinlening", "Vandaag.", pid="winwinlening", links=())
    old = _passage("Winwinlening in 2012", "Vroeger.", pid="winwinlening-2012", superseded_by=today)
    follow_up = "Ik lees je vraag als vervolg op «Winwinlening»."
    notices = (messages.historical_notice(old.title, today.title), follow_up)
    [message] = _render(dataclasses.replace(_answer([current, old]), notices=notices))
    # The historical passage is one tap away, marked when opened; the answer is today's.
    assert message.text == f"Vandaag.\n{CITATION}\n\n<i>{follow_up}</i>\n\n{CAUTION}"
    [historical_lead] = _render(dataclasses.replace(_answer([old, current]), notices=notices[:1]))
    assert historical_lead.text.startswith(
        "⚠️ <i>Historisch: beschrijft de situatie van toen. Vandaag: Winwinlening.</i>\nVroeger.\n"
    )
    assert "beschrijft de situatie van toen. Wat vandaag geldt" not in historical_lead.text


def test_also_relevant_offers_other_passages_then_related_ones_none_twice_at_most_three():
    related = (
        PassageRef("twee", "Twee"),  # also an answer passage
        PassageRef("een", "Een"),  # the lead itself
        PassageRef("vier", "Vier"),
        PassageRef("vijf", "Vijf"),  # one too many
    )
    passages = [
        _passage("Een", "S", pid="een", related=related),
        _passage("Twee", "S", pid="twee"),
        _passage("Drie", "S", pid="drie"),
    ]
    [message] = _render(_answer(passages))
    rows = message.keyboard.inline_keyboard
    assert [(row[0].text, row[0].callback_data) for row in rows[1:-1]] == [
        ("Ook relevant: Twee", "m:twee"),
        ("Ook relevant: Drie", "m:drie"),
        ("Ook relevant: Vier", "m:vier"),
    ]
    assert "Ook relevant" not in message.text  # the titles are on the buttons only


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
