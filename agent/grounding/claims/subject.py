"""What a claim is about must be what the passage speaks of: "Feature stores are repositories for
storing features" cited to a passage on feature engineering and data repositories.

The name check misses such a subject when it is lower-case, and the word overlap does not see it
either: most of the sentence's words ("feature", "data", "repositories") are the passage's. So a
claim whose subject is a term of two or more words (the words before its verb, past a gerund like
"Understanding") needs every word of that term in the passage. A one-word subject is left to the
overlap and similarity scores: a summary may name what a passage describes ("Networking means …")."""

from __future__ import annotations

import re

from agent.grounding.terms import DOMAIN, META, NUMBER_WORDS, REFERENCES, STOPWORDS, fold_quotes, stem, stem_matches, words
from ingest.text import POINTING_BACK

# The subject: up to four words before the verb, at the start of the sentence (after a connector,
# a leading condition, or a gerund that takes it as its object: "Understanding feature stores is …").
_OPENING = re.compile(r"^(?:(?:additionally|also|moreover|furthermore|however|in short|in addition|finally|"
                      r"overall|for example|in particular)\s*,\s*)?(?:(?:if|when|once|unless|even though|even if|although|though|"
                      r"while|since|because|as)\b[^,]{3,80},\s*)?",
                      re.IGNORECASE)
_GERUND = re.compile(r"^(?:understanding|learning|mastering|knowing|using|studying|building|having|"
                     r"knowledge of|familiarity with|experience with|proficiency (?:in|with))\s+", re.IGNORECASE)
_SUBJECT = re.compile(r"^(?:(?:the|a|an|your|these|those|such)\s+)?((?:[\w'-]+\s+){0,3}?[\w'-]+)\s+"
                      r"(?:is|are|was|were|can|could|will|would|should|may|might|must|has|have|helps?|requires?|"
                      r"provides?|refers?|means?|allows?|enables?|involves?|includes?|lets?|makes?|plays?|"
                      r"remains?|becomes?|gives?|offers?|serves?|focus(?:es)?|covers?)\b", re.IGNORECASE)
_NOT_SUBJECT = frozenset(POINTING_BACK) | frozenset("""you i we they it this that there which who what one he she
each both all many most some everyone someone anyone""".split())
# Words that rate or order what the subject names, not part of its name ("a good first cloud provider").
_RATING = frozenset("""good great strong solid main core key basic important essential deep best new real common
other simple practical advanced modern several various different specific certain whole right proper""".split())
# A subject that is a person ("a physics graduate") is the roles checks' to judge.
_PEOPLE = tuple("""graduat student develop scientist analyst beginner learner people person employer compan team
candidat professional manager recruiter engineer""".split())  # word beginnings
# Heads that name an act or an aspect, which a passage says with a verb ("algorithm choice" is
# "choosing algorithms"): no term to look for.
_ABSTRACT = frozenset(stem(w) for w in """choice selection decision use usage importance goal aim purpose way
approach process practice need value focus path step part area field option benefit advantage""".split())
_OWNERS = frozenset("your my our their his her".split())
_ORDINALS = frozenset({"first", "last", "latter", "former", "next"} | {w for w in NUMBER_WORDS})


def subject(claim_text: str) -> tuple[str, tuple[str, ...]]:
    """The claim's subject phrase and the stems it is checked on, in order; ("", ()) when the
    subject is one word, a pronoun, a person, or only words every guide uses ("ML engineers")."""
    text = fold_quotes(re.sub(r"\s*\[\d+(?:[,\s]+\d+)*\]", "", claim_text)).strip()
    text = _GERUND.sub("", _OPENING.sub("", text))
    match = _SUBJECT.match(text)
    phrase = words(match.group(1)) if match else []
    if not phrase or "'" in match.group(1) or any(w in _NOT_SUBJECT or w in _OWNERS for w in phrase):
        return "", ()  # a possessive ("a data scientist's main aim", "documenting your work") names no term
    stems = [stem(w) for w in phrase if w not in STOPWORDS and w not in _RATING and len(w) > 1
             and not w.endswith("ly")]  # ("junior roles mostly involve…": an adverb before the verb)
    if not stems or stems[-1].startswith(_PEOPLE) or stems[-1] in _ABSTRACT:
        return "", ()
    ignored = DOMAIN | META | REFERENCES | _ORDINALS
    specific = tuple(s for s in stems if s not in ignored)
    # a term of several words is checked on its own words ("model registries": "registries")
    return (match.group(1), specific) if len(stems) >= 2 and specific else ("", ())


def unspoken(claim_text: str, passage_stems: frozenset[str]) -> str:
    """Why the passage does not speak of the claim's subject: it lacks the term's head ("stores"),
    or two of its words ("" when it has the head and all but one: "good portfolio projects" in a
    passage on projects from the portfolio section)."""
    phrase, stems = subject(claim_text)
    missing = [s for s in stems if not stem_matches(s, passage_stems)]
    if not missing or (stems[-1] not in missing and len(missing) < 2):
        return ""
    return f"the guide does not speak of {phrase[:1].lower() + phrase[1:]}"
