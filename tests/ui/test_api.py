"""The app's named endpoints through gradio_client: /chat, /plan, /stats (what scripts and other apps call)."""

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration


def test_chat_returns_the_verified_answer_its_sources_and_rendered_history(client):
    history, sources, answer, box, status = client.predict("Which maths do I need for machine learning?", [],
                                                           api_name="/chat")
    assert answer["route"] == "question" and len(answer["thread_id"]) == 32
    assert answer["citations"][0]["cited"] and "[1]" in answer["answer"]
    assert answer["grounded"] == 1.0
    assert [m["role"] for m in history] == ["user", "assistant"]
    shown = json.dumps(history[-1]["content"])
    assert "(#source-1-1)" in shown
    assert 'id="source-1-1"' in sources and answer["citations"][0]["title"] in sources
    assert status == ""


def test_chat_keeps_each_api_session_to_its_own_thread(app_url, bot):
    from gradio_client import Client

    threads = {}
    for question in ("Which maths do I need for machine learning?", "What should I learn for MLOps?"):
        _, _, answer, _, _ = Client(app_url, verbose=False).predict(question, [], api_name="/chat")
        threads[answer["thread_id"]] = question
    asked = {thread: [t["content"] for t in bot.history(thread) if t["role"] == "user"] for thread in threads}
    assert asked == {thread: [question] for thread, question in threads.items()}


def test_chat_ignores_an_empty_message(client):
    history, _, _, _, _ = client.predict("   ", [], api_name="/chat")
    assert history == []


def test_chat_trims_a_very_long_message_with_a_notice(client):
    long = "Which maths do I need for machine learning? " + "linear algebra " * 400
    history, _, answer, _, _ = client.predict(long, [], api_name="/chat")
    assert "I read the first" in answer["notice"]
    shown = history[0]["content"][0]["text"]
    assert len(shown) < 4200 and "I read the first 4,000" in shown


def test_plan_returns_markdown_a_timeline_and_three_files(client):
    markdown, chart, md, js, ics, error = client.predict(
        "software_engineer", ["python", "sql"], 12, 4, "llm", "any", False, "none", api_name="/plan")
    assert error == ""
    assert "Your 4-month plan" in markdown and "## Month 4" in markdown
    assert "<table>" in chart and "M4" in chart
    assert Path(md).read_text(encoding="utf-8") .startswith("# Your 4-month plan")
    plan = json.loads(Path(js).read_text(encoding="utf-8"))
    assert plan["profile"]["hours_per_week"] == 12 and len(plan["months"]) == 4
    assert Path(ics).read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_plan_form_limits_are_enforced_with_a_readable_error(client):
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match="less than minimum value 1"):
        client.predict("student", [], 0, 6, "generalist", "any", False, "none", api_name="/plan")


def test_stats_lists_the_guides_and_their_chunks(client, corpus_runtime):
    stats = corpus_runtime.store.stats()
    html = client.predict(api_name="/stats")
    guide_chunks = sum(n for source, n in stats["per_source"].items() if source != "resources.yaml")
    assert f"<b>4</b> guides in <b>{guide_chunks}</b> chunks" in html
    assert f"<b>{stats['per_source']['resources.yaml']}</b> chunks" in html
    assert all(source in html for source in stats["per_source"] if source != "resources.yaml")
    assert str(corpus_runtime.settings.data_dir) not in html


def test_reingest_of_an_unchanged_corpus_embeds_nothing_and_reports_it(client, corpus_runtime):
    report, html = client.predict(api_name="/reingest")
    assert report.startswith("**Re-ingest done**") and " 0 added" in report and " 0 removed" in report
    assert "files read" in report and "guides in" in html
