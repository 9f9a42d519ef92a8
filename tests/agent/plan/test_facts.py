"""Profile facts from a learner's own words: only what is stated, robust to phrasing."""

import pytest

from agent.plan import extract_profile_facts, parse_profile

MATHS = ["linear_algebra_calculus", "probability_statistics"]

PHRASINGS = [
    # hours a week
    ("10h/week", {"hours_per_week": 10}),
    ("10 hrs per week", {"hours_per_week": 10}),
    ("ten hours a week", {"hours_per_week": 10}),
    ("2 hours a day", {"hours_per_week": 14}),
    ("weekends only, 5 hours each day", {"hours_per_week": 10}),
    ("3 evenings a week, 2 hours each", {"hours_per_week": 6}),
    ("an hour a day on weekdays", {"hours_per_week": 5}),
    ("2 hours a day, 5 days a week", {"hours_per_week": 10}),
    ("around 8-10 hours weekly", {"hours_per_week": 8}),
    ("40 hours a month", {"hours_per_week": 9}),
    ("half an hour a day", {"hours_per_week": 4}),
    ("I can study full-time", {"hours_per_week": 40}),
    ("I have about 6 hours", {"hours_per_week": 6}),
    ("I work full time as a web developer and can do 5 hours a week",
     {"background": "software_engineer", "hours_per_week": 5, "skills": ["software_engineering"]}),
    # horizon
    ("in 3 months", {"months": 3}),
    ("for a year", {"months": 12}),
    ("over the next six months", {"months": 6}),
    ("a 9-month plan", {"months": 9}),
    ("12 weeks", {"months": 3}),
    ("I have two years to prepare", {"months": 24}),
    ("I've been coding for 5 years, plan for 4 months", {"months": 4}),
    # background
    ("I'm a student", {"background": "student"}),
    ("data analyst", {"background": "data_analyst", "skills": ["sql"]}),
    ("switching careers from teaching", {"background": "career_changer"}),
    ("I'm a backend dev who knows Docker",
     {"background": "software_engineer", "skills": ["docker", "software_engineering"]}),
    ("I'm a Python developer", {"background": "software_engineer", "skills": ["python", "software_engineering"]}),
    ("I have 5 years of experience as a Java developer",
     {"background": "software_engineer", "skills": ["software_engineering"]}),
    ("I'm a data scientist who wants to move into MLOps",
     {"background": "data_scientist", "track": "mlops",
      "skills": ["classical_ml", "model_evaluation", "probability_statistics", "python"]}),
    # skills held and not held
    ("I know Python and SQL", {"skills": ["python", "sql"]}),
    ("I have 3 years of Python", {"skills": ["python"]}),
    ("I know machine learning and statistics", {"skills": ["classical_ml", "probability_statistics"]}),
    ("I don't know SQL", {"skills_not_held": ["sql"]}),
    ("no maths", {"skills_not_held": MATHS}),
    ("I know Python but not SQL", {"skills": ["python"], "skills_not_held": ["sql"]}),
    ("Python is fine, SQL is weak", {"skills": ["python"], "skills_not_held": ["sql"]}),
    ("I know Python, my maths is rusty", {"skills": ["python"], "skills_not_held": MATHS}),
    ("I'm not familiar with Docker or Kubernetes", {"skills_not_held": ["docker"]}),
    ("I know nothing about ML", {"skills_not_held": ["classical_ml"]}),
    ("I'm learning Python at the moment", {"in_progress": ["python"]}),  # under way: counted half done
    ("I've built RAG apps with LangChain", {"track": "llm", "skills": ["llms", "rag"]}),
    ("I know Python, LLM apps", {"track": "llm", "skills": ["python"]}),
    # track
    ("I want to build LLM apps", {"track": "llm"}),
    ("computer vision", {"track": "cv"}),
    ("MLOps", {"track": "mlops"}),
    ("NLP, 5 hours a week", {"hours_per_week": 5, "track": "nlp"}),
    ("I want to become a data scientist", {"track": "data_science"}),
    ("I don't want to do computer vision, NLP instead", {"track": "nlp"}),
    ("I'd like to get into computer vision, not MLOps", {"track": "cv", "skills_not_held": ["ml_pipelines"]}),
    ("used AWS at work, want to get into computer vision", {"track": "cv", "cloud": "aws", "skills": ["cloud"]}),
    # preferences
    ("I prefer books over courses", {"format": "books"}),
    ("I learn best from online courses and I'd like a certification", {"format": "courses", "certification": True}),
    ("I don't care about certifications", {"certification": False}),
    ("my company is on GCP", {"cloud": "gcp"}),
    # whole messages
    ("I know Python and SQL, I have 10 hours a week, I want to build LLM apps — "
     "what should I do for the next six months?",
     {"hours_per_week": 10, "months": 6, "track": "llm", "skills": ["python", "sql"]}),
    ("I'm a backend developer, I know Python, SQL and Docker, 10 hours a week, I want to build LLM apps",
     {"background": "software_engineer", "hours_per_week": 10, "track": "llm",
      "skills": ["docker", "python", "software_engineering", "sql"]}),
    ("Final-year CS undergrad, comfortable with Python, numpy and statistics, "
     "15h per week until I graduate in 8 months",
     {"background": "student", "hours_per_week": 15, "months": 8, "skills": ["probability_statistics", "python"]}),
    ("ex-teacher, zero coding experience, 1 hour a day, want to be an ML engineer",
     {"background": "career_changer", "hours_per_week": 7, "track": "generalist", "skills_not_held": ["python"]}),
    ("Data analyst (SQL, Tableau) wanting to become an ML engineer. 6 hrs/wk, prefer books.",
     {"background": "data_analyst", "hours_per_week": 6, "track": "generalist", "format": "books", "skills": ["sql"]}),
    ("I know Python, numpy, pandas, scikit-learn and PyTorch; 10 hrs/week; LLM apps; 6 months",
     {"hours_per_week": 10, "months": 6, "track": "llm", "skills": ["classical_ml", "python", "training_frameworks"]}),
]


@pytest.mark.parametrize(("text", "facts"), PHRASINGS, ids=[text[:40] for text, _ in PHRASINGS])
def test_extracts_exactly_the_stated_facts(text, facts):
    assert extract_profile_facts(text) == facts


def test_there_are_at_least_thirty_phrasings():
    assert len(PHRASINGS) >= 30


def test_nothing_stated_gives_no_facts():
    assert extract_profile_facts("") == {}
    assert extract_profile_facts("hello, can you help me?") == {}


def test_a_role_wanted_is_not_a_background():
    assert extract_profile_facts("I want to be a data analyst") == {}
    assert extract_profile_facts("aspiring software engineer") == {}


def test_years_of_experience_are_not_the_horizon():
    assert "months" not in extract_profile_facts("I have 5 years of experience in Java")
    assert "months" not in extract_profile_facts("I've been a backend developer for 3 years")


def test_a_negated_skill_beats_the_one_a_background_implies():
    facts = extract_profile_facts("I'm a software engineer but I've never written unit tests")
    assert facts == {"background": "software_engineer", "skills_not_held": ["software_engineering"]}


def test_parse_profile_applies_the_defaults_to_what_is_not_stated():
    profile = parse_profile("I know Python and SQL, I want to build LLM apps")
    assert profile.skills == ("python", "sql")
    assert (profile.track, profile.hours_per_week, profile.months, profile.background) == ("llm", 10, 6, "other")


# Self-statements, not topics (issue 11) -------------------------------------------------------------
@pytest.mark.parametrize("question", [
    "what's the difference between an ML engineer and a data scientist?",
    "How do data scientists use SQL?",
    "Is Git enough to be a software engineer?",
    "Do data analysts need Python?",
    "which is better for a student, PyTorch or TensorFlow?",
    "what is RAG and how is it different from fine-tuning?",
    "What should I know about vector databases?",
    "Do I have to know Docker before Kubernetes?",
    "What must I know about statistics for interviews?",
    "How well should I know SQL?",
])
def test_a_question_about_a_role_or_skill_states_nothing_about_the_learner(question):
    facts = extract_profile_facts(question)
    assert "background" not in facts and "skills" not in facts and "skills_not_held" not in facts


@pytest.mark.parametrize(("text", "background", "skills"), [
    ("I'm a data scientist, what should I learn next?", "data_scientist",
     ["classical_ml", "model_evaluation", "probability_statistics", "python"]),
    ("what's the difference between an ML engineer and a data scientist? I'm a nurse, no coding at all",
     "career_changer", []),
    ("backend engineer (Go, Postgres, Kubernetes), no Python yet", "software_engineer",
     ["docker", "software_engineering", "sql"]),
    ("Im a devops engineer (docker, k8s, terraform, aws daily)", "devops_engineer",
     ["cloud", "docker", "software_engineering"]),
    # A role implies only what the job cannot be done without (corpus/skills.yaml `backgrounds`).
    ("DevOps engineer here, 8 hours a week", "devops_engineer", ["docker", "software_engineering"]),
    ("I'm an SRE, 5 hours a week", "devops_engineer", ["docker", "software_engineering"]),
    ("I am a data engineer with Spark and Airflow", "data_engineer",
     ["big_data", "data_engineering", "ml_pipelines", "sql"]),
    ("data engineer, mostly Scala", "data_engineer", ["data_engineering", "sql"]),
    ("I work as a QA engineer", "qa_engineer", []),
    ("QA automation engineer here, I know Python", "qa_engineer", ["python"]),
    ("QA engineer, a bit of Python and Selenium, 10 hours weekly", "qa_engineer", ["python"]),
    ("QA engineer, no Python", "qa_engineer", []),
    ("I'm a software engineer with an interest in NLP", "software_engineer", ["software_engineering"]),
    # A sysadmin runs the servers a devops engineer does; a student's or a graduate's tools after a comma are theirs.
    ("I'm a sysadmin, Linux and Docker, 10 hours a week", "devops_engineer", ["docker", "software_engineering"]),
    ("Biology PhD student, R and some Python, 12 h/week", "student", ["python"]),
    ("Economics grad with Stata and a bit of Python", None, ["probability_statistics", "python"]),
    ("I'm a high-school maths teacher, I know some Python", "career_changer",
     ["linear_algebra_calculus", "probability_statistics", "python"]),
    ("my friend is a sysadmin", None, []),
    # Roles and tools in a question are not the learner's.
    ("what does a data engineer do?", None, []),
    ("should a devops engineer learn kubernetes?", None, []),
    ("is Spark needed for MLOps? what about Airflow?", None, []),
    ("I want to become a data engineer", None, []),
    ("PhD physicist, python daily", "career_changer", ["linear_algebra_calculus", "python"]),  # a physicist has the maths
    # A field studied implies what any degree in it teaches (corpus/skills.yaml `studies`).
    ("I have a maths degree and I know Python", None, ["linear_algebra_calculus", "probability_statistics", "python"]),
    ("my background is in physics", None, ["linear_algebra_calculus"]),
    ("I'm a PhD student in biology", "student", []),
    ("I have a data scientist friend who says learn SQL", None, []),
    ("I want to study statistics first", None, []),
    # "X experience", "X skills": held unless negated or wanted.
    ("Researcher with PyTorch experience, 20 hours a week", None, ["python", "training_frameworks"]),
    ("3 years of Python experience", None, ["python"]),
    ("I have no Python experience", None, []),
    ("I want to build my Python skills", None, []),
    ("Do I need Python skills?", None, []),
    ("what is a PhD worth for ML? should I study maths?", None, []),
    # A self-statement asked as a question ("what if …?") is still about the learner.
    ("what if I already have a physics PhD?", "career_changer", ["linear_algebra_calculus"]),
    ("and if I already know PyTorch?", None, ["python", "training_frameworks"]),  # PyTorch is used from Python
    ("I use sklearn daily", None, ["classical_ml", "python"]),
    ("I've used LangChain", None, ["llms"]),  # LangChain has a JavaScript twin: not surely Python
    ("suppose I'm a data scientist?", "data_scientist",
     ["classical_ml", "model_evaluation", "probability_statistics", "python"]),
    ("what if I want to learn PyTorch?", None, []),
    ("I use numpy daily", None, ["python"]),
    ("I know Git and SQL", None, ["sql"]),
    ("Business analyst with no programming background", "data_analyst", []),
])
def test_self_statements_map_to_exactly_the_stated_skills(text, background, skills):
    facts = extract_profile_facts(text)
    assert facts.get("background") == background
    assert facts.get("skills", []) == skills


@pytest.mark.parametrize(("text", "certification"), [
    ("I want the AWS ML Associate certification", "aws_ml_associate"),
    ("aiming for the aws machine learning associate exam", "aws_ml_associate"),
    ("I want to pass AWS AI Practitioner", "aws_ai_practitioner"),
    ("Goal: AWS Certified Machine Learning Specialty", "aws_ml_specialty"),
    ("I'd like the Google Professional ML Engineer certification", "google_pmle"),
    ("do Andrew Ng's machine learning specialization and get the certificate", "andrew_ng_ml"),
    ("I want an AWS certification", "aws_ml_associate"),
])
def test_a_named_certification_becomes_the_goal(text, certification):
    facts = extract_profile_facts(text)
    assert facts["certification_goal"] == certification
    assert "track" not in facts  # "Google Professional ML Engineer" names a certification, not the generalist track


@pytest.mark.parametrize(("text", "wanted"), [
    ("Data scientist here. Want to learn deep learning & computer vision, 6 hrs/wk", ["computer_vision", "deep_learning"]),
    ("I don't want to learn the maths", None),
    ("I'm learning Python at the moment", None),
])
def test_skills_the_learner_wants_to_learn_become_goals(text, wanted):
    assert extract_profile_facts(text).get("wanted") == wanted


@pytest.mark.parametrize(("text", "facts"), [
    ("I'm a nurse learning Python, 6 h a week, I want to do ML in healthcare.",
     {"background": "career_changer", "hours_per_week": 6, "in_progress": ["python"], "track": "generalist",
      "wanted": ["business_domain"]}),
    ("Mechanical engineer, MATLAB and some Python, 10h/week",
     {"background": "career_changer", "hours_per_week": 10, "skills": ["linear_algebra_calculus", "python"]}),
    ("Frontend dev, I want to add AI features to my apps",
     {"background": "software_engineer", "track": "llm", "skills": ["software_engineering"]}),
    ("what is ML in healthcare like?", {}),
    ("backend engineer, 20 hours a week, want to learn docker",
     {"background": "software_engineer", "hours_per_week": 20, "wanted": ["docker"], "skills": ["software_engineering"]}),
])
def test_roles_tools_studies_and_skills_under_way(text, facts):
    assert extract_profile_facts(text) == facts


@pytest.mark.parametrize(("text", "months"), [
    ("Nurse, learning Python for 2 months, 6 hours a week, I want to do ML in healthcare within a year", 12),
    ("studying SQL for 3 months now, want MLOps in 6 months", 6),
    ("10 h a week for 6 months", 6),
])
def test_a_deadline_beats_a_plain_duration(text, months):
    assert extract_profile_facts(text)["months"] == months


# Profiles read as a learner (issue 12), written before the fix: each got the wrong plan, or a question back.
def test_the_plans_own_length_beats_years_of_experience_and_the_tools_after_the_role_count():
    facts = extract_profile_facts("QA tester for 5 years, mostly Selenium and some Python scripts. I want to move "
                                  "into MLOps, I have maybe 6 hours a week. Give me a 9 month roadmap")
    assert facts == {"background": "qa_engineer", "hours_per_week": 6, "months": 9, "track": "mlops",
                     "skills": ["python"]}


def test_years_since_the_learner_last_did_something_are_not_the_horizon():
    facts = extract_profile_facts("I just quit my job to study full time for 3 months, I have a CS degree but "
                                  "havent coded in 4 years. goal: general ML engineer job.")
    assert facts["months"] == 3 and facts["background"] == "student"


def test_no_tech_background_is_a_career_changer_starting_from_zero():
    facts = extract_profile_facts("marketing manager, no tech background really, some excel. 4 hours a week.")
    assert facts == {"background": "career_changer", "hours_per_week": 4}


def test_a_field_the_guides_have_no_path_for_is_said_and_planned_as_the_closest_goal():
    facts = extract_profile_facts("I'm an analytical chemist, I use Python a bit for data cleaning, about 8 hours a "
                                  "week, I'd like to get into ML for drug discovery / molecule stuff within 12 months.")
    assert facts["uncovered_goal"] == "ML for chemistry and drug discovery" and facts["months"] == 12


def test_asking_to_skip_a_skill_says_nothing_about_having_it():
    assert extract_profile_facts("can I skip LLMs?") == {}
    assert extract_profile_facts("I know Python. Can I skip statistics?") == {"skills": ["python"]}
