"""Where a turn goes: the route node (kind of message, profile facts said in it) and the edges after it."""

from __future__ import annotations

from agent import replies
from agent.language import is_english
from agent.nodes.events import join_notices
from agent.plan import extract_profile_facts, merge_facts
from agent.plan.edits import is_edit
from agent.plan.said import as_if
from agent.router import classify, drop_instruction_sentences, in_domain, is_shorter
from agent.state import ChatState


def route(state: ChatState) -> dict:
    message = state["message"]
    stated = extract_profile_facts(message)
    profile = merge_facts(state.get("profile") or {}, stated)
    kind = classify(message)
    update: dict = {"profile": profile, "route": kind, "restated": "", "brief": False}
    if not is_english(message):
        update["notice"] = join_notices(state.get("notice"), replies.NOT_ENGLISH_NOTICE)
    if kind == "injection":
        remainder = drop_instruction_sentences(message)
        if remainder and classify(remainder) in ("question", "plan") and in_domain(remainder):
            update.update(route=classify(remainder), message=remainder, notice=replies.INJECTION_NOTICE)
    elif kind == "question" and state.get("awaiting_profile"):
        update["route"] = "plan"  # the answer to "how many hours a week?"
    elif kind == "question" and _new_self(stated) and (as_if(message) or _only_states_facts(message)) \
            and (state.get("plan_facts") or state.get("queries")):
        # "what if I already have a physics PhD?", "and if I know PyTorch?" after an answer or a plan:
        # the same question answered again (or the plan re-built) for the learner as now stated.
        if state.get("plan_facts"):
            update["route"] = "plan"
        else:
            update["restated"] = state["queries"][-1]
    elif kind == "question" and state.get("queries") and is_shorter(message):
        # "can you say that shorter?": the last question again, answered in its one point that answers
        update.update(restated=state["queries"][-1], brief=True)
    elif kind == "question" and state.get("plan_facts") and is_edit(message):
        update["route"] = "plan"  # "make it 4 months", "skip the maths": an edit of the plan
    elif kind == "question" and state.get("route") == "plan" and {"hours_per_week", "months"} & stated.keys():
        update["route"] = "plan"  # "ok, 10 hours a week then" after a plan (or a refused one) adjusts it
    elif kind == "question" and "hours_per_week" in stated and _only_states_facts(message):
        update["route"] = "plan"  # "10 hours a week", after "I'll build you a plan": nothing else to answer
    return update


def _new_self(stated: dict) -> bool:
    """Whether a message says who the learner is or what they know."""
    return bool({"background", "skills", "skills_not_held"} & stated.keys())


def _only_states_facts(message: str) -> bool:
    """A short message with no question in it ("10 hours a week, 6 months"): it can only be for a plan."""
    return "?" not in message and len(message.split()) <= 12


def after_route(state: ChatState) -> str:
    return {"question": "retrieve", "plan": "build_plan"}.get(state["route"], "respond")


def after_retrieve(state: ChatState) -> str:
    return "compose" if state["route"] == "question" else "respond"
