"""The My plan tab: a profile form (pre-filled from the chat) → the plan month by month, a timeline, downloads."""

from __future__ import annotations

import hashlib
import html
import logging
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import gradio as gr
from pydantic import ValidationError

from agent.guards.files import private_temp_dir
from agent.plan import load_skill_map, plan_for, timeline, to_ics, to_json, to_markdown
from agent.plan.progress import STATUSES, ProgressError
from agent.plan.profile import DEFAULTS, HOURS_RANGE, MONTHS_RANGE
from agent.plan.render import BACKGROUND_NAMES
from agent.plan.summary import TRACK_NAMES
from agent.plan.tool import one_line
from agent.service import Careerbot
from ui import render

log = logging.getLogger(__name__)

# Downloads hold the learner's profile: a private per-process folder (0700, mkdtemp), deleted at exit.
DOWNLOADS = private_temp_dir("careerbot-plans-")
FIELDS = ("background", "skills", "hours_per_week", "months", "track", "format", "certification", "cloud")
FORMATS = [("Any", "any"), ("Courses", "courses"), ("Books", "books")]
STATUS_CHOICES = [("Done", "done"), ("In progress", "in_progress"), ("Skipped", "skipped"), ("Not started", "todo")]
STATUS_MARKS = {"done": "✓", "in_progress": "◐", "skipped": "⤼", "todo": ""}
CLOUDS = [("No preference", "none"), ("AWS", "aws"), ("Google Cloud", "gcp"), ("Azure", "azure")]


def build(background: str, skills: list[str], hours_per_week: float, months: float, track: str,
          format: str = "any", certification: bool = False, cloud: str = "none") -> tuple:
    """(plan Markdown, timeline HTML, .md, .json, .ics download, error message). A profile the plan
    builder rejects comes back as a readable message, not an exception."""
    try:
        plan = plan_for(None, background=background or None, skills=list(skills or []),
                        hours_per_week=int(hours_per_week), months=int(months), track=track or None,
                        format=format or None, certification=bool(certification),
                        cloud=None if cloud in (None, "", "none") else cloud)
    except (ValidationError, ValueError, TypeError) as error:
        message = one_line(error) if isinstance(error, ValidationError) else str(error)
        return _failed(f"⚠️ Can't build that plan: {message}")
    except Exception as error:  # the form must never show a traceback
        log.exception("plan failed")
        return _failed(render.error_message(error))
    return _shown(plan)


def _shown(plan, marks: dict | None = None, start=None) -> tuple:
    """(plan Markdown, timeline HTML, .md, .json, .ics, no error) for a plan, with its progress marks."""
    files = _write_files(plan, start)
    markdown = render.escape_markdown(to_markdown(plan))
    return (markdown, _timeline(plan, marks or {}), *[str(path) for path in files], "")


def _timeline(plan, marks: dict[str, str]) -> str:
    """The timeline grid, each skill's row labelled with its mark; done and skipped skills listed above."""
    rows = timeline(plan, marks)
    grid = [dict(r, skill=f"{STATUS_MARKS[r['status']]} {r['skill']}".strip()) for r in rows if r["month"]]
    finished = [f"{STATUS_MARKS[r['status']]} {r['skill']} ({r['status']})" for r in rows if not r["month"]]
    head = (f'<p class="cb-progress" id="plan-progress-marks">{html.escape(" · ".join(finished))}</p>'
            if finished else "")
    return head + render.timeline_html(grid, plan.profile.months)


def _failed(message: str) -> tuple:
    return gr.skip(), gr.skip(), None, None, None, render.escape_markdown(message)


def _write_files(plan, start=None) -> list[Path]:
    """The three downloads, in a folder named by the plan's content (same plan, same files)."""
    markdown, data, ics = to_markdown(plan).encode(), (to_json(plan) + "\n").encode(), to_ics(plan, start)
    folder = DOWNLOADS / hashlib.sha256(data + ics).hexdigest()[:16]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for suffix, content in (("md", markdown), ("json", data), ("ics", ics)):
        path = folder / f"careerbot-plan.{suffix}"
        path.write_bytes(content)
        paths.append(path)
    return paths


def prefill(bot: Careerbot, thread_id: str, applied: dict | None) -> tuple:
    """Copy what the user said in the chat (Careerbot.profile) into the form, when it changed since
    last time, so edits made in the form are not overwritten by an unrelated chat turn."""
    try:
        facts = bot.profile(thread_id) if thread_id else {}
    except Exception:
        log.exception("cannot read the profile of %s", thread_id)
        facts = {}
    facts = {key: value for key, value in facts.items() if key in FIELDS}
    if not facts or facts == (applied or {}):
        return (*[gr.skip()] * len(FIELDS), gr.skip(), gr.skip())
    values = [facts.get(key, gr.skip()) for key in FIELDS]
    if "cloud" in facts and facts["cloud"] is None:
        values[FIELDS.index("cloud")] = "none"
    note = "*Pre-filled from what you said in the chat: check it, then build the plan.*"
    return (*values, facts, note)


def chat_plan(bot: Careerbot, thread_id: str) -> tuple:
    """The plan the chat built (as edited and re-planned from progress), shown already built, and the
    progress picker filled with its skills; nothing changes when the conversation has no plan."""
    try:
        view = bot.plan(thread_id) if thread_id else None
    except Exception:
        log.exception("cannot read the plan of %s", thread_id)
        view = None
    if view is None:
        return (*[gr.skip()] * 6, gr.skip(), gr.skip())
    marks = view.progress.get("marks") or {}
    skills = {s.id: s.name for m in view.plan.months for s in m.skills}
    skills.update({i: load_skill_map().skills[i].name for i in marks if i in load_skill_map().skills})
    note = (f"*This is the plan from your chat, month 1 starting {view.start.isoformat()}. Mark your progress "
            f"below: the remaining months are re-planned from today.*")
    return (*_shown(view.plan, marks, view.start), gr.update(choices=[(n, i) for i, n in skills.items()]), note)


def save_progress(bot: Careerbot, thread_id: str, skill: str | None, status: str) -> tuple:
    """Mark a skill of the chat's plan and show the re-planned plan; a bad mark is a one-line message."""
    if not thread_id or not skill:
        return (*[gr.skip()] * 5, "⚠️ Pick a skill of your chat's plan first.", gr.skip(), gr.skip())
    try:
        bot.mark_progress(thread_id, skill, status)
    except ProgressError as error:
        return (*[gr.skip()] * 5, f"⚠️ {render.escape_markdown(str(error))}", gr.skip(), gr.skip())
    return chat_plan(bot, thread_id)


@dataclass
class PlanTab:
    fields: list
    applied: gr.State
    prefill_note: gr.Markdown
    shown: list  # plan Markdown, timeline, the three downloads, the error line
    progress_skill: gr.Dropdown
    progress_status: gr.Radio
    progress_save: gr.Button
    chat_note: gr.Markdown


def plan_tab() -> PlanTab:
    """Build the tab's components inside the current Blocks context and wire its events."""
    skill_map = load_skill_map()
    with gr.Row(equal_height=False):
        with gr.Column(scale=2, min_width=320):
            prefill_note = gr.Markdown("Tell me about yourself here, or in the chat: the form fills in from it.",
                                       elem_id="plan-prefill")
            background = gr.Dropdown([(name[0].upper() + name[1:], key) for key, name in BACKGROUND_NAMES.items()],
                                     value=DEFAULTS["background"], label="Background", elem_id="plan-background")
            track = gr.Dropdown([(name[0].upper() + name[1:], key) for key, name in TRACK_NAMES.items()],
                                value=DEFAULTS["track"], label="Goal track", elem_id="plan-track")
            hours = gr.Slider(*HOURS_RANGE, value=DEFAULTS["hours_per_week"], step=1, label="Hours per week",
                              elem_id="plan-hours")
            months = gr.Slider(*MONTHS_RANGE, value=DEFAULTS["months"], step=1, label="Months",
                               elem_id="plan-months")
            skills = gr.Dropdown([(s.name, s.id) for s in skill_map.skills.values()], value=[], multiselect=True,
                                 label="Skills you already have", elem_id="plan-skills")
            with gr.Accordion("Preferences", open=False):
                fmt = gr.Radio(FORMATS, value="any", label="Learning format")
                certification = gr.Checkbox(label="I want a certification")
                cloud = gr.Radio(CLOUDS, value="none", label="Cloud provider")
            go = gr.Button("Build my plan", variant="primary", elem_id="plan-build")
            error = gr.Markdown(label="error", show_label=False, elem_id="plan-error")
            with gr.Group(elem_id="plan-progress"):
                progress_skill = gr.Dropdown([], label="Progress: skill", elem_id="plan-progress-skill")
                progress_status = gr.Radio(STATUS_CHOICES, value="done", label="Status",
                                           elem_id="plan-progress-status")
                progress_save = gr.Button("Save progress", size="sm", elem_id="plan-progress-save")
            gr.Markdown("**Download the plan**")
            with gr.Row():
                md = gr.DownloadButton("Markdown", elem_id="download-md", size="sm", min_width=80)
                js = gr.DownloadButton("JSON", elem_id="download-json", size="sm", min_width=80)
                ics = gr.DownloadButton("Calendar", elem_id="download-ics", size="sm", min_width=80)
        with gr.Column(scale=3, min_width=400):
            chat_note = gr.Markdown("", elem_id="plan-chat-note")
            chart = gr.HTML(render.timeline_html([], 0), label="timeline", elem_id="plan-timeline", padding=False)
            plan_md = gr.Markdown("*Your plan appears here, month by month.*", label="plan", show_label=False,
                                  elem_id="plan-markdown", sanitize_html=True, max_height=760)
    fields = [background, skills, hours, months, track, fmt, certification, cloud]
    go.click(build, fields, [plan_md, chart, md, js, ics, error], api_name="plan")
    return PlanTab(fields=fields, applied=gr.State(None), prefill_note=prefill_note,
                   shown=[plan_md, chart, md, js, ics, error], progress_skill=progress_skill,
                   progress_status=progress_status, progress_save=progress_save, chat_note=chat_note)


def wire_prefill(bot: Careerbot, tab: PlanTab, thread: gr.Textbox, after: list) -> None:
    """After each chat turn (and on page load), pre-fill the form from the conversation's profile and
    show the plan the chat built; the progress button marks that plan."""
    shown = [*tab.shown, tab.progress_skill, tab.chat_note]
    for event in after:
        event.then(partial(prefill, bot), [thread, tab.applied], [*tab.fields, tab.applied, tab.prefill_note],
                   api_visibility="private", show_progress="hidden")
        event.then(partial(chat_plan, bot), [thread], shown, api_visibility="private", show_progress="hidden")
    tab.progress_save.click(partial(save_progress, bot), [thread, tab.progress_skill, tab.progress_status], shown,
                            api_visibility="private")
