"""Hybrid retrieval over the guides: Chroma (dense) + BM25 (sparse), fused by reciprocal rank."""

from agent.retrieval.passage import Passage
from agent.retrieval.query import EmptyQuery, condense, prepare_query
from agent.retrieval.retriever import HybridRetriever

__all__ = ["EmptyQuery", "HybridRetriever", "Passage", "condense", "prepare_query"]
