"""The CLI's contract (issue 14 item 8): exit codes 0 / 1 / 2, `--version`, help on every option
with its default, `-v` anywhere with tracebacks, configuration in the help, no third-party bars,
and every error path one line on stderr. Real `careerbot` subprocesses."""

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import free_port

CAREERBOT = str(Path(sys.executable).with_name("careerbot"))


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("contract-corpus")
    (corpus / "mlops.md").write_text("---\ntitle: MLOps Notes\n---\n# MLOps Notes\n\n## Deployment\n"
                                     "Package models in Docker images and deploy them behind a REST API.\n")
    environment = {**os.environ, "CAREERBOT_DATA_DIR": str(tmp_path_factory.mktemp("contract-data")),
                   "CAREERBOT_CORPUS_DIR": str(corpus), "CAREERBOT_LLM": "none"}
    environment.pop("TQDM_DISABLE", None)
    subprocess.run([CAREERBOT, "ingest", "-q"], env=environment, check=True, capture_output=True, timeout=300)
    return environment


def run(env, *args, stdin=None):
    return subprocess.run([CAREERBOT, *args], env=env, input=stdin, capture_output=True, text=True, timeout=300)


def one_line(result, code):
    assert result.returncode == code, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("careerbot: ") and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def test_version(env):
    result = run(env, "--version")
    assert result.returncode == 0 and result.stdout.startswith("careerbot ")


def test_every_option_of_every_command_has_help():
    from ui.cli import _parser

    parser = _parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    missing = [f"{name} {action.dest}" for name, sub in commands.choices.items() for action in sub._actions
               if not action.help]
    assert missing == []
    assert "CAREERBOT_" in parser.format_help() and "careerbot.toml" in parser.format_help()
    retrieve = commands.choices["retrieve"].format_help()
    assert "CAREERBOT_TOP_K" in retrieve and "(default: hybrid)" in retrieve


def test_retrieve_k_defaults_to_the_chat_setting(env):
    import json

    hits = json.loads(run({**env, "CAREERBOT_TOP_K": "1"}, "retrieve", "docker", "--json").stdout)
    assert len(hits) == 1


def test_empty_question_exits_2_in_one_line(env):
    assert "empty" in one_line(run(env, "ask", "   ", "--no-llm"), 2)


def test_a_usage_error_is_one_line(env):
    assert "--frobnicate" in one_line(run(env, "ask", "hi", "--frobnicate"), 2)


def test_a_bad_setting_is_one_line(env):
    assert "top_k" in one_line(run({**env, "CAREERBOT_TOP_K": "lots"}, "retrieve", "docker"), 2)


def test_an_unreachable_store_is_a_failure_exit_1(env):
    result = run({**env, "CAREERBOT_CHROMA_HOST": "127.0.0.1", "CAREERBOT_CHROMA_PORT": str(free_port())}, "stats")
    assert "cannot reach the Chroma server" in one_line(result, 1)


def test_a_corrupt_store_is_a_failure_exit_1(env, tmp_path):
    data = tmp_path / "data"
    (data / "chroma").mkdir(parents=True)
    (data / "chroma" / "chroma.sqlite3").write_bytes(b"this is not a database" * 100)
    assert "store" in one_line(run({**env, "CAREERBOT_DATA_DIR": str(data)}, "stats"), 1)


def test_verbose_after_the_command_shows_the_traceback(env, tmp_path):
    data = tmp_path / "data"
    (data / "chroma").mkdir(parents=True)
    (data / "chroma" / "chroma.sqlite3").write_bytes(b"this is not a database" * 100)
    result = run({**env, "CAREERBOT_DATA_DIR": str(data)}, "stats", "-v")
    assert result.returncode == 1 and "Traceback" in result.stderr


def test_no_third_party_progress_bars_without_verbose(env):
    quiet = run(env, "ask", "How do I deploy a model?", "--no-llm")
    assert quiet.returncode == 0
    assert "Loading" not in quiet.stderr and "it/s" not in quiet.stderr and "%|" not in quiet.stderr
