"""The refit-noise benchmark's threshold-free measure (the refits themselves are not run)."""

import importlib.util
from pathlib import Path

import pytest

from assistant.evaluation import LabelledQuestion, QuestionResult

_PATH = Path(__file__).parent.parent / "benchmarks" / "refit_noise.py"
_SPEC = importlib.util.spec_from_file_location("refit_noise", _PATH)
refit_noise = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(refit_noise)


def _result(category: str, first: str, confidence: float) -> QuestionResult:
    ids = ("a",) if category == "in_domain" else ()
    return QuestionResult(LabelledQuestion("q", ids, category), (first,), confidence)


def test_the_ordering_counts_pairs_of_a_right_first_answer_and_anything_else():
    right = [_result("in_domain", "a", 0.9), _result("in_domain", "a", 0.5)]
    # A wrong first passage and an out-of-domain question are "anything else" alike.
    other = [_result("in_domain", "b", 0.7), _result("out_of_domain", "b", 0.5)]
    # Of the four pairs, 0.9 is above both, 0.5 below 0.7 and tied with 0.5 (half).
    assert refit_noise.ordering(right + other) == pytest.approx(2.5 / 4)
    assert refit_noise.ordering(right) == 0.0  # nothing to order against
