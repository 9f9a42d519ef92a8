"""Polarity: does the claim affirm what the passage affirms, and deny what it denies?

Read clause by clause against the passage clauses about the same thing, so "CrewAI is a
framework, but it is not recommended" meets "just go with LangGraph or CrewAI" (affirmed) and
fails. Negations, discouragement ("avoid", "advise against", "no longer needed"), opposite words
("rare" for "common") and reversed preferences ("quantity over quality") all count."""

from __future__ import annotations

import re

from agent.grounding import polarity as words
from agent.grounding.claims.about import Clause, about, asserted, claim_clauses
from agent.grounding.claims.modality import NOT_NEEDED
from agent.grounding.terms import fold_quotes

TIE = 0.1  # polarity is read from the clause(s) closest to the claim, not every clause near it
_OVER = re.compile(r"\b([a-z]+) over ([a-z]+)\b")  # a preference: "quality over quantity"


def flipped(claim_text: str, passage: tuple[Clause, ...]) -> str:
    """Why the claim says the opposite of the passage ("" when it does not)."""
    preference = _reversed_preference(claim_text, " ".join(c.text for c in passage))
    if preference:
        return preference
    for clause, stems in claim_clauses(asserted(claim_text)):
        matched = about(stems, clause, passage, margin=TIE, name_weight=1.0)  # what is done, more than to what
        if not matched:
            continue
        denies = words.negated(_needed(words.without_hedges(clause)))  # "not yet", "without a degree": neutral
        denies = denies or bool(words.PARTIAL.search(fold_quotes(clause).lower()))  # "only part of" = "not completely"
        opposite = sorted(set().union(*(set(words.opposites(clause, c.text)) for c in matched)))
        if opposite:
            word = opposite[0]
            theirs = sorted(words.OPPOSITE[word] & set(fold_quotes(" ".join(c.text for c in matched)).lower().split()))
            return f"the guide says the opposite (\u201c{theirs[0] if theirs else 'not ' + word}\u201d)"
        if not any(_agrees(c.text, denies) for c in matched):
            return "the guide says the opposite"
    return ""


def _agrees(passage_clause: str, denies: bool) -> bool:
    """Whether a passage clause may be read with the claim's polarity. A clause negated only by a
    scope cue ("even without winning, … is valuable") is read without it, as the claim is: it
    asserts what it says of the rest ("is valuable"), so "has no value" is the opposite. A clause
    negated only by a frequency cue ("rarely comes clean") may be paraphrased either way."""
    if words.negated(passage_clause) and not words.negated(words.without_hedges(passage_clause)):
        passage_clause = words.without_hedges(passage_clause)
    return words.negated(_needed(passage_clause)) == denies or words.weakly_negated(passage_clause)


def _needed(text: str) -> str:
    """The text with "don't need" read as "need": how much something is needed is the modality check's."""
    return NOT_NEEDED.sub("need", fold_quotes(text).lower())


def _reversed_preference(claim_text: str, passage_text: str) -> str:
    mine = _OVER.findall(fold_quotes(claim_text).lower())
    theirs = set(_OVER.findall(fold_quotes(passage_text).lower()))
    for a, b in mine:
        if (b, a) in theirs:
            return f"the guide says the opposite (\u201c{b} over {a}\u201d)"
    return ""
