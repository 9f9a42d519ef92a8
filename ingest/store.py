"""The Chroma store: embedded on disk or a Chroma server, one collection, chunks in and out."""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import numpy as np

from ingest.documents import Chunk
from ingest.embedding import MiniLMEmbeddingFunction

log = logging.getLogger(__name__)

# Chroma caps one request's batch size; stay well under it.
WRITE_BATCH = 256
READ_BATCH = 5000
STAGING_SUFFIX = "-rebuild"
# Collection metadata key holding the corpus version: a digest of what the collection holds, new
# after every ingest that changed it, so every process sharing it can tell cheaply that its BM25
# side is out of date.
VERSION_KEY = "corpus_version"


@dataclass(frozen=True)
class ChromaServer:
    """How to talk to a Chroma server beyond host and port: TLS, extra headers, a token (kept a
    SecretStr so it never shows in a repr or a log), tenant and database."""

    ssl: bool = False
    headers: dict[str, str] = field(default_factory=dict)
    token: Any = None  # pydantic SecretStr (or a plain str)
    token_header: str = "Authorization"
    tenant: str = "default_tenant"
    database: str = "default_database"

    def all_headers(self) -> dict[str, str]:
        headers = dict(self.headers)
        if self.token:
            token = self.token.get_secret_value() if hasattr(self.token, "get_secret_value") else str(self.token)
            headers[self.token_header] = f"Bearer {token}" if self.token_header.lower() == "authorization" else token
        return headers


class StoreUnavailable(RuntimeError):
    """The Chroma store cannot be reached or opened. The message says what to do."""


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


def _reason(error: Exception, server: ChromaServer) -> str:
    """`describe_error`, with any header value (the token) blanked out."""
    text = describe_error(error)
    for value in server.all_headers().values():
        text = text.replace(value, "***")
    return text


def open_store(path: Path | None = None, host: str | None = None, port: int = 8000,
               collection: str = "careerbot", model_path: str | None = None, timeout_s: float = 10.0,
               server: ChromaServer | None = None) -> Store:
    """Embedded PersistentClient at `path`, or HttpClient to a Chroma server when `host` is set
    (with `server`'s TLS, headers, token, tenant and database). Every request to a server is
    bounded by `timeout_s` (a hung server must not hang a turn)."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if len(collection) < 3:
        raise ValueError(f"collection name {collection!r} is too short: Chroma needs 3 or more characters")
    if host:
        server = server or ChromaServer()
        where = f"https://{host}:{port}" if server.ssl else f"{host}:{port}"
        description = f"server {where}"
        if (server.tenant, server.database) != ("default_tenant", "default_database"):
            description += f" ({server.tenant}/{server.database})"
        try:
            _heartbeat(host, port, timeout_s, server)  # the client's own first request has no timeout
            client = chromadb.HttpClient(host=host, port=port, ssl=server.ssl, headers=server.all_headers(),
                                         tenant=server.tenant, database=server.database, settings=chroma_settings)
            _bound_requests(client, timeout_s)
            client.heartbeat()
        except Exception as error:  # noqa: BLE001 - any connection failure means the same to a user
            raise StoreUnavailable(
                f"cannot reach the Chroma server at {where} ({_reason(error, server)}). "
                "Start it with `chroma run --path DIR --port N`, or unset CAREERBOT_CHROMA_HOST "
                "to use the embedded store."
            ) from error
    else:
        assert path is not None, "an embedded store needs a path"
        description = f"embedded {path}"
        try:
            path.mkdir(parents=True, exist_ok=True, mode=0o700)
            client = chromadb.PersistentClient(path=str(path), settings=chroma_settings)
        except Exception as error:  # noqa: BLE001 - OSError, or chromadb's InternalError (read-only, corrupt)
            raise StoreUnavailable(f"cannot open the store at {path}: {describe_error(error)}. "
                                   "Check the data directory (CAREERBOT_DATA_DIR) exists and is writable.") from error
    try:
        return Store(client, collection, model_path, description)
    except Exception as error:  # noqa: BLE001 - chromadb's InternalError, a read-only or corrupt store, a timeout
        raise StoreUnavailable(f"cannot open the collection {collection!r} in the {description} store "
                               f"({describe_error(error)}). Check that the data directory (CAREERBOT_DATA_DIR) is writable "
                               "and the server is answering.") from error


def _heartbeat(host: str, port: int, timeout_s: float, server: ChromaServer) -> None:
    """One bounded request before chromadb's client makes its unbounded first one (with the same
    headers: a server behind an authenticating proxy must let it through)."""
    import httpx

    scheme = "https" if server.ssl else "http"
    httpx.get(f"{scheme}://{host}:{port}/api/v2/heartbeat", headers=server.all_headers(), timeout=httpx.Timeout(timeout_s, connect=min(timeout_s, 5.0))).raise_for_status()


def _bound_requests(client, timeout_s: float) -> None:
    """Chroma's HttpClient waits forever by default (its httpx session has no timeout, and its
    Settings offer none): give its session one, connect and read."""
    import httpx

    session = getattr(getattr(client, "_server", None), "_session", None)
    if isinstance(session, httpx.Client):
        session.timeout = httpx.Timeout(timeout_s, connect=min(timeout_s, 5.0))
    else:
        log.warning("cannot set a timeout on this chromadb client (%s): a hung server may hang careerbot",
                    type(client).__name__)


def describe_error(error: BaseException) -> str:
    """A short cause: a timeout is named as such, else the error's type and first line."""
    import httpx

    if isinstance(error, httpx.TimeoutException):
        return "no answer in time: CAREERBOT_CHROMA_TIMEOUT_S"
    detail = str(error).strip().splitlines()[0][:160] if str(error).strip() else ""
    return f"{type(error).__name__}: {detail}" if detail else type(error).__name__
