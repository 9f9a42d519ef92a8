"""`careerbot plan`: a learning plan from your own words or a profile.json, as Markdown, JSON or iCalendar."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from pydantic import ValidationError

EXAMPLE = 'careerbot plan "I know Python and SQL, 10 hours a week, I want to build LLM apps"'


class PlanInputError(Exception):
    """Input the user can fix; shown as one line, exit status 2."""


def register(subparsers) -> argparse.ArgumentParser:
    """Add the `plan` command to the `careerbot` subparsers."""
    parser = subparsers.add_parser(
        "plan", help="a personalised month-by-month learning plan",
        description=f"A month-by-month learning plan grounded in the guides. Example: {EXAMPLE}")
    parser.add_argument("text", nargs="?", help="your background, skills, hours a week and goal, in your own words")
    parser.add_argument("--profile", type=Path, help="a profile.json instead of text (fields: background, skills, "
                                                     "hours_per_week, months, track, preferences)")
    parser.add_argument("--months", type=int, help="plan length in months (1-24), overriding the profile")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--markdown", dest="output", action="store_const", const="markdown", help="Markdown (default)")
    output.add_argument("--json", dest="output", action="store_const", const="json", help="the JSON contract")
    output.add_argument("--ics", dest="output", action="store_const", const="ics", help="iCalendar milestones")
    parser.add_argument("--thread", help="the chat conversation (thread id) whose plan to show or update")
    marks = parser.add_mutually_exclusive_group()
    for flag, status in (("--done", "done"), ("--in-progress", "in_progress"), ("--skipped", "skipped"),
                         ("--todo", "todo")):
        marks.add_argument(flag, dest="mark", metavar="SKILL", type=lambda v, s=status: (s, v),
                           help=f"with --thread: mark SKILL (id or name) {status.replace('_', ' ')} and re-plan "
                                f"the remaining months from today")
    parser.add_argument("--start", help="first day of month 1 for --ics, YYYY-MM-DD (default: first of next month)")
    parser.add_argument("--out", type=Path, help="write to this file instead of standard output")
    parser.set_defaults(handler=cmd_plan, output="markdown")
    return parser


def cmd_plan(args) -> int:
    from agent.plan import to_ics, to_json, to_markdown

    try:
        plan, start = _thread_plan(args) if args.thread else (_plan(args), None)
        start = _start(args.start) or start
    except PlanInputError as error:
        print(f"careerbot: {error}", file=sys.stderr)
        return 2
    if args.output == "ics":
        data = to_ics(plan, start)
    else:
        data = (to_json(plan) + "\n" if args.output == "json" else to_markdown(plan)).encode("utf-8")
    if args.out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    try:
        args.out.write_bytes(data)
    except OSError as error:
        print(f"careerbot: cannot write {args.out}: {error.strerror or error}", file=sys.stderr)
        return 2
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


def _thread_plan(args):
    """The plan of a chat conversation, after applying a progress mark if one is given."""
    from agent.plan.progress import ProgressError
    from agent.service import Careerbot

    if args.text or args.profile:
        raise PlanInputError("--thread shows the conversation's own plan: give no text or --profile with it")
    bot = Careerbot(use_llm=False)
    try:
        view = bot.mark_progress(args.thread, args.mark[1], args.mark[0]) if args.mark else bot.plan(args.thread)
    except ProgressError as error:
        raise PlanInputError(str(error)) from None
    if view is None:
        raise PlanInputError(f"conversation {args.thread!r} has no plan yet: ask for one in the chat first")
    if args.mark:
        print(f"marked {args.mark[1]} {args.mark[0].replace('_', ' ')}; plan re-planned from "
              f"{view.start.isoformat()}", file=sys.stderr)
    return view.plan, view.start


def _plan(args):
    from agent.plan import Profile, build_plan, plan_for
    from agent.plan.tool import one_line

    if args.mark:
        raise PlanInputError("--done/--in-progress/--skipped/--todo need --thread ID (a chat conversation)")
    if args.text and args.profile:
        raise PlanInputError("give either a profile in your own words or --profile FILE, not both")
    if not args.text and not args.profile:
        raise PlanInputError(f"describe yourself or give --profile FILE, e.g. {EXAMPLE}")
    try:
        if args.profile:
            data = _read_profile(args.profile)
            if args.months is not None:
                data["months"] = args.months
            return build_plan(Profile.model_validate(data))
        return plan_for(args.text, months=args.months)
    except ValidationError as error:
        where = f"{args.profile}: " if args.profile else ""
        raise PlanInputError(where + one_line(error)) from error


def _read_profile(path: Path) -> dict:
    from agent.guards.limits import load_json
    from agent.settings import get_settings

    settings = get_settings()
    try:
        with path.open("rb") as handle:
            raw = handle.read(settings.max_json_bytes + 1)
        text = raw.decode("utf-8")
    except FileNotFoundError:
        raise PlanInputError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise PlanInputError(f"{path}: cannot read it ({error})") from None
    try:
        data = load_json(text, settings.max_json_bytes, settings.max_json_depth, "the profile")
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise PlanInputError(f"{path}: not valid JSON ({error.msg} at {where})") from None
    except ValueError as error:  # over a size, depth or number limit
        raise PlanInputError(f"{path}: {error}") from None
    if not isinstance(data, dict):
        raise PlanInputError(f"{path}: expected a JSON object with profile fields, got {type(data).__name__}")
    return data


def _start(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise PlanInputError(f"--start {value!r}: expected a date as YYYY-MM-DD") from None


def main(argv: list[str] | None = None) -> int:
    """Run `plan` on its own (before ui/cli.py registers it): python -m ui.cli_plan "..." """
    parser = argparse.ArgumentParser(prog="careerbot")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["plan", *(sys.argv[1:] if argv is None else argv)])
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
