"""Settling the answer: the model's prose where supported, the composed answer where it declines,
flips the guides' stance, drops their honest limit, or repeats the last answer."""

from agent.answer.final import NOTHING_MORE, final_answer, in_short

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
    assert final.text != COMPOSED
    assert final.text.startswith("In short, as in my last answer: Many employers also value master’s degrees")
    assert final.text.endswith(NOTHING_MORE) and "self-taught" not in final.text


def test_a_repeated_personal_answer_comes_back_as_its_first_step_only():
    last = ("Coming from another field, here is the order the guides suggest:\n\n"
            "**Start with: Python programming, Probability and statistics.**\n"
            "- ML engineers rely on expert-level Python [1].\n- A good grasp of statistics matters [2].\n\n"
            "**Can wait: AI agents.**")
    short = in_short(last)
    assert "**Start with: Python programming, Probability and statistics.**" in short
    assert "- ML engineers rely on expert-level Python [1]." in short and "statistics matters" not in short
    assert "Can wait" not in short and "Coming from" not in short
