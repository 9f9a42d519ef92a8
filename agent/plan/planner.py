"""Where a plan month is filled: the goal path and the rest, packed into months in two strands.

Each month the goal path comes first: the essentials of the goal's prerequisites take every hour
they need (the sooner they are done, the sooner the goal starts), and the goal's own skills (the build
strand) take BUILD_SHARE of the month, or more when that is what reaching the goal in time needs;
the rest of the month goes to the foundation strand (depth of the prerequisites, the rest of the
track). A month never holds more than the learner's hours; what does not fit is listed, not crammed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from agent.plan.order import Item, goal_depths, work_items
from agent.plan.profile import WEEKS_PER_MONTH, Profile
from agent.plan.resources import month_resources
from agent.plan.schema import Citation, Month, Plan, SkillHours, Unscheduled
from agent.plan.skillmap import SkillMap, load_skill_map
from agent.plan.summary import TRACK_NAMES, apply_swaps, goal_summary, notes  # noqa: F401 (TRACK_NAMES re-exported)

CONSOLIDATION_SKILL = "portfolio"  # what a month without new skills works on
MAX_CITATIONS = 4
BUILD_SHARE = 0.7  # of a month, for the goal's own skills while foundations still run alongside
# (started before this month, finished in it) → which part of the item the month holds
PARTS = {(False, True): "whole", (False, False): "start", (True, True): "end", (True, False): "middle"}
MIN_START = 5  # hours: fewer left in a month do not start an item that would not finish (review instead)
DEPTH_NAMES = {"essentials": " (essentials)", "depth": " (in depth)", "full": ""}


@dataclass(frozen=True)
class _Slot:
    """An item's hours in one month, and where that leaves the item."""

    item: Item
    hours: int
    done: int  # hours of the item done by the end of this month
    part: str


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
        slots, left = _pack(path, rest, budget, profile.months, spread=True, tidy=tidy)
        if not any(item in path for item, _ in left):
            break
    else:
        slots, left = _pack(short_path, short_rest, budget, profile.months, spread=False, tidy=False)
        reached = "not_reached"
    if not goal_depths(profile, skill_map) and not profile.certification_goal:
        reached = "held"
    months = [_month(n, month, profile, skill_map) for n, month in enumerate(slots, 1)]
    months, swap_notes = apply_swaps(months, profile.swaps, skill_map, profile)
    unscheduled = _unscheduled(left)
    goal = goal_summary(profile, skill_map, months, reached, needed, sum(i.hours for i in full_path))
    return Plan(profile=profile, goal=goal, months=months, unscheduled=unscheduled,
                notes=[*swap_notes, *notes(profile, skill_map, budget, months, unscheduled)])


def _pack(path: list[Item], rest: list[Item], budget: int, n_months: int, spread: bool,
          tidy: bool) -> tuple[list[list[_Slot]], list[tuple[Item, int]]]:
    """Fill months: goal path first (its build part capped so foundations run alongside), then the
    rest in order as far as what each needs is finished, then the goal path again with what is free."""
    items = path + rest
    left = {id(item): item.hours for item in items}
    first: dict[str, Item] = {}
    for item in items:
        first.setdefault(item.skill.id, item)
    needs = {id(item): _needs(item, first) for item in items}
    finished: set[int] = set()
    months: list[list[_Slot]] = []
    for m in range(n_months):
        month: list[_Slot] = []
        remaining = sum(left[id(i)] for i in path)
        cap = max(math.ceil(budget * BUILD_SHARE), math.ceil(remaining / (n_months - m))) if spread else budget
        free = _fill(path, month, left, finished, budget, cap, needs, sequential=True, tidy=tidy)
        free = _fill(rest, month, left, finished, free, free, needs, sequential=False, tidy=True)
        _fill(path, month, left, finished, free, budget, needs, sequential=True, tidy=tidy)  # what the rest left
        months.append(_merge(month))
    return months, [(item, left[id(item)]) for item in items if left[id(item)] > 0]


def _needs(item: Item, first: dict[str, Item]) -> list[int]:
    """The items that must be finished before `item` starts: the first part (essentials, or the
    whole) of each skill it needs that the plan teaches; a skill's depth also needs its own essentials."""
    if item.concepts:
        return []
    own = [first[item.skill.id]] if item.depth == "depth" else []
    needs = item.skill.needs("essentials" if item.depth == "essentials" else "full")
    return [id(i) for i in own + [first[p] for p in needs if p in first] if i is not item]


def _fill(queue: list[Item], month: list[_Slot], left: dict[int, int], finished: set[int], free: int,
          build_cap: int, needs: dict[int, list[int]], sequential: bool, tidy: bool) -> int:
    """Put `queue`'s next items into `month` (goal items up to `build_cap` hours this month);
    `sequential` stops at the first item that cannot go on, otherwise later ready items go first."""
    build_used = sum(s.hours for s in month if s.item.goal)
    for item in queue:
        if free <= 0:
            break
        need = left[id(item)]
        if need == 0:
            continue
        if any(n not in finished for n in needs[id(item)]):
            if sequential:
                break
            continue
        limit = min(free, build_cap - build_used) if item.goal else free
        fresh = need == item.hours
        if limit <= 0 or (tidy and fresh and month and limit < MIN_START and need > limit):
            if sequential:
                break
            continue
        take = min(limit, need)
        left[id(item)] = need - take
        month.append(_Slot(item, take, item.hours - need + take, PARTS[not fresh, take == need]))
        free -= take
        build_used += take if item.goal else 0
        if take == need:
            finished.add(id(item))
        elif sequential:
            break
    return free


def _merge(month: list[_Slot]) -> list[_Slot]:
    """One slot per item in a month (an item continued after the foundation strand is one entry)."""
    merged: dict[int, _Slot] = {}
    for slot in month:
        if id(slot.item) in merged:
            first = merged[id(slot.item)]
            started = first.part in ("middle", "end")
            merged[id(slot.item)] = _Slot(slot.item, first.hours + slot.hours, slot.done,
                                          PARTS[started, slot.part in ("whole", "end")])
        else:
            merged[id(slot.item)] = slot
    return list(merged.values())


def _unscheduled(left: list[tuple[Item, int]]) -> list[Unscheduled]:
    return [Unscheduled(id=item.skill.id, name=item.skill.name, hours=need, depth=item.depth) for item, need in left]


def _month(n: int, slots: list[_Slot], profile: Profile, skill_map: SkillMap) -> Month:
    if not slots:
        return _consolidation(n, profile, skill_map)
    completed = [slot for slot in slots if slot.part in ("whole", "end")]
    build = [slot for slot in slots if slot.item.goal]
    return Month(
        month=n,
        focus=_focus(slots),
        skills=[SkillHours(id=s.item.skill.id, name=s.item.skill.name, hours=s.hours, part=s.part,
                           depth=s.item.depth, strand="build" if s.item.goal else "foundation") for s in slots],
        hours=sum(slot.hours for slot in slots),
        build_hours=sum(slot.hours for slot in build),
        resources=month_resources([s.item.skill for s in slots], profile.preferences, skill_map,
                                  _goal_resource(profile, skill_map)),
        project=_project((build or completed or slots)[-1]),
        checkpoint=_checkpoint(completed, slots[0]),
        citations=_citations(slots, skill_map),
    )


def _goal_resource(profile: Profile, skill_map: SkillMap) -> str | None:
    cert = skill_map.certifications.get(profile.certification_goal or "")
    return cert.resource if cert else None


def _focus(slots: list[_Slot]) -> str:
    verbs = {"whole": "{}", "start": "start {}", "middle": "keep going with {}", "end": "finish {}"}
    strands = []
    for title, goal in (("Build on your goal", True), ("Foundations", False)):
        steps = [verbs[s.part].format(s.item.skill.name + DEPTH_NAMES[s.item.depth]) for s in slots
                 if s.item.goal is goal]
        if steps:
            text = ", then ".join(steps)
            strands.append(f"{title}: {text[0].upper()}{text[1:]}")
    return " · ".join(strands)


def _project(slot: _Slot) -> str:
    skill = slot.item.skill
    project = skill.project if slot.item.depth != "essentials" else f"A first, small version: {skill.project}"
    if slot.part in ("whole", "end"):
        return project
    return f"Begin (it goes on next month): {project}"


def _checkpoint(completed: list[_Slot], current: _Slot) -> str:
    if completed:
        return " ".join(_goal_check(slot.item) for slot in completed)
    goal = _goal_check(current.item)
    goal = goal[0].lower() + goal[1:]
    return (f"Progress check, {current.done} of {current.item.hours} h of {current.item.skill.name}"
            f"{DEPTH_NAMES[current.item.depth]} done: on the way to “{goal}”")


def _goal_check(item: Item) -> str:
    return item.skill.essentials.checkpoint if item.depth == "essentials" else item.skill.checkpoint


def _citations(slots: list[_Slot], skill_map: SkillMap) -> list[Citation]:
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
        citations=_citations([_Slot(item, skill.hours, skill.hours, "whole")], skill_map),
    )
