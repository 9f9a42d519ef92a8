"""evals/datasets/plans.jsonl: every row parses as stated and its plan has the expected properties."""

import json

import pytest

from agent.plan import build_plan, load_skill_map, parse_profile
from agent.settings import PROJECT_ROOT

DATASET = PROJECT_ROOT / "evals" / "datasets" / "plans.jsonl"
ROWS = [json.loads(line) for line in DATASET.read_text(encoding="utf-8").splitlines()]
PROFILE_KEYS = {"track", "hours_per_week", "months", "background"}
PREFERENCE_KEYS = {"format", "certification", "cloud"}


def test_rows_follow_the_schema():
    assert len(ROWS) >= 15
    assert len({row["id"] for row in ROWS}) == len(ROWS)
    ids = set(load_skill_map().skills)
    for row in ROWS:
        assert set(row) == {"id", "text", "expect"}
        expect = row["expect"]
        assert {"track", "hours_per_week", "months", "must_include", "must_not_include"} <= set(expect)
        assert set(expect) <= PROFILE_KEYS | PREFERENCE_KEYS | {"must_include", "must_not_include", "fits"}
        assert set(expect["must_include"]) | set(expect["must_not_include"]) <= ids


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_plan_has_the_expected_properties(row):
    expect = row["expect"]
    profile = parse_profile(row["text"])
    plan = build_plan(profile)
    stated = PROFILE_KEYS & set(expect)
    assert {k: getattr(profile, k) for k in stated} == {k: expect[k] for k in stated}
    tastes = PREFERENCE_KEYS & set(expect)
    assert {k: getattr(profile.preferences, k) for k in tastes} == {k: expect[k] for k in tastes}
    scheduled = {skill.id for month in plan.months for skill in month.skills}
    assert set(expect["must_include"]) - scheduled == set()
    assert set(expect["must_not_include"]) & scheduled == set()
    if "fits" in expect:
        assert (plan.unscheduled == []) is expect["fits"]
