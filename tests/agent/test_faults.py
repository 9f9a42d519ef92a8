"""Faults: a store that goes away and comes back, an abrupt stop mid-conversation, an unusable data dir."""

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import uuid

import pytest

from agent.runtime import Runtime
from agent.service import Careerbot
from agent.settings import Settings
from ingest.chroma_connection import StoreUnavailable
from tests.conftest import CORPUS, free_port, start_chroma


@pytest.mark.integration
def test_chroma_server_stopping_mid_session_is_a_clear_message_and_recovers(tmp_path, embedding_model):
    port, path = free_port(), tmp_path / "server-store"
    server = start_chroma(path, port)
    try:
        runtime = Runtime(Settings(data_dir=tmp_path / "data", corpus_dir=CORPUS, chroma_host="127.0.0.1",
                                   chroma_port=port, llm="none"))
        runtime.ingest(progress=False)
        bot = Careerbot(runtime, use_llm=False)
        conversation = uuid.uuid4().hex
        assert bot.ask("What should I learn for MLOps?", conversation).route == "question"

        server.terminate()
        server.wait(timeout=20)
        down = bot.ask("Which maths do I need?", conversation)
        assert down.route == "error"
        assert f"server 127.0.0.1:{port}" in down.answer and "is not answering" in down.answer

        server = start_chroma(path, port)
        back = bot.ask("Which maths do I need?", conversation)
        assert back.route == "question" and back.citations
    finally:
        server.kill()
        server.wait(timeout=20)


def test_conversation_store_survives_an_abrupt_kill(tmp_path, corpus_runtime):
    """A process is SIGKILLed in the middle of its second turn; a new process finds the first turn
    intact and the SQLite file healthy."""
    data_dir = corpus_runtime.settings.data_dir
    conversation = uuid.uuid4().hex
    script = textwrap.dedent(f"""
        import os, signal, time
        from pathlib import Path
        from agent.runtime import Runtime
        from agent.service import Careerbot
        from agent.settings import Settings
        runtime = Runtime(Settings(data_dir=Path({str(data_dir)!r}), corpus_dir=Path({str(CORPUS)!r}), llm="none"))
        class Dies:
            name = "dies"
            def stream(self, messages, max_tokens, temperature):
                yield "Partial "
                os.kill(os.getpid(), signal.SIGKILL)
        Careerbot(runtime, use_llm=False).ask("What should I learn for MLOps?", {conversation!r})
        Careerbot(runtime, llm=Dies()).ask("Which maths do I need?", {conversation!r})
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=300,
                            env={**os.environ, "PYTHONPATH": str(CORPUS.parent)})
    assert result.returncode == -signal.SIGKILL, result.stderr.decode()[-2000:]

    database = data_dir / "conversations.sqlite"
    assert sqlite3.connect(database).execute("PRAGMA integrity_check").fetchone() == ("ok",)
    history = Careerbot(corpus_runtime, use_llm=False).history(conversation)
    assert [t["content"] for t in history if t["role"] == "user"] == ["What should I learn for MLOps?"]


def test_conversation_continues_in_a_new_process(corpus_runtime):
    conversation = uuid.uuid4().hex
    Careerbot(corpus_runtime, use_llm=False).ask("I know Python. What should I learn for MLOps?", conversation)
    script = (f"from pathlib import Path; from agent.runtime import Runtime; from agent.service import Careerbot; "
              f"from agent.settings import Settings; "
              f"r = Runtime(Settings(data_dir=Path({str(corpus_runtime.settings.data_dir)!r}), llm='none')); "
              f"b = Careerbot(r, use_llm=False); print(len(b.history({conversation!r})), b.profile({conversation!r}))")
    output = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(CORPUS.parent)}).stdout
    assert output.startswith("2 ") and "'python'" in output


def test_unusable_data_dir_is_a_clear_error(tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the data directory should be")
    runtime = Runtime(Settings(data_dir=blocker / "data", corpus_dir=CORPUS, llm="none"))
    with pytest.raises((StoreUnavailable, OSError), match="not-a-dir"):
        runtime.store


def test_data_dir_is_created_private(tmp_path, embedding_model):
    runtime = Runtime(Settings(data_dir=tmp_path / "private", corpus_dir=CORPUS, llm="none"))
    runtime.store
    assert (tmp_path / "private").stat().st_mode & 0o077 == 0
