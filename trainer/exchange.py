"""Moving practice between machines: export files, importing a room's files, the cohort report.

Participants practise on their own machines, so a workshop's results travel as files. An export
is plain JSON (never executed, only parsed) carrying a format name and version, the app version
and a SHA-256 checksum over the canonical JSON of everything else, so a file edited after export
is recognised. An import validates every file completely before writing anything, and it writes
all files' sessions in one transaction; sessions keep their uuid, so importing a file twice adds
nothing the second time.
"""

from __future__ import annotations

import collections.abc
import csv
import dataclasses
import datetime as dt
import functools
import hashlib
import io
import json
import math
import types
import typing
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal, Sequence

from pydantic import (
    AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, StrictBool, StrictFloat, StrictInt, ValidationError,
    create_model, model_validator,
)

from . import __version__
from .labels import ALL_LABELS, ASKING, PRIMARY_ORDER, TELLING, Label
from .safeio import INT32_MAX, INT32_MIN, UnreadableFile, atomic_write, csv_cell, fit_width, for_pdf, read_user_file
from .scenario import ID_PATTERN
from .classify import SentenceResult
from .scoring import THRESHOLDS, Measures, ScoreLine

FORMAT_NAME = "ask-dont-tell/sessions"
FORMAT_VERSION = 1
#: Larger files are refused before they are read (a busy participant's export is well under 1 MB).
MAX_EXPORT_BYTES = 20 * 1024 * 1024
#: All the files of one import together (they are checked in full, in memory, before anything is written).
MAX_IMPORT_BYTES = 60 * 1024 * 1024
#: Objects and arrays in one file: counted before it is parsed, so a file of millions of tiny
#: values is refused before it can take much memory (a real export has a few dozen per reply).
MAX_JSON_CONTAINERS = 250_000
MAX_SESSIONS_PER_FILE = 5_000
MAX_TURNS_PER_SESSION = 500
#: Timestamps outside these years are refused: no practice happened then, and they break date arithmetic.
EARLIEST, LATEST = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc), dt.datetime(2100, 1, 1, tzinfo=dt.timezone.utc)
#: The labels counted as traps in the cohort report: telling, and judging.
TRAPS: tuple[str, ...] = tuple(label.value for label in PRIMARY_ORDER if label in TELLING or label is Label.JUDGMENT)
REPORT_COLUMNS = ("participant", "sessions", "average_score", "open_question_share", "ask_tell", "most_common_trap")


class ExchangeError(ValueError):
    """Files that cannot be imported; each problem names its file."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


# --- the file format --------------------------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False)


def _storable(text: str) -> str:
    """Text any database and any file can hold: no NUL character and no lone surrogate."""
    for char in text:
        if char == "\x00" or "\ud800" <= char <= "\udfff":
            raise ValueError(f"holds the character U+{ord(char):04X}, which cannot be stored")
    return text


def _name(text: str) -> str:
    """A person's or group's name: storable, one line, no control or formatting characters."""
    if not text.isprintable():
        raise ValueError("a name may not hold control or formatting characters")
    return text


def _in_range(value: dt.datetime) -> dt.datetime:
    if not EARLIEST <= value < LATEST:
        raise ValueError(f"a date between {EARLIEST.year} and {LATEST.year - 1} is expected")
    return value


def _text(max_length: int, min_length: int = 0) -> Any:
    return Annotated[str, Field(min_length=min_length, max_length=max_length), AfterValidator(_storable)]


Name = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_storable), AfterValidator(_name)]
Timestamp = Annotated[AwareDatetime, AfterValidator(_in_range)]
Int32 = Annotated[StrictInt, Field(ge=INT32_MIN, le=INT32_MAX)]
LabelName = Literal[ALL_LABELS]  # type: ignore[valid-type]
#: A reply is at most engine.MAX_REPLY_CHARS long; the other texts are a line or a paragraph.
REPLY_CHARS, LINE_CHARS, CUE_CHARS = 100_000, 10_000, 1_000


def _bounded(kind: Any, text_chars: int = LINE_CHARS, low: int | None = None, depth: int = 0) -> Any:
    """The type ``kind`` (from the engine's and scoring's own dataclasses) made strict and bounded:
    text within ``text_chars`` and storable, numbers finite and within range, lists and mappings
    of limited length (and at least ``low`` when given); a nested dataclass becomes a model of its own."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if depth > 4 or kind is Any:
        return BoundedJSON
    if kind is str:
        return _text(text_chars)
    if kind is bool:
        return StrictBool
    if kind is int:
        return Annotated[StrictInt, Field(ge=-(2**53) if low is None else low, le=2**53)]
    if kind is float:
        return Annotated[StrictFloat | StrictInt, Field(ge=-1e12 if low is None else low, le=1e12, allow_inf_nan=False)]
    if kind is type(None):
        return None
    if origin is Literal:
        return kind
    if origin in (typing.Union, types.UnionType):
        return typing.Union[tuple(_bounded(arg, text_chars, low, depth + 1) for arg in args)]
    if origin in (list, tuple, collections.abc.Sequence):
        item = args[0] if args else Any
        return Annotated[list[_bounded(item, text_chars, low, depth + 1)], Field(max_length=1000)]
    if origin in (dict, collections.abc.Mapping):
        key, value = args or (str, Any)
        return Annotated[dict[_bounded(key, 64, low, depth + 1), _bounded(value, text_chars, low, depth + 1)],
                         Field(max_length=200)]
    if dataclasses.is_dataclass(kind):
        return _model_of(kind, text_chars, low)
    return BoundedJSON


@functools.lru_cache(maxsize=None)
def _model_of(kind: type, text_chars: int = LINE_CHARS, low: int | None = None) -> type[BaseModel]:
    """A pydantic model with the fields of the dataclass ``kind``, each bounded (see ``_bounded``);
    every field may be absent (files from other versions have fewer or other fields), none may
    be of another type, and fields the dataclass does not have are refused."""
    hints = typing.get_type_hints(kind)
    fields = {field.name: ((LabelName if field.name == "label" else _bounded(hints[field.name], text_chars, low)) | None, None)
              for field in dataclasses.fields(kind)}
    return create_model(f"Exported{kind.__name__}", __base__=_Strict, **fields)


def _bounded_json(value: Any, depth: int = 0) -> Any:
    """Any JSON value of limited depth, with finite numbers within range and bounded text."""
    if depth > 6:
        raise ValueError("nested too deeply")
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        if abs(value) > 2**53:
            raise ValueError("a number too large")
        return value
    if isinstance(value, float):
        if not math.isfinite(value) or abs(value) > 1e12:
            raise ValueError("a number that is not finite or too large")
        return value
    if isinstance(value, str):
        if len(value) > LINE_CHARS:
            raise ValueError(f"a text over {LINE_CHARS:,} characters")
        return _storable(value)
    if isinstance(value, list) and len(value) <= 1000:
        return [_bounded_json(item, depth + 1) for item in value]
    if isinstance(value, dict) and len(value) <= 200:
        return {_storable(str(key))[:64]: _bounded_json(item, depth + 1) for key, item in value.items()}
    raise ValueError("not a value an export holds")


BoundedJSON = Annotated[Any, AfterValidator(_bounded_json)]


class ExportedTurn(_Strict):
    index: Annotated[StrictInt, Field(ge=0, lt=MAX_TURNS_PER_SESSION)]
    node: _text(100)
    salesperson: _text(LINE_CHARS)
    reply: _text(REPLY_CHARS)
    label: LabelName
    cue: _text(CUE_CHARS)
    sentences: list[_model_of(SentenceResult, REPLY_CHARS)] = Field(max_length=200)
    try_instead: _text(LINE_CHARS) | None
    response: _text(LINE_CHARS)
    state: dict[_text(64, 1), Int32] = Field(max_length=50)
    created: Timestamp
    think_ms: Annotated[StrictFloat | StrictInt, Field(ge=0, le=7 * 24 * 3600 * 1000, allow_inf_nan=False)] | None = None
    #: Added with database revision 0003; absent in files from earlier versions.
    reading: Annotated[dict[_text(64, 1), BoundedJSON], Field(max_length=60)] | None = None
    disputed_label: LabelName | None = None
    speech_seconds: Annotated[StrictFloat | StrictInt, Field(ge=0, le=24 * 3600, allow_inf_nan=False)] | None = None


class ExportedSession(_Strict):
    uuid: str = Field(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
    scenario: str = Field(pattern=ID_PATTERN)
    scenario_title: _text(300)
    scenario_version: str = Field(pattern=r"^[0-9a-zA-Z_-]{1,64}$")
    started: Timestamp
    ended: Timestamp | None
    outcome: Literal["success", "partial", "failure", "unfinished"] | None
    score: Annotated[StrictInt, Field(ge=0, le=100)] | None
    ending: _text(100) | None
    mode: str = Field(pattern=r"^[a-z_-]{1,32}$")
    seed: Int32
    measures: _model_of(Measures, low=0) | None
    breakdown: list[_model_of(ScoreLine)] | None = Field(max_length=100)
    self_rating: Annotated[StrictInt, Field(ge=1, le=5)] | None = None
    notes: _text(LINE_CHARS) | None = None
    turns: list[ExportedTurn] = Field(max_length=MAX_TURNS_PER_SESSION)

    @model_validator(mode="after")
    def _turns_numbered_once(self) -> "ExportedSession":
        indexes = [turn.index for turn in self.turns]
        if len(set(indexes)) != len(indexes):
            raise ValueError("two turns have the same index")
        return self


class ExportFile(_Strict):
    format: Literal[FORMAT_NAME]  # type: ignore[valid-type]
    format_version: Literal[FORMAT_VERSION]  # type: ignore[valid-type]
    app_version: _text(50)
    exported: Timestamp
    trainee: Name
    sessions: list[ExportedSession] = Field(max_length=MAX_SESSIONS_PER_FILE)
    checksum: str = Field(pattern=r"^sha256:[0-9a-f]{64}$")


def _checksum(content: dict) -> str:
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# --- export -----------------------------------------------------------------------------------


_SESSION_FIELDS = tuple(ExportedSession.model_fields)
_TURN_FIELDS = tuple(ExportedTurn.model_fields)
#: Turn fields newer than format version 1's first release: written only when they hold something,
#: so a file without them still reads in an app that does not know them.
_OPTIONAL_TURN_FIELDS = frozenset({"reading", "disputed_label", "speech_seconds"})


def export_sessions(store, trainee: str, path: Path | str) -> int:
    """Write the trainee's finished sessions to ``path`` as an export file; returns how many.

    Interrupted sessions stay behind: they may still be resumed, and a report counts only
    finished ones. The file is checked against the format before it is written (a damaged stored
    value is an ExchangeError naming the session and place) and written atomically: a failed
    write leaves any earlier file at ``path`` as it was.
    """
    trainee = trainee.strip()
    sessions = []
    for detail in store.finished_sessions_detail(trainee):
        item = {name: detail.get(name) for name in _SESSION_FIELDS}
        item["turns"] = [{name: turn.get(name) for name in _TURN_FIELDS
                          if name not in _OPTIONAL_TURN_FIELDS or turn.get(name) is not None}
                         for turn in detail["turns"]]
        sessions.append(item)
    content = {
        "format": FORMAT_NAME, "format_version": FORMAT_VERSION, "app_version": __version__,
        "exported": dt.datetime.now(dt.timezone.utc).isoformat(), "trainee": trainee, "sessions": sessions,
    }
    complete = {**content, "checksum": _checksum(content)}
    _validated(complete, f"the export of {trainee!r}")
    text = json.dumps(complete, ensure_ascii=False, indent=1, allow_nan=False)
    atomic_write(path, (text + "\n").encode("utf-8"))
    return len(sessions)


# --- import -----------------------------------------------------------------------------------


def check_name(text: str, what: str) -> str:
    """A trainee's or cohort's name given on the command line or in a form, stripped and checked
    like one in a file (1-200 characters, no control characters); raises ExchangeError."""
    text = text.strip()
    if not text:
        raise ExchangeError([f"{what} is empty"])
    if len(text) > 200:
        raise ExchangeError([f"{what} is too long ({len(text):,} characters; at most 200)"])
    if not text.isprintable():
        raise ExchangeError([f"{what} may not hold control or formatting characters"])
    try:
        return _storable(text)
    except ValueError as error:
        raise ExchangeError([f"{what} {error}"]) from None


@dataclass
class ImportSummary:
    """What an import did, per file and in all."""

    added: int = 0
    already_present: int = 0
    #: (file, trainee, sessions in the file)
    files: list[tuple[str, str, int]] = field(default_factory=list)

    def describe(self) -> str:
        lines = [f"{name}: {trainee}, {count} session{'' if count == 1 else 's'}"
                 for name, trainee, count in self.files]
        lines.append(f"imported {self.added} new session{'' if self.added == 1 else 's'}"
                     + (f"; {self.already_present} already here, left as they were" if self.already_present else ""))
        return "\n".join(lines)


def _json_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number an export holds")


def _json_int(text: str) -> int:
    if len(text.lstrip("-")) > 100:
        raise ValueError(f"a number with {len(text.lstrip('-')):,} digits is not one an export holds")
    return int(text)


def _json_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"{text[:24]} is too large a number for an export")
    return value


def _parse_json(raw: bytes, name: str) -> Any:
    """JSON text from a file, with the limits an export keeps; raises ExchangeError naming the file."""
    containers = raw.count(b"{") + raw.count(b"[")
    if containers > MAX_JSON_CONTAINERS:
        raise ExchangeError([f"{name}: too many values to be an export ({containers:,} objects and lists; "
                             f"limit {MAX_JSON_CONTAINERS:,})"])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ExchangeError([f"{name}: not an export of this app (not JSON text: not UTF-8 at byte {error.start})"]) from None
    try:
        return json.loads(text, parse_constant=_json_constant, parse_int=_json_int, parse_float=_json_float)
    except json.JSONDecodeError as error:
        raise ExchangeError([f"{name}:{error.lineno}:{error.colno}: not an export of this app "
                             f"(not JSON text: {error.msg})"]) from None
    except RecursionError:
        raise ExchangeError([f"{name}: not an export of this app (nested too deeply)"]) from None
    except ValueError as error:
        raise ExchangeError([f"{name}: not an export of this app ({error})"]) from None


def _place(loc: tuple) -> str:
    """A pydantic location as a place in the file, e.g. ``sessions[0].turns[3].created``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif not (("[" in part or "-" in part) and part not in _FIELD_NAMES) and part not in _TYPE_NAMES:
            text += f".{part}" if text else part
    return text


_TYPE_NAMES = frozenset({"str", "int", "float", "bool", "list", "dict", "none",
                         "ExportedScoreLine", "ExportedSentence", "ExportedTurn", "ExportedSession"})
_FIELD_NAMES = frozenset(_SESSION_FIELDS) | frozenset(_TURN_FIELDS)


def _validated(data: Any, name: str) -> ExportFile:
    try:
        return ExportFile.model_validate(data)
    except ValidationError as error:
        problems = [f"{name}: {_place(item['loc'])}: {item['msg']}" for item in error.errors()[:10]]
        if error.error_count() > 10:
            problems.append(f"{name}: and {error.error_count() - 10} more problems")
        raise ExchangeError(problems) from None


def _read_export(path: Path, budget: list[int] | None = None) -> ExportFile:
    """Parse and check one file completely; raises ExchangeError naming the file.

    ``budget`` holds the bytes the import may still read; the file's size is taken from it.
    """
    name = str(path)
    try:
        raw = read_user_file(path, MAX_EXPORT_BYTES)
    except UnreadableFile as error:
        reason = error.reason.replace("the file is too large", "too large to be an export")
        raise ExchangeError([f"{name}: {reason}"]) from None
    if budget is not None:
        budget[0] -= len(raw)
        if budget[0] < 0:
            raise ExchangeError([f"{name}: the files of one import come to more than {MAX_IMPORT_BYTES:,} bytes; "
                                 "import them in smaller groups"])
    data = _parse_json(raw, name)
    del raw
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise ExchangeError([f"{name}: not an export of this app (no format {FORMAT_NAME!r})"])
    version = data.get("format_version")
    if version != FORMAT_VERSION:
        raise ExchangeError([f"{name}: export format version {version!r} is not supported "
                             f"(this app reads version {FORMAT_VERSION}); update the app that reads it"])
    content = {key: value for key, value in data.items() if key != "checksum"}
    try:
        checksum = _checksum(content)
    except UnicodeEncodeError as error:  # a lone surrogate written as a JSON escape
        raise ExchangeError([f"{name}: holds the character U+{ord(error.object[error.start]):04X}, which no file "
                             "or database can store"]) from None
    if data.get("checksum") != checksum:
        raise ExchangeError([f"{name}: the checksum does not match: the file was changed after it was exported"])
    return _validated(data, name)


def import_files(store, paths: Sequence[Path | str], cohort: str, cohort_date: dt.date | None = None) -> ImportSummary:
    """Validate every file, then add their sessions to ``cohort``.

    Raises ExchangeError, having written nothing, if any file is bad.
    """
    cohort = check_name(cohort, "the cohort name")
    known = find_cohort(store.cohorts(), cohort)  # "spring" joins an existing "Spring"
    cohort = known["name"] if known else cohort
    problems: list[str] = []
    exports: list[tuple[str, ExportFile]] = []
    budget = [MAX_IMPORT_BYTES]
    for path in paths:
        try:
            exports.append((str(path), _read_export(Path(path), budget)))
        except ExchangeError as error:
            problems.extend(error.problems)
    if problems:
        raise ExchangeError(problems + ["nothing was imported"])
    summary = ImportSummary()
    items = []
    for name, export in exports:
        summary.files.append((name, export.trainee, len(export.sessions)))
        for session in export.sessions:
            items.append((export.trainee, session.model_dump(exclude_unset=True)))
    summary.added, summary.already_present = store.import_sessions(items, cohort, cohort_date)
    return summary


# --- the cohort report ------------------------------------------------------------------------


@dataclass(frozen=True)
class ParticipantRow:
    participant: str
    sessions: int
    average_score: float | None
    open_question_share: float | None
    ask: int
    tell: int
    most_common_trap: str | None

    @property
    def ask_tell(self) -> float | None:
        """Asks per tell; None when nothing was told."""
        return self.ask / self.tell if self.tell else None

    def cells(self) -> list[str]:
        """The row as text, the same in the CSV, the PDF and the app."""
        if self.tell:
            ask_tell = f"{self.ask_tell:.1f} : 1"
        else:
            ask_tell = f"{self.ask} : 0" if self.ask else "-"
        return [
            self.participant, str(self.sessions),
            "-" if self.average_score is None else f"{self.average_score:.1f}",
            "-" if self.open_question_share is None else f"{self.open_question_share:.0%}",
            ask_tell, (self.most_common_trap or "none").replace("_", " "),
        ]


def cohort_report(store, cohort: str) -> list[ParticipantRow]:
    """One row per participant of the cohort, alphabetically, over their finished sessions."""
    by_trainee: dict[str, list[dict]] = {}
    for item in store.cohort_sessions(cohort):
        by_trainee.setdefault(item["trainee"], []).append(item)
    rows = []
    for trainee, sessions in sorted(by_trainee.items(), key=lambda pair: pair[0].lower()):
        counts = Counter(label for item in sessions for label in item["labels"])
        labelled = sum(n for label, n in counts.items() if label != Label.OTHER)
        scores = [item["score"] for item in sessions if item["score"] is not None]
        traps = [(counts[label], -TRAPS.index(label), label) for label in TRAPS if counts[label]]
        rows.append(ParticipantRow(
            participant=trainee, sessions=len(sessions),
            average_score=sum(scores) / len(scores) if scores else None,
            open_question_share=counts[Label.OPEN_QUESTION] / labelled if labelled else None,
            ask=sum(counts[label] for label in ASKING),
            tell=sum(counts[label] for label in TELLING),
            most_common_trap=max(traps)[2] if traps else None,
        ))
    return rows


def write_report_csv(rows: Sequence[ParticipantRow], path: Path | str) -> Path:
    """The report as CSV with raw numbers (shares 0-1, ask:tell as asks per tell, empty when none).

    A participant's name that a spreadsheet would read as a formula (``=``, ``+``, ``-``, ``@``...)
    is written with a ``'`` before it. Written atomically.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(REPORT_COLUMNS)
    for row in rows:
        writer.writerow([
            csv_cell(row.participant), row.sessions,
            "" if row.average_score is None else f"{row.average_score:.1f}",
            "" if row.open_question_share is None else f"{row.open_question_share:.3f}",
            "" if row.ask_tell is None else f"{row.ask_tell:.2f}",
            row.most_common_trap or "",
        ])
    return atomic_write(path, buffer.getvalue().encode("utf-8"))


def find_cohort(cohorts: Sequence[dict], name: str) -> dict | None:
    """The cohort called ``name`` (``SessionStore.cohorts`` rows): the exact name, else the same
    name in any case and spacing ("spring" finds "Spring")."""
    wanted = " ".join(name.split())
    exact = next((item for item in cohorts if item["name"] == wanted), None)
    return exact or next((item for item in cohorts if item["name"].casefold() == wanted.casefold()), None)


@dataclass(frozen=True)
class ScenarioResult:
    """One participant's finished sessions of one scenario in a cohort."""

    participant: str
    scenario: str
    attempts: int
    average_score: float | None
    best_score: int | None
    ready: bool
    #: Why it is or is not ready (``ScenarioReadiness.explain``).
    readiness: str


def scenario_results(store, cohort: str) -> list[ScenarioResult]:
    """Per participant and scenario of the cohort: attempts, scores and the "ready" mark, over the
    cohort's finished sessions only."""
    from .progress import readiness

    ids = {item["id"] for item in store.cohort_sessions(cohort)}
    trainees = sorted({item["trainee"] for item in store.cohort_sessions(cohort)}, key=str.lower)
    results = []
    for trainee in trainees:
        points = [point for point in store.trends(trainee) if point["id"] in ids]
        marks = readiness(points)
        for scenario in sorted(marks):
            scores = [point["score"] for point in points if point["scenario"] == scenario and point["score"] is not None]
            results.append(ScenarioResult(trainee, scenario, marks[scenario].attempts,
                                          sum(scores) / len(scores) if scores else None, max(scores, default=None),
                                          marks[scenario].ready, marks[scenario].explain()))
    return results


def _table(pdf, widths: Sequence[float], titles: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    pdf.set_text_color(20, 20, 20)
    pdf.set_font("Helvetica", "B", 10)
    pdf.set_fill_color(225, 235, 245)
    for width, title in zip(widths, titles):
        pdf.cell(width, 7, title, border=1, fill=True)
    pdf.ln()
    pdf.set_font("Helvetica", "", 10)
    for cells in rows:
        for width, value in zip(widths, cells):
            pdf.cell(width, 6.5, fit_width(pdf, value, width - 2 * pdf.c_margin), border=1)
        pdf.ln()


def _score_chart(pdf, rows: Sequence[ParticipantRow]) -> None:
    """Each participant's average score as a bar on a 0-100 scale."""
    left, label_width, bar_width, height = pdf.l_margin, 60, 150, 5.5
    pdf.set_font("Helvetica", "", 9)
    pdf.set_draw_color(190, 190, 190)
    for row in rows:
        if pdf.will_page_break(height + 1):
            pdf.add_page()
        y = pdf.get_y()
        pdf.set_text_color(20, 20, 20)
        pdf.set_xy(left, y)
        pdf.cell(label_width, height, fit_width(pdf, row.participant, label_width - 2))
        pdf.rect(left + label_width, y + 0.5, bar_width, height - 1)
        if row.average_score is not None:
            pdf.set_fill_color(44, 102, 216)
            pdf.rect(left + label_width, y + 0.5, bar_width * row.average_score / 100, height - 1, style="F")
        pdf.set_xy(left + label_width + bar_width + 3, y)
        pdf.cell(20, height, "-" if row.average_score is None else f"{row.average_score:.0f}")
        pdf.ln(height + 1)


def write_report_pdf(rows: Sequence[ParticipantRow], cohort: str, path: Path | str,
                     cohort_date: str | None = None, results: Sequence[ScenarioResult] = ()) -> Path:
    """The report for printing (A4 landscape): the date, one row per participant with how many
    situations they are ready in, a chart of their average scores, and their results per scenario."""
    from fpdf import FPDF

    pdf = FPDF(orientation="L", format="A4")
    pdf.set_margins(14, 14, 14)
    pdf.set_auto_page_break(True, 14)
    pdf.add_page()
    pdf.set_title(for_pdf(f"Cohort report: {cohort}")[:200])
    pdf.set_font("Helvetica", "B", 18)
    pdf.multi_cell(0, 9, for_pdf(f"Cohort report: {cohort}"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "I", 10)
    pdf.set_text_color(90, 90, 90)
    made = dt.date.today().isoformat()
    when = f"Workshop {cohort_date}; report made {made}." if cohort_date else f"Report made {made}."
    good = f"Good: open-question share {THRESHOLDS['open_question_share'].target()}."
    pdf.multi_cell(0, 5.5, for_pdf(f"{when} {len(rows)} participant{'' if len(rows) == 1 else 's'}, finished "
                                   f"sessions only. {good} Ready: the last three attempts at a situation each met "
                                   "every threshold."), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    ready_in = Counter(result.participant for result in results if result.ready)
    tried = Counter(result.participant for result in results)
    _table(pdf, (66, 22, 30, 42, 30, 45, 34),  # the page's 269 mm between the margins
           ("Participant", "Sessions", "Average score", "Open-question share", "Ask : tell", "Most common trap", "Ready in"),
           [row.cells() + [f"{ready_in[row.participant]} of {tried[row.participant]}" if tried[row.participant] else "-"]
            for row in rows])
    if not rows:
        pdf.cell(0, 8, "No finished sessions in this cohort yet.", new_x="LMARGIN", new_y="NEXT")
        return atomic_write(path, bytes(pdf.output()))
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 7, "Average score", new_x="LMARGIN", new_y="NEXT")
    _score_chart(pdf, rows)
    if results:
        pdf.ln(4)
        pdf.set_font("Helvetica", "B", 12)
        pdf.cell(0, 7, "Per scenario", new_x="LMARGIN", new_y="NEXT")
        _table(pdf, (55, 50, 20, 24, 18, 102), ("Participant", "Scenario", "Attempts", "Average", "Best", "Ready"),
               [[result.participant, result.scenario, str(result.attempts),
                 "-" if result.average_score is None else f"{result.average_score:.1f}",
                 "-" if result.best_score is None else str(result.best_score),
                 "Ready" if result.ready else result.readiness] for result in results])
    return atomic_write(path, bytes(pdf.output()))
