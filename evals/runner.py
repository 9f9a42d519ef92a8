"""`careerbot eval`: run the suites, write metrics.json, report.md and report.html, check the gate."""

from __future__ import annotations

import importlib
import json
import logging
import platform
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from agent.settings import PROJECT_ROOT
from evals.compare import Change, compare
from evals import gate
from evals.gate import check, load_thresholds
from evals.suites import LLM_SUITES, NAMES, Context, SuiteResult

log = logging.getLogger(__name__)

DEFAULT_OUT = PROJECT_ROOT / "eval-out"


@dataclass
class Outcome:
    results: list[SuiteResult]
    failures: list[str]             # what fell short of evals/thresholds.toml ([] when all pass)
    changes: list[Change]           # against metrics.prev.json; [] on a first run
    paths: dict[str, Path] = field(default_factory=dict)
    data: dict = field(default_factory=dict)  # what metrics.json holds

    @property
    def metrics(self) -> dict[str, dict[str, float]]:
        return {r.section: r.metrics for r in self.results}


def suites_for(name: str) -> tuple[str, ...]:
    return NAMES if name == "all" else (name,)


def run_eval(suites: tuple[str, ...] = NAMES, llm: str = "none", out: Path = DEFAULT_OUT, limit: int | None = None,
             runtime=None, backend=None, thresholds: Path | None = None, progress=None) -> Outcome:
    """Run `suites` in order and write the report to `out` (the last run's metrics.json becomes
    metrics.prev.json, and the report compares with it)."""
    from evals.report import write_reports

    say = progress or (lambda text: None)
    started = time.perf_counter()
    context = Context(llm=llm, limit=limit, runtime=runtime, backend=backend, progress=progress is not None)
    results = []
    model = ""
    try:
        if llm != "none" and any(suite in LLM_SUITES for suite in suites):
            model = context.model  # loads and checks the model first: a bad backend fails before any suite
        for suite in suites:
            say(f"{suite}…")
            began = time.perf_counter()
            result = importlib.import_module(f"evals.suites.{suite}").run(context)
            result.timings["suite_s"] = round(time.perf_counter() - began, 1)
            results.append(result)
            say(f"{suite}: " + "  ".join(f"{k} {v:.3f}" for k, v in list(result.metrics.items())[:6]))
    finally:
        context.close()
    metrics = {r.section: r.metrics for r in results}
    limits = load_thresholds(thresholds or gate.THRESHOLDS)
    failures = check(metrics, limits, partial=limit is not None)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    previous = _read(out / "metrics.json")
    data = {
        "run": {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "suites": list(suites), "llm": llm, "model": model,
                "limit": limit, "wall_s": round(time.perf_counter() - started, 1), "commit": _commit(),
                "python": platform.python_version(), "machine": f"{platform.machine()}, {_cores()} cores"},
        "metrics": metrics,
        "thresholds": {s: v for s, v in limits.items() if s in metrics},
        "gate": {"failures": failures},
        "timings": {r.section: r.timings for r in results},
        "details": {r.section: {"suite": r.suite, "rows": r.rows, "extra": r.extra} for r in results},
    }
    changes = compare(previous.get("metrics", {}), metrics) if previous else []
    paths = {"metrics": out / "metrics.json", "markdown": out / "report.md", "html": out / "report.html"}
    if previous:
        paths["previous"] = out / "metrics.prev.json"
        paths["previous"].write_text(json.dumps(previous, indent=1, ensure_ascii=False), encoding="utf-8")
    paths["metrics"].write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    write_reports(data, previous.get("run") if previous else None, changes, paths["markdown"], paths["html"])
    return Outcome(results, failures, changes, paths, data)


def main(args) -> int:
    """The `careerbot eval` handler: prints a summary; with --gate, exit 1 when a threshold fails."""
    from agent.llm import LLMUnavailable

    def say(text: str) -> None:
        print(f"  … {text}", file=sys.stderr, flush=True)

    if args.limit is not None and args.limit < 1:
        raise ValueError(f"--limit must be at least 1, not {args.limit}")
    try:
        outcome = run_eval(suites_for(args.suite), args.llm, Path(args.out or DEFAULT_OUT), args.limit, progress=say)
    except LLMUnavailable as error:
        raise ValueError(f"--llm {args.llm}: {error}") from error
    for result in outcome.results:
        print(f"[{result.section}] " + "  ".join(f"{k} {v:.4g}" for k, v in result.metrics.items()))
    moved = [c for c in outcome.changes if c.delta]
    if outcome.changes:
        print("since the previous run: " + ("; ".join(c.line() for c in moved) if moved else "no metric changed"))
    print(f"report: {outcome.paths['html']}  ({outcome.data['run']['wall_s']} s)")
    if outcome.failures:
        partial = " (a --limit run; thresholds are set on the full datasets)" if args.limit else ""
        print(("gate FAILED" if args.gate else "below threshold") + f" ({len(outcome.failures)}){partial}:",
              file=sys.stderr)
        for failure in outcome.failures:
            print(f"  {failure}", file=sys.stderr)
    elif args.gate:
        print("gate passed")
    return 1 if args.gate and outcome.failures else 0


def _read(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _commit() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT_ROOT, capture_output=True, text=True,
                              timeout=5).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=PROJECT_ROOT, capture_output=True, text=True,
                               timeout=5).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""
    return f"{head}{' (modified)' if dirty else ''}" if head else ""


def _cores() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
