import argparse
import ast
import dataclasses
import importlib.metadata
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import cli, evaluation, messages
from assistant.store import Store
from assistant.textrender import render_text
from assistant.votes import bundled_examples_path
from bots import commands
from tests.conftest import passage, run_cli, write_corpus

ROOT = Path(__file__).resolve().parent.parent

# In-process commands answer from the session's assistant rather than loading the bundled
# corpus each time; the subprocess tests below still go through the real entry point.
pytestmark = pytest.mark.usefixtures("cli_reuses_the_session_assistant")


def test_ask_prints_the_best_snippet_first_then_its_source_date_and_link(capsys, assistant):
    question = "Hoe bescherm ik mijn ideeën?"
    answer = assistant.ask(question)
    best = answer.passages[0]
    code, out, _ = run_cli(capsys, "ask", question)
    assert code == 0
    lines = out.splitlines()
    # The answer opens with the best snippet (wrapped), then its source, dates and pages.
    source = next(i for i, line in enumerate(lines) if line.startswith("   Bron: "))
    assert " ".join(lines[:source]) == " ".join(best.snippet.split())
    assert f"«{best.source.title}»" in lines[source]
    assert f"nagekeken {best.checked}" in lines[source]
    assert lines[source].endswith(f"– {best.source.url}")
    pages = [f"   Meer info: {link.label} – {link.url}" for link in best.links]
    assert lines[source + 1 : source + 1 + len(pages)] == pages
    # The other passages follow under "Ook relevant", numbered from 2; the caution closes.
    assert "Ook relevant:" in lines and f"2. {answer.passages[1].title}" in lines
    assert lines[-2:] == [messages.CAUTION, f"(zekerheid {answer.confidence:.2f})"]


def test_a_source_without_a_page_is_named_by_its_title_not_its_register_id(capsys, assistant):
    question = "wat was het actieplan creatieve economie van 2012"
    first = assistant.ask(question, top_k=1).passages[0]
    assert first.source.url is None and first.source.document == "actieplan-ccs-2012"
    code, out, _ = run_cli(capsys, "ask", question, "--top", "1")
    [source] = [line for line in out.splitlines() if line.startswith("   Bron: ")]
    assert code == 0 and "actieplan-ccs-2012" not in out
    assert source == (
        f"   Bron: {first.source.publisher}, «{first.source.title}» "
        f"({first.source.date}; nagekeken {first.checked})"
    )


def test_suggestions_are_labelled_by_what_they_are_and_smalltalk_has_no_confidence(capsys):
    # Beside an answer: questions on its subject; without one: guesses at the question.
    _, answered, _ = run_cli(capsys, "ask", "wat is de winwinlening")
    assert "Verwante vragen:" in answered and "Misschien bedoel je:" not in answered
    _, refused, _ = run_cli(capsys, "ask", "recept voor stoofvlees met friet")
    assert "Misschien bedoel je:" in refused and "Verwante vragen:" not in refused
    _, greeted, _ = run_cli(capsys, "ask", "hallo")
    assert "zekerheid" not in greeted
    # Smalltalk's message ends by introducing its examples: a notice goes above it.
    _, english, _ = run_cli(capsys, "ask", "who are you?")
    assert english.startswith(f"! {messages.ENGLISH_NOTICE}\n")
    assert english.splitlines()[2].startswith("  • ")


def test_ask_json_follows_the_contract(capsys):
    code, out, _ = run_cli(capsys, "ask", "wat is de winwinlening", "--json", "--top", "2")
    data = json.loads(out)
    assert code == 0
    assert data["answered"] is True
    assert len(data["passages"]) <= 2
    assert data["passages"][0]["source"]["url"].startswith("https://")


def test_words_that_name_no_command_are_a_question(capsys):
    # What users type first: no `ask`, no quotes; "chat" or "eval" would still be a command.
    _, asked, _ = run_cli(capsys, "ask", "wat is de winwinlening", "--json")
    code, bare, _ = run_cli(capsys, "wat", "is", "de", "winwinlening", "--json")
    _, unquoted, _ = run_cli(capsys, "ask", "wat", "is", "de", "winwinlening", "--json")
    assert code == 0
    assert json.loads(bare) == json.loads(unquoted) == json.loads(asked)
    assert json.loads(bare)["question"] == "wat is de winwinlening"
    code, first, _ = run_cli(capsys, "--json", "wat", "is", "de", "winwinlening")
    assert code == 0 and json.loads(first) == json.loads(asked)


def test_a_question_that_starts_with_a_dash_is_a_question_not_an_option(capsys):
    question = "-5% korting op kunst, welke btw?"
    _, asked, _ = run_cli(capsys, "ask", question, "--json")
    code, bare, err = run_cli(capsys, question, "--json")
    assert (code, err) == (0, "")
    assert json.loads(bare) == json.loads(asked) and json.loads(bare)["question"] == question
    words = ["-5%", "korting", "op", "kunst,", "welke", "btw?"]
    code, unquoted, _ = run_cli(capsys, *words, "--top", "1", "--json")
    assert code == 0 and json.loads(unquoted)["question"] == question  # "1" went to --top
    with pytest.raises(SystemExit) as info:  # a mistyped option is still an option
        cli.main(["--jsno", "wat", "is", "vlaio"])
    assert info.value.code == 2


def test_out_of_domain_question_points_to_a_desk(capsys):
    code, out, _ = run_cli(capsys, "ask", "recept voor stoofvlees", "--json")
    data = json.loads(out)
    assert code == 0 and data["answered"] is False
    assert data["fallback"]["url"] == "https://www.cultuurloket.be"


def test_a_partial_answer_about_the_desk_names_its_page_once(capsys, assistant):
    question = "wat zijn de openingsuren van het cultuurloket"
    answer = assistant.ask(question)
    assert answer.outcome == "partial" and answer.passages[0].id == "cultuurloket"
    assert answer.fallback.url == "https://www.cultuurloket.be"  # the desk is the lead's page
    code, out, _ = run_cli(capsys, "ask", question)
    assert code == 0
    assert "Meer info: Cultuurloket – https://www.cultuurloket.be\n" in out
    assert "Hulp van een mens" not in out
    _, elsewhere, _ = run_cli(capsys, "ask", "wat is het telefoonnummer van vi.be")
    assert "Hulp van een mens: Cultuurloket – https://www.cultuurloket.be" in elsewhere


def test_a_desk_linked_only_further_down_is_still_named(assistant):
    # A cautioned answer says to ask a desk and names which one. A later passage that cites
    # the desk's page among its sources does not do that for it (the bots, too, look at the
    # lead alone): the line "Hulp van een mens" stays.
    answer = assistant.ask("wat kost een i-depot")
    lead = answer.passages[0]
    desk_page = assistant.ask("wat zijn de openingsuren van het cultuurloket").passages[0]
    assert messages.CULTUURLOKET.url in [link.url for link in desk_page.links]
    assert messages.CULTUURLOKET.url not in [lead.source.url, *(link.url for link in lead.links)]
    cautious = dataclasses.replace(
        answer,
        passages=(lead, desk_page),
        unsure=True,
        message=messages.ANSWERED_UNSURE,
        fallback=messages.CULTUURLOKET,
    )
    out = render_text(cautious)
    assert "Meer info: Cultuurloket – https://www.cultuurloket.be\n" in out
    assert "Hulp van een mens: Cultuurloket – https://www.cultuurloket.be\n" in out


@pytest.mark.parametrize("question", ["", "   ", "x" * 10_000])
def test_empty_or_absurdly_long_question_exits_2_with_a_message(capsys, question):
    code, out, err = run_cli(capsys, "ask", question)
    assert code == 2
    assert out == ""
    assert err.strip() and "Traceback" not in err


@pytest.mark.parametrize("argv", [["ask"], ["ask", "--json"], ["ask", "--top", "2"]])
def test_ask_without_a_question_asks_for_one_in_dutch(capsys, argv):
    from assistant import messages

    assert run_cli(capsys, *argv) == (2, "", messages.EMPTY_QUESTION + "\n")


def test_top_out_of_range_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["ask", "winwinlening", "--top", "0"])
    assert info.value.code == 2
    assert "--top takes a whole number from 1 to 10" in capsys.readouterr().err


def test_chat_json_answers_one_object_per_line(capsys, monkeypatch):
    monkeypatch.setattr(
        sys, "stdin", io.StringIO("wat is vlaio\n\nrecept voor stoofvlees met friet\n   \n")
    )
    code, out, _ = run_cli(capsys, "chat", "--json")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [line.get("answered") for line in lines] == [True, False]


def test_chat_json_reports_a_too_long_line_and_goes_on(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("x" * 5000 + "\nwat is vlaio\n"))
    code, out, _ = run_cli(capsys, "chat", "--json")
    assert code == 0
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["error"] == "too_long" and second["answered"] is True


def test_corpus_check_passes_on_the_bundled_corpus(capsys):
    code, out, _ = run_cli(capsys, "corpus", "check")
    assert code == 0
    assert "no errors" in out


def test_corpus_check_lists_every_problem_and_exits_1(capsys, tmp_path):
    root = write_corpus(
        tmp_path, {"a.yaml": [passage("een", kind="gedicht"), passage("twee", status="historisch")]}
    )
    code, _, err = run_cli(capsys, "corpus", "check", str(root))
    assert code == 1
    assert "a.yaml: een: kind: must be one of" in err
    assert "a.yaml: twee: superseded_by:" in err


def test_ask_freezes_what_it_built_and_leaves_the_collector_on(capsys):
    """One question and out: what was built is frozen before the collector runs again, so
    it never walks it (`gcpause.one_shot`); the collector is on again afterwards."""
    import gc

    gc.unfreeze()
    code, _, _ = run_cli(capsys, "ask", "wat is de winwinlening")
    assert code == 0
    assert gc.isenabled() and gc.get_freeze_count() > 0


def test_ask_with_a_broken_corpus_names_the_problem(capsys, tmp_path):
    root = write_corpus(tmp_path, {"a.yaml": "- id: x\n  title: [kapot\n"})
    code, _, err = run_cli(capsys, "ask", "winwinlening", "--corpus", str(root))
    assert code == 1
    assert "a.yaml: -: yaml: syntax error at line" in err


def test_eval_passes_on_the_bundled_set_from_any_folder(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # the sets are found from the checkout, not the current folder
    code, out, _ = run_cli(capsys, "eval", "--json")
    data = json.loads(out)
    assert code == 0 and data["failures"] == []
    assert [s["set"] for s in data["sets"]] == ["tuning", "validation", "held-out"]
    held_out = data["sets"][2]
    assert held_out["counts"]["in_domain"] >= 80 and held_out["thresholds"]
    assert held_out["dialogues"]["counts"]["follow_up"] >= 80
    assert sum(b["count"] for b in held_out["reliability"]) >= 300
    # Each share comes with its 95% interval, around it, and what it is a share of.
    answered, (low, high) = held_out["metrics"]["answered"], held_out["intervals"]["answered"]
    assert (
        low < answered < high
        and held_out["shares"]["answered"][1] == (held_out["counts"]["in_domain"])
    )
    follow = held_out["dialogues"]
    low, high = follow["intervals"]["follow_up_accuracy"]
    assert low < follow["metrics"]["follow_up_accuracy"] < high
    assert follow["shares"]["follow_up_accuracy"][1] == follow["counts"]["follow_up"]


def _eval_file(capsys, tmp_path, text: str, *args: str) -> tuple[int, str, Path]:
    """`wegwijzer eval` of a question file with `text`: (exit code, output, the file)."""
    path = tmp_path / "v.yaml"
    path.write_text(text, encoding="utf-8")
    code, out, _ = run_cli(capsys, "eval", str(path), *args)
    return code, out, path


def test_eval_prints_each_share_with_its_interval(capsys, tmp_path):
    code, out, _ = _eval_file(
        capsys,
        tmp_path,
        "in_domain:\n  - {q: 'wat is de winwinlening', ids: [winwinlening]}\n"
        "  - {q: 'wat is de winwinlening', ids: [octrooi]}\n",
    )
    line = next(x for x in out.splitlines() if x.strip().startswith("recall_at_1"))
    assert code == 0 and line.split()[1:] == ["0.500", "0.095-0.905", "of", "2"]
    assert next(x for x in out.splitlines() if x.strip().startswith("mrr")).split()[2:] == []
    # A share of no questions is no figure (the file has no smalltalk), not 0.000.
    smalltalk = next(x for x in out.splitlines() if x.strip().startswith("smalltalk"))
    assert smalltalk.split() == ["smalltalk", "-", "(no", "such", "questions)"]


def test_eval_prints_a_share_of_no_questions_as_none_with_its_threshold(capsys, tmp_path):
    talk = tmp_path / "g.yaml"
    talk.write_text(
        "dialogues:\n  - - {q: 'wat is de winwinlening', ids: [winwinlening]}\n"
        "    - {q: 'hoeveel kan ik lenen?', ids: [winwinlening], turn: follow_up}\n",
        encoding="utf-8",
    )
    code, out, _ = _eval_file(
        capsys,
        tmp_path,
        "thresholds: {english_answered: 0.5}\nout_of_domain: ['recept voor lasagne']\n",
        "--dialogues",
        str(talk),
    )
    lines = {
        x.split()[0]: x.split()[1:] for x in out.splitlines() if x.startswith("  ") and x.strip()
    }
    # No English question, yet a threshold on them: the line says both, and the run fails.
    assert lines["english_answered"] == ["-", "(no", "such", "questions)", "(minimum", "0.50)"]
    assert code == 1 and "english_answered 0.000 < 0.500" in out
    # No answerable question: no rank to average either; no unrelated turn in the dialogues.
    assert lines["mrr"][0] == "-" and lines["unrelated_not_bent"][0] == "-"
    assert lines["follow_up_accuracy"][0] == "1.000"
    # Nor a follow-up no passage answers, which the count of follow-ups says.
    assert lines["follow_up_unanswerable_handled"][0] == "-"
    assert "1 follow-ups (and 0 no passage answers)" in out


def test_eval_exits_1_below_its_thresholds(capsys, tmp_path):
    code, out, path = _eval_file(
        capsys,
        tmp_path,
        "thresholds: {recall_at_1: 1.0}\nin_domain:\n"
        "  - {q: 'wat is de winwinlening', ids: [octrooi]}\n",
    )
    assert code == 1 and f"FAIL: {path}: recall_at_1 0.000 < 1.000" in out


def test_eval_fit_writes_a_model_that_answers(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    target = tmp_path / "model.json"
    code, out, _ = run_cli(capsys, "eval", "--fit", "--model-out", str(target), "--json")
    data = json.loads(out.splitlines()[-1])
    assert code == 0 and data["failures"] == []
    model = json.loads(target.read_text())
    assert model["fitted_on"] == "tests/eval/vragen.yaml" and 0 < model["threshold"] < 1
    # The labelled questions beside it, named after it (not over the shipped votes.json): the
    # practice questions and the tuning set's, as the shipped file holds them.
    votes = (tmp_path / "model.votes.json").read_text()
    assert votes == bundled_examples_path().read_text()


def test_eval_fit_on_the_tuning_set_chooses_the_follow_up_threshold_on_the_practice_dialogues_too(
    capsys, tmp_path, monkeypatch
):
    seen = {}

    def fit(assistant, eval_set, dialogues, *, practice=(), practice_dialogues=()):
        seen.update(dialogues=dialogues, practice_dialogues=practice_dialogues)
        return assistant.model

    monkeypatch.setattr("assistant.evaluation.fit_model", fit)
    monkeypatch.setattr(cli, "_eval_sets", lambda args: [])  # the fit alone
    run_cli(capsys, "eval", "--fit", "--model-out", str(tmp_path / "answerability.json"))
    tuning = evaluation.load_dialogues(cli.EVAL_DIR / "gesprekken.yaml")[0]
    practice = evaluation.load_dialogues(cli.PRACTICE_DIALOGUES)[0]
    assert seen["dialogues"] == tuning and seen["practice_dialogues"] == practice


def test_eval_fit_on_another_corpus_and_file_counts_no_practice_questions(
    capsys, tmp_path, monkeypatch
):
    # The practice questions name the bundled passages: with another corpus and FILE they
    # are not counted (they had stopped such a fit with ~280 unknown passages).
    corpus = write_corpus(tmp_path / "corpus", {"lenen.yaml": [passage("winwinlening")]})
    questions = tmp_path / "vragen.yaml"
    questions.write_text(
        "in_domain:\n  - {q: 'wat is de winwinlening', ids: [winwinlening]}\n"
        "out_of_domain:\n  - 'recept voor stoofvlees'\n",
        encoding="utf-8",
    )
    seen = {}

    def fit(assistant, eval_set, dialogues, *, practice=(), practice_dialogues=()):
        seen["practice"] = practice
        seen["practice_dialogues"] = practice_dialogues
        return assistant.model  # the fit itself is tested above

    monkeypatch.setattr("assistant.evaluation.fit_model", fit)
    target = tmp_path / "out" / "answerability.json"
    target.parent.mkdir()
    argv = ["eval", str(questions), "--corpus", str(corpus), "--fit", "--model-out", str(target)]
    run_cli(capsys, *argv)
    assert seen["practice"] == () and not seen["practice_dialogues"]
    votes = json.loads((target.parent / "votes.json").read_text())
    assert [labels for labels, _, _ in votes["examples"]] == [["winwinlening"], ["(outside)"]]


def test_eval_reads_the_set_the_votes_learnt_from_without_each_questions_fold(
    capsys, tmp_path, monkeypatch
):
    # Read with the questions it learnt from, a question is its own nearest neighbour: the set
    # just fitted on, and the tuning set by its path, are read as the fit reads them.
    questions = tmp_path / "vragen.yaml"
    questions.write_text(
        "in_domain:\n  - {q: 'wat is de winwinlening', ids: [winwinlening]}\n", encoding="utf-8"
    )
    seen = []
    measure = evaluation.evaluate

    def evaluate(assistant, eval_set, practice=None):
        seen.append(practice)
        return measure(assistant, eval_set, practice)

    monkeypatch.setattr("assistant.evaluation.evaluate", evaluate)
    monkeypatch.setattr("assistant.evaluation.fit_model", lambda a, *_, **__: a.model)
    target = tmp_path / "out" / "answerability.json"
    target.parent.mkdir()
    run_cli(capsys, "eval", str(questions), "--fit", "--model-out", str(target))
    assert seen == [()]  # FILE, just learnt from, without the practice questions
    seen.clear()
    run_cli(capsys, "eval", str(questions))  # a set the shipped votes never learnt from
    assert seen == [None]
    seen.clear()
    monkeypatch.setattr(cli, "DEFAULT_EVAL_SETS", ((("tuning", questions, None)),))
    run_cli(capsys, "eval", str(questions))  # the tuning set, by its path
    assert len(seen) == 1 and len(seen[0]) > 4000  # with the practice questions
    # Another corpus holds the shipped votes, which learnt from the practice questions too
    # (a reviewer: its tuning set was read by readers that had never seen them).
    corpus = write_corpus(tmp_path / "corpus", {"lenen.yaml": [passage("winwinlening")]})
    seen.clear()
    run_cli(capsys, "eval", str(questions), "--corpus", str(corpus))
    assert len(seen) == 1 and len(seen[0]) > 4000


def test_a_closed_pipe_ends_quietly_without_a_traceback():
    env = {**os.environ, "PYTHONPATH": str(ROOT), "WEGWIJZER_DB": "off"}
    process = subprocess.Popen(
        [sys.executable, "-m", "assistant", "chat", "--json"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
    )
    process.stdin.write(b"wat is de winwinlening\n" * 400)  # far more than a pipe buffer
    process.stdin.close()
    process.stdout.readline()
    process.stdout.close()  # the reader goes away, as `| head -1` does
    stderr = process.stderr.read()
    process.wait(timeout=60)
    assert b"Traceback" not in stderr
    assert process.returncode == 0


def test_the_command_line_logs_questions_only_when_wegwijzer_db_is_set(
    capsys, tmp_path, monkeypatch
):
    monkeypatch.delenv("WEGWIJZER_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert cli.main(["ask", "wat is de winwinlening", "--top", "1"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("wat is vlaio\n"))
    assert cli.main(["chat", "--json"]) == 0
    assert not (tmp_path / "data").exists()
    monkeypatch.setenv("WEGWIJZER_DB", str(tmp_path / "log.db"))
    assert cli.main(["ask", "wat is de winwinlening", "--top", "1"]) == 0
    assert [q.question for q in Store.open(tmp_path / "log.db").questions()] == [
        "wat is de winwinlening"
    ]


def test_command_line_edges_end_in_a_message_and_an_exit_code(capsys, tmp_path, monkeypatch):
    bad = tmp_path / "vragen.yaml"
    bad.write_bytes(b'in_domain:\n  - {q: "caf\xe9", ids: [x]}\n')
    assert cli.main(["eval", str(bad)]) == 2
    assert "cannot read evaluation file" in capsys.readouterr().err

    class Interrupted(io.StringIO):
        def readline(self, *args):
            raise KeyboardInterrupt

    monkeypatch.setattr(sys, "stdin", Interrupted())
    assert cli.main(["chat", "--json"]) == 130
    monkeypatch.setattr(sys, "stdin", None)  # what Python gives a process whose fd 0 is closed
    assert cli.main(["chat"]) == 2
    assert "stdin, which is closed" in capsys.readouterr().err

    class Full(io.StringIO):
        def write(self, text):
            raise OSError(28, "No space left on device")

        def fileno(self):
            return os.open(os.devnull, os.O_WRONLY)

    monkeypatch.setattr(sys, "stdout", Full())
    assert cli.main(["ask", "wat is vlaio"]) == 1
    assert "No space left on device" in capsys.readouterr().err


def test_a_huge_chat_line_is_refused_by_its_length_without_holding_it(capsys, monkeypatch):
    class Endless(io.StringIO):
        """A 200 MB line, produced in pieces: it never exists in memory as a whole."""

        def __init__(self):
            super().__init__()
            self.left = 200_000_000

        def readline(self, size=-1):
            if self.left <= 0:
                return ""
            piece = min(size, self.left)
            self.left -= piece
            return "a" * piece + ("\n" if self.left == 0 else "")

    monkeypatch.setattr(sys, "stdin", Endless())
    code, out, _ = run_cli(capsys, "chat", "--json")
    assert code == 0
    assert json.loads(out)["error"] == "too_long" and "200000000" in json.loads(out)["message"]


def test_eval_without_the_sets_of_a_checkout_asks_for_a_file(capsys, monkeypatch, tmp_path):
    missing = tmp_path / "geen"
    monkeypatch.setattr(cli, "EVAL_DIR", missing)
    monkeypatch.setattr(
        cli, "DEFAULT_EVAL_SETS", (("tuning", missing / "v.yaml", missing / "g.yaml"),)
    )
    assert cli.main(["eval"]) == 2
    assert "give FILE" in capsys.readouterr().err


def test_the_core_imports_no_bot_module():
    """`assistant/` never imports `bots/`: the bots add their subcommands as entry points."""
    offenders = []
    for path in sorted(Path(cli.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "bots"]
    assert offenders == []


def test_bot_subcommands_come_from_the_entry_point_group(capsys, monkeypatch):
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    monkeypatch.delenv("DISCORD_BOT_TOKEN", raising=False)
    names = {name for name, _ in cli._plugin_commands()}
    assert {"telegram", "discord"} <= names
    code, _, err = run_cli(capsys, "telegram")
    assert code == 2 and "TELEGRAM_BOT_TOKEN" in err
    code, _, err = run_cli(capsys, "discord")
    assert code == 2 and "DISCORD_BOT_TOKEN" in err


def test_a_broken_plug_in_is_left_out_with_a_line_not_a_traceback(capsys, monkeypatch):
    class Broken:
        name = "kapot"

        def load(self):
            raise ImportError("no module named 'kapot'")

    class Working:
        name = "telegram"

        def load(self):
            return commands.telegram

    monkeypatch.setattr(importlib.metadata, "entry_points", lambda group: [Broken(), Working()])
    assert [name for name, _ in cli._plugin_commands()] == ["telegram"]
    assert "kapot" in capsys.readouterr().err


def test_curate_edges_end_in_a_message_and_an_exit_code(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("WEGWIJZER_DB", str(tmp_path / "leeg.db"))
    Store.open(tmp_path / "leeg.db").close()  # an empty log (a missing one is an error)
    code, out, _ = run_cli(capsys, "curate")
    assert code == 0 and "(0 open)" in out and "Candidates for new passages (0 group(s))" in out
    code, out, _ = run_cli(capsys, "curate", "--format", "json", "--since", "2026-01-01")
    assert code == 0
    assert json.loads(out) == {"since": "2026-01-01", "suggestions": [], "new_topics": []}
    code, out, err = run_cli(capsys, "curate", "reject", "deadbeef", "--since", "2026-01-01")
    assert (code, out) == (2, "") and "nothing was recorded" in err
    for argv in (
        ["curate", "accept"],
        ["curate", "--since", "gisteren"],
        ["curate", "--format", "csv"],
    ):
        with pytest.raises(SystemExit) as info:
            cli.main(argv)
        assert info.value.code == 2
    assert "Traceback" not in capsys.readouterr().err
    monkeypatch.setenv("WEGWIJZER_DB", "off")
    assert run_cli(capsys, "curate", "accept", "deadbeef")[0] == 1


def test_the_built_in_command_names_are_the_parsers_own():
    parser = cli._parser(plugins=False)
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert set(commands.choices) == cli.BUILT_IN


def test_ask_loads_neither_the_curators_code_nor_the_evaluation_nor_wordfreq():
    script = (
        "import sys\n"
        "from assistant import cli\n"
        "code = cli.main(['ask', 'what does a trademark cost in 2024?'])\n"
        "heavy = ('assistant.curate', 'assistant.evaluation', 'assistant.report',\n"
        "         'assistant.store', 'importlib.metadata', 'wordfreq', 'ruamel')\n"
        "print(code, sorted(m for m in heavy if m in sys.modules))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "WEGWIJZER_DB"}  # no log: no store
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        env=env,
    )
    assert done.stdout.splitlines()[-1] == "0 []"
