"""report.md: the same findings as report.html, as text: gate, changes, metrics, problems, definitions."""

from __future__ import annotations

from evals.compare import Change
from evals.definitions import definitions, summary
from evals.gate import fmt
from evals.report import metric_lines
from evals.report.tables import Table, tables
from evals.suites import suite_of

MAX_ROWS = 25  # problem rows listed per table; report.html has them all


def _model(run: dict) -> str:
    """The model the answers came from (runs before this field existed have none)."""
    return f" ({run['model']})" if run.get("model") else ""


def render(data: dict, previous_run: dict | None, changes: list[Change]) -> str:
    run = data["run"]
    out = [f"# careerbot eval — {run['date']}", "",
           f"Suites: {', '.join(run['suites'])} · LLM: {run['llm']}{_model(run)} · limit: {run['limit'] or 'none'} · "
           f"wall time {run['wall_s']} s · commit {run['commit'] or '?'} · {run['machine']}", ""]
    out += _gate(data) + _changes(previous_run, changes)
    for section in data["metrics"]:
        out += _section(section, data, changes)
    out += _definitions(data)
    return "\n".join(out).rstrip() + "\n"


def _gate(data: dict) -> list[str]:
    failures = data["gate"]["failures"]
    gated = sum(len(v) for v in data.get("thresholds", {}).values())
    if not failures:
        return ["## Gate: pass", "", f"All {gated} thresholds of evals/thresholds.toml that apply to this run are met.",
                ""]
    return ["## Gate: FAIL", "", f"{len(failures)} of {gated} thresholds fell short:", ""] + \
        [f"- {f}" for f in failures] + [""]


def _changes(previous_run: dict | None, changes: list[Change]) -> list[str]:
    if not previous_run:
        return []
    moved = [c for c in changes if c.delta]
    out = [f"## Since the previous run ({previous_run.get('date', '?')}, commit {previous_run.get('commit') or '?'})", ""]
    if not moved:
        return out + [f"No metric changed ({len(changes)} compared).", ""]
    return out + [f"- {'▲' if c.delta > 0 else '▼'} {c.section}: {c.line()}" for c in moved] + \
        [f"", f"{len(changes) - len(moved)} other metrics unchanged.", ""]


def _section(section: str, data: dict, changes: list[Change]) -> list[str]:
    out = [f"## {section}", "", "| metric | value | threshold | previous | |", "|---|---:|---:|---:|---|"]
    for line in metric_lines(section, data, changes):
        out.append(f"| {line.label} (`{line.key}`) | {fmt(line.value)} | "
                   f"{fmt(line.threshold) if line.threshold is not None else ''} | "
                   f"{fmt(line.previous) if line.previous is not None else ''} | {line.status} |")
    timings = {k: v for k, v in data["timings"].get(section, {}).items()}
    if timings:
        out += ["", "Timings (never gated): " + ", ".join(f"{k} {v:,}" for k, v in timings.items())]
    detail = data["details"][section]
    if detail["suite"] == "answers":
        out += _worst(detail)
    for table in tables(detail["suite"], detail):
        out += _problems(table)
    return out + [""]


def _worst(detail: dict) -> list[str]:
    by_id = {r["id"]: r for r in detail["rows"]}
    ids = detail["extra"].get("worst", [])
    out = ["", "### Worst answers", ""]
    if not ids:
        return out + ["Every answer is fully grounded, precisely cited and has all its key facts."]
    for row in (by_id[i] for i in ids):
        out += [f"**{row['id']}** — {row['question']}  ",
                f"route {row['route']} · grounded final {fmt(row['grounded_final'])} · draft {fmt(row['grounded_draft'])}"
                f" · citation precision {fmt(row['citation_precision'])} · key facts {fmt(row['key_fact_recall'])}"
                f"{' · fallback' if row['fallback'] else ''}", ""]
        for s in row["final"]:
            mark = "❌ **unsupported:** " if not s["supported"] else \
                "⚠️ **its cited passage does not support it:** " if s["precise"] is False else "✅ "
            out.append(f"- {mark}{s['text']}")
        removed = [s for s in row["draft"] if not s["supported"]]
        if removed:
            out += ["", "Draft sentences the verifier found unsupported:"] + [f"- ❌ ~~{s['text']}~~" for s in removed]
        out.append("")
    return out


def _problems(table: Table) -> list[str]:
    bad = [row for row, flag in zip(table.rows, table.flags) if flag]
    out = ["", f"### {table.title}", ""]
    if not table.rows:
        return out + ["(none)"]
    if not bad:
        return out + [f"No problems in {len(table.rows)} rows."]
    out += [f"{len(bad)} of {len(table.rows)} rows with a problem" + (f" (first {MAX_ROWS})" if len(bad) > MAX_ROWS else "")
            + "; all rows in report.html.", "", "| " + " | ".join(table.columns) + " |",
            "|" + "---|" * len(table.columns)]
    out += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in bad[:MAX_ROWS]]
    return out


def _cell(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return fmt(value) if value <= 1.0 else f"{value:,.0f}"
    text = " ".join(str(value).split()).replace("|", "\\|")
    return text if len(text) <= 160 else text[:159] + "…"


def _definitions(data: dict) -> list[str]:
    out = ["## Metrics", "", "Definitions, from the suite modules' docstrings (evals/suites/*.py).", ""]
    for suite in dict.fromkeys(suite_of(s) for s in data["metrics"]):
        out += [f"### {suite}", "", " ".join(summary(suite).split()), ""]
        out += [f"- **{d.label}** (`{d.key}`): {d.text}" for d in definitions(suite)] + [""]
    return out
