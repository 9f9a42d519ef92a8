"""A plan changed in conversation: what an edit message asks ("skip the maths", "more on agents",
"swap months 2 and 3"; months, hours and skills come from the profile rules), and what changed."""

from __future__ import annotations

import re

from agent.plan.said import skill_mentions
from agent.plan.schema import Plan

SKIP = re.compile(r"\b(?:skip|drop|leave out|remove|cut|without|no more|don't want|do not want|not interested in)"
                  r"\s+(?:the\s+|all\s+(?:the\s+)?)?(?P<what>[^.,;!?]+)", re.IGNORECASE)
FOCUS = re.compile(r"\b(?:more (?:on|about|of|time (?:on|for))|focus (?:more )?on|emphasi[sz]e|deeper (?:on|into)"
                   r"|extra time (?:on|for))\s+(?:the\s+)?(?P<what>[^.,;!?]+)", re.IGNORECASE)
SWAP = re.compile(r"\bswap (?:months? )?(\d+) (?:and|with) (?:months? )?(\d+)", re.IGNORECASE)
# Words of an edit: the router sends a message with one of these to the plan when a plan exists.
EDIT = re.compile(
    r"\bmake it\b|\binstead\b|\b(?:can|could) (?:do|spend|put in)\b|\bnow\b.{0,20}\bhours?\b|\bhours?\b.{0,20}\bnow\b"
    r"|\balready (?:know|have|use|did|done)\b|\bskip\b|\bdrop\b|\bleave out\b|\bmore (?:on|about|time)\b|\bfocus on\b"
    r"|\bswap\b|\bshorter\b|\blonger\b|\bfewer hours\b|\bless time\b|\bchange the plan\b|\bupdate the plan\b"
    r"|\b(?:only|just) (?:have|got) \d+", re.IGNORECASE)


def is_edit(message: str) -> bool:
    return bool(EDIT.search(message))


def apply_edit(facts: dict, message: str) -> dict:
    """`facts` (the profile, already merged with what `message` states) plus the edit's own asks:
    skills to skip, skills to spend more time on, months to swap. Asks add up over turns; a skill
    now stated as held or wanted again leaves the skipped list."""
    edited = dict(facts)
    skipped = list(facts.get("skipped", ()))
    focus = list(facts.get("focus", ()))
    for match in SKIP.finditer(message):
        skipped += [s for s in skill_mentions(match["what"]) if s not in skipped]
    for match in FOCUS.finditer(message):
        found = skill_mentions(match["what"])
        focus += [s for s in found if s not in focus]
        skipped = [s for s in skipped if s not in found]
    swaps = [*map(tuple, facts.get("swaps", ())), *((int(a), int(b)) for a, b in SWAP.findall(message))]
    for key, value in (("skipped", skipped), ("focus", [f for f in focus if f not in skipped]), ("swaps", swaps)):
        if value:
            edited[key] = [list(v) for v in value] if key == "swaps" else sorted(value)
        else:
            edited.pop(key, None)
    return edited


def plan_diff(old: Plan, new: Plan) -> list[str]:
    """What an edit changed, in a few short lines ("Containers removed: 25 h freed, for AI agents (+12 h,
    month 5)")."""
    lines = []
    if old.profile.months != new.profile.months:
        lines.append(f"Plan length: {old.profile.months} → {new.profile.months} months.")
    if old.profile.hours_per_week != new.profile.hours_per_week:
        lines.append(f"Time: {old.profile.hours_per_week} → {new.profile.hours_per_week} h a week.")
    before, after = _hours(old), _hours(new)
    names = {s.id: s.name for m in [*old.months, *new.months] for s in m.skills}
    gone = [s for s in before if s not in after]
    gains = sorted(((after[s] - before.get(s, 0), s) for s in after if after[s] > before.get(s, 0)), reverse=True)
    where = {s: _first_gain(old, new, s) for _, s in gains}
    into = ", ".join(f"{names[s]} (+{h} h, month {where[s]})" for h, s in gains[:3])
    asked = set(new.profile.skills) | set(new.profile.skipped) | set(new.profile.done)
    freed = [s for s in gone if s in asked]
    if freed:
        lines.append(f"{_and([names[s] for s in freed])} removed: {sum(before[s] for s in freed)} h freed"
                     + (f", for {into}." if into else "."))
        into = ""
    squeezed = [s for s in gone if s not in asked]
    if squeezed:
        lines.append(f"No longer fits: {_and([f'{names[s]} ({before[s]} h)' for s in squeezed])}.")
    if into:
        lines.append(f"More time for {into}.")
    cuts = sorted(((before[s] - after[s], s) for s in after if s in before and after[s] < before[s]), reverse=True)
    if cuts and not gone:
        lines.append("Less time for " + ", ".join(f"{names[s]} (−{h} h)" for h, s in cuts[:3]) + ".")
    if old.goal.reached != new.goal.reached or old.goal.starts != new.goal.starts:
        lines.append(f"Goal: {_reach(old)} → {_reach(new)}.")
    lines += [n for n in new.notes if "swapped" in n and n not in old.notes]
    known = [s for s in new.profile.skills if s not in old.profile.skills and s not in freed]
    if known:  # held now, though the plan had not reached them yet (or they were left out)
        lines.append(f"Counted as known: {_and([_skill_name(s) for s in known])}"
                     + (" (it was not in the months yet)." if len(known) == 1 else " (not in the months yet)."))
    if new.profile.background != old.profile.background:
        lines.append(f"Background: {_background(old)} → {_background(new)}.")
    return lines or ["Nothing changed: the plan already fits that."]


def _skill_name(skill_id: str) -> str:
    from agent.plan.skillmap import load_skill_map

    return load_skill_map().skill(skill_id).name


def _background(plan: Plan) -> str:
    from agent.plan.render import BACKGROUND_NAMES

    return BACKGROUND_NAMES[plan.profile.background]


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _hours(plan: Plan) -> dict[str, int]:
    hours: dict[str, int] = {}
    for month in plan.months:
        for skill in month.skills:
            hours[skill.id] = hours.get(skill.id, 0) + skill.hours
    return hours


def _first_gain(old: Plan, new: Plan, skill_id: str) -> int:
    def at(plan: Plan, n: int) -> int:
        return sum(s.hours for m in plan.months if m.month == n for s in m.skills if s.id == skill_id)
    return next((m.month for m in new.months if at(new, m.month) > at(old, m.month)), new.months[-1].month)


def _reach(plan: Plan) -> str:
    words = {"full": "reached", "essentials": "reached at working level", "not_reached": "not reached",
             "held": "already held"}
    start = f", from month {plan.goal.starts}" if plan.goal.starts else ""
    return words[plan.goal.reached] + (start if plan.goal.reached != "not_reached" else "")
