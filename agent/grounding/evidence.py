"""Evidence sentences: the few sentences of each passage that answer the question, so the small
LLM reads ~160 words instead of four whole chunks (prefill is the slow part on two cores)."""

from __future__ import annotations

from dataclasses import dataclass

from agent.grounding import terms
from agent.grounding.sentences import plain, split_passage
from agent.grounding.vectors import vectors

QUESTION_SIMILARITY_WEIGHT = 0.7  # the rest is the share of the question's words the sentence has
MIN_WORDS = 4                     # shorter pieces ("Let's fix that!") carry no evidence


@dataclass(frozen=True)
class Candidate:
    """One passage sentence scored against the question."""

    passage: int   # 0-based index into the passages
    position: int  # index of the sentence inside its passage
    text: str
    score: float

    @property
    def words(self) -> int:
        return len(self.text.split())


def rank_sentences(question: str, passages: list[str]) -> list[Candidate]:
    """Every usable sentence of every passage, best first. Lead-ins ending in ":" and fragments are
    left out. The sentence vectors land in the cache the answer check reads later."""
    units = [(i, j, text) for i, passage in enumerate(passages)
             for j, text in enumerate(plain(s) for s in split_passage(passage)) if text]
    if not units:
        return []
    matrix = vectors([question] + [text for _, _, text in units])
    asked = terms.sentence_stems(question)
    candidates = []
    for (i, j, text), vector in zip(units, matrix[1:]):
        if text.endswith(":") or len(text.split()) < MIN_WORDS:
            continue
        pool = terms.sentence_stems(text)
        shared = terms.overlap(asked, pool)
        score = QUESTION_SIMILARITY_WEIGHT * float(vector @ matrix[0]) + (1 - QUESTION_SIMILARITY_WEIGHT) * shared
        candidates.append(Candidate(i, j, text, score))
    return sorted(candidates, key=lambda c: (-c.score, c.passage, c.position))


def select_evidence(question: str, passages: list[str], max_sentences: int = 3,
                    max_words: int = 160) -> list[list[str]]:
    """Per passage, its best sentences in passage order. Every passage first gets its single best
    sentence (so each citation number has something behind it), then the best of the rest fill
    up to `max_sentences` per passage and `max_words` in all. The first sentence is taken even
    when it alone is longer than the budget."""
    ranked = rank_sentences(question, passages)
    chosen: list[Candidate] = []
    used = 0
    firsts = {}
    for candidate in ranked:
        firsts.setdefault(candidate.passage, candidate)
    for candidate in sorted(firsts.values(), key=lambda c: c.passage):
        if not chosen or used + candidate.words <= max_words:
            chosen.append(candidate)
            used += candidate.words
    for candidate in ranked:
        per_passage = sum(c.passage == candidate.passage for c in chosen)
        if candidate in chosen or per_passage >= max_sentences or used + candidate.words > max_words:
            continue
        chosen.append(candidate)
        used += candidate.words
    return [[c.text for c in sorted(chosen, key=lambda c: c.position) if c.passage == i]
            for i in range(len(passages))]
