"""Private files: an existing data dir and everything in it become owner-only, the conversation
database is 0600 from its first byte, plan downloads live in a private folder gone at exit."""

import os
import stat
import subprocess
import sys
import uuid
from pathlib import Path

from agent.guards.files import private_temp_dir, secure_data_dir
from agent.runtime import Runtime
from agent.service import Careerbot
from agent.settings import Settings


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_an_existing_open_data_dir_is_made_private(tmp_path):
    data = tmp_path / "data"
    (data / "chroma" / "index").mkdir(parents=True)
    for folder in (data, data / "chroma", data / "chroma" / "index"):
        folder.chmod(0o755)
    (data / "conversations.sqlite").write_text("x")
    (data / "chroma" / "chroma.sqlite3").write_text("x")
    for file in (data / "conversations.sqlite", data / "chroma" / "chroma.sqlite3"):
        file.chmod(0o644)
    shared = tmp_path / "shared-models"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    (data / "models").symlink_to(shared)

    assert secure_data_dir(data) == []
    assert {mode(p) for p in (data, data / "chroma", data / "chroma" / "index")} == {0o700}
    assert {mode(p) for p in (data / "conversations.sqlite", data / "chroma" / "chroma.sqlite3")} == {0o600}
    assert mode(shared) == 0o755  # a linked shared folder is not someone else's business to change


def test_the_store_and_conversations_are_private_in_a_new_data_dir(tmp_path, small_corpus, embedding_model):
    data = tmp_path / "fresh"
    runtime = Runtime(Settings(data_dir=data, corpus_dir=small_corpus, llm="none"))
    runtime.ingest(progress=False)
    Careerbot(runtime, use_llm=False).ask("How do I scale the inference service?", uuid.uuid4().hex)
    assert mode(data / "conversations.sqlite") == 0o600
    loose = [p for p in data.rglob("*") if not p.is_symlink() and mode(p) & 0o077]
    assert loose == []


def test_plan_downloads_go_to_a_private_folder_removed_at_exit(tmp_path):
    folder = private_temp_dir("careerbot-test-")
    assert mode(folder) == 0o700 and private_temp_dir("careerbot-test-") == folder
    script = ("from agent.guards.files import private_temp_dir; d = private_temp_dir('careerbot-plans-'); "
              "(d / 'plan.md').write_text('profile'); print(d)")
    printed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                             env={**os.environ, "TMPDIR": str(tmp_path)}).stdout.strip()
    assert printed.startswith(str(tmp_path)) and not Path(printed).exists()


def test_the_web_app_writes_plans_to_the_private_folder():
    from ui.plan import DOWNLOADS

    assert mode(DOWNLOADS) == 0o700 and DOWNLOADS.name.startswith("careerbot-plans-")
    assert not str(DOWNLOADS).endswith("/careerbot-plans")
