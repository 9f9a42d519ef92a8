"""Pick and build the LLM backend named by settings."""

from __future__ import annotations

import logging

from agent.llm.backend import ChatBackend, LLMUnavailable
from agent.llm.model_file import MODEL_FILENAME, ModelFileError, assemble
from agent.settings import Settings

log = logging.getLogger(__name__)


def load_backend(settings: Settings, progress: bool = True) -> ChatBackend | None:
    """The configured backend, or None when CAREERBOT_LLM=none. Raises LLMUnavailable with a
    message saying what to do."""
    if settings.llm == "none":
        return None
    if settings.llm == "embedded":
        from agent.llm.llamacpp import LlamaCppBackend

        if settings.llm_model_path:
            path = settings.llm_model_path
        else:
            try:
                path = assemble(settings.data_dir / "models" / MODEL_FILENAME, progress=progress)
            except ModelFileError as error:
                raise LLMUnavailable(str(error)) from error
        return LlamaCppBackend(path, n_ctx=settings.llm_context, n_threads=settings.llm_threads,
                               user_supplied=settings.llm_model_path is not None, use_mmap=settings.llm_mmap)
    api_key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
    if settings.llm == "ollama":
        from agent.llm.remote import OllamaBackend

        return OllamaBackend(settings.llm_base_url or "http://127.0.0.1:11434", settings.llm_model or "qwen2.5:1.5b",
                             settings.llm_timeout_s, settings.llm_connect_timeout_s)
    from agent.llm.remote import OpenAICompatibleBackend

    if not settings.llm_base_url:
        raise LLMUnavailable("CAREERBOT_LLM=openai needs CAREERBOT_LLM_BASE_URL (e.g. http://127.0.0.1:8000/v1)")
    return OpenAICompatibleBackend(settings.llm_base_url, settings.llm_model or "default", api_key, settings.llm_timeout_s,
                                   settings.llm_connect_timeout_s)
