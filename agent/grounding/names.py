"""Named things in a sentence (tools, books, courses, people, acronyms) and whether a passage names them.

An invented resource is the fabrication similarity misses most: "JAX" in place of "PyTorch"
barely moves a MiniLM vector."""

from __future__ import annotations

import re
from functools import lru_cache

from agent.grounding.terms import STOPWORDS, expand, fold_quotes, stem, words
from ingest.embedding import ModelError, packaged_model_path

_NAME_TOKEN = re.compile(r"[A-Za-z0-9][\w.+#&/'-]*[\w+#]|[A-Z]")
_STARTERS = re.compile(r"(^|[:;(\"'‘“—–]|\s[-–—]\s|[.!?]\s)\s*$")
_GENERIC_NAMES = frozenset({"ml", "ai", "i"})


def names(text: str) -> list[str]:
    """Named things: capitalised words past the start of a clause, acronyms, CamelCase, and
    tool-like tokens (digits, dots or underscores inside a word), plus every word of a quoted title.
    A "Label:" at the start of a line is a heading, not a name."""
    text = fold_quotes(text)
    label = re.match(r"^[^:]{1,40}:\s", text)
    start = label.end() if label and len(label.group(0).split()) <= 5 else 0
    found: list[str] = []
    for match in _NAME_TOKEN.finditer(text, start):
        token = match.group(0).rstrip(".'")
        token = re.sub(r"'s$", "", token)
        if len(token) < 2 or token.lower() in _GENERIC_NAMES:
            continue
        clause_start = bool(_STARTERS.search(text[:match.start()])) or match.start() == start
        capitalised = token[0].isupper()
        inner = bool(re.search(r"[a-z][A-Z]|[A-Z]{2}|\d[A-Za-z]|[A-Za-z]\d|[_.][a-z]", token))
        kebab = token.count("-") >= 2 and not any(p in STOPWORDS for p in token.lower().split("-"))
        rare = capitalised and clause_start and not _common(token.lower())
        if inner or kebab or rare or (capitalised and not clause_start):
            found.append(token)
    for quoted in re.findall(r"(?<![\w])['\"]([^'\"]{3,80})['\"](?![\w])", text):
        found.extend(w for w in quoted.split() if w.lower() not in STOPWORDS and len(w) > 2)
    return list(dict.fromkeys(found))


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    """MiniLM's whole-word vocabulary: a word the tokenizer keeps whole is common English, so a
    capitalised word at the start of a sentence that it splits ("Terraform") is taken for a name."""
    try:
        path = packaged_model_path() / "vocab.txt"
        return frozenset(w for w in path.read_text(encoding="utf-8").split() if w.isalpha())
    except (ModelError, OSError):
        return frozenset()


def _common(word: str) -> bool:
    vocabulary = _vocabulary()
    if not vocabulary or not word.isalpha():
        return True
    return any(form in vocabulary for form in (word, word[:-1], word[:-2], stem(word)))


def is_rare(name: str) -> bool:
    """A name with a word MiniLM does not keep whole ("MLOps", "LangGraph"), or an acronym: not a word
    most passages could share by chance ("Learning", "Systems")."""
    return any(not _common(w.lower()) or (w.isupper() and len(w) > 1) for w in re.findall(r"[A-Za-z]+", name))


def named_in(name: str, text_words: set[str]) -> bool:
    """A name is present when all its word pieces are among the passage's words (or aliases)."""
    pieces = [p for p in words(name) if len(p) > 1]
    return all(p in text_words or stem(p) in text_words or p.rstrip("s") in text_words for p in pieces)


def pool(text: str) -> set[str]:
    """The words of a passage a name may be looked up in: raw tokens, their stems, and aliases."""
    raw = set(words(text))
    return expand(raw | {stem(w) for w in raw})
