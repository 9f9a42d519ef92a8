"""Every external call is bounded: a hung (SIGSTOPped) Chroma server and an LLM server that never
answers end the turn with a clear message, well inside 30 s, and the next turn works again."""

import os
import signal
import socket
import threading
import time
import uuid

import pytest

from agent.runtime import Runtime
from agent.service import Careerbot
from agent.settings import Settings
from tests.conftest import free_port, start_chroma

HANG_BOUND_S = 30  # the bar for a turn against a hung dependency (a bound, not a measurement)


@pytest.mark.integration
def test_a_hung_chroma_server_ends_the_turn_with_a_clear_message(tmp_path, small_corpus, embedding_model):
    port = free_port()
    server = start_chroma(tmp_path / "server-store", port)
    try:
        runtime = Runtime(Settings(data_dir=tmp_path / "data", corpus_dir=small_corpus, chroma_host="127.0.0.1",
                                   chroma_port=port, llm="none", chroma_timeout_s=2))
        runtime.ingest(progress=False)
        bot = Careerbot(runtime, use_llm=False)
        conversation = uuid.uuid4().hex
        assert bot.ask("How do I scale the inference service?", conversation).route == "question"

        os.kill(server.pid, signal.SIGSTOP)
        started = time.monotonic()
        hung = bot.ask("How should I package the model server?", conversation)
        assert time.monotonic() - started < HANG_BOUND_S
        assert hung.route == "error"
        assert "is not answering" in hung.answer and "CAREERBOT_CHROMA_TIMEOUT_S" in hung.answer

        os.kill(server.pid, signal.SIGCONT)
        back = bot.ask("How should I package the model server?", conversation)
        assert back.route == "question" and back.citations
    finally:
        os.kill(server.pid, signal.SIGCONT)
        server.kill()
        server.wait(timeout=20)


@pytest.mark.integration
def test_opening_a_hung_chroma_server_is_a_clear_error(tmp_path):
    from ingest.chroma_connection import StoreUnavailable, open_store

    port = free_port()
    server = start_chroma(tmp_path / "server-store", port)
    os.kill(server.pid, signal.SIGSTOP)
    try:
        started = time.monotonic()
        with pytest.raises(StoreUnavailable, match="CAREERBOT_CHROMA_TIMEOUT_S"):
            open_store(host="127.0.0.1", port=port, collection="hung", timeout_s=1)
        assert time.monotonic() - started < HANG_BOUND_S
    finally:
        os.kill(server.pid, signal.SIGCONT)
        server.kill()
        server.wait(timeout=20)


@pytest.fixture
def silent_server():
    """Accepts connections and reads, never answers: an LLM server stuck mid-request."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    held, stop = [], threading.Event()

    def accept():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/v1"
    stop.set()
    thread.join(timeout=5)
    for connection in held:
        connection.close()
    listener.close()


def test_an_llm_server_that_never_answers_times_out_with_a_clear_notice(silent_server, small_corpus, tmp_path,
                                                                         embedding_model):
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=small_corpus, llm="openai", llm_base_url=silent_server,
                        llm_model="stuck", llm_timeout_s=1)
    runtime = Runtime(settings)
    runtime.ingest(progress=False)
    started = time.monotonic()
    answer = Careerbot(runtime).ask("How do I scale the inference service?", uuid.uuid4().hex)
    assert time.monotonic() - started < HANG_BOUND_S
    assert "did not answer in time" in answer.notice and "CAREERBOT_LLM_TIMEOUT_S" in answer.notice
    assert answer.route == "question" and "autoscaler" in answer.answer  # answered from the guides instead
