"""A small line chart of progress over sessions, drawn with QPainter (no chart module to load)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from . import theme


class TrendChart(QWidget):
    """Score (0-100) and open-question share (0-100 %) per finished session, oldest on the left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[dict] = []
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName("Progress chart")

    def set_points(self, points: list[dict]) -> None:
        """Points from ``SessionStore.trends``: dicts with score and open_question_share."""
        self.points = points
        if points:
            last = points[-1]
            share = last.get("open_question_share")
            self.setAccessibleDescription(
                f"{len(points)} finished sessions; latest score {last.get('score')}, "
                f"open-question share {round(share * 100) if share is not None else 'n/a'}%")
        else:
            self.setAccessibleDescription("No finished sessions yet")
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(600, 180)

    def series(self) -> list[tuple[str, str, list[float | None]]]:
        c = theme.colours()
        scores = [p.get("score") for p in self.points]
        shares = [None if p.get("open_question_share") is None else p["open_question_share"] * 100
                  for p in self.points]
        return [("Score", c.accent, scores), ("Open-question share %", c.good, shares)]

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        c = theme.colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        left, top, right, bottom = metrics.horizontalAdvance("100") + 12, metrics.height() + 14, 12, 24
        plot = QRectF(left, top, self.width() - left - right, self.height() - top - bottom)
        small = QFont(self.font())
        small.setPointSizeF(max(7.5, self.font().pointSizeF() * 0.85))
        painter.setFont(small)
        grid_pen = QPen(QColor(c.border))
        grid_pen.setStyle(Qt.PenStyle.DashLine)
        for value in (0, 50, 100):
            y = plot.bottom() - plot.height() * value / 100
            painter.setPen(grid_pen)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor(c.muted))
            painter.drawText(QRectF(0, y - 10, left - 6, 20), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             str(value))
        x = plot.left()
        for name, colour, _ in self.series():
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawRoundedRect(QRectF(x, 4, 14, 6), 3, 3)
            painter.setPen(QColor(c.text))
            painter.drawText(QPointF(x + 20, 4 + metrics.ascent() * 0.7), name)
            x += 20 + metrics.horizontalAdvance(name) + 24
        if not self.points:
            painter.setPen(QColor(c.muted))
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, "Finish a session to see your progress here")
            return
        count = len(self.points)
        step = plot.width() / max(1, count - 1)

        def at(index: int, value: float) -> QPointF:
            xpos = plot.left() + (step * index if count > 1 else plot.width() / 2)
            return QPointF(xpos, plot.bottom() - plot.height() * max(0.0, min(100.0, value)) / 100)

        for _, colour, values in self.series():
            path = QPainterPath()
            started = False
            for index, value in enumerate(values):
                if value is None:
                    continue
                point = at(index, value)
                if started:
                    path.lineTo(point)
                else:
                    path.moveTo(point)
                    started = True
            painter.setPen(QPen(QColor(colour), 2.4))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            painter.setBrush(QColor(colour))
            for index, value in enumerate(values):
                if value is not None:
                    painter.drawEllipse(at(index, value), 3.5, 3.5)
        draw_session_axis(painter, plot, [p.get("started") for p in self.points], [at(i, 0).x() for i in range(count)])


def _when(started: str | None) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(started) if started else None
    except ValueError:
        return None


def session_dates(started: list[str | None]) -> list[str]:
    """Short date labels for sessions in order: the day ("3 Mar"), with the year when the sessions
    span more than one, or the time when they all fall on one day."""
    times = [_when(value) for value in started]
    known = [t for t in times if t is not None]
    if not known:
        return ["" for _ in times]
    one_day = len({t.date() for t in known}) == 1
    years = len({t.year for t in known}) > 1

    def label(t: dt.datetime | None) -> str:
        if t is None:
            return ""
        day = f"{t.day} {t:%b}" + (f" {t.year}" if years else "")
        return f"{day}, {t:%H:%M}" if one_day else day

    return [label(t) for t in times]


def draw_session_axis(painter: QPainter, plot: QRectF, started: list[str | None], xs: list[float]) -> None:
    """Under a chart of sessions in order: a tick per session, the first and last session's date at
    the ends, and the dates between where a new day starts and there is room for them."""
    c = theme.colours()
    metrics = painter.fontMetrics()
    labels = session_dates(started)
    painter.setPen(QPen(QColor(c.border), 1))
    for x in xs:
        painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4))
    if not labels:
        return
    top = plot.bottom() + 5
    height = metrics.height()
    painter.setPen(QColor(c.muted))
    chosen: list[tuple[float, float, str]] = []  # (left, right, text)

    def place(index: int, align: str) -> None:
        text = labels[index]
        if not text:
            return
        width = metrics.horizontalAdvance(text)
        x = xs[index]
        left = {"left": x, "right": x - width}.get(align, x - width / 2)
        left = max(plot.left(), min(left, plot.right() - width))
        if all(left > right + 12 or left + width < other_left - 12 for other_left, right, _ in chosen):
            chosen.append((left, left + width, text))

    place(0, "left")
    if len(xs) > 1 and labels[-1] != labels[0]:
        place(len(xs) - 1, "right")
    for index in range(1, len(xs) - 1):
        if labels[index] and labels[index] != labels[index - 1]:
            place(index, "centre")
    for left, right, text in chosen:
        painter.drawText(QRectF(left, top, right - left + 1, height), Qt.AlignmentFlag.AlignLeft, text)
