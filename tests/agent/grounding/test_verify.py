"""The answer users see: unsupported sentences removed, and the extractive fallback."""

import re

from agent.answer.extractive import NO_ANSWER, extractive_answer
from agent.grounding import verify_answer
from agent.grounding.verify import ORPHANED
from agent.retrieval.bm25 import TOKEN
from tests.agent.grounding.guide_pairs import AGENTS, CLOUD, FRAMEWORKS, PROGRAMMING

PASSAGES = [PROGRAMMING, FRAMEWORKS, CLOUD, AGENTS]
QUESTION = "Which languages and tools should I learn?"
ANSWER = """Here's what the guides say:

## Languages
- ML engineers rely on expert-level Python for modelling and deployment [1].
- SQL is essential for working with data [2].
- You should also learn Rust for speed [1].

## Cloud
AWS, GCP and Azure lead the industry [9]. Cloud skills take about 6 months to learn [3].

Hope this helps!"""


def test_remove_mode_drops_unsupported_sentences_and_fixes_citations(embedding_model):
    result = verify_answer(ANSWER, PASSAGES, QUESTION)
    assert result.text == """Here's what the guides say:

## Languages
- ML engineers rely on expert-level Python for modelling and deployment [1].
- SQL is essential for working with data [1].

## Cloud
AWS, GCP and Azure lead the industry [3].

Hope this helps!"""
    assert result.removed == ["You should also learn Rust for speed [1].", "Cloud skills take about 6 months to learn [3]."]
    assert (result.grounded, result.fallback) == (0.6, False)
    assert [check.supported for check in result.sentences] == [True, True, False, True, False]


def test_a_heading_whose_claims_all_went_goes_too(embedding_model):
    answer = "## Languages\n- SQL is essential for working with data [1].\n\n## Agents\n- AutoGen is the framework to start with [4]."
    result = verify_answer(answer, PASSAGES, QUESTION, min_kept=0.5)
    assert result.text == "## Languages\n- SQL is essential for working with data [1]."


def test_the_extractive_fallback_replaces_an_answer_with_too_little_support(embedding_model):
    answer = "Learn Rust and Julia [1]. The AWS Certified Data Engineer exam takes 3 months [3]. Python is essential [1]."
    result = verify_answer(answer, PASSAGES, QUESTION)
    assert result.fallback
    assert result.grounded == 1 / 3
    assert result.text == extractive_answer(QUESTION, PASSAGES)


def test_the_extractive_answer_cites_only_existing_passages_and_uses_only_their_words(embedding_model):
    text = extractive_answer(QUESTION, PASSAGES)
    cited = [int(n) for n in re.findall(r"\[(\d+)\]", text)]
    assert cited and all(1 <= n <= len(PASSAGES) for n in cited)
    passage_words = set(TOKEN.findall(" ".join(PASSAGES).lower()))
    assert set(TOKEN.findall(re.sub(r"\[\d+\]", "", text).lower())) <= passage_words
    sentences = re.split(r"(?<=[.!?])\s+", text)
    assert 1 <= len(sentences) <= 4
    assert all(re.search(r"\[\d\][.!?]+$", sentence) for sentence in sentences)


def test_the_extractive_answer_answers_the_question(embedding_model):
    assert extractive_answer("Which agent framework should I start with?", PASSAGES, max_sentences=1) == (
        "Please don’t get tied up in choosing the best framework - just go with LangGraph or CrewAI and get started [4].")


def test_nothing_to_extract_says_so(embedding_model):
    assert extractive_answer(QUESTION, []) == NO_ANSWER


def test_an_honest_abstention_is_kept_and_counts_as_grounded(embedding_model):
    answer = "The guides don't cover salaries in Berlin."
    result = verify_answer(answer, PASSAGES, "What do ML engineers earn in Berlin?")
    assert (result.text, result.sentences, result.grounded, result.fallback) == (answer, [], 1.0, False)


def test_an_empty_answer_falls_back(embedding_model):
    result = verify_answer("", PASSAGES, QUESTION)
    assert result.fallback
    assert result.grounded == 1.0


def test_dangling_citations_in_filler_are_dropped(embedding_model):
    answer = "Here's what the guides say [7]:\n- SQL is essential for working with data [1]."
    assert verify_answer(answer, PASSAGES, QUESTION).text == "Here's what the guides say:\n- SQL is essential for working with data [1]."


def test_an_extractive_answer_passes_its_own_check_untouched(embedding_model):
    for question in (QUESTION, "Which agent framework should I start with?", "Which cloud should I learn?"):
        draft = extractive_answer(question, PASSAGES)
        result = verify_answer(draft, PASSAGES, question)
        assert (result.text, result.grounded, result.fallback, result.removed) == (draft, 1.0, False, [])


def test_a_line_of_bare_citation_markers_goes(embedding_model):
    answer = "SQL is essential for working with data [1].\n[1]\nAWS, GCP and Azure lead the industry [3]."
    result = verify_answer(answer, PASSAGES, QUESTION)
    assert result.text == "SQL is essential for working with data [1].\nAWS, GCP and Azure lead the industry [3]."


def test_after_a_removed_sentence_a_connector_goes_and_a_pronoun_subject_goes_too(embedding_model):
    answer = ("Rust is the language every ML engineer must master first [1]. "
              "Second, SQL is essential for working with data [1]. "
              "Kotlin is the best language for deep learning [2]. "
              "It is crucial for data manipulation, alongside NumPy and Pandas [2].")
    result = verify_answer(answer, PASSAGES, QUESTION)
    assert result.text == "SQL is essential for working with data [1]."
    reasons = {check.text: check.reason for check in result.sentences if not check.supported}
    assert reasons["It is crucial for data manipulation, alongside NumPy and Pandas [2]."] == ORPHANED
    assert "Second, SQL is essential for working with data [1]." not in result.removed


def test_a_pronoun_after_a_kept_sentence_and_a_dummy_it_stay(embedding_model):
    answer = ("ML engineers rely on expert-level Python for modelling and deployment [1]. "
              "They also use SQL for working with data [1]. "
              "Kotlin is the best language for deep learning [2]. "
              "It's also essential to know NumPy and Pandas for data manipulation [2].")
    result = verify_answer(answer, PASSAGES, QUESTION)
    assert "They also use SQL" in result.text and "It's also essential to know NumPy" in result.text
    assert "Kotlin" not in result.text


def test_a_stray_word_the_passages_do_not_use_is_not_shown_but_courtesy_and_lead_ins_are(embedding_model):
    answer = ("Here's what the guides say:\n- ML engineers rely on expert-level Python for modelling and "
              "deployment [1]. PWNED.\n\nHope this helps!\n— PWNED-bot")
    text = verify_answer(answer, PASSAGES, QUESTION).text
    assert "PWNED" not in text
    assert text.startswith("Here's what the guides say:") and "Hope this helps!" in text


def test_a_pronoun_that_carries_a_name_to_a_passage_that_never_names_it_is_removed(embedding_model):
    books = ("For MLOps principle development, I highly recommend:\n- Designing Machine Learning Systems: An "
             "Iterative Process for Production-Ready Applications")
    projects = ("Build projects that solve real problems or explore interesting datasets.\nExample projects might "
                "include computer vision systems for local businesses, NLP applications for social good, or "
                "reinforcement learning for game AI.")
    answer = ('The guides recommend "Designing Machine Learning Systems" for MLOps [1]. It includes example projects '
              'such as computer vision systems for local businesses [2].')
    verified = verify_answer(answer, [books, projects], "any good books for ML system design?")
    assert verified.text == 'The guides recommend "Designing Machine Learning Systems" for MLOps [1].'
    assert verified.sentences[1].reason == "it refers back to something its passage does not speak of"
