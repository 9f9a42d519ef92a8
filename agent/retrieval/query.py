"""Query handling before search: clean, reject empty, trim long, and make follow-ups standalone."""

from __future__ import annotations

import re
import unicodedata

from agent.retrieval.bm25 import tokenize

FOLLOW_UP_OPENERS = re.compile(
    r"^(and|also|what about|how about|and what about|any|anything else|which ones?|what else|more|"
    r"ok(ay)?|so|then|same|why|how long|where)\b", re.IGNORECASE)
ANAPHORA = re.compile(r"\b(that|this|it|its|those|these|them|they|there|such|one|ones|above|same)\b", re.IGNORECASE)
SENTENCE = re.compile(r"(?<=[.!?])\s+")


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
    sentences = SENTENCE.split(query)
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


def is_follow_up(query: str) -> bool:
    """Questions that may lean on what came before: openers like 'and…', 'what about…', or
    pronouns ('any books for that?', 'is it still worth it?'). A cue, not a verdict: the caller
    searches both ways and keeps the better (see agent.nodes.retrieve)."""
    if len(tokenize(query)) > 15:
        return False
    return bool(FOLLOW_UP_OPENERS.match(query.strip()) or ANAPHORA.search(query))


def condense(query: str, history: list[str]) -> str:
    """Rewrite a follow-up as a standalone query by carrying the previous question's topic.
    `history` is the user's earlier (already standalone) questions, oldest first."""
    if not history or not is_follow_up(query):
        return query
    previous = history[-1]
    return f"{previous} {query}"
