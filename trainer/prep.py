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
#: Questions that fit any coaching one-on-one, after the trainee's own and the scenario's general ones.
GENERAL_QUESTIONS = (
    "What would make this conversation useful for you?",
    "What's been the hardest part of this for you?",
    "What have you tried so far, and what happened?",
    "What's within your control here?",
    "What options can you see from here?",
    "What support would make a difference to you?",
    "What will you do first, and by when?",
)
#: Words that tie a question to one moment of a script ("after that", "those two", "since then").
_MOMENT_WORDS = frozenset({"that", "those", "these", "then", "it", "its", "there", "them", "ones", "him", "her",
                           "he", "she", "his", "hers", "again", "since"})
_STOP_WORDS = frozenset({"what", "whats", "how", "the", "a", "an", "you", "your", "to", "do", "did", "me", "for",
                         "of", "in", "on", "is", "and", "about", "tell", "would", "could", "so", "far", "with",
                         "have", "has", "be", "from", "this", "at", "there", "s", "re", "ve", "it", "that", "more",
                         "own", "my", "we", "i", "look", "like"})
#: The salesperson's pronouns: subject, object, possessive, possessive pronoun, reflexive.
PRONOUNS: dict[str, tuple[str, str, str, str, str]] = {
    "she": ("she", "her", "her", "hers", "herself"),
    "he": ("he", "him", "his", "his", "himself"),
    "they": ("they", "them", "their", "theirs", "themselves"),
}
#: Verbs whose third-person form is not the plain form plus -s ("she has" -> "they have").
_PLURAL_VERBS = {"is": "are", "was": "were", "has": "have", "does": "do", "doesn't": "don't", "isn't": "aren't",
                 "wasn't": "weren't", "hasn't": "haven't", "'s": "'re"}
_ADVERBS = frozenset({"never", "always", "still", "also", "often", "just", "only", "already", "now", "even",
                      "rarely", "simply", "usually", "really", "then", "sometimes", "clearly"})
#: Words after "her" that show it is the object ("let her down", "tell her the ...").
_AFTER_OBJECT = frozenset({"to", "and", "or", "but", "in", "on", "at", "for", "with", "down", "up", "off", "out",
                           "a", "an", "the", "that", "this", "what", "how", "why", "when", "if", "as", "so", "into",
                           "about", "over", "back", "from", "by", "is", "was", "will", "would", "find", "see", "decide",
                           "learn", "work", "look", "choose", "build", "think", "go", "do", "take", "make", "know",
                           "feel", "get", "keep", "plan", "say", "either", "too", "here", "now", "yet"})
#: Verbs that follow "and" with the subject left out ("she is embarrassed and has decided").
_SHARED_SUBJECT_VERBS = frozenset({"has", "is", "was", "does", "sees", "knows", "wants", "says", "thinks", "comes",
                                   "goes", "gets", "makes", "takes", "needs", "feels", "keeps", "chooses", "looks",
                                   "builds", "owns", "learns", "leaves", "blames"})
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
    #: "she", "he" or "they": how the card speaks of the salesperson (neutral unless told).
    pronouns: str = "they"
    attempts: list[dict] = field(default_factory=list)  # newest first: started, outcome, score, measures
    traps: list[Trap] = field(default_factory=list)
    questions: list[tuple[str, str]] = field(default_factory=list)  # (question, 'yours' or 'model')
    accountable_to: list[str] = field(default_factory=list)

    def about_them(self, text: str) -> str:
        """The scenario's ``text`` about the real salesperson, when the card names one."""
        return for_person(text, self.scenario, self.salesperson, self.pronouns) if self.salesperson else _clean(text)


def _clean(text: str) -> str:
    return " ".join(text.split())


def persona_pronouns(scenario: Scenario) -> str:
    """"she" or "he", as the scenario's situation speaks of the salesperson."""
    words = re.findall(r"[a-z]+", scenario.situation.lower())
    female = sum(words.count(word) for word in ("she", "her", "herself"))
    male = sum(words.count(word) for word in ("he", "him", "his", "himself"))
    return "she" if female >= male else "he"


def _cased(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def for_person(text: str, scenario: Scenario, name: str = "", pronouns: str = "they") -> str:
    """``text`` about the scenario's salesperson, rewritten about the real one: their ``name`` for
    the persona's, and their pronouns (with the verb after "they" made plural: "she has" ->
    "they have")."""
    text = _clean(text)
    if name:
        persona = scenario.persona.name
        for known in (persona, persona.split()[0]):
            text = re.sub(rf"\b{re.escape(known)}\b", name, text)
    source = persona_pronouns(scenario)
    if pronouns not in PRONOUNS or pronouns == source:
        return text
    old, new = PRONOUNS[source], PRONOUNS[pronouns]
    tokens = re.findall(r"[A-Za-z']+|[^A-Za-z']+", text)
    out: list[str] = []
    words = [(i, token) for i, token in enumerate(tokens) if token[:1].isalpha() or token.startswith("'")]
    position = {i: n for n, (i, _) in enumerate(words)}
    plural_at: set[int] = set()
    plural_sentence = False  # a pronoun subject was made "they": "... and has" follows it
    for i, token in enumerate(tokens):
        lower = token.lower()
        n = position.get(i)
        following = [words[k][1].lower() for k in range(n + 1, min(n + 3, len(words)))] if n is not None else []
        gap = "".join(tokens[i + 1:words[n + 1][0]]) if n is not None and n + 1 < len(words) else ""
        if n is None and any(mark in token for mark in ".;:"):
            plural_sentence = False
        if n is not None and lower == old[0]:
            token = _cased(new[0], token)
            if pronouns == "they":  # the verb after the subject, past one adverb
                plural_sentence = True
                step = 1 if following and following[0] not in _ADVERBS and not following[0].endswith("ly") else 2
                if n + step < len(words):
                    plural_at.add(words[n + step][0])
        elif n is not None and lower == old[4]:
            token = _cased(new[4], token)
        elif n is not None and lower == old[3] and old[3] != old[2]:
            token = _cased(new[3], token)
        elif n is not None and lower in (old[1], old[2]):
            at_end = not following or bool(gap.strip())
            if old[1] == old[2]:  # "her": the object before a verb or a small word, else the possessive
                is_object = at_end or following[0] in _AFTER_OBJECT
                token = _cased(new[1] if is_object else new[2], token)
            elif lower == old[1]:
                token = _cased(new[1], token)
            else:  # "his": the possessive pronoun at the end of a clause ("the plan is his")
                token = _cased(new[3] if at_end else new[2], token)
        elif plural_sentence and lower in _SHARED_SUBJECT_VERBS and n and words[n - 1][1].lower() == "and":
            plural_at.add(i)
        if i in plural_at:
            if lower in _PLURAL_VERBS:
                token = _cased(_PLURAL_VERBS[lower], token)
            elif lower.endswith(("shes", "ches", "xes", "sses", "oes")):
                token = token[:-2]
            elif lower.endswith("ies") and len(lower) > 4:
                token = token[:-3] + "y"
            elif lower.endswith("s") and not lower.endswith("ss") and len(lower) > 3:
                token = token[:-1]
        out.append(token)
    return "".join(out)


def _content_words(question: str) -> frozenset[str]:
    words = re.findall(r"[a-z]+", question.lower().replace("'", ""))
    return frozenset(word for word in words if word not in _STOP_WORDS)


def _near_duplicate(question: str, others: Sequence[str]) -> bool:
    """The same question in other words: most content words shared, or one's words inside the other's."""
    mine = _content_words(question)
    for other in others:
        theirs = _content_words(other)
        if not mine or not theirs:
            continue
        shared = len(mine & theirs)
        if shared >= 2 or shared == min(len(mine), len(theirs)) or shared / len(mine | theirs) >= 0.5:
            return True
    return False


def is_general(question: str) -> bool:
    """A question to take into any meeting like this one: no name or place of the script (a
    capitalised word past the first), nothing pointing back at one moment of it ("after that")."""
    words = re.findall(r"[A-Za-z]+", question)
    if any(word[:1].isupper() and word != "I" for word in words[1:]):
        return False
    return not any(word.lower() in _MOMENT_WORDS for word in words)


def gather_prep_card(scenario: Scenario, sessions: Sequence[Mapping], trainee: str = "", salesperson: str = "",
                     topic: str = "", pronouns: str = "they") -> PrepCard:
    """Build the card's content from the trainee's finished sessions of this scenario.

    ``sessions`` are finished sessions newest first, each with ``turns`` (reply, label,
    try_instead), ``outcome``, ``score``, ``started`` and the trend measures (see
    :func:`recorded_attempts`); an empty list gives a card from the scenario alone. The card's
    text speaks of ``salesperson`` with ``pronouns``; its open questions are distinct and general
    enough to take into the real meeting.
    """
    card = PrepCard(scenario, trainee, salesperson, topic, pronouns if pronouns in PRONOUNS else "they",
                    attempts=list(sessions[:RECENT_ATTEMPTS]))
    seen_traps: set[str] = set()
    for session in card.attempts:
        for turn in session.get("turns") or []:
            key = _clean(turn["reply"]).lower()
            if turn["label"] in {label.value for label in NEEDS_TRY_INSTEAD} and turn.get("try_instead") \
                    and key not in seen_traps and len(card.traps) < MAX_TRAPS:
                seen_traps.add(key)
                card.traps.append(Trap(_clean(turn["reply"]), turn["label"], turn["try_instead"]))
    def add_question(text: str, source: str, general: bool = False) -> None:
        text = _clean(text)
        asked = [question for question, _ in card.questions]
        if len(card.questions) < MAX_QUESTIONS and (general or is_general(text)) and not _near_duplicate(text, asked):
            card.questions.append((text, source))

    if topic:
        add_question(f"What's your own read on {topic.rstrip('?. ')}?", "model", general=True)
    for session in sessions:
        if session.get("outcome") == "success" or session_is_good(session):
            for turn in session.get("turns") or []:
                if turn["label"] == Label.OPEN_QUESTION.value:
                    add_question(turn["reply"], "yours")
    for node in scenario.nodes.values():
        for question in node.try_instead:
            add_question(question, "model")
    for question in GENERAL_QUESTIONS:
        if len(card.questions) >= MIN_QUESTIONS + 1:
            break
        add_question(question, "model")
    card.accountable_to = [card.about_them(item) for item in scenario.accountable_to]
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
    meeting = f"One-on-one with {card.salesperson}" if card.salesperson else f"Prep card: {scenario.title}"
    pdf.set_title(meeting)
    pdf.text_block(meeting + (f": {card.topic}" if card.topic else ""), font_size + 6, "B", (20, 20, 20))
    who = [part for part in (
        f"for {card.trainee}" if card.trainee else "",
        f"rehearsed as: {scenario.title}" if card.salesperson or card.topic else "",
    ) if part]
    if who:
        pdf.text_block("  |  ".join(who), style="I", colour=(90, 90, 90))

    pdf.heading("The situation you rehearsed" if card.salesperson else "The situation")
    pdf.text_block(card.about_them(scenario.situation))
    pdf.text_block(f"Your goal: {card.about_them(scenario.goal)}", style="B")

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

    pdf.heading(f"Hold {card.salesperson or 'them'} accountable to (activities within "
                f"{PRONOUNS[card.pronouns][2] if card.salesperson else 'their'} control, not outcomes)")
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
