"""A remote LLM is checked before it is trusted, against a real OpenAI-compatible server
(`python -m llama_cpp.server` serving SmolLM2), and evaluated with `eval --llm configured`."""

import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from pydantic import SecretStr

from agent.llm import LLMUnavailable, Message, describe, load_backend
from agent.llm.backend import complete
from agent.settings import Settings
from tests.services import LLM_ALIAS, LLM_KEY, free_port

pytestmark = pytest.mark.integration
HELLO = [Message("system", "You are terse."), Message("user", "Say hello.")]


def openai(url: str, tmp_path, model: str | None = None, key: str | None = LLM_KEY) -> Settings:
    return Settings(data_dir=tmp_path, llm="openai", llm_base_url=url, llm_model=model,
                    llm_api_key=SecretStr(key) if key else None)


def test_with_no_model_named_the_only_served_model_is_used(llama_server, tmp_path):
    backend = load_backend(openai(llama_server, tmp_path))
    assert backend.model == LLM_ALIAS
    assert describe(backend) == f"openai {LLM_ALIAS} at {llama_server}"
    assert complete(backend, HELLO, max_tokens=8).strip()


def test_a_model_the_server_lacks_is_named_with_what_it_serves(llama_server, tmp_path):
    with pytest.raises(LLMUnavailable) as error:
        load_backend(openai(llama_server, tmp_path, model="gpt-4o"))
    assert str(error.value) == (f"the OpenAI-compatible server at {llama_server} does not serve the model 'gpt-4o' "
                                f"(it serves: {LLM_ALIAS}): set CAREERBOT_LLM_MODEL to one of those")


def test_a_refused_key_says_so_without_showing_it(llama_server, tmp_path):
    with pytest.raises(LLMUnavailable) as error:
        load_backend(openai(llama_server, tmp_path, key="sk-wrong-key-777"))
    assert "refused the request (HTTP 401, authentication): check CAREERBOT_LLM_API_KEY" in str(error.value)
    assert "sk-wrong-key-777" not in str(error.value)


def test_an_unreachable_server_says_so(tmp_path):
    url = f"http://127.0.0.1:{free_port()}/v1"
    with pytest.raises(LLMUnavailable, match=r"cannot reach the OpenAI-compatible server at .*ConnectError"):
        load_backend(openai(url, tmp_path))


def test_prepare_fails_with_one_clear_line_for_a_misconfigured_backend(llama_server, small_corpus, tmp_path):
    env = {**os.environ, "CAREERBOT_DATA_DIR": str(tmp_path / "data"), "CAREERBOT_CORPUS_DIR": str(small_corpus),
           "CAREERBOT_LLM": "openai", "CAREERBOT_LLM_BASE_URL": llama_server, "CAREERBOT_LLM_API_KEY": LLM_KEY,
           "CAREERBOT_LLM_MODEL": "llama-3-70b"}
    careerbot = Path(sys.executable).with_name("careerbot")
    failed = subprocess.run([str(careerbot), "prepare"], env=env, capture_output=True, text=True, timeout=300)
    assert failed.returncode == 1  # a failure (not a usage error): one line, exit 1
    assert failed.stderr.strip().splitlines()[-1] == (
        f"careerbot: the OpenAI-compatible server at {llama_server} does not serve the model 'llama-3-70b' "
        f"(it serves: {LLM_ALIAS}): set CAREERBOT_LLM_MODEL to one of those")
    assert "Traceback" not in failed.stderr

    del env["CAREERBOT_LLM_MODEL"]
    ready = subprocess.run([str(careerbot), "prepare"], env=env, capture_output=True, text=True, timeout=300)
    assert ready.returncode == 0, ready.stderr[-2000:]
    assert f"LLM ready: openai {LLM_ALIAS} at {llama_server}" in ready.stdout


@pytest.mark.slow
def test_eval_with_the_configured_backend_names_the_model(llama_server, corpus_runtime, tmp_path, monkeypatch):
    from agent.settings import get_settings
    from evals.runner import run_eval

    for key, value in {"CAREERBOT_LLM": "openai", "CAREERBOT_LLM_BASE_URL": llama_server,
                       "CAREERBOT_LLM_API_KEY": LLM_KEY}.items():
        monkeypatch.setenv(key, value)
    get_settings.cache_clear()
    try:
        outcome = run_eval(("answers",), "configured", tmp_path / "eval", limit=2, runtime=corpus_runtime)
    finally:
        get_settings.cache_clear()
    assert outcome.data["run"]["model"] == f"openai {LLM_ALIAS} at {llama_server}"
    assert "answers_configured" in outcome.metrics and len(outcome.results[0].rows) == 2
    assert f"LLM: configured (openai {LLM_ALIAS} at {llama_server})" in outcome.paths["markdown"].read_text()
    assert LLM_ALIAS in outcome.paths["html"].read_text()


# Ollama's protocol: a loopback server answering /api/tags and /api/show the way Ollama does.
class OllamaLike(BaseHTTPRequestHandler):
    pulled = ["llama3.2:3b"]

    def _reply(self, status: int, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self._reply(200, {"models": [{"name": name} for name in self.pulled]})

    def do_POST(self):
        model = json.loads(self.rfile.read(int(self.headers["Content-Length"])))["model"]
        self._reply(200, {"details": {}}) if model in self.pulled else self._reply(404, {"error": "not found"})

    def log_message(self, *args):
        pass


@pytest.fixture
def ollama_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), OllamaLike)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_ollama_uses_its_only_pulled_model_and_names_a_missing_one(ollama_url, tmp_path):
    assert load_backend(Settings(data_dir=tmp_path, llm="ollama", llm_base_url=ollama_url)).model == "llama3.2:3b"
    with pytest.raises(LLMUnavailable, match=r"does not have the model 'qwen2.5:7b': run `ollama pull qwen2.5:7b`"):
        load_backend(Settings(data_dir=tmp_path, llm="ollama", llm_base_url=ollama_url, llm_model="qwen2.5:7b"))
