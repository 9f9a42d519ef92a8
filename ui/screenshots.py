"""Screenshots for the docs: start the app, ask a question, build a plan; desktop and phone (390 px) PNGs in docs/.

Run: .venv/bin/python -m ui.screenshots [--no-llm] [--out docs]   (needs /usr/bin/chromium: `make browser`)
"""

from __future__ import annotations

import argparse
import socket
import sys
from pathlib import Path

import ui  # noqa: F401  (offline environment before gradio is imported)

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
QUESTION = "Which maths do I need for machine learning?"
PROFILE = ("Make me a learning plan: I am a software engineer, I know Python and SQL, 10 hours a week, "
           "I want to build LLM apps.")
ANSWER_TIMEOUT_MS = 240_000  # the embedded model on two cores takes up to a minute or two


def capture(url: str, out: Path, browser=None) -> list[Path]:
    """Drive the app at `url` and write chat.png, plan.png (desktop) and chat-phone.png, plan-phone.png
    (a 390 px phone, the same conversation restored) into `out`. Returns their paths."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            try:
                return capture(url, out, chromium)
            finally:
                chromium.close()
    out.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 860}, device_scale_factor=1)
    page = context.new_page()
    try:
        _open(page, url)
        page.fill("#message textarea", QUESTION)
        page.press("#message textarea", "Enter")
        page.locator('#chatbot [data-testid="bot"] a[href^="#source-"]').first.wait_for(timeout=ANSWER_TIMEOUT_MS)
        page.locator('#message button:has-text("Send")').wait_for(timeout=ANSWER_TIMEOUT_MS)
        shots = [_shot(page, out / "chat.png")]
        page.fill("#message textarea", PROFILE)
        page.press("#message textarea", "Enter")
        page.locator('#chatbot [data-testid="bot"]').nth(1).wait_for(timeout=ANSWER_TIMEOUT_MS)
        page.locator('#message button:has-text("Send")').wait_for(timeout=ANSWER_TIMEOUT_MS)
        _plan(page)
        shots.append(_shot(page, out / "plan.png"))
        stored = context.storage_state()  # the phone opens the same conversation
    finally:
        context.close()
    phone = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                                has_touch=True, storage_state=stored)
    page = phone.new_page()
    try:
        _open(page, url)
        page.locator('#chatbot [data-testid="bot"]').first.wait_for()
        shots.append(_shot(page, out / "chat-phone.png"))
        _plan(page)
        page.locator("#plan-timeline").scroll_into_view_if_needed()
        shots.append(_shot(page, out / "plan-phone.png"))
    finally:
        phone.close()
    return shots


def _open(page, url: str) -> None:
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector("#message textarea:not([disabled])", timeout=60_000)


def _plan(page) -> None:
    """The My plan tab, pre-filled from the chat, with the plan built."""
    page.locator("button[role=tab]", has_text="My plan").click()
    page.wait_for_function("() => document.querySelector('#plan-hours input[type=number]').value === '10'",
                           timeout=30_000)
    page.locator("#plan-build").click()
    page.locator("#plan-timeline table").wait_for(timeout=60_000)


def _shot(page, path: Path) -> Path:
    page.wait_for_timeout(500)
    page.screenshot(path=str(path))
    return path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "docs")
    parser.add_argument("--no-llm", action="store_true", help="extractive answers (fast, no model)")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"screenshots need Chromium at {CHROMIUM}: run `make browser`", file=sys.stderr)
        return 2
    from ui.serve import serve

    demo, url = serve(host="127.0.0.1", port=_free_port(), no_llm=args.no_llm, block=False)
    try:
        for path in capture(url, args.out):
            print(f"wrote {path}")
    finally:
        demo.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
