"""Suggestions from use: evidence, grouping, filters, decisions, and writing into the corpus."""

import dataclasses
import datetime as dt
import difflib
import hashlib
import json
import sqlite3
import stat

import pytest

from assistant import curate
from assistant.core import Assistant
from assistant.corpus import bundled_corpus_dir
from assistant.curate import CurateError, add_questions, looks_personal, suggestible
from assistant.store import Curation, Store
from tests.conftest import run_cli, write_corpus
from tests.fakes.clock import Clock

# Logs start now: `wegwijzer curate` opens the log as the bots do, purging what is past the
# retention period, and lists from 90 days ago.
T0 = dt.datetime.now(dt.UTC).replace(microsecond=0)
PASSAGES = "financiering/geld.yaml"
# The wording the small corpus misses, and one of the same need it answers.
MISSED = "kan mijn tante mij geld voorschieten voor mijn atelier"
ANSWERED = "kan familie geld lenen aan mijn onderneming"

SOURCES = """\
- id: pmv-winwinlening
  title: "Winwinlening"
  publisher: "PMV"
  url: https://www.pmv.eu/product/winwinlening/
  date: "2024-12"
  compared: "2026-01"
- id: cultuurloket
  title: "Cultuurloket"
  publisher: "Cultuurloket"
  url: https://www.cultuurloket.be
  date: "2025"
  compared: "2026-01"
"""

# A passage file as curators write them: comments, a folded text, nested lists indented under
# their key, quotes, a blank line between passages.
GELD = """\
# Lenen bij vrienden en familie, en waar je met vragen terecht kunt.

- id: winwinlening
  kind: maatregel
  title: Winwinlening
  text: >-
    Met een winwinlening lenen vrienden, familie of kennissen geld aan je onderneming en krijgen
    ze daarvoor een belastingvoordeel. De winwinlening is een achtergestelde lening van 5 tot 10
    jaar. Je onderneming kan in totaal tot EUR 300.000 ophalen, met maximaal EUR 75.000 per
    kredietgever. De kredietgever krijgt elk jaar een belastingkrediet van 2,5% op het
    openstaande bedrag. PMV registreert de akte.
  questions:
    - hoeveel kan ik lenen met een winwinlening?  # de klassieke vraag
    - wat is de winwinlening
  # trefwoorden helpen het zoeken
  keywords: [vrienden, familie, geld, lenen, belastingkrediet]
  source: pmv-winwinlening
  checked: "2026-01"
  status: actueel

- id: cultuurloket
  kind: organisatie
  title: Cultuurloket
  text: >-
    Het Cultuurloket is het eerste aanspreekpunt voor zakelijke, juridische en statuutvragen in
    de hele cultuursector. Het geeft gratis eerstelijnsadvies over auteursrechten, btw,
    contracten, prijszetting en het statuut van kunstenaars, en verwijst door naar
    gespecialiseerde dienstverleners. Je stelt je vraag online, telefonisch of op een
    spreekuur.
  questions:
    - wie kan mij helpen met zakelijke vragen als kunstenaar?
    - 'wat doet het cultuurloket'
  source: cultuurloket
  checked: "2026-01"
  status: actueel
"""


@pytest.fixture
def corpus_dir(tmp_path):
    return write_corpus(
        tmp_path / "corpus", {"bronnen.yaml": SOURCES, PASSAGES: GELD}, {"nonkel": ["familie"]}
    )


@pytest.fixture
def small(corpus_dir) -> Assistant:
    return Assistant.from_directory(corpus_dir)


class Log:
    """A question log on a still clock, with the small corpus answering."""

    def __init__(self, path, assistant: Assistant) -> None:
        self.clock = Clock(T0)
        self.store = Store.open(path, clock=self.clock)
        self.assistant = assistant

    def ask(self, question: str, user: str | None = "ann", *, after: float = 0.0) -> int:
        self.clock.advance(after)
        return self.store.record_question("telegram", user, self.assistant.ask(question))

    def suggestions(self) -> list[curate.Suggestion]:
        store = self.store
        return curate.suggest(
            store.questions(),
            store.feedback(),
            store.interest(),
            self.assistant,
            store.decisions(),
        )

    def new_topics(self):
        return curate.new_topics(self.store.questions(), self.store.feedback(), self.assistant)


@pytest.fixture
def log(tmp_path, small) -> Log:
    return Log(tmp_path / "log.db", small)


def _summary(suggestions):
    return [(s.passage_id, s.question, s.count) for s in suggestions]


# Evidence


def test_a_thumbs_up_proposes_the_question_for_its_passage_without_a_user_key(log):
    asked = log.ask(ANSWERED, "sleutel-van-ann")
    log.store.record_feedback(asked, True)  # no passage: the answer's first passage
    [suggestion] = log.suggestions()
    assert (suggestion.passage_id, suggestion.passage_title) == ("winwinlening", "Winwinlening")
    assert (suggestion.question, suggestion.count, suggestion.members) == (ANSWERED, 1, (ANSWERED,))
    assert suggestion.evidence == {"thumbs_up": 1, "more": 0, "choice": 0, "rephrased": 0}
    assert "sleutel-van-ann" not in json.dumps(dataclasses.asdict(suggestion))


def test_opening_a_passage_in_full_and_picking_it_are_evidence(log):
    first = log.ask(ANSWERED, "ann")
    second = log.ask("kan mijn familie geld lenen aan mijn onderneming", "bob")
    log.store.record_interest(first, "winwinlening", "more")
    log.store.record_interest(second, "winwinlening", "choice")
    log.store.record_interest(second, "winwinlening", "more")
    [suggestion] = log.suggestions()
    assert suggestion.count == 2
    assert suggestion.evidence == {"thumbs_up": 0, "more": 2, "choice": 1, "rephrased": 0}


def test_votes_and_interest_on_a_passage_the_answer_did_not_show_are_no_evidence(log):
    asked = log.ask(ANSWERED)
    log.store.record_interest(asked, "cultuurloket", "more")
    log.store.record_feedback(asked, True, passage_id="cultuurloket")
    refused = log.ask("recept voor stoofvlees met friet")
    log.store.record_feedback(refused, True)
    assert log.suggestions() == []


def test_a_thumbs_down_on_the_same_answer_excludes_it(log):
    asked = log.ask(ANSWERED)
    log.store.record_feedback(asked, True, passage_id="winwinlening")
    log.store.record_interest(asked, "winwinlening", "more")
    log.store.record_feedback(asked, False, passage_id="winwinlening")
    assert log.suggestions() == []


def test_a_refused_question_rephrased_within_minutes_is_proposed_for_the_passage(log):
    log.ask(MISSED, "ann")
    log.ask("hallo?", "ann", after=30)  # small talk in between is passed over
    log.ask(ANSWERED, "ann", after=120)
    [suggestion] = log.suggestions()
    assert (suggestion.passage_id, suggestion.question) == ("winwinlening", MISSED)
    assert suggestion.evidence["rephrased"] == 1
    assert log.new_topics() == []  # rescued by the rephrasing: no new passage needed


@pytest.mark.parametrize(
    ("user", "after"), [("bob", 60), ("ann", 6 * 60)], ids=["another user", "too late"]
)
def test_a_rephrasing_by_another_user_or_after_the_window_is_no_evidence(log, user, after):
    log.ask(MISSED, "ann")
    log.ask(ANSWERED, user, after=after)
    assert log.suggestions() == []
    assert [g.example for g in log.new_topics()] == [MISSED]


def test_questions_without_a_user_key_are_never_read_as_rephrasings(log):
    log.ask(MISSED, None)
    log.ask(ANSWERED, None, after=10)
    assert log.suggestions() == []


def test_a_disliked_answer_rephrased_counts_but_not_a_disliked_rephrasing(log):
    disliked = log.ask(
        "wie helpt mij met een contract als kunstenaar", "ann"
    )  # answered: cultuurloket
    log.store.record_feedback(disliked, False)
    log.ask(ANSWERED, "ann", after=60)
    assert _summary(log.suggestions()) == [
        ("winwinlening", "wie helpt mij met een contract als kunstenaar", 1)
    ]
    log.ask(MISSED, "bob", after=600)
    again = log.ask(ANSWERED, "bob", after=60)
    log.store.record_feedback(again, False)
    assert [s.question for s in log.suggestions()] == [
        "wie helpt mij met een contract als kunstenaar"
    ]


# Grouping, filters, decisions


def test_similar_questions_are_grouped_most_frequent_first_with_counts(log):
    for user, question in (
        ("ann", ANSWERED),
        ("bob", ANSWERED),
        ("cas", "Kan familie geld lenen aan mijn onderneming?"),  # the same, folded
        ("dirk", "kan mijn familie geld lenen aan mijn onderneming"),
        ("eva", "wat is een winwinlening"),
    ):
        log.store.record_feedback(log.ask(question, user), True)
    first, second = log.suggestions()
    assert (first.question, first.count) == (ANSWERED, 4)
    assert first.members == (ANSWERED, "kan mijn familie geld lenen aan mijn onderneming")
    assert first.evidence["thumbs_up"] == 4
    assert (second.question, second.count) == ("wat is een winwinlening", 1)


def test_of_equally_frequent_wordings_the_shortest_is_proposed(log):
    for user, question in (
        ("ann", "kan mijn familie geld lenen aan mijn onderneming"),
        ("bob", ANSWERED),
    ):
        log.store.record_feedback(log.ask(question, user), True)
    [suggestion] = log.suggestions()
    assert suggestion.question == ANSWERED and suggestion.count == 2


def test_questions_the_passage_already_has_are_not_proposed(log):
    for question in ("Wat is de winwinlening?", "Winwinlening!"):
        log.store.record_feedback(log.ask(question), True)
    assert log.suggestions() == []


@pytest.mark.parametrize(
    "question",
    [
        "mail me op an.peeters@voorbeeld.be over de winwinlening",
        "vraag van @annpeeters over de winwinlening",
        "bel me op 0470 12 34 56 over de winwinlening",
        "winwinlening, bel +32 9 123 45 67",
        "rekening BE71 0961 2345 6769 voor de winwinlening",
        "zie https://voorbeeld.be/winwinlening",
        "staat het op www.pmv.eu",
        "staat het op pmv.eu",
    ],
)
def test_questions_with_personal_data_are_recognised(question):
    assert looks_personal(question) and not suggestible(question)


@pytest.mark.parametrize(
    "question",
    [
        "hoeveel is EUR 300.000 per kredietgever",
        "moet ik voor 31/12/2025 indienen",
        "wat veranderde er tussen 2012 en 2024",
    ],
)
def test_amounts_dates_and_years_are_not_personal_data(question):
    assert not looks_personal(question) and suggestible(question)


def test_questions_outside_8_to_200_characters_or_with_control_characters_are_not_proposed():
    assert not suggestible("lening?")  # 7 characters
    assert suggestible("lening?!")
    assert suggestible("x" * 200) and not suggestible("x" * 201)
    assert not suggestible("winwinlening \x1b[31mrood")
    assert not suggestible("winwinlening \u202egespiegeld")


def test_a_rephrased_question_with_personal_data_is_neither_suggested_nor_a_topic(log):
    log.ask(f"{MISSED}? mail an@voorbeeld.be", "ann")
    log.ask(ANSWERED, "ann", after=30)
    log.ask("bel me op 0470 12 34 56 voor een recept", "bob")
    assert log.suggestions() == [] and log.new_topics() == []


def test_a_rejected_group_stays_away_even_when_its_most_frequent_wording_changes(log):
    log.store.record_feedback(log.ask(ANSWERED, "ann"), True)
    log.store.record_feedback(log.ask(ANSWERED, "bob"), True)
    log.store.record_feedback(
        log.ask("kan mijn familie geld lenen aan mijn onderneming", "cas"), True
    )
    [rejected] = log.suggestions()
    log.store.decide(rejected.keys, Curation.REJECTED)
    assert log.suggestions() == []
    for user in ("dirk", "eva", "fien"):  # the other wording becomes the most frequent
        log.store.record_feedback(
            log.ask("kan mijn familie geld lenen aan mijn onderneming", user), True
        )
    assert log.suggestions() == []
    log.store.record_feedback(
        log.ask("kunnen familie en vrienden geld lenen aan mijn onderneming", "gert"), True
    )
    assert _summary(log.suggestions()) == [
        ("winwinlening", "kunnen familie en vrienden geld lenen aan mijn onderneming", 1)
    ]


def test_ids_are_short_stable_hashes_of_passage_and_proposal(log):
    log.store.record_feedback(log.ask(ANSWERED, "ann"), True)
    [before] = log.suggestions()
    folded = ANSWERED  # already folded: lowercase, no accents, no trailing mark
    expected = hashlib.sha256(f"winwinlening\n{folded}".encode()).hexdigest()[:8]
    assert before.id == expected
    log.store.record_feedback(log.ask(ANSWERED + "?", "bob"), True)
    [after] = log.suggestions()
    assert after.id == before.id and after.count == 2
    assert curate.suggestion_key("cultuurloket", ANSWERED)[:8] != before.id


def test_refused_questions_without_a_rescue_are_grouped_as_candidates_for_new_passages(log):
    log.ask("recept voor stoofvlees met friet", "ann")
    log.ask("recept voor stoofvlees met friet", "bob")
    log.ask("recepten voor stoofvlees met friet", "cas")
    log.ask("wat voor weer wordt het morgen", "dirk")
    log.ask(ANSWERED, "eva")
    [food, weather] = log.new_topics()
    assert (food.example, food.count) == ("recept voor stoofvlees met friet", 3)
    assert food.questions == (
        "recept voor stoofvlees met friet",
        "recepten voor stoofvlees met friet",
    )
    assert (weather.example, weather.count) == ("wat voor weer wordt het morgen", 1)


# Writing into YAML


def test_every_bundled_file_is_written_back_byte_for_byte():
    for path in sorted(bundled_corpus_dir().rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert add_questions(text, {}, path.name) == text, path


def test_a_question_is_added_after_the_last_one_and_nothing_else_changes():
    updated = add_questions(GELD, {"winwinlening": ["kan ik lenen: ja of nee #vraag"]})
    added = _added_lines(GELD, updated)
    assert added == ["    - 'kan ik lenen: ja of nee #vraag'\n"]
    lines = updated.splitlines()
    assert lines[lines.index("    - wat is de winwinlening") + 1] == added[0].rstrip("\n")
    again = add_questions(updated, {"cultuurloket": ["wat doet het cultuurloket voor mij"]})
    assert "    - 'wat doet het cultuurloket'\n    - wat doet het cultuurloket voor mij\n" in again


def test_comments_and_blank_lines_after_the_list_stay_after_it():
    text = GELD.replace("    - wat is de winwinlening\n", "    - wat is de winwinlening\n\n")
    updated = add_questions(text, {"winwinlening": ["nieuwe vraag over lenen"]})
    assert (
        "    - wat is de winwinlening\n    - nieuwe vraag over lenen\n\n  # trefwoorden" in updated
    )
    tail = add_questions(GELD, {"cultuurloket": ["nieuwe vraag over het loket"]})
    assert tail.endswith(
        "    - 'wat doet het cultuurloket'\n    - nieuwe vraag over het loket\n"
        '  source: cultuurloket\n  checked: "2026-01"\n  status: actueel\n'
    )


def test_a_file_in_pyyaml_layout_keeps_its_layout():
    text = "- id: a\n  questions:\n  - een vraag\n  - twee vragen\n  title: A\n"
    updated = add_questions(text, {"a": ["drie vragen"]})
    assert (
        updated
        == "- id: a\n  questions:\n  - een vraag\n  - twee vragen\n  - drie vragen\n  title: A\n"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- id: a\n  questions: [een, twee]\n", "no block list of questions"),
        ("- id: b\n  questions:\n    - een\n", "no block list of questions"),  # no passage a
        ("- id: a\n  text: 'een\n    lange tekst'\n  questions:\n  - x\n", "layout cannot be kept"),
        ("- id: a\n  questions: [\n", "cannot be read as YAML"),
    ],
)
def test_a_file_that_cannot_take_the_question_is_refused_with_a_reason(text, message):
    with pytest.raises(CurateError, match=message):
        add_questions(text, {"a": ["nieuwe vraag"]}, "x.yaml")


def _added_lines(before: str, after: str) -> list[str]:
    """The lines `after` adds to `before`; fails when it removes or changes any."""
    diff = list(difflib.unified_diff(before.splitlines(True), after.splitlines(True), n=0))
    body = [line for line in diff[2:] if not line.startswith("@@")]
    assert not [line for line in body if line.startswith("-")], body
    return [line[1:] for line in body]


# The command, end to end


def test_from_votes_in_a_fresh_log_to_a_passage_that_answers_the_rephrased_question(
    log_at, corpus_dir, small, capsys, monkeypatch
):
    database = log_at("fresh")
    monkeypatch.setenv("WEGWIJZER_DB", str(database))
    assert small.ask(MISSED).outcome == "not_answered"  # the wording the corpus misses
    store = Store.open(database)
    ann = store.user_key("telegram", 4242)
    store.record_question("telegram", ann, small.ask(MISSED))
    liked = store.record_question("telegram", ann, small.ask(ANSWERED))
    store.record_feedback(liked, True, passage_id="winwinlening")
    store.close()

    code, out, _ = run_cli(capsys, "curate", "--corpus", str(corpus_dir), "--format", "json")
    assert code == 0
    listed = {s["question"]: s for s in json.loads(out)["suggestions"]}
    assert set(listed) == {MISSED, ANSWERED}
    suggestion = listed[MISSED]
    assert (suggestion["passage_id"], suggestion["count"]) == ("winwinlening", 1)
    assert suggestion["evidence"]["rephrased"] == 1 and ann not in out
    code, text, _ = run_cli(capsys, "curate", "--corpus", str(corpus_dir))
    assert code == 0 and f"{suggestion['id']}    1x  {MISSED}" in text

    path = corpus_dir / PASSAGES
    path.chmod(0o640)
    before = path.read_text(encoding="utf-8")
    code, out, err = run_cli(
        capsys, "curate", "accept", suggestion["id"], "--corpus", str(corpus_dir)
    )
    assert (code, err) == (0, "")
    assert f"added {MISSED!r} to winwinlening in {PASSAGES}" in out
    after = path.read_text(encoding="utf-8")
    assert _added_lines(before, after) == [f"    - {MISSED}\n"]
    assert "# de klassieke vraag" in after and "# trefwoorden helpen het zoeken" in after
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in path.parent.iterdir()) == ["geld.yaml"]  # no temporary file

    assert run_cli(capsys, "corpus", "check", str(corpus_dir))[0] == 0
    answer = Assistant.from_directory(corpus_dir).ask(MISSED)
    assert answer.outcome == "answered" and answer.passages[0].id == "winwinlening"
    code, out, _ = run_cli(capsys, "curate", "--corpus", str(corpus_dir), "--format", "json")
    assert [s["question"] for s in json.loads(out)["suggestions"]] == [ANSWERED]
    assert set(Store.open(database).decisions().values()) == {"accepted"}


def test_reject_remembers_the_group_without_its_words(
    tmp_path, log, corpus_dir, capsys, monkeypatch
):
    monkeypatch.setenv("WEGWIJZER_DB", str(tmp_path / "log.db"))
    log.store.record_feedback(log.ask(ANSWERED), True)
    log.store.close()
    [suggestion] = Log(tmp_path / "log.db", log.assistant).suggestions()
    code, out, _ = run_cli(capsys, "curate", "reject", suggestion.id, "--corpus", str(corpus_dir))
    assert code == 0 and f"rejected {suggestion.id}" in out
    code, out, _ = run_cli(capsys, "curate", "--corpus", str(corpus_dir))
    assert suggestion.id not in out and "(0 open)" in out
    store = Store.open(tmp_path / "log.db")
    assert store.decisions() == {curate.suggestion_key("winwinlening", ANSWERED): "rejected"}
    assert store.forget("ann") == 1
    assert store.decisions() != {}  # a rejection outlives the words it was made on
    rows = sqlite3.connect(tmp_path / "log.db").execute("SELECT * FROM curation").fetchall()
    assert len(rows) == 1 and "familie" not in repr(rows)


def test_an_unknown_id_exits_2_and_writes_nothing(tmp_path, log, corpus_dir, capsys, monkeypatch):
    monkeypatch.setenv("WEGWIJZER_DB", str(tmp_path / "log.db"))
    log.store.record_feedback(log.ask(ANSWERED), True)
    [suggestion] = log.suggestions()
    before = (corpus_dir / PASSAGES).read_bytes()
    code, out, err = run_cli(
        capsys, "curate", "accept", suggestion.id, "deadbeef", "--corpus", str(corpus_dir)
    )
    assert code == 2 and out == ""
    assert "no open suggestion with id 'deadbeef'" in err and "nothing was written" in err
    assert (corpus_dir / PASSAGES).read_bytes() == before


def test_an_accept_that_breaks_the_corpus_restores_the_file_and_exits_1(
    tmp_path, corpus_dir, capsys, monkeypatch
):
    path = corpus_dir / PASSAGES
    full = "".join(f"    - vraag nummer {n} over het loket\n" for n in range(48))
    path.write_text(
        GELD.replace(
            "    - 'wat doet het cultuurloket'\n", f"    - 'wat doet het cultuurloket'\n{full}"
        ),
        encoding="utf-8",
    )
    before = path.read_bytes()
    log = Log(tmp_path / "log.db", Assistant.from_directory(corpus_dir))  # 50 questions
    log.store.record_feedback(log.ask("wie helpt mij met een contract als kunstenaar"), True)
    [suggestion] = log.suggestions()
    assert suggestion.passage_id == "cultuurloket"
    monkeypatch.setenv("WEGWIJZER_DB", str(tmp_path / "log.db"))
    code, _, err = run_cli(capsys, "curate", "accept", suggestion.id, "--corpus", str(corpus_dir))
    assert code == 1 and "Traceback" not in err
    assert "questions: 51 items; at most 50" in err and "every file was restored" in err
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["geld.yaml"]
    assert [s.id for s in log.suggestions()] == [suggestion.id]  # still open


def test_curate_needs_the_question_log(capsys, monkeypatch, corpus_dir):
    monkeypatch.setenv("WEGWIJZER_DB", "off")
    code, _, err = run_cli(capsys, "curate", "--corpus", str(corpus_dir))
    assert code == 1 and "question log is disabled" in err


def test_a_write_failing_halfway_restores_the_files_already_written(tmp_path, capsys, monkeypatch):
    money, desk = GELD.split("\n- id: cultuurloket\n")
    corpus_dir = write_corpus(
        tmp_path / "corpus",
        {
            "bronnen.yaml": SOURCES,
            PASSAGES: money,
            "organisaties/loket.yaml": "- id: cultuurloket\n" + desk,
        },
    )
    before = {p: p.read_bytes() for p in corpus_dir.rglob("*.yaml")}
    log = Log(tmp_path / "log.db", Assistant.from_directory(corpus_dir))
    log.store.record_feedback(log.ask(ANSWERED), True)
    log.store.record_feedback(log.ask("wie helpt mij met een contract als kunstenaar"), True)
    ids = [s.id for s in log.suggestions()]
    assert len(ids) == 2
    replace, calls = curate.os.replace, []

    def full_disk_on_the_second_write(source, target):
        calls.append(target)
        if len(calls) == 2:
            raise OSError(28, "No space left on device", str(target))
        replace(source, target)

    monkeypatch.setattr(curate.os, "replace", full_disk_on_the_second_write)
    monkeypatch.setenv("WEGWIJZER_DB", str(tmp_path / "log.db"))
    code, out, err = run_cli(capsys, "curate", "accept", *ids, "--corpus", str(corpus_dir))
    assert code == 1 and out == ""
    assert "No space left on device" in err and "every file was restored" in err
    assert len(calls) == 3  # the first file, the failed second, the first restored
    assert {p: p.read_bytes() for p in corpus_dir.rglob("*.yaml")} == before
    assert not list(corpus_dir.rglob("*.tmp"))
