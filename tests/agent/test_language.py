"""Messages in other languages: an honest notice, searched with their English terms, never off-topic."""

import json
import uuid

import pytest

from agent import replies
from agent.language import english_terms, is_english, search_text
from agent.service import Careerbot
from tests.conftest import ROOT, ScriptedLLM

HINDI_WITH_TERMS = "मुझे MLOps के लिए क्या सीखना चाहिए? Docker और Kubernetes ज़रूरी हैं?"
HINDI_ONLY = "मशीन लर्निंग इंजीनियर बनने के लिए मुझे क्या सीखना चाहिए?"
SPANISH = "¿Qué necesito aprender para MLOps? ¿Docker y Kubernetes son importantes?"
FRENCH = "Quelles compétences pour devenir ingénieur en machine learning avec Python ?"
GERMAN = "Welche Fähigkeiten brauche ich als ML Ingenieur, und ist Python wichtig?"


def english_dataset_messages():
    for name in ("retrieval", "answers", "conversations", "probes"):
        for line in (ROOT / "evals" / "datasets" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            yield from row.get("turns") or [row.get("message") or row.get("question")]


def test_every_english_message_of_the_eval_sets_is_english():
    messages = list(english_dataset_messages())
    assert len(messages) > 150
    assert [m for m in messages if not is_english(m)] == []


@pytest.mark.parametrize("message", [HINDI_WITH_TERMS, HINDI_ONLY, SPANISH, FRENCH, GERMAN,
                                     "如何成为机器学习工程师？", "Как стать инженером машинного обучения?"])
def test_other_languages_are_recognised(message):
    assert not is_english(message)


def test_english_terms_keep_what_english_guides_can_match():
    assert english_terms(HINDI_WITH_TERMS) == "MLOps Docker Kubernetes"
    assert {"MLOps", "Docker", "Kubernetes"} <= set(english_terms(SPANISH).split())
    assert "¿Qué" not in english_terms(SPANISH) and "para" not in english_terms(SPANISH).split()
    assert english_terms(HINDI_ONLY) == ""
    assert search_text("What should I learn for MLOps?") == "What should I learn for MLOps?"


def quote_first_passage(messages):
    line = next(line for line in messages[-1].content.splitlines() if line.startswith("[1]"))
    return line.split(") ", 1)[1].split(". ")[0].rstrip(".") + ". [1]"


@pytest.fixture
def bot(corpus_runtime):
    return Careerbot(corpus_runtime, llm=ScriptedLLM(quote_first_passage))


@pytest.mark.parametrize("message", [HINDI_WITH_TERMS, SPANISH])
def test_a_question_with_english_terms_is_answered_with_the_notice(bot, message):
    answer = bot.ask(message, uuid.uuid4().hex)
    assert answer.route == "question" and answer.citations and "[1]" in answer.answer
    assert replies.NOT_ENGLISH_NOTICE in answer.notice
    assert answer.answer != replies.OFF_TOPIC


def test_a_question_without_english_terms_gets_the_honest_reply_not_off_topic(bot):
    answer = bot.ask(HINDI_ONLY, uuid.uuid4().hex)
    assert answer.route == "not_english" and answer.answer == replies.NOT_ENGLISH
    assert "I answer in English, from English guides" in answer.answer


def test_an_english_question_gets_no_language_notice(bot):
    answer = bot.ask("What should I learn for MLOps?", uuid.uuid4().hex)
    assert answer.route == "question" and replies.NOT_ENGLISH_NOTICE not in answer.notice
