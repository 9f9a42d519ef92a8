"""Two replicas behind one load balancer, for real, on loopback: a Chroma server, PostgreSQL,
llama-cpp-python's OpenAI-compatible server (SmolLM2) and two `careerbot serve` processes.

- a conversation started on one replica continues on the other (shared checkpoints);
- an ingest job run while both serve is seen by both without a restart (corpus version);
- the job deletes only its own corpus's chunks, never another corpus's in the same collection."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import GUIDE_A, GUIDE_B
from tests.deploy.balancer import Balancer
from tests.services import LLM_KEY, free_port

pytestmark = [pytest.mark.integration, pytest.mark.slow]
CAREERBOT = Path(sys.executable).with_name("careerbot")

ZORBLAX = """---
title: Zorblax Certification Guide
---
# Zorblax Certification Guide

## The exam
The Zorblax certification exam for machine learning engineers covers model deployment, feature stores
and monitoring. Candidates book the Zorblax exam online and get the result within two weeks.
"""

TEAM_NOTES = """---
title: Team MLOps Notes
---
# Team MLOps Notes

## Feature store
Our feature store keeps offline and online features consistent for the fraud model.
"""


def run_job(env: dict, corpus: Path, name: str, data_dir: Path) -> str:
    """`careerbot ingest`, the job a deployment runs once per corpus change."""
    job = {**env, "CAREERBOT_CORPUS_DIR": str(corpus), "CAREERBOT_CORPUS_NAME": name, "CAREERBOT_DATA_DIR": str(data_dir)}
    done = subprocess.run([str(CAREERBOT), "ingest", "-q"], env=job, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def start_replica(env: dict, data_dir: Path, corpus: Path, log: Path) -> tuple[str, subprocess.Popen]:
    port = free_port()
    replica_env = {**env, "CAREERBOT_DATA_DIR": str(data_dir), "CAREERBOT_CORPUS_DIR": str(corpus),
                   "CAREERBOT_CORPUS_NAME": "guides"}
    with log.open("w") as out:
        process = subprocess.Popen([str(CAREERBOT), "serve", "--port", str(port)], stdout=out,
                                   stderr=subprocess.STDOUT, env=replica_env)
    return f"http://127.0.0.1:{port}", process


def wait_ready(process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 300
    while "careerbot: ready: open http" not in log.read_text():  # not "model ready: openai …"
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"careerbot serve did not start:\n{log.read_text()[-3000:]}")
        time.sleep(0.5)


def stop_replica(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def chat(url: str, message: str) -> dict:
    """One turn through the app's public chat API, in a new session (so a new conversation); returns
    the answer JSON."""
    from gradio_client import Client

    outputs = Client(url, verbose=False).predict(message, [], api_name="/chat")
    return next(item for item in outputs if isinstance(item, dict) and "route" in item)


BOX, USER, BOT = "#message textarea", '#chatbot [data-testid="user"]', '#chatbot [data-testid="bot"]'
SEND = '#message button:has-text("Send")'


def port_of(url: str) -> int:
    return int(url.rsplit(":", 1)[1])


@contextmanager
def browser_page(url: str):
    """A real Chromium page on `url` once the conversation is restored (skipped without Chromium)."""
    from tests.ui.conftest import CHROMIUM, CHROMIUM_ARGS

    if not CHROMIUM.exists():
        pytest.skip("the replica test needs Debian's Chromium at /usr/bin/chromium: run `make browser`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = chromium.new_page()
            page.set_default_timeout(240_000)
            page.goto(url, wait_until="domcontentloaded")
            page.wait_for_selector(BOX + ":not([disabled])")
            yield page
        finally:
            chromium.close()


def ask_and_wait(page, text: str, answers: int) -> None:
    """Send `text` and wait until the turn has ended (Send is back) with `answers` answers shown."""
    page.fill(BOX, text)
    page.press(BOX, "Enter")
    page.wait_for_function(f"document.querySelectorAll('{BOT}').length >= {answers}")
    page.locator(SEND).wait_for()
    page.wait_for_selector(BOX + ":not([disabled])")


def owners(host: str, port: int, collection: str) -> dict[str, set[str]]:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    client = chromadb.HttpClient(host=host, port=port, settings=ChromaSettings(anonymized_telemetry=False))
    found: dict[str, set[str]] = {}
    for meta in client.get_collection(collection).get(include=["metadatas"])["metadatas"]:
        found.setdefault(meta["corpus"], set()).add(meta["source"])
    return found


def test_two_replicas_share_conversations_and_follow_an_ingest_job(chroma_server, postgres, llama_server, tmp_path):
    host, port, _ = chroma_server
    collection = f"replicas-{uuid.uuid4().hex[:8]}"
    guides, team = tmp_path / "guides", tmp_path / "team"
    guides.mkdir()
    team.mkdir()
    (guides / "pasta.md").write_text(GUIDE_A, encoding="utf-8")
    (guides / "kubernetes.md").write_text(GUIDE_B, encoding="utf-8")
    (team / "notes.md").write_text(TEAM_NOTES, encoding="utf-8")
    env = {**os.environ, "CAREERBOT_CHROMA_HOST": host, "CAREERBOT_CHROMA_PORT": str(port),
           "CAREERBOT_COLLECTION": collection, "CAREERBOT_CHECKPOINT_URL": postgres.url,
           "CAREERBOT_LLM": "openai", "CAREERBOT_LLM_BASE_URL": llama_server, "CAREERBOT_LLM_API_KEY": LLM_KEY,
           "CAREERBOT_LLM_MAX_TOKENS": "48", "CAREERBOT_UI_SECRET": "replicas-share-this-secret"}

    # The deployment's jobs: each corpus ingested once, into one shared collection.
    run_job(env, guides, "guides", tmp_path / "job")
    run_job(env, team, "team", tmp_path / "job")
    assert owners(host, port, collection) == {"guides": {"kubernetes.md", "pasta.md"}, "team": {"notes.md"}}

    logs = [tmp_path / "a.log", tmp_path / "b.log"]
    replicas = [start_replica(env, tmp_path / name, guides, log) for name, log in zip("ab", logs)]
    try:
        for (_, process), log in zip(replicas, logs):
            wait_ready(process, log)
            assert "ingest on start is off" in log.read_text()
            assert "model ready: openai smollm2-135m" in log.read_text()
        (url_a, _), (url_b, _) = replicas

        # A conversation started on A continues on B, in one browser behind one load balancer: the
        # browser keeps only its signed token (CAREERBOT_UI_SECRET is shared), the turns are in PostgreSQL.
        first_q, second_q = "How do I scale the inference service on Kubernetes?", "And how do readiness probes help with that?"
        balancer = Balancer(port_of(url_a))
        try:
            with browser_page(balancer.url) as page:
                ask_and_wait(page, first_q, answers=1)
                balancer.switch_to(port_of(url_b))
                page.reload(wait_until="domcontentloaded")
                page.wait_for_selector(BOX + ":not([disabled])")
                assert page.locator(USER).first.inner_text().strip() == first_q  # B restored A's turn
                ask_and_wait(page, second_q, answers=2)
        finally:
            balancer.close()
        from agent.checkpoint import open_checkpointer
        from agent.settings import Settings
        from pydantic import SecretStr

        saver = open_checkpointer(Settings(data_dir=tmp_path / "reader", checkpoint_url=SecretStr(postgres.url)))
        threads = {c.config["configurable"]["thread_id"] for c in saver.list(None)}
        conversations = [saver.get_tuple({"configurable": {"thread_id": t}}).checkpoint["channel_values"] for t in threads]
        values = next(v for v in conversations if first_q in [t["content"] for t in v.get("turns", [])])
        assert [t["content"] for t in values["turns"] if t["role"] == "user"] == [first_q, second_q]
        assert len(values["queries"]) == 2  # B's turn read A's turn from the shared state

        # An ingest job while both serve: a new guide in, one guide out, the team corpus untouched.
        (guides / "zorblax.md").write_text(ZORBLAX, encoding="utf-8")
        (guides / "pasta.md").unlink()
        run_job(env, guides, "guides", tmp_path / "job")
        assert owners(host, port, collection) == {"guides": {"kubernetes.md", "zorblax.md"}, "team": {"notes.md"}}
        for url in (url_a, url_b):
            answer = chat(url, "What does the Zorblax certification exam cover?")
            assert answer["route"] == "question", answer
            assert answer["citations"][0]["source"] == "zorblax.md"
            assert "pasta.md" not in {c["source"] for c in answer["citations"]}
    finally:
        for (_, process), log in zip(replicas, logs):
            stop_replica(process)
            print(f"--- {log.name}\n{log.read_text(errors='replace')[-3000:]}")  # shown when the test fails
