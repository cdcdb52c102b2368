"""Point every import of the project's own code at the one installed package, ``ask_dont_tell``.

The checkout keeps its folders (``trainer/``, ``ui/``, ``scenarios/``, ``assets/``); installed,
they are ``ask_dont_tell.trainer``, ``ask_dont_tell.ui`` and so on, and in a checkout
``ask_dont_tell/__init__.py`` makes the same names resolve to the same folders. Code must use
those names only: a file imported once as ``trainer.labels`` and once as
``ask_dont_tell.trainer.labels`` would be two modules, with two ``Label`` enums that never
compare equal.

Run: python tools/repackage.py [--check] [PATH...]
Rewrites, in every Python file of the project (or the paths given):
- ``from trainer.x import y`` -> ``from ask_dont_tell.trainer.x import y`` (and ui, scenarios, assets);
- ``import trainer`` -> ``from ask_dont_tell import trainer`` (``as`` names kept);
- ``import trainer.x`` -> ``import ask_dont_tell.trainer.x``, followed by
  ``from ask_dont_tell import trainer`` when the file goes on to use the name ``trainer``;
- a string that is exactly a dotted path into those folders, such as ``"trainer.speech_worker"``
  for ``python -m`` or ``"ui.firstrun.system_full_name"`` for monkeypatch, gets the prefix too.
The same import lines inside string literals (code run by a child process) are rewritten as well.
Relative imports are left alone. Running it again changes nothing: the rewritten forms no longer
match. With --check it writes nothing, lists what it would change and exits 1 if anything.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "ask_dont_tell"
#: The checkout's folders that are parts of the package.
PARTS = ("trainer", "ui", "scenarios", "assets")
#: Where the project's Python files are (main.py and the package folder are looked at too).
SOURCES = ("trainer", "ui", "tests", "bench", "tools", "main.py", PACKAGE)
SKIP_DIRS = {"__pycache__", ".git", "build", "dist", ".venv"}

_PART = "|".join(PARTS)
FROM_RE = re.compile(rf"^(?P<indent>[ \t]*)from(?P<gap>[ \t]+)(?P<module>(?:{_PART})(?:\.\w+)*)(?P<rest>[ \t]+import\b)")
IMPORT_RE = re.compile(
    rf"^(?P<indent>[ \t]*)import[ \t]+(?P<module>(?:{_PART})(?:\.\w+)*)(?P<alias>[ \t]+as[ \t]+\w+)?"
    rf"(?P<tail>[ \t]*(?:#.*)?)$")
#: An import of several modules at once that names one of the parts: left for a person to split.
MULTI_RE = re.compile(rf"^[ \t]*import[ \t]+[\w. \t]*,[\w., \t]*\b(?:{_PART})\b")
DOTTED_STRING_RE = re.compile(rf"(?P<quote>[\"'])(?P<path>(?:{_PART})(?:\.\w+)+)(?P=quote)")


def project_files(paths: list[Path] | None = None) -> list[Path]:
    """The Python files to look at: the given paths, or the project's own sources."""
    found: list[Path] = []
    for entry in paths or [ROOT / name for name in SOURCES]:
        if entry.is_file() and entry.suffix == ".py":
            found.append(entry)
        elif entry.is_dir():
            found.extend(p for p in sorted(entry.rglob("*.py")) if not SKIP_DIRS & set(p.relative_to(entry).parts))
    return found


def _is_module_path(dotted: str) -> bool:
    """True for ``trainer.speech_worker`` or ``ui.firstrun.name``: its first step is a real module."""
    part, first = dotted.split(".")[:2]
    folder = ROOT / part
    return (folder / f"{first}.py").is_file() or (folder / first).is_dir()


def _uses_name(source: str, name: str) -> bool:
    """Whether ``name.`` appears in the code outside import statements (as an attribute root)."""
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    in_import = False
    for index, token in enumerate(tokens):
        if token.type in (tokenize.NEWLINE, tokenize.NL):
            in_import = False
        elif token.type == tokenize.NAME and token.string in ("import", "from") and _starts_statement(tokens, index):
            in_import = True
        elif (not in_import and token.type == tokenize.NAME and token.string == name
              and index + 1 < len(tokens) and tokens[index + 1].string == "."
              and (index == 0 or tokens[index - 1].string != ".")):
            return True
    return False


def _starts_statement(tokens: list[tokenize.TokenInfo], index: int) -> bool:
    before = tokens[index - 1] if index else None
    return before is None or before.type in (tokenize.NEWLINE, tokenize.NL, tokenize.INDENT, tokenize.DEDENT,
                                             tokenize.ENCODING) or before.string == ";"


def _rewrite_line(line: str, source: str) -> str | None:
    """The new text for one import line (several lines for ``import trainer.x`` when needed)."""
    ending = line[len(line.rstrip("\r\n")):]
    text = line.rstrip("\r\n")
    match = FROM_RE.match(text)
    if match:
        return (f"{match['indent']}from{match['gap']}{PACKAGE}.{match['module']}{match['rest']}"
                f"{text[match.end():]}{ending}")
    match = IMPORT_RE.match(text)
    if not match:
        return None
    indent, module, alias, tail = match["indent"], match["module"], match["alias"] or "", match["tail"] or ""
    if "." not in module:  # import trainer [as t]
        return f"{indent}from {PACKAGE} import {module}{alias}{tail}{ending}"
    if alias:  # import trainer.engine as engine
        return f"{indent}import {PACKAGE}.{module}{alias}{tail}{ending}"
    root = module.split(".")[0]
    lines = f"{indent}import {PACKAGE}.{module}{tail}{ending}"
    if _uses_name(source, root):
        lines += f"{indent}from {PACKAGE} import {root}{ending or chr(10)}"
    return lines


def rewrite_source(source: str) -> tuple[str, list[str]]:
    """The rewritten source and a note for each line changed (or that needs a person)."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError) as error:
        return source, [f"not read: {error}"]
    statement_rows: set[int] = set()
    string_rows: set[int] = set()
    replacements: dict[tuple[int, int], str] = {}  # (row, col) of a string token -> its new text
    for index, token in enumerate(tokens):
        if token.type == tokenize.NAME and token.string in ("import", "from") and _starts_statement(tokens, index):
            statement_rows.add(token.start[0])
        elif token.type == tokenize.STRING:
            match = DOTTED_STRING_RE.fullmatch(token.string)
            if match and _is_module_path(match["path"]):
                replacements[token.start] = f"{match['quote']}{PACKAGE}.{match['path']}{match['quote']}"
            elif token.start[0] != token.end[0]:  # a multi-line string: code for a child process?
                string_rows.update(range(token.start[0] + 1, token.end[0] + 1))
    lines = source.splitlines(keepends=True)
    notes: list[str] = []
    for (row, col), new in sorted(replacements.items(), reverse=True):
        line = lines[row - 1]
        old = next(t.string for t in tokens if t.start == (row, col))
        lines[row - 1] = line[:col] + new + line[col + len(old):]
        notes.append(f"{row}: {old} -> {new}")
    for row in sorted(statement_rows | string_rows, reverse=True):
        line = lines[row - 1]
        if MULTI_RE.match(line):
            notes.append(f"{row}: split this import by hand: {line.strip()}")
            continue
        new = _rewrite_line(line, source)
        if new is not None and new != line:
            lines[row - 1] = new
            notes.append(f"{row}: {line.strip()} -> {' / '.join(new.strip().splitlines())}")
    return "".join(lines), sorted(notes, key=lambda note: int(note.split(":")[0]) if note[0].isdigit() else 0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if any file would change")
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders (default: the whole project)")
    args = parser.parse_args(argv)
    changed = 0
    needs_hand = False
    for path in project_files([p.resolve() for p in args.paths] or None):
        if path == Path(__file__).resolve():
            continue
        source = path.read_text(encoding="utf-8")
        new, notes = rewrite_source(source)
        if not notes:
            continue
        needs_hand |= any("by hand" in note or "not read" in note for note in notes)
        where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        for note in notes:
            print(f"{where}:{note}")
        if new != source:
            changed += 1
            if not args.check:
                path.write_text(new, encoding="utf-8", newline="")
    verb = "would change" if args.check else "changed"
    print(f"{verb} {changed} file(s)" + ("; some lines need a person (see above)" if needs_hand else ""))
    return 1 if (args.check and changed) or needs_hand else 0


if __name__ == "__main__":
    sys.exit(main())
