"""The `wegwijzer` command: parses arguments, calls the library, turns its errors into exit codes.

Exit codes: 0 success; 1 a check failed (corpus problems, evaluation below its thresholds);
2 bad input (empty or absurdly long question, bad arguments, unreadable files).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TextIO, runtime_checkable

from assistant import cache as cache_file
from assistant import messages
from assistant.conversation import Conversation
from assistant.core import MAX_QUESTION_CHARS, MAX_TOP_K, Assistant
from assistant.corpus import CorpusError, bundled_corpus_dir, load_corpus, shorten
from assistant.decision import ModelFileError
from assistant.errors import EvalFileError, QuestionError, explain
from assistant.formats import CURATE_FORMATS, REPORT_FORMATS
from assistant.gcpause import one_shot, settle
from assistant.models import Answer, Channel
from assistant.textrender import render_text
from assistant.votes import VotesFileError

if TYPE_CHECKING:  # the commands that need them import them: `ask` starts without them
    from assistant import curate
    from assistant.evaluation import DialogueMeasurement, EvalSet, LabelledQuestion, Measurement
    from assistant.store import Store

# A chat line is read in pieces of this size; anything beyond one piece is too long anyway.
LINE_CHUNK = 4 * MAX_QUESTION_CHARS
# Entry-point group through which other packages (the bots) add subcommands.
PLUGIN_GROUP = "wegwijzer.commands"
# The core's own commands: with one of them, the plug-ins are not looked up (`--help` does).
BUILT_IN = frozenset({"ask", "chat", "index", "corpus", "forget", "report", "curate", "eval"})
_PLUGINS: set[str] = set()  # their names, filled by `_parser`
_ASK_OPTIONS = frozenset({"--json", "--top", "--corpus"})  # see `_answer_options`
_VALUED = frozenset({"--top", "--corpus"})  # the ask options that take a value
# What an option looks like: "-h", "--top", "--top=2". A word that starts with "-" but looks
# like no option ("-5%", "-5% korting op kunst, welke btw?") is a word of a question.
_OPTION = re.compile(r"--?[A-Za-z][A-Za-z0-9-]*(?:=.*)?", re.DOTALL)

# The evaluation sets live in a checkout (tests/eval/), found from this file, not from the
# current folder: `wegwijzer eval` works from anywhere in it, and an installed wheel, which has
# no tests, says to give FILE.
CHECKOUT = Path(__file__).resolve().parent.parent
EVAL_DIR = CHECKOUT / "tests" / "eval"
DEFAULT_EVAL_SETS = (
    ("tuning", EVAL_DIR / "vragen.yaml", EVAL_DIR / "gesprekken.yaml"),
    ("validation", EVAL_DIR / "validatie.yaml", EVAL_DIR / "validatie-gesprekken.yaml"),
    ("held-out", EVAL_DIR / "heldout.yaml", EVAL_DIR / "heldout-gesprekken.yaml"),
)  # (name, questions, dialogues): the tuning set the model is fitted on; the validation set,
# never fitted on, that a change is accepted or rejected on; the held-out set, never used for
# either, that reports what users get. CI gates on all three.
# Questions in users' words that only the word votes and neighbours learn from (`assistant.votes`).
PRACTICE = EVAL_DIR / "oefenvragen.yaml"
# Dialogues the fit chooses the follow-up threshold on, beside the tuning dialogues.
PRACTICE_DIALOGUES = EVAL_DIR / "oefengesprekken.yaml"


@runtime_checkable
class PluginCommand(Protocol):
    """What an entry point in `PLUGIN_GROUP` names: a help line and `run(argv)` -> exit code."""

    help: str

    def run(self, argv: list[str]) -> int: ...


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    words = list(sys.argv[1:] if argv is None else argv)
    # Plug-ins are looked up only when the command is not one of the core's own.
    parser = _parser(plugins=not words or words[0] not in BUILT_IN)
    # `wegwijzer hoe bescherm ik mijn ideeën?` asks, as `wegwijzer ask ...` does: words that
    # name no command are a question.
    if (
        words
        and words[0] not in BUILT_IN | _PLUGINS
        and (not _OPTION.fullmatch(words[0]) or words[0].split("=")[0] in _ASK_OPTIONS)
    ):
        words.insert(0, "ask")  # also `wegwijzer --top 1 wat is de winwinlening`
    if words[:1] == ["ask"]:
        words[1:] = _question_last(words[1:])
    # A plug-in's options are its own (`wegwijzer telegram --watch`): argparse would take
    # them for the core's, so everything after the plug-in's name goes to it unread.
    if words and words[0] in _PLUGINS:
        args = parser.parse_args(words[:1])
        args.options = words[1:]
    else:
        args = parser.parse_args(words)
    if not hasattr(args, "handler"):
        parser.print_help()
        return 2
    try:
        return args.handler(args)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except (EvalFileError, FileNotFoundError, VotesFileError, ModelFileError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`wegwijzer corpus stats | head`): stop quietly, no traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:  # Ctrl-C, in `chat` above all: a new line, no traceback
        print(file=sys.stderr)
        return 130
    except OSError as exc:  # stdout on a full device, a closed stdin ...
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        print(f"error: {exc.strerror or exc}", file=sys.stderr)
        return 1


def _question_last(words: list[str]) -> list[str]:
    """`ask`'s words with a question word that starts with "-" out of argparse's way.

    argparse takes "-5%" for an unknown option ("-5% korting op kunst, welke btw?" as one
    word passes only for its space). When a word of the question starts with "-", the
    options (and the values of `--top` and `--corpus`) go first and the question's words
    follow "--", in their order; otherwise the words are left as they are.
    """
    if not any(w.startswith("-") and not _OPTION.fullmatch(w) for w in words) or "--" in words:
        return words
    options: list[str] = []
    question: list[str] = []
    rest = iter(words)
    for word in rest:
        if not _OPTION.fullmatch(word):
            question.append(word)
            continue
        options.append(word)
        if word in _VALUED and (value := next(rest, None)) is not None:
            options.append(value)  # "--top 2": the 2 is no word of the question
    return [*options, "--", *question]


def _parser(*, plugins: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wegwijzer",
        description="Sourced Dutch answers for creative entrepreneurs in Flanders.",
        epilog="Words that name no command are a question: wegwijzer hoe bescherm ik mijn idee",
    )
    commands = parser.add_subparsers(title="commands")

    ask = commands.add_parser("ask", help="answer one question")
    # "*", not "+": without a question the user gets the Dutch "Stel een vraag ..." of an
    # empty one, not argparse's English usage error.
    ask.add_argument("question", nargs="*", help="the question, in Dutch (quotes optional)")
    _answer_options(ask)
    ask.set_defaults(handler=_cmd_ask)

    chat = commands.add_parser("chat", help="ask questions interactively (or one per stdin line)")
    _answer_options(chat)
    chat.set_defaults(handler=_cmd_chat)

    index = commands.add_parser("index", help="build the index once, for a fast start")
    index_commands = index.add_subparsers(title="index commands", required=True)
    build = index_commands.add_parser(
        "build", help="analyse and index a corpus and write it to its cache file"
    )
    build.add_argument("--corpus", type=Path, help="corpus folder (default: bundled)")
    build.add_argument("--cache", type=Path, help="cache file (default: in the user's cache)")
    build.set_defaults(handler=_cmd_index_build)

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
    report.add_argument("--format", choices=REPORT_FORMATS, default="text", help="output format")
    report.add_argument("--corpus", type=Path, help="corpus folder (default: bundled)")
    report.set_defaults(handler=_cmd_report)

    _curate_parser(commands)

    for name, command in _plugin_commands() if plugins else ():
        _PLUGINS.add(name)
        plugin = commands.add_parser(name, help=command.help, add_help=False)
        plugin.set_defaults(handler=_cmd_plugin, command=command, options=[])

    ev = commands.add_parser("eval", help="measure answers on labelled questions and dialogues")
    ev.add_argument(
        "file", nargs="?", type=Path, help="question set (default: the tuning and held-out sets)"
    )
    ev.add_argument("--corpus", type=Path, help="corpus folder (default: bundled)")
    ev.add_argument("--dialogues", type=Path, help="follow-up dialogues to play")
    ev.add_argument(
        "--fit",
        action="store_true",
        help="first fit the answerability model on FILE (default: the tuning set) and install it",
    )
    ev.add_argument("--model-out", type=Path, help="with --fit: where to write the model")
    ev.add_argument("--misses", action="store_true", help="list every wrong outcome")
    ev.add_argument("--json", action="store_true", help="print the metrics as JSON")
    ev.set_defaults(handler=_cmd_eval)
    return parser


def _curate_parser(commands: argparse._SubParsersAction) -> None:
    """`curate` lists the suggestions; `curate accept|reject ID...` decides on them."""
    parser = commands.add_parser(
        "curate", help="example questions suggested by the question log; accept or reject them"
    )
    parser.add_argument("--since", type=_date, help="first day (default: 90 days ago)")
    parser.add_argument("--format", choices=CURATE_FORMATS, default="text", help="output format")
    parser.add_argument("--corpus", type=Path, help="corpus folder (default: bundled)")
    parser.set_defaults(handler=_cmd_curate, action=None)
    actions = parser.add_subparsers(title="actions", dest="action")
    for name, text in (
        ("accept", "write the suggested questions into their passages' files, then check"),
        ("reject", "remember that these suggestions are not wanted"),
    ):
        action = actions.add_parser(name, help=text)
        action.add_argument("ids", nargs="+", metavar="ID", help="suggestion ids (see curate)")
        # Also accepted after the action; SUPPRESS keeps a value given before it.
        action.add_argument("--since", type=_date, default=argparse.SUPPRESS, help="first day")
        action.add_argument("--corpus", type=Path, default=argparse.SUPPRESS, help="corpus")


def _answer_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the answer as JSON")
    parser.add_argument("--top", type=_top_k, default=3, help=f"passages to show (1-{MAX_TOP_K})")
    parser.add_argument("--corpus", type=Path, help="corpus folder (default: bundled)")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        message = f"not an ISO date (YYYY-MM-DD): {shorten(value)}"
        raise argparse.ArgumentTypeError(message) from None


def _top_k(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if not 1 <= number <= MAX_TOP_K:
        raise argparse.ArgumentTypeError(f"--top takes a whole number from 1 to {MAX_TOP_K}")
    return number


def _assistant(corpus: Path | None, *, cached: bool = False) -> Assistant:
    """The assistant over a corpus folder (default: bundled); with `cached`, read from the
    folder's cache file when one matches, else built and cached for the next start."""
    directory = corpus or bundled_corpus_dir()
    if cached:
        return cache_file.load(directory, cache_file.user_path(directory))
    return Assistant.from_directory(directory)


def _cmd_index_build(args: argparse.Namespace) -> int:
    directory = args.corpus or bundled_corpus_dir()
    started = time.perf_counter()
    built = Assistant.from_directory(directory)
    path = args.cache or cache_file.user_path(directory)
    cache_file.write(built, path)
    seconds = time.perf_counter() - started
    print(f"{len(built.passages)} passages indexed in {seconds:.1f} s; cache: {path}")
    return 0


def _cmd_ask(args: argparse.Namespace) -> int:
    try:
        with one_shot():
            question = " ".join(args.question)
            answer = _assistant(args.corpus, cached=True).ask(question, top_k=args.top)
    except QuestionError as exc:
        print(explain(exc), file=sys.stderr)
        return 2
    print(
        json.dumps(answer.to_dict(), ensure_ascii=False, indent=2)
        if args.json
        else render_text(answer),
        end="\n" if args.json else "",
        flush=True,
    )
    _record(answer)  # after the answer is out: a log failure never costs it
    return 0


def _cmd_chat(args: argparse.Namespace, stdin: TextIO | None = None) -> int:
    stdin = stdin or sys.stdin
    if stdin is None:  # started with its input closed (`wegwijzer chat <&-`)
        print("error: chat reads questions from stdin, which is closed", file=sys.stderr)
        return 2
    assistant = _assistant(args.corpus, cached=True)
    assistant.warm_up()  # the first question waits for no import
    conversation = Conversation(assistant)
    settle()  # a session serves from what was just built (see `gcpause.settle`)
    store = _cli_log()
    interactive = stdin.isatty() and not args.json
    if interactive:
        print(messages.CHAT_WELCOME)
    while True:
        if interactive:
            print("> ", end="", flush=True)
        read = _read_line(stdin)
        if read is None or (interactive and not read[0].strip()):
            return 0
        line, length = read
        if not line.strip():
            continue
        try:
            if length > LINE_CHUNK:
                raise QuestionError("too_long", length, MAX_QUESTION_CHARS)
            answer = conversation.ask(line, top_k=args.top)
        except QuestionError as exc:
            _print_chat_error(exc, args.json)
            continue
        if args.json:
            print(json.dumps(answer.to_dict(), ensure_ascii=False), flush=True)
        else:
            print(render_text(answer), flush=True)
        _record(answer, store)  # after the answer is out: a log failure never costs it


def _read_line(stdin: TextIO) -> tuple[str, int] | None:
    """The next line and its length, None at the end. A line far longer than any question is
    read in chunks and only its start kept, so a 200 MB line costs no more memory than a short
    one (it is refused as too long by its full length)."""
    line = stdin.readline(LINE_CHUNK)
    if not line:
        return None
    length = len(line.rstrip("\n"))
    if not line.endswith("\n") and length == LINE_CHUNK:
        while rest := stdin.readline(LINE_CHUNK):
            length += len(rest.rstrip("\n"))
            if rest.endswith("\n"):
                break
    return line, length


def _print_chat_error(exc: QuestionError, as_json: bool) -> None:
    text = explain(exc)
    if as_json:
        print(json.dumps({"error": exc.reason, "message": text}, ensure_ascii=False), flush=True)
    else:
        print(text, flush=True)


def _record(answer: Answer, store: Store | None = None) -> None:
    """Log a CLI question, only when WEGWIJZER_DB names a log: someone trying Wegwijzer from
    the command line is not told that their questions are kept, so by default they are not
    (the bots, whose users read the privacy notice, log by default)."""
    if store is None and not os.environ.get("WEGWIJZER_DB", "").strip():
        return  # no log named: nothing to record (and the log's code is not even loaded)
    (store or _cli_log()).record_question(Channel.CLI, None, answer)


def _cli_log() -> Store:
    """The log for questions asked on the command line: only the one WEGWIJZER_DB names (a
    disabled store otherwise, which records nothing)."""
    from assistant.store import Store, store_from_environment

    if not os.environ.get("WEGWIJZER_DB", "").strip():
        return Store.disabled()
    return store_from_environment(os.environ)


def _open_log(*, existing: bool = False) -> Store | None:
    """The question log for forget, report and curate, or None after an error message.

    With `existing`, a log that does not exist yet is not created (forget, report and curate
    read one: a mistyped WEGWIJZER_DB would otherwise give an empty report, "forgot 0
    questions" and a new file).
    """
    from assistant.store import missing_log, store_from_environment

    if existing and (missing := missing_log(os.environ)) is not None:
        print(messages.LOG_MISSING.format(path=missing), file=sys.stderr)
        return None
    store = store_from_environment(os.environ)
    if not store.enabled:
        print(
            "error: the question log is disabled or cannot be opened (WEGWIJZER_DB)",
            file=sys.stderr,
        )
        return None
    return store


def _cmd_forget(args: argparse.Namespace) -> int:
    store = _open_log(existing=True)  # a log that does not exist holds nobody to forget
    if store is None:
        return 1
    with store:
        from assistant.store import StoreError

        try:
            count = store.forget(args.user)
        except StoreError as exc:
            print(f"error: nothing was forgotten: {exc}; try again later", file=sys.stderr)
            return 1
    print(f"forgot {count} question(s) of user {args.user}")
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    store = _open_log(existing=True)
    if store is None:
        return 1
    from assistant import curate
    from assistant.report import build_report
    from assistant.report import render as render_report

    today = dt.date.today()
    with store:
        since = args.since or today - dt.timedelta(days=store.retention_days)
        assistant = _assistant(args.corpus)
        suggestions = curate.propose(store, assistant, since=since).suggestions
        report = build_report(store, assistant, since=since, today=today, suggestions=suggestions)
    print(render_report(report, args.format), end="")
    return 0


def _cmd_curate(args: argparse.Namespace) -> int:
    from assistant import curate

    # Also for accept and reject: their ids name suggestions of an existing log.
    store = _open_log(existing=True)
    if store is None:
        return 1
    with store:
        since = args.since or dt.date.today() - dt.timedelta(days=store.retention_days)
        assistant = _assistant(args.corpus)
        proposals = curate.propose(store, assistant, since=since)
        if args.action is None:
            print(curate.render(proposals, args.format), end="")
            return 0
        chosen, unknown = curate.resolve(proposals.suggestions, args.ids)
        if unknown:
            nothing = "nothing was written" if args.action == "accept" else "nothing was recorded"
            print(
                f"error: no open suggestion with id {', '.join(map(shorten, unknown))} (see"
                f" `wegwijzer curate --since {since}`); {nothing}",
                file=sys.stderr,
            )
            return 2
        if args.action == "reject":
            return _reject(store, chosen)
        return _accept(store, assistant, chosen)


def _reject(store: Store, chosen: list[curate.Suggestion]) -> int:
    from assistant.store import Curation, StoreError

    try:
        store.decide([key for s in chosen for key in s.keys], Curation.REJECTED)
    except StoreError as exc:
        print(f"error: nothing was rejected: {exc}; try again later", file=sys.stderr)
        return 1
    for s in chosen:
        print(f"rejected {s.id}: {s.question!r} for {s.passage_id} ({len(s.members)} wording(s))")
    return 0


def _accept(store: Store, assistant: Assistant, chosen: list[curate.Suggestion]) -> int:
    from assistant import curate
    from assistant.store import Curation, StoreError

    try:
        written = curate.write_suggestions(assistant.corpus, chosen)
    except curate.CurateError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for item in written:
        print(f"added {item.question!r} to {item.passage_id} in {item.file}")
    print(f"{assistant.corpus.directory}: the corpus passes its check")
    try:
        store.decide([key for s in chosen for key in s.keys], Curation.ACCEPTED)
    except StoreError as exc:  # the questions are in the corpus, so they are not proposed again
        print(f"warning: the decision was not recorded: {exc}", file=sys.stderr)
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


def _plugin_commands() -> list[tuple[str, PluginCommand]]:
    """Subcommands other packages register under the entry-point group `PLUGIN_GROUP`.

    The bots register theirs (`wegwijzer telegram`, `wegwijzer discord`) so that the core
    never imports them; an entry point that fails to load is left out, not fatal.
    """
    from importlib.metadata import entry_points

    found = []
    for entry in sorted(entry_points(group=PLUGIN_GROUP), key=lambda e: e.name):
        try:
            command = entry.load()
        except Exception as error:  # a broken plug-in must not take the core CLI down
            print(f"wegwijzer: subcommand {entry.name!r} not available: {error}", file=sys.stderr)
            continue
        if isinstance(command, PluginCommand):
            found.append((entry.name, command))
    return found


def _cmd_plugin(args: argparse.Namespace) -> int:
    """Run a subcommand registered by another package (a bot reads its own environment)."""
    return args.command.run(args.options)


def _cmd_eval(args: argparse.Namespace) -> int:
    assistant = _assistant(args.corpus)
    sets = _eval_sets(args)
    # The set the installed votes and neighbours learnt from (the tuning set, or FILE just
    # fitted on) is read as the fit reads it: each question without its fold's
    # (`evaluation.fold_readers`); read with them, a question is its own nearest neighbour.
    learnt = (args.file if args.fit and args.file else DEFAULT_EVAL_SETS[0][1]).resolve()
    measured = any(questions.resolve() == learnt for _, questions, _ in sets)
    practice = _practice(assistant, args) if args.fit or measured else ()
    if args.fit:
        _fit(assistant, args, practice)
    runs = [
        _evaluate_set(
            assistant,
            name,
            questions,
            dialogues,
            practice if questions.resolve() == learnt else None,
        )
        for name, questions, dialogues in sets
    ]
    failures = [f"{run['set']}: {failure}" for run in runs for failure in run["failures"]]
    if args.json:
        print(json.dumps({"sets": [_public(run) for run in runs], "failures": failures}))
    else:
        for run in runs:
            _print_run(run, args.misses)
        for failure in failures:
            print(f"FAIL: {failure}")
    return 1 if failures else 0


def _eval_sets(args: argparse.Namespace) -> list[tuple[str, Path, Path | None]]:
    """(name, question file, dialogue file) to evaluate: FILE, or the tuning and held-out sets."""
    if args.file is not None:
        return [(str(args.file), args.file, args.dialogues)]
    sets = []
    for name, questions, dialogues in DEFAULT_EVAL_SETS:
        if questions.exists():
            sets.append((name, questions, args.dialogues or _existing(dialogues)))
    if not sets:
        raise FileNotFoundError(
            f"no evaluation sets in {EVAL_DIR} (they come with a checkout); give FILE"
        )
    return sets


def _existing(path: Path) -> Path | None:
    return path if path.exists() else None


def _fit(
    assistant: Assistant, args: argparse.Namespace, practice: Sequence[LabelledQuestion]
) -> None:
    """Fit the answerability model on the tuning set (or FILE) and install it, the votes and
    neighbours learning from it and from `practice` (`_practice`)."""
    from assistant.decision import FEATURES, MODEL_FILE, bundled_model_path
    from assistant.evaluation import fit_model, labelled_examples, load_dialogues
    from assistant.votes import VOTES_FILE, examples_to_text

    source = args.file or DEFAULT_EVAL_SETS[0][1]
    eval_set = _checked_set(assistant, source)
    talk = args.dialogues or (None if args.file else DEFAULT_EVAL_SETS[0][2])
    dialogues = load_dialogues(talk)[0] if talk else []
    # Like the practice questions, only beside the tuning set and the bundled corpus.
    practised = (
        load_dialogues(PRACTICE_DIALOGUES)[0] if practice and PRACTICE_DIALOGUES.exists() else []
    )
    model = fit_model(
        assistant, eval_set, dialogues, practice=practice, practice_dialogues=practised
    )
    target = args.model_out or bundled_model_path()
    shown = source.relative_to(CHECKOUT) if source.is_relative_to(CHECKOUT) else source
    model.save(target, fitted_on=shown.as_posix(), examples=len(eval_set.questions))
    counted = [*practice, *eval_set.questions]
    # Beside the model: votes.json beside answerability.json, else named after the model.
    votes_target = (
        target.with_name(VOTES_FILE)
        if target.name == MODEL_FILE
        else target.with_suffix(".votes.json")
    )
    examples = labelled_examples(assistant, counted)
    votes_target.write_text(examples_to_text(examples), "utf-8")
    assistant.model = model
    learned = assistant.with_labelled(examples)
    assistant.votes, assistant.neighbours = learned.votes, learned.neighbours
    print(f"fitted on {source} ({len(eval_set.questions)} questions); wrote {target}")
    print(
        f"  word votes and neighbours from {len(counted)} labelled questions; wrote {votes_target}"
    )
    print(f"  threshold {model.threshold:.2f}, unsure below {model.unsure:.2f}")
    if model.follow_up_threshold is not None:
        print(
            f"  follow-up threshold {model.follow_up_threshold:.2f}, chosen on "
            f"{len(dialogues)} dialogues of {talk.name if talk else 'no file'} and "
            f"{len(practised)} practice dialogues"
        )
    ranking = model.ranking or (0.0,) * len(FEATURES)
    print(f"  {'signal':22s} {'weight':>7s} {'ranking':>8s}")
    for name, weight, rank in zip(FEATURES, model.weights, ranking, strict=True):
        print(f"  {name:22s} {weight:+7.3f} {rank:+8.3f}")


def _practice(assistant: Assistant, args: argparse.Namespace) -> Sequence[LabelledQuestion]:
    """The practice questions the installed votes and neighbours learn from beside the tuning
    set: those of the checkout, unless FILE is fitted on. A fit learns from them only with the
    bundled corpus, whose passages they name; another corpus's assistant holds the shipped
    votes, which learnt from them (`votes.for_corpus` leaves out the passages it lacks), so
    its tuning set is read out of fold with them too, their labels unchecked."""
    if (args.fit and (args.file or args.corpus is not None)) or not PRACTICE.exists():
        return ()
    if args.corpus is not None:
        from assistant.evaluation import load_eval_set

        return load_eval_set(PRACTICE).questions
    return _checked_set(assistant, PRACTICE).questions


def _checked_set(assistant: Assistant, path: Path) -> EvalSet:
    from assistant.evaluation import check_labels, load_eval_set

    eval_set = load_eval_set(path)
    unknown = check_labels(eval_set, assistant)
    if unknown:
        raise EvalFileError(f"{path}: names unknown passages: {', '.join(unknown)}")
    return eval_set


def _evaluate_set(
    assistant: Assistant,
    name: str,
    questions: Path,
    dialogues: Path | None,
    practice: Sequence[LabelledQuestion] | None = None,
) -> dict:
    from assistant.evaluation import evaluate, evaluate_dialogues, load_dialogues

    measured = evaluate(assistant, _checked_set(assistant, questions), practice)
    talk = evaluate_dialogues(assistant, *load_dialogues(dialogues)) if dialogues else None
    return {
        "set": name,
        "measured": measured,
        "dialogues": talk,
        "failures": measured.failures + (talk.failures if talk else []),
    }


def _public(run: dict) -> dict:
    """The JSON form of one evaluated set."""
    measured, talk = run["measured"], run["dialogues"]
    return {
        "set": run["set"],
        "metrics": measured.metrics,
        # The 95% interval of each share, and what it is a share of: [counted, of].
        "intervals": measured.intervals,
        "shares": measured.shares,
        "counts": measured.counts,
        "per_kind": measured.per_kind,
        "per_style": measured.per_style,
        "reliability": [vars(b) for b in measured.reliability],
        "thresholds": measured.thresholds,
        "dialogues": {
            "metrics": talk.metrics,
            "intervals": talk.intervals,
            "shares": talk.shares,
            "counts": talk.counts,
        }
        if talk
        else None,
        "failures": run["failures"],
    }


def _print_run(run: dict, misses: bool) -> None:
    from assistant.evaluation import MAXIMA

    measured, talk = run["measured"], run["dialogues"]
    counts = ", ".join(f"{n} {c.replace('_', ' ')}" for c, n in measured.counts.items() if n)
    print(f"== {run['set']}: {counts}")
    print("  (a share is followed by its 95% interval and how many questions it is a share of)")
    for name, value in measured.metrics.items():
        limit = measured.thresholds.get(name)
        word = "maximum" if name in MAXIMA else "minimum"
        floor = f"  ({word} {limit:.2f})" if limit is not None else ""
        print(f"  {name:21s} {_figure(measured, name, value)}{floor}")
    print("  per kind (answerable questions, by their first acceptable passage):")
    for kind, figures in measured.per_kind.items():
        print(
            f"    {kind:12s} {int(figures['questions']):4d} questions  "
            f"R@1 {figures['recall_at_1']:.3f}  R@3 {figures['recall_at_3']:.3f}  "
            f"answered {figures['answered']:.3f}"
        )
    print("  per style (share with the right outcome):")
    for style, figures in measured.per_style.items():
        print(f"    {style:9s} {int(figures['questions']):4d} questions  {figures['right']:.3f}")
    print("  reliability (confidence bin: questions, predicted, observed):")
    for b in measured.reliability:
        print(f"    {b.low:.1f}-{b.high:.1f}  {b.count:4d}  {b.predicted:.3f}  {b.observed:.3f}")
    if talk:
        print(
            f"  dialogues: {talk.counts['dialogues']}, {talk.counts['follow_up']} follow-ups "
            f"(and {talk.counts['follow_up_unanswerable']} no passage answers), "
            f"{talk.counts['unrelated']} unrelated turns"
        )
        width = max(map(len, talk.metrics))
        for name, value in talk.metrics.items():
            limit = talk.thresholds.get(name)
            floor = f"  (minimum {limit:.2f})" if limit is not None else ""
            print(f"  {name:{width}s} {_figure(talk, name, value)}{floor}")
    if misses:
        _print_misses(measured, talk)


def _figure(measured: Measurement | DialogueMeasurement, name: str, value: float) -> str:
    """A metric as printed: with its 95% interval and its number of questions if a share.

    "0.737  0.699-0.771 of 566"; "0.894" for mrr and the calibration error, which are no
    shares; "  -    (no such questions)" for a share, or the mrr, of no questions.
    """
    counted = measured.shares.get("recall_at_1" if name == "mrr" else name)
    if counted is not None and counted[1] == 0:
        return "  -    (no such questions)"
    if name not in measured.shares:
        return f"{value:.3f}"
    low, high = measured.intervals[name]
    return f"{value:.3f}  {low:.3f}-{high:.3f} of {measured.shares[name][1]:<4d}"


def _print_misses(measured: Measurement, talk: DialogueMeasurement | None) -> None:
    for result in measured.wrong_outcomes():
        item = result.item
        want = list(item.ids) or item.category
        print(
            f"  wrong: [{item.category}] {item.question!r} -> {result.outcome} "
            f"{list(result.ranking[:3])} ({result.confidence:.2f}; want {want})"
        )
    for kind, question, got, wanted in talk.misses if talk else ():
        print(f"  {kind} miss: {question!r} -> {got} (want {list(wanted) or 'no answer'})")
