"""BM25 (Okapi) over an inverted index: a query touches only the postings of its own terms.

rank-bm25's `get_scores` walks every document in Python for each query term, which is O(N) per
term and too slow at 100k chunks; postings as numpy arrays keep a query well under 10 ms there."""

from __future__ import annotations

import math
from collections import Counter, defaultdict

import numpy as np

from ingest.text import STOPWORDS, TOKEN, stem, tokenize  # noqa: F401 (the project tokenizer)

# Learners and guides name the same things differently; each word on the left is searched as
# itself and as the words on the right (query side only, so the index stays the guides' words).
SYNONYMS = {
    "math": ["mathematics"], "maths": ["mathematics"], "stats": ["statistics"], "stat": ["statistics"],
    "ml": ["machine", "learning"], "ai": ["artificial", "intelligence"], "dl": ["deep", "learning"],
    "llm": ["large", "language", "model"], "llms": ["large", "language", "models"],
    "nlp": ["natural", "language", "processing"], "cv": ["computer", "vision"],
    "job": ["role", "career"], "jobs": ["roles", "careers"], "work": ["role"],
    "paid": ["salary", "packages", "compensation"], "pay": ["salary", "packages", "compensation"],
    "salary": ["compensation", "packages"], "money": ["salary", "packages"], "earn": ["salary"],
    "cert": ["certification"], "certs": ["certifications"], "k8s": ["kubernetes"],
    "deploy": ["deployment", "production"], "prod": ["production"], "infra": ["infrastructure"],
    "portfolio": ["projects", "github"],
}


def expand_query(text: str) -> str:
    """The query plus the synonyms of its words."""
    extra = [synonym for word in TOKEN.findall(text.lower()) for synonym in SYNONYMS.get(word, [])]
    return f"{text} {' '.join(extra)}" if extra else text


class BM25Index:
    """Okapi BM25 with k1=1.5, b=0.75 (the usual defaults; the dev set did not favour others)."""

    def __init__(self, texts: list[str], k1: float = 1.5, b: float = 0.75) -> None:
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
        self.postings = {term: (np.asarray(docs, dtype=np.int32), np.asarray(freqs, dtype=np.float32))
                         for term, (docs, freqs) in postings.items()}
        self.idf = {term: math.log(1 + (self.size - len(docs) + 0.5) / (len(docs) + 0.5))
                    for term, (docs, _) in self.postings.items()}

    def scores(self, query: str) -> np.ndarray:
        scores = np.zeros(self.size, dtype=np.float32)
        for term in set(tokenize(expand_query(query))):
            if term not in self.postings:
                continue
            docs, freqs = self.postings[term]
            scores[docs] += self.idf[term] * freqs * (self.k1 + 1) / (freqs + self.norm[docs])
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
