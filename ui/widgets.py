"""Widgets the screens share: cards, pills, avatars, chat bubbles, feedback chips, meters, notices."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Callable

from PySide6.QtCore import Property, QEasingCurve, QPoint, QPropertyAnimation, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ask_dont_tell.trainer.labels import DESCRIPTIONS, SHORT_NAMES, Label

from . import theme
from .theme import ASSETS, SPACE_L, SPACE_M, SPACE_S, SPACE_XS

AVATARS = ASSETS / "avatars"
APP_ICON = ASSETS / "icon.svg"


def text_label(text: str = "", role: str | None = None, wrap: bool = True, selectable: bool = False) -> QLabel:
    """A label with one of the theme's text roles (title, heading, muted, small)."""
    label = QLabel(text)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        label.setProperty("role", role)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class PhraseLabel(QLabel):
    """Wrapped text that breaks between phrases rather than inside them, where the width allows.

    ``pieces`` are the phrases, each with the separator that goes before it (", " or " · "): a
    phrase that fits the width is kept on one line, one that does not is wrapped by words. So a
    role reads "Senior Account Executive, / mid-market · 11 years", not "…, mid- / market · 11 / years"."""

    def __init__(self, pieces: list[str], role: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pieces = [piece for piece in pieces if piece.strip()]
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        if role:
            self.setProperty("role", role)
        self.setAccessibleName(self.plain())
        self.setText(self.plain())

    def plain(self) -> str:
        """The text on one line."""
        return "".join(self._pieces)

    def packed(self, width: int) -> str:
        """The text with a line break between phrases that do not fit beside each other."""
        metrics = self.fontMetrics()
        tokens: list[tuple[str, str]] = []  # (separator before, text that is never broken)
        for piece in self._pieces:
            phrase = piece.lstrip(" ·")
            separator = piece[: len(piece) - len(phrase)]
            if metrics.horizontalAdvance(phrase) <= width:
                # inside a phrase that fits, no break: spaces and hyphens become non-breaking ones
                tokens.append((separator, phrase.replace(" ", "\u00a0").replace("-", "\u2011")))
            else:  # too long for a line: broken between its words
                words = phrase.split(" ")
                tokens.extend([(separator, words[0])] + [(" ", word) for word in words[1:]])
        lines: list[str] = []
        for separator, text in tokens:
            if lines and metrics.horizontalAdvance(lines[-1] + separator + text) <= width:
                lines[-1] += separator + text
            else:
                lines.append(text)
        return "\n".join(lines)

    def _width(self) -> int:
        margins = self.contentsMargins()
        return max(1, self.width() - margins.left() - margins.right())

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        margins = self.contentsMargins()
        inner = max(1, width - margins.left() - margins.right())
        box = self.fontMetrics().boundingRect(QRect(0, 0, inner, 100_000), Qt.TextFlag.TextWordWrap, self.packed(inner))
        return box.height() + margins.top() + margins.bottom()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        text = self.packed(self._width())
        if text != self.text():
            self.setText(text)


def role_pieces(role: str, *more: str) -> list[str]:
    """A persona's role split at its commas, then the other parts after " · " (tenure, name)."""
    parts = role.split(", ")
    pieces = [part + ("," if index < len(parts) - 1 else "") for index, part in enumerate(parts)]
    pieces = [pieces[0]] + [f" {piece}" for piece in pieces[1:]]
    return pieces + [f" · {part}" for part in more if part]


def button(text: str, accessible: str | None = None, primary: bool = False, tip: str | None = None) -> QPushButton:
    widget = QPushButton(text)
    widget.setAccessibleName(accessible or text.replace("&", ""))
    if primary:
        widget.setProperty("primary", True)
    if tip:
        widget.setToolTip(tip)
    widget.setCursor(Qt.CursorShape.PointingHandCursor)
    return widget


class ReplyBox(QPlainTextEdit):
    """A reply being written: Enter sends; Shift+Enter starts a new line."""

    submitted = Signal()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.submitted.emit()
            return
        super().keyPressEvent(event)


def documents_folder() -> Path:
    """Where files the user keeps are saved by default: the documents folder, else the home folder."""
    from PySide6.QtCore import QStandardPaths

    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


def dialog_column(dialog: QWidget, title: str, heading: str, intro: str, min_width: int) -> QVBoxLayout:
    """A dialog's window title, heading and introduction in a column; the caller adds the rest."""
    dialog.setWindowTitle(title)
    dialog.setMinimumWidth(min_width)
    column = QVBoxLayout(dialog)
    column.setSpacing(SPACE_M)
    column.setContentsMargins(SPACE_L, SPACE_L, SPACE_L, SPACE_L)
    column.addWidget(text_label(heading, "heading"))
    column.addWidget(text_label(intro, "muted"))
    return column


def confirm(parent: QWidget, question: str, detail: str, action: str, on_yes: Callable[[], None]) -> QMessageBox:
    """Ask before doing something that cannot be undone, without blocking: ``action`` is the default
    button (Enter confirms), Esc cancels; ``on_yes`` runs only when confirmed."""
    box = QMessageBox(QMessageBox.Icon.Question, question, question, QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(detail)
    yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Keep going", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes)
    box.setEscapeButton(box.buttons()[-1])
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.finished.connect(lambda _result: on_yes() if box.clickedButton() is yes else None)
    box.open()
    return box


def scroll_area(name: str) -> tuple[QScrollArea, QWidget]:
    """A frameless, transparent scroll area and the widget to fill (its layout is the caller's)."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setAccessibleName(name)
    content = QWidget()
    content.setObjectName("scrollContent")
    scroll.setWidget(content)
    return scroll, content


def clear_layout(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()
        elif item.layout() is not None:
            clear_layout(item.layout())


class FlowLayout(QLayout):
    """Items left to right, wrapping onto the next line when the row is full (tags, pills).

    Its minimum width is that of its widest item, so a row of tags never forces its parent wider."""

    def __init__(self, parent: QWidget | None = None, spacing: int = SPACE_S, line_spacing: int = SPACE_XS) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._line_spacing = line_spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's name
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's name
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """One line of everything (what the row would like), the height of one line."""
        margins = self.contentsMargins()
        visible = [item for item in self._items if not item.isEmpty()]
        width = sum(item.sizeHint().width() for item in visible) + self._spacing * max(0, len(visible) - 1)
        height = max((item.sizeHint().height() for item in visible), default=0)
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        margins = self.contentsMargins()
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Place the items line by line (each line's items centred on it); returns the height used."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        lines: list[list[tuple[QLayoutItem, int, QSize]]] = [[]]
        x = area.x()
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            width = min(hint.width(), max(area.width(), item.minimumSize().width()))
            if lines[-1] and x + width > area.right() + 1:
                lines.append([])
                x = area.x()
            lines[-1].append((item, x, QSize(width, hint.height())))
            x += width + self._spacing
        y = area.y()
        for number, line in enumerate(lines):
            height = max((size.height() for _, _, size in line), default=0)
            if move:
                for item, left, size in line:
                    item.setGeometry(QRect(QPoint(left, y + (height - size.height()) // 2), size))
            y += height + (self._line_spacing if number < len(lines) - 1 else 0)
        return y - rect.y() + margins.bottom()


def tag_row(tags, leading: QWidget | None = None) -> FlowLayout:
    """Skill tags as pills that wrap onto more lines when the space is narrow."""
    row = FlowLayout()
    if leading is not None:
        row.addWidget(leading)
    for tag in tags:
        row.addWidget(tag_pill(tag))
    return row


class Card(QFrame):
    """A rounded panel on the base colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(theme.SPACE_L, theme.SPACE_L, theme.SPACE_L, theme.SPACE_L)
        self.body.setSpacing(SPACE_S)


class Pill(QLabel):
    """A small rounded tag: a label name, a skill tag, a rating."""

    def __init__(self, text: str, background: str, foreground: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setProperty("role", "pill")
        self.setStyleSheet(f"background: {background}; color: {foreground};")
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)


def label_pill(label: str) -> Pill:
    background, foreground = theme.label_tone(label)
    pill = Pill(SHORT_NAMES[Label(label)], background, foreground)
    pill.setAccessibleName(f"Label: {SHORT_NAMES[Label(label)]}")
    pill.setToolTip(DESCRIPTIONS[Label(label)])
    return pill


def tag_pill(tag: str) -> Pill:
    c = theme.colours()
    return Pill(tag.replace("-", " "), c.alt_base, c.muted)


def difficulty_text(level: int) -> str:
    return {1: "Easy", 2: "Medium", 3: "Hard"}.get(level, str(level))


class Avatar(QWidget):
    """A persona's portrait (SVG from assets/avatars) in a circle, or their initials."""

    def __init__(self, file_name: str | None, name: str, size: int = 56, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._size = size
        self._name = name
        self._renderer = None
        path = AVATARS / file_name if file_name else None
        if path is not None and path.is_file():
            from PySide6.QtSvg import QSvgRenderer

            renderer = QSvgRenderer(str(path))
            self._renderer = renderer if renderer.isValid() else None
        self.setFixedSize(size, size)
        self.setAccessibleName(f"Portrait of {name}")

    def sizeHint(self) -> QSize:
        return QSize(self._size, self._size)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        circle = QPainterPath()
        circle.addEllipse(QRectF(0, 0, self._size, self._size))
        painter.setClipPath(circle)
        if self._renderer is not None:
            self._renderer.render(painter, QRectF(0, 0, self._size, self._size))
            return
        painter.fillPath(circle, QColor(theme.colours().accent))
        painter.setPen(QColor(theme.colours().accent_text))
        font = QFont(self.font())
        font.setPixelSize(int(self._size * 0.38))
        font.setBold(True)
        painter.setFont(font)
        initials = "".join(part[0] for part in self._name.split()[:2]).upper()
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, initials)


#: Longer replies are stored whole but shown shortened, so one pasted essay cannot swamp the chat.
SHOWN_CHARS = 1_500


def shortened(text: str, limit: int = SHOWN_CHARS) -> str:
    """The text, or its start and a note of how long it really is."""
    if len(text) <= limit:
        return text
    return f"{text[:limit].rstrip()}… ({len(text):,} characters in all; the whole reply is kept)"


def highlight_cue(reply: str, cue: str) -> str:
    """The reply as HTML with the cue's words marked, so the trainee sees what decided the label."""
    reply = shortened(reply)
    start, end = _cue_span(reply, cue)
    colour = theme.colours().cue
    if start < 0:
        return html.escape(reply).replace("\n", "<br>")
    marked = (f"{html.escape(reply[:start])}<span style='background:{colour}; font-weight:600'>"
              f"{html.escape(reply[start:end])}</span>{html.escape(reply[end:])}")
    return marked.replace("\n", "<br>")


def _cue_span(reply: str, cue: str) -> tuple[int, int]:
    cue = cue.strip()
    if not cue:
        return -1, -1
    found = reply.lower().find(cue.lower())
    if found >= 0:
        return found, found + len(cue)
    words = [re.escape(w) for w in re.findall(r"[\w']+", cue)]
    if not words:
        return -1, -1
    match = re.search(r"\W+".join(words), reply, re.IGNORECASE)
    return (match.start(), match.end()) if match else (-1, -1)


class ChatBubble(QFrame):
    """One line of the conversation; the salesperson's lines can be replayed."""

    replay_requested = Signal()

    def __init__(self, speaker: str, text: str, mine: bool, replayable: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        c = theme.colours()
        self.setObjectName("bubble")
        background = c.manager_bubble if mine else c.persona_bubble
        self.setStyleSheet(f"QFrame#bubble {{ background: {background}; border: 1px solid {c.border}; "
                           f"border-radius: 12px; }}")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE_M, SPACE_S, SPACE_M, SPACE_M)
        layout.setSpacing(SPACE_XS)
        header = QHBoxLayout()
        header.setSpacing(SPACE_S)
        name = text_label(speaker, "small", wrap=False)
        header.addWidget(name)
        header.addStretch(1)
        self.replay: QToolButton | None = None
        if replayable:
            self.replay = QToolButton()
            self.replay.setText("▶ Replay")
            self.replay.setAutoRaise(True)
            self.replay.setAccessibleName(f"Replay this line by {speaker}")
            self.replay.setToolTip("Hear this line again")
            self.replay.clicked.connect(self.replay_requested)
            header.addWidget(self.replay)
        layout.addLayout(header)
        self.text = text_label(shortened(text), selectable=True)
        layout.addWidget(self.text)
        self.setAccessibleName(f"{speaker}: {shortened(text, 300)}")

    def set_playing(self, playing: bool) -> None:
        if self.replay is not None:
            self.replay.setText("● Speaking" if playing else "▶ Replay")


def highlight_span(reply: str, span: tuple[int, int] | None, cue: str = "") -> str:
    """The reply as HTML with the classifier's own cue span marked (the cue's words when no span)."""
    shown = shortened(reply)
    if not span or not 0 <= span[0] < span[1] <= len(shown) or shown[:span[1]] != reply[:span[1]]:
        return highlight_cue(reply, cue)
    start, end = span
    colour = theme.colours().cue
    marked = (f"{html.escape(shown[:start])}<span style='background:{colour}; font-weight:600'>"
              f"{html.escape(shown[start:end])}</span>{html.escape(shown[end:])}")
    return marked.replace("\n", "<br>")


#: How a chip names where a reply pointed (the coding manual's focus); "none" says nothing.
FOCUS_WORDS = {"own_part": "their own part: what they can do", "others": "others, as the cause",
               "outcome": "the outcome, which they do not control", "experience": "their experience"}


class FeedbackChip(QFrame):
    """After a reply: its label, the reply with the cue marked, and a "try instead" when it told.

    A reading the classifier is not sure of says so, with its best guess. With ``disputable`` the
    trainee can answer "I meant this as ..."; ``disputed`` carries the label they chose.
    """

    disputed = Signal(str)

    def __init__(self, reply: str, label: str, cue: str, try_instead: str | None,
                 parent: QWidget | None = None, *, span: tuple[int, int] | None = None, not_sure: bool = False,
                 disputable: bool = False, disputed_label: str | None = None, focus: str = "none",
                 focus_cue: str = "", sides_with_blame: bool = False, siding_cue: str = "") -> None:
        super().__init__(parent)
        c = theme.colours()
        background, foreground = theme.label_tone(label)
        self.label = label
        self.setObjectName("chip")
        self.setStyleSheet(f"QFrame#chip {{ background: {c.base}; border: 1px solid {c.border}; "
                           f"border-left: 4px solid {foreground}; border-radius: 8px; }}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE_M, SPACE_S, SPACE_M, SPACE_S)
        layout.setSpacing(SPACE_XS)
        top = QHBoxLayout()
        top.setSpacing(SPACE_S)
        top.addWidget(label_pill(label))
        meaning = DESCRIPTIONS[Label(label)].split(":", 1)[-1].strip()
        self.not_sure = not_sure
        if not_sure:
            meaning = f"Not sure: this is a best guess. {meaning}"
        description = text_label(meaning, "small")
        top.addWidget(description, 1)
        self.dispute_button: QToolButton | None = None
        if disputable:
            self.dispute_button = QToolButton()
            self.dispute_button.setText("I meant this as…")
            self.dispute_button.setAccessibleName("I meant this as another label")
            self.dispute_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            menu = QMenu(self.dispute_button)
            for other in Label:
                if other.value != label:
                    action = menu.addAction(SHORT_NAMES[other])
                    action.triggered.connect(lambda _=False, chosen=other.value: self._dispute(chosen))
            self.dispute_button.setMenu(menu)
            top.addWidget(self.dispute_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.meant = text_label("", "small")
        self.meant.setVisible(False)
        layout.addWidget(self.meant)
        if disputed_label:
            self._show_meant(disputed_label)
        self.reply = QLabel(highlight_span(reply, span, cue))
        self.reply.setTextFormat(Qt.TextFormat.RichText)
        self.reply.setWordWrap(True)
        self.reply.setAccessibleName("Your reply with the deciding words marked")
        layout.addWidget(self.reply)
        if cue:
            layout.addWidget(text_label(f"Decided by: “{cue}”", "small"))
        # the second axis: where the reply pointed them, and whether it sided with their blame
        self.pointing: QLabel | None = None
        if sides_with_blame:
            self.pointing = text_label(f"Sides with their blame (“{siding_cue}”): it warms them and hardens it.", "small")
            self.pointing.setStyleSheet(f"color: {c.low}; font-weight: 600;")
        elif focus in FOCUS_WORDS and label in ("open_question", "reflection"):  # telling has its own line
            where = FOCUS_WORDS[focus] + (f" (“{focus_cue}”)" if focus_cue else "")
            self.pointing = text_label(f"Points at {where}.", "small")
        if self.pointing is not None:
            layout.addWidget(self.pointing)
        self.try_instead: QLabel | None = None
        if try_instead:
            self.try_instead = text_label(f"Try instead: {try_instead}")
            self.try_instead.setStyleSheet(f"color: {c.good}; font-weight: 600;")
            self.try_instead.setAccessibleName(f"Try instead: {try_instead}")
            layout.addWidget(self.try_instead)
        summary = (f"Feedback: {'not sure, best guess ' if not_sure else ''}{SHORT_NAMES[Label(label)]}"
                   + (f". Try instead: {try_instead}" if try_instead else ""))
        self.setAccessibleName(summary)

    def _show_meant(self, meant: str) -> None:
        self.meant.setText(f"You meant this as {SHORT_NAMES[Label(meant)].lower()}: noted for the trainers.")
        self.meant.setVisible(True)

    def _dispute(self, meant: str) -> None:
        self._show_meant(meant)
        self.disputed.emit(meant)


class Meter(QWidget):
    """A bar for openness or trust that slides to its new value, with a word for the level."""

    def __init__(self, title: str, minimum: int, maximum: int, words: list[tuple[int, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._minimum = minimum
        self._maximum = maximum
        self._words = words  # (threshold, word): the last threshold <= value names it
        self._value = 0
        self._shown = 0.0
        self._animation = QPropertyAnimation(self, b"shown", self)
        self._animation.setDuration(450)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self.setMinimumHeight(44)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._update_accessible()

    def _get_shown(self) -> float:
        return self._shown

    def _set_shown(self, value: float) -> None:
        self._shown = value
        self.update()

    shown = Property(float, _get_shown, _set_shown)

    @property
    def value(self) -> int:
        return self._value

    def word(self) -> str:
        chosen = self._words[0][1]
        for threshold, word in self._words:
            if self._value >= threshold:
                chosen = word
        return chosen

    def set_value(self, value: int, animate: bool = True) -> None:
        self._value = value
        self._animation.stop()
        if animate and self.isVisible():
            self._animation.setStartValue(self._shown)
            self._animation.setEndValue(float(value))
            self._animation.start()
        else:
            self._set_shown(float(value))
        self._update_accessible()

    def _update_accessible(self) -> None:
        self.setAccessibleName(f"{self._title}: {self.word()} ({self._value})")
        self.setToolTip(self.accessibleName())

    def sizeHint(self) -> QSize:
        return QSize(200, 44)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        c = theme.colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        painter.setPen(QColor(c.text))
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(0, metrics.ascent(), self._title)
        painter.setFont(self.font())
        painter.setPen(QColor(c.muted))
        word = self.word()
        painter.drawText(self.width() - metrics.horizontalAdvance(word), metrics.ascent(), word)
        top = metrics.height() + 8
        track = QRectF(0, top, self.width(), 10)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(c.alt_base if not c.dark else c.border))
        painter.drawRoundedRect(track, 5, 5)
        span = self._maximum - self._minimum
        fraction = min(1.0, max(0.0, (self._shown - self._minimum) / span))
        colour = QColor(c.low) if fraction < 0.34 else QColor(c.fair) if fraction < 0.6 else QColor(c.good)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(0, top, max(10.0, track.width() * fraction), 10), 5, 5)


class NoticeBar(QFrame):
    """A dismissible one-line message at the top of the content (no modal pop-ups)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(SPACE_M, SPACE_S, SPACE_S, SPACE_S)
        self.text = text_label()
        self.text.setAccessibleName("Notice")
        layout.addWidget(self.text, 1)
        self.action = button("", "Act on the notice")
        self.action.hide()
        self.action.clicked.connect(self._act)
        layout.addWidget(self.action)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setAccessibleName("Dismiss the notice")
        close.clicked.connect(self.hide)
        layout.addWidget(close)
        self._on_action: Callable[[], None] | None = None
        self.hide()

    def show_message(self, message: str, action_text: str = "", on_action: Callable[[], None] | None = None) -> None:
        """Show a message, optionally with one button that does something about it.

        A plain message arriving while a notice still waits for its button is added below it,
        so the notice the user can act on is never pushed away."""
        if not on_action and self._on_action is not None and self.isVisible():
            self.text.setText(f"{self.text.text()}\n{message}")
            return
        self.text.setText(message)
        self._on_action = on_action
        self.action.setText(action_text)
        self.action.setAccessibleName(action_text or "Act on the notice")
        self.action.setVisible(bool(action_text and on_action))
        self.show()

    def _act(self) -> None:
        action, self._on_action = self._on_action, None
        self.hide()
        if action is not None:
            action()


class PersonaPanel(QFrame):
    """Who the salesperson is, and how open and trusting they are right now."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_L, theme.SPACE_L, theme.SPACE_L, theme.SPACE_L)
        layout.setSpacing(SPACE_M)
        self._avatar_slot = QHBoxLayout()
        self._avatar_slot.setSpacing(SPACE_M)
        layout.addLayout(self._avatar_slot)
        self.temperament = text_label("", "muted")
        layout.addWidget(self.temperament)
        self.openness = Meter("Openness", -2, 6, [(-99, "closed"), (1, "guarded"), (3, "opening up"), (5, "open")])
        self.trust = Meter("Trust", -4, 4, [(-99, "wary"), (0, "neutral"), (2, "trusting")])
        # how far they have come toward owning their part: what the conversation is for
        self.ownership = Meter("Owning it", 0, 4, [(-99, "not yet"), (1, "considering"), (2, "owning some"),
                                                   (3, "nearly a plan")])
        layout.addWidget(self.openness)
        layout.addWidget(self.trust)
        layout.addWidget(self.ownership)

    def show_persona(self, persona, state: dict[str, int]) -> None:
        clear_layout(self._avatar_slot)
        self._avatar_slot.addWidget(Avatar(persona.avatar, persona.name, 64))
        names = QVBoxLayout()
        names.setSpacing(2)
        names.addWidget(text_label(persona.name, "heading"))
        names.addWidget(PhraseLabel(role_pieces(persona.role, persona.tenure), "muted"))
        self._avatar_slot.addLayout(names, 1)
        self.temperament.setText(persona.temperament)
        self.update_state(state, animate=False)

    def update_state(self, state: dict[str, int], animate: bool = True) -> None:
        self.openness.set_value(state.get("openness", 0), animate)
        self.trust.set_value(state.get("trust", 0), animate)
        self.ownership.set_value(state.get("ownership", 0), animate)
