"""Ingest throughput against the raw `encode` throughput of the same model on the same chunks."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from ingest.chunking import chunk_document
from ingest.embedding import load_model
from ingest.pipeline import ingest, load_corpus
from ingest.store import open_store


def bench_ingest(corpus_dir: Path, repeats: int = 3) -> dict:
    """Best of `repeats` for both, interleaved, so machine noise hits both sides alike."""
    documents, _, _ = load_corpus(corpus_dir)
    texts = [chunk.text for doc in documents for chunk in chunk_document(doc)]
    model = load_model(None)
    model.encode(texts[:64], batch_size=64, normalize_embeddings=True)  # warm-up
    raw, full, reingest = [], [], []
    for _ in range(repeats):
        started = time.perf_counter()
        model.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
        raw.append(time.perf_counter() - started)
        with tempfile.TemporaryDirectory() as directory:
            store = open_store(Path(directory), collection="bench-ingest")
            started = time.perf_counter()
            report = ingest(corpus_dir, store, progress=False)
            full.append(time.perf_counter() - started)
            started = time.perf_counter()
            again = ingest(corpus_dir, store, progress=False)
            reingest.append(time.perf_counter() - started)
            assert again.added == 0, "re-ingest of an unchanged corpus embedded something"
    chunks = len(texts)
    return {
        "chunks": chunks,
        "raw_encode_chunks_per_s": round(chunks / min(raw), 1),
        "ingest_chunks_per_s": round(chunks / min(full), 1),
        "ingest_vs_raw_encode": round(min(raw) / min(full), 3),
        "reingest_s": round(min(reingest), 3),
        "reingest_embedded": 0,
        "reingest_vs_full_ingest": round(min(reingest) / min(full), 3),
        "report_added": report.added,
    }
