"""What the guides leave open, said first, with what they do have.

A learner asking "how long until I'm job-ready?" or "which book for statistics?" gets passages
around the topic but no duration and no book: a skeleton of those alone reads as a dodge. The
guides give no timelines (the plan builder works one out from the learner's hours, so the answer
offers it), and they name two books in all: the answer says when none is on the asked topic and
lists the ones they do name, each with its area, so the learner can judge.
"""

from __future__ import annotations

import re

from ingest.text import CITATION, citations, cite, listed, says, tokenize

HOW_LONG = re.compile(r"\bhow long\b|\bhow many (months|years|weeks)\b|\btime ?line\b|\bhow (quickly|fast|soon)\b",
                      re.IGNORECASE)
DURATION = re.compile(r"\b\d+(\.\d+)?\s*(-|to)?\s*\d*\s*(months?|years?|weeks?)\b", re.IGNORECASE)
NO_TIMELINE = "The guides don't say how long that takes. Let me know your weekly hours and I'll build you a plan."
HOW_MANY = re.compile(r"\bhow many\b(?!\s+(months|years|weeks|hours|days))", re.IGNORECASE)
COUNT = re.compile(r"\b\d+\b|\b(two|three|four|five|six|seven|eight|nine|ten|a few|several|a couple)\b", re.IGNORECASE)
NO_NUMBER = "The guides don't give a number for that."
NEAR_POINTS = 3
FREE_ASKED = re.compile(r"\b(for free|free (of charge|courses?|resources?|materials?|options?|ways?|stuff)|without paying|"
                        r"(no|little|without) money|on a budget|cheap(ly|est)?)\b", re.IGNORECASE)
NO_PRICE = "The guides don't say which resources are free or what they cost."
CV_ASKED = re.compile(r"\b(r[eé]sum[eé]s?|cvs?|cover letters?)\b", re.IGNORECASE)
NO_CV = "The guides don't cover CVs or résumés."
BOOKS_ASKED = re.compile(r"\bbooks?\b", re.IGNORECASE)
START_ASKED = re.compile(r"\bwhere\b[\w\s'’]{0,30}\b(start|begin)\w*", re.IGNORECASE)
COURSES_ASKED = re.compile(r"\bcourses?\b", re.IGNORECASE)
MATERIAL_NAMED = re.compile(r"\b(books?|courses?|specializations?|certificates?|certifications?|playlists?)\b",
                            re.IGNORECASE)
NO_BOOK = "The guides don't mention a book on that."
NO_COURSE = "The guides don't mention a specific course for that."
# "AI Engineering: … (book, LLMs and RAG) is named in …": a resource entry's name, kind and area.
ENTRY = re.compile(r"^(?P<name>.+?) \((?P<kind>[a-z ]+), (?P<area>[^)]+)\) is named in", re.MULTILINE)
AREA_STOP = {"and", "cloud", "ml", "the"}
ASKING_WORDS = set(tokenize("what which book books recommend recommended guides guide read reading should good best "
                            "any ml machine learning ai engineer engineering become get into start first one"))


def not_named(absent: list[str], skeleton):
    """"And what about Terraform?": a tool, course or name the guides never mention (the caller
    searched the whole corpus for it) is said first; what they say near it follows."""
    if "cover" in skeleton.limit:  # a comparison already says which side they don't cover
        return skeleton
    return _limit_first(f"The guides don't mention {listed(absent, 'or')}.", skeleton, "**What they do say near it:**")


def named_first(present: list[str], skeleton):
    """"How much C++ do I need?": the one point that names the tool asked about leads (the guides
    name it in a single line, which the question's other words, "inference optimisation", outrank;
    the same test brought that line's passage in, agent/nodes/answering.py)."""
    def names(text: str) -> bool:
        return any(says(text, name) for name in present)

    if not present or not skeleton.lead or names(skeleton.lead) or not citations(skeleton.lead):
        return skeleton
    point = next((p for _, group in skeleton.groups for p in group if names(p)), None)
    if point is None:
        return skeleton
    groups = [(header, [p for p in group if p != point]) for header, group in skeleton.groups]
    groups = [(header, group) for header, group in groups if group]
    first = groups[0] if groups else ("The guides add:", [])
    return type(skeleton)(point, [(first[0], [skeleton.lead, *first[1]]), *groups[1:]], skeleton.note)


def filled(question: str, passages: list[dict], skeleton):
    """`skeleton` with the honest limit (its `note`) and, for books, the books the guides name."""
    text = skeleton.render()
    if HOW_LONG.search(question) and not DURATION.search(text):
        # no duration in what was found: the honest limit is the answer, the passages what they do say
        return _limit_first(NO_TIMELINE, skeleton)
    if HOW_MANY.search(question) and not COUNT.search(CITATION.sub("", text)):  # "how many projects is enough?"
        return _limit_first(NO_NUMBER, skeleton)
    if CV_ASKED.search(question) and not CV_ASKED.search(text):  # "what should I put on my resume?"
        return _limit_first(NO_CV, skeleton)
    if FREE_ASKED.search(question) and not re.search(r"\bfree\b", text, re.IGNORECASE):  # "MLOps for free?"
        return _limit_first(NO_PRICE, skeleton)
    if BOOKS_ASKED.search(question):
        return _books(question, passages, skeleton)
    if START_ASKED.search(question):
        return _named_for_it(question, passages, skeleton)
    if COURSES_ASKED.search(question) and not MATERIAL_NAMED.search(text):
        return type(skeleton)(skeleton.lead, skeleton.groups, NO_COURSE)
    return skeleton


def _limit_first(limit: str, skeleton, header: str = "**What they do say:**"):
    """The honest limit as the lead, then the skeleton's first cited points."""
    points = [p for p in [skeleton.lead, *(p for _, group in skeleton.groups for p in group)] if p and citations(p)]
    return type(skeleton)(limit, [(header, points[:NEAR_POINTS])] if points else [])


def _named_for_it(question: str, passages: list[dict], skeleton):
    """"Where do the guides say to start with RAG?": what they name for the topic (books, courses,
    tools whose area the question names) leads; the skeleton follows. Unchanged when they name none."""
    asked = set(tokenize(question)) - ASKING_WORDS
    named = [_line(entry, n) for entry, n in _entries(passages) if _on_topic(entry, asked)]
    if not named or skeleton.lead and not citations(skeleton.lead):
        return skeleton  # (nothing named, or a personal answer: its own order leads)
    rest = [(header, [p for p in points if not any(line.split(" (")[0] in p for line in named)])
            for header, points in skeleton.groups]
    rest = [(header, points) for header, points in rest if points]
    if skeleton.lead:
        rest = [(rest[0][0], [skeleton.lead, *rest[0][1]]), *rest[1:]] if rest else [("**From the guides:**", [skeleton.lead])]
    return type(skeleton)("", [("**What the guides name for it:**", named), *rest], skeleton.note)


def _books(question: str, passages: list[dict], skeleton):
    """The books on the asked topic (their area shares a word with the question) first; when none
    is, the honest limit and every book the guides name."""
    books = [(entry, n) for entry, n in _entries(passages) if entry["kind"] == "book"]
    asked = set(tokenize(question)) - ASKING_WORDS
    # "what books do the guides recommend for ML?" names no area: every book is on it
    on_topic = [(e, n) for e, n in books if not asked or _on_topic(e, asked)]
    shown = on_topic or books
    lines = [_line(e, n) for e, n in shown]
    rest = [(header, [p for p in points if not any(e["name"] in p for e, _ in shown)]) for header, points in skeleton.groups]
    rest = [(header, points) for header, points in rest if points]  # a book named once, in the books group
    if on_topic:  # the books answer "which book?": they come first, what the skeleton led with follows
        if skeleton.lead and rest:
            rest[0] = (rest[0][0], [skeleton.lead, *rest[0][1]])
        elif skeleton.lead:
            rest = [("**From the guides:**", [skeleton.lead])]
        return type(skeleton)("", [("**Books the guides name:**", lines), *rest], skeleton.note)
    groups = ([("**The books they do name:**", lines)] if lines else []) + rest
    return type(skeleton)(skeleton.lead, groups, NO_BOOK)


def _entries(passages: list[dict]) -> list[tuple[re.Match, int]]:
    """The resource entries among the passages, each with its 1-based passage number."""
    found = []
    for n, passage in enumerate(passages, 1):
        entry = ENTRY.search(passage.get("text", "")) if passage.get("kind") == "resource" else None
        if entry:
            found.append((entry, n))
    return found


def _on_topic(entry: re.Match, asked: set[str]) -> bool:
    """The entry's area shares a word with the question, or its title two ("ML system design" is
    "Designing Machine Learning Systems", filed under MLOps)."""
    return bool((set(tokenize(entry["area"])) - AREA_STOP) & asked) or len(set(tokenize(entry["name"])) & asked) >= 2


def _line(entry: re.Match, n: int) -> str:
    """"AI Engineering: … (a book on LLMs and RAG) [3]": the entry's "(book, LLMs and RAG)" in words,
    so nobody reads "LLMs and RAG" as the author."""
    about = "on" if entry["kind"] in ("book", "course", "video") else "for"
    return cite(f"{entry['name']} (a {entry['kind']} {about} {entry['area']})", n)
