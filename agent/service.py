"""careerbot's front door for the UI and the CLI: validate a message, run the graph, stream events."""

from __future__ import annotations

import logging
import re
import sqlite3
import threading
import time
import uuid
from dataclasses import asdict, dataclass, field
from typing import Any, Iterator

from agent.graph import build_graph
from agent.nodes import Deps
from agent.retrieval.query import clean_text
from agent.runtime import Runtime
from ingest.text import citations as cited_numbers

log = logging.getLogger(__name__)


class EmptyMessage(ValueError):
    """Nothing to answer."""


@dataclass
class Answer:
    """One answered turn; `to_json` is the stable `careerbot ask --json` contract."""

    answer: str
    route: str
    citations: list[dict[str, Any]] = field(default_factory=list)
    sentences: list[dict[str, Any]] = field(default_factory=list)
    grounded: float = 1.0
    timings: dict[str, float] = field(default_factory=dict)
    notice: str = ""
    fallback: bool = False
    plan: dict[str, Any] | None = None
    thread_id: str = ""

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["grounded"] = round(self.grounded, 4)
        data["timings"] = {k: round(v, 1) for k, v in self.timings.items()}
        return data


def prepare_message(text: str | None, max_chars: int) -> tuple[str, str]:
    """The cleaned message and a notice when it had to be trimmed. Raises EmptyMessage."""
    message = clean_text(text or "")
    if not re.search(r"\w", message):
        raise EmptyMessage("Your message is empty: ask a question about becoming an ML engineer.")
    if len(message) <= max_chars:
        return message, ""
    return message[:max_chars].rsplit(" ", 1)[0], (
        f"Your message was {len(message):,} characters; I read the first {max_chars:,}.")


class Careerbot:
    """One per process. Conversations are LangGraph threads, checkpointed in SQLite, so they
    survive a restart and never mix: each turn runs with its caller's `thread_id`."""

    def __init__(self, runtime: Runtime | None = None, use_llm: bool = True, llm=None) -> None:
        """`llm` injects a backend (tests, embedding careerbot in another app); by default the
        runtime's configured one is loaded on first use."""
        self.runtime = runtime or Runtime()
        self.use_llm = use_llm
        self.llm = llm
        self._lock = threading.Lock()
        self._graph = None

    @property
    def graph(self):
        with self._lock:
            if self._graph is None:
                self._graph = self._build()
            return self._graph

    def _build(self):
        from langgraph.checkpoint.sqlite import SqliteSaver

        from agent.plan.tool import build_learning_plan

        settings = self.runtime.settings
        if self.llm is not None or not self.use_llm:
            llm, llm_error = self.llm, None
        else:
            llm, llm_error = self.runtime.llm_or_error()
        deps = Deps(settings=settings, retriever=self.runtime.retriever, llm=llm, plan_tool=build_learning_plan,
                    llm_error=llm_error)
        settings.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        connection = sqlite3.connect(settings.data_dir / "conversations.sqlite", check_same_thread=False)
        return build_graph(deps, SqliteSaver(connection))

    def stream(self, text: str, thread_id: str | None = None) -> Iterator[dict[str, Any]]:
        """Events: {"type": "status", "text"}, {"type": "token", "text"}, then one
        {"type": "answer", "answer": Answer}. Raises EmptyMessage for an empty message."""
        started = time.perf_counter()
        message, trim_notice = prepare_message(text, self.runtime.settings.max_message_chars)
        thread_id = thread_id or uuid.uuid4().hex
        yield {"type": "status", "text": "Thinking…"}
        turn = {"message": message, "notice": trim_notice, "passages": [], "draft": "", "answer": "",
                "sentences": [], "grounded": 1.0, "fallback": False, "plan": None, "timings": {}, "query": "",
                "gap": "", "composed": "", "points": [], "limit": ""}
        config = {"configurable": {"thread_id": thread_id}}
        final: dict[str, Any] = {}
        for mode, payload in self.graph.stream(turn, config, stream_mode=["custom", "values"]):
            if mode == "custom":
                if "token" in payload:
                    yield {"type": "token", "text": payload["token"]}
                elif "status" in payload:
                    yield {"type": "status", "text": payload["status"]}
            else:
                final = payload
        timings = dict(final.get("timings") or {})
        timings["total_ms"] = (time.perf_counter() - started) * 1000
        yield {"type": "answer", "answer": self._answer(final, thread_id, timings)}

    def ask(self, text: str, thread_id: str | None = None) -> Answer:
        return next(event["answer"] for event in self.stream(text, thread_id) if event["type"] == "answer")

    def history(self, thread_id: str) -> list[dict[str, str]]:
        snapshot = self.graph.get_state({"configurable": {"thread_id": thread_id}})
        return list((snapshot.values or {}).get("turns", []))

    def profile(self, thread_id: str) -> dict[str, Any]:
        snapshot = self.graph.get_state({"configurable": {"thread_id": thread_id}})
        return dict((snapshot.values or {}).get("profile") or {})

    @staticmethod
    def _answer(state: dict[str, Any], thread_id: str, timings: dict[str, float]) -> Answer:
        passages = state.get("passages") or []
        cited = set(cited_numbers(state.get("answer", "")))
        citations = [{"n": n, "source": p["source"], "title": p["title"], "section": p["section"],
                      "text": p["text"], "score": p["score"], "cited": n in cited}
                     for n, p in enumerate(passages, 1)] if state.get("route") == "question" else []
        return Answer(answer=state.get("answer", ""), route=state.get("route", ""), citations=citations,
                      sentences=state.get("sentences") or [], grounded=state.get("grounded", 1.0), timings=timings,
                      notice=state.get("notice") or "", fallback=bool(state.get("fallback")), plan=state.get("plan"),
                      thread_id=thread_id)
