"""Export MiniLM to ONNX once, and trust the export only after it matches sentence-transformers.

The export (torch + transformers, ~20 s) runs at `prepare`/ingest time, never on a query. It is
checked on the real corpus: every chunk's ONNX vector must have cosine >= MIN_COSINE with the
sentence-transformers vector, or the export is refused (recorded, so it is not retried every run)
and careerbot keeps encoding with torch. The record also names the weights it came from (path,
size, mtime): upgrading the model package makes the export stale and it is redone."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from ingest.encoders.onnx import MODEL_FILE, SPEC_FILE, TOKENIZER_FILE, OnnxEncoder

log = logging.getLogger(__name__)

MIN_COSINE = 0.9999
CHECK_AT_MOST = 4000  # chunks compared; a bigger corpus is sampled evenly (the guides: all ~1.5k)
RECORD_FILE = "verified.json"
EXPORT_FORMAT = 1  # bump when the export or the encoding steps change: older exports are redone
OPSET = 17


def source_signature(model_path: Path) -> dict:
    """What the export came from, cheap to compare on every start (a stat, no hashing)."""
    weights = model_path / "model.safetensors"
    stat = weights.stat()
    return {"weights": str(weights.resolve()), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns,
            "format": EXPORT_FORMAT}


def read_record(directory: Path) -> dict | None:
    try:
        return json.loads((directory / RECORD_FILE).read_text())
    except (OSError, ValueError):
        return None


def record_is_current(directory: Path, model_path: Path) -> dict | None:
    """The export record when it was made from these weights, else None (never exported, stale)."""
    record = read_record(directory)
    try:
        current = source_signature(model_path)
    except OSError:
        return None
    return record if record and record.get("source") == current else None


def export(model_path: Path, directory: Path) -> None:
    """Write model.onnx (the transformer: token ids in, token vectors out), tokenizer.json and the
    encoding spec into `directory`, atomically (a temp folder renamed into place)."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    from ingest.encoders.sentence_transformer import quiet_transformers

    quiet_transformers()
    spec = _encoding_spec(model_path)
    tokenizer = AutoTokenizer.from_pretrained(str(model_path), local_files_only=True)
    # Eager attention traces to plain ops; the padded sample keeps the attention mask in the graph.
    model = AutoModel.from_pretrained(str(model_path), local_files_only=True, attn_implementation="eager").eval()
    sample = tokenizer(["a short one", "a longer sample sentence so that the batch has padding"],
                       padding=True, return_tensors="pt")

    class TokenVectors(torch.nn.Module):
        def __init__(self, transformer) -> None:
            super().__init__()
            self.transformer = transformer

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.transformer(input_ids=input_ids, attention_mask=attention_mask,
                                    token_type_ids=token_type_ids).last_hidden_state

    directory.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".export-", dir=directory.parent))
    try:
        axes = {0: "batch", 1: "tokens"}
        with torch.no_grad(), _without_onnx_package():
            torch.onnx.export(TokenVectors(model), (sample["input_ids"], sample["attention_mask"], sample["token_type_ids"]),
                              str(staging / MODEL_FILE), input_names=["input_ids", "attention_mask", "token_type_ids"],
                              output_names=["token_vectors"], opset_version=OPSET, dynamo=False,
                              dynamic_axes={"input_ids": axes, "attention_mask": axes, "token_type_ids": axes,
                                            "token_vectors": axes})
        shutil.copyfile(model_path / TOKENIZER_FILE, staging / TOKENIZER_FILE)
        spec.update(pad_id=tokenizer.pad_token_id, pad_token=tokenizer.pad_token)
        (staging / SPEC_FILE).write_text(json.dumps(spec, indent=2))
        if directory.exists():
            shutil.rmtree(directory)
        staging.rename(directory)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _without_onnx_package():
    """torch's TorchScript exporter re-parses its output with the `onnx` package only to splice in
    custom onnxscript functions. This model has none, so where `onnx` is not installed (it is not a
    dependency) the serialized bytes pass through unchanged. The check on the corpus guards it."""
    from contextlib import nullcontext
    from unittest import mock

    try:
        import onnx  # noqa: F401
        return nullcontext()
    except ImportError:
        from torch.onnx._internal.torchscript_exporter import onnx_proto_utils

        return mock.patch.object(onnx_proto_utils, "_add_onnxscript_fn", lambda model_bytes, custom_opsets: model_bytes)


def _encoding_spec(model_path: Path) -> dict:
    """Read what sentence-transformers would do with this model; refuse a layout this encoder does
    not reproduce (anything but Transformer → mean Pooling → Normalize)."""
    modules = [m["type"].rsplit(".", 1)[-1] for m in json.loads((model_path / "modules.json").read_text())]
    pooling = json.loads((model_path / "1_Pooling" / "config.json").read_text())
    if modules != ["Transformer", "Pooling", "Normalize"] or not pooling.get("pooling_mode_mean_tokens"):
        raise ValueError(f"unsupported sentence-transformers layout {modules} / {pooling}")
    config = json.loads((model_path / "sentence_bert_config.json").read_text())
    if config.get("do_lower_case"):
        raise ValueError("do_lower_case models are not reproduced by the ONNX encoder")
    return {"max_seq_length": int(config["max_seq_length"]), "dimensions": int(pooling["word_embedding_dimension"])}


def compare(directory: Path, model_path: str | None, texts: list[str]) -> np.ndarray:
    """Cosine of the ONNX vector with the sentence-transformers vector, per text."""
    from ingest.encoders.sentence_transformer import SentenceTransformerEncoder

    reference = SentenceTransformerEncoder(model_path).encode(texts)
    candidate = OnnxEncoder(directory).encode(texts)
    return np.sum(reference * candidate, axis=1)


def prepare(directory: Path, model_path: Path, texts: list[str], explicit_path: str | None = None) -> bool:
    """Export and check unless a current record exists. True when the ONNX encoder may be used.

    The work runs in a child process: torch is imported there and its memory goes away with it,
    so a `careerbot serve` that exports on its first start stays as light as later ones."""
    record = record_is_current(directory, model_path)
    if record is not None:
        return bool(record["verified"])
    if not texts:  # nothing to check it on yet (an empty corpus): decide at the next ingest
        return False
    step = max(1, -(-len(texts) // CHECK_AT_MOST))
    log.warning("exporting the embedding model to ONNX once (no torch on queries afterwards); "
                "checking it on %d chunks", len(texts[::step]))
    directory.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", suffix=".json", dir=directory.parent, delete=False) as handle:
        json.dump(texts[::step], handle)
    root = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
    try:
        child = subprocess.run([sys.executable, "-m", "ingest.encoders.export", str(directory), str(model_path),
                                handle.name, explicit_path or ""], env=env, capture_output=True, text=True)
    finally:
        Path(handle.name).unlink(missing_ok=True)
    if child.returncode != 0 or read_record(directory) is None:
        log.warning("ONNX export failed (%s): embedding stays on sentence-transformers (torch)",
                    (child.stderr.strip().splitlines() or ["no output"])[-1])
        _write_record(directory, model_path, verified=False, worst=float("nan"), chunks=0, seconds=0.0)
    record = read_record(directory) or {}
    if not record.get("verified"):
        log.warning("ONNX encoder refused (min cosine %s < %s on %s chunks): embedding stays on "
                    "sentence-transformers (torch)", record.get("min_cosine"), MIN_COSINE, record.get("chunks"))
    return bool(record.get("verified"))


def export_and_check(directory: Path, model_path: Path, texts: list[str], explicit_path: str | None) -> None:
    """The child's work: export, compare on `texts`, write the record."""
    started = time.perf_counter()
    export(model_path, directory)
    cosines = compare(directory, explicit_path, texts)
    worst = float(cosines.min())
    _write_record(directory, model_path, verified=worst >= MIN_COSINE, worst=worst, chunks=len(texts),
                  seconds=time.perf_counter() - started)


def _write_record(directory: Path, model_path: Path, verified: bool, worst: float, chunks: int, seconds: float) -> None:
    record = {"verified": verified, "min_cosine": worst, "chunks": chunks, "threshold": MIN_COSINE,
              "source": source_signature(model_path), "seconds": round(seconds, 1),
              "date": time.strftime("%Y-%m-%d %H:%M:%S")}
    directory.mkdir(parents=True, exist_ok=True)
    (directory / RECORD_FILE).write_text(json.dumps(record, indent=2))


if __name__ == "__main__":
    import ingest  # noqa: F401  (offline environment first)

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    target, source, texts_file, explicit = sys.argv[1:5]
    export_and_check(Path(target), Path(source), json.loads(Path(texts_file).read_text()), explicit or None)
