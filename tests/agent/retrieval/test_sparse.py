"""The BM25 side is saved next to the store and loaded by the next process until the corpus changes."""

import numpy as np

from agent.retrieval import HybridRetriever
from agent.retrieval.bm25 import BM25Index
from ingest.pipeline import ingest

TEXTS = ["docker images and containers", "statistics and probability for machine learning",
         "docker compose files for local services", "kubernetes pods scale with replicas"]


def test_a_loaded_index_scores_exactly_like_the_built_one(tmp_path):
    built = BM25Index(TEXTS)
    built.save(tmp_path)
    loaded = BM25Index.load(tmp_path)
    assert isinstance(loaded.docs, np.memmap)
    for query in ("docker", "probability statistics", "k8s replicas", "nothing matches this"):
        assert np.array_equal(built.scores(query), loaded.scores(query))
        assert built.top(query, 3) == loaded.top(query, 3)


def test_a_new_process_loads_the_saved_side_instead_of_reading_every_chunk(small_corpus, store, tmp_path, monkeypatch):
    ingest(small_corpus, store, progress=False)
    first = HybridRetriever(store, index_dir=tmp_path / "bm25")
    expected = [(p.id, p.bm25_rank) for p in first.search("boil spaghetti water", k=3, mode="bm25")]
    assert (tmp_path / "bm25" / store.collection_name / store.corpus_version() / "side.json").is_file()

    def no_rebuild(*args, **kwargs):
        raise AssertionError("the saved BM25 side must be loaded, not rebuilt from every chunk")

    monkeypatch.setattr(store, "all_chunks", no_rebuild)
    second = HybridRetriever(store, index_dir=tmp_path / "bm25")
    assert second.size == first.size > 0
    assert [(p.id, p.bm25_rank) for p in second.search("boil spaghetti water", k=3, mode="bm25")] == expected
    assert {p.source for p in second.search("water", k=5, mode="bm25", source="kubernetes.md")} <= {"kubernetes.md"}


def test_an_ingest_that_changes_the_corpus_rebuilds_it_and_drops_the_old_one(small_corpus, store, tmp_path):
    ingest(small_corpus, store, progress=False)
    retriever = HybridRetriever(store, index_dir=tmp_path / "bm25")
    old = store.corpus_version()
    (small_corpus / "gpu.md").write_text("# GPU Notes\n## Drivers\nInstall the CUDA toolkit before training on a GPU.\n")
    ingest(small_corpus, store, progress=False)
    assert store.corpus_version() != old
    retriever.refresh()
    assert retriever.search("CUDA toolkit", k=1, mode="bm25")[0].source == "gpu.md"
    assert [d.name for d in (tmp_path / "bm25" / store.collection_name).iterdir()] == [store.corpus_version()]


def test_a_damaged_saved_side_is_rebuilt(small_corpus, store, tmp_path):
    ingest(small_corpus, store, progress=False)
    HybridRetriever(store, index_dir=tmp_path / "bm25")
    saved = tmp_path / "bm25" / store.collection_name / store.corpus_version()
    (saved / "docs.npy").write_bytes(b"garbage")
    retriever = HybridRetriever(store, index_dir=tmp_path / "bm25")
    assert retriever.search("readiness probes", k=1, mode="bm25")[0].source == "kubernetes.md"
