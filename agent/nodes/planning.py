"""The plan node: a learning plan from the conversation's profile, or an edit of the plan it has."""

from __future__ import annotations

from datetime import date

from pydantic import ValidationError

from agent import replies
from agent.nodes.events import emit
from agent.plan import missing_fields, to_dict, to_markdown
from agent.plan.edits import apply_edit, plan_diff
from agent.plan.progress import current_plan, new_progress
from agent.plan.tool import one_line
from agent.router import TIME_BUDGET
from agent.state import ChatState


def build_plan(state: ChatState) -> dict:
    """A plan from the conversation's profile, by the planner directly; once a plan exists, a plan
    message is an edit of it, answered with what changed and the plan, re-planned from progress."""
    facts = state.get("profile") or {}
    previous = state.get("plan_facts")
    if previous:
        facts = apply_edit(facts, state["message"])
    else:
        missing = missing_fields(facts)
        if missing and not state.get("awaiting_profile"):
            answer = replies.ask_profile(missing, time_asked=bool(TIME_BUDGET.search(state["message"])))
            return {"route": "ask_profile", "answer": answer, "awaiting_profile": True}
    emit({"status": "Building your plan…"})
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
