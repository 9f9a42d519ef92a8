"""The CLI's contract with its user: exit codes, one-line errors, help with defaults and the
configuration epilog, quiet third-party progress bars (issue 14)."""

from __future__ import annotations

import argparse
import os
import sys

EXIT_OK, EXIT_FAILURE, EXIT_INPUT = 0, 1, 2  # 2 is also argparse's status for usage errors
MAX_CHECK_PASSAGES = 100  # a request's passages are embedded: bounded like its sentences

CONFIGURATION = """configuration:
  Every setting has a CAREERBOT_* environment variable (CAREERBOT_TOP_K=6, CAREERBOT_LLM=none,
  CAREERBOT_DATA_DIR=~/careerbot, CAREERBOT_CHROMA_HOST, CAREERBOT_LLM_BASE_URL, ...), or the same name
  without the prefix in ./careerbot.toml (top_k = 6). Precedence: environment, then careerbot.toml,
  then defaults (agent/settings.py lists them all).

exit status: 0 ok, 1 a failure (store, model or server unavailable), 2 a usage or input error.
-v (anywhere on the line) logs debug detail and shows tracebacks."""


class CareerbotError(Exception):
    """An error with a message meant for the user (no traceback). `code`: 2 for bad input, 1 for a failure."""

    def __init__(self, message: str, code: int = EXIT_INPUT) -> None:
        super().__init__(message)
        self.code = code


def quiet_third_party(verbose: bool) -> None:
    """Loading bars of transformers / huggingface_hub ("Loading weights") only with -v; careerbot's
    own bars (ingest, model assembly) pass `disable` explicitly and are unaffected."""
    if not verbose:
        os.environ.setdefault("TQDM_DISABLE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")


def one_line(error: BaseException) -> str:
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


class CliParser(argparse.ArgumentParser):
    """Usage errors as one line on stderr, exit status 2 (argparse prints the whole usage)."""

    def error(self, message: str):
        self.exit(EXIT_INPUT, f"careerbot: {message} (see `{self.prog} --help`)\n")


class HelpFormatter(argparse.RawDescriptionHelpFormatter, argparse.ArgumentDefaultsHelpFormatter):
    """Defaults shown after every option's help (not the empty ones: off flags, unset options);
    the configuration epilog keeps its lines."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        if action.default in (None, False, argparse.SUPPRESS) or "default" in (action.help or ""):
            return action.help
        return super()._get_help_string(action)


def top_k_option(text: str) -> int:
    """`retrieve -k`: a whole number of passages, 1 to 50."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text[:20]!r}") from None
    if not 1 <= value <= 50:
        raise argparse.ArgumentTypeError(f"must be between 1 and 50, got {value}")
    return value


class VersionAction(argparse.Action):
    """argparse's `version` action, with the text read from the package metadata only when
    --version is given (importlib.metadata costs every other command ~40 ms)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS,
                 help="show program's version number and exit"):
        super().__init__(option_strings=option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        formatter = parser._get_formatter()
        formatter.add_text(f"careerbot {version_text()}")
        parser._print_message(formatter.format_help(), sys.stdout)
        parser.exit()


def version_text() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("careerbot")
    except PackageNotFoundError:
        return "0.1.0 (source tree)"


def _input_errors():
    """Errors the user fixes by changing what they typed or gave: exit status 2."""
    from agent.retrieval import EmptyQuery
    from agent.service import EmptyMessage

    return (EmptyQuery, EmptyMessage, ValueError)


def _failures():
    """Library errors that mean 'something careerbot needs is unavailable': exit status 1, one line."""
    from agent.llm import LLMUnavailable
    from ingest.embedding import ModelError
    from ingest.chroma_connection import StoreUnavailable

    return (LLMUnavailable, ModelError, StoreUnavailable, OSError)


def guarded(handler):
    """The handler with library errors turned into CareerbotError: input errors exit 2, failures 1."""
    def run(args):
        try:
            return handler(args)
        except _input_errors() as error:
            raise CareerbotError(one_line(error), EXIT_INPUT) from error
        except _failures() as error:
            raise CareerbotError(one_line(error), EXIT_FAILURE) from error
    return run
