"""A goal that is not a track: skills of the skill map ("deep learning in 6 months", "goal: deep
learning", "I want to get into data engineering"), or a topic the guides have no plan for
("recommender systems in 6 months").

Why: a learner who names their goal should get a plan for it, not the track question back. A track,
when one is named, stays the goal (agent.plan.facts decides that first); these rules only speak
when none is. Text here is already normalised (facts._normalise) and holds statements only
(said.statements): words in a question ("what's the difference between deep learning and ML?")
are never a goal.

The rules:
- after a goal phrase (GOAL_PHRASE: "my goal is", "goal:", "get into", "focus on", "interested in",
  "want to learn / do"), not negated, the skills the words up to the clause's end name are goals;
  "machine learning", "ML", "AI" are the whole field (BROAD_GOALS), not a skill to aim at;
- a clause that is nothing but skills before a deadline ("deep learning in 6 months") or before "is
  my goal" names goals; anything else there ("12 h a week for 6 months", "can I learn it in 6 months")
  does not;
- a topic of UNCOVERED_TOPICS in either place is a goal the guides have no plan for.
"""

from __future__ import annotations

import re

from agent.plan import phrases
from agent.plan.said import negated, skill_mentions, skill_terms


def named_goal(text: str) -> tuple[list[str], str | None]:
    """(skill ids named as the goal, in order; the first goal topic the guides have no plan for)."""
    skills: list[str] = []
    uncovered: list[tuple[int, str]] = []
    for match in phrases.GOAL_PHRASE.finditer(text):
        if negated(text[max(0, match.start() - 30):match.start()]):
            continue  # "I don't want to get into deep learning"
        what = phrases.BROAD_GOALS.sub(" ", match["what"])
        skills += [s for s in skill_mentions(what) if s not in skills]
        uncovered += _uncovered(what, match.start("what"))
    for match in [*phrases.GOAL_BEFORE_HORIZON.finditer(text), *phrases.GOAL_BEFORE_IS.finditer(text)]:
        what = match["what"]
        if _only_goal_words(what):
            skills += [s for s in skill_mentions(phrases.BROAD_GOALS.sub(" ", what)) if s not in skills]
            uncovered += _uncovered(what, match.start("what"))
    return skills, (min(uncovered)[1] if uncovered and not skills else None)


def _uncovered(what: str, offset: int) -> list[tuple[int, str]]:
    return [(offset + m.start(), name) for name, pattern in phrases.UNCOVERED_TOPICS
            for m in re.finditer(pattern, what)]


def _only_goal_words(what: str) -> bool:
    """Whether `what` is a list of skills or uncovered topics and nothing else ("deep learning and
    computer vision"), so a horizon after it says when the learner wants to reach them."""
    rest = skill_terms()[0].sub(" ", what)
    for _, pattern in phrases.UNCOVERED_TOPICS:
        rest = re.sub(pattern, " ", rest)
    words = re.findall(r"[\w']+", phrases.BROAD_GOALS.sub(" ", rest))
    return len(words) < len(re.findall(r"[\w']+", what)) and all(w in phrases.GOAL_FILLER for w in words)
