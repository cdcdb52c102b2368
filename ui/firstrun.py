"""The first start: ask the user's name once; it names their profile, reports and prep cards, and
the command line uses it too."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLineEdit, QWidget

from ask_dont_tell.trainer.profiles import clean_name, system_full_name

from .widgets import button, dialog_column


class FirstRunDialog(QDialog):
    """What's your name? Prefilled with the system's full name where there is one."""

    named = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = dialog_column(self, "Welcome", "Welcome to Ask, Don't Tell",
                               "What's your name? Your practice is kept under it, it goes on your prep cards, and "
                               "the command line (prep, export) uses it too. You can add profiles later in the "
                               "library.", 460)
        self.name = QLineEdit(system_full_name())
        self.name.setPlaceholderText("Your name")
        self.name.setAccessibleName("Your name")
        self.name.selectAll()
        self.name.textChanged.connect(self._check)
        column.addWidget(self.name)
        row = QHBoxLayout()
        row.addStretch(1)
        self.start = button("Start practising", "Save your name and start", primary=True, tip="Enter")
        self.start.setDefault(True)
        self.start.clicked.connect(self.accept)
        row.addWidget(self.start)
        column.addLayout(row)
        self._check()
        self.name.setFocus()

    def _check(self) -> None:
        self.start.setEnabled(bool(clean_name(self.name.text())))

    def accept(self) -> None:
        name = clean_name(self.name.text())
        if not name:
            return
        self.named.emit(name)
        super().accept()

    def reject(self) -> None:
        """Esc or closing the window keeps the dialog: practice needs a name to be kept under."""
        self.name.setFocus()
