"""The plain extractive answer: the passages' own sentences that best answer the question, each cited.

The checker's fallback (agent/grounding/verify.py) when too little of a model's answer survives,
and the baseline the composed skeleton (agent/answer/compose.py) improves on. Nothing is written
here that the guides did not write: sentences are copied whole (list markers and Markdown dropped)
and only a citation marker and, where a list item had none, a full stop are added. Sentences that
cannot stand alone (lead-ins, anecdotes, dangling references: agent/answer/points.py) are skipped.
"""

from __future__ import annotations

import numpy as np

from agent.answer.points import is_point, refers_back
from agent.grounding.evidence import rank_sentences
from agent.grounding.vectors import vectors
from ingest.text import cite, normalise

NO_ANSWER = "The guides don't cover that."
RELATIVE_FLOOR = 0.6   # keep sentences scoring at least this share of the best one
DUPLICATE = 0.92       # cosine above which two sentences say the same thing (chunks overlap)


def extractive_answer(question: str, passages: list[str], max_sentences: int = 4) -> str:
    """Up to `max_sentences` passage sentences that best answer the question, in passage order,
    each ending with its [n] citation; NO_ANSWER when the passages have no usable sentence."""
    ranked = [c for c in rank_sentences(question, passages) if is_point(c.text) and not refers_back(c.text)]
    if not ranked:
        return NO_ANSWER
    floor = ranked[0].score * RELATIVE_FLOOR
    picked = []
    seen: set[str] = set()
    picked_vectors: list[np.ndarray] = []
    for candidate in ranked:
        if len(picked) >= max_sentences or candidate.score < floor:
            break
        vector = vectors([candidate.text])[0]
        key = normalise(candidate.text)
        if key in seen or any(float(vector @ other) > DUPLICATE for other in picked_vectors):
            continue
        seen.add(key)
        picked.append(candidate)
        picked_vectors.append(vector)
    picked.sort(key=lambda c: (c.passage, c.position))
    return " ".join(cite(c.text, c.passage + 1) for c in picked)
