"""Items a claim lists that the passage does not: "areas like NLP, robotics and computer vision"
against a passage that lists NLP, information retrieval and computer vision.

A lower-case item ("robotics") is no name, so the name check misses it; adding one plausible item
to a real list is a favourite invention of small models."""

from __future__ import annotations

import re

from agent.grounding.terms import content_stems, fold_quotes, stem_matches

_LIST = re.compile(r"\b(?:like|such as|including|includes?|e\.g\.,?)\s+([^.;:!?()]+)", re.IGNORECASE)
_SPLIT = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
MAX_ITEM_WORDS = 4  # longer pieces are clauses, not list items
_RUNS_ON = re.compile(r"[a-z][\w-]*\s+(?:is|are|was|were|can|could|will|may|[a-z]+s)\b")  # "robotics brings …"


def unlisted(claim_text: str, passage_stems: frozenset[str]) -> str:
    """The first listed item none of whose words the passage has ("" when every item is there)."""
    for match in _LIST.finditer(fold_quotes(claim_text)):
        items = [item.strip() for item in _SPLIT.split(match.group(1))]
        for i, item in enumerate(items):
            if i == len(items) - 1 and i > 0 and len(item.split()) > MAX_ITEM_WORDS and _RUNS_ON.match(item):
                item = item.split()[0]  # the list is a subject and runs into its verb: "… or robotics brings …"
            stems = content_stems(item)
            if not stems or len(item.split()) > MAX_ITEM_WORDS or re.fullmatch(r"(?:more |less )?\w+(?:er|est|ly)", item):
                continue
            if not any(stem_matches(s, passage_stems) for s in stems):
                return f"the guide does not list {item}"
    return ""
