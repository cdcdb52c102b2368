"""Workshop screens driven through qtbot offscreen: a timed drill, presenter mode, the cohort view."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from ask_dont_tell.trainer.engine import Session
from ask_dont_tell.trainer.exchange import export_sessions
from ask_dont_tell.trainer.scenario import load_library
from ask_dont_tell.trainer.speech import SPEECH_ENV
from ask_dont_tell.trainer.storage import SessionStore, open_database
from test_ui_flow import open_window
from ask_dont_tell.ui.app import create_application
from ask_dont_tell.ui.mainwindow import MainWindow
from ask_dont_tell.ui.presenter import PresenterWindow, presenter_prompts
from ask_dont_tell.ui.widgets import FeedbackChip

OPEN = "What have you tried so far?"
ADVICE = "You should call them tomorrow and ask for a decision."


@pytest.fixture
def window(qtbot, data_dir, monkeypatch):
    monkeypatch.setenv(SPEECH_ENV, "off")
    window = open_window(qtbot)
    yield window
    window.close()
    assert not window.context.tasks.busy


def menu_action(window: MainWindow, menu_title: str, action_title: str):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == menu_title)
    return next(a for a in menu.actions() if a.text().replace("&", "").rstrip("…") == action_title)


def answer(qtbot, drill, text: str) -> None:
    qtbot.keyClicks(drill.reply_box, text)
    qtbot.keyClick(drill.reply_box, Qt.Key.Key_Return)
    assert drill.next_button.isEnabled(), (drill.reply_box.text(), drill.remaining, drill.run and drill.run.answers)


def test_a_drill_runs_against_the_clock_and_ends_with_a_score_sheet(qtbot, window):
    menu_action(window, "Workshop", "Drills").trigger()
    drill = window.drill_window
    qtbot.waitUntil(lambda: drill.drill_list.count() >= 3)
    warm_up = next(i for i, d in enumerate(drill.drills) if d.id == "ask-dont-tell-warm-up")
    drill.drill_list.setCurrentRow(warm_up)
    assert drill.seconds_box.value() == drill.drills[warm_up].seconds_per_prompt
    drill.timer.setInterval(20)  # a short configured second, so the countdown expires quickly
    drill.seconds_box.setValue(5)
    qtbot.mouseClick(drill.start_button, Qt.MouseButton.LeftButton)
    assert drill.pages.currentIndex() == 1 and "Prompt 1 of 8" in drill.progress_label.text()
    assert "Harlow" in drill.line.text() and drill.context_line.text()

    answer(qtbot, drill, OPEN)
    chips = drill.findChildren(FeedbackChip)
    assert [chip.label for chip in chips] == ["open_question"] and chips[0].try_instead is None
    qtbot.mouseClick(drill.next_button, Qt.MouseButton.LeftButton)
    assert "Prompt 2 of 8" in drill.progress_label.text() and drill.reply_box.isEnabled()

    answer(qtbot, drill, ADVICE)
    qtbot.waitUntil(lambda: any(c.label == "advice" for c in drill.findChildren(FeedbackChip)))
    chip = next(c for c in drill.findChildren(FeedbackChip) if c.label == "advice")
    assert chip.try_instead is not None and "Try instead" in chip.try_instead.text()
    qtbot.mouseClick(drill.next_button, Qt.MouseButton.LeftButton)

    seen = set()
    drill.timer.timeout.connect(lambda: seen.add(drill.countdown.text()))
    qtbot.waitUntil(lambda: drill.countdown.text() == "Time's up", timeout=5_000)
    assert {"4 s", "1 s"} <= seen
    assert not drill.reply_box.isEnabled() and drill.next_button.isEnabled()
    assert any("Time's up" in label.text() for label in drill.findChildren(QLabel))

    while drill.pages.currentIndex() == 1:
        qtbot.mouseClick(drill.next_button, Qt.MouseButton.LeftButton)
        if drill.pages.currentIndex() == 1:
            answer(qtbot, drill, "What would a good outcome look like for you?")
    assert drill.pages.currentIndex() == 2
    assert drill.sheet_summary.text().startswith("6 open questions out of 8 prompts")
    assert "1 told" in drill.sheet_summary.text() and "1 ran out of time" in drill.sheet_summary.text()
    labels = [drill.sheet_table.item(row, 2).text() for row in range(drill.sheet_table.rowCount())]
    assert labels[:3] == ["Open question", "Advice", "Time's up"]
    drill.close()


def test_presenter_mode_labels_as_the_trainer_types_and_keeps_the_tally(qtbot):
    create_application()
    presenter = PresenterWindow(presenter_prompts(load_library()))
    qtbot.addWidget(presenter)
    presenter.show()
    qtbot.waitExposed(presenter)
    first_line = presenter.prompt.text()
    assert first_line.startswith("Tom Reilly:")
    qtbot.keyClicks(presenter.entry, OPEN)
    qtbot.waitUntil(lambda: "Open question" in presenter.live.text())
    qtbot.keyClick(presenter.entry, Qt.Key.Key_Return)
    assert (presenter.asks, presenter.tells) == (1, 0) and presenter.entry.text() == ""
    qtbot.keyClicks(presenter.entry, ADVICE)
    qtbot.waitUntil(lambda: "Advice" in presenter.live.text())
    qtbot.keyClick(presenter.entry, Qt.Key.Key_Return)
    assert (presenter.asks, presenter.tells) == (1, 1)
    assert "Asks 1" in presenter.tally.text() and "Tells 1" in presenter.tally.text()
    assert presenter.board.item(0).text() == f"Advice:  {ADVICE}"
    qtbot.keyClicks(presenter.entry, "Half typed")
    qtbot.keyClick(presenter.entry, Qt.Key.Key_PageDown)
    assert presenter.prompt.text() != first_line
    # a new line starts with a clean board, live label and tally; the session's total is kept
    assert presenter.board.count() == 0 and presenter.live.text() == "" and presenter.entry.text() == ""
    assert "Asks 0" in presenter.tally.text() and "Tells 0" in presenter.tally.text()
    assert "Whole session: asks 1, tells 1" in presenter.tally.text() and (presenter.asks, presenter.tells) == (1, 1)
    qtbot.keyClicks(presenter.entry, OPEN)
    qtbot.keyClick(presenter.entry, Qt.Key.Key_Return)
    assert (presenter.line_asks, presenter.asks) == (1, 2) and presenter.board.count() == 1
    qtbot.keyClicks(presenter.entry, "Why didn't you follow up sooner?")  # a judgment: neither, and said so
    qtbot.keyClick(presenter.entry, Qt.Key.Key_Return)
    assert "Whole session: asks 2, tells 1; 1 neither (judgment or other)" in presenter.tally.text()
    with qtbot.waitSignal(presenter.closed, timeout=2_000):
        qtbot.keyClick(presenter.entry, Qt.Key.Key_Escape)
    assert not presenter.isVisible()


def test_the_cohort_view_imports_files_and_shows_one_row_each(qtbot, window, tmp_path):
    library = window.context.library
    scenario = library.get("just-tell-me")
    participant = SessionStore(open_database(f"sqlite:///{tmp_path / 'participant.db'}"))
    for trainee, replies in (("Ana", [OPEN, "What options do you see?"]), ("Ben", [ADVICE, ADVICE])):
        session = Session(scenario, 0)
        session_id = participant.start_session(trainee, scenario, 0)
        for reply in replies:
            participant.record_turn(session_id, session.reply(reply))
        participant.finish_session(session_id, session.result())
    files = []
    for trainee in ("Ana", "Ben"):
        files.append(str(tmp_path / f"{trainee}.json"))
        export_sessions(participant, trainee, files[-1])
    participant.database.close()
    tampered = tmp_path / "tampered.json"
    data = json.loads(open(files[0], encoding="utf-8").read())
    data["trainee"] = "Mallory"
    tampered.write_text(json.dumps(data), encoding="utf-8")

    menu_action(window, "Workshop", "Cohort report").trigger()
    dialog = window.cohort_dialog
    dialog.cohort_name.setText("May workshop")
    dialog.import_paths([*files, str(tampered)], "May workshop")
    qtbot.waitUntil(lambda: "nothing was imported" in dialog.status.text())
    assert str(tampered) in dialog.status.text() and dialog.table.rowCount() == 0

    dialog.import_paths(files, "May workshop")
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
    assert "imported 2 new sessions" in dialog.status.text()
    assert dialog.cohort_box.currentText() == "May workshop"
    assert [dialog.table.item(row, 0).text() for row in range(2)] == ["Ana", "Ben"]
    assert sum(dialog.chart.counts) == 2 and dialog.csv_button.isEnabled()

    out = tmp_path / "may.pdf"
    dialog.write_report(str(out))
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Wrote"))
    assert out.read_bytes().startswith(b"%PDF")
    dialog.close()


def test_the_cohort_window_checks_a_scenario_folder_and_imports_a_pack(qtbot, window, tmp_path):
    from ask_dont_tell.trainer.packs import export_pack

    folder = tmp_path / "pack"
    folder.mkdir()
    original = window.context.library.sources["just-tell-me"].read_text(encoding="utf-8")
    (folder / "ours.yaml").write_text(original.replace("id: just-tell-me", "id: our-harlow", 1), encoding="utf-8")
    (folder / "broken.yaml").write_text("id: broken\n", encoding="utf-8")
    menu_action(window, "File", "Import participants' files").trigger()
    dialog = window.cohort_dialog
    dialog.check_folder(str(folder))
    qtbot.waitUntil(lambda: "ready" in dialog.status.text())
    assert "1 scenario and 0 drills ready" in dialog.status.text()
    assert f"{folder / 'broken.yaml'}:" in dialog.status.text()

    (folder / "broken.yaml").unlink()
    export_pack(folder, tmp_path / "pack.zip")
    target = tmp_path / "installed"
    dialog.import_pack(str(tmp_path / "pack.zip"), str(target))
    qtbot.waitUntil(lambda: "our-harlow" in (window.context.library.scenarios if window.context.library else {}),
                    timeout=10_000)
    assert "Unpacked 1 file into" in dialog.status.text() and window.context.prefs.scenarios_folder == str(target)
    qtbot.waitUntil(lambda: not window.context.tasks.busy)
    dialog.close()


def test_file_export_my_sessions_writes_the_current_trainee_s_file(qtbot, window, tmp_path, monkeypatch):
    import ask_dont_tell.ui.cohort
    from ask_dont_tell import ui

    store, trainee = window.context.store, window.context.trainee
    out = tmp_path / "mine.json"
    monkeypatch.setattr(ui.cohort.QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(out), ""))
    menu_action(window, "File", "Export my sessions").trigger()  # nothing finished yet: no empty file
    qtbot.waitUntil(lambda: "no finished session yet, so no file was written" in window.notice.text.text())
    assert not out.exists()

    scenario = window.context.library.get("just-tell-me")
    session = Session(scenario, 0)
    session_id = store.start_session(trainee, scenario, 0)
    store.record_turn(session_id, session.reply(OPEN))
    store.finish_session(session_id, session.result())
    menu_action(window, "File", "Export my sessions").trigger()
    qtbot.waitUntil(lambda: "Hand this file to your trainer" in window.notice.text.text(), timeout=10_000)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["trainee"] == trainee and [s["uuid"] for s in data["sessions"]] == [
        store.session_detail(session_id)["uuid"]]
