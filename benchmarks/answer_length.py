"""Benchmark: how much a user reads on a phone for one answer, per platform.

Counts the visible characters of the bot messages for every question of the tuning set (HTML
tags and Markdown link targets do not show; link labels do) and prints the median and the
90th percentile, for the questions that get passages (answered or partial) and for all. It
asserts nothing; the target (issue 13) is a median under 600 characters.

    python benchmarks/answer_length.py [--set tests/eval/vragen.yaml]
"""

from __future__ import annotations

import argparse
import html
import re
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.core import Assistant  # noqa: E402
from assistant.evaluation import load_eval_set  # noqa: E402
from bots.discord import render as discord_render  # noqa: E402
from bots.layout import layout  # noqa: E402
from bots.refs import RefStore  # noqa: E402
from bots.service import Replied  # noqa: E402
from bots.telegram import render as telegram_render  # noqa: E402

_TAG = re.compile(r"<[^>]+>")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_MARK = re.compile(r"\\(.)|[*_]")


def telegram_visible(replied: Replied) -> int:
    messages = telegram_render.encode(layout(replied), RefStore())
    return sum(len(html.unescape(_TAG.sub("", m.text))) for m in messages)


def discord_visible(replied: Replied) -> int:
    def shown(text: str | None) -> int:
        return len(_MD_MARK.sub(r"\1", _MD_LINK.sub(r"\1", text or "")))

    total = 0
    for message in discord_render.encode(layout(replied), RefStore()):
        total += shown(message.content)
        for embed in message.embeds:
            total += shown(embed.title) + shown(embed.description)
            total += sum(shown(f.name) + shown(f.value) for f in embed.fields)
            total += shown(embed.footer.text) if embed.footer else 0
    return total


def _figures(values: list[int]) -> str:
    if not values:
        return "no questions"
    ordered = sorted(values)
    p90 = ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]
    return f"median {statistics.median(ordered):6.0f}   p90 {p90:6d}   ({len(values)} answers)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=ROOT / "tests/eval/vragen.yaml")
    args = parser.parse_args()
    assistant = Assistant.bundled()
    sizes: dict[str, dict[str, list[int]]] = {
        p: {"with passages": [], "all": []} for p in ("Telegram", "Discord")
    }
    for item in load_eval_set(args.set).questions:
        replied = Replied(assistant.ask(item.question), 1, "seal")
        for platform, count in (("Telegram", telegram_visible), ("Discord", discord_visible)):
            visible = count(replied)
            sizes[platform]["all"].append(visible)
            if replied.answer.passages:
                sizes[platform]["with passages"].append(visible)
    print(f"visible characters per answer, questions of {args.set.name} (target: median < 600)")
    for platform, groups in sizes.items():
        for group, values in groups.items():
            print(f"{platform:9s} {group:14s} {_figures(values)}")


if __name__ == "__main__":
    main()
