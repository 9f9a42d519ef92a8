"""`careerbot serve`: prepare the store and the model with visible progress, then start the web app."""

from __future__ import annotations

import sys

import ui  # noqa: F401  (offline environment and Gradio analytics off before gradio is imported)


def say(text: str) -> None:
    print(f"careerbot: {text}", file=sys.stderr, flush=True)


def serve(host: str | None = None, port: int | None = None, no_llm: bool = False, block: bool = True):
    """Build the store (first start: embeds the guides, ~1 min), assemble and load the model (first
    start: ~1 GB from the packaged parts), warm the graph, then serve until Ctrl-C. Never silent:
    each step says what it does and the slow ones draw a progress bar. Returns (demo, url)."""
    from agent.runtime import Runtime
    from agent.service import Careerbot

    runtime = Runtime()
    settings = runtime.settings
    host, port = host or settings.host, port or settings.port
    use_llm = not no_llm and settings.llm != "none"

    if settings.ingests_on_start:
        say(f"step 1/3: the guides in {settings.corpus_dir} → the vector store ({settings.chroma_mode})")
        say(runtime.ingest(progress=True).summary())
    else:
        # A Chroma server is shared: `careerbot ingest` is a job run once, and every replica
        # picks up its result on the next question (the corpus version changes).
        say(f"step 1/3: the vector store ({settings.chroma_mode}) holds {runtime.store.count()} chunks; "
            "ingest on start is off (run `careerbot ingest` as a job; CAREERBOT_INGEST_ON_START=true to change)")
    if use_llm:
        from agent.llm import describe

        say(f"step 2/3: the language model ({settings.llm}); the first start assembles and checks it")
        backend, error = runtime.llm_or_error()
        say(f"model ready: {describe(backend)}" if backend else error)
    else:
        say("step 2/3: no language model (--no-llm or CAREERBOT_LLM=none): answers are extractive")
    say("step 3/3: warming up retrieval and the conversation store")
    bot = Careerbot(runtime, use_llm=use_llm)
    bot.graph  # noqa: B018  (build it now, not on the first question)

    from ui.app import build_app, launch, reingest_allowed

    auth = None
    if settings.auth_user and settings.auth_password:
        auth = (settings.auth_user, settings.auth_password.get_secret_value())
        say(f"basic auth on (user {settings.auth_user})")
    allow_reingest = reingest_allowed(host, auth)
    if not allow_reingest:
        say(f"re-ingest from the web page is off ({host} is reachable from other machines and there is no login)")
    demo = build_app(bot, allow_reingest)
    launch(demo, host, port, auth=auth, prevent_thread_lock=True, quiet=True)
    url = f"http://{host}:{port}"
    say(f"ready: open {url} in a browser" + (" (Ctrl-C stops)" if block else ""))
    if block:
        demo.block_thread()
    return demo, url
