"""What a learner's own words state about them, by rules: hours, horizon, goal, background, skills, tastes.

Only what the text states is returned (no defaults: see Profile.from_facts). The rules:

- hours_per_week: "10h/week", "10 hrs per week", "ten hours a week", "10 hours weekly"; per day times
  the days: "2 hours a day" is 7 days (14), "every weekday" 5, "weekends only, 5 hours each day" 2
  (10), "3 evenings a week, 2 hours each" 3 (6); "40 hours a month" ÷ 4.33; a range ("8-10 hours")
  takes its lower end, so the plan never assumes more time than promised; "full time" is 40; a bare
  "I have 10 hours" is per week. Rounded to whole hours, half up.
- months: "in 3 months", "for the next six months", "a 3-month plan", "for a year" (12), "half a
  year" (6), "12 weeks" (÷ 4.33). Durations of experience ("5 years of Java", "for 2 years now",
  "I've been coding for a year") are not the horizon.
- track: searched first in what follows the first goal word ("want", "goal", "become", "build", …),
  then in the whole text; a specialised track beats generalist ("ML engineer").
- background: a role the learner *has*, not one they want ("become a data scientist" is a goal).
  When several are named, the most specific wins: data_scientist, data_analyst, software_engineer,
  career_changer, student. A background implies only what the job cannot be done without:
  software_engineer → software_engineering (Git, testing, OOP are the job; not Python: many backend
  developers write Java or Go), data_analyst → sql, data_scientist → python, probability_statistics,
  classical_ml, model_evaluation. "Python developer" also implies python.
- skills / skills_not_held: the keywords of corpus/skills.yaml plus SYNONYMS, minus GENERIC words
  that do not name a skill. A mention counts only with a cue: the nearest cue before it in its
  clause decides ("I know", "used", "familiar with" → held; "don't know", "no", "never", "new to",
  "except" → not held; "learn", "want", "build" → neither, it is a goal), and "X is rusty / weak"
  or "X is solid" right after a mention overrides that. A keyword shared by two skills counts for
  the first in the file (the more basic one). Not held beats an implied background skill.
- format (courses | books | any), certification (bool), cloud (aws | gcp | azure): stated tastes;
  a negated format flips to the other, both liked is "any"; the first provider mentioned and not
  negated is the cloud.
"""

from __future__ import annotations

import re
from functools import lru_cache

from agent.plan.skillmap import load_skill_map

WEEKS_PER_MONTH = 4.33
FULL_TIME_HOURS = 40

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a couple of": 2, "a couple": 2, "a few": 3,
}

# Learners' words for skills that skills.yaml keywords miss; they win over the keywords.
SYNONYMS = {
    "math": ["linear_algebra_calculus", "probability_statistics"],
    "maths": ["linear_algebra_calculus", "probability_statistics"],
    "mathematics": ["linear_algebra_calculus", "probability_statistics"],
    "stats": ["probability_statistics"], "statistics": ["probability_statistics"],
    "postgresql": ["sql"], "sqlite": ["sql"], "bigquery": ["sql"], "relational databases": ["sql"],
    "pytest": ["software_engineering"], "tdd": ["software_engineering"], "git": ["software_engineering"],
    "sklearn": ["classical_ml"], "scikit learn": ["classical_ml"], "ml": ["classical_ml"],
    "neural nets": ["deep_learning"], "torch": ["training_frameworks"], "huggingface": ["training_frameworks"],
    "google cloud": ["cloud"], "amazon web services": ["cloud"],
    "vector databases": ["rag"], "vector database": ["rag"], "vector db": ["rag"], "vector stores": ["rag"],
    "langchain": ["llms"], "openai api": ["llms"],
    "backprop": ["deep_learning"], "backpropagation": ["deep_learning"],
}
# Keywords too generic to say a skill is held ("I have a CV", "I used GitHub", "production").
GENERIC = {
    "programming", "production", "apis", "rest api", "validation", "metrics", "accuracy", "cv", "images",
    "retrieval", "business", "projects", "github", "kaggle", "competitions", "side projects", "open source",
    "portfolio", "inference", "automation", "workflow", "pipelines", "architecture", "security", "scalability",
    "stakeholders", "presentation", "networking", "teamwork", "collaboration", "research skills", "healthcare",
    "finance", "marketing", "deploy", "orchestration", "logging", "algorithms", "optimisation", "optimization",
    "experimentation", "retraining", "maintenance", "microservices", "notebooks", "gpu", "information retrieval",
    "embeddings", "business impact", "domain knowledge", "data collection", "debugging", "design patterns",
}
BACKGROUND_SKILLS = {
    "software_engineer": ["software_engineering"],
    "data_analyst": ["sql"],
    "data_scientist": ["python", "probability_statistics", "classical_ml", "model_evaluation"],
}

_DEV = r"(?:dev|devs|developer|engineer|programmer|coder)"
_JOBS = (r"teacher|nurse|accountant|lawyer|chemist|physicist|biologist|marketer|salesperson|designer|journalist|"
         r"musician|chef|doctor|pharmacist|architect|civil engineer|mechanical engineer|electrical engineer|"
         r"consultant|economist|banker|translator|writer|lecturer|researcher in \w+")
BACKGROUNDS = [  # most specific first
    ("data_scientist", r"\bdata scientist\b"),
    ("data_analyst", r"\b(?:data|business|bi|financial|marketing|product|reporting)?\s*analyst\b|\bbusiness intelligence\b"),
    ("software_engineer", rf"\b(?:software|backend|back-end|back end|frontend|front-end|front end|full[- ]?stack|web|"
                          rf"mobile|java|python|golang|go|\.net|c#|ios|android|game|devops|platform|cloud)\s+{_DEV}\b"
                          rf"|\bswe\b|\bsre\b|\bprogrammer\b|\bdeveloper\b|\bsoftware engineer(?:ing)?\b|\bdevops\b"),
    ("career_changer", rf"\bswitch(?:ing)? careers?\b|\bcareer (?:change|changer|switch|switcher|pivot|transition)\b"
                       rf"|\bchang(?:e|ing) careers?\b|\bpivot(?:ing)? (?:from|into|to)\b|\bnon-?tech(?:nical)? background\b"
                       rf"|\bfrom (?:teaching|nursing|accounting|law|sales|retail|hospitality|journalism)\b"
                       rf"|\b(?:former|ex-?)\s*(?:{_JOBS})\b|\b(?:i'm|i am|im|work as) an? (?:{_JOBS})\b"),
    ("student", r"\bstudent\b|\bundergrad(?:uate)?\b|\bphd\b|\bfreshman\b|\bsophomore\b|\bstudying\b|\bfinal year\b"
                r"|\bin college\b|\b(?:i'm|i am|im) (?:at|in) (?:college|university|uni)\b"),
]
TRACKS = [  # specialised first, generalist last
    ("llm", r"\bllms?\b|\blarge language models?\b|\bgen ?ai\b|\bgenerative ai\b|\brag\b|\bretrieval[- ]augmented\b"
            r"|\bai agents?\b|\bagentic\b|\bllm agents?\b|\bchat ?bots?\b|\bai engineer(?:ing)?\b|\blangchain\b"
            r"|\blanggraph\b|\bgpt\b|\bfoundation models?\b|\bprompt engineering\b"),
    ("mlops", r"\bml ?ops\b|\bml infrastructure\b|\bml platforms?\b|\bml pipelines?\b|\bmodel deployment\b"
              r"|\bdeploy(?:ing)? (?:ml |machine learning )?models\b|\bproduction ml\b|\bml in production\b"),
    ("cv", r"\bcomputer vision\b|\bimage (?:recognition|classification|processing)\b|\bobject detection\b"
           r"|\bvision models?\b|\bmedical imaging\b|\bself-driving\b"),
    ("nlp", r"\bnlp\b|\bnatural language processing\b|\btext classification\b|\bsentiment analysis\b|\btext mining\b"),
    ("data_science", r"\bdata science\b|\bdata scientist (?:role|job|position)s?\b|\bbecome an? data scientist\b"),
    ("generalist", r"\bml engineer(?:ing)?\b|\bmachine learning engineer(?:ing)?\b|\bmle\b|\bgeneralist\b"
                   r"|\ball-?round(?:er)?\b"),
]
GOAL_WORDS = (r"\b(?:want|wants|wanna|would like|'d like|goal|aim|aiming|hope|hoping|plan to|planning to|"
              r"interested in|focus on|get into|getting into|move into|moving into|transition(?:ing)? (?:in)?to|"
              r"switch(?:ing)? to|become|becoming|be an?|specialis[ei]|specializ[ei]|build|building|aspire|dream|"
              r"looking to|trying to|keen on|career in)\b")
_KNOWING = (r"know|knows|use|used|using|have|had|familiar|comfortable|experience|experienced|proficient|good|"
            r"strong|confident|done|touched|worked|learned|learnt|studied|understand|idea|clue|knowledge|background|skills")
_NEG_WORDS = (r"\w+n't|\bnot\b|\bno\b|\bnever\b|\bnothing about\b|\bzero\b|\bwithout\b|\black(?:ing)?\b|\bcannot\b"
              r"|\blittle to no\b|\bweak (?:at|in)\b|\brusty\b|\bnew to\b|\bunfamiliar\b|\bexcept\b|\bapart from\b")
# "don't know", "never really used", "no experience": the negation swallows the knowing verb after it.
_NEG = rf"(?:{_NEG_WORDS})(?:\s+\w+){{0,2}}?\s+(?:{_KNOWING})\b|(?:{_NEG_WORDS})"
_GOAL = (r"\blearn\b|\blearning\b|\bstudy\b|\bwant\b|\bwants\b|\bwanna\b|\bwould like\b|\bneed to\b|\bneeds to\b"
         r"|\bhop(?:e|ing)\b|\bplan(?:ning)?\b|\bimprove\b|\bbuild\b|\bbuilding\b|\bget into\b|\bbecome\b"
         r"|\bmaster\b|\bpick up\b|\bbrush up\b|\binterested in\b|\bexplore\b|\bgoal\b|\baim\b|\bfocus on\b"
         r"|\bdive into\b|\bmove into\b|\btransition\b|\bgo into\b")
_POS = (r"\bknow\b|\bknows\b|\bknew\b|\bfamiliar\b|\bcomfortable\b|\bexperience[ds]?\b|\bproficient\b|\bfluent\b"
        r"|\bgood (?:at|with)\b|\bsolid\b|\bstrong\b|\bbackground in\b|\bskilled\b|\bused\b|\buse\b|\busing\b"
        r"|\buses\b|\bwork(?:ed|ing)? with\b|\bdone\b|\bdid\b|\bcode in\b|\bcoding in\b|\bwrite\b|\bwrote\b"
        r"|\bwritten\b|\bhave\b|\bhas\b|'ve\b|\bskills\b|\bexpert\b|\bdecent\b|\bcan\b|\blearned\b|\blearnt\b"
        r"|\bstudied\b|\bbuilt\b|\bdeployed\b|\bshipped\b")
CUES = re.compile(rf"(?P<neg>{_NEG})|(?P<goal>{_GOAL})|(?P<pos>{_POS})")
AFTER = re.compile(r"^\s*(?:skills?\s+|knowledge\s+)?(?:is|are)\s+(?:(?P<neg>rusty|weak|non-?existent|bad|poor|"
                   r"terrible|lacking|zero|a gap|basic at best)|(?P<pos>good|solid|strong|fine|ok|okay|decent))\b")
CLAUSES = re.compile(r"[.!?;\n]+|\bbut\b|\bthough\b|\bhowever\b|\balthough\b|\bwhereas\b")

HOURS = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)(?:\s*(?:-|–|to|or)\s*\d+(?:\.\d+)?)?\s*(?:h|hr|hrs|hour|hours)\b")
PER_WEEK = re.compile(r"^\s*(?:/\s*|per\s+|a\s+|an\s+|each\s+|every\s+|in\s+a\s+|on\s+|over\s+(?:the\s+)?)?"
                      r"(?:week|wk|w|weekend|weekends)\b|^\s*(?:weekly|pw)\b")
PER_DAY = re.compile(r"^\s*(?:/\s*|per\s+|a\s+|each\s+|every\s+|on\s+)?(?:day|night|evening|weekday|morning|workday)s?\b"
                     r"|^\s*(?:daily|nightly)\b")
PER_MONTH = re.compile(r"^\s*(?:/\s*|per\s+|a\s+|each\s+|every\s+)?(?:month|mo)\b|^\s*monthly\b")
PER_SESSION = re.compile(r"^\s*(?:each|per session|a session|per evening|a night)\b")
BARE_HOURS = re.compile(r"\b(?:have|got|spend|spare|give|dedicate|put in|commit|invest|study|do|can do|about|around|"
                        r"roughly|maybe|only|just|max|maximum)\s+(?:about\s+|around\s+|roughly\s+)?$")
DAYS_A_WEEK = re.compile(r"\b(\d)\s*(?:days|evenings|nights|mornings|times|sessions)\s*(?:a|per|each|every|/)\s*week\b")
DURATION = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*-?\s*(months?|mos?|weeks?|wks?|years?|yrs?)\b")
EXPERIENCE_BEFORE = re.compile(r"\b(?:been|worked|working|experience|spent|past|last|since|coding|programming|"
                               r"employed)\s+(?:\w+\s+){0,4}$")
EXPERIENCE_AFTER = re.compile(r"^\s*(?:of\b|ago\b|old\b|experience\b|in (?:the )?(?:industry|role|job)\b|now\b|already\b)")
CLOUDS = [("aws", r"\baws\b|\bamazon web services\b|\bsagemaker\b"), ("gcp", r"\bgcp\b|\bgoogle cloud\b|\bvertex ai\b"),
          ("azure", r"\bazure\b")]
FORMATS = [("courses", r"\bcourses?\b|\bmoocs?\b|\bvideos?\b|\bcoursera\b|\budemy\b|\bedx\b|\bclasses\b|\btutorials?\b"),
           ("books", r"\bbooks?\b|\btextbooks?\b|\bprefer reading\b|\blike reading\b|\blove reading\b")]
CERTIFICATION = re.compile(r"\bcert(?:s|ification|ifications|ificate|ificates|ified)?\b")


def extract_profile_facts(text: str) -> dict:
    """The fields `text` states, as {background, skills, skills_not_held, hours_per_week, months,
    track, format, certification, cloud}; a key is present only when stated."""
    text = _normalise(text)
    found = {
        "background": _background(text),
        "hours_per_week": _hours_per_week(text),
        "months": _months(text),
        "track": _track(text),
        "format": _format(text),
        "certification": _certification(text),
        "cloud": _cloud(text),
    }
    facts = {key: value for key, value in found.items() if value is not None}
    held, lacking = _skills(text)
    held |= set(BACKGROUND_SKILLS.get(facts.get("background"), ())) - lacking
    if re.search(rf"\bpython\s+{_DEV}", text) and "python" not in lacking:
        held.add("python")
    if held:
        facts["skills"] = sorted(held)
    if lacking:
        facts["skills_not_held"] = sorted(lacking)
    return facts


# text -------------------------------------------------------------------------------------------
def _normalise(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'").replace("\u00a0", " ")
    text = re.sub(r"\bhalf an hour\b", "0.5 hours", text)
    text = re.sub(r"\b(?:an|one) hour\b", "1 hour", text)
    text = re.sub(r"\b(?:a year and a half|one and a half years)\b", "18 months", text)
    text = re.sub(r"\bhalf a year\b", "6 months", text)
    text = re.sub(r"\b(for|in|within|over|next|about|around|of|by|a|in just)\s+(?:a|one)\s+(year|month)\b", r"\1 1 \2", text)
    text = re.sub(r"^(?:a|one)\s+(year|month)\b", r"1 \1", text)
    text = re.sub(r"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](one|two|three|four|five|six|seven|"
                  r"eight|nine)\b", lambda m: str(NUMBER_WORDS[m[1]] + NUMBER_WORDS[m[2]]), text)
    words = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    text = re.sub(rf"\b({words})\b(?=\s*-?\s*(?:h|hrs?|hours?|days?|evenings?|nights?|weeks?|months?|years?)\b)",
                  lambda m: str(NUMBER_WORDS[m[1]]), text)
    text = re.sub(r"(\d+) and a half\b", r"\1.5", text)
    return re.sub(r"[ \t]+", " ", text)


def _clauses(text: str) -> list[str]:
    return [c for c in CLAUSES.split(text) if c.strip()]


def _polarity(clause: str, start: int, end: int) -> str | None:
    """'pos', 'neg', 'goal' or None for the mention clause[start:end]: a cue right after it wins,
    else the nearest cue before it."""
    after = AFTER.match(clause[end:])
    if after:
        return after.lastgroup
    cues = [m for m in CUES.finditer(clause[:start])]
    return cues[-1].lastgroup if cues else None


# fields -----------------------------------------------------------------------------------------
def _hours_per_week(text: str) -> int | None:
    if re.search(r"\bfull[- ]time\b", text) and not re.search(r"\b(?:work|job|working|employed)\w* full[- ]time\b", text):
        full_time = FULL_TIME_HOURS
    else:
        full_time = None
    for match in HOURS.finditer(text):
        hours, rest, before = float(match[1]), text[match.end():match.end() + 40], text[max(0, match.start() - 40):match.start()]
        if PER_WEEK.match(rest):
            return _whole(hours)
        if PER_DAY.match(rest) or PER_SESSION.match(rest):
            return _whole(hours * _days_a_week(text, daily=bool(PER_DAY.match(rest))))
        if PER_MONTH.match(rest):
            return _whole(hours / WEEKS_PER_MONTH)
        if BARE_HOURS.search(before) and not re.match(r"^\s*(?:long|of video|video)", rest):
            return _whole(hours)
    return full_time


def _days_a_week(text: str, daily: bool) -> int:
    count = DAYS_A_WEEK.search(text)
    if count:
        return int(count[1])
    if re.search(r"\bweekends?\b|\bsaturdays? and sundays?\b", text):
        return 2
    if re.search(r"\bweekdays?\b|\bworkdays?\b|\bmonday to friday\b", text):
        return 5
    return 7 if daily else 1


def _whole(hours: float) -> int:
    return max(1, int(hours + 0.5)) if hours > 0 else 0


def _months(text: str) -> int | None:
    for match in DURATION.finditer(text):
        before, after = text[max(0, match.start() - 40):match.start()], text[match.end():]
        if EXPERIENCE_BEFORE.search(before) or EXPERIENCE_AFTER.match(after):
            continue
        if re.search(r"\b(?:\d+(?:\.\d+)?\s*(?:h|hrs?|hours?))\s*(?:a|per|each|every|/)\s*$", before):
            continue  # "10 hours a month" is a pace, not the horizon
        amount, unit = float(match[1]), match[2]
        if unit.startswith(("w",)):
            return max(1, round(amount / WEEKS_PER_MONTH))
        if unit.startswith(("y",)):
            return round(amount * 12)
        return round(amount)
    return None


def _track(text: str) -> str | None:
    goal = re.search(GOAL_WORDS, text)
    for scope in ([text[goal.start():]] if goal else []) + [text]:
        hits = [(m.start(), track) for track, pattern in TRACKS for m in re.finditer(pattern, scope)
                if not re.search(r"(?:\w+n't|\bnot|\bno|\bnever)\s+(?:\w+\s+){0,3}$", scope[max(0, m.start() - 40):m.start()])]
        specialised = [hit for hit in hits if hit[1] != "generalist"]
        if specialised or hits:
            return min(specialised or hits)[1]
    return None


def _background(text: str) -> str | None:
    for background, pattern in BACKGROUNDS:
        for match in re.finditer(pattern, text):
            before = text[max(0, match.start() - 30):match.start()]
            if re.search(r"\b(?:become|becoming|be|into|towards|to|want|as a future|aspiring|not)\s+(?:an?\s+)?$", before):
                continue  # a role wanted, not held
            return background
    return None


@lru_cache(maxsize=1)
def _skill_terms() -> tuple[re.Pattern, dict[str, list[str]]]:
    """One pattern for every skill term (longest first) and term → skill ids."""
    terms: dict[str, list[str]] = {}
    for skill in load_skill_map().skills.values():
        for keyword in skill.keywords:
            if keyword not in GENERIC:
                terms.setdefault(keyword, [skill.id])  # a shared keyword counts for the first skill
    terms.update(SYNONYMS)
    alternatives = "|".join(re.escape(t) + ("s?" if not t.endswith("s") else "") for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"), terms


def _skills(text: str) -> tuple[set[str], set[str]]:
    pattern, terms = _skill_terms()
    held: set[str] = set()
    lacking: set[str] = set()
    for clause in _clauses(text):
        for match in pattern.finditer(clause):
            term = match[0] if match[0] in terms else match[0][:-1]
            polarity = _polarity(clause, match.start(), match.end())
            if polarity == "pos":
                held.update(terms[term])
                lacking.difference_update(terms[term])
            elif polarity == "neg":
                lacking.update(terms[term])
                held.difference_update(terms[term])
    return held, lacking


def _format(text: str) -> str | None:
    liked, disliked = set(), set()
    for clause in _clauses(text):
        for name, pattern in FORMATS:
            for match in re.finditer(pattern, clause):
                before = clause[:match.start()]
                negative = re.search(r"(?:\w+n't|\bnot|\bno|\bhate|\bdislike|\bover|\brather than|\binstead of|"
                                     r"\bthan)\s+(?:\w+\s+){0,3}$", before)
                (disliked if negative else liked).add(name)
    if liked == {"courses", "books"}:
        return "any"
    if liked:
        return liked.pop()
    if disliked == {"courses"}:
        return "books"
    if disliked == {"books"}:
        return "courses"
    return "any" if disliked else None


def _certification(text: str) -> bool | None:
    for clause in _clauses(text):
        match = CERTIFICATION.search(clause)
        if match:
            negative = re.search(r"(?:\w+n't|\bnot|\bno|\bnever|\bskip|\bwithout)\s+(?:\w+\s+){0,4}$", clause[:match.start()])
            return not negative
    return None


def _cloud(text: str) -> str | None:
    hits = []
    for clause in _clauses(text):
        for provider, pattern in CLOUDS:
            for match in re.finditer(pattern, clause):
                if not re.search(r"(?:\w+n't|\bnot\b|\bno\b|\bnever\b)\s+(?:\w+\s+){0,2}$", clause[:match.start()]):
                    hits.append((text.find(clause) + match.start(), provider))
    return min(hits)[1] if hits else None
