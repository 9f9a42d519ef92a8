"""The Chat tab: one streamed, verified turn at a time, per browser conversation (thread_id)."""

from __future__ import annotations

import logging
import re
import uuid
from dataclasses import dataclass
from functools import partial
from typing import Any, Iterator

import gradio as gr

from agent.replies import STARTERS
from agent.service import Careerbot, EmptyMessage
from ui import render

log = logging.getLogger(__name__)

THREAD_ID = re.compile(r"^[0-9a-f]{32}$")
PLACEHOLDER = "Ask a question, or describe yourself and ask for a plan…"


def new_thread() -> str:
    return uuid.uuid4().hex


def valid_thread(value: Any) -> str | None:
    """A stored thread id, if it looks like one we made (localStorage is user-editable)."""
    return value if isinstance(value, str) and THREAD_ID.match(value) else None


def text_of(message: dict) -> str:
    """A chat message's text, whether Gradio hands it over as a string or as content parts."""
    content = message.get("content")
    if isinstance(content, str):
        return content
    return "".join(part.get("text", "") for part in content or [] if isinstance(part, dict))


def plain(history: list[dict] | None) -> list[dict]:
    return [{"role": m["role"], "content": text_of(m)} for m in history or []]


def respond(bot: Careerbot, message: str, history: list[dict], thread_id: str) -> Iterator[tuple]:
    """Stream one turn into the chat. Yields (chat, sources, details, textbox) updates: the status
    line, the draft as tokens come, then the verified answer with its sources."""
    history = plain(history)
    if not (message or "").strip():
        yield history, gr.skip(), gr.skip(), ""
        return
    thread_id = valid_thread(thread_id) or new_thread()
    history.append({"role": "user", "content": render.user_message(message)})
    reply = {"role": "assistant", "content": render.pending_message("Thinking…")}
    history.append(reply)
    yield history, gr.skip(), gr.skip(), ""
    status, draft = "Thinking…", ""
    try:
        for event in bot.stream(message, thread_id):
            if event["type"] == "status":
                status = event["text"]
            elif event["type"] == "token":
                draft += event["text"]
            else:
                answer = event["answer"].to_json()
                reply["content"] = render.answer_message(answer)
                yield history, render.sources_html(answer["citations"]), answer, ""
                return
            reply["content"] = render.pending_message(status, draft)
            yield history, gr.skip(), gr.skip(), ""
    except EmptyMessage as error:
        reply["content"] = render.escape_markdown(str(error))
    except Exception as error:  # any backend failure becomes a message in the chat, never a traceback
        log.exception("chat turn failed (thread %s)", thread_id)
        reply["content"] = render.error_message(error)
    yield history, gr.skip(), gr.skip(), ""


def retry(bot: Careerbot, history: list[dict], thread_id: str, data: gr.RetryData) -> Iterator[tuple]:
    """Ask the message at data.index again (the answer after it is replaced)."""
    history = plain(history)
    message = render.unescape_markdown(history[data.index]["content"])
    yield from respond(bot, message, history[: data.index], thread_id)


def starter(bot: Careerbot, history: list[dict], thread_id: str, data: gr.SelectData) -> Iterator[tuple]:
    """A suggested question clicked in the empty chat."""
    yield from respond(bot, data.value["text"], history, thread_id)


def restore(bot: Careerbot, stored: Any) -> tuple[str, list[dict], str, dict]:
    """On page load: this browser's conversation (thread id kept in localStorage), or a new one.
    The message box opens only now, so no turn can start before its thread id is known."""
    thread_id = valid_thread(stored) or new_thread()
    try:
        turns = bot.history(thread_id)
    except Exception:  # a conversation that cannot be read must not stop the page from loading
        log.exception("cannot restore conversation %s", thread_id)
        turns = []
    messages = [{"role": t["role"], "content": render.escape_markdown(t["content"])} for t in turns]
    return thread_id, messages, thread_id, gr.Textbox(interactive=True, placeholder=PLACEHOLDER)


def clear() -> tuple[str, list, str, None, str]:
    """A new conversation: a fresh thread id (the old one stays in the checkpoint store)."""
    thread_id = new_thread()
    return thread_id, [], render.sources_html([]), None, thread_id


@dataclass
class ChatTab:
    chatbot: gr.Chatbot
    textbox: gr.Textbox
    turns: list  # the events that end a turn, for the app to chain the plan form's pre-fill on


def chat_tab(bot: Careerbot, thread: gr.Textbox, stored: gr.BrowserState) -> ChatTab:
    """Build the tab's components inside the current Blocks context and wire its events."""
    with gr.Row(equal_height=False):
        with gr.Column(scale=3, min_width=360):
            chatbot = gr.Chatbot(
                label="careerbot", elem_id="chatbot", height=560, sanitize_html=True, render_markdown=True,
                buttons=["copy", "copy_all"], feedback_options=None, layout="bubble",
                examples=[{"text": s} for s in STARTERS],
                placeholder="**Ask about becoming an ML engineer.** Answers come from four career guides, "
                            "with citations you can check in the Sources panel.")
            textbox = gr.Textbox(placeholder="Loading your conversation…", label="message", show_label=False,
                                 interactive=False, elem_id="message", lines=1, max_lines=6, autofocus=True,
                                 submit_btn=True)
            with gr.Row():
                gr.Markdown("Answers are checked sentence by sentence against the guides; [n] links to the "
                            "passage in Sources.", elem_classes="cb-hint")
                new = gr.Button("New conversation", elem_id="new-conversation", size="sm", scale=0,
                                min_width=160)
        with gr.Column(scale=2, min_width=300):
            sources = gr.HTML(render.sources_html([]), label="sources", elem_id="sources", max_height=640,
                              padding=False)
            with gr.Accordion("Answer details (JSON)", open=False):
                details = gr.JSON(label="Answer", elem_id="answer-json")

    def on_retry(history: list[dict], thread_id: str, data: gr.RetryData):
        yield from retry(bot, history, thread_id, data)

    def on_starter(history: list[dict], thread_id: str, data: gr.SelectData):
        yield from starter(bot, history, thread_id, data)

    outputs = [chatbot, sources, details, textbox]
    turns = [
        textbox.submit(partial(respond, bot), [textbox, chatbot, thread], outputs, api_name="chat",
                       show_progress="hidden"),
        chatbot.retry(on_retry, [chatbot, thread], outputs, api_visibility="private",
                      show_progress="hidden"),
        chatbot.example_select(on_starter, [chatbot, thread], outputs, api_visibility="private",
                               show_progress="hidden"),
    ]
    reset = [thread, chatbot, sources, details, stored]
    new.click(clear, None, reset, api_visibility="private")
    chatbot.clear(clear, None, reset, api_visibility="private")
    return ChatTab(chatbot=chatbot, textbox=textbox, turns=turns)
