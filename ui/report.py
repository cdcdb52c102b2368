"""Report: the score and every line of it, the measures against their thresholds, the outcome,
and the transcript with the cue and a "try instead" for each reply.

It renders a plain dict with the keys of ``SessionResult.to_dict()`` (plus scenario_title,
persona, summary, session_id), so a session just played and one read from history look the same.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from trainer.scoring import Measures

from . import theme
from .rubric import format_value, measure_rows
from .theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XL
from .widgets import Card, Pill, button, clear_layout, highlight_cue, label_pill, scroll_area, text_label

OUTCOME_WORDS = {"success": "Success", "partial": "Partly resolved", "failure": "Failed",
                 "unfinished": "Not finished"}


class ReportScreen(QWidget):
    practise_again = Signal(str)
    library_requested = Signal()
    history_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: dict | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(SPACE_XL, SPACE_L, SPACE_XL, SPACE_L)
        outer.setSpacing(SPACE_M)
        header = QHBoxLayout()
        header.setSpacing(SPACE_M)
        self.title = text_label("", "title")
        header.addWidget(self.title, 1)
        self.history_button = button("History", "Open the history")
        self.history_button.clicked.connect(self.history_requested)
        self.library_button = button("Library", "Back to the library")
        self.library_button.clicked.connect(self.library_requested)
        self.again_button = button("Practise again", "Practise this scenario again", primary=True, tip="Ctrl+Enter")
        self.again_button.clicked.connect(self._again)
        for widget in (self.history_button, self.library_button, self.again_button):
            header.addWidget(widget, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(header)
        self.scroll, holder = scroll_area("Report")
        self.content = QVBoxLayout(holder)
        self.content.setContentsMargins(0, 0, SPACE_M, SPACE_L)
        self.content.setSpacing(SPACE_L)
        outer.addWidget(self.scroll, 1)
        QShortcut(QKeySequence("Ctrl+Return"), self, self._again, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def show_report(self, data: dict) -> None:
        self.data = data
        self.title.setText(f"Report: {data.get('scenario_title') or data.get('scenario', '')}")
        clear_layout(self.content)
        top = QHBoxLayout()
        top.setSpacing(SPACE_L)
        top.addWidget(self._score_card(data), 2)
        top.addWidget(self._breakdown_card(data), 3)
        self.content.addLayout(top)
        self.content.addWidget(self._measures_card(data))
        self.content.addWidget(self._transcript_card(data))
        self.content.addStretch(1)
        self.scroll.verticalScrollBar().setValue(0)
        self.again_button.setFocus()

    def _score_card(self, data: dict) -> Card:
        c = theme.colours()
        card = Card()
        card.body.addWidget(text_label("Score", "muted"))
        score = QLabel(f"{data.get('score') if data.get('score') is not None else '—'}")
        score.setStyleSheet(f"font-size: 44pt; font-weight: 800; color: {c.accent};")
        score.setAccessibleName(f"Score {data.get('score')} out of 100")
        row = QHBoxLayout()
        row.addWidget(score)
        row.addWidget(text_label("/ 100", "muted", wrap=False), 0, Qt.AlignmentFlag.AlignBottom)
        row.addStretch(1)
        card.body.addLayout(row)
        outcome = data.get("outcome") or "unfinished"
        tone = {"success": c.good, "partial": c.fair, "failure": c.low}.get(outcome, c.muted)
        pill = Pill(OUTCOME_WORDS.get(outcome, outcome), c.alt_base, tone)
        pill.setAccessibleName(f"Outcome: {OUTCOME_WORDS.get(outcome, outcome)}")
        card.body.addWidget(pill)
        if data.get("summary"):
            card.body.addWidget(text_label(data["summary"]))
        card.body.addStretch(1)
        return card

    def _breakdown_card(self, data: dict) -> Card:
        c = theme.colours()
        card = Card()
        card.body.addWidget(text_label("Where the points came from", "heading"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(SPACE_M)
        grid.setVerticalSpacing(SPACE_S)
        for row, line in enumerate(data.get("breakdown") or []):
            points = int(line["points"])
            grid.addWidget(text_label(line["text"][:1].upper() + line["text"][1:]), row, 0)
            amount = text_label(f"{points:+d}", wrap=False)
            colour = c.good if points > 0 else c.low if points < 0 else c.muted
            amount.setStyleSheet(f"color: {colour}; font-weight: 700;")
            grid.addWidget(amount, row, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 1)
        card.body.addLayout(grid)
        card.body.addStretch(1)
        return card

    def _measures_card(self, data: dict) -> Card:
        card = Card()
        card.body.addWidget(text_label("Your session against the coding manual", "heading"))
        measures = Measures(**data["measures"]) if data.get("measures") else None
        grid = QGridLayout()
        grid.setHorizontalSpacing(SPACE_L)
        grid.setVerticalSpacing(SPACE_S)
        for column, heading in enumerate(("Measure", "You", "Thresholds", "Rating")):
            grid.addWidget(text_label(heading, "small", wrap=False), 0, column)
        c = theme.colours()
        rows = measure_rows()
        for row, (name, title, thresholds) in enumerate(rows, start=1):
            value = getattr(measures, name) if measures else None
            rating = measures.rating(name) if measures else None
            shown = "no telling" if name == "ask_tell_ratio" and value is None and rating == "good" else \
                format_value(name, value)
            grid.addWidget(text_label(title, wrap=False), row, 0)
            grid.addWidget(text_label(shown, wrap=False), row, 1)
            grid.addWidget(text_label(thresholds, "muted"), row, 2)
            pill = Pill(rating or "n/a", c.alt_base, theme.rating_colour(rating))
            pill.setAccessibleName(f"{title}: {rating or 'not applicable'}")
            grid.addWidget(pill, row, 3)
        if measures:
            extra = len(rows) + 1
            kept = "yes" if measures.responsibility_kept else "no: you took it over"
            grid.addWidget(text_label("Responsibility kept", wrap=False), extra, 0)
            grid.addWidget(text_label(kept), extra, 1, 1, 2)
            grid.addWidget(text_label("Judgments", wrap=False), extra + 1, 0)
            grid.addWidget(text_label(str(measures.judgments)), extra + 1, 1)
        grid.setColumnStretch(2, 1)
        card.body.addLayout(grid)
        if measures:
            counts = [f"{n} {name.replace('_', ' ')}" for name, n in measures.counts.items() if n]
            card.body.addWidget(text_label("Replies: " + (", ".join(counts) or "none"), "muted"))
        return card

    def _transcript_card(self, data: dict) -> Card:
        c = theme.colours()
        card = Card()
        card.body.addWidget(text_label("The conversation, reply by reply", "heading"))
        persona = data.get("persona") or "Salesperson"
        for turn in data.get("turns") or []:
            block = QVBoxLayout()
            block.setSpacing(SPACE_S)
            block.addWidget(text_label(f"{persona}: {turn['salesperson']}", "muted"))
            row = QHBoxLayout()
            row.setSpacing(SPACE_M)
            row.addWidget(label_pill(turn["label"]), 0, Qt.AlignmentFlag.AlignTop)
            reply = QLabel(f"<b>You:</b> {highlight_cue(turn['reply'], turn.get('cue') or '')}")
            reply.setTextFormat(Qt.TextFormat.RichText)
            reply.setWordWrap(True)
            row.addWidget(reply, 1)
            block.addLayout(row)
            if turn.get("cue"):
                block.addWidget(text_label(f"Decided by: “{turn['cue']}”", "small"))
            if turn.get("try_instead"):
                better = text_label(f"Try instead: {turn['try_instead']}")
                better.setStyleSheet(f"color: {c.good}; font-weight: 600;")
                block.addWidget(better)
            card.body.addLayout(block)
            line = QFrame()
            line.setFrameShape(QFrame.Shape.HLine)
            line.setStyleSheet(f"color: {c.border};")
            card.body.addWidget(line)
        if not data.get("turns"):
            card.body.addWidget(text_label("No replies in this session.", "muted"))
        return card

    def _again(self) -> None:
        if self.data is not None:
            self.practise_again.emit(self.data.get("scenario", ""))


def stored_report(detail: dict, library) -> dict:
    """Report data from ``SessionStore.session_detail`` (the scenario may no longer be installed)."""
    data = dict(detail)
    scenario = library.scenarios.get(detail["scenario"]) if library is not None else None
    data["persona"] = scenario.persona.name if scenario else "Salesperson"
    data["summary"] = ""
    if scenario and detail.get("ending") in scenario.endings:
        data["summary"] = scenario.endings[detail["ending"]].summary
    data["outcome"] = detail.get("outcome") or "unfinished"
    data["session_id"] = detail["id"]
    return data
