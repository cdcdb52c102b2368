"""Library: the scenarios to practise, filters, the trainee's profile and "Continue" offers."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from ask_dont_tell.trainer.profiles import PractisePlan, practise_next

from .context import AppContext
from .home import HomePanel
from .theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XL
from .widgets import (
    Avatar, Card, PhraseLabel, button, clear_layout, difficulty_text, role_pieces, scroll_area, tag_row,
    text_label,
)

CARD_MIN_WIDTH = 360  # two columns at 1024x700, with or without the scroll bar
NEW_PROFILE = "New profile…"


def _shorten(text: str, limit: int = 230) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: text.rfind(" ", 0, limit)] + "…"


class ScenarioCard(Card):
    """One scenario; click it, or focus it and press Enter, to read its briefing."""

    activated = Signal(str)

    def __init__(self, scenario, best: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scenario_id = scenario.id
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        persona = scenario.persona
        top = QHBoxLayout()
        top.setSpacing(SPACE_M)
        top.addWidget(Avatar(persona.avatar, persona.name, 52), 0, Qt.AlignmentFlag.AlignTop)
        names = QVBoxLayout()
        names.setSpacing(2)
        names.addWidget(text_label(scenario.title, "heading"))
        role = role_pieces(persona.role)
        names.addWidget(PhraseLabel([persona.name, f" · {role[0]}", *role[1:]], "muted"))
        top.addLayout(names, 1)
        self.body.addLayout(top)
        self.body.addWidget(text_label(_shorten(scenario.situation)))
        self.body.addLayout(tag_row(scenario.tags))
        self.body.addStretch(1)
        bottom = QHBoxLayout()
        level = "●" * scenario.difficulty + "○" * (3 - scenario.difficulty)
        best_text = f"Best score {best}" if best is not None else "Not practised yet"
        # one label that breaks between its two phrases, so a narrow card keeps the button whole
        bottom.addWidget(PhraseLabel([f"{level}  {difficulty_text(scenario.difficulty)}", f"  ·  {best_text}"],
                                     "small"), 1)
        self.open_button = button("Read the briefing", f"Read the briefing: {scenario.title}")
        self.open_button.clicked.connect(lambda: self.activated.emit(self.scenario_id))
        bottom.addWidget(self.open_button)
        self.body.addLayout(bottom)
        self.setAccessibleName(f"{scenario.title}, with {persona.name}, {difficulty_text(scenario.difficulty)}, "
                               f"{best_text}")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self.scenario_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.scenario_id)
        else:
            super().keyPressEvent(event)


class LibraryScreen(QWidget):
    open_briefing = Signal(str)
    continue_session = Signal(int)
    prepare_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.best: dict[str, int] = {}
        self.interrupted: list[dict] = []
        self.cards: list[ScenarioCard] = []
        self._columns = 0

        outer = QVBoxLayout(self)
        outer.setContentsMargins(SPACE_XL, SPACE_XL, SPACE_XL, 0)
        outer.setSpacing(SPACE_L)

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(SPACE_S)
        titles.addWidget(text_label("Practise a conversation", "title"))
        titles.addWidget(text_label("Pick a salesperson's situation. Ask, don't tell: the thinking and the "
                                    "plan should be theirs.", "muted"))
        header.addLayout(titles, 1)
        self.prepare_button = button("Prepare for a one-on-one", "Rehearse a real upcoming one-on-one")
        self.prepare_button.clicked.connect(self.prepare_requested)
        header.addLayout(self._profile_picker(), 0)
        outer.addLayout(header)

        self.home = HomePanel()
        self.home.practise.connect(self.open_briefing)
        self.home.turn_off.connect(self._turn_off_home)
        self.home.hide()
        outer.addWidget(self.home)

        self.continue_box = Card()
        self.continue_box.body.addWidget(text_label("Continue where you left off", "heading"))
        self.continue_rows = QVBoxLayout()
        self.continue_rows.setSpacing(SPACE_S)
        self.continue_box.body.addLayout(self.continue_rows)
        self.continue_box.hide()
        outer.addWidget(self.continue_box)

        filters = QHBoxLayout()
        filters.setSpacing(SPACE_M)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search title, person or situation")
        self.search.setAccessibleName("Search scenarios")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        filters.addWidget(self.search, 2)
        self.tag_filter = QComboBox()
        self.tag_filter.setAccessibleName("Filter by skill tag")
        self.tag_filter.currentIndexChanged.connect(self.refresh)
        filters.addWidget(self.tag_filter, 1)
        self.level_filter = QComboBox()
        self.level_filter.setAccessibleName("Filter by difficulty")
        self.level_filter.addItem("Any difficulty", 0)
        for level in (1, 2, 3):
            self.level_filter.addItem(difficulty_text(level), level)
        self.level_filter.currentIndexChanged.connect(self.refresh)
        filters.addWidget(self.level_filter, 1)
        outer.addLayout(filters)

        self.loading = QWidget()
        loading_layout = QVBoxLayout(self.loading)
        loading_layout.setContentsMargins(0, SPACE_XL, 0, 0)
        loading_layout.addWidget(text_label("Loading scenarios…", "muted"))
        bar = QProgressBar()
        bar.setRange(0, 0)
        bar.setAccessibleName("Loading scenarios")
        loading_layout.addWidget(bar)
        outer.addWidget(self.loading)

        self.empty = text_label("No scenario matches these filters.", "muted")
        self.empty.hide()
        outer.addWidget(self.empty)

        self.scroll, holder = scroll_area("Scenarios")
        self.grid = QGridLayout(holder)
        self.grid.setContentsMargins(0, 0, SPACE_S, SPACE_XL)
        self.grid.setSpacing(SPACE_L)
        outer.addWidget(self.scroll, 1)

        context.library_changed.connect(self._library_loaded)
        context.storage_changed.connect(self.refresh_records)
        context.history_changed.connect(self.refresh_records)
        context.trainee_changed.connect(self._trainee_changed)
        context.prefs_changed.connect(self._show_home)

    # --- what to practise next ----------------------------------------------------------------

    def _show_home(self) -> None:
        self.home.setVisible(self.context.prefs.practise_next and self.home.plan is not None)

    def _turn_off_home(self) -> None:
        self.context.update_prefs(practise_next=False)
        self.context.notice.emit("Suggestions are off. Settings > Feedback turns them on again.")

    # --- trainee profiles ---------------------------------------------------------------------

    def _profile_picker(self) -> QGridLayout:
        """The prepare button beside the profile box (level with it, under the box's caption)."""
        grid = QGridLayout()
        grid.setHorizontalSpacing(SPACE_M)
        grid.setVerticalSpacing(SPACE_S)
        grid.addWidget(text_label("Practising as", "small", wrap=False), 0, 1)
        grid.addWidget(self.prepare_button, 1, 0, Qt.AlignmentFlag.AlignVCenter)
        self.trainee_box = QComboBox()
        self.trainee_box.setAccessibleName("Trainee profile")
        self.trainee_box.setPlaceholderText("Your name")  # until the first start has asked it
        self.trainee_box.setMinimumWidth(180)
        self.trainee_box.activated.connect(self._trainee_chosen)
        grid.addWidget(self.trainee_box, 1, 1)
        self.new_trainee = QLineEdit()
        self.new_trainee.setPlaceholderText("Name, then Enter")
        self.new_trainee.setAccessibleName("New profile name")
        self.new_trainee.returnPressed.connect(self._create_trainee)
        self.new_trainee.hide()
        grid.addWidget(self.new_trainee, 2, 1)
        grid.setRowStretch(3, 1)
        return grid

    def _fill_trainees(self) -> None:
        """This machine's profiles (participants imported into a cohort are not among them)."""
        current = self.context.trainee
        names = sorted(set(self.context.profile_names()) | ({current} if current else set()), key=str.lower)
        self.trainee_box.blockSignals(True)
        self.trainee_box.clear()
        self.trainee_box.addItems(names)
        self.trainee_box.addItem(NEW_PROFILE)
        self.trainee_box.setCurrentIndex(names.index(current) if current in names else -1)
        self.trainee_box.blockSignals(False)

    def _trainee_chosen(self, index: int) -> None:
        text = self.trainee_box.itemText(index)
        if text == NEW_PROFILE:
            self.new_trainee.show()
            self.new_trainee.setFocus()
        else:
            self.new_trainee.hide()
            self.context.set_trainee(text)

    def _create_trainee(self) -> None:
        name = self.new_trainee.text().strip()
        if name:
            self.new_trainee.clear()
            self.new_trainee.hide()
            self.context.set_trainee(name)

    def _trainee_changed(self) -> None:
        self._fill_trainees()
        self.refresh_records()

    # --- scenarios ----------------------------------------------------------------------------

    def _library_loaded(self) -> None:
        self.loading.hide()
        library = self.context.library
        tags = sorted({tag for s in library.scenarios.values() for tag in s.tags}) if library else []
        chosen = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem("All skills", "")
        for tag in tags:
            self.tag_filter.addItem(tag.replace("-", " "), tag)
        if chosen in tags:
            self.tag_filter.setCurrentIndex(tags.index(chosen) + 1)
        self.tag_filter.blockSignals(False)
        self.refresh()
        self.refresh_records()  # the suggestion reads the installed scenarios

    def visible_scenarios(self) -> list:
        library = self.context.library
        if library is None:
            return []
        words = self.search.text().lower().split()
        tag = self.tag_filter.currentData() or ""
        level = self.level_filter.currentData() or 0
        shown = []
        for scenario in library.sorted():
            haystack = " ".join([scenario.title, scenario.persona.name, scenario.situation, *scenario.tags]).lower()
            if all(word in haystack for word in words) and (not tag or tag in scenario.tags) and \
                    (not level or scenario.difficulty == level):
                shown.append(scenario)
        return shown

    def refresh(self) -> None:
        clear_layout(self.grid)
        self.cards = []
        if self.context.library is None:
            return
        for scenario in self.visible_scenarios():
            card = ScenarioCard(scenario, self.best.get(scenario.id))
            card.activated.connect(self.open_briefing)
            self.cards.append(card)
        self.empty.setVisible(not self.cards)
        self._columns = 0
        self._place_cards()

    def _place_cards(self) -> None:
        # room for the grid's right margin and the spacing between cards, so no column is clipped
        available = self.scroll.viewport().width() - SPACE_S
        columns = max(1, (available + SPACE_L) // (CARD_MIN_WIDTH + SPACE_L))
        if columns == self._columns:
            return
        for stale in range(columns, max(self._columns, self.grid.columnCount())):
            self.grid.setColumnStretch(stale, 0)
        self._columns = columns
        for card in self.cards:
            self.grid.removeWidget(card)
        for index, card in enumerate(self.cards):
            self.grid.addWidget(card, index // columns, index % columns)
        for column in range(columns):
            self.grid.setColumnStretch(column, 1)
        self.grid.setRowStretch(len(self.cards) // columns + 1, 1)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._place_cards()

    # --- records: best scores, interrupted sessions -------------------------------------------

    def refresh_records(self) -> None:
        trainee = self.context.trainee
        if not trainee:
            return

        library = self.context.library
        scenarios = list(library.scenarios.values()) if library is not None else []

        def read(store) -> tuple[list[dict], list[dict], PractisePlan]:
            return store.history(trainee=trainee, with_turns=False), store.interrupted_sessions(trainee=trainee), \
                practise_next(scenarios, store.trends(trainee))

        self._fill_trainees()
        self.context.in_storage(read, self._records_read)

    def _records_read(self, records: tuple[list[dict], list[dict], PractisePlan]) -> None:
        history, interrupted, plan = records
        self.home.show_plan(plan)
        self._show_home()
        best: dict[str, int] = {}
        for item in history:
            if item["status"] == "finished" and item["score"] is not None:
                best[item["scenario"]] = max(best.get(item["scenario"], 0), item["score"])
        self.interrupted = interrupted
        changed = best != self.best
        self.best = best
        self._show_interrupted()
        if changed:
            self.refresh()

    def _show_interrupted(self) -> None:
        clear_layout(self.continue_rows)
        for item in self.interrupted[:3]:
            row = QHBoxLayout()
            row.setSpacing(SPACE_M)
            replies = item.get("turn_count", 0)
            started = (item.get("started") or "")[:16].replace("T", " ")
            row.addWidget(text_label(f"{item['scenario_title']} · {replies} "
                                     f"{'reply' if replies == 1 else 'replies'} · started {started}"), 1)
            go = button("Continue", f"Continue {item['scenario_title']}", primary=True)
            go.clicked.connect(lambda _=False, session_id=item["id"]: self.continue_session.emit(session_id))
            row.addWidget(go)
            drop = button("Discard", f"Discard the unfinished {item['scenario_title']}")
            drop.clicked.connect(lambda _=False, session_id=item["id"]: self._discard(session_id))
            row.addWidget(drop)
            self.continue_rows.addLayout(row)
        self.continue_box.setVisible(bool(self.interrupted))

    def _discard(self, session_id: int) -> None:
        self.context.in_storage(lambda store: store.discard_session(session_id),
                                lambda _: self.context.history_changed.emit())
