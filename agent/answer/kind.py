"""What kind of question this is, so the answer can take the matching shape.

A learner asking "LangGraph vs CrewAI?" wants what the guides say about each side; "what can I
skip?" wants their own profile set against the skill map; "is it worth it?" wants the guides'
stance, or an honest "they don't judge that" with what they do say. Rules, not a model: the
kinds are few and their wording is regular, and a wrong guess still yields a cited answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["definition", "list", "comparison", "personal", "worth_it", "how_to"]

PERSONAL = re.compile(
    r"\b(for (someone|somebody|a person|people) like me|(i'?m|i am) (an?|currently|already|working|just|only|not)\b"
    r"|my (background|situation|profile|experience)|coming from|as an? [\w-]+ (developer|engineer|analyst|student|"
    r"scientist|dev)\b(?<!ml engineer)(?<!ml developer)|what (should|do|can) i (learn|study|focus on|start with|do) first|where (do|should) i (start|begin)"
    r"|(what|which)( of (those|these|them|the skills))? (should|do|can) i (learn|study|tackle|do|start with) first"
    r"|(what|which)( \w+)? (can|should|could) i (skip|ignore|leave out|drop)|skip\b|do i (really )?need (to learn )?"
    r"(all|every|everything)|what (should|do) i (learn|study) next"
    # "I know / I have": a self-statement, unless a question asks it ("how many projects should I have?")
    r"|(?<!should )(?<!must )(?<!do )(?<!does )(?<!can )(?<!would )(?<!could )(?<!will )(?<!to )\bi (know|have|work|already)\b"
    r"|i'?ve been\b"
    r"|\b(backend|back-end|frontend|front-end|web|java|software|mobile|devops) (dev|developer|engineer)s?\b)", re.IGNORECASE)
SKIP = re.compile(r"\b(skip|ignore|leave out|drop|don'?t need|do i (really )?need (to learn )?(all|every))", re.IGNORECASE)
EMPLOYERS = r"(?:employers?|companies|recruiters|hiring managers|interviewers|teams)"
WORTH = re.compile(
    r"\b(worth( it)?|too late|too old|still (relevant|useful|worth|a good)|waste of time|good idea|should i (even )?"
    r"bother|dead|dying|overrated|future[- ]proof)\b"
    r"|^\W*(do|does|is|are|should|must|will|would)\b.*\b(need|needed|necessary|required|have to|essential|matter|"
    r"important|useful|valuable|relevant|helpful|enough)\b"
    r"|^\W*should (i|a|an|beginners?|newcomers?|someone|we|you)\b.{0,30}\b(learn|study|start|do|get|use|bother|focus|"
    r"take|try|go|pick|invest|jump|dive)\b|^\W*(is|are)\b.+\b(something|a thing)\b.*\bshould\b"
    r"|^\W*how (important|useful|valuable|necessary|essential|relevant|much does .+ matter)\b"
    r"|^\W*(do|does|will|would)\s+" + EMPLOYERS + r"\s+(really\s+|even\s+|still\s+)?(care|value|look for|want)\b", re.IGNORECASE)
HOW_TO = re.compile(
    r"^\W*(so |and |ok(ay)?,? )?(how (do|can|should|would|could) (i|you|one|someone)|how to|what'?s the best way to|"
    r"what are the steps|steps to|how does one|how (do|can) i (get|move|switch|transition|break))\b"
    r"|\bwhat (do|should|can) (i|we) do\b|\bhow (do|can|should) (i|we)\b", re.IGNORECASE)
LIST = re.compile(
    r"\b(which|what|any|some|recommend\w*|list|suggest\w*|name|good|how much|how many)\b.{0,40}\b(tools?|frameworks?|books?|courses?|"
    r"certifications?|certs?|skills?|resources?|languages?|librar(y|ies)|platforms?|topics?|maths?|mathematics|"
    r"projects?|responsibilities|areas?|steps|things|concepts|algorithms?|videos?|specializations?|clouds?)\b",
    re.IGNORECASE)
COMPARISON = re.compile(
    r"\bdifference(s)? between (?P<a>.+?) and (?P<b>.+?)\W*$|\bcompare (?P<c>.+?) (?:and|with|to) (?P<d>.+?)\W*$"
    r"|(?P<e>[\w#+.' -]{2,40}?)\s+(?:vs\.?|versus)\s+(?P<f>[\w#+.' -]{2,40}?)(?:\W*$|\s*[:?,]|\s+[-–—]\s)"
    r"|\b(?:should i (?:learn|use|pick|choose|go with|start with|do)|which is better,?|better:?)\s+(?P<g>[\w#+.' -]{2,30}?)"
    r"\s+or\s+(?P<h>[\w#+.' -]{2,30}?)\W*$|^\W*(?P<i>[A-Za-z][\w#+.-]*)\s+or\s+(?P<j>[A-Za-z][\w#+.-]*)\b"
    r"|\bwhat (?:does|do) (?:an?\s+|the\s+)?(?P<m>[\w#+.' -]{2,40}?) do that (?:an?\s+|the\s+)?(?P<n>[\w#+.' -]{2,40}?)"
    r"\s+(?:doesn'?t|does not|don'?t|do not|can'?t|cannot)\b"
    r"|^\W*(?:is|are)\s+(?P<k>[\w#+.' -]{2,40}?)\s+(?:better|worse|more useful|more important)\s+than\s+"
    r"(?P<l>[\w#+.' -]{2,40}?)\W*$", re.IGNORECASE)
# "What should I learn first, PyTorch or SQL?", "PyTorch or SQL first?", "scikit-learn before deep learning?":
# two things put in an order, which the skill map answers (agent/answer/personal.py).
_SIDE = r"[\w#+.' -]{2,30}?"
ORDER = re.compile(
    rf"\b(?:first|start with|begin with|prioriti[sz]e)\W+(?:between\s+)?(?P<a>{_SIDE})\s+or\s+(?P<b>{_SIDE})\W*$"
    rf"|(?:^|[.!?]\s+|\b(?:learn|study|do|pick|start with|focus on)\s+)(?P<c>[\w#+' -]{{2,30}}?)\s+or\s+(?P<d>{_SIDE})\s+first\W*$"
    rf"|\b(?:learn|study|do|master|take|start with|focus on)\s+(?P<e>{_SIDE})\s+before\s+(?:learning\s+|studying\s+|"
    rf"moving (?:on )?to\s+|diving into\s+|getting into\s+)?(?P<f>{_SIDE})\W*$", re.IGNORECASE)
_SIDE_NOISE = re.compile(r"^(the|an?|being an?|becoming an?|what'?s|what is|whats|to (learn|use|study|pick|do)|"
                         r"(should|do|can|would) (i|you) (learn|study|do|pick|start with|focus on)|learn|study|"
                         r"(to )?(speciali[sz]e|focus|work|go|get) (in|on|into))\s+|\s+(role|roles|then)$", re.IGNORECASE)
_FOLLOW_CHOICE = re.compile(r"\b(which (one|of (them|the two|those|these))|the (first|second|other) one|either)\b",
                            re.IGNORECASE)


@dataclass(frozen=True)
class QuestionKind:
    """The shape an answer should take. `sides` for comparisons, `skip` when the learner asks what
    they can leave out, `topic` for "is it worth it" questions (what is being judged), `order` for
    a personal question that puts two things (its `sides`) in an order ("PyTorch or SQL first?")."""

    kind: Kind
    sides: tuple[str, ...] = ()
    skip: bool = False
    topic: str = ""
    order: bool = False


def classify_question(question: str, previous: QuestionKind | None = None) -> QuestionKind:
    """The question's kind. `previous` is the last turn's kind: "and which one is more about
    LLMs?" after a comparison is the same comparison, narrowed."""
    text = question.strip()
    if previous and previous.kind == "comparison" and _FOLLOW_CHOICE.search(text):
        return QuestionKind("comparison", previous.sides)
    match = ORDER.search(text)
    if match:
        sides = tuple(_side(v) for v in match.groups() if v)
        if len(sides) == 2 and all(sides) and sides[0].lower() != sides[1].lower():
            return QuestionKind("personal", sides, order=True)
    match = COMPARISON.search(text)
    if match:
        sides = tuple(_side(v) for v in match.groups() if v)
        if len(sides) == 2 and all(sides) and sides[0].lower() != sides[1].lower():
            return QuestionKind("comparison", sides)
    if PERSONAL.search(text):
        return QuestionKind("personal", skip=bool(SKIP.search(text)))
    if WORTH.search(text) and not (re.match(r"\W*(which|what)\b", text, re.I) and LIST.search(text)):
        return QuestionKind("worth_it", topic=_topic(text))
    if HOW_TO.search(text):
        return QuestionKind("how_to")
    parts_of = _term(PARTS_OF.search(text))
    if LIST.search(text) or re.match(r"\W*(?:what|which)\b", text, re.I) and parts_of:
        return QuestionKind("list", topic=parts_of)  # ("what would I need to learn for CV work?")
    return QuestionKind("definition", topic=_term(DEFINED.match(text)))


ORDINAL = re.compile(r"\bthe (?:(first|former)|(second|latter|other))(?: one| role| option)?\b", re.IGNORECASE)


def resolve_choice(question: str, previous: QuestionKind | None) -> str:
    """"which algorithms should I learn for the second one?" after "supervised vs unsupervised?" →
    "…for unsupervised learning?": the side a follow-up points at, named, so it is searched and
    answered as a question of its own."""
    if not previous or previous.kind != "comparison" or len(previous.sides) < 2:
        return question
    return ORDINAL.sub(lambda m: previous.sides[0] if m.group(1) else previous.sides[1], question)


def _side(text: str) -> str:
    side = text.strip(" ?.!,'\"")
    for _ in range(2):
        side = _SIDE_NOISE.sub("", side).strip()
    return side


# A term of one to three words ("MLOps", "feature stores", "computer vision work").
_TERM = r"(?P<term>[A-Za-z][\w+#.-]*(?:[\s-][A-Za-z][\w+#.-]*){0,2}?)"
# "What are feature stores?", "Explain what MLOps is", "what's model drift": the term asked about.
DEFINED = re.compile(r"^\W*(?:(?:so|and|ok(?:ay)?)\W+)?(?:(?:can you |could you |please )?(?:explain|define|describe)"
                     r"(?: what)?|what(?:'s| is| are)|whats|tell me (?:about|what))\s+(?:an?\s+|the\s+)?" + _TERM +
                     r"(?:\s+(?:is|are|means?))?(?:\s+and\b.*|\s*,.*)?[?.!\s]*$", re.IGNORECASE)
# "What skills are part of MLOps?", "which tools do I need for MLOps?": the term whose parts are asked for.
PARTS_OF = re.compile(r"\b(?:part of|make up|involved in|needed for|needed in|(?:do|would|should) i need(?: to "
                      r"(?:learn|know|study|master))? for|belong to|go into)\s+(?:an?\s+|the\s+)?" + _TERM +
                      r"[?.!\s]*$", re.IGNORECASE)
_NOT_TERMS = re.compile(r"^(?:it|that|this|they|them|those|these|the difference|the best|the point|the role|"
                        r"a good|ml|ai|an? ml engineer|ml engineers?|machine learning(?: engineers?)?)$", re.IGNORECASE)


def _term(match: re.Match | None) -> str:
    """The term a DEFINED or PARTS_OF match asks about, "" when it names none (or only "ML")."""
    term = match.group("term").strip() if match else ""
    return "" if not term or _NOT_TERMS.match(term) else term


def _topic(text: str) -> str:
    """What a "worth it" question judges: "is quantum ML worth learning?" → "quantum ML"."""
    topic = re.sub(r"\s+(?:actually|really|even|still|honestly|truly|just)$", "", _subject(text), flags=re.I)
    return re.sub(r"\s+(?:to (?:work|be|become|get|land|break)|as an?|for (?:an?|ml|the|someone|beginners?|me)|if|when|"
                  r"now|at|in \d{4}|these days|nowadays|anymore)\b.*$", "", topic, flags=re.IGNORECASE).strip()


def _subject(text: str) -> str:
    match = re.search(EMPLOYERS + r"\s+(?:really\s+|even\s+|still\s+)?(?:care about|value|look for|want)\s+"
                      r"(?:an?\s+|the\s+)?(.+?)[?.!\s]*$", text, re.IGNORECASE)
    if match:  # "do employers care about a master's degree?" judges the degree
        return match.group(1)
    match = re.search(r"\b(?:is|are|does|do)\s+(?:it\s+|a\s+|an\s+|the\s+)?(.+?)\s+(?:still\s+|really\s+|that\s+|so\s+|"
                      r"very\s+|even\s+)?(?:worth|too|a waste|necessary|required|needed|dead|dying|overrated|matter|"
                      r"important|essential|useful|valuable|relevant|helpful|enough)", text, re.IGNORECASE)
    if match and match.group(1).lower() not in ("it", "this", "that") and not re.match(
            r"(i|you|we|ml engineers?|engineers?|beginners?)\s+(really\s+)?(need|have)\b", match.group(1), re.I):
        return match.group(1)
    match = re.search(r"\bworth (?:learning|getting into|doing|studying|taking|pursuing|it to learn)\s+(?:an?\s+|the\s+)?"
                      r"(.+?)[?.!\s]*$", text, re.IGNORECASE) or re.search(
        r"^\W*how (?:important|useful|valuable|necessary|essential|relevant) (?:is|are)\s+(?:an?\s+|the\s+)?(.+?)[?.!\s]*$",
        text, re.IGNORECASE) or re.search(r"^\W*(?:is|are)\s+(?:an?\s+|the\s+)?(.+?)\s+(?:something|a thing)\b", text,
                                          re.IGNORECASE)
    if match:
        return match.group(1)
    match = re.search(r"^\W*should\s+\w+(?:\s+(?:complete\s+|total\s+|absolute\s+)?beginner)?\s+(?:even\s+)?"
                      r"(?:(?:jump|dive)(?:\s+straight)?\s+into|learn|study|start(?:\s+with)?|do|get(?:\s+into)?|use|"
                      r"bother(?:\s+with)?|focus(?:\s+on)?|take|try|go(?:\s+for)?|pick|invest\s+in)\s+(?:an?\s+|the\s+)?"
                      r"(.+?)[?.!\s]*$", text, re.IGNORECASE)
    if match:
        return re.sub(r"\s+(first|now|too|as an? .*|at all|or not|before .*)$", "", match.group(1), flags=re.I)
    match = re.search(r"\b(?:need|have)\s+(?:to\s+(?:know|learn|do|get|have|study)\s+)?(?:an?\s+|the\s+)?(.+?)[?.!\s]*$",
                      text, re.IGNORECASE)
    return match.group(1) if match else ""
