"""The hybrid retriever: dense + BM25 candidates, fused, deduplicated, scored for relevance."""

from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np

from agent.guards.injection import WITHHELD_TITLE, withheld
from agent.retrieval.bm25 import phrase_expansion
from agent.retrieval.fusion import reciprocal_rank_fusion
from agent.retrieval.passage import Passage
from agent.retrieval.query import EmptyQuery, prepare_query
from agent.retrieval.sparse import SparseSide, load_or_build
from ingest.chroma_connection import StoreUnavailable, describe_error
from ingest.embedding import embed
from ingest.store import Store, StoredChunk

log = logging.getLogger(__name__)

NEAR_DUPLICATE = 0.95  # cosine above which two passages say the same thing (overlapping chunks, copies)
# Resource entries are short and match names strongly, so without a cap "pytorch or tensorflow?"
# returns two PyTorch entries instead of the guide passage that compares them. They fill the list
# only when the question asks for material to learn from.
RESOURCE_INTENT = re.compile(
    r"\b(books?|courses?|certif\w*|certs?|resources?|tutorials?|videos?|youtube|channels?|read|watch|repos?|"
    r"repositor\w*|links?|materials?|specializations?|mooc|lectures?|where (can|do|should) i learn"
    r"|where\b[\w\s'’]{0,30}\b(start|begin)\w*)\b", re.I)  # "where do the guides say to start?": a book is an answer
MAX_RESOURCES_WITHOUT_INTENT = 1


class HybridRetriever:
    """Search the store two ways and fuse. `mode` is "hybrid" (default), "dense" or "bm25";
    the single modes exist so the eval suite can show what fusion gains."""

    def __init__(self, store: Store, candidates: int = 20, max_query_words: int = 80,
                 model_path: str | None = None, index_dir: Path | None = None) -> None:
        """`index_dir` keeps the BM25 side on disk between processes (see agent.retrieval.sparse)."""
        self.store = store
        self.candidates = candidates
        self.max_query_words = max_query_words
        self.model_path = model_path
        self.index_dir = index_dir
        self._lock = threading.Lock()
        self.refresh()

    def refresh(self) -> None:
        """Bring the BM25 side in line with the store's corpus version: loaded when saved, rebuilt
        only when an ingest changed the corpus. Runs after this process's ingest, and on the next
        search after any other process's (see `follow_store`)."""
        sparse = load_or_build(self.store, self.index_dir)
        with self._lock:
            self.sparse: SparseSide = sparse
        log.info("retriever: %d chunks in the BM25 side (corpus version %s)", sparse.size, sparse.version)

    def follow_store(self) -> None:
        """Replicas stay in step: an ingest job or another replica may have changed the shared
        collection. Its corpus version is one small read per search; BM25 is rebuilt only when it moved."""
        if self.store.corpus_version() != self.sparse.version:
            log.info("corpus version changed: refreshing BM25")
            self.refresh()

    def source_chunks(self, source: str) -> list[StoredChunk]:
        """Every chunk of one document that may be shown (a list split over several chunks is
        answered whole: agent/answer/context.py); quarantined chunks are never among them."""
        return [c for c in self.store.chunks_of(source) if not c.metadata.get("quarantine")]

    @property
    def size(self) -> int:
        return self.sparse.size

    def search(self, query: str, k: int = 4, mode: str = "hybrid", source: str | None = None,
               kind: str | None = None) -> list[Passage]:
        """The k best passages. Raises EmptyQuery, or StoreUnavailable when the store stops answering
        (a Chroma server that went away); the next call works again once it is back."""
        query = prepare_query(query, self.max_query_words)
        try:
            self.follow_store()
            return self._search(query, k, mode, source, kind)
        except (EmptyQuery, StoreUnavailable):
            raise
        except Exception as error:  # noqa: BLE001 - chromadb and httpx raise many types for "unreachable"
            log.warning("store failed during search: %r", error)
            raise StoreUnavailable(f"the vector store ({self.store.description}) is not answering "
                                   f"({describe_error(error)}). If it is a Chroma server, check that it is "
                                   "running; careerbot reconnects on the next question.") from error

    def _search(self, query: str, k: int, mode: str, source: str | None, kind: str | None) -> list[Passage]:
        vector = query_vector(phrase_expansion(query), self.model_path)
        where = _where(source, kind)
        dense: list[tuple[StoredChunk, float]] = []
        sparse: list[StoredChunk] = []
        if mode in ("hybrid", "dense"):
            dense = self.store.query(vector, self.candidates, where)
        if mode in ("hybrid", "bm25"):
            sparse = self._bm25(query, source, kind)

        by_id: dict[str, StoredChunk] = {chunk.id: chunk for chunk, _ in dense}
        by_id.update({chunk.id: chunk for chunk in sparse if chunk.id not in by_id})
        dense_ids = [chunk.id for chunk, _ in dense]
        sparse_ids = [chunk.id for chunk in sparse]
        fused = reciprocal_rank_fusion([ranking for ranking in (dense_ids, sparse_ids) if ranking])
        vectors = self._vectors([chunk_id for chunk_id, _ in fused], by_id)

        passages: list[Passage] = []
        kept_vectors: list[np.ndarray] = []
        resource_cap = k if (kind == "resource" or RESOURCE_INTENT.search(query)) else MAX_RESOURCES_WITHOUT_INTENT
        resource_names: set[str] = set()
        for chunk_id, fused_score in fused:
            chunk_vector = vectors[chunk_id]
            if any(float(chunk_vector @ other) >= NEAR_DUPLICATE for other in kept_vectors):
                continue
            meta = by_id[chunk_id].metadata
            if meta.get("kind") == "resource":
                # The same resource named by two guides is one answer, not two.
                if len(resource_names) >= resource_cap or meta.get("title") in resource_names:
                    continue
                resource_names.add(meta.get("title"))
            kept_vectors.append(chunk_vector)
            passages.append(_passage(by_id[chunk_id], float(chunk_vector @ vector), fused_score,
                                     _rank(dense_ids, chunk_id), _rank(sparse_ids, chunk_id)))
            if len(passages) == k:
                break
        if resource_cap == MAX_RESOURCES_WITHOUT_INTENT:
            passages = _guide_first(passages)
        return passages

    def _bm25(self, query: str, source: str | None, kind: str | None) -> list[StoredChunk]:
        """BM25 hits with their text, metadata and stored vector, fetched by id in one call."""
        with self._lock:
            sparse = self.sparse
        return self.store.get(sparse.top_ids(query, self.candidates, source, kind), include_embeddings=True)

    def _vectors(self, ids: list[str], by_id: dict[str, StoredChunk]) -> dict[str, np.ndarray]:
        """Stored vectors for every candidate: dense hits carry theirs; BM25-only hits are fetched
        (never re-embedded: ingest already did that work)."""
        missing = [i for i in ids if by_id[i].embedding is None]
        fetched = {chunk.id: chunk.embedding for chunk in self.store.get(missing, include_embeddings=True)}
        return {i: (by_id[i].embedding if by_id[i].embedding is not None else fetched[i]) for i in ids}


@lru_cache(maxsize=2048)
def query_vector(query: str, model_path: str | None) -> np.ndarray:
    """Query embeddings, cached: retries, follow-up double searches and eval runs repeat queries."""
    vector = embed([query], model_path)[0]
    vector.setflags(write=False)
    return vector


def _guide_first(passages: list[Passage]) -> list[Passage]:
    """Without a request for material, a resource entry never outranks the best guide passage:
    'how important is git?' is answered by the guide's paragraph on Git, not by its entry."""
    first_guide = next((i for i, p in enumerate(passages) if p.kind != "resource"), None)
    if not first_guide:
        return passages
    return [passages[first_guide]] + passages[:first_guide] + passages[first_guide + 1:]


def _where(source: str | None, kind: str | None) -> dict | None:
    clauses = [{"source": source}] if source else []
    clauses += [{"kind": kind}] if kind else []
    if len(clauses) > 1:
        return {"$and": clauses}
    return clauses[0] if clauses else None


def _rank(ranking: list[str], chunk_id: str) -> int | None:
    return ranking.index(chunk_id) + 1 if chunk_id in ranking else None


def _passage(chunk: StoredChunk, score: float, fused: float, dense_rank: int | None,
             bm25_rank: int | None) -> Passage:
    meta = chunk.metadata
    quarantine = str(meta.get("quarantine") or "")
    if quarantine:  # a planted heading or title is as much an instruction as the body: none of it is shown
        return Passage(id=chunk.id, text=withheld(quarantine), quarantine=quarantine, source=meta.get("source", ""),
                       title=WITHHELD_TITLE, section="", kind=meta.get("kind", "guide"), score=score, fused=fused,
                       dense_rank=dense_rank, bm25_rank=bm25_rank)
    return Passage(id=chunk.id, text=meta.get("body") or chunk.text, source=meta.get("source", ""),
                   title=meta.get("title", ""), section=meta.get("section", ""), kind=meta.get("kind", "guide"),
                   short_title=meta.get("short_title", ""),
                   score=score, fused=fused, dense_rank=dense_rank, bm25_rank=bm25_rank)

