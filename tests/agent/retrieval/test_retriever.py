"""The hybrid retriever against a real store built from small test documents."""

import pytest

from agent.retrieval import EmptyQuery, HybridRetriever
from ingest.pipeline import ingest

RESOURCES = """resources:
  - name: "Kubernetes Up and Running"
    kind: book
    skill_area: mlops_cloud
    guide: kubernetes.md
    section: Scaling
"""


@pytest.fixture
def retriever(small_corpus, store):
    (small_corpus / "resources.yaml").write_text(RESOURCES)
    ingest(small_corpus, store, progress=False)
    return HybridRetriever(store)


def test_answer_only_in_one_document_is_found_first(retriever):
    (best, *_) = retriever.search("how do I make sure traffic only reaches pods that finished loading?", k=3)
    assert best.source == "kubernetes.md" and best.section == "Scaling"
    assert "readiness probes" in best.text


def test_every_hit_carries_scores_and_provenance(retriever):
    for passage in retriever.search("tomato sauce", k=3):
        assert passage.id and passage.title and passage.source
        assert -1.0 <= passage.score <= 1.0 and passage.fused > 0


def test_relevance_separates_on_topic_from_off_topic(retriever):
    on = retriever.search("how to autoscale an inference service", k=1)[0].score
    off = retriever.search("who won the football world cup in 1998", k=1)[0].score
    assert on > 0.4 and off < 0.25


def test_filters_by_source_and_kind(retriever):
    assert {p.source for p in retriever.search("water", k=5, source="kubernetes.md")} == {"kubernetes.md"}
    assert {p.kind for p in retriever.search("book about kubernetes", k=5, kind="resource")} == {"resource"}


def test_resource_entries_wait_behind_the_guide_unless_asked_for(retriever):
    assert retriever.search("kubernetes scaling", k=3)[0].kind == "guide"
    assert retriever.search("which book about kubernetes should I read?", k=3)[0].kind == "resource"


def test_near_duplicates_are_collapsed(small_corpus, store):
    (small_corpus / "copy.md").write_text((small_corpus / "kubernetes.md").read_text())
    ingest(small_corpus, store, progress=False)
    texts = [p.text for p in HybridRetriever(store).search("readiness probes for pods", k=4)]
    assert len(texts) == len(set(texts))


def test_single_modes_exist_for_comparison(retriever):
    for mode in ("dense", "bm25"):
        assert retriever.search("boil spaghetti water", k=2, mode=mode)[0].source == "pasta.md"


def test_empty_query_is_rejected(retriever):
    with pytest.raises(EmptyQuery):
        retriever.search("   ")


def test_bm25_side_follows_an_incremental_ingest(small_corpus, store, retriever):
    (small_corpus / "pasta.md").unlink()
    (small_corpus / "gpu.md").write_text("# GPU Notes\n## Drivers\nInstall the CUDA toolkit before training on a GPU.\n")
    ingest(small_corpus, store, progress=False)
    retriever.refresh()
    assert sorted(retriever.sparse.ids) == sorted(store.metadata_by_id())
    assert retriever.search("CUDA toolkit", k=1, mode="bm25")[0].source == "gpu.md"
    assert all(p.source != "pasta.md" for p in retriever.search("spaghetti", k=5, mode="bm25"))

