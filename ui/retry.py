"""Retry a moment: rewrite one reply of a report and see how it would have landed.

The rewritten reply is classified and played against the very moment of the recorded session
(``trainer.retry.retry_turn``, off the UI thread); the recorded session is never changed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QVBoxLayout, QWidget

from . import theme
from .context import AppContext
from .theme import SPACE_L, SPACE_M, SPACE_S
from .widgets import ReplyBox, button, clear_layout, label_pill, text_label


class RetryDialog(QDialog):
    """Rewrite the reply at ``turn_index`` of a report's ``turns``; nothing is saved."""

    #: The result of a retry is on screen (carries the ``RetryResult``).
    shown = Signal(object)

    def __init__(self, context: AppContext, scenario, seed: int, turns: list[dict], turn_index: int,
                 persona: str = "Salesperson", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.scenario, self.seed, self.turns, self.turn_index = scenario, seed, list(turns), turn_index
        self.persona = persona
        self.result = None
        self._asked = 0
        turn = turns[turn_index]
        self.setWindowTitle(f"Retry reply {turn_index + 1}")
        self.setMinimumWidth(600)
        self.resize(660, 480)  # room for the answer, which arrives after the dialog is laid out
        column = QVBoxLayout(self)
        column.setSpacing(SPACE_M)
        column.setContentsMargins(SPACE_L, SPACE_L, SPACE_L, SPACE_L)
        column.addWidget(text_label(f"Retry reply {turn_index + 1}", "heading"))
        column.addWidget(text_label(f"{persona}: {turn['salesperson']}", "muted"))
        said = QHBoxLayout()
        said.setSpacing(SPACE_S)
        said.addWidget(label_pill(turn["label"]), 0, Qt.AlignmentFlag.AlignTop)
        said.addWidget(text_label(f"You said: {turn['reply']}"), 1)
        column.addLayout(said)
        self.editor = ReplyBox()
        self.editor.setPlaceholderText("Rewrite your reply, e.g. as an open question; Enter tries it, "
                                       "Shift+Enter starts a new line")
        self.editor.setAccessibleName("Your rewritten reply (Enter tries it)")
        self.editor.submitted.connect(self.try_reply)
        self.editor.setFixedHeight(80)
        column.addWidget(self.editor)
        from .voice_input import ListenService, VoiceInputBar

        self.voice_bar = VoiceInputBar(ListenService.for_context(context), self.editor,
                                       lambda _text, _seconds: self.try_reply(), lambda: context.prefs.review_spoken)
        self.voice_bar.open(context.prefs.speak_replies)
        self.finished.connect(lambda _result: self.voice_bar.stop())
        column.addWidget(self.voice_bar)
        actions = QHBoxLayout()
        actions.addWidget(text_label("The recorded session is not changed.", "small"), 1)
        close = button("Close")
        close.clicked.connect(self.reject)
        self.try_button = button("Try it", "Try the rewritten reply", primary=True, tip="Enter")
        self.try_button.setAutoDefault(False)
        self.try_button.clicked.connect(self.try_reply)
        actions.addWidget(close)
        actions.addWidget(self.try_button)
        column.addLayout(actions)
        self.outcome = QVBoxLayout()
        self.outcome.setSpacing(SPACE_S)
        column.addLayout(self.outcome)
        column.addStretch(1)
        self.editor.setFocus()

    def try_reply(self) -> None:
        from ask_dont_tell.trainer.retry import retry_turn

        text = self.editor.toPlainText().strip()
        if not text:
            self._show_problem("Write a reply to try.")
            return
        self._asked += 1
        asked = self._asked
        scenario, seed, turns, index = self.scenario, self.seed, self.turns, self.turn_index
        self.context.tasks.run(lambda: retry_turn(scenario, seed, turns, index, text),
                               lambda result: self._show(asked, result),
                               lambda error: self._show_problem(f"That reply cannot be tried: {error}"))

    def _show_problem(self, text: str) -> None:
        clear_layout(self.outcome)
        self.outcome.addWidget(text_label(text, "muted"))

    def _show(self, asked: int, result) -> None:
        if asked != self._asked:  # an older try came back after a newer one was sent
            return
        self.result = result
        c = theme.colours()
        clear_layout(self.outcome)
        row = QHBoxLayout()
        row.setSpacing(SPACE_S)
        row.addWidget(text_label("Now:", wrap=False))
        row.addWidget(label_pill(result.label))
        if result.cue:
            row.addWidget(text_label(f"decided by “{result.cue}”", "small"), 1)
        else:
            row.addStretch(1)
        self.outcome.addLayout(row)
        answer = text_label(f"{self.persona}: {result.response}")
        answer.setObjectName("retryAnswer")
        self.outcome.addWidget(answer)
        if result.try_instead:
            better = text_label(f"Try instead: {result.try_instead}")
            better.setStyleSheet(f"color: {c.good}; font-weight: 600;")
            self.outcome.addWidget(better)
        if result.ended:
            self.outcome.addWidget(text_label(f"The conversation would have ended here ({result.outcome}).", "small"))
        self.shown.emit(result)
