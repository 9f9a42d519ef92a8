"""The ONNX encoder: exported once, checked against sentence-transformers, used without torch."""

import json

import numpy as np
import pytest

from evals import dataset_loader
from ingest import embedding
from ingest.encoders import export
from ingest.encoders.onnx import OnnxEncoder
from ingest.encoders.sentence_transformer import SentenceTransformerEncoder


@pytest.fixture(scope="module")
def onnx_dir(corpus_runtime):
    """The export the session's Runtime made and checked while ingesting."""
    return embedding.onnx_directory(None)


def test_export_is_recorded_as_checked(onnx_dir):
    record = json.loads((onnx_dir / export.RECORD_FILE).read_text())
    assert record["verified"] is True and record["min_cosine"] >= export.MIN_COSINE and record["chunks"] > 0
    assert isinstance(embedding.get_encoder(None), OnnxEncoder)


def test_onnx_vectors_match_sentence_transformers_on_the_real_corpus_and_the_dev_questions(corpus_runtime, onnx_dir):
    texts = [chunk.text for chunk in corpus_runtime.store.all_chunks()]
    texts += [row["question"] for row in dataset_loader.load("retrieval")]
    reference = SentenceTransformerEncoder(None).encode(texts)
    vectors = OnnxEncoder(onnx_dir).encode(texts, batch_size=16)
    cosines = np.sum(reference * vectors, axis=1)
    assert len(texts) > 200 and cosines.min() >= export.MIN_COSINE, (texts[int(cosines.argmin())], cosines.min())
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_batching_does_not_change_a_vector(onnx_dir):
    encoder = OnnxEncoder(onnx_dir)
    texts = ["What is MLOps?", "  A much longer sentence about deploying models behind a REST API with Docker.  "]
    together = encoder.encode(texts)
    alone = np.vstack([encoder.encode([text]) for text in texts])
    assert np.allclose(together, alone, atol=1e-5)


def test_a_refused_export_falls_back_to_torch_and_is_not_retried(tmp_path, monkeypatch, caplog, corpus_runtime):
    """An export whose vectors miss the bar is recorded as refused; the torch encoder is used."""
    monkeypatch.setattr(export, "MIN_COSINE", 1.5)  # no export can reach a cosine of 1.5
    source = embedding.packaged_model_path()
    export.export_and_check(tmp_path / "refused", source, ["MLOps means operating models"], None)
    record = json.loads((tmp_path / "refused" / export.RECORD_FILE).read_text())
    assert record["verified"] is False and record["min_cosine"] > 0.999
    monkeypatch.setattr(export.subprocess, "run", lambda *a, **k: pytest.fail("a refused export must not be redone"))
    assert export.prepare(tmp_path / "refused", source, ["again"]) is False

    previous = embedding.chosen_encoder()
    try:
        monkeypatch.setattr(embedding, "onnx_directory", lambda model_path: tmp_path / "refused")
        embedding.get_encoder.cache_clear()
        assert isinstance(embedding.get_encoder(None), SentenceTransformerEncoder)
    finally:
        embedding.get_encoder.cache_clear()
        embedding.choose_encoder(previous.kind, previous.directory)


def test_export_made_from_other_weights_is_stale(onnx_dir, tmp_path):
    record = json.loads((onnx_dir / export.RECORD_FILE).read_text())
    assert export.record_is_current(onnx_dir, embedding.packaged_model_path()) == record
    fake = tmp_path / "model"
    fake.mkdir()
    (fake / "model.safetensors").write_bytes(b"other weights")
    assert export.record_is_current(onnx_dir, fake) is None


def test_encoder_setting_selects_torch(monkeypatch):
    previous = embedding.chosen_encoder()
    try:
        embedding.choose_encoder("torch", previous.directory)
        assert isinstance(embedding.get_encoder(None), SentenceTransformerEncoder)
        with pytest.raises(ValueError, match="unknown encoder"):
            embedding.choose_encoder("tensorflow", None)
    finally:
        embedding.choose_encoder(previous.kind, previous.directory)


def test_the_dev_set_finds_the_same_passages_with_either_encoder(corpus_runtime):
    """`eval --suite retrieval` with CAREERBOT_ENCODER=onnx and =torch: the same hits, in the same order."""
    from agent.retrieval.retriever import query_vector
    from evals.retrieval_modes import run_retrieval

    retriever = corpus_runtime.retriever
    previous = embedding.chosen_encoder()
    results = {}
    try:
        for kind in ("onnx", "torch"):
            embedding.choose_encoder(kind, previous.directory)
            assert embedding.get_encoder(None).name == kind
            query_vector.cache_clear()
            metrics, rows = run_retrieval(retriever)
            results[kind] = (metrics, [(row.id, row.mode, row.ranks, row.top) for row in rows])
    finally:
        query_vector.cache_clear()
        embedding.choose_encoder(previous.kind, previous.directory)
    assert results["onnx"][1] == results["torch"][1]
    assert results["onnx"][0]["hybrid"] == results["torch"][0]["hybrid"]
