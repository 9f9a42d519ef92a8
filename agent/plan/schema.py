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
    resources: list[PlanResource]
    project: str
    checkpoint: str
    citations: list[Citation]


class Unscheduled(_Frozen):
    """A skill of the track that does not fit the horizon, with the hours it still needs."""

    id: str
    name: str
    hours: int


class Plan(_Frozen):
    profile: Profile
    months: list[Month]
    unscheduled: list[Unscheduled]
    notes: list[str]
