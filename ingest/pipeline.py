"""Incremental ingest: diff the corpus's chunk ids against the store, embed only what is new."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from ingest.chunking import chunk_document
from ingest.clean import clean_document
from ingest.documents import Chunk, Document
from ingest.embedding import embed
from ingest.loaders import SUPPORTED_SUFFIXES, LoadError, load_file
from ingest.resources import RESOURCES_FILE, resource_documents
from ingest.store import Store

log = logging.getLogger(__name__)

EMBED_BATCH = 64


@dataclass
class IngestReport:
    files: int = 0
    chunks: int = 0
    added: int = 0
    unchanged: int = 0
    removed: int = 0
    metadata_updated: int = 0
    skipped: list[str] = field(default_factory=list)  # one readable reason per unreadable file
    seconds: float = 0.0
    embed_seconds: float = 0.0

    def summary(self) -> str:
        lines = [f"{self.files} files, {self.chunks} chunks: {self.added} added, {self.unchanged} unchanged, "
                 f"{self.removed} removed ({self.seconds:.1f} s, {self.embed_seconds:.1f} s embedding)"]
        lines += [f"skipped {reason}" for reason in self.skipped]
        return "\n".join(lines)


def discover(corpus_dir: Path) -> list[Path]:
    """Corpus files in a stable order. Hidden files are ignored; a symlink is followed only when
    it stays inside the corpus (a link to /etc/passwd must not end up in the store)."""
    root = corpus_dir.resolve()
    files = []
    for path in sorted(corpus_dir.rglob("*")):
        relative = path.relative_to(corpus_dir)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        if path.is_symlink() and not path.resolve().is_relative_to(root):
            log.warning("%s: symlink to outside the corpus, skipped", relative)
            continue
        if path.suffix.lower() in SUPPORTED_SUFFIXES or path.name == RESOURCES_FILE:
            files.append(path)
    return files


def load_corpus(corpus_dir: Path) -> tuple[list[Document], list[str], set[str]]:
    """Load every file. Returns the documents, the reasons for skipped files, and the sources
    that failed (their chunks already in the store must be kept, not deleted)."""
    documents: list[Document] = []
    skipped: list[str] = []
    failed: set[str] = set()
    resources_path = None
    for path in discover(corpus_dir):
        if path.name == RESOURCES_FILE and path.parent == corpus_dir:
            resources_path = path
            continue
        try:
            documents.append(load_file(path, corpus_dir))
        except (LoadError, OSError) as error:
            reason = str(error) if isinstance(error, LoadError) else f"{path.relative_to(corpus_dir)}: {error}"
            log.warning("skipped %s", reason)
            skipped.append(reason)
            failed.add(path.relative_to(corpus_dir).as_posix())
    if resources_path is not None:
        titles = {doc.source: doc.title for doc in documents}
        try:
            documents.extend(resource_documents(resources_path, titles))
        except (LoadError, OSError, TypeError) as error:
            skipped.append(f"{RESOURCES_FILE}: {error}")
            failed.add(RESOURCES_FILE)
    return documents, skipped, failed


def ingest(corpus_dir: Path, store: Store, chunk_size: int = 120, chunk_overlap: int = 25,
           rebuild: bool = False, progress: bool = True, model_path: str | None = None) -> IngestReport:
    """Bring the store in line with the corpus.

    Order matters for crash safety: new chunks are added (in batches, ids are content hashes, so
    a re-run skips what a killed run already wrote) before stale chunks are deleted. A run killed
    at any point leaves a store that the next run completes, with no duplicates and no orphans."""
    started = time.perf_counter()
    if not corpus_dir.is_dir():
        raise FileNotFoundError(f"corpus directory {corpus_dir} does not exist")
    if rebuild:
        store.reset()
    documents, skipped, failed = load_corpus(corpus_dir)
    chunks = [chunk for doc in documents for chunk in chunk_document(clean_document(doc), chunk_size, chunk_overlap)]
    wanted = {chunk.id: chunk for chunk in chunks}
    stored = store.metadata_by_id()

    new = [chunk for chunk_id, chunk in wanted.items() if chunk_id not in stored]
    moved = [chunk for chunk_id, chunk in wanted.items()
             if chunk_id in stored and _differs(stored[chunk_id], chunk)]
    stale = [chunk_id for chunk_id, meta in stored.items()
             if chunk_id not in wanted and meta.get("source") not in failed]

    embed_seconds = _embed_and_add(store, new, progress, model_path)
    store.update_metadata(moved)
    store.delete(stale)

    report = IngestReport(
        files=len({doc.source for doc in documents}), chunks=len(wanted), added=len(new),
        unchanged=len(wanted) - len(new), removed=len(stale), metadata_updated=len(moved),
        skipped=skipped, seconds=time.perf_counter() - started, embed_seconds=embed_seconds,
    )
    log.info("ingest: %s", report.summary())
    return report


def _differs(stored: dict, chunk: Chunk) -> bool:
    return any(stored.get(key) != value for key, value in chunk.metadata().items())


def _embed_and_add(store: Store, chunks: list[Chunk], progress: bool, model_path: str | None) -> float:
    """Embed in length-sorted batches (less padding, the same order `encode` itself uses) and
    write each batch as soon as it is embedded, so a killed run keeps what it finished."""
    if not chunks:
        return 0.0
    chunks = sorted(chunks, key=lambda chunk: len(chunk.text), reverse=True)
    spent = 0.0
    with tqdm(total=len(chunks), desc="embedding", unit="chunk", disable=not progress) as bar:
        for start in range(0, len(chunks), EMBED_BATCH):
            batch = chunks[start:start + EMBED_BATCH]
            began = time.perf_counter()
            vectors = embed([chunk.text for chunk in batch], model_path, batch_size=EMBED_BATCH)
            spent += time.perf_counter() - began
            store.add(batch, vectors)
            bar.update(len(batch))
    return spent
