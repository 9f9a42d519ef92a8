"""Settling the answer: the model's prose where supported, the composed answer where it declines,
flips the guides' stance, drops their honest limit, or repeats the last answer."""

from agent.answer.final import REPEATED, final_answer

PASSAGES = ["Whilst self-taught paths exist, most ML engineering roles require a strong academic foundation. "
            "Many employers also value master’s degrees for senior positions.",
            "Learning about AI Agents is closely connected to LLMs and RAG since these tools are very much used in "
            "building AI Agents."]
COMPOSED = "Many employers also value master’s degrees for senior positions [1].\n\n- Whilst self-taught paths exist, " \
           "most ML engineering roles require a strong academic foundation [1]."


def test_a_decline_on_a_covered_question_is_overruled(embedding_model):
    final = final_answer("The guides don't cover that.", COMPOSED, PASSAGES, "Do I need a master's degree?", "worth_it")
    assert final.fallback and final.text == COMPOSED


def test_a_flipped_stance_gives_way_to_the_guides_lead(embedding_model):
    draft = ("Yes, you need a master's degree [1]. Many employers value master’s degrees for senior positions [1].")
    final = final_answer(draft, COMPOSED, PASSAGES, "Do I need a master's degree?", "worth_it")
    assert not final.text.startswith("Yes")
    assert final.text.startswith("Many employers also value master’s degrees for senior positions [1].")


def test_an_honest_limit_the_model_dropped_is_put_back(embedding_model):
    limit = "The guides don't say which of LangGraph and CrewAI is more about LLMs."
    draft = "Learning about AI Agents is closely connected to LLMs and RAG [2]."
    final = final_answer(draft, f"{limit}\n\n- {draft}", PASSAGES, "which one is more about LLMs?", "comparison", limit)
    assert final.text.startswith(limit) and "closely connected to LLMs" in final.text


def test_the_last_answer_is_never_returned_unchanged(embedding_model):
    final = final_answer(COMPOSED, COMPOSED, PASSAGES, "and a master's?", "worth_it", last_answer=COMPOSED)
    assert final.text == REPEATED
