"""A local fake of Discord's REST API and gateway websocket (aiohttp on 127.0.0.1).

It implements what discord.py needs to log in (GET /users/@me, /oauth2/applications/@me), the
gateway handshake (HELLO, IDENTIFY or RESUME, READY, GUILD_CREATE, heartbeats), the command sync
(PUT /applications/{id}/commands), channel messages, interaction callbacks and follow-ups. Every
REST request is recorded; `fail_next` makes a route answer 429 once (with the `Via` header that
tells discord.py it is Discord's own rate limit, not a Cloudflare ban).

Like Discord it refuses messages that break its limits (`discord_rules`): a 400 with Discord's
JSON (50035 "Invalid Form Body" with the field path, or 50006 for an empty message). A refused
request is not in `requests` (nothing was sent) but in `rejected`, and `wait_for` names it when it
gives up, so a bot that oversteps fails its test.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from tests.fakes import discord_rules
from tests.fakes.server import serve

BOT_ID = 5000
GUILD_ID = 100
CHANNEL_ID = 300
THREAD_ID = 301
DM_CHANNEL_ID = 400
USER_ID = 42
BOT_USER = {
    "id": str(BOT_ID),
    "username": "wegwijzer",
    "discriminator": "0",
    "global_name": "Wegwijzer",
    "avatar": None,
    "bot": True,
    "flags": 0,
}
NOW = "2026-11-26T10:00:00.000000+00:00"


@dataclass
class Request:
    method: str
    path: str
    body: Any


@dataclass
class FakeDiscord:
    """State of the fake; start it with `async with FakeDiscord() as fake:`."""

    requests: list[Request] = field(default_factory=list)
    rejected: list[tuple[Request, dict]] = field(default_factory=list)  # refused, Discord's JSON
    gateway_log: list[dict] = field(default_factory=list)  # what clients sent on the gateway
    fail_next: dict[str, list[float]] = field(default_factory=dict)  # "METHOD /path" -> retry_after
    reject_token: bool = False  # answer every REST call 401, as for a revoked token
    port: int = 0
    _ids: itertools.count = field(default_factory=lambda: itertools.count(10_000))
    _sockets: list[web.WebSocketResponse] = field(default_factory=list)
    _seq: int = 0

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    async def __aenter__(self) -> FakeDiscord:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", "/api/v10/{path:.*}", self._rest)
        self._runner, self.port = await serve(app)
        return self

    async def __aexit__(self, *exc: object) -> None:
        for socket in list(self._sockets):
            await socket.close()
        await self._runner.cleanup()

    # --- what tests use -------------------------------------------------------------------

    def to(self, method: str, path_start: str) -> list[Request]:
        return [r for r in self.requests if r.method == method and r.path.startswith(path_start)]

    async def wait_for(
        self, method: str, path_start: str, count: int = 1, timeout: float = 15.0
    ) -> list[Request]:
        """Wait (bounded) until `count` requests matched; return them."""
        deadline = time.monotonic() + timeout
        while len(self.to(method, path_start)) < count:
            if time.monotonic() > deadline:
                seen = [f"{r.method} {r.path}" for r in self.requests]
                refused = [f"{r.method} {r.path}: {json.dumps(e)}" for r, e in self.rejected]
                raise AssertionError(
                    f"{method} {path_start} x{count} not seen; saw {seen}"
                    + (f"; rejected: {refused}" if refused else "")
                )
            await asyncio.sleep(0.02)
        return self.to(method, path_start)

    async def wait_identified(self, count: int = 1, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while sum(1 for m in self.gateway_log if m.get("op") in (2, 6)) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"no IDENTIFY/RESUME; gateway saw {self.gateway_log}")
            await asyncio.sleep(0.02)

    async def dispatch(self, event: str, data: dict) -> None:
        """Send a dispatch event to every connected client."""
        self._seq += 1
        for socket in list(self._sockets):
            if not socket.closed:
                await socket.send_str(json.dumps({"op": 0, "t": event, "s": self._seq, "d": data}))

    async def ask_to_reconnect(self) -> None:
        """Gateway op 7: the client should reconnect (and RESUME)."""
        for socket in list(self._sockets):
            await socket.send_str(json.dumps({"op": 7, "d": None}))

    def user(self, user_id: int = USER_ID) -> dict:
        return {
            "id": str(user_id),
            "username": f"maker{user_id}",
            "discriminator": "0",
            "global_name": "Maker",
            "avatar": None,
            "bot": False,
            "flags": 0,
        }

    def member(self, user_id: int = USER_ID) -> dict:
        return {
            "user": self.user(user_id),
            "roles": [],
            "joined_at": NOW,
            "deaf": False,
            "mute": False,
            "flags": 0,
            "permissions": "2147483647",
        }

    def message(
        self,
        content: str,
        *,
        channel_id: int = CHANNEL_ID,
        guild: bool = True,
        author: dict | None = None,
        mentions: list | None = None,
        components: list | None = None,
    ) -> dict:
        data = {
            "id": str(next(self._ids)),
            "channel_id": str(channel_id),
            "author": author or self.user(),
            "content": content,
            "timestamp": NOW,
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": mentions or [],
            "mention_roles": [],
            "attachments": [],
            "embeds": [],
            "pinned": False,
            "type": 0,
            "flags": 0,
            "components": components or [],
        }
        if guild:
            data["guild_id"] = str(GUILD_ID)
            if author is None:
                data["member"] = {k: v for k, v in self.member().items() if k != "user"}
        return data

    async def mention(
        self, text: str, *, channel_id: int = CHANNEL_ID, user_id: int = USER_ID
    ) -> str:
        """A guild message by `user_id` that mentions the bot; returns the message's id."""
        content = f"<@{BOT_ID}> {text}"
        data = self.message(content, channel_id=channel_id, mentions=[BOT_USER])
        data["author"] = self.user(user_id)
        data["member"] = {k: v for k, v in self.member(user_id).items() if k != "user"}
        await self.dispatch("MESSAGE_CREATE", data)
        return data["id"]

    async def direct_message(self, text: str) -> None:
        await self.dispatch(
            "MESSAGE_CREATE", self.message(text, channel_id=DM_CHANNEL_ID, guild=False)
        )

    async def slash(self, name: str, options: list | None = None, *, user_id: int = USER_ID) -> str:
        data = {"id": str(next(self._ids)), "name": name, "type": 1, "options": options or []}
        return await self._interaction(2, data, user_id)

    async def autocomplete(self, name: str, option: str, value: str) -> str:
        data = {
            "id": str(next(self._ids)),
            "name": name,
            "type": 1,
            "options": [{"name": option, "type": 3, "value": value, "focused": True}],
        }
        return await self._interaction(4, data, USER_ID)

    async def press(self, custom_id: str, *, user_id: int = USER_ID) -> str:
        data = {"custom_id": custom_id, "component_type": 2}
        # The pressed message carries the button, as Discord's does (discord.py looks it up).
        button = {"type": 2, "style": 2, "custom_id": custom_id, "label": "knop"}
        message = self.message(
            "antwoord", author=BOT_USER, components=[{"type": 1, "components": [button]}]
        )
        return await self._interaction(3, data, user_id, message=message)

    # --- the server -----------------------------------------------------------------------

    async def _interaction(self, kind: int, data: dict, user_id: int, **extra: Any) -> str:
        interaction_id = str(next(self._ids))
        payload = {
            "id": interaction_id,
            "application_id": str(BOT_ID),
            "type": kind,
            "data": data,
            "guild_id": str(GUILD_ID),
            "channel_id": str(CHANNEL_ID),
            "channel": self._text_channel(),
            "member": self.member(user_id),
            "token": f"itoken{interaction_id}",
            "version": 1,
            "locale": "nl",
            "guild_locale": "nl",
            "app_permissions": "2147483647",
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(GUILD_ID)},
            "context": 0,
            "attachment_size_limit": 10_485_760,
            **extra,
        }
        await self.dispatch("INTERACTION_CREATE", payload)
        return interaction_id

    def _text_channel(self) -> dict:
        return {
            "id": str(CHANNEL_ID),
            "type": 0,
            "guild_id": str(GUILD_ID),
            "name": "vragen",
            "position": 0,
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": None,
        }

    def _guild(self) -> dict:
        thread = {
            "id": str(THREAD_ID),
            "guild_id": str(GUILD_ID),
            "parent_id": str(CHANNEL_ID),
            "owner_id": str(USER_ID),
            "name": "een draadje",
            "type": 11,
            "last_message_id": None,
            "message_count": 1,
            "member_count": 1,
            "rate_limit_per_user": 0,
            "flags": 0,
            "thread_metadata": {
                "archived": False,
                "auto_archive_duration": 1440,
                "archive_timestamp": NOW,
                "locked": False,
            },
        }
        everyone = {
            "id": str(GUILD_ID),
            "name": "@everyone",
            "permissions": "2147483647",
            "position": 0,
            "color": 0,
            "hoist": False,
            "managed": False,
            "mentionable": False,
            "flags": 0,
        }
        return {
            "id": str(GUILD_ID),
            "name": "Makers",
            "icon": None,
            "owner_id": str(USER_ID),
            "roles": [everyone],
            "emojis": [],
            "stickers": [],
            "features": [],
            "channels": [self._text_channel()],
            "threads": [thread],
            "members": [],
            "member_count": 2,
            "voice_states": [],
            "presences": [],
            "large": False,
            "unavailable": False,
            "joined_at": NOW,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "premium_tier": 0,
            "system_channel_flags": 0,
            "nsfw_level": 0,
            "preferred_locale": "nl",
            "afk_timeout": 300,
        }

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        self._sockets.append(socket)
        await socket.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": 45_000}}))
        try:
            async for message in socket:
                if message.type != WSMsgType.TEXT:
                    continue
                payload = json.loads(message.data)
                self.gateway_log.append(payload)
                await self._on_gateway(socket, payload)
        finally:
            self._sockets.remove(socket)
        return socket

    async def _on_gateway(self, socket: web.WebSocketResponse, payload: dict) -> None:
        op = payload.get("op")
        if op == 1:
            await socket.send_str(json.dumps({"op": 11}))
        elif op == 2:
            self._seq += 1
            ready = {
                "v": 10,
                "user": BOT_USER,
                "guilds": [{"id": str(GUILD_ID), "unavailable": True}],
                "session_id": "session-1",
                "resume_gateway_url": self.gateway_url,
                "application": {"id": str(BOT_ID), "flags": 0},
                "private_channels": [],
                "relationships": [],
            }
            await socket.send_str(json.dumps({"op": 0, "t": "READY", "s": self._seq, "d": ready}))
            self._seq += 1
            await socket.send_str(
                json.dumps({"op": 0, "t": "GUILD_CREATE", "s": self._seq, "d": self._guild()})
            )
        elif op == 6:
            self._seq += 1
            await socket.send_str(json.dumps({"op": 0, "t": "RESUMED", "s": self._seq, "d": {}}))

    async def _rest(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["path"]
        sent = Request(request.method, path, await self._body(request))
        refusal = self._unavailable(f"{request.method} {path}")
        if refusal is not None:
            self.requests.append(sent)
            return refusal
        if error := discord_rules.check(sent.method, path, sent.body):
            self.rejected.append((sent, error))
            return self._json(error, status=400)
        self.requests.append(sent)
        return self._json(self._result(sent.method, path, sent.body))

    def _unavailable(self, key: str) -> web.Response | None:
        """401 for a revoked token, or the 429 that `fail_next` queued for "METHOD /path"."""
        if self.reject_token:
            return self._json({"message": "401: Unauthorized", "code": 0}, status=401)
        for pattern, retry_afters in self.fail_next.items():
            if key.startswith(pattern) and retry_afters:
                retry_after = retry_afters.pop(0)
                return self._json(
                    {
                        "message": "You are being rate limited.",
                        "retry_after": retry_after,
                        "global": False,
                    },
                    status=429,
                    headers={"Via": "1.1 google", "X-RateLimit-Scope": "user"},
                )
        return None

    @staticmethod
    async def _body(request: web.Request) -> Any:
        if not request.can_read_body:
            return None
        if request.content_type == "application/json":
            return await request.json()
        if request.content_type.startswith("multipart/"):
            form = await request.post()
            return json.loads(form.get("payload_json", "{}"))
        return await request.text()

    def _result(self, method: str, path: str, body: Any) -> Any:
        if path == "/users/@me":
            return BOT_USER
        if path == "/oauth2/applications/@me":
            return {
                "id": str(BOT_ID),
                "name": "Wegwijzer",
                "icon": None,
                "description": "",
                "bot_public": True,
                "bot_require_code_grant": False,
                "owner": self.user(),
                "verify_key": "0" * 64,
                "flags": 0,
                "interactions_endpoint_url": None,
            }
        if method == "PUT" and path.endswith("/commands"):
            return [
                {
                    "id": str(next(self._ids)),
                    "application_id": str(BOT_ID),
                    "version": "1",
                    "type": 1,
                    "default_member_permissions": None,
                    "dm_permission": True,
                    "nsfw": False,
                    "options": [],
                    **command,
                }
                for command in body
            ]
        if method == "POST" and path.startswith("/channels/"):
            channel_id = int(path.split("/")[2])
            return self._sent_message(body, channel_id)
        if path.startswith("/interactions/"):
            interaction_id = path.split("/")[2]
            result: dict[str, Any] = {"interaction": {"id": interaction_id, "type": body["type"]}}
            if body["type"] == 4:
                message = self._sent_message(body.get("data", {}), CHANNEL_ID)
                result["interaction"]["response_message_id"] = message["id"]
                result["resource"] = {"type": 4, "message": message}
            return result
        if method == "POST" and path.startswith("/webhooks/"):
            return self._sent_message(body, CHANNEL_ID)
        return {}

    def _sent_message(self, body: dict, channel_id: int) -> dict:
        data = self.message(body.get("content") or "", channel_id=channel_id, author=BOT_USER)
        data["embeds"] = body.get("embeds", [])
        data["components"] = body.get("components", [])
        return data

    @staticmethod
    def _json(data: Any, status: int = 200, headers: dict | None = None) -> web.Response:
        # Exactly "application/json": discord.py parses nothing else (aiohttp adds a charset).
        return web.Response(
            body=json.dumps(data).encode(),
            status=status,
            headers={"Content-Type": "application/json", **(headers or {})},
        )
