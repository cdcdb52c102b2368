"""The salesperson's voice: a speaker that turns a line into a WAV file, and a silent one.

pyttsx3's espeak driver blocks while it speaks and cannot be interrupted, and a crash in the
engine would take its process with it. So the engine runs in a separate, long-lived worker
process (``python -m ask_dont_tell.trainer.speech_worker``) that synthesises each line to a WAV file; the
caller plays the file however it likes and can kill and restart the worker at any time.

``WorkerSpeaker.synthesise`` blocks until the file is written (a few tens of milliseconds with
espeak-ng), so call it from a background thread, never from a UI thread. No Qt here.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, Sequence

import ask_dont_tell

from .scenario import Voice

#: Set to "off" to keep the app silent without trying the engine (users without sound, tests).
SPEECH_ENV = "TRAINER_SPEECH"
#: How long the worker may take to start, or to synthesise one line, before it is restarted.
START_TIMEOUT_S = 15.0
LINE_TIMEOUT_S = 20.0
#: Accents that have no voice of their own are read in the nearest one that usually exists.
NEAREST_ACCENT: dict[str, str] = {
    "en-ie": "en-gb", "en-au": "en-gb", "en-nz": "en-gb", "en-in": "en-gb", "en-za": "en-gb",
    "en-ca": "en-us",
}
#: espeak-ng voice variants that give its (male) base voices a female or male timbre.
ESPEAK_VARIANTS: dict[str, str] = {"female": "+f3", "male": "+m3"}
#: The folder that holds the ``ask_dont_tell`` package (a checkout, or site-packages): the worker's path.
PROJECT_ROOT = Path(ask_dont_tell.__file__).resolve().parent.parent
#: What the reader thread hands over when the worker's output ends.
_WORKER_GONE: dict = {"ok": False, "error": "the speech worker stopped"}


class SpeechFailed(RuntimeError):
    """The line could not be synthesised; the message is fit to show to the user."""


@dataclass(frozen=True)
class InstalledVoice:
    """A voice the engine reports: its id, name, language tags and gender (if it says)."""

    id: str
    name: str
    languages: tuple[str, ...] = ()
    gender: str | None = None

    @classmethod
    def from_dict(cls, data: dict) -> "InstalledVoice":
        return cls(str(data["id"]), str(data.get("name", "")), tuple(data.get("languages") or ()),
                   data.get("gender"))


def _tag(language: str) -> str:
    return language.strip().lower().replace("_", "-")


def voices_for_language(accent: str, installed: Sequence[InstalledVoice]) -> list[InstalledVoice]:
    """The installed voices that speak the accent's language, e.g. every English one for "en-ie".

    espeak-ng's mbrola voices (which need extra data files) and bare variants are left out.
    """
    base = _tag(accent).split("-")[0]
    return [v for v in installed if not v.id.startswith(("mb/", "!v/"))
            and any(_tag(language).split("-")[0] == base for language in v.languages)]


def choose_voice(voice: Voice, installed: Sequence[InstalledVoice], variants: bool = False,
                 gender_first: bool = False) -> str | None:
    """The installed voice id that best fits a persona's accent and gender, or None for the default.

    Language match counts most (exact accent, then its nearest accent, then a regional form of
    it, then the bare language); gender breaks ties. With ``variants`` (espeak-ng, whose base
    voices are all male) the gender is added as a voice variant instead. With ``gender_first``
    (flite: three English voices, one female) the gender counts before the accent.
    """
    accent = _tag(voice.accent)
    wanted = [accent, NEAREST_ACCENT.get(accent, accent)]
    ranked: list[tuple[tuple, InstalledVoice]] = []
    for candidate in voices_for_language(accent, installed):
        tags = [_tag(language) for language in candidate.languages]
        if accent in tags:
            language_fit = 3
        elif any(tag in tags for tag in wanted):
            language_fit = 2
        elif any(tag.startswith(accent + "-") for tag in tags):
            language_fit = 1
        else:
            language_fit = 0
        gender_fit = int(voice.gender != "any" and (candidate.gender or "").lower() == voice.gender)
        shortest_tag = min((len(tag) for tag in tags), default=99)
        fit = (-gender_fit, -language_fit) if gender_first else (-language_fit, -gender_fit)
        ranked.append(((*fit, shortest_tag, candidate.id), candidate))
    if not ranked:
        return None
    chosen = min(ranked, key=lambda item: item[0])[1]
    if variants and voice.gender in ESPEAK_VARIANTS and (chosen.gender or "").lower() != voice.gender:
        return chosen.id + ESPEAK_VARIANTS[voice.gender]
    return chosen.id


class Speaker(Protocol):
    """Turns a line into a WAV file. ``available`` False means it stays silent, for ``reason``."""

    available: bool
    reason: str
    switched_off: bool  # silent on purpose (TRAINER_SPEECH=off), not for want of an engine

    def synthesise(self, text: str, voice: Voice, out: Path, rate_scale: float = 1.0,
                   voice_id: str | None = None) -> Path: ...

    def voices(self) -> list[InstalledVoice]: ...

    def close(self) -> None: ...


class SilentSpeaker:
    """The speaker when no engine works: says why once, and never makes a sound."""

    available = False

    def __init__(self, reason: str, switched_off: bool = False) -> None:
        self.reason = reason
        #: True when speech was turned off on purpose, not missing or broken
        self.switched_off = switched_off

    def synthesise(self, text: str, voice: Voice, out: Path, rate_scale: float = 1.0,
                   voice_id: str | None = None) -> Path:
        raise SpeechFailed(self.reason)

    def voices(self) -> list[InstalledVoice]:
        return []

    def close(self) -> None:
        """Nothing to release."""


class WorkerSpeaker:
    """Speaks through the worker process; thread-safe, one line at a time.

    ``start`` raises SpeechFailed with a readable reason when the engine cannot start. A worker
    that dies or hangs is restarted on the next line.
    """

    available = True
    switched_off = False
    reason = ""

    def __init__(self, command: Sequence[str] | None = None, env: dict[str, str] | None = None,
                 line_timeout: float = LINE_TIMEOUT_S) -> None:
        self._command = list(command or [sys.executable, "-m", "ask_dont_tell.trainer.speech_worker"])
        self._env = env
        self._line_timeout = line_timeout
        self._lock = threading.Lock()
        self._process: subprocess.Popen[str] | None = None
        self._reader: threading.Thread | None = None
        self._replies: queue.Queue[dict | None] = queue.Queue()
        self._voices: list[InstalledVoice] = []
        self._variants = False
        self._gender_first = False
        self.engine = ""

    # --- life cycle ---------------------------------------------------------------------------

    def start(self) -> "WorkerSpeaker":
        with self._lock:
            self._start_locked()
        return self

    def _start_locked(self) -> None:
        env = dict(os.environ if self._env is None else self._env)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH")]))
        env["PYTHONIOENCODING"] = "utf-8"
        creation = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # no console window on Windows
        try:
            self._process = subprocess.Popen(
                self._command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                text=True, encoding="utf-8", env=env, creationflags=creation,
            )
        except OSError as error:
            raise SpeechFailed(f"the speech worker could not start: {error}") from None
        self._replies = queue.Queue()
        self._reader = threading.Thread(target=self._read_replies, args=(self._process, self._replies),
                                        name="speech-worker-reader", daemon=True)
        self._reader.start()
        hello = self._next_reply(START_TIMEOUT_S)
        if hello is None or not hello.get("ready"):
            reason = (hello or {}).get("reason") or "the speech worker stopped before it was ready"
            self._stop_locked()
            raise SpeechFailed(reason)
        self.engine = hello.get("engine", "")
        self._variants = bool(hello.get("variants"))
        self._gender_first = bool(hello.get("gender_first"))
        self._voices = [InstalledVoice.from_dict(v) for v in hello.get("voices", [])]

    @staticmethod
    def _read_replies(process: subprocess.Popen[str], replies: queue.Queue) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            try:
                replies.put(json.loads(line))
            except json.JSONDecodeError:
                continue  # engine chatter that escaped to stdout
        replies.put(None)  # end of file: the worker is gone

    def _next_reply(self, timeout: float) -> dict | None:
        try:
            return self._replies.get(timeout=timeout)
        except queue.Empty:
            return None

    def restart(self) -> None:
        """Kill the worker (e.g. one stuck in the engine) and start a fresh one."""
        with self._lock:
            self._stop_locked()
            self._start_locked()

    def close(self) -> None:
        with self._lock:
            self._stop_locked()

    def _stop_locked(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            if process.poll() is None:
                process.kill()
            process.wait()
            for stream in (process.stdin, process.stdout):
                if stream:
                    stream.close()
        if self._reader is not None:
            self._reader.join()
            self._reader = None

    # --- speaking -----------------------------------------------------------------------------

    def voices(self) -> list[InstalledVoice]:
        return list(self._voices)

    def synthesise(self, text: str, voice: Voice, out: Path, rate_scale: float = 1.0,
                   voice_id: str | None = None) -> Path:
        """Write ``text`` in the persona's voice to the WAV file ``out``; blocks until written.

        A worker found dead (it crashed, or was killed) is restarted and the line tried once more.
        """
        with self._lock:
            request = {
                "text": text, "out": str(out), "rate": max(60, round(voice.rate * rate_scale)),
                "pitch": voice.pitch,
                "voice": voice_id or choose_voice(voice, self._voices, self._variants, self._gender_first),
            }
            answer = self._ask_locked(request)
            if answer is _WORKER_GONE:
                answer = self._ask_locked(request)
            if answer is _WORKER_GONE or answer is None:
                self._stop_locked()
                raise SpeechFailed("the speech engine did not answer; it will be restarted")
            if not answer.get("ok"):
                raise SpeechFailed(answer.get("error") or "the speech engine failed on this line")
            return Path(answer["out"])

    def _ask_locked(self, request: dict) -> dict | None:
        """The worker's answer, None when it timed out, or _WORKER_GONE when it had died."""
        if self._process is None or self._process.poll() is not None:
            self._stop_locked()
            self._start_locked()
        assert self._process is not None and self._process.stdin is not None
        try:
            self._process.stdin.write(json.dumps(request) + "\n")
            self._process.stdin.flush()
        except OSError:
            self._stop_locked()
            return _WORKER_GONE
        try:
            answer = self._replies.get(timeout=self._line_timeout)
        except queue.Empty:
            return None
        if answer is None:
            self._stop_locked()
            return _WORKER_GONE
        return answer


def open_speaker() -> Speaker:
    """The best speaker this machine has: the worker if its engine starts, else a silent one."""
    if os.environ.get(SPEECH_ENV, "").lower() == "off":
        return SilentSpeaker(f"speech is turned off with {SPEECH_ENV}=off", switched_off=True)
    try:
        return WorkerSpeaker().start()
    except SpeechFailed as error:
        return SilentSpeaker(str(error))
