"""Numbers bounded where they are parsed, JSON size and depth limited before parsing, the checker's
sentences capped: each the probe's case, as a user runs it (real `careerbot` subprocesses)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from agent.guards.limits import InputTooLarge, json_depth, load_json
from agent.plan import extract_profile_facts
from agent.plan.profile import Profile

CAREERBOT = str(Path(sys.executable).with_name("careerbot"))


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("limits-corpus")
    (corpus / "mlops.md").write_text("# MLOps Notes\n\n## Deployment\nPackage models in Docker images.\n")
    return {**os.environ, "CAREERBOT_DATA_DIR": str(tmp_path_factory.mktemp("limits-data")),
            "CAREERBOT_CORPUS_DIR": str(corpus), "CAREERBOT_LLM": "none"}


def run(env, *args, stdin=None):
    return subprocess.run([CAREERBOT, *args], env=env, input=stdin, capture_output=True, text=True, timeout=120)


def one_line_error(result, code=2):
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("careerbot: "), result.stderr
    return lines[0]


@pytest.mark.parametrize("digits", [309, 400, 5000])
def test_huge_numbers_in_a_message_are_not_hours_or_months(digits):
    facts = extract_profile_facts(f"I have {'9' * digits} hours a week for {'9' * digits} months")
    assert "hours_per_week" not in facts and "months" not in facts


def test_negative_hours_are_not_read_as_positive():
    assert "hours_per_week" not in extract_profile_facts("I can do -5 hours a week")
    assert extract_profile_facts("I can do 8-10 hours a week")["hours_per_week"] == 8  # a range still reads


def test_a_boolean_is_not_one_hour_a_week():
    with pytest.raises(ValueError, match="expected a number"):
        Profile.model_validate({"hours_per_week": True})


def test_json_depth_and_numbers_are_bounded_before_parsing():
    assert json_depth('{"a": [1, {"b": "[[[["}]}') == 3
    with pytest.raises(InputTooLarge, match="nested"):
        load_json("[" * 100_000 + "]" * 100_000, 10_000_000, 32)
    with pytest.raises(InputTooLarge, match="digits"):
        load_json('{"hours_per_week": ' + "1" * 5000 + "}", 1_000_000, 32)
    with pytest.raises(InputTooLarge, match="bytes"):
        load_json('"' + "x" * 2000 + '"', 1000, 32)


def test_plan_profile_with_a_5000_digit_number_is_one_line(env, tmp_path):
    profile = tmp_path / "profile.json"
    profile.write_text('{"hours_per_week": ' + "7" * 5000 + "}")
    assert "digits" in one_line_error(run(env, "plan", "--profile", str(profile)))


def test_plan_profile_nested_100k_deep_is_one_line(env, tmp_path):
    profile = tmp_path / "profile.json"
    profile.write_text("[" * 100_000 + "]" * 100_000)
    assert "nested" in one_line_error(run(env, "plan", "--profile", str(profile)))


def test_plan_profile_with_true_hours_is_refused(env, tmp_path):
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps({"hours_per_week": True}))
    assert "hours_per_week" in one_line_error(run(env, "plan", "--profile", str(profile)))


def test_check_nested_100k_deep_is_one_line(env):
    assert "nested" in one_line_error(run(env, "check", stdin="[" * 100_000 + "]" * 100_000))


def test_check_caps_the_sentences_it_judges(env):
    answer = " ".join(f"Sentence number {n} is about Docker." for n in range(20_000))
    request = json.dumps({"answer": answer, "passages": ["Package models in Docker images."]})
    assert "CAREERBOT_MAX_CHECK_SENTENCES" in one_line_error(run(env, "check", stdin=request))


@pytest.mark.parametrize("k", ["0", "-5", "51", "many"])
def test_retrieve_k_out_of_range_is_a_usage_error(env, k):
    assert "-k" in one_line_error(run(env, "retrieve", "docker", "-k", k))


def test_check_caps_the_passages_it_reads(env):
    request = json.dumps({"answer": "Use Docker.", "passages": ["Package models in Docker images."] * 101})
    assert "passages" in one_line_error(run(env, "check", stdin=request))
