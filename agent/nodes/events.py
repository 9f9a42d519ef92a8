"""What a node tells the reader while it runs (status lines and tokens, on the graph's custom
stream) and how notices above an answer are joined."""

from __future__ import annotations

from langgraph.config import get_stream_writer


def emit(event: dict) -> None:
    try:
        get_stream_writer()(event)
    except RuntimeError:  # called outside a streaming run
        pass


def join_notices(*notices: str | None) -> str:
    return " ".join(n for n in notices if n)
