"""What the guides leave open, said first, with what they do have.

A learner asking "how long until I'm job-ready?" or "which book for statistics?" gets passages
around the topic but no duration and no book: a skeleton of those alone reads as a dodge. The
guides give no timelines (the plan builder works one out from the learner's hours, so the answer
offers it), and they name two books in all: the answer says when none is on the asked topic and
lists the ones they do name, each with its area, so the learner can judge.
"""

from __future__ import annotations

import re

from ingest.text import CITATION, citations, cite, tokenize

HOW_LONG = re.compile(r"\bhow long\b|\bhow many (months|years|weeks)\b|\btime ?line\b|\bhow (quickly|fast|soon)\b",
                      re.IGNORECASE)
DURATION = re.compile(r"\b\d+(\.\d+)?\s*(-|to)?\s*\d*\s*(months?|years?|weeks?)\b", re.IGNORECASE)
NO_TIMELINE = "The guides don't say how long that takes. Let me know your weekly hours and I'll build you a plan."
HOW_MANY = re.compile(r"\bhow many\b(?!\s+(months|years|weeks|hours|days))", re.IGNORECASE)
COUNT = re.compile(r"\b\d+\b|\b(two|three|four|five|six|seven|eight|nine|ten|a few|several|a couple)\b", re.IGNORECASE)
NO_NUMBER = "The guides don't give a number for that."
NEAR_POINTS = 3
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
    which = " or ".join(absent) if len(absent) <= 2 else ", ".join(absent[:-1]) + f" or {absent[-1]}"
    points = [p for p in [skeleton.lead, *(p for _, group in skeleton.groups for p in group)] if p and citations(p)]
    groups = [("**What they do say near it:**", points[:NEAR_POINTS])] if points else []
    return type(skeleton)(f"The guides don't mention {which}.", groups)


def filled(question: str, passages: list[dict], skeleton):
    """`skeleton` with the honest limit (its `note`) and, for books, the books the guides name."""
    text = skeleton.render()
    if HOW_LONG.search(question) and not DURATION.search(text):
        # no duration in what was found: the honest limit is the answer, the passages what they do say
        return _limit_first(NO_TIMELINE, skeleton)
    if HOW_MANY.search(question) and not COUNT.search(CITATION.sub("", text)):  # "how many projects is enough?"
        return _limit_first(NO_NUMBER, skeleton)
    if BOOKS_ASKED.search(question):
        return _books(question, passages, skeleton)
    if START_ASKED.search(question):
        return _named_for_it(question, passages, skeleton)
    if COURSES_ASKED.search(question) and not MATERIAL_NAMED.search(text):
        return type(skeleton)(skeleton.lead, skeleton.groups, NO_COURSE)
    return skeleton


def _limit_first(limit: str, skeleton):
    points = [skeleton.lead] + [p for _, group in skeleton.groups for p in group]
    return type(skeleton)(limit, [("**What they do say:**", [p for p in points if p][:NEAR_POINTS])])


def _named_for_it(question: str, passages: list[dict], skeleton):
    """"Where do the guides say to start with RAG?": what they name for the topic (books, courses,
    tools whose area the question names) leads; the skeleton follows. Unchanged when they name none."""
    asked = set(tokenize(question)) - ASKING_WORDS
    named = []
    for n, passage in enumerate(passages, 1):
        entry = ENTRY.search(passage.get("text", "")) if passage.get("kind") == "resource" else None
        if entry and (set(tokenize(entry["area"])) - AREA_STOP) & asked:
            named.append(cite(f"{entry['name']} ({entry['kind']}, {entry['area']})", n))
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
    books = []
    for n, passage in enumerate(passages, 1):
        entry = ENTRY.search(passage.get("text", "")) if passage.get("kind") == "resource" else None
        if entry and entry["kind"] == "book":
            books.append((entry, n))
    asked = set(tokenize(question)) - ASKING_WORDS
    # "what books do the guides recommend for ML?" names no area: every book is on it
    on_topic = [(e, n) for e, n in books if not asked or (set(tokenize(e["area"])) - AREA_STOP) & asked]
    shown = on_topic or books
    lines = [cite(f"{e['name']} ({e['kind']}, {e['area']})", n) for e, n in shown]
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
