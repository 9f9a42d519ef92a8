"""The My plan tab in a real Chromium: the plan asked for in the chat is shown there already built, and
progress marked there re-plans it, shows in the timeline and survives a reload."""

import pytest

from tests.ui.test_browser import BOT, ask, open_tab

pytestmark = [pytest.mark.browser, pytest.mark.integration]


def test_the_chat_plan_is_shown_in_my_plan_with_its_progress_marks(page):
    ask(page, "Make me a plan: I'm a backend dev, I know Python, SQL and Docker, 10 h a week, 6 months, "
              "I want to build LLM apps")
    page.locator(BOT).first.get_by_text("Goal: LLM apps").wait_for()
    open_tab(page, "My plan")
    plan = page.locator("#plan-markdown")
    plan.get_by_text("Your 6-month plan: LLM apps").wait_for()
    assert "Goal: LLM apps — reached." in plan.inner_text()
    assert "from your chat" in page.locator("#plan-chat-note").inner_text()
    page.locator("#plan-timeline td.cb-on").first.wait_for()
    assert "Linear algebra and calculus for ML" in page.locator("#plan-timeline").inner_text()

    page.locator("#plan-progress-skill input").click()
    page.get_by_role("option", name="Linear algebra and calculus for ML").first.click()
    page.locator("#plan-progress-status label", has_text="Done").click()
    page.locator("#plan-progress-save").click()
    marks = page.locator("#plan-progress-marks")
    marks.wait_for()
    assert "✓ Linear algebra and calculus for ML (done)" in marks.inner_text()
    page.wait_for_function("() => !document.querySelector('#plan-markdown').innerText"
                           ".includes('Linear algebra and calculus for ML — essentials')")
    assert "Done so far: Linear algebra and calculus for ML" in plan.inner_text()

    page.reload(wait_until="domcontentloaded")
    page.wait_for_selector("#message textarea:not([disabled])")
    open_tab(page, "My plan")
    page.locator("#plan-progress-marks").wait_for()
    assert "✓ Linear algebra and calculus for ML (done)" in page.locator("#plan-progress-marks").inner_text()
