"""The main window: a sidebar (Practise, History, Settings), a notice bar, and the screens.

It moves between screens and hands work to them; the screens talk to the core through the
shared context.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from . import theme
from .briefing import BriefingScreen
from .context import AppContext
from .history import HistoryScreen
from .library import LibraryScreen
from .practice import PracticeScreen
from .report import ReportScreen, stored_report
from .settings import SettingsScreen
from .tasks import MainThreadCollector
from .theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XL
from .widgets import NoticeBar, text_label

MINIMUM_SIZE = (960, 640)
BUSY_DELAY_MS = 400
START_SIZE = (1200, 780)


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext | None = None) -> None:
        super().__init__()
        self.context = context or AppContext(self)
        self.collector = MainThreadCollector(self)
        self.setWindowTitle("Ask, Don't Tell")
        self.setMinimumSize(*MINIMUM_SIZE)
        self.resize(*START_SIZE)
        self._shown_once = False

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self._sidebar())
        content = QVBoxLayout()
        content.setContentsMargins(0, 0, 0, 0)
        content.setSpacing(0)
        self.notice = NoticeBar()
        notice_row = QHBoxLayout()
        notice_row.setContentsMargins(SPACE_XL, SPACE_M, SPACE_XL, 0)
        notice_row.addWidget(self.notice)
        content.addLayout(notice_row)
        self.stack = QStackedWidget()
        content.addWidget(self.stack, 1)
        row.addLayout(content, 1)
        self.setCentralWidget(central)

        ctx = self.context
        self.library = LibraryScreen(ctx)
        self.briefing = BriefingScreen(ctx)
        self.practice = PracticeScreen(ctx)
        self.report = ReportScreen()
        self.history = HistoryScreen(ctx)
        self.settings = SettingsScreen(ctx)
        for screen in (self.library, self.briefing, self.practice, self.report, self.history, self.settings):
            self.stack.addWidget(screen)

        self.library.open_briefing.connect(self.show_briefing)
        self.library.continue_session.connect(self.continue_session)
        self.briefing.back_requested.connect(self.show_library)
        self.briefing.start_requested.connect(self.start_practice)
        self.practice.finished.connect(self.show_report)
        self.practice.abandoned.connect(self.show_library)
        self.report.practise_again.connect(self.show_briefing)
        self.report.library_requested.connect(self.show_library)
        self.report.history_requested.connect(self.show_history)
        self.history.open_report.connect(self.open_stored_report)
        self.history.continue_session.connect(self.continue_session)
        self.settings.appearance_changed.connect(self.apply_appearance)
        ctx.notice.connect(self.notice.show_message)
        ctx.database_refused.connect(lambda message, path: self.notice.show_message(
            message, "Move it aside and start afresh", lambda: ctx.move_database_aside(path)))
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self.busy.show)
        ctx.tasks.busy_changed.connect(self._busy_changed)
        ctx.prefs_changed.connect(self._prefs_loaded)
        for keys, action in (("Ctrl+1", self.show_practise), ("Ctrl+2", self.show_history),
                             ("Ctrl+3", self.show_settings)):
            QShortcut(QKeySequence(keys), self, action)
        self.show_library()

    def _sidebar(self) -> QFrame:
        bar = QFrame()
        bar.setObjectName("sidebar")
        bar.setFixedWidth(184)
        column = QVBoxLayout(bar)
        column.setContentsMargins(SPACE_M, SPACE_XL, SPACE_M, SPACE_L)
        column.setSpacing(SPACE_S)
        name = text_label("Ask, Don't Tell", wrap=False)
        name.setObjectName("appName")
        column.addWidget(name)
        self.nav = QButtonGroup(self)
        self.nav_buttons: dict[str, QPushButton] = {}
        for key, text, keys in (("practise", "Practise", "Ctrl+1"), ("history", "History", "Ctrl+2"),
                                ("settings", "Settings", "Ctrl+3")):
            nav = QPushButton(text)
            nav.setProperty("nav", True)
            nav.setCheckable(True)
            nav.setAccessibleName(f"{text} ({keys})")
            nav.setToolTip(keys)
            nav.setCursor(Qt.CursorShape.PointingHandCursor)
            self.nav.addButton(nav)
            self.nav_buttons[key] = nav
            column.addWidget(nav)
        self.nav_buttons["practise"].clicked.connect(self.show_practise)
        self.nav_buttons["history"].clicked.connect(self.show_history)
        self.nav_buttons["settings"].clicked.connect(self.show_settings)
        column.addStretch(1)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setAccessibleName("Working in the background")
        self.busy.setTextVisible(False)
        self.busy.hide()
        column.addWidget(self.busy)
        column.addWidget(text_label("Coaching practice for sales managers", "small"))
        return bar

    # --- start-up -----------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.context.load()

    def _busy_changed(self, busy: bool) -> None:
        """Show the busy bar only for work that lasts (a reply's few milliseconds would flicker)."""
        if busy:
            self._busy_timer.start()
        else:
            self._busy_timer.stop()
            self.busy.hide()

    def follow_system_scheme(self) -> None:
        """The system switched between light and dark: follow it unless the user chose one."""
        if self.context.prefs.appearance == "system":
            self.apply_appearance("system")

    def _prefs_loaded(self) -> None:
        if theme.effective_dark(self.context.prefs.appearance) != theme.colours().dark:
            self.apply_appearance(self.context.prefs.appearance)

    def apply_appearance(self, appearance: str) -> None:
        """Re-style for light or dark; screens re-render what they drew with explicit colours."""
        theme.apply(QApplication.instance(), appearance)
        self.library.refresh()
        if self.briefing.scenario is not None:
            self.briefing.show_scenario(self.briefing.scenario)
        if self.report.data is not None:
            self.report.show_report(self.report.data)

    # --- navigation ---------------------------------------------------------------------------

    def _show(self, screen: QWidget, nav: str) -> None:
        self.stack.setCurrentWidget(screen)
        self.nav_buttons[nav].setChecked(True)

    def show_library(self) -> None:
        self._show(self.library, "practise")
        self.library.search.setFocus()

    def show_practise(self) -> None:
        """The conversation in progress, if there is one; else the library."""
        if self.practice.in_progress:
            self._show(self.practice, "practise")
            self.practice.reply_box.setFocus()
        else:
            self.show_library()

    def show_briefing(self, scenario_id: str) -> None:
        library = self.context.library
        if library is None or scenario_id not in library.scenarios:
            self.notice.show_message(f"The scenario {scenario_id!r} is not installed any more.")
            return
        self.briefing.show_scenario(library.get(scenario_id))
        self._show(self.briefing, "practise")

    def start_practice(self, scenario_id: str, live: bool) -> None:
        self._show(self.practice, "practise")
        self.practice.start(self.context.library.get(scenario_id), live)

    def continue_session(self, session_id: int) -> None:
        """Rebuild an interrupted session from storage and go on with it."""
        library = self.context.library

        def resumed(result) -> None:
            if result.notice:
                self.notice.show_message(result.notice)
            self._show(self.practice, "practise")
            self.practice.start(result.session.scenario, self.context.prefs.live_feedback, result.session,
                                result.session_id)
            if result.session.finished:
                self.context.history_changed.emit()

        def failed(error: BaseException) -> None:
            self.notice.show_message(f"That session cannot be continued: {error}")

        self.context.in_storage(lambda store: store.resume(session_id, library), resumed, failed)

    def show_report(self, data: dict) -> None:
        self.report.show_report(data)
        self._show(self.report, "practise")

    def open_stored_report(self, session_id: int) -> None:
        library = self.context.library
        self.context.in_storage(lambda store: stored_report(store.session_detail(session_id), library),
                                self._show_stored_report)

    def _show_stored_report(self, data: dict) -> None:
        self.report.show_report(data)
        self._show(self.report, "history")

    def show_history(self) -> None:
        self._show(self.history, "history")
        self.history.table.setFocus()

    def show_settings(self) -> None:
        self._show(self.settings, "settings")
        self.settings.voice_on.setFocus()

    # --- closing ------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """Finish saving, stop the speech worker and the background threads, then close."""
        self.context.close()
        self.collector.stop()
        super().closeEvent(event)
