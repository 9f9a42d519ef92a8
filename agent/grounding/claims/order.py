"""An order the passage does not give: "you should read Designing Machine Learning Systems first",
cited to a passage that recommends the book and says nothing of what comes before what.

Small models answer "which one first?" by picking one; the similarity and word checks see the
book's name and pass it. A claim that puts something first (or before something else) needs a
passage that speaks of an order (first, start, begin, before, then, a step) in a sentence on the same thing:
"I suggest starting with a cloud provider" orders clouds, not books."""

from __future__ import annotations

import re

from agent.grounding.terms import DOMAIN, content_stems, fold_quotes, stem_matches

# "… first." / "… first, then …" / "before diving into …" / "start with …": what the claim orders.
# "your first project", "the first step" use "first" as an adjective of a noun and order nothing.
_ORDERS = re.compile(r"\bfirst\b(?=\s*(?:\[\d+\])*\s*(?:[.,;:!?)]|$|and\b|then\b|because\b|as\b|since\b|so\b|"
                     r"before\b|if\b))|\bbefore\s+(?:you\s+)?(?:move|moving|dive|diving|learn|learning|tackl|"
                     r"start|go|going|get|getting)\w*|\b(?:start|begin)(?:s|ning|ing)?\s+(?:with|by)\b",
                     re.IGNORECASE)
# Not "foundation": "AI Engineering: Building Applications with Foundation Models" orders nothing.
_ORDER_WORDS = re.compile(r"\b(?<!get )(?<!getting )(?:first|start|begin|before|then|after|prerequisite|step|once|"
                          r"later|initially|gradually|progress|stage)\w*", re.IGNORECASE)  # "get started" orders nothing

_NEGATED = re.compile(r"\b(?:not|never|no need|without)\b|n't\b", re.IGNORECASE)


def unordered(claim_text: str, sentences: tuple[str, ...]) -> str:
    """Why the claim orders things the passage does not ("" when it orders nothing, or a passage
    sentence that shares a word of what it orders speaks of an order too)."""
    claim = fold_quotes(claim_text)
    if not _ORDERS.search(claim) or _NEGATED.search(claim):  # "you don't need X before you start" orders nothing
        return ""
    ordered = content_stems(_ORDER_WORDS.sub(" ", _ORDERS.sub(" ", claim))) - DOMAIN
    for sentence in sentences:
        if _ORDER_WORDS.search(fold_quotes(sentence)) and any(stem_matches(s, content_stems(sentence)) for s in ordered):
            return ""
    return "the guide does not say what comes first"
