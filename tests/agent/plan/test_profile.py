"""The Profile model: validation with clear messages, stated defaults, what to ask, facts across turns."""

import pytest
from pydantic import ValidationError

from agent.plan import Preferences, Profile, merge_facts, missing_fields


@pytest.mark.parametrize(("hours", "message"), [
    (0, "hours_per_week must be between 1 and 80 hours a week, got 0"),
    (200, "hours_per_week must be between 1 and 80 hours a week, got 200"),
])
def test_hours_out_of_range_are_rejected_clearly(hours, message):
    with pytest.raises(ValidationError, match=message):
        Profile(hours_per_week=hours)


@pytest.mark.parametrize(("months", "message"), [
    (0, "months must be between 1 and 24, got 0"),
    (99, "months must be between 1 and 24, got 99"),
])
def test_months_out_of_range_are_rejected_clearly(months, message):
    with pytest.raises(ValidationError, match=message):
        Profile(months=months)


def test_the_range_ends_are_allowed():
    assert Profile(hours_per_week=1, months=1).hours_per_week == 1
    assert Profile(hours_per_week=80, months=24).months == 24


def test_unknown_skill_ids_are_rejected_with_the_known_ones():
    with pytest.raises(ValidationError, match="unknown skill id\\(s\\) pyhton; known ids: python, sql"):
        Profile(skills=("pyhton",))


def test_skills_are_deduplicated_and_sorted():
    assert Profile(skills=("sql", "python", "sql")).skills == ("python", "sql")


def test_unknown_fields_and_values_are_rejected():
    with pytest.raises(ValidationError):
        Profile(track="quantum")
    with pytest.raises(ValidationError):
        Profile(colour="blue")
    with pytest.raises(ValidationError):
        Preferences(cloud="ibm")


def test_from_facts_applies_the_stated_defaults():
    assert Profile.from_facts({}) == Profile(
        background="other", skills=(), hours_per_week=10, months=6, track="generalist", preferences=Preferences())


def test_from_facts_takes_preferences_and_drops_skills_not_held():
    profile = Profile.from_facts({
        "skills": ["python", "sql"], "skills_not_held": ["sql"], "format": "books", "certification": True,
        "cloud": "gcp", "track": "mlops", "hours_per_week": 12, "months": 9, "background": "student",
    })
    assert profile == Profile(background="student", skills=("python",), hours_per_week=12, months=9, track="mlops",
                              preferences=Preferences(format="books", certification=True, cloud="gcp"))


def test_missing_fields_lists_what_the_chat_should_ask():
    assert missing_fields({}) == ["hours_per_week", "track", "skills"]
    assert missing_fields({"track": "llm", "skills": ["python"]}) == ["hours_per_week"]
    assert missing_fields({"hours_per_week": 5, "background": "student"}) == ["track"]
    assert missing_fields({"hours_per_week": 5, "track": "cv", "skills_not_held": ["sql"]}) == []


def test_merge_facts_newer_statements_win():
    old = {"hours_per_week": 10, "track": "llm", "skills": ["python", "sql"]}
    new = {"hours_per_week": 6, "skills": ["docker"], "skills_not_held": ["sql"]}
    assert merge_facts(old, new) == {"hours_per_week": 6, "track": "llm", "skills": ["docker", "python"],
                                     "skills_not_held": ["sql"]}


def test_merge_facts_a_skill_said_held_later_leaves_the_not_held_set():
    assert merge_facts({"skills_not_held": ["sql"]}, {"skills": ["sql"]}) == {"skills": ["sql"]}


def test_merge_facts_does_not_change_its_inputs():
    old, new = {"skills": ["python"]}, {"skills": ["sql"]}
    merge_facts(old, new)
    assert old == {"skills": ["python"]} and new == {"skills": ["sql"]}
