"""History and progress: past sessions in a sortable, filterable table, and a chart over time."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .charts import TrendChart
from .context import AppContext
from .report import outcome_text

#: A session's status in words. "Closed" (not "Finished"), so that it never contradicts an outcome
#: of "Ended early": the session is closed and saved, the conversation did not reach its ending.
STATUS_WORDS = {"finished": "Closed", "interrupted": "Interrupted"}
from .theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XL
from .widgets import Card, button, text_label

COLUMNS = ("Started", "Scenario", "Trainee", "Score", "Outcome", "Open questions", "Replies", "Status")
NUMERIC_COLUMNS = (3, 5, 6)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3
SORT_ARROW = 18  # room for the sort arrow beside the sorted column's heading


def started_text(started: str | None) -> str:
    """When a session started, short: "3 Mar, 14:05", with the year when it is not this year's."""
    try:
        when = dt.datetime.fromisoformat(started or "")
    except ValueError:
        return (started or "")[:16].replace("T", " ")
    year = "" if when.year == dt.date.today().year else f" {when.year}"
    return f"{when.day} {when:%b}{year}, {when:%H:%M}"


class _SessionFilter(QSortFilterProxyModel):
    """Rows matching the search words, the scenario and the status chosen."""

    def __init__(self) -> None:
        super().__init__()
        self.words: list[str] = []
        self.scenario = ""
        self.status = ""
        self.setSortRole(SORT_ROLE)

    def filterAcceptsRow(self, row: int, parent) -> bool:  # noqa: N802 - Qt's name
        model = self.sourceModel()
        cells = [str(model.index(row, column, parent).data() or "").lower() for column in range(len(COLUMNS))]
        if self.scenario and model.index(row, 1, parent).data(SORT_ROLE) != self.scenario:
            return False
        if self.status and model.index(row, 7, parent).data(STATUS_ROLE) != self.status:
            return False
        text = " ".join(cells)
        return all(word in text for word in self.words)


class SessionTable(QTableView):
    """Enter opens the selected session, as a double-click does."""

    open_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_requested.emit()
        else:
            super().keyPressEvent(event)


class HistoryScreen(QWidget):
    open_report = Signal(int)
    continue_session = Signal(int)
    progress_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.rows: list[dict] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(SPACE_XL, SPACE_XL, SPACE_XL, SPACE_L)
        outer.setSpacing(SPACE_L)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(SPACE_S)
        titles.addWidget(text_label("History and progress", "title"))
        self.subtitle = text_label("", "muted")
        titles.addWidget(self.subtitle)
        header.addLayout(titles, 1)
        self.progress_button = button("Progress per skill", "Open progress per skill and the ready marks")
        self.progress_button.clicked.connect(self.progress_requested)
        header.addWidget(self.progress_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(header)

        # The chart and the table share the height through a splitter: the table gets the spare
        # room, the chart keeps a readable minimum, and either can be given more by dragging.
        chart_card = Card()
        chart_card.body.addWidget(text_label("Your progress", "heading"))
        self.chart = TrendChart()
        chart_card.body.addWidget(self.chart)
        self.chart_card = chart_card

        sessions = QWidget()
        lower = QVBoxLayout(sessions)
        lower.setContentsMargins(0, 0, 0, 0)
        lower.setSpacing(SPACE_M)
        filters = QHBoxLayout()
        filters.setSpacing(SPACE_M)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search sessions")
        self.search.setAccessibleName("Search sessions")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        filters.addWidget(self.search, 2)
        self.who = QComboBox()
        self.who.setAccessibleName("Whose sessions")
        self.who.addItem("This profile", "mine")
        self.who.addItem("Everyone", "all")
        self.who.currentIndexChanged.connect(self.refresh)
        filters.addWidget(self.who, 1)
        self.scenario_filter = QComboBox()
        self.scenario_filter.setAccessibleName("Filter by scenario")
        self.scenario_filter.currentIndexChanged.connect(self._filter)
        filters.addWidget(self.scenario_filter, 1)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Filter by status")
        for text, value in (("Any status", ""), (STATUS_WORDS["finished"], "finished"),
                            (STATUS_WORDS["interrupted"], "interrupted")):
            self.status_filter.addItem(text, value)
        self.status_filter.currentIndexChanged.connect(self._filter)
        filters.addWidget(self.status_filter, 1)
        lower.addLayout(filters)

        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(list(COLUMNS))
        self.model.setHeaderData(5, Qt.Orientation.Horizontal, "Share of the replies that were open questions",
                                 Qt.ItemDataRole.ToolTipRole)
        self.proxy = _SessionFilter()
        self.proxy.setSourceModel(self.model)
        self.table = SessionTable()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Past sessions")
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        header_view = self.table.horizontalHeader()
        # Every column as wide as its words (see _fit_columns), the scenario the rest; a column
        # can still be dragged wider.
        header_view.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header_view.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header_view.setMinimumSectionSize(48)
        header_view.setHighlightSections(False)
        header_view.sortIndicatorChanged.connect(lambda *_: self._fit_columns())
        self.table.doubleClicked.connect(lambda _: self._open())
        self.table.open_requested.connect(self._open)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        lower.addWidget(self.table, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(SPACE_L)
        self.splitter.addWidget(chart_card)
        self.splitter.addWidget(sessions)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.splitterMoved.connect(self._chart_resized_by_hand)
        self._chart_height_chosen = False
        outer.addWidget(self.splitter, 1)

        actions = QHBoxLayout()
        actions.setSpacing(SPACE_M)
        self.empty = text_label("", "muted")
        actions.addWidget(self.empty, 1)
        self.continue_button = button("Continue", "Continue the selected interrupted session")
        self.continue_button.clicked.connect(self._continue)
        actions.addWidget(self.continue_button)
        self.open_button = button("Open report", "Open the report of the selected session", primary=True, tip="Enter")
        self.open_button.clicked.connect(self._open)
        actions.addWidget(self.open_button)
        outer.addLayout(actions)
        self._update_buttons()

        context.history_changed.connect(self.refresh)
        context.storage_changed.connect(self.refresh)
        context.trainee_changed.connect(self.refresh)

    def _chart_resized_by_hand(self, *_: object) -> None:
        self._chart_height_chosen = True

    def _share_height(self) -> None:
        """Until the splitter is dragged, the chart takes about a third of the height (so at
        1024x700 the table still shows several rows) and never less than it needs to be read."""
        if self._chart_height_chosen:
            return
        total = self.splitter.height() - self.splitter.handleWidth()
        if total <= 0:
            return
        chart = max(self.chart_card.minimumSizeHint().height(), min(300, round(total * 0.4)))
        self.splitter.setSizes([chart, max(1, total - chart)])

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._share_height()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._share_height()

    def refresh(self) -> None:
        if self.context.store is None:
            self.subtitle.setText(self.context.storage_problem or "Opening your practice records…")
            return
        trainee = self.context.trainee if self.who.currentData() == "mine" else None
        self.subtitle.setText(f"Sessions of {trainee}" if trainee else "Sessions of every profile")
        self.table.setColumnHidden(2, trainee is not None)  # one profile: the trainee column says nothing

        def read(store) -> tuple[list[dict], list[dict]]:
            return store.history(trainee=trainee, with_turns=False), store.trends(trainee=trainee)

        self.context.in_storage(read, self._show)

    def _show(self, records: tuple[list[dict], list[dict]]) -> None:
        history, trends = records
        shares = {point["id"]: point.get("open_question_share") for point in trends}
        self.rows = history
        self.chart.set_points(trends)
        self.model.removeRows(0, self.model.rowCount())
        for item in history:
            share = shares.get(item["id"])
            started = started_text(item.get("started"))
            cells = [
                (started, item.get("started") or ""),
                (item["scenario_title"], item["scenario"]),
                (item["trainee"], item["trainee"].lower()),
                ("" if item["score"] is None else str(item["score"]), -1 if item["score"] is None else item["score"]),
                (outcome_text(item.get("outcome"), item["status"]), item.get("outcome") or ""),
                ("" if share is None else f"{round(share * 100)}%", -1.0 if share is None else share),
                (str(item.get("turn_count", 0)), item.get("turn_count", 0)),
                (STATUS_WORDS.get(item["status"], item["status"].capitalize()), item["status"]),
            ]
            row = []
            for column, (text, key) in enumerate(cells):
                cell = QStandardItem(text)
                if column in NUMERIC_COLUMNS:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                cell.setData(key, SORT_ROLE)
                cell.setData(item["id"], ID_ROLE)
                cell.setData(item["status"], STATUS_ROLE)
                if column == 1:
                    cell.setToolTip(text)  # the whole title, when the column is too narrow for it
                row.append(cell)
            self.model.appendRow(row)
        self._fill_scenarios(history)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self._fit_columns()
        self.empty.setText("" if history else "No sessions yet: practise a scenario and it appears here.")
        self._update_buttons()

    def _fit_columns(self) -> None:
        """Each column but the scenario as wide as its heading or its widest cell, plus the room the
        sort arrow needs in the sorted one: narrower than Qt's own fit, which keeps room for an
        arrow in every heading, so the scenario titles keep their width at 1024x700."""
        header = self.table.horizontalHeader()
        heading_font = QFont(header.font())
        heading_font.setBold(True)
        heading, cell = QFontMetrics(heading_font), self.table.fontMetrics()
        rows = min(self.proxy.rowCount(), 500)
        for column, title in enumerate(COLUMNS):
            if column == 1 or self.table.isColumnHidden(column):
                continue
            widest = max([heading.horizontalAdvance(title) + (SORT_ARROW if column == header.sortIndicatorSection()
                                                              else 0)]
                         + [cell.horizontalAdvance(str(self.proxy.index(row, column).data() or ""))
                            for row in range(rows)])
            header.resizeSection(column, widest + 2 * SPACE_S + SPACE_M)

    def _fill_scenarios(self, history: list[dict]) -> None:
        chosen = self.scenario_filter.currentData()
        titles = sorted({(item["scenario_title"], item["scenario"]) for item in history})
        self.scenario_filter.blockSignals(True)
        self.scenario_filter.clear()
        self.scenario_filter.addItem("All scenarios", "")
        for title, scenario_id in titles:
            self.scenario_filter.addItem(title, scenario_id)
        index = self.scenario_filter.findData(chosen)
        self.scenario_filter.setCurrentIndex(max(0, index))
        self.scenario_filter.blockSignals(False)
        self._filter()

    def _filter(self) -> None:
        self.proxy.words = self.search.text().lower().split()
        self.proxy.scenario = self.scenario_filter.currentData() or ""
        self.proxy.status = self.status_filter.currentData() or ""
        self.proxy.invalidate()
        self._update_buttons()

    def selected(self) -> tuple[int, str] | None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return None
        index = indexes[0]
        return index.data(ID_ROLE), index.data(STATUS_ROLE)

    def select_session(self, session_id: int) -> bool:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ID_ROLE) == session_id:
                self.table.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.open_button.setEnabled(chosen is not None)
        self.continue_button.setVisible(chosen is not None and chosen[1] == "interrupted")

    def _open(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.open_report.emit(chosen[0])

    def _continue(self) -> None:
        chosen = self.selected()
        if chosen is not None and chosen[1] == "interrupted":
            self.continue_session.emit(chosen[0])
