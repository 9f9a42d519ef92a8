"""Query handling before search: clean, reject empty, trim long, and make follow-ups standalone."""

from __future__ import annotations

import re
import unicodedata

from ingest.text import CITATION, STOPWORDS, loose_sentences, tokenize

FOLLOW_UP_OPENERS = re.compile(
    r"^(and|also|what about|how about|and what about|any|anything else|which ones?|what else|more|"
    r"ok(ay)?|so|then|same|why|how long|where)\b", re.IGNORECASE)
NAME = re.compile(r"\b[A-Z][\w+#-]*(?:\s+[A-Z][\w+#-]*)*")
ANAPHORA = re.compile(r"\b(that|this|it|its|those|these|them|they|there|such|one|ones|above|same)\b", re.IGNORECASE)


class EmptyQuery(ValueError):
    """Raised for a query with no searchable text."""


def clean_text(text: str) -> str:
    """Normalise Unicode, drop control and unpaired-surrogate characters, collapse whitespace."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cs", "Cf", "Co", "Cn"))
    return re.sub(r"\s+", " ", text).strip()


def prepare_query(text: str | None, max_words: int = 80) -> str:
    """A searchable query, or EmptyQuery. A long query keeps its question sentences first (they
    say what is asked), then its opening sentences, up to `max_words` words."""
    query = clean_text(text or "")
    if not re.search(r"\w", query):
        raise EmptyQuery("The question is empty: type a question about becoming an ML engineer.")
    words = query.split()
    if len(words) <= max_words:
        return query
    sentences = loose_sentences(query)
    ordered = [s for s in sentences if s.endswith("?")] + [s for s in sentences if not s.endswith("?")]
    kept: list[str] = []
    budget = max_words
    for sentence in ordered:
        count = len(sentence.split())
        if count <= budget:
            kept.append(sentence)
            budget -= count
    if not kept:
        return " ".join(words[:max_words])
    return " ".join(sorted(kept, key=sentences.index))


# Shorthand learners type for what the guides spell out: searched (both ways) as the guides write it.
SPELLED_OUT = {"k8s": "Kubernetes", "mle": "ML engineer", "mles": "ML engineers", "swe": "software engineer",
               "sklearn": "scikit-learn"}
_SHORTHAND = re.compile(rf"\b({'|'.join(SPELLED_OUT)})\b", re.IGNORECASE)


def spelled_out(query: str) -> str:
    """"Do I need k8s?" → "Do I need Kubernetes?": the dense model does not know the shorthand either."""
    return _SHORTHAND.sub(lambda m: SPELLED_OUT[m.group(1).lower()], query)


def is_follow_up(query: str) -> bool:
    """Questions that may lean on what came before: openers like 'and…', 'what about…', or
    pronouns ('any books for that?', 'is it still worth it?'). A cue, not a verdict: the caller
    searches both ways and keeps the better (see agent.nodes.answering.retrieve)."""
    if len(tokenize(query)) > 15:
        return False
    return bool(FOLLOW_UP_OPENERS.match(query.strip()) or ANAPHORA.search(query))


def condense(query: str, previous_question: str, previous_answer: str = "") -> str:
    """A follow-up made standalone: the last question's topic, the follow-up, and the names the last
    answer gave ("will those still help?" after "…certifications like ML Associate…" searches for
    them). Only the last exchange counts: an older topic the learner moved on from is not carried."""
    if not previous_question or not is_follow_up(query):
        return query
    names = [n for n in answer_names(previous_answer) if n.lower() not in previous_question.lower()]
    return " ".join(part for part in (previous_question, query, " ".join(names)) if part)


def answer_names(answer: str, limit: int = 4) -> list[str]:
    """The capitalised names in an answer's first cited sentence (what "those", "it", "which one"
    point at; an opening "The guides don't say what RAG is." names nothing the guides said): "For
    AWS, certifications like ML Associate and AI Practitioner…" → AWS, ML Associate, AI Practitioner."""
    sentences = list(loose_sentences(answer.replace("**", "")))
    first = CITATION.sub("", next((s for s in sentences if CITATION.search(s)), sentences[0] if sentences else ""))
    names: list[str] = []
    for match in NAME.finditer(first):
        name = match.group(0)
        after_label = first[:match.start()].rstrip().endswith(":")  # "Open Source Contributions: Contribute to…"
        if match.start() > 0 and not after_label and name not in names and name.lower() not in STOPWORDS:
            names.append(name)
    return names[:limit]
