"""The speech worker process: synthesises lines to WAV files, one JSON line each.

Run as ``python -m ask_dont_tell.trainer.speech_worker``; ``trainer.speech.WorkerSpeaker`` starts
and talks to it. It lives in its own process because the engine blocks, cannot be interrupted, and may
crash; the parent can simply kill it.

The engine: on Linux, Debian's flite voices when the ``flite`` program is installed (``slt``
female, ``rms`` and ``awb`` male; each line is one short run of ``flite``, under 0.1 s to
start, and listeners understood them much better than espeak-ng); otherwise pyttsx3, which is
espeak-ng on Linux and the system's own voices on Windows (SAPI5) and macOS.
``TRAINER_SPEECH_ENGINE=espeak`` (or ``pyttsx3``) skips flite.

Protocol (UTF-8 JSON, one object per line):
- on start it writes ``{"ready": true, "engine", "variants", "voices": [...]}``, or
  ``{"ready": false, "reason"}`` and exits when no engine works;
- for each request ``{"text", "out", "rate", "pitch", "voice"}`` read from stdin it writes
  ``{"ok": true, "out", "frames"}`` or ``{"ok": false, "error"}``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import wave
from typing import Any, TextIO

#: The driver pyttsx3 picks on each platform (it does the same when given none).
DRIVERS = {"win32": "sapi5", "darwin": "nsss"}
#: How long to wait for the engine to report a line finished after ``runAndWait`` returns.
FINISH_TIMEOUT_S = 15.0
#: Tries per line when the engine produces an empty file (see ``_synthesise``).
ATTEMPTS = 3


#: Chooses the engine: "flite" or "pyttsx3"/"espeak"; unset means flite when installed (Linux).
ENGINE_ENV = "TRAINER_SPEECH_ENGINE"
#: flite's built-in voices worth hearing (kal is a low-quality diphone voice), with the pitch of
#: each voice (Hz, measured) that a persona's pitch 50 leaves unchanged.
FLITE_VOICES: list[dict] = [
    {"id": "flite/slt", "name": "slt (flite)", "languages": ["en-us"], "gender": "female", "f0": 175},
    {"id": "flite/rms", "name": "rms (flite)", "languages": ["en-us"], "gender": "male", "f0": 95},
    {"id": "flite/awb", "name": "awb (flite, Scottish)", "languages": ["en-gb-scotland", "en-gb"],
     "gender": "male", "f0": 135},
]
#: flite's own pace, in words a minute, that a duration stretch of 1 gives.
FLITE_WPM = 175
FLITE_TIMEOUT_S = 15.0


def _send(channel: TextIO, message: dict) -> None:
    channel.write(json.dumps(message, ensure_ascii=False) + "\n")
    channel.flush()


def _open_engine() -> tuple[Any, str]:
    """Start pyttsx3; raises RuntimeError with a reason a user can act on."""
    driver = DRIVERS.get(sys.platform, "espeak")
    try:
        import pyttsx3
    except ImportError as error:
        raise RuntimeError(f"the pyttsx3 package is not installed ({error})") from None
    try:
        return pyttsx3.init(driver), driver
    except Exception as error:  # the drivers raise anything from OSError to RuntimeError
        hint = " (install flite or espeak-ng)" if driver == "espeak" else ""
        raise RuntimeError(f"no speech engine could start{hint}: {error}") from None


def _voices(engine: Any) -> list[dict]:
    found = []
    for voice in engine.getProperty("voices") or []:
        languages = [lang.decode("utf-8", "replace") if isinstance(lang, bytes) else str(lang)
                     for lang in (getattr(voice, "languages", None) or [])]
        found.append({"id": voice.id, "name": getattr(voice, "name", "") or "", "languages": languages,
                      "gender": getattr(voice, "gender", None)})
    return found


def _synthesise(engine: Any, finished: threading.Event, request: dict) -> dict:
    """One line to one file, checked.

    With espeak-ng, pyttsx3's ``runAndWait`` can return while the engine's callback is still
    writing the file, and now and then its loop cancels a line it has just started (the file
    then has no audio). So a line is done only when the engine reports it finished, and a line
    that came out empty is synthesised again.
    """
    text = str(request["text"])
    out = str(request["out"])
    folder = os.path.dirname(os.path.abspath(out))
    if not os.path.isdir(folder) or not os.access(folder, os.W_OK):
        # checked first: the engine's callback would fail to write and never report the line finished
        return {"ok": False, "error": f"cannot write the audio file in {folder}"}
    if request.get("voice"):
        engine.setProperty("voice", request["voice"])
    engine.setProperty("rate", int(request.get("rate", 175)))
    try:
        engine.setProperty("pitch", int(request.get("pitch", 50)))
    except (KeyError, ValueError):
        pass  # some drivers have no pitch; the voice's own pitch is used
    frames = 0
    for _attempt in range(ATTEMPTS):
        finished.clear()
        engine.save_to_file(text, out)
        engine.runAndWait()
        if not finished.wait(FINISH_TIMEOUT_S):
            return {"ok": False, "error": "the speech engine did not finish the line"}
        if not os.path.exists(out):
            continue
        frames = _frames(out)
        if frames != 0:
            return {"ok": True, "out": out, "frames": frames}
    return {"ok": False, "error": "the speech engine wrote no audio for this line"}


def _flite() -> str | None:
    """The flite program to use, or None for pyttsx3."""
    wanted = os.environ.get(ENGINE_ENV, "").strip().lower()
    if wanted in ("pyttsx3", "espeak", "espeak-ng") or (not wanted and not sys.platform.startswith("linux")):
        return None
    return shutil.which("flite")


def _flite_voices(program: str) -> list[dict]:
    """flite's voices that this build has (``flite -lv``)."""
    listed = subprocess.run([program, "-lv"], capture_output=True, text=True, timeout=FLITE_TIMEOUT_S).stdout
    names = set(listed.replace("Voices available:", "").split())
    return [{k: v for k, v in voice.items() if k != "f0"} for voice in FLITE_VOICES
            if voice["id"].split("/", 1)[1] in names]


def _flite_synthesise(program: str, request: dict) -> dict:
    """One line with flite: its pace from the persona's rate, its pitch from the persona's pitch."""
    text = str(request["text"])
    out = str(request["out"])
    folder = os.path.dirname(os.path.abspath(out))
    if not os.path.isdir(folder) or not os.access(folder, os.W_OK):
        return {"ok": False, "error": f"cannot write the audio file in {folder}"}
    voice = next((v for v in FLITE_VOICES if v["id"] == request.get("voice")), FLITE_VOICES[0])
    stretch = FLITE_WPM / max(60, int(request.get("rate", FLITE_WPM)))
    f0 = voice["f0"] * (1 + (int(request.get("pitch", 50)) - 50) / 200)
    command = [program, "-voice", voice["id"].split("/", 1)[1], "--setf", f"duration_stretch={stretch:.3f}",
               "--setf", f"int_f0_target_mean={f0:.0f}", "-o", out]
    try:
        # the text goes in on stdin, so no line is ever taken for an option or a file name
        done = subprocess.run(command + ["-f", "/dev/stdin"], input=text, capture_output=True, text=True,
                              timeout=FLITE_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return {"ok": False, "error": "flite did not finish the line"}
    frames = _frames(out) if os.path.exists(out) else 0
    if done.returncode != 0 or frames == 0:
        return {"ok": False, "error": f"flite wrote no audio for this line ({done.stderr.strip()[:200]})"}
    return {"ok": True, "out": out, "frames": frames}


def _frames(path: str) -> int:
    """Audio frames in a WAV file; -1 for another container (e.g. AIFF on macOS), which plays too."""
    try:
        with wave.open(path, "rb") as audio:
            return audio.getnframes()
    except (OSError, EOFError, wave.Error):
        return -1


def main() -> int:
    # The protocol owns the real stdout; anything the engine prints goes to stderr instead.
    channel = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    sys.stdout = sys.stderr
    flite = _flite()
    voices = _flite_voices(flite) if flite else []
    if flite and voices:
        synthesise = lambda request: _flite_synthesise(flite, request)  # noqa: E731
        _send(channel, {"ready": True, "engine": "flite", "variants": False, "gender_first": True,
                        "voices": voices})
    else:
        try:
            engine, driver = _open_engine()
            voices = _voices(engine)
        except RuntimeError as error:
            _send(channel, {"ready": False, "reason": str(error)})
            return 1
        finished = threading.Event()
        engine.connect("finished-utterance", lambda completed=True, **_details: completed and finished.set())
        synthesise = lambda request: _synthesise(engine, finished, request)  # noqa: E731
        _send(channel, {"ready": True, "engine": driver, "variants": driver == "espeak", "voices": voices})
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            answer = synthesise(json.loads(line))
        except Exception as error:  # one bad line must not end the worker
            answer = {"ok": False, "error": f"{type(error).__name__}: {error}"}
        _send(channel, answer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
