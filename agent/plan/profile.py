"""Who the plan is for: a validated Profile, built from the facts a learner states, with stated defaults."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator

from agent.plan.skillmap import load_skill_map

Background = Literal["student", "software_engineer", "devops_engineer", "data_engineer", "qa_engineer", "data_analyst",
                     "data_scientist", "career_changer", "other"]
BACKGROUNDS: tuple[str, ...] = get_args(Background)
Track = Literal["generalist", "mlops", "llm", "cv", "nlp", "data_science"]
TRACKS: tuple[str, ...] = get_args(Track)

# What a profile assumes when the learner did not say (tell them: the plan's notes repeat these).
DEFAULTS = {"background": "other", "hours_per_week": 10, "months": 6, "track": "generalist"}
HOURS_RANGE = (1, 80)
MONTHS_RANGE = (1, 24)
PREFERENCE_KEYS = ("format", "certification", "cloud")
WEEKS_PER_MONTH = 4.33  # 52 weeks / 12 months, rounded: how weekly hours become a month's budget


class Preferences(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    format: Literal["courses", "books", "any"] = "any"
    certification: bool = False
    cloud: Literal["aws", "gcp", "azure"] | None = None


class Profile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    background: Background = "other"
    skills: tuple[str, ...] = ()  # skill ids from corpus/skills.yaml the learner already holds, sorted
    hours_per_week: int = DEFAULTS["hours_per_week"]
    months: int = DEFAULTS["months"]
    track: Track = "generalist"
    preferences: Preferences = Field(default_factory=Preferences)
    # A certification named as the goal (an id of corpus/skills.yaml `certifications`): its skills and
    # an exam-preparation milestone become the plan's goal instead of the track's.
    certification_goal: str | None = None
    # Edits made in conversation and progress marked since the plan was made (skill ids).
    skipped: tuple[str, ...] = ()  # "skip the maths": neither planned nor required by what builds on it
    focus: tuple[str, ...] = ()  # "more on agents": a goal, with half as many hours again
    wanted: tuple[str, ...] = ()  # "I want to learn deep learning": a goal, besides the track's
    done: tuple[str, ...] = ()  # marked done: not planned any more
    in_progress: tuple[str, ...] = ()  # marked in progress: first in the plan, half its hours counted done
    swaps: tuple[tuple[int, int], ...] = ()  # "swap months 2 and 3", applied in order when the order allows
    # No track named, only skills ("deep learning in 6 months"): the wanted skills are the whole goal,
    # the track (generalist by default) only fills the time around them.
    skill_goal: bool = False
    # A goal the guides have no plan for ("recommender systems"), as the learner named it: the plan
    # heads for the track instead and its headline says so.
    uncovered_goal: str | None = Field(None, max_length=60)

    @field_validator("hours_per_week", "months", mode="before")
    @classmethod
    def _a_number_not_a_flag(cls, value):
        """`"hours_per_week": true` is not one hour a week (pydantic would read it as 1)."""
        if isinstance(value, bool):
            raise ValueError(f"expected a number, got {str(value).lower()}")
        return value

    @field_validator("hours_per_week")
    @classmethod
    def _hours(cls, value: int) -> int:
        low, high = HOURS_RANGE
        if not low <= value <= high:
            raise ValueError(f"hours_per_week must be between {low} and {high} hours a week, got {value}")
        return value

    @field_validator("months")
    @classmethod
    def _months(cls, value: int) -> int:
        low, high = MONTHS_RANGE
        if not low <= value <= high:
            raise ValueError(f"months must be between {low} and {high}, got {value}")
        return value

    @field_validator("certification_goal")
    @classmethod
    def _known_certification(cls, value: str | None) -> str | None:
        known = load_skill_map().certifications
        if value is not None and value not in known:
            raise ValueError(f"unknown certification {value!r}; known: {', '.join(known)}")
        return value

    @field_validator("skills", "skipped", "focus", "wanted", "done", "in_progress")
    @classmethod
    def _known_skills(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        known = load_skill_map().skills
        unknown = sorted(set(value) - set(known))
        if unknown:
            raise ValueError(f"unknown skill id(s) {', '.join(unknown)}; known ids: {', '.join(known)}")
        return tuple(sorted(set(value)))

    @classmethod
    def from_facts(cls, facts: dict) -> Profile:
        """A profile from stated facts (see extract_profile_facts); what is not stated takes DEFAULTS.
        Raises pydantic.ValidationError (a ValueError) for values out of range."""
        held = set(facts.get("skills", ())) - set(facts.get("skills_not_held", ()))
        preferences = {key: facts[key] for key in PREFERENCE_KEYS if key in facts}
        certification = facts.get("certification_goal")
        if certification:  # the certification is the goal: its resource is wanted, on its provider
            entry = load_skill_map().certifications.get(certification)
            preferences["certification"] = True
            if entry and entry.cloud and "cloud" not in facts:
                preferences["cloud"] = entry.cloud
        track = facts.get("track") or (entry.track if certification and entry else DEFAULTS["track"])
        no_track = not facts.get("track") and not certification
        return cls(
            background=facts.get("background", DEFAULTS["background"]),
            skills=tuple(sorted(held)),
            hours_per_week=facts.get("hours_per_week", DEFAULTS["hours_per_week"]),
            months=facts.get("months", DEFAULTS["months"]),
            track=track,
            preferences=Preferences(**preferences),
            certification_goal=certification,
            **{key: tuple(facts[key]) for key in ("skipped", "focus", "wanted", "done", "in_progress")
               if facts.get(key)},
            swaps=tuple(tuple(pair) for pair in facts.get("swaps", ())),
            skill_goal=no_track and bool(set(facts.get("wanted", ())) - held),
            uncovered_goal=facts.get("uncovered_goal") if no_track and not facts.get("wanted") else None,
        )


def missing_fields(facts: dict) -> list[str]:
    """What the plan depends on that the learner has not said, so the chat can ask once.
    `months` is not asked for: six months is the horizon the learner is offered by default."""
    missing = [key for key in ("hours_per_week", "track") if key not in facts]
    if any(facts.get(key) for key in ("certification_goal", "wanted", "uncovered_goal")) and "track" in missing:
        missing.remove("track")  # the goal is named: a certification, skills, or a topic the guides lack
    if not any(facts.get(key) for key in ("background", "skills", "skills_not_held")):
        missing.append("skills")
    return missing


def merge_facts(old: dict, new: dict) -> dict:
    """Facts across turns: newer statements win; held skills add up, and a skill stated as not held
    (now) leaves the held set (and the other way round)."""
    merged = {**old, **{k: v for k, v in new.items() if k not in ("skills", "skills_not_held")}}
    held_new, lacking_new = set(new.get("skills", ())), set(new.get("skills_not_held", ()))
    held = (set(old.get("skills", ())) - lacking_new) | held_new
    lacking = (set(old.get("skills_not_held", ())) - held_new) | lacking_new
    for key, value in (("skills", held), ("skills_not_held", lacking)):
        if value:
            merged[key] = sorted(value)
        else:
            merged.pop(key, None)
    return merged

