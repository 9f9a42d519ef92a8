"""The skill map the planner walks: corpus/skills.yaml and resources.yaml as dataclasses, read once per path."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from agent.guards.injection import quarantine_reason
from agent.settings import PROJECT_ROOT
from ingest.loaders import load_file
from ingest.resources import RESOURCES_FILE, Resource, read_resources

SKILLS_FILE = "skills.yaml"
LEVELS = ("foundation", "core", "advanced")


@dataclass(frozen=True)
class Passage:
    """A quote from a guide that backs a skill: where it is (guide file, heading path) and what it says."""

    guide: str
    section: str
    quote: str


@dataclass(frozen=True)
class Skill:
    id: str
    name: str
    area: str
    level: str
    hours: int  # careerbot's own estimate of focused study for a working knowledge (not from the guides)
    prerequisites: tuple[str, ...]
    tracks: tuple[str, ...]
    keywords: tuple[str, ...]
    passages: tuple[Passage, ...]
    resources: tuple[str, ...]  # names of entries in resources.yaml
    project: str
    checkpoint: str
    position: int  # order in skills.yaml, the tie-breaker that keeps plans stable

    @property
    def rank(self) -> tuple[int, int]:
        """Foundations before core before advanced; then the order of the file."""
        return LEVELS.index(self.level), self.position


@dataclass(frozen=True)
class SkillMap:
    skills: dict[str, Skill]  # in file order
    resources: tuple[Resource, ...]  # in file order; a name named by two guides appears twice
    guide_titles: dict[str, str]  # guide file → title from its front matter
    short_titles: dict[str, str]  # guide file → short_title from its front matter, where it has one

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
    entries = yaml.safe_load((corpus_dir / SKILLS_FILE).read_text(encoding="utf-8"))["skills"]
    skills = {entry["id"]: _skill(entry, n) for n, entry in enumerate(entries)}
    # Documents are data: a planted resource entry (instructions in its note) never reaches a plan.
    resources = tuple(r for r in read_resources(corpus_dir / RESOURCES_FILE)
                      if not quarantine_reason(" ".join(str(v) for v in vars(r).values() if v)))
    guides = sorted({p.guide for s in skills.values() for p in s.passages} | {r.guide for r in resources})
    documents = {g: load_file(corpus_dir / g, corpus_dir) for g in guides if (corpus_dir / g).is_file()}
    return SkillMap(
        skills=skills, resources=resources, guide_titles={g: d.title for g, d in documents.items()},
        short_titles={g: d.metadata["short_title"] for g, d in documents.items() if d.metadata.get("short_title")},
    )


def _skill(entry: dict, position: int) -> Skill:
    return Skill(
        id=entry["id"], name=entry["name"], area=entry["area"], level=entry["level"], hours=int(entry["hours"]),
        prerequisites=tuple(entry.get("prerequisites") or ()), tracks=tuple(entry.get("tracks") or ()),
        keywords=tuple(entry.get("keywords") or ()),
        passages=tuple(Passage(p["guide"], p["section"], p["quote"]) for p in entry.get("passages") or ()),
        resources=tuple(entry.get("resources") or ()), project=entry["project"], checkpoint=entry["checkpoint"],
        position=position,
    )
