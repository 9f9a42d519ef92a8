"""Safe HTML and Markdown for the web UI: every string from a user, a guide or the model is escaped here."""

from __future__ import annotations

import html
import re

from agent.guards.injection import withheld
from ingest.text import CITATION

CURSOR = "▍"


def escape_markdown(text: str) -> str:
    """Text for a Markdown component with every HTML tag and entity made literal: `<` and `&` are
    all HTML needs to start a tag or an entity, so nothing typed or generated can inject markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;")


def unescape_markdown(text: str) -> str:
    """The inverse of escape_markdown (for re-asking a message shown in the chat)."""
    return text.replace("&lt;", "<").replace("&amp;", "&")


def source_id(key: int, n: int) -> str:
    """The element id of passage n of the answer at chat position `key`: ids differ per answer, so
    an older answer's [n] never jumps to a newer answer's passage."""
    return f"source-{key}-{n}"


def link_citations(markdown: str, known: set[int], key: int) -> str:
    """[n] → a link to the passage in the sources panel, for the passages the answer has."""
    def link(match: re.Match) -> str:
        numbers = [int(n) for n in re.findall(r"\d+", match.group(1))]  # "[1, 3]" links both
        if not all(n in known for n in numbers):
            return match.group(0)
        return "".join(rf"[\[{n}\]](#{source_id(key, n)})" for n in numbers)
    return CITATION.sub(link, markdown)


# Chat messages ----------------------------------------------------------------------------------
def user_message(text: str, notice: str = "") -> str:
    """The user's bubble: what careerbot read (a long message is shown trimmed, with the notice)."""
    shown = escape_markdown(text)
    return f"{shown}…\n\n*✂️ {escape_markdown(notice)}*" if notice else shown


def pending_message(status: str, draft: str = "", found: list[str] | None = None) -> str:
    """The assistant's bubble while it works: the status line, where the passages come from (shown
    before the model's first word), then the draft as it streams."""
    lines = [f"*{escape_markdown(status)}*"]
    if found and not draft:
        lines += ["", "**Found in:**", *(f"- {escape_markdown(_guide_and_section(h))}" for h in found)]
    if draft:
        lines += ["", escape_markdown(draft.strip()) + f" {CURSOR}",
                  "", "*Draft: checked against the guides when it is complete.*"]
    return "\n".join(lines)


def _guide_and_section(heading: str) -> str:
    """'Guide › Title › 1. Maths' → 'Guide › 1. Maths': the guide and the section, not the whole path."""
    parts = heading.split(" › ")
    return " › ".join([parts[0], parts[-1]]) if len(parts) > 2 else heading


def stopped_message(shown: str) -> str:
    """The bubble of a turn the user stopped: what was on screen, marked as stopped."""
    return f"{shown.replace(CURSOR, '').rstrip()}\n\n*Stopped.*"


def answer_message(answer: dict, key: int) -> str:
    """A verified answer (Answer.to_json(), or a turn's stored record plus its text) at chat
    position `key`: notice, answer with linked citations, and the sentences the verifier removed,
    listed so the user sees what was not supported."""
    parts = []
    if answer.get("notice"):
        parts.append(f"> ⚠️ {escape_markdown(answer['notice'])}")
    known = {c["n"] for c in answer.get("citations") or []}
    parts.append(link_citations(escape_markdown(answer.get("answer") or ""), known, key))
    removed = [s for s in answer.get("sentences") or [] if not s.get("supported")]
    if removed:
        items = "\n".join(f"- ~~{escape_markdown(s['text'].strip())}~~" + (f" *({escape_markdown(s['reason'])})*"
                                                                          if s.get("reason") else "")
                          for s in removed)
        parts.append(f"**Not supported by the guides (removed):**\n\n{items}")
    if answer.get("plan"):
        parts.append("*Open the **My plan** tab to adjust this plan, see its timeline and download it.*")
    return "\n\n".join(parts)


def error_message(error: Exception) -> str:
    """A backend failure as one readable line (the traceback goes to the server log)."""
    detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return (f"⚠️ Sorry, something went wrong while answering: {escape_markdown(detail[:300])}. "
            "Please try again; if it keeps failing, check the server log.")


# Sources panel ----------------------------------------------------------------------------------
def sources_html(citations: list[dict], key: int = 0, latest: bool = True) -> str:
    """The passages behind the answer at chat position `key`, each at its source_id so the [n]
    links in that answer jump to it."""
    if not citations:
        return ('<div class="cb-sources" tabindex="0" role="region" aria-label="Sources"><h2>Sources</h2>'
                '<p class="cb-empty">Passages from the guides behind the latest answer appear here. '
                'Click an earlier answer to see its passages.</p></div>')
    which = "latest answer" if latest else "the answer you selected"
    items = "".join(_source_item(c, key) for c in citations)
    return (f'<div class="cb-sources" data-answer="{key}" tabindex="0" role="region" aria-label="Sources">'
            f'<h2>Sources <span class="cb-which">· {which}</span></h2>'
            f'<ol class="cb-source-list">{items}</ol></div>')


def _source_item(c: dict, key: int) -> str:
    e = html.escape
    n, cited = int(c["n"]), bool(c.get("cited"))
    section = f'<div class="cb-section">{e(c["section"])}</div>' if c.get("section") else ""
    where = f'{e(c["source"])} · relevance {float(c.get("score", 0)):.2f} · {"cited" if cited else "not cited"}'
    # A passage quarantined at ingest (instructions planted in a document) is shown as a marker only.
    text = withheld(c["quarantine"]) if c.get("quarantine") else c["text"]
    classes = "cb-source" + (" cb-cited" if cited else "") + (" cb-withheld" if c.get("quarantine") else "")
    return (f'<li id="{source_id(key, n)}" class="{classes}">'
            f'<div class="cb-source-head"><span class="cb-n">[{n}]</span> '
            f'<span class="cb-title">{e(c["title"])}</span></div>{section}'
            f'<div class="cb-file">{where}</div><div class="cb-passage">{e(text.strip())}</div></li>')


# Plan timeline ----------------------------------------------------------------------------------
def timeline_html(rows: list[dict], months: int) -> str:
    """Skills × months as an HTML grid (renders offline, no plotting library): each cell shows the
    hours of that skill in that month, in one of four shades by its share of the largest block."""
    if not rows:
        return '<p class="cb-empty">Build a plan to see its timeline.</p>'
    hours = {(row["skill"], row["month"]): row["hours"] for row in rows}
    peak = max(hours.values()) or 1
    head = "".join(f"<th>M{m}</th>" for m in range(1, months + 1))
    body = "".join(
        f'<tr><th class="cb-skill">{html.escape(skill)}</th>'
        + "".join(_cell(skill, month, hours.get((skill, month)), peak) for month in range(1, months + 1)) + "</tr>"
        for skill in dict.fromkeys(row["skill"] for row in rows))
    return ('<div class="cb-timeline"><h3>Timeline</h3>'
            f'<table><thead><tr><th class="cb-skill">Skill</th>{head}</tr></thead><tbody>{body}</tbody></table>'
            '<p class="cb-caption">Hours of study per skill and month.</p></div>')


def _cell(skill: str, month: int, hours: int | None, peak: int) -> str:
    if not hours:
        return "<td></td>"
    title = html.escape(f"{skill}: {hours} h in month {month}")
    level = 1 + min(3, int(4 * hours / peak))  # four shades, each with a text colour that passes 4.5:1
    return f'<td class="cb-on cb-l{level}" title="{title}">{hours}</td>'


# About the guides -------------------------------------------------------------------------------
def guides_html(guides: list[dict], resources: int, resource_chunks: int, mode: str) -> str:
    """Each guide (title, file, author, date, chunks) and the resource list on its own line."""
    e = html.escape
    rows = "".join(
        f'<tr><td><span class="cb-guide">{e(g["title"])}</span><span class="cb-file">{e(g["source"])}</span></td>'
        f'<td>{e(g["author"]) or "—"}</td><td>{e(g["date"]) or "—"}</td><td class="cb-num">{g["chunks"]}</td></tr>'
        for g in guides)
    chunks = sum(g["chunks"] for g in guides)
    listed = (f'<p>The <b>resource list</b> (<code>resources.yaml</code>): <b>{resources}</b> books, courses and '
              f'tools named by the guides, in <b>{resource_chunks}</b> chunks.</p>') if resource_chunks else ""
    return (f'<div class="cb-stats"><p><b>{len(guides)}</b> guides in <b>{chunks}</b> chunks, in {e(mode)}.</p>'
            '<div class="cb-scroll"><table><thead><tr><th scope="col">Guide</th><th scope="col">Author</th>'
            '<th scope="col">Date</th><th scope="col" class="cb-num">Chunks</th></tr></thead>'
            f'<tbody>{rows}</tbody></table></div>{listed}</div>')


def ingest_summary(report) -> str:
    """An IngestReport as the Markdown the tab shows after a re-ingest."""
    lines = [f"**Re-ingest done** in {report.seconds:.1f} s: {report.files} files read, {report.chunks} chunks — "
             f"{report.added} added, {report.unchanged} unchanged, {report.removed} removed."]
    lines += [f"- skipped {escape_markdown(reason)}" for reason in report.skipped]
    return "\n".join(lines)
