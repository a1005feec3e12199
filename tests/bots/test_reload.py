"""Reloading the corpus of a running bot: on SIGHUP, on changed files, never onto a broken one."""

from __future__ import annotations

import asyncio
import logging
import os
import re
import signal

import pytest

from assistant import Assistant, messages
from bots.reload import CorpusReloader
from bots.service import ChatService, Replied
from tests.bots.process import line_with, start_bot, stop_bot
from tests.conftest import passage, write_corpus
from tests.fakes.telegram_api import FakeTelegram

TOKEN = "123456:SECRET-reload-token"
NEW_QUESTION = "wat is het cultuurkrediet"
NEW_PASSAGE = passage(
    "cultuurkrediet",
    title="CultuurKrediet",
    text=(
        "Het CultuurKrediet is een lening voor ondernemers in de culturele en creatieve "
        "sectoren. Hefboom beoordeelt de aanvraag en volgt het krediet op. Je vraagt het "
        "CultuurKrediet aan met een ondernemingsplan en een financieel plan voor je project."
    ),
    questions=["wat is het cultuurkrediet", "wie geeft het cultuurkrediet"],
)


@pytest.fixture
def corpus(tmp_path):
    return write_corpus(tmp_path / "corpus", {"lenen.yaml": [passage("winwinlening")]})


def _add_passage(corpus) -> None:
    write_corpus(corpus, {"nieuw.yaml": [NEW_PASSAGE]})


def _answered(service: ChatService, question: str) -> bool:
    outcome = service.ask("chat", 1, question)
    return isinstance(outcome, Replied) and outcome.answer.answered


def test_a_reload_swaps_in_the_new_corpus_and_keeps_the_conversations(corpus):
    service = ChatService(Assistant.from_directory(corpus), channel="telegram")
    assert _answered(service, "wat is de winwinlening")
    assert not _answered(service, NEW_QUESTION)
    conversation = service.conversations.get(("chat", 1))
    _add_passage(corpus)

    assert asyncio.run(CorpusReloader(service, corpus).reload())
    assert _answered(service, NEW_QUESTION)
    # The same conversation object, now answering from the new corpus.
    assert service.conversations.get(("chat", 1)) is conversation
    assert conversation.assistant is service.assistant


def test_a_broken_corpus_leaves_the_old_one_serving_and_names_the_problem(corpus, caplog):
    service = ChatService(Assistant.from_directory(corpus), channel="telegram")
    before = service.assistant
    (corpus / "kapot.yaml").write_text("- id: kapot\n  title: [unclosed\n", encoding="utf-8")

    with caplog.at_level(logging.ERROR, logger="bots.reload"):
        assert not asyncio.run(CorpusReloader(service, corpus).reload())
    assert service.assistant is before
    assert _answered(service, "wat is de winwinlening")
    summary, problem = (r.getMessage() for r in caplog.records)
    assert "previous one keeps serving; 1 problem(s)" in summary
    assert "kapot.yaml" in problem


def test_watch_reloads_when_a_file_changes_and_only_then(corpus):
    service = ChatService(Assistant.from_directory(corpus), channel="telegram")
    reloader = CorpusReloader(service, corpus)

    async def scenario() -> tuple[object, object]:
        watching = asyncio.create_task(reloader.watch(0.02))
        await asyncio.sleep(0.2)
        unchanged = service.assistant  # nothing changed: no reload
        _add_passage(corpus)
        for _ in range(200):  # bounded: at most about 4 s
            await asyncio.sleep(0.02)
            if service.assistant is not unchanged:
                break
        watching.cancel()
        return unchanged, service.assistant

    first = service.assistant
    unchanged, after = asyncio.run(scenario())
    assert unchanged is first
    assert after is not first
    assert _answered(service, NEW_QUESTION)


@pytest.mark.e2e
def test_a_running_bot_reloads_on_sighup_and_keeps_serving_on_a_broken_corpus(corpus):
    async def ask(fake: FakeTelegram, question: str, count: int) -> str:
        fake.private_message(question)
        sent = await fake.wait_for("sendMessage", count, timeout=30)
        return sent[-1]["text"]

    async def scenario():
        async with FakeTelegram() as fake:
            process = await start_bot(
                "bots.telegram",
                {
                    "TELEGRAM_BOT_TOKEN": TOKEN,
                    "TELEGRAM_API_BASE_URL": fake.base_url,
                    "WEGWIJZER_CORPUS": str(corpus),
                    "WEGWIJZER_DB": "off",
                    "NO_PROXY": "127.0.0.1",
                },
            )
            try:
                await fake.wait_for("getUpdates", timeout=30)
                checked = [await line_with(process.stderr, "doctor: ") for _ in range(2)]
                before = await ask(fake, NEW_QUESTION, 1)
                _add_passage(corpus)
                os.kill(process.pid, signal.SIGHUP)
                await line_with(process.stderr, "corpus reloaded")
                after = await ask(fake, NEW_QUESTION, 2)
                (corpus / "kapot.yaml").write_text("- id: [unclosed\n", encoding="utf-8")
                os.kill(process.pid, signal.SIGHUP)
                await line_with(process.stderr, "corpus not reloaded")
                refused = await line_with(process.stderr, "corpus problem")
                still = await ask(fake, NEW_QUESTION, 3)
            finally:
                stderr = await stop_bot(process)
        return checked, before, after, refused, still, stderr, process.returncode

    checked, before, after, refused, still, stderr, code = asyncio.run(scenario())
    assert messages.NOT_ANSWERED.split(".")[0] in before
    assert "CultuurKrediet" in after and NEW_PASSAGE["text"][:40] in after
    assert "kapot.yaml" in refused
    assert still == after  # the previous corpus keeps answering
    assert code == 0 and TOKEN not in stderr and "Traceback" not in stderr
    # At start-up the bot ran the doctor's own checks and logged them, one line each.
    assert re.search(r"doctor: ok +corpus: 1 passages from ", checked[0])
    assert re.search(r"doctor: ok +log: ", checked[1])


def test_a_reload_writes_the_new_index_to_the_cache_the_next_start_reads(corpus, tmp_path):
    from assistant import cache as cache_file

    cache = tmp_path / "cache" / "index.npz"
    service = ChatService(cache_file.load(corpus, cache), channel="telegram")
    _add_passage(corpus)
    assert cache_file.read(corpus, cache) is None  # the corpus changed: the old cache is out
    assert asyncio.run(CorpusReloader(service, corpus, cache).reload())
    restarted = cache_file.read(corpus, cache)
    assert restarted is not None and len(restarted.passages) == len(service.assistant.passages)
    assert _answered(ChatService(restarted, channel="telegram"), NEW_QUESTION)
