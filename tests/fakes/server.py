"""Starting a fake server on 127.0.0.1 at a free port (shared by the fake platforms)."""

from __future__ import annotations

from aiohttp import web


async def serve(app: web.Application) -> tuple[web.AppRunner, int]:
    """Run `app` on 127.0.0.1 at a port the OS picks; returns the runner and the port."""
    runner = web.AppRunner(app, shutdown_timeout=0.5)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    return runner, runner.addresses[0][1]
