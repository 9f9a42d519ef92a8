"""Memory of `careerbot serve` with the embedded model after N answers, per encoder, and where it
goes: anonymous memory (Python, caches, the KV cache) vs file-backed pages (the mmapped GGUF)."""

from __future__ import annotations

import os
import tempfile
import time
import uuid
from pathlib import Path

from agent.settings import PROJECT_ROOT
from evals.bench.load import QUESTIONS, free_port, start_server


def memory_of(pid: int) -> dict[str, float]:
    """VmRSS, its anonymous and file-backed parts, and the peak (VmHWM), in MB."""
    wanted = {"VmRSS": "rss_mb", "VmHWM": "peak_rss_mb", "RssAnon": "anon_mb", "RssFile": "file_mb"}
    found = {}
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            key = line.split(":", 1)[0]
            if key in wanted:
                found[wanted[key]] = round(int(line.split()[1]) / 1024, 1)
    with open(f"/proc/{pid}/maps") as handle:
        found["torch_loaded"] = any("libtorch" in line for line in handle)
    return found


def bench_serve_memory(answers: int = 20, encoders: tuple[str, ...] = ("onnx", "torch"), llm: str = "embedded") -> dict:
    from gradio_client import Client

    from agent.settings import get_settings

    results = {}
    for kind in encoders:
        port = free_port()
        with tempfile.TemporaryDirectory() as data_dir:
            env = {"PYTHONPATH": str(PROJECT_ROOT), "CAREERBOT_ENCODER": kind,
                   "CAREERBOT_ENCODER_DIR": str(get_settings().encoder_path)}
            started = time.perf_counter()
            server = start_server(port, Path(data_dir), llm, env)
            ready_s = time.perf_counter() - started
            try:
                at_start = memory_of(server.pid)
                client = Client(f"http://127.0.0.1:{port}/", verbose=False)
                began = time.perf_counter()
                for n in range(answers):
                    client.predict(QUESTIONS[n % len(QUESTIONS)], [], uuid.uuid4().hex, api_name="/chat")
                per_answer = (time.perf_counter() - began) / max(answers, 1)
                after = memory_of(server.pid)
            finally:
                server.terminate()
                server.wait(timeout=60)
        results[kind] = {"answers": answers, "ready_s": round(ready_s, 1), "s_per_answer": round(per_answer, 1),
                         "at_start": at_start, "after_answers": after}
        print(f"  serve ({kind}): {results[kind]}", flush=True)
    if {"onnx", "torch"} <= set(results):
        results["onnx_vs_torch_rss"] = round(results["onnx"]["after_answers"]["rss_mb"]
                                             / results["torch"]["after_answers"]["rss_mb"], 3)
    results["cores"] = os.cpu_count()
    return results
