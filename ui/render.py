"""Safe HTML and Markdown for the web UI: every string from a user, a guide or the model is escaped here."""

from __future__ import annotations

import html
import re

from ingest.text import CITATION

CURSOR = "▍"


def escape_markdown(text: str) -> str:
    """Text for a Markdown component with every HTML tag and entity made literal: `<` and `&` are
    all HTML needs to start a tag or an entity, so nothing typed or generated can inject markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;")


def unescape_markdown(text: str) -> str:
    """The inverse of escape_markdown (for re-asking a message shown in the chat)."""
    return text.replace("&lt;", "<").replace("&amp;", "&")


def link_citations(markdown: str, known: set[int]) -> str:
    """[n] → a link to #source-n in the sources panel, for the passages shown there."""
    def link(match: re.Match) -> str:
        numbers = [int(n) for n in re.findall(r"\d+", match.group(1))]  # "[1, 3]" links both
        if not all(n in known for n in numbers):
            return match.group(0)
        return "".join(rf"[\[{n}\]](#source-{n})" for n in numbers)
    return CITATION.sub(link, markdown)


# Chat messages ----------------------------------------------------------------------------------
def user_message(text: str) -> str:
    return escape_markdown(text)


def pending_message(status: str, draft: str = "") -> str:
    """The assistant's bubble while it works: the status line, then the draft as it streams."""
    lines = [f"*{escape_markdown(status)}*"]
    if draft:
        lines += ["", escape_markdown(draft.strip()) + f" {CURSOR}",
                  "", "*Draft: checked against the guides when it is complete.*"]
    return "\n".join(lines)


def answer_message(answer: dict) -> str:
    """The verified answer (Answer.to_json()): notice, answer with linked citations, and the
    sentences the verifier removed, listed so the user sees what was not supported."""
    parts = []
    if answer.get("notice"):
        parts.append(f"> ⚠️ {escape_markdown(answer['notice'])}")
    known = {c["n"] for c in answer.get("citations") or []}
    parts.append(link_citations(escape_markdown(answer.get("answer") or ""), known))
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
def sources_html(citations: list[dict]) -> str:
    """The passages behind an answer, each at #source-n so the [n] links in the answer jump to it."""
    if not citations:
        return ('<div class="cb-sources"><h3>Sources</h3>'
                '<p class="cb-empty">Passages from the guides behind the latest answer appear here.</p></div>')
    items = "".join(_source_item(c) for c in citations)
    return f'<div class="cb-sources"><h3>Sources</h3><ol class="cb-source-list">{items}</ol></div>'


def _source_item(c: dict) -> str:
    e = html.escape
    n, cited = int(c["n"]), bool(c.get("cited"))
    section = f'<div class="cb-section">{e(c["section"])}</div>' if c.get("section") else ""
    where = f'{e(c["source"])} · relevance {float(c.get("score", 0)):.2f} · {"cited" if cited else "not cited"}'
    return (f'<li id="source-{n}" class="cb-source{" cb-cited" if cited else ""}">'
            f'<div class="cb-source-head"><span class="cb-n">[{n}]</span> '
            f'<span class="cb-title">{e(c["title"])}</span></div>{section}'
            f'<div class="cb-file">{where}</div><div class="cb-passage">{e(c["text"].strip())}</div></li>')


# Plan timeline ----------------------------------------------------------------------------------
def timeline_html(rows: list[dict], months: int) -> str:
    """Skills × months as an HTML grid (renders offline, no plotting library): each cell shows the
    hours of that skill in that month, shaded by its share of the largest block."""
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
    return f'<td class="cb-on" style="--a:{0.25 + 0.75 * hours / peak:.2f}" title="{title}">{hours}</td>'


# About the guides -------------------------------------------------------------------------------
def stats_html(stats: dict) -> str:
    e = html.escape
    rows = "".join(f'<tr><td>{e(source)}</td><td class="cb-num">{count}</td></tr>'
                   for source, count in stats.get("per_source", {}).items())
    return (f'<div class="cb-stats"><p><b>{stats.get("documents", 0)}</b> documents, '
            f'<b>{stats.get("chunks", 0)}</b> chunks in the store ({e(str(stats.get("mode", "")))}, '
            f'collection <code>{e(str(stats.get("collection", "")))}</code>).</p>'
            '<table><thead><tr><th>Document</th><th class="cb-num">Chunks</th></tr></thead>'
            f'<tbody>{rows}</tbody></table></div>')
