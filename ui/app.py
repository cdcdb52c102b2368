"""Application start-up."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

import trainer


def create_main_window() -> QMainWindow:
    window = QMainWindow()
    window.setWindowTitle("Ask, Don't Tell")
    label = QLabel("Ask, Don't Tell — coaching practice for sales managers.\nThe practice screens arrive soon.")
    label.setMargin(40)
    window.setCentralWidget(label)
    window.resize(1024, 700)
    return window


def run_app(argv: list[str] | None = None) -> int:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("Ask, Don't Tell")
    app.setApplicationVersion(trainer.__version__)
    window = create_main_window()
    window.show()
    return app.exec()
