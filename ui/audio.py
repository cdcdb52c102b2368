"""The salesperson's voice in the app: synthesis in the speech lane, playback with Qt Multimedia.

Text is on screen before any of this starts. Each line is synthesised once to a WAV file by the
speech worker (see ``trainer/speech.py``) in the background "speech" lane and then played with
QMediaPlayer; the file is kept so the line can be replayed. A missing engine, or a machine with
no audio output device, gives one notice and the app carries on silently.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal

from .tasks import TaskManager

if TYPE_CHECKING:
    from ask_dont_tell.trainer.scenario import Voice
    from ask_dont_tell.trainer.speech import Speaker


def multimedia_problem() -> str:
    """Why Qt's multimedia module cannot be loaded on this machine (its system audio libraries are
    missing, say), or "" when it loads. Looked up once; the module then stays loaded."""
    global _MULTIMEDIA_PROBLEM
    if _MULTIMEDIA_PROBLEM is None:
        try:
            import PySide6.QtMultimedia  # noqa: F401
            _MULTIMEDIA_PROBLEM = ""
        except (ImportError, OSError) as error:
            _MULTIMEDIA_PROBLEM = str(error) or type(error).__name__
    return _MULTIMEDIA_PROBLEM


_MULTIMEDIA_PROBLEM: str | None = None

NO_AUDIO_LIBRARY_NOTICE = ("This machine's audio libraries could not be loaded ({}), so the salesperson's lines "
                           "are shown as text only.")
NO_OUTPUT_NOTICE = ("No audio output device was found (no speakers or headphones), so the salesperson's "
                    "lines are shown as text only.")


class SpeechService(QObject):
    """Speaks lines by key (skip, mute, replay); never blocks the UI thread on the engine."""

    #: The key of the line now playing, or None when nothing plays.
    playing = Signal(object)
    #: Something the user should read once (no engine, or the engine failed).
    notice = Signal(str)
    #: The speaker is ready (available or silent); carries the installed voices.
    ready = Signal(list)

    def __init__(self, tasks: TaskManager, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._speaker: Speaker | None = None
        self._starting = False
        self._ready = False
        self._noticed = False
        self._files: dict[object, Path] = {}
        self._folder = tempfile.TemporaryDirectory(prefix="adt-voice-")
        self._player = None
        self._output = None
        self._current: object = None
        self._wanted: object = None
        self.muted = False
        self.enabled = True
        self._rate_scale = 1.0
        self._voice_ids: dict[str, str] = {}
        self._devices = None
        #: False when the machine has no audio output device (known once the engine is ready).
        self.has_output = True

    # --- the engine ---------------------------------------------------------------------------

    def start(self) -> None:
        """Start the speech worker in the background (once), and load the playback module."""
        if self._ready or self._starting:
            return
        self._starting = True

        def open_it() -> "Speaker":
            multimedia_problem()  # loaded here, off the UI thread, so playback starts quickly later
            from ask_dont_tell.trainer.speech import open_speaker

            # Set here, in the lane, so lines queued behind this task find the speaker.
            self._speaker = open_speaker()
            return self._speaker

        self._tasks.run(open_it, self._started, self._start_failed, lane="speech")

    def _started(self, speaker: "Speaker") -> None:
        self._starting = False
        self._speaker = speaker
        self._ready = True
        self._watch_outputs()
        if self.switched_off:
            self._tell(f"The salesperson's lines are shown as text only: {speaker.reason}.")
        elif not speaker.available:
            self._tell(f"No speech engine was found, so the salesperson's lines are shown as text only "
                       f"({speaker.reason}).")
        elif multimedia_problem():
            self._tell(NO_AUDIO_LIBRARY_NOTICE.format(multimedia_problem()))
        elif not self.has_output:
            self._tell(NO_OUTPUT_NOTICE)
        self.ready.emit(speaker.voices())

    def _watch_outputs(self) -> None:
        """Know whether any audio output device exists, now and as devices come and go."""
        if multimedia_problem():
            self.has_output = False
            self.skip()
            return
        if self._devices is None:
            from PySide6.QtMultimedia import QMediaDevices

            self._devices = QMediaDevices(self)
            self._devices.audioOutputsChanged.connect(self._outputs_changed)
        self._outputs_changed()

    def _outputs_changed(self) -> None:
        from PySide6.QtMultimedia import QMediaDevices

        had = self.has_output
        self.has_output = bool(QMediaDevices.audioOutputs())
        if not self.has_output:
            self.skip()
        if had != self.has_output and self._ready:
            if not self.has_output and self.available:
                self._tell(NO_OUTPUT_NOTICE)
            self.ready.emit(self.voices())  # the screens say again what is spoken

    def _start_failed(self, error: BaseException) -> None:
        from ask_dont_tell.trainer.speech import SilentSpeaker

        self._started(SilentSpeaker(str(error)))

    def _tell(self, text: str) -> None:
        if not self._noticed:
            self._noticed = True
            self.notice.emit(text)

    @property
    def available(self) -> bool:
        return self._speaker is not None and self._speaker.available

    @property
    def switched_off(self) -> bool:
        """Speech turned off on purpose for this run (not a missing engine)."""
        return self._speaker is not None and self._speaker.switched_off

    @property
    def reason(self) -> str:
        """Why the speaker is silent ("" when it speaks)."""
        return self._speaker.reason if self._speaker is not None else ""

    @property
    def is_ready(self) -> bool:
        return self._ready

    def voices(self) -> list:
        return self._speaker.voices() if self._speaker is not None else []

    def prepare_player(self) -> None:
        """Create the media player now (its plugin takes a moment to load the first time)."""
        if self._player is not None or multimedia_problem():
            return
        from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

        self._player = QMediaPlayer(self)
        self._output = QAudioOutput(self)
        self._output.setMuted(self.muted)
        self._player.setAudioOutput(self._output)
        self._player.playbackStateChanged.connect(self._state_changed)
        self._player.mediaStatusChanged.connect(self._media_status_changed)

    # --- speaking -----------------------------------------------------------------------------

    def speak(self, key: object, text: str, voice: "Voice", voice_id: str | None = None) -> None:
        """Say ``text`` (line ``key``) in ``voice``; stops whatever is playing."""
        self.skip()
        if not self.enabled or self.muted or not text.strip() or (self._ready and not self.has_output):
            return
        self._wanted = key
        if key in self._files:
            self._play(key)
            return
        if not self._ready:
            self.start()
        out = Path(self._folder.name) / f"line-{len(self._files) + 1}-{abs(hash(key)) % 10**8}.wav"
        rate = self._rate_scale

        def synthesise() -> Path:
            if self._speaker is None or not self._speaker.available:
                return Path()
            return self._speaker.synthesise(text, voice, out, rate, voice_id)

        def done(path: Path) -> None:
            if path != Path():
                self._files[key] = path
                if self._wanted == key:
                    self._play(key)

        self._tasks.run(synthesise, done, self._speech_failed, lane="speech")

    def configure(self, enabled: bool, rate_scale: float, voice_ids: dict[str, str]) -> None:
        """Apply the settings; lines already made in another rate or voice are made again."""
        self.enabled = enabled
        if (rate_scale, voice_ids) != (self._rate_scale, self._voice_ids):
            self._files.clear()
        self._rate_scale, self._voice_ids = rate_scale, dict(voice_ids)

    def _speech_failed(self, error: BaseException) -> None:
        self._tell(f"The voice stopped working, so lines are shown as text only ({error}).")

    def _play(self, key: object) -> None:
        self.prepare_player()
        if self._player is None:
            return  # no audio library: the line stays on screen
        self._current = key
        self._player.setSource(QUrl.fromLocalFile(str(self._files[key])))
        self._player.play()
        self.playing.emit(key)

    def replay(self, key: object, text: str, voice: "Voice", voice_id: str | None = None) -> None:
        """Say line ``key`` again (even when muted: asking to hear it unmutes)."""
        if self.muted:
            self.set_muted(False)
        self.speak(key, text, voice, voice_id)

    def skip(self) -> None:
        """Stop the line now playing; the next line plays normally."""
        self._wanted = None
        if self._player is not None and self._current is not None:
            self._current = None
            self._player.stop()
            self.playing.emit(None)

    def set_muted(self, muted: bool) -> None:
        self.muted = muted
        if self._output is not None:
            self._output.setMuted(muted)
        if muted:
            self.skip()

    def _state_changed(self, state) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        finished = self._player.mediaStatus() in (QMediaPlayer.MediaStatus.EndOfMedia,
                                                  QMediaPlayer.MediaStatus.InvalidMedia)
        if state == QMediaPlayer.PlaybackState.StoppedState and finished and self._current is not None:
            self._current = None
            self.playing.emit(None)

    def _media_status_changed(self, status) -> None:
        """A ``play()`` made while the file was still loading can be dropped; play once loaded."""
        from PySide6.QtMultimedia import QMediaPlayer

        if status == QMediaPlayer.MediaStatus.LoadedMedia and self._current is not None and \
                self._player.playbackState() != QMediaPlayer.PlaybackState.PlayingState:
            self._player.play()

    @property
    def current(self) -> object:
        return self._current

    def close(self) -> None:
        """Stop playback and the worker; call after the speech lane is idle."""
        if self._player is not None:
            self._player.stop()
        if self._speaker is not None:
            self._speaker.close()
        self._folder.cleanup()

