"""careerbot ui: the Gradio app and the `careerbot` command line."""

import ingest  # noqa: F401  (offline environment, and Gradio analytics off, before gradio is imported)
