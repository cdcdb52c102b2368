"""'I meant this as ...': a disputed label is stored with its reply, shown on the chip and the
report, exported, and listed for trainers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from ask_dont_tell.trainer.storage import SessionStore, open_database
from ask_dont_tell.ui.report import ReportScreen, stored_report
from ask_dont_tell.ui.widgets import FeedbackChip

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, input: str | None = None):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], input=input, capture_output=True,
                          text=True, cwd=ROOT, timeout=120, env=dict(os.environ))


@pytest.fixture
def played(tmp_path):
    """A finished session (the salesperson gives up on being told) in its own database; returns
    (url, store, session id)."""
    url = f"sqlite:///{tmp_path / 'disputes.db'}"
    answers = tmp_path / "answers.txt"
    answers.write_text("You should just call them again.\nLeave it with me, I'll ring them myself.\n" * 5)
    result = run("rehearse", "just-tell-me", "--answers", str(answers), "--trainee", "Ana", "--database", url)
    assert result.returncode == 0, result.stderr
    store = SessionStore(open_database(url))
    session_id = store.history(trainee="Ana")[0]["id"]
    return url, store, session_id


def test_a_dispute_is_stored_listed_and_exported(played, tmp_path):
    url, store, session_id = played
    assert run("disputes", "--database", url).stdout.strip() == "0 disputed replies"
    store.dispute_label(session_id, 0, "open_question")
    with pytest.raises(ValueError):
        store.dispute_label(session_id, 0, "nonsense")
    listed = store.disputed_turns()
    assert [(t["reply"], t["label"], t["disputed_label"]) for t in listed] == [
        ("You should just call them again.", "advice", "open_question")]
    text = run("disputes", "--database", url).stdout
    assert "meant as open_question" in text and "classified as advice" in text and "1 disputed reply" in text
    entries = [json.loads(line) for line in run("disputes", "--json", "--database", url).stdout.splitlines()]
    assert entries[0]["label"] == "open_question" and entries[0]["classified_as"] == "advice"
    assert entries[0]["context"] and entries[0]["reply"] == "You should just call them again."
    out = tmp_path / "export.json"
    assert run("export", "--out", str(out), "--trainee", "Ana", "--database", url).returncode == 0
    assert '"disputed_label": "open_question"' in out.read_text() or \
        '"disputed_label":"open_question"' in out.read_text()
    store.dispute_label(session_id, 0, None)
    assert store.disputed_turns() == []


def test_the_chip_offers_i_meant_this_as_and_marks_the_classifiers_span(qtbot):
    reply = "Honestly, you should call them."
    chip = FeedbackChip(reply, "advice", "you should", "What have you tried?", span=(10, 20), not_sure=True,
                        disputable=True)
    qtbot.addWidget(chip)
    assert "you should</span>" in chip.reply.text()
    assert chip.not_sure and "not sure" in chip.accessibleName().lower()
    actions = {action.text(): action for action in chip.dispute_button.menu().actions()}
    assert "Advice" not in actions and "Open question" in actions
    with qtbot.waitSignal(chip.disputed, timeout=1000) as signal:
        actions["Open question"].trigger()
    assert signal.args == ["open_question"]
    assert chip.meant.isVisibleTo(chip) and "open question" in chip.meant.text()
    plain = FeedbackChip(reply, "advice", "you should", None)
    qtbot.addWidget(plain)
    assert plain.dispute_button is None and not plain.meant.isVisibleTo(plain)


def test_the_report_shows_a_disputed_reply(played, qtbot):
    _url, store, session_id = played
    store.dispute_label(session_id, 0, "reflection")
    screen = ReportScreen()
    qtbot.addWidget(screen)
    screen.show_report(stored_report(store.session_detail(session_id), None))
    texts = [label.text() for label in screen.findChildren(QLabel)]
    assert any("meant this as reflection" in text for text in texts)
