"""The Chat tab: one streamed, verified turn at a time, per browser conversation.

The conversation's thread id lives only on the server (a gr.State per page); the browser keeps a
signed token for it (ui.session), so an API caller can never name someone else's thread. Each
answer's citations are kept by chat position (`records`), so Sources can show any answer's passages."""

from __future__ import annotations

import logging
from contextlib import closing
from dataclasses import dataclass
from functools import partial
from typing import Any, Iterator

import gradio as gr

from agent.replies import STARTERS
from agent.service import Careerbot, EmptyMessage, prepare_message
from ui import render
from ui.session import new_thread, sign, verify

log = logging.getLogger(__name__)

PLACEHOLDER = "Ask a question, or describe yourself and ask for a plan…"
BUSY = ("Answering… Press **Stop** to cancel. You can type your next message meanwhile: it stays in the box "
        "until you send it.")
FOCUS_BOX = """() => { const box = document.querySelector('#message textarea');
  const here = document.activeElement;
  if (box && (!here || here === document.body || here.closest('#message'))) box.focus(); }"""
SCROLL_TO_SOURCE = """() => { const id = decodeURIComponent(location.hash.slice(1));
  const target = id.startsWith('source-') && document.getElementById(id);
  if (target) target.scrollIntoView({block: 'nearest'}); }"""


def send_box() -> gr.Textbox:
    """The message box's update when no turn runs: Send shown (the text typed meanwhile is kept)."""
    return gr.Textbox(submit_btn="Send", stop_btn=False)


def stop_box() -> gr.Textbox:
    """The box's update while a turn runs: emptied, and Stop instead of Send."""
    return gr.Textbox(value="", submit_btn=False, stop_btn="Stop")


def text_of(message: dict) -> str:
    """A chat message's text, whether Gradio hands it over as a string or as content parts."""
    content = message.get("content")
    if isinstance(content, str):
        return content
    return "".join(part.get("text", "") for part in content or [] if isinstance(part, dict))


def plain(history: list[dict] | None) -> list[dict]:
    return [{"role": m["role"], "content": text_of(m)} for m in history or []]


def respond(bot: Careerbot, message: str, history: list[dict], thread_id: str | None,
            records: dict | None) -> Iterator[tuple]:
    """Stream one turn into the chat. Yields (chat, sources, details, textbox, status, records,
    thread) updates: the status line and where the passages come from at once, the draft as tokens
    come, then the verified answer with its sources."""
    history, records = plain(history), dict(records or {})
    thread_id = thread_id or new_thread()
    if not (message or "").strip():
        yield history, gr.skip(), gr.skip(), "", gr.skip(), gr.skip(), thread_id
        return
    try:
        shown, trim_notice = prepare_message(message, bot.runtime.settings.max_message_chars)
    except EmptyMessage as error:  # "???": no word to answer, said in the chat
        history += [{"role": "user", "content": render.user_message(message[:200])},
                    {"role": "assistant", "content": render.escape_markdown(str(error))}]
        yield history, gr.skip(), gr.skip(), "", gr.skip(), {**records, len(history) - 1: {"citations": []}}, thread_id
        return
    history.append({"role": "user", "content": render.user_message(shown, trim_notice)})
    reply = {"role": "assistant", "content": render.pending_message("Thinking…")}
    history.append(reply)
    key = len(history) - 1
    records.pop(key, None)
    yield history, gr.skip(), gr.skip(), stop_box(), BUSY, records, thread_id
    status, draft, found = "Thinking…", "", []
    try:
        with closing(bot.stream(message, thread_id)) as events:  # closed early: the model stops
            for event in events:
                if event["type"] == "status":
                    status, found = event["text"], event.get("found") or found
                elif event["type"] == "token":
                    draft += event["text"]
                else:
                    answer = event["answer"].to_json()
                    reply["content"] = render.answer_message(answer, key)
                    records[key] = {"citations": answer["citations"]}
                    yield (history, render.sources_html(answer["citations"], key), answer, send_box(), "", records,
                           thread_id)
                    return
                reply["content"] = render.pending_message(status, draft, found)
                yield history, gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
    except EmptyMessage as error:
        reply["content"] = render.escape_markdown(str(error))
    except Exception as error:  # any backend failure becomes a message in the chat, never a traceback
        log.exception("chat turn failed (thread %s)", thread_id)
        reply["content"] = render.error_message(error)
    records[key] = {"citations": []}
    yield history, gr.skip(), gr.skip(), send_box(), "", records, thread_id


def after_turn(history: list[dict], records: dict | None) -> tuple:
    """Runs after every turn, finished or stopped: a stopped turn's bubble says so, and Send is back."""
    history, records = plain(history), dict(records or {})
    key = len(history) - 1
    if history and history[-1]["role"] == "assistant" and key not in records:
        history[-1]["content"] = render.stopped_message(history[-1]["content"])
        records[key] = {"citations": []}
        return history, send_box(), "", records
    return gr.skip(), send_box(), "", gr.skip()


def retry(bot: Careerbot, history: list[dict], thread_id: str, records: dict, data: gr.RetryData) -> Iterator[tuple]:
    """Ask the message at data.index again (the answer after it is replaced)."""
    history = plain(history)
    message = render.unescape_markdown(history[data.index]["content"])
    yield from respond(bot, message, history[: data.index], thread_id, records)


def starter(bot: Careerbot, history: list[dict], thread_id: str, records: dict,
            data: gr.SelectData) -> Iterator[tuple]:
    """A suggested question clicked in the empty chat."""
    yield from respond(bot, data.value["text"], history, thread_id, records)


def show_sources(history: list[dict], records: dict | None, data: gr.SelectData) -> str:
    """A click on an answer (or on one of its [n] links): the Sources panel shows that answer's passages."""
    index = data.index[0] if isinstance(data.index, (list, tuple)) else data.index
    record = (records or {}).get(index) if isinstance(index, int) else None
    if not record or not record.get("citations"):
        return gr.skip()
    return render.sources_html(record["citations"], index, latest=index == len(history or []) - 1)


def restore(bot: Careerbot, key: bytes, token: Any) -> tuple:
    """On page load: this browser's conversation (its signed token from localStorage), or a new one.
    Returns (thread, chat, records, sources, textbox, token). The message box opens only now, so no
    turn starts before the thread is known. A bare or forged token opens a new conversation."""
    thread_id = verify(token, key) or new_thread()
    try:
        turns = bot.history(thread_id)
    except Exception:  # a conversation that cannot be read must not stop the page from loading
        log.exception("cannot restore conversation %s", thread_id)
        turns = []
    messages, records = [], {}
    for key_, turn in enumerate(turns):
        record = turn.get("record")
        if turn["role"] == "assistant":
            records[key_] = {"citations": (record or {}).get("citations") or []}
        if record is not None:
            messages.append({"role": "assistant",
                             "content": render.answer_message({**record, "answer": turn["content"]}, key_)})
        else:
            messages.append({"role": turn["role"], "content": render.escape_markdown(turn["content"])})
    last = max((k for k, r in records.items() if r["citations"]), default=None)
    sources = render.sources_html(records[last]["citations"], last) if last is not None else render.sources_html([])
    return (thread_id, messages, records, sources, gr.Textbox(interactive=True, placeholder=PLACEHOLDER),
            sign(thread_id, key))


def clear(key: bytes) -> tuple:
    """A new conversation: a fresh thread id (the old one stays in the checkpoint store)."""
    thread_id = new_thread()
    return thread_id, [], {}, render.sources_html([]), None, sign(thread_id, key)


@dataclass
class ChatTab:
    chatbot: gr.Chatbot
    textbox: gr.Textbox
    records: gr.State
    sources: gr.HTML
    turns: list  # the events that end a turn, for the app to chain the plan form's pre-fill on


def chat_tab(bot: Careerbot, key: bytes, thread: gr.State, stored: gr.BrowserState) -> ChatTab:
    """Build the tab's components inside the current Blocks context and wire its events."""
    records = gr.State({})
    with gr.Row(equal_height=False, elem_classes="cb-chat-row"):
        with gr.Column(scale=3, min_width=300):
            chatbot = gr.Chatbot(
                label="Conversation", show_label=False, elem_id="chatbot", height=560, sanitize_html=True,
                render_markdown=True, buttons=["copy", "copy_all"], feedback_options=None, layout="bubble",
                examples=[{"text": s} for s in STARTERS],
                placeholder="**Ask about becoming an ML engineer.** Answers come from four career guides, "
                            "with citations you can check in the Sources panel.")
            textbox = gr.Textbox(placeholder="Loading your conversation…", label="Message", show_label=False,
                                 interactive=False, elem_id="message", lines=1, max_lines=6, submit_btn="Send")
            status = gr.Markdown("", elem_id="turn-status")
            with gr.Row(elem_classes="cb-chat-foot"):
                gr.Markdown("Answers are checked sentence by sentence against the guides; [n] links to the "
                            "passage in Sources. Click an answer to see its sources.", elem_classes="cb-hint")
                new = gr.Button("New conversation", elem_id="new-conversation", size="sm", scale=0,
                                min_width=160)
        with gr.Column(scale=2, min_width=280):
            sources = gr.HTML(render.sources_html([]), elem_id="sources", padding=False)  # scrolls itself
            show = bot.runtime.settings.show_details
            with gr.Accordion("Answer details (JSON)", open=False, visible=show):
                details = gr.JSON(label="Answer", elem_id="answer-json", visible=show)

    def on_retry(history: list[dict], thread_id: str, records_: dict, data: gr.RetryData):
        yield from retry(bot, history, thread_id, records_, data)

    def on_starter(history: list[dict], thread_id: str, records_: dict, data: gr.SelectData):
        yield from starter(bot, history, thread_id, records_, data)

    def on_select(history: list[dict], records_: dict, data: gr.SelectData):
        return show_sources(history, records_, data)

    outputs = [chatbot, sources, details, textbox, status, records, thread]
    quiet = {"show_progress": "hidden", "api_visibility": "private"}
    turns = [
        textbox.submit(partial(respond, bot), [textbox, chatbot, thread, records], outputs, api_name="chat",
                       show_progress="hidden"),
        chatbot.retry(on_retry, [chatbot, thread, records], outputs, **quiet),
        chatbot.example_select(on_starter, [chatbot, thread, records], outputs, **quiet),
    ]
    textbox.stop(None, None, None, cancels=turns, api_visibility="private")
    ended = [turn.then(after_turn, [chatbot, records], [chatbot, textbox, status, records], **quiet)
             .then(None, js=FOCUS_BOX, **quiet) for turn in turns]
    chatbot.select(on_select, [chatbot, records], sources, **quiet).then(None, js=SCROLL_TO_SOURCE, **quiet)
    reset = [thread, chatbot, records, sources, details, stored]
    new.click(partial(clear, key), None, reset, api_visibility="private")
    chatbot.clear(partial(clear, key), None, reset, api_visibility="private")
    return ChatTab(chatbot=chatbot, textbox=textbox, records=records, sources=sources, turns=ended)
