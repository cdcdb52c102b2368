"""Presenter mode: a full-screen view for a projector while a room coaches together.

The trainer types what the room suggests; the label appears as they type, and Enter adds the
suggestion to the board and to a running tally of asks against tells. A salesperson line from a
drill can be put on screen for the room to answer (Page Down / Page Up move through it). Esc leaves.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ask_dont_tell.trainer.classify import classify
from ask_dont_tell.trainer.drills import PromptView
from ask_dont_tell.trainer.labels import ASKING, DESCRIPTIONS, SHORT_NAMES, TELLING, Label

from . import theme

#: Typing pauses this long before the live label is refreshed (a paste of a paragraph stays smooth).
LIVE_LABEL_DELAY_MS = 120
#: The type size on a 1920x1080 screen; smaller and larger screens scale it (within the limits below).
BASE_POINT_SIZE = 28
REFERENCE_SIZE = (1920, 1080)
SMALLEST_POINT_SIZE, LARGEST_POINT_SIZE = 12.0, 60.0
#: The salesperson's line takes at most this share of the height; a long line is set smaller.
PROMPT_SHARE = 0.3


def point_size_for(width: int, height: int) -> float:
    """The presenter's type size for a window of this size (in device-independent pixels)."""
    scale = min(width / REFERENCE_SIZE[0], height / REFERENCE_SIZE[1])
    return max(SMALLEST_POINT_SIZE, min(LARGEST_POINT_SIZE, BASE_POINT_SIZE * scale))


class SuggestionBoard(QListWidget):
    """The room's suggestions, newest first, each wrapped to the width; a suggestion that does not
    fit whole at the bottom is left out of view (it scrolls into sight) instead of cut mid-line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerItem)
        self.setUniformItemSizes(False)
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self.hide_cut_row)
        self.verticalScrollBar().valueChanged.connect(self._refit.start)
        self.model().rowsInserted.connect(self._refit.start)
        self.model().rowsRemoved.connect(self._refit.start)

    def hide_cut_row(self) -> None:
        """Shorten the viewport to the bottom of the last suggestion that fits whole."""
        self.doItemsLayout()
        room = self.viewport().height() + self.viewportMargins().bottom()
        bottom = -1
        for row in range(self.count()):
            rect = self.visualItemRect(self.item(row))
            if rect.bottom() < 0:
                continue  # scrolled past
            if rect.bottom() >= room:
                break
            bottom = rect.bottom()
        gap = room - bottom - 1 if bottom >= 0 else 0
        if gap != self.viewportMargins().bottom():
            self.setViewportMargins(0, 0, 0, gap)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._refit.start()


class PresenterWindow(QWidget):
    """Full screen, large type: live labels and the room's tally of asks and tells."""

    closed = Signal()

    def __init__(self, prompts: list[PromptView] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("Presenter mode")
        self.setObjectName("presenter")
        self.prompts = prompts or []
        self.prompt_index = 0
        self.asks = self.tells = 0  # the whole session's
        self.line_asks = self.line_tells = 0  # the line on screen's; a new line starts afresh
        self.others = 0  # neither an ask nor a tell (a judgment, small talk): counted, and said so
        column = QVBoxLayout(self)
        column.setContentsMargins(64, 48, 64, 48)
        column.setSpacing(24)
        self.column = column

        top = QHBoxLayout()
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.prompt.setAccessibleName("The salesperson says")
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.prompt, 1)
        self.tally = QLabel()
        self.tally.setAccessibleName("Asks and tells so far")
        self.tally.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.tally.setTextFormat(Qt.TextFormat.RichText)
        top.addWidget(self.tally, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(top)

        self.entry = QLineEdit()
        self.entry.setPlaceholderText("Type what the room suggests, then Enter")
        self.entry.setAccessibleName("The room's suggestion")
        self.entry.textChanged.connect(self._typing)
        self.entry.returnPressed.connect(self.add_suggestion)
        column.addWidget(self.entry)

        self.live = QLabel()
        self.live.setAccessibleName("Live label")
        self.live.setTextFormat(Qt.TextFormat.RichText)
        self.live.setWordWrap(True)
        column.addWidget(self.live)

        self.board = SuggestionBoard()
        self.board.setAccessibleName("Suggestions so far")
        self.board.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        column.addWidget(self.board, 1)
        self.help_line = QLabel("Enter: add   ·   Page Down / Page Up: next / previous line   ·   Esc: leave")
        self.help_line.setWordWrap(True)
        column.addWidget(self.help_line)
        self.point_size = 0.0
        self._apply_scale(BASE_POINT_SIZE)

        self.live_timer = QTimer(self)
        self.live_timer.setSingleShot(True)
        self.live_timer.setInterval(LIVE_LABEL_DELAY_MS)
        self.live_timer.timeout.connect(self.refresh_live_label)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, lambda: self.move_prompt(1))
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, lambda: self.move_prompt(-1))
        self._show_prompt()
        self._show_tally()

    # --- type that scales with the screen -------------------------------------------------------

    def _apply_scale(self, point_size: float) -> None:
        """Set every size from one type size, so the view keeps its proportions on any screen."""
        self.point_size = point_size
        c = theme.colours()
        size = round(point_size, 1)
        self.column.setContentsMargins(round(point_size * 2.3), round(point_size * 1.7),
                                       round(point_size * 2.3), round(point_size * 1.7))
        self.column.setSpacing(round(point_size * 0.85))
        self.setStyleSheet(f"QWidget#presenter {{ background: {c.window}; }} "
                           f"QLabel, QLineEdit, QListWidget {{ font-size: {size}pt; color: {c.text}; }}")
        self.entry.setMinimumHeight(round(point_size * 3))
        self.help_line.setStyleSheet(f"font-size: {max(9.0, round(point_size / 2, 1))}pt; color: {c.muted};")
        self._fit_prompt()

    def _prompt_width(self) -> int:
        margins = self.column.contentsMargins()
        return max(80, self.width() - margins.left() - margins.right() - self.tally.sizeHint().width()
                   - self.column.spacing())

    def _fit_prompt(self) -> None:
        """The salesperson's line a little larger than the rest, or smaller when it is long, so it is
        always shown whole in its share of the height."""
        text = self.prompt.text()
        width, room = self._prompt_width(), self.height() * PROMPT_SHARE
        size = self.point_size + 4
        floor = max(SMALLEST_POINT_SIZE * 0.8, self.point_size * 0.55)
        font = QFont(self.font())
        font.setItalic(True)
        while size > floor:
            font.setPointSizeF(size)
            box = QFontMetrics(font).boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, text)
            if box.height() <= room:
                break
            size -= 1
        self.prompt.setStyleSheet(f"font-size: {round(max(size, floor), 1)}pt; font-style: italic;")

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        wanted = point_size_for(self.width(), self.height())
        if abs(wanted - self.point_size) >= 0.5:
            self._apply_scale(wanted)
        else:
            self._fit_prompt()

    # --- the line on screen -------------------------------------------------------------------

    def _show_prompt(self) -> None:
        if not self.prompts:
            self.prompt.setText("What would you ask?")
            self._fit_prompt()
            return
        prompt = self.prompts[self.prompt_index]
        self.prompt.setText(f"{prompt.persona}: “{prompt.line}”")
        self._fit_prompt()

    def move_prompt(self, step: int) -> None:
        """The next or previous line, with a clean board and tally (the session's total is kept)."""
        if self.prompts:
            self.prompt_index = (self.prompt_index + step) % len(self.prompts)
            self._show_prompt()
            self.live_timer.stop()
            self.entry.clear()
            self.live.setText("")
            self.board.clear()
            self.line_asks = self.line_tells = 0
            self._show_tally()

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
            self.line_asks += 1
        elif label in TELLING:
            self.tells += 1
            self.line_tells += 1
        else:
            self.others += 1
        item = QListWidgetItem(f"{SHORT_NAMES[label]}:  {text}")
        item.setForeground(QColor(theme.label_tone(label)[1]))
        self.board.insertItem(0, item)
        self.entry.clear()
        self.live.setText(self._label_html(label, ""))
        self._show_tally()

    def _show_tally(self) -> None:
        c = theme.colours()
        self.tally.setText(f"<span style='color:{c.good}'>Asks {self.line_asks}</span>"
                           f" &nbsp;:&nbsp; <span style='color:{c.low}'>Tells {self.line_tells}</span>"
                           f"<br><span style='color:{c.muted}; font-size:small'>Whole session: asks {self.asks}, "
                           f"tells {self.tells}{self._others_text()}</span>")
        self.tally.setAccessibleDescription(f"This line: {self.line_asks} asks, {self.line_tells} tells; "
                                            f"the session: {self.asks} asks, {self.tells} tells"
                                            f"{self._others_text()}")

    def _others_text(self) -> str:
        """What the tally leaves out: suggestions that neither ask nor tell (judgments, small talk)."""
        if not self.others:
            return ""
        return f"; {self.others} neither (judgment or other)" if self.others == 1 else \
            f"; {self.others} neither (judgments or other)"

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.live_timer.stop()
        self.closed.emit()
        super().closeEvent(event)


def presenter_prompts(library) -> list[PromptView]:
    """Every prompt of the bundled drills, in order, for the room to answer one after another."""
    from ask_dont_tell.trainer.drills import load_drills, prompt_view

    drills, _ = load_drills(library)
    return [prompt_view(drill, index, library) for drill in drills for index in range(len(drill.prompts))]
