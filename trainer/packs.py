"""Scenario packs: a trainer's folder of scenario files, checked, and moved as a zip file.

A pack is a folder of scenario YAML files, optionally with a ``drills/`` folder. Checking a folder
reports every problem per file and place. A pack zip holds only those YAML files; importing one
reads and checks every entry (names, sizes, content) before anything is written, so a hostile or
broken zip writes nothing. No entry may land outside the target folder.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .drills import parse_drill_text
from .scenario import (
    MAX_SCENARIO_BYTES, Library, Problem, ScenarioError, load_library, parse_scenario_text, scenario_files,
)

MAX_PACK_BYTES = 20 * 1024 * 1024  # the zip file itself
MAX_PACK_ENTRIES = 300
MAX_PACK_UNPACKED_BYTES = 20 * 1024 * 1024  # all entries together, as declared and as read
YAML_SUFFIXES = (".yaml", ".yml")


class PackError(ValueError):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class FolderCheck:
    """The result of checking a folder: the good scenario ids and every problem."""

    scenarios: list[str] = field(default_factory=list)
    drills: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def check_folder(folder: Path | str) -> FolderCheck:
    """Check every scenario (and drill) file of a folder, as the app would load them."""
    folder = Path(folder)
    result = FolderCheck()
    if not folder.is_dir():
        result.problems.append(Problem(str(folder), "", "no such folder"))
        return result
    library = load_library([folder])
    ours = {scenario_id for scenario_id, source in library.sources.items() if source.parent == folder}
    result.scenarios = sorted(ours)
    result.problems.extend(library.problems)
    from .drills import load_drill

    for path in sorted((folder / "drills").glob("*.y*ml")) if (folder / "drills").is_dir() else []:
        try:
            result.drills.append(load_drill(path, library).id)
        except ScenarioError as error:
            result.problems.extend(error.problems)
    return result


def export_pack(folder: Path | str, out: Path | str) -> int:
    """Zip the folder's scenario files (and ``drills/``); returns how many files went in."""
    folder = Path(folder)
    files = scenario_files(folder) + (scenario_files(folder / "drills") if (folder / "drills").is_dir() else [])
    if not files:
        raise PackError([f"{folder}: no scenario files to pack"])
    total = sum(path.stat().st_size for path in files)
    if total > MAX_PACK_UNPACKED_BYTES:
        raise PackError([f"{folder}: the scenario files come to {total:,} bytes; a pack holds at most "
                         f"{MAX_PACK_UNPACKED_BYTES:,}"])
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            archive.write(path, path.relative_to(folder).as_posix())
    return len(files)


def _entry_path(name: str) -> PurePosixPath | None:
    """The entry's relative path if it is a plain scenario or drill file name, else None."""
    if "\\" in name or name.startswith("/") or ":" in name:
        return None
    path = PurePosixPath(name)
    if any(part in ("", ".", "..") for part in path.parts) or path.suffix not in YAML_SUFFIXES:
        return None
    if len(path.parts) == 1 or (len(path.parts) == 2 and path.parts[0] == "drills"):
        return path
    return None


def import_pack(zip_path: Path | str, target: Path | str, library: Library | None = None) -> list[Path]:
    """Check every entry of a pack zip, then write its files into ``target``; returns the files written.

    Refused, writing nothing: a zip that is too large or is not a zip, an entry outside the target
    folder (absolute, ``..``, a drive, a link) or not a scenario/drill file, an entry or a total too
    large, an invalid scenario or drill, and a file that already exists with other content.
    """
    zip_path, target = Path(zip_path), Path(target)
    name = str(zip_path)
    try:
        size = zip_path.stat().st_size
    except OSError as error:
        raise PackError([f"{name}: cannot read the file: {error.strerror or error}"]) from None
    if size > MAX_PACK_BYTES:
        raise PackError([f"{name}: too large for a scenario pack ({size:,} bytes; limit {MAX_PACK_BYTES:,})"])
    try:
        archive = zipfile.ZipFile(zip_path)
    except (zipfile.BadZipFile, OSError):
        raise PackError([f"{name}: not a zip file"]) from None
    problems: list[str] = []
    texts: dict[PurePosixPath, str] = {}
    with archive:
        entries = [info for info in archive.infolist() if not info.is_dir()]
        if len(entries) > MAX_PACK_ENTRIES:
            raise PackError([f"{name}: {len(entries)} entries; a pack holds at most {MAX_PACK_ENTRIES}"])
        declared = sum(info.file_size for info in entries)
        if declared > MAX_PACK_UNPACKED_BYTES:
            raise PackError([f"{name}: unpacks to {declared:,} bytes; limit {MAX_PACK_UNPACKED_BYTES:,}"])
        for info in entries:
            path = _entry_path(info.filename)
            is_link = (info.external_attr >> 16) & 0o170000 == 0o120000
            if path is None or is_link:
                problems.append(f"{name}: entry {info.filename!r} is not a scenario or drill file inside the pack "
                                "folder; the pack is refused")
                continue
            if info.file_size > MAX_SCENARIO_BYTES:
                problems.append(f"{name}: entry {info.filename!r} is too large ({info.file_size:,} bytes)")
                continue
            with archive.open(info) as handle:
                raw = handle.read(MAX_SCENARIO_BYTES + 1)
            if len(raw) > MAX_SCENARIO_BYTES:
                problems.append(f"{name}: entry {info.filename!r} unpacks larger than it says")
                continue
            try:
                texts[path] = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                problems.append(f"{name}: entry {info.filename!r} is not UTF-8 text")
    if problems:
        raise PackError(problems)
    scenarios = {}
    for path, text in texts.items():
        if path.parts[0] != "drills":
            try:
                scenario = parse_scenario_text(text, f"{name}:{path}")
                scenarios[scenario.id] = scenario
            except ScenarioError as error:
                problems.extend(str(problem) for problem in error.problems)
    combined = library or load_library()
    combined = Library({**combined.scenarios, **scenarios}, dict(combined.sources), [])
    for path, text in texts.items():
        if path.parts[0] == "drills":
            try:
                parse_drill_text(text, f"{name}:{path}", combined)
            except ScenarioError as error:
                problems.extend(str(problem) for problem in error.problems)
    root = target.resolve()
    for path, text in texts.items():
        destination = target.joinpath(*path.parts)
        if not destination.resolve().is_relative_to(root):  # e.g. a symlinked folder inside the target
            problems.append(f"{name}: {path} would land outside {target}")
        elif destination.exists() and destination.read_text(encoding="utf-8-sig") != text:
            problems.append(f"{name}: {path} would replace a different file already in {target}")
    if problems:
        raise PackError(problems)
    written = []
    for path, text in texts.items():
        destination = target.joinpath(*path.parts)
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_text(text, encoding="utf-8")
        written.append(destination)
    return written
