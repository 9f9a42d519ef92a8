"""Where conversations are kept: SQLite in the data dir (one process), or PostgreSQL (replicas).

Every `careerbot serve` behind a load balancer must see the same threads, or a conversation
started on one replica is lost on the next request. CAREERBOT_CHECKPOINT_URL=postgresql://…
puts LangGraph's checkpoints in one shared database; unset keeps the single-machine SQLite file."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from urllib.parse import urlsplit

from agent.settings import Settings

log = logging.getLogger(__name__)

POSTGRES_SCHEMES = ("postgresql", "postgres")


class CheckpointUnavailable(ConnectionError):
    """The conversation store cannot be opened (a ConnectionError, so the CLI shows it as one line).
    The message says what to do and never holds the password."""


def uses_sqlite(settings: Settings) -> bool:
    """No CAREERBOT_CHECKPOINT_URL: conversations go to SQLite in the data dir."""
    return not (settings.checkpoint_url and settings.checkpoint_url.get_secret_value())


def open_checkpointer(settings: Settings, data_dir: Path | None = None):
    """A LangGraph checkpointer for `settings`: PostgresSaver for a postgresql:// URL, else SqliteSaver
    in `data_dir`, which exists (agent/runtime.py makes the data dir and passes it)."""
    if uses_sqlite(settings):
        from langgraph.checkpoint.sqlite import SqliteSaver

        from agent.guards.files import private_file

        if data_dir is None:
            raise ValueError("SQLite conversations need the data dir (Runtime.data_dir)")
        connection = sqlite3.connect(private_file(data_dir / "conversations.sqlite"), check_same_thread=False)
        return SqliteSaver(connection)
    url = settings.checkpoint_url.get_secret_value()
    parts = urlsplit(url)
    if parts.scheme not in POSTGRES_SCHEMES:
        raise CheckpointUnavailable(f"CAREERBOT_CHECKPOINT_URL must be a postgresql:// URL, not {parts.scheme or 'a bare'}:// "
                                    "(unset it to keep conversations in SQLite in the data dir)")
    return _postgres(url, where=redacted(url))


def redacted(url: str) -> str:
    """The URL as it may be shown: user, host, port and database, never the password."""
    parts = urlsplit(url)
    user = f"{parts.username}@" if parts.username else ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{user}{parts.hostname or ''}{port}{parts.path}"


def _postgres(url: str, where: str):
    """A PostgresSaver over a small connection pool (graph runs come from several threads at once).
    `setup()` creates or migrates the tables; it is idempotent, so every replica may run it."""
    try:
        from langgraph.checkpoint.postgres import PostgresSaver
        from psycopg.rows import dict_row
        from psycopg_pool import ConnectionPool
    except ImportError as error:
        raise CheckpointUnavailable("a postgresql:// CAREERBOT_CHECKPOINT_URL needs langgraph-checkpoint-postgres "
                                    "and psycopg: run `make setup`") from error
    import psycopg

    pool = ConnectionPool(url, min_size=1, max_size=8, open=False,
                          kwargs={"autocommit": True, "prepare_threshold": 0, "row_factory": dict_row})
    try:
        pool.open(wait=True, timeout=10)
        saver = PostgresSaver(pool)
        saver.setup()
    except (psycopg.Error, TimeoutError) as error:  # PoolTimeout is a psycopg.Error
        pool.close()
        reason = str(error).splitlines()[0].replace(url, where) if str(error) else type(error).__name__
        raise CheckpointUnavailable(f"cannot open the conversation database {where} ({reason}): check "
                                    "CAREERBOT_CHECKPOINT_URL and that PostgreSQL is running") from error
    log.info("conversations in %s", where)
    return saver
