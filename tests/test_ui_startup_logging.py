"""Qt Multimedia's own messages stay out of the terminal unless --verbose asks for them."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from PySide6.QtCore import QLoggingCategory, qWarning
    from ask_dont_tell.ui.app import quiet_multimedia_logging
    quiet_multimedia_logging(verbose={verbose})
    qWarning("PulseAudioService: pa_context_connect() failed")
    qWarning("No audio device detected")
    category = QLoggingCategory("qt.multimedia.ffmpeg")
    print("multimedia category on:", category.isWarningEnabled(), file=sys.stderr)
    qWarning("a message of the app's own")
""")


def run(verbose: bool) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", SCRIPT.format(root=str(ROOT), verbose=verbose)],
                          capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    return done.stderr


def test_multimedia_messages_are_quiet_and_others_are_not():
    err = run(verbose=False)
    assert "PulseAudioService" not in err and "No audio device" not in err
    assert "multimedia category on: False" in err
    assert "a message of the app's own" in err


def test_verbose_shows_them():
    err = run(verbose=True)
    assert "PulseAudioService" in err and "No audio device detected" in err
    assert "multimedia category on: True" in err


def test_main_accepts_verbose():
    from ask_dont_tell.trainer.cli import build_parser

    assert build_parser().parse_args(["--verbose"]).verbose is True
    assert build_parser().parse_args([]).verbose is False
