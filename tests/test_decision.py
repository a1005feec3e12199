import dataclasses
import json

import numpy as np
import pytest

from assistant import cli
from assistant.decision import (
    FEATURES,
    RANKING_ONLY,
    AnswerabilityModel,
    ModelFileError,
    _read_model,
    bundled_model,
    bundled_model_path,
    fit_logistic,
)


def _model(threshold: float = 0.5) -> AnswerabilityModel:
    """A model on coverage and fact_missing only: p = sigmoid(8 * coverage - 4 - 6 * missing)."""
    weights = [0.0] * len(FEATURES)
    weights[FEATURES.index("coverage")] = 8.0
    weights[FEATURES.index("fact_missing")] = -6.0
    n = len(FEATURES)
    return AnswerabilityModel(tuple(weights), -4.0, (0.0,) * n, (1.0,) * n, threshold, 0.8)


def _features(**values: float) -> dict[str, float]:
    return {**dict.fromkeys(FEATURES, 0.0), **values}


def test_fit_logistic_finds_the_separating_feature():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 3))
    y = (x[:, 1] + 0.3 * rng.normal(size=400) > 0).astype(float)
    weights, _, mean, scale = fit_logistic(x, y, l2=0.1)
    assert np.argmax(np.abs(weights)) == 1 and weights[1] > 0
    assert mean.shape == scale.shape == (3,)


def test_fit_logistic_refuses_mismatched_labels():
    with pytest.raises(ValueError, match="as many labels"):
        fit_logistic(np.zeros((3, 2)), np.zeros(2))


def test_decide_answers_above_the_threshold_and_refuses_below():
    model = _model()
    assert model.decide(_features(coverage=0.9), ()).outcome == "answered"
    assert model.decide(_features(coverage=0.2), ()).outcome == "not_answered"


def test_a_passage_on_the_subject_without_the_asked_fact_is_a_partial_answer():
    model = _model()
    decision = model.decide(_features(coverage=0.9, fact_missing=1.0), ("cost",))
    assert (decision.outcome, decision.missing) == ("partial", ("cost",))
    assert decision.confidence < model.threshold
    # Off the subject, a missing fact does not make it partial.
    assert model.decide(_features(coverage=0.2, fact_missing=1.0), ("cost",)).outcome == (
        "not_answered"
    )


def test_a_passage_without_the_asked_fact_never_answers():
    # The lower threshold for a question read with its topic let "wat kost dat?" after the
    # kunstwerkattest be answered (0.29) by the attest's passage, which names no price.
    model = dataclasses.replace(_model(threshold=0.6), follow_up_threshold=0.2)
    features = _features(coverage=0.9, fact_missing=1.0)  # p = sigmoid(-2.8): 0.057
    subject = _features(coverage=0.9)
    lenient = dataclasses.replace(model, follow_up_threshold=0.05)
    decision = lenient.decide(features, ("cost",), subject, in_context=True)
    assert (decision.outcome, decision.missing) == ("partial", ("cost",))
    # With nothing missing the context's threshold holds; with the fact missing, even above
    # the threshold the answer is partial (the word votes, which know nothing of facts, had
    # answered next year's calls with last year's).
    near = _features(coverage=0.6)  # p = sigmoid(0.8): 0.69
    assert model.decide(_features(coverage=0.45), (), in_context=True).outcome == "answered"
    assert model.decide(near, ()).outcome == "answered"
    for in_context in (True, False):
        decision = model.decide(near, ("cost",), in_context=in_context)
        assert (decision.outcome, decision.missing) == ("partial", ("cost",))


def test_model_round_trips_and_rejects_other_features(tmp_path):
    model = _model()
    path = tmp_path / "m.json"
    model.save(path, fitted_on="x")
    data = json.loads(path.read_text())
    assert AnswerabilityModel.from_dict(data) == AnswerabilityModel.from_dict(model.to_dict())
    data["features"] = ["coverage"]
    with pytest.raises(ValueError, match="other features"):
        AnswerabilityModel.from_dict(data)


def test_a_broken_model_file_is_an_error_that_names_it_not_a_traceback(
    capsys, tmp_path, monkeypatch
):
    good = _model().to_dict()
    broken = tmp_path / "answerability.json"
    # A NaN weight made every question answered at 1.0; a scale of 0 divided by zero at the
    # first question; the rest were a KeyError or a TypeError from deep inside.
    for change, says in [
        ({"weights": [float("nan")] * len(FEATURES)}, "finite"),
        ({"scale": [0.0] * len(FEATURES)}, "above 0"),
        ({"bias": "veel"}, "a number"),
        ({"weights": None}, "a list of numbers"),
        ({"follow_up_threshold": 3.0}, "follow_up_threshold"),
        ({"features": ["coverage"]}, "other features"),
    ]:
        broken.write_text(json.dumps({**good, **change}), encoding="utf-8")
        with pytest.raises(ModelFileError, match=rf"answerability\.json: .*{says}.*eval --fit"):
            _read_model(broken.read_text, str(broken))
    broken.write_text(json.dumps({k: v for k, v in good.items() if k != "bias"}), "utf-8")
    with pytest.raises(ModelFileError, match="lacks 'bias'"):
        _read_model(broken.read_text, str(broken))
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelFileError, match=r"answerability\.json"):
        _read_model(broken.read_text, str(broken))
    # The command line says so in one line, with its exit code for bad input.
    monkeypatch.setenv("WEGWIJZER_DB", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(
        "assistant.core.bundled_model", lambda: _read_model(broken.read_text, str(broken))
    )
    assert cli.main(["ask", "wat is de winwinlening"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "answerability.json" in err and "Traceback" not in err


def test_fit_logistic_leaves_out_what_it_is_told_to():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 3))
    y = (x[:, 1] + 0.3 * rng.normal(size=400) > 0).astype(float)
    weights, *_ = fit_logistic(x, y, l2=0.1, left_out=[False, True, False])
    assert weights[1] == 0.0 and weights[0] != 0.0


def test_candidates_are_ranked_by_the_ranking_weights_when_there_are_some():
    model = _model()
    low, high = _features(coverage=0.6, wording=0.9), _features(coverage=0.7, wording=0.1)
    assert model.rank(high) > model.rank(low)  # no ranking: by probability
    ranking = [0.0] * len(FEATURES)
    ranking[FEATURES.index("coverage")] = 1.0
    ranking[FEATURES.index("wording")] = 1.0
    ranked = dataclasses.replace(model, ranking=tuple(ranking))
    assert ranked.rank(low) == pytest.approx(1.5) and ranked.rank(high) == pytest.approx(0.8)
    assert ranked.probability(low) == model.probability(low)  # the decision is the same
    assert AnswerabilityModel.from_dict(ranked.to_dict()) == ranked
    with pytest.raises(ValueError, match="ranking needs"):
        dataclasses.replace(model, ranking=(1.0,))


def test_a_model_needs_sane_thresholds():
    n = len(FEATURES)
    with pytest.raises(ValueError, match="threshold"):
        AnswerabilityModel((0.0,) * n, 0.0, (0.0,) * n, (1.0,) * n, 0.9, 0.5)


def test_the_shipped_model_is_fitted_on_the_tuning_set():
    data = json.loads(bundled_model_path().read_text())
    assert data["fitted_on"] == "tests/eval/vragen.yaml"
    model = bundled_model()
    assert 0.0 < model.threshold <= model.unsure < 1.0
    assert model.weights[FEATURES.index("fact_missing")] < 0
    # How a question's letters match a passage's wordings orders candidates; it does not
    # decide whether the first one answers.
    assert model.ranking is not None
    for name in RANKING_ONLY:
        assert model.weights[FEATURES.index(name)] == 0.0
        assert model.ranking[FEATURES.index(name)] > 0.0
