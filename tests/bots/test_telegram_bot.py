"""End to end through python-telegram-bot's real networking, against a local fake Bot API."""

from __future__ import annotations

import asyncio
import dataclasses
import html
import json
import re
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from assistant import Assistant, messages
from assistant.core import MAX_QUESTION_CHARS
from assistant.models import Answer
from assistant.store import Store
from bots import layout as lay
from bots.actions import ShowPassage, Vote
from bots.ratelimit import RateLimiter
from bots.service import ChatService, Found
from bots.telegram import app as telegram_app
from bots.telegram.app import TelegramHandlers, build_application
from bots.telegram.main import main as telegram_main
from tests.bots.htmlcheck import check_telegram_html
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
from tests.fakes.flaky import FlakyAssistant
from tests.fakes.telegram_api import BOT_USERNAME, FakeTelegram

TOKEN = "123456:SECRET-test-token"
ROOT = Path(__file__).resolve().parents[2]
TEST_TIMEOUT = 60


def handlers(assistant, *, store: Store | None = None, **options) -> TelegramHandlers:
    """The bot's handlers around a service built as the entry point builds it."""
    return TelegramHandlers(ChatService(assistant, channel="telegram", log=store, **options))


def run(coroutine):
    """Run one test's coroutine with an overall time limit."""
    return asyncio.run(asyncio.wait_for(coroutine, TEST_TIMEOUT))


@asynccontextmanager
async def running(fake: FakeTelegram, bot: TelegramHandlers):
    application = build_application(TOKEN, bot, base_url=fake.base_url, max_retries=2)
    async with application:
        await application.post_init(application)
        await application.start()
        await application.updater.start_polling(poll_interval=0.0, timeout=1)
        try:
            yield application
        finally:
            await application.updater.stop()
            await application.stop()


def _inline_button(call: dict) -> dict:
    """The button above inline results (form-encoded requests carry it as JSON text)."""
    button = call["button"]
    return json.loads(button) if isinstance(button, str) else button


def _buttons(call: dict) -> list[dict]:
    return [b for row in call["reply_markup"]["inline_keyboard"] for b in row]


def escape(text: str) -> str:
    return html.escape(text, quote=False)


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


def _answer_labels(answer: Answer) -> list[str]:
    """The buttons under a reliable answer, in order."""
    also = [f"Ook relevant: {title}" for _, title in _also_relevant(answer)]
    return [messages.READ_WHOLE_PASSAGE, *also, "👍", "👎"]


def test_start_registers_commands_and_offers_example_questions(assistant):
    async def scenario():
        async with FakeTelegram() as fake, running(fake, handlers(assistant)):
            fake.command("/start")
            [sent] = await fake.wait_for("sendMessage")
            [commands] = fake.calls_to("setMyCommands")
        names = [c["command"] for c in commands["commands"]]
        assert names == ["start", "vraag", "onderwerpen", "over", "vergeet", "help"]
        assert "Wegwijzer" in sent["text"]
        assert [b["text"] for b in _buttons(sent)] == list(messages.DEFAULT_SUGGESTIONS)

    run(scenario())


def test_private_question_gets_escaped_html_with_source_link_and_keyboard(assistant):
    question = "Hoe bescherm ik mijn ideeën?"
    answer = assistant.ask(question)
    best = answer.passages[0]
    page = next(link for link in best.links if link.url != best.source.url)

    async def scenario():
        async with FakeTelegram() as fake, running(fake, handlers(assistant)):
            fake.private_message(question)
            [sent] = await fake.wait_for("sendMessage")
        assert sent["parse_mode"] == "HTML"
        assert sent["link_preview_options"]["is_disabled"] is True
        visible = check_telegram_html(sent["text"])
        assert visible.startswith(f"{best.snippet}\nBron: {best.source.publisher}: ")
        source = html.escape(best.source.url, quote=True)
        assert f'<i>Bron: <a href="{source}">' in sent["text"]
        assert f'➜ <a href="{html.escape(page.url, quote=True)}">' in sent["text"]
        assert [b["text"] for b in _buttons(sent)] == _answer_labels(answer)

    run(scenario())


def test_an_answer_opens_with_the_best_snippet_and_closes_with_the_caution(assistant):
    question = "wat is vlaio"
    answer = assistant.ask(question)
    snippet = answer.passages[0].snippet
    assert "&" in snippet  # so the escaping is seen

    async def scenario():
        async with FakeTelegram() as fake, running(fake, handlers(assistant)):
            fake.private_message(question)
            [sent] = await fake.wait_for("sendMessage")
        text = sent["text"]
        assert text.startswith(escape(snippet) + "\n<i>Bron: ")
        assert text.endswith(f"\n\n<i>{escape(messages.CAUTION)}</i>")
        assert answer.message not in check_telegram_html(text)  # no heading above the answer

    run(scenario())


def test_an_also_relevant_button_opens_that_passage_in_full(assistant):
    question = "wat is de winwinlening"
    offered = _also_relevant(assistant.ask(question))
    assert len(offered) == 3

    async def scenario():
        async with FakeTelegram() as fake, running(fake, handlers(assistant)):
            fake.private_message(question)
            [answer] = await fake.wait_for("sendMessage")
            for button in _buttons(answer):
                if button["text"].startswith(messages.ALSO_RELEVANT):
                    fake.button_press(button["callback_data"])
            return (await fake.wait_for("sendMessage", 4))[1:]

    shown = run(scenario())
    for sent, (pid, title) in zip(shown, offered, strict=True):
        full = assistant.full_passage(pid)
        assert sent["text"].startswith(f"<b>{escape(title)}</b>\n")
        assert escape(full.snippet) in sent["text"]
        check_telegram_html(sent["text"])


def test_which_one_did_you_mean_offers_both_and_logs_the_choice(assistant, tmp_path):
    store = Store.open(tmp_path / "log.db")
    question = "hoe bescherm ik de naam van mijn label"  # a trade name, or a trademark?
    first, second = assistant.ask(question).alternatives
    asked = messages.DID_YOU_MEAN.format(first=first.title, second=second.title)

    async def scenario():
        async with FakeTelegram() as fake, running(fake, handlers(assistant, store=store)):
            fake.private_message(question)
            [answer] = await fake.wait_for("sendMessage")
            [pick] = [b for b in _buttons(answer) if b["text"] == second.title]
            fake.button_press(pick["callback_data"])
            return answer, (await fake.wait_for("sendMessage", 2))[1]

    answer, shown = run(scenario())
    visible = check_telegram_html(answer["text"])
    assert visible.startswith(asked + "\n")  # the question first, then the first passage
    assert [b["text"] for b in _buttons(answer)][:2] == [first.title, second.title]
    assert shown["text"].startswith(f"<b>{escape(second.title)}</b>\n")
    assert_one_interest(store, second.id, "choice")


def test_read_the_whole_passage_opens_the_lead_passage_in_full(assistant):
    question = "Hoe bescherm ik mijn ideeën?"
    best = assistant.ask(question).passages[0]
    full = assistant.full_passage(best.id)
    assert len(full.snippet) > len(best.snippet)  # the whole text is more than the snippet

    async def scenario():
        async with FakeTelegram() as fake, running(fake, handlers(assistant)):
            fake.private_message(question)
            [answer] = await fake.wait_for("sendMessage")
            [whole] = [b for b in _buttons(answer) if b["text"] == messages.READ_WHOLE_PASSAGE]
            fake.button_press(whole["callback_data"])
            return (await fake.wait_for("sendMessage", 2))[1]

    shown = run(scenario())
    visible = check_telegram_html(shown["text"])
    assert visible.startswith(f"{best.title}\n{full.snippet}\n")


def test_group_messages_are_answered_only_when_addressed(assistant):
    async def scenario():
        async with FakeTelegram() as fake, running(fake, handlers(assistant)):
            fake.group_message("wat is de winwinlening")  # not for the bot
            fake.command(f"/vraag@{BOT_USERNAME} wat is vlaio", group=True)
            mention = f"@{BOT_USERNAME} wat is de winwinlening"
            entity = {"type": "mention", "offset": 0, "length": len(BOT_USERNAME) + 1}
            fake.group_message(mention, entities=[entity])
            chat = {"id": -100, "type": "supergroup", "title": "Makers"}
            fake.group_message("en screen flanders?", reply_to=fake.bot_message(chat))
            sent = await fake.wait_for("sendMessage", 3)
            await asyncio.sleep(0.3)
        assert len(fake.calls_to("sendMessage")) == 3
        assert "VLAIO" in sent[0]["text"]
        assert "Winwinlening" in sent[1]["text"]
        assert "Screen Flanders" in sent[2]["text"]

    run(scenario())


def test_buttons_show_a_passage_and_feedback_reaches_the_store(assistant, tmp_path):
    store = Store.open(tmp_path / "log.db")

    async def scenario():
        bot = handlers(assistant, store=store)
        async with FakeTelegram() as fake, running(fake, bot):
            fake.private_message("wat is de winwinlening")
            [answer] = await fake.wait_for("sendMessage")
            thumbs_up, thumbs_down = (
                next(b for b in _buttons(answer) if b["text"] == label) for label in ("👍", "👎")
            )
            fake.button_press("m:winwinlening-afsluiten")
            fake.button_press(thumbs_down["callback_data"])
            sent = await fake.wait_for("sendMessage", 3)  # answer, passage, reasons
            reason = next(b for b in _buttons(sent[2]) if b["text"] == "Verouderd")
            fake.button_press(reason["callback_data"])
            fake.button_press(thumbs_up["callback_data"])
            fake.button_press("q:verlopen")
            answered = await fake.wait_for("answerCallbackQuery", 5)
        return sent, answered

    sent, answered = run(scenario())
    assert "Een winwinlening afsluiten" in sent[1]["text"]
    assert answered[1]["text"] == messages.THANKS_DOWN
    assert answered[2]["text"] == messages.THANKS_REASON
    assert answered[3]["text"] == messages.THANKS_UP
    assert answered[4]["text"] == messages.BUTTON_EXPIRED
    [question] = store.questions()
    assert question.channel == "telegram" and question.question == "wat is de winwinlening"
    assert question.user_key == store.user_key("telegram", 42) != "42"  # a salted hash
    down, up = store.feedback()
    assert (down.question_id, down.vote, down.reason) == (question.id, -1, "verouderd")
    assert (up.question_id, up.vote, up.reason) == (question.id, 1, None)
    assert down.passage_id == "winwinlening"


def test_forged_and_foreign_button_presses_are_refused_politely(assistant, tmp_path):
    store = Store.open(tmp_path / "log.db")

    async def scenario():
        bot = handlers(assistant, store=store, limiter=RateLimiter(100, 60.0))
        async with FakeTelegram() as fake, running(fake, bot):
            fake.private_message("wat is de winwinlening", user_id=42)
            [answer] = await fake.wait_for("sendMessage")
            thumbs_up = next(b for b in _buttons(answer) if b["text"] == "👍")
            key = thumbs_up["callback_data"].split(":", 1)[1][2:]
            fake.button_press(f"q:{key}", user_id=42)  # a feedback reference as a question
            fake.button_press(f"r:{key}:fout", user_id=42)  # ... and as a reason
            fake.button_press(thumbs_up["callback_data"], user_id=7)  # someone else's vote
            return await fake.wait_for("answerCallbackQuery", 3)

    answered = run(scenario())
    assert [a["text"] for a in answered] == [
        messages.BUTTON_EXPIRED,
        messages.BUTTON_EXPIRED,
        messages.NOT_YOUR_BUTTON,
    ]
    assert store.feedback() == []


def test_inline_queries_are_rate_limited_like_questions(assistant):
    async def scenario():
        bot = handlers(assistant, limiter=RateLimiter(1, 60.0))
        async with FakeTelegram() as fake, running(fake, bot):
            fake.inline_query("winwinlening")
            fake.inline_query("winwinlening")
            return await fake.wait_for("answerInlineQuery", 2)

    first, second = run(scenario())
    assert first["results"] and not second["results"]
    assert "button" not in first
    # The refusal says why, above the empty results, and is neither cached nor shared.
    assert _inline_button(second)["text"] == messages.TOO_MANY_QUESTIONS[:63] + "…"
    assert int(second["cache_time"]) == 0 and second["is_personal"] in (True, "true")


def test_vergeet_deletes_the_users_questions(assistant, tmp_path):
    store = Store.open(tmp_path / "log.db")

    async def scenario():
        async with FakeTelegram() as fake, running(fake, handlers(assistant, store=store)):
            fake.private_message("wat is vlaio", user_id=42)
            fake.private_message("wat is pmv", user_id=7)
            await fake.wait_for("sendMessage", 2)
            fake.command("/vergeet", user_id=42)
            return (await fake.wait_for("sendMessage", 3))[2]

    reply = run(scenario())
    assert reply["text"] == messages.forgotten(1)
    assert reply["text"].startswith("Gewist: 1 vraag en je reacties daarop.")
    assert [q.question for q in store.questions()] == ["wat is pmv"]


def test_vergeet_on_a_locked_log_says_nothing_was_forgotten(assistant, tmp_path):
    import sqlite3

    path = tmp_path / "log.db"
    store = Store.open(path)

    async def scenario():
        async with FakeTelegram() as fake, running(fake, handlers(assistant, store=store)):
            fake.private_message("wat is vlaio", user_id=42)
            await fake.wait_for("sendMessage", 1)
            locker = sqlite3.connect(path, isolation_level=None)
            locker.execute("BEGIN EXCLUSIVE")
            try:
                fake.command("/vergeet", user_id=42)
                return (await fake.wait_for("sendMessage", 2))[1]
            finally:
                locker.execute("ROLLBACK")
                locker.close()

    reply = run(scenario())
    assert reply["text"] == messages.FORGET_FAILED
    assert [q.question for q in store.questions()] == ["wat is vlaio"]


def test_a_follow_up_is_answered_in_the_chats_context(assistant):
    async def scenario():
        async with FakeTelegram() as fake, running(fake, handlers(assistant)):
            fake.private_message("Wat is de winwinlening?")
            await fake.wait_for("sendMessage")
            fake.private_message("en hoeveel kan ik daarmee lenen?")
            return (await fake.wait_for("sendMessage", 2))[1]

    follow_up = run(scenario())
    assert "vervolg op «Winwinlening»" in follow_up["text"]
    assert "300.000" in follow_up["text"]


def test_inline_query_offers_up_to_ten_results(assistant):
    async def scenario():
        async with FakeTelegram() as fake, running(fake, handlers(assistant)):
            fake.inline_query("winwinlening")
            fake.inline_query("recept voor lasagne")
            calls = await fake.wait_for("answerInlineQuery", 2)
        results = calls[0]["results"]
        assert 1 <= len(results) <= 10
        assert results[0]["id"] == "winwinlening"
        assert int(calls[0]["cache_time"]) == 30
        assert calls[1]["results"] == []
        assert _inline_button(calls[1]) == {
            "text": messages.NO_INLINE_RESULTS,
            "start_parameter": "inline",
        }

    run(scenario())


def test_a_corpus_with_long_passage_ids_gets_its_buttons_and_inline_results(tmp_path):
    long_id = "winwinlening-" + "-".join(["voorwaarden"] * 5)  # a valid id of 72 characters
    assert len(long_id) > 64
    files = {
        "lenen.yaml": [
            passage("winwinlening", title="Winwinlening", related=[long_id]),
            passage(long_id, title="Voorwaarden van de winwinlening"),
        ]
    }
    assistant = Assistant.from_directory(write_corpus(tmp_path / "corpus", files))

    async def scenario():
        async with FakeTelegram() as fake, running(fake, handlers(assistant)):
            fake.inline_query("winwinlening")
            [inline] = await fake.wait_for("answerInlineQuery")
            fake.button_press("m:winwinlening")
            [shown] = await fake.wait_for("sendMessage")
            [more] = [b for b in _buttons(shown) if b["text"].startswith("Meer over")]
            fake.button_press(more["callback_data"])
            return inline, (await fake.wait_for("sendMessage", 2))[1]

    inline, opened = run(scenario())
    assert len(inline["results"]) == 2  # accepted: no result id over 64 bytes
    assert "Voorwaarden van de winwinlening" in opened["text"]


def test_flood_control_429_is_retried_and_the_reply_arrives(assistant):
    async def scenario():
        async with FakeTelegram() as fake, running(fake, handlers(assistant)):
            fake.fail_next["sendMessage"] = [1]
            fake.private_message("wat is vlaio")
            sent = await fake.wait_for("sendMessage", 2)
        assert sent[0]["text"] == sent[1]["text"]

    run(scenario())


def test_a_long_list_of_passages_is_split_cleanly(assistant, monkeypatch):
    """No answer needs splitting any more (one lead; the other passages are titles on
    buttons), but a list of passages still does (`Found`, what inline search finds). The bot
    is made to reply with ten passages as such a list, carrying an answer's buttons, so that
    its reply must go out in several messages."""
    passages = assistant.ask("subsidie voor een project van een kunstenaar", top_k=10).passages
    assert len(passages) == 10
    first = passages[0].id
    actions = (
        ShowPassage(first, messages.READ_WHOLE_PASSAGE),
        *(Vote(up, first, None, "seal") for up in (True, False)),
    )

    def with_buttons(outcome):
        shown = lay.layout(outcome)
        return dataclasses.replace(shown, actions=actions) if isinstance(outcome, Found) else shown

    monkeypatch.setattr(telegram_app, "layout", with_buttons)
    bot = handlers(assistant)
    bot.service.ask = lambda chat, user, question: Found(passages)

    async def scenario():
        async with FakeTelegram() as fake, running(fake, bot):
            fake.private_message("subsidie voor een project van een kunstenaar")
            await fake.wait_for("sendMessage", 2)
            await asyncio.sleep(0.3)
            return fake.calls_to("sendMessage")

    sent = run(scenario())
    assert len(sent) >= 2
    for call in sent:
        assert len(call["text"]) <= 4096
        check_telegram_html(call["text"])
    # No passage is dropped or repeated: all arrive, in order, across the messages.
    titles = [t for call in sent for t in re.findall(r"^<b>(.*)</b>$", call["text"], re.M)]
    assert titles == [escape(p.title) for p in passages]
    assert "reply_markup" in sent[-1] and not any("reply_markup" in c for c in sent[:-1])
    assert [b["text"] for b in _buttons(sent[-1])] == [messages.READ_WHOLE_PASSAGE, "👍", "👎"]


def test_markup_ampersand_and_emoji_in_a_question(assistant):
    async def scenario():
        async with FakeTelegram() as fake, running(fake, handlers(assistant)):
            fake.private_message("<b>winwinlening</b> & 🎨 hoeveel?")
            [sent] = await fake.wait_for("sendMessage")
        visible = check_telegram_html(sent["text"])
        assert "Winwinlening" in visible

    run(scenario())


def test_out_of_domain_question_gets_an_honest_reply_and_the_desk(assistant):
    async def scenario():
        async with FakeTelegram() as fake, running(fake, handlers(assistant)):
            fake.private_message("recept voor stoofvlees met friet")
            [sent] = await fake.wait_for("sendMessage")
        assert "geen betrouwbaar antwoord" in sent["text"]
        buttons = _buttons(sent)
        assert buttons[-1]["url"] == "https://www.cultuurloket.be"
        assert all(b.get("callback_data", "q:").startswith("q:") for b in buttons)

    run(scenario())


def test_rate_limit_answers_politely(assistant):
    async def scenario():
        bot = handlers(assistant, limiter=RateLimiter(2, 60.0))
        async with FakeTelegram() as fake, running(fake, bot):
            for _ in range(3):
                fake.private_message("wat is vlaio")
            sent = await fake.wait_for("sendMessage", 3)
        assert sent[2]["text"] == messages.TOO_MANY_QUESTIONS

    run(scenario())


def test_a_failing_update_is_apologised_for_and_the_bot_goes_on(assistant):
    async def scenario():
        async with FakeTelegram() as fake, running(fake, handlers(FlakyAssistant(assistant))):
            fake.private_message("wat is vlaio")
            fake.private_message("wat is vlaio")
            sent = await fake.wait_for("sendMessage", 2)
        assert sent[0]["text"] == messages.SOMETHING_WENT_WRONG
        assert "VLAIO" in sent[1]["text"]

    run(scenario())


def test_help_explains_how_to_ask_in_a_chat_and_in_a_group(assistant):
    async def scenario():
        async with FakeTelegram() as fake, running(fake, handlers(assistant)):
            fake.command("/help")
            [sent] = await fake.wait_for("sendMessage")
        assert check_telegram_html(sent["text"]) == f"{messages.HELP}\n{messages.HELP_GROUP}"
        assert "&lt;je vraag&gt;" in sent["text"]  # "/vraag <je vraag>" escaped, not a tag
        # Every command but /start (which the user has seen), in Dutch words only.
        assert all(f"/{name}" in sent["text"] for name in messages.COMMANDS if name != "start")
        assert "reply" not in sent["text"]
        assert "als je antwoordt op een bericht van mij" in sent["text"]
        assert "reply_markup" not in sent

    run(scenario())


def test_an_unknown_command_lists_the_commands_in_a_chat_and_when_named_in_a_group(assistant):
    async def scenario():
        async with FakeTelegram() as fake, running(fake, handlers(assistant)):
            fake.command("/stop")
            fake.command("/vraagje wat is sabam")
            fake.command("/menu", group=True)  # perhaps another bot's command: not for us
            fake.command("/menu@some_other_bot", group=True)
            fake.command(f"/menu@{BOT_USERNAME}", group=True)
            fake.command(f"/vraag@{BOT_USERNAME} wat is vlaio", group=True)
            sent = await fake.wait_for("sendMessage", 4)
            await asyncio.sleep(0.3)  # nothing more comes
        assert len(fake.calls_to("sendMessage")) == 4
        unknown = [s for s in sent if check_telegram_html(s["text"]) == messages.UNKNOWN_COMMAND]
        assert [int(s["chat_id"]) for s in unknown] == [42, 42, -100]
        assert "/vraag" in messages.UNKNOWN_COMMAND and "/help" in messages.UNKNOWN_COMMAND
        assert "VLAIO" in sent[3]["text"]  # a known command still answers

    run(scenario())


def test_over_says_what_wegwijzer_is_and_how_current_it_is(assistant):
    async def scenario():
        async with FakeTelegram() as fake, running(fake, handlers(assistant)):
            fake.command("/over")
            [sent] = await fake.wait_for("sendMessage")
        expected = messages.ABOUT.format(
            count=len(assistant.passages), latest=assistant.latest_check
        )
        assert check_telegram_html(sent["text"]) == expected
        assert "reply_markup" not in sent

    run(scenario())


def test_onderwerpen_offers_the_topics_and_a_topic_asks_its_question(assistant, tmp_path):
    store = Store.open(tmp_path / "log.db")
    label, question = messages.TOPICS[0]
    expected = assistant.ask(question)  # as a new chat gets it
    assert expected.answered  # an answered question, or the test proves little

    async def scenario():
        async with FakeTelegram() as fake, running(fake, handlers(assistant, store=store)):
            fake.command("/onderwerpen")
            [topics] = await fake.wait_for("sendMessage")
            [button] = [b for b in _buttons(topics) if b["text"] == label]
            fake.button_press(button["callback_data"])
            [pressed] = await fake.wait_for("answerCallbackQuery")
            return topics, pressed, (await fake.wait_for("sendMessage", 2))[1]

    topics, pressed, answer = run(scenario())
    assert check_telegram_html(topics["text"]) == messages.TOPICS_INTRO
    assert [b["text"] for b in _buttons(topics)] == [label for label, _ in messages.TOPICS]
    assert all(b["callback_data"].startswith("q:") for b in _buttons(topics))
    assert "text" not in pressed  # the answer comes as a message, not as a notification
    assert answer["text"].startswith(escape(expected.passages[0].snippet) + "\n")
    assert [b["text"] for b in _buttons(answer)] == _answer_labels(expected)
    assert [q.question for q in store.questions()] == [question]


def test_a_suggested_question_button_asks_that_question(assistant, tmp_path):
    store = Store.open(tmp_path / "log.db")
    suggestion = messages.DEFAULT_SUGGESTIONS[1]
    expected = assistant.ask(suggestion)  # as a new chat gets it
    assert expected.answered

    async def scenario():
        async with FakeTelegram() as fake, running(fake, handlers(assistant, store=store)):
            fake.command("/start")
            [welcome] = await fake.wait_for("sendMessage")
            [button] = [b for b in _buttons(welcome) if b["text"] == suggestion]
            fake.button_press(button["callback_data"])
            return (await fake.wait_for("sendMessage", 2))[1]

    answer = run(scenario())
    check_telegram_html(answer["text"])
    assert answer["text"].startswith(escape(expected.passages[0].snippet) + "\n")
    assert [b["text"] for b in _buttons(answer)] == _answer_labels(expected)  # like any other
    [logged] = store.questions()
    assert (logged.question, logged.user_key) == (suggestion, store.user_key("telegram", 42))


def test_vraag_without_a_question_says_how_to_ask(assistant, tmp_path):
    store = Store.open(tmp_path / "log.db")

    async def scenario():
        async with FakeTelegram() as fake, running(fake, handlers(assistant, store=store)):
            fake.command("/vraag")
            fake.command(f"/vraag@{BOT_USERNAME}", group=True)
            return await fake.wait_for("sendMessage", 2)

    for sent in run(scenario()):
        assert check_telegram_html(sent["text"]) == messages.ASK_SOMETHING
        assert "reply_markup" not in sent
    assert store.questions() == []


def test_a_too_long_question_is_explained_in_a_chat_and_in_a_group_reply(assistant, tmp_path):
    store = Store.open(tmp_path / "log.db")
    question = "subsidie " * 150  # fits in a Telegram message (4,096), not in a question
    length = len(" ".join(question.split()))
    assert length > MAX_QUESTION_CHARS
    expected = messages.QUESTION_TOO_LONG.format(length=length, limit=MAX_QUESTION_CHARS)

    async def scenario():
        async with FakeTelegram() as fake, running(fake, handlers(assistant, store=store)):
            fake.private_message(question)
            chat = {"id": -100, "type": "supergroup", "title": "Makers"}
            fake.group_message(question, reply_to=fake.bot_message(chat))
            refused = await fake.wait_for("sendMessage", 2)
            fake.private_message("wat is vlaio")  # the bot goes on
            return refused, (await fake.wait_for("sendMessage", 3))[2]

    refused, answer = run(scenario())
    assert sorted(int(sent["chat_id"]) for sent in refused) == [-100, 42]
    for sent in refused:
        assert check_telegram_html(sent["text"]) == expected
        assert "reply_markup" not in sent
    assert "VLAIO" in answer["text"]
    assert [q.question for q in store.questions()] == ["wat is vlaio"]


def test_an_empty_inline_query_gets_no_results_and_no_error(assistant):
    """Telegram sends an inline query with an empty text as soon as `@bot ` is typed: the
    core refuses it (QuestionError "empty"), the bot answers it with no results. (A too long
    inline query cannot happen: Telegram cuts inline queries at 256 characters.)"""

    async def scenario():
        async with FakeTelegram() as fake, running(fake, handlers(assistant)):
            fake.inline_query("")
            first = (await fake.wait_for("answerInlineQuery"))[0]
            fake.inline_query("winwinlening")
            second = (await fake.wait_for("answerInlineQuery", 2))[1]
            await asyncio.sleep(0.2)
            return first, second, fake.calls_to("sendMessage")

    empty, answered, apologies = run(scenario())
    assert empty["results"] == []
    assert answered["results"] and answered["results"][0]["id"] == "winwinlening"
    assert apologies == []


def test_missing_token_exits_with_a_clear_message(capsys):
    assert telegram_main({}) == 2
    assert "TELEGRAM_BOT_TOKEN" in capsys.readouterr().err


def test_entry_point_runs_against_the_fake_and_stops_on_sigterm():
    async def scenario():
        async with FakeTelegram() as fake:
            process = await start_bot(
                "bots.telegram",
                {
                    "TELEGRAM_BOT_TOKEN": TOKEN,
                    "TELEGRAM_API_BASE_URL": fake.base_url,
                    "NO_PROXY": "127.0.0.1",
                },
            )
            try:
                await fake.wait_for("setMyCommands", timeout=30)
                await fake.wait_for("getUpdates", timeout=30)
                fake.private_message("wat is de winwinlening")
                [sent] = await fake.wait_for("sendMessage", timeout=30)
            finally:
                stderr = await stop_bot(process)
        assert "Winwinlening" in sent["text"]
        assert process.returncode == 0
        assert TOKEN not in stderr

    run(scenario())


@pytest.mark.parametrize("failure", START_FAILURES)
def test_a_failed_start_is_one_line_without_the_token(failure):
    async def scenario():
        async with FakeTelegram(reject_token=failure == "rejected") as fake:
            wrong = fake.base_url.replace("/bot", "/nergens/bot")
            base_url = start_failure_url(failure, fake.base_url, wrong, "/bot")
            env = {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": base_url}
            return await run_to_exit("bots.telegram", {**env, "NO_PROXY": "127.0.0.1"})

    assert_failed_start(*run(scenario()), TOKEN)
