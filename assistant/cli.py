"""The `wegwijzer` command: parses arguments, calls the library, turns its errors into exit codes.

Exit codes: 0 success; 1 a check failed (corpus problems, evaluation below its thresholds);
2 bad input (empty or absurdly long question, bad arguments, unreadable files).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from assistant import messages
from assistant.conversation import Conversation
from assistant.core import MAX_TOP_K, Assistant
from assistant.corpus import CorpusError, bundled_corpus_dir, load_corpus
from assistant.errors import QuestionError, explain
from assistant.evaluation import (
    DialogueReport,
    EvalFileError,
    best_threshold,
    calibrate,
    check_labels,
    evaluate,
    evaluate_dialogues,
    load_dialogues,
    load_eval_set,
)
from assistant.models import Answer
from assistant.report import FORMATS, build_report
from assistant.report import render as render_report
from assistant.store import Store, store_from_environment
from assistant.textrender import render_text

DEFAULT_EVAL_FILE = Path("tests/eval/vragen.yaml")
DEFAULT_DIALOGUE_FILE = Path("tests/eval/gesprekken.yaml")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "handler"):
        parser.print_help()
        return 2
    try:
        return args.handler(args)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except (EvalFileError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`wegwijzer corpus stats | head`): stop quietly, no traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wegwijzer",
        description="Sourced Dutch answers for creative entrepreneurs in Flanders.",
    )
    commands = parser.add_subparsers(title="commands")

    ask = commands.add_parser("ask", help="answer one question")
    ask.add_argument("question", help="the question, in Dutch")
    _answer_options(ask)
    ask.set_defaults(handler=_cmd_ask)

    chat = commands.add_parser("chat", help="ask questions interactively (or one per stdin line)")
    _answer_options(chat)
    chat.set_defaults(handler=_cmd_chat)

    corpus = commands.add_parser("corpus", help="check the knowledge base or count its passages")
    corpus_commands = corpus.add_subparsers(title="corpus commands", required=True)
    for name, handler, text in (
        ("check", _cmd_corpus_check, "validate every file; exit 1 on errors"),
        ("stats", _cmd_corpus_stats, "passages per kind, status and publisher"),
    ):
        sub = corpus_commands.add_parser(name, help=text)
        sub.add_argument("directory", nargs="?", type=Path, help="corpus folder (default: bundled)")
        sub.set_defaults(handler=handler)

    forget = commands.add_parser("forget", help="delete everything the question log has of a user")
    forget.add_argument("--user", required=True, help="the user's pseudonymous key")
    forget.set_defaults(handler=_cmd_forget)

    report = commands.add_parser("report", help="the curator report from the question log")
    report.add_argument("--since", type=_date, help="first day (default: 90 days ago)")
    report.add_argument("--format", choices=FORMATS, default="text", help="output format")
    report.add_argument("--corpus", type=Path, help="corpus folder (default: bundled)")
    report.set_defaults(handler=_cmd_report)

    for platform in ("telegram", "discord"):
        bot = commands.add_parser(
            platform, help=f"run the {platform.capitalize()} bot (token from the environment)"
        )
        bot.set_defaults(handler=_cmd_bot, platform=platform)

    ev = commands.add_parser("eval", help="measure retrieval on a labelled question set")
    ev.add_argument(
        "file", nargs="?", type=Path, help=f"question set (default: {DEFAULT_EVAL_FILE})"
    )
    ev.add_argument("--corpus", type=Path, help="corpus folder (default: bundled)")
    ev.add_argument(
        "--dialogues",
        type=Path,
        help=f"follow-up dialogues (default: {DEFAULT_DIALOGUE_FILE}, when no FILE is given)",
    )
    ev.add_argument("--calibrate", action="store_true", help="print the threshold sweep")
    ev.add_argument("--misses", action="store_true", help="list questions not found in the top 3")
    ev.add_argument("--json", action="store_true", help="print the metrics as JSON")
    ev.set_defaults(handler=_cmd_eval)
    return parser


def _answer_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the answer as JSON")
    parser.add_argument("--top", type=_top_k, default=3, help=f"passages to show (1-{MAX_TOP_K})")
    parser.add_argument("--corpus", type=Path, help="corpus folder (default: bundled)")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def _top_k(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if not 1 <= number <= MAX_TOP_K:
        raise argparse.ArgumentTypeError(f"--top takes a whole number from 1 to {MAX_TOP_K}")
    return number


def _assistant(corpus: Path | None) -> Assistant:
    return Assistant.from_directory(corpus or bundled_corpus_dir())


def _cmd_ask(args: argparse.Namespace) -> int:
    try:
        answer = _assistant(args.corpus).ask(args.question, top_k=args.top)
    except QuestionError as exc:
        print(explain(exc), file=sys.stderr)
        return 2
    _record(answer)
    print(
        json.dumps(answer.to_dict(), ensure_ascii=False, indent=2)
        if args.json
        else render_text(answer),
        end="\n" if args.json else "",
    )
    return 0


def _cmd_chat(args: argparse.Namespace, stdin: TextIO | None = None) -> int:
    stdin = stdin or sys.stdin
    conversation = Conversation(_assistant(args.corpus))
    store = store_from_environment(os.environ)
    interactive = stdin.isatty() and not args.json
    if interactive:
        print(messages.CHAT_WELCOME)
    while True:
        if interactive:
            print("> ", end="", flush=True)
        line = stdin.readline()
        if not line or (interactive and not line.strip()):
            return 0
        if not line.strip():
            continue
        try:
            answer = conversation.ask(line, top_k=args.top)
        except QuestionError as exc:
            _print_chat_error(exc, args.json)
            continue
        _record(answer, store)
        if args.json:
            print(json.dumps(answer.to_dict(), ensure_ascii=False), flush=True)
        else:
            print(render_text(answer), flush=True)


def _print_chat_error(exc: QuestionError, as_json: bool) -> None:
    text = explain(exc)
    if as_json:
        print(json.dumps({"error": exc.reason, "message": text}, ensure_ascii=False), flush=True)
    else:
        print(text, flush=True)


def _record(answer: Answer, store: Store | None = None) -> None:
    """Log a CLI question in the question log (WEGWIJZER_DB; "off" disables it)."""
    store = store or store_from_environment(os.environ)
    if store is not None:
        store.record_question("cli", None, answer)


def _open_log() -> Store | None:
    """The question log for forget/report, or None after an error message."""
    store = store_from_environment(os.environ)
    if store is None or not store.enabled:
        print(
            "error: the question log is disabled or cannot be opened (WEGWIJZER_DB)",
            file=sys.stderr,
        )
        return None
    return store


def _cmd_forget(args: argparse.Namespace) -> int:
    store = _open_log()
    if store is None:
        return 1
    print(f"forgot {store.forget(args.user)} question(s) of user {args.user}")
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    store = _open_log()
    if store is None:
        return 1
    today = dt.date.today()
    since = args.since or today - dt.timedelta(days=store.retention_days)
    report = build_report(store, _assistant(args.corpus), since=since, today=today)
    print(render_report(report, args.format), end="")
    return 0


def _cmd_corpus_check(args: argparse.Namespace) -> int:
    directory = args.directory or bundled_corpus_dir()
    corpus = load_corpus(directory, today=dt.date.today())
    for warning in corpus.warnings:
        print(f"warning: {warning}")
    print(
        f"{directory}: {len(corpus.passages)} passages, no errors, "
        f"{len(corpus.warnings)} warning(s)"
    )
    return 0


def _cmd_corpus_stats(args: argparse.Namespace) -> int:
    corpus = load_corpus(args.directory or bundled_corpus_dir())
    print(f"passages: {len(corpus.passages)}")
    for label, counter in (
        ("kind", Counter(p.kind for p in corpus.passages)),
        ("status", Counter(p.status for p in corpus.passages)),
        ("publisher", Counter(p.source.publisher for p in corpus.passages)),
    ):
        print(f"per {label}:")
        for key, count in counter.most_common():
            print(f"  {count:4d}  {key}")
    return 0


def _cmd_bot(args: argparse.Namespace) -> int:
    """Start a chat bot; its own entry point reads the environment (see README)."""
    if args.platform == "telegram":
        from bots.telegram.main import main as run_bot
    else:
        from bots.discord.main import main as run_bot
    return run_bot()


def _cmd_eval(args: argparse.Namespace) -> int:
    eval_set = load_eval_set(args.file or DEFAULT_EVAL_FILE)
    assistant = _assistant(args.corpus)
    unknown = check_labels(eval_set, assistant)
    if unknown:
        print(
            f"error: the question set names unknown passages: {', '.join(unknown)}", file=sys.stderr
        )
        return 1
    report = evaluate(assistant, eval_set)
    dialogues = _evaluate_dialogues(assistant, args)
    failures = report.failures + (dialogues.failures if dialogues else [])
    if args.json:
        follow_up = (
            {"accuracy": dialogues.accuracy, "turns": dialogues.turns} if dialogues else None
        )
        print(
            json.dumps(
                {
                    "metrics": report.metrics,
                    "counts": report.counts,
                    "per_kind": report.per_kind,
                    "thresholds": report.thresholds,
                    "follow_up": follow_up,
                    "failures": failures,
                }
            )
        )
    else:
        _print_report(report, args)
        if dialogues:
            _print_dialogues(dialogues, args.misses)
        for failure in failures:
            print(f"FAIL: {failure}")
    return 1 if failures else 0


def _evaluate_dialogues(assistant: Assistant, args: argparse.Namespace) -> DialogueReport | None:
    """The follow-up evaluation: --dialogues FILE, or the default set when no FILE was given."""
    path = args.dialogues
    if path is None and args.file is None and DEFAULT_DIALOGUE_FILE.exists():
        path = DEFAULT_DIALOGUE_FILE
    return evaluate_dialogues(assistant, *load_dialogues(path)) if path else None


def _print_dialogues(report: DialogueReport, misses: bool) -> None:
    minimum = f"  (minimum {report.threshold:.2f})" if report.threshold is not None else ""
    print(
        f"follow-up accuracy {report.accuracy:.3f}{minimum} over {report.turns} turns "
        f"in {report.dialogues} dialogues"
    )
    if misses:
        for question, got, wanted in report.misses:
            print(f"  follow-up miss: {question!r} -> {got} (want {list(wanted)})")


def _print_report(report, args: argparse.Namespace) -> None:
    counts = report.counts
    print(f"questions: {counts['in_domain']} in domain, {counts['out_of_domain']} out of domain")
    for name, value in report.metrics.items():
        minimum = report.thresholds.get(name)
        floor = f"  (minimum {minimum:.2f})" if minimum is not None else ""
        print(f"  {name:12s} {value:.3f}{floor}")
    print("  per kind (in-domain questions, by their first acceptable passage):")
    for kind, figures in report.per_kind.items():
        print(
            f"    {kind:12s} {int(figures['questions']):4d} questions  "
            f"R@1 {figures['recall_at_1']:.3f}  R@3 {figures['recall_at_3']:.3f}  "
            f"answered {figures['answered']:.3f}"
        )
    if args.misses:
        for result in report.misses():
            print(
                f"  miss: {result.item.question!r} -> {list(result.ranking[:3])} "
                f"(want {list(result.item.ids)})"
            )
    if args.calibrate:
        table = calibrate(report)
        for t, answered, refused in table[::5]:
            print(f"  threshold {t:.2f}: answered {answered:.3f}  refused {refused:.3f}")
        print(f"  best threshold: {best_threshold(table):.2f}")
