"""The last filter on every answer: an e-mail address, URL or phone number careerbot did not get
from the guides' trusted sources list (corpus/resources.yaml links, guide front-matter links) is
removed, whoever wrote it (a planted document, the model, an echoed message)."""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path

from ingest.yamlfile import YAMLError, load_file as load_yaml, safe_load
from agent.guards.injection import EMAIL, PHONE, URL, quarantine_reason

log = logging.getLogger(__name__)

REMOVED = {"email": "[address removed]", "url": "[link removed]", "phone": "[number removed]"}
LINK_FIELDS = ("url", "link", "source_url")


def scrub_contacts(text: str, trusted: frozenset[str] = frozenset()) -> str:
    """`text` with every untrusted e-mail address, URL and phone number replaced by a marker."""
    if not text:
        return text
    text = EMAIL.sub(lambda m: _keep(m.group(0), trusted, "email"), text)
    text = URL.sub(lambda m: _keep(m.group(0), trusted, "url"), text)
    return PHONE.sub(lambda m: _keep(m.group(0), trusted, "phone") if _digits(m.group(0)) >= 9 else m.group(0), text)


def _keep(found: str, trusted: frozenset[str], kind: str) -> str:
    if _canonical(found) in trusted or found.startswith("[") and found.endswith("]"):
        return found
    return REMOVED[kind]


def _canonical(value: str) -> str:
    value = value.strip().rstrip(".,;:!?").lower()
    value = re.sub(r"^(https?|ftp)://", "", value)
    value = re.sub(r"^www\.", "", value)
    return value.rstrip("/")


def _digits(value: str) -> int:
    return sum(ch.isdigit() for ch in value)


def trusted_contacts(corpus_dir: Path) -> frozenset[str]:
    """Links the guides vouch for: `url` fields of corpus/resources.yaml entries and guides' front
    matter, each kept only when its entry is not itself instruction-like (a planted entry)."""
    path = Path(corpus_dir)
    try:
        stamp = tuple((p.name, p.stat().st_mtime_ns) for p in sorted(path.glob("*.md")) + [path / "resources.yaml"]
                      if p.exists())
    except OSError:
        return frozenset()
    return _trusted(str(path), stamp)


@lru_cache(maxsize=8)
def _trusted(corpus_dir: str, stamp: tuple) -> frozenset[str]:
    found: set[str] = set()
    root = Path(corpus_dir)
    for entry in _resource_entries(root / "resources.yaml") + [_front_matter(p) for p in sorted(root.glob("*.md"))]:
        if quarantine_reason(" ".join(str(v) for v in entry.values())):
            continue
        found.update(_canonical(str(entry[key])) for key in LINK_FIELDS if entry.get(key))
    return frozenset(found)


def _resource_entries(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    try:
        data = load_yaml(path) or {}
    except (OSError, UnicodeDecodeError, YAMLError) as error:
        log.warning("trusted links: cannot read %s (%s)", path.name, error)
        return []
    entries = data.get("resources", []) if isinstance(data, dict) else []
    return [entry for entry in entries if isinstance(entry, dict)]


def _front_matter(path: Path) -> dict:
    try:
        text = path.read_text(encoding="utf-8")[:4000]
    except (OSError, UnicodeDecodeError):
        return {}
    match = re.match(r"\A---\s*\n(.*?)\n---\s*\n", text, re.DOTALL)
    try:
        data = safe_load(match.group(1)) if match else {}
    except YAMLError:
        return {}
    return data if isinstance(data, dict) else {}
