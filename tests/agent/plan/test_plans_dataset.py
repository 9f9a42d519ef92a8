"""evals/datasets/plans.jsonl: every row parses as stated and its plan has the expected properties."""

import json

import pytest

from agent.plan import build_plan, load_skill_map, parse_profile
from agent.settings import PROJECT_ROOT
from evals.suites.plans import fit_failures, violations

DATASET = PROJECT_ROOT / "evals" / "datasets" / "plans.jsonl"
ROWS = [json.loads(line) for line in DATASET.read_text(encoding="utf-8").splitlines()]
PROFILE_KEYS = {"track", "hours_per_week", "months", "background", "certification_goal"}
PREFERENCE_KEYS = {"format", "certification", "cloud"}


def test_rows_follow_the_schema():
    assert len(ROWS) >= 40
    assert len({row["id"] for row in ROWS}) == len(ROWS)
    skill_map = load_skill_map()
    ids = set(skill_map.skills)
    milestones = {c.exam.id for c in skill_map.certifications.values()}
    milestones |= {t.capstone.id for t in skill_map.tracks.values() if t.capstone}
    for row in ROWS:
        assert set(row) == {"id", "text", "expect"}
        expect = row["expect"]
        assert {"track", "hours_per_week", "months", "skills", "must_include", "must_not_include"} <= set(expect)
        assert set(expect) <= PROFILE_KEYS | PREFERENCE_KEYS | {"skills", "must_include", "must_not_include", "goal",
                                                                    "goal_name", "headline_says", "goal_share_at_least",
                                                                    "goal_strand"}
        assert set(expect["must_include"]) | set(expect["must_not_include"]) <= ids | milestones
        assert set(expect["skills"]) | set(expect.get("goal_strand", ())) <= ids
        assert expect.get("goal", "reachable") in ("reachable", "unreachable")


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_plan_has_the_expected_properties(row):
    assert fit_failures(row) == []


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_every_dataset_plan_keeps_the_rules(row):
    assert violations(build_plan(parse_profile(row["text"]))) == []
