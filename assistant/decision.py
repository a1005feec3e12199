"""Whether the best passage answers a question: a small logistic model over retrieval evidence.

One hand-set coverage threshold cannot tell "a rare word happens to occur in a passage" from
"the passage is about what was asked". The model combines several signals of one retrieval
(`FEATURES`) into the probability that the top passage answers the question. It is fitted
offline on the tuning set (`wegwijzer eval --fit`, see `assistant.evaluation`) and shipped as
data (`data/answerability.json`); at run time it is a dot product and a logistic function.

The outcomes:

- ``answered``: the probability reaches the model's threshold (for a question read in a
  conversation's context, its lower follow-up threshold) and the passage holds the kind of
  fact asked;
- ``partial``: the passage is on the subject (the probability reaches the threshold, or would
  if the passage held the asked kind of fact) but it lacks what was asked: a cost, an amount,
  a deadline, a contact, a phone number, opening hours or a condition. (Until the word votes
  of 5 December 2026 a probability that reached the threshold answered all the same: the
  votes, which know nothing of facts, then answered "wanneer is de volgende oproep van de kmo
  groeisubsidie" with last year's calls, 0.67);
- ``not_answered``: neither;
- ``smalltalk``: a greeting, thanks or "help", decided before retrieval (`intent`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from assistant.errors import read_package_data
from assistant.models import OUTCOMES, choice_problem

# The evidence the model weighs, in order (see `retrieval.Signals` and `Assistant.retrieve`).
FEATURES = (
    "coverage",  # share of the question's information the top passage contains
    "about",  # the same share within the top passage's title, keywords and example questions
    "known_coverage",  # coverage of the words the corpus knows (a user's own details left out)
    "unknown_common",  # information share of everyday Dutch words the corpus lacks
    "unknown_rare",  # information share of rare or non-Dutch words the corpus lacks
    "score",  # top BM25 score over the most the question's terms could score
    "margin",  # how far the top passage is ahead of the second (0..1)
    "title",  # share of the top passage's title the question names
    "words",  # log(1 + number of content words)
    "historical",  # the top passage is historical and the question is not about the past
    "sentence",  # the share of the question's information in the top passage's best sentence
    "uncovered_max",  # the information share of the heaviest word the top passage lacks
    "question",  # the share of the question's information one example question holds
    "fact_missing",  # the question asks a kind of fact the top passage does not hold
    "english",  # the question is in English (answered from Dutch passages)
    "on_topic",  # read in a conversation's context, it lands on a passage of that topic
    "outside",  # the largest share of the question one subject outside the domain holds
    "central",  # for a question of one or two words: how many passages link to the top one
    "ask",  # coverage of the question's last sentence, where a question told as a story asks
    "wording",  # letter by letter, how close the question is to the passage's closest wording
    "voted",  # the share of the question's word votes the passage gets (`votes.Votes`)
    "voted_outside",  # the share they give to questions from other domains
    "voted_unanswered",  # the share they give to questions no passage answers
    # Of the labelled questions most like the question (`votes.Neighbours`), how like it the
    # likest is that the passage answers, that it does not, and that no passage answers:
    "neighbour",
    "neighbour_other",
    "neighbour_unanswerable",
)
# Signals that order the candidates but do not decide whether the first one answers (see
# `AnswerabilityModel.ranking`): how a question's letters match a passage's wordings tells
# which of a few passages on a subject was asked for, but it rises as much for a question the
# passage cannot answer, and for an English question it measures only the names it shares.
RANKING_ONLY = frozenset({"wording"})
# Signals that decide whether the first candidate answers but do not order the candidates:
DECISION_ONLY = frozenset({"voted", "neighbour", "neighbour_other", "neighbour_unanswerable"})
# The sign each feature's weight must have (0: either), see `fit_logistic`.
SIGNS = {
    "coverage": 1,
    "about": 1,
    "known_coverage": 1,
    "unknown_common": -1,
    "unknown_rare": -1,
    "score": 1,
    "margin": 1,
    "title": 1,
    "historical": -1,
    "sentence": 1,
    "uncovered_max": -1,
    "question": 1,
    "fact_missing": -1,
    "on_topic": 1,
    "outside": -1,
    "ask": 1,
    "wording": 1,
    "voted": 1,
    "voted_outside": -1,
    "voted_unanswered": -1,
    "neighbour": 1,
    "neighbour_other": -1,
    "neighbour_unanswerable": -1,
}
MODEL_FILE = "answerability.json"


@dataclass(frozen=True)
class Decision:
    """What to do with one retrieval: the outcome and the calibrated confidence.

    `missing` names the kinds of fact asked and not held by the passage (for ``partial``).
    """

    outcome: str
    confidence: float
    missing: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if problem := choice_problem(self.outcome, OUTCOMES):
            raise ValueError(f"outcome {problem}")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence must be within 0..1; got {self.confidence}")


@dataclass(frozen=True)
class AnswerabilityModel:
    """Logistic regression on standardised `FEATURES`.

    Args:
        weights: one weight per feature.
        bias: the intercept.
        mean: per-feature mean of the tuning data (for standardising).
        scale: per-feature standard deviation of the tuning data.
        threshold: probability from which the top passage is taken to answer.
        unsure: probability below which an answer is shown with a caution.
        follow_up_threshold: the same, for a question read in a conversation's context
            (chosen on the tuning dialogues; by default `threshold`).
        ranking: per feature, a weight on its raw value for ordering the candidates, fitted
            with the `RANKING_ONLY` signals too; None: they are ordered by `probability`.
    """

    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    threshold: float
    unsure: float
    follow_up_threshold: float | None = None
    ranking: tuple[float, ...] | None = None

    def __post_init__(self) -> None:
        for name in ("weights", "mean", "scale", "ranking"):
            values = getattr(self, name)
            if values is not None and len(values) != len(FEATURES):
                raise ValueError(f"{name} needs {len(FEATURES)} values (one per feature)")
            # A NaN weight made every probability 1.0 (every question answered), a scale of
            # 0 a division by zero at the first question.
            if values is not None and not all(math.isfinite(v) for v in values):
                raise ValueError(f"{name} must be finite numbers")
        if not math.isfinite(self.bias):
            raise ValueError(f"bias must be a finite number; got {self.bias}")
        if not all(s > 0 for s in self.scale):
            raise ValueError("scale must be above 0 for every feature")
        if not 0.0 < self.threshold < 1.0 or not self.threshold <= self.unsure <= 1.0:
            raise ValueError(
                f"need 0 < threshold <= unsure <= 1; got {self.threshold} and {self.unsure}"
            )
        if self.follow_up_threshold is not None and not 0.0 < self.follow_up_threshold < 1.0:
            raise ValueError(f"need 0 < follow_up_threshold < 1; got {self.follow_up_threshold}")

    @cached_property
    def _terms(self) -> tuple[tuple[str, float, float, float], ...]:
        """(feature, weight, mean, scale) for each feature with a weight: a feature the fit
        left at 0 adds nothing (one logistic over 16 numbers costs more in numpy's calls than
        in plain arithmetic)."""
        return tuple(
            (name, w, m, s)
            for name, w, m, s in zip(FEATURES, self.weights, self.mean, self.scale, strict=True)
            if w != 0.0
        )

    def probability(self, features: Mapping[str, float]) -> float:
        """The calibrated probability that the top passage answers the question."""
        z = self.bias
        for name, weight, mean, scale in self._terms:
            z += weight * ((features[name] - mean) / scale)
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))

    @cached_property
    def _ranking_terms(self) -> tuple[tuple[str, float], ...]:
        """(feature, weight) of each feature the `ranking` weighs."""
        weights = self.ranking or (0.0,) * len(FEATURES)
        return tuple((name, w) for name, w in zip(FEATURES, weights, strict=True) if w != 0.0)

    def rank(self, features: Mapping[str, float]) -> float:
        """How strongly the evidence says a candidate is the one asked for, to order the
        candidates of one question by (higher first); `probability` without a `ranking`."""
        if self.ranking is None:
            return self.probability(features)
        return sum(weight * features[name] for name, weight in self._ranking_terms)

    def threshold_for(self, in_context: bool) -> float:
        """The threshold for a question read alone, or in a conversation's context."""
        if in_context and self.follow_up_threshold is not None:
            return self.follow_up_threshold
        return self.threshold

    def neutral(self, name: str) -> float:
        """The value of a feature that moves the probability neither way (its mean in the fit)."""
        return self.mean[FEATURES.index(name)]

    def decide(
        self,
        features: Mapping[str, float],
        missing: Sequence[str],
        subject: Mapping[str, float] | None = None,
        *,
        in_context: bool = False,
    ) -> Decision:
        """Answered, partial or not answered (see the module docstring).

        Args:
            features: the evidence for the first passage.
            missing: the kinds of fact the question asks for and that passage lacks.
            subject: the evidence for the question's subject alone (without the words that ask
                for the missing fact); by default `features` as if nothing were missing.
            in_context: the question was read with an earlier one (`follow_up_threshold`).
        """
        threshold = self.threshold_for(in_context)
        p = self.probability(features)
        # In a conversation the topic makes the subject clear, hence its lower threshold; but
        # a passage that lacks the asked kind of fact is on the subject only as surely as it
        # would be alone.
        if p >= threshold and not missing:
            return Decision("answered", p)
        on_subject = subject if subject is not None else {**features, "fact_missing": 0.0}
        if missing and max(p, self.probability(on_subject)) >= self.threshold:
            return Decision("partial", p, tuple(missing))
        return Decision("not_answered", p)

    def to_dict(self) -> dict[str, Any]:
        return {
            "features": list(FEATURES),
            "weights": [round(w, 6) for w in self.weights],
            "bias": round(self.bias, 6),
            "mean": [round(m, 6) for m in self.mean],
            "scale": [round(s, 6) for s in self.scale],
            "threshold": round(self.threshold, 4),
            "unsure": round(self.unsure, 4),
            "follow_up_threshold": (
                round(self.follow_up_threshold, 4) if self.follow_up_threshold is not None else None
            ),
            "ranking": [round(w, 6) for w in self.ranking] if self.ranking is not None else None,
        }

    @classmethod
    def from_dict(cls, data: Any) -> AnswerabilityModel:
        """Read a fitted model; its feature list must be today's `FEATURES`.

        Raises:
            ModelFileError: the data does not describe a model for these features (a
                `ValueError`).
        """
        if not isinstance(data, Mapping):
            raise ModelFileError("a model is a mapping of features, weights, thresholds")
        if list(data.get("features", ())) != list(FEATURES):
            raise ModelFileError("the model was fitted on other features")
        try:
            return cls(
                _numbers(data["weights"]),
                _number(data["bias"]),
                _numbers(data["mean"]),
                _numbers(data["scale"]),
                _number(data["threshold"]),
                _number(data["unsure"]),
                _number(data["follow_up_threshold"]) if data.get("follow_up_threshold") else None,
                _numbers(data["ranking"]) if data.get("ranking") else None,
            )
        except KeyError as exc:
            raise ModelFileError(f"the model lacks {exc}") from exc
        except (TypeError, ValueError) as exc:
            raise ModelFileError(str(exc)) from exc

    def save(self, path: Path | str, **provenance: Any) -> None:
        """Write the model as JSON, with where and when it was fitted."""
        data = {**self.to_dict(), **provenance}
        Path(path).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", "utf-8")


class ModelFileError(ValueError):
    """An answerability model is missing or malformed (its message names the file)."""


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ModelFileError(f"expected a number; got {value!r:.60}")
    return float(value)


def _numbers(values: Any) -> tuple[float, ...]:
    if not isinstance(values, list | tuple):
        raise ModelFileError(f"expected a list of numbers; got {values!r:.60}")
    return tuple(_number(v) for v in values)


@cache
def bundled_model() -> AnswerabilityModel:
    """The model that ships with Wegwijzer (package data).

    Raises:
        ModelFileError: the file is missing or malformed; the message names it.
    """
    data = resources.files("assistant").joinpath("data", MODEL_FILE)
    return _read_model(data.read_text, f"assistant/data/{MODEL_FILE}")


def _read_model(read: Callable[[str], str], where: str) -> AnswerabilityModel:
    return read_package_data(read, where, AnswerabilityModel.from_dict, ModelFileError)


def bundled_model_path() -> Path:
    """Where the shipped model lives in a checkout (for `wegwijzer eval --fit`)."""
    return Path(__file__).resolve().parent / "data" / MODEL_FILE


def fit_logistic(
    x: np.ndarray,
    y: np.ndarray,
    *,
    l2: float = 1.0,
    signs: Sequence[int] | None = None,
    weights: np.ndarray | None = None,
    iterations: int = 50,
    left_out: Sequence[bool] | None = None,
) -> tuple[np.ndarray, float, np.ndarray, np.ndarray]:
    """Fit an L2-regularised logistic regression by Newton's method.

    Args:
        x: one row of raw features per example.
        y: 1 where the top passage answers, else 0.
        l2: the penalty on the (standardised) weights; the intercept is not penalised.
        signs: per feature, the sign its weight must have (+1, -1; 0 for either). A feature
            whose fitted weight has the wrong sign is left out and the rest refitted, until
            none is wrong: more evidence against an answer must never raise the confidence.
        weights: how much each example counts (default: all alike).
        iterations: Newton steps at most per fit (it converges in a handful).
        left_out: per feature, whether to fit without it (its weight 0).

    Returns:
        (weights, bias, mean, scale) for `AnswerabilityModel`.
    """
    if len(x) != len(y) or len(x) == 0:
        raise ValueError(f"need as many labels as rows, and at least one; got {len(x)}, {len(y)}")
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    standard = (x - mean) / scale
    wanted = np.array(signs if signs is not None else [0] * x.shape[1])
    counts = np.ones(len(y)) if weights is None else np.asarray(weights, dtype=float)
    active = ~np.array(left_out, dtype=bool) if left_out is not None else np.ones(x.shape[1], bool)
    while True:
        beta = _newton(standard[:, active], y, counts, l2, iterations)
        fitted = np.zeros(x.shape[1])
        fitted[active] = beta[:-1]
        wrong = wanted * fitted < 0
        if not wrong.any():
            return fitted, float(beta[-1]), mean, scale
        active &= ~wrong


def _newton(
    x: np.ndarray, y: np.ndarray, counts: np.ndarray, l2: float, iterations: int
) -> np.ndarray:
    """Logistic regression coefficients (the intercept last) for standardised features."""
    design = np.hstack([x, np.ones((len(x), 1))])
    penalty = np.eye(design.shape[1]) * l2
    penalty[-1, -1] = 0.0
    beta = np.zeros(design.shape[1])
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(design @ beta, -60, 60)))
        gradient = design.T @ (counts * (p - y)) + penalty @ beta
        hessian = (design * (counts * p * (1 - p))[:, None]).T @ design + penalty
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return beta
