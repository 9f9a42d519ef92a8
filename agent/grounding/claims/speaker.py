"""Who is who: a claim that makes one person of the passage into another ("the author is a
Master's student" where the author helped one prepare), or says of the author what the passage
says of others ("the author comes from a software engineering background" where the author came
from a non-programming one and ML engineers need software engineering skills).

The roles check asks whether a claim says of the author what the passage says of the reader; these
ask whether it says the author *is* someone else, or takes its words about the author from the
sentences where the author is not speaking of themselves."""

from __future__ import annotations

import re

from agent.grounding.claims.about import Clause, _has, _named, about, passage_clauses
from agent.grounding.claims.roles import FIRST_PERSON, GENERIC, ROLES, SAYS, mentions, role_words
from agent.grounding.terms import DOMAIN, content_stems, fold_quotes, sentence_stems, words

_PEOPLE = ROLES["person"]
_CONDITION = re.compile(r"\b(?:if|when|whether|unless|once|as long as|whenever)\s+$")
_BE = r"\s+(?:is|was|are|were|has been|had been|used to be|once was)\s+(?:(?:a|an|the|one of the|also)\s+)*"


def conflated(claim_text: str, sentences: tuple[str, ...]) -> str:
    """Why the claim equates two people the passage keeps apart ("" when it does not)."""
    low = fold_quotes(claim_text).lower()
    named = {m.label for m in mentions(low, 0) if m.group == "person"}
    if len(named) < 2 or not re.search(_BE, low):
        return ""  # one person, or no "is": nobody made into someone else
    passage = {m.label for s in sentences for m in mentions(s, 1)} & named
    for label, (pattern, _) in _PEOPLE.items():
        for other, (other_pattern, _) in _PEOPLE.items():
            if other == label or label not in passage or other not in passage:
                continue
            found = re.search(rf"(?<![\w-])(?:{pattern}){_BE}(?:{other_pattern})(?![\w-])", low)
            if found and not _CONDITION.search(low[:found.start()]):  # "if you are a student, …" supposes
                return f"the guide speaks of {label} and {other} as different people"
    return ""


_SELF = re.compile(r",\s+(?=I\s)")
_AUTHOR = re.compile(r"\bthe author\b|\bauthor's\b")
_SAYS_OF_SELF = re.compile(r"\bthe author\s+(?:also\s+)?\w+\s+(?:that\s+)?(?:they|he|she)\b")  # "says they watched"


def borrowed(claim_text: str, sentences: tuple[str, ...]) -> str:
    """Why the claim says of the author what the passage says of others ("" when it does not): a
    word the passage clauses where the author speaks of themselves lack, taken from a sentence
    where the author is not in it."""
    low = fold_quotes(claim_text).lower()
    if not _AUTHOR.search(low) or (SAYS.search(low) and not _SAYS_OF_SELF.search(low)):
        return ""  # "the author recommends X" is about X
    own = {i for i, s in enumerate(sentences) if FIRST_PERSON.search(fold_quotes(s).lower())}
    if not own or len(own) == len(sentences):
        return ""
    clauses = passage_clauses(sentences)
    # The author's own clauses, cut once more where "I" starts one ("Coming from … myself, I was …").
    theirs = tuple(Clause(part, c.sentence, sentence_stems(part), frozenset(words(part)))
                   for c in clauses if c.sentence in own for part in _SELF.split(c.text) if part.strip())
    # content stems without aliases: "software engineering" counts once, not also as "swe"
    stems = frozenset(content_stems(claim_text)) - role_words(claim_text) - DOMAIN - GENERIC - {"author"}
    matched = about(stems, claim_text, theirs)
    if not matched:
        return ""
    named = _named(claim_text)  # a tool or book is the name check's; what the author did is this one's
    missing = [s for s in sorted(stems) if s not in named and not any(_has(s, c.stems) for c in matched)]
    others = [c for c in clauses if c.sentence not in own]
    if any(_has(s, c.stems) for s in missing for c in others):
        return "the guide says this of others, not of the author"
    return ""
