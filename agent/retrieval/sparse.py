"""The BM25 side of retrieval, persisted next to the store and keyed by the corpus version.

A new process loads it memory-mapped instead of reading every chunk back from Chroma and
re-tokenising it (15 s at 100k chunks); it is rebuilt only when an ingest changed the corpus
(`Store.corpus_version()`). It keeps chunk ids and small source/kind codes, not the texts: the
few BM25 hits of a query are fetched from the store by id."""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from agent.retrieval.bm25 import BM25Index
from ingest.store import Store

log = logging.getLogger(__name__)

FORMAT = 1  # bump when the arrays or the tokenizer change: older folders are rebuilt


@dataclass(frozen=True)
class SparseSide:
    index: BM25Index
    ids: np.ndarray  # chunk id of each BM25 document
    sources: np.ndarray  # code into source_names, per document
    source_names: list[str]
    kinds: np.ndarray  # code into kind_names, per document
    kind_names: list[str]
    version: str

    @property
    def size(self) -> int:
        return len(self.ids)

    def top_ids(self, query: str, n: int, source: str | None = None, kind: str | None = None) -> list[str]:
        """The ids of the n best BM25 matches, best first, within the source/kind filter."""
        mask = None
        if source or kind:
            mask = np.ones(self.size, dtype=bool)
            for value, codes, names in ((source, self.sources, self.source_names), (kind, self.kinds, self.kind_names)):
                if value:
                    mask &= codes == (names.index(value) if value in names else -1)
        return [str(self.ids[i]) for i, _ in self.index.top(query, n, mask)]


def build(store: Store, version: str) -> SparseSide:
    chunks = store.all_chunks(include_text=True)
    source_names = sorted({c.metadata.get("source", "") for c in chunks})
    kind_names = sorted({c.metadata.get("kind", "guide") for c in chunks})
    source_code = {name: i for i, name in enumerate(source_names)}
    kind_code = {name: i for i, name in enumerate(kind_names)}
    return SparseSide(
        index=BM25Index([c.text for c in chunks]), ids=np.array([c.id for c in chunks], dtype=str),
        sources=np.array([source_code[c.metadata.get("source", "")] for c in chunks], dtype=np.int32),
        source_names=source_names,
        kinds=np.array([kind_code[c.metadata.get("kind", "guide")] for c in chunks], dtype=np.int32),
        kind_names=kind_names, version=version)


def save(side: SparseSide, directory: Path) -> None:
    """Atomically: written into a temp folder, renamed into place."""
    directory.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".bm25-", dir=directory.parent))
    try:
        side.index.save(staging)
        for name in ("ids", "sources", "kinds"):
            np.save(staging / f"{name}.npy", getattr(side, name), allow_pickle=False)
        (staging / "side.json").write_text(json.dumps({"format": FORMAT, "version": side.version,
                                                       "source_names": side.source_names,
                                                       "kind_names": side.kind_names}))
        staging.rename(directory)
    except OSError as error:  # another process saved the same version first, or a read-only dir
        log.info("BM25 index not saved to %s: %s", directory, error)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def load(directory: Path) -> SparseSide | None:
    try:
        meta = json.loads((directory / "side.json").read_text())
        if meta.get("format") != FORMAT:
            return None
        arrays = {name: np.load(directory / f"{name}.npy", mmap_mode="r", allow_pickle=False)
                  for name in ("ids", "sources", "kinds")}
        return SparseSide(index=BM25Index.load(directory), source_names=meta["source_names"],
                          kind_names=meta["kind_names"], version=meta["version"], **arrays)
    except (OSError, ValueError, KeyError) as error:
        log.info("no usable BM25 index in %s (%s): rebuilding", directory, error)
        return None


def load_or_build(store: Store, cache_dir: Path | None) -> SparseSide:
    """The saved side for the store's current corpus version, or a fresh build (saved for the next
    process, older versions of this collection removed). Without a cache_dir: built in memory."""
    version = store.corpus_version()
    if cache_dir is None:
        return build(store, version)
    directory = cache_dir / store.collection_name / version
    side = load(directory)
    if side is not None:
        log.info("BM25 index loaded for corpus version %s (%d chunks)", version, side.size)
        return side
    shutil.rmtree(directory, ignore_errors=True)  # a damaged or partial folder
    side = build(store, version)
    if store.corpus_version() == version:  # an ingest elsewhere during the build: do not save a mix
        save(side, directory)
        for old in directory.parent.iterdir():
            if old != directory and old.is_dir() and not old.name.startswith("."):
                shutil.rmtree(old, ignore_errors=True)
    return side
