"""The eval suites: one module each, `run(context) -> SuiteResult`, metrics defined in its docstring."""

from __future__ import annotations

import logging
import tempfile
import uuid
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

log = logging.getLogger(__name__)

NAMES = ("retrieval", "answers", "probes", "plans", "checker")
LLM_SUITES = ("answers", "probes")  # what careerbot says depends on the model: their section is "<suite>_<llm>"


@dataclass
class SuiteResult:
    """One suite's outcome. Only `metrics` is gated and compared between runs: deterministic numbers
    in [0, 1] (or counts), rounded to 4 places. `timings` holds latency, shown but never gated."""

    suite: str                                   # module name: "answers"
    section: str                                 # metrics.json / thresholds.toml section: "answers_none"
    metrics: dict[str, float]
    rows: list[dict[str, Any]] = field(default_factory=list)   # one per question, for the report's table
    extra: dict[str, Any] = field(default_factory=dict)        # more detail for the report (worst answers, …)
    timings: dict[str, float] = field(default_factory=dict)


def rounded(metrics: dict[str, float]) -> dict[str, float]:
    return {key: round(float(value), 4) for key, value in metrics.items()}


def section_name(suite: str, llm: str) -> str:
    return f"{suite}_{llm}" if suite in LLM_SUITES else suite


def suite_of(section: str) -> str:
    """"answers_none" → "answers"; "plans" → "plans"."""
    head = section.split("_", 1)[0]
    return head if head in LLM_SUITES else section


class Context:
    """What the suites share in one run: a Runtime over a temp data dir (ingested once, so an eval
    never touches the user's store), the careerbots built on it, the LLM mode and the row limit.
    Tests pass their own `runtime` (and a scripted `backend`) to reuse an ingested store."""

    def __init__(self, llm: str = "none", limit: int | None = None, runtime=None, backend=None,
                 progress: bool = False) -> None:
        self.llm = llm
        self.limit = limit
        self.progress = progress
        self._runtime = runtime
        self._backend = backend
        self._temp: tempfile.TemporaryDirectory | None = None
        self._bots: dict[bool, Any] = {}
        self._run = uuid.uuid4().hex[:8]

    def thread(self, suite: str, row_id: str) -> str:
        """A fresh conversation per suite, row and run: a reused runtime keeps earlier runs' threads,
        and two suites that play the same conversation must not continue each other's."""
        return f"eval-{self._run}-{suite}-{row_id}"

    def take(self, rows: list) -> list:
        """The first `limit` rows (all when no limit): a stable subset for quick runs."""
        return rows if self.limit is None else rows[: self.limit]

    def bar(self, rows: list, what: str):
        """`rows`, with a progress bar on stderr when asked for (answers with a model take minutes)."""
        from tqdm import tqdm

        return tqdm(rows, desc=what, unit="q", leave=False, disable=not self.progress)

    @cached_property
    def runtime(self):
        if self._runtime is not None:
            return self._runtime
        from agent.runtime import Runtime
        from agent.settings import PROJECT_ROOT, Settings

        self._temp = tempfile.TemporaryDirectory(prefix="careerbot-eval-", ignore_cleanup_errors=True)
        # chroma_host=None: even when CAREERBOT_CHROMA_HOST points at a server, the eval's store is its own.
        runtime = Runtime(Settings(data_dir=self._temp.name, corpus_dir=PROJECT_ROOT / "corpus", llm="none",
                                   chroma_host=None))
        log.info("ingesting the corpus into %s", self._temp.name)
        runtime.ingest(progress=False)
        return runtime

    def bot(self, use_llm: bool):
        """The careerbot that answers: extractive (use_llm=False) or with this run's model."""
        if use_llm not in self._bots:
            from agent.service import Careerbot

            backend = self.backend if use_llm else None
            self._bots[use_llm] = Careerbot(self.runtime, use_llm=use_llm, llm=backend)
        return self._bots[use_llm]

    @cached_property
    def backend(self):
        """The model for --llm embedded (loaded once; raises LLMUnavailable rather than quietly
        answering extractively). The assembled model file is read from the user's data dir."""
        if self._backend is not None or self.llm == "none":
            return self._backend
        from agent.llm import LLMUnavailable, load_backend
        from agent.settings import get_settings

        if self.llm == "configured":
            # What the deployment uses (CAREERBOT_LLM and friends): embedded, Ollama or an
            # OpenAI-compatible server, checked before the first question.
            return load_backend(get_settings(), progress=True)
        from agent.llm.model_file import MODEL_FILENAME, ModelFileError, assemble
        from agent.settings import Settings

        user = get_settings()
        try:
            path = user.llm_model_path or assemble(user.data_dir / "models" / MODEL_FILENAME, progress=True)
        except ModelFileError as error:
            raise LLMUnavailable(str(error)) from error
        return load_backend(Settings(data_dir=user.data_dir, llm=self.llm, llm_model_path=path), progress=False)

    @property
    def model(self) -> str:
        """The model this run answers with, as the report names it."""
        from agent.llm import describe

        return describe(self.backend)

    def close(self) -> None:
        if self._temp is not None:
            self._temp.cleanup()
            self._temp = None
