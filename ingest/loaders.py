"""Read corpus files (.md, .txt, .html, .pdf) into Documents; refuse what cannot be read, clearly."""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser
from pathlib import Path

from ingest.documents import Document
from ingest.yamlfile import YAMLError, safe_load

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm", ".pdf")
MAX_FILE_BYTES = 20 * 1024 * 1024
FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)


class LoadError(Exception):
    """A corpus file that cannot be turned into text. The message names the file and the reason."""


def load_file(path: Path, root: Path) -> Document:
    """Load one file. Raises LoadError with a reason a user can act on."""
    source = path.relative_to(root).as_posix()
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise LoadError(f"{source}: unsupported file type {suffix!r} (supported: {', '.join(SUPPORTED_SUFFIXES)})")
    size = path.stat().st_size
    if size == 0:
        raise LoadError(f"{source}: empty file")
    if size > MAX_FILE_BYTES:
        raise LoadError(f"{source}: {size / 1e6:.0f} MB is over the {MAX_FILE_BYTES // 1_000_000} MB limit")
    if suffix == ".pdf":
        return _load_pdf(path, source)
    text = _decode(path.read_bytes(), source)
    if suffix in (".html", ".htm"):
        title, body = _html_to_text(text)
        return _document(source, body, {"title": title} if title else {})
    metadata, body = _split_front_matter(text, source)
    return _document(source, body, metadata)


def _decode(data: bytes, source: str) -> str:
    """UTF-8 first; a text file in a legacy 8-bit encoding is read as cp1252 (a superset of
    Latin-1 for printable text) with a warning; anything with NUL bytes or mostly control
    bytes is binary and refused."""
    sample = data[:8192]
    if b"\x00" in sample:
        raise LoadError(f"{source}: binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
        log.warning("%s: not valid UTF-8; read as cp1252/Latin-1", source)
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.05 * max(1, len(text[:8192])):
        raise LoadError(f"{source}: looks binary ({controls} control characters), not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _split_front_matter(text: str, source: str) -> tuple[dict[str, str], str]:
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        data = safe_load(match.group(1)) or {}
    except YAMLError as error:
        log.warning("%s: front matter is not valid YAML (%s); ignored", source, error)
        return {}, text[match.end():]
    if not isinstance(data, dict):
        return {}, text[match.end():]
    return {str(k): str(v) for k, v in data.items() if v is not None}, text[match.end():]


def _document(source: str, body: str, metadata: dict[str, str]) -> Document:
    if not body.strip():
        raise LoadError(f"{source}: no text in file")
    title = metadata.get("title") or _first_heading(body) or Path(source).stem.replace("-", " ").replace("_", " ")
    return Document(source=source, title=title.strip(), text=body, kind="guide", metadata=metadata)


def _first_heading(text: str) -> str | None:
    match = re.search(r"^#\s+(.+)$", text, re.MULTILINE)
    return match.group(1).strip() if match else None


def _load_pdf(path: Path, source: str) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
        title = (reader.metadata.title if reader.metadata else None) or ""
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise LoadError(f"{source}: broken or unreadable PDF ({error})") from error
    return _document(source, "\n\n".join(pages), {"title": title} if title else {})


class _HtmlText(HTMLParser):
    """Visible text of a page: scripts, styles and other non-content dropped, headings kept as '#'."""

    SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object"}
    BLOCK = {"p", "div", "section", "article", "li", "br", "tr", "table", "ul", "ol", "blockquote", "pre"}
    HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self._skip_depth = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "title":
            self._in_title = True
        if tag in self.SKIP:
            self._skip_depth += 1
        elif tag in self.HEADINGS:
            self.parts.append("\n\n" + "#" * self.HEADINGS[tag] + " ")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in self.SKIP:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in self.HEADINGS or tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if not self._skip_depth:
            self.parts.append(re.sub(r"\s+", " ", data))


def _html_to_text(html: str) -> tuple[str, str]:
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    text = re.sub(r"[ \t]+\n", "\n", "".join(parser.parts))
    return parser.title.strip(), re.sub(r"\n{3,}", "\n\n", text).strip()
