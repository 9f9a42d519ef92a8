"""Plan output: golden Markdown, the JSON contract, iCalendar that parses back, timeline rows."""

import json
import os
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar

from agent.plan import Plan, Profile, build_plan, parse_profile, timeline, to_dict, to_ics, to_json, to_markdown

GOLDEN = Path(__file__).parent / "golden"
GOLDEN_PROFILES = {
    "backend_llm": "I'm a backend developer, I know Python, SQL and Docker, 10 hours a week, I want to build LLM apps",
    "career_changer_mlops": "Switching careers from teaching. I know a bit of Python, 6 hours a week, I want to "
                            "get into MLOps within a year, I prefer courses and I'd like an AWS certification",
}


@pytest.mark.parametrize("name", sorted(GOLDEN_PROFILES))
def test_markdown_matches_the_golden_file(name):
    """Regenerate after an intended change with CAREERBOT_UPDATE_GOLDEN=1, then read the diff."""
    markdown = to_markdown(build_plan(parse_profile(GOLDEN_PROFILES[name])))
    path = GOLDEN / f"{name}.md"
    if os.environ.get("CAREERBOT_UPDATE_GOLDEN"):
        path.write_text(markdown, encoding="utf-8")
    assert markdown == path.read_text(encoding="utf-8")


def test_markdown_cites_guides_by_title_and_section():
    markdown = to_markdown(build_plan(Profile(track="generalist")))
    assert "(ML Engineer Skill Matrix › Programming)" in markdown
    assert "(How to Become an ML Engineer guide › 2. Learn Machine Learning Concepts)" in markdown
    assert "- NumPy (tool; named in the *ML Engineer Skill Matrix*)" in markdown


def test_json_keeps_the_contract():
    data = json.loads(to_json(build_plan(Profile(track="llm", skills=("python",), hours_per_week=20))))
    assert list(data) == ["profile", "goal", "months", "unscheduled", "notes"]
    assert list(data["profile"]) == ["background", "skills", "hours_per_week", "months", "track", "preferences",
                                     "certification_goal", "skipped", "focus", "wanted", "done", "in_progress", "swaps",
                                     "skill_goal", "uncovered_goal"]
    assert list(data["goal"]) == ["name", "skills", "reached", "starts", "share", "around_share", "needed_hours",
                                  "headline"]
    month = data["months"][0]
    assert list(month) == ["month", "focus", "skills", "hours", "build_hours", "around_hours", "resources", "project",
                           "checkpoint",
                           "citations"]
    assert list(month["skills"][0]) == ["id", "name", "hours", "part", "depth", "strand"]
    assert list(month["resources"][0]) == ["name", "kind", "source"]
    assert list(month["citations"][0]) == ["guide", "title", "section", "quote"]
    assert list(data["unscheduled"][0]) == ["id", "name", "hours", "depth", "strand"]
    assert to_dict(build_plan(Profile(track="llm", skills=("python",), hours_per_week=20))) == data
    assert to_dict(Plan.model_validate(data)) == data  # what the agent graph does with the tool's output


def test_ics_parses_back_with_one_event_per_month():
    plan = build_plan(Profile(track="mlops", months=4))
    calendar = Calendar.from_ical(to_ics(plan, start=date(2025, 1, 1)))
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 4
    assert [e.decoded("dtstart") for e in events] == [date(2025, 1, 31), date(2025, 2, 28), date(2025, 3, 31),
                                                      date(2025, 4, 30)]
    assert str(events[0]["summary"]).startswith("Month 1 milestone: ")
    assert "Checkpoint: " in str(events[0]["description"])
    assert str(events[0]["description"]).startswith("Month 1: 2025-01-01 to 2025-01-31.")
    assert "Month 1 starts on 2025-01-01" in str(calendar["x-wr-caldesc"])
    assert len({str(e["uid"]) for e in events}) == 4


def test_ics_is_deterministic_and_uids_do_not_depend_on_the_start():
    plan = build_plan(Profile(track="cv"))
    assert to_ics(plan, date(2025, 3, 1)) == to_ics(plan, date(2025, 3, 1))
    uids = [[str(e["uid"]) for e in Calendar.from_ical(to_ics(plan, start)).walk("VEVENT")]
            for start in (date(2025, 3, 1), date(2026, 7, 1))]
    assert uids[0] == uids[1]


def test_ics_starts_next_month_by_default():
    events = list(Calendar.from_ical(to_ics(build_plan(Profile(months=1)))).walk("VEVENT"))
    today = date.today()
    first = date(today.year + today.month // 12, today.month % 12 + 1, 1)
    assert events[0].decoded("dtend") == date(first.year + first.month // 12, first.month % 12 + 1, 1)


def test_timeline_rows_sum_to_the_month_hours():
    plan = build_plan(Profile(track="llm", hours_per_week=25, months=8))
    rows = timeline(plan)
    assert rows[0] == {"skill": "Python programming", "month": 1, "hours": 20, "status": "todo"}
    for month in plan.months:
        assert sum(r["hours"] for r in rows if r["month"] == month.month) == month.hours


def test_timeline_shows_progress_marks():
    plan = build_plan(Profile(track="llm", hours_per_week=25, months=8, done=("python",), in_progress=("llms",)))
    rows = timeline(plan, {"python": "done", "llms": "in_progress"})
    assert {"skill": "Python programming", "month": 0, "hours": 0, "status": "done"} in rows
    assert {r["status"] for r in rows if r["skill"].startswith("Large language models")} == {"in_progress"}
    assert not [r for r in rows if r["skill"] == "Python programming" and r["month"]]
