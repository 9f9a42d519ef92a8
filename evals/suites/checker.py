"""Checker suite: the grounding checker (agent.grounding) on checker_pairs.jsonl, via evals/checker.py.

Each labelled (passage, sentence) pair is checked as answers are; "supported" is the positive class.

Metrics:
- precision — checker precision: of the pairs the checker accepts, the share labelled supported.
- recall — checker recall: of the pairs labelled supported, the share the checker accepts.
- f1 — checker F1: harmonic mean of precision and recall.
- accuracy — checker accuracy: share of all pairs judged as labelled.
- heldout_f1 — held-out F1: F1 on the odd ids only (the even ids are the half the checker may be
  tuned on).
- <category>_accuracy — per-category accuracy: share of that category's pairs judged as labelled
  (for an unsupported category such as negation it is 1 - the share wrongly accepted).
"""

from __future__ import annotations

from evals.checker import load, score_rows
from evals.suites import Context, SuiteResult, rounded


def run(context: Context) -> SuiteResult:
    pairs = context.take(load())
    result = score_rows(pairs)
    heldout = [r for r in pairs if int(r["id"].lstrip("g")) % 2 == 1]
    metrics = {key: result[key] for key in ("precision", "recall", "f1", "accuracy")}
    metrics["heldout_f1"] = score_rows(heldout)["f1"] if heldout else 0.0
    metrics.update({f"{name}_accuracy": c["accuracy"] for name, c in result["per_category"].items()})
    by_id = {r["id"]: r for r in pairs}
    rows = [{"id": i, "category": by_id[i]["category"], "supported": by_id[i]["supported"],
             "sentence": by_id[i]["sentence"], "passage": by_id[i]["passage"]} for i in result["errors"]]
    return SuiteResult("checker", "checker", rounded(metrics), rows, {"pairs": len(pairs)})
