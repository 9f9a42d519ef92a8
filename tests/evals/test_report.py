"""The report: files written, the comparison with the previous run, highlighting, and nothing external."""

import json
import re

from evals.compare import compare
from evals.report import html, markdown
from evals.runner import run_eval

EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)


def answers_data(grounded_final=0.75):
    """A hand-made metrics.json with one answers_none question: one good, one unsupported and one
    mis-cited sentence, and a draft sentence the verifier removed."""
    row = {"id": "a001", "question": "Which <frameworks>?", "route": "question", "fallback": False,
           "answer": "…", "grounded_final": 0.6667, "grounded_draft": 0.5, "citation_precision": 0.5,
           "citation_coverage": 1.0, "key_fact_recall": 0.5, "total_ms": 1234.5, "first_token_ms": 400.0,
           "final": [{"text": "Learn PyTorch [1].", "supported": True, "precise": True},
                     {"text": "Rust is required [2].", "supported": False, "precise": False},
                     {"text": "Keras is fine [2].", "supported": True, "precise": False}],
           "draft": [{"text": "Learn PyTorch [1].", "supported": True},
                     {"text": "JAX is mandatory at https://example.com [3].", "supported": False}]}
    return {"run": {"date": "2026-11-23 06:00 UTC", "suites": ["answers"], "llm": "none", "limit": None, "wall_s": 1.0,
                    "commit": "abc", "python": "3.11", "machine": "x86_64, 2 cores"},
            "metrics": {"answers_none": {"grounded_final": grounded_final, "citation_precision": 0.5}},
            "thresholds": {"answers_none": {"citation_precision": 0.9}},
            "gate": {"failures": ["answers_none.citation_precision 0.50 < 0.90"]},
            "timings": {"answers_none": {"total_ms_median": 1234.5}},
            "details": {"answers_none": {"suite": "answers", "rows": [row], "extra": {"worst": ["a001"]}}}}


def test_html_highlights_the_worst_answers_sentences_and_escapes_text():
    page = html.render(answers_data(), None, [])
    assert "<span class='s-ok'>Learn PyTorch [1].</span>" in page
    assert "<span class='s-bad'>Rust is required [2].</span>" in page
    assert "<span class='s-warn'>Keras is fine [2].</span>" in page
    assert "<span class='s-removed'>JAX is mandatory at https://example.com [3].</span>" in page
    assert "Which &lt;frameworks&gt;?" in page and "<frameworks>" not in page
    assert "Gate: FAIL" in page and "answers_none.citation_precision 0.50 &lt; 0.90" in page
    assert "<table class='sortable'>" in page and "<svg" in page
    assert not EXTERNAL.search(page)


def test_markdown_lists_the_gate_the_worst_answers_and_the_definitions():
    text = markdown.render(answers_data(), None, [])
    assert "## Gate: FAIL" in text and "- answers_none.citation_precision 0.50 < 0.90" in text
    assert "- ❌ **unsupported:** Rust is required [2]." in text
    assert "- ⚠️ **its cited passage does not support it:** Keras is fine [2]." in text
    assert "- ❌ ~~JAX is mandatory at https://example.com [3].~~" in text
    assert "## Metrics" in text and "**citation precision** (`citation_precision`)" in text


def test_both_reports_show_the_change_since_the_previous_run():
    previous, now = answers_data(0.93), answers_data(0.96)
    changes = compare(previous["metrics"], now["metrics"])
    line = "grounded sentence rate (final answer) 0.93 → 0.96 (+0.03)"
    assert line in markdown.render(now, previous["run"], changes)
    assert line in html.render(now, previous["run"], changes)


def test_a_run_keeps_the_previous_metrics_and_compares_with_them(tmp_path):
    first = run_eval(("plans",), limit=2, out=tmp_path)
    assert not (tmp_path / "metrics.prev.json").exists() and first.changes == []
    saved = json.loads((tmp_path / "metrics.json").read_text())
    saved["metrics"]["plans"]["fit"] = 0.5  # as if the last run had been worse
    (tmp_path / "metrics.json").write_text(json.dumps(saved))

    second = run_eval(("plans",), limit=2, out=tmp_path)
    assert json.loads((tmp_path / "metrics.prev.json").read_text())["metrics"]["plans"]["fit"] == 0.5
    assert "plan fit 0.50 → 1.00 (+0.5)" in (tmp_path / "report.md").read_text()
    assert "plan fit 0.50 → 1.00 (+0.5)" in (tmp_path / "report.html").read_text()
    assert [c.line() for c in second.changes if c.delta] == ["plan fit 0.50 → 1.00 (+0.5)"]

    run_eval(("plans",), limit=2, out=tmp_path)
    assert "No metric changed" in (tmp_path / "report.md").read_text()
