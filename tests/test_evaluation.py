from pathlib import Path

import pytest

from assistant.evaluation import (
    EvalFileError,
    best_threshold,
    calibrate,
    check_labels,
    evaluate,
    load_eval_set,
)

EVAL_FILE = Path(__file__).parent / "eval" / "vragen.yaml"


def test_eval_set_is_large_enough_and_names_only_real_passages(assistant):
    eval_set = load_eval_set(EVAL_FILE)
    assert len(eval_set.in_domain) >= 250
    assert len(eval_set.out_of_domain) >= 30
    assert check_labels(eval_set, assistant) == []


def test_every_passage_has_at_least_one_evaluation_question(assistant):
    eval_set = load_eval_set(EVAL_FILE)
    covered = {pid for q in eval_set.in_domain for pid in q.ids}
    assert [p.id for p in assistant.passages if p.id not in covered] == []


def test_per_kind_breakdown_covers_every_kind(assistant):
    report = evaluate(assistant, load_eval_set(EVAL_FILE))
    assert set(report.per_kind) == {"maatregel", "organisatie", "procedure", "begrip"}
    assert sum(k["questions"] for k in report.per_kind.values()) == report.counts["in_domain"]


def test_bundled_corpus_meets_the_eval_thresholds(assistant):
    report = evaluate(assistant, load_eval_set(EVAL_FILE))
    assert report.failures == []
    assert report.metrics["recall_at_3"] >= 0.90


def test_metrics_are_computed_from_ranks(assistant, tmp_path):
    path = tmp_path / "v.yaml"
    path.write_text(
        "thresholds: {recall_at_1: 1.0}\n"
        "in_domain:\n  - {q: 'wat is de winwinlening', ids: [winwinlening]}\n"
        "  - {q: 'wat is de winwinlening', ids: [octrooi]}\n"
        "out_of_domain: ['recept voor lasagne']\n",
        encoding="utf-8",
    )
    report = evaluate(assistant, load_eval_set(path))
    assert report.metrics["recall_at_1"] == 0.5
    assert report.metrics["refused"] == 1.0
    assert report.failures == ["recall_at_1 0.500 < 1.000"]


def test_calibration_sweeps_thresholds_and_picks_the_best_plateau(assistant):
    report = evaluate(assistant, load_eval_set(EVAL_FILE))
    table = calibrate(report, steps=20)
    assert table[0] == (0.0, 1.0, 0.0)
    best = best_threshold(table)
    assert 0.0 < best < 1.0


def test_malformed_eval_file_is_a_clear_error(tmp_path):
    path = tmp_path / "v.yaml"
    path.write_text("in_domain:\n  - {q: 'zonder ids'}\n", encoding="utf-8")
    with pytest.raises(EvalFileError, match="needs q and ids"):
        load_eval_set(path)
    with pytest.raises(EvalFileError, match="cannot read"):
        load_eval_set(tmp_path / "missing.yaml")
