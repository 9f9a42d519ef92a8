"""The planner: properties that hold for every profile, and the behaviour a learner should see."""

import re
import time

import pytest
import yaml
from hypothesis import given, settings, strategies as st

from agent.plan import Preferences, Profile, build_plan, load_skill_map, monthly_hours, to_json
from agent.plan.order import TRACK_GOALS, study_order
from agent.settings import PROJECT_ROOT

CORPUS = PROJECT_ROOT / "corpus"
SKILLS = load_skill_map().skills
RESOURCES = yaml.safe_load((CORPUS / "resources.yaml").read_text(encoding="utf-8"))["resources"]
BEGINNER = Profile(hours_per_week=10, months=6, track="generalist")
BACKEND = ("docker", "python", "software_engineering", "sql")


def norm(text):
    """Casefold, drop Markdown emphasis and list/heading markers, collapse whitespace (as tests/corpus)."""
    text = re.sub(r"^\s*(#+|[-*+])\s+", " ", text, flags=re.M)
    text = text.replace("**", "").replace("__", "").replace("*", "").replace("`", "")
    return " ".join(text.casefold().split())


GUIDES = {p.name: norm(p.read_text(encoding="utf-8")) for p in CORPUS.glob("*.md")}

profiles = st.builds(
    Profile,
    background=st.sampled_from(
        ["student", "software_engineer", "data_analyst", "data_scientist", "career_changer", "other"]),
    skills=st.sets(st.sampled_from(sorted(SKILLS))).map(lambda s: tuple(sorted(s))),
    hours_per_week=st.integers(1, 80),
    months=st.integers(1, 24),
    track=st.sampled_from(sorted(TRACK_GOALS)),
    preferences=st.builds(Preferences, format=st.sampled_from(["courses", "books", "any"]), certification=st.booleans(),
                          cloud=st.sampled_from([None, "aws", "gcp", "azure"])),
)


def positions(plan):
    """skill id → [(month, index in month)] in plan order."""
    found = {}
    for month in plan.months:
        for index, skill in enumerate(month.skills):
            found.setdefault(skill.id, []).append((month.month, index))
    return found


def scheduled(plan):
    return {skill.id for month in plan.months for skill in month.skills}


def first_month(plan, skill_id):
    return min((m for m, _ in positions(plan).get(skill_id, [])), default=plan.profile.months + 1)


# Properties ---------------------------------------------------------------------------------------
@settings(max_examples=300, deadline=None)
@given(profiles)
def test_every_plan_keeps_the_rules(profile):
    plan = build_plan(profile)
    budget = monthly_hours(profile.hours_per_week)
    where = positions(plan)
    unscheduled = [u.id for u in plan.unscheduled]

    # exactly `months` months, numbered, none above the budget, hours adding up
    assert [m.month for m in plan.months] == list(range(1, profile.months + 1))
    for month in plan.months:
        assert month.hours == sum(s.hours for s in month.skills) <= budget
        assert all(s.hours > 0 for s in month.skills)

    # skills held are never scheduled; every other skill of the track is scheduled or unscheduled, in full
    held = set(profile.skills)
    assert not held & (set(where) | set(unscheduled))
    todo = {s.id for s in load_skill_map().in_track(profile.track)} - held
    hours = {}
    for month in plan.months:
        for s in month.skills:
            hours[s.id] = hours.get(s.id, 0) + s.hours
    for u in plan.unscheduled:
        hours[u.id] = hours.get(u.id, 0) + u.hours
    assert hours == {i: SKILLS[i].hours for i in todo}

    # every prerequisite is finished before what needs it starts, unless already held
    for skill_id, places in where.items():
        for pre in SKILLS[skill_id].prerequisites:
            if pre in held:
                continue
            assert pre in where and pre not in unscheduled, (skill_id, pre)
            assert where[pre][-1] < places[0], (skill_id, pre)
    for n, skill_id in enumerate(unscheduled):
        for pre in SKILLS[skill_id].prerequisites:
            assert pre in held or (pre in where and pre not in unscheduled) or pre in unscheduled[:n], (skill_id, pre)

    # resources are the guides' own, 2-4 a month; citations quote their guides
    named = {(r["name"], r["guide"]): r["kind"] for r in RESOURCES}
    for month in plan.months:
        assert 2 <= len(month.resources) <= 4
        assert len({r.name for r in month.resources}) == len(month.resources)
        for r in month.resources:
            assert named[r.name, r.source] == r.kind
        assert 1 <= len(month.citations) <= 4
        for c in month.citations:
            assert norm(c.quote) in GUIDES[c.guide], c
        assert month.project and month.checkpoint and month.focus
        if not profile.preferences.certification:
            assert all(r.kind != "certification" for r in month.resources)

    # deterministic
    assert to_json(build_plan(profile)) == to_json(plan)


def test_building_a_plan_is_fast():
    profile = Profile(hours_per_week=1, months=24, track="mlops")
    build_plan(profile)
    started = time.perf_counter()
    for _ in range(20):
        build_plan(profile)
    assert (time.perf_counter() - started) / 20 < 0.5


# Behaviour ----------------------------------------------------------------------------------------
def test_a_beginner_starts_with_python_and_maths():
    plan = build_plan(BEGINNER)
    order = list(dict.fromkeys(s.id for m in plan.months for s in m.skills))
    assert order[:3] == ["python", "linear_algebra_calculus", "probability_statistics"]
    assert [s.id for s in plan.months[0].skills] == ["python"]


def test_a_backend_engineer_does_not_relearn_and_reaches_ml_and_mlops_sooner():
    beginner = build_plan(Profile(hours_per_week=10, months=6, track="mlops"))
    backend = build_plan(Profile(background="software_engineer", skills=BACKEND, hours_per_week=10, months=6,
                                 track="mlops"))
    assert not scheduled(backend) & set(BACKEND)
    assert first_month(backend, "classical_ml") < first_month(beginner, "classical_ml")
    assert first_month(backend, "model_deployment") < first_month(beginner, "model_deployment")
    assert first_month(backend, "model_deployment") == 6


def test_the_llm_track_reaches_rag_and_agents_with_enough_hours():
    plan = build_plan(Profile(skills=("python", "sql"), hours_per_week=20, months=6, track="llm"))
    order = [s.id for m in plan.months for s in m.skills]
    assert {"llms", "rag", "agents"} <= set(order)
    assert {"llms", "rag", "agents"}.isdisjoint(u.id for u in plan.unscheduled)
    assert order.index("llms") < order.index("rag") < order.index("agents")


def test_the_llm_track_heads_for_its_goals_before_the_rest_of_the_track():
    order = [s.id for s in study_order(Profile(skills=("python",), track="llm"), load_skill_map())]
    assert order.index("agents") < order.index("communication")
    assert order.index("agents") < order.index("model_deployment")


def test_when_the_goal_does_not_fit_the_plan_says_what_it_would_take():
    profile = Profile(background="software_engineer", skills=BACKEND, hours_per_week=10, months=6, track="llm")
    plan = build_plan(profile)
    assert {"llms", "rag", "agents"} <= {u.id for u in plan.unscheduled}
    assert ("Large language models (prompting, fine-tuning, productionizing), Retrieval-augmented generation (RAG) "
            "and AI agents are not reached in 6 months. Getting there takes 385 h: about 16 h a week for 6 months, "
            "or about 9 months at 10 h a week.") in plan.notes
    faster = build_plan(profile.model_copy(update={"hours_per_week": 16}))
    assert {"llms", "rag", "agents"} <= scheduled(faster) - {u.id for u in faster.unscheduled}


def test_the_mlops_track_reaches_deployment_monitoring_and_pipelines():
    plan = build_plan(Profile(background="software_engineer", skills=BACKEND, hours_per_week=20, months=6,
                              track="mlops"))
    done = scheduled(plan) - {u.id for u in plan.unscheduled}
    assert {"model_deployment", "monitoring", "ml_pipelines"} <= done


def test_a_tiny_budget_reports_unscheduled_skills_instead_of_cramming():
    plan = build_plan(Profile(hours_per_week=2, months=1, track="mlops"))
    assert len(plan.months) == 1
    assert [(s.id, s.hours, s.part) for s in plan.months[0].skills] == [("python", 8, "start")]
    assert plan.unscheduled[0].model_dump() == {"id": "python", "name": "Python programming", "hours": 32}
    assert len(plan.unscheduled) == 18
    assert any(note.startswith("Left out rather than crammed: 18 skills (682 h) do not fit in 1 month at 2 h a week")
               for note in plan.notes)


def test_a_month_does_not_start_a_skill_with_its_last_few_hours():
    plan = build_plan(BEGINNER)
    assert [(s.id, s.hours) for s in plan.months[0].skills] == [("python", 40)]
    assert "Spare hours (use them to review and polish projects): month 1: 3 h" in plan.notes[-2]


def test_spare_months_are_consolidation_and_say_so():
    plan = build_plan(Profile(skills=("python",), hours_per_week=80, months=6, track="mlops"))
    assert [m.hours for m in plan.months[2:]] == [0, 0, 0, 0]
    month = plan.months[3]
    assert month.skills == [] and month.focus.startswith("Consolidation: no new skills")
    assert [r.name for r in month.resources] == ["GitHub", "Kaggle"]
    assert month.project == SKILLS["portfolio"].project
    assert plan.unscheduled == []
    assert any(note.startswith("Months 3–6 have no new skills") for note in plan.notes)


def test_a_long_skill_spans_months_with_its_parts():
    plan = build_plan(Profile(hours_per_week=3, months=4, track="cv"))
    assert [[(s.id, s.hours, s.part) for s in m.skills] for m in plan.months] == [
        [("python", 12, "start")],
        [("python", 12, "middle")],
        [("python", 12, "middle")],
        [("python", 4, "end"), ("linear_algebra_calculus", 8, "start")],
    ]
    assert plan.months[0].project.startswith("Begin (finished in month 4): Explore an interesting dataset")
    assert plan.months[0].checkpoint.startswith("Progress check, 12 of 40 h of Python programming done")


def test_a_long_skill_quotes_different_passages_in_different_months():
    plan = build_plan(Profile(hours_per_week=3, months=3, track="cv"))
    quotes = [tuple(c.quote for c in m.citations) for m in plan.months]
    assert len(set(quotes)) > 1


@pytest.mark.parametrize(("preferences", "month_skill", "expected"), [
    (Preferences(format="books"), "model_deployment",
     "Designing Machine Learning Systems: An Iterative Process for Production-Ready Applications"),
    (Preferences(format="courses"), "classical_ml", "Andrew Ng’s Machine Learning Specialization"),
    (Preferences(certification=True), "classical_ml", "IBM Machine Learning Professional Certificate"),
    (Preferences(certification=True, cloud="gcp"), "cloud",
     "Google Professional Machine Learning Engineer Certification"),
    (Preferences(cloud="gcp"), "cloud", "GCP"),
])
def test_preferences_put_the_matching_resource_first(preferences, month_skill, expected):
    # everything else held, so month 1 is that skill alone
    profile = Profile(skills=tuple(sorted(set(SKILLS) - {month_skill})), track=SKILLS[month_skill].tracks[0],
                      preferences=preferences)
    month = build_plan(profile).months[0]
    assert [s.id for s in month.skills] == [month_skill]
    assert month.resources[0].name == expected


def test_a_cloud_preference_drops_the_other_providers():
    plan = build_plan(Profile(skills=tuple(sorted(set(SKILLS) - {"cloud"})), track="mlops",
                              preferences=Preferences(cloud="azure")))
    assert [r.name for r in plan.months[0].resources] == ["Azure", "Coursera"]
