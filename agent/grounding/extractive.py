"""The fallback answer: the passages' own sentences that answer the question, each cited [n].

Nothing is written here that the guides did not write: sentences are copied whole (list markers
and Markdown dropped) and only a citation marker and, where a list item had none, a full stop are
added."""

from __future__ import annotations

import re

import numpy as np

from agent.grounding.evidence import rank_sentences
from agent.grounding.vectors import vectors

NO_ANSWER = "The guides don't cover that."
RELATIVE_FLOOR = 0.6   # keep sentences scoring at least this share of the best one
DUPLICATE = 0.92       # cosine above which two sentences say the same thing (chunks overlap)


def extractive_answer(question: str, passages: list[str], max_sentences: int = 4) -> str:
    """Up to `max_sentences` passage sentences that best answer the question, in passage order,
    each ending with its [n] citation; NO_ANSWER when the passages have no usable sentence."""
    ranked = rank_sentences(question, passages)
    if not ranked:
        return NO_ANSWER
    floor = ranked[0].score * RELATIVE_FLOOR
    picked = []
    picked_vectors: list[np.ndarray] = []
    for candidate in ranked:
        if len(picked) >= max_sentences or candidate.score < floor:
            break
        vector = vectors([candidate.text])[0]
        if any(float(vector @ other) > DUPLICATE for other in picked_vectors):
            continue
        picked.append(candidate)
        picked_vectors.append(vector)
    picked.sort(key=lambda c: (c.passage, c.position))
    return " ".join(_cite(c.text, c.passage + 1) for c in picked)


def _cite(sentence: str, number: int) -> str:
    """"Python dominates the ML landscape." → "Python dominates the ML landscape [1]."."""
    end = re.search(r"[.!?…]+$", sentence)
    if end:
        return f"{sentence[:end.start()].rstrip()} [{number}]{end.group(0)}"
    return f"{sentence.rstrip(' ;,')} [{number}]."
