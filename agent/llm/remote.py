"""Backends that talk HTTP: Ollama's /api/chat and any OpenAI-compatible /v1/chat/completions."""

from __future__ import annotations

import json
import time
from typing import Iterator

import httpx

from agent.guards.redact import redact
from agent.llm.backend import LLMUnavailable, Message


class OllamaBackend:
    name = "ollama"

    def __init__(self, base_url: str, model: str, timeout_s: float = 120.0,
                 connect_timeout_s: float = 5.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.timeout = httpx.Timeout(timeout_s, connect=connect_timeout_s)

    def stream(self, messages: list[Message], max_tokens: int, temperature: float) -> Iterator[str]:
        payload = {"model": self.model, "stream": True,
                   "messages": [{"role": m.role, "content": m.content} for m in messages],
                   "options": {"temperature": temperature, "num_predict": max_tokens, "seed": 0}}
        with _http_errors(f"Ollama at {self.base_url}", "start it with `ollama serve` and pull the model"):
            with httpx.stream("POST", f"{self.base_url}/api/chat", json=payload, timeout=self.timeout) as response:
                _raise_for_status(response, f"Ollama at {self.base_url}")
                for line in _within(response.iter_lines(), self.timeout.read, f"Ollama at {self.base_url}"):
                    if not line.strip():
                        continue
                    data = json.loads(line)
                    if data.get("error"):
                        raise LLMUnavailable(f"Ollama error: {redact(str(data['error']))[:200]}")
                    piece = (data.get("message") or {}).get("content")
                    if piece:
                        yield piece


class OpenAICompatibleBackend:
    name = "openai"

    def __init__(self, base_url: str, model: str, api_key: str | None = None, timeout_s: float = 120.0,
                 connect_timeout_s: float = 5.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self.timeout = httpx.Timeout(timeout_s, connect=connect_timeout_s)

    def stream(self, messages: list[Message], max_tokens: int, temperature: float) -> Iterator[str]:
        payload = {"model": self.model, "stream": True, "max_tokens": max_tokens, "temperature": temperature,
                   "seed": 0, "messages": [{"role": m.role, "content": m.content} for m in messages]}
        where = f"the OpenAI-compatible server at {self.base_url}"
        with _http_errors(where, "check CAREERBOT_LLM_BASE_URL and that the server is running"):
            with httpx.stream("POST", f"{self.base_url}/chat/completions", json=payload, headers=self.headers,
                              timeout=self.timeout) as response:
                _raise_for_status(response, where)
                for line in _within(response.iter_lines(), self.timeout.read, where):
                    if not line.startswith("data:"):
                        continue
                    data = line[len("data:"):].strip()
                    if data == "[DONE]":
                        return
                    choices = json.loads(data).get("choices") or [{}]
                    piece = (choices[0].get("delta") or {}).get("content")
                    if piece:
                        yield piece


class _http_errors:
    """Turn transport failures into one LLMUnavailable message (never a traceback, never the key)."""

    def __init__(self, where: str, advice: str) -> None:
        self.where, self.advice = where, advice

    def __enter__(self):
        return self

    def __exit__(self, kind, error, trace):
        if isinstance(error, httpx.TimeoutException):
            raise LLMUnavailable(f"{self.where} did not answer in time ({type(error).__name__}; "
                                 "CAREERBOT_LLM_TIMEOUT_S, CAREERBOT_LLM_CONNECT_TIMEOUT_S)") from error
        if isinstance(error, httpx.TransportError):
            raise LLMUnavailable(f"cannot reach {self.where} ({type(error).__name__}): {self.advice}") from error
        if isinstance(error, json.JSONDecodeError):
            raise LLMUnavailable(f"{self.where} sent a response careerbot could not read") from error
        return False


def _within(lines: Iterator[str], total_s: float | None, where: str) -> Iterator[str]:
    """The read timeout bounds each wait; this bounds the whole answer (a server that trickles one
    byte a minute never trips a read timeout)."""
    deadline = time.monotonic() + (total_s or 120.0)
    for line in lines:
        if time.monotonic() > deadline:
            raise LLMUnavailable(f"{where} did not finish its answer in time (CAREERBOT_LLM_TIMEOUT_S)")
        yield line


def _raise_for_status(response: httpx.Response, where: str) -> None:
    """The status only: an upstream error body may echo the request, API key included, so it is
    never shown, logged or stored."""
    if response.status_code >= 400:
        hint = " (check CAREERBOT_LLM_API_KEY)" if response.status_code in (401, 403) else ""
        raise LLMUnavailable(f"{where} answered HTTP {response.status_code} {response.reason_phrase}{hint}".rstrip())
