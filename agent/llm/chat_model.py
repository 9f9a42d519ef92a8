"""The LangChain seam: careerbot's backends as `BaseChatModel`s, and any `BaseChatModel` as careerbot's LLM.

The graph's nodes stream through one small protocol (`ChatBackend.stream`). Every model reaches
them through `ChatModelBackend`, which calls a LangChain chat model's own `.stream()` inside the
node: LangGraph's `stream_mode="messages"` and LangChain callbacks (tracing, token counters) then
see every token, and ChatOllama, ChatOpenAI, ChatLlamaCpp or a user's own model can be passed in
with the same prompts, streaming and grounding checks as the built-in backends."""

from __future__ import annotations

from typing import Any, Iterator

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.language_models.chat_models import generate_from_stream
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage, HumanMessage, SystemMessage
from langchain_core.outputs import ChatGenerationChunk, ChatResult
from pydantic import ConfigDict

from agent.llm.backend import ChatBackend, LLMUnavailable, Message

ROLES = {"system": "system", "human": "user", "ai": "assistant"}
LANGCHAIN = {"system": SystemMessage, "user": HumanMessage, "assistant": AIMessage}


class BackendChatModel(BaseChatModel):
    """A careerbot backend (embedded llama.cpp, Ollama, OpenAI-compatible) as a LangChain chat model.
    `max_tokens` and `temperature` are the defaults; `.stream(messages, max_tokens=…)` overrides."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    backend: Any
    max_tokens: int = 320
    temperature: float = 0.1

    @property
    def _llm_type(self) -> str:
        return f"careerbot-{self.backend.name}"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        from agent.llm.factory import describe

        return {"backend": self.backend.name, "model": describe(self.backend)}

    def _stream(self, messages: list[BaseMessage], stop: list[str] | None = None,
                run_manager: CallbackManagerForLLMRun | None = None, **kwargs: Any) -> Iterator[ChatGenerationChunk]:
        ours = [Message(ROLES.get(m.type, "user"), m.text) for m in messages]
        pieces = self.backend.stream(ours, kwargs.get("max_tokens", self.max_tokens),
                                     kwargs.get("temperature", self.temperature))
        for piece in pieces:
            chunk = ChatGenerationChunk(message=AIMessageChunk(content=piece))
            if run_manager:
                run_manager.on_llm_new_token(piece, chunk=chunk)
            yield chunk

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None,
                  run_manager: CallbackManagerForLLMRun | None = None, **kwargs: Any) -> ChatResult:
        return generate_from_stream(self._stream(messages, stop, run_manager, **kwargs))


class ChatModelBackend:
    """Any LangChain chat model behind careerbot's `ChatBackend` protocol. careerbot's own models
    get careerbot's token limit and temperature per call; a model passed in keeps the settings it
    was built with (its own max_tokens, temperature, base URL and key)."""

    def __init__(self, chat_model: BaseChatModel) -> None:
        self.chat_model = chat_model
        inner = getattr(chat_model, "backend", None)
        self.name = getattr(inner, "name", None) or chat_model._llm_type
        self.model = getattr(inner, "model", None) or getattr(getattr(inner, "model_path", None), "name", None) or \
            getattr(chat_model, "model_name", None) or getattr(chat_model, "model", None)
        self.base_url = getattr(inner, "base_url", None)

    def stream(self, messages: list[Message], max_tokens: int, temperature: float) -> Iterator[str]:
        lc_messages = [LANGCHAIN[m.role](content=m.content) for m in messages]
        options = {"max_tokens": max_tokens, "temperature": temperature} \
            if isinstance(self.chat_model, BackendChatModel) else {}
        try:
            for chunk in self.chat_model.stream(lc_messages, **options):
                if chunk.text:
                    yield chunk.text
        except LLMUnavailable:
            raise
        except Exception as error:  # noqa: BLE001 - a foreign model raises its own types; the user gets one line
            first_line = str(error).splitlines()[0][:200] if str(error) else ""
            raise LLMUnavailable(f"the chat model {self.name} failed ({type(error).__name__}"
                                 f"{': ' + first_line if first_line else ''})") from error


def as_backend(llm: ChatBackend | BaseChatModel | None, max_tokens: int = 320,
               temperature: float = 0.1) -> ChatModelBackend | None:
    """What the graph's nodes call: any backend or chat model, seen through a LangChain chat model."""
    if llm is None or isinstance(llm, ChatModelBackend):
        return llm
    if not isinstance(llm, BaseChatModel):
        llm = BackendChatModel(backend=llm, max_tokens=max_tokens, temperature=temperature)
    return ChatModelBackend(llm)
