"""Question kinds, in learners' words."""

import pytest

from agent.answer.kind import QuestionKind, classify_question


@pytest.mark.parametrize("question, kind", [
    ("What's the difference between an ML engineer and a data scientist?", "comparison"),
    ("LangGraph vs CrewAI?", "comparison"),
    ("should I learn pytorch or tensorflow?", "comparison"),
    ("I'm a backend developer, how do I move into ML engineering?", "personal"),
    ("what should i learn first and what can i skip?", "personal"),
    ("for someone like me with no coding background, where do I start?", "personal"),
    ("Is quantum machine learning worth getting into?", "worth_it"),
    ("Do I need a master's degree to become an ML engineer?", "worth_it"),
    ("how do i start learning MLOps?", "how_to"),
    ("my model got worse after we deployed it, what do I do?", "how_to"),
    ("which books would you recommend for MLOps?", "list"),
    ("how much math do i actually need for this job", "list"),
    ("What does an ML engineer do?", "definition"),
    ("How many projects should I have in my portfolio?", "list"),
    ("What should I know about vector databases?", "definition"),
    ("I know Python and SQL, what should I do next?", "personal"),
])
def test_kinds(question, kind):
    assert classify_question(question).kind == kind


def test_comparison_sides_are_the_things_compared():
    assert classify_question("What's the difference between an ML engineer and a data scientist?").sides == (
        "ML engineer", "data scientist")
    assert classify_question("ML engineer vs data scientist: which pays more?").sides == ("ML engineer", "data scientist")
    assert classify_question("Is it better to learn LangChain or LangGraph?").sides == ("LangChain", "LangGraph")
    assert classify_question("Is it better to specialise in NLP or computer vision?").sides == ("NLP", "computer vision")


def test_skip_and_topic_are_read_from_the_question():
    assert classify_question("what can I skip?").skip
    assert not classify_question("what should I learn first?").skip
    assert classify_question("Is quantum ML worth it?").topic == "quantum ML"
    assert classify_question("Do employers care about a master's degree?") == QuestionKind("worth_it", topic="master's degree")
    assert classify_question("Do companies really look for Kaggle medals?").topic == "Kaggle medals"


def test_which_one_after_a_comparison_narrows_the_same_comparison():
    previous = QuestionKind("comparison", ("LangGraph", "CrewAI"))
    assert classify_question("and which one is more about LLMs?", previous) == previous
    assert classify_question("and which one is more about LLMs?").kind != "comparison"


@pytest.mark.parametrize("question, sides", [
    ("what should I learn first, pytorch or sql", ("pytorch", "sql")),
    ("Should I learn scikit-learn before deep learning?", ("scikit-learn", "deep learning")),
    ("PyTorch or TensorFlow first?", ("PyTorch", "TensorFlow")),
    ("I know SQL. pytorch or sql first?", ("pytorch", "sql")),
])
def test_two_things_put_in_an_order_are_a_personal_question_with_both_sides(question, sides):
    assert classify_question(question) == QuestionKind("personal", sides, order=True)


def test_which_of_those_first_is_the_learners_order():
    assert classify_question("which of those should I learn first?").kind == "personal"


def test_a_worth_it_topic_loses_the_learners_adverbs():
    assert classify_question("is kaggle actually worth it or do hiring managers not care").topic == "kaggle"


def test_what_to_learn_for_a_field_is_a_list_question_about_that_field():
    assert classify_question("what would I need to learn for computer vision work?") == \
        QuestionKind("list", topic="computer vision work")
