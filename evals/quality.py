"""How an answer reads to a learner: does it answer, and is it free of broken text?

Measured on the final answer text, the same for every answer path (extractive, embedded):
- refused: the reply turned an answerable question away ("the guides don't cover that").
- addressed: the first sentence matches the question's kind (agent/answer/kind.py): a comparison
  names both sides, a "worth it" question gets a stance (a recommendation, or a line telling the
  reader to do it) or an honest "they don't say", a personal
  question is answered for the learner (what to start with; for "what can I skip", what can wait;
  for "X or Y first?", which of the two, by name),
  a list gives at least two points, a definition or how-to opens with a sentence on the question's
  own words.
- artifacts: link residue ("[Book]", "(opens in a new tab)", "Link:"), a citation inside "etc [3]..",
  a double stop, a sentence glued across an emoji, a lead-in or first-person story quoted as advice,
  an answer opening with a dangling reference ("These certifications…").
- duplicates: the same sentence twice (citations and case aside).
- fragments: a point that is not a sentence (under four words, or starting in lower case).
"""

from __future__ import annotations

import re

from agent.answer.compose import ADVISES, STANCE
from agent.answer.kind import classify_question
from agent.answer.points import ANECDOTE, refers_back
from ingest.text import CITATION, normalise, sentences_of, stem, tokenize

REFUSAL = re.compile(r"guides? (don't|do not|doesn't|does not) cover (that|this)\b|so I won't guess", re.I)
ARTIFACT = re.compile(
    r"\[(book|video|course|link)\]|opens in a new tab|^\W*link\W*$|\blink:|etc \[\d|(?<!\.)\.\.(?!\.)|[\U0001F300-\U0001FAFF]\s+[A-Z]"
    r"|\bi highly recommend\W*$|:\s*\[\d+\]\.?$", re.IGNORECASE | re.MULTILINE)
STANCE_OR_LIMIT = re.compile(r"\b(worth|valuable|important|crucial|essential|recommend|highly|need|don't say|"
                             r"don't judge|increasingly|key|gained|still|early stages|growing|boosts?|sets you apart|advantag\w*|"
                             r"non-negotiable|foundational|fundamental)\b", re.I)
PRONOUNS = {"myself", "yourself", "mine", "yours", "me", "you", "i", "my", "your"}
GENERIC = {"ml", "machi", "learn", "engin", "ai", "need", "becom", "job", "role", "actua", "someo",
           "good", "best", "start", "do", "get", "know", "one", "i"}


def refused(route: str, answer: str) -> bool:
    return route in ("not_covered", "off_topic") or bool(REFUSAL.search(answer))


def points(answer: str) -> list[str]:
    """The answer's sentences, layout (bold headers, lead-ins ending ":") left out."""
    found = []
    for sentence in sentences_of(answer):
        text = CITATION.sub("", sentence).strip()
        if re.fullmatch(r"\*\*[^*]+\*\*[:.]?", text) or text.endswith(":") or text.startswith("#"):
            continue
        found.append(sentence)
    return found


def addressed(question: str, answer: str) -> bool:
    kind = classify_question(question)
    lines = [line for line in answer.splitlines() if line.strip()]
    first = lines[0] if lines else ""
    said = _stems(answer)
    if kind.kind == "comparison":
        return all(_stems(side) - _stems(" ".join(PRONOUNS)) <= said for side in kind.sides)  # "teaching myself" said back as "yourself"
    if kind.kind == "worth_it":
        # (the composer's stance words too, and the guides telling you to do it: "Participate in Kaggle…")
        return bool(STANCE_OR_LIMIT.search(first) or STANCE.search(first) or ADVISES.match(first))
    if kind.kind == "personal" and kind.order:  # "PyTorch or SQL first?": which one, by name
        return all(_stems(side) <= said for side in kind.sides) and bool(re.search(r"\bfirst\b|already have", first, re.I))
    if kind.kind == "personal":
        wanted = ("can wait", "don't need") if kind.skip else ("start with", "already have")
        return any(w in answer.lower() for w in wanted)
    if kind.kind == "list":
        return len(points(answer)) >= 2
    asked = _stems(question) - GENERIC
    return not asked or bool(asked & _stems(first))


def artifacts(answer: str) -> list[str]:
    found = [m.group(0) for m in ARTIFACT.finditer(answer)]
    found += [sentence for sentence in points(answer) if ANECDOTE.search(sentence)]
    first = next((line for line in answer.splitlines() if line.strip()), "")
    if refers_back(first):  # an answer that opens with "These certifications…" points at nothing
        found.append(first)
    return found


def duplicates(answer: str) -> list[str]:
    seen: set[str] = set()
    repeated = []
    for sentence in points(answer):
        key = normalise(sentence)
        if key in seen:
            repeated.append(sentence)
        seen.add(key)
    return repeated


def fragments(answer: str) -> list[str]:
    return [s for s in points(answer)
            if len(CITATION.sub("", s).split()) < 4 or re.match(r"^[\W_]*[a-z]", CITATION.sub("", s).strip())]


def _stems(text: str) -> set[str]:
    """Word stems cut to five letters, so "contributing" meets "contribute"."""
    return {stem(w)[:5] for w in tokenize(text.replace("machine learning", "ml"))}
