"""Cleaning a guide's text before it is chunked: what a web page leaves behind is not advice.

Guides are saved web pages. Their text carries link residue ("[Book]", "(opens in a new tab)", a
lone "Link"), page chrome ("Share", "Read more", "© 2025 …"), spam lines ("it training in nagpur"),
comment-section lines ("Just amazing", "Helpful, thanks"), headings repeated as the first line under
them, and lead-ins whose list was a set of links the page lost ("Recommended Resources for
Mathematics:" followed by the next paragraph). An answer that quotes any of these reads broken, so
they go here, once, and every later step (chunks, BM25, answers, checks) sees the clean text.
Only whole lines go, and only lines that match one of these shapes: a guide's sentences are kept.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.documents import Document

LINK_TAG = re.compile(r"\s*\[(?:book|video|course|paper|pdf|link|website|repo|github|playlist|article|free)\]",
                      re.IGNORECASE)
NEW_TAB = re.compile(r"\s*\(opens in a new (?:tab|window)\)", re.IGNORECASE)
MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\((?:https?://|/|#|www\.)[^)]*\)")
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,2}[.)])\s+")

LINK_WORD = re.compile(r"^\W*(link|links|here|source|read more|click here|learn more|see more)\W*$", re.IGNORECASE)
CHROME = re.compile(
    r"^\W*(share( (this|on \w+))?|tweet|subscribe( now)?|sign (in|up)|log ?in|follow( us)?( on \w+)?|posted (on|in|by)\b.*"
    r"|tags?:.*|categor(y|ies):.*|leave a (comment|reply)|reply|comments?( \(\d+\))?|\d+ comments?|skip to content"
    r"|table of contents|menu|home|next( post)?|previous( post)?|related( posts| articles)?|you may also like"
    r"|advertisement|sponsored|cookies?.*|accept( all)?( cookies)?|all rights reserved.*|(©|copyright)\b.*"
    r"|\d+ min(ute)? read|listen|save|clap|share this (post|article))\W*$", re.IGNORECASE)
SPAM = re.compile(
    r"\b(training|course|courses|classes|coaching|institute|certification)\s+(in|at|near)\s+[a-z]+\W*$"
    r"|\bbest\b.{0,40}\b(institute|coaching|training)\b|\b(call|whatsapp)\b.{0,20}\d{6,}", re.IGNORECASE)
PRAISE = re.compile(
    r"^\W*(just |really |very |so |such an? )*(amazing|awesome|great|nice|excellent|wonderful|helpful|useful|"
    r"informative|insightful|brilliant|superb|fantastic|good|cool|thanks?|thank you|thx|wow|loved? (it|this))"
    r"( (article|post|blog|read|content|one|info|information|work|job|stuff|write-?up|share|sharing|explanation))*"
    r"\W*(thanks?|thank you|thx)?( (so much|a lot|for (sharing|this|the (article|post|info))))?\W*$", re.IGNORECASE)
MAX_NOISE_WORDS = 10  # chrome, spam and comment lines are short; a longer line is the guide talking


def clean_text(text: str) -> str:
    """The text without link residue and noise lines (see the module docstring)."""
    lines = [_inline(line) for line in text.splitlines()]
    kept: list[str] = []
    last_heading = ""
    for index, line in enumerate(lines):
        stripped = line.strip()
        heading = HEADING.match(stripped)
        if heading:
            last_heading = heading.group(1)
            kept.append(line)
            continue
        if stripped and (_is_noise(stripped) or _repeats(stripped, last_heading) or _orphan_lead_in(lines, index)):
            continue
        if stripped:
            last_heading = ""
        kept.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip() + "\n"


def clean_document(document: Document) -> Document:
    """A guide with clean text; resource entries (careerbot's own records) are left as they are."""
    if document.kind != "guide":
        return document
    return replace(document, text=clean_text(document.text))


def _inline(line: str) -> str:
    line = MARKDOWN_LINK.sub(r"\1", line)
    line = NEW_TAB.sub("", LINK_TAG.sub("", line))
    return line.rstrip()


def _is_noise(line: str) -> bool:
    if LIST_ITEM.match(line) and len(line.split()) > 2:
        return False  # a list item is the guide's content ("- Git"), never chrome
    body = LIST_ITEM.sub("", line)
    if len(body.split()) > MAX_NOISE_WORDS:
        return False
    return bool(LINK_WORD.match(body) or CHROME.match(body) or SPAM.search(body) or PRAISE.match(body))


def _repeats(line: str, heading: str) -> bool:
    """The first line under a heading that only says the heading again."""
    def key(text: str) -> str:
        return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()
    return bool(heading) and key(line) == key(heading)


def _orphan_lead_in(lines: list[str], index: int) -> bool:
    """A short line ending in ":" whose list is gone: the next text line is not a list item."""
    line = lines[index].strip()
    if not line.endswith(":") or len(line.split()) > 14 or LIST_ITEM.match(line):
        return False
    following = next((other.strip() for other in lines[index + 1:] if other.strip()), "")
    return not LIST_ITEM.match(following) and not following.startswith(("|", "```", "#"))
