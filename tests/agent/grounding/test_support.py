"""Scoring support: paraphrases pass; invented resources, changed numbers and flipped claims fail;
citations are fixed to the passage that supports the sentence."""

import pytest

from agent.grounding import SUPPORT_THRESHOLD, check_answer, check_sentences
from tests.agent.grounding.guide_pairs import AGENTS, CLOUD, DEMAND, FRAMEWORKS, PAIRS, PROGRAMMING, ROUNDS

PASSAGES = [PROGRAMMING, FRAMEWORKS, CLOUD, AGENTS]


def check(sentence: str, passages: list[str]):
    [result] = check_sentences([sentence], passages)
    return result


def test_a_supported_paraphrase_passes(embedding_model):
    result = check("You should know a major cloud such as AWS, GCP or Azure, including SageMaker or Vertex AI [1].", [CLOUD])
    assert result.supported
    assert result.score >= SUPPORT_THRESHOLD
    assert result.cites == [1]
    assert result.reason == ""


def test_a_fabricated_resource_fails(embedding_model):
    result = check("For agents, the guide recommends AutoGen and the LangChain Academy course [1].", [AGENTS])
    assert not result.supported
    assert result.reason == "the guide does not mention AutoGen, Academy"


def test_a_wrong_number_fails(embedding_model):
    result = check("Demand for ML engineers has grown sharply since 2018 [1].", [DEMAND])
    assert not result.supported
    assert result.reason == "the guide does not give the figure 2018"


def test_the_right_number_passes(embedding_model):
    assert check("Demand has risen sharply since 2020 [1].", [DEMAND]).supported


def test_a_negation_fails(embedding_model):
    result = check("You don't need to understand lower-level libraries like NumPy and Pandas [1].", [FRAMEWORKS])
    assert not result.supported
    assert result.reason.startswith("the guide says the opposite")


def test_an_opposite_word_fails(embedding_model):
    result = check("Experience with GPU instances is becoming less important [1].", [CLOUD])
    assert not result.supported
    assert "says the opposite" in result.reason


def test_a_negated_clause_does_not_taint_the_rest_of_its_sentence(embedding_model):
    # "Please don't get tied up in choosing the best framework - just go with LangGraph or CrewAI"
    assert check("Just go with LangGraph or CrewAI and get started [1].", [AGENTS]).supported


def test_a_dangling_citation_is_fixed_to_the_supporting_passage(embedding_model):
    result = check("AWS, GCP and Azure lead the industry [9].", PASSAGES)
    assert result.supported
    assert result.cites == [3]
    assert result.text == "AWS, GCP and Azure lead the industry [3]."


def test_a_dangling_citation_on_an_unsupported_sentence_is_dropped(embedding_model):
    result = check("You should also learn Rust for speed [9].", PASSAGES)
    assert not result.supported
    assert result.cites == []
    assert result.text == "You should also learn Rust for speed."


def test_a_correct_claim_with_a_wrong_citation_gets_the_right_citation(embedding_model):
    result = check("SQL is essential for working with data [2].", PASSAGES)
    assert result.supported
    assert (result.cites, result.best) == ([1], 1)
    assert result.text == "SQL is essential for working with data [1]."


def test_an_uncited_supported_claim_gets_a_citation(embedding_model):
    assert check("Hugging Face is the library for NLP tasks.", PASSAGES).cites == [2]


def test_a_sentence_combining_two_cited_passages_keeps_both(embedding_model):
    result = check("ML engineers rely on expert-level Python, and AWS, GCP and Azure lead the industry [1][3].", PASSAGES)
    assert result.supported
    assert result.cites == [1, 3]


def test_a_needless_second_citation_is_dropped(embedding_model):
    assert check("AWS, GCP and Azure lead the industry [3][4].", PASSAGES).cites == [3]


def test_check_answer_skips_headings_and_filler(embedding_model):
    answer = "## Languages\nHere's what the guides say:\n- Python is expert-level for ML engineers [1].\nHope this helps!"
    checks = check_answer(answer, PASSAGES)
    assert [c.text for c in checks] == ["Python is expert-level for ML engineers [1]."]


def test_no_passages_supports_nothing(embedding_model):
    result = check("Python dominates the ML landscape [1].", [])
    assert (result.supported, result.cites, result.best) == (False, [], None)


@pytest.mark.parametrize("passage, sentence, supported, category", PAIRS, ids=[f"{p[3]}-{i}" for i, p in enumerate(PAIRS)])
def test_labelled_pairs_from_the_guides(embedding_model, passage, sentence, supported, category):
    assert check(sentence, [passage]).supported is supported


# What the checker still gets wrong among the later rounds of pairs, and why.
KNOWN_MISSES = {
    "You only need to know one of PyTorch or TensorFlow, although knowing both helps.":
        "a supported paraphrase: 'only' reads as an absolute the passage does not use",
    "Every ML engineer is expected to master all skills in the pyramid.":
        "contradicts the passage's NOTE, but the claim is closer to the pyramid's first sentence",
    "R has overtaken Python as the main language for ML engineering.":
        "one-letter names are not checked, and the rest is close to the passage",
    "Having expertise in both business and ML domains is common among ML engineers.":
        "'common' against 'rare' sits in the sentence the claim is second-closest to",
}


def test_the_later_rounds_of_pairs_miss_only_the_known_cases(embedding_model):
    misjudged = [sentence for passage, sentence, supported, _ in ROUNDS
                 if check(sentence, [passage]).supported is not supported]
    assert misjudged == list(KNOWN_MISSES)
