"""The careerbot web app: three tabs (Chat, My plan, About the guides) in one Gradio Blocks, and its launch."""

from __future__ import annotations

import ipaddress
from functools import partial

import ui  # noqa: F401  (offline environment and Gradio analytics off before gradio is imported)
import gradio as gr

from agent.service import Careerbot
from ui.chat import FOCUS_BOX, chat_tab, restore
from ui.guides import guides_tab, stats
from ui.plan import DOWNLOADS, plan_tab, wire_prefill
from ui.session import server_key, storage_secret
from ui.style import CSS, THEME

HEADER = ("# careerbot\nCareer advice for aspiring ML engineers, answered from the career guides with "
          "citations, fully offline.")


def build_app(bot: Careerbot, allow_reingest: bool = True) -> gr.Blocks:
    """The Blocks for one Careerbot. Each browser keeps its own conversation: a signed token for its
    thread in localStorage (BrowserState), the thread id in a per-page gr.State, the turns in the
    Careerbot's checkpoint store. `allow_reingest` False leaves /reingest unregistered."""
    key = server_key(bot.runtime.settings, bot.runtime.data_dir)
    with gr.Blocks(title="careerbot", fill_width=False, delete_cache=(3600, 24 * 3600)) as demo:
        stored = gr.BrowserState(None, storage_key="careerbot-conversation", secret=storage_secret(key))
        thread = gr.State(None)
        gr.Markdown(HEADER, elem_id="header")
        with gr.Tabs():
            with gr.Tab("Chat", id="chat", elem_id="tab-chat"):
                chat = chat_tab(bot, key, thread, stored)
            with gr.Tab("My plan", id="plan", elem_id="tab-plan"):
                plan = plan_tab()
            with gr.Tab("About the guides", id="guides", elem_id="tab-guides"):
                stats_panel = guides_tab(bot.runtime, allow_reingest)
        loaded = demo.load(partial(restore, bot, key), stored,
                           [thread, chat.chatbot, chat.records, chat.sources, chat.textbox, stored],
                           api_visibility="private")
        loaded = loaded.then(None, js=FOCUS_BOX, api_visibility="private")
        wire_prefill(bot, plan, thread, [loaded, *chat.turns])
        demo.load(partial(stats, bot.runtime), None, stats_panel, api_visibility="private")
    demo.queue(default_concurrency_limit=bot.runtime.settings.concurrency)
    return demo


def reingest_allowed(host: str, auth: tuple[str, str] | None) -> bool:
    """Re-ingest rewrites the store for everyone: offered with a login, or on a loopback-only server."""
    if auth:
        return True
    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def launch(demo: gr.Blocks, host: str, port: int, auth: tuple[str, str] | None = None, **kwargs):
    """Start the server (never share=True). kwargs go to Blocks.launch (prevent_thread_lock, quiet)."""
    return demo.launch(server_name=host, server_port=port, share=False, auth=auth, theme=THEME, css=CSS,
                       footer_links=["api", "settings"], run_history=False, allowed_paths=[str(DOWNLOADS)],
                       show_error=False, **kwargs)
