"""The ``ask-dont-tell`` command: start the desktop app, or run a command (see --help).

``python main.py`` in a checkout, ``python -m ask_dont_tell``, the installed ``ask-dont-tell``
and the bundle's executable all come here.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

#: How long ``--smoke`` waits for the window to be shown and its data loaded.
SMOKE_TIMEOUT_S = 60.0


def main(argv: list[str] | None = None, prog: str | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if getattr(sys, "frozen", False) and argv[:1] == ["-m"]:
        return _run_module(argv[1:])
    from .trainer.cli import build_parser, run

    parser = build_parser(prog or _program_name())
    desktop = parser.add_argument_group("desktop")
    launcher = desktop.add_mutually_exclusive_group()
    launcher.add_argument("--install-launcher", action="store_true",
                          help="add the app, with its icon, to the desktop's applications menu (Linux; "
                               "on Windows and macOS this prints the steps)")
    launcher.add_argument("--uninstall-launcher", action="store_true", help="remove what --install-launcher added")
    desktop.add_argument("--smoke", nargs="?", const="", default=None, metavar="PNG",
                         help="start the desktop app, wait for its window and data, print the times and quit "
                              "(a check that an installation works; with PNG, save a picture of the window)")
    args = parser.parse_args(argv)
    if args.install_launcher or args.uninstall_launcher:
        from . import desktop as launcher_files

        return launcher_files.install() if args.install_launcher else launcher_files.uninstall()
    if args.command is None:
        if args.smoke is not None:
            return smoke(args.smoke, verbose=args.verbose)
        from .ui.app import run_app

        return run_app(verbose=args.verbose)
    return run(args)


def _program_name() -> str:
    name = Path(sys.argv[0]).stem if sys.argv and sys.argv[0] else ""
    return name if name and name not in ("__main__", "-c") else "ask-dont-tell"


def _run_module(argv: list[str]) -> int:
    """``BUNDLE -m MODULE ARGS``, as ``python -m``: a bundle has no Python of its own, and the app
    starts its speech worker this way. Only the app's own modules are run."""
    import runpy

    if not argv or not argv[0].startswith("ask_dont_tell."):
        sys.stderr.write("error: -m runs only the app's own modules (ask_dont_tell.*)\n")
        return 2
    sys.argv = [argv[0], *argv[1:]]
    runpy.run_module(argv[0], run_name="__main__", alter_sys=True)
    return 0


def smoke(picture: str = "", verbose: bool = False) -> int:
    """Start the app as a user would, report its first paint and when its scenarios, database and
    library are ready, and quit. Exit 1 if that does not happen in time."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    from .ui.app import create_application, create_main_window, quiet_multimedia_logging

    started = time.perf_counter()
    quiet_multimedia_logging(verbose)
    app = create_application([sys.argv[0] if sys.argv else "ask-dont-tell"])
    window = create_main_window()
    outcome = {"code": 1}

    def report(what: str) -> None:
        print(f"{what} {(time.perf_counter() - started) * 1000:.0f} ms", flush=True)

    def ready_or_wait() -> None:
        context = window.context
        if context.library is not None and context.store is not None and window.library.cards:
            report(f"ready: {len(context.library.scenarios)} scenarios, database open, "
                   f"{window.width()}x{window.height()} window on {app.platformName()}, after")
            if picture:
                window.grab().save(picture)
            outcome["code"] = 0
            window.close()
            app.quit()
        elif time.perf_counter() - started > SMOKE_TIMEOUT_S:
            sys.stderr.write(f"error: the app was not ready after {SMOKE_TIMEOUT_S:.0f} s\n")
            app.quit()
        else:
            QTimer.singleShot(10, ready_or_wait)

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and not self.done:
                self.done = True
                report("shown: first paint after")
                QTimer.singleShot(0, ready_or_wait)
            return False

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    QTimer.singleShot(int(SMOKE_TIMEOUT_S * 1000) + 1000, app.quit)  # never hang, even without a paint
    app.exec()
    if not watcher.done:
        sys.stderr.write("error: the window was never painted\n")
    return outcome["code"]


if __name__ == "__main__":
    sys.exit(main())
