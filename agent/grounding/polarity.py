"""Whether a sentence says the opposite of a passage sentence, or says more than it does.

A flipped "not", "weak" for "strong" or an added "always" keeps a sentence close to its source
for MiniLM; these word lists catch what the vectors miss."""

from __future__ import annotations

import re

from agent.grounding.terms import fold_quotes, overlap, sentence_stems, stem, words

_NEGATION = re.compile(
    r"\b(not|no|never|none|nothing|neither|nor|without|cannot|rarely|hardly|seldom|barely|skip|ignore|"
    r"unnecessary|optional|irrelevant|unimportant|useless|pointless|overrated|"
    r"stop|stops|stopped|cease|ceases|no longer|avoid|avoids|against|discourage[sd]?|unrelated|"
    r"didnt|dont|doesnt|isnt|arent|cant|wont)\b|n't\b|(?<!\ba )\b(?:little|few)\b")
# Double negatives read as positive: "don't underestimate", "not only", "never stop learning".
_NOT_NEGATION = re.compile(
    r"(?:\bnot|n't|\bnever|\bno)\s+(?:\w+\s+)?(?:underestimate|forget|ignore|overlook|neglect|stops?|"
    r"give up|hesitate|miss|doubt|replaces?|substitutes?)\b|\bnot (?:only|just|merely)\b|\bno doubt\b|\bno matter\b")

_OPPOSITES = [
    ("strong", "weak"), ("high", "low"), ("more", "less"), ("more", "fewer"), ("increase", "decrease"),
    ("grow", "shrink"), ("grow", "decline"), ("easy", "hard"), ("easy", "difficult"), ("clean", "messy"),
    ("essential", "optional"), ("crucial", "minor"), ("important", "unimportant"), ("supervised", "unsupervised"),
    ("labeled", "unlabeled"), ("before", "after"), ("always", "sometimes"), ("must", "optional"),
    ("simple", "complex"), ("large", "small"), ("better", "worse"), ("advanced", "basic"),
    ("rare", "common"), ("rarely", "often"), ("increasingly", "less"), ("increasingly", "decreasingly"),
    ("increasing", "decreasing"), ("rarely", "usually"), ("shortage", "surplus"), ("grow", "drop"),
    ("skyrocketed", "dropped"), ("unprecedented", "dropped"), ("rise", "decline"),
]
OPPOSITE: dict[str, set[str]] = {}
for _a, _b in _OPPOSITES:
    OPPOSITE.setdefault(_a, set()).add(_b)
    OPPOSITE.setdefault(_b, set()).add(_a)

# Absolute, comparative and frequency words that turn a mild statement into a strong, often
# unsupported one; words of one group stand in for each other ("every"/"all", "mostly"/"typically").
_QUALIFIER_GROUPS = {
    "all": "every all any", "always": "always", "only": "only solely exclusively", "best": "best",
    "most": "most majority", "require": "required require requires mandatory", "guarantee": "guarantee guaranteed",
    "usually": "usually typically generally mostly mainly primarily largely often routinely commonly",
    "same": "same", "already": "already",
}
QUALIFIERS = {word: group for group, members in _QUALIFIER_GROUPS.items() for word in members.split()}
_COMPARISON = re.compile(r"\b(more|less|fewer|better|worse|rather|other|[a-z]{3,}er)(?:\s+[a-z]+)?\s+than\b")
_QUALIFIER = re.compile(r"\b(" + "|".join(QUALIFIERS) + r")\b")
_SUPERLATIVE = re.compile(r"\b[a-z]{3,}est\b")
_NOT_SUPERLATIVE = frozenset("""interest suggest request invest honest forest manifest contest digest harvest modest
protest guest west earnest quest arrest chest attest ingest pest nest priest rest crest unrest conquest behest
inquest midwest backtest pretest retest""".split())


# Cues that hedge or scope rather than deny ("without a degree", "rarely", "not yet"): a clause
# whose only negation is one of these may be read either way.
_WEAK = re.compile(r"\b(without|rarely|hardly|seldom|barely|few|little|not yet|no more \w+ than|other than)\b")


def weakly_negated(text: str) -> bool:
    """Negated only through a hedging cue ("even without winning", "rarely comes clean")."""
    low = re.sub(r"\s+", " ", fold_quotes(text).lower())
    return negated(text) and not negated(_WEAK.sub(" ", low))


def negated(text: str) -> bool:
    """Whether the text denies rather than asserts (double negatives count as asserting)."""
    low = re.sub(r"\s+", " ", fold_quotes(text).lower())
    low = _NOT_NEGATION.sub(" ", low)
    return bool(_NEGATION.search(low))


_CLAUSE = re.compile(r"\s+[-–—]\s+|;\s*|:\s+|,?\s+(?:but|while|whilst|whereas|though|although)\s+")


def agrees(claim_negated: bool, claim_stems: frozenset[str], sentence: str) -> bool:
    """Same polarity as the passage sentence, or as its clause that shares most of the claim's
    words ("Don't get tied up in choosing - just go with LangGraph" is negated, but the clause
    that "Go with LangGraph" paraphrases is not)."""
    if negated(sentence) == claim_negated:
        return True
    clauses = [c for c in _CLAUSE.split(sentence) if c.strip()]
    if len(clauses) < 2:
        return False
    return negated(max(clauses, key=lambda c: overlap(claim_stems, sentence_stems(c)))) == claim_negated


def opposites(sentence: str, passage: str) -> list[str]:
    """Words of the sentence whose opposite the passage uses instead ("weak" against "strong")."""
    mine, theirs = _plain_words(sentence), _plain_words(passage)
    return sorted(word for word in mine if word in OPPOSITE and word not in theirs and OPPOSITE[word] & theirs)


def _plain_words(text: str) -> set[str]:
    raw = set(words(text))
    return raw | {stem(w) for w in raw}


def qualifiers(text: str) -> set[str]:
    """The absolute, comparative and superlative words of a text, grouped ("every" and "all" are one)."""
    low = fold_quotes(text).lower()
    found = {QUALIFIERS[word] for word in _QUALIFIER.findall(low)}
    found |= {f"{word} than" for word in _COMPARISON.findall(low)}
    superlatives = {w for w in _SUPERLATIVE.findall(low) if w not in _NOT_SUPERLATIVE and w not in QUALIFIERS}
    return found | superlatives
