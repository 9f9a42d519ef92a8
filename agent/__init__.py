"""careerbot agent: settings, retrieval, grounding, plan builder, LLM backends and the LangGraph graph."""

import ingest  # noqa: F401  (sets the offline environment before any ML library loads)
