"""What the nodes need besides the state: the parts the composition root (agent/runtime.py) builds,
given to every graph run as LangGraph's runtime context (`graph.stream(..., context=deps)`); a node
that needs them takes `runtime: Runtime[Deps]` and reads `runtime.context`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from agent.llm import ChatBackend
from agent.retrieval import HybridRetriever
from agent.settings import Settings


@dataclass
class Deps:
    """What nodes need besides the state. `llm` is None for extractive answers (--no-llm)."""

    settings: Settings
    retriever: HybridRetriever
    llm: ChatBackend | None
    llm_error: str | None = None  # why the configured LLM could not be loaded, shown once per answer
    stops: Any = frozenset()  # turn ids whose reader went away (Stop pressed): the model stops for them
