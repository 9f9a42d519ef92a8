"""The skeleton: an answering first sentence, cited points by section, nothing broken or repeated."""

from agent.answer.compose import _pick, compose
from agent.answer.units import Unit, units_of
from agent.answer.kind import QuestionKind, classify_question
from agent.grounding import check_answer
from evals import quality

CLOUD = {"section": "ML Engineer Pyramid › 5. MLOps & Cloud Services", "title": "Pyramid", "text": (
    "Cloud platforms are essential in ML workflows for development, deployment, and scaling.\n"
    "I suggest starting with a cloud provider that is widely used by your target or current company.\n"
    "For AWS, certifications like ML Associate and AI Practitioner are well-structured starting points.\n"
    "These certifications provide a clear roadmap to understanding cloud fundamentals.\n"
    "For MLOps principle development, I highly recommend:\n"
    "- Designing Machine Learning Systems: An Iterative Process for Production-Ready Applications")}
CLOUD_AGAIN = {"section": "Essential Tools and Technologies › Cloud Platforms", "title": "How to", "text": (
    "For AWS, certifications like ML Associate and AI Practitioner are well-structured starting points.\n"
    "Knowledge of major cloud platforms is essential, with AWS, GCP, and Azure leading the industry.\n"
    "Coming from a non-programming background myself, I learned cloud by doing.")}
AGENTS = {"section": "ML Engineer Pyramid › 8. AI Agents", "title": "Pyramid", "text": (
    "Learning about AI Agents is closely connected to LLMs and RAG since these tools are very much used in "
    "building AI Agents.\n"
    "Please don’t get tied up in choosing the best framework - just go with LangGraph or CrewAI and get started.\n"
    "Important is getting started!!!")}


def test_no_duplicate_no_lead_in_no_anecdote_and_every_point_cited(embedding_model):
    question = "Which cloud certifications should I start with?"
    text = compose(question, classify_question(question), [CLOUD, CLOUD_AGAIN]).render()
    assert text.count("ML Associate and AI Practitioner") == 1
    assert "I highly recommend" not in text and "myself" not in text
    assert not quality.duplicates(text) and not quality.artifacts(text) and not quality.fragments(text)
    assert all(c.supported for c in check_answer(text, [CLOUD["text"], CLOUD_AGAIN["text"]]))


def test_a_back_reference_comes_only_after_what_it_refers_to(embedding_model):
    question = "Do AWS certifications give me a roadmap?"
    text = compose(question, classify_question(question), [CLOUD]).render()
    if "These certifications" in text:
        assert text.index("For AWS, certifications") < text.index("These certifications")


def test_a_comparison_leads_with_what_the_guides_say_of_both_sides(embedding_model):
    question = "LangGraph vs CrewAI?"
    skeleton = compose(question, classify_question(question), [AGENTS, CLOUD])
    assert "LangGraph or CrewAI and get started [1]" in skeleton.lead
    # The sentence that weighs both sides is the answer: no "the guides don't say more" line, which a
    # model answer kept as its misleading first line.
    assert skeleton.render().startswith(skeleton.lead) and "don't say more" not in skeleton.render()


def test_a_narrowing_follow_up_says_what_the_guides_do_not_judge(embedding_model):
    kind = QuestionKind("comparison", ("LangGraph", "CrewAI"))
    text = compose("and which one is more about LLMs?", kind, [AGENTS]).render()
    assert text.startswith("The guides don't say which of LangGraph and CrewAI is more about LLMs.")
    assert "closely connected to LLMs and RAG" in text


def test_no_stance_in_the_guides_is_said_honestly(embedding_model):
    passage = {"section": "Emerging Specializations", "title": "Breaking in", "text": (
        "Quantum machine learning is another growing specialization, though still in its early stages.")}
    text = compose("Is quantum ML worth it?", classify_question("Is quantum ML worth it?"), [passage]).render()
    assert "early stages [1]" in text


MATHS = {"section": "ML Engineer Pyramid › 1. Mathematics and Statistics", "title": "Pyramid", "text": (
    "If you’re aiming for the long run, you need a solid understanding of mathematics and statistics for machine learning.\n"
    "These skills form the backbone of everything you do in ML/LLM.\n"
    "Even if you don’t use them directly in your day-to-day career, they will shape your mindset and help you think "
    "about ML problems from a mathematical and statistical perspective.\n"
    "It’s also important to have a good grasp of statistics and hypothesis testing, especially when conducting "
    "experimentation and making data driven decisions.")}


def test_the_best_point_leads_even_when_a_lesser_one_leans_on_it():
    """"It's also important…" needs the sentence before it; when that sentence ranks first it is
    picked first, and the back-reference follows without quoting it again (it used to be dropped
    as "carried" by the lesser point, which then led the answer)."""
    aiming, backbone, even_if, also = MATHS["text"].split("\n")
    ranked = [(Unit(0, 2, even_if, False, "Maths"), 0.38),
              (Unit(0, 1, backbone, False, "Maths", before=(aiming,)), 0.34),
              (Unit(0, 3, also, False, "Maths", before=(even_if,)), 0.33)]
    picked = [unit for unit, _ in _pick(ranked, 4)]
    assert [unit.text for unit in picked] == [even_if, backbone, also]
    assert picked[2].before == ()


def test_a_follow_up_leads_with_something_the_last_answer_did_not_say(embedding_model):
    question = "Which cloud certifications should I start with?"
    first = compose(question, classify_question(question), [CLOUD, CLOUD_AGAIN])
    again = compose("and what else?", classify_question(question), [CLOUD, CLOUD_AGAIN], previous=first.points)
    assert again.lead != first.lead and again.render() != first.render()


def test_units_keep_sub_headings_of_a_merged_list():
    passage = {"section": "What ML Engineers Do", "title": "How to", "text": "#### Data\n- Data Collection: Gathering data."}
    (unit,) = units_of([passage])
    assert (unit.group, unit.list_item, unit.text) == ("Data", True, "Data Collection: Gathering data.")


def test_an_honest_no_stance_agrees_with_a_plural_topic(embedding_model):
    passage = {"section": "Certification and Education", "title": "How to", "text": (
        "Specialized ML engineering bootcamps and certification programs can provide focused, practical training.")}
    question = "Are certifications worth it for ML engineers?"
    lead = compose(question, classify_question(question), [passage]).lead
    assert lead == "The guides don't say whether certifications are worth it."
