"""Bounds on what careerbot parses: JSON size and nesting are checked before `json.loads` (a
100 000-deep array is a RecursionError inside the parser), numbers before they become floats (a
309-digit number is `inf`, a 5 000-digit one a ValueError)."""

from __future__ import annotations

import json
from typing import Any

MAX_NUMBER_DIGITS = 15  # beyond this no hour, month, k or size careerbot reads makes sense


class InputTooLarge(ValueError):
    """Input over a configured limit; the message names the limit and its setting."""


def json_depth(text: str) -> int:
    """The deepest nesting of arrays and objects in `text`, counted without parsing (strings skipped)."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise InputTooLarge(f"a number with {len(text.lstrip('-'))} digits (at most {MAX_NUMBER_DIGITS})")
    return int(text)


def _bounded_float(text: str) -> float:
    value = float(text)
    if len(text) > 40 or value != value or value in (float("inf"), float("-inf")):
        raise InputTooLarge(f"the number {text[:20]}… is out of range")
    return value


def load_json(text: str, max_bytes: int, max_depth: int, what: str = "the input") -> Any:
    """`json.loads` with the size, nesting and number bounds applied first. Raises InputTooLarge
    (over a limit) or json.JSONDecodeError (not JSON), both ValueErrors."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise InputTooLarge(f"{what} is {size:,} bytes; the limit is {max_bytes:,} (CAREERBOT_MAX_JSON_BYTES)")
    depth = json_depth(text)
    if depth > max_depth:
        raise InputTooLarge(f"{what} is nested {depth:,} levels deep; the limit is {max_depth} "
                            "(CAREERBOT_MAX_JSON_DEPTH)")
    return json.loads(text, parse_int=_bounded_int, parse_float=_bounded_float,
                      parse_constant=_no_constant)


def _no_constant(name: str) -> float:
    raise InputTooLarge(f"{name} is not a number careerbot accepts")


def bounded_number(text: str, low: float, high: float) -> float | None:
    """A number written in a message, or None when it is absurd (too many digits, out of [low, high]):
    "10" → 10.0; a 400-digit number → None (never inf)."""
    digits = text.replace(".", "", 1)
    if not digits.isdigit() or len(digits) > MAX_NUMBER_DIGITS:
        return None
    value = float(text)
    return value if low <= value <= high else None
