"""The About the guides tab: each guide (title, author, date, chunks), the resource list, and a
re-ingest with a progress bar for guides added to corpus/. Never shows a server path."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path

import gradio as gr

from agent.runtime import Runtime
from ingest.loaders import LoadError, load_file
from ui import render

log = logging.getLogger(__name__)

REINGEST_OFF = ("*Re-ingest from the web page is off: this server is reachable beyond this machine and has no "
                "login (set `CAREERBOT_AUTH_USER` and `CAREERBOT_AUTH_PASSWORD`), so run `careerbot ingest` "
                "on the server instead.*")


@dataclass
class Guide:
    """One source in the store, as the tab lists it."""

    source: str  # file name relative to corpus/
    title: str
    author: str
    date: str
    chunks: int


def catalogue(runtime: Runtime) -> tuple[list[Guide], int, int]:
    """(guides, resource entries, resource chunks) from the store's chunk metadata, with author and
    date read from each guide's front matter where the file is still in corpus/."""
    guides: dict[str, Guide] = {}
    resources: set[str] = set()
    resource_chunks = 0
    for meta in runtime.store.metadata_by_id().values():
        source = str(meta.get("source", "?"))
        if meta.get("kind") == "resource":
            resource_chunks += 1
            resources.add(str(meta.get("title", "")))
            continue
        if source not in guides:
            author, date = _byline(runtime.settings.corpus_dir, source)
            guides[source] = Guide(source, str(meta.get("title") or source), author, date, 0)
        guides[source].chunks += 1
    return sorted(guides.values(), key=lambda g: g.title.lower()), len(resources), resource_chunks


def _byline(corpus_dir: Path, source: str) -> tuple[str, str]:
    path = corpus_dir / source
    try:
        return _front_matter(path, corpus_dir, path.stat().st_mtime_ns)
    except (OSError, LoadError, ValueError):
        return "", ""


@lru_cache(maxsize=256)
def _front_matter(path: Path, corpus_dir: Path, mtime_ns: int) -> tuple[str, str]:
    """(author, date) of a guide file, cached until the file changes."""
    metadata = load_file(path, corpus_dir).metadata
    return str(metadata.get("author") or ""), str(metadata.get("date") or "")


def stats(runtime: Runtime) -> str:
    """The store's guides and resource list as HTML."""
    try:
        guides, resources, resource_chunks = catalogue(runtime)
        mode = "a Chroma server" if runtime.settings.chroma_host else "the embedded vector store"
        return render.guides_html([g.__dict__ for g in guides], resources, resource_chunks, mode)
    except Exception as error:
        log.exception("store stats failed")
        return f"<p>{render.error_message(error)}</p>"


def reingest(runtime: Runtime, progress=gr.Progress(track_tqdm=True)) -> tuple[str, str]:
    """Bring the store in line with corpus/ (incremental): the page shows a bar for the files read
    and one for the chunks embedded (ingest's own tqdm bars, tracked), then a summary."""
    progress(0, desc="Reading the guides…")
    try:
        report = runtime.ingest(progress=True)
    except Exception as error:
        log.exception("re-ingest failed")
        return render.error_message(error), stats(runtime)
    return render.ingest_summary(report), stats(runtime)


def guides_tab(runtime: Runtime, allow_reingest: bool) -> gr.HTML:
    """Build the tab inside the current Blocks context; returns the stats panel for a load refresh.
    `allow_reingest` is False on a server reachable from other machines without a login."""
    gr.Markdown(
        "careerbot answers only from the career guides below, chunked by heading and searched by meaning "
        "and by keyword. Add your own `.md`, `.txt`, `.html` or `.pdf` files to the `corpus` folder and "
        "re-ingest: only new or changed passages are embedded.", elem_classes="cb-intro")
    panel = gr.HTML(stats(runtime), elem_id="store-stats", padding=False)
    with gr.Row():
        again = gr.Button("Re-ingest the guides", elem_id="reingest", variant="primary", size="sm", scale=0,
                          min_width=200, visible=allow_reingest)
        refresh = gr.Button("Refresh", elem_id="stats-refresh", size="sm", scale=0, min_width=120)
    report = gr.Markdown("" if allow_reingest else REINGEST_OFF, elem_id="ingest-report")

    def on_reingest(progress=gr.Progress(track_tqdm=True)):
        return reingest(runtime, progress)

    refresh.click(partial(stats, runtime), None, panel, api_name="stats")
    if allow_reingest:  # not registered at all otherwise: no API route to call
        again.click(on_reingest, None, [report, panel], api_name="reingest", show_progress="full")
    return panel
