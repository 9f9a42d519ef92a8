"""The plan as data: months of skills, resources, a project, a checkpoint and the quotes behind them."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from agent.plan.profile import Profile


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SkillHours(_Frozen):
    """A skill's share of one month. part: the whole skill, or its start, middle or end."""

    id: str
    name: str
    hours: int
    part: Literal["whole", "start", "middle", "end"]
    depth: Literal["essentials", "depth", "full"] = "full"  # essentials: the working knowledge what follows needs
    # build: the goal's own skills (any depth) and its capstone or exam; around: what deepens the goal
    # (the skills it builds on most directly, what takes its project to deployment); foundation: the rest
    strand: Literal["build", "around", "foundation"] = "foundation"


class PlanResource(_Frozen):
    name: str  # as in corpus/resources.yaml
    kind: str
    source: str  # the guide file that names it


class Citation(_Frozen):
    guide: str  # guide file
    title: str  # the guide's title
    section: str  # heading path inside the guide
    quote: str  # verbatim from that section


class Month(_Frozen):
    month: int  # 1-based
    focus: str
    skills: list[SkillHours]
    hours: int  # planned study hours, never above the monthly budget
    build_hours: int = 0  # of those, on the goal's own skills (the build strand)
    around_hours: int = 0  # of those, on what deepens the goal (the around strand)
    resources: list[PlanResource]
    project: str
    checkpoint: str
    citations: list[Citation]


class Unscheduled(_Frozen):
    """A skill of the track that does not fit the horizon, with the hours it still needs."""

    id: str
    name: str
    hours: int
    depth: Literal["essentials", "depth", "full"] = "full"
    strand: Literal["build", "around", "foundation"] = "foundation"  # as SkillHours.strand


class Goal(_Frozen):
    """What the plan heads for and whether it gets there, said at the top of the plan."""

    name: str  # "LLM apps", "AWS ML Associate certification"
    skills: list[str]  # the goal's own skill ids (and a certification's exam preparation)
    reached: Literal["full", "essentials", "not_reached", "held"]
    starts: int | None  # the month the goal's own skills start
    share: int  # percent of the planned hours that go to the goal's own skills (and its capstone or exam)
    around_share: int = 0  # percent of the planned hours that go to what deepens the goal
    needed_hours: int  # the shortest path to a working version of the goal, from where the learner is
    headline: str  # the plan's first line: reached or not, and if not, the two honest options


class Plan(_Frozen):
    profile: Profile
    goal: Goal
    months: list[Month]
    unscheduled: list[Unscheduled]
    notes: list[str]
