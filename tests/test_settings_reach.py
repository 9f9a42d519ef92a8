"""Every CAREERBOT_* setting reaches behaviour (issue #17): one small test per setting, each
changing only that setting and observing what it changes, with real parts (the embedding model,
a real Chroma store over a small corpus, the real retriever and graph, the Gradio app, the SmolLM2
GGUF). Each test would fail if the line reading its setting used the default instead (checked by
breaking each such line in turn)."""

from __future__ import annotations

import io
import json
import os
import socket
import threading
import time
import uuid
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from agent.runtime import Runtime
from agent.settings import Settings
from tests.conftest import GUIDE_A, GUIDE_B, ScriptedLLM, passage_quote
from tests.services import Recorder, smollm2_path

# A guide with one long section, so chunk size and overlap have something to cut.
LONG_SENTENCES = [f"Step {n} of the monitoring checklist is to watch metric number {n} on the dashboard daily."
                  for n in range(1, 31)]
GUIDE_LONG = ("---\ntitle: Monitoring Checklist\n---\n# Monitoring Checklist\n\n## Daily checks\n"
              + " ".join(LONG_SENTENCES) + "\n")
QUESTION = "How do I scale the inference service?"


def thread() -> str:
    return uuid.uuid4().hex


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "pasta.md").write_text(GUIDE_A, encoding="utf-8")
    (folder / "kubernetes.md").write_text(GUIDE_B, encoding="utf-8")
    (folder / "monitoring.md").write_text(GUIDE_LONG, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def base(tmp_path_factory, embedding_model) -> Runtime:
    """A Runtime over the small corpus with default settings (no LLM), ingested once."""
    root = tmp_path_factory.mktemp("settings-reach")
    runtime = Runtime(Settings(data_dir=root / "data", corpus_dir=write_corpus(root / "corpus"), llm="none"))
    runtime.ingest(progress=False)
    return runtime


def changed(base: Runtime, **update) -> Runtime:
    """A Runtime whose settings differ from `base` only by `update`, sharing its ingested store."""
    runtime = Runtime(base.settings.model_copy(update=update))
    runtime.__dict__["store"] = base.store
    return runtime


def fresh(base: Runtime, tmp_path: Path, **update) -> Runtime:
    """A Runtime with the base settings but its own (empty) data dir, differing only by `update`."""
    return Runtime(base.settings.model_copy(update={"data_dir": tmp_path / "data", **update}))


def bodies(runtime: Runtime, source: str = "monitoring.md") -> list[str]:
    return [c.metadata["body"] for c in runtime.store.all_chunks(include_text=True) if c.metadata["source"] == source]


# Chroma server connection --------------------------------------------------------------------------
@pytest.fixture
def recorder():
    Recorder.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def open_server_store(tmp_path: Path, port: int, **update):
    from ingest.chroma_connection import StoreUnavailable

    settings = Settings(data_dir=tmp_path / "data", chroma_host="127.0.0.1", chroma_port=port, chroma_timeout_s=5,
                        **update)
    with pytest.raises(StoreUnavailable) as error:
        Runtime(settings).store  # noqa: B018
    return str(error.value)


def test_chroma_ssl_speaks_tls_to_the_chroma_server(tmp_path, recorder):
    plain = open_server_store(tmp_path, recorder)
    assert Recorder.seen and f"https://127.0.0.1:{recorder}" not in plain  # plain HTTP reached the server
    Recorder.seen = []
    tls = open_server_store(tmp_path, recorder, chroma_ssl=True)
    assert f"https://127.0.0.1:{recorder}" in tls
    assert Recorder.seen == []  # a TLS handshake is not an HTTP request: the plain server never parsed one


def test_chroma_token_header_names_the_header_that_carries_the_token(tmp_path, recorder):
    open_server_store(tmp_path, recorder, chroma_token="ck-token-1")
    assert Recorder.seen[0].get("Authorization") == "Bearer ck-token-1" and "X-Chroma-Token" not in Recorder.seen[0]
    Recorder.seen = []
    open_server_store(tmp_path, recorder, chroma_token="ck-token-1", chroma_token_header="X-Chroma-Token")
    assert Recorder.seen[0].get("X-Chroma-Token") == "ck-token-1" and "Authorization" not in Recorder.seen[0]


# Ingest ---------------------------------------------------------------------------------------------
def test_ingest_on_start_false_leaves_an_empty_store_empty_when_the_retriever_is_built(base, tmp_path):
    off = fresh(base, tmp_path / "off", ingest_on_start=False)
    off.retriever  # noqa: B018
    assert off.store.count() == 0 and off.retriever.size == 0
    on = fresh(base, tmp_path / "on", ingest_on_start=True)
    on.retriever  # noqa: B018
    assert on.store.count() == base.store.count() > 0


def test_embedding_model_path_chooses_the_weights_that_embed(base, tmp_path):
    from ingest.embedding import ModelError, embed, packaged_model_path

    not_a_model = tmp_path / "no-model-here"
    with pytest.raises(ModelError, match="no-model-here"):  # one clear error naming the folder
        fresh(base, tmp_path / "bad", embedding_model_path=not_a_model).ingest(progress=False)
    copy = tmp_path / "my-minilm"
    copy.symlink_to(packaged_model_path(), target_is_directory=True)
    runtime = fresh(base, tmp_path / "own", embedding_model_path=copy)
    assert runtime.model_path == str(copy)
    own = embed(["Which maths do I need?"], runtime.model_path)
    packaged = embed(["Which maths do I need?"], base.model_path)
    assert own.shape == packaged.shape and float(own[0] @ packaged[0]) > 0.999  # the same weights, read from there


def test_chunk_size_sets_how_many_words_a_chunk_holds(base, tmp_path):
    small = fresh(base, tmp_path, chunk_size=30)
    small.ingest(progress=False)
    default_chunks, small_chunks = bodies(base), bodies(small)
    assert max(len(b.split()) for b in small_chunks) <= 30
    assert max(len(b.split()) for b in default_chunks) > 30
    assert len(small_chunks) > len(default_chunks)


def test_chunk_overlap_repeats_the_last_sentences_of_a_chunk_at_the_start_of_the_next(base, tmp_path):
    def repeated(chunks: list[str]) -> set[str]:
        return {s for s in LONG_SENTENCES if sum(s in chunk for chunk in chunks) > 1}

    assert len(bodies(base)) > 1 and repeated(bodies(base))  # default overlap: 25 words carried over
    none = fresh(base, tmp_path, chunk_overlap=0)
    none.ingest(progress=False)
    assert len(bodies(none)) > 1 and repeated(bodies(none)) == set()


# Retrieval ------------------------------------------------------------------------------------------
def test_candidates_caps_how_many_passages_dense_search_considers(base):
    chunks = base.store.count()
    assert chunks > 4
    default = base.retriever.search("monitoring dashboard metrics", k=20, mode="dense")
    few = changed(base, candidates=4).retriever.search("monitoring dashboard metrics", k=20, mode="dense")
    assert len(few) <= 4 < len(default)


def test_max_query_words_cuts_a_long_query_to_its_opening_words(base):
    opening = "Bring salted water to a rolling boil before adding the spaghetti."
    query = opening + " Then package the model server in a Docker image and push it to a registry."
    ranked = lambda passages: [(p.id, round(p.score, 4)) for p in passages]
    alone = ranked(base.retriever.search(opening, k=6))
    assert ranked(base.retriever.search(query, k=6)) != alone  # by default the whole query is searched
    cut = changed(base, max_query_words=len(opening.split())).retriever.search(query, k=6)
    assert ranked(cut) == alone  # cut to its opening sentence, it is searched as that sentence alone


def test_min_relevance_sets_the_score_below_which_a_question_is_not_answered(base):
    from agent.service import Careerbot

    assert Careerbot(base, use_llm=False).ask(QUESTION, thread()).route == "question"
    strict = Careerbot(changed(base, min_relevance=0.99), use_llm=False).ask(QUESTION, thread())
    assert strict.route in ("not_covered", "off_topic")


# LLM --------------------------------------------------------------------------------------------------
class TemperatureLLM(ScriptedLLM):
    def stream(self, messages, max_tokens, temperature):
        self.temperatures = [*getattr(self, "temperatures", []), temperature]
        yield from super().stream(messages, max_tokens, temperature)


def test_llm_temperature_is_the_temperature_the_model_answers_with(base):
    from agent.service import Careerbot

    for runtime, expected in ((base, 0.1), (changed(base, llm_temperature=0.7), 0.7)):
        llm = TemperatureLLM(passage_quote)
        assert Careerbot(runtime, llm=llm).ask(QUESTION, thread()).route == "question"
        assert llm.temperatures and set(llm.temperatures) == {expected}


def test_condense_with_llm_asks_the_model_to_rewrite_a_follow_up(base):
    from agent.service import Careerbot

    def condense_prompts(runtime: Runtime) -> int:
        llm = ScriptedLLM(lambda m: "How do readiness probes work for the inference service?"
                          if "Rewrite the follow-up" in m[-1].content else passage_quote(m))
        bot, conversation = Careerbot(runtime, llm=llm), thread()
        bot.ask(QUESTION, conversation)
        bot.ask("and what about probes for that?", conversation)
        return sum("Rewrite the follow-up" in call[-1].content for call in llm.calls)

    assert condense_prompts(base) == 0
    assert condense_prompts(changed(base, condense_with_llm=True)) == 1


@pytest.fixture(scope="module")
def default_smollm2(tmp_path_factory):
    from agent.llm import load_backend

    return load_backend(Settings(data_dir=tmp_path_factory.mktemp("llm"), llm="embedded",
                                 llm_model_path=smollm2_path()), progress=False)


def smollm2(tmp_path: Path, **update):
    from agent.llm import load_backend

    return load_backend(Settings(data_dir=tmp_path, llm="embedded", llm_model_path=smollm2_path(), **update),
                        progress=False)


@pytest.mark.slow
def test_llm_context_sets_the_models_context_window(default_smollm2, tmp_path):
    assert default_smollm2.llm.n_ctx() == 4096
    assert smollm2(tmp_path, llm_context=1024).llm.n_ctx() == 1024


@pytest.mark.slow
def test_llm_threads_sets_the_threads_llama_cpp_runs_on(default_smollm2, tmp_path):
    assert default_smollm2.llm.context_params.n_threads == (os.cpu_count() or 2)
    one = smollm2(tmp_path, llm_threads=1 if (os.cpu_count() or 2) > 1 else 2).llm
    assert one.context_params.n_threads == one.context_params.n_threads_batch != (os.cpu_count() or 2)


@pytest.mark.slow
def test_llm_mmap_memory_maps_the_model_file(default_smollm2, tmp_path):
    import llama_cpp

    assert default_smollm2.llm.model_params.load_mode == llama_cpp.LLAMA_LOAD_MODE_NONE
    assert smollm2(tmp_path, llm_mmap=True).llm.model_params.load_mode == llama_cpp.LLAMA_LOAD_MODE_MMAP


@pytest.fixture
def full_backlog():
    """A loopback port whose listen queue is full and never accepted: a new connection hangs in
    connect (the kernel drops its SYN) until the client gives up."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    fillers = []
    for _ in range(8):  # fill the accept queue (its length is backlog + 1 on Linux)
        sock = socket.socket()
        sock.setblocking(False)
        sock.connect_ex(("127.0.0.1", port))
        fillers.append(sock)
    time.sleep(0.2)
    yield f"http://127.0.0.1:{port}/v1"
    for sock in fillers:
        sock.close()
    listener.close()


def test_llm_connect_timeout_s_bounds_the_wait_for_an_llm_server_to_accept(full_backlog, tmp_path):
    from agent.llm import LLMUnavailable, load_backend

    def wait(**update) -> float:
        settings = Settings(data_dir=tmp_path, llm="openai", llm_base_url=full_backlog, llm_model="m", **update)
        started = time.monotonic()
        with pytest.raises(LLMUnavailable, match="ConnectTimeout"):
            load_backend(settings, progress=False)
        return time.monotonic() - started

    quick = wait(llm_connect_timeout_s=0.3)
    slow = wait(llm_connect_timeout_s=2.5)
    assert quick < 1.5 and slow >= 2.4


# JSON input limits (`careerbot check`) ---------------------------------------------------------------
def careerbot_check(monkeypatch, capsys, body: str, **env) -> tuple[int, str]:
    """`careerbot check` in-process (the CLI's own main), with CAREERBOT_* env vars read afresh."""
    from agent.settings import get_settings
    from ui.cli import main

    for name, value in env.items():
        monkeypatch.setenv(f"CAREERBOT_{name.upper()}", str(value))
    get_settings.cache_clear()
    monkeypatch.setattr("sys.stdin", io.StringIO(body))
    try:
        code = main(["check"])
    finally:
        get_settings.cache_clear()
    return code, capsys.readouterr().err


REQUEST = {"answer": "Use readiness probes. [1]",
           "passages": ["Use readiness probes so traffic only reaches pods whose model has finished loading. " * 12]}


def test_max_json_bytes_refuses_a_check_request_over_the_limit(monkeypatch, capsys):
    body = json.dumps(REQUEST)
    assert 1_000 < len(body) < 1_000_000
    assert careerbot_check(monkeypatch, capsys, body)[0] == 0
    code, err = careerbot_check(monkeypatch, capsys, body, max_json_bytes=1_000)
    assert code == 2 and "CAREERBOT_MAX_JSON_BYTES" in err and len(err.strip().splitlines()) == 1


def test_max_json_depth_refuses_a_check_request_nested_deeper_than_the_limit(monkeypatch, capsys):
    body = json.dumps({**REQUEST, "extra": [[[{"a": 1}]]]})  # five levels deep
    assert careerbot_check(monkeypatch, capsys, body)[0] == 0
    code, err = careerbot_check(monkeypatch, capsys, body, max_json_depth=3)
    assert code == 2 and "CAREERBOT_MAX_JSON_DEPTH" in err and len(err.strip().splitlines()) == 1


# Web UI -------------------------------------------------------------------------------------------------
def web_app(runtime: Runtime):
    from agent.service import Careerbot
    from ui.app import build_app

    return build_app(Careerbot(runtime, use_llm=False))


def test_concurrency_sets_how_many_turns_the_web_app_runs_at_once(base):
    assert web_app(base)._queue.default_concurrency_limit == 4
    assert web_app(changed(base, concurrency=9))._queue.default_concurrency_limit == 9


def test_show_details_shows_the_answer_details_json_panel(base):
    def details_visible(runtime: Runtime) -> bool:
        demo = web_app(runtime)
        (accordion,) = [b for b in demo.blocks.values() if getattr(b, "label", None) == "Answer details (JSON)"]
        (panel,) = [b for b in demo.blocks.values() if getattr(b, "elem_id", None) == "answer-json"]
        return accordion.visible is True and panel.visible is True

    assert details_visible(base) is False
    assert details_visible(changed(base, show_details=True)) is True


def test_embedding_model_path_is_also_the_model_the_checker_embeds_with(base, tmp_path):
    from agent.grounding.vectors import vectors
    from ingest.embedding import choose_encoder, chosen_encoder

    previous = chosen_encoder()
    try:
        fresh(base, tmp_path / "bad", embedding_model_path=tmp_path / "no-model-here")
        with pytest.raises(Exception, match="no-model-here"):
            vectors(["A sentence the checker has not embedded before, about feature stores."])
    finally:
        choose_encoder(previous.kind, previous.directory, previous.model_path)
    assert vectors(["A sentence the checker has not embedded before, about feature stores."]).shape == (1, 384)
