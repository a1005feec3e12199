"""The fake Telegram and Discord APIs refuse what the real ones refuse, with the real errors.

Requests go to the fakes as the libraries send them (form fields with JSON inside for Telegram,
JSON for Discord), and a few through python-telegram-bot and discord.py themselves, to show that
the libraries raise their usual exceptions with the real message.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import aiohttp
import discord
import pytest
import telegram
from discord.http import HTTPClient, Route

from tests.fakes.discord_api import CHANNEL_ID, FakeDiscord
from tests.fakes.telegram_api import FakeTelegram

TIMEOUT = 30
TG_TOKEN = "123456:SECRET-test-token"
DC_TOKEN = "MTAx.secret-discord.test-token"
CANT_PARSE = "Bad Request: can't parse entities: "
NOT_A_BUTTON = (
    "Bad Request: can't parse inline keyboard button: "
    "Text buttons are unallowed in the inline keyboard"
)
EVERY_TAG = (
    "<b>b</b> <strong>s</strong> <i>i</i> <em>e</em> <u>u</u> <ins>i</ins> <s>s</s> "
    '<strike>s</strike> <del>d</del> <span class="tg-spoiler">x</span> <tg-spoiler>x</tg-spoiler> '
    '<a href="https://example.org/?a=1&amp;b=2">link</a> <code>c</code> '
    '<pre><code class="language-python">p</code></pre> <blockquote>q</blockquote> '
    '<blockquote expandable>q</blockquote> <tg-emoji emoji-id="5368324170671202286">👍</tg-emoji> '
    "&lt;&gt;&amp;&quot;&#39;&#x1F600;"
)


@pytest.fixture
def _discord_base():
    base = Route.BASE
    yield
    Route.BASE = base


def run(coroutine):
    return asyncio.run(asyncio.wait_for(coroutine, TIMEOUT))


async def post(
    url: str, *, data: Any = None, json_body: Any = None, method: str = "POST"
) -> tuple[int, Any]:
    """Send a request to a fake (bounded); the status and the decoded JSON answer."""
    timeout = aiohttp.ClientTimeout(total=10)
    async with (
        aiohttp.ClientSession(timeout=timeout) as session,
        session.request(method, url, data=data, json=json_body) as response,
    ):
        return response.status, await response.json()


async def bot_api(fake: FakeTelegram, method: str, **params: Any) -> tuple[int, Any]:
    """Call the fake Bot API as python-telegram-bot does: form fields, JSON inside non-strings."""
    form = {k: v if isinstance(v, str) else json.dumps(v) for k, v in params.items()}
    return await post(f"{fake.base_url}{TG_TOKEN}/{method}", data=form)


async def telegram_error(method: str, **params: Any) -> str | None:
    """The description the fake answers `method` with, or None if it accepted the call."""
    async with FakeTelegram() as fake:
        status, answer = await bot_api(fake, method, **params)
    assert (status == 200) == answer["ok"]
    assert status == 200 or answer["error_code"] == status == 400
    return None if answer["ok"] else answer["description"]


def keyboard(*buttons: dict) -> dict:
    return {"inline_keyboard": [list(buttons)]}


def article(result_id: str = "1", text: str = "antwoord") -> dict:
    content = {"message_text": text, "parse_mode": "HTML"}
    return {"type": "article", "id": result_id, "title": "t", "input_message_content": content}


# --- Telegram ---------------------------------------------------------------------------------


def test_telegram_accepts_every_supported_tag_and_text_at_the_limit():
    async def scenario():
        async with FakeTelegram() as fake:
            for text in (EVERY_TAG, f"<b>{'x' * 4095}</b>&amp;", "é" * 4096, "Tom & Jerry"):
                status, answer = await bot_api(
                    fake, "sendMessage", chat_id="42", text=text, parse_mode="HTML"
                )
                assert (status, answer["ok"]) == (200, True), answer
            return fake.calls_to("sendMessage"), fake.rejected

    sent, rejected = run(scenario())
    assert len(sent) == 4 and rejected == []


def test_telegram_like_the_real_api_accepts_a_bare_ampersand_and_a_link_without_href():
    # tdlib keeps an undecodable "&" as text and drops a link without href; it does not refuse.
    for text in ("R&D &nbsp; &unknown;", "<a>zonder href</a>"):
        assert (
            run(telegram_error("sendMessage", chat_id="42", text=text, parse_mode="HTML")) is None
        )


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("", "Bad Request: message text is empty"),
        ("   \n", "Bad Request: text must be non-empty"),
        ("<b> </b>", "Bad Request: text must be non-empty"),
        ("x" * 4097, "Bad Request: message is too long"),
        (f"<b>{'é' * 4097}</b>", "Bad Request: message is too long"),
    ],
)
def test_telegram_refuses_empty_and_too_long_messages(text, description):
    params = {"chat_id": "42", "text": text, "parse_mode": "HTML"}
    assert run(telegram_error("sendMessage", **params)) == description


def test_telegram_refuses_a_too_long_edit_with_the_servers_error():
    params = {"chat_id": "42", "message_id": "7", "text": "x" * 4097}
    assert run(telegram_error("editMessageText", **params)) == "Bad Request: MESSAGE_TOO_LONG"


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("<b>vet", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'),
        ("é<i>x</b>", 'Unmatched end tag at byte offset 6, expected "</i>", found "</b>"'),
        ("<script>x</script>", 'Unsupported start tag "script" at byte offset 0'),
        ("<br>regel", 'Unsupported start tag "br" at byte offset 0'),
        ("1 < 2", 'Unsupported start tag "" at byte offset 2'),
        ("a<b", "Unclosed start tag at byte offset 1"),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        ("<a href=https://x.be>x</a>", "Unexpected end of name token at byte offset 8"),
        ('<tg-emoji emoji-id="0">x</tg-emoji>', "Invalid custom emoji identifier specified"),
    ],
)
def test_telegram_refuses_malformed_html_with_tdlibs_reason(html, reason):
    for method, extra in (("sendMessage", {}), ("editMessageText", {"message_id": "7"})):
        params = {"chat_id": "42", "text": html, "parse_mode": "HTML", **extra}
        assert run(telegram_error(method, **params)) == CANT_PARSE + reason


def test_telegram_does_not_parse_text_sent_without_parse_mode():
    assert run(telegram_error("sendMessage", chat_id="42", text="<b>1 < 2")) is None


@pytest.mark.parametrize(
    ("button", "description"),
    [
        ({"text": "b", "callback_data": "é" * 32 + "x"}, "Bad Request: BUTTON_DATA_INVALID"),
        ({"text": "b", "callback_data": ""}, NOT_A_BUTTON),
        ({"text": "b"}, NOT_A_BUTTON),
        (
            {"callback_data": "x"},
            "Bad Request: can't parse inline keyboard button: Can't find field \"text\"",
        ),
        ({"text": "", "callback_data": "x"}, "Bad Request: BUTTON_TEXT_INVALID"),
    ],
    ids=["data-65-bytes", "data-empty", "no-action", "no-text", "text-empty"],
)
def test_telegram_refuses_bad_inline_keyboard_buttons(button, description):
    for method, extra in (("sendMessage", {}), ("editMessageText", {"message_id": "7"})):
        params = {"chat_id": "42", "text": "ok", "reply_markup": keyboard(button), **extra}
        assert run(telegram_error(method, **params)) == description


def test_telegram_accepts_64_bytes_of_callback_data_and_a_url_button():
    markup = keyboard(
        {"text": "a", "callback_data": "é" * 32}, {"text": "b", "url": "https://x.be"}
    )
    assert run(telegram_error("sendMessage", chat_id="42", text="ok", reply_markup=markup)) is None


def test_telegram_refuses_a_callback_answer_over_200_characters():
    assert run(telegram_error("answerCallbackQuery", callback_query_id="1", text="x" * 200)) is None
    description = run(telegram_error("answerCallbackQuery", callback_query_id="1", text="x" * 201))
    assert description == "Bad Request: MESSAGE_TOO_LONG"


@pytest.mark.parametrize(
    ("results", "description"),
    [
        (
            [article(str(i)) for i in range(51)],
            "Bad Request: too many inline query results specified",
        ),
        ([article("a"), article("a")], "Bad Request: RESULT_ID_DUPLICATE"),
        ([article("é" * 32 + "x")], "Bad Request: RESULT_ID_INVALID"),
        ([article(text="x" * 4097)], "Bad Request: MESSAGE_TOO_LONG"),
        ([article(text="<b>x")], CANT_PARSE + 'Can\'t find end tag corresponding to start tag "b"'),
        (
            [{**article(), "reply_markup": keyboard({"text": "b", "callback_data": "x" * 65})}],
            "Bad Request: BUTTON_DATA_INVALID",
        ),
    ],
)
def test_telegram_refuses_bad_inline_query_answers(results, description):
    assert run(telegram_error("answerInlineQuery", inline_query_id="1", results=results)) == (
        description
    )


def test_telegram_accepts_50_inline_results_with_64_byte_ids():
    results = [article(f"{i:02d}" + "x" * 62) for i in range(50)]
    assert run(telegram_error("answerInlineQuery", inline_query_id="1", results=results)) is None


@pytest.mark.parametrize(
    ("command", "description", "error"),
    [
        ("Start", "Begin", "Bad Request: BOT_COMMAND_INVALID"),
        ("vraag-stellen", "Vraag", "Bad Request: BOT_COMMAND_INVALID"),
        ("a" * 33, "Lang", "Bad Request: command length must not exceed 32"),
        (" ", "Leeg", "Bad Request: command must be non-empty"),
        ("start", " ", "Bad Request: command description must be non-empty"),
        ("start", "x" * 257, "Bad Request: command description length must not exceed 256"),
    ],
)
def test_telegram_refuses_invalid_bot_commands(command, description, error):
    commands = [{"command": command, "description": description}]
    assert run(telegram_error("setMyCommands", commands=commands)) == error


def test_telegram_accepts_commands_at_the_limits_and_refuses_more_than_100():
    valid = [
        {"command": "/" + "a" * 32, "description": "x" * 256},
        {"command": "s_1", "description": "d"},
    ]
    assert run(telegram_error("setMyCommands", commands=valid)) is None
    many = [{"command": f"c{i}", "description": "d"} for i in range(101)]
    assert (
        run(telegram_error("setMyCommands", commands=many)) == "Bad Request: BOT_COMMANDS_TOO_MUCH"
    )


def test_telegram_refused_call_is_rejected_not_delivered_and_wait_for_names_it():
    async def scenario():
        async with FakeTelegram() as fake:
            await bot_api(fake, "sendMessage", chat_id="42", text="x" * 5000)
            with pytest.raises(AssertionError) as waited:
                await fake.wait_for("sendMessage", timeout=0.1)
            return fake, str(waited.value)

    fake, message = run(scenario())
    assert fake.calls_to("sendMessage") == []
    [(call, description)] = fake.rejected
    assert call.method == "sendMessage" and description == "Bad Request: message is too long"
    assert "rejected: ['sendMessage: Bad Request: message is too long']" in message


def test_python_telegram_bot_raises_bad_request_with_the_real_message():
    async def scenario():
        async with FakeTelegram() as fake, telegram.Bot(TG_TOKEN, base_url=fake.base_url) as bot:
            await bot.send_message(42, "<b>goed</b>", parse_mode="HTML")
            errors = []
            for text in ("x" * 4097, "<b>kapot"):
                with pytest.raises(telegram.error.BadRequest) as refused:
                    await bot.send_message(42, text, parse_mode="HTML")
                errors.append(refused.value.message)
            return errors, len(fake.calls_to("sendMessage"))

    errors, delivered = run(scenario())
    # python-telegram-bot drops "Bad Request: " and capitalizes what is left.
    assert errors == [
        "Message is too long",
        "Can't parse entities: can't find end tag corresponding to start tag \"b\"",
    ]
    assert delivered == 1


# --- Discord ----------------------------------------------------------------------------------


def button(custom_id: str = "b", **extra: Any) -> dict:
    return {"type": 2, "style": 2, "custom_id": custom_id, "label": "knop", **extra}


def link(**extra: Any) -> dict:
    return {"type": 2, "style": 5, "url": "https://x.be", "label": "site", **extra}


def row(*items: dict) -> dict:
    return {"type": 1, "components": list(items)}


def embed(**fields: Any) -> dict:
    return {"description": "d", **fields}


def flatten(errors: dict, prefix: str = "") -> dict[str, list[tuple[str, str]]]:
    """Discord's nested `errors` as {"embeds.0.title": [(code, message)]}."""
    flat: dict[str, list[tuple[str, str]]] = {}
    for key, value in errors.items():
        if key == "_errors":
            flat[prefix] = [(e["code"], e["message"]) for e in value]
        else:
            flat.update(flatten(value, f"{prefix}.{key}" if prefix else key))
    return flat


async def discord_answers(body: dict) -> list[tuple[str, int, Any]]:
    """What the fake answers `body` with as a channel message, a slash command's reply (inside
    an interaction callback) and a follow-up: (where, status, JSON) for each."""
    async with FakeDiscord() as fake:
        routes = {
            "channel": (f"/channels/{CHANNEL_ID}/messages", body),
            "callback": ("/interactions/123/itoken123/callback", {"type": 4, "data": body}),
            "follow-up": ("/webhooks/5000/itoken123", body),
        }
        answers = []
        for where, (path, sent) in routes.items():
            status, answer = await post(fake.api_url + path, json_body=sent)
            answers.append((where, status, answer))
        assert len(fake.rejected) + len(fake.requests) == 3
        return answers


def too_long(body: dict, field: str, limit: int) -> tuple[dict, str, str, str]:
    return body, field, "BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length."


def with_buttons(*rows: dict) -> dict:
    return {"content": "x", "components": list(rows)}


FIELD = {"name": "n", "value": "v"}
DISCORD_REFUSALS = [
    too_long({"content": "x" * 2001}, "content", 2000),
    too_long({"embeds": [embed()] * 11}, "embeds", 10),
    too_long({"embeds": [embed(title="t" * 257)]}, "embeds.0.title", 256),
    too_long({"embeds": [embed(), embed(description="d" * 4097)]}, "embeds.1.description", 4096),
    too_long({"embeds": [embed(fields=[FIELD] * 26)]}, "embeds.0.fields", 25),
    too_long(
        {"embeds": [embed(fields=[{**FIELD, "name": "n" * 257}])]}, "embeds.0.fields.0.name", 256
    ),
    too_long(
        {"embeds": [embed(fields=[{**FIELD, "value": "v" * 1025}])]},
        "embeds.0.fields.0.value",
        1024,
    ),
    too_long({"embeds": [embed(footer={"text": "f" * 2049})]}, "embeds.0.footer.text", 2048),
    too_long({"embeds": [embed(author={"name": "a" * 257})]}, "embeds.0.author.name", 256),
    too_long(with_buttons(*(row(button(f"b{i}")) for i in range(6))), "components", 5),
    too_long(with_buttons(row(button(label="l" * 81))), "components.0.components.0.label", 80),
    (
        {"embeds": [embed(fields=[{**FIELD, "value": ""}])]},
        "embeds.0.fields.0.value",
        "BASE_TYPE_REQUIRED",
        "This field is required",
    ),
    (
        {"embeds": [embed(description="d" * 4000), embed(title="t" * 200, description="d" * 1801)]},
        "embeds",
        "MAX_EMBED_SIZE_EXCEEDED",
        "Embed size exceeds maximum size of 6000",
    ),
    (
        with_buttons(row(*(button(f"b{i}") for i in range(6)))),
        "components.0.components.5",
        "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
        "The specified component exceeds the maximum width",
    ),
    (
        with_buttons(row(button("x" * 101))),
        "components.0.components.0.custom_id",
        "BASE_TYPE_BAD_LENGTH",
        "Must be between 1 and 100 in length.",
    ),
    (
        with_buttons(row(button("q:1")), row(link(), button("q:1"))),
        "components.1.components.1.custom_id",
        "COMPONENT_CUSTOM_ID_DUPLICATED",
        "Component custom id cannot be duplicated",
    ),
    (
        with_buttons(row(link(url=None))),
        "components.0.components.0.url",
        "BUTTON_COMPONENT_URL_REQUIRED",
        "A url is required",
    ),
    (
        with_buttons(row(link(custom_id="q:1"))),
        "components.0.components.0.custom_id",
        "BUTTON_COMPONENT_CUSTOM_ID_URL_MUTUALLY_EXCLUSIVE",
        "A custom id and url cannot both be specified",
    ),
]


@pytest.mark.parametrize(
    ("body", "field", "code", "message"),
    DISCORD_REFUSALS,
    ids=[f"{field}:{code}" for _, field, code, _ in DISCORD_REFUSALS],
)
def test_discord_refuses_over_limit_messages_with_invalid_form_body(body, field, code, message):
    for where, status, answer in run(discord_answers(body)):
        assert (status, answer["code"], answer["message"]) == (400, 50035, "Invalid Form Body")
        path = f"data.{field}" if where == "callback" else field
        assert flatten(answer["errors"]) == {path: [(code, message)]}, where


@pytest.mark.parametrize("body", [{}, {"content": ""}, {"content": "  \n", "embeds": []}])
def test_discord_refuses_an_empty_message(body):
    for where, status, answer in run(discord_answers(body)):
        assert status == 400, where
        assert answer == {"code": 50006, "message": "Cannot send an empty message"}


def test_discord_accepts_messages_at_every_limit():
    fields = [{"name": "n" * 256, "value": "v" * 1024}] * 2
    full_row = [button(f"{i}".ljust(100, "x"), label="l" * 80) for i in range(4)]
    bodies = [
        {"content": "x" * 2000, "embeds": [embed(description="d" * 600)] * 10},
        {"embeds": [embed(title="t" * 256, description="d" * 4096, author={"name": "a" * 256})]},
        {"embeds": [embed(fields=fields, footer={"text": "f" * 2048})]},
        {"embeds": [embed(fields=[{"name": "n", "value": "v"}] * 25)]},
        {"components": [row(*full_row, link())]},
        {"content": "x", "components": [row(button(f"r{i}")) for i in range(5)]},
    ]
    for body in bodies:
        for where, status, answer in run(discord_answers(body)):
            assert status == 200, (where, answer)


def test_discord_checks_edits_and_message_updates_but_lets_them_be_empty():
    async def scenario():
        async with FakeDiscord() as fake:
            edit = fake.api_url + "/webhooks/5000/itoken1/messages/@original"
            update = fake.api_url + "/interactions/1/itoken1/callback"
            return [
                await post(edit, json_body={"components": []}, method="PATCH"),
                await post(edit, json_body={"content": "x" * 2001}, method="PATCH"),
                await post(update, json_body={"type": 7, "data": {"components": []}}),
                await post(update, json_body={"type": 7, "data": {"content": "x" * 2001}}),
                await post(update, json_body={"type": 5, "data": {"flags": 64}}),
            ]

    answers = run(scenario())
    assert [status for status, _ in answers] == [200, 400, 200, 400, 200]
    too_long = [("BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length.")]
    assert flatten(answers[1][1]["errors"]) == {"content": too_long}
    assert flatten(answers[3][1]["errors"]) == {"data.content": too_long}


@pytest.mark.parametrize(
    ("choices", "field", "code", "message"),
    [
        (
            [{"name": f"c{i}", "value": f"c{i}"} for i in range(26)],
            "data.choices",
            "BASE_TYPE_MAX_LENGTH",
            "Must be 25 or fewer in length.",
        ),
        (
            [{"name": "n" * 101, "value": "v"}],
            "data.choices.0.name",
            "BASE_TYPE_BAD_LENGTH",
            "Must be between 1 and 100 in length.",
        ),
    ],
)
def test_discord_refuses_too_many_or_too_long_autocomplete_choices(choices, field, code, message):
    async def scenario():
        async with FakeDiscord() as fake:
            url = fake.api_url + "/interactions/1/itoken1/callback"
            ok = [{"name": "n" * 100, "value": "v"}] * 25
            accepted = await post(url, json_body={"type": 8, "data": {"choices": ok}})
            refused = await post(url, json_body={"type": 8, "data": {"choices": choices}})
            return accepted, refused

    (ok_status, _), (status, answer) = run(scenario())
    assert (ok_status, status, answer["code"]) == (200, 400, 50035)
    assert flatten(answer["errors"]) == {field: [(code, message)]}


def test_discord_refused_request_is_rejected_not_delivered_and_wait_for_names_it():
    async def scenario():
        async with FakeDiscord() as fake:
            await post(fake.api_url + "/channels/300/messages", json_body={"content": ""})
            with pytest.raises(AssertionError) as waited:
                await fake.wait_for("POST", "/channels/", timeout=0.1)
            return fake, str(waited.value)

    fake, message = run(scenario())
    assert fake.to("POST", "/channels/") == []
    [(request, error)] = fake.rejected
    assert request.path == "/channels/300/messages" and error["code"] == 50006
    assert 'rejected: [\'POST /channels/300/messages: {"code": 50006' in message


def test_discord_py_raises_http_exception_with_the_code_and_field(_discord_base):
    async def scenario():
        async with FakeDiscord() as fake:
            Route.BASE = fake.api_url
            http = HTTPClient(asyncio.get_running_loop())
            try:
                await http.static_login(DC_TOKEN)
                send = Route("POST", "/channels/{channel_id}/messages", channel_id=CHANNEL_ID)
                sent = await http.request(send, json={"content": "hallo"})
                errors = []
                for body in ({"content": "x" * 2001}, {"content": ""}):
                    with pytest.raises(discord.HTTPException) as refused:
                        await http.request(send, json=body)
                    errors.append(refused.value)
            finally:
                await http.close()
            return sent, errors

    sent, (too_long, empty) = run(scenario())
    assert sent["content"] == "hallo"
    assert (too_long.status, too_long.code) == (400, 50035)
    assert too_long.text == "Invalid Form Body\nIn content: Must be 2000 or fewer in length."
    assert (empty.status, empty.code, empty.text) == (400, 50006, "Cannot send an empty message")
