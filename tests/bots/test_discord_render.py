import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant import messages
from assistant.models import Answer, AnswerPassage, Link, PassageRef, Source
from assistant.store import Interest
from bots.actions import AskQuestion, GiveReason, ShowPassage, Vote
from bots.discord import buttons, render
from bots.layout import Layout, PassageBlock, layout
from bots.refs import RefStore
from bots.service import Found, Replied, Shown
from tests.bots.builders import answer, answer_passage

TEXT = st.lists(
    st.sampled_from([*list("ab *_~`|>@<#&é🎨\n"), "@everyone", "**vet**", "woord "]),
    min_size=1,
    max_size=300,
).map("".join)


SOURCE_URL = "https://www.pmv.eu/product/winwinlening/"
# The "Bron" field of a passage from that source, as the embed shows it.
SOURCE_FIELD = f"[PMV: Winwinlening]({SOURCE_URL}) (stand 2024-12; nagekeken 2026-01)"


PMV = (Link("PMV", "https://www.pmv.eu/"),)


def _passage(title, snippet, pid="een", links=PMV, **extra) -> AnswerPassage:
    source = Source("Winwinlening", "PMV", "2024-12", url=SOURCE_URL)
    return answer_passage(title, snippet, pid, source=source, links=links, **extra)


def _render(
    answer: Answer, log_id: int | None = None, refs: RefStore | None = None
) -> list[render.DiscordMessage]:
    refs = refs if refs is not None else RefStore()
    return render.encode(layout(Replied(answer, log_id, "seal")), refs)


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
        assert len(embed.footer.text or "") <= render.FOOTER_LIMIT
    assert len(message.buttons) <= 25
    for button in message.buttons:
        assert len(button.label) <= render.LABEL_LIMIT
        assert button.url or len(button.custom_id) <= buttons.CUSTOM_ID_LIMIT


def _fields(embed) -> list[tuple[str, str]]:
    return [(f.name, f.value) for f in embed.fields]


def test_the_lead_embed_has_the_snippet_source_with_dates_the_page_and_the_caution():
    [message] = _render(_answer([_passage("Winwinlening", "Tekst *vet*")]))
    assert message.content == ""  # a reliable answer opens with the answer itself
    [embed] = message.embeds
    assert embed.title is None and embed.url is None  # no title above the answer
    assert embed.description == "Tekst \\*vet\\*"  # markdown escaped
    assert _fields(embed) == [("Bron", SOURCE_FIELD), ("Meer info", "[PMV](https://www.pmv.eu/)")]
    assert embed.footer.text == messages.CAUTION


def test_the_lead_links_its_first_page_other_than_the_source():
    links = (
        Link("PMV: winwinlening", SOURCE_URL),
        Link("Aanvragen *nu*", "https://www.pmv.eu/aanvragen"),
        Link("Nog een", "https://www.pmv.eu/nog"),
    )
    [message] = _render(_answer([_passage("Winwinlening", "Tekst", links=links)]))
    [embed] = message.embeds
    assert _fields(embed) == [
        ("Bron", SOURCE_FIELD),
        ("Meer info", "[Aanvragen \\*nu\\*](https://www.pmv.eu/aanvragen)"),
    ]
    [only_source] = _render(_answer([_passage("W", "Tekst", links=links[:1])]))
    assert _fields(only_source.embeds[0]) == [("Bron", SOURCE_FIELD)]


def test_historical_passage_is_marked():
    old = _passage(
        "Winwinlening in 2012", "Vroeger.", superseded_by=PassageRef("w", "Winwinlening")
    )
    [message] = _render(_answer([old]))
    assert "Historisch" in message.embeds[0].description


def test_a_historical_passage_offers_todays_passage_under_the_answer_and_in_full():
    today = PassageRef("w", "Winwinlening")
    old = _passage("Winwinlening in 2012", "Vroeger.", superseded_by=today, related=(today,))
    [message] = _render(_answer([old]), log_id=17)
    assert [b.label for b in message.buttons] == [
        "Lees de hele passage",
        "Wat vandaag geldt: Winwinlening",
        "",
        "",
    ]
    assert _parse(message.buttons[1].custom_id).passage_id == "w"
    [shown] = render.encode(layout(Shown(old)), RefStore())
    assert [(b.label, b.custom_id) for b in shown.buttons] == [
        ("Wat vandaag geldt: Winwinlening", "wegwijzer:meer:w")
    ]


def test_buttons_for_an_answer_and_for_no_answer():
    related = (PassageRef("winwinlening-afsluiten", "Een winwinlening afsluiten"),)
    [answered] = _render(_answer([_passage("T", "S", related=related)]))
    assert [(b.label, b.emoji, b.custom_id) for b in answered.buttons] == [
        ("Lees de hele passage", None, "wegwijzer:meer:een"),
        ("Ook relevant: Een winwinlening afsluiten", None, "wegwijzer:meer:winwinlening-afsluiten"),
        ("", "👍", "wegwijzer:fb:+:een::seal"),
        ("", "👎", "wegwijzer:fb:-:een::seal"),
    ]
    [logged] = _render(_answer([_passage("T", "S")]), log_id=17)
    whole, *votes = logged.buttons
    assert whole.label == "Lees de hele passage"
    assert _parse(whole.custom_id).passage_id == "een"
    assert [b.custom_id for b in votes] == [
        "wegwijzer:fb:+:een:17:seal",
        "wegwijzer:fb:-:een:17:seal",
    ]
    [refused] = _render(_answer([], answered=False, suggestions=["Wat is VLAIO?"]))
    assert refused.buttons[0].custom_id == "wegwijzer:q:Wat is VLAIO?"
    assert refused.buttons[-1].url == "https://www.cultuurloket.be"
    assert "cultuurloket.be" in refused.content


def test_an_answer_of_many_long_passages_is_one_message_with_the_lead_and_three_titles():
    passages = [
        _passage(f"Titel {i}", f"Tekst {i} " + "woord " * 600, pid=f"p{i}") for i in range(14)
    ]
    [message] = _render(_answer(passages))
    _within_limits(message)
    [embed] = message.embeds
    assert embed.description.startswith("Tekst 0 woord")
    assert _fields(embed)[-1] == ("Ook relevant", "• Titel 1\n• Titel 2\n• Titel 3")
    assert [b.label for b in message.buttons] == [
        "Lees de hele passage",
        "Ook relevant: Titel 1",
        "Ook relevant: Titel 2",
        "Ook relevant: Titel 3",
        "",
        "",
    ]


def test_a_layout_of_many_passages_is_split_between_messages():
    passages = [_passage(f"Titel {i}", "woord " * 600, pid=f"p{i}") for i in range(14)]
    actions = (
        ShowPassage("p0", "Lees"),
        Vote(True, "p0", None, "seal"),
        Vote(False, "p0", None, "seal"),
    )
    many = Layout(tuple(PassageBlock(p, n) for n, p in enumerate(passages, start=1)), actions)
    parts = render.encode(many, RefStore())
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
    for part in render.encode(layout(Found(tuple(passages))), RefStore()):
        _within_limits(part)


def _parse(custom_id: str, refs: RefStore | None = None):
    prefix, kind, rest = custom_id.split(":", 2)
    assert prefix == buttons.PREFIX
    return buttons.parse(kind, rest, refs if refs is not None else RefStore())


LONGEST_ID = "-".join(["a" * 49, "b" * 50])  # 100 characters, as long as a corpus allows


def test_every_action_is_parsed_back_from_its_custom_id():
    refs = RefStore()
    for action in (
        ShowPassage("winwinlening", ""),
        AskQuestion("Wat is VLAIO?", ""),
        Vote(False, "winwinlening", 17, "abc123"),
        Vote(True, "winwinlening", None, "abc123"),
        GiveReason(12, "verouderd", "", "abc123"),
    ):
        assert _parse(buttons.custom_id(action, refs), refs) == action
    assert len(refs) == 0  # all spelled out: they work after a restart


def test_an_action_too_long_to_spell_out_is_kept_server_side():
    refs = RefStore()
    ninety = "-".join(["a" * 44, "b" * 45])
    for passage_id in (ninety, LONGEST_ID):
        for action in (
            ShowPassage(passage_id, "Lees de hele passage"),
            ShowPassage(passage_id, "Lees", 10**17, "AbC-_0123456789x", Interest.CHOICE),
            Vote(True, passage_id, 17, "abcdefghijkl"),
            Vote(False, passage_id, None, "abcdefghijkl"),
        ):
            custom_id = buttons.custom_id(action, refs)
            assert custom_id is not None and len(custom_id) <= buttons.CUSTOM_ID_LIMIT, action
            assert _parse(custom_id, refs) == action
    question = AskQuestion("Mag ik " + "heel " * 20 + "lang vragen?", "Lange vraag")
    assert _parse(buttons.custom_id(question, refs), refs) == question
    # The longest id that still fits is spelled out as before, needing no store.
    fits = "c" * (buttons.CUSTOM_ID_LIMIT - len("wegwijzer:meer:"))
    assert buttons.custom_id(ShowPassage(fits, ""), RefStore()) == f"wegwijzer:meer:{fits}"


def test_the_two_votes_too_long_to_spell_out_are_two_buttons():
    refs = RefStore()
    up, down = (
        buttons.custom_id(Vote(positive, LONGEST_ID, 17, "seal"), refs)
        for positive in (True, False)
    )
    assert up.startswith("wegwijzer:fk:") and down.startswith("wegwijzer:fk:")
    assert up != down  # a message's custom_ids must differ
    assert _parse(up, refs).positive and not _parse(down, refs).positive


def test_a_forged_custom_id_or_a_key_not_in_the_store_is_not_parsed():
    refs = RefStore()
    kept = buttons.custom_id(ShowPassage(LONGEST_ID, ""), refs)
    question_key = refs.put(AskQuestion("Wat is VLAIO?", ""))
    for forged in (
        "wegwijzer:fb:+:winwinlening:" + "9" * 40 + ":abc",
        "wegwijzer:rd:abc:fout:x",
        "wegwijzer:rd:1:onbekend:x",
        "wegwijzer:meer:Winwin\nlening",
        "wegwijzer:zz:1",
        "wegwijzer:mk:onbekend",  # a key this store never gave (or one from before a restart)
        f"wegwijzer:mk:{question_key}",  # a question's key pressed as a passage
        f"wegwijzer:fk:{kept.rsplit(':', 1)[1]}",  # a passage's key pressed as a vote
        "wegwijzer:qk:" + "k" * 17,  # no key is that long
    ):
        assert _parse(forged, refs) is None, forged
    assert _parse(kept, RefStore()) is None  # the store of a restarted bot is empty


@given(st.text(max_size=120))
def test_parsing_any_custom_id_gives_an_action_or_none(rest):
    refs = RefStore()
    refs.put(ShowPassage(LONGEST_ID, ""))
    for kind in (*buttons.PATTERNS, "x"):
        parsed = buttons.parse(kind, rest, refs)
        assert parsed is None or isinstance(parsed, ShowPassage | AskQuestion | Vote | GiveReason)


def test_an_unsure_answer_shows_its_heading_before_the_lead_and_no_caution():
    unsure = dataclasses.replace(
        _answer([_passage("T", "Misschien dit.")]), unsure=True, message=messages.ANSWERED_UNSURE
    )
    [message] = _render(unsure)
    assert message.content == messages.ANSWERED_UNSURE
    [embed] = message.embeds
    assert embed.description == "Misschien dit."
    assert embed.footer.text is None
    assert [b.label for b in message.buttons] == ["Lees de hele passage", "", ""]


def test_a_partial_answer_shows_what_is_missing_its_passage_feedback_and_the_desk():
    missing = "Hoe je iemand contacteert bij «Cultuurloket», staat niet in de kennisbank."
    partial = dataclasses.replace(
        _answer([_passage("Cultuurloket", "Het Cultuurloket helpt.")], answered=False),
        outcome="partial",
        message=missing,
    )
    [message] = _render(partial)
    assert message.content == f"{missing}\n➜ Cultuurloket: <https://www.cultuurloket.be>"
    [embed] = message.embeds
    assert embed.description == "Het Cultuurloket helpt." and embed.footer.text is None
    assert [(b.label, b.emoji, b.url) for b in message.buttons] == [
        ("Lees de hele passage", None, None),
        ("", "👍", None),
        ("", "👎", None),
        ("Cultuurloket", None, "https://www.cultuurloket.be"),
    ]


def test_a_partial_answer_whose_page_is_the_desk_links_the_desk_once():
    desk_page = (Link("Cultuurloket", "https://www.cultuurloket.be/"),)
    about_the_desk = _passage("Cultuurloket", "Het Cultuurloket helpt.", links=desk_page)
    partial = dataclasses.replace(
        _answer([about_the_desk], answered=False), outcome="partial", message="Niet gevonden."
    )
    [message] = _render(partial)
    assert message.content == "Niet gevonden."
    [embed] = message.embeds
    assert ("Meer info", "[Cultuurloket](https://www.cultuurloket.be/)") in _fields(embed)
    assert [b.url for b in message.buttons] == [None, None, None]  # whole passage, 👍, 👎


def test_titles_are_markdown_escaped_in_a_partial_heading_and_a_passage_in_full():
    title = "**Vet** _schuin_ ~~weg~~ `code` ||verborgen||"
    passage = _passage(title, "Het antwoord.")
    message = messages.partial(("cost",), title)
    partial = dataclasses.replace(
        _answer([passage], answered=False), outcome="partial", message=message
    )
    [reply] = _render(partial)
    escaped = r"\*\*Vet\*\* \_schuin\_ \~\~weg\~\~ \`code\` \|\|verborgen\|\|"
    assert reply.content.startswith(
        f"Wat het kost, staat niet in de kennisbank. Wel dit, over «{escaped}»."
    )
    [shown] = render.encode(layout(Shown(passage)), RefStore())
    assert shown.embeds[0].title == escaped


def test_only_the_lead_is_marked_historical_not_the_other_passages():
    today = PassageRef("winwinlening", "Winwinlening")
    current = _passage("Winwinlening", "Vandaag.", pid="winwinlening")
    old = _passage("Winwinlening in 2012", "Vroeger.", pid="winwinlening-2012", superseded_by=today)
    follow_up = "Ik lees je vraag als vervolg op «Winwinlening»."
    notices = (messages.historical_notice(old.title, today.title), follow_up)
    [message] = _render(dataclasses.replace(_answer([current, old]), notices=notices))
    assert message.content == f"*{follow_up}*"
    assert message.embeds[0].description == "Vandaag."
    assert message.embeds[0].colour == render.CURRENT_COLOUR
    [historical_lead] = _render(dataclasses.replace(_answer([old, current]), notices=notices[:1]))
    assert historical_lead.content == ""
    [embed] = historical_lead.embeds
    assert embed.description == (
        "⚠️ *Historisch: beschrijft de situatie van toen. Vandaag: Winwinlening.*\n\nVroeger."
    )


def test_also_relevant_offers_other_passages_then_related_ones_none_twice_at_most_three():
    related = (
        PassageRef("twee", "Twee"),  # also an answer passage
        PassageRef("een", "Een"),  # the lead itself
        PassageRef("vier", "Vier *nieuw*"),
        PassageRef("vijf", "Vijf"),  # one too many
    )
    passages = [
        _passage("Een", "S", pid="een", related=related),
        _passage("Twee", "S", pid="twee"),
        _passage("Drie", "S", pid="drie"),
    ]
    [message] = _render(_answer(passages))
    [embed] = message.embeds
    assert _fields(embed)[-1] == ("Ook relevant", "• Twee\n• Drie\n• Vier \\*nieuw\\*")
    assert [(b.label, b.custom_id) for b in message.buttons[1:-2]] == [
        ("Ook relevant: Twee", "wegwijzer:meer:twee"),
        ("Ook relevant: Drie", "wegwijzer:meer:drie"),
        ("Ook relevant: Vier *nieuw*", "wegwijzer:meer:vier"),
    ]
