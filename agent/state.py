"""The conversation state the graph passes between nodes and checkpoints per thread."""

from __future__ import annotations

import operator
from typing import Annotated, Any, Literal, NotRequired, TypedDict

Route = Literal["question", "plan", "greeting", "off_topic", "not_covered", "injection", "ask_profile", "error",
               "not_english"]


class Turn(TypedDict):
    role: Literal["user", "assistant"]
    content: str
    record: NotRequired[dict[str, Any]]  # an answer's citations and removed sentences (agent.citations)


class ChatState(TypedDict, total=False):
    """Per-turn fields are overwritten each turn; `turns`, `queries` accumulate, `profile` merges.
    Everything is plain JSON-like data so the SQLite checkpointer can store it."""

    # Accumulated over the conversation.
    turns: Annotated[list[Turn], operator.add]
    queries: Annotated[list[str], operator.add]  # the standalone queries asked so far (for follow-ups)
    profile: dict[str, Any]  # profile facts said in chat ("I know Python", "10 hours a week")
    awaiting_profile: bool  # a plan was asked for and careerbot asked one question back
    plan_facts: dict[str, Any]  # the facts the current plan is built from (edits change them; the My plan tab shows it)
    progress: dict[str, Any]  # {"started": ISO date, "marks": {skill id: done | in_progress | skipped}}

    # This turn.
    message: str
    route: Route
    query: str
    gap: str  # the topic agent.scope found the guides do not cover
    notice: str  # shown above the answer (e.g. "the LLM is unavailable: answered from the guides directly")
    passages: list[dict[str, Any]]  # Passage.to_json() of what was retrieved
    draft: str  # the model's answer before verification
    answer: str
    sentences: list[dict[str, Any]]  # verifier's per-sentence checks of the draft
    grounded: float
    fallback: bool
    plan: dict[str, Any] | None
    timings: dict[str, float]
