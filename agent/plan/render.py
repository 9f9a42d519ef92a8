"""A plan as people and programs read it: Markdown, JSON, iCalendar, and timeline rows for a chart."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime, time, timedelta

from agent.plan.planner import monthly_hours
from agent.plan.schema import Month, Plan, SkillHours
from agent.plan.skillmap import SkillMap, load_skill_map

BACKGROUND_NAMES = {
    "student": "student", "software_engineer": "software engineer", "devops_engineer": "DevOps engineer",
    "data_engineer": "data engineer", "qa_engineer": "QA engineer", "data_analyst": "data analyst",
    "data_scientist": "data scientist", "career_changer": "career changer", "other": "not stated",
}
SUMMARY_CHARS = 90


def to_dict(plan: Plan) -> dict:
    """The stable JSON contract: {profile, months: [{month, focus, skills, hours, resources:
    [{name, kind, source}], project, checkpoint, citations}], unscheduled, notes}."""
    return plan.model_dump(mode="json")


def to_json(plan: Plan) -> str:
    return json.dumps(to_dict(plan), indent=2, ensure_ascii=False)


def timeline(plan: Plan, marks: dict[str, str] | None = None) -> list[dict]:
    """One row per skill per month, {skill, month, hours, status}, for a stacked bar or Gantt chart;
    status is the progress mark ("in_progress") or "todo"; skills done or skipped get a row of their
    own at month 0 ({skill, month: 0, hours: 0, status})."""
    marks = marks or {}
    rows = [{"skill": s.name, "month": m.month, "hours": s.hours, "status": marks.get(s.id, "todo")}
            for m in plan.months for s in m.skills]
    names = {s.id: s.name for s in load_skill_map().skills.values()}
    rows += [{"skill": names.get(i, i), "month": 0, "hours": 0, "status": status}
             for i, status in sorted(marks.items()) if status in ("done", "skipped")]
    return rows


# Markdown ---------------------------------------------------------------------------------------
def to_markdown(plan: Plan, skill_map: SkillMap | None = None) -> str:
    skill_map = skill_map or load_skill_map()
    profile = plan.profile
    totals = _totals(plan)
    held = [skill_map.skills[i].name for i in profile.skills if i in skill_map.skills]
    prefs = profile.preferences
    lines = [
        f"# Your {profile.months}-month plan: {plan.goal.name}",
        "",
        plan.goal.headline,
        "",
        f"- **Background:** {BACKGROUND_NAMES[profile.background]}",
        f"- **Already know:** {', '.join(held) if held else 'nothing stated'}",
        f"- **Time:** {profile.hours_per_week} h a week ≈ {monthly_hours(profile.hours_per_week)} h a month",
        f"- **Preferences:** {'any format' if prefs.format == 'any' else prefs.format}"
        f" · {'certification wanted' if prefs.certification else 'no certification asked for'}"
        f" · {prefs.cloud.upper() if prefs.cloud else 'no cloud provider chosen'}",
    ]
    for month in plan.months:
        lines += ["", *_month_lines(month, plan, totals, skill_map)]
    if plan.unscheduled:
        lines += ["", "## Not in this plan", "", *_left_out(plan)]
    lines += ["", "## Notes", "", *[f"- {note}" for note in plan.notes]]
    return "\n".join(lines) + "\n"


def _left_out(plan: Plan) -> list[str]:
    """What did not fit: the goal's own and what deepens it one line a skill (its parts together),
    the foundations in one line."""
    rank = {"build": 0, "around": 1, "foundation": 2}
    skills: dict[str, list] = {}
    for u in plan.unscheduled:
        skills.setdefault(u.id, []).append(u)
    lines, foundations = [], []
    for parts in skills.values():
        strand = min((u.strand for u in parts), key=rank.get)
        hours = sum(u.hours for u in parts)
        split = (" (" + ", then ".join(f"{u.hours} h {'in depth' if u.depth == 'depth' else u.depth}" for u in parts) + ")"
                 if len(parts) > 1 else " (in depth)" if parts[0].depth == "depth" else
                 " (essentials)" if parts[0].depth == "essentials" else "")
        if strand == "foundation":
            foundations.append(f"{parts[0].name}{' in depth' if all(u.depth == 'depth' for u in parts) else ''} ({hours} h)")
        else:
            mark = "🎯 " if strand == "build" else ""
            why = "" if strand == "build" else " — deepens your goal"
            lines.append(f"- {mark}{parts[0].name}{why}: {hours} h still to go{split}")
    if foundations:
        lines.append(f"- Foundations for later: {', '.join(foundations)}.")
    return lines


def _month_lines(month: Month, plan: Plan, totals: dict[str, int], skill_map: SkillMap) -> list[str]:
    budget = monthly_hours(plan.profile.hours_per_week)
    lines = [f"## Month {month.month} — {month.focus}", ""]
    if month.skills:
        split = _split(month)
        lines += [f"**Study ({month.hours} of {budget} h{split}):**", ""]
        lines += [f"- {_label(s)}: {_share(s, month.month, plan, totals)}" for s in month.skills]
        lines.append("")
    lines += ["**Resources:**", ""]
    lines += [f"- {r.name} ({r.kind}; named in the *{skill_map.short_title(r.source)}*)" for r in month.resources]
    lines += ["", f"**Project milestone:** {month.project}", "", f"**Checkpoint:** {month.checkpoint}", "",
              "**From the guides:**", ""]
    lines += [f"- “{c.quote}” ({_where(c, skill_map)})" for c in month.citations]
    return lines


def _split(month: Month) -> str:
    """" — goal 20 h, around it 10 h, foundations 13 h", when the month has more than one strand."""
    foundation = month.hours - month.build_hours - month.around_hours
    parts = [(label, hours) for label, hours in (("build on your goal", month.build_hours),
                                                 ("deepen around it", month.around_hours),
                                                 ("foundations", foundation)) if hours]
    return " — " + ", ".join(f"{label} {hours} h" for label, hours in parts) if len(parts) > 1 else ""


def _where(citation, skill_map: SkillMap) -> str:
    """"Guide › section path", the guide by its short title, without repeating a title the guide also
    uses as its first section heading."""
    parts = citation.section.split(" › ")
    parts = parts[1:] if parts[0] == citation.title else parts
    return " › ".join([skill_map.short_title(citation.guide), *parts])


def _label(skill: SkillHours) -> str:
    depth = {"essentials": " — essentials", "depth": " — in depth", "full": ""}[skill.depth]
    return f"{'🎯 ' if skill.strand == 'build' else ''}{skill.name}{depth}"


def _share(skill: SkillHours, n: int, plan: Plan, totals: dict[tuple[str, str], int]) -> str:
    later = [m.month for m in plan.months if m.month > n
             and any((s.id, s.depth) == (skill.id, skill.depth) for s in m.skills)]
    goes_on = f"continues in month {later[0]}" if later else "continues after this plan"
    total = totals[skill.id, skill.depth]
    return {
        "whole": f"{skill.hours} h",
        "start": f"{skill.hours} h of {total} ({goes_on})",
        "middle": f"{skill.hours} h more of {total} ({goes_on})",
        "end": f"the last {skill.hours} h of {total}",
    }[skill.part]


def _totals(plan: Plan) -> dict[tuple[str, str], int]:
    """Hours of each (skill, depth) over the plan; what is unscheduled counts for the part that was started."""
    totals: dict[tuple[str, str], int] = {}
    for month in plan.months:
        for skill in month.skills:
            totals[skill.id, skill.depth] = totals.get((skill.id, skill.depth), 0) + skill.hours
    for skill in plan.unscheduled:
        if (skill.id, skill.depth) in totals:
            totals[skill.id, skill.depth] += skill.hours
    return totals


# iCalendar --------------------------------------------------------------------------------------
def to_ics(plan: Plan, start: date | None = None) -> bytes:
    """One all-day event per month, on its last day: the month's project milestone. `start` is the
    first day of month 1 (default: the first day of next month). UIDs depend on the plan only, so
    importing a re-exported plan updates the events instead of duplicating them."""
    from icalendar import Calendar, Event  # ~0.1 s to import: only when a calendar is asked for

    start = start or _first_of_next_month(date.today())
    digest = hashlib.sha256(to_json(plan).encode("utf-8")).hexdigest()[:16]
    calendar = Calendar()
    calendar.add("prodid", "-//careerbot//learning plan//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-caldesc", f"careerbot plan: {plan.goal.name}. Month 1 starts on {start.isoformat()}.")
    for month in plan.months:
        due = _add_months(start, month.month) - timedelta(days=1)
        event = Event()
        event.add("uid", f"careerbot-plan-{digest}-month-{month.month}")
        event.add("dtstamp", datetime.combine(start, time(0), tzinfo=UTC))
        event.add("dtstart", due)
        event.add("dtend", due + timedelta(days=1))
        event.add("summary", _clip(f"Month {month.month} milestone: {month.project}"))
        begins = _add_months(start, month.month - 1)
        event.add("description", f"Month {month.month}: {begins.isoformat()} to {due.isoformat()}.\n"
                                 + _description(month))
        calendar.add_component(event)
    return calendar.to_ical()


def _description(month: Month) -> str:
    skills = ", ".join(f"{s.name} ({s.hours} h)" for s in month.skills) or "none (consolidation)"
    return "\n".join([
        month.focus, f"Skills: {skills}", f"Project: {month.project}", f"Checkpoint: {month.checkpoint}",
        "Resources: " + ", ".join(r.name for r in month.resources),
    ])


def _clip(text: str) -> str:
    return text if len(text) <= SUMMARY_CHARS else text[: SUMMARY_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _first_of_next_month(today: date) -> date:
    return _add_months(today.replace(day=1), 1)


def _add_months(day: date, months: int) -> date:
    """`day` moved on by whole months (clamped to the end of a shorter month)."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(f"cannot move {day} by {months} months")
