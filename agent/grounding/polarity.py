"""The word lists of polarity: whether a text denies (negations, discouragement, hedges), which
words are opposites, and which absolute or ranking words it uses.

A flipped "not", "weak" for "strong" or an added "always" keeps a sentence close to its source
for MiniLM; these word lists catch what the vectors miss. `agent.grounding.claims` applies them
clause by clause to what a claim is about."""

from __future__ import annotations

import re

from agent.grounding.terms import fold_quotes, stem, words

_NEGATION = re.compile(
    r"\b(not|no|never|none|nothing|neither|nor|without|cannot|rarely|hardly|seldom|barely|skip|ignore|"
    r"lack|lacks|lacking|shortage|unnecessary|optional|irrelevant|unimportant|useless|pointless|overrated|"
    r"stop|stops|stopped|cease|ceases|no longer|avoid|avoids|against|discourage[sd]?|unrelated|"
    r"didnt|dont|doesnt|isnt|arent|cant|wont)\b|n't\b|(?<!\ba )\b(?:little|few)\b")
# Double negatives read as positive: "don't underestimate", "not only", "never stop learning".
_NOT_NEGATION = re.compile(
    r"(?:\bnot|n't|\bnever|\bno)\s+(?:\w+\s+)?(?:underestimate|forget|ignore|overlook|neglect|stops?|"
    r"give up|hesitate|miss|doubt|replaces?|substitutes?)\b|\bnot (?:the )?(?:only|just|merely)\b|\bno doubt\b|\bno matter\b")

_OPPOSITES = [
    ("strong", "weak"), ("high", "low"), ("more", "less"), ("more", "fewer"), ("increase", "decrease"),
    ("grow", "shrink"), ("grow", "decline"), ("easy", "hard"), ("easy", "difficult"), ("clean", "messy"),
    ("essential", "optional"), ("crucial", "minor"), ("important", "unimportant"), ("supervised", "unsupervised"),
    ("labeled", "unlabeled"), ("before", "after"), ("always", "sometimes"), ("must", "optional"),
    ("simple", "complex"), ("large", "small"), ("better", "worse"), ("advanced", "basic"),
    ("rare", "common"), ("rarely", "often"), ("increasingly", "less"), ("increasingly", "decreasingly"),
    ("increasing", "decreasing"), ("rarely", "usually"), ("shortage", "surplus"), ("grow", "drop"),
    ("skyrocketed", "dropped"), ("unprecedented", "dropped"), ("rise", "decline"),
    # who made it and who used it: the author read the book, not wrote it
    ("read", "wrote"), ("read", "write"), ("read", "written"), ("read", "authored"),
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
    "usually": "usually typically generally mostly mainly primarily often routinely commonly",
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
_WEAK = re.compile(r"\b(without|rarely|hardly|seldom|barely|few|little|not yet|no more \w+ than|other than|"
                   r"lack|lacks|lacking|shortage)\b")
# In a claim only these hedge: "rarely useful" or "little difference" deny what they qualify.
_HEDGE = re.compile(r"\b(without|with no|not yet|no more \w+ than|other than)\b")


# A part for the whole: "only watched part of it" says what "didn't watch it completely" says.
PARTIAL = re.compile(r"\bonly\s+(?:\w+\s+)?(?:part|partly|partially|some|half)\b")  # "only (watched) part of"


def without_hedges(text: str) -> str:
    """The claim with its hedging cues taken out ("without a degree", "not yet mature")."""
    return _HEDGE.sub(" ", re.sub(r"\s+", " ", fold_quotes(text).lower()))


def weakly_negated(text: str) -> bool:
    """A passage clause negated only through a hedging cue ("even without winning", "rarely comes
    clean", "the shortage … continues"): it may be paraphrased either way."""
    return negated(text) and not negated(_WEAK.sub(" ", re.sub(r"\s+", " ", fold_quotes(text).lower())))


def negated(text: str) -> bool:
    """Whether the text denies rather than asserts (double negatives count as asserting)."""
    low = re.sub(r"\s+", " ", fold_quotes(text).lower())
    low = _NOT_NEGATION.sub(" ", low)
    return bool(_NEGATION.search(low))


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
    low = re.sub(r"(?:\bnot|n't|\bnever|\bwithout|\bno)\s+(?:\w+\s+){0,2}any\b", " ", low)  # "don't write any": not "all"
    low = re.sub(r"\bnot (?:the |just the )?only\b|\bonly\s+(?=(?:\w+\s+)?(?:part|partly|partially|some|half)\b)", " ", low)  # "not the only route"
    found = {QUALIFIERS[word] for word in _QUALIFIER.findall(low)}
    found |= {f"{word} than" for word in _COMPARISON.findall(low)}
    superlatives = {w for w in _SUPERLATIVE.findall(low) if w not in _NOT_SUPERLATIVE and w not in QUALIFIERS}
    return found | superlatives
