"""LLM backends: the embedded GGUF model (llama.cpp), Ollama, or any OpenAI-compatible server."""

from agent.llm.backend import ChatBackend, LLMUnavailable, Message
from agent.llm.factory import describe, load_backend

__all__ = ["ChatBackend", "LLMUnavailable", "Message", "describe", "load_backend"]
