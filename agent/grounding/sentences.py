"""Splitting answers and passages into sentences, and telling claims from headings and filler.

Rules (the checker scores claims only; the rest is layout):
- A line is a Markdown heading, a list item (`-`, `*`, `+`, `•`, `1.`, `1)`) or prose. Lines are
  never joined: the LLM does not hard-wrap, and passages arrive as one line with inline bullets.
- Inside a line, a sentence ends at `.`, `!`, `?` or `…` followed by space and a capital, a digit,
  a quote, a bracket, bold or a list marker, but never inside parentheses ("(section: Pyramid ›
  5. MLOps)"). Abbreviations ("e.g.", "i.e.", "vs.", "Dr.", "etc." before a lower-case word) and
  decimals ("2.5") never end a sentence. Citation markers written after the full stop
  ("… Python. [2]") belong to the sentence before them.
- Not claims: headings; lines that are all bold; lead-ins of at most 12 words ending in ":"
  ("Here's what the guides say:"); short courtesy lines ("Hope this helps!", "Good luck!"); short
  honest abstentions that say nothing else ("The guides don't cover salaries."); anything with
  fewer than two content words once citations, Markdown and talk about "the guide" are set aside
  ("Sure!", "In short:").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.grounding.terms import content_stems, fold_quotes
from ingest.text import CITATION, LIST_MARKER, citations, with_citations  # noqa: F401 (re-exported)
from ingest.text import split_sentences as _split_line

HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_INLINE_BULLET = re.compile(r"(?<![:])\s+[-•]\s+(?=[\"'(]?[A-Z])")
_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_COURTESY = re.compile(
    r"^(i hope|hope (this|that|it)|good luck|best of luck|happy learning|let me know|feel free|great question)\b",
    re.IGNORECASE)
_ABSTENTION = re.compile(
    r"\b(guides?|passages?|sources?|materials?)\b[^.]{0,25}\b(don'?t|do not|doesn'?t|does not|did not|didn'?t|not)\b"
    r"[^.]{0,15}\b(cover|mention|say|discuss|address|include|specify|give|provide|contain)", re.IGNORECASE)
_CONTINUES = re.compile(r"\b(but|however|although|though|yet)\b|;", re.IGNORECASE)


@dataclass(frozen=True)
class Line:
    """One line of text as laid out: its indent/bullet prefix, its sentences, and its kind."""

    prefix: str
    sentences: list[str]
    heading: bool = False


def split_lines(text: str) -> list[Line]:
    """Every line of `text` with its layout, blank lines kept as empty `Line`s."""
    lines: list[Line] = []
    for raw in text.splitlines():
        if not raw.strip():
            lines.append(Line("", []))
        elif HEADING.match(raw):
            lines.append(Line("", [raw.strip()], heading=True))
        else:
            marker = LIST_MARKER.match(raw)
            prefix = marker.group(0) if marker else raw[: len(raw) - len(raw.lstrip())]
            lines.append(Line(prefix, _split_line(raw[len(prefix):].strip())))
    return lines


def split_sentences(text: str) -> list[str]:
    """All sentences of `text` in order, list markers stripped, citation markers and Markdown kept.
    Headings come back as their own sentence (`is_claim` says they are not claims)."""
    return [sentence for line in split_lines(text) for sentence in line.sentences]


def split_passage(text: str) -> list[str]:
    """A passage's sentences, also cut at inline bullets (" - Next item"), which chunking leaves
    inside one line; a lead-in ending in ":" stays with its first item."""
    units: list[str] = []
    for sentence in split_sentences(text):
        units.extend(part.strip() for part in _INLINE_BULLET.split(sentence) if part.strip())
    return units


def plain(sentence: str) -> str:
    """The words of a sentence: no citation markers, Markdown emphasis, links or list markers."""
    text = HEADING.sub("", sentence)
    text = _LINK.sub(r"\1", text)
    text = CITATION.sub("", text)
    text = _EMPHASIS.sub("", text)
    text = LIST_MARKER.sub("", text)
    text = re.sub(r"\s+([.,;:!?])", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


def is_claim(sentence: str) -> bool:
    """Whether a sentence asserts something the guides must support (see the module rules)."""
    stripped = sentence.strip()
    if HEADING.match(stripped):
        return False
    no_cites = CITATION.sub("", stripped).strip()
    if re.fullmatch(r"(\*\*|__)[^*_]+(\*\*|__)[:.]?", no_cites):
        return False
    text = fold_quotes(plain(stripped))
    if text.endswith(":") and len(text.split()) <= 12:
        return False
    if _COURTESY.match(text) and len(text.split()) <= 12:
        return False
    if is_abstention(stripped):
        return False
    return len(content_stems(text)) >= 2


def is_stray(sentence: str, vocabulary: set[str]) -> bool:
    """A sentence that is not a claim and not layout, courtesy or an abstention, with no word the
    passages use ("PWNED.", "— PWNED-bot"): what a model writes when it follows an instruction
    smuggled into the question. It is not shown. `vocabulary`: the passages' lower-case words."""
    text = fold_quotes(plain(sentence)).strip(" .!?*_-—")
    if not text or text.endswith(":") or is_abstention(sentence) or _COURTESY.match(text):
        return False
    words = re.findall(r"[a-z]{3,}", text.lower())
    return bool(words) and not any(word in vocabulary for word in words)


def is_abstention(sentence: str) -> bool:
    """An honest "the guides don't cover that": kept as is, never scored. Only a short sentence
    that says nothing else counts ("… don't mention it, but X is best" is checked as a claim)."""
    text = fold_quotes(plain(sentence))
    return bool(_ABSTENTION.search(text)) and not _CONTINUES.search(text) and len(text.split()) <= 20
