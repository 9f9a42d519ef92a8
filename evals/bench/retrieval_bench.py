"""Retrieval latency on the real corpus and on synthetic stores of 1k / 10k / 100k chunks."""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

import numpy as np

from agent.retrieval import HybridRetriever
from agent.retrieval.retriever import query_vector
from evals import dataset_loader
from evals.bench.timing import summary_ms
from ingest.chroma_connection import open_store
from ingest.documents import Chunk, chunk_id


def query_latency(retriever: HybridRetriever, questions: list[str], rounds: int = 1) -> dict:
    """Per-query latency of a question never seen before: the query-vector cache is cleared
    before each search, so every measurement includes embedding the query."""
    for question in questions[:5]:  # warm-up: model loaded, torch kernels ready
        retriever.search(question, k=5)
    times = []
    for _ in range(rounds):
        for question in questions:
            query_vector.cache_clear()
            started = time.perf_counter()
            retriever.search(question, k=5)
            times.append((time.perf_counter() - started) * 1000)
    return summary_ms(times)


def synthetic_store(size: int, directory: Path, vocabulary: list[str], seed: int = 0):
    """`size` chunks of generated text drawn from the corpus vocabulary, with random unit vectors
    (embedding 100k texts would take half an hour and measure the model, not retrieval)."""
    rng = random.Random(seed)
    vectors = np.random.default_rng(seed).standard_normal((size, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    store = open_store(directory, collection=f"synthetic-{size}")
    batch = 2000
    for start in range(0, size, batch):
        chunks = []
        for i in range(start, min(size, start + batch)):
            body = " ".join(rng.choices(vocabulary, k=80))
            chunks.append(Chunk(id=chunk_id("synthetic", f"{i}{body}"), source=f"synthetic-{i // 100}.md",
                                title=f"Synthetic {i // 100}", section=f"Part {i % 100}", body=body, kind="guide",
                                position=i % 100))
        store.add(chunks, vectors[start:start + len(chunks)])
    return store


def bench_scaling(sizes: list[int], questions: list[str], vocabulary: list[str]) -> dict:
    results = {}
    for size in sizes:
        with tempfile.TemporaryDirectory() as directory:
            started = time.perf_counter()
            store = synthetic_store(size, Path(directory), vocabulary)
            built = time.perf_counter() - started
            started = time.perf_counter()
            retriever = HybridRetriever(store)
            index_s = time.perf_counter() - started
            results[str(size)] = {**query_latency(retriever, questions), "build_store_s": round(built, 1),
                                  "bm25_index_s": round(index_s, 2)}
    return results


def dev_questions() -> list[str]:
    return [row["question"] for row in dataset_loader.load("retrieval")]
