"""The `careerbot` command line: ingest, stats, retrieve, ask, chat, plan, check, serve, eval."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import traceback

import ingest  # noqa: F401  (offline environment first)


EXIT_OK, EXIT_FAILURE, EXIT_INPUT = 0, 1, 2  # 2 is also argparse's status for usage errors

CONFIGURATION = """configuration:
  Every setting has a CAREERBOT_* environment variable (CAREERBOT_TOP_K=6, CAREERBOT_LLM=none,
  CAREERBOT_DATA_DIR=~/careerbot, CAREERBOT_CHROMA_HOST, CAREERBOT_LLM_BASE_URL, ...), or the same name
  without the prefix in ./careerbot.toml (top_k = 6). Precedence: environment, then careerbot.toml,
  then defaults (agent/settings.py lists them all).

exit status: 0 ok, 1 a failure (store, model or server unavailable), 2 a usage or input error.
-v (anywhere on the line) logs debug detail and shows tracebacks."""


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    verbose = bool(getattr(args, "verbose", False))
    _quiet_third_party(verbose)
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
        print(f"careerbot: unexpected error: {_one_line(error)} (run with -v for the traceback)", file=sys.stderr)
        return EXIT_FAILURE


class CareerbotError(Exception):
    """An error with a message meant for the user (no traceback). `code`: 2 for bad input, 1 for a failure."""

    def __init__(self, message: str, code: int = EXIT_INPUT) -> None:
        super().__init__(message)
        self.code = code


def _quiet_third_party(verbose: bool) -> None:
    """Loading bars of transformers / huggingface_hub ("Loading weights") only with -v; careerbot's
    own bars (ingest, model assembly) pass `disable` explicitly and are unaffected."""
    if not verbose:
        os.environ.setdefault("TQDM_DISABLE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")


def _one_line(error: BaseException) -> str:
    """One readable line: the first pydantic error, or the first line of the message."""
    errors = getattr(error, "errors", None)
    if callable(errors):
        try:
            first = errors()[0]
            where = ".".join(str(part) for part in first.get("loc", ()))
            return f"{where}: {first.get('msg')}" if where else str(first.get("msg"))
        except Exception:  # noqa: BLE001
            pass
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


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
            raise CareerbotError(_one_line(error), EXIT_INPUT) from error
        except _failures() as error:
            raise CareerbotError(_one_line(error), EXIT_FAILURE) from error
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
    if count > settings.max_check_sentences:
        raise CareerbotError(f"the answer has {count:,} sentences; the checker judges at most "
                             f"{settings.max_check_sentences} per request (CAREERBOT_MAX_CHECK_SENTENCES)")
    checks = check_answer(answer, passages)
    grounded = sum(c.supported for c in checks) / len(checks) if checks else 1.0
    result = {"sentences": [{"text": c.text, "supported": c.supported, "score": round(c.score, 4), "cites": c.cites}
                            for c in checks], "grounded": round(grounded, 4)}
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


def cmd_prepare(args) -> int:
    """Build the store and assemble + verify the embedded model, with progress: the slow first start."""
    runtime = _runtime()
    print(runtime.ingest(progress=True).summary())
    if runtime.settings.llm != "none":
        from agent.llm import LLMUnavailable

        try:
            runtime.llm
            print(f"LLM ready: {runtime.settings.llm}")
        except LLMUnavailable as error:
            raise CareerbotError(_one_line(error), EXIT_FAILURE) from error
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


class _Parser(argparse.ArgumentParser):
    """Usage errors as one line on stderr, exit status 2 (argparse prints the whole usage)."""

    def error(self, message: str):
        self.exit(EXIT_INPUT, f"careerbot: {message} (see `{self.prog} --help`)\n")


class _HelpFormatter(argparse.RawDescriptionHelpFormatter, argparse.ArgumentDefaultsHelpFormatter):
    """Defaults shown after every option's help (not the empty ones: off flags, unset options);
    the configuration epilog keeps its lines."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        if action.default in (None, False, argparse.SUPPRESS) or "default" in (action.help or ""):
            return action.help
        return super()._get_help_string(action)


def _top_k(text: str) -> int:
    """`retrieve -k`: a whole number of passages, 1 to 50."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text[:20]!r}") from None
    if not 1 <= value <= 50:
        raise argparse.ArgumentTypeError(f"must be between 1 and 50, got {value}")
    return value


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("careerbot")
    except PackageNotFoundError:
        return "0.1.0 (source tree)"


def _parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                        help="debug logging and tracebacks (also accepted before the command)")
    parser = _Parser(prog="careerbot", description="Offline career advice for aspiring ML engineers.",
                                     epilog=CONFIGURATION, formatter_class=_HelpFormatter)
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging and tracebacks")
    parser.add_argument("--version", action="version", version=f"careerbot {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add_parser = commands.add_parser

    def add_command(name: str, **kwargs) -> argparse.ArgumentParser:
        kwargs.setdefault("description", kwargs.get("help"))
        return add_parser(name, parents=[common], formatter_class=_HelpFormatter, epilog=CONFIGURATION, **kwargs)

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
    p.add_argument("-k", type=_top_k, default=None, help="how many passages (1-50; default: CAREERBOT_TOP_K, "
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
    p.add_argument("--llm", choices=["none", "embedded"], default="none",
                   help="answer with the local model (slow, the full suite) or extractively (default, fast)")
    p.add_argument("--out", help="report folder (default: eval-out/ in the project)")
    p.add_argument("--gate", action="store_true", help="exit 1 when a metric is below its threshold")
    p.add_argument("--limit", type=int, help="only the first N rows of each dataset (a quick look)")
    p.set_defaults(handler=_guarded(cmd_eval))

    from ui.cli_plan import register as register_plan

    register_plan(commands)
    return parser


if __name__ == "__main__":
    sys.exit(main())
