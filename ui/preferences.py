"""The app's settings: a small JSON file beside the database, read once, saved off the UI thread."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

FILE_NAME = "settings.json"


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

    @classmethod
    def load(cls, path: Path) -> "Preferences":
        """Read the file; a missing or unreadable one gives the defaults (a fresh machine)."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        known = {f.name for f in fields(cls)}
        defaults = cls()
        values = {}
        for name, value in data.items() if isinstance(data, dict) else ():
            if name in known and isinstance(value, type(getattr(defaults, name))):
                values[name] = value
            elif name == "speech_rate" and isinstance(value, int):
                values[name] = float(value)
        return cls(**values)

    def save(self, path: Path) -> None:
        """Write atomically, so a crash mid-write never leaves a half file."""
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".settings-", suffix=".json", dir=path.parent)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(asdict(self), stream, indent=2, ensure_ascii=False)
        os.replace(temporary, path)
