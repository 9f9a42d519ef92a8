"""The router: what kind of message a turn is (greeting, injection, plan, question) and the
short-message rules the graph's route node builds on."""

import pytest

from agent.nodes.routing import route
from agent.router import classify, in_domain, is_greeting


@pytest.mark.parametrize("message", ["hi", "Hello!", "hey careerbot, good morning :)", "thanks!",
                                     "thank you so much, that was really helpful 🙏", "ok", "cheers, bye"])
def test_greetings_and_thanks_with_filler_are_greetings(message):
    assert is_greeting(message) and classify(message) == "greeting"


@pytest.mark.parametrize("message", ["ok, how should I go about learning it?", "Hello, what is MLOps?",
                                     "hi, I know Python and want a plan", "thanks, and which books for that?"])
def test_a_greeting_word_before_a_question_is_a_question(message):
    assert not is_greeting(message)


@pytest.mark.parametrize("message", ["10 hours a week", "about 5 h per week, 6 months", "I can do 8 hours weekly"])
def test_a_message_that_only_states_hours_goes_to_the_plan_builder(message):
    assert route({"message": message})["route"] == "plan"


@pytest.mark.parametrize("message", ["I study 10 hours a week but I keep forgetting the maths I learned last month, what should I change?",
                                     "I have 10 hours a week, what should I learn first?"])
def test_a_question_that_mentions_hours_is_still_a_question(message):
    assert route({"message": message})["route"] == "question"


@pytest.mark.parametrize("message", ["Is 10 hours a week enough to learn MLOps?", "I only have weekends. Can I still make progress?",
                                     "I work full time and only have evenings, is that enough to become an ML engineer?"])
def test_whether_my_time_is_enough_is_answered_by_the_plan_builder(message):
    """The guides give no hours; a plan sized to the learner's time shows what fits."""
    assert route({"message": message})["route"] == "plan"


@pytest.mark.parametrize("message", ["Should I specialise or stay a generalist?", "Is coding hard to pick up at first?",
                                     "How much maths is enough?", "Which deployment tools matter most?"])
def test_career_and_study_questions_without_an_ml_word_are_in_domain(message):
    """Such a question gets "the guides don't cover that" with related topics, not the off-topic redirect."""
    assert in_domain(message)


@pytest.mark.parametrize("message", ["What's a good pasta recipe?", "Who won the football match last night?",
                                     "Recommend me a movie for tonight"])
def test_everyday_questions_are_not_in_domain(message):
    assert not in_domain(message)
