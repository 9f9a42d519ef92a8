"""Shared fixtures: the offline guard, the real embedding model, real Chroma stores, small corpora."""

from __future__ import annotations

import ipaddress
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

import ingest  # noqa: F401  (offline environment before anything else loads)

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


# Offline guard ------------------------------------------------------------------------------------
def _is_loopback(host) -> bool:
    if host in (None, "", "localhost"):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return str(host).endswith(".localhost")


class NetworkAccess(AssertionError):
    pass


_violations: list[str] = []
_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_getaddrinfo = socket.getaddrinfo


def _guarded_connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address[0]):
        _violations.append(f"connect to {address}")
        raise NetworkAccess(f"test tried to open a non-loopback connection to {address}")
    return _real_connect(self, address)


def _guarded_connect_ex(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address[0]):
        _violations.append(f"connect_ex to {address}")
        raise NetworkAccess(f"test tried to open a non-loopback connection to {address}")
    return _real_connect_ex(self, address)


def _guarded_getaddrinfo(host, *args, **kwargs):
    if not _is_loopback(host.decode() if isinstance(host, bytes) else host):
        _violations.append(f"DNS lookup of {host}")
        raise NetworkAccess(f"test tried to resolve {host!r}")
    return _real_getaddrinfo(host, *args, **kwargs)


socket.socket.connect = _guarded_connect
socket.socket.connect_ex = _guarded_connect_ex
socket.getaddrinfo = _guarded_getaddrinfo


def pytest_sessionfinish(session, exitstatus):
    """Any attempt to reach the network fails the run, even one a library swallowed."""
    if _violations:
        print("\nOFFLINE GUARD: the suite tried to reach the network:\n  " + "\n  ".join(sorted(set(_violations))))
        session.exitstatus = 1


# Real parts ---------------------------------------------------------------------------------------
@pytest.fixture(scope="session", autouse=True)
def shared_encoder_dir(tmp_path_factory):
    """One ONNX export per test session (every test's data dir, and the CLI subprocesses, share it):
    the export is checked against sentence-transformers once instead of in every temp data dir."""
    import os

    directory = tmp_path_factory.mktemp("encoder")
    previous = os.environ.get("CAREERBOT_ENCODER_DIR")
    os.environ["CAREERBOT_ENCODER_DIR"] = str(directory)
    yield directory
    if previous is None:
        os.environ.pop("CAREERBOT_ENCODER_DIR", None)
    else:
        os.environ["CAREERBOT_ENCODER_DIR"] = previous


@pytest.fixture(scope="session")
def embedding_model():
    from ingest.embedding import load_model

    return load_model(None)


GUIDE_A = """---
title: Cooking Pasta for Engineers
---
# Cooking Pasta for Engineers

## Boiling water
Bring a large pot of salted water to a rolling boil before adding the spaghetti.
Stir the pasta during the first minute so that it does not stick together.

## Sauce
A simple tomato sauce needs garlic, olive oil and basil. Simmer it for twenty minutes.
"""

GUIDE_B = """---
title: Kubernetes Deployment Notes
---
# Kubernetes Deployment Notes

## Containers
Package the model server in a Docker image and push it to a registry.

## Scaling
A horizontal pod autoscaler adds replicas of the inference service when CPU load grows.
Use readiness probes so traffic only reaches pods whose model has finished loading.
"""


@pytest.fixture
def small_corpus(tmp_path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "pasta.md").write_text(GUIDE_A, encoding="utf-8")
    (corpus / "kubernetes.md").write_text(GUIDE_B, encoding="utf-8")
    return corpus


@pytest.fixture
def store(tmp_path, embedding_model):
    from ingest.chroma_connection import open_store

    return open_store(tmp_path / "chroma", collection="test-chunks")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_chroma(path: Path, port: int) -> subprocess.Popen:
    """A real `chroma run` server on loopback, returned once it accepts connections."""
    chroma = Path(sys.executable).with_name("chroma")
    process = subprocess.Popen([str(chroma), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return process
        time.sleep(0.2)
    process.kill()
    raise RuntimeError("chroma server did not start")


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory):
    """A real Chroma server on a free loopback port; yields (host, port, process)."""
    port = free_port()
    process = start_chroma(tmp_path_factory.mktemp("chroma-server"), port)
    yield "127.0.0.1", port, process
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="session")
def corpus_runtime(tmp_path_factory, embedding_model):
    """A Runtime over the real corpus in a temp data dir, ingested once per session."""
    from agent.runtime import Runtime
    from agent.settings import Settings

    data_dir = tmp_path_factory.mktemp("careerbot-data")
    runtime = Runtime(Settings(data_dir=data_dir, corpus_dir=CORPUS, llm="none"))
    runtime.ingest(progress=False)
    return runtime


def prompt_notes(messages) -> list[str]:
    """The cited notes the model is asked to rewrite (agent/answer/prompts.py), one per line."""
    prompt = messages[-1].content
    notes = prompt.split("Notes from the career guides:\n", 1)[1].split("\n\nQuestion:", 1)[0]
    return [line.lstrip("- ").strip() for line in notes.splitlines() if "[" in line and not line.startswith("**")]


def passage_quote(messages, n: int = 1) -> str:
    """The first note citing passage [n] (any note when none does): a reply the guides support."""
    lines = prompt_notes(messages)
    return next((line for line in lines if f"[{n}]" in line), lines[0])


class ScriptedLLM:
    """A deterministic stand-in for the model in unit tests: `reply(messages)` decides the answer,
    streamed word by word like a real backend."""

    name = "scripted"

    def __init__(self, reply):
        self.reply = reply
        self.calls = []

    def stream(self, messages, max_tokens, temperature):
        self.calls.append(messages)
        text = self.reply(messages) if callable(self.reply) else self.reply
        for word in text.split(" "):
            yield word + " "


@pytest.fixture(scope="session")
def embedded_llm():
    """The real embedded model (Qwen2.5-Coder-1.5B GGUF), assembled into the project's data dir
    once (the same file `make run` uses) and loaded once per test session."""
    from agent.llm.llamacpp import LlamaCppBackend
    from agent.llm.model_file import MODEL_FILENAME, assemble
    from agent.settings import Settings

    path = assemble(Settings().data_dir / "models" / MODEL_FILENAME, progress=False)
    return LlamaCppBackend(path, n_ctx=4096)
