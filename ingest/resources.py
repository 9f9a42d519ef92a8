"""Entries of corpus/resources.yaml as small documents of their own, so "which book for X?" finds them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ingest.documents import Document
from ingest.loaders import LoadError
from ingest.yamlfile import YAMLError, load_file as load_yaml

RESOURCES_FILE = "resources.yaml"
AREA_NAMES = {
    "math_stats": "maths and statistics",
    "ml_algorithms": "machine learning algorithms",
    "software_engineering": "software engineering, programming and SQL",
    "training_frameworks": "deep learning and training frameworks",
    "mlops_cloud": "MLOps and cloud",
    "data_engineering": "data engineering and big data",
    "domain_knowledge": "domain knowledge",
    "llms_rag": "LLMs and RAG",
    "agents": "AI agents",
    "portfolio_soft_skills": "portfolio and soft skills",
}


@dataclass(frozen=True)
class Resource:
    name: str
    kind: str
    skill_area: str
    guide: str
    section: str
    author: str | None = None
    url: str | None = None
    note: str | None = None


def read_resources(path: Path) -> list[Resource]:
    try:
        data = load_yaml(path) or {}
    except (YAMLError, UnicodeDecodeError) as error:
        raise LoadError(f"{path.name}: not valid YAML ({error})") from error
    entries = data.get("resources", []) if isinstance(data, dict) else []
    fields = Resource.__dataclass_fields__
    return [Resource(**{k: v for k, v in entry.items() if k in fields}) for entry in entries
            if isinstance(entry, dict) and entry.get("name")]


def resource_documents(path: Path, guide_titles: dict[str, str]) -> list[Document]:
    """One short document per resource. The guide's own words about it come first, so that a
    sentence quoted from this entry is the guide's, not careerbot's description of it."""
    documents = []
    for resource in read_resources(path):
        guide_title = guide_titles.get(resource.guide, resource.guide)
        by = f" by {resource.author}" if resource.author else ""
        lines = [f"# {resource.name}"]
        if resource.note:  # some notes are quoted from mid-sentence ("engineers need deep knowledge of…")
            note = resource.note[:1].upper() + resource.note[1:]
            lines.append(note if note.endswith((".", "!", "?")) else f"{note}.")
        lines.append(f"{resource.name}{by} ({resource.kind}, {AREA_NAMES.get(resource.skill_area, resource.skill_area)}) "
                     f"is named in \"{guide_title}\", section {resource.section}.")
        if resource.url:
            lines.append(f"Link: {resource.url}")
        documents.append(Document(
            source=RESOURCES_FILE, title=resource.name, text="\n".join(lines), kind="resource",
            metadata={"guide": resource.guide, "section": resource.section, "kind": resource.kind},
        ))
    return documents
