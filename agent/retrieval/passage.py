"""A retrieved passage: a chunk with the scores that put it there."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Passage:
    id: str
    text: str  # the chunk body, without the heading line
    source: str
    title: str
    section: str
    kind: str
    short_title: str = ""  # the guide's short name (front matter), for prompts where every token costs
    score: float = 0.0  # relevance: cosine similarity of query and passage (MiniLM), comparable across queries
    fused: float = 0.0  # reciprocal-rank-fusion score that decided the order
    dense_rank: int | None = None
    bm25_rank: int | None = None
    quarantine: str = ""  # why the passage is withheld (instruction-like content); its text is then a marker

    @property
    def heading_path(self) -> str:
        return " › ".join(part for part in (self.title, self.section) if part)

    @property
    def short_heading(self) -> str:
        return " › ".join(part for part in (self.short_title or self.title, self.section) if part)

    def to_json(self) -> dict:
        """The stable `careerbot retrieve --json` shape."""
        data = asdict(self)
        data["heading_path"] = self.heading_path
        data["short_heading"] = self.short_heading
        data["score"] = round(self.score, 4)
        data["fused"] = round(self.fused, 5)
        return data
