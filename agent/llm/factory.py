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
    # A remote server is contacted now, not on the first question: what it serves is checked and,
    # with CAREERBOT_LLM_MODEL unset, its only model is used (agent/llm/discovery.py).
    from agent.llm import discovery

    api_key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
    if settings.llm == "ollama":
        from agent.llm.remote import OllamaBackend

        base_url = (settings.llm_base_url or "http://127.0.0.1:11434").rstrip("/")
        return OllamaBackend(base_url, discovery.ollama_model(base_url, settings.llm_model, _check_timeout(settings)), settings.llm_timeout_s,
                             settings.llm_connect_timeout_s)
    from agent.llm.remote import OpenAICompatibleBackend

    if not settings.llm_base_url:
        raise LLMUnavailable("CAREERBOT_LLM=openai needs CAREERBOT_LLM_BASE_URL (e.g. http://127.0.0.1:8000/v1)")
    base_url = settings.llm_base_url.rstrip("/")
    return OpenAICompatibleBackend(base_url, discovery.openai_model(base_url, settings.llm_model, api_key, _check_timeout(settings)), api_key,
                                   settings.llm_timeout_s, settings.llm_connect_timeout_s)


def _check_timeout(settings: Settings):
    """The start-up check of a remote server is bounded like its answers are (CAREERBOT_LLM_*_TIMEOUT_S)."""
    import httpx

    return httpx.Timeout(min(settings.llm_timeout_s, 15.0), connect=settings.llm_connect_timeout_s)


def describe(backend) -> str:
    """What a report or a start-up line calls the model: backend kind and model name."""
    if backend is None:
        return "none (extractive answers)"
    model = getattr(backend, "model", None) or getattr(getattr(backend, "model_path", None), "name", None)
    where = getattr(backend, "base_url", None)
    return " ".join(part for part in (getattr(backend, "name", type(backend).__name__), model,
                                      f"at {where}" if where else "") if part)
