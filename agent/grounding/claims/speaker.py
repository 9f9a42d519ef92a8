"""Who is who: a claim that makes one person of the passage into another ("the author is a
Master's student" where the author helped one prepare).

The roles check asks whether a claim says of the author what the passage says of the reader; this
one asks whether it says the author *is* the reader, the student or the hiring manager the passage
speaks of as someone else."""

from __future__ import annotations

import re

from agent.grounding.claims.roles import ROLES, mentions
from agent.grounding.terms import fold_quotes

_PEOPLE = ROLES["person"]
_CONDITION = re.compile(r"\b(?:if|when|whether|unless|once|as long as|whenever)\s+$")
_BE = r"\s+(?:is|was|are|were|has been|had been|used to be|once was)\s+(?:(?:a|an|the|one of the|also)\s+)*"


def conflated(claim_text: str, sentences: tuple[str, ...]) -> str:
    """Why the claim equates two people the passage keeps apart ("" when it does not)."""
    low = fold_quotes(claim_text).lower()
    passage = {m.label for s in sentences for m in mentions(s, 1)}
    for label, (pattern, _) in _PEOPLE.items():
        for other, (other_pattern, _) in _PEOPLE.items():
            if other == label or label not in passage or other not in passage:
                continue
            found = re.search(rf"(?<![\w-])(?:{pattern}){_BE}(?:{other_pattern})(?![\w-])", low)
            if found and not _CONDITION.search(low[:found.start()]):  # "if you are a student, …" supposes
                return f"the guide speaks of {label} and {other} as different people"
    return ""
