"""Guards: what careerbot refuses to trust (instructions in documents and messages), what it never
lets out (secrets, contact details the guides do not list), all in one place."""

from agent.guards.contacts import scrub_contacts, trusted_contacts
from agent.guards.injection import MESSAGE_INJECTION, quarantine_reason
from agent.guards.redact import install_log_redaction, redact, register_secret

__all__ = ["MESSAGE_INJECTION", "install_log_redaction", "quarantine_reason", "redact", "register_secret",
           "scrub_contacts", "trusted_contacts"]
