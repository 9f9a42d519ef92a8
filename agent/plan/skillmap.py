"""The skill map the planner walks: corpus/skills.yaml and resources.yaml as dataclasses, read once per path."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from agent.guards.injection import quarantine_reason
from agent.settings import PROJECT_ROOT
from ingest.loaders import load_file
from ingest.resources import RESOURCES_FILE, Resource, read_resources
from ingest.yamlfile import load_file as load_yaml

SKILLS_FILE = "skills.yaml"
LEVELS = ("foundation", "core", "advanced")


@dataclass(frozen=True)
class Passage:
    """A quote from a guide that backs a skill: where it is (guide file, heading path) and what it says."""

    guide: str
    section: str
    quote: str


@dataclass(frozen=True)
class Essentials:
    """The part of a skill that what is built on it needs ("working knowledge"): depth comes later.
    The guides back it: "Even understanding the content of one resource from each section is good
    enough to get started"."""

    hours: int
    checkpoint: str
    passages: tuple[Passage, ...]
    needs: tuple[str, ...] | None = None  # what the essentials build on, where less than the whole skill's


@dataclass(frozen=True)
class Skill:
    id: str
    name: str
    area: str
    level: str
    hours: int  # careerbot's own estimate of focused study for a working knowledge (not from the guides)
    essentials: Essentials
    prerequisites: tuple[str, ...]
    tracks: tuple[str, ...]
    keywords: tuple[str, ...]
    passages: tuple[Passage, ...]
    resources: tuple[str, ...]  # names of entries in resources.yaml
    project: str
    checkpoint: str
    position: int  # order in skills.yaml, the tie-breaker that keeps plans stable

    def needs(self, depth: str) -> tuple[str, ...]:
        """What must come first for this depth: the essentials' own needs, else the prerequisites."""
        if depth == "essentials" and self.essentials.needs is not None:
            return self.essentials.needs
        return self.prerequisites

    @property
    def rank(self) -> tuple[int, int]:
        """Foundations before core before advanced; then the order of the file."""
        return LEVELS.index(self.level), self.position


@dataclass(frozen=True)
class Certification:
    """A certification the guides name, as a goal: the skills it rests on and at what depth, the
    resources.yaml entry that names it, and an exam-preparation milestone (`exam`, a Skill of its own)."""

    id: str
    name: str
    resource: str
    cloud: str | None
    track: str
    keywords: tuple[str, ...]
    skills: dict[str, str]  # skill id → "full" or "essentials"
    exam: Skill
    foundational: bool = False  # an exam on concepts: its skills do not pull in their prerequisites


@dataclass(frozen=True)
class Track:
    """A track as a goal: the skills it is for, what deepens it once their essentials are in (`around`:
    skill id → "full" or "essentials", in the order a plan takes them), and a capstone milestone (a
    Skill of its own: the goal's project taken end to end), where the track has one."""

    id: str
    goal: tuple[str, ...]
    around: dict[str, str]
    capstone: Skill | None = None
    capstone_at: int = 0  # where the capstone comes among the around skills (its place in the list)


@dataclass(frozen=True)
class SkillMap:
    skills: dict[str, Skill]  # in file order
    certifications: dict[str, Certification]
    resources: tuple[Resource, ...]  # in file order; a name named by two guides appears twice
    guide_titles: dict[str, str]  # guide file → title from its front matter
    short_titles: dict[str, str]  # guide file → short_title from its front matter, where it has one
    tracks: dict[str, Track] = field(default_factory=dict)
    backgrounds: dict[str, tuple[str, ...]] = field(default_factory=dict)  # role → the skills it implies
    studies: dict[str, tuple[str, ...]] = field(default_factory=dict)  # field studied → the skills it implies

    def skill(self, skill_id: str) -> Skill:
        """A skill of the map, a certification's exam-preparation milestone or a track's capstone."""
        if skill_id in self.skills:
            return self.skills[skill_id]
        milestones = [*(c.exam for c in self.certifications.values()),
                      *(t.capstone for t in self.tracks.values() if t.capstone)]
        return next(m for m in milestones if m.id == skill_id)

    def in_track(self, track: str) -> list[Skill]:
        return [skill for skill in self.skills.values() if track in skill.tracks]

    def resource(self, name: str, guides: tuple[str, ...] = ()) -> Resource:
        """The entry for `name`, from the first of `guides` that names it, else the first in the file."""
        entries = [r for r in self.resources if r.name == name]
        if not entries:
            raise KeyError(f"resource {name!r} is not in {RESOURCES_FILE}")
        return next((r for guide in guides for r in entries if r.guide == guide), entries[0])

    def title(self, guide: str) -> str:
        return self.guide_titles.get(guide, guide)

    def short_title(self, guide: str) -> str:
        """The name to show in running text ("ML Engineer Pyramid guide"), else the full title."""
        return self.short_titles.get(guide) or self.title(guide)


def load_skill_map(corpus_dir: Path | None = None) -> SkillMap:
    """The skill map of `corpus_dir` (default: the project's corpus/), parsed once per path."""
    return _load(Path(corpus_dir or PROJECT_ROOT / "corpus").resolve())


@lru_cache(maxsize=8)
def _load(corpus_dir: Path) -> SkillMap:
    data = load_yaml(corpus_dir / SKILLS_FILE)
    skills = {entry["id"]: _skill(entry, n) for n, entry in enumerate(data["skills"])}
    certifications = {c["id"]: _certification(c, len(skills) + n) for n, c in enumerate(data.get("certifications") or ())}
    tracks = {t["id"]: _track(t, len(skills) + len(certifications) + n) for n, t in enumerate(data.get("tracks") or ())}
    # Documents are data: a planted resource entry (instructions in its note) never reaches a plan.
    resources = tuple(r for r in read_resources(corpus_dir / RESOURCES_FILE)
                      if not quarantine_reason(" ".join(str(v) for v in vars(r).values() if v)))
    exams = [c.exam for c in certifications.values()] + [t.capstone for t in tracks.values() if t.capstone]
    guides = sorted({p.guide for s in [*skills.values(), *exams] for p in s.passages} | {r.guide for r in resources})
    documents = {g: load_file(corpus_dir / g, corpus_dir) for g in guides if (corpus_dir / g).is_file()}
    return SkillMap(
        skills=skills, certifications=certifications, resources=resources, guide_titles={g: d.title for g, d in documents.items()},
        short_titles={g: d.metadata["short_title"] for g, d in documents.items() if d.metadata.get("short_title")},
        tracks=tracks, backgrounds={b["id"]: tuple(b.get("implies") or ()) for b in data.get("backgrounds") or ()},
        studies={f["id"]: tuple(f.get("implies") or ()) for f in data.get("studies") or ()},
    )


def _passages(entries) -> tuple[Passage, ...]:
    return tuple(Passage(p["guide"], p["section"], p["quote"]) for p in entries or ())


def _skill(entry: dict, position: int) -> Skill:
    hours = int(entry["hours"])
    essentials = entry.get("essentials") or {"hours": hours, "checkpoint": entry["checkpoint"]}
    return Skill(
        id=entry["id"], name=entry["name"], area=entry["area"], level=entry["level"], hours=hours,
        essentials=Essentials(min(hours, int(essentials["hours"])), essentials["checkpoint"],
                              _passages(essentials.get("passages")),
                              tuple(essentials["needs"]) if "needs" in essentials else None),
        prerequisites=tuple(entry.get("prerequisites") or ()), tracks=tuple(entry.get("tracks") or ()),
        keywords=tuple(entry.get("keywords") or ()),
        passages=_passages(entry.get("passages")),
        resources=tuple(entry.get("resources") or ()), project=entry["project"], checkpoint=entry["checkpoint"],
        position=position,
    )


def _certification(entry: dict, position: int) -> Certification:
    """The certification and its exam-preparation milestone, which needs every skill the exam rests on."""
    name, hours = entry["name"], int(entry["prep_hours"])
    passages = _passages(entry["passages"])
    exam = Skill(
        id=f"exam_{entry['id']}", name=f"Exam preparation: {name}", area="certification", level="advanced",
        hours=hours, essentials=Essentials(hours, "", passages), prerequisites=tuple(entry["skills"]), tracks=(),
        keywords=(), passages=passages, resources=(entry["resource"],),
        project=f"Work through the {name} exam guide and practice questions, then book and sit the exam.",
        checkpoint=f"You pass a full practice exam for the {name} and have booked the real one.", position=position,
    )
    return Certification(
        id=entry["id"], name=name, resource=entry["resource"], cloud=entry.get("cloud"), track=entry["track"],
        keywords=tuple(entry["keywords"]), skills=dict(entry["skills"]), exam=exam,
        foundational=bool(entry.get("foundational")),
    )


def _track(entry: dict, position: int) -> Track:
    """The track and its capstone, which needs the goal's skills and what the goal's project is deployed with."""
    goal, listed = tuple(entry["goal"]), list((entry.get("around") or {}).items())
    around = {s: d for s, d in listed if s != "capstone"}
    capstone_at = next((n for n, (s, _) in enumerate(listed) if s == "capstone"), len(around))
    capstone = None
    if entry.get("capstone"):
        c, passages = entry["capstone"], _passages(entry["capstone"]["passages"])
        hours = int(c["hours"])
        capstone = Skill(
            id=f"capstone_{entry['id']}", name=c["name"], area="portfolio_soft_skills", level="advanced",
            hours=hours, essentials=Essentials(hours, c["checkpoint"], passages),
            prerequisites=goal + tuple(c.get("needs") or ()), tracks=(entry["id"],),
            keywords=(), passages=passages, resources=tuple(c.get("resources") or ()), project=c["project"],
            checkpoint=c["checkpoint"], position=position,
        )
    return Track(id=entry["id"], goal=goal, around=around, capstone=capstone, capstone_at=capstone_at)
