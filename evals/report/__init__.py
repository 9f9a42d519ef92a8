"""The eval report: report.md and a self-contained report.html (inline SVG and JS, nothing fetched)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from evals.compare import Change
from evals.definitions import label
from evals.suites import suite_of


@dataclass(frozen=True)
class MetricLine:
    key: str
    label: str
    value: float
    threshold: float | None
    previous: float | None

    @property
    def status(self) -> str:
        """"pass", "FAIL" or "" (not gated)."""
        if self.threshold is None:
            return ""
        return "pass" if self.value >= self.threshold else "FAIL"


def metric_lines(section: str, data: dict, changes: list[Change]) -> list[MetricLine]:
    before = {(c.section, c.key): c.before for c in changes}
    limits = data.get("thresholds", {}).get(section, {})
    return [MetricLine(key, label(suite_of(section), key), value, limits.get(key), before.get((section, key)))
            for key, value in data["metrics"][section].items()]


def write_reports(data: dict, previous_run: dict | None, changes: list[Change], markdown_path: Path,
                  html_path: Path) -> None:
    from evals.report import html, markdown

    markdown_path.write_text(markdown.render(data, previous_run, changes), encoding="utf-8")
    html_path.write_text(html.render(data, previous_run, changes), encoding="utf-8")
