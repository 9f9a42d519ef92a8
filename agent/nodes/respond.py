"""The last node of every turn: the reply for routes that need no answer of their own, the contact
filter every answer passes, and what the conversation keeps of the turn."""

from __future__ import annotations

from langgraph.runtime import Runtime

from agent import replies
from agent.citations import turn_record
from agent.grounding.sentences import plain
from agent.guards import redact, scrub_contacts, trusted_contacts
from agent.nodes.deps import Deps
from agent.state import ChatState


def respond(state: ChatState, runtime: Runtime[Deps]) -> dict:
    deps = runtime.context
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
    update = {"answer": answer, "notice": redact(state.get("notice") or ""),
              "turns": [{"role": "user", "content": state["message"]},
                        {"role": "assistant", "content": answer, "record": turn_record(state, answer)}]}
    if route_taken == "question":  # what the next turn's follow-up builds on
        update.update(last_kind=state.get("kind") or {}, last_points=[plain(p) for p in state.get("points") or []])
    return update
