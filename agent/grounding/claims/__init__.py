"""Claim-level checks: what a sentence asserts, read against the passage clauses about the same thing.

Similarity and shared words say a sentence talks about what a passage talks about; these checks
say whether it asserts the same thing. Each returns a reason a user can read, or "" when it finds
nothing wrong:
- polarity: the guide says the opposite (negation, "avoid", "no longer", opposite words);
- modality: the guide says it less strongly ("valued", not "required");
- comparison: the guide does not rank these ("better than", "the hardest");
- roles: the guide says it of someone else (senior roles, the author, data scientists), or makes
  one person of two (speaker: "the author is a Master's student");
- rejected: the guide reports the view only to reject it;
- listed: an item added to a list the guide gives ("like NLP, robotics and …");
- subject: the claim is about something the passage never speaks of ("Feature stores are …"
  cited to a passage on feature engineering);
- order: the claim puts something first where the passage gives no order;
- conditions: "it depends on your interests" where the passage makes nothing depend on anything.
`evals/checker.py` measures each on the labelled kinds of evals/datasets/claim_pairs.jsonl."""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.grounding.claims import (comparison, conditions, listed, modality, order, polarity, rejected, roles, speaker,
                                   subject)
from agent.grounding.claims.about import about, claim_clauses, passage_clauses
from agent.grounding.terms import fold_quotes, sentence_stems


@dataclass(frozen=True)
class Finding:
    check: str   # "polarity", "modality", "comparison", "roles", "rejected", "listed", "subject", "order" or "conditions"
    reason: str  # in words a user understands: "the guide says the opposite"


def read_claim(claim_text: str, sentences: tuple[str, ...]) -> list[Finding]:
    """Every claim-level problem of `claim_text` against one passage (its sentences, in order)."""
    clauses = passage_clauses(sentences)
    findings: list[Finding] = []
    quoted = _plain(claim_text) in _plain(" ".join(sentences))  # a quote says what the passage says,
    whole = about(sentence_stems(claim_text), claim_text, clauses)
    reason = rejected.repeats_rejected(claim_text, whole, sentences)
    if reason:
        findings.append(Finding("rejected", reason))
    if quoted:  # … unless the passage quotes it to reject it
        return findings
    stems = frozenset().union(*(c.stems for c in clauses)) if clauses else frozenset()
    text = " ".join(sentences)
    for check, reason in (("listed", listed.unlisted(claim_text, stems)), ("subject", subject.unspoken(claim_text, stems)),
                          ("order", order.unordered(claim_text, sentences)),
                          ("conditions", conditions.unconditioned(claim_text, text))):
        if reason:
            findings.append(Finding(check, reason))
    reason = (roles.about_the_author(claim_text, sentences) or speaker.conflated(claim_text, sentences)
              or speaker.borrowed(claim_text, sentences))
    if reason:
        findings.append(Finding("roles", reason))
    reason = polarity.flipped(claim_text, clauses)
    if reason:
        findings.append(Finding("polarity", reason))
    for clause, stems in claim_clauses(claim_text):
        matched = about(stems, clause, clauses)
        wider = about(stems, clause, clauses, margin=modality.MODAL_MARGIN)
        of_whom = about(stems, clause, clauses, ignore=roles.role_words(clause) | roles.GENERIC)
        for check, reason in (("modality", modality.overstated(clause, matched, sentences, wider)),
                              ("comparison", comparison.unmatched(clause, matched, " ".join(sentences))),
                              ("roles", roles.swapped(clause, of_whom, sentences))):
            if reason and all(f.check != check for f in findings):
                findings.append(Finding(check, reason))
    return findings


def _plain(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", fold_quotes(text).lower()))
