"""This run against the previous one in the same --out folder: which metrics moved, and by how much."""

from __future__ import annotations

from dataclasses import dataclass

from evals.definitions import label
from evals.gate import fmt
from evals.suites import suite_of


@dataclass(frozen=True)
class Change:
    section: str
    key: str
    label: str
    before: float
    after: float

    @property
    def delta(self) -> float:
        return round(self.after - self.before, 4)

    def line(self) -> str:
        """"grounded sentence rate (final answer) 0.93 → 0.96 (+0.03)"."""
        return f"{self.label} {fmt(self.before)} → {fmt(self.after)} ({self.delta:+.4g})"


def compare(previous: dict[str, dict[str, float]], current: dict[str, dict[str, float]]) -> list[Change]:
    """Every metric both runs measured, in this run's order (unchanged ones have delta 0)."""
    changes = []
    for section, metrics in current.items():
        suite = suite_of(section)
        for key, after in metrics.items():
            before = previous.get(section, {}).get(key)
            if before is not None:
                changes.append(Change(section, key, label(suite, key), float(before), float(after)))
    return changes
