"""The per-question tables of a suite, as plain cells for the Markdown and HTML renderers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Table:
    title: str
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    flags: list[bool] = field(default_factory=list)  # True where the row shows a problem
    note: str = ""


def tables(suite: str, detail: dict) -> list[Table]:
    rows, extra = detail.get("rows", []), detail.get("extra", {})
    return {"retrieval": _retrieval, "answers": _answers, "probes": _probes, "plans": _plans,
            "checker": _checker}[suite](rows, extra)


def _retrieval(rows: list[dict], extra: dict) -> list[Table]:
    questions = Table("Per question: rank of the first relevant passage (— = not in the top 5)",
                      ["id", "question", "hybrid", "dense", "bm25", "top passage (hybrid)"])
    for r in rows:
        questions.rows.append([r["id"], r["question"], r["hybrid_rank"], r["dense_rank"], r["bm25_rank"],
                               r["top_passage"]])
        questions.flags.append(r["hybrid_rank"] is None)
    talks = Table("Conversations: sources of the last answer", ["id", "last turn", "query careerbot searched", "route",
                                                                 "hit", "last turn alone"])
    for c in extra.get("conversations", []):
        talks.rows.append([c["id"], c["last_turn"], c["query"], c["route"], c["hit"], c["control"]])
        talks.flags.append(not c["hit"])
    return [questions, talks]


def _answers(rows: list[dict], extra: dict) -> list[Table]:
    table = Table("Per question", ["id", "question", "route", "grounded (final)", "grounded (draft)", "citation precision",
                                   "citation coverage", "key facts", "fallback", "total ms"],
                  note="Rates are per question (1.0 when there is nothing to count); latency is never gated.")
    for r in rows:
        table.rows.append([r["id"], r["question"], r["route"], r["grounded_final"], r["grounded_draft"],
                           r["citation_precision"], r["citation_coverage"], round(r["key_fact_recall"], 4),
                           r["fallback"], r["total_ms"]])
        table.flags.append(min(r["grounded_final"], r["grounded_draft"], r["citation_precision"],
                               r["key_fact_recall"]) < 1.0)
    return [table]


def _probes(rows: list[dict], extra: dict) -> list[Table]:
    table = Table("Per probe", ["id", "kind", "passed", "route", "why it failed", "message"])
    for r in rows:
        table.rows.append([r["id"], r["kind"], r["passed"], r["route"], r["why"], r["message"]])
        table.flags.append(not r["passed"])
    return [table]


def _plans(rows: list[dict], extra: dict) -> list[Table]:
    fit = Table("plans.jsonl rows", ["id", "fits", "what is wrong", "profile text"])
    for r in rows:
        fit.rows.append([r["id"], not r["failures"], "; ".join(r["failures"]), r["text"]])
        fit.flags.append(bool(r["failures"]))
    invalid = Table(f"Plans that break an invariant (of {extra.get('profiles', 0)} checked)",
                    ["profile", "track", "months", "h/week", "violations"])
    for p in extra.get("invalid", []):
        invalid.rows.append([p["profile"], p["track"], p["months"], p["hours_per_week"], "; ".join(p["violations"])])
        invalid.flags.append(True)
    return [fit, invalid]


def _checker(rows: list[dict], extra: dict) -> list[Table]:
    table = Table(f"Misjudged pairs (of {extra.get('pairs', 0)})",
                  ["id", "category", "label", "sentence", "checker's reason", "passage"])
    for r in rows:
        table.rows.append([r["id"], r["category"], "supported" if r["supported"] else "unsupported", r["sentence"],
                           r.get("reason", ""), r["passage"]])
        table.flags.append(True)
    return [table]
