"""Scoring how well the passages support each sentence of an answer, and fixing its citations.

score = SIMILARITY_WEIGHT · cosine + (1 − SIMILARITY_WEIGHT) · overlap, then multiplied down by
each hard check that fails. cosine is MiniLM's best match among the passage's sentences and runs
of 2–3 consecutive sentences (a summary spans several); overlap is the share of the sentence's
content stems found in the passage. The hard checks: a number, a name or an absolute word
("always", "best", "most") that the passage does not have, and a flipped negation or an opposite
("weak" for "strong") against the passage sentence that matches best. Weights and threshold were
tuned on the even ids of evals/datasets/checker_pairs.jsonl (see evals/checker.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from agent.grounding import terms
from agent.grounding.sentences import citations, is_claim, plain, split_sentences
from agent.grounding.vectors import unit, vectors

SUPPORT_THRESHOLD = 0.5
SIMILARITY_WEIGHT = 0.6
NUMBER_PENALTY = 0.3     # a count, year or duration the passage does not state
NAME_PENALTY = 0.3       # a tool, book, course or person the passage does not name
NEGATION_PENALTY = 0.4   # "not"/"never"/"rarely" on one side only, or an opposite word
QUALIFIER_PENALTY = 0.8  # "always", "best", "most", "required" … the passage does not say
POLARITY_MARGIN = 0.08   # passage sentences this close to the best match count for the negation check
WINDOW = 3               # longest run of consecutive passage sentences compared as one


@dataclass(frozen=True)
class SentenceCheck:
    text: str            # the sentence as shown: markers rewritten to `cites`, list marker stripped
    supported: bool
    score: float         # 0..1 support score (against the cited passages when supported)
    cites: list[int]     # 1-based passage numbers the sentence cites after fixing
    best: int | None     # 1-based passage that supports it best
    reason: str = ""     # why it failed, e.g. "number 2019 not in the passages" ("" when supported)


@dataclass(frozen=True)
class Support:
    """How well one passage (or the union of the cited ones) supports one claim."""

    score: float
    similarity: float
    overlap: float
    reason: str = ""


@dataclass(frozen=True)
class PassageView:
    """A passage split and indexed once: sentences, content stems, names, numbers."""

    sentences: tuple[str, ...]
    stems: frozenset[str]
    words: frozenset[str]
    numbers: frozenset[float]
    text: str


@dataclass(frozen=True)
class Claim:
    """The parts of an answer sentence the checks look at."""

    text: str
    stems: frozenset[str]
    names: tuple[str, ...]
    numbers: frozenset[float]
    negated: bool
    qualifiers: frozenset[str]


@lru_cache(maxsize=2048)
def passage_view(passage: str) -> PassageView:
    sentences = tuple(s for s in (plain(x) for x in split_sentences(passage)) if s)
    text = " ".join(sentences)
    return PassageView(sentences, frozenset(terms.expand(terms.content_stems(text))),
                       frozenset(terms.name_pool(text)), frozenset(terms.numbers(text)), text)


def claim_of(sentence: str) -> Claim:
    text = plain(sentence)
    return Claim(text, frozenset(terms.content_stems(text)), tuple(terms.names(text)),
                 frozenset(terms.numbers(text)), terms.negated(text), frozenset(terms.qualifiers(text)))


def merge(views: list[PassageView]) -> PassageView:
    """Several cited passages read as one (a sentence may combine what two of them say)."""
    return PassageView(tuple(s for v in views for s in v.sentences), frozenset().union(*(v.stems for v in views)),
                       frozenset().union(*(v.words for v in views)), frozenset().union(*(v.numbers for v in views)),
                       " ".join(v.text for v in views))


def support(claim: Claim, claim_vector: np.ndarray, view: PassageView, sentence_vectors: np.ndarray) -> Support:
    """Score one claim against one passage view whose sentence vectors are given."""
    if not view.sentences or not claim.stems:
        return Support(0.0, 0.0, 0.0, "nothing to compare")
    sims = sentence_vectors @ claim_vector
    similarity = float(sims.max())
    for size in range(2, min(WINDOW, len(view.sentences)) + 1):
        for start in range(len(view.sentences) - size + 1):
            window = unit(sentence_vectors[start:start + size].sum(axis=0))
            similarity = max(similarity, float(window @ claim_vector))
    matched = sum(terms.stem_matches(s, view.stems) for s in claim.stems)
    overlap = matched / len(claim.stems)
    score = SIMILARITY_WEIGHT * max(similarity, 0.0) + (1 - SIMILARITY_WEIGHT) * overlap

    reasons: list[str] = []
    missing_numbers = sorted(n for n in claim.numbers if n not in view.numbers)
    if missing_numbers:
        score *= NUMBER_PENALTY
        reasons.append("number " + ", ".join(f"{n:g}" for n in missing_numbers) + " not in the passages")
    missing_names = [n for n in claim.names if not terms.name_in(n, view.words)]
    if missing_names:
        score *= NAME_PENALTY
        reasons.append(", ".join(missing_names) + " not named in the passages")
    # Polarity is compared with the passage sentences that match about as well as the best one:
    # a paraphrase of two sentences may follow either ("aren't one-size-fits-all" / "some lean …").
    close = [view.sentences[i] for i in np.flatnonzero(sims >= sims.max() - POLARITY_MARGIN)]
    flipped = terms.opposites(claim.text, view.sentences[int(sims.argmax())])
    if all(terms.negated(s) != claim.negated for s in close) or flipped:
        score *= NEGATION_PENALTY
        reasons.append("says the opposite" + (f" ({', '.join(flipped)})" if flipped else " (negation)"))
    extra = claim.qualifiers - terms.qualifiers(view.text)
    if extra:
        score *= QUALIFIER_PENALTY ** len(extra)
        reasons.append("adds " + ", ".join(sorted(extra)))
    return Support(score, similarity, overlap, "; ".join(reasons))
