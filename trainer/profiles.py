"""Who practises on this machine, and what each of them is best to practise next.

One identity for the app and the command line: the profiles and the current one are kept in
``profiles.json`` in the data folder, so ``python main.py prep`` and ``export`` default to the
person the app is practising as. Participants whose files a trainer imports are not profiles:
they belong to cohorts.

``practise_next`` reads a profile's finished sessions and picks the situation and the skill most
worth practising next (the measure most often short of its threshold lately, a situation not yet
ready, the one left longest), with a practice streak and a calendar of sessions, in the spirit of a
spaced-practice app. It only suggests; nothing here reminds or nags.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Sequence

from .progress import READY_STREAK, ScenarioReadiness, readiness, session_verdicts
from .safeio import UnreadableFile, atomic_write, read_user_file
from .scoring import READY_THRESHOLDS, THRESHOLDS

FILE_NAME = "profiles.json"
MAX_FILE_BYTES = 256 * 1024
MAX_NAME_CHARS = 200
#: Sessions read for "the weakest measure lately".
RECENT_SESSIONS = 5
#: Weeks shown in the calendar of sessions.
CALENDAR_WEEKS = 6


def clean_name(text: str) -> str:
    """A profile name as stored: one line, spaces collapsed, at most 200 characters; "" if unusable."""
    text = " ".join(str(text).split())[:MAX_NAME_CHARS]
    return text if text.isprintable() else ""


@dataclass(frozen=True)
class Profiles:
    """The profiles practising on this machine and the current one ("" before the first start)."""

    names: tuple[str, ...] = ()
    current: str = ""

    @classmethod
    def load(cls, data_dir: Path) -> "Profiles":
        """Read the file; a missing, damaged or foreign one means no profile yet."""
        try:
            data = json.loads(read_user_file(Path(data_dir) / FILE_NAME, MAX_FILE_BYTES).decode("utf-8"))
        except (UnreadableFile, ValueError, RecursionError):
            return cls()
        if not isinstance(data, dict):
            return cls()
        raw = data.get("profiles")
        names: list[str] = []
        for item in raw if isinstance(raw, list) else []:
            name = clean_name(item) if isinstance(item, str) else ""
            if name and name not in names:
                names.append(name)
        current = clean_name(data["current"]) if isinstance(data.get("current"), str) else ""
        if current and current not in names:
            names.append(current)
        return cls(tuple(names), current or (names[0] if names else ""))

    def save(self, data_dir: Path) -> None:
        """Write atomically (a crash mid-write leaves the previous file)."""
        folder = Path(data_dir)
        folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"profiles": list(self.names), "current": self.current}, indent=2, ensure_ascii=False)
        atomic_write(folder / FILE_NAME, (text + "\n").encode("utf-8"))

    def with_current(self, name: str) -> "Profiles":
        """These profiles with ``name`` added (if new) and made current."""
        name = clean_name(name)
        if not name:
            raise ValueError("a profile needs a name")
        names = self.names if name in self.names else self.names + (name,)
        return Profiles(names, name)


def system_full_name() -> str:
    """The user's full name as the system knows it ("" where it does not): the password database's
    name field on Linux and macOS, the display name on Windows."""
    try:
        if os.name == "nt":  # pragma: no cover - Windows only
            import ctypes

            size = ctypes.c_ulong(0)
            ctypes.windll.secur32.GetUserNameExW(3, None, ctypes.byref(size))  # 3: NameDisplay
            buffer = ctypes.create_unicode_buffer(size.value or 1)
            if ctypes.windll.secur32.GetUserNameExW(3, buffer, ctypes.byref(size)):
                return clean_name(buffer.value)
            return ""
        import pwd

        return clean_name(pwd.getpwuid(os.getuid()).pw_gecos.split(",")[0])
    except (OSError, KeyError, ImportError, AttributeError, ValueError):
        return ""


def system_user_name() -> str:
    """The login name, as it is ("" where there is none)."""
    import getpass

    try:
        return clean_name(getpass.getuser())
    except Exception:  # no user name in the environment or the password database
        return ""


# --- what to practise next ----------------------------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    scenario: str
    title: str
    #: The threshold name of the skill to work on ("" before any session).
    skill: str
    skill_label: str
    #: Why this one, in a sentence or two.
    reason: str


@dataclass(frozen=True)
class PractisePlan:
    """What a profile is best to practise next, and how their practice has gone lately."""

    suggestion: Suggestion | None
    streak_days: int
    sessions_this_week: int
    #: Sessions per day for the calendar's days (oldest first, ending today).
    calendar: tuple[tuple[dt.date, int], ...]
    ready: Mapping[str, ScenarioReadiness] = field(default_factory=dict)
    #: Ready situations out of all installed.
    ready_count: int = 0
    total: int = 0


def _day(iso: str | None) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(iso).astimezone().date() if iso else None
    except (ValueError, OverflowError, OSError):
        return None


def weakest_skill(trend_points: Sequence[Mapping]) -> tuple[str, int, int]:
    """The "ready" measure most often failed in the newest sessions: (name, times failed, of how
    many); ("", 0, n) when every one passed or there are none."""
    recent = list(trend_points)[-RECENT_SESSIONS:]
    failed = {name: 0 for name in READY_THRESHOLDS}
    for point in recent:
        for verdict in session_verdicts(point):
            if not verdict.passed:
                failed[verdict.name] += 1
    name = max(READY_THRESHOLDS, key=lambda item: (failed[item], -READY_THRESHOLDS.index(item)))
    return (name, failed[name], len(recent)) if failed[name] else ("", 0, len(recent))


def _days_ago(days: int) -> str:
    return "today" if days == 0 else "yesterday" if days == 1 else f"{days} days ago"


def practise_next(scenarios: Sequence, trend_points: Sequence[Mapping], today: dt.date | None = None) -> PractisePlan:
    """The plan for one profile from its finished sessions (``SessionStore.trends``, oldest first)
    and the installed scenarios (objects with ``id``, ``title`` and ``difficulty``)."""
    today = today or dt.date.today()
    marks = readiness(trend_points)
    last_day: dict[str, dt.date] = {}
    per_day: dict[dt.date, int] = {}
    for point in trend_points:
        day = _day(point.get("started"))
        if day is None:
            continue
        per_day[day] = per_day.get(day, 0) + 1
        last_day[point["scenario"]] = max(day, last_day.get(point["scenario"], day))
    skill, failed, of = weakest_skill(trend_points)
    latest_fails = {scenario: {v.name for v in mark.failing} for scenario, mark in marks.items()}

    def rank(scenario) -> tuple:
        mark = marks.get(scenario.id)
        if mark is None:  # never tried: after the not-ready ones already begun, easiest first
            return (1, 0, scenario.difficulty, scenario.title)
        if mark.ready:
            return (2, 0, -(today - last_day.get(scenario.id, today)).days, scenario.title)
        misses_skill = 0 if skill and skill in latest_fails.get(scenario.id, ()) else 1
        return (0, misses_skill, -(today - last_day.get(scenario.id, today)).days, scenario.title)

    suggestion = None
    if scenarios:
        chosen = min(scenarios, key=rank)
        mark = marks.get(chosen.id)
        label = THRESHOLDS[skill].label if skill else ""
        parts = []
        if skill:
            parts.append(f"{label} fell short in {failed} of your last {of} session{'' if of == 1 else 's'}")
        if mark is None:
            parts.append(f"you have not tried {chosen.title} yet" if trend_points else
                         f"{chosen.title} is a gentle start")
        else:
            when = _days_ago((today - last_day.get(chosen.id, today)).days)
            state = "ready, kept fresh" if mark.ready else f"{mark.good_in_a_row} of {READY_STREAK} good attempts in a row"
            parts.append(f"{chosen.title}: {state}, last practised {when}")
        reason = "; ".join(parts) + "."
        suggestion = Suggestion(chosen.id, chosen.title, skill, label, reason[:1].upper() + reason[1:])

    streak = 0
    day = today if per_day.get(today) else today - dt.timedelta(days=1)  # today may still come
    while per_day.get(day):
        streak += 1
        day -= dt.timedelta(days=1)
    start = today - dt.timedelta(days=today.weekday() + 7 * (CALENDAR_WEEKS - 1))
    calendar = tuple((start + dt.timedelta(days=n), per_day.get(start + dt.timedelta(days=n), 0))
                     for n in range((today - start).days + 1))
    week_start = today - dt.timedelta(days=today.weekday())
    this_week = sum(count for day, count in per_day.items() if week_start <= day <= today)
    ids = {scenario.id for scenario in scenarios}
    ready_count = sum(1 for scenario, mark in marks.items() if mark.ready and scenario in ids)
    return PractisePlan(suggestion, streak, this_week, calendar, marks, ready_count, len(ids))
