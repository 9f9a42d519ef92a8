"""One typed settings object: env vars CAREERBOT_*, an optional careerbot.toml, then defaults."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict, TomlConfigSettingsSource

from ingest.chunking import CHUNK_WORDS, OVERLAP_WORDS

PROJECT_ROOT = Path(__file__).resolve().parents[1]


class Settings(BaseSettings):
    """Everything configurable in careerbot. Paths are resolved against the project root."""

    model_config = SettingsConfigDict(
        env_prefix="CAREERBOT_", toml_file="careerbot.toml", extra="ignore", validate_default=True
    )

    # Where things live.
    data_dir: Path = PROJECT_ROOT / ".careerbot"
    corpus_dir: Path = PROJECT_ROOT / "corpus"

    # Vector store: embedded on disk unless a Chroma server host is given.
    chroma_host: str | None = None
    chroma_port: int = 8000
    collection: str = "careerbot"
    # Chroma server connection (ignored for the embedded store). The token is sent as
    # `Authorization: Bearer …` (or in `chroma_token_header`), and is never printed.
    chroma_ssl: bool = False
    chroma_headers: dict[str, str] = Field(default_factory=dict)
    chroma_token: SecretStr | None = None
    chroma_token_header: str = "Authorization"
    chroma_tenant: str = "default_tenant"
    chroma_database: str = "default_database"

    # Corpus ownership: an ingest adds, updates and deletes only chunks of this corpus name, so
    # several deployments (or teams) can share one Chroma collection without deleting each other's.
    corpus_name: str = Field(default="careerbot", min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")
    # Ingest the corpus folder when a process starts. None: on for the embedded store, off for a
    # Chroma server (there `careerbot ingest` is a job a deployment runs once, not every replica).
    ingest_on_start: bool | None = None

    # Conversations: unset keeps them in SQLite in the data dir; a postgresql://… URL shares them
    # between replicas (langgraph-checkpoint-postgres).
    checkpoint_url: SecretStr | None = None

    # Embeddings: a path overrides the packaged all-MiniLM-L6-v2.
    embedding_model_path: Path | None = None
    # The encoder that runs it: "onnx" (onnxruntime, exported once and checked against
    # sentence-transformers; queries never import torch) or "torch" (sentence-transformers).
    encoder: Literal["onnx", "torch"] = "onnx"
    # Where the ONNX export lives (default: <data_dir>/encoder).
    encoder_dir: Path | None = None

    # Chunking, in words (defaults in ingest/chunking.py, with why).
    chunk_size: int = Field(default=CHUNK_WORDS, ge=30, le=400)
    chunk_overlap: int = Field(default=OVERLAP_WORDS, ge=0, le=200)

    # Retrieval.
    top_k: int = Field(default=6, ge=1, le=20)  # at most; agent/answer/context.py cuts relative to the best
    candidates: int = Field(default=20, ge=4, le=200)
    # Below this top-passage relevance (MiniLM cosine) a query is off topic or not covered.
    # Chosen on the dev set (2026-11-23): keeps 109/111 on-topic questions (recall 0.982) and
    # rejects 15/15 off-topic probes. The margin is thin: the highest off-topic probe ("a good
    # netflix series to binge") scores 0.231. `careerbot eval --suite retrieval` re-measures it.
    min_relevance: float = 0.24
    max_query_words: int = 80

    # LLM backend.
    llm: Literal["embedded", "ollama", "openai", "none"] = "embedded"
    llm_model_path: Path | None = None
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: SecretStr | None = None
    llm_threads: int | None = None
    llm_context: int = 4096
    # Memory-map the GGUF file. Off: llama.cpp copies (repacks) the weights anyway, and the mapped
    # pages would stay resident beside the copy (+0.6 GB RSS measured).
    llm_mmap: bool = False
    llm_max_tokens: int = 320
    llm_temperature: float = 0.1
    llm_timeout_s: float = 120.0
    # Security and faults: every external call is bounded, every parsed number and document too.
    llm_connect_timeout_s: float = Field(default=5.0, gt=0, le=300)
    chroma_timeout_s: float = Field(default=10.0, gt=0, le=600)  # one Chroma server request (connect + read)
    max_json_bytes: int = Field(default=1_000_000, ge=1_000)  # `plan --profile`, `check` input
    max_json_depth: int = Field(default=32, ge=2, le=1000)
    max_check_sentences: int = Field(default=200, ge=1, le=10_000)  # sentences the checker judges per request
    condense_with_llm: bool = False

    # Chat input.
    max_message_chars: int = 4000

    # Web UI.
    host: str = "127.0.0.1"
    port: int = 7860
    auth_user: str | None = None
    auth_password: SecretStr | None = None
    concurrency: int = Field(default=4, ge=1, le=64)
    # Web UI: the raw "Answer details (JSON)" panel (for maintainers, off for users), and the key
    # that signs each browser's conversation token; set it on every replica so they agree
    # (unset: one is made and kept in the data dir).
    show_details: bool = False
    ui_secret: SecretStr | None = None

    @field_validator("data_dir", "corpus_dir", "embedding_model_path", "llm_model_path", "encoder_dir")
    @classmethod
    def _resolve(cls, value: Path | None) -> Path | None:
        if value is None:
            return None
        value = Path(value).expanduser()
        return value if value.is_absolute() else (PROJECT_ROOT / value).resolve()

    @classmethod
    def settings_customise_sources(
        cls, settings_cls: type[BaseSettings], init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource, dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Precedence: explicit arguments, then CAREERBOT_* env vars, then careerbot.toml."""
        return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls))

    @property
    def chroma_path(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def encoder_path(self) -> Path:
        return self.encoder_dir or self.data_dir / "encoder"

    @property
    def ingests_on_start(self) -> bool:
        return self.ingest_on_start if self.ingest_on_start is not None else not self.chroma_host

    @property
    def chroma_mode(self) -> str:
        return f"server {self.chroma_host}:{self.chroma_port}" if self.chroma_host else f"embedded {self.chroma_path}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
