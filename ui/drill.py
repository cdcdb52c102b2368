"""Drill mode: short timed prompts one after another, instant feedback, a score sheet at the end.

A window of its own (so a workshop can run a drill beside the practice screen): pick a drill and
the seconds per prompt, answer each salesperson line before the countdown ends, read the label and
the "try instead", and see the score sheet. Classification of a typed reply takes well under a
millisecond, so short replies are labelled at once; long ones go through the task runner.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QProgressBar, QPushButton, QSpinBox, QStackedWidget,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ask_dont_tell.trainer.drills import Drill, DrillAnswer, DrillRun, load_drills
from ask_dont_tell.trainer.labels import SHORT_NAMES, Label

from . import theme
from .context import AppContext
from .practice import INSTANT_REPLY_CHARS
from .theme import SPACE_L, SPACE_M, SPACE_XL, SPACE_XS
from .widgets import FeedbackChip, button, clear_layout, text_label

TICK_MS = 1000


class DrillWindow(QDialog):
    """Choose a drill, run it against the clock, and read the score sheet."""

    #: The score sheet of a finished run (the dict of ``DrillRun.score_sheet``).
    finished_run = Signal(dict)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Drills")
        self.setModal(False)
        self.resize(820, 540)
        self.run: DrillRun | None = None
        self.seconds = 0
        self.remaining = 0
        self.drills: list[Drill] = []
        self.sheet_drill: Drill | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)

        self.pages = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE_XL, SPACE_L, SPACE_XL, SPACE_L)
        layout.addWidget(self.pages)
        self.pages.addWidget(self._picker_page())
        self.pages.addWidget(self._prompt_page())
        self.pages.addWidget(self._sheet_page())
        for child in self.findChildren(QPushButton):
            child.setAutoDefault(False)  # Enter belongs to the reply box, not to a dialog button
        self._load_drills()

    # --- choosing -----------------------------------------------------------------------------

    def _picker_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setSpacing(SPACE_M)
        column.addWidget(text_label("Drills", "title"))
        column.addWidget(text_label("The same short prompts for everyone in the room. Answer each salesperson line "
                                    "before the clock runs out; the label and a better question follow at once.",
                                    "muted"))
        self.drill_list = QListWidget()
        self.drill_list.setAccessibleName("Drills")
        self.drill_list.currentRowChanged.connect(self._drill_chosen)
        self.drill_list.itemActivated.connect(lambda _: self.start_chosen())
        column.addWidget(self.drill_list)
        self.description = text_label("", "muted")
        column.addWidget(self.description)
        column.addStretch(1)
        row = QHBoxLayout()
        row.setSpacing(SPACE_M)
        row.addWidget(text_label("Seconds per prompt:", wrap=False))
        self.seconds_box = QSpinBox()
        self.seconds_box.setRange(5, 300)
        self.seconds_box.setAccessibleName("Seconds per prompt")
        self.seconds_box.lineEdit().setTextMargins(SPACE_XS, 0, 0, 0)  # level with the other inputs' text
        self.seconds_box.setMinimumWidth(110)
        row.addWidget(self.seconds_box)
        row.addStretch(1)
        self.start_button = button("Start the drill", primary=True)
        self.start_button.clicked.connect(self.start_chosen)
        self.start_button.setEnabled(False)
        row.addWidget(self.start_button)
        column.addLayout(row)
        return page

    def _load_drills(self) -> None:
        library = self.context.library
        if library is None:
            self.description.setText("The scenarios are still loading.")
            return
        self.context.tasks.run(lambda: load_drills(library), self._drills_loaded)

    def _drills_loaded(self, result) -> None:
        self.drills, problems = result
        for problem in problems:
            self.context.notice.emit(f"Skipped a drill file with a problem: {problem}")
        self.drill_list.clear()
        for drill in self.drills:
            item = QListWidgetItem(f"{drill.title}  ({len(drill.prompts)} prompts, {drill.seconds_per_prompt} s each)")
            self.drill_list.addItem(item)
        self._fit_list()
        if self.drills:
            self.drill_list.setCurrentRow(0)
        self.start_button.setEnabled(bool(self.drills))

    def _fit_list(self, most: int = 8) -> None:
        """The list as tall as its drills (up to ``most`` rows, then it scrolls), not a big empty box."""
        listing = self.drill_list
        rows = [listing.sizeHintForRow(row) for row in range(min(listing.count(), most))]
        margins = listing.contentsMargins()
        height = sum(rows) + margins.top() + margins.bottom()
        listing.setFixedHeight(max(height, listing.fontMetrics().height() * 3))

    def _drill_chosen(self, row: int) -> None:
        if 0 <= row < len(self.drills):
            drill = self.drills[row]
            self.description.setText(drill.description)
            self.seconds_box.setValue(drill.seconds_per_prompt)

    def start_chosen(self) -> None:
        row = self.drill_list.currentRow()
        if 0 <= row < len(self.drills):
            self.start(self.drills[row], self.seconds_box.value())

    # --- running ------------------------------------------------------------------------------

    def _prompt_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setSpacing(SPACE_M)
        top = QHBoxLayout()
        self.progress_label = text_label("", "muted", wrap=False)
        top.addWidget(self.progress_label, 1)
        self.countdown = text_label("", "title", wrap=False)
        self.countdown.setAccessibleName("Seconds left")
        top.addWidget(self.countdown)
        column.addLayout(top)
        self.clock = QProgressBar()
        self.clock.setTextVisible(False)
        self.clock.setFixedHeight(8)
        self.clock.setAccessibleName("Time left for this prompt")
        column.addWidget(self.clock)
        self.persona = text_label("", "heading")
        column.addWidget(self.persona)
        self.line = text_label("", selectable=True)
        self.line.setStyleSheet("font-size: 16pt;")
        self.line.setAccessibleName("The salesperson says")
        column.addWidget(self.line)
        self.context_line = text_label("", "muted")
        column.addWidget(self.context_line)
        reply_row = QHBoxLayout()
        self.reply_box = QLineEdit()
        self.reply_box.setPlaceholderText("Your reply as the manager, then Enter")
        self.reply_box.setAccessibleName("Your reply")
        self.reply_box.returnPressed.connect(self.send)
        reply_row.addWidget(self.reply_box, 1)
        self.send_button = button("Send", primary=True)
        self.send_button.clicked.connect(self.send)
        reply_row.addWidget(self.send_button)
        column.addLayout(reply_row)
        from .voice_input import ListenService, VoiceInputBar

        self.voice_bar = VoiceInputBar(ListenService.for_context(self.context), self.reply_box,
                                       lambda _text, _seconds: self.send(), lambda: self.context.prefs.review_spoken)
        column.addWidget(self.voice_bar)
        self.feedback = QVBoxLayout()
        column.addLayout(self.feedback)
        column.addStretch(1)
        bottom = QHBoxLayout()
        self.stop_button = button("Stop the drill")
        self.stop_button.clicked.connect(self.stop)
        bottom.addWidget(self.stop_button)
        bottom.addStretch(1)
        self.next_button = button("Next prompt", primary=True, tip="Ctrl+Enter")
        self.next_button.clicked.connect(self.next_prompt)
        bottom.addWidget(self.next_button)
        column.addLayout(bottom)
        QShortcut(QKeySequence("Ctrl+Return"), page, self._next_if_answered)
        return page

    def start(self, drill: Drill, seconds: int) -> None:
        """Begin a run of ``drill`` with ``seconds`` on the clock for each prompt."""
        self.run = DrillRun(drill, self.context.library)
        self.seconds = seconds
        self.setWindowTitle(f"Drill: {drill.title}")
        self.pages.setCurrentIndex(1)
        self.voice_bar.open(self.context.prefs.speak_replies)
        self._show_prompt()

    def _show_prompt(self) -> None:
        run = self.run
        prompt = run.current()
        self.progress_label.setText(f"Prompt {len(run.answers) + 1} of {len(run.drill.prompts)}  ·  "
                                    f"{prompt.scenario_title}")
        self.persona.setText(f"{prompt.persona} says:")
        self.line.setText(f"“{prompt.line}”")
        self.context_line.setText(prompt.context)
        clear_layout(self.feedback)
        self.reply_box.clear()
        self.reply_box.setEnabled(True)
        self.send_button.setEnabled(True)
        self.voice_bar.setEnabled(True)
        self.next_button.setEnabled(False)
        self.reply_box.setFocus()
        self.remaining = self.seconds
        self.clock.setRange(0, self.seconds)
        self._show_clock()
        self.timer.start()

    def _show_clock(self) -> None:
        self.countdown.setText(f"{self.remaining} s")
        self.clock.setValue(self.remaining)
        c = theme.colours()
        colour = c.low if self.remaining <= 5 else c.text
        self.countdown.setStyleSheet(f"color: {colour};")

    def _tick(self) -> None:
        self.remaining = max(0, self.remaining - 1)
        self._show_clock()
        if self.remaining == 0:
            self.timer.stop()
            self._answered(self.run.time_up())

    def send(self) -> None:
        text = self.reply_box.text().strip()
        if not text or self.run is None or not self.reply_box.isEnabled():
            return
        self.timer.stop()
        self.reply_box.setEnabled(False)
        self.send_button.setEnabled(False)
        run = self.run
        if len(text) <= INSTANT_REPLY_CHARS:
            self._answered(run.answer(text))
            return
        from ask_dont_tell.trainer.classify import classify

        line = run.current().line
        self.context.tasks.run(lambda: classify(text, line),
                               lambda result: self._answered(run.answer(text, result)) if run is self.run else None)

    def _answered(self, answer: DrillAnswer) -> None:
        self.reply_box.setEnabled(False)
        self.send_button.setEnabled(False)
        self.voice_bar.setEnabled(False)
        self.voice_bar.take_speech_seconds()
        clear_layout(self.feedback)
        better = answer.prompt.try_instead[0]
        if answer.label is None:
            self.countdown.setText("Time's up")
            note = text_label(f"Time's up. One way in: {better}")
            note.setStyleSheet(f"color: {theme.colours().good}; font-weight: 600;")
            self.feedback.addWidget(note)
        else:
            needs_better = answer.told or answer.label == Label.JUDGMENT
            self.feedback.addWidget(FeedbackChip(answer.reply, answer.label, answer.cue,
                                                 better if needs_better else None))
        self.next_button.setText("See the score sheet" if self.run.finished else "Next prompt")
        self.next_button.setEnabled(True)
        # After the Enter that sent the reply has been handled, so it does not also press Next.
        QTimer.singleShot(0, self.next_button.setFocus)

    def _next_if_answered(self) -> None:
        if self.next_button.isEnabled():
            self.next_prompt()

    def next_prompt(self) -> None:
        if self.run is None:
            return
        if self.run.finished:
            self._show_sheet()
        else:
            self._show_prompt()

    def stop(self) -> None:
        """Leave the run and go back to the list of drills."""
        self.timer.stop()
        self.voice_bar.stop()
        self.run = None
        self.setWindowTitle("Drills")
        self.pages.setCurrentIndex(0)

    # --- the score sheet ----------------------------------------------------------------------

    def _sheet_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        self.sheet_title = text_label("", "title")
        column.addWidget(self.sheet_title)
        self.sheet_summary = text_label("", "heading")
        self.sheet_summary.setAccessibleName("Score sheet summary")
        column.addWidget(self.sheet_summary)
        self.sheet_table = QTableWidget(0, 3)
        self.sheet_table.setHorizontalHeaderLabels(["Salesperson", "Your reply", "Label"])
        header = self.sheet_table.horizontalHeader()
        header.setSectionResizeMode(1, header.ResizeMode.Stretch)
        self.sheet_table.verticalHeader().setVisible(False)
        self.sheet_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.sheet_table.setWordWrap(True)
        self.sheet_table.setAccessibleName("Every prompt and its label")
        column.addWidget(self.sheet_table, 1)
        row = QHBoxLayout()
        again = button("Run it again", primary=True)
        again.clicked.connect(lambda: self.start(self.sheet_drill, self.seconds) if self.sheet_drill else None)
        row.addStretch(1)
        other = button("Choose another drill")
        other.clicked.connect(self.stop)
        row.addWidget(other)
        row.addWidget(again)
        column.addLayout(row)
        return page

    def _show_sheet(self) -> None:
        sheet = self.run.score_sheet()
        self.sheet_drill = self.run.drill
        self.sheet_title.setText(f"Score sheet: {sheet['title']}")
        self.sheet_summary.setText(
            f"{sheet['open_questions']} open question{'' if sheet['open_questions'] == 1 else 's'} out of "
            f"{sheet['prompts']} prompts  ·  {sheet['tells']} told  ·  {sheet['judgments']} judged  ·  "
            f"{sheet['timed_out']} ran out of time")
        self.sheet_table.setRowCount(len(sheet["per_prompt"]))
        for index, item in enumerate(sheet["per_prompt"]):
            label = SHORT_NAMES[Label(item["label"])] if item["label"] else "Time's up"
            for column, text in enumerate((f"{item['persona']}: {item['line']}", item["reply"] or "-", label)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if column == 2 and item["label"]:
                    cell.setForeground(QColor(theme.label_tone(item["label"])[1]))
                self.sheet_table.setItem(index, column, cell)
        self.sheet_table.setColumnWidth(0, 320)
        self.sheet_table.resizeRowsToContents()
        self.pages.setCurrentIndex(2)
        self.run = None
        self.finished_run.emit(sheet)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Enter on the focused Next button moves on (dialog buttons are not auto-default here)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.next_button.hasFocus():
            self._next_if_answered()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.timer.stop()
        self.voice_bar.stop()
        super().closeEvent(event)
