"""Safe rendering and the chat handler's edge cases, without a server: escaping, citations, errors."""

import gradio as gr
import pytest

from agent.service import EmptyMessage
from ui import render
from ui.chat import respond, restore, valid_thread
from ui.plan import build

EVIL = '<img src=x onerror="alert(1)"><script>alert(2)</script> & [link](javascript:alert(3))'


def test_escaped_markdown_has_no_tags_and_round_trips():
    escaped = render.escape_markdown(EVIL)
    assert "<" not in escaped
    assert render.unescape_markdown(escaped) == EVIL


def test_citations_link_only_to_passages_that_exist():
    assert render.link_citations("A [1], B [3].", {1, 2}) == r"A [\[1\]](#source-1), B [3]."


def test_answer_lists_removed_sentences_and_the_notice_escaped():
    text = render.answer_message({
        "answer": "Learn statistics. [1]", "notice": "LLM <down>",
        "citations": [{"n": 1}], "sentences": [{"text": "Read <b>Quantum</b> Llamas. [1]", "supported": False},
                                               {"text": "Learn statistics. [1]", "supported": True}]})
    assert "[\\[1\\]](#source-1)" in text
    assert "Not supported by the guides (removed)" in text and "~~Read &lt;b>Quantum&lt;/b> Llamas. [1]~~" in text
    assert "LLM &lt;down>" in text and "<" not in text


def test_sources_panel_escapes_passages_and_anchors_each_one():
    html = render.sources_html([{"n": 1, "source": "a<b>.md", "title": EVIL, "section": "A › B", "text": EVIL,
                                 "score": 0.5, "cited": True}])
    assert 'id="source-1"' in html and "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_timeline_grid_has_a_row_per_skill_and_a_column_per_month():
    html = render.timeline_html([{"skill": "SQL <x>", "month": 1, "hours": 10},
                                 {"skill": "SQL <x>", "month": 2, "hours": 5},
                                 {"skill": "Docker", "month": 3, "hours": 20}], 3)
    assert html.count("<tr>") == 3 and html.count('class="cb-on"') == 3 and "SQL &lt;x&gt;" in html


class Stub:
    """A Careerbot stand-in whose stream does what a test needs."""

    def __init__(self, stream):
        self.stream = stream

    def history(self, thread_id):
        raise RuntimeError("database is locked")


def run(stream, message="Which maths?"):
    return list(respond(Stub(stream), message, [], "a" * 32))


def test_empty_message_is_ignored_without_calling_the_bot():
    (history, *_), = run(lambda *a: pytest.fail("called"), "  \n ")
    assert history == []


def test_backend_error_becomes_a_readable_message_not_a_traceback():
    def broken(text, thread_id):
        yield {"type": "status", "text": "Searching the guides…"}
        raise RuntimeError("Chroma collection is gone\nTraceback (most recent call last): ...")
    history = run(broken)[-1][0]
    assert history[0] == {"role": "user", "content": "Which maths?"}
    assert history[1]["content"].startswith("⚠️ Sorry, something went wrong while answering: "
                                            "Chroma collection is gone.")
    assert "Traceback" not in history[1]["content"]


def test_a_message_with_no_words_gets_the_services_explanation():
    def empty(text, thread_id):
        raise EmptyMessage("Your message is empty: ask a question about becoming an ML engineer.")
        yield
    assert run(empty, "???")[-1][0][1]["content"].startswith("Your message is empty")


def test_unreadable_conversation_still_loads_the_page():
    thread, messages, stored, box = restore(Stub(None), "b" * 32)
    assert thread == "b" * 32 and messages == [] and stored == thread


def test_stored_thread_ids_are_checked():
    assert valid_thread("a" * 32) and not valid_thread("../../etc") and not valid_thread(None)


def test_chatbot_sanitises_html(bot):
    from ui.app import build_app

    demo = build_app(bot)
    chatbots = [block for block in demo.blocks.values() if isinstance(block, gr.Chatbot)]
    assert chatbots and all(c.sanitize_html for c in chatbots)


@pytest.mark.parametrize("hours, skills, expected", [
    (0, [], "hours_per_week must be between 1 and 80 hours a week, got 0"),
    (10, ["quantum_llamas"], "unknown skill id(s) quantum_llamas"),
])
def test_plan_builder_rejections_are_shown_as_one_readable_line(hours, skills, expected):
    markdown, chart, md, js, ics, error = build("student", skills, hours, 6, "generalist")
    assert expected in error and error.startswith("⚠️ Can't build that plan:") and "\n" not in error
    assert (md, js, ics) == (None, None, None)
