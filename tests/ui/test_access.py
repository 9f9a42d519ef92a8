"""Accessibility in a real Chromium: axe-core on every tab, phone widths without horizontal overflow,
a chat driven by the keyboard alone, names on every control."""

from pathlib import Path

import pytest

from tests.ui.test_browser import BOX, BOT, SEND, ask, open_tab, wait_for_cited_answer

pytestmark = [pytest.mark.browser, pytest.mark.integration]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TABS = ["Chat", "My plan", "About the guides"]
PHONES = [(390, 844), (360, 740)]
# Elements that may be wider than the screen because they scroll inside themselves.
OVERFLOW = """(width) => {
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
    let scroller = el.parentElement, clipped = false;
    while (scroller) {
      const style = getComputedStyle(scroller);
      if (['auto', 'scroll', 'hidden'].includes(style.overflowX) && scroller.getBoundingClientRect().right <= width + 1)
        { clipped = true; break; }
      scroller = scroller.parentElement;
    }
    if (!clipped && (box.right > width + 1 || box.left < -1))
      wide.push(`${el.tagName.toLowerCase()}#${el.id}.${[...el.classList].join('.')} ${Math.round(box.left)}-${Math.round(box.right)}`);
  }
  return {page: document.documentElement.scrollWidth, wide: wide.slice(0, 12)};
}"""


def axe_violations(page) -> list[str]:
    """Serious and critical axe-core violations on the page as shown, one line each."""
    if not AXE.exists():
        pytest.fail(f"axe-core is missing at {AXE}: run `make axe`")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["target"][0] for n in v["nodes"][:4])
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


def build_a_plan(page) -> None:
    open_tab(page, "My plan")
    page.locator("#plan-build").click()
    page.locator("#plan-timeline table").wait_for()


def test_no_serious_accessibility_violations_on_any_tab(page):
    ask(page, "Which maths do I need for machine learning?")
    wait_for_cited_answer(page)
    found = {"Chat": axe_violations(page)}
    build_a_plan(page)
    found["My plan"] = axe_violations(page)
    open_tab(page, "About the guides")
    page.locator("#store-stats").get_by_text("guides in").wait_for()
    found["About the guides"] = axe_violations(page)
    assert found == {tab: [] for tab in TABS}


@pytest.mark.parametrize("width,height", PHONES)
def test_phone_widths_have_no_horizontal_overflow_on_any_tab(browser, app_url, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=True, has_touch=True,
                                  device_scale_factor=2)
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(app_url, wait_until="domcontentloaded")
        page.wait_for_selector(f"{BOX}:not([disabled])")
        ask(page, "Which maths do I need for machine learning?")
        wait_for_cited_answer(page)
        overflow = {"Chat": page.evaluate(OVERFLOW, width)}
        build_a_plan(page)
        page.locator("#plan-skills").click()  # the skill chips' menu is open on a phone too
        page.keyboard.press("Escape")
        overflow["My plan"] = page.evaluate(OVERFLOW, width)
        calendar = page.locator("#download-ics").bounding_box()  # the last download button is on screen
        assert calendar and calendar["x"] >= 0 and calendar["x"] + calendar["width"] <= width
        open_tab(page, "About the guides")
        page.locator("#store-stats").get_by_text("guides in").wait_for()
        overflow["About the guides"] = page.evaluate(OVERFLOW, width)
        assert {tab: o for tab, o in overflow.items() if o["page"] > width or o["wide"]} == {}
    finally:
        context.close()


def test_a_chat_by_keyboard_alone(page):
    assert page.evaluate("document.activeElement === document.querySelector('#message textarea')")
    page.keyboard.type("What should I learn for MLOps?")
    page.keyboard.press("Enter")
    wait_for_cited_answer(page)
    page.wait_for_function("() => document.activeElement === document.querySelector('#message textarea')")

    page.keyboard.type("Which maths do I need for machine learning?")
    page.keyboard.press("Enter")
    wait_for_cited_answer(page, turn=2)
    for _ in range(12):  # Tab on to the next controls: Send, then New conversation
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "new-conversation":
            break
    assert page.evaluate("document.activeElement.id") == "new-conversation"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"  # a visible ring
    page.keyboard.press("Enter")
    page.locator(BOT).first.wait_for(state="detached")


def test_every_control_has_an_accessible_name(page):
    ask(page, "What should I learn for MLOps?")
    wait_for_cited_answer(page)
    assert page.get_by_role("textbox", name="Message").count() == 1
    assert page.get_by_role("button", name="Send").count() == 1
    unnamed = page.evaluate("""() => [...document.querySelectorAll('button, [role=button], textarea, input, select')]
        .filter(el => el.offsetParent !== null)
        .filter(el => !(el.getAttribute('aria-label') || el.textContent.trim() || el.labels?.length ||
                        el.getAttribute('aria-labelledby') || el.getAttribute('title')))
        .map(el => el.outerHTML.slice(0, 120))""")
    assert unnamed == []


def test_the_message_box_has_a_visible_focus_ring_and_the_details_panel_is_off(page):
    page.locator(BOX).focus()
    ring = page.evaluate("""() => { const s = getComputedStyle(document.querySelector('#message textarea'));
        return [s.outlineStyle, parseFloat(s.outlineWidth)]; }""")
    assert ring[0] != "none" and ring[1] >= 2
    assert page.get_by_text("Answer details (JSON)").count() == 0
    assert page.locator(SEND).is_visible()
