"""Where a plan month is filled: the goal path and the rest are packed into months in two strands
(agent/plan/packing.py says how), then each month gets its focus, resources, project, checkpoint
and citations. What does not fit is listed as unscheduled, not crammed.
"""

from __future__ import annotations

from agent.plan.order import Item, goal_depths, work_items
from agent.plan.packing import Slot, pack
from agent.plan.profile import WEEKS_PER_MONTH, Profile
from agent.plan.resources import month_resources
from agent.plan.schema import Citation, Month, Plan, SkillHours, Unscheduled
from agent.plan.skillmap import SkillMap, load_skill_map
from agent.plan.summary import apply_swaps, goal_summary, notes

CONSOLIDATION_SKILL = "portfolio"  # what a month without new skills works on
MAX_CITATIONS = 4
STRAND_TITLES = {"build": "Build on your goal", "around": "Deepen around your goal", "foundation": "Foundations"}
DEPTH_NAMES = {"essentials": " (essentials)", "depth": " (in depth)", "full": ""}


def monthly_hours(hours_per_week: int) -> int:
    """The month's budget: weekly hours × 4.33 weeks, rounded down (a plan never assumes more time)."""
    return int(hours_per_week * WEEKS_PER_MONTH + 1e-9)


def build_plan(profile: Profile, skill_map: SkillMap | None = None) -> Plan:
    """A month-by-month plan for `profile`: exactly profile.months months, none above the budget, the
    goal reached whenever the hours allow a working version of it, prerequisites' essentials before
    what needs them, what does not fit listed as unscheduled. Same profile, same plan."""
    skill_map = skill_map or load_skill_map()
    budget = monthly_hours(profile.hours_per_week)
    full_path, full_rest = work_items(profile, skill_map, goal_at_essentials=False)
    short_path, short_rest = work_items(profile, skill_map, goal_at_essentials=True)
    needed = sum(item.hours for item in short_path)
    # The goal at full depth if the months reach it, else at its essentials, else as far as it goes.
    # (a tidy packing starts no goal item with its last few hours in a month; a strict one does, when
    # that is what reaching the goal takes)
    tries = [(p, r, reached, tidy) for p, r, reached in ((full_path, full_rest, "full"),
                                                          (short_path, short_rest, "essentials"))
             for tidy in (True, False)]
    for path, rest, reached, tidy in tries:
        slots, left = pack(path, rest, budget, profile.months, spread=True, tidy=tidy)
        if not any(item in path for item, _ in left):
            break
    else:
        slots, left = pack(short_path, short_rest, budget, profile.months, spread=False, tidy=False)
        reached = "not_reached"
    if not goal_depths(profile, skill_map) and not profile.certification_goal:
        reached = "held"
    months = [_month(n, month, profile, skill_map) for n, month in enumerate(slots, 1)]
    months, swap_notes = apply_swaps(months, profile.swaps, skill_map, profile)
    unscheduled = _unscheduled(left)
    goal = goal_summary(profile, skill_map, months, reached, needed, sum(i.hours for i in full_path))
    return Plan(profile=profile, goal=goal, months=months, unscheduled=unscheduled,
                notes=[*swap_notes, *notes(profile, skill_map, budget, months, unscheduled)])


def _unscheduled(left: list[tuple[Item, int]]) -> list[Unscheduled]:
    return [Unscheduled(id=item.skill.id, name=item.skill.name, hours=need, depth=item.depth, strand=item.strand)
            for item, need in left]


def _month(n: int, slots: list[Slot], profile: Profile, skill_map: SkillMap) -> Month:
    if not slots:
        return _consolidation(n, profile, skill_map)
    completed = [slot for slot in slots if slot.part in ("whole", "end")]
    build = [slot for slot in slots if slot.item.strand == "build"]
    return Month(
        month=n,
        focus=_focus(slots),
        skills=[SkillHours(id=s.item.skill.id, name=s.item.skill.name, hours=s.hours, part=s.part,
                           depth=s.item.depth, strand=s.item.strand) for s in slots],
        hours=sum(slot.hours for slot in slots),
        build_hours=sum(slot.hours for slot in build),
        around_hours=sum(slot.hours for slot in slots if slot.item.strand == "around"),
        resources=month_resources([s.item.skill for s in slots], profile.preferences, skill_map,
                                  _goal_resource(profile, skill_map)),
        project=_project((build or completed or slots)[-1]),
        checkpoint=_checkpoint(completed, slots[0]),
        citations=_citations(slots, skill_map),
    )


def _goal_resource(profile: Profile, skill_map: SkillMap) -> str | None:
    cert = skill_map.certifications.get(profile.certification_goal or "")
    return cert.resource if cert else None


def _focus(slots: list[Slot]) -> str:
    verbs = {"whole": "{}", "start": "start {}", "middle": "keep going with {}", "end": "finish {}"}
    strands = []
    for strand, title in STRAND_TITLES.items():
        steps = [verbs[s.part].format(s.item.skill.name + DEPTH_NAMES[s.item.depth]) for s in slots
                 if s.item.strand == strand]
        if steps:
            text = ", then ".join(steps)
            strands.append(f"{title}: {text[0].upper()}{text[1:]}")
    return " · ".join(strands)


def _project(slot: Slot) -> str:
    skill = slot.item.skill
    project = skill.project if slot.item.depth != "essentials" else f"A first, small version: {skill.project}"
    if slot.part in ("whole", "end"):
        return project
    return f"Begin (it goes on next month): {project}"


def _checkpoint(completed: list[Slot], current: Slot) -> str:
    if completed:
        return " ".join(_goal_check(slot.item) for slot in completed)
    goal = _goal_check(current.item)
    goal = goal[0].lower() + goal[1:]
    return (f"Progress check, {current.done} of {current.item.hours} h of {current.item.skill.name}"
            f"{DEPTH_NAMES[current.item.depth]} done: on the way to “{goal}”")


def _goal_check(item: Item) -> str:
    return item.skill.essentials.checkpoint if item.depth == "essentials" else item.skill.checkpoint


def _citations(slots: list[Slot], skill_map: SkillMap) -> list[Citation]:
    """Each item's own passages, rotated by how far into the item the month is (two per item when the
    month has one), then why essentials are enough, for a month that studies some."""
    per_item = 2 if len(slots) == 1 else 1
    passages = []
    for slot in slots:
        own = list(slot.item.skill.passages)
        start = (slot.done - slot.hours) * len(own) // max(1, slot.item.hours) if own else 0
        passages += (own[start:] + own[:start])[:per_item]
    passages += [p for slot in slots if slot.item.depth == "essentials" for p in slot.item.skill.essentials.passages]
    citations: list[Citation] = []
    for p in passages:
        citation = Citation(guide=p.guide, title=skill_map.title(p.guide), section=p.section, quote=p.quote)
        if citation not in citations:
            citations.append(citation)
    return citations[:MAX_CITATIONS]


def _consolidation(n: int, profile: Profile, skill_map: SkillMap) -> Month:
    """A month with no new skill left to learn: honest about it, and pointed at the portfolio."""
    skill = skill_map.skills[CONSOLIDATION_SKILL]
    budget = monthly_hours(profile.hours_per_week)
    item = Item(skill, "full", skill.hours, False)
    return Month(
        month=n,
        focus=f"Consolidation: no new skills (your track is already covered); use the ~{budget} h to revisit "
              f"weak spots and polish your projects into a portfolio",
        skills=[], hours=0,
        resources=month_resources([skill], profile.preferences, skill_map),
        project=skill.project,
        checkpoint=skill.checkpoint,
        citations=_citations([Slot(item, skill.hours, skill.hours, "whole")], skill_map),
    )
