"""A new process answers without torch: `ask --no-llm`, `retrieve` and `serve` use the ONNX encoder
and the saved BM25 side, print no third-party progress bars, and load nothing they do not use."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import free_port
from tests.ui.conftest import cli_env

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("torch", "sentence_transformers", "transformers", "llama_cpp", "gradio")
# What `ask --no-llm` and `retrieve` do not use, imported only by the commands that do (issue 16: each
# of these cost a cold `ask` 20-150 ms): the calendar export, progress bars (ingest, the model
# assembly), the ingest pipeline, LangChain's chat-model layer (only with a model).
UNUSED = ("icalendar", "tqdm", "ingest.pipeline", "agent.llm.chat_model", "langchain_core.language_models.chat_models")
# Runs a CLI command in-process and reports which heavy or unused modules the command imported.
PROBE = """
import json, sys
from ui.cli import main
code = main(sys.argv[1:])
print("LOADED " + json.dumps(sorted(m for m in %r if m in sys.modules)), file=sys.stderr)
sys.exit(code)
""" % (HEAVY + UNUSED,)
SERVE_PROBE = """
import json, sys
from ui.serve import serve
demo, url = serve(port=int(sys.argv[1]), no_llm=True, block=False)
print("LOADED " + json.dumps(sorted(m for m in %r if m in sys.modules)), file=sys.stderr)
demo.close()
""" % (HEAVY,)


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    env = {**cli_env(tmp_path_factory, "cold"), "PYTHONPATH": str(ROOT)}
    prepared = subprocess.run([sys.executable, "-c", PROBE, "ingest", "-q"], env=env, capture_output=True,
                              text=True, timeout=600)
    assert prepared.returncode == 0, prepared.stderr
    return env


def probe(env, *args, script=PROBE):
    result = subprocess.run([sys.executable, "-c", script, *args], env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    loaded = next(line for line in result.stderr.splitlines() if line.startswith("LOADED "))
    return json.loads(loaded.removeprefix("LOADED ")), result


def assert_quiet(stderr: str) -> None:
    """No tqdm bar ("…| 3/3 [00:01<…]"), no "Loading weights" bar, no fallback warning."""
    assert "it/s]" not in stderr and "%|" not in stderr and "Loading" not in stderr, stderr
    assert "sentence-transformers (torch)" not in stderr, stderr


def test_ask_without_llm_never_imports_torch(env):
    loaded, result = probe(env, "ask", "--no-llm", "how do I notice data drift?")
    assert loaded == [] and "data drift" in result.stdout
    assert_quiet(result.stderr)


def test_the_probe_sees_a_command_that_uses_them(env):
    """The same probe names the unused modules when a command does load them: `plan --ics`
    writes a calendar (icalendar)."""
    loaded, result = probe(env, "plan", "I know Python and SQL, 8 hours a week", "--months", "6", "--ics")
    assert "icalendar" in loaded and "BEGIN:VCALENDAR" in result.stdout


def test_retrieve_never_imports_torch(env):
    loaded, result = probe(env, "retrieve", "docker images", "--json")
    assert loaded == [] and json.loads(result.stdout)[0]["source"] == "mlops.md"
    assert_quiet(result.stderr)


def test_the_torch_encoder_setting_does_import_it(env):
    """The probe can tell: with CAREERBOT_ENCODER=torch the same command loads sentence-transformers."""
    loaded, result = probe({**env, "CAREERBOT_ENCODER": "torch"}, "retrieve", "docker images", "--json")
    assert {"torch", "sentence_transformers"} <= set(loaded)
    assert json.loads(result.stdout)[0]["source"] == "mlops.md"
    assert_quiet(result.stderr)


@pytest.mark.integration
def test_serve_without_llm_never_imports_torch(env):
    loaded, result = probe(env, str(free_port()), script=SERVE_PROBE)
    assert loaded == ["gradio"], result.stderr
