"""Chroma server options: tenant and database (a real `chroma run` server), TLS, and the token
sent as a header but never shown."""

import threading
from http.server import ThreadingHTTPServer

import pytest
from pydantic import SecretStr

from agent.runtime import Runtime
from agent.settings import Settings
from ingest.pipeline import ingest
from ingest.chroma_connection import ChromaServer, StoreUnavailable, open_store
from tests.services import Recorder

pytestmark = pytest.mark.integration


def test_tenant_and_database_keep_collections_apart(chroma_server, small_corpus, tmp_path, embedding_model):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    host, port, _ = chroma_server
    admin = chromadb.AdminClient(ChromaSettings(chroma_api_impl="chromadb.api.fastapi.FastAPI",
                                                chroma_server_host=host, chroma_server_http_port=port,
                                                anonymized_telemetry=False))
    admin.create_tenant("team-a")
    admin.create_database("careers", tenant="team-a")

    settings = Settings(data_dir=tmp_path, corpus_dir=small_corpus, chroma_host=host, chroma_port=port,
                        collection="tenant-test", chroma_tenant="team-a", chroma_database="careers")
    runtime = Runtime(settings)
    report = runtime.ingest(progress=False)
    assert runtime.store.count() == report.chunks > 0
    assert runtime.store.description == f"server {host}:{port} (team-a/careers)"
    default = open_store(host=host, port=port, collection="tenant-test")
    assert default.count() == 0


def test_a_missing_tenant_is_a_clear_message(chroma_server):
    host, port, _ = chroma_server
    with pytest.raises(StoreUnavailable, match=r"cannot reach the Chroma server at 127.0.0.1:\d+ .*nobody"):
        open_store(host=host, port=port, collection="x-test", server=ChromaServer(tenant="nobody"))


def test_tls_to_a_plain_server_fails_clearly(chroma_server):
    host, port, _ = chroma_server
    with pytest.raises(StoreUnavailable, match=rf"cannot reach the Chroma server at https://{host}:{port}"):
        open_store(host=host, port=port, collection="tls-test", server=ChromaServer(ssl=True))


def test_the_token_and_headers_are_sent_but_never_shown(tmp_path, monkeypatch):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        monkeypatch.setenv("CAREERBOT_CHROMA_TOKEN", "ck-very-secret")
        monkeypatch.setenv("CAREERBOT_CHROMA_HEADERS", '{"X-Team": "careers"}')
        settings = Settings(data_dir=tmp_path, chroma_host="127.0.0.1", chroma_port=server.server_address[1])
        assert isinstance(settings.chroma_token, SecretStr) and "ck-very-secret" not in repr(settings)
        with pytest.raises(StoreUnavailable) as error:
            Runtime(settings).store  # noqa: B018
    finally:
        server.shutdown()
    assert Recorder.seen and Recorder.seen[0]["Authorization"] == "Bearer ck-very-secret"
    assert Recorder.seen[0]["X-Team"] == "careers"
    assert "ck-very-secret" not in str(error.value)
