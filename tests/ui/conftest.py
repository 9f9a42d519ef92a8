"""UI fixtures: the real app served in-process over the real corpus, a scripted LLM, headless Chromium."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import ScriptedLLM, free_port, prompt_notes
from tests.conftest import passage_quote as note_citing

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'


def passage_quote(messages, n: int = 1) -> str:
    """A note citing passage [n] from the prompt: a reply the guides support. When the question
    carries the injection payload, the reply repeats it, so the answer path is tested too."""
    prompt = messages[-1].content
    reply = note_citing(messages, n)
    if "in detail" in prompt:  # a long answer (a turn to stop midway): every note, many times over
        reply = " ".join(prompt_notes(messages) * 20)
    if "__pwned" in prompt:
        reply += ' Also <img src=x onerror="window.__pwned=3"> <script>window.__pwned=4</script> [1]'
    return reply


class SlowScriptedLLM(ScriptedLLM):
    """ScriptedLLM that reads before its first word and pauses per word, like the real model, so a
    browser can see the "found in" line and the draft stream before the answer. It records a stream
    that was closed before its end (the Stop button)."""

    def __init__(self, reply):
        super().__init__(reply)
        self.stopped = threading.Event()
        self.tokens = 0

    def stream(self, messages, max_tokens, temperature):
        time.sleep(0.8)
        finished = False
        try:
            for token in super().stream(messages, max_tokens, temperature):
                time.sleep(0.06)
                self.tokens += 1
                yield token
            finished = True
        finally:
            if not finished:
                self.stopped.set()


MLOPS_NOTES = ("---\ntitle: MLOps Notes\n---\n# MLOps Notes\n\n## Deployment\n"
               "Package models in Docker images and deploy them behind a REST API.\n\n"
               "## Monitoring\nWatch for data drift and retrain models when accuracy drops.\n")


def cli_env(tmp_path_factory, name: str) -> dict[str, str]:
    """The environment of a `careerbot` subprocess over a one-file MLOps corpus, without a model."""
    corpus = tmp_path_factory.mktemp(f"{name}-corpus")
    (corpus / "mlops.md").write_text(MLOPS_NOTES)
    return {**os.environ, "CAREERBOT_DATA_DIR": str(tmp_path_factory.mktemp(f"{name}-data")),
            "CAREERBOT_CORPUS_DIR": str(corpus), "CAREERBOT_LLM": "none"}


@pytest.fixture(scope="session")
def bot(corpus_runtime):
    from agent.service import Careerbot

    return Careerbot(corpus_runtime, llm=SlowScriptedLLM(passage_quote))


@pytest.fixture(scope="session")
def app_url(bot):
    """The real Blocks app, launched in this process on a free loopback port."""
    from ui.app import build_app, launch

    demo = build_app(bot)
    launch(demo, "127.0.0.1", free_port(), prevent_thread_lock=True, quiet=True)
    yield demo.local_url.rstrip("/")
    demo.close()


@pytest.fixture(scope="session")
def client(app_url):
    from gradio_client import Client

    return Client(app_url, verbose=False)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("browser tests need Debian's Chromium at /usr/bin/chromium: run `make browser`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, app_url):
    """A fresh browser context (its own localStorage, so its own conversation) on the app."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(app_url, wait_until="domcontentloaded")
    page.wait_for_selector("#message textarea:not([disabled])")  # the conversation is restored
    yield page
    context.close()
