"""Measuring Wegwijzer on labelled questions and dialogues, and fitting its answerability model.

A question file has four sections (see tests/eval/vragen.yaml):

- ``in_domain``: questions a passage answers, with every acceptable passage id (``ids``);
- ``unanswerable``: questions on the domain that no passage answers (``not_answered`` or
  ``partial`` is right);
- ``out_of_domain``: questions about something else (refusing is right);
- ``smalltalk``: greetings, thanks, "help".

Items may carry a ``style`` (faq, article, typed, flemish, typo, noaccent, nl, english) and the
``url`` of the page a verbatim question comes from. The tuning set (vragen.yaml, gesprekken.yaml) is
what the model is fitted and calibrated on; the validation set (validatie.yaml,
validatie-gesprekken.yaml) is never fitted on and is where a change is accepted or rejected; the
held-out set (heldout.yaml, heldout-gesprekken.yaml) is used for neither and reports what users
get. CI gates on all three.
"""

from __future__ import annotations

import dataclasses
import math
import unicodedata
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from rapidfuzz import fuzz, process

from assistant.analysis import told_years
from assistant.core import Assistant, Retrieval
from assistant.corpus import shorten
from assistant.decision import (
    DECISION_ONLY,
    FEATURES,
    RANKING_ONLY,
    SIGNS,
    AnswerabilityModel,
    fit_logistic,
)
from assistant.errors import EvalFileError
from assistant.intent import asked_facts
from assistant.votes import OUTSIDE, UNANSWERED, Example, question_examples

CATEGORIES = ("in_domain", "unanswerable", "out_of_domain", "smalltalk")
# faq and article: copied verbatim from a public FAQ page or from a question heading of a
# public Q&A article (with its url); the others: typed as users type.
STYLES = ("faq", "article", "typed", "flemish", "typo", "noaccent", "nl", "english")
# Thresholds are minima, except these, which are maxima.
MAXIMA = frozenset({"confidently_wrong", "ece"})
METRICS = (
    "recall_at_1",
    "recall_at_3",
    "mrr",
    "answered",
    "first_of_answered",
    "refused",
    "unanswerable_handled",
    "confidently_wrong",
    "english_answered",
    "smalltalk",
    "ece",
)
DIALOGUE_METRICS = (
    "follow_up_accuracy",
    "follow_up_unanswerable_handled",
    "unrelated_not_bent",
    "unrelated_correct",
)
# What a follow-up no passage answers may get: a refusal, or a partial answer that says which
# fact the knowledge base lacks.
_HONEST_OUTCOMES = frozenset({"not_answered", "partial"})
RANK_DEPTH = 10
# The model is fitted on the first candidate of each question only: the question it answers is
# "does the passage in front of the user answer?", and the second and third candidates of an
# answerable question (mostly wrong) taught it to doubt every in-domain question. Measured by
# 5-fold cross-validation on the tuning set (issue 10, 262 passages): at 90% of out-of-domain
# questions refused, 78% of answerable ones answered instead of 69%; at 95%, 63% instead of
# 62%; the reranking of the first three is as good (first passage right 0.779 vs 0.773).
FIT_CANDIDATES = 1
BINS = 10
REFUSALS = frozenset({"not_answered", "smalltalk"})
# Fitting: the L2 penalty, the most wrong answers (no acceptable passage in the top 3) the
# threshold may allow as a share of what is answered, how `choose_threshold` weighs the kinds
# of question, and the confidence below which an answer carries a caution.
L2 = 1.0
# How many parts the tuning questions are split into for the word votes (see `fit_model`).
VOTE_FOLDS = 5
# 0.12: what the model gave at its threshold before the `outside` signal; with that signal,
# out-of-domain questions no longer bind the threshold, and without this bound the fit bought
# answers with wrong ones (0.14 of the answered) and with unanswerable questions answered as if
# they were not (0.46 handled instead of 0.61). Issue 9 asks for 0.03, so the bound only ever
# tightens: 0.11 since 1 December 2026, the share the model installed then had at its
# threshold (0.108). Around it the objective is flat (within 0.03 from 0.57 to 0.64), and at
# 0.12 the fit took the most answers the bound allowed. 0.10 since 1 December 2026 (the
# installed model's 0.098): at 0.11 a change that only made one more unanswerable question
# partial tipped the refit to 0.57, whose wrong share (0.106) held on the tuning set but whose
# refusals fell under issue 9's 0.95 on the validation set (0.934).
MAX_WRONG = 0.10
MIN_REFUSED = 0.95  # out-of-domain questions refused, at least (issue 9's target)
# ... and not just: the share refused on the tuning set less this many standard errors of it
# (one-sided 95%; 257 tuning questions give a standard error of about 0.012 at 0.95). Three
# refits that took a lower threshold refused fewer elsewhere than on the tuning set: 0.934 on
# the validation set (0.57, a bound on wrong answers of 0.11), 0.943 held out (0.56, the
# declined-questions signal), 0.943 on the validation set (the passage's first sentence as a
# signal: 0.965 on the tuning set at 0.59; with this margin 0.60 and 0.973, still 0.943 there).
REFUSED_MARGIN = 1.645
# The installed threshold is kept while its weighted sum is within this many standard errors
# of the best (one-sided 95%, as above). One standard error had been the margin; on 4 December
# 2026 a refit's best, 0.58, beat the installed 0.62 by 0.041 against a standard error of
# 0.041, and at 0.58 the validation set refused 0.941 of its out-of-domain questions and the
# held-out set handled 0.753 of its unanswerable ones: the fourth lower threshold that held on
# the tuning set alone.
KEPT_MARGIN = 1.645
ANSWER_WEIGHTS = (2.0, 1.0, 1.0)  # answered, unanswerable refused, out-of-domain refused
# A tuning question this similar to an example question of its passage is a paraphrase of it.
PARAPHRASE_SIMILARITY = 0.7
PARAPHRASE_WEIGHT = 0.2
# Two tuning questions this alike once folded are near-copies: one fold for the word votes
# (`vote_folds`), as the practice questions hold none of a tuning question (tests/test_votes).
NEAR_COPY = 0.8
# An answer the model gives less than this opens with a caution ("Ik ben niet zeker dat dit
# je vraag beantwoordt ...") and the curator report lists it. The probability is calibrated:
# answers between the threshold (0.65) and 0.8 were right 0.68-0.77 of the time on the
# validation and tuning sets, one in four or more wrong; from 0.8 up, 0.84-0.97. At 0.6,
# below the threshold, no answer to a question alone was ever shown with a caution.
UNSURE_BELOW = 0.8
# The normal quantile of a two-sided 95% interval, for the Wilson intervals `wegwijzer eval`
# gives each share: a held-out figure of 566 questions is known to about four points either
# way, so one question more or less is no change.
Z_95 = 1.96


@dataclass(frozen=True)
class LabelledQuestion:
    """One question with what a right answer is.

    `ids` are the acceptable passages (empty unless the category is ``in_domain``); `topic`
    names the passages on the subject of an unanswerable question.
    """

    question: str
    ids: tuple[str, ...]
    category: str = "in_domain"
    style: str = ""
    url: str = ""
    topic: tuple[str, ...] = ()


@dataclass(frozen=True)
class EvalSet:
    questions: tuple[LabelledQuestion, ...]
    thresholds: dict[str, float] = field(default_factory=dict)

    def of(self, category: str) -> list[LabelledQuestion]:
        return [q for q in self.questions if q.category == category]

    @property
    def in_domain(self) -> list[LabelledQuestion]:
        return self.of("in_domain")

    @property
    def out_of_domain(self) -> list[LabelledQuestion]:
        return self.of("out_of_domain")


@dataclass(frozen=True)
class QuestionResult:
    item: LabelledQuestion
    ranking: tuple[str, ...]
    confidence: float
    outcome: str = "not_answered"
    features: tuple[float, ...] = ()

    @property
    def rank(self) -> int | None:
        """1-based rank of the first acceptable passage, or None."""
        for position, pid in enumerate(self.ranking, start=1):
            if pid in self.item.ids:
                return position
        return None

    @property
    def top_answers(self) -> bool:
        """Whether the first passage answers the question (the model's label)."""
        return bool(self.ranking) and self.ranking[0] in self.item.ids

    @property
    def answered(self) -> bool:
        return self.outcome == "answered"

    @property
    def wrong(self) -> bool:
        """Answered, and no passage among the first three is an acceptable one."""
        return self.answered and not (self.rank is not None and self.rank <= 3)


@dataclass(frozen=True)
class Bin:
    """One row of the reliability table: predicted confidence against observed accuracy."""

    low: float
    high: float
    count: int
    predicted: float
    observed: float


@dataclass(frozen=True)
class Measurement:
    """What `evaluate` measured on one question set (the curator's report is `report.py`)."""

    metrics: dict[str, float]
    thresholds: dict[str, float]
    results: tuple[QuestionResult, ...]
    counts: dict[str, int]
    per_kind: dict[str, dict[str, float]] = field(default_factory=dict)
    per_style: dict[str, dict[str, float]] = field(default_factory=dict)
    reliability: tuple[Bin, ...] = ()
    # Of each metric that is a share: (questions counted, questions it is a share of).
    shares: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def failures(self) -> list[str]:
        return _failures(self.metrics, self.thresholds)

    @property
    def intervals(self) -> dict[str, tuple[float, float]]:
        """The 95% Wilson interval of each share (`wilson_interval`)."""
        return {name: wilson_interval(*counted) for name, counted in self.shares.items()}

    def wrong_outcomes(self) -> list[QuestionResult]:
        """Every question whose outcome is not a right one (for --misses)."""
        return [r for r in self.results if not _outcome_is_right(r)]


def wilson_interval(hits: int, total: int, z: float = Z_95) -> tuple[float, float]:
    """The Wilson score interval of a share `hits` / `total` (95% with the default `z`).

    Unlike the share plus or minus two standard errors, it stays within 0..1 and does not
    shrink to a point at 0 or 1: 57 of 57 is 0.937..1.000, not 1.000..1.000. No questions,
    no knowledge: 0..1.
    """
    if total <= 0:
        return 0.0, 1.0
    share = hits / total
    spread = z * z / total
    centre = (share + spread / 2) / (1 + spread)
    half = z * math.sqrt(share * (1 - share) / total + spread / (4 * total)) / (1 + spread)
    # At 0 and at 1 the interval ends there exactly (the sum above rounds just short of it).
    low = 0.0 if hits == 0 else max(0.0, centre - half)
    high = 1.0 if hits == total else min(1.0, centre + half)
    return low, high


def _failures(metrics: dict[str, float], thresholds: dict[str, float]) -> list[str]:
    failures = []
    for name, limit in thresholds.items():
        value = metrics.get(name, 0.0)
        if name in MAXIMA and value > limit:
            failures.append(f"{name} {value:.3f} > {limit:.3f}")
        elif name not in MAXIMA and value < limit:
            failures.append(f"{name} {value:.3f} < {limit:.3f}")
    return failures


def _outcome_is_right(result: QuestionResult) -> bool:
    category = result.item.category
    if category == "in_domain":
        return result.answered and result.top_answers
    if category == "unanswerable":
        return result.outcome in ("not_answered", "partial")
    if category == "smalltalk":
        return result.outcome == "smalltalk"
    return result.outcome in REFUSALS


# Reading files


def load_eval_set(path: Path | str) -> EvalSet:
    """Read a question file (see the module docstring).

    Raises:
        EvalFileError: the file is missing or malformed.
    """
    data = _read_yaml(path, "evaluation file")
    if not isinstance(data, dict):
        raise EvalFileError(f"{path}: expected a mapping with in_domain and out_of_domain")
    thresholds = data.get("thresholds") or {}
    unknown = set(thresholds) - set(METRICS)
    if unknown:
        raise EvalFileError(f"{path}: unknown thresholds {sorted(unknown)}; use {METRICS}")
    questions = [
        _question(item, category, path)
        for category in CATEGORIES
        for item in data.get(category) or []
    ]
    if not questions:
        raise EvalFileError(f"{path}: no questions")
    return EvalSet(tuple(questions), {k: float(v) for k, v in thresholds.items()})


def _read_yaml(path: Path | str, what: str) -> Any:
    try:
        return yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise EvalFileError(f"{path}: cannot read {what}: {exc}") from exc


def _question(item: Any, category: str, path: Path | str) -> LabelledQuestion:
    if isinstance(item, str) and category != "in_domain":
        item = {"q": item}
    if not isinstance(item, dict) or not item.get("q"):
        raise EvalFileError(f"{path}: each {category} item needs q; got {shorten(item)}")
    if category == "in_domain" and not item.get("ids"):
        raise EvalFileError(f"{path}: each in_domain item needs q and ids; got {shorten(item)}")
    style = str(item.get("style") or "")
    if style and style not in STYLES:
        unknown = f"unknown style {shorten(style)} in {shorten(item)}"
        raise EvalFileError(f"{path}: {unknown}; use {STYLES}")
    return LabelledQuestion(
        str(item["q"]),
        _ids(item.get("ids")) if category == "in_domain" else (),
        category,
        style,
        str(item.get("url") or ""),
        _ids(item.get("topic")),
    )


def _ids(value: Any) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(str(i) for i in (value if isinstance(value, list) else [value]))


def check_labels(eval_set: EvalSet, assistant: Assistant) -> list[str]:
    """Passage ids in the evaluation set that the corpus does not have."""
    named = {pid for q in eval_set.questions for pid in (*q.ids, *q.topic)}
    return sorted(pid for pid in named if assistant.passage(pid) is None)


# Evaluating questions


def run(assistant: Assistant, questions: Iterable[LabelledQuestion]) -> list[QuestionResult]:
    """Ask every question (retrieve and decide) and keep what the metrics and the fit need."""
    results = []
    for item in questions:
        found = assistant.retrieve(item.question, limit=RANK_DEPTH)
        found, decision = assistant.as_talk(found, assistant.decide(found))
        results.append(
            QuestionResult(
                item,
                tuple(h.passage.id for h in found.hits),
                decision.confidence,
                decision.outcome,
                tuple(found.features[f] for f in FEATURES),
            )
        )
    return results


def evaluate(
    assistant: Assistant,
    eval_set: EvalSet,
    practice: Sequence[LabelledQuestion] | None = None,
) -> Measurement:
    """Run every question through the assistant and compute the metrics.

    Args:
        practice: for the set the word votes and the neighbours learnt from (the tuning set),
            the practice questions they learnt from beside it: each question is then read
            without its fold's questions (`fold_readers`), as the fit reads it.
    """
    results = (
        run(assistant, eval_set.questions)
        if practice is None
        else _run_out_of_fold(assistant, eval_set.questions, practice)
    )
    reliability = reliability_table(results)
    metrics = {**_metrics(results), "ece": expected_calibration_error(reliability)}
    return Measurement(
        metrics,
        eval_set.thresholds,
        tuple(results),
        {c: len(eval_set.of(c)) for c in CATEGORIES},
        _per_kind(results, assistant),
        _per_style(results),
        reliability,
        _counted(results),
    )


def _run_out_of_fold(
    assistant: Assistant,
    questions: Sequence[LabelledQuestion],
    practice: Sequence[LabelledQuestion],
) -> list[QuestionResult]:
    """`run`, each question but smalltalk read without its fold's questions (`fold_readers`)."""
    asked = [item for item in questions if item.category != "smalltalk"]
    folds, _ = fold_readers(assistant, asked, practice)
    smalltalk = [item for item in questions if item.category == "smalltalk"]
    read: dict[int, QuestionResult] = {}
    for reader, items in [*folds, (assistant, smalltalk)]:
        read.update((id(r.item), r) for r in run(reader, items))
    return [read[id(item)] for item in questions]


def _per_kind(
    results: Sequence[QuestionResult], assistant: Assistant
) -> dict[str, dict[str, float]]:
    """Recall and answered share per kind of the first acceptable passage."""
    by_kind: dict[str, list[QuestionResult]] = {}
    for result in results:
        if result.item.ids:
            passage = assistant.passage(result.item.ids[0])
            by_kind.setdefault(passage.kind if passage else "?", []).append(result)
    return {
        kind: {"questions": len(items), **_metrics(items)}
        for kind, items in sorted(by_kind.items())
    }


def _per_style(results: Sequence[QuestionResult]) -> dict[str, dict[str, float]]:
    """Per style, how many questions and the share with a right outcome."""
    by_style: dict[str, list[QuestionResult]] = {}
    for result in results:
        by_style.setdefault(result.item.style or "-", []).append(result)
    return {
        style: {
            "questions": len(items),
            "right": sum(_outcome_is_right(r) for r in items) / len(items),
        }
        for style, items in sorted(by_style.items())
    }


def _count(items: Sequence[QuestionResult], predicate: Any) -> tuple[int, int]:
    return sum(1 for r in items if predicate(r)), len(items)


def _counted(results: Sequence[QuestionResult]) -> dict[str, tuple[int, int]]:
    """Each metric that is a share, as (questions counted, questions it is a share of)."""
    inside = [r for r in results if r.item.category == "in_domain"]
    answered = [r for r in inside if r.answered]
    every_answer = [r for r in results if r.answered]
    english = [r for r in inside if r.item.style == "english"]
    return {
        "recall_at_1": _count(inside, lambda r: r.rank == 1),
        "recall_at_3": _count(inside, lambda r: r.rank is not None and r.rank <= 3),
        "answered": _count(inside, lambda r: r.answered),
        "first_of_answered": _count(answered, lambda r: r.top_answers),
        "refused": _count(
            [r for r in results if r.item.category == "out_of_domain"],
            lambda r: r.outcome in REFUSALS,
        ),
        "unanswerable_handled": _count(
            [r for r in results if r.item.category == "unanswerable"],
            lambda r: r.outcome in ("not_answered", "partial"),
        ),
        "confidently_wrong": _count(every_answer, lambda r: r.wrong),
        "english_answered": _count(english, lambda r: r.answered),
        "smalltalk": _count(
            [r for r in results if r.item.category == "smalltalk"],
            lambda r: r.outcome == "smalltalk",
        ),
    }


def _metrics(results: Sequence[QuestionResult]) -> dict[str, float]:
    """The metrics of `METRICS` but the calibration error, in that order."""
    counted = _counted(results)
    inside = [r for r in results if r.item.category == "in_domain"]
    reciprocal = sum(1 / r.rank for r in inside if r.rank)
    metrics = {}
    for name in METRICS:
        if name == "mrr":
            metrics[name] = reciprocal / len(inside) if inside else 0.0
        elif name in counted:
            hits, total = counted[name]
            metrics[name] = hits / total if total else 0.0
    return metrics


def reliability_table(results: Sequence[QuestionResult], bins: int = BINS) -> tuple[Bin, ...]:
    """Predicted confidence against the observed share of right top passages, per bin.

    Smalltalk is left out: it is decided before retrieval and has no top passage to judge.
    """
    scored = [r for r in results if r.outcome != "smalltalk"]
    table = []
    for number in range(bins):
        low, high = number / bins, (number + 1) / bins
        inside = [
            r for r in scored if low <= r.confidence < high or (high == 1.0 and r.confidence == 1)
        ]
        if inside:
            table.append(
                Bin(
                    low,
                    high,
                    len(inside),
                    sum(r.confidence for r in inside) / len(inside),
                    sum(r.top_answers for r in inside) / len(inside),
                )
            )
    return tuple(table)


def expected_calibration_error(table: Sequence[Bin]) -> float:
    """The count-weighted mean gap between predicted and observed accuracy."""
    total = sum(b.count for b in table)
    return sum(b.count * abs(b.predicted - b.observed) for b in table) / total if total else 0.0


# Fitting the answerability model


def fit_model(
    assistant: Assistant,
    eval_set: EvalSet,
    dialogues: Sequence[Sequence[Turn]] = (),
    *,
    practice: Sequence[LabelledQuestion] = (),
    practice_dialogues: Sequence[Sequence[Turn]] = (),
    l2: float = L2,
) -> AnswerabilityModel:
    """Fit the answerability model on a (tuning) question set and its dialogues.

    The first candidate of every question but smalltalk is one example: its features,
    labelled 1 when it is an acceptable passage (see `FIT_CANDIDATES`). Every follow-up turn
    adds its first candidate read with its dialogue's first question as context. The threshold
    is then chosen on the questions as the fitted model ranks and decides them (see
    `choose_threshold`), and the follow-up threshold on the dialogues and the
    `practice_dialogues` (`choose_follow_up_threshold`). The practice dialogues add no
    examples: as rows of the fit (a weight of 1 or 0.3), their in-context readings moved the
    calibration of questions read alone (validation's calibration error 0.035 to 0.050 and
    0.040).

    The word votes and the neighbours (`votes.Votes`, `votes.Neighbours`) learn from the
    tuning questions and the `practice` questions (`labelled_examples`). A question's own
    words would vote for its own label, more surely than any new question's, and it would be
    its own nearest neighbour: each tuning question is read without its fold's questions
    (`fold_readers`), in the fit and in choosing the threshold; the practice questions hold no
    near-copy of a tuning question (a test checks it), but two tuning questions alike in
    other words may fall in different folds. The dialogues are read with every question.
    """
    asked = [item for item in eval_set.questions if item.category != "smalltalk"]
    folds, whole = fold_readers(assistant, asked, practice)
    examples: list[tuple[tuple[float, ...], bool, float]] = []
    for reader, items in folds:
        for item in items:
            found = reader.retrieve(item.question, limit=RANK_DEPTH)
            weight = PARAPHRASE_WEIGHT if is_paraphrase(item, assistant) else 1.0
            examples.extend((*e, weight) for e in _labelled_candidates(found, item.ids))
    examples += [(*e, 1.0) for e in _follow_up_examples(whole, dialogues)]
    x = np.array([f for f, _, _ in examples], dtype=float)
    y = np.array([float(label) for _, label, _ in examples])
    counts = np.array([w for _, _, w in examples])
    signs = [SIGNS.get(f, 0) for f in FEATURES]
    ranked, _, _, ranked_scale = fit_logistic(
        x, y, l2=l2, signs=signs, weights=counts, left_out=[f in DECISION_ONLY for f in FEATURES]
    )
    weights, bias, mean, scale = fit_logistic(
        x, y, l2=l2, signs=signs, weights=counts, left_out=[f in RANKING_ONLY for f in FEATURES]
    )
    model = AnswerabilityModel(
        tuple(float(w) for w in weights),
        bias,
        tuple(float(m) for m in mean),
        tuple(float(s) for s in scale),
        0.5,
        UNSURE_BELOW,
        ranking=tuple(float(w) for w in ranked / ranked_scale),
    )
    results = []
    for reader, items in folds:
        reader.model = model
        results += [r for r in run(reader, items) if not is_paraphrase(r.item, assistant)]
    threshold = choose_threshold(
        results, np.array([r.confidence for r in results]), assistant.model.threshold
    )
    fitted = whole
    fitted.model = dataclasses.replace(
        model, threshold=threshold, unsure=max(threshold, UNSURE_BELOW)
    )
    final = dataclasses.replace(
        fitted.model,
        follow_up_threshold=choose_follow_up_threshold(
            fitted, [*dialogues, *practice_dialogues], assistant.model.follow_up_threshold
        ),
    )
    # The model as `save` writes it (weights to six decimals, thresholds to four): what is
    # measured after a fit is then what is installed, not a model a rounding away from it
    # (a question at 0.6400002 before and 0.6399998 after passed the fit and failed the eval).
    return AnswerabilityModel.from_dict(final.to_dict())


def fold_readers(
    assistant: Assistant,
    asked: Sequence[LabelledQuestion],
    practice: Sequence[LabelledQuestion] = (),
) -> tuple[list[tuple[Assistant, list[LabelledQuestion]]], Assistant]:
    """Readers of labelled questions that learn from them (`Assistant.with_labelled`): per
    fold of `asked` (`vote_folds`, `VOTE_FOLDS`), a reader that learns from the `practice`
    questions and the other folds', with the fold's questions; and one that learns from all.

    A question learnt from finds its own words in the votes and itself among the neighbours:
    read so, the tuning set had the right passage first at 0.97, answered 0.94, and a
    calibration error above its gate.
    """
    per_question = [_question_examples(assistant, item) for item in [*practice, *asked]]
    fold_of = [-1] * len(practice) + vote_folds([item.question for item in asked])

    def reader(left_out: int | None) -> Assistant:
        return assistant.with_labelled(
            [
                e
                for f, part in zip(fold_of, per_question, strict=True)
                if f != left_out
                for e in part
            ]
        )

    own_folds = fold_of[len(practice) :]
    folds = [
        (reader(k), [item for item, f in zip(asked, own_folds, strict=True) if f == k])
        for k in range(VOTE_FOLDS)
    ]
    return folds, reader(None)


def near_copies(texts: Sequence[str], others: Sequence[str], least: float) -> list[tuple[int, int]]:
    """The pairs (i, j) of `texts[i]` and `others[j]` whose `SequenceMatcher` ratio reaches
    `least` (texts compared as given: fold them first).

    Thousands by thousands of pairs: rapidfuzz's ratio (twice the longest common
    subsequence over both lengths) is never below `SequenceMatcher`'s, whose matching blocks
    are a common subsequence, and leaves the few worth matching.
    """
    bound = process.cdist(texts, others, scorer=fuzz.ratio, score_cutoff=100 * least, workers=-1)
    return [
        (int(i), int(j))
        for i, j in zip(*np.nonzero(bound), strict=True)
        if SequenceMatcher(None, texts[i], others[j]).ratio() >= least
    ]


def vote_folds(questions: Sequence[str]) -> list[int]:
    """Each question's fold for the word votes and neighbours: near-copies of one another
    (letters `NEAR_COPY` alike once folded) in one fold, so that none is read with its twin;
    a group's fold is that of its first question in folded order (`_vote_fold`)."""
    folded = [_fold(q) for q in questions]
    parent = list(range(len(folded)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in near_copies(folded, folded, NEAR_COPY):
        if i < j:
            parent[root(i)] = root(j)
    first: dict[int, str] = {}
    for i, text in enumerate(folded):
        first[root(i)] = min(first.get(root(i), text), text)
    return [_vote_fold(first[root(i)]) for i in range(len(folded))]


def _vote_fold(question: str) -> int:
    """A question's fold for the word votes: by its folded text, so that the same question
    typed twice ("ideeën", "ideeen") falls in one fold and is never counted for the other."""
    return zlib.crc32(_fold(question).encode("utf-8")) % VOTE_FOLDS


def labelled_examples(assistant: Assistant, questions: Iterable[LabelledQuestion]) -> list[Example]:
    """Labelled questions as the word votes and the neighbours learn from them
    (`votes.question_examples`): an answerable question labelled with its passages, an
    out-of-domain one with `votes.OUTSIDE`, one no passage answers with `votes.UNANSWERED`;
    smalltalk not at all."""
    return [e for item in questions for e in _question_examples(assistant, item)]


def _question_examples(assistant: Assistant, item: LabelledQuestion) -> list[Example]:
    labels = {"out_of_domain": (OUTSIDE,), "unanswerable": (UNANSWERED,), "smalltalk": ()}
    reading = assistant.read(item.question)
    if reading.smalltalk is not None:
        return []
    # `question_examples` keeps the kinds as at run time
    asks = asked_facts(reading.tokens, told=told_years(reading.text, assistant.present))
    return question_examples([(reading.groups, labels.get(item.category, item.ids), asks)])


def choose_follow_up_threshold(
    assistant: Assistant,
    dialogues: Sequence[Sequence[Turn]],
    installed: float | None = None,
) -> float | None:
    """The threshold for questions read in context with the best follow-up accuracy plus
    share of unrelated questions not bent, over the dialogues the fit reads (the tuning and
    practice dialogues); None without them. Not the share of follow-ups no passage answers
    that are refused or partial: tried with 35 of those in practice dialogues written for it,
    the fit chose 0.60, and held-out follow-ups fell from 0.874 to 0.848
    (docs/evaluation-history.md).

    A turn moves either share by a few thousandths (of 542 follow-ups and 264 unrelated
    turns), so the score is flat over a range of thresholds: of the best ones, the middle, not
    the edge of that range. (The most careful of them, 0.35 where the range was 0.10-0.35 on
    the tuning dialogues alone, took held-out follow-ups from 0.81 to 0.76.) The `installed`
    one instead while its score is within `KEPT_MARGIN` standard errors of the best, as
    `choose_threshold` keeps the installed threshold: these dialogues hold no follow-up that
    no passage answers, and a lower threshold answers more of those (a refit on 7 December
    2026 chose 0.10, which handled 0.33 to 0.71 of them on bug bashes 44 to 52, where 0.45
    handled 0.43 to 0.82), so the threshold moves only on evidence beyond the noise.
    """
    if not dialogues:
        return None
    model = assistant.model
    scores = []
    try:
        for t in np.linspace(0.1, 0.9, 17):
            assistant.model = dataclasses.replace(model, follow_up_threshold=float(t))
            measured = evaluate_dialogues(assistant, dialogues, {})
            metrics, counts = measured.metrics, measured.shares
            score = metrics["follow_up_accuracy"] + metrics["unrelated_not_bent"]
            error = math.sqrt(
                sum(
                    _standard_error(metrics[name], counts[name][1]) ** 2
                    for name in ("follow_up_accuracy", "unrelated_not_bent")
                    if name in counts
                )
            )
            scores.append((float(t), score, error))
    finally:
        assistant.model = model
    top = max(score for _, score, _ in scores)
    best = [(t, error) for t, score, error in scores if score >= top - 1e-9]
    chosen, error = best[(len(best) - 1) // 2]
    kept = [score for t, score, _ in scores if installed is not None and abs(t - installed) < 1e-9]
    return installed if kept and kept[0] >= top - KEPT_MARGIN * error else chosen


def is_paraphrase(item: LabelledQuestion, assistant: Assistant) -> bool:
    """Whether an answerable question reads like one of its passages' own example questions.

    Such a question was written by the passages' author and says little about how users ask:
    it counts for `PARAPHRASE_WEIGHT` in the fit and not at all in choosing the threshold.
    """
    asked = _fold(item.question)
    return any(
        SequenceMatcher(None, asked, _fold(example)).ratio() >= PARAPHRASE_SIMILARITY
        for pid in item.ids
        if (passage := assistant.passage(pid))
        for example in passage.questions
    )


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower().strip(" ?!."))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _labelled_candidates(
    found: Retrieval, ids: Sequence[str]
) -> list[tuple[tuple[float, ...], bool]]:
    """(features, acceptable) for the first `FIT_CANDIDATES` candidates of a retrieval."""
    return [
        (tuple(features[f] for f in FEATURES), pid in ids)
        for pid, features in found.candidates[:FIT_CANDIDATES]
    ]


def _follow_up_examples(
    assistant: Assistant, dialogues: Sequence[Sequence[Turn]]
) -> list[tuple[tuple[float, ...], bool]]:
    """The labelled candidates of each follow-up turn read in its dialogue's context."""
    examples = []
    for dialogue in dialogues:
        context = dialogue[0].question
        topic = tuple(p.id for p in assistant.ask(context).passages)
        for turn in dialogue[1:]:
            if turn.kind == "follow_up":
                found = assistant.retrieve(
                    turn.question, context=context, context_passages=topic, limit=RANK_DEPTH
                )
                if found.smalltalk is None:
                    examples.extend(_labelled_candidates(found, turn.ids))
    return examples


def threshold_table(
    results: Sequence[QuestionResult], probabilities: np.ndarray
) -> list[tuple[float, float, float, float, float]]:
    """Per threshold: (threshold, answered, unanswerable refused, out-of-domain refused, wrong).

    `wrong` is the share of what would be answered with no acceptable passage in the top 3.
    """
    category = np.array([r.item.category for r in results])
    found = np.array([r.rank is not None and r.rank <= 3 for r in results])

    def share(values: np.ndarray) -> float:  # 0 for a kind the set does not have
        return float(values.mean()) if len(values) else 0.0

    table = []
    for t in np.linspace(0.05, 0.95, 91):
        answered = probabilities >= t
        table.append(
            (
                float(t),
                share(answered[category == "in_domain"]),
                share(~answered[category == "unanswerable"]),
                share(~answered[category == "out_of_domain"]),
                float((answered & ~found).sum() / max(1, answered.sum())),
            )
        )
    return table


def choose_threshold(
    results: Sequence[QuestionResult],
    probabilities: np.ndarray,
    installed: float | None = None,
) -> float:
    """The threshold with the best weighted sum of answerable questions answered (counted
    twice) and unanswerable and out-of-domain questions refused, among those that refuse at
    least `MIN_REFUSED` of the out-of-domain questions with `REFUSED_MARGIN` standard errors to
    spare (a share that just holds on the tuning set did not hold on others) and keep wrong
    answers within `MAX_WRONG` (the highest threshold if none does); the `installed` one
    instead while it is allowed and its sum is within `KEPT_MARGIN` standard errors of the
    best.

    Answering a question about something else is the worst mistake, so refusing those is a
    bound, not a trade. Within it, answering what can be answered counts double: a refused
    answerable question costs the user the answer, while an on-topic answer to an unanswerable
    one still shows the right subject, its source and, when it is not sure, a caution.

    The sum is flat around its best (within 0.05 from 0.51 to 0.64 on 1 December 2026): its
    maximum moved from 0.62 to 0.58 with a feature that made the model better at either
    threshold, while the validation set preferred 0.62 to 0.58. What users see then changes
    only on evidence larger than the noise of the sum.
    """
    table = threshold_table(results, probabilities)
    category = [r.item.category for r in results]
    sizes = [category.count(c) for c in ("in_domain", "unanswerable", "out_of_domain")]
    allowed = [
        row
        for row in table
        if row[3] - REFUSED_MARGIN * _standard_error(row[3], sizes[2]) >= MIN_REFUSED
        and row[4] <= MAX_WRONG
    ]
    if not allowed:
        return table[-1][0]
    weights = np.array(ANSWER_WEIGHTS)

    def value(row: tuple[float, ...]) -> float:
        return float(weights @ np.array(row[1:4]))

    best = max(allowed, key=lambda row: (value(row), -row[0]))
    if installed is None:
        return best[0]
    error = math.sqrt(
        sum(
            (w * _standard_error(p, n)) ** 2
            for w, p, n in zip(weights, best[1:4], sizes, strict=True)
        )
    )
    kept = [row for row in allowed if abs(row[0] - installed) < 1e-9]
    return installed if kept and value(kept[0]) >= value(best) - KEPT_MARGIN * error else best[0]


def _standard_error(share: float, n: int) -> float:
    """The standard error of a share measured on `n` questions (0 without any)."""
    return math.sqrt(share * (1 - share) / n) if n else 0.0


# Dialogues


@dataclass(frozen=True)
class Turn:
    """One turn of a dialogue: a question, its acceptable passages, and what kind of turn.

    `kind` is ``first``, ``follow_up`` (it refers back to the topic) or ``unrelated`` (it
    stands on its own; empty `ids` means it is outside the domain and should be refused).
    """

    question: str
    ids: tuple[str, ...]
    kind: str


@dataclass(frozen=True)
class DialogueMeasurement:
    """Follow-up accuracy and whether unrelated questions are left alone."""

    metrics: dict[str, float]
    counts: dict[str, int]
    thresholds: dict[str, float]
    misses: tuple[tuple[str, str, str | None, tuple[str, ...]], ...]  # kind, question, got, want
    shares: dict[str, tuple[int, int]] = field(default_factory=dict)  # as `Measurement.shares`

    @property
    def accuracy(self) -> float:
        return self.metrics["follow_up_accuracy"]

    @property
    def failures(self) -> list[str]:
        return _failures(self.metrics, self.thresholds)

    @property
    def intervals(self) -> dict[str, tuple[float, float]]:
        """The 95% Wilson interval of each share (`wilson_interval`)."""
        return {name: wilson_interval(*counted) for name, counted in self.shares.items()}


def load_dialogues(path: Path | str) -> tuple[list[list[Turn]], dict[str, float]]:
    """Read a dialogue file (see tests/eval/gesprekken.yaml).

    Raises:
        EvalFileError: the file is missing or malformed.
    """
    data = _read_yaml(path, "dialogue file")
    if not isinstance(data, dict) or not isinstance(data.get("dialogues"), list):
        raise EvalFileError(f"{path}: expected a mapping with a list of dialogues")
    thresholds = data.get("thresholds") or {}
    unknown = set(thresholds) - set(DIALOGUE_METRICS)
    if unknown:
        raise EvalFileError(f"{path}: unknown thresholds {sorted(unknown)}; use {DIALOGUE_METRICS}")
    dialogues = []
    for number, dialogue in enumerate(data["dialogues"], start=1):
        if not isinstance(dialogue, list) or len(dialogue) < 2:
            raise EvalFileError(f"{path}: dialogue {number} needs at least 2 turns")
        dialogues.append([_turn(t, i, path) for i, t in enumerate(dialogue)])
    return dialogues, {k: float(v) for k, v in thresholds.items()}


def _turn(item: Any, position: int, path: Path | str) -> Turn:
    if not isinstance(item, dict) or not item.get("q") or "ids" not in item:
        raise EvalFileError(f"{path}: each turn needs q and ids; got {shorten(item)}")
    kind = "first" if position == 0 else str(item.get("turn") or "follow_up")
    if kind not in ("first", "follow_up", "unrelated"):
        raise EvalFileError(f"{path}: turn must be follow_up or unrelated; got {shorten(item)}")
    if kind == "first" and not item["ids"]:
        raise EvalFileError(f"{path}: a dialogue's first turn needs ids; got {shorten(item)}")
    return Turn(str(item["q"]), _ids(item["ids"]), kind)


def evaluate_dialogues(
    assistant: Assistant, dialogues: Sequence[Sequence[Turn]], thresholds: dict[str, float]
) -> DialogueMeasurement:
    """Play each dialogue in a fresh `Conversation` and score the turns after the first.

    A follow-up is right when its best passage is acceptable; one that no passage answers in
    its context (no ids) is *handled* when it is refused or answered partially, not answered
    with a passage that lacks what it asks. The follow-up accuracy counts neither way of
    getting the latter wrong: a conversation that answered every follow-up at any confidence
    would score best on it. An unrelated turn is *not bent* when its answer is not a passage of
    the earlier topic (unless that passage is acceptable for it) and is *correct* when it gets
    an acceptable passage, or no answer when it has none.
    """
    from assistant.conversation import Conversation

    scores: dict[str, list[bool]] = {name: [] for name in DIALOGUE_METRICS}
    misses = []
    for dialogue in dialogues:
        conversation = Conversation(assistant)
        for turn in dialogue:
            topic = conversation.topic.passage_ids if conversation.topic else ()
            answer = conversation.ask(turn.question)
            got = answer.passages[0].id if answer.answered and answer.passages else None
            if turn.kind == "follow_up" and not turn.ids:
                scores["follow_up_unanswerable_handled"].append(answer.outcome in _HONEST_OUTCOMES)
            elif turn.kind == "follow_up":
                scores["follow_up_accuracy"].append(got in turn.ids)
            elif turn.kind == "unrelated":
                correct = got in turn.ids if turn.ids else got is None
                scores["unrelated_not_bent"].append(correct or got not in topic)
                scores["unrelated_correct"].append(correct)
            else:
                continue
            right = scores[
                "unrelated_correct"
                if turn.kind == "unrelated"
                else "follow_up_accuracy"
                if turn.ids
                else "follow_up_unanswerable_handled"
            ]
            if not right[-1]:
                misses.append((turn.kind, turn.question, got, turn.ids))
    metrics = {name: sum(v) / len(v) if v else 0.0 for name, v in scores.items()}
    counts = {
        "dialogues": len(dialogues),
        "follow_up": len(scores["follow_up_accuracy"]),
        "follow_up_unanswerable": len(scores["follow_up_unanswerable_handled"]),
        "unrelated": len(scores["unrelated_not_bent"]),
    }
    shares = {name: (sum(v), len(v)) for name, v in scores.items()}
    return DialogueMeasurement(metrics, counts, thresholds, tuple(misses), shares)
