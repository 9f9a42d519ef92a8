"""Opening the Chroma store: the embedded client on disk, or a client of a Chroma server (TLS,
headers, a token, tenant and database) whose every request is bounded by a timeout."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ChromaServer:
    """How to talk to a Chroma server beyond host and port: TLS, extra headers, a token (kept a
    SecretStr so it never shows in a repr or a log), tenant and database."""

    ssl: bool = False
    headers: dict[str, str] = field(default_factory=dict)
    token: Any = None  # pydantic SecretStr (or a plain str)
    token_header: str = "Authorization"
    tenant: str = "default_tenant"
    database: str = "default_database"

    def all_headers(self) -> dict[str, str]:
        headers = dict(self.headers)
        if self.token:
            token = self.token.get_secret_value() if hasattr(self.token, "get_secret_value") else str(self.token)
            headers[self.token_header] = f"Bearer {token}" if self.token_header.lower() == "authorization" else token
        return headers


class StoreUnavailable(RuntimeError):
    """The Chroma store cannot be reached or opened. The message says what to do."""


def _reason(error: Exception, server: ChromaServer) -> str:
    """`describe_error`, with any header value (the token) blanked out."""
    text = describe_error(error)
    for value in server.all_headers().values():
        text = text.replace(value, "***")
    return text


def open_store(path: Path | None = None, host: str | None = None, port: int = 8000,
               collection: str = "careerbot", model_path: str | None = None, timeout_s: float = 10.0,
               server: ChromaServer | None = None) -> Store:
    """Embedded PersistentClient at `path`, or HttpClient to a Chroma server when `host` is set
    (with `server`'s TLS, headers, token, tenant and database). Every request to a server is
    bounded by `timeout_s` (a hung server must not hang a turn)."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if len(collection) < 3:
        raise ValueError(f"collection name {collection!r} is too short: Chroma needs 3 or more characters")
    if host:
        server = server or ChromaServer()
        where = f"https://{host}:{port}" if server.ssl else f"{host}:{port}"
        description = f"server {where}"
        if (server.tenant, server.database) != ("default_tenant", "default_database"):
            description += f" ({server.tenant}/{server.database})"
        try:
            _heartbeat(host, port, timeout_s, server)  # the client's own first request has no timeout
            client = chromadb.HttpClient(host=host, port=port, ssl=server.ssl, headers=server.all_headers(),
                                         tenant=server.tenant, database=server.database, settings=chroma_settings)
            _bound_requests(client, timeout_s)
            client.heartbeat()
        except Exception as error:  # noqa: BLE001 - any connection failure means the same to a user
            raise StoreUnavailable(
                f"cannot reach the Chroma server at {where} ({_reason(error, server)}). "
                "Start it with `chroma run --path DIR --port N`, or unset CAREERBOT_CHROMA_HOST "
                "to use the embedded store."
            ) from error
    else:
        assert path is not None, "an embedded store needs a path"
        description = f"embedded {path}"
        try:
            path.mkdir(exist_ok=True, mode=0o700)  # its own folder; the data dir above it is the Runtime's
            client = chromadb.PersistentClient(path=str(path), settings=chroma_settings)
        except Exception as error:  # noqa: BLE001 - OSError, or chromadb's InternalError (read-only, corrupt)
            raise StoreUnavailable(f"cannot open the store at {path}: {describe_error(error)}. "
                                   "Check the data directory (CAREERBOT_DATA_DIR) exists and is writable.") from error
    try:
        return Store(client, collection, model_path, description)
    except Exception as error:  # noqa: BLE001 - chromadb's InternalError, a read-only or corrupt store, a timeout
        raise StoreUnavailable(f"cannot open the collection {collection!r} in the {description} store "
                               f"({describe_error(error)}). Check that the data directory (CAREERBOT_DATA_DIR) is writable "
                               "and the server is answering.") from error


def _heartbeat(host: str, port: int, timeout_s: float, server: ChromaServer) -> None:
    """One bounded request before chromadb's client makes its unbounded first one (with the same
    headers: a server behind an authenticating proxy must let it through)."""
    import httpx

    scheme = "https" if server.ssl else "http"
    httpx.get(f"{scheme}://{host}:{port}/api/v2/heartbeat", headers=server.all_headers(), timeout=httpx.Timeout(timeout_s, connect=min(timeout_s, 5.0))).raise_for_status()


def _bound_requests(client, timeout_s: float) -> None:
    """Chroma's HttpClient waits forever by default (its httpx session has no timeout, and its
    Settings offer none): give its session one, connect and read."""
    import httpx

    session = getattr(getattr(client, "_server", None), "_session", None)
    if isinstance(session, httpx.Client):
        session.timeout = httpx.Timeout(timeout_s, connect=min(timeout_s, 5.0))
    else:
        log.warning("cannot set a timeout on this chromadb client (%s): a hung server may hang careerbot",
                    type(client).__name__)


def describe_error(error: BaseException) -> str:
    """A short cause: a timeout is named as such, else the error's type and first line."""
    import httpx

    if isinstance(error, httpx.TimeoutException):
        return "no answer in time: CAREERBOT_CHROMA_TIMEOUT_S"
    detail = str(error).strip().splitlines()[0][:160] if str(error).strip() else ""
    return f"{type(error).__name__}: {detail}" if detail else type(error).__name__
