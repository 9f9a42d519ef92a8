"""The `careerbot` command line: ingest, stats, retrieve, ask, chat, plan, check, serve, eval."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import traceback

import ingest  # noqa: F401  (offline environment first)
from ui.cli_contract import (CONFIGURATION, EXIT_FAILURE, EXIT_INPUT, EXIT_OK, MAX_CHECK_PASSAGES, CareerbotError,
                             CliParser, HelpFormatter, one_line, quiet_third_party, top_k_option, version_text)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    verbose = bool(getattr(args, "verbose", False))
    quiet_third_party(verbose)
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    from agent.guards.redact import install_log_redaction

    install_log_redaction()
    try:
        return args.handler(args) or EXIT_OK
    except KeyboardInterrupt:
        return 130
    except CareerbotError as error:
        if verbose and error.__cause__ is not None:
            traceback.print_exception(error.__cause__, file=sys.stderr)
        print(f"careerbot: {error}", file=sys.stderr)
        return error.code
    except Exception as error:  # noqa: BLE001 - never a bare traceback unless -v asked for it
        if verbose:
            raise
        print(f"careerbot: unexpected error: {one_line(error)} (run with -v for the traceback)", file=sys.stderr)
        return EXIT_FAILURE


def _runtime():
    from agent.runtime import Runtime

    return Runtime()


def _input_errors():
    """Errors the user fixes by changing what they typed or gave: exit status 2."""
    from agent.retrieval import EmptyQuery
    from agent.service import EmptyMessage

    return (EmptyQuery, EmptyMessage, ValueError)


def _failures():
    """Library errors that mean 'something careerbot needs is unavailable': exit status 1, one line."""
    from agent.llm import LLMUnavailable
    from ingest.embedding import ModelError
    from ingest.store import StoreUnavailable

    return (LLMUnavailable, ModelError, StoreUnavailable, OSError)


def _guarded(handler):
    def run(args):
        try:
            return handler(args)
        except _input_errors() as error:
            raise CareerbotError(one_line(error), EXIT_INPUT) from error
        except _failures() as error:
            raise CareerbotError(one_line(error), EXIT_FAILURE) from error
    return run


# ingest / stats ---------------------------------------------------------------------------------
def cmd_ingest(args) -> int:
    runtime = _runtime()
    report = runtime.ingest(rebuild=args.rebuild, progress=not args.quiet)
    print(report.summary())
    if args.stats:
        _print_stats(runtime.store.stats())
    return 0


def cmd_stats(args) -> int:
    stats = _runtime().store.stats()
    if args.json:
        print(json.dumps(stats, indent=2))
    else:
        _print_stats(stats)
    return 0


def _print_stats(stats: dict) -> None:
    print(f"store: {stats['mode']} (collection {stats['collection']})")
    print(f"{stats['documents']} sources, {stats['chunks']} chunks")
    for source, count in stats["per_source"].items():
        print(f"  {count:5d}  {source}")


# retrieve -----------------------------------------------------------------------------------------
def cmd_retrieve(args) -> int:
    runtime = _runtime()
    k = args.k if args.k is not None else runtime.settings.top_k
    passages = runtime.retriever.search(args.query, k=k, mode=args.mode, source=args.source, kind=args.kind)
    if args.json:
        print(json.dumps([p.to_json() for p in passages], indent=2, ensure_ascii=False))
        return 0
    for n, p in enumerate(passages, 1):
        print(f"[{n}] {p.score:.3f}  {p.heading_path}  ({p.source})")
        print(f"    {p.text[:300]}{'…' if len(p.text) > 300 else ''}\n")
    return 0


# ask / chat -----------------------------------------------------------------------------------------
def _careerbot(no_llm: bool):
    from agent.service import Careerbot

    return Careerbot(_runtime(), use_llm=not no_llm)


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


# check / prepare --------------------------------------------------------------------------------------
def cmd_check(args) -> int:
    """Grounding check of an answer against passages: JSON in on stdin, JSON out."""
    from agent.grounding import check_answer, split_sentences
    from agent.guards.limits import load_json
    from agent.settings import get_settings

    settings = get_settings()
    text = sys.stdin.read(settings.max_json_bytes + 1)
    try:
        request = load_json(text, settings.max_json_bytes, settings.max_json_depth, "the check request")
        answer, passages = request["answer"], request["passages"]
        if not isinstance(answer, str) or not isinstance(passages, list) or not all(isinstance(p, str) for p in passages):
            raise TypeError
    except (json.JSONDecodeError, KeyError, TypeError) as error:
        raise CareerbotError('check reads {"answer": str, "passages": [str, ...]} as JSON on stdin') from error
    count = len(split_sentences(answer))
    if len(passages) > MAX_CHECK_PASSAGES:
        raise CareerbotError(f"{len(passages):,} passages; the checker reads at most {MAX_CHECK_PASSAGES} per request")
    if count > settings.max_check_sentences:
        raise CareerbotError(f"the answer has {count:,} sentences; the checker judges at most "
                             f"{settings.max_check_sentences} per request (CAREERBOT_MAX_CHECK_SENTENCES)")
    checks = check_answer(answer, passages)
    grounded = sum(c.supported for c in checks) / len(checks) if checks else 1.0
    result = {"sentences": [{"text": c.text, "supported": c.supported, "score": round(c.score, 4), "cites": c.cites,
                             "reason": c.reason} for c in checks], "grounded": round(grounded, 4)}
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


def cmd_prepare(args) -> int:
    """Build the store and assemble + verify the embedded model, with progress: the slow first start."""
    runtime = _runtime()
    print(runtime.ingest(progress=True).summary())
    if runtime.settings.llm != "none":
        from agent.llm import LLMUnavailable

        try:
            from agent.llm import describe

            print(f"LLM ready: {describe(runtime.llm)}")
        except LLMUnavailable as error:
            raise CareerbotError(one_line(error), EXIT_FAILURE) from error
    return 0


# serve --------------------------------------------------------------------------------------------
def cmd_serve(args) -> int:
    """The web app (ui/app.py) on settings.host:settings.port, after preparing the store and model."""
    from ui.serve import serve

    serve(host=args.host, port=args.port, no_llm=args.no_llm)
    return 0


# eval ---------------------------------------------------------------------------------------------
def cmd_eval(args) -> int:
    """The offline eval suite (evals/runner.py): metrics.json, report.md, report.html; --gate for CI."""
    from evals.runner import main as run_eval

    return run_eval(args)


def _parser() -> argparse.ArgumentParser:
    common = CliParser(add_help=False)
    common.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                        help="debug logging and tracebacks (also accepted before the command)")
    parser = CliParser(prog="careerbot", description="Offline career advice for aspiring ML engineers.",
                                     epilog=CONFIGURATION, formatter_class=HelpFormatter)
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging and tracebacks")
    parser.add_argument("--version", action="version", version=f"careerbot {version_text()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add_parser = commands.add_parser

    def add_command(name: str, **kwargs) -> argparse.ArgumentParser:
        kwargs.setdefault("description", kwargs.get("help"))
        return add_parser(name, parents=[common], formatter_class=HelpFormatter, epilog=CONFIGURATION, **kwargs)

    commands.add_parser = add_command  # every command (plan and eval included) takes -v and shows defaults

    p = commands.add_parser("ingest", help="bring the vector store in line with corpus/ (incremental)")
    p.add_argument("--rebuild", action="store_true", help="drop the store and embed everything again")
    p.add_argument("--stats", action="store_true", help="print store statistics afterwards")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(handler=_guarded(cmd_ingest))

    p = commands.add_parser("stats", help="documents and chunks in the store")
    p.add_argument("--json", action="store_true", help="print the statistics as JSON")
    p.set_defaults(handler=_guarded(cmd_stats))

    p = commands.add_parser("retrieve", help="the passages a question finds")
    p.add_argument("query", help="the question to search the guides for")
    p.add_argument("-k", type=top_k_option, default=None, help="how many passages (1-50; default: CAREERBOT_TOP_K, "
                                                         "the number the chat uses)")
    p.add_argument("--json", action="store_true", help="a JSON list of {id, score, source, title, heading_path, text, ...}")
    p.add_argument("--mode", choices=["hybrid", "dense", "bm25"], default="hybrid",
                   help="dense (MiniLM) and BM25 fused, or one of them alone")
    p.add_argument("--source", help="only this corpus file")
    p.add_argument("--kind", choices=["guide", "resource"], help="only guides or only resource entries")
    p.set_defaults(handler=_guarded(cmd_retrieve))

    p = commands.add_parser("ask", help="answer one question from the guides, with citations")
    p.add_argument("question", help="your question, in quotes")
    p.add_argument("--json", action="store_true", help="{answer, route, citations, sentences, grounded, timings}")
    p.add_argument("--no-llm", action="store_true", help="answer extractively, without loading the model")
    p.add_argument("--thread", help="conversation id (continues an earlier conversation)")
    p.set_defaults(handler=_guarded(cmd_ask))

    p = commands.add_parser("chat", help="a conversation in the terminal, streamed, with sources")
    p.add_argument("--no-llm", action="store_true", help="answer extractively, without loading the model")
    p.add_argument("--thread", help="resume this conversation")
    p.set_defaults(handler=_guarded(cmd_chat))

    p = commands.add_parser("check", help='grounding check: {"answer", "passages"} JSON on stdin')
    p.add_argument("--json", action="store_true", help="(the output is always JSON)")
    p.set_defaults(handler=_guarded(cmd_check))

    p = commands.add_parser("prepare", help="build the store and prepare the model (first start)")
    p.set_defaults(handler=_guarded(cmd_prepare))

    p = commands.add_parser("serve", help="the web app: chat, learning plan, guides (127.0.0.1:7860 by default)")
    p.add_argument("--host", help="interface to listen on (default: CAREERBOT_HOST or 127.0.0.1)")
    p.add_argument("--port", type=int, help="port (default: CAREERBOT_PORT or 7860)")
    p.add_argument("--no-llm", action="store_true", help="answer extractively, without loading the model")
    p.set_defaults(handler=_guarded(cmd_serve))

    p = commands.add_parser("eval", help="offline eval suite: metrics.json, report.md, report.html, CI gate",
                            description="Run the eval datasets offline and write a report; --gate fails below "
                                        "evals/thresholds.toml.")
    p.add_argument("--suite", choices=["retrieval", "answers", "probes", "plans", "checker", "all"], default="all",
                   help="which dataset to run")
    p.add_argument("--llm", choices=["none", "embedded", "configured"], default="none",
                   help="answer with the local model (slow, the full suite), with the backend CAREERBOT_LLM "
                        "configures (embedded, ollama, openai), or extractively (default, fast)")
    p.add_argument("--out", help="report folder (default: eval-out/ in the project)")
    p.add_argument("--gate", action="store_true", help="exit 1 when a metric is below its threshold")
    p.add_argument("--limit", type=int, help="only the first N rows of each dataset (a quick look)")
    p.set_defaults(handler=_guarded(cmd_eval))

    from ui.cli_plan import register as register_plan

    register_plan(commands)
    return parser


if __name__ == "__main__":
    sys.exit(main())
