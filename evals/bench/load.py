"""`python -m evals.bench.load`: a bounded load test of `careerbot serve` on loopback.

N conversations run at once through gradio_client for a fixed time. Each conversation says its own
hours a week first and later asks for a plan: the plan must carry that conversation's hours, so a
conversation that received another's state is caught. Reports throughput, latency percentiles,
errors, mixing, and the server's memory over the run (sampled from /proc)."""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import ingest  # noqa: F401  (offline environment first)
from evals.bench.timing import current_rss_mb, machine, summary_ms

QUESTIONS = [
    "Which maths do I need for machine learning?", "What should I learn for MLOps?",
    "Do I need a degree to become an ML engineer?", "Which cloud platform should I learn?",
    "How do I build a portfolio?", "What is the difference between an ML engineer and a data scientist?",
    "Which deep learning frameworks matter?", "Should I learn Docker and Kubernetes?",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int, data_dir: Path, llm: str, extra_env: dict[str, str] | None = None) -> subprocess.Popen:
    command = [str(Path(sys.executable).with_name("careerbot")), "serve", "--port", str(port)]
    if llm == "none":
        command.append("--no-llm")
    env = {**os.environ, "CAREERBOT_DATA_DIR": str(data_dir), **(extra_env or {})}
    if llm == "embedded":  # reuse the assembled model instead of a second 1.1 GB copy
        from agent.llm.model_file import MODEL_FILENAME
        from agent.settings import Settings

        settings = Settings()  # the caller's own model path or data dir, never a default over them
        model = settings.llm_model_path or settings.data_dir / "models" / MODEL_FILENAME
        if not model.is_file():  # else the "embedded" run would quietly measure extractive answers
            raise RuntimeError(f"the embedded load test needs the model at {model}: run `careerbot prepare`")
        env["CAREERBOT_LLM_MODEL_PATH"] = str(model)
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"careerbot serve exited with {process.returncode}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return process
        time.sleep(0.5)
    process.kill()
    raise RuntimeError("careerbot serve did not start in 10 minutes")


def conversation(url: str, hours: int, deadline: float, results: dict, lock: threading.Lock) -> None:
    from gradio_client import Client

    client = Client(url, verbose=False)
    thread = uuid.uuid4().hex
    turn = 0
    while time.monotonic() < deadline:
        if turn == 0:
            message = f"I have {hours} hours a week and I know Python. What should I learn first?"
        elif turn % 5 == 4:
            message = "Make me a 6-month plan for MLOps."
        else:
            message = QUESTIONS[(hours + turn) % len(QUESTIONS)]
        started = time.perf_counter()
        try:
            _, _, answer, _ = client.predict(message, [], thread, api_name="/chat")
            elapsed = (time.perf_counter() - started) * 1000
            mixed = answer.get("thread_id") != thread or (
                answer.get("plan") is not None and answer["plan"]["profile"]["hours_per_week"] != hours)
            with lock:
                results["latencies"].append(elapsed)
                results["errors"] += answer.get("route") == "error"
                results["mixed"] += bool(mixed)
                results["plans_checked"] += answer.get("plan") is not None
        except Exception as error:  # noqa: BLE001 - every failure counts as an error
            with lock:
                results["errors"] += 1
                results["error_messages"].append(repr(error)[:200])
        turn += 1


def run(conversations: int, seconds: float, llm: str) -> dict:
    port = free_port()
    with tempfile.TemporaryDirectory() as data_dir:
        server = start_server(port, Path(data_dir), llm)
        url = f"http://127.0.0.1:{port}/"
        try:
            results = {"latencies": [], "errors": 0, "mixed": 0, "plans_checked": 0, "error_messages": []}
            memory: list[float] = []
            lock = threading.Lock()
            deadline = time.monotonic() + seconds
            workers = [threading.Thread(target=conversation, args=(url, 1 + i % 80, deadline, results, lock))
                       for i in range(conversations)]
            started = time.perf_counter()
            [worker.start() for worker in workers]
            while any(worker.is_alive() for worker in workers):
                memory.append(current_rss_mb(server.pid))
                time.sleep(1.0)
            wall = time.perf_counter() - started
        finally:
            server.terminate()
            server.wait(timeout=30)
    third = max(1, len(memory) // 3)
    return {
        "llm": llm, "conversations": conversations, "seconds": round(wall, 1), "turns": len(results["latencies"]),
        "throughput_turns_per_s": round(len(results["latencies"]) / wall, 2), **summary_ms(results["latencies"]),
        "errors": results["errors"], "mixed_conversations": results["mixed"],
        "plans_checked_for_mixing": results["plans_checked"],
        "error_examples": results["error_messages"][:3],
        "server_rss_mb": {"first_third_mean": round(sum(memory[:third]) / third, 1),
                          "last_third_mean": round(sum(memory[-third:]) / third, 1), "max": round(max(memory), 1)},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.bench.load", description=__doc__)
    parser.add_argument("--conversations", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--llm", choices=["none", "embedded"], default="none")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[2] / "bench-out")
    args = parser.parse_args(argv)
    result = {"machine": machine(), **run(args.conversations, args.seconds, args.llm)}
    print(json.dumps(result, indent=2))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"load-{args.llm}.json").write_text(json.dumps(result, indent=2))
    return 1 if result["errors"] or result["mixed_conversations"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
