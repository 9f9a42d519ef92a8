"""The About the guides tab: what is in the store, and a re-ingest button for guides added to corpus/."""

from __future__ import annotations

import logging
from functools import partial

import gradio as gr

from agent.runtime import Runtime
from ui import render

log = logging.getLogger(__name__)


def stats(runtime: Runtime) -> str:
    """The store's documents and chunk counts as HTML."""
    try:
        return render.stats_html(runtime.store.stats())
    except Exception as error:
        log.exception("store stats failed")
        return f"<p>{render.error_message(error)}</p>"


def reingest(runtime: Runtime, progress=gr.Progress(track_tqdm=True)) -> tuple[str, str]:
    """Bring the store in line with corpus/ (incremental; the embedding bar shows in the page) and
    refresh the retriever's keyword index. Returns (report, stats HTML)."""
    progress(0, desc="Reading the guides…")
    try:
        report = runtime.ingest(progress=True)
    except Exception as error:
        log.exception("re-ingest failed")
        return render.error_message(error), stats(runtime)
    return f"**Re-ingest done.** {render.escape_markdown(report.summary())}", stats(runtime)


def guides_tab(runtime: Runtime) -> gr.HTML:
    """Build the tab inside the current Blocks context; returns the stats panel for a load refresh."""
    gr.Markdown(
        "careerbot answers only from the career guides below (Markdown with their sources), "
        "chunked by heading and searched by meaning and by keyword. "
        "Add your own `.md`, `.txt`, `.html` or `.pdf` files to "
        f"`{render.escape_markdown(str(runtime.settings.corpus_dir))}` "
        "and re-ingest: only new or changed passages are embedded.")
    panel = gr.HTML(stats(runtime), label="stats", elem_id="store-stats", padding=False)
    with gr.Row():
        again = gr.Button("Re-ingest the guides", elem_id="reingest", variant="primary", size="sm", scale=0,
                          min_width=200)
        refresh = gr.Button("Refresh", elem_id="stats-refresh", size="sm", scale=0, min_width=120)
    report = gr.Markdown(label="report", show_label=False, elem_id="ingest-report")

    def on_reingest(progress=gr.Progress(track_tqdm=True)):
        return reingest(runtime, progress)

    refresh.click(partial(stats, runtime), None, panel, api_name="stats")
    again.click(on_reingest, None, [report, panel], api_name="reingest")
    return panel
