"""Incremental ingest against a real Chroma store and the real embedding model."""

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from ingest.pipeline import ingest


def sources(store):
    return sorted({meta["source"] for meta in store.metadata_by_id().values()})


def test_first_ingest_embeds_every_chunk_with_its_heading_path(small_corpus, store):
    report = ingest(small_corpus, store, progress=False)
    assert report.files == 2 and report.added == report.chunks == store.count() > 0
    texts = [chunk.text for chunk in store.all_chunks()]
    assert any(t.startswith("Kubernetes Deployment Notes › Scaling\n") for t in texts)


def test_second_run_on_unchanged_corpus_embeds_nothing(small_corpus, store, monkeypatch):
    ingest(small_corpus, store, progress=False)
    import ingest.pipeline as pipeline

    def no_embedding(*args, **kwargs):
        raise AssertionError("re-ingest of an unchanged corpus must not embed")

    monkeypatch.setattr(pipeline, "embed", no_embedding)
    report = ingest(small_corpus, store, progress=False)
    assert (report.added, report.removed, report.unchanged) == (0, 0, report.chunks)


def test_editing_one_file_replaces_only_its_changed_chunks(small_corpus, store):
    ingest(small_corpus, store, progress=False)
    before = store.metadata_by_id()
    path = small_corpus / "pasta.md"
    path.write_text(path.read_text().replace("Simmer it for twenty minutes.", "Simmer it for an hour."))
    report = ingest(small_corpus, store, progress=False)
    after = store.metadata_by_id()
    assert report.added == 1 and report.removed == 1
    assert {i for i, m in before.items() if m["source"] == "kubernetes.md"} == \
        {i for i, m in after.items() if m["source"] == "kubernetes.md"}
    assert any("an hour" in m["body"] for m in after.values())
    assert not any("twenty minutes" in m["body"] for m in after.values())


def test_deleting_a_file_removes_its_chunks(small_corpus, store):
    ingest(small_corpus, store, progress=False)
    (small_corpus / "pasta.md").unlink()
    report = ingest(small_corpus, store, progress=False)
    assert report.removed > 0
    assert sources(store) == ["kubernetes.md"]


def test_rebuild_starts_over(small_corpus, store):
    ingest(small_corpus, store, progress=False)
    report = ingest(small_corpus, store, rebuild=True, progress=False)
    assert report.added == report.chunks == store.count()


def test_unreadable_file_is_skipped_by_name_and_loses_nothing(small_corpus, store):
    ingest(small_corpus, store, progress=False)
    count = store.count()
    # The pasta guide is replaced by binary garbage: it is skipped, and its old chunks stay.
    (small_corpus / "pasta.md").write_bytes(b"\x00\x01\x02binary" * 100)
    (small_corpus / "broken.pdf").write_bytes(b"%PDF-1.4 nope")
    report = ingest(small_corpus, store, progress=False)
    assert any(reason.startswith("pasta.md: binary") for reason in report.skipped)
    assert any(reason.startswith("broken.pdf: broken") for reason in report.skipped)
    assert store.count() == count
    assert sources(store) == ["kubernetes.md", "pasta.md"]


def test_symlink_outside_corpus_is_not_ingested(small_corpus, store, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("top secret password text")
    (small_corpus / "link.txt").symlink_to(secret)
    ingest(small_corpus, store, progress=False)
    assert "link.txt" not in sources(store)


def test_ingest_killed_partway_is_completed_by_the_next_run(tmp_path, small_corpus):
    """A real SIGKILL after the first embedded batch is written; the next run finishes the job
    with no duplicate and no orphaned chunk."""
    for i in range(6):  # enough text for several embedding batches
        (small_corpus / f"extra{i}.md").write_text(
            f"# Extra {i}\n" + "\n".join(f"## Part {j}\nSentence {j} of file {i} about MLOps pipelines and model serving." for j in range(30)))
    store_path = tmp_path / "killed-store"
    script = textwrap.dedent(f"""
        import os, signal
        import ingest.pipeline as pipeline
        from ingest.chroma_connection import open_store
        from ingest.store import Store
        real_add = Store.add
        calls = []
        def add_then_die(self, chunks, vectors):
            real_add(self, chunks, vectors)
            calls.append(1)
            if len(calls) == 1:
                os.kill(os.getpid(), signal.SIGKILL)
        Store.add = add_then_die
        store = open_store(__import__("pathlib").Path({str(store_path)!r}), collection="test-chunks")
        pipeline.ingest(__import__("pathlib").Path({str(small_corpus)!r}), store, progress=False)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=300)
    assert result.returncode == -signal.SIGKILL

    from ingest.chroma_connection import open_store

    store = open_store(store_path, collection="test-chunks")
    partial = store.count()
    report = ingest(small_corpus, store, progress=False)
    assert 0 < partial < report.chunks
    assert report.added == report.chunks - partial
    assert store.count() == report.chunks
    assert len(set(store.metadata_by_id())) == report.chunks


def test_missing_corpus_dir_is_a_clear_error(tmp_path, store):
    with pytest.raises(FileNotFoundError, match="corpus directory"):
        ingest(tmp_path / "nope", store, progress=False)
