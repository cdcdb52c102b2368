"""Scenario packs: a trainer's folder of scenario files, checked, and moved as a zip file.

A pack is a folder of scenario YAML files, optionally with a ``drills/`` folder. Checking a folder
reports every problem per file and place. A pack zip holds only those YAML files; importing one
reads and checks every entry (names, sizes, content) before anything is written, so a hostile or
broken zip writes nothing. No entry may land outside the target folder.
"""

from __future__ import annotations

import io
import lzma
import os
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .drills import parse_drill_text
from .safeio import UnreadableFile, atomic_write, install_files, read_user_file
from .scenario import (
    MAX_SCENARIO_BYTES, Library, Problem, ScenarioError, guarded, load_library, parse_scenario_text, scenario_files,
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
    result.problems.extend(problem for problem in library.problems if Path(problem.file).parent == folder)
    from .drills import load_drill

    for path in scenario_files(folder / "drills") if (folder / "drills").is_dir() else []:
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
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            try:
                content = read_user_file(path, MAX_SCENARIO_BYTES)
            except UnreadableFile as error:
                raise PackError([str(error)]) from None
            archive.writestr(path.relative_to(folder).as_posix(), content)
    atomic_write(out, buffer.getvalue())
    return len(files)


def _entry_path(name: str) -> PurePosixPath | None:
    """The entry's relative path if it is a plain scenario or drill file name, else None."""
    if "\\" in name or name.startswith("/") or ":" in name or not name.isprintable():
        return None
    path = PurePosixPath(name)
    if any(part in ("", ".", "..") for part in path.parts) or path.suffix not in YAML_SUFFIXES:
        return None
    if len(path.parts) == 1 or (len(path.parts) == 2 and path.parts[0] == "drills"):
        return path
    return None


def import_pack(zip_path: Path | str, target: Path | str, library: Library | None = None) -> list[Path]:
    """Check every entry of a pack zip, then write its files into ``target``; returns the pack's files there.

    Refused, writing nothing: a zip that is too large or is not a zip, an entry outside the target
    folder (absolute, ``..``, a drive, a link) or not a scenario/drill file, an entry that cannot be
    read (damaged, encrypted, an unknown compression), an entry or a total too large, an invalid
    scenario or drill, and a file that already exists with other content. The files are then
    written all together or not at all (a full disk, a file where a folder should be): nothing of
    a failed import is left in the folder.
    """
    zip_path, target = Path(zip_path), Path(target)
    name = str(zip_path)
    try:
        data = read_user_file(zip_path, MAX_PACK_BYTES)
    except UnreadableFile as error:
        raise PackError([str(error)]) from None
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = [info for info in archive.infolist() if not info.is_dir()]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise PackError([f"{name}: not a zip file, or a damaged one"]) from None
    texts = _read_entries(archive, entries, name)
    problems = _check_entries(texts, name, library)
    if problems:
        raise PackError(problems)
    files, unchanged = _planned_files(texts, target, name)
    try:
        return install_files(files) + unchanged
    except OSError as error:
        where = error.filename or target
        raise PackError([f"{name}: nothing was installed: cannot write {where}: {error.strerror or error}"]) from None


def _read_entries(archive: zipfile.ZipFile, entries: list[zipfile.ZipInfo], name: str) -> dict[PurePosixPath, str]:
    """Every entry's text, checked for its name, size, encoding and readability; raises PackError."""
    if len(entries) > MAX_PACK_ENTRIES:
        raise PackError([f"{name}: {len(entries)} entries; a pack holds at most {MAX_PACK_ENTRIES}"])
    declared = sum(info.file_size for info in entries)
    if declared > MAX_PACK_UNPACKED_BYTES:
        raise PackError([f"{name}: unpacks to {declared:,} bytes; limit {MAX_PACK_UNPACKED_BYTES:,}"])
    problems: list[str] = []
    texts: dict[PurePosixPath, str] = {}
    seen: dict[str, str] = {}
    total = 0
    with archive:
        for info in entries:
            entry = f"{name}: entry {info.filename!r}"
            path = _entry_path(info.filename)
            is_link = (info.external_attr >> 16) & 0o170000 == 0o120000
            if path is None or is_link:
                problems.append(f"{entry} is not a scenario or drill file inside the pack folder; the pack is refused")
                continue
            folded = str(path).casefold()
            if folded in seen:
                problems.append(f"{entry} is in the pack twice (also as {seen[folded]!r})")
                continue
            seen[folded] = info.filename
            if info.flag_bits & 0x1:
                problems.append(f"{entry} is encrypted; a pack holds plain files")
                continue
            if info.file_size > MAX_SCENARIO_BYTES:
                problems.append(f"{entry} is too large ({info.file_size:,} bytes)")
                continue
            try:
                with archive.open(info) as handle:
                    raw = handle.read(MAX_SCENARIO_BYTES + 1)
            except NotImplementedError:
                problems.append(f"{entry} is compressed in a way this app cannot read")
                continue
            except (zipfile.BadZipFile, RuntimeError, EOFError, OSError, ValueError, zlib.error, lzma.LZMAError) as error:
                problems.append(f"{entry} cannot be read (damaged: {error})")
                continue
            total += len(raw)
            if len(raw) > MAX_SCENARIO_BYTES or len(raw) > info.file_size or total > MAX_PACK_UNPACKED_BYTES:
                problems.append(f"{entry} unpacks larger than it says")
                continue
            try:
                texts[path] = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                problems.append(f"{entry} is not UTF-8 text")
    if problems:
        raise PackError(problems)
    return texts


def _check_entries(texts: dict[PurePosixPath, str], name: str, library: Library | None) -> list[str]:
    """Every scenario and drill of the pack fully checked, drills against the scenarios with the pack's own."""
    problems: list[str] = []
    scenarios = {}
    for path, text in texts.items():
        if path.parts[0] != "drills":
            label = f"{name}:{path}"
            try:
                scenario = guarded(parse_scenario_text, label)(text, label)
                scenarios[scenario.id] = scenario
            except ScenarioError as error:
                problems.extend(str(problem) for problem in error.problems)
    combined = library or load_library()
    combined = Library({**combined.scenarios, **scenarios}, dict(combined.sources), [])
    for path, text in texts.items():
        if path.parts[0] == "drills":
            label = f"{name}:{path}"
            try:
                guarded(parse_drill_text, label)(text, label, combined)
            except ScenarioError as error:
                problems.extend(str(problem) for problem in error.problems)
    return problems


def _planned_files(texts: dict[PurePosixPath, str], target: Path, name: str) -> tuple[dict[Path, bytes], list[Path]]:
    """The files to create, and those already there with the same content (left alone); raises
    PackError if one would land outside the target or replace something different."""
    problems: list[str] = []
    files: dict[Path, bytes] = {}
    unchanged: list[Path] = []
    if target.exists() and not target.is_dir():
        raise PackError([f"{name}: {target} is not a folder; nothing was installed"])
    root = target.resolve()
    for path, text in texts.items():
        destination = target.joinpath(*path.parts)
        content = text.encode("utf-8")
        blocked = next((folder for folder in (target.joinpath(*path.parts[:end]) for end in range(len(path.parts)))
                        if os.path.lexists(folder) and not folder.is_dir()), None)
        if blocked is not None:
            problems.append(f"{name}: {path}: {blocked} is a file where a folder should be")
        elif not destination.resolve().is_relative_to(root):  # e.g. a symlinked folder inside the target
            problems.append(f"{name}: {path} would land outside {target}")
        elif os.path.lexists(destination):
            try:
                existing = read_user_file(destination, MAX_SCENARIO_BYTES)
            except UnreadableFile:
                existing = None
            if existing is None or existing.removeprefix(b"\xef\xbb\xbf") != content:
                problems.append(f"{name}: {path} would replace a different file already in {target}")
            else:
                unchanged.append(destination)
        else:
            files[destination] = content
    if problems:
        raise PackError(problems)
    return files, unchanged
