"""Retrieval modes compared: hybrid vs dense-only vs BM25-only on the dev set, plus the off-topic threshold
(the retrieval suite, evals/suites/retrieval.py, reports these)."""

from __future__ import annotations

from dataclasses import dataclass

from agent.retrieval import HybridRetriever, Passage
from evals import dataset_loader
from evals.metrics import normalise, summarise

MODES = ("hybrid", "dense", "bm25")
K = 5


@dataclass
class RetrievalRow:
    id: str
    question: str
    mode: str
    ranks: list[bool]
    top: list[str]  # heading paths of the top passages, for the report


def is_relevant(passage: Passage, example: dict) -> bool:
    """A passage answers the example when it contains the gold answer phrase and comes from a
    listed guide (or is a resource entry, whose note is the guide's own words), or contains one of
    the `also` phrases: other passages judged, by reading the corpus, to answer it as directly."""
    text = normalise(passage.text)
    answers = [(example["guides"], example["answer_phrase"])]
    answers += [([alt["guide"]], alt["phrase"]) for alt in example.get("also", [])]
    return any((passage.source in guides or passage.source == "resources.yaml") and normalise(phrase) in text
               for guides, phrase in answers)


def run_retrieval(retriever: HybridRetriever, examples: list[dict] | None = None) -> tuple[dict, list[RetrievalRow]]:
    examples = examples if examples is not None else dataset_loader.load("retrieval")
    rows: list[RetrievalRow] = []
    metrics: dict[str, dict[str, float]] = {}
    for mode in MODES:
        mode_rows = []
        for example in examples:
            passages = retriever.search(example["question"], k=K, mode=mode)
            mode_rows.append(RetrievalRow(example["id"], example["question"], mode,
                                          [is_relevant(p, example) for p in passages],
                                          [p.heading_path for p in passages]))
        metrics[mode] = summarise([row.ranks for row in mode_rows])
        rows.extend(mode_rows)
    metrics["relevance_threshold"] = off_topic_separation(retriever)
    return metrics, rows


def off_topic_separation(retriever: HybridRetriever, threshold: float | None = None) -> dict[str, float]:
    """Top relevance of on-topic dev questions vs off-topic probes, and how a threshold splits them.
    precision/recall are for the decision "this query is on topic" (score ≥ threshold)."""
    on_topic = [retriever.search(e["question"], k=1)[0].score for e in dataset_loader.load("retrieval")]
    off_topic = [(retriever.search(p["message"], k=1) or [None])[0] for p in dataset_loader.load("probes")
                 if p["kind"] == "off_topic"]
    off_scores = [p.score if p else 0.0 for p in off_topic]
    if threshold is None:
        from agent.settings import get_settings

        threshold = get_settings().min_relevance
    kept_on = sum(s >= threshold for s in on_topic)
    kept_off = sum(s >= threshold for s in off_scores)
    return {
        "threshold": threshold,
        "on_topic_min": min(on_topic), "on_topic_p05": sorted(on_topic)[len(on_topic) // 20],
        "off_topic_max": max(off_scores),
        "precision": kept_on / max(1, kept_on + kept_off),
        "recall": kept_on / max(1, len(on_topic)),
    }
