"""The speaker: persona voices mapped onto installed ones, real synthesis, and no engine at all."""

from __future__ import annotations

import ctypes.util
import os
import shutil
import wave
from array import array
from pathlib import Path

import pytest

from ask_dont_tell.trainer.scenario import Voice
from ask_dont_tell.trainer.speech import (
    SPEECH_ENV,
    InstalledVoice,
    SilentSpeaker,
    SpeechFailed,
    WorkerSpeaker,
    choose_voice,
    open_speaker,
    voices_for_language,
)
from ask_dont_tell.trainer.speech_worker import ENGINE_ENV

HAS_ESPEAK = bool(shutil.which("espeak-ng") or ctypes.util.find_library("espeak-ng"))
HAS_FLITE = bool(shutil.which("flite"))
#: Skipped where espeak-ng is missing; in CI (which installs it) a missing engine fails instead.
needs_espeak = pytest.mark.skipif(not HAS_ESPEAK and not os.environ.get("CI"), reason="espeak-ng is not installed")
needs_flite = pytest.mark.skipif(not HAS_FLITE and not os.environ.get("CI"), reason="flite is not installed")
FLITE_LIKE = [
    InstalledVoice("flite/slt", "slt (flite)", ("en-us",), "female"),
    InstalledVoice("flite/rms", "rms (flite)", ("en-us",), "male"),
    InstalledVoice("flite/awb", "awb (flite, Scottish)", ("en-gb-scotland", "en-gb"), "male"),
]

ESPEAK_LIKE = [
    InstalledVoice("gmw/en", "English (Great Britain)", ("en-gb",), "Male"),
    InstalledVoice("gmw/en-us", "English (America)", ("en-us",), "Male"),
    InstalledVoice("gmw/en-gb-x-rp", "English (Received Pronunciation)", ("en-gb-x-rp",), "Male"),
    InstalledVoice("mb/mb-us1", "us-mbrola-1", ("en-us",), "Female"),
    InstalledVoice("gmw/de", "German", ("de",), "Male"),
]
SAPI_LIKE = [
    InstalledVoice("david", "Microsoft David", ("en_US",), "Male"),
    InstalledVoice("zira", "Microsoft Zira", ("en_US",), "Female"),
    InstalledVoice("hazel", "Microsoft Hazel", ("en_GB",), "Female"),
]


def audio_frames(path: Path) -> tuple[int, int]:
    """(frames, loudest sample) of a 16-bit mono WAV file."""
    with wave.open(str(path), "rb") as audio:
        frames = audio.getnframes()
        samples = array("h", audio.readframes(frames))
    return frames, max((abs(s) for s in samples), default=0)


# --- choosing a voice -------------------------------------------------------------------------


def test_exact_accent_wins():
    assert choose_voice(Voice(accent="en-us"), ESPEAK_LIKE) == "gmw/en-us"
    assert choose_voice(Voice(accent="en-gb"), ESPEAK_LIKE) == "gmw/en"


def test_an_accent_without_its_own_voice_gets_the_nearest():
    assert choose_voice(Voice(accent="en-ie"), ESPEAK_LIKE) == "gmw/en"
    assert choose_voice(Voice(accent="en-ca"), ESPEAK_LIKE) == "gmw/en-us"


def test_espeak_female_persona_gets_a_female_variant_and_mbrola_is_skipped():
    assert choose_voice(Voice(accent="en-us", gender="female"), ESPEAK_LIKE, variants=True) == "gmw/en-us+f3"
    assert choose_voice(Voice(accent="en-gb", gender="male"), ESPEAK_LIKE, variants=True) == "gmw/en"


def test_engines_with_gendered_voices_match_gender_and_region():
    assert choose_voice(Voice(accent="en-us", gender="female"), SAPI_LIKE) == "zira"
    assert choose_voice(Voice(accent="en-us", gender="male"), SAPI_LIKE) == "david"
    assert choose_voice(Voice(accent="en-gb", gender="female"), SAPI_LIKE) == "hazel"


def test_flite_voices_follow_the_persona_gender_first_then_the_accent():
    def chosen(gender, accent):
        return choose_voice(Voice(gender=gender, accent=accent), FLITE_LIKE, gender_first=True)

    assert chosen("female", "en-gb") == chosen("female", "en-in") == "flite/slt"
    assert chosen("male", "en-ie") == chosen("male", "en-au") == chosen("male", "en-gb") == "flite/awb"
    assert chosen("male", "en-us") == chosen("male", "en-ca") == "flite/rms"


def test_the_voices_offered_for_a_persona_speak_its_language():
    assert [v.id for v in voices_for_language("en-ie", ESPEAK_LIKE)] == ["gmw/en", "gmw/en-us", "gmw/en-gb-x-rp"]
    assert [v.id for v in voices_for_language("de-de", ESPEAK_LIKE)] == ["gmw/de"]
    assert [v.id for v in voices_for_language("en", SAPI_LIKE)] == ["david", "zira", "hazel"]


def test_no_voice_in_the_language_means_the_engine_default():
    assert choose_voice(Voice(accent="fr-fr"), ESPEAK_LIKE) is None
    assert choose_voice(Voice(), []) is None


# --- the real engine --------------------------------------------------------------------------


@needs_espeak
def test_real_engine_writes_audible_wav_files(tmp_path, monkeypatch):
    monkeypatch.delenv(SPEECH_ENV, raising=False)
    monkeypatch.setenv(ENGINE_ENV, "espeak")
    speaker = open_speaker()
    try:
        assert speaker.available, speaker.reason
        assert any(v.id.startswith("gmw/en") for v in speaker.voices())
        tom = speaker.synthesise("Can you just tell me what to do?", Voice(rate=168, pitch=46, gender="male",
                                 accent="en-ie"), tmp_path / "tom.wav")
        priya = speaker.synthesise("Can you just tell me what to do?", Voice(rate=192, pitch=64, gender="female",
                                   accent="en-in"), tmp_path / "priya.wav")
    finally:
        speaker.close()
    for path in (tom, priya):
        frames, loudest = audio_frames(path)
        assert frames > 22050 // 2  # more than half a second of speech
        assert loudest > 1000
    assert tom.read_bytes() != priya.read_bytes()


@needs_flite
def test_flite_speaks_each_persona_in_a_voice_of_their_gender(tmp_path, monkeypatch):
    monkeypatch.delenv(SPEECH_ENV, raising=False)
    monkeypatch.delenv(ENGINE_ENV, raising=False)
    speaker = open_speaker()
    try:
        assert speaker.available, speaker.reason
        assert speaker.engine == "flite"
        assert {v.id for v in speaker.voices()} == {"flite/slt", "flite/rms", "flite/awb"}
        line = "Can you just tell me what to do?"
        paths = {name: speaker.synthesise(line, voice, tmp_path / f"{name}.wav") for name, voice in {
            "priya": Voice(rate=192, pitch=64, gender="female", accent="en-in"),
            "tom": Voice(rate=168, pitch=46, gender="male", accent="en-ie"),
            "slow-tom": Voice(rate=120, pitch=46, gender="male", accent="en-ie"),
            "dan": Voice(rate=188, pitch=34, gender="male", accent="en-us"),
            "odd": Voice(gender="male", accent="en-us", rate=175, pitch=50)}.items()}
        odd = speaker.synthesise("--help -o /tmp/x", Voice(), tmp_path / "dashes.wav")  # text is never an option
    finally:
        speaker.close()
    frames = {name: audio_frames(path) for name, path in paths.items()}
    for count, loudest in frames.values():
        assert count > 16_000 // 2 and loudest > 1000
    assert frames["slow-tom"][0] > frames["tom"][0] * 1.2  # the persona's slower rate is heard
    assert len({path.read_bytes() for path in paths.values()}) == len(paths)
    assert audio_frames(odd)[0] > 0


@needs_espeak
def test_a_killed_worker_is_restarted_on_the_next_line(tmp_path):
    speaker = WorkerSpeaker().start()
    try:
        speaker._process.kill()  # as if the engine had crashed
        path = speaker.synthesise("Still here.", Voice(), tmp_path / "again.wav")
        assert audio_frames(path)[0] > 0
        speaker.restart()
        assert audio_frames(speaker.synthesise("And again.", Voice(), tmp_path / "b.wav"))[0] > 0
    finally:
        speaker.close()
    assert speaker._process is None


@needs_espeak
def test_a_bad_request_fails_that_line_only(tmp_path):
    speaker = WorkerSpeaker().start()
    try:
        with pytest.raises(SpeechFailed):
            speaker.synthesise("Nowhere to go.", Voice(), tmp_path / "missing-folder" / "x.wav")
        assert audio_frames(speaker.synthesise("Fine now.", Voice(), tmp_path / "ok.wav"))[0] > 0
    finally:
        speaker.close()


# --- no engine --------------------------------------------------------------------------------


def fake_pyttsx3(folder: Path, body: str) -> Path:
    package = folder / "pyttsx3"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(body, encoding="utf-8")
    return folder


def test_missing_engine_gives_a_silent_speaker_with_a_reason(tmp_path, monkeypatch):
    monkeypatch.delenv(SPEECH_ENV, raising=False)
    monkeypatch.setenv(ENGINE_ENV, "pyttsx3")
    fake = fake_pyttsx3(tmp_path / "site", "def init(driver=None):\n"
                        "    raise RuntimeError('This means you probably do not have eSpeak or eSpeak-ng installed!')\n")
    monkeypatch.setenv("PYTHONPATH", str(fake))
    speaker = open_speaker()
    assert isinstance(speaker, SilentSpeaker)
    assert not speaker.available
    assert "no speech engine could start" in speaker.reason
    with pytest.raises(SpeechFailed):
        speaker.synthesise("Hello", Voice(), tmp_path / "x.wav")


def test_missing_pyttsx3_gives_a_silent_speaker(tmp_path, monkeypatch):
    monkeypatch.delenv(SPEECH_ENV, raising=False)
    monkeypatch.setenv(ENGINE_ENV, "pyttsx3")
    fake = fake_pyttsx3(tmp_path / "site", "raise ImportError('No module named pyttsx3')\n")
    monkeypatch.setenv("PYTHONPATH", str(fake))
    speaker = open_speaker()
    assert not speaker.available
    assert "pyttsx3" in speaker.reason


def test_speech_can_be_turned_off_without_trying_the_engine(monkeypatch):
    monkeypatch.setenv(SPEECH_ENV, "off")
    speaker = open_speaker()
    assert not speaker.available and SPEECH_ENV in speaker.reason
    assert speaker.voices() == []
