"""Measuring retrieval and refusal quality on a labelled question set."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from assistant.core import Assistant

METRICS = ("recall_at_1", "recall_at_3", "mrr", "answered", "refused")
RANK_DEPTH = 10


class EvalFileError(ValueError):
    """The evaluation file is missing or malformed."""


@dataclass(frozen=True)
class LabelledQuestion:
    question: str
    ids: tuple[str, ...]  # acceptable passage ids; empty for an out-of-domain question


@dataclass(frozen=True)
class EvalSet:
    questions: tuple[LabelledQuestion, ...]
    thresholds: dict[str, float] = field(default_factory=dict)

    @property
    def in_domain(self) -> list[LabelledQuestion]:
        return [q for q in self.questions if q.ids]

    @property
    def out_of_domain(self) -> list[LabelledQuestion]:
        return [q for q in self.questions if not q.ids]


@dataclass(frozen=True)
class QuestionResult:
    item: LabelledQuestion
    ranking: tuple[str, ...]
    confidence: float

    @property
    def rank(self) -> int | None:
        """1-based rank of the first acceptable passage, or None."""
        for position, pid in enumerate(self.ranking, start=1):
            if pid in self.item.ids:
                return position
        return None


@dataclass(frozen=True)
class Report:
    metrics: dict[str, float]
    thresholds: dict[str, float]
    results: tuple[QuestionResult, ...]
    counts: dict[str, int]
    per_kind: dict[str, dict[str, float]] = field(default_factory=dict)

    @property
    def failures(self) -> list[str]:
        return [
            f"{name} {self.metrics[name]:.3f} < {minimum:.3f}"
            for name, minimum in self.thresholds.items()
            if self.metrics.get(name, 0.0) < minimum
        ]

    def misses(self, k: int = 3) -> list[QuestionResult]:
        return [r for r in self.results if r.item.ids and (r.rank is None or r.rank > k)]


def load_eval_set(path: Path | str) -> EvalSet:
    """Read an evaluation file (see tests/eval/vragen.yaml for the format).

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
    questions = [_labelled(item, path) for item in data.get("in_domain") or []]
    questions += [LabelledQuestion(str(q), ()) for q in data.get("out_of_domain") or []]
    if not questions:
        raise EvalFileError(f"{path}: no questions")
    return EvalSet(tuple(questions), {k: float(v) for k, v in thresholds.items()})


def _read_yaml(path: Path | str, what: str) -> Any:
    try:
        return yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise EvalFileError(f"{path}: cannot read {what}: {exc}") from exc


def _labelled(item: Any, path: Path | str) -> LabelledQuestion:
    if not isinstance(item, dict) or not item.get("q") or not item.get("ids"):
        raise EvalFileError(f"{path}: each in_domain item needs q and ids; got {item!r}")
    ids = item["ids"] if isinstance(item["ids"], list) else [item["ids"]]
    return LabelledQuestion(str(item["q"]), tuple(str(i) for i in ids))


def check_labels(eval_set: EvalSet, assistant: Assistant) -> list[str]:
    """Passage ids in the evaluation set that the corpus does not have."""
    return sorted(
        {pid for q in eval_set.in_domain for pid in q.ids if assistant.passage(pid) is None}
    )


def evaluate(assistant: Assistant, eval_set: EvalSet) -> Report:
    """Run every question through the assistant and compute the metrics."""
    results = []
    for item in eval_set.questions:
        hits = assistant.search(item.question, RANK_DEPTH)
        results.append(
            QuestionResult(
                item,
                tuple(h.passage.id for h in hits),
                hits[0].coverage if hits else 0.0,
            )
        )
    return Report(
        _metrics(results, assistant.threshold),
        eval_set.thresholds,
        tuple(results),
        {"in_domain": len(eval_set.in_domain), "out_of_domain": len(eval_set.out_of_domain)},
        _per_kind(results, assistant),
    )


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
        kind: {"questions": len(items), **_metrics(items, assistant.threshold)}
        for kind, items in sorted(by_kind.items())
    }


def _metrics(results: Sequence[QuestionResult], threshold: float) -> dict[str, float]:
    inside = [r for r in results if r.item.ids]
    outside = [r for r in results if not r.item.ids]

    def share(items: Sequence[QuestionResult], predicate: Any) -> float:
        return sum(1 for r in items if predicate(r)) / len(items) if items else 0.0

    return {
        "recall_at_1": share(inside, lambda r: r.rank == 1),
        "recall_at_3": share(inside, lambda r: r.rank is not None and r.rank <= 3),
        "mrr": sum(1 / r.rank for r in inside if r.rank) / len(inside) if inside else 0.0,
        "answered": share(inside, lambda r: r.confidence >= threshold),
        "refused": share(outside, lambda r: r.confidence < threshold),
    }


def calibrate(report: Report, steps: int = 100) -> list[tuple[float, float, float]]:
    """For thresholds 0..1: (threshold, in-domain answered share, out-of-domain refused share)."""
    inside = [r.confidence for r in report.results if r.item.ids]
    outside = [r.confidence for r in report.results if not r.item.ids]
    table = []
    for step in range(steps + 1):
        t = step / steps
        answered = sum(c >= t for c in inside) / len(inside) if inside else 0.0
        refused = sum(c < t for c in outside) / len(outside) if outside else 0.0
        table.append((t, answered, refused))
    return table


def best_threshold(table: Sequence[tuple[float, float, float]]) -> float:
    """The threshold with the highest answered + refused; the middle of a tie plateau."""
    best = max(a + r for _, a, r in table)
    plateau = [t for t, a, r in table if a + r == best]
    return plateau[len(plateau) // 2]


@dataclass(frozen=True)
class DialogueReport:
    """Follow-up accuracy: turns after the first whose best passage is acceptable."""

    accuracy: float
    turns: int
    dialogues: int
    threshold: float | None
    misses: tuple[tuple[str, str | None, tuple[str, ...]], ...]  # question, got, wanted

    @property
    def failures(self) -> list[str]:
        if self.threshold is not None and self.accuracy < self.threshold:
            return [f"follow_up_accuracy {self.accuracy:.3f} < {self.threshold:.3f}"]
        return []


def load_dialogues(path: Path | str) -> tuple[list[list[LabelledQuestion]], float | None]:
    """Read a dialogue file (see tests/eval/gesprekken.yaml).

    Raises:
        EvalFileError: the file is missing or malformed.
    """
    data = _read_yaml(path, "dialogue file")
    if not isinstance(data, dict) or not isinstance(data.get("dialogues"), list):
        raise EvalFileError(f"{path}: expected a mapping with a list of dialogues")
    dialogues = []
    for number, dialogue in enumerate(data["dialogues"], start=1):
        if not isinstance(dialogue, list) or len(dialogue) < 2:
            raise EvalFileError(f"{path}: dialogue {number} needs at least 2 turns")
        dialogues.append([_labelled(turn, path) for turn in dialogue])
    threshold = (data.get("thresholds") or {}).get("follow_up_accuracy")
    return dialogues, float(threshold) if threshold is not None else None


def evaluate_dialogues(
    assistant: Assistant, dialogues: Sequence[Sequence[LabelledQuestion]], threshold: float | None
) -> DialogueReport:
    """Play each dialogue in a fresh `Conversation` and score the turns after the first."""
    from assistant.conversation import Conversation

    good = total = 0
    misses = []
    for dialogue in dialogues:
        conversation = Conversation(assistant)
        for position, turn in enumerate(dialogue):
            answer = conversation.ask(turn.question)
            got = answer.passages[0].id if answer.answered and answer.passages else None
            if position == 0:
                continue
            total += 1
            if got in turn.ids:
                good += 1
            else:
                misses.append((turn.question, got, turn.ids))
    accuracy = good / total if total else 0.0
    return DialogueReport(accuracy, total, len(dialogues), threshold, tuple(misses))
