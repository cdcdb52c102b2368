"""Workshop results: export my sessions, import participants' files, and the cohort report.

Every file read or written and every database query runs in the storage lane of the task runner;
the dialogs only collect file names and show results.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialog, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QSizePolicy, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from ask_dont_tell.trainer.exchange import ExchangeError, ParticipantRow, cohort_report, export_sessions, find_cohort, import_files

from . import theme
from .context import AppContext
from .theme import SPACE_L, SPACE_M, SPACE_XL
from .widgets import button, documents_folder, text_label

#: Average scores are grouped in bands this wide for the spread chart.
BAND = 10
COLUMN_TITLES = ("Participant", "Sessions", "Average score", "Open-question share", "Ask : tell", "Most common trap")


def export_my_sessions(context: AppContext, parent: QWidget) -> None:
    """Ask where to save, then write the current trainee's finished sessions there."""
    trainee = context.trainee
    if context.store is None or not trainee:
        context.notice.emit("Practice data is not available, so there is nothing to export.")
        return
    suggested = str(documents_folder() / f"{trainee.lower().replace(' ', '-')}-sessions.json")
    path, _ = QFileDialog.getSaveFileName(parent, "Export my sessions", suggested, "Session exports (*.json)")
    if not path:
        return
    def export(store) -> int:
        """The sessions written; none finished writes no file (an empty export helps nobody)."""
        if not any(item["status"] == "finished" for item in store.history(trainee)):
            return 0
        return export_sessions(store, trainee, path)

    def exported(count: int) -> None:
        if not count:
            context.notice.emit(f"{trainee} has no finished session yet, so no file was written. "
                                "Finish a session first.")
            return
        context.notice.emit(f"Wrote {count} finished session{'' if count == 1 else 's'} of {trainee} to {path}. "
                            "Hand this file to your trainer.")

    context.in_storage(export, exported, lambda error: context.notice.emit(f"Could not write {path}: {error}"))


class SpreadChart(QWidget):
    """How many participants' average scores fall in each band of ten (0-9, 10-19, ... 90-100)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts = [0] * (100 // BAND)
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName("Spread of average scores")

    def set_scores(self, scores: list[float]) -> None:
        self.counts = [0] * (100 // BAND)
        for score in scores:
            self.counts[min(int(score) // BAND, len(self.counts) - 1)] += 1
        described = ", ".join(f"{self.band_name(i)}: {n}" for i, n in enumerate(self.counts) if n)
        self.setAccessibleDescription(described or "No scores yet")
        self.update()

    @staticmethod
    def band_name(index: int) -> str:
        return f"{index * BAND}-{index * BAND + BAND - 1 if index < 100 // BAND - 1 else 100}"

    def sizeHint(self) -> QSize:
        return QSize(600, 170)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        c = theme.colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        text_height = metrics.height()
        plot = QRectF(8, text_height + 6, self.width() - 16, self.height() - 2 * text_height - 16)
        highest = max(self.counts) or 1
        width = plot.width() / len(self.counts)
        for index, count in enumerate(self.counts):
            x = plot.left() + index * width
            height = plot.height() * count / highest
            bar = QRectF(x + 4, plot.bottom() - height, width - 8, height)
            colour = c.low if index < 4 else c.fair if index < 6 else c.good
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawRoundedRect(bar, 3, 3)
            painter.setPen(QColor(c.text))
            if count:
                painter.drawText(QRectF(x, bar.top() - text_height - 2, width, text_height),
                                 Qt.AlignmentFlag.AlignCenter, str(count))
            painter.setPen(QColor(c.muted))
            painter.drawText(QRectF(x, plot.bottom() + 4, width, text_height), Qt.AlignmentFlag.AlignCenter,
                             self.band_name(index))
        painter.end()


class StatusLabel(QLabel):
    """The result of the last import, check or export; hidden while there is none, so no gap is left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setProperty("role", "muted")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self.setVisible(bool(text))


class CohortDialog(QDialog):
    """Import a room's files into a cohort, see one row per participant, export the report."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.rows: list[ParticipantRow] = []
        self.cohort_dates: dict[str, str | None] = {}
        self.setWindowTitle("Cohort report")
        self.resize(960, 680)
        column = QVBoxLayout(self)
        column.setContentsMargins(SPACE_XL, SPACE_L, SPACE_XL, SPACE_L)
        column.setSpacing(SPACE_M)
        column.addWidget(text_label("Cohort report", "title"))
        column.addWidget(text_label(
            "Participants practise on their own machines and export their sessions (File > Export my sessions). "
            "Import their files here under the workshop's name; each file is checked before anything is saved.",
            "muted"))

        importing = QHBoxLayout()
        importing.addWidget(text_label("Workshop:", wrap=False))
        self.cohort_name = QLineEdit()
        self.cohort_name.setPlaceholderText("e.g. Spring managers' workshop")
        self.cohort_name.setAccessibleName("Workshop name for the import")
        importing.addWidget(self.cohort_name, 1)
        self.cohort_date = QDateEdit(QDate.currentDate())
        self.cohort_date.setCalendarPopup(True)
        self.cohort_date.setDisplayFormat("yyyy-MM-dd")
        self.cohort_date.setAccessibleName("Workshop date")
        importing.addWidget(self.cohort_date)
        self.import_button = button("Import participants' files…", primary=True)
        self.import_button.clicked.connect(self.choose_files)
        importing.addWidget(self.import_button)
        column.addLayout(importing)

        showing = QHBoxLayout()
        showing.addWidget(text_label("Show cohort:", wrap=False))
        self.cohort_box = QComboBox()
        self.cohort_box.setAccessibleName("Cohort shown")
        self.cohort_box.setMinimumWidth(280)
        self.cohort_box.currentTextChanged.connect(self.show_cohort)
        showing.addWidget(self.cohort_box)
        showing.addStretch(1)
        self.csv_button = button("Export CSV…")
        self.csv_button.clicked.connect(lambda: self.export_report(".csv"))
        self.pdf_button = button("Export PDF…")
        self.pdf_button.clicked.connect(lambda: self.export_report(".pdf"))
        showing.addWidget(self.csv_button)
        showing.addWidget(self.pdf_button)
        column.addLayout(showing)

        self.status = StatusLabel()
        self.status.setAccessibleName("Import result")
        column.addWidget(self.status)
        self.table = QTableWidget(0, len(COLUMN_TITLES))
        self.table.setHorizontalHeaderLabels(COLUMN_TITLES)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the names take the spare width
        header.setSectionResizeMode(len(COLUMN_TITLES) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName("One row per participant")
        column.addWidget(self.table, 1)
        column.addWidget(text_label("Spread of average scores", "heading"))
        self.chart = SpreadChart()
        column.addWidget(self.chart)

        packs = QHBoxLayout()
        packs.addWidget(text_label("Scenario packs:", wrap=False))
        for text, action in (("Check a folder…", self.choose_folder_to_check),
                             ("Export a folder as a pack…", self.choose_folder_to_pack),
                             ("Import a pack…", self.choose_pack_to_import)):
            pack_button = button(text)
            pack_button.clicked.connect(action)
            packs.addWidget(pack_button)
        packs.addStretch(1)
        column.addLayout(packs)
        self._set_export_enabled(False)
        self.refresh_cohorts()

    def _set_export_enabled(self, enabled: bool) -> None:
        self.csv_button.setEnabled(enabled)
        self.pdf_button.setEnabled(enabled)

    # --- cohorts and rows ---------------------------------------------------------------------

    def refresh_cohorts(self, select: str | None = None) -> None:
        def listed(cohorts: list[dict]) -> None:
            found = find_cohort(cohorts, select or self.cohort_box.currentText())  # "spring" is "Spring"
            self.cohort_dates = {item["name"]: item["date"] for item in cohorts}
            self.cohort_box.blockSignals(True)
            self.cohort_box.clear()
            self.cohort_box.addItems(list(self.cohort_dates))
            self.cohort_box.blockSignals(False)
            if found is not None:
                self.cohort_box.setCurrentText(found["name"])
            self.show_cohort(self.cohort_box.currentText())

        if not self.context.in_storage(lambda store: store.cohorts(), listed):
            self.status.setText("Practice data is not available, so no cohort can be shown.")

    def show_cohort(self, name: str) -> None:
        if not name:
            self.show_rows([])
            return
        self.context.in_storage(lambda store: cohort_report(store, name),
                                lambda rows: self.show_rows(rows) if self.cohort_box.currentText() == name else None)

    def show_rows(self, rows: list[ParticipantRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            for column, text in enumerate(row.cells()):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(index, column, item)
        self.chart.set_scores([row.average_score for row in rows if row.average_score is not None])
        self._set_export_enabled(bool(rows))

    # --- importing ----------------------------------------------------------------------------

    def choose_files(self) -> None:
        cohort = self.cohort_name.text().strip()
        if not cohort:
            self.status.setText("Give the workshop a name first; the imported sessions are filed under it.")
            self.cohort_name.setFocus()
            return
        paths, _ = QFileDialog.getOpenFileNames(self, "Import participants' files", str(Path.home()),
                                                "Session exports (*.json);;All files (*)")
        if paths:
            self.import_paths(paths, cohort)

    def import_paths(self, paths: list[str], cohort: str) -> None:
        """Validate and import the files in the storage lane, then show what happened."""
        date = self.cohort_date.date().toPython()
        self.import_button.setEnabled(False)
        self.status.setText(f"Checking {len(paths)} file{'' if len(paths) == 1 else 's'}…")

        def imported(summary) -> None:
            self.import_button.setEnabled(True)
            self.status.setText(summary.describe())
            self.context.history_changed.emit()
            self.refresh_cohorts(select=cohort)

        def failed(error: BaseException) -> None:
            self.import_button.setEnabled(True)
            problems = error.problems if isinstance(error, ExchangeError) else [str(error)]
            self.status.setText("\n".join(problems))

        self.context.in_storage(lambda store: import_files(store, paths, cohort, date), imported, failed)

    # --- exporting the report -----------------------------------------------------------------

    def export_report(self, suffix: str) -> None:
        cohort = self.cohort_box.currentText()
        if not cohort or not self.rows:
            return
        kind = "CSV files (*.csv)" if suffix == ".csv" else "PDF files (*.pdf)"
        suggested = str(documents_folder() / f"{cohort.lower().replace(' ', '-')}-report{suffix}")
        path, _ = QFileDialog.getSaveFileName(self, "Export the cohort report", suggested, kind)
        if path:
            self.write_report(path if path.lower().endswith(suffix) else path + suffix)

    def write_report(self, path: str) -> None:
        from ask_dont_tell.trainer.exchange import scenario_results, write_report_csv, write_report_pdf

        rows, cohort, date = list(self.rows), self.cohort_box.currentText(), self.cohort_dates.get(
            self.cohort_box.currentText())

        def write(store) -> str:
            if path.lower().endswith(".pdf"):
                write_report_pdf(rows, cohort, path, date, scenario_results(store, cohort))
            else:
                write_report_csv(rows, path)
            return path

        self.context.in_storage(write, lambda written: self.status.setText(f"Wrote {written}."),
                                lambda error: self.status.setText(f"Could not write {path}: {error}"))

    # --- scenario packs -----------------------------------------------------------------------

    def choose_folder_to_check(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Check a folder of scenario files", str(Path.home()))
        if folder:
            self.check_folder(folder)

    def check_folder(self, folder: str) -> None:
        """Show every problem of the folder's files, per file and place, or what is fine."""
        from ask_dont_tell.trainer.packs import check_folder

        def checked(result) -> None:
            good = (f"{folder}: {len(result.scenarios)} scenario{'' if len(result.scenarios) == 1 else 's'} "
                    f"and {len(result.drills)} drill{'' if len(result.drills) == 1 else 's'} ready")
            self.status.setText("\n".join([good, *map(str, result.problems)]))

        self.context.tasks.run(lambda: check_folder(folder), checked,
                               lambda error: self.status.setText(f"Could not check {folder}: {error}"))

    def choose_folder_to_pack(self) -> None:
        from ask_dont_tell.trainer.packs import export_pack

        folder = QFileDialog.getExistingDirectory(self, "Folder of scenario files to pack", str(Path.home()))
        if not folder:
            return
        path, _ = QFileDialog.getSaveFileName(self, "Save the pack", str(Path(folder).with_suffix(".zip")),
                                              "Scenario packs (*.zip)")
        if path:
            self.context.tasks.run(lambda: export_pack(folder, path),
                                   lambda count: self.status.setText(f"Wrote {path} with {count} files."),
                                   lambda error: self.status.setText(str(error)))

    def choose_pack_to_import(self) -> None:
        """Unpack into the scenarios folder chosen in Settings (asked for if none is chosen yet)."""
        path, _ = QFileDialog.getOpenFileName(self, "Import a scenario pack", str(Path.home()),
                                              "Scenario packs (*.zip)")
        if not path:
            return
        target = self.context.prefs.scenarios_folder or QFileDialog.getExistingDirectory(
            self, "Folder to unpack the scenarios into", str(Path.home()))
        if target:
            self.import_pack(path, target)

    def import_pack(self, path: str, target: str) -> None:
        from ask_dont_tell.trainer.packs import PackError, import_pack

        library = self.context.library

        def imported(written: list) -> None:
            self.status.setText(f"Unpacked {len(written)} file{'' if len(written) == 1 else 's'} into {target}.")
            if self.context.prefs.scenarios_folder != target:
                self.context.update_prefs(scenarios_folder=target)
            self.context.reload_scenarios()

        def failed(error: BaseException) -> None:
            self.status.setText("\n".join(error.problems) if isinstance(error, PackError) else str(error))

        self.context.tasks.run(lambda: import_pack(path, target, library), imported, failed)
