"""The app's look, in one place (a .py, so it ships with the package): the theme with colours that pass
WCAG AA (4.5:1 for text, checked by axe-core in tests/ui), focus rings, the phone layout, the panels."""

import ui  # noqa: F401  (offline environment and Gradio analytics off before gradio is imported)
import gradio as gr

THEME = gr.themes.Soft(
    primary_hue="indigo", neutral_hue="slate", font=["system-ui", "sans-serif"],
    font_mono=["ui-monospace", "monospace"],
).set(
    # Soft's defaults (slate-400 hints, indigo-500 labels) are 2.5-3.6:1 on white: too faint.
    body_text_color_subdued="*neutral_600", body_text_color_subdued_dark="*neutral_300",
    input_placeholder_color="*neutral_500", input_placeholder_color_dark="*neutral_400",
    block_label_text_color="*primary_700", block_label_text_color_dark="white",
    block_title_text_color="*primary_700", block_title_text_color_dark="white",
    block_info_text_color="*neutral_600", block_info_text_color_dark="*neutral_300",
    link_text_color="*primary_700", link_text_color_dark="*primary_300",
    color_accent="*primary_600",
    button_primary_background_fill="*primary_600", button_primary_background_fill_hover="*primary_700",
    button_primary_text_color="white",
    # A selected radio ("Done" in My plan's progress) is white on indigo-500 by default: 4.47:1.
    checkbox_label_background_fill_selected="*primary_600",
)

CSS = """
.gradio-container { max-width: 1280px !important; margin: 0 auto; }
#header h1 { margin-bottom: 0.1em; font-size: 1.6em; }
#header p { margin-top: 0; color: var(--body-text-color-subdued); }
.cb-hint p, #turn-status p { font-size: 0.88em; color: var(--body-text-color-subdued); margin: 6px 0 0; }
#turn-status:empty, #turn-status .prose:empty { display: none; }

/* Keyboard users always see where they are. (Gradio prefixes every rule here with its container
   selector, so rules name the elements themselves; `:is(a, b)` lists would be mangled.) */
button:focus-visible, a:focus-visible, input:focus-visible, textarea:focus-visible, select:focus-visible,
[tabindex]:focus-visible { outline: 3px solid var(--primary-600) !important; outline-offset: 2px; }
#message textarea:focus { outline: 3px solid var(--primary-600) !important; outline-offset: 1px;
                          border-radius: 6px; }

/* Send and Stop inside the message box: real buttons, with their words. */
#message button { border: 1px solid var(--primary-600); border-radius: 8px; padding: 6px 14px;
                  background: var(--primary-600); color: white; font-weight: 600; }
#message button:hover { background: var(--primary-700); }

/* Suggested questions look like what they are: buttons. */
#chatbot button.example { border: 1px solid var(--primary-300); border-radius: 10px; padding: 10px 12px;
  background: var(--background-fill-primary); color: var(--body-text-color); cursor: pointer; text-align: left; }
#chatbot button.example:hover { background: var(--primary-50); border-color: var(--primary-500); }
.dark #chatbot button.example:hover { background: var(--neutral-800); }

/* Sources panel */
.cb-sources { border: 1px solid var(--border-color-primary); border-radius: 10px; padding: 10px 14px;
              background: var(--background-fill-secondary); max-height: 640px; overflow-y: auto; }
.cb-sources h2 { margin: 2px 0 8px; font-size: 1.05em; }
.cb-which { font-weight: 400; font-size: 0.88em; color: var(--body-text-color-subdued); }
.cb-source-list { list-style: none; padding: 0; margin: 0; }
.cb-source { border-top: 1px solid var(--border-color-primary); padding: 10px 4px; scroll-margin-top: 8px; }
.cb-source:first-child { border-top: none; }
.cb-source:target { background: var(--color-accent-soft); border-radius: 8px; }
.cb-source-head { font-weight: 600; line-height: 1.3; }
.cb-n { color: var(--primary-700); margin-right: 2px; }
.dark .cb-n { color: var(--primary-300); }
.cb-source:not(.cb-cited) .cb-n { color: var(--body-text-color-subdued); }
.cb-section { font-size: 0.88em; margin-top: 2px; color: var(--body-text-color); }
.cb-file { display: block; font-size: 0.82em; color: var(--body-text-color-subdued); margin-top: 2px;
           overflow-wrap: anywhere; }
.cb-passage { white-space: pre-wrap; overflow-wrap: anywhere; margin: 6px 0 0; padding: 6px 10px; font-size: 0.9em;
              line-height: 1.45; border-left: 3px solid var(--color-accent); background: var(--background-fill-primary);
              border-radius: 0 6px 6px 0; }
.cb-source:not(.cb-cited) .cb-passage { border-left-color: var(--border-color-primary); }
.cb-empty { color: var(--body-text-color-subdued); font-size: 0.92em; }
#chatbot .message-wrap { overflow-wrap: anywhere; }

/* Wide tables scroll in their own box: `contain: inline-size` keeps their width out of the page's
   layout (Gradio's outer flex boxes would otherwise grow the whole page to fit them on a phone). */
.cb-timeline, .cb-scroll { overflow-x: auto; max-width: 100%; contain: inline-size; }

/* Plan timeline */
.cb-timeline table { border-collapse: separate; border-spacing: 3px; font-size: 0.86em; width: 100%; }
.cb-timeline th { font-weight: 600; color: var(--body-text-color-subdued); text-align: center; padding: 2px 4px; }
.cb-timeline th.cb-skill { text-align: left; color: var(--body-text-color); font-weight: 500; min-width: 9em; }
.cb-timeline table, .cb-timeline th, .cb-timeline td { border: none !important; }
.cb-timeline td { min-width: 2.2em; height: 1.9em; text-align: center; border-radius: 5px;
                  background: var(--neutral-100); }
.dark .cb-timeline td { background: var(--neutral-800); }
.cb-timeline td.cb-on { font-weight: 600; }
.cb-timeline td.cb-l1 { background: #e0e7ff; color: #1e1b4b; }
.cb-timeline td.cb-l2 { background: #a5b4fc; color: #1e1b4b; }
.cb-timeline td.cb-l3 { background: #4f46e5; color: #ffffff; }
.cb-timeline td.cb-l4 { background: #312e81; color: #ffffff; }
.cb-timeline h3 { margin: 0 0 6px; font-size: 1.05em; }
.cb-caption { font-size: 0.82em; color: var(--body-text-color-subdued); margin: 4px 0 10px; }

#plan-markdown { max-height: none !important; overflow: visible !important; }  /* the page scrolls, not a box */
#plan-markdown { border: 1px solid var(--border-color-primary); border-radius: 10px; padding: 4px 18px;
                 background: var(--background-fill-primary); overflow-wrap: anywhere; }
#plan-markdown h1 { font-size: 1.5em; }
#plan-markdown h2 { font-size: 1.2em; margin-top: 1.2em; }

/* About the guides */
.cb-stats table, .cb-stats thead, .cb-stats tbody, .cb-stats tr { border: none !important; }
.cb-stats table { border-collapse: collapse; width: 100%; max-width: 900px; }
.cb-stats td, .cb-stats th { border: none !important; border-bottom: 1px solid var(--border-color-primary) !important;
                             padding: 5px 8px; text-align: left; background: transparent; vertical-align: top; }
.cb-guide { display: block; font-weight: 600; }
.cb-num { text-align: right !important; font-variant-numeric: tabular-nums; }

/* Phones (390 px and up): one column, nothing wider than the screen. Gradio's flex items default
   to min-width: auto, so a wide table (the timeline) would widen the whole page instead of
   scrolling in its own box, and the plan column asks for 400 px. */
@media (max-width: 720px) {
  .column, .row, .block, .form, .tabitem, .tabs, .html-container, .prose { min-width: 0 !important; }
  .row { flex-wrap: wrap !important; }
  .row > .column { flex-basis: 100% !important; }
  .tab-container button { padding-left: 8px !important; padding-right: 8px !important; }  /* all 3 tabs fit */
  #chatbot { height: 62vh !important; }
  .cb-chat-foot button { flex-grow: 1; }
  #plan-markdown { padding: 4px 10px; }
  .cb-timeline th.cb-skill { min-width: 7em; }
}
"""
