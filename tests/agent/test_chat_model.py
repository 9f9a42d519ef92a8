"""The LangChain seam: careerbot's backends are BaseChatModels (LangGraph's "messages" stream and
LangChain callbacks see the tokens), and any BaseChatModel can answer in careerbot's place."""

import uuid

import pytest
from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.language_models import BaseChatModel
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, HumanMessage, SystemMessage

from agent.llm import LLMUnavailable
from agent.llm.chat_model import BackendChatModel, ChatModelBackend, as_backend
from agent.llm.llamacpp import LlamaCppBackend
from agent.runtime import Runtime
from agent.service import Careerbot
from agent.state import new_turn
from agent.settings import Settings
from tests.conftest import ScriptedLLM
from tests.services import smollm2_path

QUESTION = "How do I scale the inference service on Kubernetes?"


class TokenRecorder(BaseCallbackHandler):
    def __init__(self):
        self.tokens: list[str] = []

    def on_llm_new_token(self, token, **kwargs):
        if token:  # LangChain also reports the empty chunk that closes a stream
            self.tokens.append(token)


@pytest.fixture(scope="module")
def smollm2():
    return LlamaCppBackend(smollm2_path(), n_ctx=1024, n_threads=2)


@pytest.fixture
def small_runtime(small_corpus, tmp_path, embedding_model):
    runtime = Runtime(Settings(data_dir=tmp_path / "data", corpus_dir=small_corpus, llm="none"))
    runtime.ingest(progress=False)
    return runtime


def test_a_backend_is_a_chat_model_that_streams_and_reports_tokens():
    model = BackendChatModel(backend=ScriptedLLM("Use a horizontal pod autoscaler."), max_tokens=20)
    recorder = TokenRecorder()
    chunks = list(model.stream([SystemMessage("Be brief."), HumanMessage("Scale?")], config={"callbacks": [recorder]}))
    texts = [c.text for c in chunks if c.text]  # LangChain closes a stream with an empty chunk
    assert texts == ["Use ", "a ", "horizontal ", "pod ", "autoscaler. "]
    assert recorder.tokens == texts
    assert model.invoke("Scale?").content == "Use a horizontal pod autoscaler. "
    roles = [m.role for m in model.backend.calls[0]]
    assert roles == ["system", "user"]


@pytest.mark.slow
def test_the_real_model_streams_through_the_graph_as_langchain_messages(small_runtime, smollm2):
    """SmolLM2 (real llama.cpp) inside the graph: `stream_mode="messages"` yields its tokens as
    AIMessageChunks from the compose node, and a callback handler sees the same tokens."""
    bot = Careerbot(small_runtime, llm=smollm2)
    recorder = TokenRecorder()
    config = {"configurable": {"thread_id": uuid.uuid4().hex}, "callbacks": [recorder]}
    streamed = [(chunk, meta) for chunk, meta in bot.graph.stream(new_turn(QUESTION), config, stream_mode="messages",
                                                                  context=bot.deps)
                if isinstance(chunk, AIMessageChunk) and chunk.text]
    assert len(streamed) >= 2 and {meta["langgraph_node"] for _, meta in streamed} == {"compose"}
    assert recorder.tokens == [chunk.text for chunk, _ in streamed]
    draft = bot.graph.get_state({"configurable": config["configurable"]}).values["draft"]
    assert draft == "".join(recorder.tokens).strip()


@pytest.mark.slow
def test_careerbot_stream_passes_callbacks_to_the_real_model(small_runtime, smollm2):
    bot = Careerbot(small_runtime, llm=BackendChatModel(backend=smollm2, max_tokens=24))
    recorder = TokenRecorder()
    events = list(bot.stream(QUESTION, callbacks=[recorder]))
    tokens = [e["text"] for e in events if e["type"] == "token"]
    assert tokens and tokens == recorder.tokens
    assert events[-1]["answer"].route == "question"


def test_any_langchain_chat_model_answers_with_the_same_checks(small_runtime):
    """A user's own BaseChatModel is used as is: same prompt, streamed tokens, grounding check."""
    reply = ("A horizontal pod autoscaler adds replicas of the inference service when CPU load grows [1]. "
             "Kubernetes was invented on the moon in 1802 [1].")
    user_model = GenericFakeChatModel(messages=iter([AIMessage(reply)]))
    assert isinstance(user_model, BaseChatModel)
    bot = Careerbot(small_runtime, llm=user_model)
    events = list(bot.stream(QUESTION))
    assert "".join(e["text"] for e in events if e["type"] == "token") == reply
    answer = events[-1]["answer"]
    assert "horizontal pod autoscaler" in answer.answer.lower() and "moon" not in answer.answer


def test_a_failing_chat_model_becomes_an_extractive_answer_with_a_notice(small_runtime):
    class Broken(GenericFakeChatModel):
        def _stream(self, *args, **kwargs):
            raise ConnectionError("server went away")

    bot = Careerbot(small_runtime, llm=Broken(messages=iter([])))
    answer = bot.ask(QUESTION)
    assert "the chat model" in answer.notice and "ConnectionError: server went away" in answer.notice
    assert answer.fallback or answer.answer


def test_as_backend_wraps_each_kind_once():
    scripted = ScriptedLLM("hi")
    wrapped = as_backend(scripted)
    assert isinstance(wrapped, ChatModelBackend) and isinstance(wrapped.chat_model, BackendChatModel)
    assert as_backend(wrapped) is wrapped and as_backend(None) is None
    assert wrapped.name == "scripted"
    with pytest.raises(LLMUnavailable):
        list(as_backend(GenericFakeChatModel(messages=iter([]))).stream([], 10, 0.0))
