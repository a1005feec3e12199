"""Benchmark: how far the validation figures move between refits, and what a change is worth.

A change to the reading of questions or to the model's signals is shipped with the model
refitted to it, and judged on the validation set. But the refit itself moves the figures: the
same code fitted on 90% of the tuning set (a different 10% left out each time) answers between
0.716 and 0.739 of the validation set's answerable questions (1 December 2026), more than most
changes move them. This refits the model on the whole tuning set and on `--resamples`
subsamples of it (fixed seeds), each with the threshold the fit chooses, and prints per refit:

- the threshold the fit chose, and the validation figures the gates read (right passage
  first, answered, out-of-domain refused, unanswerable handled, English answered);
- ``sum``: answered counted twice plus unanswerable and out-of-domain questions refused, what
  the threshold is chosen for;
- ``auc``: how well the confidence orders a right first passage before everything else (an
  unanswerable or out-of-domain question, a wrong first passage), whatever the threshold: it
  moves far less between refits (within 0.003) than the figures at a threshold.

Run it on the code before and after a change: the same seeds leave out the same questions, so
the two runs compare refit by refit. It installs nothing and asserts nothing.

    python benchmarks/refit_noise.py [--resamples 4] [--share 0.9]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.core import Assistant, default_assistant  # noqa: E402
from assistant.evaluation import (  # noqa: E402
    EvalSet,
    QuestionResult,
    evaluate,
    fit_model,
    labelled_examples,
    load_dialogues,
    load_eval_set,
)

EVAL = ROOT / "tests" / "eval"
COLUMNS = ("threshold", "first", "answered", "refused", "unanswerable", "english", "sum", "auc")


def ordering(results: list[QuestionResult]) -> float:
    """The share of (right first passage, anything else) pairs the confidence orders right
    (ties count half): the area under the ROC curve of a right first answer."""
    right = np.array([r.confidence for r in results if _right(r)])
    other = np.array([r.confidence for r in results if not _right(r)])
    if not len(right) or not len(other):
        return 0.0
    above = (right[:, None] > other[None, :]).mean()
    tied = (right[:, None] == other[None, :]).mean()
    return float(above + tied / 2)


def _right(result: QuestionResult) -> bool:
    return result.item.category == "in_domain" and result.rank == 1


def figures(assistant: Assistant, questions: EvalSet) -> dict[str, float]:
    """The validation figures of one fitted model (`evaluate`'s, and the ordering)."""
    measured = evaluate(assistant, questions)
    m = measured.metrics
    asked = [r for r in measured.results if r.item.category != "smalltalk"]
    return {
        "threshold": assistant.model.threshold,
        "first": m["recall_at_1"],
        "answered": m["answered"],
        "refused": m["refused"],
        "unanswerable": m["unanswerable_handled"],
        "english": m["english_answered"],
        "sum": 2 * m["answered"] + m["refused"] + m["unanswerable_handled"],
        "auc": ordering(asked),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--resamples", type=int, default=4, help="subsamples besides the whole")
    parser.add_argument("--share", type=float, default=0.9, help="of the tuning set, per refit")
    parser.add_argument("--tuning", type=Path, default=EVAL / "vragen.yaml")
    parser.add_argument("--dialogues", type=Path, default=EVAL / "gesprekken.yaml")
    parser.add_argument("--validation", type=Path, default=EVAL / "validatie.yaml")
    parser.add_argument("--practice", type=Path, default=EVAL / "oefenvragen.yaml")
    args = parser.parse_args()

    base = default_assistant()
    tuning = load_eval_set(args.tuning)
    dialogues = load_dialogues(args.dialogues)[0]
    validation = load_eval_set(args.validation)
    practice = load_eval_set(args.practice).questions if args.practice.exists() else ()
    print("refit   " + " ".join(f"{c:>12s}" for c in COLUMNS))
    rows = []
    for seed in range(-1, args.resamples):
        if seed < 0:
            questions, name = tuning.questions, "whole"
        else:
            draw = random.Random(seed)
            questions = tuple(q for q in tuning.questions if draw.random() < args.share)
            name = f"seed {seed}"
        model = fit_model(base, EvalSet(questions), dialogues, practice=practice)
        # The votes and neighbours of what this refit learnt from, as `wegwijzer eval --fit`
        # installs them.
        refitted = base.with_labelled(labelled_examples(base, [*practice, *questions]))
        refitted.model = model
        row = figures(refitted, validation)
        rows.append(row)
        print(f"{name:7s} " + " ".join(f"{row[c]:12.4f}" for c in COLUMNS), flush=True)
    for label, summary in (("mean", statistics.fmean), ("sd", statistics.pstdev)):
        print(f"{label:7s} " + " ".join(f"{summary([r[c] for r in rows]):12.4f}" for c in COLUMNS))


if __name__ == "__main__":
    main()
