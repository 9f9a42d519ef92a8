"""Who a statement is about: entry-level or senior roles, ML engineers or data scientists, the
author or the reader, employers or candidates.

The guides say different things of different people; a claim that moves "mentoring junior
engineers" from senior roles to entry-level ones keeps every word and means something else.
A role is read in the position it holds: doer (subject) or the one a thing is done to or for
(after "mentoring", "with", "for" ...), so "juniors mentor seniors" is caught as a swap."""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.grounding.claims.about import Clause
from agent.grounding.terms import fold_quotes, sentence_stems

# group -> label -> (pattern in a claim, pattern in a passage). The passage speaks in the first
# person ("I", "my") where a claim says "the author", and addresses "you" where a claim says "readers".
ROLES: dict[str, dict[str, tuple[str, str]]] = {
    "seniority": {
        "entry-level roles": (r"entry[- ]level|junior|juniors|beginners?|newcomers?", r"entry[- ]level|junior|juniors|beginners?"),
        "senior roles": (r"senior|seniors|experienced", r"senior|seniors|experienced|with experience"),
    },
    "job": {
        "ML engineers": (r"(?:ml|machine learning|ai) engineer(?:s|ing)?", r"(?:ml|machine learning|ai) engineer(?:s|ing)?"),
        "data scientists": (r"data scientists?", r"data scientists?"),
        "software engineers": (r"software engineers", r"software engineers"),
    },
    "person": {
        "the author": (r"the author|author's|the writer|the guide's author|(?<=written by )(?:an?|the) [\w -]+", r"i|i'm|i've|i'd|my|me|myself"),
        "you, the reader": (r"you|your|yourself|readers?|the reader", r"you|your|you're|yourself"),
        "a Master's student": (r"master's students?|students?", r"master's students?|students?"),
        "employers": (r"employers?|companies|company|organi[sz]ations", r"employers?|companies|company|organi[sz]ations"),
        "universities": (r"universit(?:y|ies)|schools?|institutions", r"universit(?:y|ies)|schools?|institutions"),
        "candidates": (r"candidates?|applicants?", r"candidates?|applicants?"),
        "industry reports": (r"industry reports?|surveys?|official|reports?", r"industry reports?|reports?"),
        "non-technical stakeholders": (r"(?:non-technical )?stakeholders", r"(?:non-technical )?stakeholders"),
        "the LangChain team": (r"langchain team", r"langchain"),
        "other people": (r"many people|most people|others", r"people|others|many"),
    },
}
# Words after which a role is the one acted on, not the actor ("mentoring junior engineers").
_OBJECT = frozenset("mentor mentors mentoring mentored hire hires hiring hired help helps helping helped "
                    "including from alongside among to for want wants seek seeks expect expects".split())
# After these a role does the next verb ("help ML engineers work", "expect candidates to show").
_CAUSATIVE = frozenset("help helps helping helped let lets allow allows enable enables expect expects want wants".split())
_DOES = re.compile(r"\s+(?!(?:with|in|on|at|for|from|of|by|and|or|who|that|which|across|into|through|like|as)\b)"
                   r"(?:to\s+)?[a-z]+\b")
_SAYER = re.compile(r"i (?:guess|think|believe|hope|am sure|'m sure)(?: that)? you\b")
_DETERMINER = frozenset("a an the some many other more their your our".split())
_WORKS_WITH = re.compile(r"\b(?:work|works|working|worked|collaborat\w*|along|together)\s+with\s+(?:[\w'-]+\s+){0,2}$")
READER = "you, the reader"
# Words that say little about what a role does ("a typical task in entry-level roles").
GENERIC = frozenset("rol typical task often usual focus involv job position work".split())
_PRONOUN_START = re.compile(r"^(they|these|their|them|this role|such)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    group: str
    label: str
    subject: bool  # the doer, not the one acted on


def mentions(text: str, side: int) -> set[Mention]:
    """Roles named in `text`; side 0 reads a claim, 1 a passage."""
    low = fold_quotes(text).lower()
    found: set[Mention] = set()
    for group, labels in ROLES.items():
        for label, patterns in labels.items():
            for match in re.finditer(rf"(?<![\w-])(?:{patterns[side]})(?![\w-])", low):
                before = re.findall(r"[a-z']+", low[:match.start()])[-2:]
                acted_on = bool(before) and (before[-1] in _OBJECT or (len(before) == 2 and before[0] in _OBJECT
                                                                       and before[1] in _DETERMINER))
                if acted_on and _DOES.match(low[match.end():]) and _CAUSATIVE & set(before):
                    acted_on = False  # "help ML engineers work": they do the working
                acted_on = acted_on or bool(_WORKS_WITH.search(low[:match.start()]))
                if label == "the author" and _SAYER.match(low[match.start():]):
                    acted_on = True  # "I guess you are …": the author says it of someone else
                found.add(Mention(group, label, not acted_on))
    return found


def passage_mentions(clause: Clause, sentences: tuple[str, ...]) -> set[Mention]:
    """Roles of a passage clause; a clause that names no doer takes its sentence's, and a sentence
    that opens with "They"/"These" takes the previous sentence's."""
    found = mentions(clause.text, 1)
    groups = {m.group for m in found if m.subject}
    inherited = mentions(sentences[clause.sentence], 1)
    if _PRONOUN_START.match(sentences[clause.sentence]) and clause.sentence > 0:
        before = mentions(sentences[clause.sentence - 1], 1)  # "They …" is whom the sentence before spoke of
        inherited |= {Mention(m.group, m.label, True) for m in before}
    found |= {m for m in inherited if m.subject and m.group not in groups}
    if re.match(r"^(?:please\s+)?(?:don't\s+)?[a-z]+\b", clause.text.lower()) and _imperative(clause.text):
        found.add(Mention("person", "you, the reader", True))
    return found


_IMPERATIVE = frozenset("""contribute start participate build focus maintain include join connect attend create publish
quantify apply explore understand learn use utilize dive grasp master go check showcase highlight share keep
invest don't please""".split())


def _imperative(text: str) -> bool:
    first = re.findall(r"[a-z']+", fold_quotes(text).lower())[:1]
    return bool(first) and first[0] in _IMPERATIVE


def role_words(text: str) -> frozenset[str]:
    """The stems of the role words of a claim: left out when finding what it says of them."""
    low = fold_quotes(text).lower()
    spans = [m.group(0) for labels in ROLES.values() for pats in labels.values()
             for m in re.finditer(rf"(?<![\w-])(?:{pats[0]})(?![\w-])", low)]
    return frozenset(sentence_stems(" ".join(spans))) if spans else frozenset()


# Verbs of saying: "the author recommends X" reports the guide, it is not a claim about the author.
SAYS = re.compile(r"\bthe author(?:'s)?\s+(?:also\s+)?(?:says?|said|recommends?|suggests?|advises?|mentions?|notes?|"
                   r"writes|argues?|believes?|thinks?|stresses|emphasi[sz]es|explains?|warns?|lists?|describes?|"
                   r"calls?|shares?|loves?|likes?|points?|tells?|encourages?|discourages?|highlights?)\b")
FIRST_PERSON = re.compile(r"(?<![\w-])(?:i|i'm|i've|i'd|my|me|myself)(?![\w-])")


def about_the_author(claim_text: str, sentences: tuple[str, ...]) -> str:
    """A claim that the author did or is something, against a passage where the author says
    nothing of themselves ("the author holds all of these certifications")."""
    low = fold_quotes(claim_text).lower()
    if not re.search(r"\bthe author\b|\bauthor's\b|\bwritten by\b", low) or SAYS.search(low):
        return ""
    if any(FIRST_PERSON.search(fold_quotes(s).lower()) for s in sentences):
        return ""
    return "the guide says nothing about the author here"


def swapped(claim_text: str, about: list[Clause], sentences: tuple[str, ...]) -> str:
    """Why the claim speaks of other people than the passage clauses it matches ("" when it does
    not). `about` should be matched without the role words (`role_words`)."""
    claim = mentions(claim_text, 0)
    if not claim or not about:
        return ""
    passage: set[Mention] = set().union(*(passage_mentions(c, sentences) for c in about))
    for group in ROLES:
        mine = {m for m in claim if m.group == group}
        theirs = {m for m in passage if m.group == group}
        if not mine or not theirs:
            continue
        their_labels = {m.label for m in theirs}
        their_subjects = {m.label for m in theirs if m.subject}
        for m in sorted(mine, key=lambda m: (m.label, m.subject)):
            if m.label == READER and "the author" not in their_labels:
                continue  # "you" is whoever the advice is for; only the author is someone else
            if m.label not in their_labels or (m.subject and their_subjects and m.label not in their_subjects):
                other = sorted(their_subjects - {m.label}) or sorted(their_labels - {m.label})
                if other:
                    return f"the guide says this of {other[0]}, not of {m.label}"
            if m.subject and m.label in their_labels and m.label not in their_subjects:
                return f"the guide does not say this of {m.label}"  # they are the ones it is done for
    return ""
