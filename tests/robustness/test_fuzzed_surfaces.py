"""Fuzzed input through every surface a user reaches: the conversation, the three renderers,
the JSON contract and the button-id parsers. Nothing may raise but a QuestionError."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant import QuestionError
from assistant.conversation import Conversation
from assistant.textrender import render_text
from bots.discord import buttons as discord_buttons
from bots.discord import render as discord_render
from bots.layout import layout
from bots.refs import RefStore
from bots.service import Replied
from bots.telegram import buttons as telegram_buttons
from bots.telegram import render as telegram_render
from tests.bots.htmlcheck import check_telegram_html
from tests.bots.test_discord_render import _within_limits

# Text as users and attackers type it: markup, entities, control and zero-width characters,
# lone surrogates, right-to-left marks, emoji, Flemish words, very long tokens.
PIECES = st.sampled_from(
    [
        "winwinlening",
        "hoeveel",
        "subsidie",
        "btw",
        "sabam",
        "<b>",
        "</a>",
        "&amp;",
        "<script>",
        "\x00",
        "\u200b",
        "\u202e",
        "\udcff",
        "\ud800",
        "🎨",
        "@everyone",
        "||x||",
        "`",
        "*",
        "é",
        "ideeën",
        "kzou",
        "da",
        "\n",
        "\t",
        " ",
        "?",
        "x" * 300,
        "1" * 40,
    ]
)
QUESTIONS = st.one_of(
    st.text(max_size=300),
    st.lists(PIECES, min_size=1, max_size=12).map(" ".join),
)
SURFACES = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SURFACES
@given(st.lists(QUESTIONS, min_size=1, max_size=3))
def test_a_conversation_and_every_renderer_take_any_text(assistant, questions):
    conversation = Conversation(assistant)
    for question in questions:
        try:
            answer = conversation.ask(question)
        except QuestionError as exc:
            assert exc.reason in {"empty", "too_long"}
            continue
        json.dumps(answer.to_dict(), ensure_ascii=False)
        assert render_text(answer)
        shown = layout(Replied(answer, 10**12, "s" * 12))
        for part in telegram_render.encode(shown, RefStore()):
            check_telegram_html(part.text)
            assert len(part.text) <= telegram_render.MAX_MESSAGE_CHARS
        for part in discord_render.encode(shown, RefStore()):
            _within_limits(part)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=150))
def test_every_button_parser_takes_any_id(rest):
    refs = RefStore()
    for kind in (*discord_buttons.PATTERNS, "x"):
        discord_buttons.parse(kind, rest, refs)  # an action or None, never an exception
    for kind in (*telegram_buttons.PATTERNS, "x"):
        telegram_buttons.parse(f"{kind}:{rest}", refs)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80), st.sampled_from([str, dict, tuple]))
def test_a_telegram_reference_of_any_key_and_kind_is_a_value_or_none(key, kind):
    refs = RefStore()
    known = [refs.put("vraag"), refs.put({"question_id": 1}), refs.put((1, 42))]
    for candidate in (key, *known):
        value = refs.get(candidate, kind)
        assert value is None or isinstance(value, kind)
