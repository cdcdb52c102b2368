"""Files and text that cross the app's boundary: read bounded, written atomically, shown neutralised.

One home for three rules that every command and screen follows:

* A file a user hands the app (a scenario, a drill, an export, a pack, the settings) is read by
  :func:`read_user_file`: only a regular file (a folder, pipe or device is refused at once,
  without blocking), and never more than a given number of bytes.
* A file the app writes (an export, a prep card, a cohort report, an installed pack file, the
  settings) goes through :func:`atomic_write`: the bytes go to a temporary file in the same
  folder, are flushed to disk, and only then replace the target, so a failed write (a full disk,
  a missing folder) leaves the previous file exactly as it was and no partial file behind. The
  database and its journal files are never a valid target (:func:`protect`).
* Text that came from another person (names, cohort names, replies) is neutralised for where it
  goes: :func:`for_terminal` (no control or formatting characters), :func:`csv_cell` (no cell
  starts a formula), :func:`for_pdf` and :func:`fit_width` (the PDF core fonts' Latin-1, and
  shortened to the width it has).
"""

from __future__ import annotations

import json
import math
import os
import secrets
import stat
import threading
import unicodedata
from pathlib import Path
from typing import Any, BinaryIO, Callable

#: The range of an integer column on every supported database (SQLite's is wider, PostgreSQL's is this).
INT32_MIN, INT32_MAX = -(2**31), 2**31 - 1


class UnreadableFile(ValueError):
    """A file the app was handed cannot be read as a plain file; the message names it."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name, self.reason = name, reason


class OutputRefused(OSError):
    """An output path that must not be written (the database, a folder, a device)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "refused"


# --- reading ----------------------------------------------------------------------------------


def read_user_file(path: Path | str, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; raises UnreadableFile naming it.

    The file is opened without blocking, so a named pipe or a device is refused at once instead
    of hanging; its size is checked before and while reading, so a file that grows is refused too.
    """
    name = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(name, flags)
    except OSError as error:
        raise UnreadableFile(name, f"cannot read the file: {error.strerror or error}") from None
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise UnreadableFile(name, f"is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile(name, f"is not a regular file (a pipe, socket or device); it was not read")
        if info.st_size > limit:
            raise UnreadableFile(name, f"the file is too large ({info.st_size:,} bytes; limit {limit:,})")
        chunks, total = [], 0
        while True:
            chunk = os.read(descriptor, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise UnreadableFile(name, f"the file is too large (over {limit:,} bytes)")
        return b"".join(chunks)
    except OSError as error:
        raise UnreadableFile(name, f"cannot read the file: {error.strerror or error}") from None
    finally:
        os.close(descriptor)


def is_special_file(path: Path | str) -> bool:
    """True for something that exists and is neither a regular file nor a folder (pipe, socket, device)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


# --- writing ----------------------------------------------------------------------------------

_protected: set[str] = set()
_protected_lock = threading.Lock()
#: The files SQLite keeps beside a database; none of them may be overwritten by an output.
JOURNAL_SUFFIXES = ("", "-wal", "-shm", "-journal")


def protect(database: Path) -> None:
    """Never let :func:`atomic_write` replace this database or its journal files."""
    with _protected_lock:
        for suffix in JOURNAL_SUFFIXES:  # beside the name given, and beside the file a link points at
            _protected.add(os.path.realpath(str(database) + suffix))
            _protected.add(os.path.realpath(database) + suffix)


def _check_target(path: Path) -> None:
    real = os.path.realpath(path)
    with _protected_lock:
        protected = set(_protected)
    if real in protected or any(_same_file(path, other) for other in protected):
        raise OutputRefused(f"{path} is the practice database or one of its journal files; "
                            "choose another file name")
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise OutputRefused(f"cannot write {path}: {error.strerror or error}") from None
    if stat.S_ISDIR(mode):
        raise OutputRefused(f"{path} is a folder; choose a file name")
    if not stat.S_ISREG(mode):
        raise OutputRefused(f"{path} is not a regular file (a pipe, socket or device); choose a file name")


def _same_file(path: Path, other: str) -> bool:
    try:
        return os.path.samefile(path, other)
    except OSError:
        return False


def atomic_write(path: Path | str, content: bytes | Callable[[BinaryIO], Any]) -> Path:
    """Write ``content`` (bytes, or a function writing to a binary file) to ``path`` atomically.

    The previous file, if any, stays exactly as it was unless the whole new content reached the
    disk; no temporary file is left behind either way. A new file gets the usual permissions
    (0666 less the umask), a replaced one keeps its own. Raises OSError (OutputRefused for a
    target that must not be written).
    """
    path = Path(path)
    _check_target(path)
    folder = path.parent
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mode = None
    temporary = folder / f".{path.name[:80]}.{secrets.token_hex(6)}.part"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(temporary, flags, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            if isinstance(content, (bytes, bytearray, memoryview)):
                stream.write(content)
            else:
                content(stream)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        _check_target(path)  # nothing became the database or a special file meanwhile
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    _sync_folder(folder)
    return path


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


# --- neutralising text ------------------------------------------------------------------------

#: Categories never shown raw: control, format (e.g. bidirectional overrides), surrogates,
#: private use, unassigned, and the line and paragraph separators.
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def for_terminal(text: Any, keep_newlines: bool = False) -> str:
    """Text safe to print: every control or formatting character is shown as an escape (``\\x1b``).

    With ``keep_newlines`` a line break stays a line break (for multi-line messages).
    """
    text = str(text)
    if text.isprintable() and text.isascii():
        return text
    return "".join(
        char if (keep_newlines and char == "\n") or unicodedata.category(char) not in _HIDDEN_CATEGORIES
        else _escape(char)
        for char in text
    )


def json_for_terminal(value: Any, indent: int | None = None) -> str:
    """JSON text safe to print: strict JSON (a number that is not finite becomes null), and every
    control or formatting character written as a ``\\u`` escape instead of raw."""
    try:
        text = json.dumps(value, ensure_ascii=False, indent=indent, allow_nan=False)
    except ValueError:  # NaN or infinity somewhere: JSON has no such numbers
        text = json.dumps(_finite(value), ensure_ascii=False, indent=indent, allow_nan=False)
    if text.isprintable():
        return text
    return "".join(_json_escape(char) if unicodedata.category(char) in _HIDDEN_CATEGORIES and char != "\n" else char
                   for char in text)


def _json_escape(char: str) -> str:
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _finite(value: Any) -> Any:
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(item) for item in value]
    return value


#: A spreadsheet reads a cell starting with one of these as a formula (OWASP's list, with the
#: full-width forms some spreadsheets also accept).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_cell(text: str) -> str:
    """A text cell a spreadsheet shows as text: a leading formula character gets a ``'`` before it."""
    text = str(text)
    stripped = text.lstrip(" ")
    return "'" + text if stripped.startswith(_FORMULA_STARTS) else text


_TYPOGRAPHY = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                             "\u2014": "-", "\u2026": "...", "\u2022": "-", "\u2265": ">=", "\u2264": "<=",
                             "\u2192": "->", "\u00a0": " "})


def for_pdf(text: Any) -> str:
    """Text for fpdf2's core fonts (Latin-1): typography made plain, line breaks and tabs made
    spaces, other control characters dropped, anything else outside Latin-1 shown as ``?``."""
    text = str(text).translate(_TYPOGRAPHY)
    cleaned = "".join(
        " " if char in "\t\r\n\u2028\u2029" else "" if unicodedata.category(char) in _HIDDEN_CATEGORIES else char
        for char in text
    ) if not text.isprintable() else text
    return cleaned.encode("latin-1", "replace").decode("latin-1")


def fit_width(pdf: Any, text: Any, width: float, ellipsis: str = "...") -> str:
    """``for_pdf(text)`` shortened with an ellipsis so that it fits ``width`` in the pdf's current font."""
    text = for_pdf(text)
    if pdf.get_string_width(text) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if pdf.get_string_width(text[:middle].rstrip() + ellipsis) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ellipsis


def install_files(files: dict[Path, bytes]) -> list[Path]:
    """Create several new files all together or not at all; returns the files created.

    Every file is first written in full to a temporary file beside its place (folders are made as
    needed); only when all of them are on disk are they moved into place. If anything fails (a
    full disk, a file where a folder should be, a file that appeared meanwhile), every file and
    folder made so far is removed again and the error is raised: the folders are as they were.
    An existing file is never replaced.
    """
    made_folders: list[Path] = []
    staged: list[tuple[Path, Path]] = []
    placed: list[Path] = []
    try:
        for destination, content in files.items():
            _check_target(destination)
            missing = [folder for folder in [destination.parent, *destination.parent.parents] if not folder.exists()]
            for folder in reversed(missing):
                folder.mkdir()
                made_folders.append(folder)
            temporary = destination.parent / f".{destination.name[:80]}.{secrets.token_hex(6)}.part"
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
            with os.fdopen(os.open(temporary, flags, 0o666), "wb") as stream:
                staged.append((temporary, destination))
                stream.write(content)
                stream.flush()
                os.fsync(stream.fileno())
        for temporary, destination in staged:
            if os.path.lexists(destination):
                raise FileExistsError(17, "a file appeared there meanwhile", str(destination))
            os.replace(temporary, destination)
            placed.append(destination)
        for folder in {destination.parent for destination in placed}:
            _sync_folder(folder)
    except BaseException:
        for temporary, _ in staged:
            _remove(temporary)
        for destination in placed:
            _remove(destination)
        for folder in reversed(made_folders):
            try:
                folder.rmdir()
            except OSError:
                pass
        raise
    return placed


def _remove(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
