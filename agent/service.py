"""careerbot's front door for the UI and the CLI: validate a message, run the graph, stream events."""

from __future__ import annotations

import logging
import re
import threading
import time
import uuid
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Iterator

from agent.citations import citations
from agent.graph import build_graph
from agent.guards.redact import redact
from agent.nodes.deps import Deps
from agent.retrieval.query import clean_text
from agent.plan import Plan
from agent.plan.progress import ProgressError, current_plan, mark, new_progress
from agent.runtime import Runtime
from agent.state import new_turn
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


@dataclass
class PlanView:
    """A conversation's plan today: the plan, the marks it was re-planned from, the day month 1 starts."""

    plan: Plan
    progress: dict[str, Any]
    start: date


def prepare_message(text: str | None, max_chars: int) -> tuple[str, str]:
    """The cleaned message and a notice when it had to be trimmed. Raises EmptyMessage."""
    message = redact(clean_text(text or ""))  # a key pasted into the chat is not stored either
    if not re.search(r"\w", message):
        raise EmptyMessage("Your message is empty: ask a question about becoming an ML engineer.")
    if len(message) <= max_chars:
        return message, ""
    trimmed = message[:max_chars].rsplit(" ", 1)[0]
    if not re.search(r"\w", trimmed):  # "{{{{…" then a question at character 5 000: nothing to read
        raise EmptyMessage(f"Your message has no words in its first {max_chars:,} characters: ask a shorter question.")
    return trimmed, f"Your message was {len(message):,} characters; I read the first {max_chars:,}."


class StopRequests:
    """Turn ids whose reader went away; the compose node checks it between tokens. Thread-safe, and
    bounded: only the latest stops are kept (a turn checks within a token of being stopped)."""

    KEEP = 1000

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._turns: dict[str, None] = {}

    def add(self, turn_id: str) -> None:
        with self._lock:
            self._turns[turn_id] = None
            while len(self._turns) > self.KEEP:
                del self._turns[next(iter(self._turns))]

    def __contains__(self, turn_id: object) -> bool:
        with self._lock:
            return turn_id in self._turns


class Careerbot:
    """One per process. Conversations are LangGraph threads, checkpointed in SQLite (or PostgreSQL,
    shared by replicas: agent/checkpoint.py), so they survive a restart and never mix: each turn
    runs with its caller's `thread_id`."""

    def __init__(self, runtime: Runtime | None = None, use_llm: bool = True, llm=None) -> None:
        """`llm` injects a backend or any LangChain `BaseChatModel` (ChatOllama, ChatOpenAI, a user's
        own: tests, embedding careerbot in another app); by default the runtime's configured one is
        loaded on first use. Either way the nodes reach it as a chat model (agent/llm/chat_model.py)."""
        self.runtime = runtime or Runtime()
        self.use_llm = use_llm
        self.llm = llm
        self._lock = threading.Lock()
        self._graph = None
        self._deps: Deps | None = None
        self._stops = StopRequests()

    @property
    def graph(self):
        """The compiled graph, with the parts its runs need (`deps`) built first: the retriever and
        the model load here (`serve` warms them this way), not on the first question."""
        self.deps  # noqa: B018
        return self._compiled()

    @property
    def deps(self) -> Deps:
        """What every run of the graph gets as its context: settings, retriever, model, stop requests."""
        with self._lock:
            if self._deps is None:
                self._deps = self._build_deps()
            return self._deps

    def _build_deps(self) -> Deps:
        settings = self.runtime.settings
        if self.llm is not None or not self.use_llm:
            llm, llm_error = self.llm, None
        else:
            llm, llm_error = self.runtime.llm_or_error()
        if llm is not None:  # the LangChain adapter (langchain_core's chat models) only when there is a model
            from agent.llm.chat_model import as_backend

            llm = as_backend(llm, settings.llm_max_tokens, settings.llm_temperature)
        return Deps(settings=settings, retriever=self.runtime.retriever, llm=llm, llm_error=llm_error,
                    stops=self._stops)

    @property
    def state_graph(self):
        """The same compiled graph without building `deps`: for reading and writing a conversation's
        state only (the My plan tab, `careerbot plan --thread`), which needs neither retriever nor model."""
        return self._compiled()

    def _compiled(self):
        with self._lock:
            if self._graph is None:
                self._graph = build_graph(self.runtime.checkpointer())
            return self._graph

    def stream(self, text: str, thread_id: str | None = None, callbacks: list | None = None) -> Iterator[dict[str, Any]]:
        """Events: {"type": "status", "text", "found"} ("found": the headings the passages come
        from, known before the model's first word), {"type": "token", "text"}, then one {"type": "answer",
        "answer": Answer}. Raises EmptyMessage for an empty message. Closing the stream early (the
        web user pressed Stop) stops the model generating for this turn. `callbacks` (LangChain
        callback handlers) see the run, the model's tokens included."""
        started = time.perf_counter()
        message, trim_notice = prepare_message(text, self.runtime.settings.max_message_chars)
        thread_id = thread_id or uuid.uuid4().hex
        yield {"type": "status", "text": "Thinking…", "found": []}
        turn = new_turn(message, trim_notice)
        turn_id = uuid.uuid4().hex
        config = {"configurable": {"thread_id": thread_id, "turn_id": turn_id}, "callbacks": callbacks or []}
        final: dict[str, Any] = {}
        # Held in a name: were the loop's own reference the only one, leaving the loop would close
        # the graph's stream (which waits for the running node) before the stop below is recorded.
        graph, deps = self.graph, self.deps
        steps = graph.stream(turn, config, stream_mode=["custom", "values"], context=deps)
        try:
            for mode, payload in steps:
                if mode == "values":
                    final = payload
                elif "token" in payload:
                    yield {"type": "token", "text": payload["token"]}
                elif "status" in payload:
                    yield {"type": "status", "text": payload["status"], "found": payload.get("found") or []}
        except GeneratorExit:
            self._stops.add(turn_id)  # first, so the compose node sees it at its next token…
            steps.close()  # …then wait for the graph to wind down
            raise
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

    def plan(self, thread_id: str, today: date | None = None) -> PlanView | None:
        """The conversation's plan as it stands today (re-planned from its progress), or None."""
        values = self.state_graph.get_state({"configurable": {"thread_id": thread_id}}).values or {}
        if not values.get("plan_facts"):
            return None
        today = today or date.today()
        progress = values.get("progress") or new_progress(today)
        plan, start = current_plan(values["plan_facts"], progress, today)
        return PlanView(plan=plan, progress=progress, start=start or date.fromisoformat(progress["started"]))

    def mark_progress(self, thread_id: str, skill: str, status: str, today: date | None = None) -> PlanView:
        """Mark a skill of the conversation's plan done / in_progress / skipped / todo, keep it in the
        checkpointed state, and return the re-planned plan. Raises ProgressError (one line)."""
        config = {"configurable": {"thread_id": thread_id}}
        values = self.state_graph.get_state(config).values or {}
        if not values.get("plan_facts"):
            raise ProgressError("this conversation has no plan yet: ask for one in the chat first")
        today = today or date.today()
        progress = mark(values.get("progress") or new_progress(today), skill, status)
        self.state_graph.update_state(config, {"progress": progress}, as_node="respond")
        return self.plan(thread_id, today)

    @staticmethod
    def _answer(state: dict[str, Any], thread_id: str, timings: dict[str, float]) -> Answer:
        return Answer(answer=state.get("answer", ""), route=state.get("route", ""), citations=citations(state),
                      sentences=state.get("sentences") or [], grounded=state.get("grounded", 1.0), timings=timings,
                      notice=state.get("notice") or "", fallback=bool(state.get("fallback")), plan=state.get("plan"),
                      thread_id=thread_id)
