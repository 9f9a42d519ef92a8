"""Ingest throughput with each encoder, against the raw `encode` throughput of the same encoder on
the same chunks, and against plain `SentenceTransformer.encode` (the model as its library runs it,
no careerbot code in between): the ceiling ingest is measured against."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from ingest.chroma_connection import open_store
from ingest.chunking import chunk_document
from ingest.embedding import choose_encoder, chosen_encoder, get_encoder, load_model
from ingest.pipeline import ingest, load_corpus

ENCODERS = ("onnx", "torch")


def bench_ingest(corpus_dir: Path, repeats: int = 3) -> dict:
    """Best of `repeats` for each encoder and step, interleaved, so machine noise hits all alike.
    The ONNX export must exist already (the Runtime prepares it)."""
    documents, _, _ = load_corpus(corpus_dir)
    texts = [chunk.text for doc in documents for chunk in chunk_document(doc)]
    previous = chosen_encoder()
    raw: dict[str, list[float]] = {kind: [] for kind in ENCODERS}
    full: dict[str, list[float]] = {kind: [] for kind in ENCODERS}
    reingest: list[float] = []
    sentence_transformers: list[float] = []
    model = load_model(None)  # the packaged MiniLM, hash-checked, as sentence-transformers loads it
    model.encode(texts[:64], batch_size=64, show_progress_bar=False)  # warm-up
    try:
        for kind in ENCODERS:
            choose_encoder(kind, previous.directory)
            assert get_encoder(None).name == kind, f"the {kind} encoder is not prepared"
            get_encoder(None).encode(texts[:64])  # warm-up
        for _ in range(repeats):
            started = time.perf_counter()
            model.encode(texts, batch_size=64, show_progress_bar=False)
            sentence_transformers.append(time.perf_counter() - started)
            for kind in ENCODERS:
                choose_encoder(kind, previous.directory)
                encoder = get_encoder(None)
                started = time.perf_counter()
                encoder.encode(texts, batch_size=64)
                raw[kind].append(time.perf_counter() - started)
                with tempfile.TemporaryDirectory() as directory:
                    store = open_store(Path(directory), collection="bench-ingest")
                    started = time.perf_counter()
                    ingest(corpus_dir, store, progress=False)
                    full[kind].append(time.perf_counter() - started)
                    started = time.perf_counter()
                    again = ingest(corpus_dir, store, progress=False)
                    reingest.append(time.perf_counter() - started)
                    assert again.added == 0, "re-ingest of an unchanged corpus embedded something"
    finally:
        choose_encoder(previous.kind, previous.directory)
    chunks = len(texts)
    baseline = min(sentence_transformers)
    result: dict = {"chunks": chunks, "repeats": repeats,
                    "sentence_transformers_encode_chunks_per_s": round(chunks / baseline, 1)}
    for kind in ENCODERS:
        result[kind] = {"raw_encode_chunks_per_s": round(chunks / min(raw[kind]), 1),
                        "ingest_chunks_per_s": round(chunks / min(full[kind]), 1),
                        "ingest_vs_raw_encode": round(min(raw[kind]) / min(full[kind]), 3),
                        "ingest_vs_sentence_transformers_encode": round(baseline / min(full[kind]), 3)}
    result["onnx_vs_torch_raw_encode"] = round(min(raw["torch"]) / min(raw["onnx"]), 3)
    result["onnx_vs_torch_ingest"] = round(min(full["torch"]) / min(full["onnx"]), 3)
    result["reingest_s"] = round(min(reingest), 3)
    result["reingest_vs_full_ingest"] = round(min(reingest) / min(min(v) for v in full.values()), 3)
    return result
