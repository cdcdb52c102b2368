"""Practice: the conversation as a chat, the salesperson's openness and trust, and the reply box.

A reply is shown at once; it is classified in the background, then the engine moves the
salesperson (instant), the feedback chip and their answer appear, the answer is spoken, and the
turn is saved in the storage lane. The whole loop works from the keyboard.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from . import theme
from .context import AppContext
from .theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XL
from .widgets import (
    Card, ChatBubble, FeedbackChip, PersonaPanel, ReplyBox, button, clear_layout, confirm, scroll_area, text_label,
)

if TYPE_CHECKING:
    from ask_dont_tell.trainer.classify import Classification
    from ask_dont_tell.trainer.engine import Session, Turn
    from ask_dont_tell.trainer.practice import PracticeRun
    from ask_dont_tell.trainer.scenario import Scenario

KEYS_HELP = "Enter sends · Shift+Enter new line · Ctrl+H hint · Ctrl+E end"
VOICE_KEYS_HELP = "Ctrl+R replay · Esc skip · Ctrl+M mute"
SIDE_WIDTH = 272


#: Replies up to this length are classified on the spot (about 1.5 ms at most); longer ones in the
#: background, so a pasted essay never holds up the window.
INSTANT_REPLY_CHARS = 500


class PracticeScreen(QWidget):
    #: The session ended (by its ending or by the trainee); carries the report data.
    finished = Signal(object)
    #: A reply got its feedback (after the chip and the answer are on screen); carries the turn.
    turn_shown = Signal(object)
    #: The trainee ended a session before any reply: back to the library.
    abandoned = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.run: PracticeRun | None = None
        self.scenario: Scenario | None = None
        self.live = True
        self.pending = False
        self._generation = 0
        self._line_number = 0
        self._line_shown_at = 0.0
        self._last_line: tuple[object, str] | None = None
        self._bubbles: dict[object, ChatBubble] = {}
        self.chips: list[FeedbackChip] = []
        self.report: dict | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(SPACE_XL, SPACE_L, SPACE_XL, SPACE_L)
        outer.setSpacing(SPACE_M)
        header = QHBoxLayout()
        header.setSpacing(SPACE_M)
        self.title = text_label("", "title", wrap=False)
        header.addWidget(self.title, 1)
        self.turn_count = text_label("", "muted", wrap=False)
        header.addWidget(self.turn_count)
        self.end_button = button("End session", "End the session now", tip="Ctrl+E")
        self.end_button.clicked.connect(self.end_session)
        header.addWidget(self.end_button)
        outer.addLayout(header)

        body = QHBoxLayout()
        body.setSpacing(SPACE_L)
        outer.addLayout(body, 1)

        chat_column = QVBoxLayout()
        chat_column.setSpacing(SPACE_M)
        self.scroll, holder = scroll_area("Conversation")
        self.chat = QVBoxLayout(holder)
        self.chat.setContentsMargins(0, 0, SPACE_M, 0)
        self.chat.setSpacing(SPACE_M)
        self.chat.addStretch(1)
        self.scroll.verticalScrollBar().rangeChanged.connect(
            lambda _lo, hi: self.scroll.verticalScrollBar().setValue(hi))
        chat_column.addWidget(self.scroll, 1)

        composer = Card()
        composer.body.setContentsMargins(SPACE_M, SPACE_M, SPACE_M, SPACE_M)
        self.reply_box = ReplyBox()
        self.reply_box.setPlaceholderText("Your reply as the manager…")
        self.reply_box.setAccessibleName("Your reply")
        self.reply_box.setTabChangesFocus(True)
        self.reply_box.setFixedHeight(84)
        self.reply_box.submitted.connect(self.send)
        composer.body.addWidget(self.reply_box)
        actions = QHBoxLayout()
        actions.setSpacing(SPACE_S)
        actions.addWidget(text_label(KEYS_HELP, "small"), 1)
        self.hint_button = button("Hint", "Show a hint", tip="Ctrl+H")
        self.hint_button.clicked.connect(self.show_hint)
        actions.addWidget(self.hint_button)
        self.send_button = button("Send", "Send the reply", primary=True, tip="Enter")
        self.send_button.clicked.connect(self.send)
        actions.addWidget(self.send_button)
        composer.body.addLayout(actions)
        from .voice_input import ListenService, VoiceInputBar

        self.voice_bar = VoiceInputBar(ListenService.for_context(context), self.reply_box,
                                       lambda _text, _seconds: self.send(), lambda: self.context.prefs.review_spoken)
        composer.body.addWidget(self.voice_bar)
        self.ended_row = QWidget()
        ended = QHBoxLayout(self.ended_row)
        ended.setContentsMargins(0, 0, 0, 0)
        self.ended_text = text_label("The conversation has ended.", "heading")
        ended.addWidget(self.ended_text, 1)
        self.report_button = button("See your report", primary=True, tip="Enter")
        self.report_button.clicked.connect(self._show_report)
        ended.addWidget(self.report_button)
        self.ended_row.hide()
        composer.body.addWidget(self.ended_row)
        chat_column.addWidget(composer)
        body.addLayout(chat_column, 1)

        side = QVBoxLayout()
        side.setSpacing(SPACE_M)
        self.persona = PersonaPanel()
        self.persona.setFixedWidth(SIDE_WIDTH)
        side.addWidget(self.persona)
        voice = Card()
        voice.setFixedWidth(SIDE_WIDTH)
        voice.body.addWidget(text_label("Voice", "heading"))
        self.voice_state = text_label("", "small")
        voice.body.addWidget(self.voice_state)
        voice_buttons = QHBoxLayout()
        voice_buttons.setSpacing(SPACE_S)
        self.replay_button = button("Replay", "Replay the last line", tip="Ctrl+R")
        self.replay_button.clicked.connect(self.replay_last)
        self.skip_button = button("Skip", "Skip the line being spoken", tip="Esc")
        self.skip_button.clicked.connect(self.context.speech.skip)
        self.mute_button = button("Mute", "Mute the voice", tip="Ctrl+M")
        self.mute_button.setCheckable(True)
        self.mute_button.toggled.connect(self._mute)
        for widget in (self.replay_button, self.skip_button, self.mute_button):
            voice_buttons.addWidget(widget)
        voice.body.addLayout(voice_buttons)
        voice.body.addWidget(text_label(VOICE_KEYS_HELP, "small"))
        self.live_box = QCheckBox("Feedback after each reply")
        self.live_box.setAccessibleName("Live feedback after each reply")
        self.live_box.toggled.connect(self._set_live)
        voice.body.addWidget(self.live_box)
        side.addWidget(voice)
        side.addStretch(1)
        body.addLayout(side)

        shortcuts = {
            "Ctrl+H": self.show_hint, "Ctrl+R": self.replay_last, "Ctrl+M": self.mute_button.toggle,
            "Escape": self.context.speech.skip, "Ctrl+E": self.end_session,
        }
        for keys, action in shortcuts.items():
            QShortcut(QKeySequence(keys), self, action, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for keys in ("Return", "Enter"):
            QShortcut(QKeySequence(keys), self.ended_row, self._show_report,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.context.speech.playing.connect(self._playing)
        self.context.speech.playing.connect(lambda key: self.voice_bar.service.set_paused(key is not None))
        self.context.speech.ready.connect(lambda _voices: self._update_voice_state())
        self.context.prefs_changed.connect(self._update_voice_state)

    # --- starting -----------------------------------------------------------------------------

    @property
    def session(self) -> "Session | None":
        return self.run.session if self.run is not None else None

    @property
    def in_progress(self) -> bool:
        return self.session is not None and not self.session.finished and self.report is None

    def start(self, scenario: "Scenario", live: bool, run: "PracticeRun | None" = None) -> None:
        """Begin a new session, or go on with a resumed one (``run``)."""
        from ask_dont_tell.trainer.practice import PracticeRun

        self._generation += 1
        self.scenario = scenario
        fresh = run is None
        self.run = run or PracticeRun.new(scenario, self.context.store, self.context.trainee,
                                          cohort=self.context.prefs.cohort.strip() or None, record_now=False)
        self.report = None
        self.pending = False
        self.chips = []
        self._bubbles = {}
        self.live_box.blockSignals(True)
        self.live_box.setChecked(live)
        self.live_box.blockSignals(False)
        self.live = live
        clear_layout(self.chat)
        self.chat.addStretch(1)
        self.title.setText(scenario.title)
        self.persona.show_persona(scenario.persona, self.session.state)
        self.ended_row.hide()
        self._set_input_enabled(True)
        self.voice_bar.open(self.context.prefs.speak_replies)
        if fresh:
            run = self.run
            self.context.in_storage(lambda store: run.begin(), lambda _: self.context.history_changed.emit())
        for turn in self.session.turns:
            self._add_line(turn.salesperson, speak=False)
            self._add_reply(turn.reply)
            if self.live:
                self._add_chip(turn)
        self._add_line(self.session.current_line, speak=True)
        self._update_counts()
        self._update_voice_state()
        if self.session.finished:
            self._ended()
        self.reply_box.clear()
        self.reply_box.setFocus()

    # --- the conversation ---------------------------------------------------------------------

    def _row(self, widget: QWidget, mine: bool) -> None:
        row = QHBoxLayout()
        row.setSpacing(0)
        if mine:
            row.addStretch(1)
        row.addWidget(widget, 4)
        if not mine:
            row.addStretch(1)
        self.chat.addLayout(row)

    def _add_line(self, text: str, speak: bool) -> None:
        self._line_number += 1
        key = (self._generation, self._line_number)
        bubble = ChatBubble(self.scenario.persona.name, text, mine=False, replayable=True)
        bubble.replay_requested.connect(lambda: self._replay(key, text))
        self._bubbles[key] = bubble
        self._row(bubble, mine=False)
        self._last_line = (key, text)
        self._line_shown_at = time.perf_counter()
        if speak:
            self.context.speech.speak(key, text, self.scenario.persona.voice, self.context.voice_id_for(self.scenario))

    def _add_reply(self, text: str) -> None:
        self._row(ChatBubble("You", text, mine=True), mine=True)

    def _add_chip(self, turn: "Turn") -> None:
        deciding = next((s for s in turn.sentences if s.get("label") == turn.label and s.get("cue") == turn.cue), None)
        span = tuple(deciding["span"]) if deciding and deciding.get("span") and deciding["span"][1] else None
        chip = FeedbackChip(turn.reply, turn.label, turn.cue, turn.try_instead, span=span, not_sure=turn.not_sure,
                            disputable=self.context.store is not None, focus=turn.focus, focus_cue=turn.focus_cue,
                            sides_with_blame=turn.sides_with_blame, siding_cue=turn.siding_cue)
        run, index = self.run, turn.index
        chip.disputed.connect(lambda meant: self.context.in_storage(
            lambda store: store.dispute_label(run.session_id, index, meant)))
        self.chips.append(chip)
        self._row(chip, mine=True)

    def send(self) -> None:
        """Send the reply in the box: shown at once, classified in the background."""
        from ask_dont_tell.trainer.engine import MAX_REPLY_CHARS

        text = self.reply_box.toPlainText()
        if self.pending or not self.in_progress or not text.strip():
            return
        if len(text) > MAX_REPLY_CHARS:
            self.context.notice.emit(f"That reply is {len(text):,} characters; the limit is {MAX_REPLY_CHARS:,}.")
            return
        self.reply_box.clear()
        self.pending = True
        self.send_button.setEnabled(False)
        self._add_reply(text)
        think_ms = (time.perf_counter() - self._line_shown_at) * 1000
        generation, run = self._generation, self.run

        if len(text) <= INSTANT_REPLY_CHARS:
            # A typed reply of this size classifies in about a millisecond (bench_classify: p99
            # 0.6 ms a reply), so it is done here and the chip follows without a round trip.
            self._classified(generation, text, run.read(text), think_ms)
            return
        self.context.tasks.run(lambda: run.read(text),
                               lambda result: self._classified(generation, text, result, think_ms))

    def _classified(self, generation: int, text: str, classification: "Classification", think_ms: float) -> None:
        if generation != self._generation or self.session is None:
            return  # a new session started meanwhile
        self.pending = False
        self.send_button.setEnabled(True)
        run = self.run
        turn = run.apply(text, classification, think_ms, self.voice_bar.take_speech_seconds())
        self.context.in_storage(lambda store: run.save())  # queued before the answer shows
        if self.live:
            self._add_chip(turn)
        self.persona.update_state(turn.state)
        self.voice_bar.show_talk(self.session, self.scenario.persona)
        self._add_line(turn.response, speak=True)
        self._update_counts()
        if self.session.finished:
            self._ended()
        self.turn_shown.emit(turn)

    def _ended(self) -> None:
        outcome = self.session.outcome
        self.ended_text.setText({"success": "The conversation has ended well.",
                                 "partial": "The conversation has ended: partly resolved.",
                                 "failure": "The conversation has ended badly."}.get(outcome, "The conversation has ended."))
        self._set_input_enabled(False)
        self.ended_row.show()
        self.report_button.setFocus()
        self._finish_record()

    def _set_input_enabled(self, enabled: bool) -> None:
        if not enabled:
            self.voice_bar.stop()
        for widget in (self.reply_box, self.send_button, self.hint_button, self.end_button, self.voice_bar):
            widget.setEnabled(enabled)

    def _update_counts(self) -> None:
        replies = len(self.session.turns)
        self.turn_count.setText(f"{replies} {'reply' if replies == 1 else 'replies'}")

    def show_hint(self) -> None:
        if not self.in_progress:
            return
        hint = text_label(f"Hint: an open question that could work here: “{self.session.hint()}”", "muted")
        hint.setAccessibleName(f"Hint: {self.session.hint()}")
        hint.setStyleSheet(f"color: {theme.colours().good}; padding: 0 {SPACE_M}px;")
        self._row(hint, mine=True)
        self.reply_box.setFocus()

    # --- ending -------------------------------------------------------------------------------

    def end_session(self) -> None:
        """Ctrl+E or the button: ask first (Enter ends, Esc goes on with the conversation)."""
        if not self.in_progress or self.pending:
            return
        replies = len(self.session.turns)
        detail = (f"Your {replies} {'reply goes' if replies == 1 else 'replies go'} to the report as an unfinished "
                  "session." if replies else "Nothing has been said yet, so the session is dropped.")
        self.end_confirmation = confirm(self, "End the session now?", detail, "End session", self.end_now)

    def end_now(self) -> None:
        """End now: with replies, the (unfinished) session goes to the report; without, it is dropped."""
        if not self.in_progress or self.pending:
            return
        if not self.session.turns:
            run = self.run
            self.context.in_storage(lambda store: run.end(), lambda _: self.context.history_changed.emit())
            self.run = None
            self.context.speech.skip()
            self.voice_bar.stop()
            self.abandoned.emit()
            return
        self._finish_record()
        self._show_report()

    def _finish_record(self) -> None:
        if self.report is not None:
            return
        result = self.session.result()
        self.report = report_data(result, self.scenario)
        run, report = self.run, self.report

        def finished(end) -> None:
            report["session_id"] = end.session_id
            self.context.history_changed.emit()

        self.context.in_storage(lambda store: run.end(), finished)

    def _show_report(self) -> None:
        if self.report is not None and not self.pending:
            self.context.speech.skip()
            self.finished.emit(self.report)

    # --- voice --------------------------------------------------------------------------------

    def _replay(self, key: object, text: str) -> None:
        self.context.speech.replay(key, text, self.scenario.persona.voice, self.context.voice_id_for(self.scenario))

    def replay_last(self) -> None:
        if self._last_line is not None and self.scenario is not None:
            self._replay(*self._last_line)

    def _mute(self, muted: bool) -> None:
        self.context.speech.set_muted(muted)
        self.mute_button.setText("Unmute" if muted else "Mute")
        self.mute_button.setAccessibleName("Unmute the voice" if muted else "Mute the voice")
        self._update_voice_state()

    def _playing(self, key: object) -> None:
        for bubble_key, bubble in self._bubbles.items():
            bubble.set_playing(bubble_key == key)

    def _update_voice_state(self) -> None:
        speech = self.context.speech
        if not self.context.prefs.voice_on:
            text = "Voice is off (Settings)."
        elif speech.is_ready and speech.switched_off:
            text = "Speech is turned off for this run: lines are text only."
        elif speech.is_ready and not speech.available:
            text = "No speech engine: lines are text only."
        elif speech.is_ready and not speech.has_output:
            text = "No audio output device: lines are text only."
        elif speech.muted:
            text = "Muted."
        else:
            text = "The salesperson's lines are spoken."
        self.voice_state.setText(text)
        usable = self.context.prefs.voice_on and (speech.available and speech.has_output or not speech.is_ready)
        for widget in (self.replay_button, self.skip_button, self.mute_button):
            widget.setEnabled(usable)

    def _set_live(self, live: bool) -> None:
        self.live = live


def report_data(result, scenario: "Scenario") -> dict:
    """What the report shows, from a just-played session (the same keys as a stored one)."""
    data = result.to_dict()
    ending = scenario.endings.get(result.ending) if result.ending else None
    data.update(scenario_title=scenario.title, persona=scenario.persona.name,
                summary=ending.summary if ending else "", session_id=None)
    return data
