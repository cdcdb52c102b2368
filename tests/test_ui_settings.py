"""Settings: saved off the UI thread, kept across restarts, and applied (feedback, theme, folders)."""

from __future__ import annotations

import json

import pytest

from conftest import skip_unless_ci
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from test_speech import HAS_ESPEAK
from test_ui_flow import close_window, open_window
from ask_dont_tell.trainer.scenario import bundled_scenarios_dir
from ask_dont_tell.trainer.speech import SPEECH_ENV
from ask_dont_tell.ui import theme


@pytest.fixture
def window(qtbot, data_dir, monkeypatch):
    monkeypatch.setenv(SPEECH_ENV, "off")
    window = open_window(qtbot)
    window.show_settings()
    yield window
    close_window(window)


def saved(window) -> dict:
    return json.loads((window.context.data_dir / "settings.json").read_text(encoding="utf-8"))


def test_settings_are_saved_and_kept_after_a_restart(qtbot, window, data_dir):
    settings = window.settings
    assert str(data_dir) in settings.data_where.text() and "trainer.db" in settings.data_where.text()
    settings.voice_on.setChecked(False)
    settings.end_only.setChecked(True)
    settings.rate.setValue(130)
    qtbot.waitUntil(lambda: (data_dir / "settings.json").exists() and saved(window)["speech_rate"] == 1.3)
    assert saved(window)["voice_on"] is False and saved(window)["live_feedback"] is False
    close_window(window)

    again = open_window(qtbot)
    assert again.context.prefs.speech_rate == 1.3 and not again.context.prefs.voice_on
    again.show_briefing("just-tell-me")
    assert not again.briefing.live.isChecked()  # end-only feedback is the default now
    close_window(again)


def test_dark_and_light_can_be_chosen_or_follow_the_system(qtbot, window):
    settings = window.settings
    settings.appearance.setCurrentIndex(settings.appearance.findData("dark"))
    settings._appearance_chosen()
    assert theme.colours().dark
    assert QApplication.instance().palette().color(QPalette.ColorRole.Window).lightness() < 80
    settings.appearance.setCurrentIndex(settings.appearance.findData("light"))
    settings._appearance_chosen()
    assert not theme.colours().dark
    assert QApplication.instance().palette().color(QPalette.ColorRole.Window).lightness() > 200
    settings.appearance.setCurrentIndex(settings.appearance.findData("system"))
    settings._appearance_chosen()
    assert theme.colours().dark == theme.effective_dark("system")


def test_a_trainers_folder_adds_scenarios_and_names_bad_files(qtbot, window, tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    text = (bundled_scenarios_dir() / "just-tell-me.yaml").read_text(encoding="utf-8")
    (folder / "my-copy.yaml").write_text(text.replace("id: just-tell-me", "id: my-copy", 1), encoding="utf-8")
    (folder / "broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    notices = []
    window.context.notice.connect(notices.append)
    window.settings.set_scenarios_folder(str(folder))
    qtbot.waitUntil(lambda: "my-copy" in window.context.library.scenarios)
    assert any("broken.yaml" in notice for notice in notices)
    assert any(card.scenario_id == "my-copy" for card in window.library.cards)
    window.settings.set_scenarios_folder("")
    qtbot.waitUntil(lambda: "my-copy" not in window.context.library.scenarios)


def test_each_persona_can_get_its_own_installed_voice(qtbot, data_dir, monkeypatch):
    if not HAS_ESPEAK:
        skip_unless_ci("espeak-ng is not installed")
    monkeypatch.delenv(SPEECH_ENV, raising=False)
    window = open_window(qtbot)
    qtbot.waitUntil(lambda: window.context.speech.is_ready, timeout=20_000)
    from PySide6.QtWidgets import QComboBox

    def voice_boxes() -> list:
        return [box for box in window.settings.findChildren(QComboBox) if box.accessibleName().startswith("Voice for")]

    # the voice lists fill when the settings screen hears the engine is ready, a moment later
    qtbot.waitUntil(lambda: any(b.accessibleName() == "Voice for Tom Reilly" and b.isEnabled() and b.count() > 2
                                for b in voice_boxes()), timeout=20_000)
    # a rebuilt list's old boxes go once Qt runs their deferred deletion: wait for one box a scenario
    expected = len(window.context.library.scenarios)
    qtbot.waitUntil(lambda: len(voice_boxes()) == expected, timeout=20_000)
    boxes = voice_boxes()
    assert len(boxes) == expected
    box = next(b for b in boxes if b.accessibleName() == "Voice for Tom Reilly")
    box.setCurrentIndex(2)
    box.activated.emit(2)
    assert window.context.prefs.persona_voices["just-tell-me"] == box.itemData(2)
    assert window.context.voice_id_for(window.context.library.get("just-tell-me")) == box.itemData(2)
    close_window(window)


def test_a_workshop_cohort_set_in_settings_records_new_sessions_under_it(qtbot, window):
    from test_ui_flow import say, start

    settings = window.settings
    settings.cohort.setFocus()
    qtbot.keyClicks(settings.cohort, "Spring workshop")
    settings.cohort.editingFinished.emit()
    qtbot.waitUntil(lambda: saved(window).get("cohort") == "Spring workshop")
    start(qtbot, window)
    say(qtbot, window, "What have you tried so far?")
    session_id = window.practice.run.session_id
    qtbot.waitUntil(lambda: not window.context.tasks.busy)
    assert window.context.store.session_detail(session_id)["cohort"] == "Spring workshop"
