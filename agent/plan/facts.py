"""What a learner's own words state about them, by rules: hours, horizon, goal, background, skills, tastes.

Only what the text states is returned (no defaults: see Profile.from_facts). The words themselves
live in phrases.py. The rules:

- hours_per_week: "10h/week", "10 hrs per week", "ten hours a week", "10 hours weekly"; per day times
  the days: "2 hours a day" is 7 days (14), "every weekday" 5, "weekends only, 5 hours each day" 2
  (10), "3 evenings a week, 2 hours each" 3 (6); "40 hours a month" ÷ 4.33; a range ("8-10 hours")
  takes its lower end, so the plan never assumes more time than promised; "a couple" is 2, "a few"
  3; "full time" is 40 (unless it is the day job); a bare "I have 10 hours" is per week. Rounded to
  whole hours, half up.
- months: "in 3 months", "for the next six months", "a 3-month plan", "for a year" (12), "half a
  year" (6), "12 weeks" (÷ 4.33). Durations of experience ("5 years of Java", "for 2 years now",
  "I've been coding for a year") are not the horizon. Out-of-range values are returned as stated,
  for Profile to reject with its message.
- track: the first named after the first goal word ("want", "goal", "become", "build", …), else the
  first anywhere; a specialised track beats generalist ("ML engineer"); a negated one ("not MLOps")
  does not count. With no track (nor certification) named, skills or a topic the guides have no plan
  for may be the goal instead ("deep learning in 6 months"): wanted / uncovered_goal, see agent.plan.goals.
- background: a role the learner *has*, not one they want ("become a data scientist" is a goal).
  When several are named, the most specific wins: data_scientist, data_analyst, software_engineer,
  career_changer, student. A background implies only what the job cannot be done without:
  software_engineer → software_engineering (Git, testing, OOP are the job; not Python: many backend
  developers write Java or Go), data_analyst → sql, data_scientist → python, probability_statistics,
  classical_ml, model_evaluation. "Python developer" also implies python.
- skills / skills_not_held: the keywords of corpus/skills.yaml plus SYNONYMS, minus GENERIC words
  that do not name a skill. A mention counts only with a cue: the nearest cue before it in its
  clause decides ("I know", "used", "familiar with" → held; "don't know", "no", "never", "new to",
  "except" → not held; "learn", "want", "build" → neither, it is a goal), provided only a list of
  skills lies between cue and mention; "X is rusty / weak" or "X is solid" right after a mention
  overrides that. A keyword shared by two skills counts for the first in the file (the more basic
  one). Not held beats an implied background skill.
- format (courses | books | any), certification (bool), cloud (aws | gcp | azure): stated tastes;
  a negated or dispreferred format ("books over courses") flips to the other, both liked is "any";
  the first provider mentioned and not negated is the cloud.
"""

from __future__ import annotations

import re

from agent.guards.limits import bounded_number
from agent.plan import phrases
from agent.plan.goals import named_goal
from agent.plan.said import (certification_goal, certification_wanted, clauses, cloud_taste, format_taste, negated,
                             skill_terms, statements, wanted_skills)
from agent.plan.profile import WEEKS_PER_MONTH, Profile
from agent.plan.skillmap import load_skill_map

# Numbers above these are not a pace or a horizon anyone states (the profile then bounds them again).
MAX_HOURS_STATED = 10_000
MAX_DURATION_STATED = 1_000


def extract_profile_facts(text: str) -> dict:
    """The fields `text` states, as {background, skills, skills_not_held, hours_per_week, months, track,
    format, certification, cloud, certification_goal, wanted, uncovered_goal}; a key only when stated."""
    certification, text = certification_goal(_normalise(text))
    # who the learner is and what they know: never from what they ask about ("what if I already know
    # PyTorch?" says it, though, as a question)
    said = statements(phrases.HYPOTHETICAL.sub(" ", text))
    said = phrases.ROLE_TOOLS.sub(r"\1 using ", said)
    # "data engineer with Spark", "Mechanical engineer, MATLAB and some Python": the role's tools
    little = r"(?:(?:mostly|mainly)\s+)?(?:some\s+|a bit of\s+|a little\s+|basic\s+)?"  # "QA engineer, a bit of Python"
    tools = rf"(?={little}(?:[\w+#.-]+\s*(?:,|&|/|\band\b)\s*{little}){{0,3}}{skill_terms()[0].pattern})"
    # ("QA tester for 5 years, mostly Selenium and some Python scripts")
    said = re.sub(rf"{phrases.ROLE}(?:\s+for\s+\d+\+?\s+years?)?\s*(?:with|,|:|—|–)\s*{tools}", r"\1 using ", said)
    said = re.sub(rf"{phrases.INTRO_LIST.pattern}(?={skill_terms()[0].pattern})", "here, i know ", said)
    track, as_goal = _track(said)
    found = {
        "background": _background(said),
        "hours_per_week": _hours_per_week(text),
        "months": _months(text),
        "track": track if as_goal or not certification else None,  # "ML engineer at a startup": a role
        "format": format_taste(text),
        "certification": certification_wanted(text),
        "cloud": cloud_taste(text),
    }
    facts = {key: value for key, value in found.items() if value is not None}
    if not certification and facts.get("certification"):
        certification = phrases.PROVIDER_CERTIFICATION.get(facts.get("cloud"))
    if certification:
        facts["certification_goal"] = certification
    held, lacking = _skills(said)
    wanted = wanted_skills(said) - lacking
    if phrases.NO_CODE.search(said) and "python" not in held:
        lacking.add("python")
    implied = set(load_skill_map().backgrounds.get(facts.get("background"), ()))
    if facts.get("background") == "data_analyst" and not phrases.SQL_ANALYST.search(said):
        implied = set()
    held |= (implied | _studied(said)) - lacking
    if phrases.PYTHON_DEV.search(said) and "python" not in lacking:
        held.add("python")
    learning = _learning_now(said) - held - lacking
    if learning:
        facts["in_progress"] = sorted(learning)
    if "track" not in facts and not certification and phrases.INDUSTRY_GOAL.search(said):
        facts["track"] = "generalist"  # "ML in healthcare": the generalist track, with its business domain
        wanted.add("business_domain")
    if "track" not in facts and not certification:  # no track named: a skill, or a topic, may be the goal
        named, uncovered = named_goal(said)
        wanted |= set(named)
        if uncovered and not wanted - held:
            facts["uncovered_goal"] = uncovered
    if wanted - held:
        facts["wanted"] = sorted(wanted - held)
    if held:
        facts["skills"] = sorted(held)
    if lacking:
        facts["skills_not_held"] = sorted(lacking)
    return facts


def parse_profile(text: str) -> Profile:
    """A profile from what the learner typed: stated facts, defaults for the rest."""
    return Profile.from_facts(extract_profile_facts(text))


# text -------------------------------------------------------------------------------------------
def _normalise(text: str) -> str:
    """Lowercase, plain apostrophes, and numbers as digits ("ten hours" → "10 hours", "a year" → "1 year")."""
    numbers = phrases.NUMBER_WORDS
    text = text.lower().replace("’", "'").replace("‘", "'").replace("\u00a0", " ")
    text = re.sub(r"\bhalf an hour\b", "0.5 hours", text)
    text = re.sub(r"\b(?:an|one) hour\b", "1 hour", text)
    text = re.sub(r"\b(?:a year and a half|one and a half years)\b", "18 months", text)
    text = re.sub(r"\bhalf a year\b", "6 months", text)
    text = re.sub(r"\b(?:by|within|before|in) (?:the end of )?next year\b", "in 12 months", text)
    text = re.sub(r"\b(for|in|within|over|next|about|around|of|by|a)\s+(?:a|one)\s+(year|month)\b", r"\1 1 \2",
                  text)
    text = re.sub(r"^(?:a|one)\s+(year|month)\b", r"1 \1", text)
    text = re.sub(r"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ]"
                  r"(one|two|three|four|five|six|seven|eight|nine)\b",
                  lambda m: str(numbers[m[1]] + numbers[m[2]]), text)
    words = "|".join(sorted(numbers, key=len, reverse=True))
    text = re.sub(rf"\b({words})\b(?=\s*-?\s*(?:h|hrs?|hours?|days?|evenings?|nights?|weeks?|months?|years?)\b)",
                  lambda m: str(numbers[m[1]]), text)
    text = re.sub(r"(\d+) and a half\b", r"\1.5", text)
    return re.sub(r"[ \t]+", " ", text)


# fields -----------------------------------------------------------------------------------------
def _hours_per_week(text: str) -> int | None:
    for match in phrases.HOURS.finditer(text):
        hours, rest = bounded_number(match[1], 0, MAX_HOURS_STATED), text[match.end():match.end() + 40]
        if hours is None:
            continue  # a 400-digit number of hours is not a statement about a week
        if phrases.PER_WEEK.match(rest):
            return _whole(hours)
        if phrases.PER_DAY.match(rest) or phrases.PER_SESSION.match(rest):
            return _whole(hours * _days_a_week(text, daily=bool(phrases.PER_DAY.match(rest))))
        if phrases.PER_MONTH.match(rest):
            return _whole(hours / WEEKS_PER_MONTH)
        if phrases.BARE_HOURS.search(text[:match.start()]) and not phrases.NOT_STUDY_HOURS.match(rest):
            return _whole(hours)
    if phrases.FULL_TIME.search(text) and not phrases.WORKS_FULL_TIME.search(text):
        return phrases.FULL_TIME_HOURS
    lone = list(phrases.HOURS.finditer(text))
    if len(lone) == 1 and float(lone[0][1]) <= phrases.LONE_HOURS_MAX \
            and not phrases.SPENT_BEFORE.search(text[:lone[0].start()]) \
            and not phrases.NOT_STUDY_HOURS.match(text[lone[0].end():]):
        return _whole(float(lone[0][1]))
    return None


def _days_a_week(text: str, daily: bool) -> int:
    count = phrases.DAYS_A_WEEK.search(text)
    if count:
        return int(count[1])
    if phrases.WEEKENDS.search(text):
        return 2
    if phrases.WEEKDAYS.search(text):
        return 5
    return 7 if daily else 1


def _whole(hours: float) -> int:
    """Whole hours, half up; anything above zero is at least 1."""
    return max(1, int(hours + 0.5)) if hours > 0 else 0


def _months(text: str) -> int | None:
    """The horizon: a duration that is not experience or a pace; a deadline ("within a year", "in 6
    months") beats a plain duration ("learning Python for 2 months … ML within a year" is 12)."""
    horizons = _horizons(text)
    named = [months for months, before, after in horizons if phrases.PLAN_AFTER.match(after)]
    deadline = [months for months, before, _ in horizons if phrases.DEADLINE_BEFORE.search(before)]
    return (named or deadline or [months for months, _, _ in horizons] or [None])[0]


def _horizons(text: str) -> list[tuple[int, str, str]]:
    """Each duration that can be the plan's horizon, in months, with the text before and after it."""
    found = []
    for match in phrases.DURATION.finditer(text):
        before, after = text[max(0, match.start() - 40):match.start()], text[match.end():]
        if phrases.EXPERIENCE_BEFORE.search(before) or phrases.EXPERIENCE_AFTER.match(after):
            continue  # "5 years of Java", "coding for 2 years": experience, not the horizon
        if phrases.PACE_BEFORE.search(before):
            continue  # "10 hours a month" is a pace
        amount, unit = bounded_number(match[1], 0, MAX_DURATION_STATED), match[2]
        if amount is None:
            continue
        months = (max(1, round(amount / WEEKS_PER_MONTH)) if unit.startswith("w")
                  else round(amount * 12) if unit.startswith("y") else round(amount))
        found.append((months, before, after))
    return found


def _track(text: str) -> tuple[str | None, bool]:
    """The first track named after the first goal word, else anywhere; specialised beats generalist.
    Also whether it came after a goal word (a goal rather than, maybe, a role: "ML engineer at a startup")."""
    hits = [(m.start(), track) for track, pattern in phrases.TRACKS for m in re.finditer(pattern, text)
            if not negated(text[max(0, m.start() - 40):m.start()])]
    goal = phrases.GOAL_WORDS.search(text)
    for start in ([goal.start()] if goal else []) + [0]:
        found = [hit for hit in hits if hit[0] >= start]
        specialised = [hit for hit in found if hit[1] != "generalist"]
        if found:
            return min(specialised or found)[1], bool(goal) and start == goal.start()
    return None, False


def _background(text: str) -> str | None:
    """The most specific role the learner says they have (see phrases.SELF_BEFORE)."""
    for background, pattern in phrases.BACKGROUNDS:
        for match in re.finditer(pattern, text):
            if _own_role(text, match.start(), match.end()):
                return background
    return None


def _learning_now(text: str) -> set[str]:
    """Skills the learner says they are learning now ("I'm learning Python and SQL"): the list right
    after the words, up to the first word that is not a skill or a list word."""
    pattern, terms = skill_terms()
    found: set[str] = set()
    for match in phrases.LEARNING_NOW.finditer(text):
        at = match.end()
        for skill in pattern.finditer(text, at):
            gap = re.findall(r"[\w']+", text[at:skill.start()])
            if any(word not in phrases.LIST_FILLER for word in gap):
                break
            found.update(terms.get(skill[0]) or terms.get(skill[0][:-1], []))
            at = skill.end()
    return found


def _studied(text: str) -> set[str]:
    """What the fields the learner studied (or practises) surely taught them (skills.yaml `studies`)."""
    implied: set[str] = set()
    for field, (subject, people) in phrases.STUDY_FIELDS.items():
        hits = [m.start() for m in phrases.study_patterns(subject).finditer(text)]
        hits += [m.start() for m in re.finditer(rf"\b(?:{people})\b", text) if _own_role(text, m.start(), m.end())]
        if any(not negated(text[max(0, h - 30):h]) and not phrases.ROLE_WANTED_BEFORE.search(text[max(0, h - 30):h])
               for h in hits):
            implied.update(load_skill_map().studies.get(field, ()))
    return implied


def _own_role(text: str, start: int, end: int) -> bool:
    """Whether the role at text[start:end] is the learner's own (as for backgrounds)."""
    before = text[max(0, start - 40):start]
    if phrases.ROLE_WANTED_BEFORE.search(before[-30:]) or phrases.OTHER_PERSON_AFTER.match(text[end:]):
        return False
    opening = phrases.CLAUSE_END.split(before)[-1]
    return bool(phrases.SELF_BEFORE.search(before) or phrases.CLAUSE_OPENING.match(opening))


def _skills(text: str) -> tuple[set[str], set[str]]:
    pattern, terms = skill_terms()
    held: set[str] = set()
    lacking: set[str] = set()
    for clause in clauses(text):
        for match in pattern.finditer(clause):
            skill_ids = terms.get(match[0]) or terms[match[0][:-1]]
            polarity = _polarity(clause, match.start(), match.end())
            if polarity == "pos":
                held.update(skill_ids)
                lacking.difference_update(skill_ids)
                if match[0].rstrip("s") in phrases.PYTHON_LIBRARIES or match[0] in phrases.PYTHON_LIBRARIES:
                    held.add("python")  # nobody uses PyTorch or scikit-learn without Python
            elif polarity == "neg":
                lacking.update(skill_ids)
                held.difference_update(skill_ids)
    return held, lacking


def _polarity(clause: str, start: int, end: int) -> str | None:
    """'pos', 'neg', 'goal' or None for the mention clause[start:end]: a cue right after it wins,
    else the nearest cue before it, as long as only a list of skills lies between ("I know Python,
    SQL and Docker"; not "I know Python, 10 hours a week, LLM apps")."""
    after = phrases.AFTER.match(clause[end:])
    if after:
        return after.lastgroup
    rest = skill_terms()[0].sub(" ", clause[end:])  # "(docker, k8s, terraform, aws daily)": the whole list
    if phrases.USED_AFTER.match(phrases.LIST_REST.sub("", rest, count=1)):
        return "pos"
    terms = skill_terms()[0]
    before = terms.sub(lambda m: " " * len(m[0]), clause[:start])  # "scikit-learn", "machine learning": no cue
    cues = list(phrases.CUES.finditer(before))
    if phrases.EXPERIENCE_NOUN_AFTER.match(rest):
        return cues[-1].lastgroup if cues and cues[-1].lastgroup in ("neg", "goal") else "pos"
    if not cues:
        return None
    between = clause[cues[-1].end():start]
    if phrases.TOPIC_AFTER.match(clause[end:]) and between.strip():
        return None
    other = [word for word in re.findall(r"[\w']+", terms.sub(" ", between)) if word not in phrases.LIST_FILLER]
    return cues[-1].lastgroup if len(other) <= 2 else None
