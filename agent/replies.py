"""Fixed replies for the paths that need no model: greetings, redirects, refusals, gaps in the guides."""

from __future__ import annotations

import re

STARTERS = [
    "What's the difference between an ML engineer and a data scientist?",
    "Which maths do I need for machine learning?",
    "What should I learn for MLOps?",
    "Make me a 6-month plan: I know Python, 10 hours a week, I want to build LLM apps.",
]

GREETING = ("Hi! I'm careerbot. I answer questions about becoming a Machine Learning Engineer from four "
            "career guides, and I can build you a personalised learning plan. You could ask, for example:\n"
            + "\n".join(f"- {s}" for s in STARTERS))

THANKS_RE = re.compile(r"\b(thanks?|thank you|thx|ty|cheers)\b", re.IGNORECASE)
THANKS = "You're welcome! Ask me anything else about becoming an ML engineer, or ask for a learning plan."

OFF_TOPIC = ("I can only help with becoming a Machine Learning Engineer: skills, learning resources, career "
             "paths and learning plans, all from the career guides I have. Try, for example: "
             f"\"{STARTERS[1]}\"")

INJECTION = ("I can't follow instructions that try to change how I work, and I don't share my configuration. "
             "I'm happy to answer questions about becoming an ML engineer from the guides.")

INJECTION_NOTICE = "Part of your message looked like instructions to me; I ignored it and answered the question."

ASK_PROFILE = {
    "hours_per_week": "How many hours a week can you spend on learning?",
    "skills": "What do you already know (for example Python, SQL, statistics, Docker), or what is your background?",
    "track": ("What do you want to work on: general ML engineering, MLOps / platform, LLM & AI apps, "
              "computer vision, NLP, or data-science-leaning work?"),
}


def llm_unavailable(error: Exception | str) -> str:
    """Why there is no model answer, and what the user gets instead (secrets redacted: an upstream
    error may echo the request)."""
    from agent.guards.redact import redact

    return redact(f"The language model is unavailable ({error}); answers are taken directly from the guides.")


# Gaps a plan still helps with: whatever the learner's age or the market, it starts from where they are.
PLAN_HELPS = {"age limits for changing careers", "how long it takes to get hired"}
PLAN_OFFER = ("What I can do is build you a learning plan from where you are now: tell me what you already know "
              "and how many hours a week you have.")


def not_covered(topics: list[str], gap: str | None = None) -> str:
    """An honest gap, plus what the guides do cover near the question (and, where a plan helps
    anyway, the offer of one: "is it too late at 40?" is a question a plan answers in hours)."""
    text = f"The guides don't cover {gap or 'that'}, so I won't guess."
    if gap in PLAN_HELPS:
        text += f" {PLAN_OFFER}"
    if topics:
        text += "\n\nRelated topics they do cover:\n" + "\n".join(f"- {topic}" for topic in topics)
    return text


TIME_FITS = ("The guides don't say how many hours it takes, but a plan can be sized to the time you have: it "
             "shows what fits in it and when you would reach your goal, or that it needs more time.")


def ask_profile(missing: list[str], time_asked: bool = False) -> str:
    """The questions the plan needs answered; `time_asked` when the learner asked whether their time
    is enough ("I only have weekends, can I still make progress?"): that is answered first."""
    questions = [ASK_PROFILE[field] for field in missing if field in ASK_PROFILE]
    opening = f"{TIME_FITS}\n\n" if time_asked else ""
    return f"{opening}Happy to build your plan. " + " ".join(questions) + " (Anything else about your background helps too.)"


NOT_ENGLISH_NOTICE = ("I answer in English, from English guides: I searched them with the English terms in "
                      "your message.")
NOT_ENGLISH = ("I answer in English, from English guides, and I couldn't find what you asked in them. "
               f"Please ask in English, for example: \"{STARTERS[1]}\"")

STOPPED_NOTICE = "You stopped this answer: what it had written so far was checked against the guides."
