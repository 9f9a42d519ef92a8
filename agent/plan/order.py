"""What a plan works on, goal first: the goal's skills, their prerequisites at essentials depth, and the rest.

The guides say a learner does not need every skill at full depth before the next ("Even understanding
the content of one resource from each section is good enough to get started"; for LLMs and agents
"the best way to learn them ... is by doing them"). So the plan is two queues of work items:

- the goal path: the essentials of every prerequisite the goal needs and the learner lacks, in
  prerequisite order, then the goal's own skills (at full depth, or at their essentials when the
  hours cannot reach full depth), then the exam preparation of a certification goal;
- the rest: the depth left over of each of those prerequisites, then the track's other skills.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass
from typing import Literal

from agent.plan.profile import Profile
from agent.plan.skillmap import Skill, SkillMap

# What each track is for (careerbot's reading of the guides, the skills tests/corpus calls "defining").
TRACK_GOALS = {
    "generalist": ("classical_ml", "model_deployment", "portfolio"),  # a job needs projects to show
    "mlops": ("model_deployment", "monitoring", "ml_pipelines"),
    "llm": ("llms", "rag", "agents"),
    "cv": ("computer_vision",),
    "nlp": ("nlp", "llms"),
    "data_science": ("model_evaluation", "data_engineering", "business_domain"),
}
FOCUS_EXTRA = 0.5  # "more on agents": the skill gets half as many hours again
Depth = Literal["essentials", "depth", "full"]


@dataclass(frozen=True)
class Item:
    """One piece of study: a skill at a depth, for some hours, on the goal path (build) or not."""

    skill: Skill
    depth: Depth
    hours: int
    goal: bool  # one of the goal's own skills (or its exam preparation): the build strand
    concepts: bool = False  # a foundational certification's skill, studied as concepts: needs nothing first


def goal_depths(profile: Profile, skill_map: SkillMap) -> dict[str, str]:
    """The goal's skills and the depth it needs of each: a certification's list, else the track's
    goals at full depth (none when skills alone were named as the goal); wanted skills and "more on X"
    add theirs. Skills held, done or skipped are not goals any more."""
    if profile.certification_goal:
        wanted = dict(skill_map.certifications[profile.certification_goal].skills)
    elif profile.skill_goal:
        wanted = {}
    else:
        wanted = {g: "full" for g in TRACK_GOALS.get(profile.track, ()) if g in skill_map.skills}
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
    path: list[Item] = []
    rest: list[Item] = []
    for skill in topological([skill_map.skills[i] for i in needed], gone):
        hours = _hours(skill, profile)
        essentials = min(hours, skill.essentials.hours)
        if needed[skill.id] == "full" or essentials == hours:
            path.append(Item(skill, "full", hours, skill.id in depths, concepts))
            continue
        path.append(Item(skill, "essentials", essentials, skill.id in depths, concepts))
        rest.append(Item(skill, "depth", hours - essentials, False))
    if cert:
        path.append(Item(cert.exam, "full", cert.exam.hours, True))
    track = [s.id for s in skill_map.in_track(profile.track)]
    others = [skill_map.skills[i] for i in _required({i: "full" for i in [*track, *rest_ids(rest)]}, skill_map, gone)
              if i not in needed]
    rest += [Item(s, "full", _hours(s, profile), False) for s in topological(others, gone | set(needed))]
    # A skill named as the goal leads on to what builds on it (deep learning → PyTorch), before the
    # track's other skills; a track's goals already are where it leads.
    opens = ({s.id for s in skill_map.skills.values() if set(s.prerequisites) & set(depths)}
             if profile.skill_goal else set())
    rest.sort(key=lambda item: _rest_rank(item, depths, opens))
    return path, rest


def rest_ids(items: list[Item]) -> list[str]:
    return [item.skill.id for item in items]


def _rest_rank(item: Item, depths: dict[str, str], opens: set[str]) -> tuple[int, int, int]:
    """The foundation strand's order: the goal's own depth first, then what builds on a skill goal
    (`opens`), then the track's other skills and the depth of the prerequisites by level, the depth of
    the maths last (the goal needed its essentials; the guides' foundations deepen while the learner
    builds). The packer keeps prerequisites first."""
    if item.skill.id in depths:
        group = 0
    elif item.skill.id in opens:
        group = 1
    elif item.depth == "depth" and item.skill.area == "math_stats":
        group = 3
    else:
        group = 2
    return (group, *item.skill.rank)


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
