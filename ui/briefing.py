"""Briefing: the situation, the person, the coaching goal and the whole scoring rubric, up front."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from .context import AppContext
from .rubric import label_guide, measure_rows, score_rules
from .theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XL
from .widgets import (
    Avatar, Card, PhraseLabel, button, clear_layout, difficulty_text, label_pill, role_pieces, scroll_area, tag_row,
    text_label,
)


class BriefingScreen(QWidget):
    #: (scenario id, live feedback on)
    start_requested = Signal(str, bool)
    back_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.scenario = None
        self.one_on_one = None  # a prepare.OneOnOne when this rehearses a real conversation
        outer = QVBoxLayout(self)
        outer.setContentsMargins(SPACE_XL, SPACE_XL, SPACE_XL, SPACE_L)
        outer.setSpacing(SPACE_L)

        header = QHBoxLayout()
        header.setSpacing(SPACE_M)
        self.back = button("← Library", "Back to the library")
        self.back.clicked.connect(self.back_requested)
        header.addWidget(self.back, 0, Qt.AlignmentFlag.AlignTop)
        self.title = text_label("", "title")
        header.addWidget(self.title, 1)
        outer.addLayout(header)

        self.scroll, holder = scroll_area("Briefing")
        self.columns = QHBoxLayout(holder)
        self.columns.setContentsMargins(0, 0, SPACE_S, SPACE_L)
        self.columns.setSpacing(SPACE_L)
        outer.addWidget(self.scroll, 1)

        footer = QHBoxLayout()
        footer.setSpacing(SPACE_M)
        self.live = QCheckBox("Show feedback after each reply")
        self.live.setAccessibleName("Live feedback after each reply")
        self.live.setToolTip("Off: you see the feedback only in the report at the end")
        footer.addWidget(self.live)
        footer.addStretch(1)
        self.prep_card = button("Prep card…", "Save a one-page prep card for this situation as a PDF")
        self.prep_card.clicked.connect(self._save_prep_card)
        footer.addWidget(self.prep_card)
        footer.addWidget(text_label("Enter starts", "small", wrap=False))
        self.start = button("Start the conversation", primary=True)
        self.start.setDefault(True)
        self.start.clicked.connect(self._start)
        footer.addWidget(self.start)
        outer.addLayout(footer)
        for key in ("Return", "Enter"):
            QShortcut(QKeySequence(key), self, self._enter, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Escape"), self, self.back_requested.emit,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def show_scenario(self, scenario, one_on_one=None) -> None:
        """Show a scenario's briefing from its top; ``one_on_one`` (a ``prepare.OneOnOne``) opens it
        with the real conversation it rehearses."""
        self.scenario = scenario
        self.one_on_one = one_on_one
        self.title.setText(scenario.title)
        self.live.setChecked(self.context.prefs.live_feedback)
        clear_layout(self.columns)
        left = QVBoxLayout()
        left.setSpacing(SPACE_L)
        if one_on_one is not None:
            left.addWidget(self._one_on_one_card(scenario, one_on_one))
        left.addWidget(self._situation_card(scenario))
        left.addWidget(self._label_card())
        left.addStretch(1)
        self.columns.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(self._rubric_card())
        right.addStretch(1)
        self.columns.addLayout(right, 1)
        self.scroll.verticalScrollBar().setValue(0)
        QTimer.singleShot(0, lambda: self.scroll.verticalScrollBar().setValue(0))  # once laid out anew
        self.start.setFocus()
        self.context.speech.prepare_player()

    def _one_on_one_card(self, scenario, one) -> Card:
        """The real conversation: who, what about, and the coaching goal said of them."""
        from ask_dont_tell.trainer.prep import for_person

        card = Card()
        card.setAccessibleName("Your real one-on-one")
        card.body.addWidget(text_label(f"Your one-on-one with {one.salesperson}" if one.salesperson
                                       else "Your one-on-one", "heading"))
        card.body.addWidget(text_label(one.describe(scenario.persona.name), "muted"))
        if one.salesperson:
            goal = for_person(scenario.goal, scenario, one.salesperson, one.pronouns)
            card.body.addWidget(text_label(f"Your goal with {one.salesperson}: {goal}", selectable=True))
        return card

    def _situation_card(self, scenario) -> Card:
        card = Card()
        persona = scenario.persona
        who = QHBoxLayout()
        who.setSpacing(SPACE_M)
        who.addWidget(Avatar(persona.avatar, persona.name, 72), 0, Qt.AlignmentFlag.AlignTop)
        names = QVBoxLayout()
        names.setSpacing(2)
        names.addWidget(text_label(persona.name, "heading"))
        names.addWidget(PhraseLabel(role_pieces(persona.role, persona.tenure), "muted"))
        names.addWidget(text_label(persona.temperament, "muted"))
        who.addLayout(names, 1)
        card.body.addLayout(who)
        card.body.addLayout(tag_row(scenario.tags, text_label(difficulty_text(scenario.difficulty), "small",
                                                              wrap=False)))
        card.body.addSpacing(SPACE_S)
        card.body.addWidget(text_label("The situation", "heading"))
        card.body.addWidget(text_label(" ".join(scenario.situation.split()), selectable=True))
        card.body.addSpacing(SPACE_S)
        card.body.addWidget(text_label("Your coaching goal", "heading"))
        card.body.addWidget(text_label(" ".join(scenario.goal.split()), selectable=True))
        if scenario.accountable_to:
            card.body.addSpacing(SPACE_S)
            card.body.addWidget(text_label("What they control, and could commit to", "heading"))
            for item in scenario.accountable_to:
                card.body.addWidget(text_label(f"•  {item}"))
        return card

    def _rubric_card(self) -> Card:
        card = Card()
        card.body.addWidget(text_label("How you are scored", "heading"))
        card.body.addWidget(text_label("Every point comes from one of these lines; the report shows each.", "small"))
        rules = QGridLayout()
        rules.setHorizontalSpacing(SPACE_M)
        rules.setVerticalSpacing(SPACE_S)
        for row, (what, points) in enumerate(score_rules()):
            rules.addWidget(text_label(what), row, 0)
            amount = text_label(points, "muted")  # wraps when narrow, so the rule's text keeps its room
            amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            rules.addWidget(amount, row, 1)
        rules.setColumnStretch(0, 3)
        rules.setColumnStretch(1, 2)
        card.body.addLayout(rules)
        card.body.addSpacing(SPACE_S)
        card.body.addWidget(text_label("Measures on the report", "heading"))
        for _, title, thresholds in measure_rows():
            # a ratio such as "3.0 : 1" is never broken across lines
            card.body.addWidget(text_label(f"{title}: {thresholds}".replace(" : ", "\u00a0:\u00a0")))
        return card

    def _label_card(self) -> Card:
        card = Card()
        card.body.addWidget(text_label("How each reply is labelled", "heading"))
        card.body.addWidget(text_label("A reply with several sentences takes the first label in this order.", "small"))
        guide = QGridLayout()
        guide.setHorizontalSpacing(SPACE_M)
        guide.setVerticalSpacing(SPACE_S)
        for row, (label, meaning) in enumerate(label_guide()):
            guide.addWidget(label_pill(label), row, 0, Qt.AlignmentFlag.AlignTop)
            guide.addWidget(text_label(meaning, "muted"), row, 1)
        guide.setColumnStretch(1, 1)
        card.body.addLayout(guide)
        return card

    def _enter(self) -> None:
        """Enter presses the focused button (e.g. Back), and otherwise starts."""
        focused = self.focusWidget()
        if isinstance(focused, QPushButton) and focused is not self.start:
            focused.click()
        else:
            self._start()

    def _save_prep_card(self) -> None:
        from .prepare import save_prep_card_as

        if self.scenario is not None:
            save_prep_card_as(self, self.context, self.scenario.id, self.one_on_one)

    def _start(self) -> None:
        if self.scenario is not None and self.isVisible():
            self.start_requested.emit(self.scenario.id, self.live.isChecked())
