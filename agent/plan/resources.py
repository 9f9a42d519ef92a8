"""Which of the guides' resources a month lists: the month's skills' own, fitted to the learner's tastes."""

from __future__ import annotations

from agent.plan.profile import Preferences
from agent.plan.schema import PlanResource
from agent.plan.skillmap import Skill, SkillMap

MIN_RESOURCES, MAX_RESOURCES = 2, 4
# Resources that belong to one cloud provider (the pyramid guide: "For AWS, certifications like ML
# Associate and AI Practitioner"); with a provider preferred, the others' are swapped for its own.
PROVIDER = {
    "AWS": "aws", "SageMaker": "aws", "ML Associate": "aws", "AI Practitioner": "aws", "Kinesis": "aws",
    "AWS Certified Machine Learning – Specialty": "aws",
    "GCP": "gcp", "Vertex AI": "gcp", "Google Professional Machine Learning Engineer Certification": "gcp",
    "Azure": "azure",
}
# Where the guides point for structured learning in general ("Utilize platforms like Coursera, edX,
# and Udemy"): the fallback for a month whose skills have fewer than two resources of their own.
GENERAL = ("Coursera", "edX", "Udemy")
PREFERRED_KINDS = {"courses": {"course", "video"}, "books": {"book"}, "any": set()}


def month_resources(skills: list[Skill], preferences: Preferences, skill_map: SkillMap,
                    goal_certification: str | None = None) -> list[PlanResource]:
    """2–4 resources: the skills' own taken in turn (so each skill is represented), preferred kinds
    first, a certification only when wanted (and only the goal's, when a certification is the goal),
    then the guides' general platforms if still short."""
    lists = [_for_skill(skill, preferences, skill_map) for skill in skills]
    if goal_certification:
        kinds = {r.name: r.kind for r in skill_map.resources}
        lists = [[n for n in names if kinds[n] != "certification" or n == goal_certification] for names in lists]
    chosen: list[tuple[str, Skill]] = []
    for turn in range(max((len(names) for names in lists), default=0)):
        for skill, names in zip(skills, lists):
            if turn < len(names) and names[turn] not in [n for n, _ in chosen]:
                chosen.append((names[turn], skill))
    chosen = chosen[:MAX_RESOURCES]
    anchor = skills[0] if skills else None
    for name in GENERAL:
        if len(chosen) >= MIN_RESOURCES:
            break
        if name not in [n for n, _ in chosen]:
            chosen.append((name, anchor))
    return [_entry(name, skill, skill_map) for name, skill in chosen]


def _for_skill(skill: Skill, preferences: Preferences, skill_map: SkillMap) -> list[str]:
    kinds = {r.name: r.kind for r in skill_map.resources}
    in_area = [r.name for r in skill_map.resources if r.skill_area == skill.area]
    names = list(skill.resources)
    provider = preferences.cloud
    if provider and any(name in PROVIDER for name in names):
        names = [n for n in names if PROVIDER.get(n, provider) == provider]
        names += [n for n in in_area if PROVIDER.get(n) == provider and kinds[n] != "certification"]
    extra_kinds = set(PREFERRED_KINDS[preferences.format]) | ({"certification"} if preferences.certification else set())
    for kind in sorted(extra_kinds):
        extra = [n for n in in_area if kinds[n] == kind and provider in (None, PROVIDER.get(n, provider))]
        if extra and not any(kinds[n] == kind for n in names):
            names.append(extra[0])
    if not preferences.certification and skill.area != "certification":  # an exam milestone keeps its own
        names = [n for n in names if kinds[n] != "certification"]
    names = list(dict.fromkeys(names))
    return sorted(names, key=lambda n: _rank(kinds[n], preferences))


def _rank(kind: str, preferences: Preferences) -> int:
    if preferences.certification and kind == "certification":
        return 0
    return 1 if kind in PREFERRED_KINDS[preferences.format] else 2


def _entry(name: str, skill: Skill | None, skill_map: SkillMap) -> PlanResource:
    guides = tuple(p.guide for p in skill.passages) if skill else ()
    resource = skill_map.resource(name, guides)
    return PlanResource(name=resource.name, kind=resource.kind, source=resource.guide)
