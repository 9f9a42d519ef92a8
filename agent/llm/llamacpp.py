"""The embedded backend: a GGUF model run in-process by llama-cpp-python.

A thin adapter rather than LangChain's ChatLlamaCpp: careerbot needs one model per process
behind a lock (a `Llama` object is not safe for concurrent use), token streaming, and llama.cpp's
prompt cache kept warm across requests (the fixed system prompt comes first, so follow-ups only
pay for their new tokens). That is a few lines here and saves the langchain-community dependency."""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import Iterator

from agent.llm.backend import LLMUnavailable, Message

log = logging.getLogger(__name__)


class LlamaCppBackend:
    name = "embedded"

    def __init__(self, model_path: Path, n_ctx: int = 4096, n_threads: int | None = None, seed: int = 0,
                 user_supplied: bool = False, use_mmap: bool = False) -> None:
        """`use_mmap=False` (default): llama.cpp repacks the Q4_K weights into its own buffers at load,
        so with mmap the file's pages stay resident beside that copy. Measured on this model: RSS
        1.92 GB with mmap, 1.31 GB without (the model alone, after a short answer)."""
        try:
            from llama_cpp import Llama
        except ImportError as error:
            raise LLMUnavailable("llama-cpp-python is not installed: run `make setup`") from error
        if not Path(model_path).is_file():
            where = "check CAREERBOT_LLM_MODEL_PATH" if user_supplied else "run `careerbot prepare`"
            raise LLMUnavailable(f"model file {model_path} not found: {where}")
        threads = n_threads or os.cpu_count() or 2
        try:
            self.llm = Llama(model_path=str(model_path), n_ctx=n_ctx, n_threads=threads, n_threads_batch=threads,
                             seed=seed, verbose=False, use_mmap=use_mmap)
        except (ValueError, RuntimeError, OSError) as error:
            repair = ("check that CAREERBOT_LLM_MODEL_PATH names a GGUF chat model" if user_supplied
                      else "delete it and run `careerbot prepare`")  # never tell anyone to delete their own file
            raise LLMUnavailable(f"cannot load the model {model_path} ({error}): {repair}") from error
        self.lock = threading.Lock()
        self.model_path = Path(model_path)

    def stream(self, messages: list[Message], max_tokens: int, temperature: float) -> Iterator[str]:
        """Holds the lock for the whole generation: concurrent users queue here, one at a time."""
        with self.lock:
            chunks = self.llm.create_chat_completion(
                messages=[{"role": m.role, "content": m.content} for m in messages],
                max_tokens=max_tokens, temperature=temperature, top_p=0.9, repeat_penalty=1.1,
                stream=True, seed=0,
            )
            for chunk in chunks:
                piece = chunk["choices"][0]["delta"].get("content")
                if piece:
                    yield piece
