"""Safe rendering and the chat handler's edge cases, without a server: escaping, citations, errors."""

import gradio as gr
import pytest

from agent.service import EmptyMessage
from ui import render
from ui.chat import after_turn, respond, restore
from ui.session import sign
from ui.plan import build

EVIL = '<img src=x onerror="alert(1)"><script>alert(2)</script> & [link](javascript:alert(3))'


def test_escaped_markdown_has_no_tags_and_round_trips():
    escaped = render.escape_markdown(EVIL)
    assert "<" not in escaped
    assert render.unescape_markdown(escaped) == EVIL


def test_citations_link_only_to_passages_that_exist_of_their_own_answer():
    assert render.link_citations("A [1], B [3].", {1, 2}, 5) == r"A [\[1\]](#source-5-1), B [3]."


def test_answer_lists_removed_sentences_and_the_notice_escaped():
    text = render.answer_message({
        "answer": "Learn statistics. [1]", "notice": "LLM <down>",
        "citations": [{"n": 1}], "sentences": [{"text": "Read <b>Quantum</b> Llamas. [1]", "supported": False},
                                               {"text": "Learn statistics. [1]", "supported": True}]}, 3)
    assert "[\\[1\\]](#source-3-1)" in text
    assert "Not supported by the guides (removed)" in text and "~~Read &lt;b>Quantum&lt;/b> Llamas. [1]~~" in text
    assert "LLM &lt;down>" in text and "<" not in text


def test_sources_panel_escapes_passages_and_anchors_each_one():
    html = render.sources_html([{"n": 1, "source": "a<b>.md", "title": EVIL, "section": "A › B", "text": EVIL,
                                 "score": 0.5, "cited": True}], 7)
    assert 'id="source-7-1"' in html and "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_timeline_grid_has_a_row_per_skill_and_a_column_per_month():
    html = render.timeline_html([{"skill": "SQL <x>", "month": 1, "hours": 10},
                                 {"skill": "SQL <x>", "month": 2, "hours": 5},
                                 {"skill": "Docker", "month": 3, "hours": 20}], 3)
    assert html.count("<tr>") == 3 and html.count('class="cb-on cb-l') == 3 and "SQL &lt;x&gt;" in html


class Stub:
    """A Careerbot stand-in whose stream does what a test needs."""

    def __init__(self, stream, turns=None):
        from agent.settings import Settings

        self.stream = stream
        self.turns = turns
        self.runtime = type("Runtime", (), {"settings": Settings(max_message_chars=4000)})()

    def history(self, thread_id):
        if self.turns is None:
            raise RuntimeError("database is locked")
        return self.turns


def run(stream, message="Which maths?"):
    return list(respond(Stub(stream), message, [], "a" * 32, {}))


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


def test_a_message_with_no_words_gets_the_services_explanation_without_calling_the_bot():
    history = run(lambda *a: pytest.fail("called"), "???" * 1500)[-1][0]
    assert history[1]["content"].startswith("Your message is empty")


def test_unreadable_conversation_still_loads_the_page():
    thread, messages, records, sources, box, token = restore(Stub(None), b"key", sign("b" * 32, b"key"))
    assert thread == "b" * 32 and messages == [] and token == sign(thread, b"key")


def test_a_bare_or_forged_token_opens_a_new_conversation():
    for token in ("b" * 32, sign("b" * 32, b"other"), "../../etc", None):
        thread, *_ = restore(Stub(None), b"key", token)
        assert thread != "b" * 32 and len(thread) == 32


def test_restored_answers_keep_citation_links_sources_and_removed_sentences():
    citations = [{"n": 1, "source": "a.md", "title": "A", "section": "", "text": "Learn statistics.", "score": 0.7,
                  "cited": True}]
    turns = [{"role": "user", "content": "Which maths?"},
             {"role": "assistant", "content": "Learn statistics. [1]",
              "record": {"citations": citations, "notice": "", "plan": False,
                         "sentences": [{"text": "Read Quantum Llamas. [1]", "supported": False}]}}]
    _, messages, records, sources, _, _ = restore(Stub(None, turns), b"key", sign("c" * 32, b"key"))
    assert "(#source-1-1)" in messages[1]["content"] and "~~Read Quantum Llamas. [1]~~" in messages[1]["content"]
    assert records == {1: {"citations": citations}} and 'id="source-1-1"' in sources


def test_a_stopped_turn_is_marked_and_a_finished_one_left_alone():
    pending = [{"role": "user", "content": "Which maths?"}, {"role": "assistant", "content": "*Reading…*\n\nLearn ▍"}]
    history, box, status, records = after_turn(pending, {})
    assert history[1]["content"].endswith("*Stopped.*") and "▍" not in history[1]["content"] and 1 in records
    history, *_ = after_turn(pending, {1: {"citations": []}})
    assert history is not None and not isinstance(history, list)  # a skip: nothing to change


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
