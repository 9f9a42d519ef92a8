"""The graph's nodes: each a small function of the state (plus the shared parts in `Deps`)."""

from __future__ import annotations

import logging
import re
import time
from dataclasses import asdict, dataclass
from datetime import date

from langgraph.config import get_config, get_stream_writer
from pydantic import ValidationError

from agent import replies
from agent.citations import turn_record
from agent.grounding import extractive_answer, select_evidence, verify_answer
from agent.language import is_english, search_text
from agent.llm import ChatBackend, LLMUnavailable, Message
from agent.llm.backend import complete
from agent.plan import extract_profile_facts, merge_facts, missing_fields, to_dict, to_markdown
from agent.plan.edits import apply_edit, is_edit, plan_diff
from agent.plan.progress import current_plan, new_progress
from agent.prompts import CONDENSE_PROMPT, SYSTEM_PROMPT, question_prompt
from agent.retrieval import EmptyQuery, HybridRetriever, condense
from agent.retrieval.query import is_follow_up
from agent.guards import redact, scrub_contacts, trusted_contacts
from agent.router import classify, in_domain, strip_injection
from agent.scope import uncovered_topic
from agent.settings import Settings
from agent.plan.tool import one_line
from agent.state import ChatState
from ingest.store import StoreUnavailable

log = logging.getLogger(__name__)

# Above this top relevance the passages are on the question's topic: a decline from the model is
# not trusted there (measured: the not-covered probes all score below 0.55 and are caught by
# agent.scope first; questions the model wrongly declined scored 0.6+).
DECLINE_TRUSTED_BELOW = 0.5
NOT_COVERED_REPLY = re.compile(r"guides? (do not|don't|doesn't|does not) cover", re.IGNORECASE)


@dataclass
class Deps:
    """What nodes need besides the state. `llm` is None for extractive answers (--no-llm)."""

    settings: Settings
    retriever: HybridRetriever
    llm: ChatBackend | None
    llm_error: str | None = None  # why the configured LLM could not be loaded, shown once per answer
    stops: Any = frozenset()  # turn ids whose reader went away (Stop pressed): the model stops for them


def _emit(event: dict) -> None:
    try:
        get_stream_writer()(event)
    except RuntimeError:  # called outside a streaming run
        pass


def route(state: ChatState, deps: Deps) -> dict:
    message = state["message"]
    stated = extract_profile_facts(message)
    profile = merge_facts(state.get("profile") or {}, stated)
    kind = classify(message)
    update: dict = {"profile": profile, "route": kind}
    if not is_english(message):
        update["notice"] = _join(state.get("notice"), replies.NOT_ENGLISH_NOTICE)
    if kind == "injection":
        remainder = strip_injection(message)
        if remainder and classify(remainder) in ("question", "plan") and in_domain(remainder):
            update.update(route=classify(remainder), message=remainder, notice=replies.INJECTION_NOTICE)
    elif kind == "question" and state.get("awaiting_profile"):
        update["route"] = "plan"  # the answer to "how many hours a week?"
    elif kind == "question" and state.get("plan_facts") and is_edit(message):
        update["route"] = "plan"  # "make it 4 months", "skip the maths": an edit of the plan
    elif kind == "question" and state.get("route") == "plan" and {"hours_per_week", "months"} & stated.keys():
        update["route"] = "plan"  # "ok, 10 hours a week then" after a plan (or a refused one) adjusts it
    return update


def retrieve(state: ChatState, deps: Deps) -> dict:
    _emit({"status": "Searching the guides…"})
    started = time.perf_counter()
    message, history = search_text(state["message"]), state.get("queries") or []
    if not message:  # another language, and no English term to search with
        return {"route": "not_english", "query": "", "passages": []}
    try:
        query, passages = message, deps.retriever.search(message, k=deps.settings.top_k)
        if history and is_follow_up(message):
            # "is it still worth it?" may lean on the last question, or may not: search both ways
            # and keep whichever finds the more relevant passages.
            condensed = _condense_with_llm(message, history, deps) or condense(message, history)
            alternative = deps.retriever.search(condensed, k=deps.settings.top_k)
            if alternative and (not passages or alternative[0].score > passages[0].score):
                query, passages = condensed, alternative
    except StoreUnavailable as error:
        return {"route": "error", "query": message, "answer": f"I can't search the guides right now: {error}"}
    except EmptyQuery:  # nothing searchable left (symbols only): a friendly redirect, not an error
        return {"route": "off_topic", "query": message}
    update = {"query": query, "queries": [query], "passages": [p.to_json() for p in passages],
              "timings": {"retrieve_ms": (time.perf_counter() - started) * 1000}}
    if not passages or passages[0].score < deps.settings.min_relevance or all(p.quarantine for p in passages):
        update["route"] = ("not_english" if not is_english(state["message"])
                           else "not_covered" if in_domain(message) else "off_topic")
    elif gap := uncovered_topic(message, [p.text for p in passages]):
        update.update(route="not_covered", gap=gap)
    return update


def _condense_with_llm(message: str, history: list[str], deps: Deps) -> str | None:
    """The model's standalone rewrite of a follow-up, when configured (CAREERBOT_CONDENSE_WITH_LLM);
    None to use the rule-based condenser (default: the small model adds seconds, not accuracy)."""
    if not (deps.settings.condense_with_llm and deps.llm):
        return None
    prompt = CONDENSE_PROMPT.format(previous=history[-1], follow_up=message)
    try:
        rewrite = complete(deps.llm, [Message("system", SYSTEM_PROMPT), Message("user", prompt)], 60, 0.0)
    except LLMUnavailable:
        return None
    rewrite = rewrite.strip().strip('"').splitlines()[0] if rewrite.strip() else ""
    return rewrite if 2 <= len(rewrite.split()) <= 40 else None


def passage_texts(state: ChatState) -> list[str]:
    """What the model reads and what answers may quote: nothing of a passage quarantined at ingest
    (instructions planted in a document: agent.guards.injection), so numbering [n] still holds."""
    return ["" if p.get("quarantine") else p["text"] for p in state["passages"]]


def compose(state: ChatState, deps: Deps) -> dict:
    passages = state["passages"]
    question = state["query"]
    texts = passage_texts(state)
    _emit({"status": f"Reading {len(passages)} passages…",
           "found": list(dict.fromkeys(p["short_heading"] for p in passages))})
    timings = dict(state.get("timings") or {})
    started = time.perf_counter()
    if deps.llm is None:
        draft = extractive_answer(question, texts)
        return {"draft": draft, "timings": timings, "notice": _join(state.get("notice"), deps.llm_error)}
    evidence = [(p["short_heading"], sentences) for p, sentences in zip(passages, select_evidence(question, texts))]
    messages = [Message("system", SYSTEM_PROMPT), Message("user", question_prompt(question, evidence))]
    pieces: list[str] = []
    turn = get_config().get("configurable", {}).get("turn_id")
    try:
        for piece in deps.llm.stream(messages, deps.settings.llm_max_tokens, deps.settings.llm_temperature):
            if turn in deps.stops:  # leaving the loop closes the model's stream: it stops generating
                return {"draft": "".join(pieces).strip(), "timings": timings,
                        "notice": _join(state.get("notice"), replies.STOPPED_NOTICE)}
            if not pieces:
                timings["first_token_ms"] = (time.perf_counter() - started) * 1000
            pieces.append(piece)
            _emit({"token": piece})
    except LLMUnavailable as error:
        log.warning("LLM failed: %s", error)
        return {"draft": extractive_answer(question, texts), "timings": timings,
                "notice": _join(state.get("notice"), replies.llm_unavailable(error))}
    return {"draft": "".join(pieces).strip(), "timings": timings}


def verify(state: ChatState, deps: Deps) -> dict:
    draft = state.get("draft", "")
    texts = passage_texts(state)
    if NOT_COVERED_REPLY.search(draft) and len(draft.split()) < 25:
        # The small model sometimes declines questions its passages answer. Retrieval and the
        # scope check already ruled on coverage, so a strong match gets the extractive answer.
        if state["passages"][0]["score"] < DECLINE_TRUSTED_BELOW:
            return {"route": "not_covered", "answer": "", "sentences": [], "grounded": 1.0}
        return {"answer": extractive_answer(state["query"], texts), "sentences": [], "grounded": 1.0,
                "fallback": True}
    _emit({"status": "Checking the answer against the guides…"})
    verified = verify_answer(draft, texts, state["query"])
    return {"answer": verified.text, "grounded": verified.grounded, "fallback": verified.fallback,
            "sentences": [asdict(check) for check in verified.sentences]}


def build_plan(state: ChatState, deps: Deps) -> dict:
    """A plan from the conversation's profile, by the planner directly; once a plan exists, a plan
    message is an edit of it, answered with what changed and the plan, re-planned from progress."""
    facts = state.get("profile") or {}
    previous = state.get("plan_facts")
    if previous:
        facts = apply_edit(facts, state["message"])
    else:
        missing = missing_fields(facts)
        if missing and not state.get("awaiting_profile"):
            return {"route": "ask_profile", "answer": replies.ask_profile(missing), "awaiting_profile": True}
    _emit({"status": "Building your plan…"})
    today = date.today()
    progress = state.get("progress") or new_progress(today)
    try:
        plan, _ = current_plan(facts, progress, today)
    except ValueError as error:
        message = one_line(error) if isinstance(error, ValidationError) else str(error)
        return {"answer": f"I couldn't build that plan: {message}", "awaiting_profile": False}
    answer = to_markdown(plan)
    if previous:
        changes = plan_diff(current_plan(previous, progress, today)[0], plan)
        answer = "**What changed:**\n\n" + "\n".join(f"- {line}" for line in changes) + "\n\n" + answer
    return {"plan": to_dict(plan), "plan_facts": facts, "profile": facts, "progress": progress, "answer": answer,
            "awaiting_profile": False}


def respond(state: ChatState, deps: Deps) -> dict:
    route_taken = state["route"]
    answer = state.get("answer") or ""
    if route_taken == "greeting":
        answer = replies.THANKS if replies.THANKS_RE.search(state["message"]) else replies.GREETING
    elif route_taken == "off_topic":
        answer = replies.OFF_TOPIC
    elif route_taken == "injection":
        answer = replies.INJECTION
    elif route_taken == "not_english":
        answer = replies.NOT_ENGLISH
    elif route_taken == "not_covered":
        topics = sorted({p["heading_path"] for p in state.get("passages", [])[:3] if p["kind"] == "guide" and not p.get("quarantine")})
        answer = replies.not_covered(topics, state.get("gap"))
    # The last filter on every answer: no contact detail the guides' trusted list does not hold.
    answer = redact(scrub_contacts(answer, trusted_contacts(deps.settings.corpus_dir)))
    return {"answer": answer, "notice": redact(state.get("notice") or ""),
            "turns": [{"role": "user", "content": state["message"]},
                      {"role": "assistant", "content": answer, "record": turn_record(state, answer)}]}


def after_route(state: ChatState) -> str:
    return {"question": "retrieve", "plan": "build_plan"}.get(state["route"], "respond")


def after_retrieve(state: ChatState) -> str:
    return "compose" if state["route"] == "question" else "respond"


def _join(*notices: str | None) -> str:
    return " ".join(n for n in notices if n)
