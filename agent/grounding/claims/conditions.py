"""Advice made conditional on the learner where the passage makes no condition: "the choice
depends on your interests and career goals", cited to a line that lists specialisations.

It is the hedge small models reach for when the passages do not settle a question, and it reads
as the guides' advice. A claim that something depends on the learner needs a passage that makes
it depend on something."""

from __future__ import annotations

import re

from agent.grounding.terms import fold_quotes

_DEPENDS = re.compile(r"\bdepend(?:s|ing)?\s+(?:\w+\s+){0,2}?on\s+(?:your|one's|the learner's|what you|how you|"
                      r"individual|personal)\b|\bup to you\b|\bpersonal (?:preference|choice)\b", re.IGNORECASE)
# "if you're also a domain expert" is a condition, but not one on what the learner likes or wants.
_CONDITION = re.compile(r"\b(?:depend\w*|based on your|according to your|your (?:goals?|interests?|situation|"
                        r"background|preferences?)|up to you|preferences?|interest(?:s|ed) you)\b", re.IGNORECASE)


def unconditioned(claim_text: str, passage_text: str) -> str:
    """Why the claim's condition is not the passage's ("" when it makes none, or the passage makes one)."""
    if not _DEPENDS.search(fold_quotes(claim_text)) or _CONDITION.search(fold_quotes(passage_text)):
        return ""
    return "the guide does not say it depends on that"
