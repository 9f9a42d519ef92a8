"""Private files: the data dir holds conversations (with learners' profiles) and the store, so it
and everything in it are owner-only (0700 folders, 0600 files), whether careerbot created them or
found them; plan downloads go to a per-process private temp folder, deleted at exit."""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import stat
import tempfile
import threading
from pathlib import Path

log = logging.getLogger(__name__)

PRIVATE_DIR, PRIVATE_FILE = 0o700, 0o600
_temp_lock = threading.Lock()
_temp_dirs: dict[str, Path] = {}


def secure_data_dir(path: Path) -> list[Path]:
    """Create `path` (0700) if needed and make it and everything under it owner-only. Symlinks are
    not followed (a linked shared model folder stays as it is). Returns the paths that could not be
    fixed; each is logged as a warning that names it."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    unfixed = [p for p in [path] if not _restrict(p, PRIVATE_DIR)]
    for root, dirs, files in os.walk(path, followlinks=False):
        for name in dirs + files:
            entry = Path(root) / name
            if entry.is_symlink():
                continue
            if not _restrict(entry, PRIVATE_DIR if entry.is_dir() else PRIVATE_FILE):
                unfixed.append(entry)
    for entry in unfixed:
        log.warning("%s is readable by other users and careerbot cannot change that: chmod it to %s",
                    entry, "0700" if entry.is_dir() else "0600")
    return unfixed


def _restrict(path: Path, mode: int) -> bool:
    """Remove the bits `mode` lacks (group and other); never adds any. False when that failed."""
    try:
        current = stat.S_IMODE(path.lstat().st_mode)
        if current & 0o077:
            os.chmod(path, current & mode)
        return True
    except OSError:
        return False


def private_file(path: Path) -> Path:
    """Create `path` empty with 0600 when absent (before sqlite or anything else opens it with the
    umask's 0644), and restrict it when it exists."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    try:
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE))
    except OSError as error:
        log.warning("cannot create %s privately: %s", path, error)
    if not _restrict(path, PRIVATE_FILE):
        log.warning("%s is readable by other users and careerbot cannot change that: chmod it to 0600", path)
    return path


def private_temp_dir(prefix: str) -> Path:
    """One owner-only temp folder per process and prefix (mkdtemp: 0700, unguessable name),
    removed when the process exits."""
    with _temp_lock:
        if prefix not in _temp_dirs or not _temp_dirs[prefix].is_dir():
            folder = Path(tempfile.mkdtemp(prefix=prefix))
            _temp_dirs[prefix] = folder
            atexit.register(shutil.rmtree, folder, ignore_errors=True)
        return _temp_dirs[prefix]
