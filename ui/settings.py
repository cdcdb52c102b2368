"""Settings: voice, speech rate, speaking replies (and whether to review them), a voice per persona,
live or end-only feedback, the trainer's scenarios folder, the workshop cohort, where the data is,
and light/dark (following the system unless chosen)."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Qt, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from .context import AppContext
from .theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XL
from .widgets import Card, button, clear_layout, scroll_area, text_label

SAMPLE_LINE = "Honestly, I just need you to tell me what to do."


class SettingsScreen(QWidget):
    appearance_changed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        outer = QVBoxLayout(self)
        outer.setContentsMargins(SPACE_XL, SPACE_XL, SPACE_XL, 0)
        outer.setSpacing(SPACE_L)
        outer.addWidget(text_label("Settings", "title"))
        scroll, holder = scroll_area("Settings")
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, SPACE_M, SPACE_XL)
        column.setSpacing(SPACE_L)
        outer.addWidget(scroll, 1)

        voice = Card()
        voice.body.addWidget(text_label("Voice", "heading"))
        self.voice_on = QCheckBox("Speak the salesperson's lines")
        self.voice_on.setAccessibleName("Voice on")
        self.voice_on.toggled.connect(lambda on: self._changed(voice_on=on))
        voice.body.addWidget(self.voice_on)
        self.engine_state = text_label("", "small")
        voice.body.addWidget(self.engine_state)
        rate_row = QHBoxLayout()
        rate_row.setSpacing(SPACE_M)
        rate_row.addWidget(text_label("Speech rate", wrap=False))
        self.rate = QSlider(Qt.Orientation.Horizontal)
        self.rate.setMaximumWidth(420)
        self.rate.setRange(50, 150)
        self.rate.setSingleStep(5)
        self.rate.setPageStep(10)
        self.rate.setAccessibleName("Speech rate in percent")
        self.rate.valueChanged.connect(self._rate_moved)
        self.rate.sliderReleased.connect(self._rate_chosen)
        rate_row.addWidget(self.rate, 1)
        self.rate_value = text_label("100%", wrap=False)
        self.rate_value.setMinimumWidth(48)
        rate_row.addWidget(self.rate_value)
        rate_row.addStretch(1)
        voice.body.addLayout(rate_row)
        column.addWidget(voice)

        speaking = Card()
        speaking.body.addWidget(text_label("Speaking your replies", "heading"))
        self.speak_replies = QCheckBox("Let me speak my replies (hold to talk, or hands-free)")
        self.speak_replies.setAccessibleName("Speak replies")
        self.speak_replies.toggled.connect(lambda on: self._changed(speak_replies=on))
        speaking.body.addWidget(self.speak_replies)
        self.review_spoken = QRadioButton("Review first: a spoken reply waits a moment in the box, to correct it")
        self.review_spoken.setAccessibleName("Review a spoken reply before it is sent")
        self.send_spoken = QRadioButton("Send at once")
        self.send_spoken.setAccessibleName("Send a spoken reply at once")
        spoken_group = QButtonGroup(self)
        spoken_group.addButton(self.review_spoken)
        spoken_group.addButton(self.send_spoken)
        self.review_spoken.toggled.connect(lambda on: self._changed(review_spoken=on))
        speaking.body.addWidget(self.review_spoken)
        speaking.body.addWidget(self.send_spoken)
        self.listen_state = text_label("", "small")
        speaking.body.addWidget(self.listen_state)
        column.addWidget(speaking)

        feedback = Card()
        feedback.body.addWidget(text_label("Feedback", "heading"))
        self.live = QRadioButton("After each reply, and in the report")
        self.live.setAccessibleName("Live feedback after each reply")
        self.end_only = QRadioButton("Only in the report at the end")
        self.end_only.setAccessibleName("Feedback only in the report")
        group = QButtonGroup(self)
        group.addButton(self.live)
        group.addButton(self.end_only)
        self.live.toggled.connect(lambda on: self._changed(live_feedback=on))
        feedback.body.addWidget(self.live)
        feedback.body.addWidget(self.end_only)
        self.practise_next = QCheckBox("Suggest what to practise next, with a streak and a calendar (library)")
        self.practise_next.setAccessibleName("Suggest what to practise next")
        self.practise_next.toggled.connect(lambda on: self._changed(practise_next=on))
        feedback.body.addWidget(self.practise_next)
        column.addWidget(feedback)

        appearance = Card()
        appearance.body.addWidget(text_label("Appearance", "heading"))
        self.appearance = QComboBox()
        self.appearance.setAccessibleName("Light or dark appearance")
        self.appearance.setMaximumWidth(320)
        for text, value in (("Follow the system", "system"), ("Light", "light"), ("Dark", "dark")):
            self.appearance.addItem(text, value)
        self.appearance.activated.connect(self._appearance_chosen)
        appearance.body.addWidget(self.appearance)
        column.addWidget(appearance)

        voices = Card()
        voices.body.addWidget(text_label("A voice for each salesperson", "heading"))
        voices.body.addWidget(text_label("The best match follows the persona's accent and gender; pick an "
                                         "installed voice to override it.", "muted"))
        self.persona_grid = QGridLayout()
        self.persona_grid.setHorizontalSpacing(SPACE_M)
        self.persona_grid.setVerticalSpacing(SPACE_S)
        self.persona_grid.setColumnStretch(3, 1)
        voices.body.addLayout(self.persona_grid)
        column.addWidget(voices)

        folders = Card()
        folders.body.addWidget(text_label("Your own scenarios", "heading"))
        folders.body.addWidget(text_label("A folder of scenario files (YAML) to add to the bundled ones. "
                                          "A file with a problem is skipped and named in a notice.", "muted"))
        folder_row = QHBoxLayout()
        folder_row.setSpacing(SPACE_S)
        self.folder = text_label("", selectable=True)
        folder_row.addWidget(self.folder, 1)
        choose = button("Choose folder…", "Choose a scenarios folder")
        choose.clicked.connect(self._choose_folder)
        folder_row.addWidget(choose)
        self.clear_folder = button("Remove", "Stop using the scenarios folder")
        self.clear_folder.clicked.connect(lambda: self.set_scenarios_folder(""))
        folder_row.addWidget(self.clear_folder)
        folders.body.addLayout(folder_row)
        column.addWidget(folders)

        workshop = Card()
        workshop.body.addWidget(text_label("Workshop", "heading"))
        workshop.body.addWidget(text_label(
            "The cohort name your trainer gave you. Sessions you start are recorded under it, so with a shared "
            "database the trainer's cohort report includes them at once. Leave empty when practising alone.",
            "muted"))
        self.cohort = QLineEdit()
        self.cohort.setPlaceholderText("e.g. Spring workshop")
        self.cohort.setMaxLength(120)
        self.cohort.setAccessibleName("Workshop cohort")
        self.cohort.editingFinished.connect(lambda: self._changed(cohort=self.cohort.text().strip()))
        workshop.body.addWidget(self.cohort)
        column.addWidget(workshop)

        data = Card()
        data.body.addWidget(text_label("Your data", "heading"))
        self.data_where = text_label("", selectable=True)
        data.body.addWidget(self.data_where)
        data_row = QHBoxLayout()
        self.open_data = button("Open folder", "Open the data folder")
        self.open_data.clicked.connect(self._open_data_folder)
        data_row.addWidget(self.open_data)
        data_row.addStretch(1)
        data.body.addLayout(data_row)
        column.addWidget(data)
        column.addStretch(1)

        context.prefs_changed.connect(self.refresh)
        context.library_changed.connect(self._fill_personas)
        context.storage_changed.connect(self.refresh)
        context.speech.ready.connect(lambda _voices: self._fill_personas())
        from .voice_input import ListenService

        ListenService.for_context(context).state_changed.connect(lambda *_: self._update_engine_state())
        self.refresh()

    def refresh(self) -> None:
        prefs = self.context.prefs
        for widget, value in ((self.voice_on, prefs.voice_on), (self.live, prefs.live_feedback),
                              (self.end_only, not prefs.live_feedback), (self.speak_replies, prefs.speak_replies),
                              (self.review_spoken, prefs.review_spoken), (self.send_spoken, not prefs.review_spoken),
                              (self.practise_next, prefs.practise_next)):
            widget.blockSignals(True)
            widget.setChecked(value)
            widget.blockSignals(False)
        self.rate.blockSignals(True)
        self.rate.setValue(round(prefs.speech_rate * 100))
        self.rate.blockSignals(False)
        self.rate_value.setText(f"{round(prefs.speech_rate * 100)}%")
        self.appearance.setCurrentIndex(max(0, self.appearance.findData(prefs.appearance)))
        self.folder.setText(prefs.scenarios_folder or "None: only the bundled scenarios.")
        self.clear_folder.setEnabled(bool(prefs.scenarios_folder))
        if not self.cohort.hasFocus():
            self.cohort.setText(prefs.cohort)
        store = self.context.store
        where = store.database.where if store is not None else (self.context.storage_problem or "opening…")
        folder = self.context.data_dir
        self.data_where.setText(f"Practice records: {where}\nSettings and data folder: {folder or '…'}")
        self.open_data.setEnabled(folder is not None)
        self._update_engine_state()

    def _update_engine_state(self) -> None:
        speech = self.context.speech
        if not self.context.prefs.voice_on:
            text = "The voice is off; lines are shown as text."
        elif not speech.is_ready:
            text = "Starting the speech engine…"
        elif speech.switched_off:
            text = f"Lines are shown as text: {speech.reason}."
        elif speech.available and not speech.has_output:
            text = "No audio output device was found (no speakers or headphones); lines are shown as text."
        elif speech.available:
            text = f"Speech engine ready ({len(speech.voices())} voices installed)."
        else:
            text = "No speech engine was found; lines are shown as text."
        self.engine_state.setText(text)
        from .voice_input import ListenService

        listening = ListenService.for_context(self.context)
        if not self.context.prefs.speak_replies:
            listen_text = "Replies are typed; speech recognition is not loaded."
        elif listening.state == "unavailable":
            listen_text = listening.reason
        elif listening.ready:
            listen_text = "Speech recognition is ready (Whisper tiny.en, offline)."
        else:
            listen_text = "Speech recognition loads, offline, when practice opens."
        self.listen_state.setText(listen_text)
        for widget in (self.review_spoken, self.send_spoken):
            widget.setEnabled(self.context.prefs.speak_replies)

    def _fill_personas(self) -> None:
        clear_layout(self.persona_grid)
        library = self.context.library
        if library is None:
            return
        from ask_dont_tell.trainer.speech import voices_for_language

        installed = self.context.speech.voices()
        for index, scenario in enumerate(library.sorted()):
            voices = voices_for_language(scenario.persona.voice.accent, installed)
            choice = QComboBox()
            choice.setAccessibleName(f"Voice for {scenario.persona.name}")
            choice.setMinimumWidth(360)
            choice.addItem("Best match for the persona", "")
            for voice in voices:
                languages = ", ".join(voice.languages)
                choice.addItem(f"{voice.name} ({languages})" if languages else voice.name, voice.id)
            chosen = self.context.prefs.persona_voices.get(scenario.id, "")
            choice.setCurrentIndex(max(0, choice.findData(chosen)))
            choice.setEnabled(bool(voices))
            choice.setToolTip("" if voices else "No speech engine, or no installed voice speaks this language")
            choice.activated.connect(lambda _i, s=scenario, box=choice: self._voice_chosen(s.id, box.currentData()))
            test = button("Test", f"Hear {scenario.persona.name}'s voice")
            test.setEnabled(self.context.speech.available and self.context.prefs.voice_on)
            test.clicked.connect(lambda _=False, s=scenario: self._test_voice(s))
            self.persona_grid.addWidget(text_label(scenario.persona.name, wrap=False), index, 0)
            self.persona_grid.addWidget(choice, index, 1)
            self.persona_grid.addWidget(test, index, 2)
        self._update_engine_state()

    def _changed(self, **changes) -> None:
        self.context.update_prefs(**changes)
        if changes.get("voice_on"):
            self.context.speech.start()

    def _rate_moved(self, value: int) -> None:
        self.rate_value.setText(f"{value}%")
        if not self.rate.isSliderDown():
            self._rate_chosen()

    def _rate_chosen(self) -> None:
        self._changed(speech_rate=self.rate.value() / 100)

    def _voice_chosen(self, scenario_id: str, voice_id: str) -> None:
        voices = dict(self.context.prefs.persona_voices)
        if voice_id:
            voices[scenario_id] = voice_id
        else:
            voices.pop(scenario_id, None)
        self._changed(persona_voices=voices)

    def _test_voice(self, scenario) -> None:
        self.context.speech.replay(("test", scenario.id, self.context.prefs.speech_rate,
                                    self.context.voice_id_for(scenario)),
                                   SAMPLE_LINE, scenario.persona.voice, self.context.voice_id_for(scenario))

    def _appearance_chosen(self) -> None:
        value = self.appearance.currentData()
        self._changed(appearance=value)
        self.appearance_changed.emit(value)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Choose a folder of scenario files",
                                                  self.context.prefs.scenarios_folder)
        if folder:
            self.set_scenarios_folder(folder)

    def set_scenarios_folder(self, folder: str) -> None:
        self._changed(scenarios_folder=folder)
        self.context.reload_scenarios()

    def _open_data_folder(self) -> None:
        if self.context.data_dir is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.context.data_dir)))
