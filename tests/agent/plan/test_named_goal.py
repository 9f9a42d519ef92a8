"""A goal named without a track: a skill of the skill map becomes the plan's goal, a topic the guides
have no plan for gets an honest generalist plan, and neither brings the track question back."""

import re

import pytest

from agent.plan import Profile, build_plan, extract_profile_facts, merge_facts, missing_fields, parse_profile, to_markdown
from agent.settings import PROJECT_ROOT

STATISTICIAN = ("Make me a learning plan. Statistician, I know R and statistics, 12 h a week, "
                "deep learning in 6 months")
RECOMMENDERS = ("Make me a learning plan. Software engineer, I know Python, 10 h a week, "
                "recommender systems in 6 months")


def scheduled(plan):
    return [s.id for m in plan.months for s in m.skills]


# A skill as the goal ------------------------------------------------------------------------------
def test_deep_learning_in_6_months_is_the_goal_of_the_plan():
    facts = extract_profile_facts(STATISTICIAN)
    assert facts["wanted"] == ["deep_learning"] and "track" not in facts
    assert facts["background"] == "career_changer"  # a statistician moving into ML
    assert missing_fields(facts) == []  # nothing to ask: the goal, the hours and the skills are stated

    plan = build_plan(parse_profile(STATISTICIAN))
    assert plan.goal.name == "Deep learning concepts" and plan.goal.skills == ["deep_learning"]
    assert plan.goal.reached == "full"
    markdown = to_markdown(plan)
    assert markdown.startswith("# Your 6-month plan: Deep learning concepts\n")
    assert "**Goal: Deep learning concepts — reached.**" in markdown


def test_the_skill_goal_is_planned_goal_first_after_what_it_rests_on():
    plan = build_plan(parse_profile(STATISTICIAN))
    order = scheduled(plan)
    assert "probability_statistics" not in order  # stated as known: never planned, never the goal
    # deep learning rests on classical ML, which rests on Python: their essentials come first
    assert order.index("python") < order.index("classical_ml") < order.index("deep_learning")
    build = [s.id for m in plan.months for s in m.skills if s.strand == "build"]
    assert set(build) == {"deep_learning"}  # the goal strand is the named skill, not the generalist track's
    # and the plan goes on to what builds on it (PyTorch, TensorFlow) before the track's other skills
    assert order.index("training_frameworks") < order.index("sql")


@pytest.mark.parametrize(("text", "wanted"), [
    ("I want to get into deep learning", ["deep_learning"]),
    ("goal: deep learning", ["deep_learning"]),
    ("my goal is deep learning, 8 hours a week", ["deep_learning"]),
    ("I'd like to focus on data engineering", ["data_engineering"]),
    ("I want to learn deep learning", ["deep_learning"]),
    ("deep learning and data engineering within a year", ["data_engineering", "deep_learning"]),
    ("deep learning is my goal", ["deep_learning"]),
    ("I'm aiming for deep learning", ["deep_learning"]),
    ("I'd love to work in deep learning", ["deep_learning"]),
    ("I want a job in data engineering", ["data_engineering"]),
    ("help me learn deep learning", ["deep_learning"]),
])
def test_a_skill_named_as_the_goal_answers_the_track_question(text, wanted):
    facts = extract_profile_facts(text)
    assert facts["wanted"] == wanted
    assert "track" not in missing_fields(facts)


def test_a_skill_the_learner_knows_is_never_the_goal():
    facts = extract_profile_facts("I know deep learning, goal: deep learning in 6 months")
    assert "wanted" not in facts and facts["skills"] == ["deep_learning"]
    assert "track" in missing_fields(facts)


@pytest.mark.parametrize("text", [
    "what's the difference between deep learning and ML?",
    "Is deep learning in 6 months realistic?",
    "I don't want to get into deep learning",
    "I want to get into machine learning",  # the whole field: the direction is still the learner's to choose
    "12 h a week for 6 months",
    "Python for 3 years, 10 h a week",  # experience, not a deadline
    "I learned deep learning in 3 months last year",
    "I don't want deep learning",
    "I work in data engineering",  # a job the learner has, not one they aim for
])
def test_words_that_are_not_a_goal_name_no_goal(text):
    facts = extract_profile_facts(text)
    assert "wanted" not in facts and "uncovered_goal" not in facts
    assert "track" in missing_fields(facts)


def test_a_named_track_stays_the_goal_and_a_wanted_skill_adds_to_it():
    profile = parse_profile("I want to get into computer vision, and learn data engineering, 10 h a week")
    assert profile.track == "cv" and not profile.skill_goal
    plan = build_plan(profile)
    assert plan.goal.name == "computer vision" and "computer_vision" in plan.goal.skills


# A topic the guides have no plan for ------------------------------------------------------------
def test_recommender_systems_get_an_honest_generalist_plan():
    facts = extract_profile_facts(RECOMMENDERS)
    assert facts["uncovered_goal"] == "recommender systems"
    assert missing_fields(facts) == []  # not asked again: the learner named their goal

    plan = build_plan(parse_profile(RECOMMENDERS))
    assert plan.profile.track == "generalist" and plan.goal.name == "generalist ML engineer"
    top = to_markdown(plan).split("\n\n")[1]  # the line under the title
    assert top.startswith("The guides have no learning path for recommender systems (they name it only as a "
                          "project idea), so this plan heads for the closest goal they cover: generalist ML engineer.")
    assert not any("recommender" in note for note in plan.notes)  # said once, at the top


def test_the_guides_name_recommender_systems_only_as_a_project_idea():
    lines = [line for p in sorted((PROJECT_ROOT / "corpus").glob("*.md"))
             for line in p.read_text(encoding="utf-8").lower().splitlines()
             if re.search(r"recommender|recommendation systems?", line)]
    assert lines == ["- personal projects: apply your knowledge to real-world problems. build projects like image "
                     "classification, sentiment analysis, or recommendation systems."]
    skills = (PROJECT_ROOT / "corpus" / "skills.yaml").read_text(encoding="utf-8").lower()
    assert "recommend" not in skills  # no skill, hence no plan, to head for


@pytest.mark.parametrize(("text", "topic"), [
    ("my goal is reinforcement learning", "reinforcement learning"),
    ("I want to get into robotics, 6 h a week", "robotics"),
    ("Interested in time series forecasting, 8 h a week, I know SQL", "time-series forecasting"),
])
def test_other_topics_the_guides_lack_are_said_at_the_top(text, topic):
    assert extract_profile_facts(text)["uncovered_goal"] == topic
    assert parse_profile(text).uncovered_goal == topic
    assert build_plan(parse_profile(text)).goal.headline.startswith(f"The guides have no learning path for {topic}")


def test_a_track_named_later_replaces_the_uncovered_topic():
    profile = parse_profile("recommender systems in 6 months, or MLOps, 10 h a week")
    assert profile.track == "mlops" and profile.uncovered_goal is None
    assert not build_plan(profile).goal.headline.startswith("The guides have no")


def test_across_turns_a_track_stated_later_takes_the_lead_and_the_skill_stays_a_goal():
    first = extract_profile_facts("deep learning in 6 months, 10 h a week, I know Python")
    facts = merge_facts(first, extract_profile_facts("actually I want to do computer vision"))
    profile = Profile.from_facts(facts)
    assert profile.track == "cv" and not profile.skill_goal and profile.wanted == ("deep_learning",)
    assert build_plan(profile).goal.name == "computer vision"
