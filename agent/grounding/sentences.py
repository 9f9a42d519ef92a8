"""Splitting answers and passages into sentences, and telling claims from headings and filler.

Rules (the checker scores claims only; the rest is layout):
- A line is a Markdown heading, a list item (`-`, `*`, `+`, `•`, `1.`, `1)`) or prose. Lines are
  never joined: the LLM does not hard-wrap, and passages arrive as one line with inline bullets.
- Inside a line, a sentence ends at `.`, `!`, `?` or `…` followed by space and a capital, a digit,
  a quote, a bracket, bold or a list marker. Abbreviations ("e.g.", "i.e.", "vs.", "Dr.", "etc."
  before a lower-case word) and decimals ("2.5") never end a sentence. Citation markers written
  after the full stop ("… Python. [2]") belong to the sentence before them.
- Not claims: headings; lines that are all bold; short lead-ins ending in ":" ("Here's what the
  guides say:"); courtesy lines ("Hope this helps!", "Good luck!"); honest abstentions ("The
  guides don't cover salaries."); anything with fewer than two content words once citations,
  Markdown and talk about "the guide" are set aside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.grounding.terms import content_stems, fold_quotes

CITATION = re.compile(r"\[\^?(\d+(?:\s*,\s*\^?\d+)*)\]")
HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
LIST_MARKER = re.compile(r"^\s*(?:[-*+•]|\d{1,2}[.)])\s+")
_ABBREVIATIONS = re.compile(
    r"\b(e\.g|i\.e|vs|cf|approx|incl|esp|etc|dr|mr|mrs|ms|prof|no|fig|a\.k\.a|u\.s|et al)\.(?=\s+[a-z0-9(])"
    r"|\b(e\.g|i\.e|vs|cf|approx|incl|esp|dr|mr|mrs|ms|prof|fig|a\.k\.a)\.(?=\s)",
    re.IGNORECASE)
_DOT = "\x00"
_SENTENCE_END = re.compile(
    r"(?<=[.!?…])[\"'’”)\]*_]*\s+(?=(?:[-*+•]\s+|\d{1,2}[.)]\s+)?[\"'‘“(\[*_]*[A-Z0-9\[])")
_LEADING_CITES = re.compile(r"^((?:\s*\[\^?\d+(?:\s*,\s*\^?\d+)*\])+)\s*")
_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_COURTESY = re.compile(
    r"^(i hope|hope (this|that|it)|good luck|happy learning|let me know|feel free|in (short|summary)|"
    r"to (sum up|summari[sz]e)|here'?s|here is|here are|sure|great question|of course|certainly)\b", re.IGNORECASE)
_ABSTENTION = re.compile(
    r"\b(guides?|passages?|sources?|they)\b[^.]{0,25}\b(don'?t|do not|doesn'?t|does not|did not|didn'?t|not)\b"
    r"[^.]{0,15}\b(cover|mention|say|discuss|address|include|specify|give|provide|contain)", re.IGNORECASE)


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


def _split_line(line: str) -> list[str]:
    protected = _ABBREVIATIONS.sub(lambda m: m.group(0)[:-1] + _DOT, line)
    pieces = [p.replace(_DOT, ".").strip() for p in _SENTENCE_END.split(protected)]
    sentences: list[str] = []
    for piece in pieces:
        piece = LIST_MARKER.sub("", piece)
        cites = _LEADING_CITES.match(piece)
        if cites and sentences:  # "… Python. [2] Then …": the [2] closes the sentence before
            sentences[-1] = f"{sentences[-1]} {cites.group(1).strip()}"
            piece = piece[cites.end():]
        if piece.strip():
            sentences.append(piece.strip())
    return sentences


def citations(sentence: str) -> list[int]:
    """The passage numbers a sentence cites, in order of first mention."""
    found: list[int] = []
    for group in CITATION.findall(sentence):
        for number in re.findall(r"\d+", group):
            if int(number) not in found:
                found.append(int(number))
    return found


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
    if _ABSTENTION.search(text):
        return False
    return len(content_stems(text)) >= 2


def is_abstention(sentence: str) -> bool:
    """An honest "the guides don't cover that": kept as is, never scored."""
    return bool(_ABSTENTION.search(fold_quotes(plain(sentence))))
