"""What to practise next: the library's top panel for a manager practising alone.

It shows the situation and skill most worth practising next (``trainer.profiles.practise_next``),
the practice streak and a calendar of the last weeks' sessions. It suggests and never nags: no
reminders, no pop-ups, and "Turn off" hides it (Settings brings it back).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from ask_dont_tell.trainer.profiles import PractisePlan

from . import theme
from .theme import SPACE_L, SPACE_M, SPACE_S
from .widgets import Card, button, text_label

CELL, GAP = 11, 3


class SessionCalendar(QWidget):
    """Weeks as columns, Monday at the top; a day with practice is filled, darker for more."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: tuple = ()
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_days(self, days: tuple) -> None:
        self.days = days
        practised = sum(1 for _, count in days if count)
        self.setAccessibleName("Calendar of sessions")
        self.setAccessibleDescription(f"{practised} days with practice in the last {len(days)} days")
        self.setToolTip(f"{practised} days with practice in the last {(len(days) + 6) // 7} weeks")
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        weeks = max(1, (len(self.days) + 6) // 7)
        return QSize(weeks * (CELL + GAP), 7 * (CELL + GAP))

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        c = theme.colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        for n, (day, count) in enumerate(self.days):
            column, row = n // 7, day.weekday()
            colour = QColor(c.good if count else c.border)
            if count == 1:
                colour.setAlphaF(0.6)
            painter.setBrush(colour)
            painter.drawRoundedRect(QRectF(column * (CELL + GAP), row * (CELL + GAP), CELL, CELL), 2, 2)
        painter.end()


class HomePanel(Card):
    """The suggestion, the streak and the calendar; hidden while turned off."""

    practise = Signal(str)
    turn_off = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan: PractisePlan | None = None
        self.setAccessibleName("What to practise next")
        row = QHBoxLayout()
        row.setSpacing(SPACE_L)
        text = QVBoxLayout()
        text.setSpacing(SPACE_S)
        text.addWidget(text_label("What to practise next", "heading"))
        self.title = text_label("")
        self.title.setStyleSheet("font-weight: 650;")
        text.addWidget(self.title)
        self.reason = text_label("", "muted")
        text.addWidget(self.reason)
        self.streak = text_label("", "small")
        text.addWidget(self.streak)
        row.addLayout(text, 1)
        self.calendar = SessionCalendar()
        row.addWidget(self.calendar, 0, Qt.AlignmentFlag.AlignTop)
        actions = QVBoxLayout()
        actions.setSpacing(SPACE_S)
        self.go = button("Practise it", "Open the suggested situation's briefing", primary=True)
        self.go.clicked.connect(self._go)
        actions.addWidget(self.go)
        self.off = button("Turn off", "Hide these suggestions (Settings turns them on again)")
        self.off.clicked.connect(self.turn_off)
        actions.addWidget(self.off)
        actions.addStretch(1)
        row.addLayout(actions)
        self.body.addLayout(row)
        self.body.setContentsMargins(SPACE_L, SPACE_M, SPACE_L, SPACE_M)

    def show_plan(self, plan: PractisePlan) -> None:
        self.plan = plan
        suggestion = plan.suggestion
        if suggestion is None:
            self.title.setText("No situations are installed.")
            self.reason.setText("")
        else:
            skill = f": work on {suggestion.skill_label[:1].lower() + suggestion.skill_label[1:]}" \
                if suggestion.skill else ""
            self.title.setText(f"{suggestion.title}{skill}")
            self.reason.setText(suggestion.reason)
        self.go.setEnabled(suggestion is not None)
        days = plan.streak_days
        parts = [f"{days} day{'' if days == 1 else 's'} in a row"] if days else []
        parts.append(f"{plan.sessions_this_week} session{'' if plan.sessions_this_week == 1 else 's'} this week")
        parts.append(f"ready in {plan.ready_count} of {plan.total}")
        self.streak.setText(" · ".join(parts))
        self.calendar.set_days(plan.calendar)

    def _go(self) -> None:
        if self.plan is not None and self.plan.suggestion is not None:
            self.practise.emit(self.plan.suggestion.scenario)
