"""MiniLM through onnxruntime and the `tokenizers` package: the query path without torch.

It repeats what sentence-transformers does for this model, step by step: strip each text,
tokenize (truncated to the model's max_seq_length), run the transformer, mean-pool the token
vectors over the attention mask, normalise to unit length."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

MODEL_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
SPEC_FILE = "encoder.json"  # max_seq_length and padding, written by the export


class OnnxEncoder:
    """One onnxruntime session per process; `run` is thread-safe, so the UI's workers share it."""

    name = "onnx"

    def __init__(self, directory: Path, threads: int | None = None) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        spec = json.loads((directory / SPEC_FILE).read_text())
        self.tokenizer = Tokenizer.from_file(str(directory / TOKENIZER_FILE))
        self.tokenizer.enable_truncation(max_length=int(spec["max_seq_length"]))
        self.tokenizer.enable_padding(pad_id=int(spec["pad_id"]), pad_token=spec["pad_token"])
        self.dimensions = int(spec["dimensions"])
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3  # warnings about unused initialisers are noise on a CLI call
        # Idle worker threads sleep instead of spinning: the same kernels and split of work (the same
        # vectors), and ~0.1 s less CPU for a cold `ask`, whose few small runs each left the other
        # core spinning (on a busy machine that spin also delays the rest of the process).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        if threads:
            options.intra_op_num_threads = threads
        self.session = onnxruntime.InferenceSession(str(directory / MODEL_FILE), options,
                                                    providers=["CPUExecutionProvider"])
        self.inputs = {node.name for node in self.session.get_inputs()}
        log.info("embedding with onnxruntime from %s", directory)

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        """Length-sorted batches (less padding, as sentence-transformers does), results in input order."""
        vectors = np.empty((len(texts), self.dimensions), dtype=np.float32)
        order = np.argsort([-len(text) for text in texts], kind="stable")
        for start in range(0, len(texts), batch_size):
            rows = order[start:start + batch_size]
            vectors[rows] = self._batch([texts[i] for i in rows])
        return vectors

    def _batch(self, texts: list[str]) -> np.ndarray:
        encodings = self.tokenizer.encode_batch([text.strip() for text in texts])
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feed = {"input_ids": np.array([e.ids for e in encodings], dtype=np.int64), "attention_mask": mask}
        if "token_type_ids" in self.inputs:
            feed["token_type_ids"] = np.array([e.type_ids for e in encodings], dtype=np.int64)
        hidden = self.session.run(None, feed)[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        return pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
