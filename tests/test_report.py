import csv
import datetime as dt
import io
import json
import unicodedata

import pytest

from assistant import cli, messages
from assistant.curate import Suggestion
from assistant.models import Answer
from assistant.report import build_report, group_similar, json_escaped, render
from assistant.store import Store
from tests.conftest import LOG_DAY
from tests.fakes.clock import Clock


def test_since_limits_the_period(two_day_log, assistant):
    report = build_report(
        two_day_log,
        assistant,
        since=dt.date(2026, 11, 21),
        today=dt.date(2026, 11, 26),
    )
    assert report.unanswered == () and [d.day for d in report.per_day] == ["2026-11-21"]


def test_every_format_renders(two_day_log, assistant):
    report = build_report(
        two_day_log,
        assistant,
        since=dt.date(2026, 11, 1),
        today=dt.date(2026, 11, 26),
    )
    assert json.loads(render(report, "json"))["disliked"][0]["reason"] == "verouderd"
    rows = list(csv.reader(io.StringIO(render(report, "csv"))))
    assert rows[0] == ["section", "item", "detail", "count"]
    assert rows[1][:2] == ["unanswered", "recept voor stoofvlees met friet"]
    page = render(report, "html")
    assert page.startswith("<!doctype html>") and "<svg" in page
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "http" not in page.split("<body>")[0]  # no external resources
    assert "recept voor stoofvlees met friet" in render(report, "text")


# Questions a spreadsheet would run as a formula, each about something else so none are grouped.
FORMULAS = (
    '=HYPERLINK("http://evil","x") wat is sabam',
    "+cmd|' /C calc'!A0",
    "-5% korting op kunst",
    "@SUM(1+1) huurtoelage",
    "\t=1+1 stoofvlees",
    "\r=2+2 vakantie",
)


def test_csv_cells_that_a_spreadsheet_would_run_as_a_formula_start_with_a_quote(
    tmp_path, assistant
):
    store = Store.open(tmp_path / "log.db", clock=Clock(LOG_DAY))
    for question in FORMULAS:
        logged = store.record_question("telegram", None, Answer(question, False, 0.0, ""))
    store.record_feedback(logged, False, passage_id="vlaio")
    report = build_report(store, assistant, since=dt.date(2026, 11, 1), today=dt.date(2026, 11, 26))
    rows = list(csv.reader(io.StringIO(render(report, "csv"))))
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
    items = [row[1] for row in rows if row[0] == "unanswered"]
    assert sorted(items) == sorted("'" + question for question in FORMULAS)
    assert ["disliked", "vlaio", "'\r=2+2 vakantie []", "1"] in rows


def test_control_and_bidi_characters_in_questions_reach_the_terminal_only_as_escapes(
    tmp_path, assistant
):
    store = Store.open(tmp_path / "log.db", clock=Clock(LOG_DAY))
    hostile = (
        "wat is sabam\x1b]0;gehackt\x07\x1b[2J",
        "\u202ewat is een winwinlening",
        "huurtoelage\n    9x  een vraag die niemand stelde",
        "stoofvlees \x9b31m",
    )
    for question in hostile:
        logged = store.record_question("telegram", None, Answer(question, False, 0.0, ""))
    store.record_feedback(logged, False, passage_id="vlaio")
    report = build_report(store, assistant, since=dt.date(2026, 11, 1), today=dt.date(2026, 11, 26))
    text = render(report, "text")
    assert [ch for ch in text if unicodedata.category(ch) in ("Cc", "Cf") and ch != "\n"] == []
    assert r"wat is sabam\x1b]0;gehackt\x07\x1b[2J" in text
    assert r"\u202ewat is een winwinlening" in text
    assert r"huurtoelage\n    9x  een vraag die niemand stelde" in text
    assert "\n    9x" not in text
    assert r"stoofvlees \x9b31m" in text


HOSTILE = (
    "wat is sabam\x1b]0;gehackt\x07\x1b[2J",
    "\u202ewat is een winwinlening",
    "huurtoelage\u2028    9x  een vraag die niemand stelde",
    "stoofvlees \x9b31m",
    "vakantie\u2067 voor \u200fkunstenaars",
)


def _hostile_report(tmp_path, assistant):
    store = Store.open(tmp_path / "log.db", clock=Clock(LOG_DAY))
    for question in HOSTILE:
        logged = store.record_question("telegram", None, Answer(question, False, 0.0, ""))
    store.record_feedback(logged, False, passage_id="vlaio")
    return build_report(store, assistant, since=dt.date(2026, 11, 1), today=dt.date(2026, 11, 26))


def _acting(text: str) -> list[str]:
    """The control, format and separator characters in `text`, but for its line breaks."""
    categories = ("Cc", "Cf", "Zl", "Zp")
    return [ch for ch in text if unicodedata.category(ch) in categories and ch != "\n"]


def test_control_and_bidi_characters_in_questions_show_in_the_html_report_as_escapes(
    tmp_path, assistant
):
    page = render(_hostile_report(tmp_path, assistant), "html")
    assert _acting(page) == []  # no override can turn a question around in the browser
    assert r"<td>\u202ewat is een winwinlening</td>" in page
    assert r"wat is sabam\x1b]0;gehackt\x07\x1b[2J" in page
    assert r"huurtoelage\u2028    9x" in page
    assert r"stoofvlees \x9b31m" in page
    assert r"vakantie\u2067 voor \u200fkunstenaars" in page


def test_control_and_bidi_characters_in_the_json_report_are_escapes_and_read_back_intact(
    tmp_path, assistant
):
    dumped = render(_hostile_report(tmp_path, assistant), "json")
    assert _acting(dumped) == []  # nothing acts on the terminal of a curator who reads it
    assert r'"\u202ewat is een winwinlening"' in dumped
    assert r"stoofvlees \u009b31m" in dumped
    examples = [g["example"] for g in json.loads(dumped)["unanswered"]]
    assert sorted(examples) == sorted(HOSTILE)
    tag = "\U000e0001"  # a format character beyond U+FFFF: a surrogate pair in JSON
    escaped = json_escaped(json.dumps([tag, "één"], ensure_ascii=False))
    assert escaped == '["\\udb40\\udc01", "één"]'  # letters stay readable
    assert json.loads(escaped) == [tag, "één"]


def test_group_similar_joins_near_duplicates():
    groups = group_similar(["wat is x vlaio", "vlaio wat is x", "iets anders"])
    assert [g.count for g in groups] == [2, 1]


def test_cli_report_and_forget(log_at, monkeypatch, capsys, assistant):
    path = log_at("cli")
    monkeypatch.setenv("WEGWIJZER_DB", str(path))
    store = Store.open(path)
    key = store.user_key("telegram", 99)
    store.record_question("telegram", key, Answer("vraag", False, 0.0, ""))
    assert cli.main(["report", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["unanswered"][0]["example"] == "vraag"
    assert cli.main(["forget", "--user", key]) == 0
    assert "forgot 1 question(s)" in capsys.readouterr().out
    assert Store.open(path).questions() == []
    monkeypatch.setenv("WEGWIJZER_DB", "off")
    assert cli.main(["report"]) == 1


@pytest.mark.parametrize(
    "argv",
    [
        ["report"],
        ["report", "--format", "csv"],
        ["curate"],
        ["curate", "--format", "json"],
        ["curate", "reject", "deadbeef"],
        ["curate", "accept", "deadbeef"],
        ["forget", "--user", "ann"],
    ],
)
def test_forget_report_and_curate_on_a_log_that_does_not_exist_say_so_and_create_nothing(
    argv, tmp_path, monkeypatch, capsys, cli_reuses_the_session_assistant
):
    typo = tmp_path / "nope" / "typo.db"
    monkeypatch.setenv("WEGWIJZER_DB", str(typo))
    assert cli.main(argv) == 1
    out, err = capsys.readouterr()
    assert out == "" and err == messages.LOG_MISSING.format(path=typo) + "\n"
    assert "bestaat niet" in err
    assert not typo.parent.exists()
    monkeypatch.delenv("WEGWIJZER_DB")  # the default log, not made yet: also not made now
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert cli.main(argv) == 1
    assert "bestaat niet" in capsys.readouterr().err
    assert not (tmp_path / "data").exists()


def test_cli_ask_logs_to_the_question_log(tmp_path, monkeypatch):
    monkeypatch.setenv("WEGWIJZER_DB", str(tmp_path / "ask.db"))
    assert cli.main(["ask", "wat is vlaio"]) == 0
    [question] = Store.open(tmp_path / "ask.db").questions()
    assert (question.channel, question.user_key, question.question) == ("cli", None, "wat is vlaio")


def test_partial_and_cautious_answers_have_sections_of_their_own(tmp_path, assistant):
    store = Store.open(tmp_path / "log.db", clock=Clock(LOG_DAY))
    store.record_question(
        "cli", None, assistant.ask("wat is het telefoonnummer van het cultuurloket")
    )
    cautious = Answer("vraag", True, 0.5, "niet zeker", outcome="answered", unsure=True)
    store.record_question("cli", None, cautious)
    store.record_question("cli", None, assistant.ask("hallo"))
    report = build_report(store, assistant, since=dt.date(2026, 11, 1), today=dt.date(2026, 11, 26))
    assert [g.example for g in report.partial] == ["wat is het telefoonnummer van het cultuurloket"]
    assert [g.example for g in report.unsure] == ["vraag"]
    assert report.unanswered == ()  # smalltalk is not a question without an answer
    text = render(report, "text")
    assert "Partial answers" in text and "caution" in text
    assert "partial,wat is het telefoonnummer" in render(report, "csv")


def test_the_open_suggestions_appear_in_every_format(two_day_log, assistant):
    suggestion = Suggestion(
        id="0a1b2c3d",
        passage_id="winwinlening",
        passage_title="Winwinlening",
        question="kan mijn tante <b>geld</b> lenen",
        count=3,
        members=("kan mijn tante <b>geld</b> lenen",),
        evidence={"thumbs_up": 3},
    )
    report = build_report(
        two_day_log,
        assistant,
        since=dt.date(2026, 11, 1),
        today=dt.date(2026, 11, 26),
        suggestions=[suggestion],
    )
    assert "0a1b2c3d    3x  winwinlening: kan mijn tante <b>geld</b> lenen" in render(
        report, "text"
    )
    assert json.loads(render(report, "json"))["suggestions"][0]["count"] == 3
    rows = list(csv.reader(io.StringIO(render(report, "csv"))))
    assert ["suggestion", "0a1b2c3d", "winwinlening: kan mijn tante <b>geld</b> lenen", "3"] in rows
    page = render(report, "html")
    assert "Voorgestelde voorbeeldvragen" in page and "0a1b2c3d" in page
    assert "&lt;b&gt;geld&lt;/b&gt;" in page and "<b>geld" not in page


def test_the_report_command_lists_what_curate_suggests(log_at, monkeypatch, capsys, assistant):
    path = log_at("cli")
    monkeypatch.setenv("WEGWIJZER_DB", str(path))
    store = Store.open(path)
    liked = store.record_question(
        "telegram", "ann", assistant.ask("kan mijn nonkel mij geld lenen")
    )
    store.record_feedback(liked, True)
    store.close()
    assert cli.main(["report", "--format", "json"]) == 0
    [suggestion] = json.loads(capsys.readouterr().out)["suggestions"]
    assert suggestion["question"] == "kan mijn nonkel mij geld lenen"
    assert "ann" not in json.dumps(suggestion)
