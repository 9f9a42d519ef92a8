"""`careerbot serve`: as a real process on a fresh data dir it prepares with progress, then serves; basic auth."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import free_port

pytestmark = pytest.mark.integration


@pytest.fixture
def served(tmp_path):
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "CAREERBOT_DATA_DIR": str(tmp_path / "data"), "CAREERBOT_LLM": "embedded"}
    careerbot = Path(sys.executable).with_name("careerbot")
    with log.open("w") as out:
        process = subprocess.Popen([str(careerbot), "serve", "--no-llm", "--port", str(port)],
                                   stdout=out, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 300  # the first start embeds the whole corpus
    while "ready: open" not in log.read_text():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"careerbot serve did not start:\n{log.read_text()[-3000:]}")
        time.sleep(0.5)
    yield url, log
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.mark.slow
def test_serve_prepares_visibly_then_answers_over_http(served):
    url, log = served
    text = log.read_text()
    assert "step 1/3" in text and "chunks:" in text and "no language model" in text
    assert f"ready: open {url}" in text

    page = httpx.get(url + "/", timeout=30)
    assert page.status_code == 200 and "<html" in page.text
    assert httpx.get(url + "/config", timeout=30).json()["title"] == "careerbot"

    from gradio_client import Client

    _, sources, answer, _, _ = Client(url, verbose=False).predict(
        "Which cloud platforms should I learn?", [], api_name="/chat")  # the session gets its own thread
    assert answer["route"] == "question" and any(c["cited"] for c in answer["citations"])
    assert 'id="source-1-1"' in sources


def test_serve_asks_for_a_login_when_auth_is_configured(monkeypatch, corpus_runtime):
    from agent.settings import get_settings
    from ui.serve import serve

    monkeypatch.setenv("CAREERBOT_DATA_DIR", str(corpus_runtime.settings.data_dir))  # already ingested
    monkeypatch.setenv("CAREERBOT_AUTH_USER", "ada")
    monkeypatch.setenv("CAREERBOT_AUTH_PASSWORD", "s3cret")
    get_settings.cache_clear()
    try:
        demo, url = serve(port=free_port(), no_llm=True, block=False)
        try:
            assert httpx.get(url + "/config", timeout=30).status_code == 401
            assert httpx.post(url + "/login", data={"username": "ada", "password": "nope"}).status_code == 400
            with httpx.Client(base_url=url, timeout=30) as browser:
                assert browser.post("/login", data={"username": "ada", "password": "s3cret"}).status_code == 200
                assert browser.get("/config").json()["title"] == "careerbot"
        finally:
            demo.close()
    finally:
        get_settings.cache_clear()
