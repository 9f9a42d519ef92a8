"""The careerbot web app: three tabs (Chat, My plan, About the guides) in one Gradio Blocks, and its launch."""

from __future__ import annotations

import secrets
from functools import partial
from pathlib import Path

import ui  # noqa: F401  (offline environment and Gradio analytics off before gradio is imported)
import gradio as gr

from agent.service import Careerbot
from ui.chat import chat_tab, restore
from ui.guides import guides_tab, stats
from ui.plan import DOWNLOADS, plan_tab, wire_prefill
from ui.style import CSS

THEME = gr.themes.Soft(primary_hue="indigo", neutral_hue="slate",
                       font=["system-ui", "sans-serif"], font_mono=["ui-monospace", "monospace"])
HEADER = ("## careerbot\nCareer advice for aspiring ML engineers, answered from the career guides with "
          "citations, fully offline.")


def build_app(bot: Careerbot) -> gr.Blocks:
    """The Blocks for one Careerbot. Each browser keeps its own conversation: its thread id lives in
    localStorage (BrowserState) and the turns in the Careerbot's checkpoint store."""
    with gr.Blocks(title="careerbot", fill_width=False, delete_cache=(3600, 24 * 3600)) as demo:
        secret = browser_secret(bot.runtime.settings.data_dir)
        stored = gr.BrowserState(None, storage_key="careerbot-thread", secret=secret)
        thread = gr.Textbox(label="thread_id", visible=False, elem_id="thread-id")
        gr.Markdown(HEADER, elem_id="header")
        with gr.Tabs():
            with gr.Tab("Chat", id="chat", elem_id="tab-chat"):
                chat = chat_tab(bot, thread, stored)
            with gr.Tab("My plan", id="plan", elem_id="tab-plan"):
                plan = plan_tab()
            with gr.Tab("About the guides", id="guides", elem_id="tab-guides"):
                stats_panel = guides_tab(bot.runtime)
        loaded = demo.load(partial(restore, bot), stored, [thread, chat.chatbot, stored, chat.textbox],
                         api_visibility="private")
        wire_prefill(bot, plan, thread, [loaded, *chat.turns])
        demo.load(partial(stats, bot.runtime), None, stats_panel, api_visibility="private")
    demo.queue(default_concurrency_limit=bot.runtime.settings.concurrency)
    return demo


def browser_secret(data_dir: Path) -> str:
    """The key BrowserState encrypts the thread id with, kept in the data dir so conversations
    survive a server restart (Gradio's default is a new random key per start)."""
    path = data_dir / "ui-secret"
    try:
        return path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        secret = secrets.token_urlsafe(24)
        path.touch(mode=0o600)
        path.write_text(secret, encoding="utf-8")
        return secret


def launch(demo: gr.Blocks, host: str, port: int, auth: tuple[str, str] | None = None, **kwargs):
    """Start the server (never share=True). kwargs go to Blocks.launch (prevent_thread_lock, quiet)."""
    return demo.launch(server_name=host, server_port=port, share=False, auth=auth, theme=THEME, css=CSS,
                       footer_links=["api", "settings"], run_history=False, allowed_paths=[str(DOWNLOADS)],
                       show_error=False, **kwargs)
