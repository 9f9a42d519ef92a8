"""The `careerbot` command line: ingest, stats, retrieve, ask, chat, plan, check, serve, eval.

This module parses and dispatches; each command group lives in its own module (ui/cli_store.py,
ui/cli_chat.py, ui/cli_check.py, ui/cli_plan.py), and the exit-code contract in ui/cli_contract.py."""

from __future__ import annotations

import argparse
import logging
import sys
import traceback

import ingest  # noqa: F401  (offline environment first)
from ui.cli_chat import register as register_chat
from ui.cli_check import register as register_check
from ui.cli_contract import (CONFIGURATION, EXIT_FAILURE, EXIT_OK, CareerbotError, CliParser, HelpFormatter, guarded,
                             VersionAction, one_line, quiet_third_party)
from ui.cli_plan import register as register_plan
from ui.cli_store import register as register_store


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


# prepare / serve / eval: the app itself ---------------------------------------------------------
def cmd_prepare(args) -> int:
    """Build the store and assemble + verify the embedded model, with progress: the slow first start."""
    from agent.runtime import Runtime

    runtime = Runtime()
    print(runtime.ingest(progress=True).summary())
    if runtime.settings.llm != "none":
        from agent.llm import LLMUnavailable

        try:
            from agent.llm import describe

            print(f"LLM ready: {describe(runtime.llm)}")
        except LLMUnavailable as error:
            raise CareerbotError(one_line(error), EXIT_FAILURE) from error
    return 0


def cmd_serve(args) -> int:
    """The web app (ui/app.py) on settings.host:settings.port, after preparing the store and model."""
    from ui.serve import serve

    serve(host=args.host, port=args.port, no_llm=args.no_llm)
    return 0


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
    parser.add_argument("--version", action=VersionAction)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add_parser = commands.add_parser

    def add_command(name: str, **kwargs) -> argparse.ArgumentParser:
        kwargs.setdefault("description", kwargs.get("help"))
        return add_parser(name, parents=[common], formatter_class=HelpFormatter, epilog=CONFIGURATION, **kwargs)

    commands.add_parser = add_command  # every command (plan and eval included) takes -v and shows defaults

    register_store(commands)  # ingest, stats, retrieve
    register_chat(commands)  # ask, chat
    register_check(commands)

    p = commands.add_parser("prepare", help="build the store and prepare the model (first start)")
    p.set_defaults(handler=guarded(cmd_prepare))

    p = commands.add_parser("serve", help="the web app: chat, learning plan, guides (127.0.0.1:7860 by default)")
    p.add_argument("--host", help="interface to listen on (default: CAREERBOT_HOST or 127.0.0.1)")
    p.add_argument("--port", type=int, help="port (default: CAREERBOT_PORT or 7860)")
    p.add_argument("--no-llm", action="store_true", help="answer extractively, without loading the model")
    p.set_defaults(handler=guarded(cmd_serve))

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
    p.set_defaults(handler=guarded(cmd_eval))

    register_plan(commands)
    return parser


if __name__ == "__main__":
    sys.exit(main())
