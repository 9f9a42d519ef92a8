"""Plans suite: do learning plans have the properties a profile asks for, and keep the planner's rules?

Plan fit replays plans.jsonl as tests/agent/plan/test_plans_dataset.py does. Plan validity checks
the planner's invariants on the plans of the dataset profiles plus 200 random profiles drawn with a
fixed seed (any background, skill subset, 1-80 h a week, 1-24 months, track and taste).
The invariants: exactly `months` months numbered 1..months; no month above the hours budget
(weekly hours x 4.33, rounded down) and month hours adding up; no skill the learner holds scheduled
or listed as unscheduled; every prerequisite not held finished before the skill that needs it
starts; every month's resources are entries of corpus/resources.yaml (same name, guide and kind)
and its citations quote their guide verbatim.

Metrics:
- fit — plan fit: share of plans.jsonl rows whose parsed profile matches every stated field and
  whose plan includes must_include, excludes must_not_include and fits (or not) as expected.
- validity — plan validity: share of plans (dataset profiles plus the random ones) that keep every
  invariant above.
"""

from __future__ import annotations

import random
import re
from functools import lru_cache

import yaml

from agent.plan import Preferences, Profile, build_plan, load_skill_map, monthly_hours, parse_profile
from agent.plan.order import TRACK_GOALS
from agent.settings import PROJECT_ROOT
from evals import datasets
from evals.suites import Context, SuiteResult, rounded

RANDOM_PROFILES = 200
SEED = 20261123
CORPUS = PROJECT_ROOT / "corpus"
PROFILE_KEYS = ("track", "hours_per_week", "months", "background")
BACKGROUNDS = ("student", "software_engineer", "data_analyst", "data_scientist", "career_changer", "other")
PREFERENCE_KEYS = ("format", "certification", "cloud")


def fit_failures(row: dict) -> list[str]:
    """What a plans.jsonl row expects and its plan does not have ([] when it fits)."""
    expect, profile = row["expect"], parse_profile(row["text"])
    plan = build_plan(profile)
    wrong = [f"{k} {getattr(profile, k)!r} != {expect[k]!r}" for k in PROFILE_KEYS
             if k in expect and getattr(profile, k) != expect[k]]
    wrong += [f"{k} {getattr(profile.preferences, k)!r} != {expect[k]!r}" for k in PREFERENCE_KEYS
              if k in expect and getattr(profile.preferences, k) != expect[k]]
    scheduled = {s.id for m in plan.months for s in m.skills}
    wrong += [f"{s} not scheduled" for s in expect["must_include"] if s not in scheduled]
    wrong += [f"{s} scheduled" for s in expect["must_not_include"] if s in scheduled]
    if "fits" in expect and (plan.unscheduled == []) is not expect["fits"]:
        wrong.append("fits" if not expect["fits"] else f"{len(plan.unscheduled)} skills left unscheduled")
    return wrong


def violations(plan) -> list[str]:
    """The planner invariants this plan breaks ([] when valid)."""
    skills, profile = load_skill_map().skills, plan.profile
    budget, held = monthly_hours(profile.hours_per_week), set(profile.skills)
    broken = []
    if [m.month for m in plan.months] != list(range(1, profile.months + 1)):
        broken.append(f"{len(plan.months)} months for a {profile.months}-month plan")
    where: dict[str, list[tuple[int, int]]] = {}  # skill → (month, position in month) of each of its slots
    resources, guides = _resources(), _guides()
    for month in plan.months:
        if month.hours != sum(s.hours for s in month.skills) or month.hours > budget:
            broken.append(f"month {month.month}: {month.hours} h against a budget of {budget} h")
        for index, skill in enumerate(month.skills):
            where.setdefault(skill.id, []).append((month.month, index))
        broken += [f"month {month.month}: resource {r.name!r} not in resources.yaml" for r in month.resources
                   if resources.get((r.name, r.source)) != r.kind]
        broken += [f"month {month.month}: quote not in {c.guide}" for c in month.citations
                   if _norm(c.quote) not in guides.get(c.guide, "")]
    unscheduled = {u.id for u in plan.unscheduled}
    broken += [f"held skill {s} planned" for s in sorted(held & (set(where) | unscheduled))]
    for skill_id, places in where.items():
        for pre in skills[skill_id].prerequisites:
            if pre not in held and (pre not in where or pre in unscheduled or where[pre][-1] >= places[0]):
                broken.append(f"{skill_id} starts before its prerequisite {pre} is finished")
    return broken


def random_profiles(n: int = RANDOM_PROFILES, seed: int = SEED) -> list[Profile]:
    rng, ids = random.Random(seed), sorted(load_skill_map().skills)
    return [Profile(
        background=rng.choice(BACKGROUNDS),
        skills=tuple(s for s in ids if rng.random() < 0.25), hours_per_week=rng.randint(1, 80),
        months=rng.randint(1, 24), track=rng.choice(sorted(TRACK_GOALS)),
        preferences=Preferences(format=rng.choice(["courses", "books", "any"]), certification=rng.random() < 0.3,
                                cloud=rng.choice([None, "aws", "gcp", "azure"])),
    ) for _ in range(n)]


def run(context: Context) -> SuiteResult:
    rows_in = context.take(datasets.load("plans"))
    rows = [{"id": r["id"], "text": r["text"], "failures": fit_failures(r)} for r in rows_in]
    profiles = [parse_profile(r["text"]) for r in rows_in]
    profiles += random_profiles(min(RANDOM_PROFILES, context.limit or RANDOM_PROFILES))
    invalid = []
    for n, profile in enumerate(profiles):
        broken = violations(build_plan(profile))
        if broken:
            invalid.append({"profile": n, "track": profile.track, "months": profile.months,
                            "hours_per_week": profile.hours_per_week, "violations": broken[:5]})
    metrics = {"fit": sum(not r["failures"] for r in rows) / max(1, len(rows)),
               "validity": 1 - len(invalid) / max(1, len(profiles))}
    return SuiteResult("plans", "plans", rounded(metrics), rows, {"profiles": len(profiles), "invalid": invalid})


@lru_cache(maxsize=1)
def _resources() -> dict[tuple[str, str], str]:
    entries = yaml.safe_load((CORPUS / "resources.yaml").read_text(encoding="utf-8"))["resources"]
    return {(r["name"], r["guide"]): r["kind"] for r in entries}


@lru_cache(maxsize=1)
def _guides() -> dict[str, str]:
    return {p.name: _norm(p.read_text(encoding="utf-8")) for p in CORPUS.glob("*.md")}


def _norm(text: str) -> str:
    """Casefold, drop Markdown emphasis and list/heading markers, collapse whitespace."""
    text = re.sub(r"^\s*(#+|[-*+])\s+", " ", text, flags=re.M)
    text = text.replace("**", "").replace("__", "").replace("*", "").replace("`", "")
    return " ".join(text.casefold().split())
