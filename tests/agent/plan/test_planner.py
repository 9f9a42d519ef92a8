"""The planner: properties that hold for every profile, and the behaviour a learner should see."""

import re

import pytest
import yaml
from hypothesis import given, settings, strategies as st

from agent.plan import Preferences, Profile, build_plan, load_skill_map, monthly_hours, to_json, to_markdown
from agent.plan.profile import BACKGROUNDS, TRACKS
from evals.suites.plans import violations
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
    background=st.sampled_from(BACKGROUNDS),
    skills=st.sets(st.sampled_from(sorted(SKILLS))).map(lambda s: tuple(sorted(s))),
    hours_per_week=st.integers(1, 80),
    months=st.integers(1, 24),
    track=st.sampled_from(sorted(TRACKS)),
    preferences=st.builds(Preferences, format=st.sampled_from(["courses", "books", "any"]), certification=st.booleans(),
                          cloud=st.sampled_from([None, "aws", "gcp", "azure"])),
    certification_goal=st.sampled_from([None, None, *sorted(load_skill_map().certifications)]),
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
def essentials_hours(plan, skill_id):
    """Hours of a skill's essentials (or whole skill) done, month by month: [(month, index, hours so far)]."""
    done, seen = [], 0
    for month in plan.months:
        for index, s in enumerate(month.skills):
            if s.id == skill_id and s.depth != "depth":
                seen += s.hours
                done.append((month.month, index, seen))
    return done


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
        assert month.build_hours == sum(s.hours for s in month.skills if s.strand == "build")
        assert all(s.hours > 0 for s in month.skills)

    # skills held are never scheduled; every other skill of the track is scheduled or unscheduled, in full
    held = set(profile.skills)
    assert not held & (set(where) | set(unscheduled))
    hours = {}
    for month in plan.months:
        for s in month.skills:
            hours[s.id] = hours.get(s.id, 0) + s.hours
    for u in plan.unscheduled:
        hours[u.id] = hours.get(u.id, 0) + u.hours
    for skill_id, total in hours.items():
        assert total == load_skill_map().skill(skill_id).hours, skill_id
    todo = {s.id for s in load_skill_map().in_track(profile.track)} - held
    assert todo <= set(hours)

    # the essentials of every prerequisite are finished before what needs it starts (the eval's check)
    assert violations(plan) == []
    cert = load_skill_map().certifications.get(profile.certification_goal or "")
    for month in plan.months:
        for index, s in enumerate(month.skills):
            if cert and cert.foundational and s.id in cert.skills:
                continue
            skill = load_skill_map().skill(s.id)
            for pre in skill.needs("essentials" if s.depth == "essentials" else "full"):
                if pre in held:
                    continue
                done = essentials_hours(plan, pre)
                assert done and done[-1][2] >= SKILLS[pre].essentials.hours, (s.id, pre)
                finished = next(d[:2] for d in done if d[2] >= SKILLS[pre].essentials.hours)
                assert finished <= (month.month, index), (s.id, pre)

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
        if not profile.preferences.certification and not profile.certification_goal:
            assert all(r.kind != "certification" for r in month.resources)

    # deterministic
    assert to_json(build_plan(profile)) == to_json(plan)


@settings(max_examples=200, deadline=None)
@given(profiles)
def test_the_goal_is_reached_whenever_the_hours_allow_and_said_at_the_top_otherwise(profile):
    plan = build_plan(profile)
    goal = plan.goal
    total = monthly_hours(profile.hours_per_week) * profile.months
    own = set(goal.skills)
    finished = {u.id for u in plan.unscheduled if u.depth != "depth"}
    if goal.needed_hours <= total:
        assert goal.reached in ("full", "essentials", "held")
        assert not own & finished  # every goal skill reaches at least its essentials
    else:
        assert goal.reached == "not_reached"
        assert goal.headline.startswith("**⚠️ Goal:") and "Two options:" in goal.headline
    if goal.reached in ("full", "essentials"):
        assert goal.starts is not None and goal.share > 0


@settings(max_examples=150, deadline=None)
@given(profiles)
def test_with_the_prerequisites_essentials_held_the_goal_starts_by_mid_plan(profile):
    from agent.plan.order import goal_depths

    depths = goal_depths(profile, load_skill_map())
    needed = {p for g in depths for p in load_skill_map().skill(g).prerequisites} - set(depths)
    profile = profile.model_copy(update={"skills": tuple(sorted(set(profile.skills) | needed - set(depths)))})
    profile = Profile.model_validate(profile.model_dump())
    plan = build_plan(profile)
    if plan.goal.reached in ("full", "essentials") and not needed - set(profile.skills):
        assert plan.goal.starts <= max(1, (profile.months + 1) // 2)


def prerequisites_of(skill_ids):
    """Every skill the given ones need first, transitively (prerequisites and what essentials need)."""
    skill_map, found, stack = load_skill_map(), set(), list(skill_ids)
    while stack:
        skill = skill_map.skill(stack.pop())
        for p in {*skill.prerequisites, *skill.needs("essentials")}:
            if p not in found:
                found.add(p)
                stack.append(p)
    return found


@settings(max_examples=250, deadline=None)
@given(profiles)
def test_once_the_goal_is_in_its_depth_and_what_deepens_it_come_before_foundations(profile):
    """After the month the goal's own skills are in, a month spends real time (MIN_START hours or
    more) on a foundation only when nothing of the goal's depth, its capstone or what deepens it is
    left to plan, or when that foundation is what they need first; the stated split adds up."""
    from agent.plan.packing import MIN_START

    plan = build_plan(profile)
    if plan.goal.reached not in ("full", "essentials"):
        return
    own = set(plan.goal.skills)
    done_at = max(m.month for m in plan.months for s in m.skills if s.id in own and s.depth != "depth")
    later = [s for m in plan.months if m.month > done_at for s in m.skills]
    deepening = {s.id for s in later if s.strand != "foundation"}
    deepening |= {u.id for u in plan.unscheduled if u.strand != "foundation"}
    needed_first = prerequisites_of(deepening)
    for month in plan.months:
        if month.month <= done_at:
            continue
        for slot in month.skills:
            if slot.strand == "foundation" and slot.hours >= MIN_START and slot.id not in needed_first:
                left = [s.id for m in plan.months if m.month > month.month for s in m.skills if s.strand != "foundation"]
                left += [u.id for u in plan.unscheduled if u.strand != "foundation"]
                assert not left, (month.month, slot.id, left)
        assert month.build_hours + month.around_hours <= month.hours
    # the share of the hours on the goal, and on what deepens it, is stated at the top
    assert f"{plan.goal.share}% of the hours go to the goal itself" in plan.goal.headline
    if plan.goal.around_share:
        assert f"{plan.goal.around_share}% to what deepens it" in plan.goal.headline


@pytest.mark.parametrize("text", [
    "I'm a bootcamp graduate, I know Python and scikit-learn. I want to do computer vision.",
    "I know Python and SQL. I want to build LLM apps.",
    "I know Python. I want an NLP job.",
    "I'm a data scientist. I want to move into MLOps.",
])
@pytest.mark.parametrize("months", [6, 12])
@pytest.mark.parametrize("hours", [5, 10, 20])
def test_a_track_goal_keeps_most_of_the_hours_on_the_goal_and_around_it(text, months, hours):
    """The issue's complaint: a computer-vision plan with ~10 % on computer vision. Now the goal and
    what deepens it (its depth, the skills it builds on, its project taken to deployment) take at
    least half the hours of every such plan, unless the hours cover all of them and more."""
    from agent.plan import parse_profile

    plan = build_plan(parse_profile(f"{text} {hours} hours a week, {months} months."))
    assert plan.goal.reached in ("full", "essentials")
    everything = not any(u.strand != "foundation" for u in plan.unscheduled)
    assert plan.goal.share + plan.goal.around_share >= 50 or everything, plan.goal.headline
    assert plan.goal.share >= 15


def test_the_goal_s_own_depth_is_labelled_as_the_goal_not_a_foundation():
    """"RAG (in depth)" was labelled a foundation: the depth of a goal skill is the goal's strand."""
    plan = build_plan(Profile(skills=("python",), hours_per_week=5, months=6, track="llm"))
    assert plan.goal.reached == "essentials"
    for m in plan.months:
        for s in m.skills:
            if s.id in ("llms", "rag", "agents"):
                assert s.strand == "build", (m.month, s)
    for u in plan.unscheduled:
        if u.id in ("llms", "rag", "agents"):
            assert u.strand == "build"
    text = to_markdown(plan)
    assert "Foundations: Retrieval" not in text and "Foundations: Large language" not in text


def test_a_computer_vision_plan_deepens_computer_vision_after_it_is_reached():
    plan = build_plan(Profile(skills=("classical_ml", "python"), hours_per_week=10, months=6, track="cv"))
    ids = [s.id for m in plan.months for s in m.skills]
    assert "capstone_cv" in ids and "model_deployment" in ids  # the CV project taken to deployment
    cv_done = max(m.month for m in plan.months for s in m.skills if s.id == "computer_vision")
    after = [s for m in plan.months if m.month > cv_done for s in m.skills]
    assert sum(s.hours for s in after if s.strand != "foundation") > sum(s.hours for s in after) / 2
    deepened = {s.id for m in plan.months for s in m.skills if s.strand == "around" and s.depth == "depth"}
    assert deepened >= {"deep_learning", "training_frameworks"}  # what CV builds on, in depth


# Behaviour ----------------------------------------------------------------------------------------
def goal_reached(plan):
    return plan.goal.reached in ("full", "essentials")


def test_the_backend_developer_of_the_issue_works_on_llm_apps_within_six_months():
    profile = Profile(background="software_engineer", skills=BACKEND, hours_per_week=10, months=6, track="llm")
    plan = build_plan(profile)
    assert plan.goal.reached == "full" and plan.goal.starts <= 3
    assert {"llms", "rag", "agents"} <= scheduled(plan)
    assert {"llms", "rag", "agents"}.isdisjoint(u.id for u in plan.unscheduled)
    order = [s.id for m in plan.months for s in m.skills]
    assert order.index("llms") < order.index("rag") < order.index("agents")
    # the prerequisites are planned at their essentials, not at full depth, before the goal
    first = {s.id: s.depth for m in plan.months for s in m.skills}
    assert all(first[p] in ("essentials", "depth") for p in ("classical_ml", "deep_learning", "training_frameworks"))
    assert plan.goal.headline.startswith("**Goal: LLM apps — reached.**")
    assert f"{plan.goal.share}% of the hours" in plan.goal.headline


def test_a_month_with_both_strands_states_the_split():
    plan = build_plan(Profile(background="software_engineer", skills=BACKEND, hours_per_week=10, months=6,
                              track="llm"))
    both = [m for m in plan.months if 0 < m.build_hours < m.hours]
    assert both
    assert "build" in {s.strand for s in both[0].skills} and len({s.strand for s in both[0].skills}) > 1
    text = to_markdown(plan)
    assert f"build on your goal {both[0].build_hours} h" in text


def test_when_the_hours_cannot_reach_the_goal_the_top_says_so_with_both_options():
    plan = build_plan(Profile(hours_per_week=2, months=3, track="llm"))
    assert plan.goal.reached == "not_reached"
    assert plan.goal.headline.startswith("**⚠️ Goal: LLM apps — not reachable in 3 months at 2 h a week**")
    hours = int(plan.goal.headline.split("about ")[1].split(" h a week")[0])
    months = int(plan.goal.headline.split("or about ")[1].split(" months")[0])
    assert goal_reached(build_plan(Profile(hours_per_week=hours, months=3, track="llm")))
    assert goal_reached(build_plan(Profile(hours_per_week=2, months=min(24, months), track="llm"))) or months > 24
    assert not goal_reached(build_plan(Profile(hours_per_week=hours - 1, months=3, track="llm")))
    # still the most useful path: towards the goal, prerequisites first
    assert plan.months[0].skills[0].id == "python"


def test_a_certification_goal_plans_cloud_and_mlops_the_resource_and_an_exam_milestone():
    plan = build_plan(Profile.from_facts({"hours_per_week": 10, "months": 9, "certification_goal": "aws_ml_associate"}))
    assert goal_reached(plan)
    assert plan.profile.track == "mlops" and plan.profile.preferences.cloud == "aws"
    ids = scheduled(plan)
    assert {"cloud", "model_deployment", "monitoring", "exam_aws_ml_associate"} <= ids
    build = [s.id for m in plan.months for s in m.skills if s.strand == "build"]
    assert build[-1] == "exam_aws_ml_associate"  # the exam comes once everything it rests on is studied
    exam_month = next(m for m in plan.months if any(s.id == "exam_aws_ml_associate" for s in m.skills))
    assert "ML Associate" in [r.name for r in exam_month.resources]
    assert plan.goal.name == "AWS ML Associate certification"


def test_a_foundational_certification_does_not_pull_in_every_prerequisite():
    plan = build_plan(Profile(hours_per_week=6, months=4, certification_goal="aws_ai_practitioner"))
    assert goal_reached(plan)
    assert "exam_aws_ai_practitioner" in scheduled(plan)
    assert plan.goal.starts == 1


def test_edits_in_the_profile_change_the_plan():
    base = Profile(background="software_engineer", skills=BACKEND, hours_per_week=10, months=6, track="llm")
    skipped = build_plan(base.model_copy(update={"skipped": ("linear_algebra_calculus", "probability_statistics")}))
    assert not {"linear_algebra_calculus", "probability_statistics"} & scheduled(skipped)
    focus = build_plan(base.model_copy(update={"focus": ("agents",)}))
    hours = lambda plan, i: sum(s.hours for m in plan.months for s in m.skills if s.id == i)  # noqa: E731
    assert hours(focus, "agents") > hours(build_plan(base), "agents")


def test_swapping_months_is_refused_when_a_prerequisite_would_come_after():
    base = Profile(hours_per_week=10, months=6, track="generalist")
    plan = build_plan(base.model_copy(update={"swaps": ((1, 2),)}))
    assert any("not swapped" in n and "needs" in n for n in plan.notes)
    assert [m.skills for m in plan.months] == [m.skills for m in build_plan(base).months]
    late = build_plan(Profile(skills=tuple(sorted(set(SKILLS) - {"communication", "portfolio"})), hours_per_week=5,
                              months=4, track="generalist", swaps=((1, 4),)))
    assert any(n == "Months 1 and 4 swapped, as you asked." for n in late.notes)


def test_a_beginner_starts_with_python():
    plan = build_plan(BEGINNER)
    assert plan.months[0].skills[0].id == "python"


def test_spare_months_are_consolidation_and_say_so():
    plan = build_plan(Profile(skills=("python",), hours_per_week=80, months=6, track="mlops"))
    quiet = [m for m in plan.months if not m.skills]
    assert quiet
    month = quiet[0]
    assert month.focus.startswith("Consolidation: no new skills")
    assert [r.name for r in month.resources] == ["GitHub", "Kaggle"]
    assert plan.unscheduled == []


def test_a_long_skill_spans_months_with_its_parts():
    plan = build_plan(Profile(hours_per_week=3, months=4, track="cv"))
    parts = [(s.id, s.part) for m in plan.months for s in m.skills if s.id == "python"]
    assert parts[0] == ("python", "start") and parts[-1][1] in ("end", "middle")
    assert plan.months[0].checkpoint.startswith("Progress check, 12 of 20 h of Python programming (essentials) done")


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
