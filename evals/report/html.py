"""report.html: one self-contained page (inline CSS, SVG and a few lines of JS; no external URL)."""

from __future__ import annotations

from html import escape

from evals.compare import Change
from evals.definitions import definitions, summary
from evals.gate import fmt
from evals.report import metric_lines
from evals.report.charts import latency_bars, metric_bars
from evals.report.tables import Table, tables
from evals.suites import suite_of

STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:1em 2em;color:#222}
h1{font-size:1.6em}h2{border-bottom:2px solid #ddd;padding-top:.6em}h3{margin-bottom:.3em}
.meta{color:#555}.box{padding:.6em 1em;border-radius:6px;margin:1em 0}
.pass{background:#e8f5e9;border:1px solid #2e7d32}.fail{background:#ffebee;border:1px solid #c62828}
.compare{background:#f5f5f5;border:1px solid #bbb}.up{color:#2e7d32}.down{color:#c62828}
table{border-collapse:collapse;margin:.5em 0;font-size:13px}th,td{border:1px solid #ddd;padding:3px 6px;vertical-align:top}
th{background:#f0f0f0;text-align:left}table.sortable th{cursor:pointer;user-select:none}
table.sortable th:after{content:" ⇅";color:#999}tr.bad td{background:#fff3f3}td.num{text-align:right}
.st-pass{color:#2e7d32;font-weight:bold}.st-FAIL{color:#c62828;font-weight:bold}
.answer{border-left:4px solid #ccc;padding:.2em .8em;margin:.4em 0 1.2em}
.s-ok{background:#e8f5e9}.s-bad{background:#ffcdd2;text-decoration:underline wavy #c62828}
.s-warn{background:#fff3c4}.s-removed{background:#ffcdd2;text-decoration:line-through}
.scroll{max-height:480px;overflow:auto;border:1px solid #eee}nav a{margin-right:1em}
dt{font-weight:bold;margin-top:.4em}dd{margin-left:1.5em}code{background:#f4f4f4;padding:0 3px}
"""

SORT_JS = """
document.querySelectorAll('table.sortable').forEach(function (table) {
  table.querySelectorAll('th').forEach(function (th, column) {
    th.addEventListener('click', function () {
      var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
      var up = th.getAttribute('data-dir') !== 'up';
      th.setAttribute('data-dir', up ? 'up' : 'down');
      function key(row) {  // numbers (data-v) before text, each in order
        var cell = row.cells[column], v = cell.getAttribute('data-v');
        return v === null ? [1, cell.textContent.trim().toLowerCase()] : [0, parseFloat(v)];
      }
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        var c = x[0] - y[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0);
        return up ? c : -c;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
});
"""


def render(data: dict, previous_run: dict | None, changes: list[Change]) -> str:
    run = data["run"]
    sections = list(data["metrics"])
    body = [f"<h1>careerbot eval — {escape(run['date'])}</h1>",
            f"<p class='meta'>Suites: {escape(', '.join(run['suites']))} · LLM: {escape(run['llm'])}"
            f"{escape(' (' + run['model'] + ')' if run.get('model') else '')} · limit: "
            f"{escape(str(run['limit'] or 'none'))} · wall time {run['wall_s']} s · commit {escape(run['commit'] or '?')}"
            f" · {escape(run['machine'])}</p>",
            "<nav>" + "".join(f"<a href='#{s}'>{escape(s)}</a>" for s in sections) + "<a href='#metrics'>metrics</a></nav>"]
    body += [_gate(data), _changes(previous_run, changes)]
    for section in sections:
        body.append(_section(section, data, changes))
    body.append(_definitions(data))
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>careerbot eval</title>"
            f"<style>{STYLE}</style></head><body>{''.join(body)}<script>{SORT_JS}</script></body></html>\n")


def _gate(data: dict) -> str:
    failures = data["gate"]["failures"]
    gated = sum(len(v) for v in data.get("thresholds", {}).values())
    if not failures:
        return f"<div class='box pass'><b>Gate: pass.</b> All {gated} thresholds that apply to this run are met.</div>"
    items = "".join(f"<li><code>{escape(f)}</code></li>" for f in failures)
    return (f"<div class='box fail'><b>Gate: FAIL.</b> {len(failures)} of {gated} thresholds fell short:"
            f"<ul>{items}</ul></div>")


def _changes(previous_run: dict | None, changes: list[Change]) -> str:
    if not previous_run:
        return ""
    moved = [c for c in changes if c.delta]
    head = (f"<b>Since the previous run</b> ({escape(previous_run.get('date', '?'))}, commit "
            f"{escape(previous_run.get('commit') or '?')}):")
    if not moved:
        return f"<div class='box compare'>{head} no metric changed ({len(changes)} compared).</div>"
    items = "".join(f"<li class='{'up' if c.delta > 0 else 'down'}'>{'▲' if c.delta > 0 else '▼'} "
                    f"{escape(c.section)}: {escape(c.line())}</li>" for c in moved)
    return f"<div class='box compare'>{head}<ul>{items}</ul>{len(changes) - len(moved)} other metrics unchanged.</div>"


def _section(section: str, data: dict, changes: list[Change]) -> str:
    lines = metric_lines(section, data, changes)
    detail = data["details"][section]
    chart = metric_bars({m.key: m.value for m in lines}, {m.key: m.label for m in lines},
                        {m.key: m.threshold for m in lines if m.threshold is not None},
                        {m.key: m.previous for m in lines if m.previous is not None})
    rows = "".join(f"<tr><td>{escape(m.label)}</td><td><code>{escape(m.key)}</code></td><td class='num'>{fmt(m.value)}</td>"
                   f"<td class='num'>{fmt(m.threshold) if m.threshold is not None else ''}</td>"
                   f"<td class='num'>{fmt(m.previous) if m.previous is not None else ''}</td>"
                   f"<td class='st-{m.status}'>{m.status}</td></tr>" for m in lines)
    out = [f"<h2 id='{section}'>{escape(section)}</h2>", chart,
           "<table><thead><tr><th>metric</th><th>key</th><th>value</th><th>threshold</th><th>previous</th><th></th>"
           f"</tr></thead><tbody>{rows}</tbody></table>", _timings(section, data, detail)]
    if detail["suite"] == "answers":
        out.append(_worst(detail))
    out += [_table(t) for t in tables(detail["suite"], detail)]
    return "".join(out)


def _timings(section: str, data: dict, detail: dict) -> str:
    timings = data["timings"].get(section, {})
    if not timings:
        return ""
    text = ", ".join(f"{escape(k)} {v:,}" for k, v in timings.items())
    chart = ""
    if detail["suite"] in ("answers", "probes"):
        chart = latency_bars([(r["id"], r.get("total_ms")) for r in detail["rows"]])
    return f"<p class='meta'>Timings (never gated): {text}</p>{chart}"


def _worst(detail: dict) -> str:
    by_id = {r["id"]: r for r in detail["rows"]}
    ids = detail["extra"].get("worst", [])
    out = ["<h3>Worst answers</h3><p class='meta'>Sentences: <span class='s-ok'>supported</span> · "
           "<span class='s-bad'>unsupported by the passages</span> · <span class='s-warn'>its cited passage does not "
           "support it</span> · <span class='s-removed'>draft sentence the verifier removed</span></p>"]
    if not ids:
        return out[0] + "<p>Every answer is fully grounded, precisely cited and has all its key facts.</p>"
    for row in (by_id[i] for i in ids):
        spans = " ".join(f"<span class='{_sentence_class(s)}'>{escape(s['text'])}</span>" for s in row["final"])
        removed = "".join(f"<li><span class='s-removed'>{escape(s['text'])}</span></li>" for s in row["draft"]
                          if not s["supported"])
        out.append(f"<p><b>{escape(row['id'])}</b> — {escape(row['question'])}<br><span class='meta'>route "
                   f"{escape(row['route'])} · grounded final {fmt(row['grounded_final'])} · draft "
                   f"{fmt(row['grounded_draft'])} · citation precision {fmt(row['citation_precision'])} · key facts "
                   f"{fmt(row['key_fact_recall'])}{' · fallback' if row['fallback'] else ''}</span></p>"
                   f"<div class='answer'>{spans or escape(row['answer'])}"
                   + (f"<p class='meta'>Removed from the draft:</p><ul>{removed}</ul>" if removed else "") + "</div>")
    return "".join(out)


def _sentence_class(sentence: dict) -> str:
    if not sentence["supported"]:
        return "s-bad"
    return "s-warn" if sentence["precise"] is False else "s-ok"


def _table(table: Table) -> str:
    if not table.rows:
        return f"<h3>{escape(table.title)}</h3><p>(none)</p>"
    head = "".join(f"<th>{escape(c)}</th>" for c in table.columns)
    body = "".join(f"<tr{' class=bad' if flag else ''}>" + "".join(_cell(v) for v in row) + "</tr>"
                   for row, flag in zip(table.rows, table.flags))
    note = f"<p class='meta'>{escape(table.note)} Click a column to sort.</p>" if table.note else \
        "<p class='meta'>Click a column to sort; rows with a problem are shaded.</p>"
    return (f"<h3>{escape(table.title)}</h3>{note}<div class='scroll'><table class='sortable'><thead><tr>{head}</tr>"
            f"</thead><tbody>{body}</tbody></table></div>")


def _cell(value) -> str:
    if value is None:
        return "<td data-v='999999'>—</td>"
    if isinstance(value, bool):
        return f"<td data-v='{int(value)}'>{'yes' if value else 'no'}</td>"
    if isinstance(value, (int, float)):
        shown = fmt(value) if isinstance(value, float) and value <= 1.0 else f"{value:,}"
        return f"<td class='num' data-v='{value}'>{shown}</td>"
    return f"<td>{escape(str(value))}</td>"


def _definitions(data: dict) -> str:
    out = ["<h2 id='metrics'>Metrics</h2><p class='meta'>Definitions, from the suite modules' docstrings "
           "(evals/suites/*.py).</p>"]
    for suite in dict.fromkeys(suite_of(s) for s in data["metrics"]):
        items = "".join(f"<dt>{escape(d.label)} <code>{escape(d.key)}</code></dt><dd>{escape(d.text)}</dd>"
                        for d in definitions(suite))
        out.append(f"<h3>{escape(suite)}</h3><p>{escape(' '.join(summary(suite).split()))}</p><dl>{items}</dl>")
    return "".join(out)

