"""Spoken replies: real recognition of real audio files the tests make with flite's voices, a
recorded human sample, speaking time, pace, the model check and the ``listen`` command."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import wave
from collections import defaultdict
from pathlib import Path

import numpy as np
import pytest

from conftest import skip_unless_ci
from ask_dont_tell.trainer import listen
from ask_dont_tell.trainer.classify import classify
from ask_dont_tell.trainer.corpus import load_corpus

ROOT = Path(__file__).resolve().parent.parent
FLITE = shutil.which("flite")
FLITE_VOICES = ("slt", "rms", "awb")
#: Real recordings of a human voice that Debian's alsa-utils ships (GPL-2): eight two-word
#: phrases ("Front left", "Rear center", ...) and one of noise.
HUMAN_SAMPLES = Path("/usr/share/sounds/alsa")
HUMAN_WORDS = {"Front_Center": "front center", "Front_Left": "front left", "Front_Right": "front right",
               "Rear_Center": "rear center", "Rear_Left": "rear left", "Rear_Right": "rear right",
               "Side_Left": "side left", "Side_Right": "side right"}


def need(condition: bool, reason: str) -> None:
    if not condition:
        skip_unless_ci(reason)


@pytest.fixture(scope="module")
def recogniser():
    reason = listen.available()
    need(reason is None, f"recognition cannot run here: {reason}")
    return listen.shared_recogniser().load()


def flite_wav(text: str, voice: str, out: Path) -> Path:
    need(FLITE is not None, "flite is not installed")
    subprocess.run([FLITE, "-voice", voice, "-t", text, "-o", str(out)], check=True, capture_output=True)
    return out


def write_wav(path: Path, samples: np.ndarray, rate: int = listen.SAMPLE_RATE) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes())
    return path


def trimmed(samples: np.ndarray) -> np.ndarray:
    """The samples from the first to the last 10 ms louder than -40 dBFS: the speech in a synthetic file."""
    loud = np.where(np.sqrt(np.mean(samples[: len(samples) // 160 * 160].reshape(-1, 160) ** 2, axis=1)) > 0.01)[0]
    return samples[loud[0] * 160:(loud[-1] + 1) * 160]


def held_out_replies(per_label: int = 4) -> list:
    """The first few replies of each label in the held-out test part (never tuned on)."""
    chosen: dict[str, list] = defaultdict(list)
    for example in load_corpus("test"):
        if len(chosen[example.label]) < per_label:
            chosen[example.label].append(example)
    return [example for examples in chosen.values() for example in examples]


# --- words, pace and talk time (no model) -----------------------------------------------------


def test_word_errors_and_pace():
    assert listen.word_errors("Let's pick it up after lunch.", "lets pick it up after lunch") == (0, 6)
    assert listen.word_errors("walk me through it", "what me through") == (2, 4)
    assert listen.word_errors("um they're going nowhere", "They are going nowhere.") == (0, 4)
    assert listen.words_per_minute("one two three four five", 2.0) == 150.0
    assert listen.words_per_minute("anything", 0) is None


def test_talk_time_uses_speaking_time_for_spoken_replies():
    talk = listen.talk_time(["What happened?", "Say more about that.", "You should call them now."],
                            [1.0, 1.5, None], ["Well, the deal fell through last week and I blame the leads."] * 3,
                            salesperson_wpm=180)
    assert talk.spoken and talk.spoken_replies == 2 and talk.replies == 3
    assert talk.words_per_minute == round(6 * 60 / 2.5, 1)
    assert talk.manager_seconds == pytest.approx(2.5 + 5 * 60 / talk.words_per_minute, abs=0.01)
    assert talk.salesperson_seconds == pytest.approx(3 * 12 * 60 / 180, abs=0.01)
    assert talk.ratio == pytest.approx(talk.manager_seconds / (talk.manager_seconds + talk.salesperson_seconds),
                                       abs=0.001)
    assert talk.per_reply == (1.0, 1.5, None)
    long = listen.talk_time(["a " * 120, "ok"], [42.0, 0.6], [])
    assert long.monologues == ((1, 42.0),) and long.ratio == 1.0
    typed = listen.talk_time(["What happened?"], [None], [])
    assert not typed.spoken and typed.words_per_minute is None


def test_talk_summary_for_the_report():
    turns = [{"reply": "What happened?", "salesperson": "We lost the deal.", "speech_seconds": 1.2},
             {"reply": "word " * 100, "salesperson": "I guess so.", "speech_seconds": 40.0},
             {"reply": "Okay.", "salesperson": "Right.", "speech_seconds": None}]
    line = listen.talk_summary(turns, "Tom", 180)
    assert line.startswith("Spoken: 2 of 3 replies, 41 s of speech at 148 words a minute.")
    assert "Talk time: you 42 s, Tom 3 s (94% yours)" in line and "Monologues over 30 s: reply 2 (40 s)." in line
    assert listen.talk_summary([{"reply": "Hi", "salesperson": "Hello", "speech_seconds": None}]) is None


# --- the model files --------------------------------------------------------------------------


def test_model_files_are_checked_by_size_and_hash(tmp_path, recogniser):
    folder = listen.model_folder()
    listen.verify_model(folder)
    for name in listen.MODEL_FILES:
        (tmp_path / name).symlink_to(folder / name)
    (tmp_path / "config.json").unlink()
    changed = bytearray((folder / "config.json").read_bytes())
    changed[-3] ^= 1
    (tmp_path / "config.json").write_bytes(bytes(changed))  # same size, other content
    with pytest.raises(listen.ListenUnavailable, match="SHA-256"):
        listen.Recogniser(tmp_path).load()
    (tmp_path / "config.json").write_bytes(bytes(changed[:-1]))
    with pytest.raises(listen.ListenUnavailable, match="bytes, not"):
        listen.Recogniser(tmp_path).load()
    (tmp_path / "config.json").unlink()
    with pytest.raises(listen.ListenUnavailable, match="missing"):
        listen.Recogniser(tmp_path).load()


def test_an_unknown_model_package_version_is_refused(monkeypatch):
    from importlib import metadata

    monkeypatch.delenv(listen.MODEL_DIR_ENV, raising=False)
    monkeypatch.setattr(metadata, "version", lambda name: "9.9.9")
    with pytest.raises(listen.ListenUnavailable, match="only 0.1.0 is known"):
        listen.model_folder()


# --- recognition of real audio ----------------------------------------------------------------


def test_held_out_replies_spoken_by_flite_voices(tmp_path, recogniser):
    """Each of 36 held-out replies (four per label) in each of flite's three voices: word error at
    most 10% over the 108 (measured: slt 7.5%, rms 6.1%, awb 9.4%), and the spoken reply's label
    the typed one's in at least 90% (measured: 106 of 108)."""
    same = spoken_count = errors = words = 0
    disagreements = []
    by_voice = {}
    for voice in FLITE_VOICES:
        before = errors, words
        for number, example in enumerate(held_out_replies()):
            path = flite_wav(example.reply, voice, tmp_path / f"{voice}-{number}.wav")
            heard = recogniser.transcribe(path).text
            wrong, total = listen.word_errors(example.reply, heard)
            errors, words = errors + wrong, words + total
            typed = classify(example.reply, example.context or None).label
            spoken = classify(heard, example.context or None).label
            same, spoken_count = same + (typed == spoken), spoken_count + 1
            if typed != spoken:
                disagreements.append((voice, example.reply, heard, typed, spoken))
        by_voice[voice] = (errors - before[0], words - before[1])
    assert errors / words <= 0.10, by_voice
    assert same / spoken_count >= 0.90, disagreements


def test_flite_voices_are_understood_better_than_espeak_ng(tmp_path, recogniser):
    """Why flite is the first choice on Linux: the same replies from espeak-ng come back with about
    a quarter of their words wrong (measured 26% over these six in two accents), from flite's slt
    with almost none."""
    espeak = shutil.which("espeak-ng")
    need(espeak is not None, "espeak-ng is not installed")
    lines = ["What would a good outcome look like for you?",
             "You should call the client tomorrow and tell them the price.",
             "It sounds like you feel the leads are not giving you a fair chance.",
             "Walk me through what happened on the last call.",
             "Have you talked to Sam about the handover?", "That was a brave thing to try."]
    errors = {"flite": [0, 0], "espeak-ng": [0, 0]}
    for number, line in enumerate(lines):
        flite = flite_wav(line, "slt", tmp_path / f"flite-{number}.wav")
        espoken = tmp_path / f"espeak-{number}.wav"
        subprocess.run([espeak, "-v", "en-gb" if number % 2 else "en-us", "-s", "165", "-w", str(espoken), line],
                       check=True, capture_output=True)
        for engine, path in (("flite", flite), ("espeak-ng", espoken)):
            wrong, total = listen.word_errors(line, recogniser.transcribe(path).text)
            errors[engine][0] += wrong
            errors[engine][1] += total
    flite_rate, espeak_rate = (wrong / total for wrong, total in errors.values())
    assert flite_rate <= 0.10 and espeak_rate > flite_rate + 0.05, errors


def test_speech_seconds_is_within_ten_percent_of_the_speech_in_the_file(tmp_path, recogniser):
    lines = ["What would a good outcome look like for you?",
             "It sounds like you feel the leads are not giving you a fair chance.",
             "Right, I'll get finance on the phone and have the discount signed off today."]
    for voice in FLITE_VOICES:
        spoken = [trimmed(listen.read_audio(flite_wav(line, voice, tmp_path / f"{voice}-{n}.wav")))
                  for n, line in enumerate(lines)]
        silence = np.zeros(listen.SAMPLE_RATE, dtype=np.float32)
        audio = np.concatenate([silence[:12_000]] + [part for s in spoken for part in (s, silence)])
        truth = sum(len(s) for s in spoken) / listen.SAMPLE_RATE
        path = write_wav(tmp_path / f"{voice}-all.wav", audio)
        transcript = recogniser.transcribe(path)
        assert abs(transcript.speech_seconds - truth) <= 0.10 * truth, (voice, transcript.speech_seconds, truth)
        assert transcript.audio_seconds > truth + 3  # the silences are in the file, not in the speech
        assert transcript.words_per_minute == pytest.approx(transcript.words * 60 / transcript.speech_seconds, abs=0.1)


def test_ten_seconds_of_audio_are_transcribed_whole_and_timed(tmp_path, recogniser):
    """Ten seconds of audio come back whole, with the time they took measured (the speed itself is
    a benchmark's figure: bench/bench_listen.py prints it; a timed assertion would fail on a busy
    machine rather than on broken code)."""
    text = ("Tell me more about what happened with the client after the demo, and what you think "
            "made them go quiet. What would you like to try next week?")
    audio = listen.read_audio(flite_wav(text, "rms", tmp_path / "long.wav"))
    audio = np.concatenate([audio, np.zeros(max(0, 10 * listen.SAMPLE_RATE - len(audio)), np.float32)])
    assert len(audio) >= 10 * listen.SAMPLE_RATE
    transcript = recogniser.transcribe(audio)
    assert transcript.audio_seconds == pytest.approx(10.0, abs=0.1) and transcript.seconds_taken > 0
    assert listen.word_errors(text, transcript.text)[0] <= 3


def test_recorded_human_speech(recogniser):
    """The only recordings of a real human voice that a registry package here ships are the eight
    two-word channel announcements of Debian's alsa-utils (48 kHz WAV, GPL-2). They are short and
    not coaching replies, but they are a real person reading aloud: recognised with at most two
    word errors in the sixteen words ("Rear right" comes out as "We're right", which counts two),
    and the recorded noise gives no words at all."""
    need((HUMAN_SAMPLES / "Front_Left.wav").is_file(), "alsa-utils' recorded samples are not installed")
    errors = words = 0
    for name, said in HUMAN_WORDS.items():
        transcript = recogniser.transcribe(HUMAN_SAMPLES / f"{name}.wav")
        wrong, total = listen.word_errors(said, transcript.text)
        errors, words = errors + wrong, words + total
        assert 0.4 < transcript.speech_seconds < 1.6, (name, transcript.speech_seconds)
    assert errors <= 2, errors
    noise = recogniser.transcribe(HUMAN_SAMPLES / "Noise.wav")
    assert noise.text == "" and noise.words_per_minute is None


def test_sound_marks_are_no_reply_but_thanks_are():
    assert [listen._tidy(text) for text in ("[BLANK_AUDIO]", " (music) ", "you", "Thanks for watching!", "")] == [""] * 5
    assert listen._tidy("Thank you.") == "Thank you." and listen._tidy("  So,  what   next? ") == "So, what next?"


def test_silence_gives_no_words(recogniser):
    transcript = recogniser.transcribe(np.zeros(3 * listen.SAMPLE_RATE, dtype=np.float32))
    assert transcript.text == "" and transcript.speech_seconds == 0


def test_recognition_needs_no_network(tmp_path, recogniser, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise OSError("network is switched off in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    fresh = listen.Recogniser().load()  # a second, fresh load with every connection refused
    heard = fresh.transcribe(flite_wav("How did that meeting go?", "slt", tmp_path / "q.wav")).text
    assert listen.word_errors("How did that meeting go?", heard)[0] == 0


def test_audio_in_other_rates_and_channels_is_read(tmp_path):
    tone = np.sin(np.arange(44_100) * 2 * np.pi * 440 / 44_100).astype(np.float32) * 0.5
    path = tmp_path / "stereo.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(44_100)
        out.writeframes((np.repeat(tone, 2) * 32767).astype("<i2").tobytes())
    samples = listen.read_audio(path)
    assert len(samples) == listen.SAMPLE_RATE and 0.45 < np.abs(samples).max() <= 0.5
    with pytest.raises(listen.AudioUnreadable, match="nothing.wav"):
        listen.read_audio(tmp_path / "nothing.wav")


# --- the listen command -----------------------------------------------------------------------


def run_listen(*args: str, network: bool = True) -> subprocess.CompletedProcess:
    command = [sys.executable, "main.py", "listen", *args]
    if not network:
        command = ["unshare", "--net", "--map-root-user", *command]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_listen_command_transcribes_each_file_and_names_a_bad_one(tmp_path, recogniser):
    good = flite_wav("What would you like to get out of today?", "slt", tmp_path / "good.wav")
    advice = flite_wav("You should send them the revised proposal tomorrow.", "rms", tmp_path / "advice.wav")
    bad = tmp_path / "broken.wav"
    bad.write_bytes(b"RIFF\x00\x00\x00\x00WAVEnot really")
    result = run_listen(str(good), str(bad), str(advice), "--json")
    assert result.returncode == 1
    assert "broken.wav" in result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(row["file"]).name for row in rows] == ["good.wav", "advice.wav"]
    assert [row["label"] for row in rows] == ["open_question", "advice"]
    for row in rows:
        assert set(row) >= {"transcript", "label", "cue", "focus", "speech_seconds", "words_per_minute"}
        assert 1.0 < row["speech_seconds"] < 5.0 and 100 < row["words_per_minute"] < 300
    plain = run_listen(str(good))
    assert plain.returncode == 0 and "open_question" in plain.stdout and "words a minute" in plain.stdout


def test_listen_command_runs_with_the_network_cut_off(tmp_path, recogniser):
    """In a network namespace of its own (no interface but a downed loopback)."""
    probe = subprocess.run(["unshare", "--net", "--map-root-user", "true"], capture_output=True)
    need(shutil.which("unshare") is not None and probe.returncode == 0, "cannot make a network namespace here")
    path = flite_wav("How do you see it?", "awb", tmp_path / "offline.wav")
    result = run_listen(str(path), "--json", network=False)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["label"] == "open_question"
