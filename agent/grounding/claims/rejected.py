"""Views a passage reports only to reject them: "many assume that ML Engineer role = Data Science
+ Software Engineering + DevOps … But that's not true!".

The reported view shares every word with a claim that repeats it, so similarity alone would count
it as support. A claim that itself says the view is wrong ("many assume …, but that's not true")
is fine."""

from __future__ import annotations

import re

from agent.grounding.claims.about import Clause
from agent.grounding.terms import fold_quotes

_REPORTS = re.compile(r"\b(many|some|most people|people|they|others|everyone)\s+(?:still\s+)?"
                      r"(assume|think|believe|say|claim|expect|imagine)s?\b|\b(common|popular)\s+"
                      r"(misconception|myth|belief|assumption)\b|\bit'?s (?:often|commonly) (?:said|assumed)\b")
_REJECTS = re.compile(r"\b(not true|isn'?t true|is wrong|a myth|not the case|is false|that'?s false|"
                      r"couldn'?t be further from the truth|far from (?:true|it))\b")
_CONFUSION = re.compile(r"\b(confusion|confuse[ds]?|mixed up|mix(?:es|ed)? (?:them|it) up|difference between)\b")
_SAMENESS = re.compile(r"\b(the same|same (?:role|job|thing)|identical|interchangeable|no (?:real )?difference|"
                       r"essentially one|one and the same)\b")
_HEDGED = re.compile(r"\b(many|some|people|they|others)\s+(?:still\s+)?(?:assume|think|believe)|\bnot true\b|"
                     r"\bmyth\b|\bmisconception\b|\bwrong\b")


def rejected_sentences(sentences: tuple[str, ...]) -> set[int]:
    """Indices of the sentences that report a view the passage then rejects: from the sentence
    that reports it up to (not including) the one that says it is not true, at most three on."""
    low = [fold_quotes(s).lower() for s in sentences]
    out: set[int] = set()
    for i, text in enumerate(low):
        if not _REPORTS.search(text):
            continue
        for j in range(i, min(i + 4, len(low))):
            if _REJECTS.search(low[j]):
                out.update(range(i, j) if j > i else {i})
                break
    return out


def repeats_rejected(claim_text: str, about: list[Clause], sentences: tuple[str, ...]) -> str:
    """Why the claim asserts a view the passage rejects ("" when it does not)."""
    claim = fold_quotes(claim_text).lower()
    if _HEDGED.search(claim) or not about:
        return ""
    rejected = rejected_sentences(sentences)
    if rejected and all(c.sentence in rejected for c in about):
        return "the guide mentions this view only to say it is not true"
    if _SAMENESS.search(claim) and any(_CONFUSION.search(fold_quotes(s).lower()) for s in sentences):
        return "the guide says these are often confused, not that they are the same"
    return ""
