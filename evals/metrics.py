"""Retrieval metrics over ranked relevance lists (True where the passage at that rank is relevant).

hit@k   — share of questions with at least one relevant passage in the top k (recall of the question).
MRR     — mean over questions of 1 / rank of the first relevant passage (0 when none in the list).
nDCG@k  — binary-gain discounted cumulative gain of the top k, divided by the ideal: here one
          relevant passage at rank 1 is ideal, so nDCG@k = 1/log2(1 + first relevant rank) when it is ≤ k.
precision@k — share of the top k passages that are relevant (context precision).
"""

from __future__ import annotations

import math
import re


def normalise(text: str) -> str:
    """Lowercase, unify quotes and dashes, drop Markdown emphasis, collapse whitespace."""
    text = text.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = text.replace("–", "-").replace("—", "-").replace("*", "").replace("_", " ")
    return re.sub(r"\s+", " ", text).strip()


def first_relevant(ranks: list[bool]) -> int | None:
    return next((i + 1 for i, relevant in enumerate(ranks) if relevant), None)


def hit_at(ranks: list[bool], k: int) -> float:
    return 1.0 if any(ranks[:k]) else 0.0


def reciprocal_rank(ranks: list[bool]) -> float:
    rank = first_relevant(ranks)
    return 1.0 / rank if rank else 0.0


def ndcg_at(ranks: list[bool], k: int) -> float:
    rank = first_relevant(ranks[:k])
    return 1.0 / math.log2(1 + rank) if rank else 0.0


def precision_at(ranks: list[bool], k: int) -> float:
    top = ranks[:k]
    return sum(top) / len(top) if top else 0.0


def summarise(all_ranks: list[list[bool]]) -> dict[str, float]:
    n = max(1, len(all_ranks))
    return {
        "hit@1": sum(hit_at(r, 1) for r in all_ranks) / n,
        "hit@3": sum(hit_at(r, 3) for r in all_ranks) / n,
        "hit@5": sum(hit_at(r, 5) for r in all_ranks) / n,
        "mrr": sum(reciprocal_rank(r) for r in all_ranks) / n,
        "ndcg@5": sum(ndcg_at(r, 5) for r in all_ranks) / n,
        "precision@5": sum(precision_at(r, 5) for r in all_ranks) / n,
    }
