"""Read the eval datasets (JSON Lines in evals/datasets/) into plain dicts, in file order."""

from __future__ import annotations

import json
from pathlib import Path

DATASETS = Path(__file__).resolve().parent / "datasets"


def load(name: str, directory: Path = DATASETS) -> list[dict]:
    path = directory / f"{name}.jsonl"
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise ValueError(f"{path.name} line {number}: {error}") from error
    return rows
