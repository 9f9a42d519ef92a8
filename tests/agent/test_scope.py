"""Scope: career questions the guides never answer are declined, unless a passage does answer them."""

import pytest

from agent.scope import uncovered_topic


@pytest.mark.parametrize("question, topic", [
    ("What's the typical salary for a junior ML engineer in Berlin?", "salary figures"),
    ("how much do ML engineers earn at FAANG", "salary figures"),
    ("what do ML engineers make in Germany? like realistic numbers for a junior in Berlin", "salary figures"),
    ("what does an ML engineer get paid", "salary figures"),
    ("Can I get a visa sponsorship as an ML engineer in Canada?", "visas or immigration"),
    ("What questions do they ask in an ML engineer interview?", "job interviews"),
    ("How do I negotiate my first ML offer?", "negotiating or choosing job offers"),
    ("Should I join Google or a startup as my first ML job?", "which company to work for"),
    ("What laptop do I need for deep learning?", "which computer or hardware to buy"),
    ("I'm 52, is it too late, am I too old to become an ML engineer?", "age limits for changing careers"),
    ("Are ML engineering jobs mostly remote?", "remote versus office work"),
    ("How long does it take to get hired as an ML engineer from scratch?", "how long it takes to get hired"),
    ("Which job boards are best for ML roles?", "where to find or apply for jobs"),
    ("Can I freelance as an ML engineer?", "freelancing"),
])
def test_questions_the_guides_never_answer_name_their_gap(question, topic):
    assert uncovered_topic(question, ["Learn Python and linear algebra first.", "Docker helps deploy models."]) == topic


@pytest.mark.parametrize("question", [
    "Is ML engineering well paid?",
    "Which maths do I need?",
    "Do I need to know Docker and Kubernetes?",
    "How long should I spend on linear algebra?",
    "What should I learn for MLOps?",
    "Which AWS certification should I start with?",
    "Should I learn PyTorch or TensorFlow?",
    "What do ML engineers do to make models reliable in production?",
])
def test_questions_the_guides_answer_are_not_declined(question):
    assert uncovered_topic(question, []) is None


def test_a_passage_that_answers_the_gap_makes_it_covered():
    passages = ["Most ML interviews include a coding round, a system design round and an ML theory round."]
    assert uncovered_topic("What happens in an ML engineer interview?", passages) is None


def test_an_age_said_alone_asks_nothing_about_age():
    question = ("I'm 16 and in high school, I know basic python from school and I love the idea of AI. I have like "
                "3 hours a week because of exams. what should i learn?")
    assert uncovered_topic(question, []) is None
    assert uncovered_topic("I'm 35 and work in accounting. Is it realistic?", []) == "age limits for changing careers"
