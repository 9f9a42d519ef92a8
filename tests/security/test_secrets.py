"""Secrets never leave: an upstream server that echoes the request (API key included) into its
error body; the notice, the logs and the SQLite checkpoint file must not contain the key."""

import json
import logging
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from agent.guards.redact import REDACTED, install_log_redaction, redact, register_secret
from agent.runtime import Runtime
from agent.service import Careerbot
from agent.settings import Settings

API_KEY = "sk-live-ZQX0123456789abcdefSECRET"


class Echo(BaseHTTPRequestHandler):
    """Answers every request (the model check's GET, the chat's POST) with `status` and the
    request's headers and body echoed back."""

    status = 500

    def do_POST(self):  # noqa: N802 - http.server's name
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        echoed = json.dumps({"error": {"message": "bad request", "headers": dict(self.headers),
                                       "body": body.decode("utf-8", "replace")}}).encode()
        self.send_response(self.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(echoed)))
        self.end_headers()
        self.wfile.write(echoed)

    do_GET = do_POST  # noqa: N815

    def log_message(self, *args):
        pass


@pytest.fixture(params=[500, 401])
def echo_server(request):
    handler = type("EchoStatus", (Echo,), {"status": request.param})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1", request.param
    server.shutdown()
    server.server_close()


def test_an_echoed_key_reaches_no_notice_log_or_stored_state(echo_server, small_corpus, tmp_path, caplog,
                                                             embedding_model):
    url, status = echo_server
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=small_corpus, llm="openai", llm_base_url=url,
                        llm_api_key=API_KEY, llm_model="echo")
    runtime = Runtime(settings)
    runtime.ingest(progress=False)
    bot = Careerbot(runtime)
    with caplog.at_level(logging.DEBUG):
        answer = bot.ask("How do I scale the inference service?", uuid.uuid4().hex)
    assert f"HTTP {status}" in answer.notice  # the failure is still explained
    assert answer.answer  # and answered from the guides
    assert API_KEY not in answer.notice and API_KEY not in json.dumps(answer.to_json())
    assert "headers" not in answer.notice  # the upstream body is not echoed at all
    logged = "\n".join(record.getMessage() for record in caplog.records) + caplog.text
    assert ("LLM failed" in logged or "LLM unavailable" in logged) and API_KEY not in logged  # at load or mid-answer
    stored = b"".join(p.read_bytes() for p in settings.data_dir.glob("conversations.sqlite*"))  # with the WAL
    assert API_KEY.encode() not in stored and b"HTTP " in stored  # the notice was stored, redacted


def test_redact_removes_configured_keys_and_token_shapes():
    register_secret("my-configured-password-42")
    text = ("pw my-configured-password-42, Authorization: Bearer abc.DEF-123_456789 api_key=XYZ123456 "
            "sk-proj-abcdefghijklmnop ghp_abcdefghijklmnopqrstuvwxyz0123 token eyJhbGciOiJI.eyJzdWIiOiIx.c2lnbmF0dXJl")
    cleaned = redact(text)
    for secret in ("my-configured-password-42", "abc.DEF-123_456789", "XYZ123456", "sk-proj-abcdefghijklmnop",
                   "ghp_abcdefghijklmnopqrstuvwxyz0123", "eyJhbGciOiJI"):
        assert secret not in cleaned
    assert cleaned.count(REDACTED) >= 6
    plain = "A basic understanding of tokens and embeddings; the password manager chapter [1]."
    assert redact(plain) == plain  # guide prose is untouched


def test_every_log_record_is_redacted_whatever_the_handler(caplog):
    register_secret("another-configured-secret-77")
    install_log_redaction()
    with caplog.at_level(logging.WARNING):
        logging.getLogger("agent.llm.remote").warning("upstream said %s", {"key": "another-configured-secret-77"})
        try:
            raise RuntimeError("failed with Authorization: Bearer tok_abcdefghijkl")
        except RuntimeError:
            logging.getLogger("httpx").exception("request failed")
    assert "another-configured-secret-77" not in caplog.text
    assert "tok_abcdefghijkl" not in caplog.text and "Traceback" in caplog.text


def test_a_key_pasted_into_the_chat_is_not_stored(corpus_runtime):
    bot = Careerbot(corpus_runtime, use_llm=False)
    conversation = uuid.uuid4().hex
    bot.ask("my key is sk-proj-ZQXpasted0123456789 and Authorization: Bearer zqxTOKEN123456, how do I learn MLOps?",
            conversation)
    stored = b"".join(p.read_bytes() for p in corpus_runtime.settings.data_dir.glob("conversations.sqlite*"))
    assert b"ZQXpasted0123456789" not in stored and b"zqxTOKEN123456" not in stored
    assert "[redacted]" in bot.history(conversation)[0]["content"]
