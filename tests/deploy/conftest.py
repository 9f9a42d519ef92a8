"""Deployment fixtures: a real PostgreSQL cluster and a real OpenAI-compatible LLM server, one per session."""

from __future__ import annotations

import pytest

from tests.services import postgres_bin, start_llama_server, start_postgres, stop


@pytest.fixture(scope="session")
def postgres():
    """A PostgreSQL server of our own; skipped (with the reason) only where the package is missing."""
    if postgres_bin() is None:
        pytest.skip("PostgreSQL is not installed (/usr/lib/postgresql/*/bin): run `make postgres`")
    server = start_postgres()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def llama_server(tmp_path_factory):
    """llama-cpp-python's own OpenAI-compatible server with SmolLM2; yields its /v1 base URL."""
    url, process = start_llama_server(tmp_path_factory.mktemp("llama-server") / "server.log")
    yield url
    stop(process)
