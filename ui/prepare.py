"""Preparing for a real one-on-one: pick the closest situation, rate yourself, take a prep card.

``PrepareDialog`` chooses the scenario closest to the coming conversation (with the salesperson's
name and the topic, both optional); ``SelfRatingPanel`` asks, before the report, how much the
trainee asked rather than told; ``write_prep_card_later`` writes the one-page card off the UI
thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from .context import AppContext
from .theme import SPACE_M, SPACE_S
from .widgets import Card, FlowLayout, button, dialog_column, documents_folder, text_label

RATING_WORDS = {1: "I mostly told", 2: "More telling than asking", 3: "About even",
                4: "More asking than telling", 5: "I mostly asked"}


@dataclass(frozen=True)
class OneOnOne:
    """The real conversation a rehearsal prepares for."""

    scenario_id: str
    salesperson: str = ""
    topic: str = ""
    #: How the prep card speaks of them: "she", "he" or "they" (neutral unless chosen).
    pronouns: str = "they"

    def describe(self, persona: str) -> str:
        """The line the rehearsal's briefing opens with."""
        who = f"your one-on-one with {self.salesperson}" if self.salesperson else "your one-on-one"
        about = f" about “{self.topic}”" if self.topic else ""
        stand_in = f" {persona} stands in for {PRONOUN_OBJECT.get(self.pronouns, 'them')} here;" \
            if self.salesperson else ""
        return (f"You are rehearsing {who}{about}.{stand_in} the prep card from this rehearsal speaks of "
                f"{self.salesperson or 'the salesperson'} and the topic.")


#: The object pronoun for each choice, for the briefing's line.
PRONOUN_OBJECT = {"she": "her", "he": "him", "they": "them"}
PRONOUN_CHOICES = (("they / them (neutral)", "they"), ("she / her", "she"), ("he / him", "he"))


class PrepareDialog(QDialog):
    """Choose the situation closest to the coming conversation, then rehearse it."""

    rehearse = Signal(object)  # OneOnOne

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = dialog_column(self, "Prepare for a one-on-one", "Prepare for a one-on-one",
                               "Rehearse the situation closest to the conversation you are about to have, "
                               "then take a prep card into it.", 560)
        form = QFormLayout()
        form.setSpacing(SPACE_S)
        self.situation = QComboBox()
        self.situation.setAccessibleName("The situation closest to your conversation")
        library = context.library
        for scenario in sorted(library.scenarios.values(), key=lambda s: s.title) if library else []:
            self.situation.addItem(scenario.title, scenario.id)
        self.situation.currentIndexChanged.connect(self._describe)
        form.addRow("Closest situation", self.situation)
        self.salesperson = QLineEdit()
        self.salesperson.setPlaceholderText("optional, e.g. Priya")
        self.salesperson.setAccessibleName("Salesperson's name (optional)")
        form.addRow("Salesperson", self.salesperson)
        self.pronouns = QComboBox()
        self.pronouns.setAccessibleName("The salesperson's pronouns")
        for text, value in PRONOUN_CHOICES:
            self.pronouns.addItem(text, value)
        form.addRow("Pronouns", self.pronouns)
        self.topic = QLineEdit()
        self.topic.setPlaceholderText("optional, e.g. the stalled Harlow deal")
        self.topic.setAccessibleName("Topic (optional)")
        form.addRow("Topic", self.topic)
        column.addLayout(form)
        self.description = text_label("", "muted")
        self.description.setMinimumHeight(72)
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop)
        column.addWidget(self.description)
        self._library = library
        actions = QHBoxLayout()
        actions.addStretch(1)
        cancel = button("Cancel")
        cancel.clicked.connect(self.reject)
        self.start = button("Rehearse", "Rehearse this situation", primary=True)
        self.start.setDefault(True)
        self.start.setEnabled(self.situation.count() > 0)
        self.start.clicked.connect(self._rehearse)
        actions.addWidget(cancel)
        actions.addWidget(self.start)
        column.addLayout(actions)
        self._describe()

    def _describe(self) -> None:
        scenario_id = self.situation.currentData()
        if self._library is None or scenario_id is None:
            self.description.setText("No scenarios are loaded.")
            return
        self.description.setText(" ".join(self._library.get(scenario_id).situation.split()))

    def _rehearse(self) -> None:
        scenario_id = self.situation.currentData()
        if scenario_id is None:
            return
        self.rehearse.emit(OneOnOne(scenario_id, " ".join(self.salesperson.text().split()),
                                    " ".join(self.topic.text().split()), self.pronouns.currentData() or "they"))
        self.accept()


class SelfRatingPanel(Card):
    """Before the report: how much did I ask rather than tell? (1-5, judged before seeing the measures).

    The keys 1 to 5 rate; no choice is preselected, so Enter alone records nothing. The choices
    wrap onto two rows when the window is narrow, so nothing is cut off at 1024x700.
    """

    rated = Signal(object)  # the rating 1-5, or None when skipped

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Rate yourself from 1 to 5 (keys 1 to 5)")
        self.body.setSpacing(SPACE_M)
        self.body.addWidget(text_label("Before you read your report", "heading"))
        self.body.addWidget(text_label("How much did you ask rather than tell? Rate yourself first (press 1 to 5, "
                                       "or choose); the report then sets your rating beside what was measured.",
                                       "muted"))
        row = FlowLayout(spacing=SPACE_S)
        self.buttons: dict[int, QPushButton] = {}
        for value, words in RATING_WORDS.items():
            choice = button(f"{value}  {words}", f"Rate yourself {value}: {words}", tip=f"Key {value}")
            choice.setAutoDefault(False)
            choice.clicked.connect(lambda _=False, value=value: self.rated.emit(value))
            self.buttons[value] = choice
            row.addWidget(choice)
        self.body.addLayout(row)
        skip_row = QHBoxLayout()
        skip_row.addStretch(1)
        self.skip = button("Skip to the report", "Skip the self-rating")
        self.skip.setAutoDefault(False)
        self.skip.clicked.connect(lambda: self.rated.emit(None))
        skip_row.addWidget(self.skip)
        self.body.addLayout(skip_row)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """1-5 rate (here or on any of its buttons, which pass digits on)."""
        value = event.key() - Qt.Key.Key_0
        if value in self.buttons and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.buttons[value].click()
            return
        super().keyPressEvent(event)


def prep_card_path(scenario_id: str, one: OneOnOne | None = None) -> str:
    """Where the save dialog proposes the card: the documents folder, named for the person or situation."""
    who = one.salesperson if one is not None and one.salesperson else scenario_id
    slug = "-".join("".join(char.lower() if char.isalnum() else " " for char in who).split()) or "card"
    return str(documents_folder() / f"prep-card-{slug}.pdf")


def save_prep_card_as(parent: QWidget, context: AppContext, scenario_id: str, one: OneOnOne | None = None) -> None:
    """Ask where to save the prep card (a save dialog opening in the documents folder), then write
    it off the UI thread."""
    path, _ = QFileDialog.getSaveFileName(parent, "Save the prep card", prep_card_path(scenario_id, one), "PDF (*.pdf)")
    if path:
        write_prep_card_later(context, scenario_id, path, one)


def write_prep_card_later(context: AppContext, scenario_id: str, path: str, one: OneOnOne | None = None,
                          done: Callable[[str], None] | None = None) -> None:
    """Write the prep card in the storage lane (it reads the trainee's attempts) and tell the user."""
    from PySide6.QtCore import QLocale

    from ask_dont_tell.trainer.prep import gather_prep_card, paper_for_locale, recorded_attempts, write_prep_card

    library, trainee = context.library, context.trainee
    # the system's locale (Windows and macOS settings, not only the LANG variables): Letter or A4
    paper = paper_for_locale({"LANG": QLocale().name()})

    def build(store) -> str:
        scenario = library.get(scenario_id)
        sessions = recorded_attempts(store, scenario_id, trainee) if store is not None else []
        card = gather_prep_card(scenario, sessions, trainee, one.salesperson if one else "", one.topic if one else "",
                                one.pronouns if one else "they")
        return str(write_prep_card(card, path, paper))

    def written(out: str) -> None:
        context.notice.emit(f"Prep card saved: {out}")
        if done is not None:
            done(out)

    def failed(error: BaseException) -> None:
        context.notice.emit(f"The prep card could not be written: {error}")

    if not context.in_storage(build, written, failed):
        context.tasks.run(lambda: build(None), written, failed)
