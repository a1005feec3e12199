"""Entry point: `wegwijzer discord` or `python -m bots.discord`; configured by the environment."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING

from assistant import Assistant, CorpusError
from assistant.store import store_from_environment
from bots.redact import configure_logging

if TYPE_CHECKING:
    from bots.discord.app import WegwijzerDiscord

TOKEN_VARIABLE = "DISCORD_BOT_TOKEN"
API_VARIABLE = "DISCORD_API_BASE_URL"
GATEWAY_VARIABLE = "DISCORD_GATEWAY_URL"


def main(environ: Mapping[str, str] | None = None) -> int:
    """Connect and serve until SIGINT or SIGTERM; returns an exit code (2: no token)."""
    env = os.environ if environ is None else environ
    token = env.get(TOKEN_VARIABLE, "").strip()
    if not token:
        print(
            f"error: set {TOKEN_VARIABLE} to your bot's token from the Discord developer "
            "portal (see README, 'Discord').",
            file=sys.stderr,
        )
        return 2
    configure_logging(token)
    try:
        from bots.discord.app import (
            DEFAULT_API_BASE_URL,
            DEFAULT_GATEWAY_URL,
            WegwijzerDiscord,
            point_at,
        )
    except ImportError:
        print(
            "error: the Discord extra is not installed: pip install 'wegwijzer[discord]'",
            file=sys.stderr,
        )
        return 2
    try:
        assistant = Assistant.bundled()
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    point_at(
        env.get(API_VARIABLE, "").strip() or DEFAULT_API_BASE_URL,
        env.get(GATEWAY_VARIABLE, "").strip() or DEFAULT_GATEWAY_URL,
    )
    bot = WegwijzerDiscord(assistant=assistant, store=store_from_environment(env))
    return asyncio.run(_serve(bot, token))


async def _serve(bot: WegwijzerDiscord, token: str) -> int:
    import discord

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    async with bot:
        running = asyncio.create_task(bot.start(token))
        stopping = asyncio.create_task(stop.wait())
        done, _ = await asyncio.wait({running, stopping}, return_when=asyncio.FIRST_COMPLETED)
        stopping.cancel()
        if running in done:
            try:
                running.result()
            except discord.LoginFailure:
                print("error: Discord refused the token; check DISCORD_BOT_TOKEN.", file=sys.stderr)
                return 1
    return 0
