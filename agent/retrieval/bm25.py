"""BM25 (Okapi) over an inverted index: a query touches only the postings of its own terms.

rank-bm25's `get_scores` walks every document in Python for each query term, which is O(N) per
term and too slow at 100k chunks; postings as numpy arrays keep a query well under 10 ms there,
and persist (agent/retrieval/sparse.py) so a new process does not rebuild them."""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from ingest.text import STOPWORDS, TOKEN, stem, tokenize  # noqa: F401 (the project tokenizer)

# Learners and guides name the same things differently; each word on the left is searched as
# itself and as the words on the right (query side only, so the index stays the guides' words).
SYNONYMS = {
    "math": ["mathematics"], "maths": ["mathematics"], "stats": ["statistics"], "stat": ["statistics"],
    "ml": ["machine", "learning"], "ai": ["artificial", "intelligence"], "dl": ["deep", "learning"],
    "llm": ["large", "language", "model"], "llms": ["large", "language", "models"],
    "mle": ["ml", "engineer"], "mles": ["ml", "engineers"], "phd": ["degree", "degrees", "academic", "masters"],
    "nlp": ["natural", "language", "processing"], "cv": ["computer", "vision"],
    "job": ["role", "career"], "jobs": ["roles", "careers"], "work": ["role"],
    "paid": ["salary", "packages", "compensation"], "pay": ["salary", "packages", "compensation"],
    "salary": ["compensation", "packages"], "money": ["salary", "packages"], "earn": ["salary"],
    "cert": ["certification"], "certs": ["certifications"], "k8s": ["kubernetes"],
    "deploy": ["deployment", "production"], "prod": ["production"], "infra": ["infrastructure"],
    "portfolio": ["projects", "github"],
}


# Phrases learners use for what the guides say in other words ("keep up with research" ↔ "stay
# updated on the latest trends", "learning must be an ongoing process").
PHRASES = {
    r"\b(keep(ing)? up|stay(ing)? (current|up[- ]to[- ]date|on top)|up[- ]to[- ]date|keep(ing)? (current|learning)|"
    r"new (research|papers?|developments?|techniques?)|latest (research|papers?))\b":
        ["updated", "latest", "trends", "update", "ongoing", "conferences"],
    r"\b(self[- ]taught|on my own|by myself|teach myself)\b": ["self-taught", "online", "courses", "alternative"],
    r"\b(first (kind|type|sort|step|thing|contribution|project)s?|good first|to begin with)\b": ["start", "begin", "then"],
    r"\b(move up|moving up|get promoted|promotion|climb|advance (in|my)|grow (in|my)|next level|career (growth|ladder))\b":
        ["progress", "experience", "senior", "leading"],
}


def phrase_expansion(text: str) -> str:
    """The query plus the guides' wording for the learner phrases in it (not single-word synonyms):
    what the dense side embeds, so "keep up with research" also meets "stay updated"."""
    return _with(text, _phrase_synonyms(text.lower()))


def expand_query(text: str) -> str:
    """The query plus the synonyms of its words and phrases."""
    lowered = text.lower()
    words = [synonym for word in TOKEN.findall(lowered) for synonym in SYNONYMS.get(word, [])]
    return _with(text, words + _phrase_synonyms(lowered))


def _phrase_synonyms(lowered: str) -> list[str]:
    return [synonym for phrase, synonyms in PHRASES.items() if re.search(phrase, lowered) for synonym in synonyms]


def _with(text: str, extra: list[str]) -> str:
    return f"{text} {' '.join(extra)}" if extra else text


class BM25Index:
    """Okapi BM25 with k1=1.5, b=0.75 (the usual defaults; the dev set did not favour others).

    The postings are plain arrays in CSR form: `terms` sorted, and the postings of terms[i] are
    docs/freqs[offsets[i]:offsets[i + 1]]. So the index saves with np.save and loads memory-mapped
    (`load`): a process touches only the postings of the terms it is asked about."""

    ARRAYS = ("terms", "offsets", "docs", "freqs", "idf", "norm")

    def __init__(self, texts: list[str] = (), k1: float = 1.5, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self.size = len(texts)
        lengths = np.zeros(self.size, dtype=np.float32)
        postings: dict[str, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
        for doc, text in enumerate(texts):
            counts = Counter(tokenize(text))
            lengths[doc] = sum(counts.values())
            for term, count in counts.items():
                docs, freqs = postings[term]
                docs.append(doc)
                freqs.append(count)
        average = float(lengths.mean()) if self.size else 1.0
        self.norm = k1 * (1 - b + b * lengths / max(average, 1e-9))
        vocabulary = sorted(postings)
        self.terms = np.array(vocabulary, dtype=str)
        self.offsets = np.zeros(len(vocabulary) + 1, dtype=np.int64)
        self.offsets[1:] = np.cumsum([len(postings[term][0]) for term in vocabulary])
        self.docs = np.fromiter((d for term in vocabulary for d in postings[term][0]), dtype=np.int32,
                                count=int(self.offsets[-1]))
        self.freqs = np.fromiter((f for term in vocabulary for f in postings[term][1]), dtype=np.float32,
                                 count=int(self.offsets[-1]))
        frequency = np.diff(self.offsets).astype(np.float64)
        self.idf = np.log(1 + (self.size - frequency + 0.5) / (frequency + 0.5))

    def save(self, directory: Path) -> None:
        for name in self.ARRAYS:
            np.save(directory / f"{name}.npy", getattr(self, name), allow_pickle=False)
        (directory / "bm25.json").write_text(json.dumps({"k1": self.k1, "b": self.b, "size": self.size}))

    @classmethod
    def load(cls, directory: Path) -> "BM25Index":
        """Memory-mapped: start-up cost does not grow with the corpus."""
        index = cls.__new__(cls)
        params = json.loads((directory / "bm25.json").read_text())
        index.k1, index.b, index.size = params["k1"], params["b"], params["size"]
        for name in cls.ARRAYS:
            setattr(index, name, np.load(directory / f"{name}.npy", mmap_mode="r", allow_pickle=False))
        return index

    def postings(self, term: str) -> tuple[np.ndarray, np.ndarray, float] | None:
        """(docs, freqs, idf) of a term, or None when no document has it."""
        i = int(np.searchsorted(self.terms, term))
        if i >= len(self.terms) or self.terms[i] != term:
            return None
        start, end = int(self.offsets[i]), int(self.offsets[i + 1])
        return self.docs[start:end], self.freqs[start:end], float(self.idf[i])

    def scores(self, query: str) -> np.ndarray:
        scores = np.zeros(self.size, dtype=np.float32)
        for term in set(tokenize(expand_query(query))):
            found = self.postings(term)
            if found is None:
                continue
            docs, freqs, idf = found
            scores[docs] += idf * freqs * (self.k1 + 1) / (freqs + self.norm[docs])
        return scores

    def top(self, query: str, n: int, mask: np.ndarray | None = None) -> list[tuple[int, float]]:
        """The n best (doc index, score) pairs with a positive score, best first."""
        scores = self.scores(query)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        n = min(n, int(np.count_nonzero(scores)))
        if n == 0:
            return []
        best = np.argpartition(-scores, n - 1)[:n]
        best = best[np.lexsort((best, -scores[best]))]
        return [(int(i), float(scores[i])) for i in best]
