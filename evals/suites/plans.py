"""Plans suite: do learning plans have the properties a profile asks for, and keep the planner's rules?

Plan fit replays plans.jsonl as tests/agent/plan/test_plans_dataset.py does. Plan validity checks
the planner's invariants on the plans of the dataset profiles plus 200 random profiles drawn with a
fixed seed (any background, skill subset, 1-80 h a week, 1-24 months, track and taste).
The invariants: exactly `months` months numbered 1..months; no month above the hours budget
(weekly hours x 4.33, rounded down) and month hours adding up; no skill the learner holds scheduled
or listed as unscheduled; the essentials of every prerequisite not held finished before the skill
that needs it starts (what a skill's essentials need, for its essentials; a skill's depth after its
own essentials); every month's resources are entries of corpus/resources.yaml (same name, guide and kind)
and its citations quote their guide verbatim.

Metrics:
- fit — plan fit: share of plans.jsonl rows whose parsed profile matches every stated field and
  whose plan includes must_include, excludes must_not_include, reaches the goal as expected, and
  names the goal (goal_name) and says what its headline must (headline_says) where the row asks;
  puts at least goal_share_at_least % of the hours on the goal and what deepens it, and labels the
  goal_strand skills as the goal wherever they appear (scheduled or left out).
- goal_reached — goal reached: of the rows whose hours allow the goal (expect.goal = "reachable"),
  the share whose plan reaches it (at full depth or at its essentials).
- goal_honest — honest when out of reach: of the rows whose hours do not (expect.goal =
  "unreachable"), the share whose plan says so in its first line, with both options (hours a week
  and months, each with its number).
- profile_precision — profile precision: held skills the profile has that the row's text states,
  over all held skills found (micro-averaged over rows): no skill the learner did not state.
- profile_recall — profile recall: stated skills the profile has, over all skills the rows state.
- budget_respected — budget respected: share of dataset plans with no month above the hours budget.
- months_exact — months exact: share of dataset plans with exactly the months asked.
- validity — plan validity: share of plans (dataset profiles plus the random ones) that keep every
  invariant above.
"""

from __future__ import annotations

import random
import re
from functools import lru_cache

import yaml

from agent.plan import Preferences, Profile, build_plan, load_skill_map, monthly_hours, parse_profile, to_markdown
from agent.plan.profile import BACKGROUNDS, TRACKS
from agent.settings import PROJECT_ROOT
from evals import dataset_loader
from evals.suites import Context, SuiteResult, rounded

RANDOM_PROFILES = 200
SEED = 20261123
CORPUS = PROJECT_ROOT / "corpus"
PROFILE_KEYS = ("track", "hours_per_week", "months", "background")
PREFERENCE_KEYS = ("format", "certification", "cloud")
PROFILE_KEYS = (*PROFILE_KEYS, "certification_goal")


def fit_failures(row: dict) -> list[str]:
    """What a plans.jsonl row expects and its plan does not have ([] when it fits)."""
    expect, profile = row["expect"], parse_profile(row["text"])
    plan = build_plan(profile)
    wrong = [f"{k} {getattr(profile, k)!r} != {expect[k]!r}" for k in PROFILE_KEYS
             if k in expect and getattr(profile, k) != expect[k]]
    wrong += [f"{k} {getattr(profile.preferences, k)!r} != {expect[k]!r}" for k in PREFERENCE_KEYS
              if k in expect and getattr(profile.preferences, k) != expect[k]]
    if sorted(profile.skills) != sorted(expect["skills"]):
        wrong.append(f"skills {sorted(profile.skills)} != {sorted(expect['skills'])}")
    scheduled = {s.id for m in plan.months for s in m.skills}
    wrong += [f"{s} not scheduled" for s in expect["must_include"] if s not in scheduled]
    wrong += [f"{s} scheduled" for s in expect["must_not_include"] if s in scheduled]
    if expect.get("goal") == "reachable" and not reached(plan):
        wrong.append(f"goal not reached: {plan.goal.headline}")
    if expect.get("goal") == "unreachable" and not honest(plan):
        wrong.append(f"no honest top-of-plan line: {plan.goal.headline}")
    if "goal_name" in expect and plan.goal.name != expect["goal_name"]:
        wrong.append(f"goal {plan.goal.name!r} != {expect['goal_name']!r}")
    if "headline_says" in expect and expect["headline_says"] not in plan.goal.headline:
        wrong.append(f"headline does not say {expect['headline_says']!r}: {plan.goal.headline}")
    share = plan.goal.share + plan.goal.around_share
    if share < expect.get("goal_share_at_least", 0):
        wrong.append(f"{share}% of the hours on the goal and what deepens it < {expect['goal_share_at_least']}%")
    labels = [(s.id, s.strand) for m in plan.months for s in m.skills] + [(u.id, u.strand) for u in plan.unscheduled]
    wrong += [f"{i} labelled {strand}, not the goal" for i, strand in labels
              if i in expect.get("goal_strand", ()) and strand != "build"]
    return wrong


def reached(plan) -> bool:
    return plan.goal.reached in ("full", "essentials")


def honest(plan) -> bool:
    """The plan's first line says the goal is not reached, with both options and their numbers."""
    first = to_markdown(plan).split("\n\n")[1]
    return (plan.goal.reached == "not_reached" and "not reachable" in first
            and re.search(r"\d+ h a week for \d+ months?", first) is not None
            and re.search(r"\d+ months? at \d+ h a week", first) is not None)


def violations(plan) -> list[str]:
    """The planner invariants this plan breaks ([] when valid)."""
    skill_map, profile = load_skill_map(), plan.profile
    budget, held = monthly_hours(profile.hours_per_week), set(profile.skills) | set(profile.done) | set(profile.skipped)
    broken = []
    if [m.month for m in plan.months] != list(range(1, profile.months + 1)):
        broken.append(f"{len(plan.months)} months for a {profile.months}-month plan")
    resources, guides = _resources(), _guides()
    done: dict[tuple[str, str], int] = {}  # (skill, depth) → hours done so far, in plan order
    for month in plan.months:
        if month.hours != sum(s.hours for s in month.skills) or month.hours > budget:
            broken.append(f"month {month.month}: {month.hours} h against a budget of {budget} h")
        for skill in month.skills:
            cert = skill_map.certifications.get(profile.certification_goal or "")
            concepts = cert is not None and cert.foundational and skill.id in cert.skills
            wanted = skill_map.skill(skill.id).needs("essentials" if skill.depth == "essentials" else "full")
            needs = [(p, skill_map.skills[p].essentials.hours) for p in wanted if p not in held and not concepts]
            if skill.depth == "depth":
                needs.append((skill.id, skill_map.skills[skill.id].essentials.hours))
            for pre, hours in needs:
                if sum(h for (i, _), h in done.items() if i == pre) < hours and (pre, "full") not in done:
                    broken.append(f"{skill.id} starts before the essentials of {pre} are finished")
            key = (skill.id, skill.depth)
            done[key] = done.get(key, 0) + skill.hours
        broken += [f"month {month.month}: resource {r.name!r} not in resources.yaml" for r in month.resources
                   if resources.get((r.name, r.source)) != r.kind]
        broken += [f"month {month.month}: quote not in {c.guide}" for c in month.citations
                   if _norm(c.quote) not in guides.get(c.guide, "")]
        if not month.resources:
            broken.append(f"month {month.month}: no resources")
    unscheduled = {u.id for u in plan.unscheduled}
    broken += [f"held skill {s} planned" for s in sorted(held & ({i for i, _ in done} | unscheduled))]
    return broken


def profile_counts(row: dict) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) of the held skills against the stated ones."""
    found, stated = set(parse_profile(row["text"]).skills), set(row["expect"]["skills"])
    return len(found & stated), len(found - stated), len(stated - found)


def random_profiles(n: int = RANDOM_PROFILES, seed: int = SEED) -> list[Profile]:
    rng, ids = random.Random(seed), sorted(load_skill_map().skills)
    return [Profile(
        background=rng.choice(BACKGROUNDS),
        skills=tuple(s for s in ids if rng.random() < 0.25), hours_per_week=rng.randint(1, 80),
        months=rng.randint(1, 24), track=rng.choice(sorted(TRACKS)),
        preferences=Preferences(format=rng.choice(["courses", "books", "any"]), certification=rng.random() < 0.3,
                                cloud=rng.choice([None, "aws", "gcp", "azure"])),
    ) for _ in range(n)]


def run(context: Context) -> SuiteResult:
    rows_in = context.take(dataset_loader.load("plans"))
    rows = [{"id": r["id"], "text": r["text"], "failures": fit_failures(r)} for r in rows_in]
    plans = [build_plan(parse_profile(r["text"])) for r in rows_in]
    reachable = [p for r, p in zip(rows_in, plans) if r["expect"].get("goal") == "reachable"]
    unreachable = [p for r, p in zip(rows_in, plans) if r["expect"].get("goal") == "unreachable"]
    tp, fp, fn = (sum(c) for c in zip(*(profile_counts(r) for r in rows_in))) if rows_in else (0, 0, 0)
    profiles = [p.profile for p in plans]
    profiles += random_profiles(min(RANDOM_PROFILES, context.limit or RANDOM_PROFILES))
    invalid = []
    for n, profile in enumerate(profiles):
        broken = violations(build_plan(profile))
        if broken:
            invalid.append({"profile": n, "track": profile.track, "months": profile.months,
                            "hours_per_week": profile.hours_per_week, "violations": broken[:5]})
    budgets = [all(m.hours <= monthly_hours(p.profile.hours_per_week) for m in p.months) for p in plans]
    metrics = {
        "fit": sum(not r["failures"] for r in rows) / max(1, len(rows)),
        "goal_reached": sum(map(reached, reachable)) / max(1, len(reachable)),
        "goal_honest": sum(map(honest, unreachable)) / max(1, len(unreachable)),
        "profile_precision": tp / max(1, tp + fp),
        "profile_recall": tp / max(1, tp + fn),
        "budget_respected": sum(budgets) / max(1, len(budgets)),
        "months_exact": sum(len(p.months) == p.profile.months for p in plans) / max(1, len(plans)),
        "validity": 1 - len(invalid) / max(1, len(profiles)),
    }
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
