"""Retrieval suite: does the passage that answers a question come back, alone and in a conversation?

Wraps evals/retrieval_modes.py (run_retrieval over retrieval.jsonl, hybrid vs dense vs BM25, and the
off-topic relevance threshold). A passage is relevant when it holds the row's gold phrase (see
evals/retrieval_modes.is_relevant). Unprefixed metrics are for hybrid retrieval, what careerbot uses.

Metrics:
- hit_at_1 — hit@1: share of questions with a relevant passage ranked first.
- hit_at_3 — hit@3: share of questions with a relevant passage in the top 3.
- hit_at_5 — hit@5: share of questions with a relevant passage in the top 5.
- mrr — MRR: mean over questions of 1 / rank of the first relevant passage in the top 5 (0 when none).
- ndcg_at_5 — nDCG@5: mean of 1 / log2(1 + rank of the first relevant passage), 0 when none in the top 5.
- context_precision_at_5 — context precision@5: mean share of the top 5 passages that are relevant.
- context_recall_at_5 — context recall@5: mean over questions of the share of the row's gold phrases
  (answer_phrase and every `also` phrase) found in a relevant top-5 passage; hit@5 counts any one.
- dense_hit_at_5 — dense hit@5: hit@5 of dense-only retrieval (MiniLM alone), to compare with hybrid.
- dense_mrr — dense MRR: MRR of dense-only retrieval.
- bm25_hit_at_5 — BM25 hit@5: hit@5 of BM25-only retrieval, to compare with hybrid.
- bm25_mrr — BM25 MRR: MRR of BM25-only retrieval.
- offtopic_precision — off-topic threshold precision: of the queries whose top passage scores at
  least settings.min_relevance, the share that are on-topic dev questions (not off-topic probes).
- offtopic_recall — off-topic threshold recall: share of on-topic dev questions kept by that threshold.
- followup_hit — follow-up hit: share of conversations.jsonl conversations where, after careerbot
  (no LLM) has answered every turn in one thread, the last answer's sources (its top_k retrieved
  passages, cited or not) contain a relevant passage.
- followup_control — follow-up control: the same with the last turn retrieved alone, without the
  conversation; it should be low, which shows the conversations really need their context.
"""

from __future__ import annotations

from types import SimpleNamespace

from evals import dataset_loader
from evals.retrieval_modes import K, MODES, is_relevant, run_retrieval
from evals.suites import Context, SuiteResult, rounded


class _Recorder:
    """The retriever, passed through, keeping what each search returned (for context recall)."""

    def __init__(self, retriever) -> None:
        self.retriever = retriever
        self.seen: dict[tuple[str, str], list] = {}

    def search(self, query: str, k: int = 4, mode: str = "hybrid", **filters):
        passages = self.retriever.search(query, k=k, mode=mode, **filters)
        if k == K and not filters:
            self.seen[query, mode] = passages
        return passages


def gold_recall(passages: list, example: dict) -> float:
    """Share of the example's gold phrases (answer_phrase, then each `also`) found in `passages`."""
    golds = [{"guides": example["guides"], "answer_phrase": example["answer_phrase"]}]
    golds += [{"guides": [alt["guide"]], "answer_phrase": alt["phrase"]} for alt in example.get("also", [])]
    return sum(any(is_relevant(p, gold) for p in passages) for gold in golds) / len(golds)


def run(context: Context) -> SuiteResult:
    examples = context.take(dataset_loader.load("retrieval"))
    recorder = _Recorder(context.runtime.retriever)
    by_mode, rows = run_retrieval(recorder, examples)
    hybrid = by_mode["hybrid"]
    metrics = {"hit_at_1": hybrid["hit@1"], "hit_at_3": hybrid["hit@3"], "hit_at_5": hybrid["hit@5"],
               "mrr": hybrid["mrr"], "ndcg_at_5": hybrid["ndcg@5"], "context_precision_at_5": hybrid["precision@5"],
               "context_recall_at_5": sum(gold_recall(recorder.seen[e["question"], "hybrid"], e)
                                          for e in examples) / max(1, len(examples))}
    for mode in MODES[1:]:
        metrics[f"{mode}_hit_at_5"], metrics[f"{mode}_mrr"] = by_mode[mode]["hit@5"], by_mode[mode]["mrr"]
    threshold = by_mode["relevance_threshold"]
    metrics["offtopic_precision"], metrics["offtopic_recall"] = threshold["precision"], threshold["recall"]
    conversations = _conversations(context)
    metrics["followup_hit"] = _share(c["hit"] for c in conversations)
    metrics["followup_control"] = _share(c["control"] for c in conversations)
    return SuiteResult("retrieval", "retrieval", rounded(metrics), _rows(rows, examples),
                       {"threshold": {k: round(v, 4) for k, v in threshold.items()}, "conversations": conversations})


def _rows(rows, examples: list[dict]) -> list[dict]:
    """One row per question: the rank of the first relevant passage in each mode (None: not in the top 5)."""
    ranks = {(row.id, row.mode): next((i for i, hit in enumerate(row.ranks, 1) if hit), None) for row in rows}
    tops = {row.id: row.top[0] if row.top else "" for row in rows if row.mode == "hybrid"}
    return [{"id": e["id"], "question": e["question"], **{f"{mode}_rank": ranks[e["id"], mode] for mode in MODES},
             "top_passage": tops[e["id"]]} for e in examples]


def _conversations(context: Context) -> list[dict]:
    """Play each conversation in its own thread with the extractive careerbot: retrieval for the last
    turn depends on the earlier user turns only, never on the model's answers."""
    bot = context.bot(use_llm=False)
    top_k = context.runtime.settings.top_k
    results = []
    for example in context.bar(context.take(dataset_loader.load("conversations")), "conversations"):
        thread = context.thread("retrieval", example["id"])
        for turn in example["turns"]:
            answer = bot.ask(turn, thread)
        sources = [SimpleNamespace(source=c["source"], text=c["text"]) for c in answer.citations]
        query = (bot.graph.get_state({"configurable": {"thread_id": thread}}).values or {}).get("query", "")
        alone = context.runtime.retriever.search(example["turns"][-1], k=top_k)
        results.append({"id": example["id"], "last_turn": example["turns"][-1], "query": query, "route": answer.route,
                        "hit": any(is_relevant(p, example) for p in sources),
                        "control": any(is_relevant(p, example) for p in alone)})
    return results


def _share(flags) -> float:
    flags = list(flags)
    return sum(flags) / len(flags) if flags else 0.0
