"""Self-assessment in the real main window (offscreen): prepare for a one-on-one, rate yourself
before the report, retry a moment, save a prep card, and see progress per skill."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from ask_dont_tell.trainer.labels import SHORT_NAMES, Label
from ask_dont_tell.trainer.progress import SKILLS
from ask_dont_tell.trainer.speech import SPEECH_ENV
from test_ui_flow import open_window
from ask_dont_tell.ui.mainwindow import MainWindow

SCENARIO = "just-tell-me"
TELLING = "You should just call them again."
OPEN = "What have you tried so far?"
REWRITE = "What do you think Karen is weighing up right now?"


@pytest.fixture
def window(qtbot, data_dir, monkeypatch):
    monkeypatch.setenv(SPEECH_ENV, "off")
    window = open_window(qtbot)
    yield window
    window.close()
    assert not window.context.tasks.busy


def say(qtbot, window: MainWindow, text: str) -> None:
    practice = window.practice
    qtbot.keyClicks(practice.reply_box, text)
    with qtbot.waitSignal(practice.turn_shown, timeout=5_000):
        qtbot.keyClick(practice.reply_box, Qt.Key.Key_Return)


def rehearse_for_a_one_on_one(qtbot, window: MainWindow) -> None:
    """Prepare: pick the situation, name the salesperson and topic, rehearse to the end."""
    qtbot.mouseClick(window.library.prepare_button, Qt.MouseButton.LeftButton)
    dialog = window.prepare_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.situation.setCurrentIndex(dialog.situation.findData(SCENARIO))
    assert "Harlow" in dialog.description.text()
    qtbot.keyClicks(dialog.salesperson, "Marco")
    qtbot.keyClicks(dialog.topic, "Q3 territory split")
    dialog.pronouns.setCurrentIndex(dialog.pronouns.findData("he"))
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    briefing = window.briefing  # the rehearsal's briefing opens with the real conversation, at its top
    assert window.stack.currentWidget() is briefing
    texts = " ".join(label.text() for label in briefing.findChildren(QLabel))
    assert "Your one-on-one with Marco" in texts and "“Q3 territory split”" in texts
    assert "Your goal with Marco: Help Marco work out his own next move" in texts
    assert briefing.scroll.verticalScrollBar().value() == 0
    qtbot.keyClick(briefing, Qt.Key.Key_Return)
    practice = window.practice
    assert window.stack.currentWidget() is practice and practice.scenario.id == SCENARIO
    qtbot.waitUntil(lambda: practice.run.session_id is not None)
    say(qtbot, window, TELLING)
    while not practice.session.finished:
        say(qtbot, window, OPEN)
    qtbot.mouseClick(practice.report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.report.data.get("session_id") is not None)


def test_self_rating_comes_before_the_report_and_sits_beside_the_measures(qtbot, window):
    rehearse_for_a_one_on_one(qtbot, window)
    report = window.report
    assert window.stack.currentWidget() is report
    assert report.rating_panel is not None and report.rating_panel.isVisible()
    assert not [label for label in report.findChildren(QLabel) if label.text().startswith("Where the points")]
    assert not any(choice.hasFocus() for choice in report.rating_panel.buttons.values())  # no default choice
    qtbot.keyClick(report.rating_panel, Qt.Key.Key_Return)  # a stray Enter records nothing
    assert report.rating_panel is not None and report.data.get("self_rating") is None

    qtbot.keyClick(report.rating_panel, Qt.Key.Key_4)  # the digit keys rate

    assert report.self_rating_label.text() == "You rated yourself: 4 / 5"
    share = report.data["measures"]["open_question_share"]
    assert f"open-question share {share:.0%}" in report.measured_label.text()
    assert re.search(r"Measured: [1-5] / 5", report.measured_label.text())
    store, session_id = window.context.store, report.data["session_id"]
    qtbot.waitUntil(lambda: store.session_detail(session_id)["self_rating"] == 4)

    window.open_stored_report(session_id)  # a stored report shows the rating, without asking again
    qtbot.waitUntil(lambda: report.data.get("id") == session_id)
    assert report.rating_panel is None and report.self_rating_label.text() == "You rated yourself: 4 / 5"


def test_retry_a_telling_reply_as_an_open_question_leaves_the_session_unchanged(qtbot, window):
    rehearse_for_a_one_on_one(qtbot, window)
    report = window.report
    qtbot.mouseClick(report.rating_panel.skip, Qt.MouseButton.LeftButton)
    session_id = report.data["session_id"]
    before = window.context.store.session_detail(session_id)
    assert before["turns"][0]["label"] == "advice" and before["self_rating"] is None

    retry_button = next(b for b in report.findChildren(QPushButton) if b.accessibleName().startswith("Retry reply 1:"))
    qtbot.mouseClick(retry_button, Qt.MouseButton.LeftButton)
    dialog = report.retry_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.editor, REWRITE)
    with qtbot.waitSignal(dialog.shown, timeout=5_000) as shown:
        qtbot.keyClick(dialog.editor, Qt.Key.Key_Return)  # Enter tries it, as Enter sends in practice

    result = shown.args[0]
    assert result.label == "open_question" and result.response
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert f"{report.data['persona']}: {result.response}" in texts
    pills = [label.accessibleName() for label in dialog.findChildren(QLabel)]
    assert f"Label: {SHORT_NAMES[Label.OPEN_QUESTION]}" in pills
    assert result.response != before["turns"][0]["response"]
    dialog.close()
    qtbot.waitUntil(lambda: not window.context.tasks.busy)
    assert window.context.store.session_detail(session_id) == before


def test_prep_card_is_written_off_the_ui_thread(qtbot, window, tmp_path):
    rehearse_for_a_one_on_one(qtbot, window)
    report = window.report
    qtbot.mouseClick(report.rating_panel.skip, Qt.MouseButton.LeftButton)
    assert (report.one_on_one.salesperson, report.one_on_one.topic, report.one_on_one.pronouns) == \
        ("Marco", "Q3 territory split", "he")
    out = tmp_path / "card.pdf"
    with qtbot.waitSignal(window.context.notice, timeout=10_000) as notice:
        report.save_prep_card(str(out))
    assert notice.args[0] == f"Prep card saved: {out}"
    pdf = out.read_bytes()
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page(?![a-z])", pdf)) == 1


@pytest.mark.parametrize(("locale", "media_box"), [("en_US", rb"/MediaBox\s*\[0 0 612"), ("de_DE", rb"/MediaBox\s*\[0 0 595")])
def test_the_prep_card_paper_follows_the_system_locale(qtbot, window, tmp_path, monkeypatch, locale, media_box):
    from PySide6.QtCore import QLocale

    from ask_dont_tell.ui.prepare import write_prep_card_later

    for name in ("LC_ALL", "LC_PAPER", "LANG"):
        monkeypatch.setenv(name, "C")  # the variables say nothing; the system locale decides
    previous = QLocale()
    QLocale.setDefault(QLocale(locale))
    try:
        out = tmp_path / "card.pdf"
        with qtbot.waitSignal(window.context.notice, timeout=10_000):
            write_prep_card_later(window.context, "just-tell-me", str(out))
    finally:
        QLocale.setDefault(previous)
    assert re.search(media_box, out.read_bytes())


def test_progress_per_skill_shows_three_charts_and_the_ready_marks(qtbot, window):
    rehearse_for_a_one_on_one(qtbot, window)
    qtbot.mouseClick(window.report.rating_panel.skip, Qt.MouseButton.LeftButton)
    window.show_history()
    progress = window.progress
    with qtbot.waitSignal(progress.refreshed, timeout=5_000):
        qtbot.mouseClick(window.history.progress_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is progress
    assert set(progress.charts) == set(SKILLS)
    assert all(len(chart.series.values) == 1 for chart in progress.charts.values())
    share = window.report.data["measures"]["evoking_share"]
    assert progress.charts["evoking_share"].series.values == [pytest.approx(share)]
    mark = progress.marks[SCENARIO]
    assert mark.attempts == 1 and not mark.ready
    pills = [label.accessibleName() for label in progress.findChildren(QLabel)]
    assert "Just tell me what to do: not ready yet" in pills
    qtbot.mouseClick(progress.back, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.history
