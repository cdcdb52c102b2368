"""The salesperson's voice in the real window: with the real engine (flite, else espeak-ng), with
none, and with no audio output device."""

from __future__ import annotations

import wave

import pytest

from conftest import skip_unless_ci
from PySide6.QtCore import Qt

from test_speech import HAS_ESPEAK, HAS_FLITE, fake_pyttsx3
from test_ui_flow import OPEN, close_window, open_window, say, start
from ask_dont_tell.trainer.speech import SPEECH_ENV
from ask_dont_tell.trainer.speech_worker import ENGINE_ENV


@pytest.fixture
def speaking_window(qtbot, data_dir, monkeypatch):
    if not (HAS_ESPEAK or HAS_FLITE):
        skip_unless_ci("neither flite nor espeak-ng is installed")
    monkeypatch.delenv(SPEECH_ENV, raising=False)
    window = open_window(qtbot)
    qtbot.waitUntil(lambda: window.context.speech.is_ready, timeout=20_000)
    if not window.context.speech.has_output:
        close_window(window)
        skip_unless_ci("no audio output device (no sound server) to play the lines into")
    yield window
    close_window(window)


def test_lines_are_spoken_replayed_skipped_and_muted(qtbot, speaking_window):
    window = speaking_window
    speech = window.context.speech
    assert speech.available
    with qtbot.waitSignal(speech.playing, check_params_cb=lambda key: key is not None, timeout=10_000) as first:
        start(qtbot, window)
    key = first.args[0]
    with wave.open(str(speech._files[key]), "rb") as audio:
        assert audio.getnframes() > 0

    practice = window.practice
    qtbot.keyClick(practice.reply_box, Qt.Key.Key_Escape)  # skip
    qtbot.waitUntil(lambda: speech.current is None)
    with qtbot.waitSignal(speech.playing, check_params_cb=lambda k: k == key, timeout=10_000):
        qtbot.keyClick(practice.reply_box, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # replay

    with qtbot.waitSignal(speech.playing, check_params_cb=lambda k: k not in (None, key), timeout=10_000):
        say(qtbot, window, OPEN)  # the answer is spoken too

    qtbot.keyClick(practice.reply_box, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)  # mute
    assert speech.muted and practice.mute_button.text() == "Unmute"
    qtbot.waitUntil(lambda: speech.current is None)
    files = len(speech._files)
    say(qtbot, window, OPEN)
    qtbot.waitUntil(lambda: not window.context.tasks.busy)
    assert len(speech._files) == files  # muted lines are not even synthesised
    assert speech.current is None


def test_no_engine_gives_one_notice_and_the_practice_goes_on(qtbot, data_dir, tmp_path, monkeypatch):
    monkeypatch.delenv(SPEECH_ENV, raising=False)
    monkeypatch.setenv(ENGINE_ENV, "pyttsx3")
    fake = fake_pyttsx3(tmp_path / "site", "def init(driver=None):\n    raise OSError('libespeak-ng.so.1: "
                        "cannot open shared object file')\n")
    monkeypatch.setenv("PYTHONPATH", str(fake))
    window = open_window(qtbot)
    notices = []
    window.context.notice.connect(notices.append)
    qtbot.waitUntil(lambda: window.context.speech.is_ready, timeout=20_000)
    assert not window.context.speech.available
    assert window.notice.isVisible() and "No speech engine" in window.notice.text.text()
    start(qtbot, window)
    say(qtbot, window, OPEN)
    say(qtbot, window, OPEN)
    assert window.practice.chips[-1].label == "open_question"
    assert "No speech engine" in window.practice.voice_state.text()
    assert not window.practice.replay_button.isEnabled()
    assert not any("speech" in notice.lower() for notice in notices)  # said once, at start-up
    close_window(window)


def test_voice_off_in_settings_means_no_engine_is_started(qtbot, data_dir, monkeypatch):
    monkeypatch.delenv(SPEECH_ENV, raising=False)
    (data_dir / "settings.json").write_text('{"voice_on": false}', encoding="utf-8")
    window = open_window(qtbot)
    assert not window.context.prefs.voice_on
    start(qtbot, window)
    say(qtbot, window, OPEN)
    assert not window.context.speech.is_ready
    assert "Voice is off" in window.practice.voice_state.text()
    close_window(window)


def test_speech_engine_dying_mid_session_does_not_stop_the_practice(qtbot, speaking_window):
    window = speaking_window
    speaker = window.context.speech._speaker
    start(qtbot, window)
    qtbot.waitUntil(lambda: getattr(speaker, "_process", None) is not None, timeout=10_000)
    process = speaker._process
    process.kill()  # the engine dies as if it crashed in the middle of a line
    process.wait()
    for _ in range(3):
        say(qtbot, window, OPEN)
    assert len(window.practice.chips) == 3
    assert window.practice.session.turns[-1].response  # the salesperson kept answering


def test_speech_turned_off_on_purpose_is_not_called_a_missing_engine(qtbot, data_dir, monkeypatch):
    monkeypatch.setenv(SPEECH_ENV, "off")
    window = open_window(qtbot)
    qtbot.waitUntil(lambda: window.context.speech.is_ready, timeout=20_000)
    assert window.context.speech.switched_off and not window.context.speech.available
    qtbot.waitUntil(lambda: window.notice.isVisible())
    assert "No speech engine" not in window.notice.text.text()
    assert f"turned off with {SPEECH_ENV}=off" in window.notice.text.text()
    start(qtbot, window)
    assert "turned off" in window.practice.voice_state.text()
    close_window(window)


def test_no_audio_output_device_is_said_instead_of_speaking(qtbot, speaking_window, monkeypatch):
    from PySide6.QtMultimedia import QMediaDevices

    window = speaking_window
    speech = window.context.speech
    assert speech.has_output  # CI plays into a PulseAudio null sink
    monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(lambda: []))
    speech._outputs_changed()  # as when the last output device goes away
    assert not speech.has_output
    qtbot.waitUntil(lambda: window.notice.isVisible())
    assert "No audio output device" in window.notice.text.text()
    start(qtbot, window)
    assert "No audio output device" in window.practice.voice_state.text()
    say(qtbot, window, OPEN)
    qtbot.waitUntil(lambda: not window.context.tasks.busy)
    assert speech.current is None and not speech._files  # nothing synthesised, nothing "speaking"


def test_missing_audio_libraries_give_a_notice_and_the_practice_goes_on(qtbot, data_dir, monkeypatch):
    """Qt's multimedia module needs the system's audio libraries (libpulse on Linux); on a machine
    without them the app says so once and carries on with text, and recording says why it is off."""
    import ask_dont_tell.ui.audio as audio

    if HAS_ESPEAK or HAS_FLITE:
        monkeypatch.delenv(SPEECH_ENV, raising=False)
    monkeypatch.setattr(audio, "_MULTIMEDIA_PROBLEM", "libpulse.so.0: cannot open shared object file")
    window = open_window(qtbot)
    qtbot.waitUntil(lambda: window.context.speech.is_ready, timeout=20_000)
    speech = window.context.speech
    assert not speech.has_output
    qtbot.waitUntil(lambda: window.notice.isVisible())
    if speech.available:
        assert "audio libraries could not be loaded" in window.notice.text.text()
    start(qtbot, window)
    say(qtbot, window, OPEN)
    say(qtbot, window, OPEN)
    assert [chip.label for chip in window.practice.chips] == ["open_question", "open_question"]
    assert speech.current is None and speech._player is None  # nothing was played
    close_window(window)
