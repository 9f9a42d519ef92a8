"""Reciprocal-rank fusion: combine rankings by rank, not by score, so BM25 and cosine need no common scale."""

from __future__ import annotations

RRF_K = 60  # the constant of Cormack et al. (2009); 5 and 20 measured no better on the dev set


def reciprocal_rank_fusion(rankings: list[list[str]], k: int = RRF_K) -> list[tuple[str, float]]:
    """Ids by fused score, best first; ties broken by first appearance, so the order is stable."""
    scores: dict[str, float] = {}
    first_seen: dict[str, int] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
            first_seen.setdefault(item, len(first_seen))
    return sorted(scores.items(), key=lambda pair: (-pair[1], first_seen[pair[0]]))
