"""Whose words and what for: what the learner says about themselves (not what they ask about), the
certification they name as a goal, the skills they say they want to learn, their tastes (format,
certification, cloud), and the skill map's vocabulary those rules share with agent.plan.facts. Text here is already normalised (facts._normalise)."""

from __future__ import annotations

import re
from functools import lru_cache

from agent.plan import phrases
from agent.plan.skillmap import load_skill_map


def statements(text: str) -> str:
    """The text without questions about topics: a sentence that opens as a question ("what's the
    difference between an ML engineer and a data scientist?") is dropped unless it speaks about the
    learner ("I'm a data scientist, what should I learn?") or asks for a plan."""
    kept = [sentence for sentence in re.split(r"(?<=[.!?\n])\s+", text)
            if not phrases.QUESTION_START.match(sentence) or phrases.FIRST_PERSON.search(sentence)
            or phrases.PLAN_REQUEST.search(sentence)]
    return " ".join(kept)


def as_if(message: str) -> bool:
    """A statement about the learner asked as a question: "what if I already have a physics PhD?"."""
    return bool(phrases.HYPOTHETICAL.search(message.lower().replace("’", "'")))


def negated(before: str) -> bool:
    return bool(phrases.NEGATED_BEFORE.search(before))


def certification_goal(text: str) -> tuple[str | None, str]:
    """A certification the guides name, mentioned and not negated, and the text with its name
    replaced by "certification" (so "Google Professional ML Engineer" does not also name a track).
    A bare "AWS certification" becomes the provider's starting point (see PROVIDER_CERTIFICATION)."""
    hits = []
    for cert in load_skill_map().certifications.values():
        for keyword in cert.keywords:
            for match in re.finditer(rf"(?<!\w){re.escape(keyword)}(?!\w)", text):
                before = text[max(0, match.start() - 40):match.start()]
                if not negated(before) and not phrases.HELD_BEFORE.search(before):
                    hits.append((match.start(), -len(keyword), cert.id, match.end()))
    if not hits:
        return None, text
    start, _, cert_id, end = min(hits)
    provider = load_skill_map().certifications[cert_id].cloud or ""
    return cert_id, f"{text[:start]}{provider} certification{text[end:]}"


def wanted_skills(text: str) -> set[str]:
    """Skills the learner says they want to learn ("want to learn deep learning & computer vision"),
    unless negated ("I don't want to learn the maths")."""
    wanted: set[str] = set()
    for match in phrases.WANT_TO_LEARN.finditer(text):
        if not negated(text[max(0, match.start() - 20):match.start()]):
            wanted.update(skill_mentions(match["what"]))
    return wanted


@lru_cache(maxsize=1)
def skill_terms() -> tuple[re.Pattern, dict[str, list[str]]]:
    """One pattern for every skill term (longest first, plural allowed) and term → skill ids."""
    terms: dict[str, list[str]] = {}
    for skill in load_skill_map().skills.values():
        for keyword in skill.keywords:
            if keyword not in phrases.GENERIC:
                terms.setdefault(keyword, [skill.id])  # a shared keyword counts for the first skill
    terms.update(phrases.SYNONYMS)
    ordered = sorted(terms, key=len, reverse=True)
    alternatives = "|".join(re.escape(t) + ("" if t.endswith("s") else "s?") for t in ordered)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"), terms


def skill_mentions(text: str) -> list[str]:
    """Every skill id `text` names, whatever the cue, in order ("the maths" → both maths skills)."""
    pattern, terms = skill_terms()
    found: list[str] = []
    for match in pattern.finditer(text.lower().replace("’", "'")):
        for skill_id in terms.get(match[0]) or terms.get(match[0][:-1], []):
            if skill_id not in found:
                found.append(skill_id)
    return found


def clauses(text: str) -> list[str]:
    return [c for c in phrases.CLAUSES.split(text) if c.strip()]


def format_taste(text: str) -> str | None:
    liked, disliked = set(), set()
    for clause in clauses(text):
        for name, pattern in phrases.FORMATS:
            for match in re.finditer(pattern, clause):
                before = clause[:match.start()]
                against = negated(before) or phrases.DISPREFERRED_BEFORE.search(before)
                (disliked if against else liked).add(name)
    if liked:
        return liked.pop() if len(liked) == 1 else "any"
    if len(disliked) == 1:
        return "books" if disliked == {"courses"} else "courses"
    return "any" if disliked else None


def certification_wanted(text: str) -> bool | None:
    for clause in clauses(text):
        match = phrases.CERTIFICATION.search(clause)
        if match:
            return not negated(clause[:match.start()])
    return None


def cloud_taste(text: str) -> str | None:
    hits = [(match.start(), provider) for provider, pattern in phrases.CLOUDS for match in re.finditer(pattern, text)
            if not negated(text[max(0, match.start() - 40):match.start()])]
    return min(hits)[1] if hits else None
