"""The `careerbot` command line as a user runs it: real subprocesses, stable JSON contracts, clear errors."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import free_port
from tests.ui.conftest import cli_env

CAREERBOT = str(Path(sys.executable).with_name("careerbot"))


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    return cli_env(tmp_path_factory, "cli")


def run(env, *args, stdin=None):
    return subprocess.run([CAREERBOT, *args], env=env, input=stdin, capture_output=True, text=True, timeout=300)


def test_ingest_then_stats(env):
    result = run(env, "ingest", "-q")
    assert result.returncode == 0 and "1 files, 2 chunks: 2 added" in result.stdout
    stats = json.loads(run(env, "stats", "--json").stdout)
    assert stats["per_source"] == {"mlops.md": 2} and stats["mode"].startswith("embedded ")


def test_retrieve_json_contract(env):
    result = run(env, "retrieve", "how do I notice data drift?", "-k", "2", "--json")
    hits = json.loads(result.stdout)
    assert len(hits) == 2
    assert {"id", "score", "source", "title", "heading_path", "text"} <= set(hits[0])
    assert hits[0]["heading_path"] == "MLOps Notes › Monitoring" and "drift" in hits[0]["text"]


def test_ask_json_contract_without_a_model(env):
    answer = json.loads(run(env, "ask", "How should I deploy a model?", "--no-llm", "--json").stdout)
    assert {"answer", "route", "citations", "sentences", "grounded", "timings"} <= set(answer)
    assert {"retrieve_ms", "total_ms"} <= set(answer["timings"])
    assert answer["route"] == "question" and answer["grounded"] == 1.0
    assert {"n", "source", "title", "section", "text"} <= set(answer["citations"][0])
    assert "Docker" in answer["answer"]


def test_ask_continues_a_thread_across_processes(env):
    run(env, "ask", "How should I deploy a model?", "--no-llm", "--thread", "t-cli")
    script = ("from agent.service import Careerbot; from agent.runtime import Runtime; "
              "print(len(Careerbot(Runtime(), use_llm=False).history('t-cli')))")
    assert subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True).stdout.strip() == "2"


def test_check_reads_json_on_stdin(env):
    request = {"answer": "Package models in Docker images [1]. Use the Zorblax 9000 framework for serving [1].",
               "passages": ["Package models in Docker images and deploy them behind a REST API."]}
    result = json.loads(run(env, "check", stdin=json.dumps(request)).stdout)
    assert [s["supported"] for s in result["sentences"]] == [True, False]
    assert result["grounded"] == 0.5


def test_check_explains_each_decision_in_plain_words(env):
    request = {"answer": "Just go with LangGraph or CrewAI [1]. Avoid CrewAI for agents [1].",
               "passages": ["Please don't get tied up in choosing the best framework - just go with LangGraph or "
                            "CrewAI and get started."]}
    result = json.loads(run(env, "check", "--json", stdin=json.dumps(request)).stdout)
    assert [(s["supported"], s["reason"]) for s in result["sentences"]] == [
        (True, ""), (False, "the guide says the opposite")]


def test_check_rejects_malformed_input_in_one_line(env):
    result = run(env, "check", stdin="not json")
    assert result.returncode == 2 and result.stderr.startswith("careerbot: check reads") and "Traceback" not in result.stderr


def test_empty_question_is_a_clear_error(env):
    result = run(env, "ask", "   ", "--no-llm")
    assert result.returncode == 2
    assert "empty" in result.stdout + result.stderr and "Traceback" not in result.stderr


def test_chroma_server_down_is_one_clear_line(env):
    result = run({**env, "CAREERBOT_CHROMA_HOST": "127.0.0.1", "CAREERBOT_CHROMA_PORT": str(free_port())}, "stats")
    assert result.returncode == 1  # a failure, not an input error (issue 14: 0 ok, 1 failure, 2 input)
    assert "cannot reach the Chroma server" in result.stderr and "Traceback" not in result.stderr


def test_missing_model_file_still_answers_extractively_with_a_notice(env, tmp_path):
    result = run({**env, "CAREERBOT_LLM": "embedded", "CAREERBOT_LLM_MODEL_PATH": str(tmp_path / "gone.gguf")},
                 "ask", "How should I deploy a model?", "--json")
    answer = json.loads(result.stdout)
    assert "gone.gguf not found" in answer["notice"] and "CAREERBOT_LLM_MODEL_PATH" in answer["notice"]
    assert answer["route"] == "question" and answer["answer"]
