"""The embedding model: pinned weights, unit vectors, and Chroma never builds its default function."""

import numpy as np
import pytest

from ingest.embedding import MINILM_SHA256, MiniLMEmbeddingFunction, ModelError, embed, file_sha256, packaged_model_path, verify_model


def test_packaged_weights_have_the_pinned_sha256():
    assert file_sha256(packaged_model_path() / "model.safetensors") == MINILM_SHA256


def test_tampered_weights_are_refused(tmp_path):
    (tmp_path / "model.safetensors").write_bytes(b"not the model")
    with pytest.raises(ModelError, match="expected 53aa5117"):
        verify_model(tmp_path)


def test_missing_weights_are_refused(tmp_path):
    with pytest.raises(ModelError, match="not found"):
        verify_model(tmp_path)


def test_vectors_are_384_dimensional_unit_norm_and_semantic(embedding_model):
    vectors = embed(["How do I deploy a model?", "Serving machine learning models in production", "A recipe for pasta"])
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2


def test_collection_reopened_in_a_new_client_uses_careerbot_embedding_function(tmp_path, embedding_model):
    import chromadb
    from chromadb.config import Settings

    from ingest.chroma_connection import open_store

    open_store(tmp_path / "db", collection="reopen-test")
    client = chromadb.PersistentClient(path=str(tmp_path / "db"), settings=Settings(anonymized_telemetry=False))
    collection = client.get_collection("reopen-test")  # no embedding function passed
    assert isinstance(collection.configuration["embedding_function"], MiniLMEmbeddingFunction)
    # Adding text embeds it with MiniLM (Chroma's default would try to download, and the
    # offline guard would fail the run); the stored vector is MiniLM's own.
    collection.add(ids=["x"], documents=["MLOps means operating models in production"])
    stored = collection.get(ids=["x"], include=["embeddings"])["embeddings"][0]
    assert np.allclose(stored, embed(["MLOps means operating models in production"])[0], atol=1e-5)
