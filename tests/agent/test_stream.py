"""What a streamed turn gives a reader: where the passages come from before the first token, a model
that stops when the reader goes away, and a record that lets a reloaded chat show the answer again."""

import threading
import time
import uuid

from agent.service import Careerbot
from tests.conftest import ScriptedLLM, passage_quote


def quote(messages):
    return passage_quote(messages, 1)


class CountingLLM(ScriptedLLM):
    """Streams a long reply at a model's pace and records how far it got and whether its stream was closed early."""

    def __init__(self, words: int):
        super().__init__(" ".join(["word"] * words))
        self.tokens = 0
        self.closed = threading.Event()

    def stream(self, messages, max_tokens, temperature):
        try:
            for token in super().stream(messages, max_tokens, temperature):
                time.sleep(0.005)
                self.tokens += 1
                yield token
        except GeneratorExit:
            self.closed.set()
            raise


def test_the_passages_headings_come_before_the_first_token(corpus_runtime):
    events = list(Careerbot(corpus_runtime, llm=ScriptedLLM(quote)).stream("Which maths do I need?", uuid.uuid4().hex))
    first_token = next(i for i, e in enumerate(events) if e["type"] == "token")
    found = [e for e in events[:first_token] if e["type"] == "status" and e["found"]]
    assert found and all(isinstance(h, str) and h.strip() for h in found[0]["found"])
    assert len(found[0]["found"]) == len(set(found[0]["found"])) >= 1


def test_closing_the_stream_stops_the_model_generating(corpus_runtime):
    llm = CountingLLM(words=20_000)  # 100 s if it ran to the end
    events = Careerbot(corpus_runtime, llm=llm).stream("Which maths do I need?", uuid.uuid4().hex)
    for event in events:
        if event["type"] == "token":
            break
    events.close()
    assert llm.closed.wait(10), "the model's stream was never closed"
    assert llm.tokens < 2_000


def test_each_answer_is_recorded_with_its_citations_and_removed_sentences(corpus_runtime):
    fabricate = lambda messages: quote(messages) + " Also read Quantum Llamas for Managers by Zed Zebra, 1887. [1]"
    bot = Careerbot(corpus_runtime, llm=ScriptedLLM(fabricate))
    thread = uuid.uuid4().hex
    answer = bot.ask("What should I learn for MLOps?", thread)
    record = bot.history(thread)[-1]["record"]
    assert record["citations"] == answer.citations and any(c["cited"] for c in record["citations"])
    assert any("Quantum Llamas" in s["text"] for s in record["sentences"])
    assert all(not s["supported"] for s in record["sentences"])
