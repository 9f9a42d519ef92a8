"""The CI gate: every metric named in evals/thresholds.toml must be at least its threshold.

Sections are metrics.json sections ("retrieval", "answers_none", "answers_embedded", "probes_none",
…); a section whose suite did not run is not checked. Every threshold is a minimum: metrics are
defined so that higher is better."""

from __future__ import annotations

import tomllib
from pathlib import Path

THRESHOLDS = Path(__file__).resolve().parent / "thresholds.toml"


def load_thresholds(path: Path | str = THRESHOLDS) -> dict[str, dict[str, float]]:
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    for section, values in data.items():
        if not isinstance(values, dict) or not all(isinstance(v, (int, float)) for v in values.values()):
            raise ValueError(f"{path}: [{section}] must hold numbers only (metric = minimum)")
    return {section: {k: float(v) for k, v in values.items()} for section, values in data.items()}


def check(metrics: dict[str, dict[str, float]], thresholds: dict[str, dict[str, float]],
          partial: bool = False) -> list[str]:
    """What fell short, one line each ("answers_none.citation_precision 0.86 < 0.90"); [] when all pass.
    A threshold whose metric the run did not produce fails too, unless `partial` (a --limit run)."""
    failures = []
    for section, minimums in thresholds.items():
        if section not in metrics:
            continue
        for key, minimum in minimums.items():
            value = metrics[section].get(key)
            if value is None:
                if not partial:
                    failures.append(f"{section}.{key} not measured (threshold {fmt(minimum)})")
            elif value < minimum:
                failures.append(f"{section}.{key} {fmt(value)} < {fmt(minimum)}")
    return failures


def fmt(value: float) -> str:
    """Two decimals, more only where they matter: 0.9 → "0.90", 0.8999 → "0.8999"."""
    text = f"{value:.4f}".rstrip("0")
    whole, _, decimals = text.partition(".")
    return f"{whole}.{decimals.ljust(2, '0')}"
