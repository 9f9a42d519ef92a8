"""Query handling: empty rejected, long trimmed, follow-ups made standalone."""

import pytest

from agent.retrieval.query import EmptyQuery, answer_names, clean_text, condense, is_follow_up, prepare_query


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "?!...", None])
def test_empty_queries_are_rejected_with_a_clear_message(text):
    with pytest.raises(EmptyQuery, match="empty"):
        prepare_query(text)


def test_control_characters_and_odd_unicode_are_cleaned():
    assert clean_text("what\x00 about\u200b   MLOps\ud800?") == "what about MLOps?"


def test_long_query_keeps_the_question_within_the_word_budget():
    filler = "I have been working as a teacher for years and I like puzzles. " * 30
    query = prepare_query(filler + "Which maths should I learn first?", max_words=40)
    assert "Which maths should I learn first?" in query
    assert len(query.split()) <= 40


@pytest.mark.parametrize("text", ["and which tools for that?", "any books for that?", "what about MLOps?",
                                  "how long does it take?", "and for agents?"])
def test_follow_ups_are_detected(text):
    assert is_follow_up(text)


@pytest.mark.parametrize("text", ["What maths do I need to become an ML engineer?",
                                  "Which certifications help with cloud deployment on AWS?"])
def test_standalone_questions_are_not_follow_ups(text):
    assert not is_follow_up(text)


def test_follow_up_carries_the_previous_question():
    assert condense("any good books for that?", "What should I learn for MLOps?") == \
        "What should I learn for MLOps? any good books for that?"


def test_standalone_question_is_left_alone():
    assert condense("Which cloud should I learn?", "What should I learn for MLOps?") == "Which cloud should I learn?"


def test_a_label_word_is_not_taken_for_a_name_in_the_last_answer():
    answer = "Open Source Contributions: Contribute to open-source projects with PyTorch maintainers [2]."
    assert answer_names(answer) == ["PyTorch"]


def test_shorthand_is_spelled_out_as_the_guides_write_it():
    from agent.retrieval.query import spelled_out
    assert spelled_out("Do I need k8s as an MLE?") == "Do I need Kubernetes as an ML engineer?"
    assert spelled_out("is sklearn enough") == "is scikit-learn enough"
    assert spelled_out("what about Docker?") == "what about Docker?"
