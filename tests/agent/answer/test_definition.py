""""What is X?" when no guide sentence says what X is (agent/answer/definition.py), end to end over
the real corpus and store, extractive (the same skeleton is the model's notes)."""

import uuid

import pytest

from agent.answer.kind import classify_question
from agent.service import Careerbot


def ask(runtime, question):
    return Careerbot(runtime, use_llm=False).ask(question, uuid.uuid4().hex).answer


@pytest.mark.parametrize("question, term", [
    ("What are feature stores?", "feature stores"),
    ("What are feature stores and do I need to learn them?", "feature stores"),
    ("Explain what MLOps is", "MLOps"),
    ("whats model drift and how would I even notice it in production", "model drift"),
    ("What is LangGraph?", "LangGraph"),
    ("What does an ML engineer do?", ""),
    ("What is it?", ""),
])
def test_a_definition_question_names_its_term(question, term):
    kind = classify_question(question)
    assert kind.kind == "definition" and kind.topic == term


def test_a_term_the_guides_describe_by_a_section_gets_that_sections_items(corpus_runtime):
    answer = ask(corpus_runtime, "Explain what MLOps is")
    assert answer.startswith("The guides describe MLOps by what it takes, under “MLOps and Deployment”:")
    assert "- Model Versioning:" in answer and "- Deployment Pipelines:" in answer
    assert "Regarding MLOps, understanding the key principles" not in answer


def test_a_term_the_guides_only_name_is_said_to_be_undefined_with_where_they_name_it(corpus_runtime):
    answer = ask(corpus_runtime, "What are feature stores?")
    assert answer.startswith("The guides don't say what feature stores are.\n\n**Where they name them:**")
    assert "cloud services, and feature stores" in answer


def test_a_term_a_guide_sentence_defines_keeps_that_sentence_as_its_answer(corpus_runtime):
    answer = ask(corpus_runtime, "What is a Machine Learning Engineer?")
    assert answer.startswith("A Machine Learning Engineer is a specialized role that bridges the gap between data "
                             "science and software engineering")


def test_say_that_shorter_keeps_the_lead_in_and_its_first_item(corpus_runtime):
    bot, thread = Careerbot(corpus_runtime, use_llm=False), uuid.uuid4().hex
    bot.ask("Explain what MLOps is", thread)
    short = bot.ask("can you say that shorter, like one sentence", thread).answer
    assert short.startswith("The guides describe MLOps by what it takes") and short.count("\n- ") == 1


def test_what_is_part_of_a_term_gets_the_section_named_after_it(corpus_runtime):
    assert classify_question("What skills are part of MLOps?").topic == "MLOps"
    answer = ask(corpus_runtime, "which tools do I need for MLOps?")
    assert answer.startswith("The guides describe MLOps by what it takes, under “MLOps and Deployment”:")
    assert "- Deployment Pipelines:" in answer
