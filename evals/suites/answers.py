"""Answers suite: ask every answers.jsonl question (fresh thread each) and score what careerbot says.

Sentences are the claim sentences agent.grounding splits an answer into (headings, lead-ins,
courtesy and honest "the guides don't cover that" lines are not claims). The grounding checker is
agent.grounding.check_answer, the one careerbot itself uses, against the passages the answer was
given (its citations list). Sentence rates pool the sentences of all answers; a reply that turns
the question away (route not_covered) has none: `answered` counts those. The section is
`answers_<llm>` (answers_none: extractive answers; answers_embedded: the local model).

Metrics:
- grounded_final — grounded sentence rate (final answer): share of the final answers' sentences
  that check_answer finds supported by the answer's passages.
- grounded_draft — grounded sentence rate (draft): share of the raw drafts' sentences the verifier
  marked supported (Answer.sentences, the verifier's checks of the draft before anything was removed).
- citation_precision — citation precision: share of the final answers' cited sentences whose cited
  passage supports them, re-checked with check_answer against only that passage (the cited passages
  joined, for a sentence citing several); a citation number that points at no passage fails.
- citation_coverage — citation coverage: share of the final answers' sentences that carry a citation.
- key_fact_recall — key-fact recall: mean over questions of the share of key facts found in the
  answer (a fact is found when any of its alternatives is a substring of the lowercased answer).
- key_facts_complete — complete answers: share of questions whose answer has every key fact.
- answered — answered rate: share of questions answered from the guides (route "question" with at
  least one sentence), not turned away as off topic or not covered.
- fallback_free — fallback-free rate: share of answers kept as the model wrote them rather than
  replaced by the extractive fallback (1.0 by construction without a model).
- key_fact_recall_cited — key-fact recall with sources: as key_fact_recall, over the answer text
  plus the passages it cites (what a learner reads when they open the sources).
- refusal_free — refusal-free rate (1 - false-refusal rate): share of (answerable) dev questions not turned away.
- addressed — question addressed: share of answers whose first sentence matches the question's kind (evals/quality.py).
- artifact_free — artifact-free rate: share of answers with no broken text (evals/quality.py).
- duplicate_free — duplicate-free rate: share of answers with no repeated sentence.
- fragment_free — fragment-free rate: share of answers with no point that is not a sentence.
- followup_success — follow-up success: share of conversations.jsonl whose last (follow-up) answer differs from the
  answer before it and holds the answer phrase (answer text or cited passages, normalised).
Latency (total and first-token milliseconds per question) is in the report, never gated.
"""

from __future__ import annotations

import statistics

from agent.grounding import check_answer, is_claim, split_sentences
from evals import dataset_loader, quality
from evals.metrics import normalise
from evals.suites import Context, SuiteResult, rounded, section_name
from ingest.text import citations, with_citations


def key_fact_recall(answer: str, key_facts: list[list[str]]) -> float:
    text = answer.lower()
    return sum(any(alt.lower() in text for alt in fact) for fact in key_facts) / len(key_facts) if key_facts else 1.0


def claim_sentences(answer: str) -> list[str]:
    return [s for s in split_sentences(answer) if is_claim(s)]


def citation_check(sentence: str, passages: list[str]) -> bool | None:
    """Does the passage a sentence cites support it? None when it cites nothing."""
    cited = citations(sentence)
    if not cited:
        return None
    if any(not 1 <= n <= len(passages) for n in cited):
        return False
    passage = " ".join(passages[n - 1] for n in cited)
    checks = check_answer(with_citations(sentence, [1]), [passage])
    return bool(checks) and all(check.supported for check in checks)


def score_answer(answer: str, passages: list[str], draft_checks: list[dict], key_facts: list[list[str]],
                 answered: bool = True) -> dict:
    """Per-question sentence checks, counts and rates (the counts are pooled by `summarise`). A reply
    that turned the question away (`answered` False: "the guides don't cover that", with the related
    headings) makes no claim from passages, so it has no sentences to score; `answered` counts it."""
    checks = check_answer(answer, passages) if answered else []
    final = [{"text": check.text, "supported": check.supported, "precise": citation_check(sentence, passages)}
             for sentence, check in zip(claim_sentences(answer), checks)]
    draft = [{"text": c["text"], "supported": bool(c["supported"])} for c in draft_checks]
    counts = {"sentences": len(final), "supported": sum(s["supported"] for s in final),
              "draft_sentences": len(draft), "draft_supported": sum(s["supported"] for s in draft),
              "cited": sum(s["precise"] is not None for s in final),
              "precise": sum(s["precise"] is True for s in final)}
    return {**counts, "key_fact_recall": key_fact_recall(answer, key_facts),
            "grounded_final": _rate(counts["supported"], counts["sentences"]),
            "grounded_draft": _rate(counts["draft_supported"], counts["draft_sentences"]),
            "citation_precision": _rate(counts["precise"], counts["cited"]),
            "citation_coverage": _rate(counts["cited"], counts["sentences"]),
            "final": final, "draft": draft}


def summarise(rows: list[dict]) -> dict[str, float]:
    """Sentence rates pooled over all answers; per-question rates averaged over questions."""
    def pooled(part: str, whole: str, empty: float = 1.0) -> float:
        total = sum(r[whole] for r in rows)
        return sum(r[part] for r in rows) / total if total else empty

    n = max(1, len(rows))
    return {
        "grounded_final": pooled("supported", "sentences"),
        "grounded_draft": pooled("draft_supported", "draft_sentences"),
        "citation_precision": pooled("precise", "cited", 0.0), "citation_coverage": pooled("cited", "sentences", 0.0),
        "key_fact_recall": sum(r["key_fact_recall"] for r in rows) / n,
        "key_facts_complete": sum(r["key_fact_recall"] == 1.0 for r in rows) / n,
        "answered": sum(r["route"] == "question" and r["sentences"] > 0 for r in rows) / n,
        "fallback_free": sum(not r["fallback"] for r in rows) / n,
    }


def worst(rows: list[dict], n: int = 5) -> list[str]:
    """Ids of the weakest answers: lowest draft grounding, then citation precision, then key facts."""
    flawed = [r for r in rows if (r["grounded_draft"], r["grounded_final"], r["citation_precision"],
                                  r["key_fact_recall"]) != (1.0, 1.0, 1.0, 1.0)]
    flawed.sort(key=lambda r: (r["grounded_draft"], r["grounded_final"], r["citation_precision"],
                               r["key_fact_recall"], r["id"]))
    return [r["id"] for r in flawed[:n]]


def run(context: Context) -> SuiteResult:
    bot = context.bot(use_llm=context.llm != "none")
    rows = []
    for example in context.bar(context.take(dataset_loader.load("answers")), "answers"):
        answer = bot.ask(example["question"], context.thread("answers", example["id"]))
        passages = [c["text"] for c in answer.citations]
        cited = " ".join(c["text"] for c in answer.citations if c["cited"])
        row = {"id": example["id"], "question": example["question"], "route": answer.route,
               "fallback": answer.fallback, "answer": answer.answer,
               "key_fact_recall_cited": key_fact_recall(f"{answer.answer} {cited}", example["key_facts"]),
               "refused": quality.refused(answer.route, answer.answer),
               "addressed": quality.addressed(example["question"], answer.answer),
               "artifacts": quality.artifacts(answer.answer), "duplicates": quality.duplicates(answer.answer),
               "fragments": quality.fragments(answer.answer),
               **score_answer(answer.answer, passages, answer.sentences, example["key_facts"],
                              answered=answer.route == "question"),
               "total_ms": round(answer.timings.get("total_ms", 0.0), 1),
               "first_token_ms": round(answer.timings.get("first_token_ms", 0.0), 1)}
        rows.append(row)
    metrics = {**summarise(rows), **quality_rates(rows), "followup_success": followup_success(context, bot)}
    return SuiteResult("answers", section_name("answers", context.llm), rounded(metrics), rows,
                       {"worst": worst(rows)}, latency(rows))


def quality_rates(rows: list[dict]) -> dict[str, float]:
    n = max(1, len(rows))
    return {"key_fact_recall_cited": sum(r["key_fact_recall_cited"] for r in rows) / n,
            "refusal_free": sum(not r["refused"] for r in rows) / n,
            "addressed": sum(r["addressed"] for r in rows) / n,
            "artifact_free": sum(not r["artifacts"] for r in rows) / n,
            "duplicate_free": sum(not r["duplicates"] for r in rows) / n,
            "fragment_free": sum(not r["fragments"] for r in rows) / n}


def followup_success(context: Context, bot) -> float:
    """Play each conversation in one thread; the follow-up must say something new that answers it."""
    conversations = context.take(dataset_loader.load("conversations"))
    wins = 0
    for example in context.bar(conversations, "follow-ups"):
        thread = context.thread("followups", example["id"])
        answers = [bot.ask(turn, thread) for turn in example["turns"]]
        last, before = answers[-1], answers[-2]
        seen = normalise(last.answer + " " + " ".join(c["text"] for c in last.citations if c["cited"]))
        wins += last.answer.strip() != before.answer.strip() and normalise(example["answer_phrase"]) in seen
    return wins / max(1, len(conversations))


def latency(rows: list[dict]) -> dict[str, float]:
    """Median and 90th percentile of the per-question milliseconds (reported, never gated)."""
    out = {}
    for key in ("total_ms", "first_token_ms"):
        values = sorted(r[key] for r in rows if r.get(key))
        if values:
            out[f"{key}_median"] = round(statistics.median(values), 1)
            out[f"{key}_p90"] = round(values[min(len(values) - 1, int(0.9 * len(values)))], 1)
    return out


def _rate(part: int, whole: int) -> float:
    """A per-question rate; 1.0 when there is nothing to count (no sentence, no citation)."""
    return round(part / whole, 4) if whole else 1.0
