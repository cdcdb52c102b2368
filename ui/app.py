"""Application start-up: show the window first, then load everything else in the background."""

from __future__ import annotations

import sys

from PySide6.QtCore import QLoggingCategory, QMessageLogContext, QtMsgType, qFormatLogMessage, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from ask_dont_tell import trainer

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


#: Qt Multimedia's own messages that reach the default category (its audio back ends print them on
#: every line spoken where there is no sound server); its categories are switched off as a whole.
MULTIMEDIA_MESSAGES = ("PulseAudioService:", "No audio device detected", "QAudioSink", "QAudioOutput",
                       "QAudioSource", "QMediaPlayer", "pipewire", "ALSA lib")


def quiet_multimedia_logging(verbose: bool = False) -> None:
    """Keep Qt Multimedia's and ffmpeg's messages out of the terminal (``--verbose`` shows them);
    every other message is printed as Qt would."""
    if verbose:
        return
    QLoggingCategory.setFilterRules("qt.multimedia*=false\nqt.multimedia.*=false")

    def handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        category = context.category or ""
        if category.startswith("qt.multimedia") or (category in ("", "default") and
                                                     message.lstrip().startswith(MULTIMEDIA_MESSAGES)):
            return
        sys.stderr.write(qFormatLogMessage(mode, context, message) + "\n")

    global _message_handler
    _message_handler = handler  # kept alive for as long as Qt may call it
    qInstallMessageHandler(handler)


_message_handler = None


def run_app(argv: list[str] | None = None, verbose: bool = False) -> int:
    quiet_multimedia_logging(verbose)
    app = create_application(argv)
    window = create_main_window()
    window.show()
    return app.exec()
