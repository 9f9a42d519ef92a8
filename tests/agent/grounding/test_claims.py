"""Claim-level checks, one test per kind of the labelled set, with real guide passages: what a
sentence asserts is read against the passage clauses about the same thing, and the reason for a
removal is one a user can read."""

import pytest

from agent.grounding import check_sentences
from agent.grounding.claims import read_claim
from agent.grounding.claims.about import clauses
from agent.grounding.claims.order import unordered
from agent.grounding.claims.rejected import rejected_sentences
from agent.grounding.support import passage_view
from agent.grounding.claims.speaker import conflated
from agent.grounding.terms import counted_back, topics
from tests.agent.grounding.guide_pairs import (AGENTS, ALGOS, CAREER, DATA, DEGREE, DEMAND, EDU, KAGGLE, MLOPS, OSS,
                                              SOFTWARE, SYS, TRACK, TRAIN)

BOOKS = ("For MLOps principle development, I highly recommend: - Designing Machine Learning Systems: An Iterative "
         "Process for Production-Ready Applications [Book] I will also place the latest book on the advanced AI "
         "engineering topics here - AI Engineering: Building Applications with Foundation Models [Book]")
ROLES = ("Data Scientists: These are people with strong mathematical and statistical backgrounds, combined with domain "
         "and business knowledge. They can analyze and research data, tell stories with insights, and translate "
         "business problems into models to solve them. Solving business problems is the main goal of a Data "
         "Scientist! ML Engineers: These are professionals with strong software engineering skills who focus on "
         "designing, building, and deploying complex ML models (often neural networks or generative AI systems) for "
         "production use. They ensure models are scalable, efficient, and reliable in real-world applications. "
         "Building ML infrastructure and automating end-to-end ML workflows are the primary goals of an ML Engineer!")
ASSUME = ("Now, here’s where things get tricky: these days, many assume that ML Engineer role = Data Science + "
          "Software Engineering + DevOps Basically, they think an ML Engineer should know everything a Data Scientist "
          "knows and more. But that’s not true! An ML Engineer doesn’t need to have complete expertise in Data "
          "Science. Having good awareness of it is important, of course.")
BACKGROUND = ("Coming from a non-programming background myself, I was fortunate to work with some incredible software "
              "engineers early in my career. I learned a lot by observing their approach and refining my skills "
              "through hands-on problem-solving.")
HELPED = ("Recently, I had the opportunity to help a Master’s student prepare for an ML/AI Engineer role after "
          "graduation. Through my experience writing job descriptions, reviewing thousands of CVs, and hiring some "
          "amazing Machine Learning Engineers, I realized it would be valuable to share this with broader audience.")
DISCLAIMER = ("Big disclaimer: These are my personal suggestions. If you think I’ve missed something or feel "
              "differently, please share your thoughts in the comments — I’m always happy to learn from you! 😇 Also "
              "you don’t need to go through them all! Even understanding the content of one resource from each "
              "section is good enough to get started.")
AREAS = ("- Business Domain Expertise: Understanding industries like healthcare, finance, or marketing to solve problems "
         "specific to those fields. - Machine Learning Domain Expertise: Specializing in areas like NLP, Information "
         "Retrieval (ranking), Computer Vision or Reinforcement Learning to bring depth to technical problem-solving.")
CLOUD_START = ("Cloud platforms are essential in ML workflows for development, deployment, and scaling. I suggest "
               "starting with a cloud provider that is widely used by your target or current company.")


def check(sentence: str, passage: str):
    [result] = check_sentences([sentence], [passage])
    return result


# Supported kinds: kept, and no reason to show.
def test_paraphrase_of_a_recommendation_is_kept(embedding_model):
    result = check("Go with LangGraph or CrewAI and get started rather than agonising over the best framework.", AGENTS)
    assert result.supported and result.reason == ""


def test_summary_of_two_roles_is_kept(embedding_model):
    assert check("Data scientists focus on solving business problems, while ML engineers focus on building ML "
                 "infrastructure and deploying models to production.", ROLES).supported


def test_short_inference_from_the_passage_is_kept(embedding_model):
    # The example: the second book is the one about foundation models, i.e. LLMs.
    assert check("The latter is more about LLMs.", BOOKS).supported


# Unsupported kinds: removed, with a reason in plain words.
def test_invented_entity_is_named(embedding_model):
    result = check("Tools like MLflow, Neptune and DVC are essential for managing ML experiments.", TRACK)
    assert not result.supported and result.reason == "the guide does not mention Neptune"


def test_changed_number_is_named(embedding_model):
    result = check("Demand for ML engineers has risen sharply since 2018.", DEMAND)
    assert not result.supported and result.reason == "the guide does not give the figure 2018"


@pytest.mark.parametrize("sentence, passage", [("CrewAI is not a framework for AI Agents.", AGENTS),
                                              ("Demand for ML engineers is slowing down.", CAREER)])
def test_negation_flip_is_the_opposite(embedding_model, sentence, passage):
    result = check(sentence, passage)
    assert not result.supported and "the guide says the opposite" in result.reason


def test_reversed_recommendation_is_the_opposite(embedding_model):
    result = check("CrewAI is also a framework for AI Agents, but it is not recommended by the guide.", AGENTS)
    assert not result.supported and result.reason == "the guide says the opposite"


def test_strength_change_says_how_strongly_the_guide_puts_it(embedding_model):
    result = check("You need a master's degree to get hired.", DEGREE)
    assert not result.supported
    assert "the guide says this is useful or valued (“value”), not essential" in result.reason


def test_invented_superlative_is_not_a_comparison_the_guide_makes(embedding_model):
    result = check("The hardest for someone coming from software engineering is building scalable architectures and "
                   "system design.", SOFTWARE)
    assert not result.supported and "the guide does not compare these (“hardest”)" in result.reason


def test_role_swap_says_whom_the_guide_means(embedding_model):
    result = check("Mentoring junior engineers is a typical task in entry-level roles.", CAREER)
    assert not result.supported and "the guide says this of senior roles" in result.reason


def test_claim_the_guide_rejects_is_caught(embedding_model):
    result = check("ML Engineer role = Data Science + Software Engineering + DevOps.", ASSUME)
    assert not result.supported and "only to say it is not true" in result.reason


def test_speaker_confusion_between_author_and_reader(embedding_model):
    result = check("The guide tells readers that they come from a non-programming background.", BACKGROUND)
    assert not result.supported and "the guide says this of the author" in result.reason


def test_a_sentence_two_passages_support_together_says_which(embedding_model):
    result = check_sentences(["Cloud platforms are essential for deployment and scaling [1], and tools like MLflow "
                              "and DVC manage ML experiments [3]."], [CLOUD_START, DEMAND, TRACK])[0]
    assert result.supported and result.cites == [1, 3]
    assert result.reason == "supported by passages 1 and 3 together"


DL_TOPICS = ("- Transfer Learning: Knowledge of how to leverage pre-trained models and adapt them to specific tasks is "
             "increasingly important.\nThis includes understanding fine-tuning techniques and when to use them effectively.")
ROLE = ("- Cross-functional collaboration: Working closely with data scientists, software engineers, and domain experts "
        "to understand business requirements and translate them into technical solutions.\nIn essence, Machine Learning "
        "Engineers play a crucial role in bringing AI-powered solutions to life.")


def test_two_passages_on_other_things_do_not_together_support_an_invented_reason(embedding_model):
    """What the embedded model wrote for "why does transfer learning matter?": most of it is in neither passage."""
    result = check_sentences(["Transfer learning is important because it can save time and resources by avoiding the "
                              "need to train models from scratch, which can take a long time and require a lot of "
                              "computational power [1]."], [DL_TOPICS, ROLE])[0]
    assert not result.supported


# The parts, without the embedding model.
def test_clauses_split_at_contrast_and_dashes():
    assert clauses("Please don't get tied up in choosing the best framework - just go with LangGraph or CrewAI") == \
        ("Please don't get tied up in choosing the best framework", "just go with LangGraph or CrewAI")


def test_the_reported_view_is_marked_rejected_and_the_rest_is_not():
    sentences = passage_view(ASSUME).sentences
    marked = rejected_sentences(sentences)
    assert [sentences[i] for i in marked] and all("assume" in sentences[i] for i in marked)
    assert not read_claim("An ML engineer doesn't need complete expertise in data science.", sentences)


def test_the_same_words_with_the_same_polarity_raise_nothing():
    sentences = passage_view(AGENTS).sentences
    assert read_claim("Just go with LangGraph or CrewAI and get started.", sentences) == []
    assert [f.check for f in read_claim("Avoid LangGraph and CrewAI.", sentences)] == ["polarity"]


# Reading what the sentence asserts (issue 13, second round): the same polarity is not the opposite,
# and what the author says of themselves is not what the passage says of others.
def test_a_need_the_passage_itself_waives_is_not_the_opposite(embedding_model):
    assert check("You don't have to win a Kaggle competition for solid documentation of your process to be "
                 "valuable.", KAGGLE).supported


def test_a_scope_cue_is_read_alike_on_both_sides(embedding_model):
    # "even without winning, … is valuable" asserts the value; "without winning … has no value" denies it
    result = check("Without winning, solid documentation of your Kaggle process has no value.", KAGGLE)
    assert not result.supported and "the guide says the opposite" in result.reason


def test_those_a_tool_helps_do_something_are_the_ones_doing_it(embedding_model):
    assert check("ML engineers automate workflows and deploy models at scale with Docker, Kubernetes, Airflow "
                 "and CI/CD pipelines.", SYS).supported


def test_the_author_made_into_the_person_they_helped(embedding_model):
    result = check("The author was a Master's student preparing for an ML engineer role.", HELPED)
    assert not result.supported
    assert "the guide speaks of the author and a Master's student as different people" in result.reason


def test_what_the_passage_says_of_others_is_not_said_of_the_author(embedding_model):
    result = check("The author comes from a software engineering background.", SOFTWARE)
    assert not result.supported and "the guide says this of others, not of the author" in result.reason
    assert check("The author came from a non-programming background and learned from the software engineers "
                 "they worked with.", SOFTWARE).supported


def test_the_author_read_the_book_and_did_not_watch_all_of_the_video(embedding_model):
    assert not check("The author wrote the book they recommend for these frameworks.", TRAIN).supported
    # "I didnt watch it completely": "it" is the video of the clause before
    result = check("The author says they watched the PyTorch video from start to finish.", TRAIN)
    assert not result.supported and "the guide says the opposite" in result.reason


def test_an_umbrella_term_is_named_by_its_parts(embedding_model):
    assert check("MLOps for ML engineers covers model versioning, deployment pipelines and monitoring models in "
                 "production.", MLOPS).supported


def test_the_two_books_the_passage_presents_are_no_invented_figure(embedding_model):
    assert check("Of the two books, the second one focuses more on foundation models.", BOOKS).supported


def test_umbrella_terms_and_counts_that_point_back():
    assert topics(frozenset({"deploy", "monitor", "model"})) == {"mlops"}
    assert topics(frozenset({"deploy", "model"})) == set()
    assert counted_back("Of the two books, the second one is newer.", frozenset({"book"})) == {2.0}
    assert counted_back("Read two books.", frozenset({"book"})) == set()


def test_two_people_kept_apart_unless_the_claim_supposes():
    sentences = passage_view(HELPED).sentences
    assert conflated("The author is a Master's student.", sentences)
    both = ("Students can start with the basics.", "You should practise every day.")
    assert conflated("You are a student.", both) and conflated("If you are a student, practise.", both) == ""


def test_a_universal_says_who_must_not_what(embedding_model):
    # "each one" is what is chosen, not who must: "need" is one step above "must understand", fine
    assert check("ML engineers need to know the classical algorithms and when each one suits the data.", ALGOS).supported
    assert not check("Every ML engineer must know gradient boosting and SVMs by heart.", EDU).supported


def test_asking_for_less_than_every_is_what_the_guide_asks(embedding_model):
    assert check("You can get started without working through every resource in the list.", DISCLAIMER).supported
    result = check("You should work through every resource in the list before you start.", DISCLAIMER)
    assert not result.supported and "the guide asks for less" in result.reason


def test_not_the_only_route_affirms_the_other_routes(embedding_model):
    assert check("A computer science degree is not the only recognised route into ML engineering.", EDU).supported


def test_only_part_of_reads_as_not_completely(embedding_model):
    assert check("The author only watched part of the 25-hour PyTorch video.", TRAIN).supported


def test_a_list_that_runs_into_its_verb_is_still_checked(embedding_model):
    result = check("Specialising in areas like NLP, computer vision or robotics brings depth to problem-solving.", AREAS)
    assert not result.supported and result.reason == "the guide does not list robotics"


# What the claim is about, what comes first, what it depends on: the model's favourite inventions
# when the passages don't settle a question (issue 12, read with the embedded model).
def test_a_definition_of_a_term_the_passage_never_names_is_removed(embedding_model):
    result = check("Feature stores are repositories for storing and managing machine learning features.", DATA)
    assert not result.supported and result.reason == "the guide does not speak of feature stores"
    assert not check("Understanding feature stores is crucial for preparing datasets.", DATA).supported


def test_a_definition_of_a_term_the_passage_names_is_kept(embedding_model):
    assert check("Feature engineering means creating meaningful features from raw data.", DATA).supported
    assert check("Data collection is gathering data from databases, APIs and other repositories.", DATA).supported


def test_an_order_the_passage_does_not_give_is_removed(embedding_model):
    result = check("You should read Designing Machine Learning Systems first.", BOOKS)
    assert not result.supported and result.reason.startswith("the guide does not say what comes first")


def test_an_order_the_passage_gives_is_kept(embedding_model):
    assert check("Start with documentation improvements and bug fixes before implementing new features.", OSS).supported
    assert unordered("You don't need every resource before you start.", ("Read one resource from each section.",)) == ""


def test_advice_made_to_depend_on_the_learner_is_removed_where_the_passage_makes_no_condition(embedding_model):
    result = check("Specializing in NLP or computer vision can both be valuable, but the choice depends on your "
                   "interests and career goals.", AREAS)
    assert not result.supported and result.reason == "the guide does not say it depends on that"
