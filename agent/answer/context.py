"""The passages an answer is composed from: the relevant ones, best first, lists kept whole.

Retrieval returns candidates in fused (reciprocal-rank) order, which is good for finding and bad
for answering: a passage ranked 6th may be more relevant than the 3rd. So the final passages are
re-ordered by relevance (MiniLM cosine to the question) and cut relative to the best one rather
than at a fixed count. Resource entries (one line per book or tool from resources.yaml) answer
only questions that ask for material; elsewhere the guide passage that names the resource says
more. A bulleted list under one heading that chunking split (an ML engineer's key
responsibilities, over four sub-headings) is put back together when a list is what is asked.
"""

from __future__ import annotations

import re
from dataclasses import replace

from agent.answer.kind import QuestionKind
from agent.retrieval.passage import Passage
from agent.retrieval.retriever import RESOURCE_INTENT
from ingest.documents import SECTION_SEPARATOR
from ingest.store import StoredChunk
from ingest.text import tokenize

# Keep passages scoring at least this share of the best one's relevance. Measured on the answers
# dev set (2026-12-03): 0.8 keeps the 2nd-7th passages that hold key facts, drops the tail that
# only shares the topic ("the field continues to evolve").
RELATIVE_CUTOFF = 0.8
MAX_PASSAGES = 6
MAX_LIST_WORDS = 360  # a merged list longer than this is not shown whole (the model reads ~800 tokens)
WHAT_THEY_DO = re.compile(r"\bwhat (does|do)\b.*\b(do|work on)\b|\bday[- ]to[- ]day\b|\bresponsibilit", re.I)
GENERIC = {"ml", "machine", "learn", "engineer", "ai", "data", "model", "skill", "need", "know", "actual"}
LIST_LINE = re.compile(r"^\s*(?:[-*+•]|\d{1,2}[.)])\s+", re.MULTILINE)


def answer_context(question: str, kind: QuestionKind, found: list[Passage], chunks: list[StoredChunk],
                   max_passages: int = MAX_PASSAGES) -> list[Passage]:
    """The final passages for `question`, best first (see the module docstring)."""
    wants_resources = bool(RESOURCE_INTENT.search(question))
    passages = [p for p in found if wants_resources or p.kind != "resource"] or found
    passages = sorted(passages, key=lambda p: -p.score)
    if not passages:
        return []
    floor = passages[0].score * RELATIVE_CUTOFF
    kept = [p for p in passages if p.score >= floor][:max_passages] or passages[:1]  # (a negative best score)
    if kind.kind in ("list", "definition"):
        kept = _whole_list(question, kept, chunks)
    return kept


def _about_the_list(question: str, top: Passage, parent: str) -> bool:
    """Whether the question asks for the list the best passage introduces or holds: it names what
    the heading or the lead-in line names ("key responsibilities" ↔ "…their key responsibilities:")."""
    lead_ins = " ".join(line for line in top.text.splitlines() if line.rstrip().endswith(":"))
    if WHAT_THEY_DO.search(question) and re.search(r"\bdo\b|responsibilit", f"{parent} {lead_ins}", re.I):
        return True  # "what does an ML engineer do?" ↔ "What ML Engineers Do…"
    asked = set(tokenize(question)) - GENERIC
    return bool(asked & set(tokenize(f"{parent.rsplit(SECTION_SEPARATOR, 1)[-1]} {lead_ins}")))


def _whole_list(question: str, passages: list[Passage], chunks: list[StoredChunk]) -> list[Passage]:
    """The best passage's list with its siblings (chunks of the same section, or of sibling
    sections under the same parent heading) as one passage, when that fits the budget."""
    top = passages[0]
    has_children = any(c.metadata.get("source") == top.source and
                       c.metadata.get("section", "").startswith(top.section + SECTION_SEPARATOR) for c in chunks)
    parent = top.section if has_children or SECTION_SEPARATOR not in top.section else \
        top.section.rsplit(SECTION_SEPARATOR, 1)[0]
    if not _about_the_list(question, top, parent):
        return passages
    family = sorted((c for c in chunks if c.metadata.get("source") == top.source
                     and _under(c.metadata.get("section", ""), parent)),
                    key=lambda c: c.metadata.get("position", 0))
    if len(family) < 2:
        return passages
    text = _merge([(c.metadata.get("section", ""), c.metadata.get("body") or c.text) for c in family], parent)
    if len(text.split()) > MAX_LIST_WORDS or not LIST_LINE.search(text):
        return passages
    merged = replace(top, id=f"{top.id}+list", text=text, section=parent)
    family_ids = {c.id for c in family}
    return [merged] + [p for p in passages[1:] if p.id not in family_ids and p.source != top.source
                       or p.id not in family_ids and not _under(p.section, parent)]


def _under(section: str, parent: str) -> bool:
    return section == parent or section.startswith(parent + SECTION_SEPARATOR)


def _merge(parts: list[tuple[str, str]], parent: str) -> str:
    """Chunk bodies joined in document order, each sub-heading once as a Markdown heading, and the
    units that chunk overlap repeated dropped (so no sentence appears twice)."""
    lines: list[str] = []
    seen: set[str] = set()
    current = None
    for section, body in parts:
        if section != current and section != parent:
            lines.append(f"#### {section.rsplit(SECTION_SEPARATOR, 1)[-1]}")
        current = section
        for line in body.splitlines():
            key = line.strip().lower()
            if key and key not in seen:
                seen.add(key)
                lines.append(line.strip())
    return "\n".join(lines)
