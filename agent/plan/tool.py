"""The plan builder as a LangChain tool, `build_learning_plan`: free text or fields in, plan JSON out."""

from __future__ import annotations

from typing import Literal

from langchain_core.tools import StructuredTool, ToolException
from pydantic import BaseModel, Field, ValidationError

from agent.plan.facts import extract_profile_facts
from agent.plan.planner import build_plan
from agent.plan.profile import DEFAULTS, Background, Profile, Track, merge_facts, missing_fields
from agent.plan.render import to_dict
from agent.plan.schema import Plan
from agent.plan.skillmap import load_skill_map


class PlanRequest(BaseModel):
    """What the tool accepts: the learner's words, fields, or both (fields win over the words)."""

    text: str | None = Field(None, description="The learner's own description: background, what they know, hours "
                                               "a week, goal, horizon; e.g. 'I know Python, 10 h a week, LLM apps'.")
    background: Background | None = None
    skills: list[str] | None = Field(None, description="Skills already held: skill ids (python, sql, docker, ...) "
                                                       "or plain names.")
    hours_per_week: int | None = Field(None, description="Study hours a week, 1-80.")
    months: int | None = Field(None, description="Plan length in months, 1-24 (default 6).")
    track: Track | None = None
    format: Literal["courses", "books", "any"] | None = None
    certification: bool | None = None
    cloud: Literal["aws", "gcp", "azure"] | None = None
    certification_goal: str | None = Field(None, description="A certification as the goal: aws_ml_associate, "
                                           "aws_ai_practitioner, aws_ml_specialty, google_pmle, andrew_ng_ml, ...")


def plan_for(text: str | None = None, **fields) -> Plan:
    """A plan from free text and/or profile fields. The plan's notes say which defaults were assumed.
    Raises ValueError (pydantic's ValidationError) for out-of-range values."""
    facts = extract_profile_facts(text) if text else {}
    given = {key: value for key, value in fields.items() if value is not None}
    if "skills" in given:
        given["skills"] = _skill_ids(given["skills"])
    return plan_from_facts(merge_facts(facts, given))


def plan_from_facts(facts: dict) -> Plan:
    """The plan for facts stated (in chat or as fields); the graph's plan node calls this directly.
    The plan's notes say which defaults were assumed. Raises ValueError for out-of-range values."""
    plan = build_plan(Profile.from_facts(facts))
    assumed = [f"{key.replace('_', ' ')} = {DEFAULTS[key]}" for key in missing_fields(facts) if key in DEFAULTS]
    if not assumed:
        return plan
    note = f"Assumed because not stated: {', '.join(assumed)}. Say so if that is wrong and the plan will change."
    return plan.model_copy(update={"notes": [note, *plan.notes]})


def _skill_ids(values: list[str]) -> list[str]:
    """Skill ids as given, or found from a plain name ("Docker", "linear algebra"); unknown ones stay
    as they are, for Profile to reject with the list of known ids."""
    known = load_skill_map().skills
    ids = []
    for value in values:
        value_id = value.strip().lower().replace(" ", "_")
        found = [value_id] if value_id in known else extract_profile_facts(f"I know {value}").get("skills")
        ids.extend(found or [value])
    return ids


def _build_learning_plan(**request) -> dict:
    """Build a personalised month-by-month learning plan for an aspiring ML engineer, grounded in the
    career guides: skills in prerequisite order, fitted to the hours a week, each month with hours,
    resources, a project milestone, a checkpoint and quotes from the guides. Pass the learner's own
    words as `text`, or fields, or both."""
    try:
        return to_dict(plan_for(**request))
    except ValidationError as error:
        raise ToolException(one_line(error)) from error


def one_line(error: ValidationError) -> str:
    """A pydantic validation error as one line a learner can act on."""
    parts = []
    for item in error.errors():
        where = ".".join(str(part) for part in item["loc"])
        message = item["msg"].removeprefix("Value error, ")
        parts.append(f"{where}: {message}" if where and where not in message else message)
    return "; ".join(parts)


# Out-of-range input raises ToolException (one line): the graph node catches it and tells the learner;
# a LangGraph ToolNode turns it into an error message for the model.
build_learning_plan = StructuredTool.from_function(
    func=_build_learning_plan, name="build_learning_plan", args_schema=PlanRequest,
)
