"""Where a plan month is filled: the study order, packed into months by the hours the learner has."""

from __future__ import annotations

import math
from dataclasses import dataclass

from agent.plan.order import goals, study_order
from agent.plan.profile import HOURS_RANGE, WEEKS_PER_MONTH, Profile
from agent.plan.resources import month_resources
from agent.plan.schema import Citation, Month, Plan, SkillHours, Unscheduled
from agent.plan.skillmap import Skill, SkillMap, load_skill_map

LEVEL_TITLES = {"foundation": "Foundations", "core": "Core ML engineering", "advanced": "Specialisation"}
TRACK_NAMES = {
    "generalist": "generalist ML engineer", "mlops": "MLOps", "llm": "LLM apps", "cv": "computer vision",
    "nlp": "NLP", "data_science": "data science",
}
CONSOLIDATION_SKILL = "portfolio"  # what a month without new skills works on
MAX_CITATIONS = 4
# (started before this month, finished in it) → which part of the skill the month holds
PARTS = {(False, True): "whole", (False, False): "start", (True, True): "end", (True, False): "middle"}
MIN_START = 5  # hours: fewer left at the end of a month go to review rather than to a token start of a new skill


@dataclass(frozen=True)
class _Slot:
    """A skill's hours in one month, and where that leaves the skill."""

    skill: Skill
    hours: int
    done: int  # hours of the skill done by the end of this month
    part: str


def monthly_hours(hours_per_week: int) -> int:
    """The month's budget: weekly hours × 4.33 weeks, rounded down (a plan never assumes more time)."""
    return int(hours_per_week * WEEKS_PER_MONTH + 1e-9)


def build_plan(profile: Profile, skill_map: SkillMap | None = None) -> Plan:
    """A month-by-month plan for `profile`: exactly profile.months months, none above the budget,
    prerequisites first, what does not fit listed as unscheduled. Same profile, same plan."""
    skill_map = skill_map or load_skill_map()
    order = study_order(profile, skill_map)
    budget = monthly_hours(profile.hours_per_week)
    slots, left = _pack(order, budget, profile.months)
    finish = {slot.skill.id: n for n, month in enumerate(slots, 1) for slot in month if slot.part in ("whole", "end")}
    months = [_month(n, month, finish, profile, skill_map) for n, month in enumerate(slots, 1)]
    unscheduled = [Unscheduled(id=skill.id, name=skill.name, hours=hours) for skill, hours in left]
    notes = _notes(profile, skill_map, order, budget, months, unscheduled)
    return Plan(profile=profile, months=months, unscheduled=unscheduled, notes=notes)


def _pack(order: list[Skill], budget: int, n_months: int) -> tuple[list[list[_Slot]], list[tuple[Skill, int]]]:
    """Fill months in study order, one skill after another; a long skill runs on into the next month.
    A month's last few hours (under MIN_START) do not start a new skill: they are left for review."""
    queue = [(skill, skill.hours) for skill in order]
    months: list[list[_Slot]] = []
    for _ in range(n_months):
        free, month = budget, []
        while free > 0 and queue:
            skill, need = queue[0]
            if month and need == skill.hours and free < MIN_START:
                break
            take = min(free, need)
            started, finished = need < skill.hours, take == need
            month.append(_Slot(skill, take, skill.hours - need + take, PARTS[started, finished]))
            free -= take
            queue[0] = (skill, need - take)
            if finished:
                queue.pop(0)
        months.append(month)
    return months, queue


def _month(n: int, slots: list[_Slot], finish: dict[str, int], profile: Profile, skill_map: SkillMap) -> Month:
    if not slots:
        return _consolidation(n, profile, skill_map)
    skills = [slot.skill for slot in slots]
    completed = [slot for slot in slots if slot.part in ("whole", "end")]
    return Month(
        month=n,
        focus=_focus(slots),
        skills=[SkillHours(id=s.skill.id, name=s.skill.name, hours=s.hours, part=s.part) for s in slots],
        hours=sum(slot.hours for slot in slots),
        resources=month_resources(skills, profile.preferences, skill_map),
        project=_project(completed[-1] if completed else slots[0], finish),
        checkpoint=_checkpoint(completed, slots[0]),
        citations=_citations(slots, skill_map),
    )


def _focus(slots: list[_Slot]) -> str:
    main = max(slots, key=lambda slot: slot.hours)
    verbs = {"whole": "{}", "start": "start {}", "middle": "keep going with {}", "end": "finish {}"}
    steps = ", then ".join(verbs[slot.part].format(slot.skill.name) for slot in slots)
    return f"{LEVEL_TITLES[main.skill.level]}: {steps[0].upper()}{steps[1:]}"


def _project(slot: _Slot, finish: dict[str, int]) -> str:
    if slot.part in ("whole", "end"):
        return slot.skill.project
    when = f"finished in month {finish[slot.skill.id]}" if slot.skill.id in finish else "it runs on after this plan"
    return f"Begin ({when}): {slot.skill.project}"


def _checkpoint(completed: list[_Slot], current: _Slot) -> str:
    if completed:
        return " ".join(slot.skill.checkpoint for slot in completed)
    skill = current.skill
    goal = skill.checkpoint[0].lower() + skill.checkpoint[1:]
    return f"Progress check, {current.done} of {skill.hours} h of {skill.name} done: on the way to “{goal}”"


def _citations(slots: list[_Slot], skill_map: SkillMap) -> list[Citation]:
    """Each skill's passages, rotated by how far into the skill the month is, so that a long skill's
    months quote different passages; two per skill when the month has one skill."""
    per_skill = 2 if len(slots) == 1 else 1
    citations: list[Citation] = []
    for slot in slots:
        passages = slot.skill.passages
        start = (slot.done - slot.hours) * len(passages) // max(1, slot.skill.hours)
        for k in range(min(per_skill, len(passages))):
            p = passages[(start + k) % len(passages)]
            citations.append(Citation(guide=p.guide, title=skill_map.title(p.guide), section=p.section, quote=p.quote))
    return citations[:MAX_CITATIONS]


def _consolidation(n: int, profile: Profile, skill_map: SkillMap) -> Month:
    """A month with no new skill left to learn: honest about it, and pointed at the portfolio."""
    skill = skill_map.skills[CONSOLIDATION_SKILL]
    budget = monthly_hours(profile.hours_per_week)
    return Month(
        month=n,
        focus=f"Consolidation: no new skills (your track is already covered); use the ~{budget} h to revisit "
              f"weak spots and polish your projects into a portfolio",
        skills=[], hours=0,
        resources=month_resources([skill], profile.preferences, skill_map),
        project=skill.project,
        checkpoint=skill.checkpoint,
        citations=_citations([_Slot(skill, skill.hours, skill.hours, "whole")], skill_map),
    )


def _notes(profile: Profile, skill_map: SkillMap, order: list[Skill], budget: int, months: list[Month],
           unscheduled: list[Unscheduled]) -> list[str]:
    hpw, n = profile.hours_per_week, profile.months
    notes = [f"Budget: {hpw} h a week × {WEEKS_PER_MONTH} weeks ≈ {budget} h a month; no month is planned above it."]
    held = [s.name for s in skill_map.in_track(profile.track) if s.id in profile.skills]
    if held:
        notes.append(f"Not planned because you already know them: {', '.join(held)}.")
    targets = goals(profile.track, skill_map)
    notes.append(f"Track: {TRACK_NAMES.get(profile.track, profile.track)}. It heads for "
                 f"{_names(targets)}: what they build on comes first, then the rest of the track.")
    if unscheduled:
        total = sum(u.hours for u in unscheduled)
        notes.append(f"Left out rather than crammed: {_count(len(unscheduled), 'skill')} ({total} h) "
                     f"{'do' if len(unscheduled) > 1 else 'does'} not fit in {_months(n)} at {hpw} h a week; "
                     f"at this pace that is about {_months(math.ceil(total / budget))} more.")
    missed = [g for g in targets if g.id in {u.id for u in unscheduled}]
    if missed:
        notes.append(_reach(missed, order, n, hpw, budget))
    spare = [m for m in months if m.skills and m.hours < budget]
    if spare:
        notes.append("Spare hours (use them to review and polish projects): "
                     + ", ".join(f"month {m.month}: {budget - m.hours} h" for m in spare) + ".")
    quiet = [m.month for m in months if not m.skills]
    if quiet:
        notes.append(f"Month{'s' if len(quiet) > 1 else ''} {_span(quiet)} {'have' if len(quiet) > 1 else 'has'} "
                     "no new skills: everything in your track is already scheduled, so that time goes to "
                     "consolidation and your portfolio.")
    notes.append("Hours per skill are careerbot's own rough estimates, not the guides'; the skills, their order, "
                 "the resources, projects and quotes come from the guides.")
    return notes


def _reach(missed: list[Skill], order: list[Skill], n: int, hpw: int, budget: int) -> str:
    """How much time reaching every goal of the track would take."""
    last = max(order.index(goal) for goal in missed)
    need = sum(skill.hours for skill in order[: last + 1])
    pace = math.ceil(need / budget)
    weekly = next((h for h in range(hpw, HOURS_RANGE[1] + 1) if monthly_hours(h) * n >= need), None)
    faster = f"about {weekly} h a week" if weekly else f"more than {HOURS_RANGE[1]} h a week"
    return (f"{_names(missed)} {'are' if len(missed) > 1 else 'is'} not reached in {_months(n)}. "
            f"Getting there takes {need} h: {faster} for {_months(n)}, or about {_months(pace)} at {hpw} h a week.")


def _names(skills: list[Skill]) -> str:
    names = [s.name for s in skills]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _months(n: int) -> str:
    return _count(n, "month")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _span(numbers: list[int]) -> str:
    return str(numbers[0]) if len(numbers) == 1 else f"{numbers[0]}–{numbers[-1]}"
