"""The reference encoder: MiniLM through sentence-transformers (imports torch, ~6 s cold)."""

from __future__ import annotations

import logging
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)
_load_lock = threading.Lock()


def quiet_transformers() -> None:
    """transformers draws a "Loading weights" bar on stderr for every load: not on a CLI call."""
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()


@lru_cache(maxsize=4)
def load_model(path: str | None = None):
    """Load once per process. The packaged model is hash-checked; an explicit path is the user's own."""
    from ingest.embedding import ModelError, packaged_model_path, verify_model

    with _load_lock:
        model_path = Path(path) if path else packaged_model_path()
        if path is None:
            verify_model(model_path)
        elif not model_path.exists():
            raise ModelError(f"embedding model path {model_path} does not exist")
        log.info("loading embedding model from %s (sentence-transformers)", model_path)
        quiet_transformers()
        from sentence_transformers import SentenceTransformer

        return SentenceTransformer(str(model_path), device="cpu", local_files_only=True)


class SentenceTransformerEncoder:
    """`SentenceTransformer.encode` with normalisation: the vectors every other encoder must match."""

    name = "torch"

    def __init__(self, model_path: str | None = None) -> None:
        self.model = load_model(model_path)

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        vectors = self.model.encode(texts, batch_size=batch_size, normalize_embeddings=True,
                                    convert_to_numpy=True, show_progress_bar=False)
        return vectors.astype(np.float32, copy=False)
