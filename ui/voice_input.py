"""Spoken replies in the app: the microphone, push-to-talk and hands-free, recognition off the UI thread.

``ListenService`` (one per app) loads the recognition model in the background (``tasks`` lane
"listen") as soon as a practice screen asks for it, captures the microphone with Qt Multimedia's
QAudioSource, and hands the recorded audio to ``trainer.listen`` in the same lane, so the window
never waits for the model. ``VoiceInputBar`` is the row under a reply box: a button to hold
while speaking (or hold Ctrl+Space), a hands-free switch (the voice-activity model ends the
reply after a pause) and a line saying what is going on. The transcript goes into the reply box;
the host sends it at once, or after a short moment to correct it (Settings).

No microphone, no model or no audio device gives one clear line and typing carries on.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from .audio import multimedia_problem
from .tasks import TaskManager
from .theme import SPACE_S
from .widgets import button, text_label

if TYPE_CHECKING:
    import numpy as np

    from ask_dont_tell.trainer.listen import Transcript

LANE = "listen"
#: Hands-free: how often the recent audio is checked for the end of a reply, and the pause that ends it.
CHECK_INTERVAL_MS = 200
PAUSE_SECONDS = 0.9
#: Review first: the transcript waits this long in the reply box before it is sent.
REVIEW_SECONDS = 3.0
#: Shortest recording worth recognising (a tap on the button records nothing useful).
MIN_RECORDING_SECONDS = 0.3
#: Longest reply kept: a hands-free reply that never pauses is ended here.
MAX_RECORDING_SECONDS = 120.0
PTT_KEYS = "Ctrl+Space"

# States of the service, as the bar shows them.
OFF, LOADING, READY, LISTENING, RECOGNISING, UNAVAILABLE = (
    "off", "loading", "ready", "listening", "recognising", "unavailable")


#: Said when Qt's multimedia module cannot load (the system's audio libraries are missing).
NO_AUDIO_LIBRARY = ("Recording is not available: this machine's audio libraries could not be loaded ({}); "
                    "replies are typed.")

class ListenService(QObject):
    """The recogniser and the microphone, shared by every screen that takes a spoken reply."""

    #: The service's state changed (one of the states above); carries a line to show.
    state_changed = Signal(str, str)
    #: A spoken reply was recognised: (text, seconds of speech). Empty text means nothing was said.
    heard = Signal(str, float)

    def __init__(self, tasks: TaskManager, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self.state = OFF
        self.reason = ""
        self._recogniser = None
        self._source = None
        self._device = None
        self._format = None
        self._chunks: list[bytes] = []
        self._hands_free = False
        self._paused = False
        self._checking = False
        self._end = None
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self._check_end)
        #: Seconds from the end of the last recording to its transcript (for the benchmark).
        self.last_latency: float | None = None
        #: The bar that started the recording: only it receives the transcript.
        self.owner: QObject | None = None

    @classmethod
    def for_context(cls, context) -> "ListenService":
        """The app's one service, made on first use."""
        service = getattr(context, "_listen_service", None)
        if service is None:
            service = cls(context.tasks, context)
            context._listen_service = service
        return service

    # --- loading ------------------------------------------------------------------------------

    def prepare(self) -> None:
        """Start loading the model in the background (once); a missing one becomes UNAVAILABLE.

        Called again (practice opened again), it looks once more for a microphone plugged in since.
        """
        if self.state == UNAVAILABLE and self._recogniser is not None and self._microphone():
            self.reason = ""
            self._set_state(READY, "")
        if self.state != OFF:
            return
        self._set_state(LOADING, "Loading speech recognition…")

        def load():
            from ask_dont_tell.trainer import listen

            reason = listen.available()
            if reason:
                raise listen.ListenUnavailable(reason)
            return listen.shared_recogniser().load()

        self._tasks.run(load, self._loaded, self._load_failed, lane=LANE)

    def _loaded(self, recogniser) -> None:
        self._recogniser = recogniser
        if multimedia_problem():
            self._unavailable(NO_AUDIO_LIBRARY.format(multimedia_problem()))
            return
        if not self._microphone():
            self._unavailable("No microphone was found, so replies are typed. Connect one and reopen practice "
                              "to speak them.")
            return
        self._set_state(READY, "")

    def _load_failed(self, error: BaseException) -> None:
        self._unavailable(f"Speaking replies is not available ({error}); type them instead.")

    def _unavailable(self, reason: str) -> None:
        self.reason = reason
        self._set_state(UNAVAILABLE, reason)

    def _microphone(self):
        if multimedia_problem():
            self._device = None
            return None
        from PySide6.QtMultimedia import QMediaDevices

        device = QMediaDevices.defaultAudioInput()
        if device.isNull():
            inputs = QMediaDevices.audioInputs()
            device = inputs[0] if inputs else None
        self._device = device
        return device

    @property
    def ready(self) -> bool:
        return self.state in (READY, LISTENING, RECOGNISING)

    @property
    def load_seconds(self) -> float | None:
        return self._recogniser.load_seconds if self._recogniser is not None else None

    def _set_state(self, state: str, text: str) -> None:
        self.state = state
        self.state_changed.emit(state, text)

    # --- recording ----------------------------------------------------------------------------

    def start_recording(self) -> bool:
        """Open the microphone and keep what it hears; False (with a notice) when it cannot."""
        if self.state != READY:
            return self.state == LISTENING
        if multimedia_problem():
            self._unavailable(NO_AUDIO_LIBRARY.format(multimedia_problem()))
            return False
        from PySide6.QtMultimedia import QAudioFormat, QAudioSource

        if self._microphone() is None:
            self._unavailable("No microphone was found, so replies are typed.")
            return False
        wanted = QAudioFormat()
        wanted.setSampleRate(16_000)
        wanted.setChannelCount(1)
        wanted.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        self._format = wanted if self._device.isFormatSupported(wanted) else self._device.preferredFormat()
        self._source = QAudioSource(self._device, self._format, self)
        # room for half a second, so a busy moment on the UI thread loses no audio
        self._source.setBufferSize(self._format.bytesForDuration(500_000))
        self._chunks = []
        stream = self._source.start()
        if stream is None or self._source.error().name != "NoError":
            self._source = None
            self._set_state(READY, "The microphone could not be opened; type your reply or try again.")
            return False
        stream.readyRead.connect(lambda: self._read(stream))
        self._set_state(LISTENING, "Listening…")
        return True

    def _read(self, stream) -> None:
        data = bytes(stream.readAll().data())
        if not data or self._source is None:
            return
        if self._paused:
            return  # the salesperson is speaking: their voice from the speakers is not a reply
        self._chunks.append(data)

    def _samples(self, chunks: list[bytes]) -> "np.ndarray":
        """The recorded bytes as 16 kHz mono float32, whatever format the device gave."""
        import numpy as np
        from PySide6.QtMultimedia import QAudioFormat

        from ask_dont_tell.trainer.listen import resample

        data = b"".join(chunks)
        kind = self._format.sampleFormat()
        channels = max(1, self._format.channelCount())
        if kind == QAudioFormat.SampleFormat.Float:
            samples = np.frombuffer(data[: len(data) // 4 * 4], "<f4").astype(np.float32)
        elif kind == QAudioFormat.SampleFormat.Int32:
            samples = np.frombuffer(data[: len(data) // 4 * 4], "<i4").astype(np.float32) / (1 << 31)
        elif kind == QAudioFormat.SampleFormat.UInt8:
            samples = (np.frombuffer(data, np.uint8).astype(np.float32) - 128) / 128
        else:
            samples = np.frombuffer(data[: len(data) // 2 * 2], "<i2").astype(np.float32) / 32768
        if channels > 1:
            samples = samples[: len(samples) // channels * channels].reshape(-1, channels).mean(axis=1)
        return resample(samples, self._format.sampleRate())

    def stop_recording(self) -> None:
        """Close the microphone and recognise what was said (push-to-talk's release)."""
        if self.state != LISTENING or self._source is None:
            return
        self._close_source()
        self._recognise(self._chunks)

    def cancel(self) -> None:
        """Stop listening and drop what was recorded (leaving the screen, ending the session)."""
        self._timer.stop()
        self._hands_free = False
        if self._source is not None:
            self._close_source()
            self._set_state(READY, "")

    def _close_source(self) -> None:
        source, self._source = self._source, None
        if source is not None:
            source.stop()
            source.deleteLater()

    def _recognise(self, chunks: list[bytes]) -> None:
        audio = self._samples(chunks) if chunks else None
        if audio is None or len(audio) < MIN_RECORDING_SECONDS * 16_000:
            self._set_state(READY, "Nothing was recorded: hold the button while you speak.")
            if self._hands_free:
                self._listen_again()
            return
        self._set_state(RECOGNISING, "Recognising…")
        recogniser, ended = self._recogniser, time.perf_counter()

        def done(transcript: "Transcript") -> None:
            self.last_latency = time.perf_counter() - ended
            self._set_state(READY, "" if transcript.text else "No words were heard; try again, a little closer.")
            self.heard.emit(transcript.text, transcript.speech_seconds)
            if self._hands_free:
                self._listen_again()

        def failed(error: BaseException) -> None:
            self._set_state(READY, f"That could not be recognised ({error}); type it or try again.")
            if self._hands_free:
                self._listen_again()

        self._tasks.run(lambda: recogniser.transcribe(audio), done, failed, lane=LANE)

    # --- hands-free ---------------------------------------------------------------------------

    @property
    def hands_free(self) -> bool:
        return self._hands_free

    def set_hands_free(self, on: bool) -> None:
        """Listen all the time; each pause of PAUSE_SECONDS after speech ends a reply."""
        if on == self._hands_free:
            return
        if not on:
            self.cancel()
            return
        if not self.ready:
            return
        self._hands_free = True
        self._listen_again()

    def set_paused(self, paused: bool) -> None:
        """Ignore the microphone while the salesperson's line plays (hands-free would hear it)."""
        self._paused = paused

    def _listen_again(self) -> None:
        from ask_dont_tell.trainer.listen import EndOfSpeech

        if not self._hands_free or self.state != READY:
            return
        self._end = EndOfSpeech(pause=PAUSE_SECONDS)
        if self.start_recording():
            self._set_state(LISTENING, "Listening: speak your reply; a pause sends it to the box.")
            self._timer.start()

    def _check_end(self) -> None:
        if self._checking or self.state != LISTENING or not self._chunks:
            return
        audio = self._samples(self._chunks)
        seconds = len(audio) / 16_000
        end = self._end
        if seconds >= MAX_RECORDING_SECONDS:
            self._finish_hands_free()
            return
        self._checking = True

        def checked(ended: bool) -> None:
            self._checking = False
            if ended and self.state == LISTENING and self._end is end:
                self._finish_hands_free()

        def failed(_error: BaseException) -> None:
            self._checking = False

        self._tasks.run(lambda: end.check(audio), checked, failed, lane=LANE)

    def _finish_hands_free(self) -> None:
        self._timer.stop()
        chunks = self._chunks
        self._close_source()
        self._recognise(chunks)

    def close(self) -> None:
        self.cancel()


class VoiceInputBar(QWidget):
    """The row under a reply box: hold to talk, hands-free, and what is going on.

    ``deliver`` is called with (text, speech seconds) when the reply should be sent; before that
    the transcript is put in ``reply_box``. With review first it waits REVIEW_SECONDS there, and
    typing in the box stops the countdown (the reply is then sent with Enter, as usual).
    """

    def __init__(self, service: ListenService, reply_box: QPlainTextEdit | QLineEdit,
                 deliver: Callable[[str, float], None], review: Callable[[], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.reply_box = reply_box
        self._deliver = deliver
        self._review = review
        self._pending: tuple[str, float] | None = None
        #: Speech seconds of the transcript now in the reply box (kept when the trainee corrects it).
        self.speech_seconds: float | None = None
        self._key_held = False
        self._filling = False
        self._emptied = False
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(SPACE_S)
        layout = QHBoxLayout()
        layout.setSpacing(SPACE_S)
        column.addLayout(layout)
        self.talk_button = button("Hold to talk", "Hold to speak your reply", tip=f"hold {PTT_KEYS}")
        self.talk_button.pressed.connect(self.press)
        self.talk_button.released.connect(self.release)
        layout.addWidget(self.talk_button)
        self.hands_free_button = QPushButton("Hands-free")
        self.hands_free_button.setCheckable(True)
        self.hands_free_button.setAccessibleName("Hands-free: a pause ends each spoken reply")
        self.hands_free_button.setToolTip("Listen all the time; a pause after you speak ends the reply")
        self.hands_free_button.toggled.connect(self._hands_free)
        layout.addWidget(self.hands_free_button)
        self.status = text_label("", "small")
        self.status.setAccessibleName("Speech recognition state")
        layout.addWidget(self.status, 1)
        self.talk = text_label("", "small")
        self.talk.setAccessibleName("Talk time")
        self.talk.hide()
        column.addWidget(self.talk)
        self._countdown = QTimer(self)
        self._countdown.setSingleShot(True)
        self._countdown.timeout.connect(self._send_pending)
        service.state_changed.connect(self._state)
        service.heard.connect(self._heard)
        reply_box.textChanged.connect(lambda *_: self._edited())
        self._state(service.state, service.reason)
        QApplication.instance().installEventFilter(self)

    # --- push-to-talk -------------------------------------------------------------------------

    def press(self) -> None:
        if not self.isVisible() or not self.isEnabled() or self.service.hands_free:
            return
        self._cancel_pending()
        self.service.owner = self
        self.service.start_recording()

    def release(self) -> None:
        if not self.service.hands_free:
            self.service.stop_recording()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease) and self.isVisible() and \
                event.key() == Qt.Key.Key_Space and isinstance(watched, QWidget) and \
                watched.window() is self.window():
            if event.isAutoRepeat():
                return self._key_held
            if kind == QEvent.Type.KeyPress and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self._key_held = True
                self.talk_button.setDown(True)
                self.press()
                return True
            if kind == QEvent.Type.KeyRelease and self._key_held:
                self._key_held = False
                self.talk_button.setDown(False)
                self.release()
                return True
        return False

    def _hands_free(self, on: bool) -> None:
        self._cancel_pending()
        if on:
            self.service.owner = self
        self.service.set_hands_free(on)
        if on and not self.service.hands_free:
            self.hands_free_button.setChecked(False)

    # --- what was heard -----------------------------------------------------------------------

    def _heard(self, text: str, seconds: float) -> None:
        if self.service.owner is not self or not self.isVisible() or not self.isEnabled() or not text:
            return
        self._filling = True
        if isinstance(self.reply_box, QLineEdit):
            self.reply_box.setText(text)
        else:
            self.reply_box.setPlainText(text)
            cursor = self.reply_box.textCursor()
            cursor.movePosition(cursor.MoveOperation.End)
            self.reply_box.setTextCursor(cursor)
        self._filling = False
        self.reply_box.setFocus()
        self.speech_seconds = seconds
        self._emptied = False
        if self._review():
            self._pending = (text, seconds)
            self.status.setText(f"Sending in {REVIEW_SECONDS:.0f} s: type to correct it first (then Enter).")
            self._countdown.start(int(REVIEW_SECONDS * 1000))
        else:
            self._deliver(text, seconds)

    def text(self) -> str:
        box = self.reply_box
        return box.text() if isinstance(box, QLineEdit) else box.toPlainText()

    def _send_pending(self) -> None:
        if self._pending is not None and self.text().strip():
            _text, seconds = self._pending
            self._pending = None
            self.status.setText("")
            self._deliver(self.text(), seconds)

    def _edited(self) -> None:
        if self._filling:
            return
        if self._pending is not None:
            self._countdown.stop()
            self._pending = None
            self.status.setText("Correct it, then press Enter to send.")
        if not self.text().strip():
            self._emptied = True  # sent, or cleared by the trainee
        elif self._emptied:
            self._emptied = False
            self.speech_seconds = None  # a new reply is being typed after the spoken one was cleared

    def _cancel_pending(self) -> None:
        self._countdown.stop()
        self._pending = None

    def take_speech_seconds(self) -> float | None:
        """The speaking time of the reply being sent (None for a typed one); forgets it."""
        seconds, self.speech_seconds = self.speech_seconds, None
        self._cancel_pending()
        return seconds

    def _state(self, state: str, text: str) -> None:
        usable = state in (READY, LISTENING)
        self.talk_button.setEnabled(usable and not self.service.hands_free)
        self.hands_free_button.setEnabled(state not in (OFF, LOADING, UNAVAILABLE))
        if state == UNAVAILABLE:
            self.hands_free_button.setChecked(False)
        default = {READY: f"Hold the button or {PTT_KEYS} and speak; typing works too.",
                   OFF: "", LOADING: "Loading speech recognition…"}.get(state, "")
        self.status.setText(text or default)

    def show_talk(self, session, persona) -> None:
        """Talk time so far, the last spoken reply's and the session's beside the salesperson's
        (their lines at their persona's speaking rate); nothing until a reply is spoken."""
        from ask_dont_tell.trainer.listen import MONOLOGUE_SECONDS, talk_time, words_per_minute

        turns = list(session.turns)
        talk = talk_time([t.reply for t in turns], [getattr(t, "speech_seconds", None) for t in turns],
                         [t.salesperson for t in turns] + [session.current_line], persona.voice.rate)
        if not talk.spoken_replies:
            self.talk.hide()
            return
        last = turns[-1]
        seconds = getattr(last, "speech_seconds", None)
        parts = []
        if seconds:
            long = "; a monologue" if seconds > MONOLOGUE_SECONDS else ""
            parts.append(f"This reply: {seconds:.1f} s, {words_per_minute(last.reply, seconds):.0f} words a "
                         f"minute{long}.")
        parts.append(f"Talk time: you {talk.manager_seconds:.0f} s, {persona.name} {talk.salesperson_seconds:.0f} s "
                     f"({talk.ratio:.0%} of it yours).")
        self.talk.setText(" ".join(parts))
        self.talk.show()

    def open(self, enabled: bool) -> None:
        """Show the bar (and start loading recognition) when spoken replies are on, else hide it."""
        self.setVisible(enabled)
        self.talk.hide()
        if enabled:
            self.service.prepare()

    def stop(self) -> None:
        """The screen is left or the session ended: stop listening, send nothing."""
        self._cancel_pending()
        self.hands_free_button.setChecked(False)
        if self.service.owner is self:
            self.service.cancel()
