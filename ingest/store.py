"""The Chroma store: one collection, chunks in and out, and the corpus version it carries.
Opening it (embedded on disk or a Chroma server) is ingest/chroma_connection.py."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any, Iterable

import numpy as np

from ingest.documents import Chunk
from ingest.embedding import MiniLMEmbeddingFunction

# Chroma caps one request's batch size; stay well under it.
WRITE_BATCH = 256
READ_BATCH = 5000
STAGING_SUFFIX = "-rebuild"
# Collection metadata key holding the corpus version: a digest of what the collection holds, new
# after every ingest that changed it, so every process sharing it can tell cheaply that its BM25
# side is out of date.
VERSION_KEY = "corpus_version"


@dataclass(frozen=True)
class StoredChunk:
    """A chunk as the store returns it (metadata plus, when asked, its vector)."""

    id: str
    text: str
    metadata: dict[str, Any]
    embedding: np.ndarray | None = None


class Store:
    """One Chroma collection that always carries careerbot's embedding function."""

    def __init__(self, client, collection_name: str, model_path: str | None, description: str) -> None:
        self.client = client
        self.description = description
        self.collection_name = collection_name
        self.model_path = model_path
        self.embedding_function = MiniLMEmbeddingFunction(model_path)
        self.collection = self._collection()

    def _collection(self):
        return self.client.get_or_create_collection(
            self.collection_name, embedding_function=self.embedding_function,
            metadata={"hnsw:space": "cosine"},
        )

    # Writes -------------------------------------------------------------------------------------
    def add(self, chunks: list[Chunk], embeddings: np.ndarray) -> None:
        for start in range(0, len(chunks), WRITE_BATCH):
            batch = chunks[start:start + WRITE_BATCH]
            self.collection.upsert(
                ids=[c.id for c in batch], documents=[c.text for c in batch],
                metadatas=[c.metadata() for c in batch], embeddings=embeddings[start:start + WRITE_BATCH],
            )

    def update_metadata(self, chunks: list[Chunk]) -> None:
        for start in range(0, len(chunks), WRITE_BATCH):
            batch = chunks[start:start + WRITE_BATCH]
            self.collection.update(ids=[c.id for c in batch], metadatas=[c.metadata() for c in batch])

    def delete(self, ids: Iterable[str]) -> None:
        ids = list(ids)
        for start in range(0, len(ids), WRITE_BATCH):
            self.collection.delete(ids=ids[start:start + WRITE_BATCH])

    def staging(self) -> Store:
        """An empty collection beside this one, for `ingest --rebuild` to fill before `replace_with`."""
        name = f"{self.collection_name}{STAGING_SUFFIX}"
        try:
            self.client.delete_collection(name)
        except Exception:  # noqa: BLE001 - absent already is fine
            pass
        return Store(self.client, name, self.model_path, self.description)

    def replace_with(self, staging: Store) -> None:
        """Swap a filled staging collection in under this collection's name."""
        try:
            self.client.delete_collection(self.collection_name)
        except Exception:  # noqa: BLE001 - absent already is fine
            pass
        staging.collection.modify(name=self.collection_name)
        self.collection = self._collection()

    # Reads --------------------------------------------------------------------------------------
    def count(self) -> int:
        return self.collection.count()

    def metadata_by_id(self) -> dict[str, dict[str, Any]]:
        """Every stored id with its metadata (no vectors): what incremental ingest diffs against."""
        return {chunk.id: chunk.metadata for chunk in self.all_chunks(include_text=False)}

    def all_chunks(self, include_text: bool = True, include_embeddings: bool = False) -> list[StoredChunk]:
        include = ["metadatas"] + (["documents"] if include_text else []) + (["embeddings"] if include_embeddings else [])
        chunks: list[StoredChunk] = []
        total = self.count()
        for offset in range(0, total, READ_BATCH):
            page = self.collection.get(include=include, limit=READ_BATCH, offset=offset)
            chunks.extend(_stored(page, i, include_embeddings) for i in range(len(page["ids"])))
        return chunks

    def chunks_of(self, source: str) -> list[StoredChunk]:
        """The chunks of one source file (with text, no vectors)."""
        page = self.collection.get(where={"source": source}, include=["metadatas", "documents"])
        return [_stored(page, i, False) for i in range(len(page["ids"]))]

    def get(self, ids: list[str], include_embeddings: bool = False) -> list[StoredChunk]:
        if not ids:
            return []
        include = ["metadatas", "documents"] + (["embeddings"] if include_embeddings else [])
        page = self.collection.get(ids=ids, include=include)
        found = {page["ids"][i]: _stored(page, i, include_embeddings) for i in range(len(page["ids"]))}
        return [found[i] for i in ids if i in found]

    def query(self, vector: np.ndarray, n: int, where: dict | None = None) -> list[tuple[StoredChunk, float]]:
        """Nearest chunks by cosine, with their similarity (1 - cosine distance)."""
        n = min(n, self.count())
        if n == 0:
            return []
        result = self.collection.query(query_embeddings=[vector], n_results=n, where=where or None,
                                       include=["metadatas", "documents", "distances", "embeddings"])
        hits = []
        for i in range(len(result["ids"][0])):
            page = {key: (result[key][0] if result.get(key) is not None else None)
                    for key in ("ids", "documents", "metadatas", "embeddings")}
            hits.append((_stored(page, i, True), 1.0 - float(result["distances"][0][i])))
        return hits

    # Corpus version ---------------------------------------------------------------------------
    def corpus_version(self) -> str:
        """A digest of what the collection holds (every chunk id with its metadata), kept in the
        collection's metadata under "corpus_version" and changed by every ingest that changes
        anything. Read fresh from the store on each call (one small request), so another process's
        ingest is seen: derived data (the saved BM25 side, a replica's index) is keyed by it.
        A store written before versions existed is stamped on first read."""
        collection = self.client.get_collection(self.collection_name, embedding_function=self.embedding_function)
        version = (collection.metadata or {}).get(VERSION_KEY)
        return version or self.set_corpus_version(corpus_digest(self.metadata_by_id()))

    def set_corpus_version(self, version: str) -> str:
        """Record `version` (from `corpus_digest`), keeping the other metadata; ingest calls this."""
        kept = {k: v for k, v in (self.collection.metadata or {}).items() if not k.startswith("hnsw:")}
        self.collection.modify(metadata={**kept, VERSION_KEY: version})
        return version

    def stats(self) -> dict[str, Any]:
        per_source: dict[str, int] = {}
        for metadata in self.metadata_by_id().values():
            per_source[metadata.get("source", "?")] = per_source.get(metadata.get("source", "?"), 0) + 1
        return {"mode": self.description, "collection": self.collection_name, "chunks": sum(per_source.values()),
                "documents": len(per_source), "per_source": dict(sorted(per_source.items()))}


def corpus_digest(metadata_by_id: dict[str, dict[str, Any]]) -> str:
    """Deterministic: the same chunks with the same metadata give the same version on any machine
    (ids are content hashes, so the text is covered too)."""
    digest = hashlib.sha256()
    for chunk_id in sorted(metadata_by_id):
        digest.update(chunk_id.encode())
        digest.update(json.dumps(metadata_by_id[chunk_id], sort_keys=True, default=str).encode())
    return digest.hexdigest()[:24]


def _stored(page: dict, i: int, with_embedding: bool) -> StoredChunk:
    documents = page.get("documents")
    embeddings = page.get("embeddings")
    return StoredChunk(
        id=page["ids"][i],
        text=documents[i] if documents is not None else "",
        metadata=dict(page["metadatas"][i] or {}),
        embedding=np.asarray(embeddings[i], dtype=np.float32) if with_embedding and embeddings is not None else None,
    )
