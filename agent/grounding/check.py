"""Checking an answer sentence by sentence, and fixing its citations to the passages that support it."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from agent.grounding.sentences import citations, is_claim, split_sentences, with_citations
from agent.grounding.support import (SUPPORT_THRESHOLD, Claim, PassageView, Support, claim_of, merge, passage_view,
                                     support)
from agent.grounding.vectors import vectors

CONTRIBUTES = 0.2  # share of a combined claim's words a cited passage must have to keep its marker
# Passages read together must hold at least this share of the sentence's words: two passages on
# other things can between them lift a sentence's similarity, and clear a check one of them fails,
# while most of what it says ("it saves time and compute by not training from scratch") is in neither.
JOINT_OVERLAP = 0.5
NOT_SAID = "the guide does not say this"  # the reason when no specific check explains a low score


@dataclass(frozen=True)
class SentenceCheck:
    text: str            # the sentence as shown: markers rewritten to `cites`, list marker stripped
    supported: bool
    score: float         # 0..1 support score (against the cited passages when supported)
    cites: list[int]     # 1-based passage numbers the sentence cites after fixing
    best: int | None     # 1-based passage that supports it best
    # Why, in words a user understands: for a failed sentence what is wrong ("the guide says the
    # opposite", "the guide does not compare these"); for one that several passages support
    # together, which ("supported by passages 1 and 3 together"); "" otherwise.
    reason: str = ""


def check_answer(answer: str, passages: list[str], threshold: float | None = None) -> list[SentenceCheck]:
    """One check per claim sentence of the answer, in order (headings and filler are skipped)."""
    return check_sentences([s for s in split_sentences(answer) if is_claim(s)], passages, threshold)


def check_sentences(sentences: list[str], passages: list[str], threshold: float | None = None) -> list[SentenceCheck]:
    """Score each sentence against every passage and fix its citations: keep the cited passages
    that support it, else cite the best supporting passage; drop numbers that point nowhere."""
    threshold = SUPPORT_THRESHOLD if threshold is None else threshold
    views = [passage_view(p) for p in passages]
    claims = [claim_of(s) for s in sentences]
    # One embedding call for everything not yet cached: the claims and every passage sentence.
    matrix = vectors([c.text for c in claims] + [s for v in views for s in v.sentences])
    claim_vectors, rest = matrix[:len(claims)], matrix[len(claims):]
    passage_vectors, start = [], 0
    for view in views:
        passage_vectors.append(rest[start:start + len(view.sentences)])
        start += len(view.sentences)
    return [_check(sentence, claim, vector, views, passage_vectors, threshold)
            for sentence, claim, vector in zip(sentences, claims, claim_vectors)]


def _check(sentence: str, claim: Claim, vector: np.ndarray, views: list[PassageView],
           passage_vectors: list[np.ndarray], threshold: float) -> SentenceCheck:
    """Support against the cited passages first, then any passage; citations fixed to match."""
    scores = [support(claim, vector, view, pv) for view, pv in zip(views, passage_vectors)]
    best = max(range(len(scores)), key=lambda i: scores[i].score) + 1 if scores else None
    cited = [n for n in citations(sentence) if 1 <= n <= len(views)]  # numbers pointing nowhere go
    supporting = [n for n in cited if scores[n - 1].score >= threshold]
    top = max((scores[n - 1] for n in supporting), key=lambda s: s.score, default=None)
    if len(cited) > 1 and len(supporting) < len(cited):
        # A sentence may combine what several cited passages say: read them as one, and keep
        # the citations of those that share its words.
        union = support(claim, vector, merge([views[n - 1] for n in cited]),
                        np.vstack([passage_vectors[n - 1] for n in cited]))
        if union.score > (top.score if top else 0.0) and union.overlap >= JOINT_OVERLAP:
            top = union
            if union.score >= threshold:
                supporting = [n for n in cited if scores[n - 1].overlap >= CONTRIBUTES] or cited
    if (top is None or top.score < threshold) and best is not None and scores[best - 1].score >= threshold:
        top, supporting = scores[best - 1], [best]  # right claim, wrong (or no) citation
    if (top is None or top.score < threshold) and len(cited) < 2 and len(views) > 1:
        # Uncited (or singly cited) but combining two passages: read the two best as one.
        pair = sorted(sorted(range(len(scores)), key=lambda i: -scores[i].overlap)[:2])
        union = support(claim, vector, merge([views[i] for i in pair]), np.vstack([passage_vectors[i] for i in pair]))
        if union.score >= threshold and union.overlap >= JOINT_OVERLAP:
            top, supporting = union, [i + 1 for i in pair]
    if top is not None and top.score >= threshold:
        together = f"supported by passages {' and '.join(map(str, supporting))} together" \
            if len(supporting) > 1 else ""
        return SentenceCheck(with_citations(sentence, supporting), True, round(top.score, 4), supporting, best,
                             together)
    if top is None:
        top = scores[best - 1] if best is not None else Support(0.0, 0.0, 0.0, "no passages")
    reason = top.reason or NOT_SAID
    return SentenceCheck(with_citations(sentence, cited), False, round(top.score, 4), cited, best, reason)
