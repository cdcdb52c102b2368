"""Progress per skill: open-question share, ask : tell and talk ratio across sessions, each against
its good threshold, and a "ready" mark for each situation practised three times well in a row."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ask_dont_tell.trainer.progress import READY_STREAK, SKILLS, ScenarioReadiness, SkillSeries, readiness, skill_series
from ask_dont_tell.trainer.scoring import READY_THRESHOLDS, THRESHOLDS

from . import theme
from .charts import draw_session_axis
from .context import AppContext
from .theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XL
from .widgets import Card, Pill, button, clear_layout, scroll_area, text_label

#: Ask : tell is drawn up to this ratio (a session that never told is drawn at the top).
ASK_TELL_CEILING = 6.0


def _shown_value(series: SkillSeries, value: float | None) -> float | None:
    """Values on a 0..1 scale for drawing."""
    if series.skill == "ask_tell_ratio":
        return None if value is None else min(value, ASK_TELL_CEILING) / ASK_TELL_CEILING
    return value


def _text(series: SkillSeries, value: float | None) -> str:
    if value is None:
        return "n/a"
    return f"{value:.1f} : 1" if series.skill == "ask_tell_ratio" else f"{value:.0%}"


class SkillChart(QWidget):
    """One skill across sessions, oldest on the left, with its good threshold as a dashed line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series: SkillSeries | None = None
        self._no_telling: list[bool] = []
        self._started: list[str | None] = []
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_series(self, series: SkillSeries, no_telling: list[bool], started: list[str | None] | None = None) -> None:
        self.series = series
        self._no_telling = no_telling
        self._started = started or [None] * len(series.values)
        values = [v for v in series.values if v is not None]
        latest = _text(series, values[-1]) if values else "n/a"
        self.setAccessibleName(f"{series.title} chart")
        self.setAccessibleDescription(f"{len(series.values)} sessions; latest {latest}; good is "
                                      f"{'at least' if series.higher_is_better else 'at most'} "
                                      f"{_text(series, series.good)}")
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(320, 170)

    def never_told(self, index: int) -> bool:
        """Whether the session at ``index`` is drawn at the top because it had no telling at all."""
        return (self.series is not None and self.series.skill == "ask_tell_ratio"
                and self.series.values[index] is None and index < len(self._no_telling) and self._no_telling[index])

    def _points(self) -> list[float | None]:
        series = self.series
        points = []
        for value, never_told in zip(series.values, self._no_telling):
            if series.skill == "ask_tell_ratio" and value is None and never_told:
                points.append(1.0)
            else:
                points.append(_shown_value(series, value))
        return points

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.series is None:
            return
        c = theme.colours()
        series = self.series
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        left, top, right, bottom = metrics.horizontalAdvance("6.0 : 1") + 10, 8, 10, metrics.height() + 6
        plot = QRectF(left, top, self.width() - left - right, self.height() - top - bottom)
        painter.setPen(QPen(QColor(c.border)))
        painter.drawRect(plot)
        good_y = plot.bottom() - plot.height() * _shown_value(series, series.good)
        good_pen = QPen(QColor(c.good), 1.4)
        good_pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(good_pen)
        painter.drawLine(QPointF(plot.left(), good_y), QPointF(plot.right(), good_y))
        right_middle = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(QRectF(0, good_y - 10, left - 6, 20), right_middle, _text(series, series.good))
        points = self._points()
        if not points:
            painter.setPen(QColor(c.muted))
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, "No finished sessions yet")
            return
        step = plot.width() / max(1, len(points) - 1)

        def at(index: int, value: float) -> QPointF:
            x = plot.left() + (step * index if len(points) > 1 else plot.width() / 2)
            return QPointF(x, plot.bottom() - plot.height() * max(0.0, min(1.0, value)))

        draw_session_axis(painter, plot, self._started, [at(i, 0).x() for i in range(len(points))])

        path = QPainterPath()
        started = False
        for index, value in enumerate(points):
            if value is None:
                continue
            if started:
                path.lineTo(at(index, value))
            else:
                path.moveTo(at(index, value))
                started = True
        painter.setPen(QPen(QColor(c.accent), 2.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        for index, value in enumerate(points):
            if value is None:
                continue
            if self.never_told(index):  # no ratio to draw: a hollow dot on the top edge
                painter.setPen(QPen(QColor(c.accent), 1.6))
                painter.setBrush(QColor(c.base))
                painter.drawEllipse(at(index, value), 4.2, 4.2)
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(c.accent))
                painter.drawEllipse(at(index, value), 3.2, 3.2)


class ProgressScreen(QWidget):
    """Reached from the history screen: how each skill is going, and which situations are ready."""

    back_requested = Signal()
    #: The progress was read and drawn (for tests and screenshots).
    refreshed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.marks: dict[str, ScenarioReadiness] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(SPACE_XL, SPACE_XL, SPACE_XL, SPACE_L)
        outer.setSpacing(SPACE_L)
        header = QHBoxLayout()
        header.setSpacing(SPACE_M)
        self.back = button("← History", "Back to the history")
        self.back.clicked.connect(self.back_requested)
        header.addWidget(self.back, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        titles.setSpacing(SPACE_S)
        titles.addWidget(text_label("Progress per skill", "title"))
        self.subtitle = text_label("", "muted")
        titles.addWidget(self.subtitle)
        header.addLayout(titles, 1)
        outer.addLayout(header)
        scroll, holder = scroll_area("Progress")
        body = QVBoxLayout(holder)
        body.setContentsMargins(0, 0, SPACE_S, SPACE_L)
        body.setSpacing(SPACE_L)
        charts = QGridLayout()
        charts.setSpacing(SPACE_L)
        self.charts: dict[str, SkillChart] = {}
        self.chart_titles: dict[str, QLabel] = {}  # the caption under each title: latest value and goal
        self.chart_notes: dict[str, QLabel] = {}
        self.chart_headings: dict[str, QLabel] = {}  # a long title wraps: the others keep its height
        for column, skill in enumerate(SKILLS):
            card = Card()
            title = text_label(THRESHOLDS[skill].label, "heading")
            title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self.chart_headings[skill] = title
            card.body.addWidget(title)
            caption = text_label("", "small")
            card.body.addWidget(caption)
            chart = SkillChart()
            card.body.addWidget(chart, 1)
            self.charts[skill] = chart
            self.chart_titles[skill] = caption
            # under each chart a note (only ask : tell has one), all as tall, so the charts stay level
            note = text_label("", "small")
            card.body.addWidget(note)
            self.chart_notes[skill] = note
            charts.addWidget(card, 0, column)
            charts.setColumnStretch(column, 1)  # three charts of one width
        body.addLayout(charts)
        ready_card = Card()
        ready_card.body.addWidget(text_label("Ready for the real conversation?", "heading"))
        ready_card.body.addWidget(text_label(
            f"A situation is ready when each of your last {READY_STREAK} finished attempts at it meets every one "
            "of these: " + "; ".join(f"{THRESHOLDS[name].label.lower()} {THRESHOLDS[name].target()}"
                                     for name in READY_THRESHOLDS) + ".", "muted"))
        self.ready_rows = QVBoxLayout()
        self.ready_rows.setSpacing(SPACE_S)
        ready_card.body.addLayout(self.ready_rows)
        body.addWidget(ready_card)
        body.addStretch(1)
        outer.addWidget(scroll, 1)

    def _align_captions(self) -> None:
        """The captions above the charts take the same height, and so do the notes under them, so
        the three charts line up."""
        for labels in (self.chart_headings, self.chart_titles, self.chart_notes):
            # measured at the chart's width: a hidden label's own width is out of date
            heights = [label.heightForWidth(max(1, self.charts[skill].width())) if label.text() else 0
                       for skill, label in labels.items()]
            for label in labels.values():
                label.setMinimumHeight(max(heights))
                label.setVisible(max(heights) > 0)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        QTimer.singleShot(0, self._align_captions)  # once the cards have their new widths

    def refresh(self) -> None:
        trainee = self.context.trainee
        self.subtitle.setText(f"Finished sessions of {trainee}, oldest to latest; the dashed line is the good "
                              "threshold" if trainee else "")
        if not self.context.in_storage(lambda store: store.trends(trainee=trainee or None), self._show):
            self.subtitle.setText(self.context.storage_problem or "Opening your practice records…")

    def _show(self, points: list[dict]) -> None:
        no_telling = [False for _ in points]
        for series in skill_series(points):
            chart = self.charts[series.skill]
            values = [v for v in series.values if v is not None]
            latest = f"latest {_text(series, values[-1])}" if values else "no value yet"
            limit = "at least" if series.higher_is_better else "at most"
            self.chart_titles[series.skill].setText(
                f"{latest}; good is {limit} {_text(series, series.good)}".replace(" : ", "\u00a0:\u00a0"))
            chart.set_series(series, no_telling, [p.get("started") for p in points])
        QTimer.singleShot(0, self._align_captions)
        self.marks = readiness(points)
        clear_layout(self.ready_rows)
        c = theme.colours()
        library = self.context.library
        if not self.marks:
            self.ready_rows.addWidget(text_label("Finish a session to see your marks here.", "muted"))
        for scenario_id, mark in sorted(self.marks.items()):
            scenario = library.scenarios.get(scenario_id) if library else None
            row = QHBoxLayout()
            row.setSpacing(SPACE_M)
            pill = Pill("Ready" if mark.ready else f"{mark.good_in_a_row} of {READY_STREAK}",
                        c.alt_base, c.good if mark.ready else c.muted)
            pill.setAccessibleName(f"{scenario.title if scenario else scenario_id}: "
                                   f"{'ready' if mark.ready else 'not ready yet'}")
            row.addWidget(pill)
            title = text_label(scenario.title if scenario else scenario_id)
            why = text_label(mark.explain(), "small")
            column = QVBoxLayout()
            column.setSpacing(0)
            column.addWidget(title)
            column.addWidget(why)
            row.addLayout(column, 1)
            row.addWidget(text_label(f"{mark.attempts} attempt{'' if mark.attempts == 1 else 's'}", "small",
                                     wrap=False))
            self.ready_rows.addLayout(row)
        self.refreshed.emit()
