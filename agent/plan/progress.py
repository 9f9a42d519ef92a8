"""Progress on a plan: skills marked done, in progress or skipped (roadmap.sh's states), and the
remaining months re-planned from today. Kept per conversation, in the checkpointed chat state."""

from __future__ import annotations

from datetime import date

from agent.plan.profile import DEFAULTS
from agent.plan.schema import Plan
from agent.plan.skillmap import load_skill_map

STATUSES = ("done", "in_progress", "skipped", "todo")  # todo clears a mark
FACT_KEYS = {"done": "done", "in_progress": "in_progress", "skipped": "skipped"}


class ProgressError(ValueError):
    """A mark that cannot be applied: unknown skill or status (one line for the learner)."""


def new_progress(today: date) -> dict:
    return {"started": today.isoformat(), "marks": {}}


def mark(progress: dict, skill: str, status: str) -> dict:
    """`progress` with `skill` (an id or a plain name: "docker", "Docker", "linear algebra") marked."""
    status = status.replace("-", "_").replace(" ", "_").lower()
    if status not in STATUSES:
        raise ProgressError(f"unknown status {status!r}; use one of: {', '.join(STATUSES)}")
    skill_id = resolve_skill(skill)
    marks = dict(progress.get("marks") or {})
    if status == "todo":
        marks.pop(skill_id, None)
    else:
        marks[skill_id] = status
    return {**progress, "marks": dict(sorted(marks.items()))}


def resolve_skill(name: str) -> str:
    from agent.plan.said import skill_mentions

    skills = load_skill_map().skills
    key = name.strip().lower().replace(" ", "_").replace("-", "_")
    if key in skills:
        return key
    found = skill_mentions(name)
    if len(found) >= 1 and found[0] in skills:
        return found[0]
    raise ProgressError(f"unknown skill {name!r}; known ids: {', '.join(skills)}")


def elapsed_months(started: date, today: date) -> int:
    """Whole months from the plan's start to today."""
    months = (today.year - started.year) * 12 + today.month - started.month
    return max(0, months - (today.day < started.day))


def with_progress(facts: dict, progress: dict | None, today: date) -> tuple[dict, date | None]:
    """The facts to re-plan from today: marked skills as done / in progress / skipped, and the
    months left (at least one). Also the day the re-planned month 1 starts (None: no progress yet)."""
    if not progress or not progress.get("marks"):
        return facts, None
    planned = dict(facts)
    for status, key in FACT_KEYS.items():
        ids = sorted({s for s, st in progress["marks"].items() if st == status} | set(facts.get(key, ())))
        if ids:
            planned[key] = ids
    if planned.get("skills"):
        planned["skills"] = sorted(set(planned["skills"]) - set(planned.get("done", ())))
    started = date.fromisoformat(progress["started"])
    months = planned.get("months", DEFAULTS["months"])
    planned["months"] = max(1, months - elapsed_months(started, today))
    return planned, today


def current_plan(facts: dict, progress: dict | None, today: date) -> tuple[Plan, date | None]:
    """The plan as it stands today: built from `facts`, re-planned from the progress marked (and
    the day its month 1 starts, None when nothing is marked yet: the plan as first made)."""
    from agent.plan.tool import plan_from_facts  # the tool module imports the whole plan package

    planned, start = with_progress(facts, progress, today)
    return plan_from_facts(planned), start
