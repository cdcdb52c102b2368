"""History and progress: past sessions in a sortable, filterable table, and a chart over time."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .charts import TrendChart
from .context import AppContext
from .theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XL
from .widgets import Card, button, text_label

COLUMNS = ("Started", "Scenario", "Trainee", "Score", "Outcome", "Open questions", "Replies", "Status")
NUMERIC_COLUMNS = (3, 5, 6)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3


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

        chart_card = Card()
        chart_card.body.addWidget(text_label("Your progress", "heading"))
        self.chart = TrendChart()
        chart_card.body.addWidget(self.chart)
        outer.addWidget(chart_card)

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
        for text, value in (("Any status", ""), ("Finished", "finished"), ("Interrupted", "interrupted")):
            self.status_filter.addItem(text, value)
        self.status_filter.currentIndexChanged.connect(self._filter)
        filters.addWidget(self.status_filter, 1)
        outer.addLayout(filters)

        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(list(COLUMNS))
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
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        header_view = self.table.horizontalHeader()
        header_view.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header_view.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _: self._open())
        self.table.open_requested.connect(self._open)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        outer.addWidget(self.table, 1)

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

    def refresh(self) -> None:
        if self.context.store is None:
            self.subtitle.setText(self.context.storage_problem or "Opening your practice records…")
            return
        trainee = self.context.trainee if self.who.currentData() == "mine" else None
        self.subtitle.setText(f"Sessions of {trainee}" if trainee else "Sessions of every profile")

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
            started = (item.get("started") or "")[:16].replace("T", " ")
            cells = [
                (started, item.get("started") or ""),
                (item["scenario_title"], item["scenario"]),
                (item["trainee"], item["trainee"].lower()),
                ("" if item["score"] is None else str(item["score"]), -1 if item["score"] is None else item["score"]),
                ((item.get("outcome") or "—").capitalize(), item.get("outcome") or ""),
                ("" if share is None else f"{round(share * 100)}%", -1.0 if share is None else share),
                (str(item.get("turn_count", 0)), item.get("turn_count", 0)),
                (item["status"].capitalize(), item["status"]),
            ]
            row = []
            for column, (text, key) in enumerate(cells):
                cell = QStandardItem(text)
                if column in NUMERIC_COLUMNS:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                cell.setData(key, SORT_ROLE)
                cell.setData(item["id"], ID_ROLE)
                cell.setData(item["status"], STATUS_ROLE)
                row.append(cell)
            self.model.appendRow(row)
        self._fill_scenarios(history)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.empty.setText("" if history else "No sessions yet: practise a scenario and it appears here.")
        self._update_buttons()

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
