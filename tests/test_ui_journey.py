"""A newcomer's first hour, through the real window: the name asked at the first start, a practice
session ended early (with confirmation), the self-rating by key, the report at 1024x700, what to
practise next, a prep card for a real one-on-one with Marco, and the command-line export of what
was practised, all under the one name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QLabel

from test_cli_identity import pdf_text
from test_ui_flow import ADVICE, OPEN, close_window, end_by_keyboard, open_window, say
from ask_dont_tell.trainer.cli import main
from ask_dont_tell.trainer.profiles import Profiles
from ask_dont_tell.trainer.speech import SPEECH_ENV
from ask_dont_tell.ui.history import STATUS_WORDS
from ask_dont_tell.ui.prepare import prep_card_path

SMALL_TALK = "How was your weekend?"


@pytest.fixture
def first_start(qtbot, data_dir, monkeypatch):
    monkeypatch.setenv(SPEECH_ENV, "off")
    monkeypatch.setattr("ask_dont_tell.ui.firstrun.system_full_name", lambda: "Robin Example")
    window = open_window(qtbot, profile=None)
    yield window
    close_window(window)


def labels_text(widget) -> str:
    return " ".join(label.text() for label in widget.findChildren(QLabel))


def name_yourself(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.first_run is not None and window.first_run.isVisible())
    dialog = window.first_run
    assert dialog.name.text() == "Robin Example"  # prefilled from the system's full name
    assert not window.context.trainee  # nothing is recorded under a made-up name meanwhile
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)  # a name is needed: Esc does not skip it
    assert dialog.isVisible()
    dialog.name.selectAll()
    qtbot.keyClicks(dialog.name, "Sam Rivera")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.context.trainee == "Sam Rivera"


def test_a_newcomer_s_first_hour(qtbot, first_start, data_dir, tmp_path):
    window = first_start
    # before the name is given, the profile box says what it is waiting for, not a blank
    box = window.library.trainee_box
    assert box.currentIndex() == -1 and box.placeholderText() == "Your name"
    name_yourself(qtbot, window)
    qtbot.waitUntil(lambda: not window.context.tasks.busy)
    assert Profiles.load(data_dir).current == "Sam Rivera"  # the command line's default from now on
    library = window.library
    assert [library.trainee_box.itemText(i) for i in range(library.trainee_box.count())] == \
        ["Sam Rivera", "New profile…"]
    assert library.trainee_box.currentText() == "Sam Rivera"

    # what to practise next: a gentle start before any session
    home = library.home
    qtbot.waitUntil(home.isVisible)
    suggested = home.plan.suggestion
    assert suggested is not None and suggested.title in home.title.text()
    qtbot.mouseClick(home.go, Qt.MouseButton.LeftButton)
    briefing = window.briefing
    assert window.stack.currentWidget() is briefing and briefing.scenario.id == suggested.scenario

    # each briefing opens at its top, whatever the last one was scrolled to
    window.resize(1024, 700)
    bar = briefing.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    window.show_briefing("just-tell-me")
    qtbot.waitUntil(lambda: bar.value() == 0)
    assert "Tom is eight months into his first sales job" in labels_text(briefing)

    # a practice session, ended early with confirmation
    qtbot.keyClick(briefing, Qt.Key.Key_Return)
    practice = window.practice
    qtbot.waitUntil(lambda: practice.run is not None and practice.run.session_id is not None)
    for reply in (OPEN, ADVICE, SMALL_TALK):
        say(qtbot, window, reply)
    end_by_keyboard(qtbot, window, Qt.Key.Key_Escape)
    assert practice.in_progress
    end_by_keyboard(qtbot, window, Qt.Key.Key_Return)

    # the self-rating: no default, Enter records nothing, the digits rate; nothing clipped at 1024x700
    report = window.report
    panel = report.rating_panel
    assert window.stack.currentWidget() is report and panel is not None
    qtbot.waitUntil(lambda: panel.width() > 0 and report.scroll.viewport().width() > 0)
    assert not report.scroll.horizontalScrollBar().isVisible()
    for choice in panel.buttons.values():
        right = choice.mapTo(report.scroll.viewport(), choice.rect().bottomRight())
        assert right.x() <= report.scroll.viewport().width(), f"{choice.text()} is cut off"
    qtbot.keyClick(panel, Qt.Key.Key_Return)
    assert report.rating_panel is panel and "self_rating" not in report.data
    qtbot.keyClick(panel, Qt.Key.Key_2)
    assert report.data["self_rating"] == 2

    # counts say what they leave out
    evoking = next(line["text"] for line in report.data["breakdown"] if line.get("rule") == "evoking"
                   or "asked an open question or reflected" in line["text"])
    assert "of 2 replies asked" in evoking and "1 reply of small talk or other talk not counted" in evoking
    assert "1 other reply (small talk, affirmations) not counted" in report.measured_label.text()
    qtbot.waitUntil(lambda: report.data.get("session_id") is not None)

    # Retry this moment: Enter tries the rewrite, as Enter sends in practice
    retry = report.open_retry(1)
    qtbot.waitUntil(retry.isVisible)
    assert "Enter" in retry.editor.placeholderText()
    qtbot.keyClicks(retry.editor, "What do you think Karen is weighing up?")
    with qtbot.waitSignal(retry.shown, timeout=5_000) as shown:
        qtbot.keyClick(retry.editor, Qt.Key.Key_Return)
    assert shown.args[0].label == "open_question"
    retry.close()

    # history: closed, ended early; the home counts the day's practice
    window.show_history()
    history = window.history
    qtbot.waitUntil(lambda: history.model.rowCount() == 1)
    row = [history.model.item(0, column).text() for column in range(history.model.columnCount())]
    assert "Ended early" in row and STATUS_WORDS["finished"] in row and "Finished" not in row
    window.show_library()
    qtbot.waitUntil(lambda: home.plan is not None and home.plan.streak_days == 1)
    assert "1 day in a row" in home.streak.text() and "1 session this week" in home.streak.text()

    # a prep card for a real one-on-one with Marco, saved by default in the documents folder
    qtbot.mouseClick(library.prepare_button, Qt.MouseButton.LeftButton)
    dialog = window.prepare_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.situation.setCurrentIndex(dialog.situation.findData("blaming-the-leader"))
    qtbot.keyClicks(dialog.salesperson, "Marco")
    qtbot.keyClicks(dialog.topic, "Q3 territory split")
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    assert "Your goal with Marco: Help Marco find what was and is within their control" in labels_text(briefing)
    qtbot.mouseClick(briefing.start, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is practice and practice.scenario.id == "blaming-the-leader"
    qtbot.waitUntil(lambda: practice.run.session_id is not None)
    say(qtbot, window, OPEN)
    end_by_keyboard(qtbot, window, Qt.Key.Key_Return)
    qtbot.mouseClick(report.rating_panel.skip, Qt.MouseButton.LeftButton)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    proposed = Path(prep_card_path("blaming-the-leader", report.one_on_one))
    assert proposed == Path(documents) / "prep-card-marco.pdf"
    card = tmp_path / "marco.pdf"
    with qtbot.waitSignal(window.context.notice, timeout=10_000):
        report.save_prep_card(str(card))
    text = pdf_text(card)
    assert "One-on-one with Marco: Q3 territory split" in text and "for Sam Rivera" in text
    assert "Dana" not in text and " her " not in text and "within their control" in text
    assert "What's your own read on Q3 territory split?" in text
    qtbot.waitUntil(lambda: not window.context.tasks.busy)

    # the command line exports what was practised, under the same name, with no --trainee
    out = tmp_path / "mine.json"
    assert main(["export", "--out", str(out)]) == 0
    exported = json.loads(out.read_text())
    assert exported["trainee"] == "Sam Rivera" and len(exported["sessions"]) == 2


def test_what_to_practise_next_can_be_turned_off(qtbot, data_dir, monkeypatch):
    monkeypatch.setenv(SPEECH_ENV, "off")
    window = open_window(qtbot)
    try:
        home = window.library.home
        qtbot.waitUntil(home.isVisible)
        qtbot.mouseClick(home.off, Qt.MouseButton.LeftButton)
        assert not home.isVisible() and window.context.prefs.practise_next is False
        window.settings.practise_next.setChecked(True)
        assert window.context.prefs.practise_next is True and home.isVisible()
    finally:
        close_window(window)


def test_a_name_an_older_version_made_up_is_asked_again_and_its_practice_kept(qtbot, data_dir, monkeypatch):
    """Before profiles the app named the trainee after the login ("Root"): the name is asked, and the
    old name stays in the list so its sessions are still in reach."""
    from ask_dont_tell.trainer.profiles import system_user_name

    monkeypatch.setenv(SPEECH_ENV, "off")
    made_up = system_user_name().title()
    (data_dir / "settings.json").write_text(json.dumps({"trainee": made_up}), encoding="utf-8")
    window = open_window(qtbot, profile=None)
    try:
        qtbot.waitUntil(lambda: window.first_run is not None and window.first_run.isVisible())
        window.first_run.name.setText("Sam Rivera")
        window.first_run.accept()
        assert window.context.trainee == "Sam Rivera"
        qtbot.waitUntil(lambda: not window.context.tasks.busy)
        assert Profiles.load(data_dir) == Profiles((made_up, "Sam Rivera"), "Sam Rivera")
    finally:
        close_window(window)


def test_a_name_chosen_before_profiles_is_kept_without_asking(qtbot, data_dir, monkeypatch):
    monkeypatch.setenv(SPEECH_ENV, "off")
    (data_dir / "settings.json").write_text(json.dumps({"trainee": "Alex Morgan"}), encoding="utf-8")
    window = open_window(qtbot, profile=None)
    try:
        qtbot.waitUntil(lambda: window.context.trainee == "Alex Morgan")
        assert window.first_run is None
        qtbot.waitUntil(lambda: Profiles.load(data_dir).current == "Alex Morgan")
    finally:
        close_window(window)
