"""careerbot ingest: corpus files → heading-aware chunks → MiniLM embeddings → Chroma."""

from ingest.offline import enforce_offline

enforce_offline()
