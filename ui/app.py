"""Application start-up: show the window first, then load everything else in the background."""

from __future__ import annotations

import sys

from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

import trainer

from . import theme
from .mainwindow import MainWindow
from .widgets import APP_ICON


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the app's name, icon, style and light/dark palette."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("Ask, Don't Tell")
    app.setApplicationDisplayName("Ask, Don't Tell")
    app.setOrganizationName("ask-dont-tell")
    app.setApplicationVersion(trainer.__version__)
    app.setDesktopFileName("ask-dont-tell")
    app.setStyle("Fusion")
    app.setWindowIcon(QIcon(str(APP_ICON)))
    theme.apply(app)
    return app


def create_main_window() -> MainWindow:
    """The main window (needs a QApplication); it loads its data once shown."""
    window = MainWindow()
    QGuiApplication.styleHints().colorSchemeChanged.connect(window.follow_system_scheme)
    return window


def run_app(argv: list[str] | None = None) -> int:
    app = create_application(argv)
    window = create_main_window()
    window.show()
    return app.exec()
