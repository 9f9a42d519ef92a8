"""`careerbot check`: the grounding checker on an answer and its passages, JSON in and out."""

from __future__ import annotations

import json
import sys

from ui.cli_contract import MAX_CHECK_PASSAGES, CareerbotError, guarded


def register(commands) -> None:
    """Add check to the `careerbot` subparsers."""
    p = commands.add_parser("check", help='grounding check: {"answer", "passages"} JSON on stdin')
    p.add_argument("--json", action="store_true", help="(the output is always JSON)")
    p.set_defaults(handler=guarded(cmd_check))


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

