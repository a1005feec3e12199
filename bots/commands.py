"""The bots' subcommands of the `wegwijzer` CLI (`wegwijzer telegram`, `wegwijzer discord`).

The core does not import the bots: `pyproject.toml` registers each `Command` below under the
entry-point group `wegwijzer.commands`, and the CLI adds one subcommand per registered entry.
Loading this module is cheap; a command imports its bot only when it runs.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Command:
    """One CLI subcommand contributed by a package outside the core."""

    help: str
    target: str  # "module:function"; the function takes `argv=` and returns an exit code

    def run(self, argv: list[str]) -> int:
        from importlib import import_module

        module, _, function = self.target.partition(":")
        return getattr(import_module(module), function)(argv=argv)


telegram = Command(
    "run the Telegram bot (token from TELEGRAM_BOT_TOKEN)", "bots.telegram.main:main"
)
discord = Command("run the Discord bot (token from DISCORD_BOT_TOKEN)", "bots.discord.main:main")
doctor = Command(
    "check the corpus, the log, the tokens and the platforms' APIs; exit 1 on a problem",
    "bots.doctor:main",
)
