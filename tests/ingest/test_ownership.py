"""Corpora sharing one collection: each ingest touches only its own chunks; the corpus version
tells every process sharing the store that it changed (real Chroma store, real embeddings)."""

from ingest.chroma_connection import open_store
from ingest.documents import DEFAULT_CORPUS
from ingest.pipeline import ingest
from ingest.store import VERSION_KEY as CORPUS_VERSION_KEY

TEAM_NOTES = """---
title: Team MLOps Notes
---
# Team MLOps Notes

## Feature store
Our feature store keeps offline and online features consistent for the fraud model.
"""


def by_corpus(store) -> dict[str, set[str]]:
    owners: dict[str, set[str]] = {}
    for meta in store.metadata_by_id().values():
        owners.setdefault(meta["corpus"], set()).add(meta["source"])
    return owners


def team_corpus(tmp_path, with_pasta: bool = False):
    folder = tmp_path / "team"
    folder.mkdir()
    (folder / "notes.md").write_text(TEAM_NOTES, encoding="utf-8")
    if with_pasta:
        (folder / "pasta.md").write_text((tmp_path / "corpus" / "pasta.md").read_text(), encoding="utf-8")
    return folder


def test_an_ingest_never_deletes_another_corpus_chunks(small_corpus, store, tmp_path):
    team = team_corpus(tmp_path)
    ingest(small_corpus, store, progress=False, corpus="guides")
    ingest(team, store, progress=False, corpus="team")
    assert by_corpus(store) == {"guides": {"kubernetes.md", "pasta.md"}, "team": {"notes.md"}}

    (small_corpus / "pasta.md").unlink()
    report = ingest(small_corpus, store, progress=False, corpus="guides")
    assert report.removed > 0
    assert by_corpus(store) == {"guides": {"kubernetes.md"}, "team": {"notes.md"}}

    ingest(small_corpus, store, progress=False, corpus="guides", rebuild=True)
    assert by_corpus(store) == {"guides": {"kubernetes.md"}, "team": {"notes.md"}}


def test_the_same_file_in_two_corpora_is_owned_twice(small_corpus, store, tmp_path):
    team = team_corpus(tmp_path, with_pasta=True)
    ingest(small_corpus, store, progress=False, corpus="guides")
    ingest(team, store, progress=False, corpus="team")
    (team / "pasta.md").unlink()
    ingest(team, store, progress=False, corpus="team")
    assert by_corpus(store) == {"guides": {"kubernetes.md", "pasta.md"}, "team": {"notes.md"}}


def test_the_default_corpus_keeps_plain_content_ids_and_adopts_unnamed_chunks(small_corpus, store):
    from ingest.chunking import chunk_document
    from ingest.pipeline import load_corpus

    ingest(small_corpus, store, progress=False)
    documents, _, _ = load_corpus(small_corpus)
    plain = {chunk.id for doc in documents for chunk in chunk_document(doc, 120, 25)}
    assert set(store.metadata_by_id()) == plain
    assert {meta["corpus"] for meta in store.metadata_by_id().values()} == {DEFAULT_CORPUS}


def test_corpus_version_changes_with_every_ingest_that_writes(small_corpus, store):
    empty = store.corpus_version()
    ingest(small_corpus, store, progress=False)
    first = store.corpus_version()
    assert first != empty
    assert first and store.collection.metadata[CORPUS_VERSION_KEY] == first
    ingest(small_corpus, store, progress=False)
    assert store.corpus_version() == first  # nothing changed: replicas need not rebuild anything
    (small_corpus / "pasta.md").unlink()
    ingest(small_corpus, store, progress=False)
    assert store.corpus_version() not in ("", first)


def test_a_retriever_follows_an_ingest_made_through_another_handle(small_corpus, store, tmp_path):
    """Another process's ingest (here: a second store handle on the same collection) reaches this
    retriever's BM25 side on its next search, without a restart or a refresh call."""
    from agent.retrieval import HybridRetriever

    ingest(small_corpus, store, progress=False, corpus="guides")
    retriever = HybridRetriever(store)
    assert not any(p.source == "notes.md" for p in retriever.search("feature store fraud model", k=4, mode="bm25"))

    other = open_store(tmp_path / "chroma", collection="test-chunks")
    ingest(team_corpus(tmp_path), other, progress=False, corpus="team")
    passages = retriever.search("feature store fraud model", k=4, mode="bm25")
    assert passages[0].source == "notes.md"
