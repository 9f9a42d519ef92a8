"""BM25 over the inverted index."""

from agent.retrieval.bm25 import BM25Index, expand_query, stem, tokenize


def test_stemming_matches_plurals_and_verb_forms():
    assert stem("certifications") == stem("certification")
    assert stem("ides") == stem("ide")
    assert stem("deploying") == stem("deploy")
    assert stem("class") == "class"


def test_tokenize_drops_stopwords_and_keeps_cpp():
    assert tokenize("What is the best C++ book?") == ["best", "c++", "book"]


def test_rare_matching_term_ranks_its_document_first():
    index = BM25Index(["docker images and containers", "statistics and probability", "docker compose files"])
    top = index.top("probability theory", 3)
    assert top[0][0] == 1 and len(top) == 1


def test_synonyms_bridge_learner_words_to_guide_words():
    index = BM25Index(["companies offer competitive packages", "learn linear algebra"])
    assert index.top("is it well paid", 1)[0][0] == 0


def test_learner_phrases_meet_the_guides_wording():
    assert "progress" in expand_query("and how do I move up from there?").split()
    assert "start" in expand_query("what's a good first kind of contribution?").split()


def test_mask_limits_results():
    import numpy as np

    index = BM25Index(["kubernetes pods", "kubernetes scaling"])
    assert [i for i, _ in index.top("kubernetes", 5, mask=np.array([False, True]))] == [1]
