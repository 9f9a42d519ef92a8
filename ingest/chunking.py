"""Heading-aware chunking: split a document by headings, then by size with overlap at sentence ends."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ingest.documents import SECTION_SEPARATOR, Chunk, Document, chunk_id
from ingest.text import split_sentences

# The default chunk, in words (MiniLM reads at most 256 word pieces; ~120 words stays well inside).
# CAREERBOT_CHUNK_SIZE / _CHUNK_OVERLAP start from these (agent/settings.py).
CHUNK_WORDS = 120
OVERLAP_WORDS = 25

HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
LIST_ITEM = re.compile(r"^([-*+]|\d+[.)])\s")


@dataclass(frozen=True)
class Section:
    """A run of text under one heading path."""

    path: tuple[str, ...]
    text: str


def split_sections(document: Document) -> list[Section]:
    """Walk the Markdown headings, tracking the path of enclosing headings. The document's own
    H1 (its title) is not repeated in the path: the chunk carries the title separately."""
    sections: list[Section] = []
    stack: list[tuple[int, str]] = []
    lines: list[str] = []

    def flush() -> None:
        text = "\n".join(lines).strip()
        if text:
            sections.append(Section(tuple(title for _, title in stack), text))
        lines.clear()

    for line in document.text.splitlines():
        match = HEADING.match(line)
        if not match:
            lines.append(line)
            continue
        flush()
        level, title = len(match.group(1)), match.group(2).strip()
        if level == 1 and title.casefold() == document.title.casefold():
            stack.clear()
            continue
        while stack and stack[-1][0] >= level:
            stack.pop()
        stack.append((level, title))
    flush()
    return sections


def split_units(text: str) -> list[str]:
    """Sentences and list items: the pieces a chunk boundary may fall between. Lines of one
    paragraph are joined first (Markdown wraps), list items always start a new piece."""
    units: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        logical: list[str] = []
        for line in block.splitlines():
            line = line.strip()
            if not line:
                continue
            if logical and not LIST_ITEM.match(line):
                logical[-1] = f"{logical[-1]} {line}"
            else:
                logical.append(line)
        for line in logical:
            units.extend(split_sentences(line, keep_marker=True))
    return units


def pack_units(units: list[str], size: int, overlap: int) -> list[str]:
    """Greedy packing of whole units up to `size` words; each new chunk starts with the last
    units of the previous one, up to `overlap` words. A single unit longer than `size` is cut
    by words (the only case where a chunk ends mid-sentence)."""
    pieces: list[str] = []
    for unit in units:
        words = unit.split()
        if len(words) <= size:
            pieces.append(unit)
        else:
            step = max(1, size - overlap)
            pieces.extend(" ".join(words[i:i + size]) for i in range(0, len(words) - overlap, step))

    chunks: list[list[str]] = []
    current: list[str] = []
    for piece in pieces:
        if current and _words(current) + len(piece.split()) > size:
            chunks.append(current)
            current = _tail(current, overlap, size - len(piece.split()))
        current.append(piece)
    if current:
        chunks.append(current)
    return ["\n".join(chunk) for chunk in chunks]  # one unit a line: a list stays a list


def _words(units: list[str]) -> int:
    return sum(len(unit.split()) for unit in units)


def _tail(units: list[str], overlap: int, room: int) -> list[str]:
    """The last whole units of a chunk that fit in `overlap` words and leave room for the next piece."""
    tail: list[str] = []
    budget = min(overlap, room)
    for unit in reversed(units):
        count = len(unit.split())
        if count > budget:
            break
        tail.insert(0, unit)
        budget -= count
    return tail


def chunk_document(document: Document, size: int = CHUNK_WORDS, overlap: int = OVERLAP_WORDS) -> list[Chunk]:
    """All chunks of a document, in order, each with its title and heading path."""
    if overlap >= size:
        raise ValueError(f"chunk overlap ({overlap}) must be smaller than chunk size ({size})")
    chunks: list[Chunk] = []
    seen: dict[str, int] = {}
    for section in split_sections(document):
        heading = SECTION_SEPARATOR.join(section.path)
        for body in pack_units(split_units(section.text), size, overlap):
            chunk = Chunk(id="", source=document.source, title=document.title, section=heading,
                          body=body, kind=document.kind, position=len(chunks),
                          short_title=document.metadata.get("short_title", ""))
            # The id hashes the content, not the position, so an edit near the top of a file
            # does not re-embed everything below it; a repeated passage gets an occurrence count.
            occurrence = seen.get(chunk.text, 0)
            seen[chunk.text] = occurrence + 1
            chunks.append(replace(chunk, id=chunk_id(chunk.source, f"{chunk.text}\0{occurrence}")))
    return chunks
