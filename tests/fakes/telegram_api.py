"""A local fake of the Telegram Bot API (aiohttp on 127.0.0.1) that records every call.

It implements what the bot uses: getMe, deleteWebhook, getUpdates (long poll honouring `offset`),
sendMessage, editMessageText, answerCallbackQuery, answerInlineQuery, setMyCommands. Tests queue
updates with the helpers and read `calls`; `fail_next` makes a method answer 429 once.

Webhooks: setWebhook records `webhook` (refused, as the real API refuses it, for a URL that is not
https or a secret token with other characters than A-Z a-z 0-9 _ -), deleteWebhook clears it,
getWebhookInfo reports it, and getUpdates answers 409 while it is set. `deliver` posts a queued
update to the webhook, as Telegram does, with the secret token in its header.

Like the real Bot API it refuses what breaks Telegram's limits or markup (`telegram_rules`): a 400
with the real description. A refused call is not in `calls` (it was never delivered) but in
`rejected`, and `wait_for` names it when it gives up, so a bot that oversteps fails its test.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import re
import time
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

from tests.fakes import telegram_rules
from tests.fakes.server import serve

BOT_ID = 7000
BOT_USERNAME = "wegwijzer_test_bot"
BOT_USER = {"id": BOT_ID, "is_bot": True, "first_name": "Wegwijzer", "username": BOT_USERNAME}
JSON_FIELDS = (
    "reply_markup",
    "results",
    "commands",
    "allowed_updates",
    "link_preview_options",
    "entities",
    "reply_parameters",
)
MAX_POLL_SECONDS = 2.0
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
_SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")
# The real API wants https; the fake also takes http on loopback, where the tests' bots listen
# (the bot's own webhook server speaks plain HTTP; TLS is a reverse proxy's job).
_LOOPBACK_HTTP = re.compile(r"http://(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(/.*)?")


@dataclass
class Call:
    method: str
    params: dict[str, Any]


@dataclass
class FakeTelegram:
    """The fake server's state; start it with `async with FakeTelegram() as fake:`."""

    calls: list[Call] = field(default_factory=list)
    rejected: list[tuple[Call, str]] = field(default_factory=list)  # refused calls, description
    fail_next: dict[str, list[int]] = field(default_factory=dict)  # method -> retry_after values
    reject_token: bool = False  # answer every call 401 Unauthorized, as for a revoked token
    port: int = 0
    webhook: dict[str, Any] | None = None  # url, secret_token, allowed_updates of setWebhook
    _updates: list[dict[str, Any]] = field(default_factory=list)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    _new: asyncio.Event = field(default_factory=asyncio.Event)
    _closing: bool = False

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    async def __aenter__(self) -> FakeTelegram:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._handle)
        app.router.add_get("/bot{token}/{method}", self._handle)
        self._runner, self.port = await serve(app)
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._closing = True
        self._new.set()  # release pending long polls
        await self._runner.cleanup()

    # --- what tests use -------------------------------------------------------------------

    def calls_to(self, method: str) -> list[dict[str, Any]]:
        return [c.params for c in self.calls if c.method == method]

    async def wait_for(self, method: str, count: int = 1, timeout: float = 10.0) -> list[dict]:
        """Wait (bounded) until `method` was called `count` times; return its calls."""
        deadline = time.monotonic() + timeout
        while len(self.calls_to(method)) < count:
            if time.monotonic() > deadline:
                made = [c.method for c in self.calls]
                refused = [f"{c.method}: {error}" for c, error in self.rejected]
                raise AssertionError(
                    f"{method} called {len(self.calls_to(method))}x, not {count}x; calls: {made}"
                    + (f"; rejected: {refused}" if refused else "")
                )
            await asyncio.sleep(0.02)
        return self.calls_to(method)

    def push(self, **update: Any) -> int:
        update_id = next(self._ids)
        self._updates.append({"update_id": update_id, **update})
        self._new.set()
        return update_id

    def private_message(self, text: str, user_id: int = 42, entities: list | None = None) -> int:
        chat = {"id": user_id, "type": "private", "first_name": "Ann"}
        return self.push(message=self._message(text, chat, user_id, entities))

    def group_message(
        self,
        text: str,
        user_id: int = 43,
        entities: list | None = None,
        reply_to: dict | None = None,
    ) -> int:
        chat = {"id": -100, "type": "supergroup", "title": "Makers"}
        message = self._message(text, chat, user_id, entities)
        if reply_to:
            message["reply_to_message"] = reply_to
        return self.push(message=message)

    def command(self, text: str, *, group: bool = False, user_id: int = 42) -> int:
        length = len(text.split()[0])
        entities = [{"type": "bot_command", "offset": 0, "length": length}]
        if group:
            return self.group_message(text, user_id, entities)
        return self.private_message(text, user_id, entities)

    def button_press(self, data: str, user_id: int = 42) -> int:
        message = self._message("antwoord", {"id": user_id, "type": "private"}, BOT_ID, None)
        message["from"] = BOT_USER
        query = {
            "id": f"cb{next(self._ids)}",
            "from": self._user(user_id),
            "chat_instance": "1",
            "data": data,
            "message": message,
        }
        return self.push(callback_query=query)

    def inline_query(self, text: str, user_id: int = 42) -> int:
        query = {
            "id": f"iq{next(self._ids)}",
            "from": self._user(user_id),
            "query": text,
            "offset": "",
        }
        return self.push(inline_query=query)

    async def deliver(
        self, update_id: int, *, secret_token: str | None = None, timeout: float = 10.0
    ) -> int:
        """POST the queued update `update_id` to the webhook, as Telegram does; the HTTP status.

        The header carries `secret_token`, by default the one given to setWebhook (`""`: no
        header). A 2xx answer delivers the update (it leaves the queue); anything else leaves
        it pending. Refused connections are retried until `timeout` (the bot's server starts
        listening just after it set the webhook); the whole call is bounded by `timeout`.
        """
        if self.webhook is None:
            raise AssertionError("no webhook set; calls: " + str([c.method for c in self.calls]))
        [update] = [u for u in self._updates if u["update_id"] == update_id]
        secret = self.webhook.get("secret_token") if secret_token is None else secret_token
        headers = {SECRET_HEADER: secret} if secret else {}
        deadline = time.monotonic() + timeout
        async with aiohttp.ClientSession() as session:
            while True:
                left = aiohttp.ClientTimeout(total=max(0.1, deadline - time.monotonic()))
                try:
                    async with session.post(
                        self.webhook["url"], json=update, headers=headers, timeout=left
                    ) as response:
                        status = response.status
                        break
                except aiohttp.ClientConnectorError:
                    if time.monotonic() > deadline:
                        raise
                    await asyncio.sleep(0.05)
        if 200 <= status < 300:
            self._updates.remove(update)
        return status

    def bot_message(self, chat: dict) -> dict:
        return {
            "message_id": 999,
            "date": int(time.time()),
            "chat": chat,
            "from": BOT_USER,
            "text": "eerder antwoord",
        }

    # --- the server -----------------------------------------------------------------------

    def _user(self, user_id: int) -> dict:
        return {"id": user_id, "is_bot": False, "first_name": "Ann"}

    def _message(self, text: str, chat: dict, user_id: int, entities: list | None) -> dict:
        message = {
            "message_id": next(self._ids),
            "date": int(time.time()),
            "chat": chat,
            "from": self._user(user_id),
            "text": text,
        }
        if entities:
            message["entities"] = entities
        return message

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        call = Call(method, await self._params(request))
        if self.reject_token or self.fail_next.get(method):
            self.calls.append(call)
            return self._unavailable(method)
        if method == "getUpdates" and self.webhook is not None:
            error = (
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first"
            )
            self.rejected.append((call, error))
            return self._json({"ok": False, "error_code": 409, "description": error}, 409)
        if error := telegram_rules.check(method, call.params) or self._check_webhook(call):
            self.rejected.append((call, error))
            return self._json({"ok": False, "error_code": 400, "description": error}, 400)
        self.calls.append(call)
        if method == "getUpdates":
            return self._json({"ok": True, "result": await self._poll(call.params)})
        return self._json({"ok": True, "result": self._result(method, call.params)})

    def _unavailable(self, method: str) -> web.Response:
        """401 for a revoked token, else the 429 that `fail_next` queued for `method`."""
        if self.reject_token:
            return self._json({"ok": False, "error_code": 401, "description": "Unauthorized"}, 401)
        retry_after = self.fail_next[method].pop(0)
        return self._json(
            {
                "ok": False,
                "error_code": 429,
                "description": f"Too Many Requests: retry after {retry_after}",
                "parameters": {"retry_after": retry_after},
            },
            status=429,
        )

    async def _params(self, request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            return await request.json()
        form = await request.post()
        params: dict[str, Any] = {}
        for key, value in form.items():
            params[key] = json.loads(value) if key in JSON_FIELDS else value
        return params

    async def _poll(self, params: dict[str, Any]) -> list[dict]:
        offset = int(params.get("offset") or 0)
        deadline = time.monotonic() + min(float(params.get("timeout") or 0), MAX_POLL_SECONDS)
        while not self._closing:
            pending = [u for u in self._updates if u["update_id"] >= offset]
            if pending or time.monotonic() >= deadline:
                return pending
            self._new.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new.wait(), max(0.01, deadline - time.monotonic()))
        return []

    @staticmethod
    def _check_webhook(call: Call) -> str | None:
        """The real API's 400 for a setWebhook it refuses, or None."""
        if call.method != "setWebhook":
            return None
        url = str(call.params.get("url") or "")
        if url and not (url.startswith("https://") or _LOOPBACK_HTTP.fullmatch(url)):
            return "Bad Request: bad webhook: An HTTPS URL must be provided for webhook"
        secret = call.params.get("secret_token")
        if secret is not None and not _SECRET_TOKEN.fullmatch(str(secret)):
            return "Bad Request: secret token contains unallowed characters"
        return None

    def _webhook_call(self, method: str, params: dict[str, Any]) -> Any:
        """setWebhook (an empty URL removes it), deleteWebhook and getWebhookInfo."""
        if str(params.get("drop_pending_updates", "")).lower() == "true":
            self._updates.clear()
        if method == "setWebhook" and params.get("url"):
            self.webhook = {
                "url": params["url"],
                "secret_token": params.get("secret_token"),
                "allowed_updates": params.get("allowed_updates"),
            }
        elif method in ("setWebhook", "deleteWebhook"):
            self.webhook = None
        else:
            info = {"url": "", "has_custom_certificate": False}
            if self.webhook is not None:
                info["url"] = self.webhook["url"]
                if self.webhook["allowed_updates"] is not None:
                    info["allowed_updates"] = self.webhook["allowed_updates"]
            return {**info, "pending_update_count": len(self._updates)}
        return True

    def _result(self, method: str, params: dict[str, Any]) -> Any:
        if method in ("setWebhook", "deleteWebhook", "getWebhookInfo"):
            return self._webhook_call(method, params)
        if method == "getMe":
            return {
                **BOT_USER,
                "can_join_groups": True,
                "can_read_all_group_messages": False,
                "supports_inline_queries": True,
            }
        if method in ("sendMessage", "editMessageText"):
            chat = {"id": int(params.get("chat_id", 0)), "type": "private"}
            return {
                "message_id": next(self._ids),
                "date": int(time.time()),
                "chat": chat,
                "from": BOT_USER,
                "text": params.get("text", ""),
            }
        return True

    @staticmethod
    def _json(data: dict, status: int = 200) -> web.Response:
        # Exactly application/json (python-telegram-bot and discord.py both accept it).
        return web.Response(text=json.dumps(data), status=status, content_type="application/json")
