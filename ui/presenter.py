"""Presenter mode: a full-screen view for a projector while a room coaches together.

The trainer types what the room suggests; the label appears as they type, and Enter adds the
suggestion to the board and to a running tally of asks against tells. A salesperson line from a
drill can be put on screen for the room to answer (Page Down / Page Up move through it). Esc leaves.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from trainer.classify import classify
from trainer.drills import PromptView
from trainer.labels import ASKING, DESCRIPTIONS, SHORT_NAMES, TELLING, Label

from . import theme

#: Typing pauses this long before the live label is refreshed (a paste of a paragraph stays smooth).
LIVE_LABEL_DELAY_MS = 120
BASE_POINT_SIZE = 28


class PresenterWindow(QWidget):
    """Full screen, large type: live labels and the room's tally of asks and tells."""

    closed = Signal()

    def __init__(self, prompts: list[PromptView] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("Presenter mode")
        self.setObjectName("presenter")
        self.prompts = prompts or []
        self.prompt_index = 0
        self.asks = 0
        self.tells = 0
        c = theme.colours()
        self.setStyleSheet(f"QWidget#presenter {{ background: {c.window}; }} "
                           f"QLabel, QLineEdit, QListWidget {{ font-size: {BASE_POINT_SIZE}pt; color: {c.text}; }}")
        column = QVBoxLayout(self)
        column.setContentsMargins(64, 48, 64, 48)
        column.setSpacing(24)

        top = QHBoxLayout()
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.prompt.setAccessibleName("The salesperson says")
        self.prompt.setStyleSheet(f"font-size: {BASE_POINT_SIZE + 4}pt; font-style: italic;")
        top.addWidget(self.prompt, 1)
        self.tally = QLabel()
        self.tally.setAccessibleName("Asks and tells so far")
        self.tally.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.tally.setTextFormat(Qt.TextFormat.RichText)
        top.addWidget(self.tally)
        column.addLayout(top)

        self.entry = QLineEdit()
        self.entry.setPlaceholderText("Type what the room suggests, then Enter")
        self.entry.setAccessibleName("The room's suggestion")
        self.entry.setMinimumHeight(BASE_POINT_SIZE * 3)
        self.entry.textChanged.connect(self._typing)
        self.entry.returnPressed.connect(self.add_suggestion)
        column.addWidget(self.entry)

        self.live = QLabel()
        self.live.setAccessibleName("Live label")
        self.live.setTextFormat(Qt.TextFormat.RichText)
        self.live.setWordWrap(True)
        column.addWidget(self.live)

        self.board = QListWidget()
        self.board.setAccessibleName("Suggestions so far")
        self.board.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        column.addWidget(self.board, 1)
        help_line = QLabel("Enter: add   ·   Page Down / Page Up: next / previous line   ·   Esc: leave")
        help_line.setStyleSheet(f"font-size: {BASE_POINT_SIZE // 2}pt; color: {c.muted};")
        column.addWidget(help_line)

        self.live_timer = QTimer(self)
        self.live_timer.setSingleShot(True)
        self.live_timer.setInterval(LIVE_LABEL_DELAY_MS)
        self.live_timer.timeout.connect(self.refresh_live_label)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, lambda: self.move_prompt(1))
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, lambda: self.move_prompt(-1))
        self._show_prompt()
        self._show_tally()

    # --- the line on screen -------------------------------------------------------------------

    def _show_prompt(self) -> None:
        if not self.prompts:
            self.prompt.setText("What would you ask?")
            return
        prompt = self.prompts[self.prompt_index]
        self.prompt.setText(f"{prompt.persona}: “{prompt.line}”")

    def move_prompt(self, step: int) -> None:
        if self.prompts:
            self.prompt_index = (self.prompt_index + step) % len(self.prompts)
            self._show_prompt()

    def _context_line(self) -> str | None:
        return self.prompts[self.prompt_index].line if self.prompts else None

    # --- live labels and the tally ------------------------------------------------------------

    def _typing(self, _text: str) -> None:
        self.live_timer.start()

    def refresh_live_label(self) -> None:
        """Label what is typed so far (sub-millisecond, so it is done here, after a short pause)."""
        text = self.entry.text().strip()
        if not text:
            self.live.setText("")
            return
        result = classify(text, self._context_line())
        self.live.setText(self._label_html(result.label, result.cue))

    @staticmethod
    def _label_html(label: str, cue: str) -> str:
        background, foreground = theme.label_tone(label)
        name = SHORT_NAMES[Label(label)]
        description = DESCRIPTIONS[Label(label)].split(":", 1)[-1].strip()
        cue_text = f" &nbsp;<i>“{cue}”</i>" if cue else ""
        return (f"<span style='background:{background}; color:{foreground}; font-weight:600;'>&nbsp;{name}&nbsp;</span>"
                f"&nbsp; {description}{cue_text}")

    def add_suggestion(self) -> None:
        """Count the suggestion as an ask or a tell and put it on the board."""
        text = self.entry.text().strip()
        if not text:
            return
        self.live_timer.stop()
        label = Label(classify(text, self._context_line()).label)
        if label in ASKING:
            self.asks += 1
        elif label in TELLING:
            self.tells += 1
        item = QListWidgetItem(f"{SHORT_NAMES[label]}:  {text}")
        item.setForeground(QColor(theme.label_tone(label)[1]))
        self.board.insertItem(0, item)
        self.entry.clear()
        self.live.setText(self._label_html(label, ""))
        self._show_tally()

    def _show_tally(self) -> None:
        c = theme.colours()
        self.tally.setText(f"<span style='color:{c.good}'>Asks {self.asks}</span>"
                           f" &nbsp;:&nbsp; <span style='color:{c.low}'>Tells {self.tells}</span>")
        self.tally.setAccessibleDescription(f"{self.asks} asks, {self.tells} tells")

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.live_timer.stop()
        self.closed.emit()
        super().closeEvent(event)


def presenter_prompts(library) -> list[PromptView]:
    """Every prompt of the bundled drills, in order, for the room to answer one after another."""
    from trainer.drills import load_drills, prompt_view

    drills, _ = load_drills(library)
    return [prompt_view(drill, index, library) for drill in drills for index in range(len(drill.prompts))]
