"""Report: the score and every line of it, the measures against their thresholds, the outcome,
and the transcript with the cue and a "try instead" for each reply.

It renders a plain dict with the keys of ``SessionResult.to_dict()`` (plus scenario_title,
persona, summary, session_id), so a session just played and one read from history look the same.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ask_dont_tell.trainer.labels import SHORT_NAMES
from ask_dont_tell.trainer.scoring import THRESHOLDS, Measures, measured_rating

from . import theme
from .rubric import measure_rows
from .theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XL
from .widgets import Card, Pill, button, clear_layout, highlight_cue, label_pill, scroll_area, text_label

#: The outcome in words; "unfinished" is a session the trainee ended before the conversation did.
OUTCOME_WORDS = {"success": "Success", "partial": "Partly resolved", "failure": "Failed",
                 "unfinished": "Ended early"}


def outcome_text(outcome: str | None, status: str = "finished") -> str:
    """The outcome for a table or a pill: none yet for a session that is still open."""
    if status != "finished" or not outcome:
        return "—"
    return OUTCOME_WORDS.get(outcome, outcome.capitalize())


class ReportScreen(QWidget):
    practise_again = Signal(str)
    library_requested = Signal()
    history_requested = Signal()
    #: The trainee rated themselves (1-5) before reading the report of the session just played.
    self_rated = Signal(int)

    def __init__(self, context=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context  # AppContext; without one, retry and the prep card are not offered
        self.data: dict | None = None
        self.retry_dialog = None
        self.rating_panel = None
        #: The real one-on-one this session rehearsed (a ``prepare.OneOnOne``), for the prep card.
        self.one_on_one = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(SPACE_XL, SPACE_L, SPACE_XL, SPACE_L)
        outer.setSpacing(SPACE_M)
        # The title beside the buttons when it fits on one line there; otherwise the buttons go on
        # a row of their own under it, so the title never wraps for want of their room.
        self.header = QGridLayout()
        self.header.setHorizontalSpacing(SPACE_M)
        self.header.setVerticalSpacing(SPACE_S)
        self.title = text_label("", "title")
        self.header_buttons = QWidget()
        buttons = QHBoxLayout(self.header_buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(SPACE_M)
        buttons.addStretch(1)
        self.history_button = button("History", "Open the history")
        self.history_button.clicked.connect(self.history_requested)
        self.library_button = button("Library", "Back to the library")
        self.library_button.clicked.connect(self.library_requested)
        self.again_button = button("Practise again", "Practise this scenario again", primary=True, tip="Ctrl+Enter")
        self.again_button.clicked.connect(self._again)
        self.prep_button = button("Prep card…", "Save a one-page prep card for this situation as a PDF")
        self.prep_button.clicked.connect(self._choose_prep_card_file)
        self.prep_button.setVisible(context is not None)
        for widget in (self.history_button, self.library_button, self.prep_button, self.again_button):
            buttons.addWidget(widget)
        self._buttons_below: bool | None = None
        self._place_header(False)
        outer.addLayout(self.header)
        self.scroll, holder = scroll_area("Report")
        self.content = QVBoxLayout(holder)
        self.content.setContentsMargins(0, 0, SPACE_M, SPACE_L)
        self.content.setSpacing(SPACE_L)
        outer.addWidget(self.scroll, 1)
        QShortcut(QKeySequence("Ctrl+Return"), self, self._again, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _place_header(self, below: bool) -> None:
        if below == self._buttons_below:
            return
        self._buttons_below = below
        self.header.removeWidget(self.title)
        self.header.removeWidget(self.header_buttons)
        self.header.addWidget(self.title, 0, 0)
        if below:
            self.header.addWidget(self.header_buttons, 1, 0)
        else:
            self.header.addWidget(self.header_buttons, 0, 1, Qt.AlignmentFlag.AlignTop)
        self.header.setColumnStretch(0, 1)

    def _arrange_header(self) -> None:
        """Buttons beside the title if the whole title fits there on one line, else below it."""
        margins = self.layout().contentsMargins()
        room = self.width() - margins.left() - margins.right()
        beside = room - self.header_buttons.sizeHint().width() - self.header.horizontalSpacing()
        self.title.ensurePolished()
        needed = self.title.fontMetrics().horizontalAdvance(self.title.text()) + 4
        self._place_header(needed > beside)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._arrange_header()

    def show_report(self, data: dict, ask_rating: bool = False) -> None:
        """Show the report; with ``ask_rating``, first ask for the self-rating and show the rest after."""
        from .prepare import SelfRatingPanel

        self.data = data
        self.title.setText(f"Report: {data.get('scenario_title') or data.get('scenario', '')}")
        self._arrange_header()
        clear_layout(self.content)
        self.rating_panel = None
        if ask_rating and not data.get("self_rating"):
            self.rating_panel = SelfRatingPanel()
            self.rating_panel.rated.connect(self._rated)
            self.content.addWidget(self.rating_panel)
            self.content.addStretch(1)
            self.scroll.verticalScrollBar().setValue(0)
            self.rating_panel.setFocus()  # no choice is preselected: a stray Enter records nothing
            return
        top = QHBoxLayout()
        top.setSpacing(SPACE_L)
        top.addWidget(self._score_card(data))
        top.addWidget(self._breakdown_card(data), 1)
        self.content.addLayout(top)
        if data.get("self_rating"):
            self.content.addWidget(self._self_rating_card(data))
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
        final_line = data.get("final_line") or _final_line(data)
        if final_line:
            last = text_label(f"{data.get('persona') or 'Salesperson'}, last: “{final_line}”", "muted")
            last.setAccessibleName(f"Their final line: {final_line}")
            card.body.addWidget(last)
        card.body.addStretch(1)
        # as wide as the score needs, and a little more for the summary: the breakdown gets the rest
        card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        card.setMinimumWidth(220)
        card.setMaximumWidth(340 if data.get("summary") else 260)
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

    def _self_rating_card(self, data: dict) -> Card:
        """The trainee's own 1-5 rating beside what the measures say, on the same scale."""
        card = Card()
        card.body.addWidget(text_label("How much did you ask rather than tell?", "heading"))
        measures = Measures.from_stored(data.get("measures")) or Measures.from_stored({})
        measured = measured_rating(measures)
        share = measures.open_question_share
        row = QHBoxLayout()
        row.setSpacing(SPACE_XL)
        self.self_rating_label = text_label(f"You rated yourself: {data['self_rating']} / 5", wrap=False)
        self.self_rating_label.setStyleSheet("font-weight: 700;")
        row.addWidget(self.self_rating_label)
        measured_text = f"Measured: {measured} / 5" if measured is not None else "Measured: no asking or telling"
        measured_text += (f" ({measures.ask} asked, {measures.telling} told: advice, leading questions, "
                          "takeovers and judgments")
        measured_text += f"; open-question share {share:.0%}" if share is not None else ""
        left_out = measures.replies - measures.ask - measures.telling
        measured_text += f"; {_count(left_out, 'other reply', 'other replies')} (small talk, affirmations) " \
            "not counted)" if left_out > 0 else ")"
        self.measured_label = text_label(measured_text)
        row.addWidget(self.measured_label, 1)
        card.body.addLayout(row)
        if measured is not None and data["self_rating"] != measured:
            gap = "more" if data["self_rating"] > measured else "less"
            card.body.addWidget(text_label(f"You felt you asked {gap} than you did: read the replies below.", "muted"))
        return card

    def _measures_card(self, data: dict) -> Card:
        card = Card()
        card.body.addWidget(text_label("Your session, measured", "heading"))
        card.body.addWidget(text_label(
            "The measures of the coding manual. Each threshold names its source: the manual's (MITI values, "
            "talking under half) or, where the manual sets none, this trainer's own target.", "muted"))
        measures = Measures.from_stored(data.get("measures"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(SPACE_L)
        grid.setVerticalSpacing(SPACE_S)
        for column, heading in enumerate(("Measure", "You", "Thresholds", "Rating")):
            grid.addWidget(text_label(heading, "small", wrap=False), 0, column)
        c = theme.colours()
        rows = measure_rows()
        for row, (name, title, thresholds) in enumerate(rows, start=1):
            verdict = THRESHOLDS[name].verdict(measures) if measures else None
            rating = verdict.rating if verdict else None
            grid.addWidget(text_label(title), row, 0)
            grid.addWidget(text_label(verdict.detail if verdict else "—"), row, 1)
            grid.addWidget(text_label(thresholds, "muted"), row, 2)
            pill = Pill(rating or "n/a", c.alt_base, theme.rating_colour(rating))
            pill.setAccessibleName(f"{title}: {rating or 'not applicable'}")
            grid.addWidget(pill, row, 3)
        for column, stretch in ((0, 3), (1, 3), (2, 3)):  # the three texts share the width; none is squeezed
            grid.setColumnStretch(column, stretch)
        card.body.addLayout(grid)
        if measures:
            counts = [f"{n} {name.replace('_', ' ')}" for name, n in measures.counts.items() if n]
            card.body.addWidget(text_label("Replies: " + (", ".join(counts) or "none"), "muted"))
        from ask_dont_tell.trainer.listen import talk_summary

        scenario = self._scenario()
        talk = talk_summary(data.get("turns") or [], data.get("persona") or "the salesperson",
                            scenario.persona.voice.rate if scenario else 150)
        if talk:
            card.body.addWidget(text_label(talk, "muted"))
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
            if turn.get("disputed_label") in SHORT_NAMES:
                meant = text_label(f"You said you meant this as {SHORT_NAMES[turn['disputed_label']].lower()} "
                                   f"(disputed; listed for the trainers).", "small")
                meant.setAccessibleName(f"Disputed: you meant this as {SHORT_NAMES[turn['disputed_label']]}")
                block.addWidget(meant)
            if turn.get("try_instead"):
                better = text_label(f"Try instead: {turn['try_instead']}")
                better.setStyleSheet(f"color: {c.good}; font-weight: 600;")
                block.addWidget(better)
            if self._scenario() is not None and data.get("seed") is not None:
                retry = button("Retry this moment", f"Retry reply {turn['index'] + 1}: rewrite it and see how it lands")
                retry.clicked.connect(lambda _=False, index=turn["index"]: self.open_retry(index))
                block.addWidget(retry, 0, Qt.AlignmentFlag.AlignLeft)
            card.body.addLayout(block)
            line = QFrame()
            line.setFrameShape(QFrame.Shape.HLine)
            line.setStyleSheet(f"color: {c.border};")
            card.body.addWidget(line)
        if not data.get("turns"):
            card.body.addWidget(text_label("No replies in this session.", "muted"))
        return card

    def _rated(self, rating: int | None) -> None:
        if self.data is None:
            return
        if rating is not None:
            self.data["self_rating"] = rating
            self.self_rated.emit(rating)
        self.show_report(self.data)

    def _scenario(self):
        library = self.context.library if self.context is not None else None
        scenario_id = (self.data or {}).get("scenario")
        return library.scenarios.get(scenario_id) if library is not None and scenario_id else None

    def open_retry(self, turn_index: int):
        """Open the retry dialog for one reply (the recorded session is not changed)."""
        from .retry import RetryDialog

        data = self.data or {}
        self.retry_dialog = RetryDialog(self.context, self._scenario(), data["seed"], data["turns"], turn_index,
                                        data.get("persona") or "Salesperson", self)
        self.retry_dialog.open()
        return self.retry_dialog

    def _choose_prep_card_file(self) -> None:
        from .prepare import save_prep_card_as

        if self.data is not None and self._scenario() is not None:
            save_prep_card_as(self, self.context, self.data["scenario"], self.one_on_one)

    def save_prep_card(self, path: str) -> None:
        """Write this situation's prep card to ``path`` off the UI thread."""
        from .prepare import write_prep_card_later

        if self.data is not None and self._scenario() is not None:
            write_prep_card_later(self.context, self.data["scenario"], path, self.one_on_one)

    def _again(self) -> None:
        if self.data is not None:
            self.practise_again.emit(self.data.get("scenario", ""))


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _final_line(data: dict) -> str:
    turns = data.get("turns") or []
    return turns[-1].get("response", "") if turns else ""


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
