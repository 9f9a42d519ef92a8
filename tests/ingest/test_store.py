"""The store works the same embedded and against a real `chroma run` server."""

import pytest

from ingest.pipeline import ingest
from ingest.chroma_connection import StoreUnavailable, open_store
from tests.conftest import free_port


@pytest.mark.integration
def test_ingest_and_query_through_a_chroma_server(chroma_server, small_corpus, embedding_model):
    host, port, _ = chroma_server
    store = open_store(host=host, port=port, collection="server-test")
    report = ingest(small_corpus, store, progress=False)
    assert store.count() == report.chunks > 0
    assert store.stats()["mode"] == f"server {host}:{port}"
    again = ingest(small_corpus, store, progress=False)
    assert again.added == 0

    from ingest.embedding import embed

    (best, similarity), *_ = store.query(embed(["How do I scale inference replicas?"])[0], 3)
    assert best.metadata["source"] == "kubernetes.md" and similarity > 0.3


def test_unreachable_server_is_a_clear_error():
    with pytest.raises(StoreUnavailable, match=r"cannot reach the Chroma server at 127\.0\.0\.1:\d+.*chroma run"):
        open_store(host="127.0.0.1", port=free_port(), collection="x-test")


def test_stats_count_chunks_per_source(small_corpus, store):
    ingest(small_corpus, store, progress=False)
    stats = store.stats()
    assert stats["documents"] == 2
    assert set(stats["per_source"]) == {"kubernetes.md", "pasta.md"}
    assert sum(stats["per_source"].values()) == stats["chunks"] == store.count()


def test_corpus_version_changes_with_every_ingest_that_changes_something(small_corpus, store):
    from ingest.store import corpus_digest

    ingest(small_corpus, store, progress=False)
    first = store.corpus_version()
    assert first == corpus_digest(store.metadata_by_id())
    ingest(small_corpus, store, progress=False)
    assert store.corpus_version() == first  # nothing changed
    (small_corpus / "pasta.md").unlink()
    ingest(small_corpus, store, progress=False)
    second = store.corpus_version()
    assert second != first and second == corpus_digest(store.metadata_by_id())
    ingest(small_corpus, store, rebuild=True, progress=False)
    assert store.corpus_version() == second  # the same chunks again: the same version


def test_corpus_version_is_seen_by_another_client_and_keeps_cosine_distance(small_corpus, store, tmp_path):
    from ingest.embedding import embed

    ingest(small_corpus, store, progress=False)
    other = open_store(tmp_path / "chroma", collection="test-chunks")
    assert other.corpus_version() == store.corpus_version()
    (_, similarity), *_ = other.query(embed(["readiness probes for pods"])[0], 1)
    assert 0.3 < similarity <= 1.0  # still cosine similarity after the metadata update


def test_a_store_without_a_version_is_stamped_on_first_read(small_corpus, store):
    from ingest.store import VERSION_KEY, corpus_digest

    ingest(small_corpus, store, progress=False)
    store.collection.modify(metadata={VERSION_KEY: ""})
    assert store.corpus_version() == corpus_digest(store.metadata_by_id())
