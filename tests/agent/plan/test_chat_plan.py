"""Plans in the conversation, through the real graph, store and SQLite checkpointer (no model: llm=None):
each edit of issue 11 changes the plan and says what changed; progress re-plans and survives a restart."""

import argparse
import json
import uuid
from datetime import date

import pytest

from agent.plan import Plan, build_plan
from agent.plan.progress import ProgressError
from agent.service import Careerbot
from ui import cli_plan

BACKEND_LLM = "I'm a backend dev, I know Python, SQL, Git and Docker, 10 h a week, 6 months, make me a plan: " \
              "I want to build LLM apps"


def thread():
    return uuid.uuid4().hex


@pytest.fixture
def bot(corpus_runtime):
    return Careerbot(corpus_runtime, use_llm=False)


def planned(bot, conversation, text=BACKEND_LLM):
    answer = bot.ask(text, conversation)
    assert answer.route == "plan" and answer.plan is not None, answer.answer
    return Plan.model_validate(answer.plan)


def hours(plan, skill_id):
    return sum(s.hours for m in plan.months for s in m.skills if s.id == skill_id)


def scheduled(plan):
    return {s.id for m in plan.months for s in m.skills}


def test_the_issue_example_reaches_llm_apps_from_the_chat(bot):
    plan = planned(bot, thread())
    assert plan.goal.reached == "full" and plan.goal.starts <= 3
    assert {"llms", "rag", "agents"} <= scheduled(plan)
    assert not {"python", "sql", "docker"} & scheduled(plan)


def test_make_it_4_months(bot):
    conversation = thread()
    planned(bot, conversation)
    answer = bot.ask("make it 4 months", conversation)
    plan = Plan.model_validate(answer.plan)
    assert answer.route == "plan" and len(plan.months) == 4
    assert answer.answer.startswith("**What changed:**")
    assert "- Plan length: 6 → 4 months." in answer.answer


def test_i_can_do_15_hours_now(bot):
    conversation = thread()
    before = planned(bot, conversation)
    answer = bot.ask("I can do 15 hours now", conversation)
    plan = Plan.model_validate(answer.plan)
    assert plan.profile.hours_per_week == 15 and plan.profile.months == 6
    assert "- Time: 10 → 15 h a week." in answer.answer
    assert plan.goal.starts <= before.goal.starts


def test_i_already_know_docker(bot):
    conversation = thread()
    before = planned(bot, conversation, "I know Python and SQL, 20 hours a week, plan for LLM apps over 6 months")
    assert "docker" in scheduled(before)
    answer = bot.ask("I already know Docker", conversation)
    plan = Plan.model_validate(answer.plan)
    assert answer.route == "plan" and "docker" not in scheduled(plan) | {u.id for u in plan.unscheduled}
    line = next(line for line in answer.answer.splitlines() if line.startswith("- Containers (Docker, Kubernetes) "
                                                                             "removed"))
    assert f"{hours(before, 'docker')} h freed" in line and "month" in line


def test_skip_the_maths(bot):
    conversation = thread()
    planned(bot, conversation)
    answer = bot.ask("skip the maths", conversation)
    plan = Plan.model_validate(answer.plan)
    assert not {"linear_algebra_calculus", "probability_statistics"} & scheduled(plan)
    assert "Linear algebra and calculus for ML and Probability and statistics removed: 24 h freed" in answer.answer
    assert any(note.startswith("Skipped at your request: Linear algebra") for note in plan.notes)


def test_more_on_agents(bot):
    conversation = thread()
    before = planned(bot, conversation)
    answer = bot.ask("more on agents please", conversation)
    plan = Plan.model_validate(answer.plan)
    assert hours(plan, "agents") > hours(before, "agents")
    assert "AI agents (+" in answer.answer


def test_swap_months_2_and_3_is_refused_when_the_order_needs_it_and_done_when_it_does_not(bot):
    conversation = thread()
    planned(bot, conversation)
    answer = bot.ask("swap months 2 and 3", conversation)
    assert answer.route == "plan"
    assert "Months 2 and 3 were not swapped:" in answer.answer and "needs" in answer.answer
    late = thread()
    planned(bot, late, "I know python, sql, maths, statistics, machine learning, deep learning, pytorch, docker, "
                       "git, testing and cloud. 3 hours a week, 6 months, plan for LLM apps")
    swapped = bot.ask("swap months 5 and 6", late)
    assert "Months 5 and 6 swapped, as you asked." in swapped.answer


def test_a_question_after_a_plan_is_still_a_question(bot):
    conversation = thread()
    planned(bot, conversation)
    assert bot.ask("What does an ML engineer do day to day?", conversation).route == "question"


def test_progress_replans_and_survives_a_restart(corpus_runtime):
    conversation = thread()
    first = Careerbot(corpus_runtime, use_llm=False)
    plan = planned(first, conversation)
    today = date.today()
    view = first.mark_progress(conversation, "Linear algebra", "done", today)
    assert "linear_algebra_calculus" not in scheduled(view.plan)
    view = first.mark_progress(conversation, "llms", "in-progress", today)
    assert hours(view.plan, "llms") < hours(plan, "llms")
    restarted = Careerbot(corpus_runtime, use_llm=False)  # a new process: a fresh graph on the same SQLite file
    again = restarted.plan(conversation, today)
    assert again.progress["marks"] == {"linear_algebra_calculus": "done", "llms": "in_progress"}
    assert again.plan == view.plan and again.start == today
    assert any(n.startswith("Done so far: Linear algebra") for n in again.plan.notes)
    # months that have passed are gone from the re-plan
    later = restarted.plan(conversation, date(today.year + 1, today.month, min(today.day, 28)))
    assert len(later.plan.months) == 1
    # the next chat edit starts from the progress too
    edited = Plan.model_validate(restarted.ask("I can do 12 hours now", conversation).plan)
    assert "linear_algebra_calculus" not in scheduled(edited)


def test_progress_without_a_plan_or_with_a_bad_skill_is_one_line(bot):
    with pytest.raises(ProgressError, match="no plan yet"):
        bot.mark_progress(thread(), "docker", "done")
    conversation = thread()
    planned(bot, conversation)
    with pytest.raises(ProgressError, match="unknown skill 'basket weaving'"):
        bot.mark_progress(conversation, "basket weaving", "done")
    with pytest.raises(ProgressError, match="unknown status 'finished'"):
        bot.mark_progress(conversation, "docker", "finished")


def run_cli(argv):
    parser = argparse.ArgumentParser(prog="careerbot")
    cli_plan.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["plan", *argv])
    return args.handler(args)


def test_cli_marks_progress_on_a_conversation_plan(corpus_runtime, monkeypatch, capsys):
    monkeypatch.setattr("agent.runtime.get_settings", lambda: corpus_runtime.settings)
    conversation = thread()
    planned(Careerbot(corpus_runtime, use_llm=False), conversation)
    assert run_cli(["--thread", conversation, "--done", "deep learning", "--json"]) == 0
    captured = capsys.readouterr()
    assert "marked deep learning done" in captured.err
    data = json.loads(captured.out)
    assert "deep_learning" in data["profile"]["done"]
    assert not [s for m in data["months"] for s in m["skills"] if s["id"] == "deep_learning"]
    assert run_cli(["--thread", conversation, "--ics"]) == 0
    assert f"Month 1 starts on {date.today().isoformat()}" in capsys.readouterr().out.replace("\r\n ", "")
    assert run_cli(["--thread", "no-such-thread"]) == 2
    assert "has no plan yet" in capsys.readouterr().err
    assert run_cli(["--done", "docker", "some text"]) == 2
    assert "need --thread" in capsys.readouterr().err


def test_the_plan_in_chat_is_the_plan_builder_s_own(bot):
    conversation = thread()
    plan = planned(bot, conversation)
    assert build_plan(plan.profile).months == plan.months and build_plan(plan.profile).goal == plan.goal


@pytest.mark.parametrize(("request_text", "title"), [
    ("Make me a learning plan. Statistician, I know R and statistics, 12 h a week, deep learning in 6 months",
     "# Your 6-month plan: Deep learning concepts"),
    ("Make me a learning plan. Software engineer, I know Python, 10 h a week, recommender systems in 6 months",
     "# Your 6-month plan: generalist ML engineer"),
])
def test_a_goal_named_without_a_track_gets_a_plan_not_the_track_question(bot, request_text, title):
    answer = bot.ask(request_text, thread())
    assert answer.route == "plan" and answer.plan is not None, answer.answer
    assert "What do you want to work on" not in answer.answer
    assert answer.answer.startswith(title)


def test_a_question_naming_a_skill_is_answered_not_planned(bot):
    answer = bot.ask("what's the difference between deep learning and ML?", thread())
    assert answer.plan is None and not answer.answer.startswith("Happy to build your plan")


# A self-statement asked as a follow-up ("what if I …?") is the learner's profile for that answer or plan.
def test_what_if_i_have_a_physics_phd_answers_the_earlier_question_again_for_that_learner(bot):
    conversation = thread()
    first = bot.ask("What should I learn first to become an ML engineer?", conversation)
    assert "Start with: Python programming, Linear algebra and calculus for ML" in first.answer
    again = bot.ask("what if I already have a physics PhD?", conversation)
    assert again.route == "question" and again.plan is None
    assert "You already have: Linear algebra and calculus for ML" in again.answer
    start = again.answer.split("Start with:")[1].split("**")[0]
    assert "Linear algebra" not in start  # not the beginner's order any more
    assert "don't say more on that" not in again.answer


def test_and_if_i_already_know_pytorch_after_a_plan_re_plans_and_says_so(bot):
    conversation = thread()
    before = planned(bot, conversation, "Make me a learning plan. I know Python, 10 h a week, 6 months, "
                                        "I want to work in computer vision")
    assert "training_frameworks" in scheduled(before)
    answer = bot.ask("and if I already know PyTorch?", conversation)
    plan = Plan.model_validate(answer.plan)
    assert answer.route == "plan" and "training_frameworks" in plan.profile.skills
    assert "training_frameworks" not in scheduled(plan)
    assert answer.answer.startswith("**What changed:**") and "Model training frameworks" in answer.answer.split("#")[0]


def test_a_data_engineer_with_spark_and_airflow_gets_a_plan_not_the_skills_question(bot):
    answer = bot.ask("I am a data engineer with Spark and Airflow, I want to build LLM apps in 4 months at 12 h/week",
                     thread())
    assert answer.route == "plan" and answer.plan is not None, answer.answer
    plan = Plan.model_validate(answer.plan)
    assert plan.profile.background == "data_engineer"
    assert {"sql", "data_engineering", "big_data"} <= set(plan.profile.skills)
    assert "What do you already know" not in answer.answer


def test_a_question_about_a_role_after_an_answer_is_not_a_profile(bot):
    conversation = thread()
    bot.ask("What should I learn first to become an ML engineer?", conversation)
    answer = bot.ask("what does a data engineer do?", conversation)
    assert answer.route in ("question", "not_covered")
    assert "You already have" not in answer.answer
