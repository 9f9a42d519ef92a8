"""Ask a remote LLM server what it serves before trusting it: `prepare` and `serve` call this.

Without it, a wrong URL, a refused key or a model the server lacks shows up only on the first
user's question. Each failure becomes one LLMUnavailable line that names the problem and the
setting to change. With CAREERBOT_LLM_MODEL unset, a server serving exactly one model is asked
for that model (a vLLM or llama.cpp server answers 404 to a made-up name such as "default")."""

from __future__ import annotations

import httpx

from agent.llm.backend import LLMUnavailable

CHECK_TIMEOUT = httpx.Timeout(15.0, connect=5.0)
OLLAMA_DEFAULT = "qwen2.5:1.5b"


def openai_model(base_url: str, requested: str | None, api_key: str | None, timeout: httpx.Timeout = CHECK_TIMEOUT) -> str:
    """The model to ask an OpenAI-compatible server for, checked against its `GET /models`."""
    where = f"the OpenAI-compatible server at {base_url}"
    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    data = _get_json("GET", f"{base_url}/models", where, timeout=timeout, headers=headers,
                     advice="check CAREERBOT_LLM_BASE_URL (the API root, e.g. http://host:8000/v1) and that the server is running")
    served = [str(model.get("id")) for model in (data.get("data") or []) if isinstance(model, dict)]
    return _choose(where, requested, served)


def ollama_model(base_url: str, requested: str | None, timeout: httpx.Timeout = CHECK_TIMEOUT) -> str:
    """The model to ask Ollama for: CAREERBOT_LLM_MODEL, else the only pulled model (else the
    default name), checked with `POST /api/show`."""
    where = f"Ollama at {base_url}"
    advice = "start it with `ollama serve` and check CAREERBOT_LLM_BASE_URL"
    model = requested
    if not model:
        pulled = [str(m.get("name")) for m in (_get_json("GET", f"{base_url}/api/tags", where, advice=advice, timeout=timeout)
                                               .get("models") or []) if isinstance(m, dict)]
        model = pulled[0] if len(pulled) == 1 else OLLAMA_DEFAULT
    _get_json("POST", f"{base_url}/api/show", where, json={"model": model}, advice=advice, timeout=timeout,
              missing=f"{where} does not have the model {model!r}: run `ollama pull {model}` or set CAREERBOT_LLM_MODEL")
    return model


def _choose(where: str, requested: str | None, served: list[str]) -> str:
    if requested:
        if requested not in served:
            raise LLMUnavailable(f"{where} does not serve the model {requested!r} (it serves: {_names(served)}): "
                                 "set CAREERBOT_LLM_MODEL to one of those")
        return requested
    if len(served) == 1:
        return served[0]
    if not served:
        raise LLMUnavailable(f"{where} serves no model: load one into the server")
    raise LLMUnavailable(f"{where} serves {len(served)} models ({_names(served)}): "
                         "set CAREERBOT_LLM_MODEL to the one careerbot should use")


def _names(served: list[str]) -> str:
    return ", ".join(served[:8]) + (", …" if len(served) > 8 else "") if served else "none"


def _get_json(method: str, url: str, where: str, advice: str, missing: str | None = None,
              timeout: httpx.Timeout = CHECK_TIMEOUT, **kwargs) -> dict:
    """One request; every failure is one LLMUnavailable line (never the key, never a traceback)."""
    try:
        response = httpx.request(method, url, timeout=timeout, **kwargs)
    except httpx.TimeoutException as error:  # a hung server: said as such, not as unreachable
        raise LLMUnavailable(f"{where} did not answer in time ({type(error).__name__}; CAREERBOT_LLM_TIMEOUT_S): "
                             f"{advice}") from error
    except httpx.TransportError as error:
        raise LLMUnavailable(f"cannot reach {where} ({type(error).__name__}): {advice}") from error
    except httpx.InvalidURL as error:
        raise LLMUnavailable(f"{where}: not a valid URL ({error}): check CAREERBOT_LLM_BASE_URL") from error
    if response.status_code in (401, 403):
        raise LLMUnavailable(f"{where} refused the request (HTTP {response.status_code}, authentication): "
                             "check CAREERBOT_LLM_API_KEY")
    if response.status_code == 404:
        raise LLMUnavailable(missing or f"{where} has no {url.rsplit('/', 1)[-1]} endpoint (HTTP 404): {advice}")
    if response.status_code >= 400:
        raise LLMUnavailable(f"{where} answered HTTP {response.status_code} to {method} {url}: {advice}")
    try:
        data = response.json()
    except ValueError as error:
        raise LLMUnavailable(f"{where} sent a response careerbot could not read: {advice}") from error
    if not isinstance(data, dict):
        raise LLMUnavailable(f"{where} sent a response careerbot could not read: {advice}")
    return data
