"""The prep card: one printable page to take into a real one-on-one.

It holds the situation, the trainee's measures on their recent attempts at it, the traps they fell
into (their own telling replies, each with a better open question), the open questions that worked
for them or that the scenario models, and what to hold the salesperson accountable to. With no
recorded attempts it is still useful: the questions and the accountabilities come from the scenario.

Built with fpdf2's core Helvetica font, so no font file is needed; text is fitted to Latin-1.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Sequence

from fpdf import FPDF

from .engine import NEEDS_TRY_INSTEAD
from .labels import Label
from .progress import session_is_good, session_verdicts
from .safeio import atomic_write, for_pdf
from .scenario import Scenario

PAPER_SIZES = ("a4", "letter")
#: Territories that print on US Letter; everywhere else uses A4.
LETTER_TERRITORIES = frozenset({"US", "CA", "MX", "CL", "CO", "VE", "PH", "PR", "GT", "CR", "PA", "DO", "SV",
                                "NI", "BZ"})
RECENT_ATTEMPTS = 5
MAX_TRAPS = 4
MIN_QUESTIONS, MAX_QUESTIONS = 5, 8
#: Font sizes tried, largest first, until the card fits on one page.
FONT_SIZES = (10.5, 9.5, 8.5, 7.5, 6.5)


def paper_for_locale(environ: Mapping[str, str] | None = None) -> str:
    """'letter' where the locale's territory prints on Letter (en_US, en_CA, es_MX...), else 'a4'."""
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_PAPER", "LANG"):
        value = environ.get(name, "")
        if value:
            match = re.match(r"^[A-Za-z]{2,3}_([A-Za-z]{2})", value)
            return "letter" if match and match.group(1).upper() in LETTER_TERRITORIES else "a4"
    return "a4"


@dataclass(frozen=True)
class Trap:
    reply: str
    label: str
    better: str


@dataclass
class PrepCard:
    """What goes on the page, gathered before any drawing (so it can be tested and shown)."""

    scenario: Scenario
    trainee: str = ""
    salesperson: str = ""
    topic: str = ""
    attempts: list[dict] = field(default_factory=list)  # newest first: started, outcome, score, measures
    traps: list[Trap] = field(default_factory=list)
    questions: list[tuple[str, str]] = field(default_factory=list)  # (question, 'yours' or 'model')
    accountable_to: list[str] = field(default_factory=list)


def _clean(text: str) -> str:
    return " ".join(text.split())


def gather_prep_card(scenario: Scenario, sessions: Sequence[Mapping], trainee: str = "", salesperson: str = "",
                     topic: str = "") -> PrepCard:
    """Build the card's content from the trainee's finished sessions of this scenario.

    ``sessions`` are finished sessions newest first, each with ``turns`` (reply, label,
    try_instead), ``outcome``, ``score``, ``started`` and the trend measures (see
    :func:`recorded_attempts`); an empty list gives a card from the scenario alone.
    """
    card = PrepCard(scenario, trainee, salesperson, topic, attempts=list(sessions[:RECENT_ATTEMPTS]))
    seen_traps: set[str] = set()
    for session in card.attempts:
        for turn in session.get("turns") or []:
            key = _clean(turn["reply"]).lower()
            if turn["label"] in {label.value for label in NEEDS_TRY_INSTEAD} and turn.get("try_instead") \
                    and key not in seen_traps and len(card.traps) < MAX_TRAPS:
                seen_traps.add(key)
                card.traps.append(Trap(_clean(turn["reply"]), turn["label"], turn["try_instead"]))
    seen: set[str] = set()

    def add_question(text: str, source: str) -> None:
        key = _clean(text).lower().rstrip("?. ")
        if key not in seen and len(card.questions) < MAX_QUESTIONS:
            seen.add(key)
            card.questions.append((_clean(text), source))

    for session in sessions:
        if session.get("outcome") == "success" or session_is_good(session):
            for turn in session.get("turns") or []:
                if turn["label"] == Label.OPEN_QUESTION.value:
                    add_question(turn["reply"], "yours")
    for node in scenario.nodes.values():
        for question in node.try_instead:
            if len(card.questions) >= MAX_QUESTIONS:
                break
            add_question(question, "model")
    card.accountable_to = list(scenario.accountable_to)
    return card


def recorded_attempts(store, scenario_id: str, trainee: str | None) -> list[dict]:
    """The trainee's finished sessions of a scenario, newest first, with turns and trend measures."""
    measures = {point["id"]: point for point in store.trends(trainee) if point["scenario"] == scenario_id}
    sessions = []
    for item in store.history(trainee, scenario_id):
        if item["status"] == "finished" and item["id"] in measures:
            sessions.append({**measures[item["id"]], **item})
    return sessions


# --- drawing ------------------------------------------------------------------------------------


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


class _CardPdf(FPDF):
    def __init__(self, paper: str, font_size: float) -> None:
        super().__init__(format="A4" if paper == "a4" else "Letter")
        self.base_size = font_size
        self.set_margins(16, 14, 16)
        self.set_auto_page_break(True, 12)
        self.add_page()

    def text_block(self, text: str, size: float | None = None, style: str = "", colour=(30, 30, 30)) -> None:
        self.set_font("Helvetica", style, size or self.base_size)
        self.set_text_color(*colour)
        self.multi_cell(0, (size or self.base_size) * 0.5, for_pdf(text), new_x="LMARGIN", new_y="NEXT")

    def heading(self, text: str) -> None:
        self.ln(self.base_size * 0.35)
        self.set_draw_color(190, 190, 190)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(self.base_size * 0.2)
        self.text_block(text, self.base_size + 1.5, "B", (20, 70, 120))
        self.ln(self.base_size * 0.1)

    def bullet(self, text: str, style: str = "") -> None:
        self.set_font("Helvetica", style, self.base_size)
        self.set_text_color(30, 30, 30)
        self.cell(5, self.base_size * 0.5, "-")
        self.multi_cell(0, self.base_size * 0.5, for_pdf(text), new_x="LMARGIN", new_y="NEXT")


def _draw(card: PrepCard, paper: str, font_size: float, compress: bool) -> _CardPdf:
    scenario = card.scenario
    pdf = _CardPdf(paper, font_size)
    pdf.set_compression(compress)
    pdf.set_title(f"Prep card: {scenario.title}")
    pdf.text_block(f"Prep card: {scenario.title}", font_size + 6, "B", (20, 20, 20))
    who = [part for part in (
        f"for {card.trainee}" if card.trainee else "",
        f"with {card.salesperson}" if card.salesperson else "",
        f"topic: {card.topic}" if card.topic else "",
    ) if part]
    if who:
        pdf.text_block("  |  ".join(who), style="I", colour=(90, 90, 90))

    pdf.heading("The situation")
    pdf.text_block(_clean(scenario.situation))
    pdf.text_block(f"Your goal: {_clean(scenario.goal)}", style="B")

    pdf.heading("Your recent attempts")
    if card.attempts:
        widths = (30, 28, 16, 40, 28, 28)
        pdf.set_font("Helvetica", "B", font_size)
        for width, title in zip(widths, ("When", "Outcome", "Score", "Evoking share", "Own part",
                                         "Sided")):
            pdf.cell(width, font_size * 0.55, title)
        pdf.ln()
        pdf.set_font("Helvetica", "", font_size)
        pdf.set_text_color(30, 30, 30)
        for attempt in card.attempts:
            cells = ((attempt.get("started") or "")[:10], attempt.get("outcome") or "-",
                     "-" if attempt.get("score") is None else str(attempt["score"]),
                     _percent(attempt.get("evoking_share")), _percent(attempt.get("own_part_share")),
                     str(attempt.get("sided_with_blame") or 0))
            for width, value in zip(widths, cells):
                pdf.cell(width, font_size * 0.55, for_pdf(value))
            pdf.ln()
        for verdict in session_verdicts(card.attempts[0]):
            mark = "passed" if verdict.passed else "not yet"
            pdf.text_block(f"{verdict.label}: {verdict.detail} ({mark})", font_size - 1, "I", (90, 90, 90))
    else:
        pdf.text_block("No recorded attempts yet. Rehearse this situation once before the real conversation; "
                       "the questions below are the ones the scenario models.", style="I", colour=(90, 90, 90))

    if card.traps:
        pdf.heading("Traps you fell into, and what to ask instead")
        for trap in card.traps:
            pdf.bullet(f"You said ({trap.label.replace('_', ' ')}): \"{trap.reply}\"")
            pdf.set_x(pdf.l_margin + 5)
            pdf.text_block(f"Ask instead: {trap.better}", style="B", colour=(20, 110, 60))

    pdf.heading("Open questions to ask")
    for question, source in card.questions:
        pdf.bullet(question + ("  (worked for you)" if source == "yours" else ""))

    pdf.heading("Hold them accountable to (activities within their control, not outcomes)")
    for item in card.accountable_to or ["one next step they choose, within their control, with a date"]:
        pdf.bullet(item)
    return pdf


def write_prep_card(card: PrepCard, out: Path | str, paper: str | None = None, compress: bool = True) -> Path:
    """Write the card as a one-page PDF (shrinking the type until it fits) and return the path.

    Written atomically: a failed write leaves any earlier file at ``out`` as it was."""
    paper = (paper or paper_for_locale()).lower()
    if paper not in PAPER_SIZES:
        raise ValueError(f"paper must be one of {', '.join(PAPER_SIZES)}, not {paper!r}")
    for size in FONT_SIZES:
        pdf = _draw(card, paper, size, compress)
        if pdf.pages_count == 1:
            break
    else:  # still too long at the smallest size: keep fewer traps and questions
        card.traps, card.questions = card.traps[:2], card.questions[:MIN_QUESTIONS]
        pdf = _draw(card, paper, FONT_SIZES[-1], compress)
    return atomic_write(out, bytes(pdf.output()))
