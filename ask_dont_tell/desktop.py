"""A desktop launcher: the app in the applications menu, with its icon.

Linux (GNOME, KDE, Xfce and every other freedesktop desktop): ``ask-dont-tell --install-launcher``
writes ``ask-dont-tell.desktop`` to ``$XDG_DATA_HOME/applications`` (``~/.local/share/applications``)
and the icon to ``$XDG_DATA_HOME/icons/hicolor/scalable/apps/ask-dont-tell.svg``, each atomically;
``--uninstall-launcher`` removes both. The entry starts whatever ran the command: the bundle's
executable, the installed ``ask-dont-tell`` (pip or pipx), or ``python main.py`` in a checkout.
Windows and macOS: the same option prints the steps (``NOTES``), which the README repeats.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

APP_ID = "ask-dont-tell"
DESKTOP_FILE = f"{APP_ID}.desktop"
ICON_FILE = f"{APP_ID}.svg"

NOTES = {
    "win32": (
        "On Windows, add a Start menu entry by hand:\n"
        "- bundle: in the unpacked folder, right-click ask-dont-tell.exe > Show more options > Pin to Start "
        "(or Send to > Desktop (create shortcut));\n"
        "- pipx or pip: right-click the desktop > New > Shortcut, and enter the full path that "
        "`where ask-dont-tell` prints (with pipx usually %USERPROFILE%\\.local\\bin\\ask-dont-tell.exe)."
    ),
    "darwin": (
        "On macOS, the bundle is an app: drag 'Ask, Don't Tell.app' into Applications (the first time, "
        "Control-click it > Open, as it is not signed).\n"
        "- pipx or pip: open Automator > New > Application, add 'Run Shell Script' with the full path that "
        "`which ask-dont-tell` prints, and save it as 'Ask, Don't Tell' in Applications."
    ),
}


def data_home() -> Path:
    """``$XDG_DATA_HOME``, else ``~/.local/share`` (the freedesktop base directory rule)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if value and Path(value).is_absolute() else Path.home() / ".local" / "share"


def launcher_paths() -> tuple[Path, Path]:
    """Where the desktop entry and the icon go."""
    home = data_home()
    return home / "applications" / DESKTOP_FILE, home / "icons" / "hicolor" / "scalable" / "apps" / ICON_FILE


def launch_command() -> list[str]:
    """The command that starts this same installation of the app."""
    if getattr(sys, "frozen", False):  # the bundle's own executable
        return [sys.executable]
    package = Path(__file__).resolve().parent
    if not (package / "trainer").is_dir():  # a checkout: main.py sits beside the package
        return [sys.executable, str(package.parent / "main.py")]
    script = Path(sys.executable).parent / (f"{APP_ID}.exe" if os.name == "nt" else APP_ID)
    if script.is_file():  # the console script beside this Python (a venv, pipx)
        return [str(script)]
    return [sys.executable, "-m", "ask_dont_tell"]


def exec_line(command: list[str]) -> str:
    """The Exec value: each argument quoted as the Desktop Entry Specification says, then escaped
    as a string value (backslashes doubled) and with % written %%."""
    quoted = []
    for argument in command:
        inner = "".join("\\" + char if char in '"`$\\' else char for char in argument)
        quoted.append(f'"{inner}"')
    return " ".join(quoted).replace("\\", "\\\\").replace("%", "%%")


def desktop_entry(command: list[str], icon: Path) -> str:
    # Name and Comment take any text; only newlines and backslashes would need escaping.
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.0",
        "Name=Ask, Don't Tell",
        "GenericName=Coaching practice",
        "Comment=Practise coaching one-on-ones: ask open questions instead of telling the answer",
        f"Exec={exec_line(command)}",
        f"Icon={icon}",
        "Terminal=false",
        "Categories=Education;",
        "Keywords=coaching;sales;manager;one-on-one;training;",
        "StartupNotify=true",
        f"StartupWMClass={APP_ID}",
        "",
    ])


def install() -> int:
    """Write the desktop entry and the icon (Linux), or print the steps (Windows, macOS)."""
    if sys.platform in NOTES:
        print(NOTES[sys.platform])
        return 0
    from .trainer.safeio import atomic_write

    entry, icon = launcher_paths()
    try:
        for path in (entry, icon):
            path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(icon, files("ask_dont_tell.assets").joinpath("icon.svg").read_bytes())
        atomic_write(entry, desktop_entry(launch_command(), icon).encode("utf-8"))
    except OSError as error:
        sys.stderr.write(f"error: the launcher could not be written: {error}\n")
        return 1
    _refresh_menu(entry.parent)
    print(f"Added 'Ask, Don't Tell' to the applications menu:\n  {entry}\n  {icon}")
    return 0


def uninstall() -> int:
    """Remove what ``install`` wrote; nothing there is not an error."""
    if sys.platform in NOTES:
        print("Remove the shortcut or app you added, as for any other.")
        return 0
    removed = []
    for path in launcher_paths():
        try:
            path.unlink()
            removed.append(path)
        except FileNotFoundError:
            pass
        except OSError as error:
            sys.stderr.write(f"error: {path} could not be removed: {error}\n")
            return 1
    if removed:
        _refresh_menu(launcher_paths()[0].parent)
    print("Removed:\n" + "\n".join(f"  {p}" for p in removed) if removed else "No launcher was installed.")
    return 0


def _refresh_menu(folder: Path) -> None:
    """Menus read new entries by themselves; this only makes some of them do it sooner."""
    tool = shutil.which("update-desktop-database")
    if tool:
        subprocess.run([tool, "-q", str(folder)], check=False, capture_output=True, timeout=30)
