"""The app's CSS, in one string (a .py, so it ships with the package): sources panel, timeline grid, stats."""

CSS = """
.gradio-container { max-width: 1280px !important; margin: 0 auto; }
#header h2 { margin-bottom: 0.1em; }
#header p { margin-top: 0; color: var(--body-text-color-subdued); }
.cb-hint p { font-size: 0.85em; color: var(--body-text-color-subdued); margin: 6px 0 0; }

/* Sources panel */
.cb-sources { border: 1px solid var(--border-color-primary); border-radius: 10px; padding: 10px 14px;
              background: var(--background-fill-secondary); }
.cb-sources h3 { margin: 2px 0 8px; font-size: 1.05em; }
.cb-source-list { list-style: none; padding: 0; margin: 0; }
.cb-source { border-top: 1px solid var(--border-color-primary); padding: 10px 4px; scroll-margin-top: 8px; }
.cb-source:first-child { border-top: none; }
.cb-source:target { background: var(--color-accent-soft); border-radius: 8px; }
.cb-source-head { font-weight: 600; line-height: 1.3; }
.cb-n { color: var(--color-accent); margin-right: 2px; }
.cb-source:not(.cb-cited) .cb-n { color: var(--body-text-color-subdued); }
.cb-section { font-size: 0.88em; margin-top: 2px; color: var(--body-text-color); }
.cb-file { font-size: 0.8em; color: var(--body-text-color-subdued); margin-top: 2px; }
.cb-passage { white-space: pre-wrap; margin: 6px 0 0; padding: 6px 10px; font-size: 0.9em; line-height: 1.45;
              border-left: 3px solid var(--color-accent); background: var(--background-fill-primary);
              border-radius: 0 6px 6px 0; max-height: 16em; overflow: auto; }
.cb-source:not(.cb-cited) .cb-passage { border-left-color: var(--border-color-primary); }
.cb-empty { color: var(--body-text-color-subdued); font-size: 0.92em; }

/* Plan timeline */
.cb-timeline { overflow-x: auto; }
.cb-timeline table { border-collapse: separate; border-spacing: 3px; font-size: 0.86em; width: 100%; }
.cb-timeline th { font-weight: 600; color: var(--body-text-color-subdued); text-align: center; padding: 2px 4px; }
.cb-timeline th.cb-skill { text-align: left; color: var(--body-text-color); font-weight: 500; min-width: 12em; }
.cb-timeline table, .cb-timeline th, .cb-timeline td { border: none !important; }
.cb-timeline td { min-width: 2.6em; height: 1.9em; text-align: center; border-radius: 5px;
                  background: var(--neutral-100); }
.cb-timeline td.cb-on { background: rgb(79 70 229 / var(--a)); color: white; font-weight: 600; }
.cb-timeline h3 { margin: 0 0 6px; font-size: 1.05em; }
.cb-caption { font-size: 0.8em; color: var(--body-text-color-subdued); margin: 4px 0 10px; }

#plan-markdown { border: 1px solid var(--border-color-primary); border-radius: 10px; padding: 4px 18px;
                 background: var(--background-fill-primary); }
#plan-markdown h1 { font-size: 1.5em; }
#plan-markdown h2 { font-size: 1.2em; margin-top: 1.2em; }

/* Store stats */
.cb-stats table, .cb-stats thead, .cb-stats tbody, .cb-stats tr { border: none !important; }
.cb-stats table { border-collapse: collapse; width: 100%; max-width: 720px; }
.cb-stats td, .cb-stats th { border: none !important; border-bottom: 1px solid var(--border-color-primary) !important;
                             padding: 5px 8px; text-align: left; background: transparent; }
.cb-num { text-align: right !important; font-variant-numeric: tabular-nums; }
"""
