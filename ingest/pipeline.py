"""Incremental ingest: diff the corpus's chunk ids against the store, embed only what is new."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from ingest.chunking import CHUNK_WORDS, OVERLAP_WORDS, chunk_document
from ingest.clean import clean_document
from ingest.documents import DEFAULT_CORPUS, Chunk, Document, owned_chunk_id, owner
from ingest.embedding import embed, prepare_encoder
from ingest.loaders import SUPPORTED_SUFFIXES, LoadError, load_file
from ingest.resources import RESOURCES_FILE, resource_documents
from ingest.store import Store, corpus_digest

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
    quarantined: dict[str, list[str]] = field(default_factory=dict)  # file → reasons, one per withheld chunk
    seconds: float = 0.0
    embed_seconds: float = 0.0

    def summary(self) -> str:
        lines = [f"{self.files} files, {self.chunks} chunks: {self.added} added, {self.unchanged} unchanged, "
                 f"{self.removed} removed ({self.seconds:.1f} s, {self.embed_seconds:.1f} s embedding)"]
        lines += [f"skipped {reason}" for reason in self.skipped]
        lines += [f"quarantined {len(reasons)} passage(s) in {source}: {'; '.join(sorted(set(reasons)))} "
                  "(stored, never read by the model or quoted)" for source, reasons in sorted(self.quarantined.items())]
        return "\n".join(lines)


def discover(corpus_dir: Path, skipped: list[str] | None = None) -> list[Path]:
    """Corpus files in a stable order. Hidden files are ignored; a symlink is followed only when
    it stays inside the corpus (a link to /etc/passwd must not end up in the store): a link that
    leaves it is added to `skipped`, so the ingest summary names it."""
    root = corpus_dir.resolve()
    files = []
    for path in sorted(corpus_dir.rglob("*")):
        relative = path.relative_to(corpus_dir)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        if path.is_symlink() and not path.resolve().is_relative_to(root):
            log.warning("%s: symlink to outside the corpus, skipped", relative)
            if skipped is not None:
                skipped.append(f"{relative.as_posix()}: a symlink to outside the corpus")
            continue
        if path.suffix.lower() in SUPPORTED_SUFFIXES or path.name == RESOURCES_FILE:
            files.append(path)
    return files


def load_corpus(corpus_dir: Path, known_titles: dict[str, str] | None = None, progress: bool = False
                ) -> tuple[list[Document], list[str], set[str]]:
    """Load every file. Returns the documents, the reasons for skipped files, and the sources
    that failed (their chunks already in the store must be kept, not deleted). `known_titles`
    (source → title, from the store) name a guide that failed to load this time, so the resource
    entries that cite it keep their text (and their ids: nothing is re-embedded)."""
    from tqdm import tqdm

    documents: list[Document] = []
    skipped: list[str] = []
    failed: set[str] = set()
    resources_path = None
    for path in tqdm(discover(corpus_dir, skipped), desc="reading", unit="file", disable=not progress):
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
        titles = {**(known_titles or {}), **{doc.source: doc.title for doc in documents}}
        try:
            documents.extend(resource_documents(resources_path, titles))
        except (LoadError, OSError, TypeError) as error:
            skipped.append(f"{RESOURCES_FILE}: {error}")
            failed.add(RESOURCES_FILE)
    return documents, skipped, failed


def ingest(corpus_dir: Path, store: Store, chunk_size: int = CHUNK_WORDS, chunk_overlap: int = OVERLAP_WORDS,
           rebuild: bool = False, progress: bool = True, model_path: str | None = None,
           screen: Callable[[str], str] | None = None, corpus: str = DEFAULT_CORPUS) -> IngestReport:
    """Bring the store's chunks of `corpus` (a name: CAREERBOT_CORPUS_NAME) in line with the folder.
    Chunks of other corpora in the same collection are never updated or deleted, and every ingest
    that changes the store gives it a new corpus version, so other processes refresh their BM25.
    `screen(text)` returns why a chunk must be withheld from the model ("" when it is plain
    content); the chunk is stored flagged with that reason.

    Order matters for crash safety: new chunks are added (in batches, ids are content hashes, so
    a re-run skips what a killed run already wrote) before stale chunks are deleted. A run killed
    at any point leaves a store that the next run completes, with no duplicates and no orphans."""
    started = time.perf_counter()
    if not corpus_dir.is_dir():
        raise FileNotFoundError(f"corpus directory {corpus_dir} does not exist")
    # A rebuild of a collection that holds only this corpus fills a staging collection and swaps it
    # in at the end; in a shared collection it re-writes this corpus's chunks in place (same ids).
    # Killed half-way, either leaves the old chunks whole, and the next run completes it.
    everything = store.metadata_by_id()
    sole_owner = all(owner(meta) == corpus for meta in everything.values())
    target = store.staging() if rebuild and sole_owner else store
    stored = {chunk_id: meta for chunk_id, meta in (target.metadata_by_id() if target is not store else everything).items()
              if owner(meta) == corpus}
    known_titles = {meta["source"]: meta["title"] for meta in everything.values()
                    if owner(meta) == corpus and meta.get("kind") == "guide" and meta.get("source") and meta.get("title")}
    documents, skipped, failed = load_corpus(corpus_dir, known_titles, progress)
    chunks = [replace(chunk, id=owned_chunk_id(corpus, chunk.id), corpus=corpus)
              for doc in documents for chunk in chunk_document(clean_document(doc), chunk_size, chunk_overlap)]
    if screen is not None:
        chunks = [replace(chunk, quarantine=screen(f"{chunk.title}\n{chunk.text}")) for chunk in chunks]
    wanted = {chunk.id: chunk for chunk in chunks}

    new = [chunk for chunk_id, chunk in wanted.items() if rebuild or chunk_id not in stored]
    moved = [chunk for chunk_id, chunk in wanted.items()
             if not rebuild and chunk_id in stored and _differs(stored[chunk_id], chunk)]
    stale = [chunk_id for chunk_id, meta in stored.items()
             if chunk_id not in wanted and meta.get("source") not in failed]

    if new:
        prepare_encoder([chunk.text for chunk in chunks], model_path)
    embed_seconds = _embed_and_add(target, new, progress, model_path)
    target.update_metadata(moved)
    target.delete(stale)
    if target is not store:
        store.replace_with(target)
    if new or moved or stale or rebuild:
        store.set_corpus_version(corpus_digest(store.metadata_by_id()))  # the whole collection, all corpora

    report = IngestReport(
        files=len({doc.source for doc in documents}), chunks=len(wanted), added=len(new),
        unchanged=len(wanted) - len(new), removed=len(stale), metadata_updated=len(moved),
        skipped=skipped, seconds=time.perf_counter() - started, embed_seconds=embed_seconds,
    )
    for chunk in chunks:
        if chunk.quarantine:
            report.quarantined.setdefault(chunk.source, []).append(chunk.quarantine)
            log.info("%s: passage quarantined (%s)", chunk.source, chunk.quarantine)
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
    from tqdm import tqdm

    with tqdm(total=len(chunks), desc="embedding", unit="chunk", disable=not progress) as bar:
        for start in range(0, len(chunks), EMBED_BATCH):
            batch = chunks[start:start + EMBED_BATCH]
            began = time.perf_counter()
            vectors = embed([chunk.text for chunk in batch], model_path, batch_size=EMBED_BATCH)
            spent += time.perf_counter() - began
            store.add(batch, vectors)
            bar.update(len(batch))
    return spent
