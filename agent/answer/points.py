"""Which guide sentences can stand alone as a point of advice, and which cannot.

A guide sentence quoted out of its page can read broken: a lead-in whose list follows ("For MLOps
principle development, I highly recommend:"), a rhetorical line ("Let's fix that!"), the author's
own story ("Coming from a non-programming background myself, …"), a sentence pointing at what is
not quoted ("These certifications …", "I really love below resources."), a belief the guide goes on
to reject ("Basically, they think an ML Engineer should know everything…"), or a closing
flourish ("By following these steps … you can embark on a rewarding career"). Such sentences are
never points; a back-reference is kept only right after the sentence it refers to.
"""

from __future__ import annotations

import re

from ingest.text import POINTING_BACK

LEAD_IN = re.compile(r":\W*$|\b(recommend|suggest|include|includes|following|like|are|is)\W*$", re.IGNORECASE)
# Interjections a sentence can lose and still say the same ("Trust me, building RAG systems…").
INTERJECTION = re.compile(r"^(note|tip|p\.?s\.?)\s*:\s*|^(trust me|honestly|literally|in simple words),\s*", re.I)
RHETORICAL = re.compile(
    r"^\W*(heyl+o+|hey|hi|hello|let['’]?s fix that|but first|now,? here['’]?s|i can['’]?t emphasi[sz]e|"
    r"i don['’]?t think i need to stress|if you have reached|unfortunately/fortunately|so, [“\"]|today, we['’]?re diving|"
    r"in this (blog|article|post)|we['’]?ll delve)|\?\W*$", re.IGNORECASE)
ANECDOTE = re.compile(
    r"\b(myself|i had|i was|i learned|i read|i realized|i didn['’]?t|i didnt|my (journey|own|experience|career|personal|"
    r"favou?rite)|recently, i|through my experience|i['’]?ve already|i can still|i will also|i guess|i['’]?m always|"
    r"i['’]?d like to share|i really love|i love|i hope|i was fortunate|when i hit|please share|add it to the comments|"
    r"in the comments|big disclaimer|just google)\b", re.IGNORECASE)
DANGLING = re.compile(
    r"\b(below|above|all (of )?these|this (book|one|video|series|course|list|playlist|article|blog)|these resources|"
    r"the following|following resources|here are some|as well:|mentioned (above|earlier)|the (right|best|good|other) ones|(through|of) them all)\b",
    re.IGNORECASE)  # ("choose the right ones for yourself": ones of what?)
# POINTING_BACK, and "them", after a leading "Also,"/"and"/"but": guide sentences open that way.
BACK_REFERENCE = re.compile(rf"^\W*(?:(?:also|and|but|so|plus),?\s+)?({'|'.join(POINTING_BACK + ('them',))})\b",
                            re.IGNORECASE)
MISCONCEPTION = re.compile(
    r"\b(many assume|they think|people (think|believe|assume)|basically, they|get them mixed up|common confusion)\b"
    r"|=", re.IGNORECASE)
FLOURISH = re.compile(
    r"^\W*(remember,|in essence,|as we['’]?ve explored|by following these|with dedication|in conclusion|in this blog|"
    r"whether you['’]?re a|join us|keep building|you['’]?ve got this|the field of machine learning engineering continues to "
    r"offer|artificial intelligence is no longer)", re.IGNORECASE)
# Marketing lines about the field, wherever they sit in a sentence: no advice in them.
HYPE = re.compile(r"\b(breathtaking pace|exciting (opportunities|field|career)|carve a niche|promising path|"
                  r"dynamic career path|rewarding career|embark on)\b", re.IGNORECASE)
MIN_WORDS = 5


def is_point(sentence: str, list_item: bool = False) -> bool:
    """Whether a guide sentence can be quoted as a point of advice on its own."""
    text = sentence.strip()
    words = len(text.split())
    if words < (3 if list_item else MIN_WORDS):
        return False
    if LEAD_IN.search(text) or RHETORICAL.search(text) or FLOURISH.search(text) or HYPE.search(text):
        return False
    if ANECDOTE.search(text) or DANGLING.search(text) or MISCONCEPTION.search(text):
        return False
    if re.fullmatch(r"[^.!?]{0,60}!+\W*", text) and words <= 8:  # "These variations exist!"
        return False
    return True


def without_interjection(sentence: str) -> str:
    """"NOTE: A Machine Learning Engineer…" → "A Machine Learning Engineer…"."""
    rest = INTERJECTION.sub("", sentence)
    return rest[:1].upper() + rest[1:] if rest != sentence else sentence


def refers_back(sentence: str) -> bool:
    """"These certifications provide…": readable only right after the sentence it refers to."""
    return bool(BACK_REFERENCE.search(sentence))
