"""Cold start, side by side: a new `careerbot ask --no-llm` process with the ONNX encoder and with
torch, against `python -c "import torch"` alone; and a new process's start-up over 1k/10k/100k
chunks with the saved BM25 side against a rebuild.

The machine is shared, so the commands of a round run back to back in a rotating order and the
figures are medians and ratios of the same run. Alongside: the third-party imports `ask` cannot do
without (LangGraph, chromadb, onnxruntime, tokenizers) on their own, and where one `ask` spends its
import time (`python -X importtime`, self time summed by top-level package)."""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from agent.settings import PROJECT_ROOT

QUESTION = "what is mlops"
CLI = "import sys; from ui.cli import main; sys.exit(main())"
# What the query path imports and cannot avoid: the graph (LangGraph, which brings langchain_core and
# langsmith), its SQLite checkpointer, the store's client, the ONNX runtime and the tokenizer.
FLOOR = "import langgraph.graph, langgraph.checkpoint.sqlite, chromadb, onnxruntime, tokenizers"
PACKAGES = ("agent", "ingest", "ui")
# Opens the store and readies the retriever (the BM25 side saved in argv[3], or rebuilt when it is
# "-"), then one search; prints the in-process seconds for the open + ready part (after imports).
START = """
import json, sys, time
import ingest
from pathlib import Path
from agent.retrieval import HybridRetriever
from agent.settings import Settings
from ingest.chroma_connection import open_store
from ingest.embedding import choose_encoder
settings = Settings()
choose_encoder(settings.encoder, settings.encoder_path)
began = time.perf_counter()
store = open_store(Path(sys.argv[1]), collection=sys.argv[2])
retriever = HybridRetriever(store, index_dir=None if sys.argv[3] == "-" else Path(sys.argv[3]))
ready = time.perf_counter() - began
retriever.search("how do I deploy a model with docker", k=5)
print(json.dumps({"ready_s": ready, "size": retriever.size}))
"""


def environment(data_dir: Path, **extra: str) -> dict[str, str]:
    """A data dir of its own, sharing the project's checked ONNX export (CAREERBOT_ENCODER_DIR)."""
    from agent.settings import get_settings

    return {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "CAREERBOT_DATA_DIR": str(data_dir),
            "CAREERBOT_ENCODER_DIR": str(get_settings().encoder_path), "CAREERBOT_LLM": "none", **extra}


def wall(command: list[str], env: dict[str, str]) -> float:
    return measured(command, env)[0]


def measured(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds user+sys) of one child process. CPU time is the steadier figure
    on a shared machine: waiting for a core does not count."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=1800)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise RuntimeError(f"{command[:4]} failed: {result.stderr[-500:]}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def interleaved(commands: dict[str, tuple[list[str], dict]], rounds: int) -> dict[str, list[tuple[float, float]]]:
    """Each round runs every command once, starting one further along each time."""
    names = list(commands)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in names}
    for round_ in range(rounds):
        for name in names[round_ % len(names):] + names[:round_ % len(names)]:
            times[name].append(measured(*commands[name]))
    return times


def compile_bytecode() -> bool:
    """Byte-compile careerbot's own packages, as `pip install` does for an installed package (and
    did for torch, the yardstick). Without it, where PYTHONDONTWRITEBYTECODE is set (this sandbox
    sets it), every new process compiles careerbot's ~10k lines from source again: ~0.35 s of CPU."""
    import compileall

    return all(compileall.compile_dir(str(PROJECT_ROOT / package), quiet=1) for package in PACKAGES)


def import_profile(command: list[str], env: dict[str, str], top: int = 10) -> list[list]:
    """[package, self ms, modules] of one run under `python -X importtime`, the `top` costliest."""
    result = subprocess.run([command[0], "-X", "importtime", *command[1:]], env=env, capture_output=True,
                            text=True, timeout=600)
    spent: dict[str, list] = {}
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, _, name = line.removeprefix("import time:").split("|")
        entry = spent.setdefault(name.strip().split(".")[0], [0.0, 0])
        entry[0] += int(self_us) / 1000
        entry[1] += 1
    ranked = sorted(spent.items(), key=lambda item: -item[1][0])[:top]
    return [[name, round(ms), count] for name, (ms, count) in ranked]


def bench_cold_ask(rounds: int = 5) -> dict:
    """Median wall time of a new process: import torch; ask --no-llm (onnx); ask --no-llm (torch);
    the third-party imports ask cannot avoid (FLOOR)."""
    python = sys.executable
    compiled = compile_bytecode()
    with tempfile.TemporaryDirectory() as directory:
        data = Path(directory)
        wall([python, "-c", CLI, "ingest", "-q"], environment(data))  # the store and the ONNX export
        ask = [python, "-c", CLI, "ask", "--no-llm", QUESTION]
        commands = {
            "import_torch": ([python, "-c", "import torch"], environment(data)),
            "ask_onnx": (ask, environment(data, CAREERBOT_ENCODER="onnx")),
            "ask_torch": (ask, environment(data, CAREERBOT_ENCODER="torch")),
            "floor_imports": ([python, "-c", FLOOR], environment(data)),
        }
        for command, env in commands.values():  # warm the page cache: "cold" means a new process
            wall(command, env)
        times = interleaved(commands, rounds)
        imports = import_profile(ask, environment(data, CAREERBOT_ENCODER="onnx"))
    median = {name: statistics.median(w for w, _ in values) for name, values in times.items()}
    cpu = {name: statistics.median(c for _, c in values) for name, values in times.items()}
    return {"rounds": rounds, "bytecode_compiled": compiled,
            **{f"{name}_s": round(value, 2) for name, value in median.items()},
            **{f"{name}_cpu_s": round(value, 2) for name, value in cpu.items()},
            "ask_onnx_vs_import_torch_cpu": round(cpu["ask_onnx"] / cpu["import_torch"], 3),
            "ask_onnx_vs_import_torch": round(median["ask_onnx"] / median["import_torch"], 3),
            "ask_torch_vs_import_torch": round(median["ask_torch"] / median["import_torch"], 3),
            "ask_onnx_vs_ask_torch": round(median["ask_onnx"] / median["ask_torch"], 3),
            "floor_imports_vs_import_torch": round(median["floor_imports"] / median["import_torch"], 3),
            "floor_imports_vs_import_torch_cpu": round(cpu["floor_imports"] / cpu["import_torch"], 3),
            "ask_onnx_import_top10_ms": imports}


def bench_startup(sizes: list[int], vocabulary: list[str], rounds: int = 3) -> dict:
    """A new process over a synthetic store: open it and ready the retriever, with the saved BM25
    side (loaded, memory-mapped) and without it (rebuilt from every chunk)."""
    from evals.bench.retrieval_bench import synthetic_store

    python = sys.executable
    results = {}
    for size in sizes:
        with tempfile.TemporaryDirectory() as directory:
            root = Path(directory)
            synthetic_store(size, root / "chroma", vocabulary)
            collection = f"synthetic-{size}"
            saved = [python, "-c", START, str(root / "chroma"), collection, str(root / "bm25")]
            rebuilt = saved[:-1] + ["-"]
            env = environment(root)
            subprocess.run(saved, env=env, capture_output=True, check=True, timeout=1800)  # version + first save
            ready: dict[str, list[float]] = {"saved": [], "rebuilt": []}
            process: dict[str, list[float]] = {"saved": [], "rebuilt": []}
            for round_ in range(rounds):
                for name in (("saved", "rebuilt") if round_ % 2 == 0 else ("rebuilt", "saved")):
                    started = time.perf_counter()
                    out = subprocess.run(saved if name == "saved" else rebuilt, env=env, capture_output=True,
                                         text=True, check=True, timeout=1800)
                    process[name].append(time.perf_counter() - started)
                    ready[name].append(json.loads(out.stdout.strip().splitlines()[-1])["ready_s"])
        r = {name: statistics.median(values) for name, values in ready.items()}
        p = {name: statistics.median(values) for name, values in process.items()}
        results[str(size)] = {"ready_saved_s": round(r["saved"], 3), "ready_rebuilt_s": round(r["rebuilt"], 3),
                              "ready_saved_vs_rebuilt": round(r["saved"] / r["rebuilt"], 3),
                              "process_saved_s": round(p["saved"], 2), "process_rebuilt_s": round(p["rebuilt"], 2),
                              "process_saved_vs_rebuilt": round(p["saved"] / p["rebuilt"], 3)}
        print(f"  start-up at {size} chunks: {json.dumps(results[str(size)])}", flush=True)
    return results


def bench_index_arrays(size: int, vocabulary: list[str], seed: int = 0) -> dict:
    """The BM25 index alone at `size` synthetic texts: built from the texts vs loaded from its saved
    arrays. A rebuild in a new process also reads every chunk back from the store first, so this
    ratio is an upper bound of the start-up ratio (cheap to run where a 100k-chunk store is not)."""
    import random

    from agent.retrieval.bm25 import BM25Index

    rng = random.Random(seed)
    texts = [" ".join(rng.choices(vocabulary, k=80)) for _ in range(size)]
    with tempfile.TemporaryDirectory() as directory:
        started = time.perf_counter()
        index = BM25Index(texts)
        built = time.perf_counter() - started
        index.save(Path(directory))
        started = time.perf_counter()
        loaded = BM25Index.load(Path(directory))
        loaded.top("deploy docker kubernetes models", 20)
        load_s = time.perf_counter() - started
    return {"chunks": size, "build_s": round(built, 2), "load_and_first_query_s": round(load_s, 4),
            "load_vs_build": round(load_s / built, 4)}
