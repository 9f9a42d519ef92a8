"""What a claim is about, and which passage clauses speak of the same thing.

A claim check compares a sentence with the passage clauses that share its subject, never with the
passage as a bag of words: "it is not recommended" is read against "just go with LangGraph or
CrewAI", not against "don't get tied up in choosing the best framework" two clauses earlier."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from agent.grounding import names as name_finder
from agent.grounding.terms import DOMAIN, DOMAIN_WEIGHT, fold_quotes, sentence_stems, stem, stem_matches, words

# Clause boundaries: dashes, semicolons, colons, brackets, ", and", contrastive conjunctions, and
# sentence ends the sentence splitter leaves inside a passage ("… all! 😇 Also …").
_CLAUSE = re.compile(r"\s+[-–—]\s+|;\s*|:\s+|\s*\(|\)\s*|,\s+and\s+|[.!?]+\s+(?:[^\w\s]+\s+)?(?=[A-Z'\"])|"
                     r"(?:^|,?\s+)(?i:but|while|whilst|whereas|though|although|because|even if|even though)\s+|,\s+(?i:yet|since)\s+|,\s+(?=(?:they|it|you|we|this|these|i)\s)")
# A leading condition ("If you're not from a software engineering background, start with …").
_CONDITION = re.compile(r"^((?:if|when|once|unless)\b[^,]{3,80}),\s+", re.IGNORECASE)
NAME_WEIGHT = 2.0   # a shared tool or book name says more about the subject than a shared word
LIGHT_WEIGHT = 0.25  # a shared light word ("need", "go", "through", "all") tips a tie
# Words too common to say what a clause is about, even as a tie-breaker.
_TRIVIAL = frozenset("""a an the of to in on for and or is are be been was were it its this that these those with
as by at from you your i my me we our they their them he she his her not no do does don't can""".split())
MARGIN = 0.34       # clauses this close to the best match are about the same thing too (a third of a word)


@dataclass(frozen=True)
class Clause:
    """One clause of a passage sentence, with where it sits (for pronouns that point back)."""

    text: str
    sentence: int
    stems: frozenset[str]
    words: frozenset[str]  # every word, for the light words a claim shares ("go through all")


@lru_cache(maxsize=8192)
def clauses(sentence: str) -> tuple[str, ...]:
    """The clauses of a sentence, in order; a sentence without boundaries is one clause."""
    text = _CONDITION.sub(r"\1; ", fold_quotes(sentence))
    parts = [p.strip(" ,.!?") for p in _CLAUSE.split(text)]
    return tuple(p for p in parts if p) or (sentence,)


# "even if you never win", "even on days you don't …": a concession, not what the claim asserts;
# "X, not Y" and "X rather than Y" deny Y only as a contrast: the claim's assertion is X.
_CONCESSION = re.compile(r",?\s*\beven (?:if|when|on|though|without)\b[^,;]*", re.IGNORECASE)
_CONTRAST = re.compile(r"(?:,\s+not|,?\s+rather than|,?\s+instead of)\s+(?!only|just|merely)[^,;]*$", re.IGNORECASE)


def asserted(text: str) -> str:
    """What a claim asserts: without its concessions and the contrasts it denies."""
    return _CONTRAST.sub("", _CONCESSION.sub("", text)) or text


def claim_clauses(text: str) -> list[tuple[str, frozenset[str]]]:
    """The claim's clauses with their stems; a clause with no content of its own ("but it is not
    recommended") is about what the clause before it is about, so it takes that clause's stems."""
    out: list[tuple[str, frozenset[str]]] = []
    for part in clauses(text):
        stems = sentence_stems(part)
        if len(stems) < 2 and out:
            stems = stems | out[-1][1]
        out.append((part, stems))
    return out


def passage_clauses(sentences: tuple[str, ...]) -> tuple[Clause, ...]:
    return _passage_clauses(sentences)


# A short clause that speaks of "it" or "them" ("I didn't watch it completely") is about what
# the clause before it named ("this nice 25 hours long YouTube video").
_POINTS_BACK = re.compile(r"\b(?:it|them)\b(?!'s|\s+is\b)", re.IGNORECASE)
POINTING_STEMS = 4  # longer clauses name their own subject


@lru_cache(maxsize=2048)
def _passage_clauses(sentences: tuple[str, ...]) -> tuple[Clause, ...]:
    out: list[Clause] = []
    for i, s in enumerate(sentences):
        for part in clauses(s):
            stems = sentence_stems(part)
            if out and len(stems) <= POINTING_STEMS and _POINTS_BACK.search(fold_quotes(part)):
                stems = stems | out[-1].stems
            out.append(Clause(part, i, stems, frozenset(words(part))))
    return tuple(out)


def shared(stems: frozenset[str], names: frozenset[str], clause: Clause, rarity: dict[str, float],
           name_weight: float = NAME_WEIGHT) -> float:
    """Weighted count of the claim's stems the clause has: names count double, domain words a
    third, and a word most clauses of the passage share counts less than one only this clause has."""
    total, specific = 0.0, False
    for s in stems:
        if _has(s, clause.stems):
            total += (name_weight if s in names else DOMAIN_WEIGHT if s in DOMAIN else 1.0) * rarity.get(s, 1.0)
            specific = specific or s not in DOMAIN
    return total if specific else 0.0  # sharing only "ML engineer" is not speaking of the same thing


def _rarity(stems: frozenset[str], passage: tuple[Clause, ...]) -> dict[str, float]:
    """Per claim stem: 1.0 when one passage clause has it, down to 0.5 when every clause does."""
    out = {}
    for s in stems:
        share = sum(_has(s, c.stems) for c in passage) / len(passage)
        out[s] = 1.0 - 0.5 * max(0.0, share - 1 / len(passage))
    return out


@lru_cache(maxsize=65536)
def _has(stem: str, pool: frozenset[str]) -> bool:
    """`stem_matches`, cached: the same claim words meet the same passage clauses many times."""
    return stem_matches(stem, pool) or (stem.endswith("e") and stem_matches(stem[:-1], pool))


@lru_cache(maxsize=4096)
def _named(text: str) -> frozenset[str]:
    return frozenset(w for n in name_finder.names(text) for w in re.findall(r"[a-z0-9]+", n.lower()))


def about(stems: frozenset[str], text: str, passage: tuple[Clause, ...],
          ignore: frozenset[str] = frozenset(), margin: float = MARGIN, name_weight: float = NAME_WEIGHT) -> list[Clause]:
    """The passage clauses that speak of what the claim clause speaks of: those sharing about as
    much of it as the best one, within `margin` (empty when no clause shares a content word).
    `ignore` leaves words out of the match (the roles check matches on what is said, not of whom)."""
    stems = stems - ignore
    named = _named(text)
    rarity = _rarity(stems, passage) if passage else {}
    light = frozenset(w for w in words(text) if w not in _TRIVIAL and stem(w) not in stems) - stems  # not "frameworks" again
    scored = [(shared(stems, named, c, rarity, name_weight) + LIGHT_WEIGHT * len(light & c.words), c) for c in passage]
    best = max((s for s, _ in scored), default=0.0)
    if best < 0.75:
        return []
    return [c for s, c in scored if s >= best - margin]
