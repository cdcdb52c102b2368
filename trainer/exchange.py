"""Moving practice between machines: export files, importing a room's files, the cohort report.

Participants practise on their own machines, so a workshop's results travel as files. An export
is plain JSON (never executed, only parsed) carrying a format name and version, the app version
and a SHA-256 checksum over the canonical JSON of everything else, so a file edited after export
is recognised. An import validates every file completely before writing anything, and it writes
all files' sessions in one transaction; sessions keep their uuid, so importing a file twice adds
nothing the second time.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Sequence

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError

from . import __version__
from .labels import ALL_LABELS, ASKING, PRIMARY_ORDER, TELLING, Label
from .scoring import THRESHOLDS

FORMAT_NAME = "ask-dont-tell/sessions"
FORMAT_VERSION = 1
#: Larger files are refused before they are read (a busy participant's export is well under 1 MB).
MAX_EXPORT_BYTES = 20 * 1024 * 1024
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


class ExportedTurn(_Strict):
    index: int = Field(ge=0)
    node: str = Field(max_length=100)
    salesperson: str
    reply: str
    label: Literal[ALL_LABELS]  # type: ignore[valid-type]
    cue: str
    sentences: list[dict[str, Any]]
    try_instead: str | None
    response: str
    state: dict[str, int]
    created: AwareDatetime
    think_ms: float | None = Field(None, ge=0)


class ExportedSession(_Strict):
    uuid: str = Field(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
    scenario: str = Field(min_length=1, max_length=64)
    scenario_title: str = Field(max_length=300)
    scenario_version: str = Field(min_length=1, max_length=64)
    started: AwareDatetime
    ended: AwareDatetime | None
    outcome: str | None = Field(max_length=16)
    score: int | None = Field(ge=0, le=100)
    ending: str | None = Field(max_length=100)
    mode: str = Field(max_length=32)
    seed: int
    measures: dict[str, Any] | None
    breakdown: list[Any] | None
    self_rating: int | None = Field(None, ge=1, le=5)
    notes: str | None = None
    turns: list[ExportedTurn]


class ExportFile(_Strict):
    format: Literal[FORMAT_NAME]  # type: ignore[valid-type]
    format_version: int
    app_version: str
    exported: AwareDatetime
    trainee: str = Field(min_length=1, max_length=200)
    sessions: list[ExportedSession]
    checksum: str = Field(pattern=r"^sha256:[0-9a-f]{64}$")


def _checksum(content: dict) -> str:
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# --- export -----------------------------------------------------------------------------------


_SESSION_FIELDS = tuple(ExportedSession.model_fields)
_TURN_FIELDS = tuple(ExportedTurn.model_fields)


def export_sessions(store, trainee: str, path: Path | str) -> int:
    """Write the trainee's finished sessions to ``path`` as an export file; returns how many.

    Interrupted sessions stay behind: they may still be resumed, and a report counts only
    finished ones.
    """
    trainee = trainee.strip()
    sessions = []
    for detail in store.finished_sessions_detail(trainee):
        item = {name: detail.get(name) for name in _SESSION_FIELDS}
        item["turns"] = [{name: turn.get(name) for name in _TURN_FIELDS} for turn in detail["turns"]]
        sessions.append(item)
    content = {
        "format": FORMAT_NAME, "format_version": FORMAT_VERSION, "app_version": __version__,
        "exported": dt.datetime.now(dt.timezone.utc).isoformat(), "trainee": trainee, "sessions": sessions,
    }
    text = json.dumps({**content, "checksum": _checksum(content)}, ensure_ascii=False, indent=1)
    Path(path).write_text(text + "\n", encoding="utf-8")
    return len(sessions)


# --- import -----------------------------------------------------------------------------------


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


def _read_export(path: Path) -> ExportFile:
    """Parse and check one file completely; raises ExchangeError naming the file."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_EXPORT_BYTES:
            raise ExchangeError([f"{name}: too large to be an export ({size:,} bytes; limit {MAX_EXPORT_BYTES:,})"])
        raw = path.read_bytes()
    except OSError as error:
        raise ExchangeError([f"{name}: cannot read the file: {error.strerror or error}"]) from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise ExchangeError([f"{name}: not an export of this app (not JSON text)"]) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise ExchangeError([f"{name}: not an export of this app (no format {FORMAT_NAME!r})"])
    version = data.get("format_version")
    if version != FORMAT_VERSION:
        raise ExchangeError([f"{name}: export format version {version!r} is not supported "
                             f"(this app reads version {FORMAT_VERSION}); update the app that reads it"])
    content = {key: value for key, value in data.items() if key != "checksum"}
    if data.get("checksum") != _checksum(content):
        raise ExchangeError([f"{name}: the checksum does not match: the file was changed after it was exported"])
    try:
        return ExportFile.model_validate(data)
    except ValidationError as error:
        problems = []
        for item in error.errors()[:10]:
            place = ".".join(str(part) for part in item["loc"])
            problems.append(f"{name}: {place}: {item['msg']}")
        raise ExchangeError(problems) from None


def import_files(store, paths: Sequence[Path | str], cohort: str, cohort_date: dt.date | None = None) -> ImportSummary:
    """Validate every file, then add their sessions to ``cohort``.

    Raises ExchangeError, having written nothing, if any file is bad.
    """
    if not cohort.strip():
        raise ExchangeError(["a cohort name is needed for an import"])
    problems: list[str] = []
    exports: list[tuple[str, ExportFile]] = []
    for path in paths:
        try:
            exports.append((str(path), _read_export(Path(path))))
        except ExchangeError as error:
            problems.extend(error.problems)
    if problems:
        raise ExchangeError(problems + ["nothing was imported"])
    summary = ImportSummary()
    items = []
    for name, export in exports:
        summary.files.append((name, export.trainee, len(export.sessions)))
        for session in export.sessions:
            items.append((export.trainee, session.model_dump()))
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
    """The report as CSV with raw numbers (shares 0-1, ask:tell as asks per tell, empty when none)."""
    path = Path(path)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(REPORT_COLUMNS)
        for row in rows:
            writer.writerow([
                row.participant, row.sessions,
                "" if row.average_score is None else f"{row.average_score:.1f}",
                "" if row.open_question_share is None else f"{row.open_question_share:.3f}",
                "" if row.ask_tell is None else f"{row.ask_tell:.2f}",
                row.most_common_trap or "",
            ])
    return path


_TYPOGRAPHY = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "..."})


def _latin1(text: str) -> str:
    """fpdf2's core fonts are Latin-1; anything else becomes '?', never an error."""
    return text.translate(_TYPOGRAPHY).encode("latin-1", "replace").decode("latin-1")


def write_report_pdf(rows: Sequence[ParticipantRow], cohort: str, path: Path | str,
                     cohort_date: str | None = None) -> Path:
    """The report as a printable A4 table (landscape, so the columns fit)."""
    from fpdf import FPDF

    pdf = FPDF(orientation="L", format="A4")
    pdf.set_margins(14, 14, 14)
    pdf.set_auto_page_break(True, 14)
    pdf.add_page()
    pdf.set_title(f"Cohort report: {cohort}")
    pdf.set_font("Helvetica", "B", 18)
    pdf.cell(0, 10, _latin1(f"Cohort report: {cohort}" + (f" ({cohort_date})" if cohort_date else "")),
             new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "I", 10)
    pdf.set_text_color(90, 90, 90)
    good = (f"Good: open-question share {THRESHOLDS['open_question_share']['good']:.0%} or more, "
            f"ask : tell {THRESHOLDS['ask_tell_ratio']['good']:.0f} : 1 or more.")
    pdf.cell(0, 6, _latin1(f"{len(rows)} participant{'' if len(rows) == 1 else 's'}, finished sessions only. {good}"),
             new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    widths = (80, 25, 32, 45, 35, 52)
    titles = ("Participant", "Sessions", "Average score", "Open-question share", "Ask : tell", "Most common trap")
    pdf.set_text_color(20, 20, 20)
    pdf.set_font("Helvetica", "B", 11)
    pdf.set_fill_color(225, 235, 245)
    for width, title in zip(widths, titles):
        pdf.cell(width, 8, title, border=1, fill=True)
    pdf.ln()
    pdf.set_font("Helvetica", "", 11)
    for row in rows:
        for width, value in zip(widths, row.cells()):
            pdf.cell(width, 7, _latin1(value), border=1)
        pdf.ln()
    if not rows:
        pdf.cell(0, 8, "No finished sessions in this cohort yet.", new_x="LMARGIN", new_y="NEXT")
    path = Path(path)
    pdf.output(str(path))
    return path
