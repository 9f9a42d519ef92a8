"""`careerbot plan`: text or profile.json in; Markdown, JSON or iCalendar out; one-line errors, exit 2."""

import argparse
import json

import pytest
from icalendar import Calendar

from ui import cli_plan


def run(argv):
    parser = argparse.ArgumentParser(prog="careerbot")
    cli_plan.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["plan", *argv])
    return args.handler(args)


def test_free_text_prints_a_markdown_plan(capsys):
    assert run(["I know Python and SQL, 10 hours a week, I want to build LLM apps"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Your 6-month plan: LLM apps\n")
    assert "## Month 6 — " in out


def test_profile_json_with_months_override_prints_json(tmp_path, capsys):
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps({"skills": ["python"], "track": "mlops", "hours_per_week": 12,
                                   "preferences": {"cloud": "gcp"}}), encoding="utf-8")
    assert run(["--profile", str(profile), "--months", "3", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["profile"]["months"] == 3
    assert len(data["months"]) == 3


def test_ics_goes_to_a_file(tmp_path, capsys):
    out = tmp_path / "plan.ics"
    assert run(["MLOps, 5 hours a week, in 2 months", "--ics", "--start", "2025-05-01", "--out", str(out)]) == 0
    events = list(Calendar.from_ical(out.read_bytes()).walk("VEVENT"))
    assert len(events) == 2
    assert capsys.readouterr().err == f"wrote {out}\n"


@pytest.mark.parametrize(("content", "message"), [
    ('{"hours_per_week": 10,\n "track": "llm",', "not valid JSON (Expecting property name enclosed in double quotes "
                                                 "at line 2, column 17)"),
    ("[1, 2]", "expected a JSON object with profile fields, got list"),
    ('{"hours_per_week": 200}', "hours_per_week must be between 1 and 80 hours a week, got 200"),
    ('{"track": "quantum"}', "track: Input should be 'generalist', 'mlops', 'llm', 'cv', 'nlp' or 'data_science'"),
    ('{"colour": "blue"}', "colour: Extra inputs are not permitted"),
])
def test_a_bad_profile_json_is_one_error_line(tmp_path, capsys, content, message):
    profile = tmp_path / "profile.json"
    profile.write_text(content, encoding="utf-8")
    assert run(["--profile", str(profile)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"careerbot: {profile}: {message}\n"


@pytest.mark.parametrize(("argv", "message"), [
    ([], 'describe yourself or give --profile FILE, e.g. careerbot plan "I know Python and SQL, 10 hours a week, '
         'I want to build LLM apps"'),
    (["--profile", "/nonexistent/profile.json"], "/nonexistent/profile.json: no such file"),
    (["MLOps", "--months", "99"], "months must be between 1 and 24, got 99"),
    (["MLOps", "--ics", "--start", "May 1st"], "--start 'May 1st': expected a date as YYYY-MM-DD"),
])
def test_other_mistakes_are_one_error_line(capsys, argv, message):
    assert run(argv) == 2
    assert capsys.readouterr().err == f"careerbot: {message}\n"


def test_runs_on_its_own(capsys):
    assert cli_plan.main(["computer vision", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["profile"]["track"] == "cv"
