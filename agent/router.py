"""The deterministic router: which path a message takes, decided by rules (and, after retrieval,
by relevance). The small embedded model cannot be trusted to choose tools with `tool_choice=auto`."""

from __future__ import annotations

import re

from agent.guards.injection import is_message_injection
from ingest.text import loose_sentences

GREETING = re.compile(
    r"^\W*(hi+|hello+|hey+|hiya|yo|good (morning|afternoon|evening|day)|greetings|howdy|thanks?|thank you|thx|ty|"
    r"cheers|bye|goodbye|see you|ok(ay)?|cool|great|nice|awesome|perfect)\b", re.IGNORECASE)
# Words that may follow a greeting without making it a question ("thank you so much, that was really helpful 🙏").
GREETING_FILLER = frozenset("""careerbot bot there everyone all you so much very really a lot that this it was is
    helpful useful great nice good again for the help answer answers have day morning afternoon evening night
    friend mate buddy and too well super thanks thank cheers bye see later soon""".split())
PLAN_INTENT = re.compile(
    r"\b(plan|roadmap|road map|schedule|study path|learning path|curriculum|timeline|"
    r"(\d+|one|two|three|four|five|six|nine|twelve)[- ]month)s?\b", re.IGNORECASE)
# "I only have weekends, can I still make progress?": a question the plan builder answers (what fits
# the time), not the guides (they give no hours).
TIME_BUDGET = re.compile(
    r"\b(weekends?|evenings?|nights?|part[- ]time|full[- ]time (job|work)|(work|job) full[- ]time|spare time|"
    r"free time|limited time|little time|busy|\d+\s*(h|hrs?|hours?)\s*(a|per|each)\s*(week|day))\b"
    r".*\b(enough|can i|could i|is it (possible|realistic|doable|feasible)|make progress|manage|doable|feasible|"
    r"realistic)\b"
    r"|\b(enough|can i|could i|is it (possible|realistic|doable|feasible))\b.*\b(weekends?|evenings?|part[- ]time|"
    r"spare time|free time|limited time|little time)\b", re.IGNORECASE)
DOMAIN = re.compile(
    r"\b(ml|mle|mlops|machine learning|ai|artificial intelligence|data|engineer\w*|career\w*|jobs?|roles?|hir\w+|"
    r"interview\w*|salar\w+|pay|paid|compan\w+|employer\w*|visa|resume|cv|portfolio|skills?|learn\w*|stud\w+|"
    r"course\w*|books?|certif\w+|degree|phd|master'?s|bootcamp|python|sql|model\w*|deep learning|llms?|rag|agents?|"
    r"cloud|kaggle|github|mentor\w*|intern\w*|promotion|senior|junior|work\w*|speciali[sz]\w*|generalist\w*|"
    r"programm\w*|coding|code|math\w*|statistic\w*|projects?|frameworks?|tools?|deploy\w*|docker|kubernetes|k8s|"
    r"pytorch|tensorflow|neural|transformers?|nlp|vision|research\w*|tech\w*|skill\w*|expert\w*)\b", re.IGNORECASE)


# "Can you say that shorter?", "tl;dr?", "in one sentence please": the last answer, briefer.
SHORTER = re.compile(r"\b(shorter|short version|(in|into) (one|a single|1|a) sentence|tl;? ?dr|summari[sz]e (that|it|this)|"
                     r"sum (that|it) up|in a nutshell|more briefly|(say|put) (that|it) (briefly|simply|more simply))\b",
                     re.IGNORECASE)
SHORTER_WORDS = 14  # a longer message asks something of its own


def is_shorter(message: str) -> bool:
    """A request to say the last answer more briefly, and nothing else."""
    return bool(SHORTER.search(message)) and len(message.split()) <= SHORTER_WORDS


def classify(message: str) -> str:
    """One of: greeting, injection, plan, question. Relevance decides off_topic/not_covered later."""
    if is_greeting(message):
        return "greeting"
    if is_message_injection(message):
        return "injection"
    if PLAN_INTENT.search(message) or TIME_BUDGET.search(message):
        return "plan"
    return "question"


def is_greeting(message: str) -> bool:
    """A greeting or thanks with nothing else in it: "ok, how should I learn it?" is a question."""
    match = GREETING.match(message)
    if not match:
        return False
    rest = message[match.end():]
    words = re.findall(r"[a-z']+", rest.lower())
    return "?" not in rest and len(words) <= 10 and all(word in GREETING_FILLER for word in words)


def drop_instruction_sentences(message: str) -> str:
    """The message without its instruction-like sentences (what is left may be a real question).
    For chat messages only: a document passage with an instruction is quarantined whole, at ingest."""
    return " ".join(s for s in loose_sentences(message) if s.strip() and not is_message_injection(s)).strip()


def in_domain(message: str) -> bool:
    """Does the message talk about careers, learning or ML at all? Splits 'the guides don't cover
    that' (in domain) from a friendly redirect (off topic) when retrieval finds nothing relevant."""
    return bool(DOMAIN.search(message))
