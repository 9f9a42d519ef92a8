"""One redaction function for everything that leaves careerbot: notices, log lines, stored state.
It removes the configured secrets (the LLM API key, the web password) and anything shaped like a
bearer token or an API key, whatever the upstream server echoed back."""

from __future__ import annotations

import logging
import re
import threading

REDACTED = "[redacted]"
# Shapes of credentials in text: "Bearer xyz", "Authorization: …", key=value pairs named like a key,
# and the well-known key prefixes (OpenAI sk-…, GitHub ghp_…, Slack xox…, AWS AKIA…, JWTs).
TOKEN_SHAPES = re.compile(
    r"\bbearer\s+[A-Za-z0-9._~+/=-]{8,}"
    r"|\bauthorization\b[\"']?\s*[:=]\s*[\"']?[^\s\"',}]+(?:\s+[A-Za-z0-9._~+/=-]{8,})?"
    r"|\b(?:api[_-]?key|apikey|access[_-]?token|auth[_-]?token|secret|password|passwd|x-api-key)\b"
    r"[\"']?\s*[:=]\s*[\"']?[^\s\"',}&]{4,}"
    r"|\b(?:sk|pk|rk)-[A-Za-z0-9_-]{12,}|\bgh[pousr]_[A-Za-z0-9]{20,}|\bxox[abprs]-[A-Za-z0-9-]{10,}"
    r"|\bAKIA[0-9A-Z]{16}\b|\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}", re.IGNORECASE)

_secrets: set[str] = set()
_lock = threading.Lock()


def register_secret(value: str | None) -> None:
    """Add a configured secret (API key, password) to what `redact` always removes."""
    if value and len(value) >= 6:
        with _lock:
            _secrets.add(value)


def register_configured_secrets(settings) -> None:
    """The secrets a Settings object holds (SecretStr fields)."""
    for name in ("llm_api_key", "auth_password"):
        secret = getattr(settings, name, None)
        register_secret(secret.get_secret_value() if secret is not None else None)


def redact(text: str) -> str:
    """`text` without configured secrets and token-shaped strings."""
    if not text:
        return text
    with _lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        text = text.replace(secret, REDACTED)
    return TOKEN_SHAPES.sub(lambda m: _keep_label(m.group(0)), text)


def _keep_label(match: str) -> str:
    """'Authorization: Bearer abc' → 'Authorization: [redacted]' (the reader still sees what it was)."""
    label = re.match(r"(?i)\s*(bearer|authorization|[\w-]*(?:key|token|secret|password|passwd))\b\s*[\"']?\s*[:=]?",
                     match)
    return f"{label.group(0).strip()} {REDACTED}" if label else REDACTED


class RedactingFilter(logging.Filter):
    """Renders each record's message (and traceback) and redacts it, before any handler sees it."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken format string must not hide the record
            message = str(record.msg)
        record.msg, record.args = redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


_installed = False


def install_log_redaction(settings=None) -> None:
    """Redact every log record created in this process (careerbot's loggers and the libraries'),
    however the handlers are configured later: the filter runs in the record factory."""
    global _installed
    if settings is not None:
        register_configured_secrets(settings)
    with _lock:
        if _installed:
            return
        _installed = True
    factory = logging.getLogRecordFactory()
    redacting = RedactingFilter()

    def make_record(*args, **kwargs):
        record = factory(*args, **kwargs)
        redacting.filter(record)
        return record

    logging.setLogRecordFactory(make_record)
