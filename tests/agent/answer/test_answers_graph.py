"""Each kind of question end to end through the graph, over the real corpus and store: extractive
(no model), a scripted model that rewrites the notes, a model that declines, and (slow) the real one."""

import uuid

import pytest

from agent.answer.gaps import NO_TIMELINE
from agent.service import Careerbot
from evals import quality
from tests.conftest import ScriptedLLM

QUESTIONS = {
    "definition": "What does an ML engineer actually do?",
    "list": "what are the key responsibilities of a machine learning engineer?",
    "comparison": "What's the difference between an ML engineer and a data scientist?",
    "personal": "what should i learn first and what can i skip?",
    "worth_it": "Is quantum machine learning worth getting into?",
    "how_to": "how do i start learning MLOps?",
}


def thread():
    return uuid.uuid4().hex


def notes(messages) -> str:
    """What a faithful rewriter returns: the notes it was given, as they are."""
    prompt = messages[-1].content
    return prompt.split("Notes from the career guides:\n", 1)[1].split("\n\nQuestion:", 1)[0]


def shown_checked_and_supported(answer):
    """What the real model drafts may lose sentences to the checker (`grounded` is the share kept),
    but what the learner is shown holds none of the removed ones."""
    removed = [check["text"] for check in answer.sentences if not check["supported"]]
    assert any(check["supported"] for check in answer.sentences), answer.answer
    assert not any(text in answer.answer for text in removed), (removed, answer.answer)


def assert_reads_well(question, answer):
    assert answer.route == "question", answer.answer
    assert not quality.refused(answer.route, answer.answer)
    assert quality.addressed(question, answer.answer), answer.answer
    assert not quality.duplicates(answer.answer) and not quality.artifacts(answer.answer), answer.answer
    assert not quality.fragments(answer.answer), answer.answer
    assert answer.grounded == 1.0 and any(c["cited"] for c in answer.citations)


@pytest.mark.parametrize("kind", sorted(QUESTIONS))
def test_each_kind_extractive(corpus_runtime, kind):
    question = QUESTIONS[kind]
    assert_reads_well(question, Careerbot(corpus_runtime, use_llm=False).ask(question, thread()))


@pytest.mark.parametrize("kind", sorted(QUESTIONS))
def test_each_kind_with_a_model_that_rewrites_the_notes(corpus_runtime, kind):
    question = QUESTIONS[kind]
    answer = Careerbot(corpus_runtime, llm=ScriptedLLM(notes)).ask(question, thread())
    assert_reads_well(question, answer)
    assert not answer.fallback


def test_the_comparison_does_not_serve_the_misconception_as_the_answer(corpus_runtime):
    answer = Careerbot(corpus_runtime, use_llm=False).ask(QUESTIONS["comparison"], thread())
    assert "they think an ML Engineer should know everything" not in answer.answer
    assert "Data Scientist" in answer.answer and "ML Engineer" in answer.answer


def test_what_to_skip_uses_the_learners_profile_and_the_skill_map(corpus_runtime):
    bot, conversation = Careerbot(corpus_runtime, use_llm=False), thread()
    answer = bot.ask("I'm a backend developer and I know Python. What should I learn first, and what can I skip?",
                     conversation)
    assert answer.answer.startswith("Coming from software engineering")
    assert "You already have:" in answer.answer and "Python programming" in answer.answer
    assert "Start with:" in answer.answer and "Can wait:" in answer.answer


def test_a_model_refusal_on_a_covered_question_is_overruled(corpus_runtime):
    question = "Do I need a master's degree to become an ML engineer?"
    answer = Careerbot(corpus_runtime, llm=ScriptedLLM("The guides don't cover that.")).ask(question, thread())
    assert answer.route == "question" and answer.fallback
    assert "don't cover" not in answer.answer and "senior positions" in answer.answer


def test_a_question_whose_subject_the_guides_cover_is_answered_however_it_is_worded(corpus_runtime):
    answer = Careerbot(corpus_runtime, use_llm=False).ask("Do employers care about a master's degree?", thread())
    assert answer.route == "question"
    assert answer.answer.startswith("Many employers also value master’s degrees for senior positions [1].")


def test_a_side_few_passages_name_is_found_by_its_name(corpus_runtime):
    answer = Careerbot(corpus_runtime, use_llm=False).ask("AI engineer vs ML engineer?", thread()).answer
    assert "The guides don't cover AI engineer" not in answer
    assert "ML Engineers aka AI Engineers" in answer.split("\n\n")[0]


def test_how_to_practise_it_names_what_the_guides_name_for_it(corpus_runtime):
    bot, conversation = Careerbot(corpus_runtime, use_llm=False), thread()
    first = bot.ask("What is RAG?", conversation)
    second = bot.ask("how would I practise it?", conversation)
    assert second.answer != first.answer and "In short" not in second.answer
    assert "AI Engineering: Building Applications with Foundation Models" in second.answer


def test_a_model_that_rewrote_a_lesser_note_gets_the_answering_point_put_back(corpus_runtime):
    def lesser_note(messages):  # a model that rewrites the notes' last point only, not the one that answers
        return [line for line in notes(messages).splitlines() if line.startswith("- ")][-1][2:]

    llm = ScriptedLLM(lesser_note)
    bot, conversation = Careerbot(corpus_runtime, llm=llm), thread()
    bot.ask("what do entry-level ML engineers work on?", conversation)
    answer = bot.ask("and how do I move up from there?", conversation)
    assert not answer.fallback and answer.answer.startswith("With experience, engineers can progress to designing")
    assert "progress to designing and architecting ML systems, leading teams" in answer.answer


def test_follow_up_resolves_the_pronoun_and_says_something_new(corpus_runtime):
    bot, conversation = Careerbot(corpus_runtime, use_llm=False), thread()
    first = bot.ask("which cloud certifications should I do if my company uses AWS?", conversation)
    second = bot.ask("will those help me on GCP too?", conversation)
    query = bot.graph.get_state({"configurable": {"thread_id": conversation}}).values["query"]
    assert "AWS" in query and "certifications" in query
    assert second.answer != first.answer
    assert "transferable to GCP/Azure" in second.answer


def test_which_one_follow_up_narrows_the_comparison_and_never_repeats_it(corpus_runtime):
    llm = ScriptedLLM(notes)
    bot, conversation = Careerbot(corpus_runtime, llm=llm), thread()
    first = bot.ask("LangGraph vs CrewAI?", conversation)
    second = bot.ask("and which one is more about LLMs?", conversation)
    assert second.answer != first.answer
    assert "LLMs" in second.answer
    assert "You told the learner earlier:" in llm.calls[-1][-1].content  # the model sees its last answer


@pytest.mark.slow
def test_each_kind_with_the_real_model(corpus_runtime, embedded_llm):
    bot = Careerbot(corpus_runtime, llm=embedded_llm)
    for kind in ("comparison", "worth_it", "personal"):
        question = QUESTIONS[kind]
        answer = bot.ask(question, thread())
        assert answer.route == "question", answer.answer
        shown_checked_and_supported(answer)
        assert quality.addressed(question, answer.answer), answer.answer
        assert not quality.duplicates(answer.answer) and not quality.artifacts(answer.answer), answer.answer


def test_how_long_gets_the_honest_limit_and_the_hours_that_follow_build_the_plan(corpus_runtime):
    bot, conversation = Careerbot(corpus_runtime, use_llm=False), thread()
    first = bot.ask("I'm a data analyst with SQL. How long until I could get an ML engineer job?", conversation)
    assert first.route == "question" and NO_TIMELINE in first.answer
    second = bot.ask("10 hours a week", conversation)
    assert second.route == "plan" and second.plan["profile"]["background"] == "data_analyst"
    assert second.plan["profile"]["hours_per_week"] == 10



def test_which_of_two_skills_first_is_the_plan_builders_order_with_the_guide_line_for_each(corpus_runtime):
    answer = Careerbot(corpus_runtime, use_llm=False).ask("what should I learn first, pytorch or sql", thread()).answer
    assert answer.startswith("SQL first, then PyTorch")
    assert "SQL is still a foundational skill" in answer and "PyTorch" in answer.split("\n\n", 2)[2]


def test_a_skill_that_builds_on_the_other_says_so(corpus_runtime):
    answer = Careerbot(corpus_runtime, use_llm=False).ask("Should I learn scikit-learn before deep learning?",
                                                          thread()).answer
    assert answer.startswith("Scikit-learn first, then deep learning, which builds on it:")


def test_of_two_skills_the_one_the_learner_has_is_said_and_the_other_leads(corpus_runtime):
    answer = Careerbot(corpus_runtime, use_llm=False).ask("I know SQL. pytorch or sql first?", thread()).answer
    assert answer.startswith("You already have SQL, so PyTorch is the one to learn:")
    assert answer.index("Model training frameworks") < answer.index("SQL for working with data")


def test_two_names_of_one_skill_are_compared_instead(corpus_runtime):
    answer = Careerbot(corpus_runtime, use_llm=False).ask("PyTorch or TensorFlow first?", thread()).answer
    assert "first, then" not in answer and "TensorFlow" in answer


def test_say_that_shorter_gives_the_last_answers_point_that_answers(corpus_runtime):
    bot, conversation = Careerbot(corpus_runtime, use_llm=False), thread()
    first = bot.ask("What is a Machine Learning Engineer?", conversation).answer
    short = bot.ask("tl;dr?", conversation)
    assert short.route == "question" and short.answer == first.split("\n\n")[0]


def test_a_comparison_side_is_described_by_the_lines_about_it_not_those_that_name_it(corpus_runtime):
    answer = Careerbot(corpus_runtime, use_llm=False).ask(QUESTIONS["comparison"], thread()).answer
    scientist = answer.split("**Data scientist:**", 1)[1].split("\n\n")[0]
    assert scientist.strip().startswith("- Solving business problems is the main goal of a Data Scientist")


def test_a_worth_it_question_on_what_the_guides_tell_you_to_do_leads_with_that(corpus_runtime):
    answer = Careerbot(corpus_runtime, use_llm=False).ask("is kaggle actually worth it or do hiring managers not care",
                                                          thread()).answer
    assert answer.startswith("Participate in Kaggle competitions")


def test_can_i_skip_a_foundation_says_the_guides_dont_say_so_and_where_their_order_puts_it(corpus_runtime):
    answer = Careerbot(corpus_runtime, use_llm=False).ask("which maths can i skip? linear algebra scares me lol",
                                                          thread()).answer
    assert answer.startswith("The guides don't say you can skip linear algebra and calculus for ML or probability "
                             "and statistics.")
    assert "come early:**" in answer and "Linear Algebra Fundamentals" in answer
    assert "**What the guides say you don't need:**" in answer


def test_can_i_skip_an_advanced_skill_says_it_can_wait(corpus_runtime):
    answer = Careerbot(corpus_runtime, use_llm=False).ask("can I skip LLMs?", thread()).answer
    assert answer.startswith("**Large language models (prompting, fine-tuning, productionizing) can wait:")


def test_what_can_i_skip_as_a_first_message_is_answered_for_a_beginner(corpus_runtime):
    answer = Careerbot(corpus_runtime, use_llm=False).ask("what can I skip?", thread())
    assert answer.route == "question" and "**Can wait:" in answer.answer


def test_what_to_learn_for_a_track_is_the_way_there_in_the_plan_builders_order(corpus_runtime):
    answer = Careerbot(corpus_runtime, use_llm=False).ask("What do I need to learn for LLM apps?", thread()).answer
    assert answer.startswith("For LLM apps, in the order the guides suggest:")
    assert "**First: Python programming" in answer
    assert "**Then: Large language models (prompting, fine-tuning, productionizing), Retrieval-augmented generation " \
           "(RAG), AI agents.**" in answer
