"""Sentence encoders for MiniLM: onnxruntime (default, no torch) or sentence-transformers (torch).

Both produce the same unit-norm 384-d vectors; the ONNX one is exported from the packaged model
once and checked against sentence-transformers on the real corpus before it is trusted
(`ingest.encoders.export`)."""

from __future__ import annotations

from typing import Protocol

import numpy as np


class Encoder(Protocol):
    name: str

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        """Unit-norm float32 vectors, one row per text."""
