"""Which guide sentences can stand alone as advice."""

import pytest

from agent.answer.points import is_point, refers_back


@pytest.mark.parametrize("sentence", [
    "For MLOps principle development, I highly recommend:",
    "Let's fix that!",
    "Heyloo there!",
    "Coming from a non-programming background myself, I was fortunate to work with some incredible engineers.",
    "Recently, I had the opportunity to help a Master’s student prepare for an ML/AI Engineer role.",
    "I really love below resources.",
    "Basically, they think an ML Engineer should know everything a Data Scientist knows and more.",
    "ML Engineer role = Data Science + Software Engineering + DevOps",
    "By following these steps and consistently practising, you can embark on a rewarding career.",
    "But first, let’s address a common confusion: what’s the difference between ML Engineers and Data Scientists?",
    "The field of Machine Learning Engineering continues to evolve at a breathtaking pace in 2025, offering exciting "
    "opportunities for those looking to enter this dynamic career path.",
    "For those aspiring to carve a niche in this exciting field, Machine Learning Engineering offers a promising path.",
])
def test_sentences_that_cannot_stand_alone(sentence):
    assert not is_point(sentence)


@pytest.mark.parametrize("sentence", [
    "An ML Engineer doesn’t need to have complete expertise in Data Science.",
    "I suggest starting with a cloud provider that is widely used by your target or current company.",
    "Python dominates the ML landscape.",
])
def test_advice_is_a_point(sentence):
    assert is_point(sentence)


def test_back_references_are_recognised():
    assert refers_back("These certifications provide a clear roadmap to understanding cloud fundamentals.")
    assert not refers_back("Cloud platforms are essential in ML workflows.")
