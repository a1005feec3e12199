"""End to end through discord.py's real networking, against a local fake REST API and gateway."""

from __future__ import annotations

import asyncio
import dataclasses
import time
from contextlib import asynccontextmanager
from pathlib import Path

import discord
import pytest
import yarl
from discord.gateway import DiscordWebSocket
from discord.utils import escape_markdown

from assistant import messages
from assistant.core import MAX_QUESTION_CHARS, Assistant
from assistant.models import Answer, AnswerPassage
from assistant.store import Store
from bots import layout as lay
from bots.actions import ShowPassage, Vote
from bots.discord import app as discord_app
from bots.discord.app import WegwijzerDiscord, point_at
from bots.discord.main import main as discord_main
from bots.ratelimit import RateLimiter
from bots.service import ChatService, Found
from tests.bots.logcheck import assert_one_interest
from tests.bots.process import (
    START_FAILURES,
    assert_failed_start,
    run_to_exit,
    start_bot,
    start_failure_url,
    stop_bot,
)
from tests.conftest import passage, write_corpus
from tests.fakes.discord_api import BOT_ID, DM_CHANNEL_ID, THREAD_ID, FakeDiscord
from tests.fakes.flaky import FlakyAssistant

TOKEN = "MTAx.secret-discord.test-token"
ROOT = Path(__file__).resolve().parents[2]
TEST_TIMEOUT = 60


@pytest.fixture(autouse=True)
def _restore_endpoints():
    base, gateway = discord.http.Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    yield
    discord.http.Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = base, gateway


def run(coroutine):
    return asyncio.run(asyncio.wait_for(coroutine, TEST_TIMEOUT))


@asynccontextmanager
async def running(fake: FakeDiscord, assistant, *, store: Store | None = None, **options):
    """The bot around a service built as the entry point builds it; `options` go to the
    service (top_k, limiter)."""
    point_at(fake.api_url, fake.gateway_url)
    service = ChatService(assistant, channel="discord", log=store, **options)
    bot = WegwijzerDiscord(service=service, guild_ready_timeout=0.05)
    task = asyncio.create_task(bot.start(TOKEN))
    try:
        deadline = time.monotonic() + 20
        while not bot.is_ready():
            assert time.monotonic() < deadline, "the bot never became ready"
            assert not task.done(), task.exception()
            await asyncio.sleep(0.02)
        yield bot
    finally:
        await bot.close()
        await asyncio.wait_for(task, 10)


def _ask(text: str) -> list[dict]:
    return [{"name": "vraag", "type": 3, "value": text}]


def _custom_ids(body: dict) -> list[str]:
    data = body.get("data", body)
    return [
        c.get("custom_id") or c.get("url")
        for row in data.get("components", [])
        for c in row["components"]
    ]


def _components(body: dict) -> list[dict]:
    data = body.get("data", body)
    return [c for row in data.get("components", []) for c in row["components"]]


def _also_relevant(answer: Answer) -> list[tuple[str, str]]:
    """(id, title) of what an answer offers under "Ook relevant": its other passages, then
    its first passage's related ones; none twice, not the first itself, at most three."""
    first = answer.passages[0]
    offered: dict[str, str] = {}
    for pid, title in [
        *((p.id, p.title) for p in answer.passages[1:]),
        *((r.id, r.title) for r in first.related),
    ]:
        if pid != first.id:
            offered.setdefault(pid, title)
    return list(offered.items())[:3]


def _answer_labels(answer: Answer) -> list[str | None]:
    """The labels of the buttons under a reliable answer, in order (the votes are emoji)."""
    also = [f"Ook relevant: {title}" for _, title in _also_relevant(answer)]
    return [messages.READ_WHOLE_PASSAGE, *also, None, None]


def _lead(body: dict) -> dict:
    """The first embed of a reply: the answer itself."""
    return body.get("data", body)["embeds"][0]


def _opens_with(body: dict, passage: AnswerPassage) -> bool:
    """Whether the reply's first embed starts with the passage's snippet, as the user sees it."""
    return _lead(body)["description"].startswith(escape_markdown(passage.snippet))


def test_login_ready_and_the_command_tree_is_synced_once(assistant):
    async def scenario():
        async with FakeDiscord() as fake, running(fake, assistant):
            await fake.ask_to_reconnect()
            await fake.wait_identified(count=2)  # IDENTIFY, then RESUME after the reconnect
            await asyncio.sleep(0.3)
            syncs = fake.to("PUT", "/applications/")
        [sync] = syncs
        names = {c["name"] for c in sync.body}
        assert names == {"vraag", "onderwerpen", "over", "vergeet"}
        vraag = next(c for c in sync.body if c["name"] == "vraag")
        assert vraag["options"][0]["autocomplete"] is True
        assert vraag["options"][0]["description"]

    run(scenario())


def test_slash_question_is_answered_through_the_interaction_callback(assistant):
    question = "Hoe bescherm ik mijn ideeën?"
    answer = assistant.ask(question)

    async def scenario():
        async with FakeDiscord() as fake, running(fake, assistant):
            await fake.slash("vraag", _ask(question))
            [callback] = await fake.wait_for("POST", "/interactions/")
        body = callback.body
        assert body["type"] == 4
        [lead] = body["data"]["embeds"]
        assert lead["description"] == escape_markdown(answer.passages[0].snippet)
        assert lead["fields"][0]["name"] == "Bron" and "nagekeken" in lead["fields"][0]["value"]
        assert body["data"]["allowed_mentions"] == {"parse": []}
        assert not body["data"].get("flags")  # a reliable answer is public
        assert [c.get("label") for c in _components(body)] == _answer_labels(answer)
        # Without a log the vote is sealed for the asker over the passage it is about.
        ids = _custom_ids(body)
        assert ids[0] == "wegwijzer:meer:ideeen-beschermen"
        assert any(i.startswith("wegwijzer:fb:+:ideeen-beschermen::") for i in ids)

    run(scenario())


def test_a_reliable_answer_opens_with_the_best_snippet(assistant):
    question = "wat is vlaio"
    answer = assistant.ask(question)
    best = answer.passages[0]

    async def scenario():
        async with FakeDiscord() as fake, running(fake, assistant):
            await fake.slash("vraag", _ask(question))
            await fake.mention(question)
            [callback] = await fake.wait_for("POST", "/interactions/")
            [reply] = await fake.wait_for("POST", "/channels/")
        return callback.body["data"], reply.body

    for data in run(scenario()):
        assert not data.get("content")  # nothing above the answer
        [lead] = data["embeds"]
        assert "title" not in lead
        assert lead["description"].startswith(escape_markdown(best.snippet))
        names = [f["name"] for f in lead["fields"]]
        assert names[0] == "Bron" and names[-1] == "Ook relevant"
        also = "\n".join(f"• {escape_markdown(t)}" for _, t in _also_relevant(answer))
        assert lead["fields"][-1]["value"] == also
        assert lead["footer"]["text"] == messages.CAUTION


def test_an_also_relevant_button_opens_that_passage_in_full(assistant):
    question = "wat is de winwinlening"
    offered = _also_relevant(assistant.ask(question))
    assert len(offered) == 3

    async def scenario():
        async with FakeDiscord() as fake, running(fake, assistant):
            await fake.slash("vraag", _ask(question))
            [answer] = await fake.wait_for("POST", "/interactions/")
            for button in _components(answer.body):
                if (button.get("label") or "").startswith(messages.ALSO_RELEVANT):
                    await fake.press(button["custom_id"])
            return (await fake.wait_for("POST", "/interactions/", 4))[1:]

    shown = run(scenario())
    for callback, (pid, title) in zip(shown, offered, strict=True):
        [embed] = callback.body["data"]["embeds"]
        assert embed["title"] == title
        full = assistant.full_passage(pid)
        assert escape_markdown(full.snippet) in embed["description"]  # after any "Historisch"


def test_which_one_did_you_mean_offers_both_and_logs_the_choice(assistant, tmp_path):
    store = Store.open(tmp_path / "log.db")
    question = "hoe bescherm ik de naam van mijn label"  # a trade name, or a trademark?
    first, second = assistant.ask(question).alternatives
    asked = messages.DID_YOU_MEAN.format(first=first.title, second=second.title)

    async def scenario():
        async with FakeDiscord() as fake, running(fake, assistant, store=store):
            await fake.slash("vraag", _ask(question))
            [answer] = await fake.wait_for("POST", "/interactions/")
            [pick] = [c for c in _components(answer.body) if c.get("label") == second.title]
            await fake.press(pick["custom_id"])
            return answer, (await fake.wait_for("POST", "/interactions/", 2))[1]

    answer, shown = run(scenario())
    data = answer.body["data"]
    assert data["content"] == f"*{escape_markdown(asked)}*"
    assert [c.get("label") for c in _components(answer.body)][:2] == [first.title, second.title]
    [embed] = shown.body["data"]["embeds"]
    assert embed["title"] == second.title
    assert_one_interest(store, second.id, "choice")


def test_read_the_whole_passage_opens_the_lead_passage_in_full(assistant):
    question = "Hoe bescherm ik mijn ideeën?"
    best = assistant.ask(question).passages[0]
    full = assistant.full_passage(best.id)
    assert len(full.snippet) > len(best.snippet)  # the whole text is more than the snippet

    async def scenario():
        async with FakeDiscord() as fake, running(fake, assistant):
            await fake.slash("vraag", _ask(question))
            [answer] = await fake.wait_for("POST", "/interactions/")
            [whole] = [
                c for c in _components(answer.body) if c.get("label") == messages.READ_WHOLE_PASSAGE
            ]
            await fake.press(whole["custom_id"])
            return (await fake.wait_for("POST", "/interactions/", 2))[1]

    shown = run(scenario())
    [embed] = shown.body["data"]["embeds"]
    assert embed["title"] == best.title
    assert embed["description"] == escape_markdown(full.snippet)


def test_autocomplete_offers_at_most_25_choices(assistant):
    async def scenario():
        async with FakeDiscord() as fake, running(fake, assistant):
            await fake.autocomplete("vraag", "vraag", "winwin")
            [callback] = await fake.wait_for("POST", "/interactions/")
        choices = callback.body["data"]["choices"]
        assert callback.body["type"] == 8
        assert 1 <= len(choices) <= 25
        assert all("winwin" in c["name"].lower() for c in choices[:5])

    run(scenario())


def test_mention_in_a_channel_and_in_a_thread_and_a_dm_are_answered_in_place(assistant):
    questions = ["wat is de winwinlening", "wat is vlaio", "wat is screen flanders"]

    async def scenario():
        async with FakeDiscord() as fake, running(fake, assistant):
            await fake.mention("wat is de winwinlening")
            await fake.mention("wat is vlaio", channel_id=THREAD_ID)
            await fake.direct_message("wat is screen flanders")
            await fake.wait_for("POST", "/channels/", 3)
            await asyncio.sleep(0.2)
            return fake.to("POST", "/channels/")

    sent = run(scenario())
    paths = [r.path for r in sent]
    assert paths == [
        "/channels/300/messages",
        f"/channels/{THREAD_ID}/messages",
        f"/channels/{DM_CHANNEL_ID}/messages",
    ]
    assert int(sent[0].body["message_reference"]["channel_id"]) == 300
    for reply, question in zip(sent, questions, strict=True):
        assert _opens_with(reply.body, assistant.ask(question).passages[0])
    assert all(r.body["allowed_mentions"] == {"parse": []} for r in sent)


def test_buttons_keep_working_after_a_restart_and_feedback_reaches_the_store(assistant, tmp_path):
    store = Store.open(tmp_path / "log.db")

    async def scenario():
        async with FakeDiscord() as fake:
            async with running(fake, assistant, store=store):
                await fake.slash("vraag", _ask("wat is de winwinlening"))
                [answer] = await fake.wait_for("POST", "/interactions/")
                await fake.press("wegwijzer:meer:winwinlening-afsluiten")
                await fake.wait_for("POST", "/interactions/", 2)
            thumbs_down = next(
                i for i in _custom_ids(answer.body) if i.startswith("wegwijzer:fb:-")
            )
            async with running(fake, assistant, store=store):  # a new client: a restart
                await fake.press("wegwijzer:meer:winwinlening-afsluiten")
                await fake.press(thumbs_down)
                reasons = (await fake.wait_for("POST", "/interactions/", 4))[3]
                await fake.press(_custom_ids(reasons.body)[1])
                return await fake.wait_for("POST", "/interactions/", 5)

    callbacks = run(scenario())
    for callback in (callbacks[1], callbacks[2]):
        assert callback.body["data"]["embeds"][0]["title"] == "Een winwinlening afsluiten"
    assert callbacks[3].body["data"]["flags"] == 64  # the reason question is ephemeral
    assert callbacks[4].body["data"]["content"] == messages.THANKS_REASON
    [question] = store.questions()
    assert question.channel == "discord" and question.user_key == store.user_key("discord", 42)
    [feedback] = store.feedback()
    assert (feedback.question_id, feedback.vote, feedback.reason) == (question.id, -1, "verouderd")


def test_a_passage_with_a_long_id_keeps_its_buttons_until_a_restart(tmp_path):
    long_id = "winwinlening-" + "-".join(["voorwaarden"] * 7)  # a valid id of 96 characters
    assert len(long_id) + len("wegwijzer:meer:") > 100
    title = "Voorwaarden van de winwinlening"
    corpus = write_corpus(tmp_path / "corpus", {"lenen.yaml": [passage(long_id, title=title)]})
    assistant = Assistant.from_directory(corpus)
    store = Store.open(tmp_path / "log.db")

    async def scenario():
        async with FakeDiscord() as fake:
            async with running(fake, assistant, store=store):
                await fake.slash("vraag", _ask("wat is de winwinlening"))
                [answer] = await fake.wait_for("POST", "/interactions/")
                buttons = _components(answer.body)
                [whole] = [b for b in buttons if b.get("label") == messages.READ_WHOLE_PASSAGE]
                [up] = [b for b in buttons if b.get("emoji", {}).get("name") == "👍"]
                await fake.press(whole["custom_id"])
                await fake.press(up["custom_id"])
                pressed = (await fake.wait_for("POST", "/interactions/", 3))[1:]
            async with running(fake, assistant, store=store):  # a new client: a restart
                await fake.press(whole["custom_id"])
                expired = (await fake.wait_for("POST", "/interactions/", 4))[3]
            return answer, pressed, expired

    answer, (shown, thanks), expired = run(scenario())
    assert _lead(answer.body)["description"].startswith("De winwinlening")
    assert all(len(i) <= 100 for i in _custom_ids(answer.body))
    assert [c.get("label") for c in _components(answer.body)] == [
        messages.READ_WHOLE_PASSAGE,
        None,
        None,
    ]
    assert shown.body["data"]["embeds"][0]["title"] == title
    assert thanks.body["data"]["content"] == messages.THANKS_UP
    [feedback] = store.feedback()
    assert (feedback.vote, feedback.passage_id) == (1, long_id)
    assert_one_interest(store, long_id, "more")
    # The key died with the old client's memory: the button says so, to the presser alone.
    assert expired.body["data"]["content"] == messages.BUTTON_EXPIRED
    assert expired.body["data"]["flags"] == 64


def test_forged_and_foreign_buttons_are_answered_and_change_nothing(assistant, tmp_path):
    store = Store.open(tmp_path / "log.db")
    forged = [
        "wegwijzer:fb:+:winwinlening:" + "9" * 40 + ":abc",  # an absurd question id
        "wegwijzer:rd:abc:fout:x",  # a feedback id that is no number
        "wegwijzer:rd:1:onbekend:x",  # a reason not on the list
        "wegwijzer:meer:Winwin\nlening",  # not a passage id
    ]

    async def scenario():
        async with FakeDiscord() as fake, running(fake, assistant, store=store):
            await fake.slash("vraag", _ask("wat is de winwinlening"))
            [answer] = await fake.wait_for("POST", "/interactions/")
            thumbs_up = next(i for i in _custom_ids(answer.body) if i.startswith("wegwijzer:fb:+"))
            for custom_id in forged:
                await fake.press(custom_id)
            await fake.press(thumbs_up, user_id=7)  # someone else's question
            await fake.press(thumbs_up.rsplit(":", 1)[0] + ":vervalst")  # a forged seal
            await fake.autocomplete("vraag", "vraag", "x" * 5_000)
            return await fake.wait_for("POST", "/interactions/", 1 + len(forged) + 3)

    callbacks = run(scenario())
    contents = [c.body["data"].get("content") for c in callbacks[1:]]
    assert contents[: len(forged)] == [messages.BUTTON_EXPIRED] * len(forged)
    assert contents[len(forged) : len(forged) + 2] == [messages.NOT_YOUR_BUTTON] * 2
    assert callbacks[-1].body["data"] == {"choices": []}
    assert store.feedback() == []


def test_vergeet_and_follow_up_in_a_channel(assistant, tmp_path):
    store = Store.open(tmp_path / "log.db")

    async def scenario():
        async with FakeDiscord() as fake, running(fake, assistant, store=store):
            await fake.mention("Wat is de winwinlening?")
            await fake.mention("en hoeveel kan ik daarmee lenen?")
            sent = await fake.wait_for("POST", "/channels/", 2)
            await fake.slash("vergeet")
            [forgotten] = await fake.wait_for("POST", "/interactions/")
        return sent, forgotten

    sent, forgotten = run(scenario())
    assert "vervolg op «Winwinlening»" in sent[1].body["content"]
    assert forgotten.body["data"]["content"] == messages.forgotten(2)
    assert "Gewist: 2 vragen en" in forgotten.body["data"]["content"]
    assert store.questions() == []


def test_rest_429_is_retried_and_the_reply_arrives(assistant):
    async def scenario():
        async with FakeDiscord() as fake, running(fake, assistant):
            fake.fail_next["POST /channels/300/messages"] = [0.2]
            await fake.mention("wat is vlaio")
            return await fake.wait_for("POST", "/channels/300/messages", 2)

    first, second = run(scenario())
    assert first.body == second.body


LONG_QUESTION = "wat is de winwinlening"


@pytest.fixture
def long_answers(tmp_path) -> Assistant:
    """An assistant whose answer to LONG_QUESTION is nine passages, each with a long list of
    links: about 1,300 characters of embed apiece, far more than the 6,000 of one message."""
    links = [
        {
            "label": f"Regel {i} van de winwinlening: " + "voorwaarden en bedragen " * 6,
            "url": f"https://www.pmv.eu/product/winwinlening/{i}",
        }
        for i in range(8)
    ]
    passages = [
        passage(f"winwin-{n}", title=f"Winwinlening, deel {n}", links=links) for n in range(1, 10)
    ]
    assistant = Assistant.from_directory(write_corpus(tmp_path / "corpus", {"lang.yaml": passages}))
    # Nine passages alike leave the first no margin over the others, which the model rightly
    # doubts; this test is about the length of what is sent, so the answer must be given.
    assistant.model = dataclasses.replace(assistant.model, threshold=0.5)
    return assistant


@pytest.fixture
def replies_in_parts(long_answers, monkeypatch):
    """Make a bot built by `running(..., long_answers)` reply to any question with the nine
    long passages as a list: nine embeds, far more than one message holds.

    No answer needs splitting any more (one lead; the other passages are titles on buttons),
    but a layout of many passages still does: a list (`Found`, what inline search finds) is
    one. It gets the buttons of an answer about its first passage, so that the test sees
    that they go with the last part only. Call the returned function on the running bot.
    """
    passages = long_answers.ask(LONG_QUESTION, top_k=10).passages
    assert len(passages) == 9  # what the corpus is built for; else the test proves nothing
    first = passages[0].id
    actions = (
        ShowPassage(first, messages.READ_WHOLE_PASSAGE),
        *(Vote(up, first, None, "seal") for up in (True, False)),
    )

    def with_buttons(outcome):
        shown = lay.layout(outcome)
        return dataclasses.replace(shown, actions=actions) if isinstance(outcome, Found) else shown

    monkeypatch.setattr(discord_app, "layout", with_buttons)

    def reply_with_the_list(bot: WegwijzerDiscord) -> tuple[AnswerPassage, ...]:
        bot.service.ask = lambda chat, user, question: Found(passages)
        return passages

    return reply_with_the_list


def _embed_size(embed: dict) -> int:
    return (
        len(embed.get("title", ""))
        + len(embed.get("description", ""))
        + sum(len(f["name"]) + len(f["value"]) for f in embed.get("fields", []))
    )


def test_a_reply_that_needs_splitting_goes_out_in_several_messages(long_answers, replies_in_parts):
    async def scenario():
        async with FakeDiscord() as fake, running(fake, long_answers) as bot:
            passages = replies_in_parts(bot)
            interaction_id = await fake.slash("vraag", _ask(LONG_QUESTION))
            await fake.wait_for("POST", "/interactions/")
            await fake.wait_for("POST", "/webhooks/")
            await asyncio.sleep(0.3)  # any further follow-up
            interactions, webhooks = (
                fake.to("POST", "/interactions/"),
                fake.to("POST", "/webhooks/"),
            )
            return passages, interaction_id, interactions, webhooks

    passages, interaction_id, [callback], followups = run(scenario())
    # Every follow-up belongs to this interaction (its webhook is the interaction's token).
    assert all(f.path.startswith(f"/webhooks/{BOT_ID}/itoken{interaction_id}") for f in followups)
    bodies = [callback.body["data"], *(f.body for f in followups)]
    assert len(bodies) >= 3  # 9 embeds of ~1,300 characters: at most 4 a message
    for body in bodies:
        embeds = body.get("embeds", [])
        assert 1 <= len(embeds) <= 10
        assert sum(_embed_size(e) for e in embeds) <= 6000
        assert not body.get("flags")  # a reliable answer is public, follow-ups too
    # No part is dropped or repeated: all passages arrive, in order, across the messages.
    assert [e["title"] for body in bodies for e in body["embeds"]] == [p.title for p in passages]
    assert not any(body.get("content") for body in bodies)  # a list has no text of its own
    # The buttons close the last message.
    assert not any(body.get("components") for body in bodies[:-1])
    assert _custom_ids(bodies[-1])[0] == "wegwijzer:meer:winwin-1"
    assert any(i.startswith("wegwijzer:fb:+:winwin-1:") for i in _custom_ids(bodies[-1]))


def test_everyone_and_markdown_in_a_question_cannot_ping_or_break(assistant):
    async def scenario():
        async with FakeDiscord() as fake, running(fake, assistant):
            await fake.mention("@everyone **wat** is de `winwinlening` <@&123>")
            [sent] = await fake.wait_for("POST", "/channels/")
        assert sent.body["allowed_mentions"] == {"parse": []}
        assert "@everyone" not in (sent.body.get("content") or "")
        assert _opens_with(sent.body, assistant.ask("wat is de winwinlening").passages[0])

    run(scenario())


def test_out_of_domain_slash_question_is_ephemeral_with_desk_and_suggestions(assistant):
    async def scenario():
        async with FakeDiscord() as fake, running(fake, assistant):
            await fake.slash("vraag", _ask("recept voor stoofvlees met friet"))
            [callback] = await fake.wait_for("POST", "/interactions/")
        data = callback.body["data"]
        assert data["flags"] == 64
        assert "geen betrouwbaar antwoord" in data["content"]
        ids = _custom_ids(callback.body)
        assert ids[-1] == "https://www.cultuurloket.be"
        assert all(i.startswith("wegwijzer:q:") for i in ids[:-1])

    run(scenario())


def test_topics_about_and_rate_limit(assistant):
    async def scenario():
        bot_options = {"limiter": RateLimiter(1, 60.0)}
        async with FakeDiscord() as fake, running(fake, assistant, **bot_options):
            await fake.slash("onderwerpen")
            await fake.slash("over")
            await fake.slash("vraag", _ask("wat is vlaio"))
            await fake.slash("vraag", _ask("wat is vlaio"))
            return await fake.wait_for("POST", "/interactions/", 4)

    topics, about, first, limited = run(scenario())
    assert len(_custom_ids(topics.body)) == len(messages.TOPICS)
    assert "passages" in about.body["data"]["content"]
    assert first.body["data"]["embeds"]
    assert limited.body["data"]["content"] == messages.TOO_MANY_QUESTIONS


def test_a_failing_interaction_does_not_stop_the_bot(assistant):
    async def scenario():
        async with FakeDiscord() as fake, running(fake, FlakyAssistant(assistant)):
            await fake.slash("vraag", _ask("wat is vlaio"))
            await fake.slash("vraag", _ask("wat is vlaio"))
            return await fake.wait_for("POST", "/interactions/", 2)

    failed, answered = run(scenario())
    assert failed.body["data"]["content"] == messages.SOMETHING_WENT_WRONG
    assert answered.body["data"]["embeds"]


def test_missing_token_exits_with_a_clear_message(capsys):
    assert discord_main({}) == 2
    assert "DISCORD_BOT_TOKEN" in capsys.readouterr().err


def test_entry_point_runs_against_the_fake_and_stops_on_sigterm(assistant):
    async def scenario():
        async with FakeDiscord() as fake:
            process = await start_bot(
                "bots.discord",
                {
                    "DISCORD_BOT_TOKEN": TOKEN,
                    "DISCORD_API_BASE_URL": fake.api_url,
                    "DISCORD_GATEWAY_URL": fake.gateway_url,
                },
            )
            try:
                await fake.wait_for("PUT", "/applications/", timeout=30)
                await fake.wait_identified()
                await asyncio.sleep(0.2)
                await fake.mention("wat is de winwinlening")
                [sent] = await fake.wait_for("POST", "/channels/", timeout=30)
            finally:
                stderr = await stop_bot(process)
        assert _opens_with(sent.body, assistant.ask("wat is de winwinlening").passages[0])
        assert process.returncode == 0
        assert TOKEN not in stderr

    run(scenario())


def test_point_at_changes_rest_and_gateway_endpoints():
    point_at("http://127.0.0.1:1/api/v10/", "ws://127.0.0.1:1/gateway")
    assert discord.http.Route.BASE == "http://127.0.0.1:1/api/v10"
    assert yarl.URL("ws://127.0.0.1:1/gateway") == DiscordWebSocket.DEFAULT_GATEWAY


def test_an_absurdly_long_question_gets_a_clear_ephemeral_message(assistant):
    async def scenario():
        async with FakeDiscord() as fake, running(fake, assistant):
            await fake.slash("vraag", _ask("subsidie " * 300))
            [callback] = await fake.wait_for("POST", "/interactions/")
        assert callback.body["data"]["flags"] == 64
        assert callback.body["data"]["content"].startswith("Je vraag is te lang")

    run(scenario())


def test_mentions_are_rate_limited_and_the_extra_question_is_not_answered(assistant, tmp_path):
    store = Store.open(tmp_path / "log.db")
    questions = ["wat is vlaio", "wat is pmv", "wat is de winwinlening"]

    async def scenario():
        limiter = RateLimiter(2, 60.0)
        async with FakeDiscord() as fake, running(fake, assistant, store=store, limiter=limiter):
            ids = [await fake.mention(q) for q in questions]
            await fake.wait_for("POST", "/channels/", 3)
            other = await fake.mention("wat is screen flanders", user_id=7)  # not the spammer
            await fake.wait_for("POST", "/channels/", 4)
            await asyncio.sleep(0.2)
            return ids, other, fake.to("POST", "/channels/")

    ids, other, sent = run(scenario())
    assert len(sent) == 4
    replies = {str(r.body["message_reference"]["message_id"]): r.body for r in sent}
    refused = replies[ids[2]]
    assert refused["content"] == messages.TOO_MANY_QUESTIONS
    assert not refused.get("embeds") and not refused.get("components")
    for answered in (replies[ids[0]], replies[ids[1]], replies[other]):
        assert answered["embeds"], answered
    assert _opens_with(replies[other], assistant.ask("wat is screen flanders").passages[0])
    # The refused question was not answered, nor logged; the other user's was.
    logged = [(q.question, q.user_key) for q in store.questions()]
    spammer, other_user = store.user_key("discord", 42), store.user_key("discord", 7)
    assert logged == [
        (questions[0], spammer),
        (questions[1], spammer),
        ("wat is screen flanders", other_user),
    ]


def test_an_absurdly_long_mention_gets_a_clear_reply_and_is_not_logged(assistant, tmp_path):
    store = Store.open(tmp_path / "log.db")
    question = "subsidie " * 150  # fits in a Discord message (2,000), not in a question

    async def scenario():
        async with FakeDiscord() as fake, running(fake, assistant, store=store):
            await fake.mention(question)
            [sent] = await fake.wait_for("POST", "/channels/")
            await fake.mention("wat is vlaio")  # the bot goes on
            return sent, (await fake.wait_for("POST", "/channels/", 2))[1]

    sent, next_reply = run(scenario())
    length = len(" ".join(question.split()))
    assert length > MAX_QUESTION_CHARS
    expected = messages.QUESTION_TOO_LONG.format(length=length, limit=MAX_QUESTION_CHARS)
    assert sent.body["content"] == expected
    assert not sent.body.get("embeds") and not sent.body.get("components")
    assert next_reply.body["embeds"]
    assert [q.question for q in store.questions()] == ["wat is vlaio"]


def test_an_expired_or_unknown_button_says_so_to_the_presser_alone(assistant):
    presses = [
        "wegwijzer:meer:passage-die-niet-meer-bestaat",  # well formed, gone from the corpus
        "wegwijzer:oud:iets",  # a kind of button from an older version
        "wegwijzer:q:",  # a question button without its question
    ]

    async def scenario():
        async with FakeDiscord() as fake, running(fake, assistant):
            for custom_id in presses:
                await fake.press(custom_id)
            return await fake.wait_for("POST", "/interactions/", len(presses))

    callbacks = run(scenario())
    for callback in callbacks:
        assert callback.body["type"] == 4
        assert callback.body["data"]["content"] == messages.BUTTON_EXPIRED
        assert callback.body["data"]["flags"] == 64
        assert not callback.body["data"].get("embeds")


def test_thumbs_up_thanks_the_asker_and_reaches_the_store(assistant, tmp_path):
    store = Store.open(tmp_path / "log.db")

    async def scenario():
        async with FakeDiscord() as fake, running(fake, assistant, store=store):
            await fake.slash("vraag", _ask("wat is de winwinlening"))
            [answer] = await fake.wait_for("POST", "/interactions/")
            thumbs_up = next(i for i in _custom_ids(answer.body) if i.startswith("wegwijzer:fb:+"))
            await fake.press(thumbs_up)
            return (await fake.wait_for("POST", "/interactions/", 2))[1]

    thanks = run(scenario())
    assert thanks.body["data"]["content"] == messages.THANKS_UP
    assert thanks.body["data"]["flags"] == 64
    assert not _custom_ids(thanks.body)  # no reasons are asked for a 👍
    [question] = store.questions()
    [feedback] = store.feedback()
    assert (feedback.question_id, feedback.vote, feedback.reason) == (question.id, 1, None)
    assert feedback.passage_id == "winwinlening"


def test_a_suggested_question_button_asks_that_question(assistant, tmp_path):
    store = Store.open(tmp_path / "log.db")
    label, question = messages.TOPICS[0]
    expected = assistant.ask(question)  # as a new conversation gets it
    assert expected.answered  # an answered question, or the test proves little

    async def scenario():
        async with FakeDiscord() as fake, running(fake, assistant, store=store):
            await fake.slash("onderwerpen")
            [topics] = await fake.wait_for("POST", "/interactions/")
            [button] = [
                c
                for row in topics.body["data"]["components"]
                for c in row["components"]
                if c.get("label") == label
            ]
            await fake.press(button["custom_id"])
            return topics, (await fake.wait_for("POST", "/interactions/", 2))[1]

    topics, answer = run(scenario())
    assert topics.body["data"]["content"] == messages.TOPICS_INTRO
    assert topics.body["data"]["flags"] == 64
    assert answer.body["type"] == 4
    assert len(answer.body["data"]["embeds"]) == 1
    assert _opens_with(answer.body, expected.passages[0])
    assert [c.get("label") for c in _components(answer.body)] == _answer_labels(expected)
    assert not answer.body["data"].get("flags")  # a reliable answer is public
    assert any(i.startswith("wegwijzer:fb:+") for i in _custom_ids(answer.body))
    assert [q.question for q in store.questions()] == [question]


def test_answers_with_buttons_leave_no_view_state_in_the_client(long_answers, replies_in_parts):
    """The buttons are handled by the persistent dynamic item; each sent view is stopped, so
    the client keeps nothing per message and memory does not grow with every answer."""

    async def scenario():
        async with FakeDiscord() as fake, running(fake, long_answers) as bot:
            replies_in_parts(bot)
            await fake.slash("vraag", _ask(LONG_QUESTION))  # reply and follow-ups
            await fake.mention(LONG_QUESTION)  # channel messages
            await fake.slash("onderwerpen")  # an ephemeral choice
            await fake.wait_for("POST", "/interactions/", 2)
            await fake.wait_for("POST", "/webhooks/")
            await fake.wait_for("POST", "/channels/", 3)
            await asyncio.sleep(0.3)
            sent = fake.to("POST", "/")
            return sent, list(bot.persistent_views)

    sent, persistent = run(scenario())
    assert sum(1 for r in sent if _custom_ids(r.body)) >= 3  # buttons were sent
    assert persistent == []


@pytest.mark.parametrize("failure", START_FAILURES)
def test_a_failed_start_is_one_line_without_the_token(failure):
    async def scenario():
        async with FakeDiscord(reject_token=failure == "rejected") as fake:
            wrong = fake.api_url.replace("/api/v10", "/nergens")
            api = start_failure_url(failure, fake.api_url, wrong, "/api/v10")
            env = {"DISCORD_API_BASE_URL": api, "DISCORD_GATEWAY_URL": fake.gateway_url}
            return await run_to_exit("bots.discord", {"DISCORD_BOT_TOKEN": TOKEN, **env})

    assert_failed_start(*run(scenario()), TOKEN)
