"""Conversations in a shared database: two careerbots (separate data dirs, as on two machines)
continue one conversation through a real PostgreSQL server; SQLite stays the default."""

import uuid

import pytest
from pydantic import SecretStr

from agent.checkpoint import CheckpointUnavailable, open_checkpointer
from agent.runtime import Runtime
from agent.service import Careerbot
from agent.settings import Settings
from tests.services import PG_PASSWORD

pytestmark = pytest.mark.integration


def replica(tmp_path, name: str, corpus, url: str | None) -> Careerbot:
    settings = Settings(data_dir=tmp_path / name, corpus_dir=corpus, llm="none",
                        checkpoint_url=SecretStr(url) if url else None)
    runtime = Runtime(settings)
    runtime.ingest(progress=False)
    return Careerbot(runtime, use_llm=False)


def test_a_conversation_started_on_one_replica_continues_on_another(postgres, small_corpus, tmp_path, embedding_model):
    first, second = (replica(tmp_path, name, small_corpus, postgres.url) for name in ("a", "b"))
    thread = uuid.uuid4().hex
    first.ask("How do I scale the inference service on Kubernetes?", thread)
    assert [t["role"] for t in second.history(thread)] == ["user", "assistant"]

    second.ask("And how do readiness probes help with that?", thread)
    turns = first.history(thread)
    assert [t["content"] for t in turns if t["role"] == "user"] == [
        "How do I scale the inference service on Kubernetes?", "And how do readiness probes help with that?"]
    assert not (tmp_path / "a" / "conversations.sqlite").exists()
    assert not (tmp_path / "b" / "conversations.sqlite").exists()


def test_without_a_url_conversations_stay_in_sqlite_in_the_data_dir(small_corpus, tmp_path, embedding_model):
    first = replica(tmp_path, "a", small_corpus, None)
    second = replica(tmp_path, "b", small_corpus, None)
    thread = uuid.uuid4().hex
    first.ask("How do I scale the inference service on Kubernetes?", thread)
    assert (tmp_path / "a" / "conversations.sqlite").is_file()
    assert second.history(thread) == []


def test_a_wrong_password_is_one_line_that_never_shows_the_password(postgres, tmp_path):
    url = postgres.url.replace(PG_PASSWORD, "not-the-password")
    with pytest.raises(CheckpointUnavailable) as error:
        open_checkpointer(Settings(data_dir=tmp_path, checkpoint_url=SecretStr(url)))
    message = str(error.value)
    assert "cannot open the conversation database postgresql://careerbot@127.0.0.1" in message
    assert "not-the-password" not in message and PG_PASSWORD not in message and "\n" not in message


def test_a_url_that_is_not_postgresql_is_refused(tmp_path):
    with pytest.raises(CheckpointUnavailable, match="must be a postgresql:// URL"):
        open_checkpointer(Settings(data_dir=tmp_path, checkpoint_url=SecretStr("mysql://u:p@db/x")))


def test_the_url_is_a_secret_in_settings(monkeypatch, tmp_path):
    monkeypatch.setenv("CAREERBOT_CHECKPOINT_URL", "postgresql://u:hunter2@db/careerbot")
    assert "hunter2" not in repr(Settings(data_dir=tmp_path))
