from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.models import Answer, AnswerPassage, Link, PassageRef, Source
from bots.actions import AskQuestion, GiveReason, ShowPassage, Vote
from bots.discord import buttons, render
from bots.layout import layout
from bots.service import Replied
from tests.bots.builders import answer, answer_passage

TEXT = st.lists(
    st.sampled_from([*list("ab *_~`|>@<#&é🎨\n"), "@everyone", "**vet**", "woord "]),
    min_size=1,
    max_size=300,
).map("".join)


def _passage(title, snippet, pid="een", **extra) -> AnswerPassage:
    return answer_passage(
        title,
        snippet,
        pid,
        source=Source(
            "Winwinlening", "PMV", "2024-12", url="https://www.pmv.eu/product/winwinlening/"
        ),
        links=(Link("PMV", "https://www.pmv.eu/"),),
        **extra,
    )


def _render(answer: Answer, log_id: int | None = None) -> list[render.DiscordMessage]:
    return render.encode(layout(Replied(answer, log_id, "seal")))


def _answer(passages, answered=True, suggestions=()) -> Answer:
    return answer(passages, answered, suggestions, message="Dit vond ik")


def _within_limits(message: render.DiscordMessage) -> None:
    assert len(message.content) <= render.CONTENT_LIMIT
    assert len(message.embeds) <= render.EMBEDS_PER_MESSAGE
    assert sum(len(e) for e in message.embeds) <= render.EMBED_TOTAL_LIMIT
    for embed in message.embeds:
        assert len(embed.title or "") <= render.TITLE_LIMIT
        assert len(embed.description or "") <= render.DESCRIPTION_LIMIT
        assert all(len(f.value) <= render.FIELD_LIMIT for f in embed.fields)
    assert len(message.buttons) <= 25
    for button in message.buttons:
        assert len(button.label) <= render.LABEL_LIMIT
        assert button.url or len(button.custom_id) <= buttons.CUSTOM_ID_LIMIT


def test_embed_has_source_with_dates_and_links():
    [message] = _render(_answer([_passage("Winwinlening", "Tekst *vet*")]))
    [embed] = message.embeds
    assert (
        embed.title == "1. Winwinlening" and embed.url == "https://www.pmv.eu/product/winwinlening/"
    )
    assert embed.description == "Tekst \\*vet\\*"  # markdown escaped
    source = embed.fields[0].value
    assert "stand 2024-12" in source and "nagekeken 2026-01" in source


def test_historical_passage_is_marked():
    old = _passage(
        "Winwinlening in 2012", "Vroeger.", superseded_by=PassageRef("w", "Winwinlening")
    )
    [message] = _render(_answer([old]))
    assert "Historisch" in message.embeds[0].description


def test_buttons_for_an_answer_and_for_no_answer():
    related = (PassageRef("winwinlening-afsluiten", "Een winwinlening afsluiten"),)
    [answered] = _render(_answer([_passage("T", "S", related=related)]))
    ids = [b.custom_id for b in answered.buttons]
    assert ids == [
        "wegwijzer:meer:winwinlening-afsluiten",
        "wegwijzer:fb:+:een::seal",
        "wegwijzer:fb:-:een::seal",
    ]
    [logged] = _render(_answer([_passage("T", "S")]), log_id=17)
    assert [b.custom_id for b in logged.buttons] == [
        "wegwijzer:fb:+:een:17:seal",
        "wegwijzer:fb:-:een:17:seal",
    ]
    [refused] = _render(_answer([], answered=False, suggestions=["Wat is VLAIO?"]))
    assert refused.buttons[0].custom_id == "wegwijzer:q:Wat is VLAIO?"
    assert refused.buttons[-1].url == "https://www.cultuurloket.be"
    assert "cultuurloket.be" in refused.content


def test_many_passages_are_split_between_messages():
    passages = [_passage(f"Titel {i}", "woord " * 600, pid=f"p{i}") for i in range(14)]
    parts = _render(_answer(passages))
    assert len(parts) >= 2
    for part in parts:
        _within_limits(part)
    assert [e.title for p in parts for e in p.embeds] == [
        f"{i}. Titel {i - 1}" for i in range(1, 15)
    ]
    assert all(not p.buttons for p in parts[:-1]) and parts[-1].buttons


@settings(max_examples=100, deadline=None)
@given(
    titles=st.lists(TEXT, min_size=0, max_size=15),
    snippet=TEXT,
    suggestions=st.lists(TEXT, max_size=3),
    answered=st.booleans(),
)
def test_any_answer_stays_within_discord_limits(titles, snippet, suggestions, answered):
    passages = [
        _passage(t * 3, snippet * 20, pid=f"id-{i}", related=(PassageRef("x" * 95, t),))
        for i, t in enumerate(titles)
    ]
    for part in _render(_answer(passages, answered, suggestions)):
        _within_limits(part)


def _parse(custom_id: str):
    prefix, kind, rest = custom_id.split(":", 2)
    assert prefix == buttons.PREFIX
    return buttons.parse(kind, rest)


def test_every_action_is_parsed_back_from_its_custom_id():
    for action in (
        ShowPassage("winwinlening", ""),
        AskQuestion("Wat is VLAIO?", ""),
        Vote(False, "winwinlening", 17, "abc123"),
        Vote(True, "winwinlening", None, "abc123"),
        GiveReason(12, "verouderd", "", "abc123"),
    ):
        assert _parse(buttons.custom_id(action)) == action


def test_an_id_over_100_characters_is_not_built_and_a_forged_one_not_parsed():
    assert buttons.custom_id(AskQuestion("x" * 100, "")) is None
    for forged in (
        "wegwijzer:fb:+:winwinlening:" + "9" * 40 + ":abc",
        "wegwijzer:rd:abc:fout:x",
        "wegwijzer:rd:1:onbekend:x",
        "wegwijzer:meer:Winwin\nlening",
        "wegwijzer:zz:1",
    ):
        assert _parse(forged) is None, forged


@given(st.text(max_size=120))
def test_parsing_any_custom_id_gives_an_action_or_none(rest):
    for kind in (buttons.SHOW, buttons.ASK, buttons.VOTE, buttons.REASON, "x"):
        parsed = buttons.parse(kind, rest)
        assert parsed is None or isinstance(parsed, ShowPassage | AskQuestion | Vote | GiveReason)
