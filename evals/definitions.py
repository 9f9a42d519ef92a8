"""Metric definitions, read from the suite modules' docstrings (the one place they are written)."""

from __future__ import annotations

import fnmatch
import importlib
import re
from dataclasses import dataclass

_ITEM = re.compile(r"^- (\S+) — ([^:]+): (.*)$")


@dataclass(frozen=True)
class Definition:
    key: str     # metric key, or a pattern such as "<category>_accuracy"
    label: str   # short human name: "grounded sentence rate (final answer)"
    text: str    # the definition


def suite_doc(suite: str) -> str:
    return importlib.import_module(f"evals.suites.{suite}").__doc__ or ""


def definitions(suite: str) -> list[Definition]:
    """The "- key — label: definition" items of a suite's docstring (continuation lines joined)."""
    found: list[Definition] = []
    open_item = False
    for line in suite_doc(suite).splitlines():
        match = _ITEM.match(line)
        if match:
            found.append(Definition(*match.groups()))
            open_item = True
        elif open_item and line.startswith("  ") and line.strip():
            last = found[-1]
            found[-1] = Definition(last.key, last.label, f"{last.text} {line.strip()}")
        else:
            open_item = False  # a blank line or prose after the list ends the item
    return found


def summary(suite: str) -> str:
    """The docstring's prose: everything before the "Metrics:" list."""
    return suite_doc(suite).split("\nMetrics:", 1)[0].strip()


def lookup(suite: str, key: str) -> Definition | None:
    for definition in definitions(suite):
        if fnmatch.fnmatchcase(key, re.sub(r"<[^>]+>", "*", definition.key)):
            return definition
    return None


def label(suite: str, key: str) -> str:
    """The metric's short name; a pattern's label gets the key's own part ("negation accuracy")."""
    definition = lookup(suite, key)
    if definition is None:
        return key
    if "<" in definition.key:
        prefix, suffix = definition.key.split("<", 1)[0], definition.key.split(">", 1)[1]
        part = key[len(prefix): len(key) - len(suffix) or None].replace("_", " ")
        name = re.sub(r"^per-\w+ ", "", definition.label)
        return f"{part} {name}"
    return definition.label
