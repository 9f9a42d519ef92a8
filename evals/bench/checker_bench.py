"""Checking speed: a 5-sentence answer against 6 passages, the verifier's work on every answer.

Two figures: `warm_passages` (the usual case: evidence selection already embedded the passage
sentences, so only the answer's 5 sentences are new) and `cold` (nothing cached: every passage
sentence embedded too). Passages and sentences come from evals/datasets/claim_pairs.jsonl."""

from __future__ import annotations

import random
import statistics
import time

from agent.grounding import check_answer
from agent.grounding.vectors import clear_cache
from evals.checker import CLAIMS, load

BUDGET_MS = 150.0  # issue 13: a 5-sentence answer against 6 passages, passages already embedded


def _cases(runs: int, seed: int = 13) -> list[tuple[str, list[str]]]:
    rows = load(CLAIMS)
    passages = sorted({r["passage"] for r in rows})
    sentences = [r["sentence"] for r in rows]
    rng = random.Random(seed)
    return [(" ".join(rng.sample(sentences, 5)), rng.sample(passages, 6)) for _ in range(runs)]


def time_checks(runs: int = 20) -> dict:
    """Median and worst milliseconds per check, warm passages and cold; answers never repeat."""
    cases = _cases(runs * 2 + 1)
    check_answer(*cases[0])  # model loaded, caches warm: not timed
    warm, cold = [], []
    for answer, passages in cases[1:runs + 1]:
        check_answer("Warm-up of the passages only.", passages)  # what evidence selection does first
        started = time.perf_counter()
        check_answer(answer, passages)
        warm.append((time.perf_counter() - started) * 1000)
    for answer, passages in cases[runs + 1:]:
        clear_cache()
        started = time.perf_counter()
        check_answer(answer, passages)
        cold.append((time.perf_counter() - started) * 1000)
    return {"runs": runs, "sentences": 5, "passages": 6, "budget_ms": BUDGET_MS,
            "warm_passages_median_ms": round(statistics.median(warm), 1), "warm_passages_max_ms": round(max(warm), 1),
            "cold_median_ms": round(statistics.median(cold), 1),
            "within_budget": statistics.median(warm) < BUDGET_MS}
