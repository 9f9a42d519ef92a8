"""Comparatives and superlatives: "better than", "the hardest", "the most important" rank things,
and a ranking the passage does not make is an invented one.

Every comparison in a claim needs the same comparison in the passage clauses it is about ("the
best way to learn" in the passage supports "the best way to learn"). Saying what something is
*more about* ("the latter is more about LLMs") describes a focus, not a ranking, and is left alone."""

from __future__ import annotations

import re

from agent.grounding.claims.about import Clause, asserted
from agent.grounding.polarity import _NOT_SUPERLATIVE
from agent.grounding.terms import fold_quotes, stem

_HEADS = r"more|less|most|least|better|worse|best|worst|fewer|[a-z]{3,}(?:er|est)"
_COMPARISON = re.compile(rf"\b({_HEADS})\b(?:(?=[\s-]+([a-z]+)))?")
_FOCUS = frozenset("about on toward towards of and than".split())  # "more about", "more and more": not a rank
_ADJECTIVE = re.compile(r"(?:ant|ent|ive|ful|able|ible|al|ic|ous|ing|ed|ly|ult|ar)$")
_IRREGULAR = frozenset({"better", "worse"})
_NOT_COMPARATIVE = frozenset("""other either whether never ever over under after later earlier together rather
another however order water power paper user number member career layer computer matter offer cluster
engineer developer scientist manager beginner partner answer remember consider further register master
leader senior junior integer transformer ranker encoder decoder container docker tensorflow kaggle
quantum""".split()) | _NOT_SUPERLATIVE


def comparisons(text: str) -> set[str]:
    """The rankings a text makes, each as its head word, with the quality compared where there is
    one ("more important", "best", "harder"). A focus ("more about") or a plain quantity ("more
    companies") is not a ranking."""
    low = fold_quotes(text).lower()
    found: set[str] = set()
    for head, following in _COMPARISON.findall(low):
        if head in _NOT_COMPARATIVE or (head.endswith("er") and head not in _IRREGULAR and
                                        not re.search(rf"\b{head}\b(?:\s+\w+){{0,4}}\s+than\b", low)
                                        and head not in ("more", "less", "fewer")):
            continue
        if head in ("more", "less", "most", "least", "fewer"):
            if following in _FOCUS and following != "than":
                continue
            ranks = re.search(rf"\b{head}\s+{following}\b(?:\s+\w+){{0,4}}\s+than\b", low) or head in ("most", "least")
            if following and _ADJECTIVE.search(following) and following not in ("than",):
                if ranks:  # "has become more popular" is a trend, "more popular than" a ranking
                    found.add(f"{head} {stem(following)}")
            elif re.search(rf"\b{head}\b(?:\s+\w+){{0,3}}\s+than\b", low) or (head in ("most", "least") and following):
                found.add(head)  # a bare "… uses most" at the end ranks nothing named
            continue
        found.add(head)
    return found


def _quotes(comparison: str, claim_text: str, passage: str) -> bool:
    """The claim repeats a ranking the passage makes elsewhere, with the word it ranks ("the best framework")."""
    head = comparison.split()[0]
    after = re.search(rf"\b{head}\s+([a-z]+)", fold_quotes(claim_text).lower())
    return bool(after) and re.search(rf"\b{head}\s+{after.group(1)}\b", passage) is not None


# What a passage says that ranks as "the most" does ("first and foremost is Python").
_FIRST = re.compile(r"\b(first and foremost|above all|top priority|primary|number one|most importantly)\b")


def unmatched(claim_text: str, about: list[Clause], passage_text: str) -> str:
    """Why the claim ranks things the passage does not ("" when every ranking is in the passage)."""
    mine = comparisons(asserted(claim_text))
    if not mine:
        return ""
    theirs = comparisons(" . ".join(c.text for c in about)) if about else comparisons(passage_text)
    quoted = fold_quotes(passage_text).lower()
    if _FIRST.search(" ".join(c.text for c in about).lower() if about else passage_text.lower()):
        theirs |= {"most", "best"} | {c for c in mine if c.startswith("most ")}
    heads = {t.split()[0] for t in theirs}
    missing = sorted(c for c in mine if c not in theirs and (len(c.split()) > 1 or c not in heads)
                     and not _quotes(c, claim_text, quoted))
    if not missing:
        return ""
    return f"the guide does not compare these (\u201c{missing[0]}\u201d)"
