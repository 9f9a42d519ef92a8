"""A passage's sentences as units an answer can quote, and their ranking against the question.

A unit is one guide sentence with where it sits (passage, heading, list item or prose). Ranking
mixes how well a sentence answers the question (agent/grounding/evidence.py) with how relevant its
passage is, drops duplicates (overlapping chunks, guides repeating themselves) and sentences that
cannot stand alone (agent/answer/points.py), and quotes a back-reference ("These certifications…")
together with the sentence it refers to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from agent.answer.points import is_point, refers_back, without_interjection
from agent.grounding.evidence import rank_sentences
from agent.grounding.vectors import vectors
from ingest.documents import SECTION_SEPARATOR
from ingest.text import LIST_MARKER, normalise, split_sentences

# A sentence's score mixes how well it answers the question (agent/grounding/evidence.py) with how
# relevant its passage is (its share of the best passage's relevance): "Linear algebra, calculus,
# probability, and statistics form the foundation…" says little to MiniLM about "how much math do I
# need?", but it sits in the passage most about it.
PASSAGE_WEIGHT = 0.25
PREVIOUS_PENALTY = 0.8  # a point the last answer made counts for less: a follow-up leads with something new
DUPLICATE = 0.9       # cosine above which two sentences say the same thing
MACHINE_MADE = re.compile(r"\) is named in \"|^\s*Link:|^[\w &]+\.$", re.IGNORECASE)  # ingest/resources.py's lines


@dataclass(frozen=True)
class Unit:
    """One sentence of a passage, as the guide wrote it."""

    passage: int      # 0-based passage index
    position: int     # order inside the passage
    text: str
    list_item: bool
    group: str        # the heading it sits under (sub-heading of a merged list, else the section)
    opens_group: bool = False  # first sentence under its heading: "These are…" there means the heading
    before: tuple[str, ...] = ()  # the sentences a back-reference needs in front of it, quoted with it


def units_of(passages: list[dict]) -> list[Unit]:
    """Every sentence of every passage, line by line (chunks keep one unit a line)."""
    units: list[Unit] = []
    for index, passage in enumerate(passages):
        group = _section_name(passage) if passage.get("kind") != "resource" else "Resources the guides name"
        position, opened = 0, True
        for line in passage["text"].splitlines():
            heading = re.match(r"^#{1,6}\s+(.*)$", line.strip())
            if heading:
                group, opened = heading.group(1).strip(), True
                continue
            item = bool(LIST_MARKER.match(line))
            if passage.get("kind") == "resource" and (MACHINE_MADE.search(line) or not position and not item
                                                      and line.strip() == passage.get("title")):
                continue  # a resource entry is shown as the guide wrote it: its note, not careerbot's record
            for sentence in split_sentences(line.strip()):
                units.append(Unit(index, position, without_interjection(sentence.strip()), item, group, opened))
                position, opened = position + 1, False
        if passage.get("kind") == "resource" and not any(u.passage == index and is_point(u.text) for u in units):
            # The guide's line before the entry was a lead-in ("I highly recommend:"): the entry is its name.
            units.append(Unit(index, position, passage.get("title", ""), True, group, opened))
    return units


def rank_units(question: str, units: list[Unit], previous: list[str],
            relevance: list[float] = ()) -> list[tuple[Unit, float]]:
    """Quotable units scored against the question, best first, duplicates and repeats dropped."""
    usable = [u for u in units if is_point(u.text, u.list_item)]
    best = max(relevance, default=0.0) or 1.0

    def score(candidate) -> float:
        share = relevance[usable[candidate.passage].passage] / best if relevance else 1.0
        return (1 - PASSAGE_WEIGHT) * candidate.score + PASSAGE_WEIGHT * share

    scored = sorted(((usable[c.passage], score(c)) for c in rank_sentences(question, [u.text for u in usable])),
                    key=lambda pair: -pair[1])
    said = {normalise(p) for p in previous}
    if said:
        scored = sorted(((u, v * PREVIOUS_PENALTY if normalise(u.text) in said else v) for u, v in scored),
                        key=lambda pair: -pair[1])
    ranked: list[tuple[Unit, float]] = []
    seen: set[str] = set()
    kept_vectors = []
    for unit, value in scored:
        key = normalise(unit.text)
        vector = vectors([unit.text])[0]
        if key in seen or any(float(vector @ other) > DUPLICATE for other in kept_vectors):
            continue
        if refers_back(unit.text) and not unit.opens_group:
            chain = _chain(unit, usable)
            if chain is None:
                continue
            unit = replace(unit, before=chain)
        seen.add(key)
        kept_vectors.append(vector)
        ranked.append((unit, value))
    return ranked


def _chain(unit: Unit, usable: list[Unit], depth: int = 2) -> tuple[str, ...] | None:
    """The sentences before a back-reference up to one that stands alone ("For AWS, certifications
    like…" before "These certifications…"), or None when there is none within `depth`."""
    chain: list[str] = []
    current = unit
    for _ in range(depth):
        before = next((u for u in usable if u.passage == current.passage and u.position == current.position - 1), None)
        if before is None:
            return None
        chain.insert(0, before.text)
        if not refers_back(before.text) or before.opens_group:
            return tuple(chain)
        current = before
    return None


def _section_name(passage: dict) -> str:
    section = (passage.get("section") or passage.get("title") or "").rsplit(SECTION_SEPARATOR, 1)[-1]
    return re.sub(r"^\d+\.\s*", "", section).strip() or passage.get("title", "")
