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


def test_a_bare_yes_to_any_yes_no_question_gives_way_to_the_guides_lead(embedding_model):
    draft = "Yes, you can become an ML engineer without a degree [1]. Many employers value master’s degrees for senior positions [1]."
    final = final_answer(draft, COMPOSED, PASSAGES, "Can I become an ML engineer without a degree?", "definition")
    assert final.text.startswith("Many employers also value master’s degrees for senior positions [1].")
    assert "Yes, you can" not in final.text


def test_an_honest_limit_the_model_dropped_is_put_back(embedding_model):
    limit = "The guides don't say which of LangGraph and CrewAI is more about LLMs."
    draft = "Learning about AI Agents is closely connected to LLMs and RAG [2]."
    final = final_answer(draft, f"{limit}\n\n- {draft}", PASSAGES, "which one is more about LLMs?", "comparison", limit)
    assert final.text.startswith(limit) and "closely connected to LLMs" in final.text


def test_the_point_that_answers_is_put_back_when_the_model_rewrote_a_lesser_one(embedding_model):
    key = "Learning about AI Agents is closely connected to LLMs and RAG since these tools are very much used in building AI Agents [2]."
    limit = "The guides don't say which of LangGraph and CrewAI is more about LLMs."
    composed = f"{limit}\n\n**What they do say:**\n- {key}\n- Many employers also value master’s degrees for senior positions [1]."
    draft = "The guides don't specify which one is more about LLMs.\n\nThe notes say many employers value master’s degrees for senior positions [1]."
    final = final_answer(draft, composed, PASSAGES, "which one is more about LLMs?", "comparison", limit)
    opening, point, rest = final.text.split("\n\n", 2)
    assert opening.startswith("The guides don't specify") and point == key
    assert rest.startswith("The guides say many employers")  # (the prompt's "notes" are the learner's "guides")
    assert final.grounded == 1.0 and not final.fallback


def test_a_model_answer_that_says_the_point_in_its_own_words_is_left_alone(embedding_model):
    draft = "Many employers value a master’s degree for senior positions [1]."
    final = final_answer(draft, COMPOSED, PASSAGES, "Do employers care about a master's degree?", "worth_it")
    assert final.text == draft


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
