"""The main window: a sidebar (Practise, History, Settings), a notice bar, and the screens.

It moves between screens and hands work to them; the screens talk to the core through the
shared context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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
from .progress import ProgressScreen
from .report import ReportScreen, stored_report
from .settings import SettingsScreen
from .tasks import MainThreadCollector
from .theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XL
from .widgets import NoticeBar, text_label

if TYPE_CHECKING:  # the workshop and preparation windows load when first opened, not at start-up
    from .cohort import CohortDialog
    from .drill import DrillWindow
    from .firstrun import FirstRunDialog
    from .prepare import OneOnOne, PrepareDialog
    from .presenter import PresenterWindow

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
        self.report = ReportScreen(ctx)
        self.progress = ProgressScreen(ctx)
        self.stack.addWidget(self.progress)
        self.one_on_one: OneOnOne | None = None
        self.prepare_dialog: PrepareDialog | None = None
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
        self.history.progress_requested.connect(self.show_progress)
        self.progress.back_requested.connect(self.show_history)
        self.library.prepare_requested.connect(self.open_prepare)
        self.report.self_rated.connect(self._save_self_rating)
        self.history.continue_session.connect(self.continue_session)
        self.settings.appearance_changed.connect(self.apply_appearance)
        ctx.notice.connect(self.notice.show_message)
        self.first_run: FirstRunDialog | None = None
        ctx.name_needed.connect(self.ask_name)
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
        self._workshop_menus()
        self.show_library()

    def _workshop_menus(self) -> None:
        """File: export and import practice files; Workshop: drills, presenter mode, cohort report."""
        self.drill_window: DrillWindow | None = None
        self.presenter: PresenterWindow | None = None
        self.cohort_dialog: CohortDialog | None = None
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction("&Export my sessions…", self.export_my_sessions)
        file_menu.addAction("&Import participants' files…", self.open_cohort_report)
        workshop = self.menuBar().addMenu("&Workshop")
        workshop.addAction("&Drills…", self.open_drills)
        workshop.addAction("&Presenter mode", self.open_presenter)
        workshop.addAction("&Cohort report…", self.open_cohort_report)

    def ask_name(self) -> None:
        """A first start: the user's name before anything is recorded."""
        from .firstrun import FirstRunDialog

        self.first_run = FirstRunDialog(self)
        self.first_run.named.connect(self.context.set_trainee)
        self.first_run.finished.connect(lambda _result: (self.activateWindow(), self.library.search.setFocus()))
        self.first_run.open()

    def _scenarios_ready(self) -> bool:
        if self.context.library is None:
            self.notice.show_message("The scenarios are still loading.")
        return self.context.library is not None

    def export_my_sessions(self) -> None:
        from .cohort import export_my_sessions

        export_my_sessions(self.context, self)

    def open_drills(self) -> None:
        from .drill import DrillWindow

        if self._scenarios_ready():
            self.drill_window = DrillWindow(self.context, self)
            self.drill_window.show()

    def open_presenter(self) -> None:
        """Full screen for the projector, with the warm-up drill's lines to put to the room."""
        from .presenter import PresenterWindow, presenter_prompts

        if not self._scenarios_ready():
            return
        library = self.context.library

        def show(prompts) -> None:
            self.presenter = PresenterWindow(prompts, self)
            self.presenter.showFullScreen()

        self.context.tasks.run(lambda: presenter_prompts(library), show)

    def open_cohort_report(self) -> None:
        from .cohort import CohortDialog

        self.cohort_dialog = CohortDialog(self.context, self)
        self.cohort_dialog.show()

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
            self.briefing.show_scenario(self.briefing.scenario, self.briefing.one_on_one)
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

    def show_briefing(self, scenario_id: str, one_on_one: OneOnOne | None = None) -> None:
        """A scenario's briefing; ``one_on_one`` when it rehearses a real conversation."""
        library = self.context.library
        if library is None or scenario_id not in library.scenarios:
            self.notice.show_message(f"The scenario {scenario_id!r} is not installed any more.")
            return
        self.one_on_one = one_on_one
        self.briefing.show_scenario(library.get(scenario_id), one_on_one)
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
            self.practice.start(result.scenario, self.context.prefs.live_feedback, result)
            if result.session.finished:
                self.context.history_changed.emit()

        def failed(error: BaseException) -> None:
            self.notice.show_message(f"That session cannot be continued: {error}")

        from ask_dont_tell.trainer.practice import PracticeRun

        trainee = self.context.trainee
        self.context.in_storage(lambda store: PracticeRun.resume(store, session_id, library, trainee), resumed, failed)

    def show_report(self, data: dict) -> None:
        """A session just ended: ask for the self-rating, then show its report."""
        if self.practice.session is not None:
            data.setdefault("seed", self.practice.session.seed)
        self.report.one_on_one = self.one_on_one
        self.report.show_report(data, ask_rating=True)
        self._show(self.report, "practise")

    def _save_self_rating(self, rating: int) -> None:
        run = self.practice.run

        def save(store) -> None:
            if run is not None and run.session_id is not None:
                store.set_self_rating(run.session_id, rating)

        self.context.in_storage(save)

    def open_prepare(self) -> None:
        """Choose the situation closest to a real one-on-one, then rehearse it."""
        from .prepare import PrepareDialog

        if self.context.library is None:
            self.notice.show_message("The scenarios are still loading.")
            return
        self.prepare_dialog = PrepareDialog(self.context, self)
        self.prepare_dialog.rehearse.connect(self.rehearse_one_on_one)
        self.prepare_dialog.open()

    def rehearse_one_on_one(self, one: OneOnOne) -> None:
        """The briefing of the closest situation, opening with the real conversation it rehearses."""
        self.show_briefing(one.scenario_id, one)

    def show_progress(self) -> None:
        self._show(self.progress, "history")
        self.progress.refresh()

    def open_stored_report(self, session_id: int) -> None:
        library = self.context.library
        self.context.in_storage(lambda store: stored_report(store.session_detail(session_id), library),
                                self._show_stored_report)

    def _show_stored_report(self, data: dict) -> None:
        self.report.one_on_one = None
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
