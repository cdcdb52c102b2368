"""The real main window, driven through qtbot offscreen: library, briefing, practice, report,
history, and continuing an interrupted session. Speech is off here (see test_ui_voice.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ask_dont_tell.trainer.speech import SPEECH_ENV
from ask_dont_tell.ui.app import create_application, create_main_window
from ask_dont_tell.ui.mainwindow import MainWindow

OPEN = "What have you tried so far?"
ADVICE = "You should call them tomorrow and ask for a decision."


def open_window(qtbot, profile: str | None = "Sam Rivera") -> MainWindow:
    """A fresh main window, shown, with scenarios, settings and the database loaded, practising as
    ``profile`` (None: a first start, which asks the user's name)."""
    if profile is not None:
        from ask_dont_tell.trainer.profiles import Profiles
        from ask_dont_tell.trainer.storage import default_data_dir

        Profiles().with_current(profile).save(default_data_dir())
    create_application()
    window = create_main_window()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.context.library is not None and window.context.store is not None
                    and (bool(window.context.trainee) or profile is None) and not window.context.tasks.busy,
                    timeout=20_000)
    return window


def close_window(window: MainWindow) -> None:
    window.close()
    assert not window.context.tasks.busy


@pytest.fixture
def window(qtbot, data_dir, monkeypatch):
    monkeypatch.setenv(SPEECH_ENV, "off")
    window = open_window(qtbot)
    yield window
    close_window(window)


def open_scenario_by_keyboard(qtbot, window: MainWindow, scenario_id: str) -> None:
    card = next(card for card in window.library.cards if card.scenario_id == scenario_id)
    card.setFocus()
    qtbot.keyClick(card, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.briefing


def say(qtbot, window: MainWindow, text: str) -> None:
    """Type a reply and press Enter; wait until its feedback is on screen."""
    practice = window.practice
    before = len(practice.session.turns)
    qtbot.keyClicks(practice.reply_box, text)
    with qtbot.waitSignal(practice.turn_shown, timeout=5_000):
        qtbot.keyClick(practice.reply_box, Qt.Key.Key_Return)
    assert len(practice.session.turns) == before + 1


def start(qtbot, window: MainWindow, scenario_id: str = "just-tell-me") -> None:
    open_scenario_by_keyboard(qtbot, window, scenario_id)
    qtbot.keyClick(window.briefing, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.practice
    qtbot.waitUntil(lambda: window.practice.run.session_id is not None)


def test_fresh_start_lists_every_scenario_with_filters(qtbot, window):
    library = window.library
    assert window.context.data_dir.is_dir()
    assert len(library.cards) == len(window.context.library.scenarios) >= 5
    assert library.loading.isHidden()
    library.search.setText("harlow")
    assert [card.scenario_id for card in library.cards] == ["just-tell-me"]
    library.search.clear()
    library.level_filter.setCurrentIndex(library.level_filter.findData(3))
    assert library.cards and all(window.context.library.get(c.scenario_id).difficulty == 3 for c in library.cards)
    library.level_filter.setCurrentIndex(0)
    tag = window.context.library.get("just-tell-me").tags[0]
    library.tag_filter.setCurrentIndex(library.tag_filter.findData(tag))
    assert all(tag in window.context.library.get(c.scenario_id).tags for c in library.cards)


def test_briefing_shows_situation_goal_and_rubric(qtbot, window):
    open_scenario_by_keyboard(qtbot, window, "just-tell-me")
    texts = " ".join(label.text() for label in window.briefing.findChildren(type(window.briefing.title)))
    scenario = window.context.library.get("just-tell-me")
    assert scenario.persona.name in texts
    assert "Your coaching goal" in texts and "How you are scored" in texts
    assert "up to +40" in texts and "Talk ratio" in texts and "Takeover" in texts
    qtbot.keyClick(window.briefing, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.library


def test_keyboard_practice_loop_gives_chips_and_a_report_that_is_saved(qtbot, window):
    start(qtbot, window)
    practice = window.practice
    assert practice.reply_box.hasFocus()

    say(qtbot, window, OPEN)
    chip = practice.chips[-1]
    assert chip.label == "open_question"
    assert "<span" in chip.reply.text() and "What have you tried" in chip.reply.text()
    assert chip.try_instead is None
    assert practice.persona.openness.value == 1

    say(qtbot, window, ADVICE)
    chip = practice.chips[-1]
    assert chip.label == "advice"
    assert chip.try_instead is not None and chip.try_instead.text().startswith("Try instead:")
    suggestions = {q for node in window.context.library.get("just-tell-me").nodes.values() for q in node.try_instead}
    assert chip.try_instead.text().removeprefix("Try instead: ") in suggestions

    qtbot.keyClicks(practice.reply_box, "So you feel stuck.")  # Shift+Enter: a new line, not a send
    qtbot.keyClick(practice.reply_box, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert "\n" in practice.reply_box.toPlainText() and len(practice.session.turns) == 2
    practice.reply_box.clear()

    qtbot.keyClick(practice.reply_box, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert any("Hint:" in label.text() for label in practice.findChildren(type(practice.title)))

    end_by_keyboard(qtbot, window, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.report
    report = window.report.data
    assert report["outcome"] == "unfinished"
    assert [t["label"] for t in report["turns"]] == ["open_question", "advice"]
    assert sum(line["points"] for line in report["breakdown"]) == report["score"]
    qtbot.waitUntil(lambda: report["session_id"] is not None)

    window.show_history()
    qtbot.waitUntil(lambda: window.history.model.rowCount() == 1)
    assert window.history.select_session(report["session_id"])
    qtbot.keyClick(window.history.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.report)
    stored = window.report.data
    assert stored["session_id"] == report["session_id"]
    assert stored["score"] == report["score"]
    assert [t["label"] for t in stored["turns"]] == ["open_question", "advice"]
    assert stored["turns"][1]["try_instead"] == report["turns"][1]["try_instead"]


def test_a_successful_conversation_ends_on_its_own(qtbot, window):
    start(qtbot, window)
    practice = window.practice
    while not practice.session.finished:
        say(qtbot, window, OPEN)
    assert practice.session.outcome == "success"
    assert practice.ended_row.isVisible() and practice.report_button.hasFocus()
    assert not practice.reply_box.isEnabled()
    qtbot.keyClick(practice.report_button, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.report
    assert window.report.data["outcome"] == "success" and window.report.data["summary"]
    qtbot.waitUntil(lambda: window.library.best.get("just-tell-me") == window.report.data["score"])
    card = next(c for c in window.library.cards if c.scenario_id == "just-tell-me")
    assert f"Best score {window.report.data['score']}" in card.accessibleName()


def test_feedback_can_wait_for_the_report(qtbot, window):
    open_scenario_by_keyboard(qtbot, window, "just-tell-me")
    window.briefing.live.setChecked(False)
    qtbot.keyClick(window.briefing, Qt.Key.Key_Return)
    say(qtbot, window, ADVICE)
    assert window.practice.chips == []
    end_by_keyboard(qtbot, window, Qt.Key.Key_Escape)  # Esc: the conversation goes on
    assert window.stack.currentWidget() is window.practice and window.practice.in_progress
    end_by_keyboard(qtbot, window, Qt.Key.Key_Return)  # Enter: ended
    assert window.report.data["turns"][0]["label"] == "advice"


def end_by_keyboard(qtbot, window: MainWindow, answer: Qt.Key) -> None:
    """Ctrl+E, then answer the confirmation with a key (shortcuts need the window active, which the
    offscreen platform does not give back by itself after a dialog)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.practice.reply_box, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    box = window.practice.end_confirmation
    qtbot.waitUntil(box.isVisible)
    assert window.practice.in_progress, "Ctrl+E must not end the session before it is confirmed"
    qtbot.keyClick(box, answer)
    qtbot.waitUntil(lambda: not box.isVisible())


def test_ending_before_any_reply_drops_the_session(qtbot, window):
    start(qtbot, window)
    end_by_keyboard(qtbot, window, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.library
    qtbot.waitUntil(lambda: not window.context.tasks.busy)
    assert window.context.store.history() == []


def test_an_interrupted_session_can_be_continued_after_a_restart(qtbot, data_dir, monkeypatch):
    monkeypatch.setenv(SPEECH_ENV, "off")
    first = open_window(qtbot)
    start(qtbot, first)
    say(qtbot, first, OPEN)
    line = first.practice.session.current_line
    close_window(first)  # the app closes mid-session: the reply is kept

    second = open_window(qtbot)
    library = second.library
    qtbot.waitUntil(lambda: library.continue_box.isVisible())
    assert library.interrupted[0]["turn_count"] == 1
    second.continue_session(library.interrupted[0]["id"])
    qtbot.waitUntil(lambda: second.stack.currentWidget() is second.practice)
    practice = second.practice
    assert practice.session.current_line == line and len(practice.session.turns) == 1
    assert [chip.label for chip in practice.chips] == ["open_question"]
    say(qtbot, second, OPEN)
    practice.end_now()
    qtbot.waitUntil(lambda: second.report.data.get("session_id") is not None)
    history = second.context.store.history()
    assert len(history) == 1 and history[0]["status"] == "finished" and history[0]["turn_count"] == 2
    close_window(second)


def test_trainee_profiles_can_be_created_and_switched(qtbot, window):
    library = window.library
    first = window.context.trainee
    library.trainee_box.setCurrentIndex(library.trainee_box.findText("New profile…"))
    library._trainee_chosen(library.trainee_box.currentIndex())
    assert library.new_trainee.isVisible()
    qtbot.keyClicks(library.new_trainee, "Alex Morgan")
    qtbot.keyClick(library.new_trainee, Qt.Key.Key_Return)
    assert window.context.trainee == "Alex Morgan"
    qtbot.waitUntil(lambda: "Alex Morgan" in window.context.store.trainees())
    qtbot.waitUntil(lambda: library.trainee_box.findText(first) >= 0)
    library.trainee_box.setCurrentIndex(library.trainee_box.findText(first))
    library._trainee_chosen(library.trainee_box.currentIndex())
    assert window.context.trainee == first


def test_the_window_works_at_1024_by_700(qtbot, window):
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    assert window.library.cards and window.library.cards[0].isVisible()
    start(qtbot, window)
    say(qtbot, window, OPEN)
    assert window.practice.reply_box.isVisible() and window.practice.send_button.isVisible()
    assert window.practice.persona.isVisible()
