"""The app's settings: a small JSON file beside the database, read once, saved off the UI thread."""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from ask_dont_tell.trainer.safeio import UnreadableFile, atomic_write, read_user_file

FILE_NAME = "settings.json"
#: A settings file is a few hundred bytes; a larger one is not ours and gives the defaults.
MAX_SETTINGS_BYTES = 256 * 1024


@dataclass
class Preferences:
    voice_on: bool = True
    #: Multiplies every persona's own speaking rate.
    speech_rate: float = 1.0
    #: Installed voice id per scenario id; a missing entry means the best match for the persona.
    persona_voices: dict[str, str] = field(default_factory=dict)
    #: Feedback chips after each reply; off means the report alone gives feedback.
    live_feedback: bool = True
    scenarios_folder: str = ""
    appearance: str = "system"
    trainee: str = ""
    #: The workshop the trainee is in; new sessions are recorded under it ("" for none).
    cohort: str = ""
    #: Replies can be spoken (speech recognition loads when practice opens).
    speak_replies: bool = True
    #: A spoken reply waits a moment in the reply box to be corrected; False sends it at once.
    review_spoken: bool = True
    #: The library's "What to practise next" panel; off hides it.
    practise_next: bool = True

    @classmethod
    def load(cls, path: Path) -> "Preferences":
        """Read the file; a missing, unreadable or foreign one (a pipe, a huge file, not JSON) gives
        the defaults (a fresh machine); a value of the wrong type or out of range is left out."""
        try:
            data = json.loads(read_user_file(path, MAX_SETTINGS_BYTES).decode("utf-8"))
        except (UnreadableFile, ValueError, RecursionError):
            return cls()
        known = {f.name for f in fields(cls)}
        defaults = cls()
        values = {}
        for name, value in data.items() if isinstance(data, dict) else ():
            if name in known and isinstance(value, type(getattr(defaults, name))):
                values[name] = value
            elif name == "speech_rate" and isinstance(value, int) and not isinstance(value, bool):
                values[name] = float(value)
        if not (isinstance(values.get("speech_rate"), float) and math.isfinite(values["speech_rate"])
                and 0.25 <= values["speech_rate"] <= 4.0):
            values.pop("speech_rate", None)
        if "persona_voices" in values:
            values["persona_voices"] = {key: voice for key, voice in values["persona_voices"].items()
                                        if isinstance(key, str) and isinstance(voice, str)}
        return cls(**values)

    def save(self, path: Path) -> None:
        """Write atomically, so a crash or a full disk mid-write never leaves a half file."""
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, json.dumps(asdict(self), indent=2, ensure_ascii=False).encode("utf-8"))
