"""How strongly a claim says something compared with how strongly the passage says it.

"Many employers value master's degrees" does not support "you need a master's degree", nor does
"can be useful" support "must". Each modal word has a strength; a claim may say a step more than
its passage clause (a paraphrase turns "important" into "need"), not two."""

from __future__ import annotations

import re

from agent.grounding.claims.about import Clause
from agent.grounding.terms import content_stems, fold_quotes, stem_matches

# strength -> words; the first word names the level in explanations.
LEVELS: dict[int, tuple[str, ...]] = {
    4: ("required", "must", "mandatory", "requires", "require", "non-negotiable", "have to", "has to", "necessary",
        "always", "guarantees", "guarantee", "needs to have", "prerequisite"),
    3: ("essential", "need", "needs", "crucial", "vital", "critical", "rely on", "rely"),
    2: ("important", "importance", "matters", "matter", "should", "strong foundation", "key", "fundamental"),
    1: ("valued", "value", "valuable", "useful", "helpful", "advantageous", "can", "could", "may", "might",
        "recommended", "good", "enhances", "boosts", "nice", "worth"),
    0: ("optional", "merely", "not necessarily", "nice-to-have", "nice to have"),
}
_WORD = {w: level for level, words in LEVELS.items() for w in words}
_PATTERN = re.compile(r"(?<![\w-])(" + "|".join(sorted(map(re.escape, _WORD), key=len, reverse=True)) + r")(?![\w-])")
# A denied need is a modality, not a denial: "you don't need every skill" says the skills are optional.
NOT_NEEDED = re.compile(r"\b(?:don't|do not|doesn't|does not|didn't|won't|will not) (?:really )?(?:need|have to|has to|"
                        r"require)\b|\bneed(?:s)? not\b|\bno need\b|\bnot (?:necessarily|required|mandatory|needed)\b")
_NAMES = {5: "required of everyone", 4: "required", 3: "essential", 2: "important", 1: "useful or valued", 0: "optional"}
MODAL_MARGIN = 1.0
_SUFFICIENT = re.compile(r"\b(?:one|a single|a few|some)\b[^.;!?]{0,60}\b(?:good enough|enough|sufficient)\b")
_UNIVERSAL = re.compile(r"\b(every|all|each|any)\b")  # modal words are looked for in clauses a word less close than the best match
_OF_ALL = re.compile(r"\b(?:for|of|by|from)\s+(?:all|every|each|any)\b")
# "without going through every resource", "not all of them": the claim asks for less too
_UNDER_NEGATION = re.compile(r"(?:\bwithout|\bnot|n't|\bno need to|\bnever)\s+(?:[\w'-]+\s+){0,3}(?:every|all|each)\b")


def strength(text: str) -> tuple[int, str] | None:
    """The strongest modal word of a text and its level (None when it has none). A denied need
    ("doesn't need") is left to the polarity check."""
    low = fold_quotes(text).lower()
    if NOT_NEEDED.search(low):
        return (0, NOT_NEEDED.search(low).group(0))
    low = re.sub(r"\bhow (?:\w+ )?(?=important|essential|crucial|useful|valuable)", "how ~", low)  # "how important X is"
    low = re.sub(r"~(\w+)", "~", low)
    found = [(_WORD[w], w) for w in _PATTERN.findall(low)]
    return max(found) if found else None


NEUTRAL = 2  # a plain statement or an instruction ("Attend conferences") is as strong as "should"


def overstated(claim_text: str, about: list[Clause], sentences: tuple[str, ...],
               wider: list[Clause] | None = None) -> str:
    """Why the claim is stronger (or much weaker) than the passage clauses it matches ("" if not).
    Stronger by two steps: "must" where the passage says "should" or nothing modal, "essential"
    where it says "useful" or "valued"; "every … needs" is a requirement. "Both" where it says
    "either" is stronger too."""
    mine = strength(claim_text)
    if not about:
        return ""
    low = fold_quotes(claim_text).lower()
    universal = _UNIVERSAL.search(low)
    if mine and mine[0] >= 3 and universal and (universal.start() < low.find(mine[1]) or _OF_ALL.search(low)):
        # a universal says who must ("every ML engineer needs …" is a requirement, "mandatory for
        # all" more), not what ("need to know when each one suits")
        mine = (mine[0] + 1, mine[1])
    passage = " ".join(c.text for c in about).lower()
    if re.search(r"\bboth\b", claim_text.lower()) and re.search(r"\beither\b", passage) and mine:
        return "the guide says either one, not both"
    # "go through every resource first" where the guide says "you don't need to go through them all"
    # or "one resource from each section is good enough": the guide asks for less than "every".
    less = next((m.group(0) for c in about if (m := NOT_NEEDED.search(fold_quotes(c.text).lower())
                                               or _SUFFICIENT.search(fold_quotes(c.text).lower()))), "")
    if less and universal and not (mine and mine[0] == 0) and not _UNDER_NEGATION.search(low):
        return f"the guide asks for less (\u201c{less}\u201d)"
    if mine is None:
        return ""
    # A clause without a modal word takes its sentence's ("engineers should be comfortable with
    # scikit-learn …, and FastAI for rapid prototyping").
    theirs = [s for s in (strength(c.text) or strength(sentences[c.sentence]) for c in about) if s is not None]
    if not theirs and wider and all(len(c.text.split()) <= 5 for c in about):  # headings say nothing of strength
        theirs = [s for s in (strength(c.text) for c in wider) if s is not None]
    level = max(theirs) if theirs else (NEUTRAL, "")
    if mine[0] - level[0] >= 2:
        said = f" (\u201c{level[1]}\u201d)" if level[1] else ""
        return f"the guide says this is {_NAMES[level[0]]}{said}, not {_NAMES[mine[0]]}"
    # Weaker: "not needed" where the passage says "essential", or states it plainly. A passage that
    # only calls it important or valued may be paraphrased as not strictly needed.
    if mine[0] == 0 and (level[0] >= 3 or not theirs) and all(s[0] > 0 for s in theirs) \
            and not _waived(claim_text, sentences):
        said = f" (it calls this \u201c{level[1]}\u201d)" if level[1] else ""
        return f"the guide says the opposite{said}"
    return ""


# What a passage says may be done without ("even without winning", "no need to …", "not necessarily …").
_WAIVER = re.compile(r"\b(?:without|no need (?:to|for)|not necessarily|(?:do|does)n't (?:really )?need(?: to)?|need not)"
                     r"\s+((?:[\w'-]+\s+){0,2}[\w'-]+)")


def _waived(claim_text: str, sentences: tuple[str, ...]) -> bool:
    """The claim's "don't have to win" where the passage itself waives the same thing ("even
    without winning, … is valuable"): the same polarity, not the opposite."""
    denied = NOT_NEEDED.search(fold_quotes(claim_text).lower())
    if not denied:
        return False
    after = re.findall(r"[\w'-]+", fold_quotes(claim_text).lower()[denied.end():])[:3]
    waived = content_stems(" ".join(after))
    if not waived:
        return False
    for sentence in sentences:
        for match in _WAIVER.finditer(fold_quotes(sentence).lower()):
            theirs = {re.sub(r"(\w)\1$", r"\1", w) for w in content_stems(match.group(1))}  # "winn(ing)"
            if any(stem_matches(w, theirs) for w in waived):
                return True
    return False
