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


class PassageRecord(TypedDict):
    """agent.retrieval.Passage.to_json(): a retrieved passage as the state stores it."""

    id: str
    text: str
    source: str
    title: str
    section: str
    kind: str
    short_title: str
    score: float
    fused: float
    dense_rank: int | None
    bm25_rank: int | None
    quarantine: str
    heading_path: str
    short_heading: str


class SentenceRecord(TypedDict):
    """agent.grounding.SentenceCheck as a dict: one checked sentence of the draft."""

    text: str
    supported: bool
    score: float
    cites: list[int]
    best: int | None
    reason: str


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
    last_kind: dict[str, Any]  # the last answered question's QuestionKind ("which one…?" narrows a comparison)
    last_points: list[str]  # the last answer's points, plain: a follow-up builds on them, never repeats them

    # This turn.
    message: str
    restated: str  # the earlier question this turn answers again, for a profile just stated ("what if I'm …?")
    brief: bool  # "say that shorter": `restated` answered in the one point that answers it
    route: Route
    query: str
    gap: str  # the topic agent.scope found the guides do not cover
    notice: str  # shown above the answer (e.g. "the LLM is unavailable: answered from the guides directly")
    passages: list[PassageRecord]  # what was retrieved
    kind: dict[str, Any]  # agent.answer.kind.QuestionKind of this question, as a dict
    composed: str  # the composed skeleton (agent.answer.compose): the extractive answer, and the model's notes
    points: list[str]  # the skeleton's cited points
    limit: str  # the skeleton's honest "the guides don't say …" line ("" when none): a rewrite keeps it
    draft: str  # the model's answer before verification
    answer: str
    sentences: list[SentenceRecord]  # the verifier's per-sentence checks of the draft
    grounded: float
    fallback: bool
    plan: dict[str, Any] | None  # agent.plan.Plan.model_dump(): Plan.model_validate reads it back
    timings: dict[str, float]


def new_turn(message: str, notice: str = "") -> dict[str, Any]:
    """The graph input for one user message: every per-turn field above reset, so nothing of the
    last turn's answer leaks into this one (what `graph.stream` / `graph.invoke` take)."""
    return {"message": message, "notice": notice, "passages": [], "draft": "", "answer": "", "sentences": [],
            "grounded": 1.0, "fallback": False, "plan": None, "timings": {}, "query": "", "gap": "",
            "composed": "", "points": [], "limit": ""}
