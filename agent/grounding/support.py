"""Where a sentence is scored against a passage: how well does the passage support it?

score = SIMILARITY_WEIGHT · cosine + (1 − SIMILARITY_WEIGHT) · overlap, then multiplied down by
each hard check that fails:
- cosine: MiniLM's best match among the passage's sentences and runs of 2–3 of them (their mean
  vector: a summary spans several sentences, and no extra embedding is needed);
- overlap: the share of the sentence's content stems the passage has ("ml", "engineer" and the
  other words every guide uses count a third);
- a number, year or duration the passage does not state (not "the two books" it presents); a name
  (tool, book, course, person, acronym) it does not name (an umbrella term, "MLOps", is named by two
  of its parts); absolute words ("always", "only", "every") the passage does not use;
- what the claim asserts, read against the passage clauses about the same thing
  (`agent.grounding.claims`): the opposite polarity, a stronger modality, a ranking the passage
  does not make, other people than the passage speaks of, a view the passage reports to reject.
Every reason is written for the user ("the guide says the opposite").
Weights and SUPPORT_THRESHOLD were chosen on the even ids of evals/datasets/checker_pairs.jsonl;
`python -m evals.checker` reports both halves."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from agent.grounding import names, polarity, terms
from agent.grounding.claims import read_claim
from agent.grounding.sentences import plain, split_passage
from agent.grounding.vectors import unit

SUPPORT_THRESHOLD = 0.5
SIMILARITY_WEIGHT = 0.6
NUMBER_PENALTY = 0.3     # a count, year or duration the passage does not state
NAME_PENALTY = 0.3       # a tool, book, course or person the passage does not name
CONTAINED_FLOOR = 0.55   # score of a claim whose content words one passage sentence all has
CLAIM_PENALTY = 0.4      # each claim-level finding: opposite, overstated, unranked, other people, rejected
QUALIFIER_PENALTY = 0.75  # "always", "only", "every" … the passage does not say
WINDOW = 3               # longest run of consecutive passage sentences compared as one


@dataclass(frozen=True)
class Support:
    """How well one passage (or the union of the cited ones) supports one claim."""

    score: float
    similarity: float
    overlap: float
    reason: str = ""


@dataclass(frozen=True)
class PassageView:
    """A passage split and indexed once: sentences, content stems, names, numbers."""

    sentences: tuple[str, ...]
    stems: frozenset[str]
    words: frozenset[str]
    numbers: frozenset[float]
    text: str


@dataclass(frozen=True)
class Claim:
    """The parts of an answer sentence the checks look at."""

    text: str
    stems: frozenset[str]
    names: tuple[str, ...]
    numbers: frozenset[float]
    qualifiers: frozenset[str]


# Scope words checked here; rankings and "required" are the claim checks' (comparison, modality).
_SCOPE = frozenset({"all", "always", "only", "usually", "same", "already"})


@lru_cache(maxsize=2048)
def passage_view(passage: str) -> PassageView:
    sentences = tuple(s for s in (plain(x) for x in split_passage(passage)) if s)
    text = " ".join(sentences)
    stems = terms.expand(terms.content_stems(text))
    return PassageView(sentences, frozenset(stems | terms.topics(stems)),
                       frozenset(names.pool(text) | terms.topics(stems)), frozenset(terms.numbers(text)), text)


def claim_of(sentence: str) -> Claim:
    text = plain(sentence)
    return Claim(text, frozenset(terms.content_stems(text)), tuple(names.names(text)),
                 frozenset(terms.numbers(text)), frozenset(polarity.qualifiers(text)))


def merge(views: list[PassageView]) -> PassageView:
    """Several cited passages read as one (a sentence may combine what two of them say)."""
    return PassageView(tuple(s for v in views for s in v.sentences), frozenset().union(*(v.stems for v in views)),
                       frozenset().union(*(v.words for v in views)), frozenset().union(*(v.numbers for v in views)),
                       " ".join(v.text for v in views))


def support(claim: Claim, claim_vector: np.ndarray, view: PassageView, sentence_vectors: np.ndarray) -> Support:
    """Score one claim against one passage view whose sentence vectors are given."""
    if not view.sentences or not claim.stems:
        return Support(0.0, 0.0, 0.0, "nothing to compare")
    sims = sentence_vectors @ claim_vector
    similarity = float(sims.max())
    for size in range(2, min(WINDOW, len(view.sentences)) + 1):  # runs of sentences: their mean vector
        for start in range(len(view.sentences) - size + 1):
            window = unit(sentence_vectors[start:start + size].sum(axis=0))
            similarity = max(similarity, float(window @ claim_vector))
    back = terms.counted_back(claim.text, view.stems)  # "the two books" the passage presents
    stems = claim.stems - {word for word, n in terms.NUMBER_WORDS.items() if n in back}
    overlap = terms.overlap(stems, view.stems)
    score = SIMILARITY_WEIGHT * max(similarity, 0.0) + (1 - SIMILARITY_WEIGHT) * overlap
    if any(all(terms.stem_matches(s, terms.sentence_stems(sentence)) for s in stems) for sentence in view.sentences):
        # Every content word of the claim is in one passage sentence: a short restatement or
        # inference ("the latter is more about LLMs") that MiniLM scores low. The checks below
        # still decide whether it says what that sentence says.
        score = max(score, CONTAINED_FLOOR)

    reasons: list[str] = []
    missing_numbers = sorted(n for n in claim.numbers - back if n not in view.numbers)
    if missing_numbers:
        score *= NUMBER_PENALTY
        reasons.append("the guide does not give the figure " + ", ".join(f"{n:g}" for n in missing_numbers))
    missing_names = [n for n in claim.names if not names.named_in(n, view.words)]
    if missing_names:
        score *= NAME_PENALTY
        reasons.append("the guide does not mention " + ", ".join(missing_names))
    for finding in read_claim(claim.text, view.sentences):
        if finding.check == "listed" and any(name in finding.reason for name in missing_names):
            continue  # the same invented item, already named
        score *= CLAIM_PENALTY
        reasons.append(finding.reason)
    extra = (claim.qualifiers & _SCOPE) - polarity.qualifiers(view.text)
    if extra:
        score *= QUALIFIER_PENALTY ** len(extra)
        reasons.append("the guide does not say " + ", ".join(f"\u201c{q}\u201d" for q in sorted(extra)))
    return Support(score, similarity, overlap, "; ".join(reasons))
