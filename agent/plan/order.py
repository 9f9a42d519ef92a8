"""What a plan works on, goal first: the goal's skills, their prerequisites at essentials depth, and the rest.

The guides say a learner does not need every skill at full depth before the next ("Even understanding
the content of one resource from each section is good enough to get started"; for LLMs and agents
"the best way to learn them ... is by doing them"). So the plan is two queues of work items:

- the goal path: the essentials of every prerequisite the goal needs and the learner lacks, in
  prerequisite order, then the goal's own skills (at full depth, or at their essentials when the
  hours cannot reach full depth), then the exam preparation of a certification goal;
- the rest, in this order: the depth of the goal's own skills; what deepens the goal once its essentials
  are in (the track's `around` skills in corpus/skills.yaml, what they need, and the capstone: the
  goal's project taken to deployment); then the depth left over of the prerequisites and the track's
  other skills (the foundations), the depth of the maths last.

Each item says which strand it belongs to, truthfully: the goal's own skills at any depth (and its
capstone or exam) are "build", what deepens the goal is "around", everything else "foundation".
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass
from typing import Literal

from agent.plan.profile import Profile
from agent.plan.skillmap import Skill, SkillMap

FOCUS_EXTRA = 0.5  # "more on agents": the skill gets half as many hours again
Depth = Literal["essentials", "depth", "full"]
Strand = Literal["build", "around", "foundation"]


@dataclass(frozen=True)
class Item:
    """One piece of study: a skill at a depth, for some hours, on the goal path (build) or not."""

    skill: Skill
    depth: Depth
    hours: int
    goal: bool  # on the goal path and one of the goal's own skills (or its exam): packed first, capped a month
    concepts: bool = False  # a foundational certification's skill, studied as concepts: needs nothing first
    strand: Strand = "foundation"  # what the plan calls it: the goal's own, around the goal, or a foundation


def goal_depths(profile: Profile, skill_map: SkillMap) -> dict[str, str]:
    """The goal's skills and the depth it needs of each: a certification's list, else the track's
    goals at full depth (none when skills alone were named as the goal); wanted skills and "more on X"
    add theirs. Skills held, done or skipped are not goals any more."""
    if profile.certification_goal:
        wanted = dict(skill_map.certifications[profile.certification_goal].skills)
    elif profile.skill_goal:
        wanted = {}
    else:
        track = skill_map.tracks.get(profile.track)
        wanted = {g: "full" for g in (track.goal if track else ()) if g in skill_map.skills}
    wanted.update({f: "full" for f in (*profile.wanted, *profile.focus)})
    gone = _gone(profile)
    return {s: d for s, d in wanted.items() if s not in gone}


def work_items(profile: Profile, skill_map: SkillMap, goal_at_essentials: bool) -> tuple[list[Item], list[Item]]:
    """(goal path, rest), each in an order where what a skill needs comes first."""
    gone = _gone(profile)
    depths = goal_depths(profile, skill_map)
    cert = skill_map.certifications.get(profile.certification_goal or "")
    concepts = bool(cert and cert.foundational)
    wanted = {s: ("essentials" if goal_at_essentials else d) for s, d in depths.items()}
    needed = wanted if concepts else _required(wanted, skill_map, gone)
    around = around_goal(profile, skill_map)
    # Besides the path: what the goal's full depth needs (its prerequisites' essentials: group 0, with
    # the goal's own depth), then what the skills around the goal need (group 1, in the around order).
    for_depth = {s: d for s, d in _required({g: "full" for g in depths}, skill_map, gone).items()
                 if s not in needed and s not in depths}
    around_needs = {s: d for s, d in _required(around, skill_map, gone).items()
                    if s not in needed and s not in depths and s not in for_depth}
    extra = {**around_needs, **for_depth}
    lead = {s: n for n, s in enumerate(around)}  # what an around skill needs goes with it, in its turn
    for skill_id in reversed(list(around)):
        for other in _required({skill_id: around[skill_id]}, skill_map, gone):
            lead[other] = min(lead.get(other, len(around)), lead[skill_id])
    for skill_id, depth in depths.items():
        if depth == "full":
            lead.pop(skill_id, None)  # the goal's own depth comes before anything around it

    def strand(skill_id: str, depth: str) -> Strand:
        if skill_id in depths and not (depth == "depth" and depths[skill_id] == "essentials"):
            return "build"
        if around.get(skill_id) == "full" or (around.get(skill_id) and depth != "depth"):
            return "around"
        if skill_id in around_needs and depth != "depth" and skill_map.skills[skill_id].level != "foundation":
            return "around"  # what a skill around the goal needs first (Docker, to deploy the goal's project)
        return "foundation"

    path: list[Item] = []
    rest: list[Item] = []
    for skill in topological([skill_map.skills[i] for i in needed], gone):
        hours = _hours(skill, profile)
        essentials = min(hours, skill.essentials.hours)
        if needed[skill.id] == "full" or essentials == hours:
            path.append(Item(skill, "full", hours, skill.id in depths, concepts, strand(skill.id, "full")))
            continue
        path.append(Item(skill, "essentials", essentials, skill.id in depths, concepts,
                         strand(skill.id, "essentials")))
        rest.append(Item(skill, "depth", hours - essentials, False, strand=strand(skill.id, "depth")))
    if cert:
        path.append(Item(cert.exam, "full", cert.exam.hours, True, strand="build"))
    for skill in topological([skill_map.skills[i] for i in extra], gone | set(needed)):
        hours = _hours(skill, profile)
        essentials = min(hours, skill.essentials.hours)
        if essentials == hours:
            rest.append(Item(skill, "full", hours, False, strand=strand(skill.id, "full")))
            continue
        rest.append(Item(skill, "essentials", essentials, False, strand=strand(skill.id, "essentials")))
        rest.append(Item(skill, "depth", hours - essentials, False, strand=strand(skill.id, "depth")))
    capstone = _capstone(profile, skill_map)
    if capstone:
        rest.append(Item(capstone, "full", capstone.hours, False, strand="build"))
        listed = list(skill_map.tracks[profile.track].around)[:skill_map.tracks[profile.track].capstone_at]
        lead[capstone.id] = sum(1 for s in listed if s in around) - 0.5  # before the around skill listed after it
    track = [s.id for s in skill_map.in_track(profile.track)]
    taken = set(needed) | set(extra)
    others = [skill_map.skills[i] for i in _required({i: "full" for i in [*track, *rest_ids(rest)]
                                                      if i in skill_map.skills}, skill_map, gone)
              if i not in taken]
    rest += [Item(s, "full", _hours(s, profile), False) for s in topological(others, gone | taken)]
    rest.sort(key=lambda item: _rest_rank(item, lead, set(for_depth)))
    return path, rest


def around_goal(profile: Profile, skill_map: SkillMap) -> dict[str, str]:
    """What deepens the goal once its essentials are in (skill id → depth), in the order a plan takes
    them: a track's `around` skills; for a certification or skills named as the goal, the skills they
    build on most directly (their prerequisites above the foundations) and, for named skills, what
    builds on them (deep learning → PyTorch). Skills held, done or skipped, and the goal's own, are left out."""
    depths = goal_depths(profile, skill_map)
    if profile.certification_goal or profile.skill_goal:
        chosen: dict[str, str] = {}
        for goal in depths:
            chosen.update({p: "full" for p in skill_map.skills[goal].prerequisites
                           if skill_map.skills[p].level != "foundation"})
        if profile.skill_goal:
            chosen.update({s.id: "full" for s in skill_map.skills.values() if set(s.prerequisites) & set(depths)})
        if profile.certification_goal:  # the exam asks only the essentials of some of its skills: their
            cert = skill_map.certifications[profile.certification_goal]  # depth; then its track's around skills
            chosen.update({s: "full" for s, d in cert.skills.items() if d == "essentials"})
            track = skill_map.tracks.get(cert.track)
            if track:  # the track the certification belongs to: its goal skills, then its around skills
                chosen.update({s: "full" for s in track.goal if s not in chosen})
                chosen.update({s: d for s, d in track.around.items() if s not in chosen})
    else:
        track = skill_map.tracks.get(profile.track)
        chosen = dict(track.around) if track else {}
    gone = _gone(profile)
    # (a skill the goal needs only the essentials of is around it for its depth)
    return {s: d for s, d in chosen.items()
            if s not in gone and depths.get(s, "essentials") == "essentials" and s in skill_map.skills}


def _capstone(profile: Profile, skill_map: SkillMap) -> Skill | None:
    """The track's capstone, when the track is the goal and the learner does not hold all it builds on."""
    track = skill_map.tracks.get(profile.track)
    if profile.certification_goal or profile.skill_goal or not track or not track.capstone:
        return None
    return track.capstone if goal_depths(profile, skill_map) else None


def rest_ids(items: list[Item]) -> list[str]:
    return [item.skill.id for item in items]


def _rest_rank(item: Item, lead: dict[str, float], for_depth: set[str]) -> tuple[float, ...]:
    """The rest's order: the goal's own depth first; then what deepens the goal, in the order of its
    `around` list (what each needs with it); then the track's other skills and the depth of the
    prerequisites by level (the foundations), the depth of the maths last (the goal needed its
    essentials; the guides' foundations deepen while the learner builds). The packer keeps
    prerequisites first."""
    if item.strand == "build" and item.skill.id not in lead:
        return (0, 0, *item.skill.rank)  # the goal's own depth: what is ready of it goes first
    if item.skill.id in for_depth and item.depth != "depth":
        return (0, 1, *item.skill.rank)  # then what the rest of its depth needs first
    if item.skill.id in lead and (item.strand != "foundation" or item.depth != "depth"):
        return (1, lead[item.skill.id], *item.skill.rank)
    if item.depth == "depth" and item.skill.area == "math_stats":
        return (3, 0, *item.skill.rank)
    return (2, 0, *item.skill.rank)


def first_part(skill_id: str, items: list[Item]) -> Item | None:
    """The item that must be finished before what builds on `skill_id` starts."""
    return next((item for item in items if item.skill.id == skill_id), None)


def topological(skills: list[Skill], done: set[str]) -> list[Skill]:
    """`skills` with everything each needs among them first (its prerequisites, and what its
    essentials need); ties go to the lower level, then file order."""
    todo = {s.id: s for s in skills}
    waiting = {i: {p for p in {*s.prerequisites, *s.needs("essentials")} if p in todo and p not in done}
               for i, s in todo.items()}
    ready = [(s.rank, i) for i, s in todo.items() if not waiting[i]]
    heapq.heapify(ready)
    order: list[Skill] = []
    while ready:
        _, skill_id = heapq.heappop(ready)
        order.append(todo[skill_id])
        for other, needs in waiting.items():
            if skill_id in needs:
                needs.discard(skill_id)
                if not needs:
                    heapq.heappush(ready, (todo[other].rank, other))
    if len(order) != len(todo):
        raise ValueError(f"prerequisite cycle among {sorted(set(todo) - {s.id for s in order})}")
    return order


def _gone(profile: Profile) -> set[str]:
    """What the plan does not teach: held, done or skipped."""
    return set(profile.skills) | set(profile.done) | set(profile.skipped)


def _required(wanted: dict[str, str], skill_map: SkillMap, gone: set[str]) -> dict[str, str]:
    """Every skill the wanted ones rest on, with the depth needed: a skill wanted in full needs its
    prerequisites' essentials; a skill wanted at its essentials needs what its essentials need."""
    required: dict[str, str] = {}
    stack = [(s, d) for s, d in wanted.items()]
    while stack:
        skill_id, depth = stack.pop()
        if skill_id in gone or skill_id not in skill_map.skills or required.get(skill_id) in (depth, "full"):
            continue
        required[skill_id] = depth
        stack.extend((p, "essentials") for p in skill_map.skills[skill_id].needs(depth))
    return required


def _hours(skill: Skill, profile: Profile) -> int:
    """The skill's hours for this learner: more for a focus, half counted done when in progress."""
    hours = skill.hours
    if skill.id in profile.focus:
        hours += math.ceil(skill.hours * FOCUS_EXTRA)
    if skill.id in profile.in_progress:
        hours -= hours // 2
    return hours


def study_order(profile: Profile, skill_map: SkillMap) -> list[Skill]:
    """The skills in the order a plan teaches them (the goal path first, then the rest), without
    what the learner holds: the one answer to "what should I learn first?" for chat and plans."""
    path, rest = work_items(profile, skill_map, goal_at_essentials=True)
    ordered = dict.fromkeys(item.skill.id for item in path + rest)
    return [skill_map.skills[i] for i in ordered if i in skill_map.skills and i not in profile.skills]
