"""YAML for the corpus: libyaml's parser when PyYAML was built with it (the same documents, about ten
times faster than the pure-Python one: skills.yaml and resources.yaml took ~0.3 s of a cold
`careerbot ask`), and each file parsed once per process while it is unchanged."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # PyYAML without libyaml: the pure-Python parser, same results
    from yaml import SafeLoader as _SafeLoader

YAMLError = yaml.YAMLError


def safe_load(text: str) -> Any:
    """`yaml.safe_load`, through libyaml where it is available."""
    return yaml.load(text, Loader=_SafeLoader)  # noqa: S506 - a safe loader


def load_file(path: Path) -> Any:
    """The parsed file, shared by its readers (treat it as read-only); parsed again when its size or
    modification time changes. Raises OSError, UnicodeDecodeError or YAMLError like a fresh read."""
    stat = Path(path).stat()
    return _parsed(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=16)
def _parsed(path: str, mtime_ns: int, size: int) -> Any:
    return safe_load(Path(path).read_text(encoding="utf-8"))
