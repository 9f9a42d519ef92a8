"""Answer latency: first status event, first token and full answer, embedded model vs --no-llm."""

from __future__ import annotations

import statistics
import time
import uuid

QUESTIONS = [
    "Which maths do I need for machine learning?",
    "What should I learn for MLOps?",
    "Do I need to know Docker and Kubernetes?",
    "Which deep learning frameworks should I learn?",
    "How do I build a portfolio as an ML engineer?",
]


def time_answers(bot, questions: list[str] = QUESTIONS, warmups: int = 1) -> dict:
    """Median over `questions`, after `warmups` untimed answers (model loaded, prompt cache warm)."""
    for question in questions[:warmups]:
        bot.ask(question, uuid.uuid4().hex)
    status, first_token, total = [], [], []
    for question in questions:
        started = time.perf_counter()
        first_status = first = None
        for event in bot.stream(question, uuid.uuid4().hex):
            now = (time.perf_counter() - started) * 1000
            if event["type"] == "status" and first_status is None:
                first_status = now
            if event["type"] == "token" and first is None:
                first = now
        total.append((time.perf_counter() - started) * 1000)
        status.append(first_status)
        if first is not None:
            first_token.append(first)
    result = {"questions": len(questions), "first_status_ms": round(statistics.median(status), 1),
              "total_ms": round(statistics.median(total), 1)}
    if first_token:
        result["first_token_ms"] = round(statistics.median(first_token), 1)
    return result


def time_plans(runs: int = 50) -> dict:
    from agent.plan import plan_for

    profiles = ["I know Python and SQL, 10 hours a week, I want to build LLM apps",
                "complete beginner, 5 hours a week, 12 months, general ML engineering",
                "backend developer who knows Docker, 15h/week, MLOps",
                "data analyst, SQL, 5 hours a week for 2 years, I want the AWS ML Associate certification"]
    plan_for(profiles[0])  # warm-up: skill map loaded once per process
    times = []
    for i in range(runs):
        started = time.perf_counter()
        plan_for(profiles[i % len(profiles)])
        times.append((time.perf_counter() - started) * 1000)
    return {"runs": runs, "median_ms": round(statistics.median(times), 2), "max_ms": round(max(times), 2)}
