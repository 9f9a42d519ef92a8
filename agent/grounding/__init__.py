"""Grounding: checking that answers say only what the guides say, and fixing or replacing them.

`select_evidence` picks what the LLM reads; `verify_answer` checks what it wrote (sentence by
sentence, with `check_answer`), fixes citations, removes what the passages do not
support, and falls back to `agent.answer.extractive` when too little survives. evals/checker.py scores
the same checker on labelled pairs."""

from agent.grounding.check import SentenceCheck, check_answer, check_sentences
from agent.grounding.evidence import select_evidence
from agent.grounding.sentences import is_claim, split_sentences
from agent.grounding.support import SUPPORT_THRESHOLD
from agent.grounding.verify import Verified, verify_answer

__all__ = [
    "SUPPORT_THRESHOLD", "SentenceCheck", "Verified", "check_answer",
    "check_sentences", "is_claim", "select_evidence", "split_sentences", "verify_answer",
]
