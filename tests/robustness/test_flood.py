"""A flood of Telegram updates: questions from many users, forged button data, inline queries.
Every update is answered once, none with an apology, and memory stays within its bounds."""

import random

from assistant import messages
from assistant.conversation import Conversations
from bots.ratelimit import RateLimiter
from bots.refs import RefStore
from bots.service import ChatService
from bots.telegram.app import TelegramHandlers
from tests.bots.conftest import _no_proxy  # noqa: F401 (an autouse fixture)
from tests.bots.test_telegram_bot import run, running
from tests.fakes.telegram_api import FakeTelegram

QUESTIONS = ["wat is de winwinlening", "hoeveel btw op een schilderij", "<b>hallo</b> & co"]
QUESTIONS += ["recept voor stoofvlees", "sabam lid worden", "ideeën beschermen \u202e", "x" * 1500]


def test_a_flood_of_updates_is_answered_once_each_within_bounded_memory(assistant):
    rng = random.Random(7)
    users, per_user, presses, inline = 30, 8, 150, 50
    service = ChatService(assistant, channel="telegram", limiter=RateLimiter(10, 60.0))
    bot = TelegramHandlers(service, refs=RefStore(capacity=200))
    bot.service.conversations = Conversations(bot.service.conversations._factory, max_chats=20)

    async def scenario():
        async with FakeTelegram() as fake, running(fake, bot):
            for i in range(users * per_user):
                fake.private_message(rng.choice(QUESTIONS), user_id=1_000 + i % users)
            for _ in range(presses):
                data = rng.choice(["q:", "f:+", "r:", "m:", "", "zz:"]) + "".join(
                    rng.choice("abcXYZ09:-_+") for _ in range(rng.randint(0, 60))
                )
                fake.button_press(data, user_id=rng.randint(1, 5))
            for i in range(inline):
                fake.inline_query(rng.choice(QUESTIONS), user_id=2_000 + i)
            await fake.wait_for("answerCallbackQuery", presses, timeout=90)
            await fake.wait_for("answerInlineQuery", inline, timeout=90)
            replies = await fake.wait_for("sendMessage", users * per_user, timeout=90)
            return replies, fake.calls_to("sendMessage")

    replies, every_reply = run(scenario())
    texts = [r["text"] for r in every_reply]
    assert len(replies) >= users * per_user
    assert not any(messages.SOMETHING_WENT_WRONG in t for t in texts)  # crashes: 0
    assert len(bot.refs) <= 200 and len(bot.service.conversations) <= 20
