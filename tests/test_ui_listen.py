"""Spoken replies in the real window: a WAV file made with flite is played into a virtual
microphone (a PulseAudio pipe source; .ci/run starts one and names its FIFO in
TRAINER_TEST_MICROPHONE), captured by the app with Qt Multimedia, recognised off the UI thread,
and becomes a chip and a salesperson answer. Also: no microphone, and no model."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from conftest import skip_unless_ci
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from test_listen import FLITE
from test_ui_flow import OPEN, close_window, open_window, say, start
from ask_dont_tell.trainer import listen
from ask_dont_tell.trainer.speech import SPEECH_ENV
from ask_dont_tell.ui import voice_input

MICROPHONE_ENV = "TRAINER_TEST_MICROPHONE"
QUESTION = "What would a good outcome look like for you?"
ADVICE = "You should send them the revised proposal tomorrow."


def spoken_pcm(text: str, folder: Path, silence_after: float = 0.4) -> bytes:
    """``text`` spoken by flite's slt voice, as the 16 kHz mono 16-bit samples the microphone carries,
    after a breath (0.3 s of silence) and followed by ``silence_after`` seconds of silence."""
    if FLITE is None:
        skip_unless_ci("flite is not installed")
    path = folder / "reply.wav"
    subprocess.run([FLITE, "-voice", "slt", "-t", text, "-o", str(path)], check=True, capture_output=True)
    samples = listen.read_audio(path)
    samples = np.concatenate([np.zeros(int(0.3 * listen.SAMPLE_RATE), np.float32), samples,
                              np.zeros(int(silence_after * listen.SAMPLE_RATE), np.float32)])
    return (np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes()


class Microphone:
    """Feeds audio into the virtual microphone's FIFO at the pace a real microphone gives it, 20 ms
    at a time (PulseAudio passes a pipe's whole content on at once, more than a capture stream
    takes in one go), from a thread."""

    def __init__(self, fifo: str) -> None:
        self.fifo = fifo
        self._threads: list[threading.Thread] = []
        self.fed = threading.Event()

    def say(self, pcm: bytes) -> None:
        self.fed.clear()

        def feed() -> None:
            step = listen.SAMPLE_RATE * 2 // 50
            with open(self.fifo, "wb", buffering=0) as pipe:
                began = time.perf_counter()
                for offset in range(0, len(pcm), step):
                    pipe.write(pcm[offset:offset + step])
                    time.sleep(max(0.0, began + (offset + step) / (2 * listen.SAMPLE_RATE) - time.perf_counter()))
            self.fed.set()

        thread = threading.Thread(target=feed, name="microphone-feed")
        thread.start()
        self._threads.append(thread)

    def finish(self) -> None:
        for thread in self._threads:
            thread.join(timeout=30)


@pytest.fixture
def microphone():
    fifo = os.environ.get(MICROPHONE_ENV)
    if not fifo or not Path(fifo).exists():
        skip_unless_ci(f"no virtual microphone ({MICROPHONE_ENV} names no PulseAudio pipe source)")
    reason = listen.available()
    if reason:
        skip_unless_ci(f"recognition cannot run here: {reason}")
    mic = Microphone(fifo)
    yield mic
    mic.finish()


@pytest.fixture
def listening_window(qtbot, data_dir, monkeypatch, microphone):
    monkeypatch.setenv(SPEECH_ENV, "off")
    window = open_window(qtbot)
    window.start_practice("just-tell-me", True)  # as the briefing's Start does, under any window system
    qtbot.waitUntil(lambda: window.practice.run is not None and window.practice.run.session_id is not None)
    bar = window.practice.voice_bar
    assert bar.isVisible()
    qtbot.waitUntil(lambda: bar.service.state != voice_input.LOADING, timeout=60_000)
    assert bar.service.ready, bar.service.reason
    yield window
    bar.stop()
    close_window(window)


def captured_seconds(service) -> float:
    return sum(len(chunk) for chunk in service._chunks) / 2 / listen.SAMPLE_RATE


def heard_all(qtbot, microphone: Microphone, bar, pcm: bytes) -> None:
    """Wait until the microphone has been fed and the app has taken in (nearly) all of it."""
    qtbot.waitUntil(microphone.fed.is_set, timeout=30_000)
    qtbot.waitUntil(lambda: captured_seconds(bar.service) >= 0.95 * len(pcm) / 2 / listen.SAMPLE_RATE, timeout=10_000)


def test_push_to_talk_reply_becomes_a_chip_and_an_answer(qtbot, listening_window, microphone, tmp_path):
    window = listening_window
    practice, bar = window.practice, window.practice.voice_bar
    window.context.update_prefs(review_spoken=False)
    pcm = spoken_pcm(QUESTION, tmp_path)
    qtbot.mousePress(bar.talk_button, Qt.MouseButton.LeftButton)
    assert bar.service.state == voice_input.LISTENING, bar.status.text()
    microphone.say(pcm)
    heard_all(qtbot, microphone, bar, pcm)
    with qtbot.waitSignal(practice.turn_shown, timeout=30_000) as shown:
        qtbot.mouseRelease(bar.talk_button, Qt.MouseButton.LeftButton)
        assert bar.service.state == voice_input.RECOGNISING  # the window goes on while the model works
    turn = shown.args[0]
    assert listen.word_errors(QUESTION, turn.reply)[0] <= 1, turn.reply
    assert turn.label == "open_question" and practice.chips[-1].label == "open_question"
    assert turn.response and practice.session.turns[-1] is turn
    assert 1.5 < turn.speech_seconds < 3.5  # flite says it in about 2.4 s
    assert bar.talk.isVisible() and "Talk time: you" in bar.talk.text() and "words a minute" in bar.talk.text()
    assert 0 < bar.service.last_latency < 10
    qtbot.waitUntil(lambda: bar.service.state == voice_input.READY)
    say(qtbot, window, OPEN)  # typing still works beside speaking
    assert len(practice.session.turns) == 2
    practice.end_now()
    qtbot.waitUntil(lambda: window.report.data is not None and window.report.data.get("session_id") is not None)
    if window.report.rating_panel is not None:
        qtbot.mouseClick(window.report.rating_panel.skip, Qt.MouseButton.LeftButton)
    texts = [label.text() for label in window.report.findChildren(QLabel)]
    assert any(text.startswith("Spoken: 1 of 2 replies") and "words a minute" in text for text in texts), texts
    stored = window.context.store.session_detail(window.report.data["session_id"])["turns"]
    assert stored[0]["speech_seconds"] == turn.speech_seconds and stored[1]["speech_seconds"] is None


def test_held_key_review_first_and_a_correction(qtbot, listening_window, microphone, tmp_path):
    window = listening_window
    practice, bar = window.practice, window.practice.voice_bar
    assert window.context.prefs.review_spoken  # the default: a moment to correct it
    pcm = spoken_pcm(ADVICE, tmp_path)
    qtbot.keyPress(practice.reply_box, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert bar.service.state == voice_input.LISTENING and bar.talk_button.isDown()
    microphone.say(pcm)
    heard_all(qtbot, microphone, bar, pcm)
    qtbot.keyRelease(practice.reply_box, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: practice.reply_box.toPlainText() != "", timeout=30_000)
    assert "proposal" in practice.reply_box.toPlainText().lower()
    assert not practice.session.turns and "Sending in" in bar.status.text()
    qtbot.keyClicks(practice.reply_box, " What do you think?")  # correcting it stops the countdown
    assert "press Enter" in bar.status.text()
    with qtbot.waitSignal(practice.turn_shown, timeout=5_000) as shown:
        qtbot.keyClick(practice.reply_box, Qt.Key.Key_Return)
    turn = shown.args[0]
    assert "proposal" in turn.reply.lower() and turn.reply.endswith("What do you think?")


def test_hands_free_reply_ends_at_a_pause(qtbot, listening_window, microphone, tmp_path):
    window = listening_window
    practice, bar = window.practice, window.practice.voice_bar
    window.context.update_prefs(review_spoken=False)
    bar.hands_free_button.click()
    assert bar.service.hands_free and bar.service.state == voice_input.LISTENING
    assert not bar.talk_button.isEnabled()
    with qtbot.waitSignal(practice.turn_shown, timeout=40_000) as shown:
        microphone.say(spoken_pcm(QUESTION, tmp_path, silence_after=2.0))
    turn = shown.args[0]
    assert listen.word_errors(QUESTION, turn.reply)[0] <= 2, turn.reply
    assert turn.response and practice.chips[-1].label == turn.label
    qtbot.waitUntil(lambda: bar.service.state == voice_input.LISTENING, timeout=10_000)  # ready for the next
    bar.hands_free_button.click()
    assert not bar.service.hands_free and bar.service.state == voice_input.READY


def test_drills_and_retry_take_spoken_replies_too(qtbot, listening_window, microphone, tmp_path):
    from test_ui_workshop import menu_action
    from ask_dont_tell.ui.retry import RetryDialog

    window = listening_window
    window.context.update_prefs(review_spoken=False)
    say(qtbot, window, "You should call them tomorrow.")
    practice = window.practice
    menu_action(window, "Workshop", "Drills").trigger()
    drill = window.drill_window
    qtbot.waitUntil(lambda: drill.drill_list.count() >= 3)
    drill.drill_list.setCurrentRow(0)
    qtbot.mouseClick(drill.start_button, Qt.MouseButton.LeftButton)
    assert drill.voice_bar.isVisible() and drill.voice_bar.talk_button.isEnabled()
    pcm = spoken_pcm(QUESTION, tmp_path)
    qtbot.mousePress(drill.voice_bar.talk_button, Qt.MouseButton.LeftButton)
    microphone.say(pcm)
    heard_all(qtbot, microphone, drill.voice_bar, pcm)
    qtbot.mouseRelease(drill.voice_bar.talk_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(drill.next_button.isEnabled, timeout=30_000)
    assert drill.run.answers[-1].label == "open_question"
    assert practice.reply_box.toPlainText() == ""  # the practice screen behind did not get it
    drill.stop()
    drill.close()

    turns = [turn.to_dict() for turn in practice.session.turns]
    dialog = RetryDialog(window.context, practice.scenario, practice.session.seed, turns, 0, "Tom")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    microphone.fed.clear()
    qtbot.mousePress(dialog.voice_bar.talk_button, Qt.MouseButton.LeftButton)
    microphone.say(pcm)
    heard_all(qtbot, microphone, dialog.voice_bar, pcm)
    with qtbot.waitSignal(dialog.shown, timeout=30_000) as shown:
        qtbot.mouseRelease(dialog.voice_bar.talk_button, Qt.MouseButton.LeftButton)
    assert shown.args[0].label == "open_question" and shown.args[0].response
    dialog.close()


def test_no_microphone_says_so_and_typing_goes_on(qtbot, data_dir, monkeypatch):
    from PySide6.QtMultimedia import QAudioDevice, QMediaDevices

    monkeypatch.setenv(SPEECH_ENV, "off")
    monkeypatch.setattr(QMediaDevices, "defaultAudioInput", staticmethod(lambda: QAudioDevice()))
    monkeypatch.setattr(QMediaDevices, "audioInputs", staticmethod(lambda: []))
    monkeypatch.setattr(listen, "available", lambda: None)
    monkeypatch.setattr(listen, "shared_recogniser", lambda: _NoModel())
    window = open_window(qtbot)
    start(qtbot, window)
    bar = window.practice.voice_bar
    qtbot.waitUntil(lambda: bar.service.state == voice_input.UNAVAILABLE, timeout=10_000)
    assert "No microphone" in bar.status.text() and not bar.talk_button.isEnabled()
    say(qtbot, window, OPEN)
    assert window.practice.chips[-1].label == "open_question"
    monkeypatch.undo()  # a microphone is plugged in: practice opened again finds it
    monkeypatch.setenv(SPEECH_ENV, "off")
    if QMediaDevices.audioInputs():
        bar.open(True)
        assert bar.service.ready and bar.talk_button.isEnabled()
    close_window(window)


def test_no_model_says_how_to_get_it_and_typing_goes_on(qtbot, data_dir, monkeypatch):
    monkeypatch.setenv(SPEECH_ENV, "off")
    monkeypatch.setattr(listen, "available", lambda: f"the recognition model is not installed ({listen.INSTALL_HINT})")
    window = open_window(qtbot)
    start(qtbot, window)
    bar = window.practice.voice_bar
    qtbot.waitUntil(lambda: bar.service.state == voice_input.UNAVAILABLE, timeout=10_000)
    assert "pip install" in bar.status.text()
    assert not bar.talk_button.isEnabled() and not bar.hands_free_button.isEnabled()
    say(qtbot, window, OPEN)
    QApplication.processEvents()
    assert len(window.practice.session.turns) == 1
    close_window(window)


def test_spoken_replies_switched_off_load_nothing(qtbot, data_dir, monkeypatch):
    monkeypatch.setenv(SPEECH_ENV, "off")
    (data_dir / "settings.json").write_text('{"speak_replies": false}', encoding="utf-8")
    window = open_window(qtbot)
    start(qtbot, window)
    assert not window.practice.voice_bar.isVisible()
    assert window.practice.voice_bar.service.state == voice_input.OFF
    close_window(window)


class _NoModel:
    """Stands in for the recogniser where the test is about the microphone alone."""

    load_seconds = 0.0

    def load(self):
        return self
