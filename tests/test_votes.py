"""The word votes: which passage labelled questions' words vote for (`assistant.votes`)."""

import json
from pathlib import Path

import pytest

from assistant import cli
from assistant.analysis import TermGroup
from assistant.decision import FEATURES, bundled_model
from assistant.evaluation import (
    VOTE_FOLDS,
    LabelledQuestion,
    _fold,
    _vote_fold,
    labelled_counts,
    load_eval_set,
    near_copies,
    vote_folds,
)
from assistant.votes import (
    OUTSIDE,
    UNANSWERED,
    Votes,
    VotesFileError,
    bundled_counts,
    bundled_counts_path,
    counts_from_dict,
    counts_to_dict,
    for_corpus,
    question_counts,
)

EVAL = Path(__file__).parent / "eval"
PRACTICE = EVAL / "oefenvragen.yaml"


def _group(word: str, weight: float = 1.0) -> TermGroup:
    return TermGroup(word, word, weight=weight)


def test_without_a_word_it_knows_every_label_is_as_likely():
    votes = Votes.build({"a": {"lenen": 2.0}, "b": {"octrooi": 1.0}})
    assert votes.posterior([]) == pytest.approx({"a": 0.5, "b": 0.5})
    assert votes.posterior([_group("onbekend")]) == pytest.approx({"a": 0.5, "b": 0.5})


def test_a_word_votes_for_the_labels_whose_questions_hold_it():
    votes = Votes.build({"a": {"lenen": 3.0, "geld": 1.0}, "b": {"octrooi": 3.0, "geld": 1.0}})
    lend = votes.posterior([_group("lenen")])
    # Tempered (`TEMPER`): a share, not the near certainty of a naive Bayes product.
    assert 0.6 < lend["a"] < 0.95 and sum(lend.values()) == pytest.approx(1.0)
    assert votes.share([_group("lenen"), _group("octrooi")], "a") == pytest.approx(0.5)
    assert votes.share([_group("octrooi")], "b") == pytest.approx(lend["a"])
    assert votes.share([_group("geld")], "a") == pytest.approx(0.5)
    assert votes.share([_group("lenen")], "geen-label") == 0.0


def test_a_word_from_the_conversation_votes_less_than_the_questions_own():
    votes = Votes.build({"a": {"lenen": 3.0}, "b": {"octrooi": 3.0}})
    own = votes.share([_group("lenen"), _group("octrooi", 0.5)], "a")
    assert own > 0.5
    assert votes.share([_group("lenen", 0.5), _group("octrooi")], "a") == pytest.approx(1 - own)


def test_counts_add_up_and_round_trip_through_the_file_format():
    groups = [_group("lenen"), TermGroup("winwinlening", "winwinlen", parts=("win", "len"))]
    counts = question_counts([(groups, ["a", "b"]), ([_group("lenen")], ["a"])])
    assert counts["a"]["lenen"] == 1.5 and counts["b"]["len"] == 0.5
    assert counts_from_dict(json.loads(json.dumps(counts_to_dict(counts, 2)))) == counts
    with pytest.raises(VotesFileError, match="counts"):
        counts_from_dict({"questions": 2})
    # A count that is not a finite number of at least 0 is refused: a NaN had made every
    # question answered at 1.0.
    for bad in (float("nan"), float("inf"), -1.0, "3", True, None):
        with pytest.raises(VotesFileError, match="lenen"):
            counts_from_dict({"counts": {"a": {"lenen": bad}}})
    for bad in ([], {"counts": []}, {"counts": {"a": ["lenen"]}}):
        with pytest.raises(VotesFileError):
            counts_from_dict(bad)


def test_a_broken_votes_file_is_an_error_that_names_it_not_a_traceback(
    capsys, tmp_path, monkeypatch
):
    broken = tmp_path / "votes.json"
    broken.write_text('{"counts": {"a": {"lenen": NaN}}}', encoding="utf-8")
    with pytest.raises(VotesFileError, match=r"votes\.json.*eval --fit"):
        bundled_counts(broken)
    with pytest.raises(VotesFileError, match=r"missing\.json"):
        bundled_counts(tmp_path / "missing.json")
    # The command line says so in one line, with its exit code for bad input.
    monkeypatch.setenv("WEGWIJZER_DB", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr("assistant.core.bundled_counts", lambda: bundled_counts(broken))
    assert cli.main(["ask", "wat is de winwinlening"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "votes.json" in err and "Traceback" not in err


def test_a_passages_own_wordings_vote_without_any_labelled_question(assistant):
    bare = assistant.with_labelled({})
    groups = assistant.read("hoeveel kan ik lenen met een winwinlening").groups
    shares = bare.votes.posterior(groups)
    first = sorted(shares, key=shares.get, reverse=True)[:4]
    assert all(label.startswith("winwinlening") for label in first), first
    assert shares[first[0]] > 10 / len(shares)  # ten times an even share
    # A label the corpus does not have is left out (beside counts that fit the corpus).
    fitting = {"winwinlening": {"lenen": 5.0}, "weg": {"lenen": 5.0}, OUTSIDE: {"huur": 2.0}}
    assert "weg" not in assistant.with_labelled(fitting).votes.labels
    assert {"winwinlening", OUTSIDE} <= set(assistant.with_labelled(fitting).votes.labels)


def test_counts_made_for_another_corpus_count_less_or_not_at_all(assistant):
    arrays, ids = assistant.index.arrays, [p.id for p in assistant.corpus.passages]
    counts = {"winwinlening": {"lenen": 6.0}, "weg": {"lenen": 4.0}, OUTSIDE: {"huur": 10.0}}
    # 60% of the passages' counts are of this corpus: the other domains' count 60% as much.
    votes = for_corpus(counts, arrays, ids)
    outside = votes.posterior([_group("huur")])[OUTSIDE]
    full = for_corpus({**counts, "weg": {}}, arrays, ids).posterior([_group("huur")])[OUTSIDE]
    assert 0 < outside < full
    # Under half (`FITTING`): the corpus's own wordings only.
    alien = {"winwinlening": {"lenen": 4.0}, "weg": {"lenen": 6.0}, OUTSIDE: {"huur": 10.0}}
    assert OUTSIDE not in for_corpus(alien, arrays, ids).labels


def test_other_labelled_counts_make_a_copy_and_leave_the_assistant_as_it_was(assistant):
    before = assistant.votes
    other = assistant.with_labelled({})
    assert other is not assistant and other.votes is not before and assistant.votes is before
    assert other.model is assistant.model


def test_labelled_questions_teach_the_votes_words_the_passages_lack(assistant):
    # "tante" is in no passage of the winwinlening: only users' questions can tie it to it.
    asked = assistant.read("mag mijn tante mij geld lenen voor mijn zaak").groups
    before = assistant.with_labelled({}).votes.share(asked, "winwinlening")
    taught = labelled_counts(
        assistant,
        [
            LabelledQuestion("mijn tante wil me geld voorschieten", ("winwinlening",)),
            LabelledQuestion("lenen van mijn tante, wat zijn de regels", ("winwinlening",)),
        ],
    )
    after = assistant.with_labelled(taught).votes.share(asked, "winwinlening")
    assert after > before + 0.1


def test_out_of_domain_and_unanswerable_questions_vote_for_their_own_labels(assistant):
    counts = labelled_counts(
        assistant,
        [
            LabelledQuestion("wat is de winwinlening", ("winwinlening",)),
            LabelledQuestion("hoeveel kindergeld krijg ik", (), "out_of_domain"),
            LabelledQuestion("wat is het telefoonnummer van sabam", (), "unanswerable"),
            LabelledQuestion("hallo", (), "smalltalk"),
        ],
    )
    assert set(counts) == {"winwinlening", OUTSIDE, UNANSWERED}
    shares = assistant.with_labelled(counts).votes.posterior(
        assistant.read("kindergeld aanvragen").groups
    )
    assert max(shares, key=shares.get) == OUTSIDE


def test_the_shipped_votes_count_the_tuning_and_practice_questions_and_weigh_in_the_model(
    assistant,
):
    data = json.loads(bundled_counts_path().read_text())
    counted = [*load_eval_set(PRACTICE).questions, *load_eval_set(EVAL / "vragen.yaml").questions]
    assert data["questions"] == len(counted)
    # The counts themselves are those of the sets as they are now (`wegwijzer eval --fit`).
    assert data == counts_to_dict(labelled_counts(assistant, counted), len(counted))
    model = bundled_model()
    assert model.weights[FEATURES.index("voted")] > 0
    assert model.weights[FEATURES.index("voted_outside")] < 0


def test_the_practice_questions_name_real_passages_and_copy_no_measured_question(assistant):
    practice = load_eval_set(PRACTICE)
    assert len(practice.in_domain) >= 4000 and len(practice.out_of_domain) >= 500
    assert not [q for q in practice.questions for i in q.ids if assistant.passage(i) is None]
    # Nothing the validation or held-out set measures was learned, and no tuning question is
    # counted in every fold of the fit: none within a ratio of 0.8 of a practice question.
    measured = [
        q.question
        for name in ("validatie.yaml", "heldout.yaml", "vragen.yaml")
        for q in load_eval_set(EVAL / name).questions
    ]
    assert _near_copies([q.question for q in practice.questions], measured, 0.8) == []


def test_the_near_copy_search_finds_a_near_copy_and_passes_the_rest():
    assert _near_copies(
        ["Hoeveel kost een i-depot?", "wat is de winwinlening", "hoeveel kost het i-depot"],
        ["hoeveel kost een i-depot"],
        0.8,
    ) == [
        ("hoeveel kost een i-depot", "hoeveel kost een i-depot"),
        ("hoeveel kost het i-depot", "hoeveel kost een i-depot"),
    ]


def _near_copies(texts: list[str], others: list[str], least: float) -> list[tuple[str, str]]:
    """Pairs (text, other), folded, whose `SequenceMatcher` ratio reaches `least`."""
    first, second = [_fold(t) for t in texts], [_fold(t) for t in others]
    return [(first[i], second[j]) for i, j in near_copies(first, second, least)]


def test_a_question_typed_twice_falls_in_one_fold_of_the_fit():
    # (a reviewer: "Hoe bescherm ik mijn ideeën?" and "hoe bescherm ik mijn ideeen" were each
    # read with votes that counted the other)
    for typed, again in (
        ("Hoe bescherm ik mijn ideeën?", "hoe bescherm ik mijn ideeen"),
        ("Wat kost een i-DEPOT?", "wat kost een i-depot"),
        ("BTW op schilderijen", "btw op schilderijen"),
        ("Optreden in een café", "optreden in een cafe"),
    ):
        assert _vote_fold(typed) == _vote_fold(again), typed
    folds = {_vote_fold(q.question) for q in load_eval_set(EVAL / "vragen.yaml").questions}
    assert folds == set(range(VOTE_FOLDS))


def test_near_copies_fall_in_one_fold_and_other_questions_in_their_own():
    # 11 tuning questions had a near-copy in another fold, read with its votes ("wat si een
    # beheersvennootschap eigenlijk" with those of "wat is een beheersvennootschap").
    near = ["wat si een beheersvennootschap eigenlijk", "wat is een beheersvennootschap"]
    assert _vote_fold(near[0]) != _vote_fold(near[1])  # by their letters alone: two folds
    others = ["wat is sabam", "hoe vraag ik een kunstwerkattest aan", "wat kost een i-depot"]
    folds = vote_folds([*near, *others])
    assert folds[0] == folds[1]
    assert folds[2:] == [_vote_fold(q) for q in others]
    tuning = [q.question for q in load_eval_set(EVAL / "vragen.yaml").questions]
    assert set(vote_folds(tuning)) == set(range(VOTE_FOLDS))
