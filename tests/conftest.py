"""Shared test set-up: Qt runs offscreen, and no test may leave a thread running."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest

# Must be set before any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def skip_unless_ci(reason: str) -> None:
    """Skip a test whose real part (a server, an engine) is missing here; in CI, which installs
    every real part, the same absence is a failure, so nothing is skipped there unseen."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason}, and CI must provide it")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def no_thread_left_running():
    """Fail a test that leaves a Python thread behind (as napari's test suite does)."""
    before = set(threading.enumerate())
    yield
    leftover = [t for t in threading.enumerate() if t not in before and t.is_alive() and not t.daemon]
    for thread in leftover:
        thread.join(timeout=5)
    still = [t.name for t in leftover if t.is_alive()]
    assert not still, f"test left threads running: {still}"


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """A fresh, private data directory for the app and CLI, so no test touches the user's data."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("TRAINER_DATA_DIR", str(folder))
    monkeypatch.delenv("TRAINER_DATABASE_URL", raising=False)
    return folder
