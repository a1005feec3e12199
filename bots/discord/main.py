"""Entry point: `wegwijzer discord` or `python -m bots.discord`; configured by the environment."""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from bots.redact import log_briefly
from bots.reload import CorpusReloader
from bots.service import ChatService
from bots.startup import fail, missing_extra, prepare, redact

if TYPE_CHECKING:
    from bots.discord.app import WegwijzerDiscord

TOKEN_VARIABLE = "DISCORD_BOT_TOKEN"
API_VARIABLE = "DISCORD_API_BASE_URL"
GATEWAY_VARIABLE = "DISCORD_GATEWAY_URL"
TOKEN_HINT = "your bot's token from the Discord developer portal (see README, 'Discord')"


def main(environ: Mapping[str, str] | None = None, argv: Sequence[str] | None = None) -> int:
    """Serve until SIGINT or SIGTERM (SIGHUP reloads the corpus), configured as in
    `bots.startup.prepare`; returns an exit code (2: no token or wrong options)."""
    prepared = prepare(environ, TOKEN_VARIABLE, TOKEN_HINT, argv)
    if isinstance(prepared, int):
        return prepared
    env = os.environ if environ is None else environ
    token = prepared.token
    try:
        from bots.discord.app import (
            CHANNEL,
            DEFAULT_API_BASE_URL,
            DEFAULT_GATEWAY_URL,
            WegwijzerDiscord,
            point_at,
        )
    except ImportError:
        return missing_extra("discord")
    api = env.get(API_VARIABLE, "").strip() or DEFAULT_API_BASE_URL
    point_at(api, env.get(GATEWAY_VARIABLE, "").strip() or DEFAULT_GATEWAY_URL)
    log_briefly("discord")
    import aiohttp
    import discord

    try:
        service = ChatService(prepared.assistant, channel=CHANNEL, log=prepared.log)
        reloader = CorpusReloader(service, prepared.corpus, prepared.cache)
        bot = WegwijzerDiscord(service=service)
        return asyncio.run(_serve(bot, token, reloader, prepared.watch))
    except discord.LoginFailure:
        return fail(f"Discord refused the token; check {TOKEN_VARIABLE}.")
    except discord.HTTPException as exc:
        return fail(f"the Discord API at {api} answered {exc.status}; check {API_VARIABLE}.")
    except (aiohttp.ClientError, OSError) as exc:
        return fail(f"cannot reach the Discord API at {api}: {redact(exc, token)}")


async def _serve(
    bot: WegwijzerDiscord, token: str, reloader: CorpusReloader, watch: float | None
) -> int:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    reloader.install(watch=watch)
    async with bot:
        running = asyncio.create_task(bot.start(token))
        stopping = asyncio.create_task(stop.wait())
        done, _ = await asyncio.wait({running, stopping}, return_when=asyncio.FIRST_COMPLETED)
        stopping.cancel()
        if running in done:
            running.result()  # a failed start raises here (see `main`)
    return 0
