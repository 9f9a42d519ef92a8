"""`python -m evals.bench` (or `make bench`): measure careerbot on this machine and save the figures.

Writes bench-out/bench.json, bench-out/bench.md and bench-out/retrieval-scaling.png."""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path

import ingest  # noqa: F401  (offline environment first)
from agent.settings import PROJECT_ROOT
from evals.bench.timing import machine, peak_rss_mb

SECTIONS = ("cold", "ingest", "retrieval", "scaling", "startup", "answers", "plans", "checker", "memory")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.bench", description=__doc__)
    parser.add_argument("--sections", default=",".join(SECTIONS), help=f"comma-separated subset of {SECTIONS}")
    parser.add_argument("--sizes", default="1000,10000,100000", help="synthetic store sizes for scaling")
    parser.add_argument("--llm", choices=["embedded", "none"], default="embedded", help="answers section: model")
    parser.add_argument("--rounds", type=int, default=5, help="cold section: interleaved rounds")
    parser.add_argument("--answers", type=int, default=20, help="memory section: answers before measuring")
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "bench-out")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    sections = args.sections.split(",")
    results: dict = {"machine": machine()}

    from agent.runtime import Runtime

    runtime = Runtime()
    runtime.retriever  # noqa: B018  (the store and the checked ONNX export every section shares)
    if "cold" in sections:
        from evals.bench.cold_bench import bench_cold_ask

        results["cold_ask"] = _show("cold ask --no-llm", bench_cold_ask(args.rounds))
    if "ingest" in sections:
        from evals.bench.ingest_bench import bench_ingest

        results["ingest"] = _show("ingest", bench_ingest(runtime.settings.corpus_dir))
    vocabulary = sorted({w for chunk in runtime.store.all_chunks() for w in chunk.text.split() if w.isalpha()})
    if "startup" in sections:
        from evals.bench.cold_bench import bench_startup

        sizes = [int(size) for size in args.sizes.split(",")]
        results["startup"] = _show("process start, saved BM25 vs rebuild", bench_startup(sizes, vocabulary))
    if "retrieval" in sections or "scaling" in sections:
        from evals.bench.retrieval_bench import bench_scaling, dev_questions, query_latency

        questions = dev_questions()
        if "retrieval" in sections:
            results["retrieval_real_corpus"] = _show("retrieval (real corpus)",
                                                     {"chunks": runtime.retriever.size,
                                                      **query_latency(runtime.retriever, questions, rounds=3)})
        if "scaling" in sections:
            sizes = [int(size) for size in args.sizes.split(",")]
            results["retrieval_scaling"] = _show("retrieval scaling", bench_scaling(sizes, questions, vocabulary))
    if "answers" in sections:
        from agent.service import Careerbot
        from evals.bench.answer_bench import time_answers

        results["answers_no_llm"] = _show("answers --no-llm", time_answers(Careerbot(runtime, use_llm=False)))
        if args.llm == "embedded":
            results["answers_embedded"] = _show("answers, embedded model", time_answers(Careerbot(runtime)))
    if "plans" in sections:
        from evals.bench.answer_bench import time_plans

        results["plans"] = _show("plan build", time_plans())
    if "checker" in sections:
        from evals.bench.checker_bench import time_checks

        results["checker"] = _show("grounding check (5 sentences x 6 passages)", time_checks())
    if "memory" in sections:
        from evals.bench.memory_bench import bench_serve_memory

        results["serve_memory"] = _show("serve memory", bench_serve_memory(args.answers, llm=args.llm))
    results["peak_rss_mb"] = round(peak_rss_mb(), 1)

    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench.json").write_text(json.dumps(results, indent=2))
    (args.out / "bench.md").write_text(to_markdown(results))
    if "retrieval_scaling" in results:
        plot_scaling(results, args.out / "retrieval-scaling.png")
    print(f"\nsaved {args.out / 'bench.json'} and bench.md")
    return 0


def _show(title: str, result: dict) -> dict:
    print(f"{title}: {json.dumps(result)}", flush=True)
    return result


def to_markdown(results: dict) -> str:
    m = results["machine"]
    lines = [f"Measured {m['date']} on {m['cores']} cores ({m['cpu']}), Python {m['python']}.", ""]
    if "cold_ask" in results:
        r = results["cold_ask"]
        lines += [f"- Cold `careerbot ask --no-llm` (new process, median of {r['rounds']} interleaved rounds): "
                  f"ONNX encoder {r['ask_onnx_s']} s, torch encoder {r['ask_torch_s']} s, "
                  f"`python -c \"import torch\"` alone {r['import_torch_s']} s: ONNX ask = "
                  f"**{r['ask_onnx_vs_import_torch']}× import torch**, {r['ask_onnx_vs_ask_torch']}× the torch ask."]
        if "floor_imports_s" in r:
            top = ", ".join(f"{name} {ms} ms" for name, ms, _ in r["ask_onnx_import_top10_ms"][:10])
            lines += [f"- The imports `ask` cannot avoid (LangGraph, its SQLite checkpointer, chromadb, onnxruntime, "
                      f"tokenizers) alone: {r['floor_imports_s']} s = {r['floor_imports_vs_import_torch']}× import torch "
                      f"(CPU {r['floor_imports_vs_import_torch_cpu']}×). Import time of one ONNX ask by package: {top}."]
    if "ingest" in results:
        r = results["ingest"]
        lines += [f"- Plain `SentenceTransformer.encode` of the corpus's {r['chunks']} chunks: "
                  f"{r['sentence_transformers_encode_chunks_per_s']} chunks/s (best of {r['repeats']})."]
        for kind in ("onnx", "torch"):
            e = r[kind]
            lines += [f"- Ingest ({kind}): {e['ingest_chunks_per_s']} chunks/s vs its raw encode {e['raw_encode_chunks_per_s']} "
                      f"chunks/s = {e['ingest_vs_raw_encode']:.0%} of raw encode, "
                      f"{e['ingest_vs_sentence_transformers_encode']:.0%} of plain `SentenceTransformer.encode`."]
        lines += [f"- ONNX vs torch: raw encode {r['onnx_vs_torch_raw_encode']}×, ingest {r['onnx_vs_torch_ingest']}×; "
                  f"re-ingest of the unchanged corpus {r['reingest_s']} s, 0 chunks embedded."]
    if "startup" in results:
        lines += ["", "| chunks | ready, saved BM25 s | ready, rebuilt s | ratio | process, saved s | process, rebuilt s | ratio |",
                  "|---:|---:|---:|---:|---:|---:|---:|"]
        lines += [f"| {size} | {r['ready_saved_s']} | {r['ready_rebuilt_s']} | {r['ready_saved_vs_rebuilt']} | "
                  f"{r['process_saved_s']} | {r['process_rebuilt_s']} | {r['process_saved_vs_rebuilt']} |"
                  for size, r in results["startup"].items()]
        lines += [""]
    if "serve_memory" in results:
        for kind in ("onnx", "torch"):
            if kind in results["serve_memory"]:
                r = results["serve_memory"][kind]
                m = r["after_answers"]
                lines += [f"- `careerbot serve` ({kind} encoder, embedded model) after {r['answers']} answers: RSS "
                          f"{m['rss_mb']} MB (anonymous {m['anon_mb']} MB, file-backed {m['file_mb']} MB), peak "
                          f"{m['peak_rss_mb']} MB, torch loaded: {m['torch_loaded']}."]
    if "retrieval_real_corpus" in results:
        r = results["retrieval_real_corpus"]
        lines += [f"- Retrieval, real corpus ({r['chunks']} chunks): p50 {r['p50_ms']} ms, p95 {r['p95_ms']} ms."]
    if "retrieval_scaling" in results:
        lines += ["", "| chunks | p50 ms | p95 ms | BM25 index build s |", "|---:|---:|---:|---:|"]
        lines += [f"| {size} | {r['p50_ms']} | {r['p95_ms']} | {r['bm25_index_s']} |"
                  for size, r in results["retrieval_scaling"].items()]
        lines += [""]
    for key, title in (("answers_no_llm", "--no-llm"), ("answers_embedded", "embedded model")):
        if key in results:
            r = results[key]
            token = f", first token {r['first_token_ms']} ms" if "first_token_ms" in r else ""
            lines += [f"- Answer ({title}, median of {r['questions']}): first status {r['first_status_ms']} ms"
                      f"{token}, full answer {r['total_ms']} ms."]
    if "plans" in results:
        lines += [f"- Plan build: median {results['plans']['median_ms']} ms, max {results['plans']['max_ms']} ms."]
    if "checker" in results:
        r = results["checker"]
        lines += [f"- Grounding check of a {r['sentences']}-sentence answer against {r['passages']} passages: median "
                  f"{r['warm_passages_median_ms']} ms (max {r['warm_passages_max_ms']} ms) with the passages already "
                  f"embedded, {r['cold_median_ms']} ms cold; budget {r['budget_ms']:g} ms."]
    lines += [f"- Peak RSS of the benchmark process: {results['peak_rss_mb']} MB."]
    return "\n".join(lines) + "\n"


def plot_scaling(results: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [int(s) for s in results["retrieval_scaling"]]
    rows = list(results["retrieval_scaling"].values())
    figure, axis = plt.subplots(figsize=(5, 3.2), dpi=120)
    axis.plot(sizes, [r["p50_ms"] for r in rows], marker="o", label="p50")
    axis.plot(sizes, [r["p95_ms"] for r in rows], marker="o", label="p95")
    axis.set_xscale("log")
    axis.set_xlabel("chunks in store")
    axis.set_ylabel("query latency (ms)")
    axis.set_title("Hybrid retrieval latency vs corpus size")
    axis.legend()
    axis.grid(alpha=0.3)
    figure.tight_layout()
    figure.savefig(path)


if __name__ == "__main__":
    raise SystemExit(main())
