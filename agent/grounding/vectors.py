"""Sentence vectors with a cache by model and text: passages come back turn after turn, so embed them once."""

from __future__ import annotations

import threading
from collections import OrderedDict

import numpy as np

from ingest.embedding import DIMENSIONS, choose_encoder, chosen_encoder
from ingest.embedding import embed as embed_with_chosen_encoder

CACHE_SIZE = 20_000  # ~30 MB of 384-d float32 vectors; the guides have ~2k sentences

_cache: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()  # (model path, text)
_lock = threading.Lock()


def vectors(texts: list[str]) -> np.ndarray:
    """Unit-norm vectors, one row per text; the texts not seen before are embedded in one call."""
    model = _model_path() or ""
    with _lock:
        missing = list(dict.fromkeys(t for t in texts if (model, t) not in _cache))
    if missing:
        fresh = embed(missing)
        with _lock:
            for text, vector in zip(missing, fresh):
                _cache[(model, text)] = vector
            while len(_cache) > CACHE_SIZE:
                _cache.popitem(last=False)
    with _lock:
        rows = []
        for text in texts:
            vector = _cache.get((model, text))
            if vector is None:  # evicted between the two locks by a flood of other texts
                vector = embed([text])[0]
            else:
                _cache.move_to_end((model, text))
            rows.append(vector)
    return np.vstack(rows) if rows else np.zeros((0, DIMENSIONS), dtype=np.float32)


def embed(texts: list[str]) -> np.ndarray:
    """The same encoder and model as retrieval (ONNX unless CAREERBOT_ENCODER=torch;
    CAREERBOT_EMBEDDING_MODEL_PATH or the packaged MiniLM)."""
    return embed_with_chosen_encoder(texts, _model_path())


def _model_path() -> str | None:
    """A process without a Runtime (`careerbot check`) takes the choice from the settings here."""
    if chosen_encoder().directory is None:
        from agent.settings import get_settings

        settings = get_settings()
        path = settings.embedding_model_path
        choose_encoder(settings.encoder, settings.encoder_path, str(path) if path else None)
    return chosen_encoder().model_path


def unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


def clear_cache() -> None:
    with _lock:
        _cache.clear()
