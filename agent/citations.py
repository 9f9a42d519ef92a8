"""The passages behind an answer, as the UI and `ask --json` show them, and the record a turn keeps.

Kept with each assistant turn in the checkpoint (`Turn.record`), so a conversation restored after a
reload still links its [n] citations, shows its Sources and lists the sentences the checker removed."""

from __future__ import annotations

from typing import Any

from ingest.text import citations as cited_numbers


def citations(state: dict[str, Any]) -> list[dict[str, Any]]:
    """One entry per retrieved passage of a question turn, numbered as the answer cites them."""
    if state.get("route") != "question":
        return []
    cited = set(cited_numbers(state.get("answer", "")))
    return [{"n": n, "source": p["source"], "title": p["title"], "section": p["section"], "text": p["text"],
             "score": p["score"], "cited": n in cited, "quarantine": p.get("quarantine", "")}
            for n, p in enumerate(state.get("passages") or [], 1)]


def turn_record(state: dict[str, Any], answer: str) -> dict[str, Any]:
    """What the UI needs to show an answer again: its citations, the removed sentences, its notice."""
    removed = [s for s in state.get("sentences") or [] if not s.get("supported")]
    return {"citations": citations({**state, "answer": answer}), "sentences": removed,
            "notice": state.get("notice") or "", "plan": bool(state.get("plan"))}
