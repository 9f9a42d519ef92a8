"""The graph removes what the guides do not say and tells the user why, with a scripted model
for determinism over the real corpus, store and embedding model."""

import uuid

from agent.service import Careerbot
import re

from tests.conftest import ScriptedLLM, passage_quote, prompt_notes
from ui.render import answer_message

REVERSED = "CrewAI is also a framework for AI Agents, but it is not recommended by the guide."


def _agents_passage(messages) -> int:
    """The number of the passage that recommends LangGraph or CrewAI in the prompt."""
    return next(int(re.search(r"\[(\d+)\]", line).group(1)) for line in prompt_notes(messages) if "CrewAI" in line)


def test_a_reversed_recommendation_is_removed_and_the_reason_shown(corpus_runtime):
    def reply(messages):
        n = _agents_passage(messages)
        return f"{passage_quote(messages, n)} {REVERSED[:-1]} [{n}]."

    answer = Careerbot(corpus_runtime, llm=ScriptedLLM(reply)).ask(
        "Which framework should I use to build AI agents, LangGraph or CrewAI?", uuid.uuid4().hex)
    assert "not recommended" not in answer.answer
    assert answer.answer.strip() and not answer.fallback
    removed = [s for s in answer.sentences if not s["supported"]]
    assert [s["reason"] for s in removed] == ["the guide says the opposite"]
    assert "not recommended" in removed[0]["text"]
    shown = answer_message(answer.to_json(), 0)
    assert "Not supported by the guides (removed)" in shown and "the guide says the opposite" in shown
