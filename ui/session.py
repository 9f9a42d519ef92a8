"""Which conversation a browser may open: a thread id signed with the server's key.

The browser keeps only the signed token (in localStorage, through gr.BrowserState). Gradio encrypts
BrowserState in the page with a key it sends to every browser, so that encryption hides nothing from
a caller: the HMAC here is what makes a bare or guessed thread id worthless. The key comes from
`CAREERBOT_UI_SECRET` (the same on every replica) or a file in the data dir, and never leaves the server."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import uuid
from pathlib import Path
from typing import Any

from agent.settings import Settings

THREAD_ID = re.compile(r"^[0-9a-f]{32}$")


def new_thread() -> str:
    return uuid.uuid4().hex


def server_key(settings: Settings, data_dir: Path) -> bytes:
    """CAREERBOT_UI_SECRET, or the key kept in `data_dir` (the Runtime's, which exists; the key file
    is made 0600 on first use)."""
    if settings.ui_secret is not None and settings.ui_secret.get_secret_value():
        return settings.ui_secret.get_secret_value().encode()
    path = data_dir / "ui-secret"
    try:
        return path.read_text(encoding="utf-8").strip().encode()
    except FileNotFoundError:
        secret = secrets.token_urlsafe(32)
        path.touch(mode=0o600)
        path.write_text(secret, encoding="utf-8")
        return secret.encode()


def storage_secret(key: bytes) -> str:
    """The key Gradio's BrowserState encrypts with in the page: derived, so it is stable across
    restarts and replicas, and reveals nothing about the signing key."""
    return hmac.new(key, b"careerbot browser storage", hashlib.sha256).hexdigest()[:32]


def sign(thread_id: str, key: bytes) -> str:
    return f"{thread_id}.{_mac(thread_id, key)}"


def verify(token: Any, key: bytes) -> str | None:
    """The thread id inside a token this server signed, else None (a bare thread id included)."""
    if not isinstance(token, str) or token.count(".") != 1:
        return None
    thread_id, mac = token.split(".")
    if not THREAD_ID.match(thread_id) or not hmac.compare_digest(mac, _mac(thread_id, key)):
        return None
    return thread_id


def _mac(thread_id: str, key: bytes) -> str:
    return hmac.new(key, thread_id.encode(), hashlib.sha256).hexdigest()
