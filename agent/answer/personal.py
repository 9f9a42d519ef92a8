"""Answers for "someone like me": what to learn first, what can wait, what the learner already has.

The order is the plan builder's (agent/plan/order.py over corpus/skills.yaml: prerequisites first,
then the guides' pyramid), so chat and the plan never disagree; the learner is the profile built
from what they said in this conversation (agent/plan/facts.py). Each skill is shown with the
guide sentence behind it in skills.yaml, cited to the passage that holds it (the retrieve node
adds those passages, see `skill_passages`). What the guides themselves say about not needing
everything leads a "what can I skip" answer.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from agent.plan.order import study_order
from agent.plan.phrases import TRACKS
from agent.plan.profile import Profile
from agent.plan.said import skill_mentions
from agent.plan.skillmap import Skill, SkillMap, load_skill_map
from agent.answer.points import is_point
from agent.answer.units import units_of
from ingest.text import cite, listed, normalise

if TYPE_CHECKING:
    from agent.answer.compose import Skeleton
    from agent.answer.units import Unit
    from agent.answer.kind import QuestionKind

FIRST = 3  # skills named under "start with"
LATER = 4  # skills named under "can wait"
NOT_NEEDED = re.compile(r"\b(don'?t need|doesn'?t need|does not necessarily|not necessarily|no more theoretical|"
                        r"good enough to get started|don'?t get tied up|doesn'?t need to have complete)\b", re.I)
SKIP_CLAUSES = re.compile(r"[.?!;,]|\band\b")
SKIP_ASKED = re.compile(r"\b(skip|ignore|leave out|drop)\b", re.IGNORECASE)
BACKGROUNDS = {"software_engineer": "software engineering", "devops_engineer": "DevOps", "data_engineer": "data engineering",
               "qa_engineer": "quality assurance", "data_analyst": "data analysis",
               "data_scientist": "data science", "student": "your studies", "career_changer": "another field"}


def skill_map_of(corpus_dir) -> SkillMap | None:
    """The corpus's skill map, or None for a corpus without one (a user's own documents)."""
    try:
        return load_skill_map(corpus_dir)
    except (OSError, KeyError, TypeError, ValueError):
        return None


def profile_of(facts: dict) -> Profile:
    """The learner as the plan builder sees them; defaults where they said nothing (or said
    something out of range: this is advice, not a plan, so it does not ask back)."""
    try:
        return Profile.from_facts(facts)
    except ValueError:
        return Profile()


def sides_skills(sides: tuple[str, ...], skill_map: SkillMap) -> list[Skill] | None:
    """The skills two sides of an order question name ("PyTorch" → training frameworks), or None
    when a side names none, or both name the same one (PyTorch or TensorFlow: a comparison)."""
    skills = []
    for side in sides[:2]:
        found = [i for i in skill_mentions(side.lower()) if i in skill_map.skills]
        if not found:
            return None
        skills.append(skill_map.skills[found[0]])
    return skills if len(skills) == 2 and skills[0].id != skills[1].id else None


def skills_to_show(facts: dict, kind: QuestionKind, question: str = "",
                   skill_map: SkillMap | None = None) -> dict[str, list[Skill]]:
    """{"have": skills held, "first": next to learn, "later": what can wait}, by the plan's order;
    for an order question, {"first": the two sides' skills}; for "can I skip X?", {"asked": X's skills};
    for "what do I need to learn for computer vision?", the track's `track_path`."""
    skill_map = skill_map or load_skill_map()
    if kind.kind == "list":
        return track_path(kind.topic, facts, skill_map)
    ordered = sides_skills(kind.sides, skill_map) if kind.order else None
    if ordered:
        return {"first": ordered}
    asked = asked_skills(question, skill_map) if kind.skip else []
    if asked:
        return {"asked": asked}
    profile = profile_of(facts)
    order = study_order(profile, skill_map)
    held = [skill_map.skills[s] for s in profile.skills if s in skill_map.skills]
    later = [s for s in order[FIRST:] if s.level == "advanced"][-LATER:] if kind.skip else []
    return {"have": held, "first": order[:FIRST], "later": later}


def asked_skills(question: str, skill_map: SkillMap) -> list[Skill]:
    """The skills the clause asking to skip names ("which maths can I skip?": both maths skills; not
    the Python of "I know Python. What should I learn first, and what can I skip?")."""
    clause = next((c for c in SKIP_CLAUSES.split(question) if SKIP_ASKED.search(c)), "")
    return [skill_map.skills[i] for i in skill_mentions(clause.lower()) if i in skill_map.skills]


def track_of(topic: str) -> str | None:
    """The specialised track a list question's topic names ("computer vision" → cv), or None."""
    return next((track for track, pattern in TRACKS if track != "generalist" and re.search(pattern, topic.lower())), None)


def track_path(topic: str, facts: dict, skill_map: SkillMap) -> dict[str, list[Skill]]:
    """{"first": what comes first on the way, "goal": the track's own skills} for "what do I need to
    learn for computer vision?", by the plan builder's order for this learner with that goal."""
    track = track_of(topic)
    if track is None or track not in skill_map.tracks:
        return {}
    order = study_order(profile_of({**facts, "track": track}), skill_map)
    goal = [s for s in order if s.id in skill_map.tracks[track].goal]
    first = [s for s in order if s not in goal][:FIRST]
    return {"first": first, "goal": goal} if goal else {}


def skill_quotes(skills: list[Skill]) -> list[tuple[str, str]]:
    """(guide file, quote) behind each skill: the passages the retrieve node must bring along."""
    return [(skill.passages[0].guide, skill.passages[0].quote) for skill in skills if skill.passages]


def compose(question: str, kind: QuestionKind, passages: list[dict], ranked: list[tuple[Unit, float]],
            facts: dict, skill_map: SkillMap | None = None) -> Skeleton | None:
    from agent.answer.compose import Skeleton

    if kind.order:
        return _order(kind.sides, passages, facts, skill_map)
    shown = skills_to_show(facts, kind, question, skill_map)
    if "asked" in shown:
        return _skip_named(shown["asked"], passages, ranked, facts, skill_map)
    units = units_of(passages)
    groups: list[tuple[str, list[str]]] = []
    for key, header in (("have", "You already have"), ("first", "Start with"), ("later", "Can wait")):
        skills = shown[key]
        if not skills:
            continue
        quotes = [q for q in (_quote(skill, units) for skill in skills) if q] if key != "later" else []
        groups.append((f"**{header}: {', '.join(s.name for s in skills)}.**", quotes))
    if kind.skip:
        own = [u for u, _ in ranked if NOT_NEEDED.search(u.text)][:2]
        if own:
            groups.append(("**What the guides say you don't need:**", [cite(u.text, u.passage + 1) for u in own]))
    if not any(points for _, points in groups):
        groups.append(("**From the guides:**", [cite(u.text, u.passage + 1) for u, _ in ranked[:3]]))
    return Skeleton(_lead(facts, kind), groups)


def compose_track(topic: str, passages: list[dict], facts: dict, skill_map: SkillMap) -> Skeleton | None:
    """"What would I need to learn for computer vision work?": the way there in the plan builder's
    order (what comes first, then the goal's own skills), each with the guide line behind it."""
    from agent.answer.compose import Skeleton

    path = track_path(topic, facts, skill_map)
    if not path:
        return None
    units = units_of(passages)
    groups = [(f"**{header}: {', '.join(s.name for s in path[key])}.**",
               [q for q in (_quote(s, units) for s in path[key]) if q]) for key, header in (("first", "First"),
                                                                                            ("goal", "Then"))]
    return Skeleton(f"For {topic}, in the order the guides suggest:", groups)  # (a lead-in, not a claim)


def _skip_named(asked: list[Skill], passages: list[dict], ranked: list[tuple[Unit, float]], facts: dict,
                skill_map: SkillMap) -> Skeleton:
    """"Which maths can I skip?": whether the plan's order puts what they name early (the guides
    don't say it can be skipped) or late (it can wait), the guide line behind each, and what the
    guides themselves say about not needing everything."""
    from agent.answer.compose import Skeleton

    profile = profile_of(facts)
    order = study_order(profile, skill_map)
    position = {s.id: i for i, s in enumerate(order)}
    unheld = [s for s in asked if s.id not in profile.skills]
    early = [s for s in unheld if position.get(s.id, len(order)) < len(order) / 2]
    later = [s for s in unheld if s not in early]
    names = {s.id: s.name[:1].lower() + s.name[1:] for s in asked}
    units = units_of(passages)
    groups: list[tuple[str, list[str]]] = []
    if early:
        verb = "come" if len(early) > 1 else "comes"
        groups.append((f"**In the order the guides suggest, {listed([names[s.id] for s in early], 'and')} {verb} early:**",
                       [q for q in (_quote(s, units) for s in early) if q]))
    if later:
        them = "them" if len(later) > 1 else "it"
        groups.append((f"**{_capital(listed([names[s.id] for s in later], 'and'))} can wait: the guides' order puts "
                       f"{them} later:**", [q for q in (_quote(s, units) for s in later) if q]))
    own = [u for u, _ in ranked if NOT_NEEDED.search(u.text)][:2]
    if own:
        groups.append(("**What the guides say you don't need:**", [cite(u.text, u.passage + 1) for u in own]))
    lead = f"The guides don't say you can skip {listed([names[s.id] for s in early], 'or')}." if early else ""
    return Skeleton(lead, groups)


def _order(sides: tuple[str, ...], passages: list[dict], facts: dict, skill_map: SkillMap) -> Skeleton | None:
    """"PyTorch or SQL first?": which of the two the plan's order puts first for this learner, and
    the guide line behind each. None when the sides are not two skills of the map (a comparison)."""
    from agent.answer.compose import Skeleton

    skills = sides_skills(sides, skill_map)
    if skills is None:
        return None
    names = {skill.id: _as_written(side, passages) for side, skill in zip(sides, skills)}
    profile = profile_of(facts)
    held = [s for s in skills if s.id in profile.skills]
    position = {s.id: i for i, s in enumerate(study_order(profile, skill_map))}
    first, second = sorted(skills, key=lambda s: (s in held and -1 or 0, position.get(s.id, len(position)), s.rank))
    if len(held) == 2:
        lead = f"From what you've told me, you already have both {names[first.id]} and {names[second.id]}:"
    elif held:
        lead = f"You already have {names[first.id]}, so {names[second.id]} is the one to learn:"
    elif first.id in _needed_before(second, skill_map):
        lead = f"{_capital(names[first.id])} first, then {names[second.id]}, which builds on it:"
    else:
        lead = f"{_capital(names[first.id])} first, then {names[second.id]}, in the order the guides suggest:"
    units = units_of(passages)  # (each lead ends in ":", a header the checker does not read as a claim)
    shown = (second, first) if len(held) == 1 else (first, second)  # the one to learn leads
    groups = [(f"**{skill.name}:**", [q for q in [_quote(skill, units)] if q]) for skill in shown]
    return Skeleton(lead, groups)


def _needed_before(skill: Skill, skill_map: SkillMap) -> set[str]:
    """Every skill the map puts before `skill`: its prerequisites, theirs, and so on."""
    seen: set[str] = set()
    todo = list(skill.prerequisites)
    while todo:
        current = todo.pop()
        if current not in seen and current in skill_map.skills:
            seen.add(current)
            todo.extend(skill_map.skills[current].prerequisites)
    return seen


def _as_written(side: str, passages: list[dict]) -> str:
    """The side as the guides write a name ("pytorch" → "PyTorch", "sql" → "SQL"), or as the
    learner wrote it (not "Statistics" from a heading)."""
    for passage in passages:
        match = re.search(rf"(?<!\w){re.escape(side)}(?!\w)", passage.get("text", ""), re.IGNORECASE)
        if match and (match.group(0).isupper() or any(c.isupper() for c in match.group(0)[1:])):
            return match.group(0)
    return side


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lead(facts: dict, kind: QuestionKind) -> str:
    """A lead-in that says whom the advice is for (at most 12 words, ending in ":")."""
    background = BACKGROUNDS.get(facts.get("background", ""))
    if background:
        return f"Coming from {background}, here is the order the guides suggest:"
    if facts.get("skills"):
        return "From what you already know, here is the order the guides suggest:"
    return "Here is the order the guides suggest for a beginner:"


def _quote(skill: Skill, units: list[Unit]) -> str | None:
    """The passage sentence holding the skill's guide quote, cited; None when no passage has it."""
    for backing in skill.passages:
        wanted = normalise(backing.quote)
        for unit in units:
            if is_point(unit.text, unit.list_item) and wanted and (wanted in normalise(unit.text) or normalise(unit.text) in wanted):
                return cite(unit.text, unit.passage + 1)
    return None
