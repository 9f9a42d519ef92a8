"""What every LLM backend offers: stream a chat completion, or say clearly why it cannot."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Literal, Protocol


@dataclass(frozen=True)
class Message:
    role: Literal["system", "user", "assistant"]
    content: str


class LLMUnavailable(RuntimeError):
    """The backend cannot answer (unreachable server, missing or corrupt model). The message is
    for the user and says what to do; callers fall back to an extractive answer."""


class ChatBackend(Protocol):
    name: str

    def stream(self, messages: list[Message], max_tokens: int, temperature: float) -> Iterator[str]:
        """Yield text pieces as they are generated. Raises LLMUnavailable."""
        ...


def complete(backend: ChatBackend, messages: list[Message], max_tokens: int = 256, temperature: float = 0.0) -> str:
    return "".join(backend.stream(messages, max_tokens, temperature))
