"""Running the suites: deterministic numbers, the draft vs final distinction, the CLI and its gate."""

import json
import re
import subprocess
import sys

import pytest

from evals import definitions
from evals.runner import run_eval
from evals.suites import suite_of
from tests.conftest import ROOT, ScriptedLLM

FAST = ("retrieval", "answers", "probes", "plans", "checker")
EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)
TIMING = {"total_ms", "first_token_ms"}


def without_timings(rows):
    return [{k: v for k, v in row.items() if k not in TIMING} for row in rows]


def test_two_runs_give_the_same_numbers(corpus_runtime, tmp_path):
    first = run_eval(FAST, limit=3, runtime=corpus_runtime, out=tmp_path / "one")
    second = run_eval(FAST, limit=3, runtime=corpus_runtime, out=tmp_path / "two")
    assert first.metrics == second.metrics
    assert list(first.metrics) == ["retrieval", "answers_none", "probes_none", "plans", "checker"]
    for a, b in zip(first.results, second.results):
        assert without_timings(a.rows) == without_timings(b.rows), a.section
    for section, values in first.metrics.items():
        for key, value in values.items():
            assert definitions.lookup(suite_of(section), key), f"{section}.{key} has no definition in its docstring"
            assert 0.0 <= value <= 1.0, f"{section}.{key}"
    saved = json.loads((tmp_path / "one" / "metrics.json").read_text())
    assert saved["metrics"] == first.metrics and saved["run"]["limit"] == 3


def test_the_draft_is_scored_apart_from_the_final_answer(corpus_runtime, tmp_path):
    def reply(messages):
        """The first cited note of the prompt, then a claim no passage makes."""
        notes = messages[-1].content.split("Notes from the career guides:\n", 1)[1].split("\n\nQuestion:", 1)[0]
        quote = next(line.lstrip("- ").strip() for line in notes.splitlines() if "[" in line and "**" not in line)
        quote = quote.split("]", 1)[0] + "]."  # its first sentence only
        return f"{quote} Oracle certifies every ML engineer in underwater basket weaving since 1987 [2]."

    outcome = run_eval(("answers",), llm="scripted", limit=2, runtime=corpus_runtime, backend=ScriptedLLM(reply),
                       out=tmp_path)
    metrics = outcome.metrics["answers_scripted"]
    assert metrics["grounded_draft"] == 0.5  # half of what the model wrote was unsupported …
    assert metrics["grounded_final"] == 1.0 and metrics["fallback_free"] == 1.0  # … and the verifier removed it
    assert metrics["citation_precision"] == 1.0 and metrics["citation_coverage"] == 1.0
    row = outcome.results[0].rows[0]
    assert [s["supported"] for s in row["draft"]] == [True, False] and "basket" not in row["answer"]
    assert sorted(outcome.results[0].extra["worst"]) == ["a001", "a002"]
    assert "underwater basket weaving" in (tmp_path / "report.html").read_text()


def test_the_gate_exits_non_zero_and_says_what_fell_short(tmp_path, monkeypatch, capsys):
    from evals import gate
    from ui.cli import main

    strict = tmp_path / "thresholds.toml"
    strict.write_text("[plans]\nfit = 1.5\nvalidity = 1.0\n[checker]\nf1 = 1.0\n")
    monkeypatch.setattr(gate, "THRESHOLDS", strict)
    assert main(["eval", "--suite", "plans", "--limit", "2", "--gate", "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "gate FAILED (1)" in err and "  plans.fit 1.00 < 1.50" in err
    assert main(["eval", "--suite", "plans", "--limit", "2", "--out", str(tmp_path / "out")]) == 0  # no --gate


@pytest.mark.slow
def test_the_full_fast_suite_passes_its_gate_from_the_command_line(tmp_path):
    """What CI runs: every suite, no model, the gate on; a self-contained report comes out."""
    done = subprocess.run([sys.executable, "-m", "ui.cli", "eval", "--suite", "all", "--llm", "none", "--gate",
                           "--out", str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "gate passed" in done.stdout
    assert (tmp_path / "metrics.json").is_file() and (tmp_path / "report.md").is_file()
    page = (tmp_path / "report.html").read_text()
    assert not EXTERNAL.search(page)
    metrics = json.loads((tmp_path / "metrics.json").read_text())["metrics"]
    assert set(metrics) == {"retrieval", "answers_none", "probes_none", "plans", "checker"}


@pytest.mark.slow
def test_the_embedded_model_answers_two_questions(corpus_runtime, tmp_path):
    """--llm embedded with the real model, kept to two questions (~10-20 s each on two cores)."""
    outcome = run_eval(("answers",), llm="embedded", limit=2, runtime=corpus_runtime, out=tmp_path)
    metrics = outcome.metrics["answers_embedded"]
    assert set(metrics) >= {"grounded_final", "grounded_draft", "citation_precision", "key_fact_recall"}
    assert all(0.0 <= value <= 1.0 for value in metrics.values())
    rows = outcome.results[0].rows
    assert [r["id"] for r in rows] == ["a001", "a002"] and all(r["answer"] for r in rows)
    assert all(r["total_ms"] > 0 for r in rows)
