"""Checker suite: the grounding checker (agent.grounding) on checker_pairs.jsonl and claim_pairs.jsonl,
via evals/checker.py.

Each labelled (passage, sentence) pair is checked as answers are. On checker_pairs "supported" is the
positive class; on claim_pairs (what a sentence asserts, 12 kinds) "unsupported" is: the checker's
job there is to catch it.

Metrics:
- precision — checker precision: of the pairs the checker accepts, the share labelled supported.
- recall — checker recall: of the pairs labelled supported, the share the checker accepts.
- f1 — checker F1: harmonic mean of precision and recall.
- accuracy — checker accuracy: share of all pairs judged as labelled.
- heldout_f1 — held-out F1: F1 on the odd ids only (the even ids are the half the checker may be
  tuned on).
- <category>_accuracy — per-category accuracy: share of that category's pairs judged as labelled
  (for an unsupported category such as negation it is 1 - the share wrongly accepted).
- claims_precision — claim-check precision: on claim_pairs (tuning split), of the sentences the
  checker rejects, the share labelled unsupported.
- claims_recall — claim-check recall: of the claim pairs labelled unsupported, the share the checker rejects.
- claims_f1 — claim-check F1: harmonic mean of claims_precision and claims_recall.
- claims_kept — supported claims kept: share of the supported claim pairs (paraphrase, summary,
  inference) the checker keeps.
- claims_heldout_f1 — held-out claim-check F1: claims_f1 on the held-out split (60 pairs written
  before the claim checks were tuned).
- claims_heldout_kept — held-out supported claims kept: claims_kept on the held-out split.
- claims_heldout2_f1 — second held-out claim-check F1: claims_f1 on the "heldout2" split (53 pairs
  written after the first held-out split had been looked at; its own errors were then looked at).
- claims_heldout2_kept — second held-out supported claims kept: claims_kept on "heldout2".
- claims_heldout3_f1 — fresh held-out claim-check F1: claims_f1 on the "heldout3" split (34 pairs
  written after the fixes heldout2 led to, scored once and never tuned on).
- claims_heldout3_kept — fresh held-out supported claims kept: claims_kept on "heldout3".
- claims_heldout4_f1 — fourth held-out claim-check F1: claims_f1 on the "heldout4" split (36 pairs on
  invented subjects, orders and conditions, written blind; 0.857 at first look, 2026-12-07).
- claims_heldout4_kept — fourth held-out supported claims kept: claims_kept on "heldout4".
- claims_<kind>_f1 — per kind of claim pair: F1 of catching that kind against all supported pairs
  (for a supported kind: F1 of keeping it against all unsupported pairs).
"""

from __future__ import annotations

from evals.checker import CLAIMS, SPLITS, load, score_claims, score_rows
from evals.suites import Context, SuiteResult, rounded


def run(context: Context) -> SuiteResult:
    pairs = context.take(load())
    result = score_rows(pairs)
    heldout = [r for r in pairs if int(r["id"].lstrip("g")) % 2 == 1]
    metrics = {key: result[key] for key in ("precision", "recall", "f1", "accuracy")}
    metrics["heldout_f1"] = score_rows(heldout)["f1"] if heldout else 0.0
    metrics.update({f"{name}_accuracy": c["accuracy"] for name, c in result["per_category"].items()})
    claims = context.take(load(CLAIMS))
    tune = [r for r in claims if r.get("split", "tune") == "tune"]
    caught = score_claims(tune)
    metrics.update({f"claims_{key}": caught[key] for key in ("precision", "recall", "f1", "kept")})
    for split in SPLITS[1:]:
        mine = [r for r in claims if r.get("split") == split]
        if mine:
            held = score_claims(mine)
            metrics.update({f"claims_{split}_f1": held["f1"], f"claims_{split}_kept": held["kept"]})
    metrics.update({f"claims_{kind}_f1": k["f1"] for kind, k in caught["per_kind"].items()})
    by_id = {r["id"]: r for r in pairs}
    rows = [{"id": i, "category": by_id[i]["category"], "supported": by_id[i]["supported"],
             "sentence": by_id[i]["sentence"], "passage": by_id[i]["passage"]} for i in result["errors"]]
    by_claim = {r["id"]: r for r in claims}
    rows += [{"id": e["id"], "category": e["kind"], "supported": e["supported"], "sentence": e["sentence"],
              "passage": by_claim[e["id"]]["passage"], "reason": e["reason"]} for e in caught["errors"]]
    return SuiteResult("checker", "checker", rounded(metrics), rows, {"pairs": len(pairs) + len(tune)})
