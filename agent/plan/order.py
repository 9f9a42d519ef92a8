"""In which order to learn a track: the goal's prerequisite chain first, prerequisites always before."""

from __future__ import annotations

import heapq

from agent.plan.profile import Profile
from agent.plan.skillmap import Skill, SkillMap

# What each track is for (careerbot's reading of the guides, the skills tests/corpus calls "defining").
# The chain of prerequisites leading to each goal is learned first, goal by goal; the rest of the
# track follows. Within that, the order is the guides' pyramid: foundation, core, advanced, then file order.
TRACK_GOALS = {
    "generalist": ("classical_ml", "model_deployment"),
    "mlops": ("model_deployment", "monitoring", "ml_pipelines"),
    "llm": ("llms", "rag", "agents"),
    "cv": ("computer_vision",),
    "nlp": ("nlp", "llms"),
    "data_science": ("model_evaluation", "data_engineering", "business_domain"),
}


def study_order(profile: Profile, skill_map: SkillMap) -> list[Skill]:
    """The track's skills the learner does not hold, topologically sorted by prerequisites; ties go
    to the earlier goal, then the lower level, then the earlier position in skills.yaml."""
    held = set(profile.skills)
    todo = {s.id: s for s in skill_map.in_track(profile.track) if s.id not in held}
    goals = [g for g in TRACK_GOALS.get(profile.track, ()) if g in skill_map.skills]
    tier: dict[str, int] = {}
    for n, goal in enumerate(goals):
        for skill_id in _chain(goal, skill_map, held):
            tier.setdefault(skill_id, n)

    def key(skill: Skill) -> tuple[int, int, int]:
        return (tier.get(skill.id, len(goals)), *skill.rank)

    waiting = {i: {p for p in s.prerequisites if p in todo} for i, s in todo.items()}
    ready = [(key(s), i) for i, s in todo.items() if not waiting[i]]
    heapq.heapify(ready)
    order: list[Skill] = []
    while ready:
        _, skill_id = heapq.heappop(ready)
        order.append(todo[skill_id])
        for other, needs in waiting.items():
            if skill_id in needs:
                needs.discard(skill_id)
                if not needs:
                    heapq.heappush(ready, (key(todo[other]), other))
    if len(order) != len(todo):
        raise ValueError(f"prerequisite cycle among {sorted(set(todo) - {s.id for s in order})}")
    return order


def goals(track: str, skill_map: SkillMap) -> list[Skill]:
    return [skill_map.skills[g] for g in TRACK_GOALS.get(track, ()) if g in skill_map.skills]


def _chain(goal: str, skill_map: SkillMap, held: set[str]) -> list[str]:
    """The goal and every prerequisite under it that is not held (a held skill's own are not needed)."""
    found, stack = [], [goal]
    while stack:
        skill_id = stack.pop()
        if skill_id in held or skill_id in found or skill_id not in skill_map.skills:
            continue
        found.append(skill_id)
        stack.extend(skill_map.skills[skill_id].prerequisites)
    return found
