"""Evidence sentences: what the LLM reads instead of whole passages."""

from agent.grounding import select_evidence
from tests.agent.grounding.guide_pairs import AGENTS, CLOUD, DEGREE, FRAMEWORKS, PROGRAMMING

PASSAGES = [PROGRAMMING, FRAMEWORKS, CLOUD, AGENTS, DEGREE]


def test_the_answering_sentence_is_selected(embedding_model):
    evidence = select_evidence("Which agent framework should I start with?", PASSAGES)
    assert ("Please don’t get tied up in choosing the best framework - just go with LangGraph or CrewAI and get started."
            in evidence[3])


def test_the_best_sentence_comes_first_when_one_is_allowed(embedding_model):
    evidence = select_evidence("do employers care about a masters for senior jobs?", [DEGREE], max_sentences=1)
    assert evidence == [["Many employers also value master’s degrees for senior positions."]]


def test_every_passage_gets_its_best_sentence_and_the_budget_holds(embedding_model):
    evidence = select_evidence("What should I learn to become an ML engineer?", PASSAGES, max_sentences=3, max_words=160)
    assert len(evidence) == len(PASSAGES)
    assert all(len(sentences) >= 1 for sentences in evidence)
    assert all(len(sentences) <= 3 for sentences in evidence)
    assert sum(len(s.split()) for sentences in evidence for s in sentences) <= 160


def test_sentences_keep_passage_order(embedding_model):
    [sentences] = select_evidence("cloud platforms and GPU training", [CLOUD], max_sentences=3, max_words=500)
    assert sentences == [
        "Knowledge of major cloud platforms is essential, with AWS, GCP, and Azure leading the industry.",
        "Engineers should understand cloud-specific ML services (SageMaker, Vertex AI), serverless computing, and cost optimisation.",
        "Experience with GPU instances and distributed training environments is increasingly important.",
    ]


def test_no_passages_no_evidence(embedding_model):
    assert select_evidence("anything", []) == []
