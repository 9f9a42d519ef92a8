"""What a plan says about itself: the goal line at the top (reached, or the two honest options), the
notes under it, and month swaps asked for in conversation."""

from __future__ import annotations

import math

from agent.plan.phrases import UNCOVERED_MENTIONS
from agent.plan.profile import HOURS_RANGE, WEEKS_PER_MONTH, Profile
from agent.plan.schema import Goal, Month, Unscheduled
from agent.plan.skillmap import SkillMap

TRACK_NAMES = {
    "generalist": "generalist ML engineer", "mlops": "MLOps", "llm": "LLM apps", "cv": "computer vision",
    "nlp": "NLP", "data_science": "data science",
}


def _monthly(hours_per_week: int) -> int:
    return int(hours_per_week * WEEKS_PER_MONTH + 1e-9)


def goal_name(profile: Profile, skill_map: SkillMap) -> str:
    """What the plan heads for, as its title and headline name it: the certification, the skills
    named as the goal, else the track."""
    if profile.certification_goal:
        return skill_map.certifications[profile.certification_goal].name
    if profile.skill_goal and profile.wanted:
        return _names([skill_map.skill(s).name for s in profile.wanted])
    return TRACK_NAMES.get(profile.track, profile.track)


def uncovered_line(profile: Profile, name: str) -> str:
    """The headline's opening when the learner's goal is one the guides have no plan for: said once,
    at the top, with what the plan heads for instead."""
    if not profile.uncovered_goal:
        return ""
    mention = UNCOVERED_MENTIONS.get(profile.uncovered_goal)
    return (f"The guides have no learning path for {profile.uncovered_goal}{f' ({mention})' if mention else ''}, "
            f"so this plan heads for the closest goal they cover: {name}. ")


def goal_summary(profile: Profile, skill_map: SkillMap, months: list[Month], reached: str, needed: int,
                 full: int) -> Goal:
    """The goal, where it starts, its share of the hours, and the headline that says it all first."""
    from agent.plan.order import goal_depths  # order imports the profile only; avoid a cycle at import

    name = goal_name(profile, skill_map)
    own = list(goal_depths(profile, skill_map))
    if profile.certification_goal:
        own.append(skill_map.certifications[profile.certification_goal].exam.id)
    planned = sum(m.hours for m in months)
    build = sum(m.build_hours for m in months)
    starts = next((m.month for m in months if any(s.strand == "build" and s.id in own for s in m.skills)), None)
    share = round(100 * build / planned) if planned else 0
    around_share = round(100 * sum(m.around_hours for m in months) / planned) if planned else 0
    names = _names([skill_map.skill(s).name for s in own])
    hours_line = _hours_line(share, around_share, months)
    hpw, n = profile.hours_per_week, profile.months
    if reached == "held":
        headline = f"**Goal: {name}.** You already hold its skills: this plan deepens the rest of the track."
    elif reached == "full":
        headline = f"**Goal: {name} — reached.** You work on {names} from month {starts}. {hours_line}"
    elif reached == "essentials":
        headline = (f"**Goal: {name} — reached at working level.** You work on {names} from month {starts} "
                    f"and reach their essentials; full depth needs {full} h: {_options(full, hpw, n)}. {hours_line}")
    else:
        headline = (f"**⚠️ Goal: {name} — not reachable in {_count(n, 'month')} at {hpw} h a week** "
                    f"(≈{_monthly(hpw) * n} h). The shortest path to a working version is {needed} h. "
                    f"Two options: {_options(needed, hpw, n)}. Below is the most useful path towards it, "
                    f"in order, as far as your hours go.")
    return Goal(name=name, skills=own, reached=reached, starts=starts, share=share, around_share=around_share,
                needed_hours=needed, headline=uncovered_line(profile, name) + headline)


def _hours_line(share: int, around: int, months: list[Month]) -> str:
    """Where the hours go: the goal itself, what deepens it, the foundations (each share stated)."""
    parts = [f"{share}% of the hours go to the goal itself"]
    if any(m.around_hours for m in months):
        parts.append(f"{around}% to what deepens it")
    rest = 100 - share - (around if len(parts) > 1 else 0)
    if rest > 0:
        parts.append(f"{rest}% to foundations")
    return (", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]) + "."


def _options(hours: int, hpw: int, n: int) -> str:
    """More hours a week for the same months, or more months at the same hours: each with its number."""
    weekly = next((h for h in range(hpw, HOURS_RANGE[1] + 1) if _monthly(h) * n >= hours), None)
    faster = (f"about {weekly} h a week for {_count(n, 'month')}" if weekly
              else f"more than {HOURS_RANGE[1]} h a week (not realistic) for {_count(n, 'month')}")
    slower = math.ceil(hours / max(1, _monthly(hpw)))
    return f"{faster}, or about {_count(slower, 'month')} at {hpw} h a week"


def notes(profile: Profile, skill_map: SkillMap, budget: int, months: list[Month],
          unscheduled: list[Unscheduled]) -> list[str]:
    hpw, n = profile.hours_per_week, profile.months
    lines = [f"Budget: {hpw} h a week × {WEEKS_PER_MONTH} weeks ≈ {budget} h a month; no month is planned above it."]
    if any(m.around_hours for m in months) or any(m.build_hours and m.build_hours < m.hours for m in months):
        lines.append("Strands: “Build on your goal” is the goal's own skills (and its capstone or exam); "
                     "“Deepen around your goal” the skills it builds on most directly and what takes your goal "
                     "project to deployment; “Foundations” the rest of what the track rests on. Each month says "
                     "its split.")
    for label, ids in (("Not planned because you already know them", profile.skills),
                       ("Done so far", profile.done), ("Skipped at your request", profile.skipped),
                       ("More time on", profile.focus)):
        names = [skill_map.skills[i].name for i in ids if i in skill_map.skills]
        if names:
            lines.append(f"{label}: {', '.join(names)}.")
    if profile.in_progress:
        lines.append("In progress (half their hours counted as done): "
                     + ", ".join(skill_map.skills[i].name for i in profile.in_progress) + ".")
    if unscheduled:
        total = sum(u.hours for u in unscheduled)
        lines.append(f"Left out rather than crammed: {_count(len(unscheduled), 'skill')} ({total} h) "
                     f"{'do' if len(unscheduled) > 1 else 'does'} not fit in {_count(n, 'month')} at {hpw} h a "
                     f"week; at this pace that is about {_count(math.ceil(total / budget), 'month')} more.")
    spare = [m for m in months if m.skills and m.hours < budget]
    if spare:
        lines.append("Spare hours (use them to review and polish projects): "
                     + ", ".join(f"month {m.month}: {budget - m.hours} h" for m in spare) + ".")
    quiet = [m.month for m in months if not m.skills]
    if quiet:
        lines.append(f"Month{'s' if len(quiet) > 1 else ''} {_span(quiet)} {'have' if len(quiet) > 1 else 'has'} "
                     "no new skills: everything in your track is already scheduled, so that time goes to "
                     "consolidation and your portfolio.")
    lines.append("Hours per skill (and what its essentials are) are careerbot's own rough estimates, not the "
                 "guides'; the skills, their order, the resources, projects and quotes come from the guides.")
    return lines


def apply_swaps(months: list[Month], swaps, skill_map: SkillMap, profile: Profile) -> tuple[list[Month], list[str]]:
    """Months swapped as asked ("swap months 2 and 3"), when no prerequisite would then come after
    what needs it; otherwise the plan stays and a note says why."""
    said = []
    for a, b in swaps:
        if not (1 <= a <= len(months) and 1 <= b <= len(months)) or a == b:
            said.append(f"Months {a} and {b} were not swapped: the plan has {_count(len(months), 'month')}.")
            continue
        order = list(months)
        order[a - 1], order[b - 1] = order[b - 1], order[a - 1]
        clash = _clash(order, skill_map, profile)
        if clash:
            said.append(f"Months {a} and {b} were not swapped: {clash}.")
            continue
        months = [m.model_copy(update={"month": n}) for n, m in enumerate(order, 1)]
        said.append(f"Months {a} and {b} swapped, as you asked.")
    return months, said


def _clash(months: list[Month], skill_map: SkillMap, profile: Profile) -> str | None:
    """The first prerequisite that would start after what needs it, in words."""
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    for n, month in enumerate(months):
        for s in month.skills:
            first.setdefault(s.id, n)
            if s.depth != "depth":
                last[s.id] = n
    for skill_id, start in first.items():
        for pre in skill_map.skill(skill_id).prerequisites:
            if pre in last and last[pre] > start:
                return f"{skill_map.skill(skill_id).name} needs {skill_map.skills[pre].name} first"
    return None


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1] if names else "it"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _span(numbers: list[int]) -> str:
    return str(numbers[0]) if len(numbers) == 1 else f"{numbers[0]}–{numbers[-1]}"
