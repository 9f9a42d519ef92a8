"""`careerbot ask` and `chat`: answers from the guides in the terminal, streamed, with sources."""

from __future__ import annotations

import json
import sys

from ui.cli_contract import guarded


def register(commands) -> None:
    """Add ask and chat to the `careerbot` subparsers."""
    p = commands.add_parser("ask", help="answer one question from the guides, with citations")
    p.add_argument("question", help="your question, in quotes")
    p.add_argument("--json", action="store_true", help="{answer, route, citations, sentences, grounded, timings}")
    p.add_argument("--no-llm", action="store_true", help="answer extractively, without loading the model")
    p.add_argument("--thread", help="conversation id (continues an earlier conversation)")
    p.set_defaults(handler=guarded(cmd_ask))

    p = commands.add_parser("chat", help="a conversation in the terminal, streamed, with sources")
    p.add_argument("--no-llm", action="store_true", help="answer extractively, without loading the model")
    p.add_argument("--thread", help="resume this conversation")
    p.set_defaults(handler=guarded(cmd_chat))


def _careerbot(no_llm: bool):
    from agent.runtime import Runtime
    from agent.service import Careerbot

    return Careerbot(Runtime(), use_llm=not no_llm)


def cmd_ask(args) -> int:
    bot = _careerbot(args.no_llm)
    if args.json:
        print(json.dumps(bot.ask(args.question, args.thread).to_json(), indent=2, ensure_ascii=False))
        return 0
    _print_turn(bot, args.question, args.thread, empty_is_error=True)
    return 0


def cmd_chat(args) -> int:
    import uuid

    bot = _careerbot(args.no_llm)
    thread = args.thread or uuid.uuid4().hex[:12]
    print(f"careerbot chat (conversation {thread}; resume it with --thread {thread}). Empty line or Ctrl-D quits.")
    for turn in bot.history(thread):
        print(f"{'you' if turn['role'] == 'user' else 'careerbot'}> {turn['content']}")
    while True:
        try:
            question = input("\nyou> ").strip()
        except EOFError:
            print()
            return 0
        if not question:
            return 0
        _print_turn(bot, question, thread)


def _print_turn(bot, question: str, thread: str | None, empty_is_error: bool = False) -> None:
    """Stream to the terminal: status lines on stderr, tokens as they come, then the checked answer.
    An empty question is an error for `ask` (exit 2) and a gentle reply in `chat`."""
    from agent.service import EmptyMessage

    streamed = False
    try:
        for event in bot.stream(question, thread):
            if event["type"] == "status":
                print(f"  … {event['text']}", file=sys.stderr, flush=True)
            elif event["type"] == "token":
                if not streamed:
                    print("draft> ", end="", file=sys.stderr)
                streamed = True
                print(event["text"], end="", file=sys.stderr, flush=True)
            else:
                answer = event["answer"]
    except EmptyMessage as error:
        if empty_is_error:
            raise
        print(f"careerbot> {error}")
        return
    if streamed:
        print(file=sys.stderr)
    if answer.notice:
        print(f"note: {answer.notice}")
    print(f"careerbot> {answer.answer}")
    removed = [s for s in answer.sentences if not s["supported"]]
    if removed:
        print(f"  ({len(removed)} sentence(s) not supported by the guides were removed)")
    for citation in answer.citations:
        if citation["cited"]:
            section = f" › {citation['section']}" if citation["section"] else ""
            print(f"  [{citation['n']}] {citation['title']}{section} ({citation['source']})")

