"""The answer's skeleton: a first sentence that answers, then cited points grouped by guide section.

The extractive path (--no-llm) shows the skeleton as it is; the embedded model rewrites it into
prose (agent/answer/prompts.py). Every point is one guide sentence, quoted whole with its [n]:
no duplicates (chunks overlap, guides repeat themselves), no lead-ins, rhetorical lines, author
anecdotes or dangling references (agent/answer/points.py). What careerbot writes itself is layout
the checker does not score: bold group headers, lead-ins ending in ":", and honest "the guides
don't say …" lines. The shape follows the question's kind (agent/answer/kind.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from agent.answer import gaps, personal
from agent.answer.kind import QuestionKind
from agent.answer.points import refers_back
from agent.answer.units import Unit, rank_units, units_of
from agent.retrieval.bm25 import expand_query
from ingest.text import STOPWORDS, cite, citations, normalise, split_sentences, stem

RELATIVE_FLOOR = 0.6   # a point scores at least this share of the best one (else it is off the question)
PROSE_LEAD = 0.85       # a list answer leads with a summing-up sentence if it scores this share of the best item
GENERIC = {"ml", "machin", "learn", "ai", "engineer", "model", "data", "skill", "s"}  # words nearly every guide sentence has
WHOLE_LIST_POINTS = 12
MAX_POINTS = {"definition": 4, "list": 6, "how_to": 5, "comparison": 6, "worth_it": 4, "personal": 3}
STANCE = re.compile(r"\b(worth|valuable|value|important|crucial|essential|recommend\w*|highly|good enough|helpful|"
                    r"beneficial|promising|in demand|key|useful|non-negotiable|increasingly|still|gained recognition)\b", re.I)
NO_ANSWER = "The guides don't cover that."


@dataclass
class Skeleton:
    lead: str                                           # the first sentence: it answers
    groups: list[tuple[str, list[str]]] = field(default_factory=list)  # (header, cited points)
    note: str = ""                                      # an honest limit ("The guides don't say …")

    @property
    def limit(self) -> str:
        """The honest "the guides don't say …" line, which a rewrite must keep."""
        return self.note or (self.lead if self.lead.startswith("The guides don't") else "")

    @property
    def points(self) -> list[str]:
        """Every cited sentence, the lead's included (what a follow-up should not just repeat)."""
        lead = [s for s in split_sentences(self.lead) if citations(s)]
        return lead + [point for _, points in self.groups for point in points]

    def render(self, max_words: int | None = None) -> str:
        """Markdown: the lead, an honest limit, then the groups (headers only when there are
        several). `max_words` trims the last points (the model's notes: prefill costs ~12 ms a token)."""
        if max_words is not None and len(self.render().split()) > max_words and len(self.points) > 2:
            last = max(i for i, (_, points) in enumerate(self.groups) if points)
            fewer = [(header, points[:-1] if i == last else points) for i, (header, points) in enumerate(self.groups)]
            fewer = [(header, points) for header, points in fewer if points or ":" in header]
            return Skeleton(self.lead, fewer, self.note).render(max_words)
        parts = [line for line in (self.lead, self.note) if line]
        headed = len(self.groups) > 1 or any(header.startswith("**") and ":" in header for header, _ in self.groups)
        for header, points in self.groups:
            if not points and not header:
                continue
            lines = ([header] if headed and header else []) + [f"- {p}" for p in points]
            parts.append("\n".join(lines))
        return "\n\n".join(parts).strip() or NO_ANSWER


def compose(question: str, kind: QuestionKind, passages: list[dict], profile: dict | None = None,
            previous: list[str] = (), skill_map=None) -> Skeleton:
    """The skeleton answering `question` from `passages` (1-based [n] = position in the list).
    `previous` holds the last answer's points: a follow-up says something new where it can."""
    skeleton = _compose(question, kind, passages, profile, previous, skill_map)
    return skeleton if skeleton.note or skeleton.render() == NO_ANSWER else gaps.filled(question, passages, skeleton)


def _compose(question: str, kind: QuestionKind, passages: list[dict], profile: dict | None,
             previous: list[str], skill_map) -> Skeleton:
    relevance = [float(p.get("score") or 0.0) for p in passages]
    ranked = rank_units(expand_query(question), units_of(passages), previous, relevance)
    if kind.kind == "personal" and skill_map is not None:
        return personal.compose(question, kind, passages, ranked, profile or {}, skill_map)
    if not ranked:
        return Skeleton(NO_ANSWER)
    if kind.kind == "personal":  # no skill map to read: answer as a how-to
        kind = QuestionKind("how_to")
    if kind.kind == "comparison":
        return _comparison(question, kind, ranked)
    if str(passages[0].get("id", "")).endswith("+list"):  # agent/answer/context.py merged a list: it is the answer
        return _whole_list(ranked)
    if kind.kind == "worth_it":
        return _worth_it(question, kind, _pick(ranked, 2 * MAX_POINTS["worth_it"]))
    picked = _pick(ranked, MAX_POINTS[kind.kind])
    return _led(picked, prose=kind.kind == "list")


def _whole_list(ranked: list[tuple[Unit, float]]) -> Skeleton:
    """The first passage's list, item by item under its sub-headings, led by its best prose sentence."""
    own = [(u, v) for u, v in ranked if u.passage == 0]
    prose = [(u, v) for u, v in own if not u.list_item]
    if not prose:
        return _led(_pick(ranked, MAX_POINTS["list"]), prose=True)
    lead = _lead(prose)
    quoted = {normalise(text) for text in (*lead.before, lead.text)}
    items = sorted((u for u, _ in own if u.list_item and normalise(u.text) not in quoted),
                   key=lambda u: u.position)[:WHOLE_LIST_POINTS]
    if len(items) < 2:
        return _led(_pick(ranked, MAX_POINTS["list"]), prose=True)
    return Skeleton(_cited(lead), _grouped(items))


def _led(picked: list[tuple[Unit, float]], prose: bool = False) -> Skeleton:
    lead = _lead(picked, prose)
    quoted = {normalise(text) for text in (*lead.before, lead.text)}
    return Skeleton(_cited(lead), _grouped([u for u, _ in picked if normalise(u.text) not in quoted]))


def _lead(picked: list[tuple[Unit, float]], prose: bool = False) -> Unit:
    """The best point, and for a list a sentence that sums the list up rather than one of its
    items; never a sentence that needs its section heading to make sense."""
    standalone = [(u, v) for u, v in picked if not (refers_back(u.text) and not u.before)] or picked[:1]
    best_unit, best = standalone[0]
    if prose:
        return next((u for u, v in standalone if not u.list_item and v >= PROSE_LEAD * best), best_unit)
    return best_unit


def _pick(ranked: list[tuple[Unit, float]], limit: int) -> list[tuple[Unit, float]]:
    """The best points above the relative floor; a sentence already quoted in front of a
    back-reference is not repeated on its own."""
    floor = ranked[0][1] * RELATIVE_FLOOR
    chosen = [pair for pair in ranked if pair[1] >= floor][:limit]
    carried = {normalise(text) for unit, _ in chosen for text in unit.before}
    return [pair for pair in chosen if normalise(pair[0].text) not in carried]


def _uncarried(units: list[Unit]) -> list[Unit]:
    """Without the units another one already quotes in front of its back-reference."""
    carried = {normalise(text) for unit in units for text in unit.before}
    return [u for u in units if normalise(u.text) not in carried]


def _grouped(units: list[Unit]) -> list[tuple[str, list[str]]]:
    """Points grouped by guide section, groups in order of their best point, points in guide order."""
    units = _uncarried(units)
    groups: dict[str, list[Unit]] = {}
    for unit in units:
        groups.setdefault(unit.group, []).append(unit)
    return [(f"**{name}**", [_cited(u) for u in sorted(members, key=lambda u: (u.passage, u.position))])
            for name, members in groups.items()]


def _comparison(question: str, kind: QuestionKind, ranked: list[tuple[Unit, float]]) -> Skeleton:
    """What the guides say about each side; a sentence naming both sides leads when there is one."""
    sides = kind.sides[:2]
    about = {side: sorted((u for u, _ in ranked if _mentions(u.text + " " + u.group, side)),
                          key=lambda u: not u.opens_group) for side in sides}  # a section's opening defines it
    both = [u for u, _ in ranked if all(u in about[side] for side in sides)]
    narrowing = re.search(r"which (?:one|of (?:them|the two|those|these))\s+(.+?)\W*$", question, re.I)
    groups = [(f"**{side[0].upper() + side[1:]}**", [_cited(u) for u in _uncarried(about[side]) if u not in both][:3])
              for side in sides]
    groups = [(header, points) for header, points in groups if points]
    if narrowing:
        extra = _stems(narrowing.group(1)) - {"one", "more", "less", "better"}
        relevant = [u for u, _ in ranked if extra & _stems(u.text)][:3]
        note = f"The guides don't say which of {sides[0]} and {sides[1]} {narrowing.group(1).strip()}."
        lead = next((u for u in relevant if any(u in about[s] for s in sides)), None)
        if lead:
            return Skeleton(_cited(lead), _grouped([u for u in relevant if u != lead]))
        return Skeleton(note, [("**What they do say:**", [_cited(u) for u in relevant or [ranked[0][0]]])])
    if both:
        note = "" if groups else f"The guides don't say more about {sides[0]} versus {sides[1]}."
        if both[1:3]:
            groups.insert(0, (f"**{sides[0]} and {sides[1]}**", [_cited(u) for u in both[1:3]]))
        return Skeleton(_cited(both[0]), groups, note)
    if not groups:
        picked = [u for u, _ in _pick(ranked, 3)]
        return Skeleton(f"The guides don't say how {sides[0]} and {sides[1]} compare.",
                        [("**What they do say:**", [_cited(u) for u in picked])])
    return Skeleton("Here is how the guides describe each:", groups)


def _worth_it(question: str, kind: QuestionKind, picked: list[tuple[Unit, float]]) -> Skeleton:
    """The guides' stance when they take one; otherwise say so, and what they do say."""
    topic = _stems(kind.topic) - GENERIC
    units = [u for u, _ in picked if not topic or topic & _stems(u.text)] or [u for u, _ in picked]
    stances = [u for u in units if STANCE.search(u.text) and not (refers_back(u.text) and not u.before)
               and (not topic or topic & _stems(u.text))]
    stance = max(stances, key=lambda u: len(topic & _stems(u.text)), default=None)
    units = units[:MAX_POINTS["worth_it"]]
    if stance:
        return Skeleton(_cited(stance), _grouped([u for u in units if u != stance]))
    verb = "are" if re.match(r"\W*are\b", question, re.I) else "is"  # "are certifications worth it?"
    what = f"whether {kind.topic} {verb} worth it" if kind.topic else "that directly"
    if kind.topic and re.search(r"\b(need|have to|required|necessary)\b", question, re.I):
        what = f"whether you need {kind.topic}"
    return Skeleton(f"The guides don't say {what}.", [("**What they do say:**", [_cited(u) for u in units])])


def _mentions(text: str, side: str) -> bool:
    wanted = _stems(side)
    return bool(wanted) and wanted <= _stems(text)


def _stems(text: str) -> set[str]:
    words = re.findall(r"[a-z0-9][a-z0-9+#]*", text.lower().replace("machine learning", "ml"))
    return {stem(w).rstrip("e") for w in words if w not in STOPWORDS}  # "degrees"→"degre" meets "degree"


def _cited(unit: Unit) -> str:
    return " ".join(cite(text, unit.passage + 1) for text in (*unit.before, unit.text))
