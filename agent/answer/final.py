"""The answer the learner gets: the model's prose where the checker supports it, else the composed one.

Coverage was decided before the model ran (retrieval relevance and agent/scope.py), so a model
that still declines ("the guides don't cover that") is overruled, and so is a draft of which too
little survives the checker: the learner gets the composed skeleton. Three things a small model
tends to lose are put back: the skeleton's first cited point (the one that answers), an honest
limit the notes stated ("The guides don't say which of LangGraph and CrewAI…"), and the guides'
stance on an "is it worth it / do I need" question, which it may flip into a bare "Yes, you need…". A follow-up never gets the last answer unchanged: where
the guides say nothing more, it gets the gist and where they stop.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace

from agent.grounding import verify_answer
from ingest.text import citations, normalise, sentences_of, tokenize

DECLINE = re.compile(r"(guides?|passages?|notes?) (do not|don't|doesn't|does not) (cover|answer|address)"
                     r"|\bi (can't|cannot|am unable to) (answer|help)", re.IGNORECASE)
LIMIT_SAID = re.compile(r"\b(don'?t|do not|doesn'?t|does not) (say|judge|cover|compare|specify|mention|state|provide|give|"
                        r"discuss|address|offer|list|describe|rank|weigh)", re.IGNORECASE)
YES_NO = re.compile(r"^\W*(can|could|do|does|is|are|should|will|would|must|am)\b", re.IGNORECASE)
BARE_VERDICT = re.compile(r"^\W*(yes|no|absolutely|definitely|not really)\b", re.IGNORECASE)
THE_NOTES = re.compile(r"\bthe notes\b", re.IGNORECASE)  # the prompt's word for the passages; the learner knows "the guides"
SAME_WORDS = 0.7  # word-set overlap above which a model sentence restates the lead
ALREADY_HELD = "**You already have"  # agent/answer/personal.py's heading
NOTHING_MORE = ("That is as far as the guides go on this; ask me about one of these points, or for a learning plan "
                "with hours, resources and projects for each.")


@dataclass
class Final:
    text: str
    grounded: float
    fallback: bool
    sentences: list[dict] = field(default_factory=list)


def final_answer(draft: str, composed: str, passages: list[str], question: str, kind: str = "",
                 limit: str = "", last_answer: str = "", sides: tuple[str, ...] = ()) -> Final:
    """`draft` is the model's text (== `composed` on the extractive path); `limit` the skeleton's
    honest "the guides don't say …" line, if any; `last_answer` the previous turn's answer; `sides`
    what a comparison weighs (an answer that lost one side to the checker is not an answer)."""
    from_model = draft != composed
    overruled = from_model and bool(DECLINE.search(draft))
    verified = verify_answer(composed if overruled else draft, passages, question)
    fallback = overruled or (from_model and verified.fallback)
    if from_model and not fallback and kind == "comparison" and _sides_named(composed, sides) > _sides_named(
            verified.text, sides):
        fallback = True  # "MLOps engineer vs data scientist" that, after the checker, describes one side only
    if fallback and not overruled:
        verified = verify_answer(composed, passages, question)
    text = verified.text
    if from_model and not fallback:
        restored = _restore(text, draft, composed, kind, limit, question)
        if restored != text:  # what was put back is quoted from the skeleton; checked all the same
            removed = [check for check in verified.sentences if not check.supported]
            verified = verify_answer(restored, passages, question)
            verified = replace(verified, sentences=verified.sentences + removed)  # (still listed for the learner)
        text = verified.text
    if last_answer and normalise(text) == normalise(last_answer):
        text = in_short(last_answer) if normalise(composed) == normalise(last_answer) else verify_answer(
            composed, passages, question).text
    return Final(text, verified.grounded, fallback, [asdict(check) for check in verified.sentences])


def in_short(answer: str) -> str:
    """A follow-up the guides answer no further than the last answer ("what should I learn first
    then?"): the last answer's gist, its first bold heading with the point under it, or else its
    first paragraph, and where the guides stop; never the whole answer again, never a bare refusal."""
    paragraphs = [p.strip() for p in answer.split("\n\n") if p.strip()]
    # the next step, not what the learner already has
    paragraphs.sort(key=lambda p: p.startswith(ALREADY_HELD))
    for index, paragraph in enumerate(paragraphs):
        heading, *lines = paragraph.split("\n")
        if heading.startswith("**") and heading.endswith(".**"):  # "**Start with: Python, ….**", not "**From the guides:**"
            lines += paragraphs[index + 1].split("\n") if not lines and index + 1 < len(paragraphs) else []
            point = next((line for line in lines if line.startswith("- ")), "")
            gist = f"{heading}\n\n{point}" if point else heading
            break
    else:
        gist = next(iter(sentences_of(paragraphs[0])), paragraphs[0]) if paragraphs else ""
    return f"In short, as in my last answer: {gist}\n\n{NOTHING_MORE}" if gist else NOTHING_MORE


def _restore(text: str, draft: str, composed: str, kind: str, limit: str, question: str = "") -> str:
    """Put back what the model dropped or flipped: the guides' own first sentence where the draft
    opened a yes/no question with a bare "Yes"/"No" ("Can I become an ML engineer without a
    degree?" gets "most ML engineering roles require a strong academic foundation", not "Yes, you
    can"), the point that answers, and the honest limit of the notes."""
    first = next(iter(sentences_of(draft)), "")
    if (kind == "worth_it" or YES_NO.match(question)) and BARE_VERDICT.search(first):
        lead = composed.split("\n\n", 1)[0]
        said = set(tokenize(lead))
        rest = [s for s in sentences_of(text) if not BARE_VERDICT.search(s) and not _same_words(s, said)]
        text = "\n\n".join(part for part in (lead, " ".join(rest)) if part)
    key = key_point(composed)
    if key and not _carried(key, text):
        # The skeleton's first cited point answers the question (agent/answer/compose.py); a small
        # model may rewrite a lesser note instead ("which one is more about LLMs?" answered from the
        # RAG line, not "AI Agents are closely connected to LLMs"). It goes back in, after an
        # opening honest limit, else first.
        opening, _, rest = text.partition("\n\n")
        text = f"{opening}\n\n{key}\n\n{rest}" if LIMIT_SAID.search(opening) else f"{key}\n\n{text}"
    if limit and not LIMIT_SAID.search(text):
        text = f"{limit}\n\n{text}"
    return THE_NOTES.sub(lambda m: "The guides" if m.group(0)[0] == "T" else "the guides", text).strip()


def key_point(composed: str) -> str:
    """The skeleton's first cited line (its lead, or the first point under "What they do say:")."""
    for line in composed.splitlines():
        line = re.sub(r"^\s*-\s+", "", line).strip()
        if citations(line) and not line.startswith("**"):
            return line
    return ""


def _carried(key: str, text: str) -> bool:
    """Whether some sentence of `text` says the key point: at least half of its content words."""
    wanted = set(tokenize(key))
    return not wanted or any(len(wanted & set(tokenize(s))) * 2 >= len(wanted) for s in sentences_of(text))


def _sides_named(text: str, sides: tuple[str, ...]) -> int:
    """How many of a comparison's sides `text` names (every word of the side, stemmed)."""
    def words(part: str) -> set[str]:
        return set(tokenize(re.sub(r"machine learning", "ml", part, flags=re.IGNORECASE)))

    said = words(text)
    return sum(1 for side in sides if words(side) and words(side) <= said)


def _same_words(sentence: str, said: set[str]) -> bool:
    words = set(tokenize(sentence))
    return bool(words) and len(words & said) / len(words | said) >= SAME_WORDS
