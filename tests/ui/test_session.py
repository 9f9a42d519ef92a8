"""Conversations are bound to their browser: a thread id alone opens nothing, through any endpoint;
/reingest exists only with a login or on loopback; replicas sharing CAREERBOT_UI_SECRET agree."""

import json
import uuid

import httpx
import pytest

from agent.settings import Settings
from ui.app import build_app, reingest_allowed
from ui.session import server_key, sign, storage_secret, verify

SECRET_QUESTION = "Which maths do I need for machine learning? My codename is HERON-42."


def test_a_signed_token_opens_its_thread_and_nothing_else_does(tmp_path):
    key = server_key(Settings(data_dir=tmp_path), tmp_path)
    thread = uuid.uuid4().hex
    assert verify(sign(thread, key), key) == thread
    assert verify(thread, key) is None  # a bare thread id
    assert verify(sign(thread, b"another key"), key) is None
    token = sign(thread, key)
    assert verify(token[:-1] + ("1" if token[-1] == "0" else "0"), key) is None
    assert verify({"thread": thread}, key) is None and verify(None, key) is None
    assert (tmp_path / "ui-secret").stat().st_mode & 0o777 == 0o600


def test_replicas_with_the_same_ui_secret_accept_each_others_tokens(tmp_path, monkeypatch):
    monkeypatch.setenv("CAREERBOT_UI_SECRET", "shared-by-every-replica")
    one, two = server_key(Settings(), tmp_path / "a"), server_key(Settings(), tmp_path / "b")
    thread = uuid.uuid4().hex
    assert verify(sign(thread, one), two) == thread
    assert storage_secret(one) == storage_secret(two) and "shared-by-every-replica" not in storage_secret(one)
    assert not (tmp_path / "a" / "ui-secret").exists()


def call(url: str, fn_index: int, data: list) -> dict:
    """Call any event handler the way a script can: POST queue/join, read the event stream."""
    session = uuid.uuid4().hex
    joined = httpx.post(f"{url}/gradio_api/queue/join", timeout=30,
                        json={"data": data, "fn_index": fn_index, "session_hash": session, "event_data": None,
                              "trigger_id": None})
    if joined.status_code != 200:
        return {"refused": joined.status_code}
    with httpx.stream("GET", f"{url}/gradio_api/queue/data", params={"session_hash": session}, timeout=60) as events:
        for line in events.iter_lines():
            if line.startswith("data:"):
                message = json.loads(line[5:])
                if message.get("msg") == "process_completed":
                    return message.get("output") or {}
    return {}


@pytest.mark.integration
def test_no_endpoint_returns_a_conversation_for_its_bare_thread_id(app_url, bot):
    thread = uuid.uuid4().hex
    bot.ask(SECRET_QUESTION, thread)
    dependencies = httpx.get(f"{app_url}/config", timeout=30).json()["dependencies"]
    called = 0
    for index, dependency in enumerate(dependencies):
        if not dependency.get("inputs") or dependency.get("api_name") in ("reingest", "plan"):
            continue
        output = call(app_url, dependency.get("id", index), [thread] * len(dependency["inputs"]))
        called += 1
        assert "HERON-42" not in json.dumps(output), f"{dependency.get('api_name') or index} leaked the thread"
    assert called >= 5


def test_reingest_needs_a_login_or_a_loopback_bind(corpus_runtime):
    from agent.service import Careerbot

    assert reingest_allowed("127.0.0.1", None) and reingest_allowed("::1", None)
    assert reingest_allowed("0.0.0.0", ("ada", "s3cret"))
    assert not reingest_allowed("0.0.0.0", None) and not reingest_allowed("my-host.example", None)
    demo = build_app(Careerbot(corpus_runtime, use_llm=False), allow_reingest=False)
    names = [fn.api_name for fn in demo.fns.values()]
    assert "reingest" not in names and "stats" in names and "chat" in names
