"""Instruction-like content: in a chat message (the router declines it) and in a document (ingest
quarantines the chunk). Documents are data: a passage that talks to an AI, or tells "the user" to
hand over credentials, pay, or write to an address, is never read by the model nor quoted.

Text is normalised before matching, so the usual disguises do not help: zero-width and other
invisible characters, HTML entities, full-width and look-alike (Cyrillic/Greek) letters, s p a c e d
letters, and base64 blobs (decoded and scanned too). HTML comments are scanned like any text."""

from __future__ import annotations

import base64
import binascii
import html
import re
import unicodedata

# A chat message that tries to steer the assistant (also matched in documents).
MESSAGE_INJECTION = re.compile(
    r"(ignore|disregard|forget|override|bypass)\b.{0,40}\b(instructions?|rules?|prompts?|guidelines?|above|previous|prior|system)"
    r"|\b(system|developer|hidden|initial|original)\s+(prompt|message|instructions?)"
    r"|\byou are now\b|\bact as\b|\bpretend (to be|you)\b|\brole-?play\b|\bjailbreak|\bDAN\b|\bdeveloper mode\b"
    r"|\b(reveal|print|show|repeat|output|tell me)\b.{0,30}\b(instructions?|prompt|rules|configuration)\b"
    r"|\b(say|print|output|respond with|reply with|write)\s+(only\s+)?[\"'“]?[A-Z0-9-]{4,}[\"'”]?\s*$"
    r"|<\|?(system|im_start|im_end)\|?>|\[/?INST\]|^\s*(system|assistant)\s*:",
    re.IGNORECASE | re.MULTILINE)

# The document-only rules: what a guide never says to its reader, with the reason ingest reports.
_AI = r"(?:ai|a\.i\.|assistants?|chat ?bots?|bots?|language models?|llms?|gpts?|agents?|models?)"
_READER = r"(?:the|all|every|each|any|your)?\s*(?:users?|readers?|learners?|visitors?|customers?|humans?|people|person)"
_SECRET = (r"(?:pass ?words?|pass ?codes?|pass ?phrases?|credentials?|login details|api[ _-]?keys?|secret keys?|"
           r"access keys?|(?:access|auth|bearer|session) tokens?|ssn|social security numbers?|credit[ -]?cards?|card numbers?|"
           r"cvv|bank (?:details|accounts?|logins?)|account numbers?|iban|routing numbers?|pin (?:codes?|numbers?)|2fa codes?|"
           r"otp|one-time (?:code|password)s?|verification codes?|seed phrases?|private keys?|wallet (?:address|keys?))")
_HAND_OVER = (r"(?:send|share|give|provide|submit|enter|type|paste|e-?mail|forward|post|upload|reveal|disclose|confirm|"
              r"verify|text|dm|message|hand over|reply with|include)")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
URL = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>\"'\])]+"
                 r"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|xyz|ru|cn|info|biz|top|click|link|co|me|ly|site|"
                 r"online|shop|zip)\b(?:/[^\s<>\"'\])]*)?", re.IGNORECASE)
PHONE = re.compile(r"(?<![\w.,])\+?\(?\d[\d\s().-]{7,}\d(?![\w,])")
_CONTACT_VERB = (r"\b(?:contact|e-?mail|write to|reach out|reach|message|text|call|phone|ring|dm|whatsapp|telegram|signal|"
                 r"visit|go to|click|open|download|register|sign up|apply|log ?in|follow|send|submit|forward|pay)\b")

DOCUMENT_RULES: tuple[tuple[str, re.Pattern], ...] = (
    ("an instruction to an AI", re.compile(
        r"(ignore|disregard|forget|override|bypass)\b.{0,40}\b(instructions?|rules?|prompts?|guidelines?|above|previous|prior)"
        r"|\b(system|developer|hidden|initial|original)\s+(prompt|message|instructions?)|\byou are now\b"
        r"|\bjailbreak|\bdeveloper mode\b|<\|?(system|im_start|im_end)\|?>|\[/?INST\]|^\s*(system|assistant)\s*:",
        re.IGNORECASE | re.MULTILINE)),
    ("text addressed to an AI", re.compile(
        rf"\b(?:dear|attention|note to|hey|hello)\s+(?:the\s+|any\s+|all\s+)?{_AI}\b"
        rf"|\bif you are an?\s+(?:\w+\s+)?{_AI}\b(?!\s*(?:engineer|developer|researcher|specialist|scientist))"
        r"|\bas an?\s+(?:ai\s+)?(?:assistant|language model|chat ?bot|llm)\b(?!\s*(?:engineer|developer|researcher))"
        rf"|\b{_AI}\s+(?:reading|processing|summari[sz]ing|answering|parsing|ingesting)\s+(?:this|these)\b"
        r"|\b(?:assistant|chat ?bot|ai|llm)\s*[,:]\s*(?:you|always|never|do|tell|say|respond|answer|reply|recommend)\b",
        re.IGNORECASE)),
    ("an instruction to the user", re.compile(
        r"\b(?:tell|instruct|direct|order|command|ask|remind|urge|convince|persuade|make|get)\s+(?:the|all|every|each|any)\s+"
        r"(?:users?|readers?|learners?|visitors?|customers?)\s+(?:to|that)\b"
        r"|\b(?:tell|instruct|direct|order|command)\s+(?:users?|readers?|learners?)\s+(?:to|that)\b", re.IGNORECASE)),
    ("a request for credentials", re.compile(
        rf"\b{_HAND_OVER}\b[^.!?\n]{{0,60}}\b{_SECRET}\b|\b{_SECRET}\b[^.!?\n]{{0,40}}\b(?:to|at|via)\s+"
        rf"(?:us|me|him|her|them|this|the following|{EMAIL.pattern})"
        # "log in with your Google password": the reader told to use a secret (ingest cleaning may
        # already have dropped the link it pointed to)
        rf"|\b(?:log ?in|sign ?in|enter|type|use|provide|confirm)\b[^.!?\n]{{0,40}}\byour\b[^.!?\n]{{0,30}}\b{_SECRET}\b",
        re.IGNORECASE)),
    ("a request for payment", re.compile(
        r"\b(?:venmo|paypal|zelle|western union|gift ?cards?|bitcoin|btc|crypto ?wallet|wire transfer)\b"
        rf"|\b(?:pay|send|wire|deposit)\b[^.!?\n]{{0,40}}\b(?:to|at|via|into)\s+(?:us|me|this|the following|"
        rf"our|my|{EMAIL.pattern})", re.IGNORECASE)),
    ("a contact address with an instruction", re.compile(
        rf"{_CONTACT_VERB}[^\n]{{0,80}}(?:{EMAIL.pattern}|{PHONE.pattern})|(?:{EMAIL.pattern}|{PHONE.pattern})[^\n]{{0,40}}"
        rf"{_CONTACT_VERB}|\b(?:click|log ?in|sign ?in|register|verify|download|install)\b[^\n]{{0,60}}(?:{URL.pattern})",
        re.IGNORECASE)),
)

# Look-alike letters that NFKC leaves alone (Cyrillic and Greek), mapped to the Latin they mimic.
_CONFUSABLES = str.maketrans("аеорсухіѕјԁɡΑΒΕΗΙΚΜΝΟΡΤΧΥΖοαινκτρυχ", "aeopcyxisjdgABEHIKMNOPTXYZoaivktpux")
_SPACED = re.compile(r"\b(?:[A-Za-z] ){3,}[A-Za-z]\b")
_BASE64 = re.compile(r"[A-Za-z0-9+/]{16,}={0,2}")


def normalise(text: str) -> str:
    """The text a reader would see, without disguises: entities decoded, invisible characters
    removed, compatibility and look-alike letters folded, s p a c e d words joined."""
    text = html.unescape(text)
    if not text.isascii():  # ASCII is NFKC already and has no format (Cf) or look-alike letters
        text = unicodedata.normalize("NFKC", text)
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
        text = text.translate(_CONFUSABLES)
    return _SPACED.sub(lambda m: m.group(0).replace(" ", ""), text)


def decoded_blobs(text: str) -> list[str]:
    """Readable text hidden in base64 blobs (instructions smuggled past a pattern)."""
    found = []
    for blob in _BASE64.findall(text):
        try:
            decoded = base64.b64decode(blob + "=" * (-len(blob) % 4), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            continue
        if decoded and sum(ch.isprintable() or ch.isspace() for ch in decoded) / len(decoded) > 0.95:
            found.append(decoded)
    return found


def quarantine_reason(text: str) -> str:
    """Why a document passage must not reach the model or an answer ("" when it is plain content)."""
    plain = normalise(text)
    for candidate in (plain, *map(normalise, decoded_blobs(plain))):
        for reason, rule in DOCUMENT_RULES:
            if rule.search(candidate):
                return reason
    return ""


def is_message_injection(message: str) -> bool:
    """A chat message that tries to steer the assistant, disguises removed."""
    return bool(MESSAGE_INJECTION.search(normalise(message)))


WITHHELD_TITLE = "Withheld passage"


def withheld(reason: str) -> str:
    """What stands in for a quarantined passage's text wherever it is shown (Sources, `retrieve`)."""
    return f"[Withheld: this passage contains {reason}. careerbot stores it but never reads or quotes it.]"
