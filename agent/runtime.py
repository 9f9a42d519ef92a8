"""Wiring: builds the store, retriever, LLM and graph from Settings, once per process, on demand."""

from __future__ import annotations

import logging
import threading
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from agent.guards.files import secure_data_dir
from agent.guards.injection import quarantine_reason
from agent.guards.redact import install_log_redaction
from agent.settings import Settings, get_settings
from ingest.chroma_connection import ChromaServer, open_store
from ingest.embedding import choose_encoder, encoder_needs_preparing, prepare_encoder
from ingest.store import Store

if TYPE_CHECKING:  # the pipeline (tqdm, loaders, chunking) is imported by `ingest` alone
    from ingest.pipeline import IngestReport

log = logging.getLogger(__name__)


class Runtime:
    """The long-lived parts of careerbot. Everything is built lazily: `careerbot retrieve` never
    loads the LLM, `careerbot ask --no-llm` never loads it either."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or get_settings()
        install_log_redaction(self.settings)  # the configured keys never reach a log line
        self._ingest_lock = threading.Lock()
        choose_encoder(self.settings.encoder, self.settings.encoder_path, self.model_path)

    @property
    def model_path(self) -> str | None:
        path = self.settings.embedding_model_path
        return str(path) if path else None

    @cached_property
    def data_dir(self) -> Path:
        """The data dir, created owner-only (0700) on first use. This is the one place it is made:
        the store, the BM25 index, the conversations and the web app's key are handed it (or a path
        in it) once it exists; their own subfolders (chroma/, bm25/, models/) are theirs to make."""
        secure_data_dir(self.settings.data_dir)
        return self.settings.data_dir

    @cached_property
    def store(self) -> Store:
        s = self.settings
        self.data_dir  # noqa: B018 (made first: the embedded store's folder goes in it)
        return open_store(s.chroma_path, s.chroma_host, s.chroma_port, s.collection, self.model_path,
                          timeout_s=s.chroma_timeout_s,
                          server=ChromaServer(ssl=s.chroma_ssl, headers=s.chroma_headers, token=s.chroma_token,
                                              token_header=s.chroma_token_header, tenant=s.chroma_tenant,
                                              database=s.chroma_database))

    @cached_property
    def retriever(self):
        from agent.retrieval import HybridRetriever

        if self.settings.ingests_on_start and self.store.count() == 0:
            self.ingest(progress=True)
        else:
            self.prepare_encoder()
        return HybridRetriever(self.store, self.settings.candidates, self.settings.max_query_words, self.model_path,
                               index_dir=self.data_dir / "bm25")

    @cached_property
    def llm(self):
        """The configured LLM backend (None when CAREERBOT_LLM=none). Raises LLMUnavailable."""
        from agent.llm import load_backend

        return load_backend(self.settings)

    def checkpointer(self):
        """Where conversations are kept (agent/checkpoint.py): PostgreSQL at CAREERBOT_CHECKPOINT_URL,
        else SQLite in the data dir."""
        from agent.checkpoint import open_checkpointer, uses_sqlite

        if not uses_sqlite(self.settings):
            return open_checkpointer(self.settings)
        secure_data_dir(self.data_dir)  # what the store wrote since is owner-only too, as after an ingest
        return open_checkpointer(self.settings, self.data_dir)

    def llm_or_error(self):
        """(backend, None), or (None, message) when it cannot be loaded: careerbot still answers
        extractively and shows the message."""
        from agent.llm import LLMUnavailable
        from agent.replies import llm_unavailable

        try:
            return self.llm, None
        except LLMUnavailable as error:
            log.warning("LLM unavailable: %s", error)
            return None, llm_unavailable(error)

    def ingest(self, rebuild: bool = False, progress: bool = True) -> IngestReport:
        """Run an incremental ingest and keep the retriever's BM25 side in step with the store."""
        from ingest.pipeline import ingest

        s = self.settings
        with self._ingest_lock:
            report = ingest(s.corpus_dir, self.store, s.chunk_size, s.chunk_overlap, rebuild=rebuild,
                            progress=progress, model_path=self.model_path, screen=quarantine_reason,
                            corpus=s.corpus_name)
            self.prepare_encoder()
            if "retriever" in self.__dict__:
                self.retriever.refresh()
            secure_data_dir(s.data_dir)  # the files the store just created are owner-only too
        return report

    def prepare_encoder(self) -> None:
        """Export and check the ONNX encoder on the stored chunks, once (a store ingested before
        the export existed); a no-op stat afterwards."""
        if encoder_needs_preparing(self.model_path):
            prepare_encoder([chunk.text for chunk in self.store.all_chunks()], self.model_path)
