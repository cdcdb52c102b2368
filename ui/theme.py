"""Colours, type and spacing: one light and one dark palette, chosen by the system or the user.

Every screen takes its colours from here, so the two modes stay consistent, and label colours
mean the same everywhere: green for listening and asking, blue for closed questions, orange for
telling, red for judging or taking over.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from ask_dont_tell.trainer.labels import Label

#: Icons and avatars: the data package ``ask_dont_tell.assets``.
ASSETS = Path(str(files("ask_dont_tell.assets")))
#: Spacing steps (device-independent pixels): use these, not ad-hoc numbers.
SPACE_XS, SPACE_S, SPACE_M, SPACE_L, SPACE_XL = 4, 8, 12, 16, 24
RADIUS = 10


@dataclass(frozen=True)
class Colours:
    dark: bool
    window: str
    base: str
    alt_base: str
    sidebar: str
    text: str
    muted: str
    border: str
    accent: str
    accent_text: str
    cue: str
    good: str
    fair: str
    low: str
    manager_bubble: str
    persona_bubble: str


#: Light-mode good, fair and low are dark enough for small text (at least 4.5:1) on every light
#: background they sit on: window, base, alt_base (pills), sidebar and the manager's bubble.
LIGHT = Colours(False, window="#f4f6f9", base="#ffffff", alt_base="#f0f2f6", sidebar="#e9edf3",
                text="#1c2230", muted="#5d6677", border="#d6dbe3", accent="#2c66d8", accent_text="#ffffff",
                cue="#ffe08a", good="#17753f", fair="#8a5a00", low="#c0392b",
                manager_bubble="#e3ecfd", persona_bubble="#ffffff")
DARK = Colours(True, window="#1b1e24", base="#242830", alt_base="#2b3039", sidebar="#16191e",
               text="#e8ebf1", muted="#a0a8b8", border="#3a404b", accent="#5b95ff", accent_text="#0d1424",
               cue="#8a6d12", good="#5fd394", fair="#f2c14e", low="#ff7b6e",
               manager_bubble="#263a5c", persona_bubble="#2b3039")

#: (light background, light text, dark background, dark text) per label.
_LABEL_TONES: dict[Label, tuple[str, str, str, str]] = {
    Label.OPEN_QUESTION: ("#dcf3e4", "#13602f", "#1d3c29", "#8fe3ae"),
    Label.REFLECTION: ("#dcf3e4", "#13602f", "#1d3c29", "#8fe3ae"),
    Label.AFFIRMATION: ("#ece3fb", "#55289a", "#31254b", "#cdb2f7"),
    Label.CLOSED_QUESTION: ("#e1ebfb", "#20498f", "#1f2d46", "#a3c0f6"),
    Label.ADVICE: ("#fde6d5", "#8f3a08", "#45291a", "#ffb78c"),
    Label.LEADING_QUESTION: ("#fde6d5", "#8f3a08", "#45291a", "#ffb78c"),
    Label.TAKEOVER: ("#fadcdc", "#9b1f28", "#4a1f23", "#ffa0a6"),
    Label.JUDGMENT: ("#fadcdc", "#9b1f28", "#4a1f23", "#ffa0a6"),
    Label.OTHER: ("#eaecf0", "#485062", "#30343b", "#bac1cd"),
}


def effective_dark(appearance: str) -> bool:
    """Whether to draw dark: the user's choice, or the system's colour scheme."""
    if appearance in ("light", "dark"):
        return appearance == "dark"
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def colours() -> Colours:
    """The colours in force (set by ``apply``)."""
    return _current


_current = LIGHT


def label_tone(label: str) -> tuple[str, str]:
    """(background, text) colour of a label's pill in the current mode."""
    light_bg, light_fg, dark_bg, dark_fg = _LABEL_TONES.get(Label(label), _LABEL_TONES[Label.OTHER])
    return (dark_bg, dark_fg) if _current.dark else (light_bg, light_fg)


def rating_colour(rating: str | None) -> str:
    return {"good": _current.good, "fair": _current.fair, "low": _current.low}.get(rating or "", _current.muted)


def _palette(c: Colours) -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: c.window, QPalette.ColorRole.WindowText: c.text,
        QPalette.ColorRole.Base: c.base, QPalette.ColorRole.AlternateBase: c.alt_base,
        QPalette.ColorRole.Text: c.text, QPalette.ColorRole.Button: c.alt_base,
        QPalette.ColorRole.ButtonText: c.text, QPalette.ColorRole.Highlight: c.accent,
        QPalette.ColorRole.HighlightedText: c.accent_text, QPalette.ColorRole.ToolTipBase: c.base,
        QPalette.ColorRole.ToolTipText: c.text, QPalette.ColorRole.PlaceholderText: c.muted,
        QPalette.ColorRole.Link: c.accent, QPalette.ColorRole.Mid: c.border,
        QPalette.ColorRole.Light: c.base, QPalette.ColorRole.Midlight: c.alt_base,
        QPalette.ColorRole.Dark: c.border, QPalette.ColorRole.Shadow: "#000000",
    }
    for role, value in roles.items():
        palette.setColor(role, QColor(value))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(c.muted))
    return palette


def _arrow_images(c: Colours) -> dict[str, str]:
    """The spin-box arrows drawn by tools/draw_assets.py, for this theme (style sheets take files)."""
    mode = "dark" if c.dark else "light"
    return {f"{direction}{state}": (ASSETS / f"arrow-{direction}{state}-{mode}.svg").as_posix()
            for direction in ("up", "down") for state in ("", "-off")}


def _stylesheet(c: Colours, base_pt: float) -> str:
    title, heading, small = round(base_pt * 1.75), round(base_pt * 1.25), max(8, round(base_pt * 0.9))
    chevron = (ASSETS / f"chevron-{'dark' if c.dark else 'light'}.svg").as_posix()
    arrows = _arrow_images(c)
    return f"""
    QWidget {{ color: {c.text}; }}
    QMainWindow, QStackedWidget > QWidget {{ background: {c.window}; }}
    QScrollArea {{ background: transparent; border: none; }}
    QWidget#qt_scrollarea_viewport, QWidget#scrollContent {{ background: transparent; }}
    QScrollBar:vertical {{ background: transparent; width: 12px; margin: 0; border: none; }}
    QScrollBar:horizontal {{ background: transparent; height: 12px; margin: 0; border: none; }}
    QScrollBar::handle:vertical {{ background: {c.border}; border-radius: 4px; min-height: 36px; margin: 2px; }}
    QScrollBar::handle:horizontal {{ background: {c.border}; border-radius: 4px; min-width: 36px; margin: 2px; }}
    QScrollBar::handle:hover {{ background: {c.muted}; }}
    QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none; background: none; }}
    QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
    QAbstractScrollArea::corner {{ background: transparent; border: none; }}
    QSplitter::handle {{ background: transparent; }}
    QSplitter::handle:vertical {{ margin: 0 40%; border-radius: 2px; }}
    QSplitter::handle:vertical:hover {{ background: {c.border}; }}
    QFrame#sidebar {{ background: {c.sidebar}; border-right: 1px solid {c.border}; }}
    QLabel#appName {{ font-size: {heading}pt; font-weight: 700; padding: 4px 6px 12px 6px; }}
    QPushButton[nav="true"] {{ text-align: left; padding: 9px 12px; border: none; border-radius: 8px;
        background: transparent; font-weight: 600; }}
    QPushButton[nav="true"]:hover {{ background: {c.alt_base}; }}
    QPushButton[nav="true"]:checked {{ background: {c.accent}; color: {c.accent_text}; }}
    QFrame#card {{ background: {c.base}; border: 1px solid {c.border}; border-radius: {RADIUS}px; }}
    QFrame#card:focus {{ border: 2px solid {c.accent}; }}
    QFrame#notice {{ background: {c.alt_base}; border: 1px solid {c.border}; border-radius: 8px; }}
    QLabel[role="title"] {{ font-size: {title}pt; font-weight: 700; }}
    QLabel[role="heading"] {{ font-size: {heading}pt; font-weight: 650; }}
    QLabel[role="muted"] {{ color: {c.muted}; }}
    QLabel[role="small"] {{ color: {c.muted}; font-size: {small}pt; }}
    QLabel[role="pill"] {{ border-radius: 9px; padding: 2px 9px; font-size: {small}pt; font-weight: 600; }}
    QPushButton {{ padding: 7px 14px; border-radius: 7px; border: 1px solid {c.border}; background: {c.base}; }}
    QPushButton:hover {{ border-color: {c.accent}; }}
    QPushButton:focus {{ border: 2px solid {c.accent}; }}
    QPushButton:disabled {{ color: {c.muted}; background: {c.alt_base}; }}
    QPushButton[primary="true"] {{ background: {c.accent}; color: {c.accent_text}; border: 1px solid {c.accent};
        font-weight: 600; }}
    QPushButton[primary="true"]:focus {{ border: 2px solid {c.text}; }}
    QPushButton[primary="true"]:disabled {{ background: {c.border}; border-color: {c.border}; color: {c.muted}; }}
    QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox {{ background: {c.base}; border: 1px solid {c.border};
        border-radius: 7px; padding: 6px 8px; selection-background-color: {c.accent};
        selection-color: {c.accent_text}; }}
    QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QAbstractSpinBox:focus {{
        border: 2px solid {c.accent}; }}
    QLineEdit:disabled, QComboBox:disabled, QAbstractSpinBox:disabled {{ color: {c.muted}; background: {c.alt_base}; }}
    QComboBox, QDateEdit[calendarPopup="true"] {{ padding-right: 28px; }}
    QComboBox::drop-down, QDateEdit::drop-down {{ subcontrol-origin: padding; subcontrol-position: center right;
        width: 26px; border: none; background: transparent; }}
    QComboBox::down-arrow, QDateEdit::down-arrow {{ image: url("{chevron}"); width: 12px; height: 12px; }}
    QAbstractSpinBox {{ padding: 6px 26px 6px 8px; }}
    QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{ subcontrol-origin: border; width: 24px;
        border: none; background: transparent; }}
    QAbstractSpinBox::up-button {{ subcontrol-position: top right; margin: 3px 2px 0 0; }}
    QAbstractSpinBox::down-button {{ subcontrol-position: bottom right; margin: 0 2px 3px 0; }}
    QAbstractSpinBox::up-button:hover, QAbstractSpinBox::down-button:hover {{ background: {c.alt_base};
        border-radius: 4px; }}
    QAbstractSpinBox::up-arrow {{ image: url("{arrows['up']}"); width: 10px; height: 10px; }}
    QAbstractSpinBox::down-arrow, QDateEdit::down-arrow {{ image: url("{arrows['down']}"); width: 10px;
        height: 10px; }}
    QAbstractSpinBox::up-arrow:disabled, QAbstractSpinBox::up-arrow:off {{ image: url("{arrows['up-off']}"); }}
    QAbstractSpinBox::down-arrow:disabled, QAbstractSpinBox::down-arrow:off {{
        image: url("{arrows['down-off']}"); }}
    QDateEdit[calendarPopup="true"]::down-arrow {{ image: url("{chevron}"); width: 12px; height: 12px; }}
    QComboBox QAbstractItemView {{ background: {c.base}; border: 1px solid {c.border}; outline: none;
        selection-background-color: {c.accent}; selection-color: {c.accent_text}; }}
    QListWidget {{ background: {c.base}; border: 1px solid {c.border}; border-radius: 8px; padding: 4px;
        outline: none; }}
    QListWidget::item {{ padding: 6px 8px; border-radius: 6px; }}
    QListWidget::item:hover {{ background: {c.alt_base}; }}
    QListWidget::item:selected {{ background: {c.accent}; color: {c.accent_text}; }}
    QTableView {{ background: {c.base}; alternate-background-color: {c.alt_base}; border: 1px solid {c.border};
        border-radius: 8px; gridline-color: {c.border}; selection-background-color: {c.accent};
        selection-color: {c.accent_text}; }}
    QHeaderView::section {{ background: {c.alt_base}; border: none; border-bottom: 1px solid {c.border};
        padding: 6px 8px; font-weight: 600; }}
    QProgressBar {{ border: none; background: {c.alt_base}; border-radius: 3px; max-height: 6px; }}
    QProgressBar::chunk {{ background: {c.accent}; border-radius: 3px; }}
    QCheckBox, QRadioButton {{ spacing: 8px; }}
    QRadioButton::indicator {{ width: 12px; height: 12px; border-radius: 8px; border: 2px solid {c.muted};
        background: {c.base}; }}
    QRadioButton::indicator:hover {{ border-color: {c.accent}; }}
    QRadioButton::indicator:checked {{ border: 2px solid {c.accent}; background: qradialgradient(cx: 0.5, cy: 0.5,
        radius: 0.5, fx: 0.5, fy: 0.5, stop: 0 {c.accent}, stop: 0.55 {c.accent}, stop: 0.65 {c.base},
        stop: 1 {c.base}); }}
    QRadioButton::indicator:disabled {{ border-color: {c.border}; }}
    QToolTip {{ background: {c.base}; color: {c.text}; border: 1px solid {c.border}; }}
    """


def apply(app: QApplication, appearance: str = "system") -> Colours:
    """Set the palette and style sheet for the appearance ('system', 'light' or 'dark')."""
    global _current
    _current = DARK if effective_dark(appearance) else LIGHT
    app.setPalette(_palette(_current))
    font: QFont = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10.5)
        app.setFont(font)
    app.setStyleSheet(_stylesheet(_current, font.pointSizeF()))
    return _current
