"""Session measures of the coding manual, their thresholds, and the explained 0-100 score.

One home for each rule: every measure is computed here (``compute_measures``), every threshold is
one ``Threshold`` (which also says whether a session passed it and by how much), and every line
of the score is one ``ScoreRule`` that both computes its points and describes itself. The report,
progress, prep card, drills, export and CLI all use these, so they cannot disagree.

Stored measures from older versions are read back with ``Measures.from_stored``, which fills what
is missing (recomputed from the stored replies where the caller has them).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Callable, Iterable, Mapping, Protocol, Sequence

from .labels import ASKING, QUESTIONS, TELLING, Label
from .classify.rules import NOT_SURE_BELOW
from .listen import talk_time

_WORD = re.compile(r"\w+(?:'\w+)?")
#: A manager reply longer than this many words is a monologue on the report.
MONOLOGUE_WORDS = 60


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


class ReplyLike(Protocol):
    """What the measures need of a reply (an engine turn, or a stored turn read back)."""

    label: str
    reply: str
    focus: str
    sides_with_blame: bool
    speech_seconds: float | None


#: Labels whose cost a reading the trainer is not sure of does not pay in full.
UNSURE_CHARGED: frozenset[Label] = frozenset({Label.ADVICE, Label.LEADING_QUESTION, Label.TAKEOVER, Label.JUDGMENT})
#: The coding manual's "telling": what a self-rating of asking rather than telling is compared with.
TELLING_FOR_SELF_RATING: frozenset[Label] = TELLING | {Label.JUDGMENT}


@dataclass(frozen=True)
class Measures:
    """The coding manual's session measures (None where a ratio has nothing to divide by)."""

    counts: dict[str, int]
    labelled_replies: int
    open_question_share: float | None
    ask: int
    tell: int
    ask_tell_ratio: float | None  # None when nothing told (infinite) or nothing said
    open_among_questions: float | None
    reflection_to_question: float | None
    manager_words: int
    salesperson_words: int
    talk_ratio: float | None
    responsibility_kept: bool
    judgments: int
    evoking_share: float | None = None
    own_part_share: float | None = None
    sided_with_blame: int = 0
    telling: int = 0
    focus_counts: dict[str, int] = field(default_factory=dict)
    own_part_evoking: int = 0      # open questions and reflections pointing at their own part
    coaching_evoking: int = 0      # open questions and reflections about their part or their experience
    replies: int = 0
    mean_reply_words: float | None = None
    longest_reply_words: int = 0
    monologues: int = 0
    #: Hard labels (advice, leading, takeover, judgment) the trainer was not sure of, by label: the
    #: score charges them only the mild UNSURE cost, never their label's own.
    unsure_counts: dict[str, int] = field(default_factory=dict)
    manager_seconds: float | None = None  # speaking time, when replies were spoken
    words_per_minute: float | None = None
    talk_measured_by: str = "words"

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_stored(cls, stored: Mapping[str, Any] | None, replies: Sequence[ReplyLike] | None = None,
                    salesperson_texts: Iterable[str] = ()) -> "Measures | None":
        """Measures as stored by any version: recomputed from ``replies`` when given, otherwise the
        known fields are kept, unknown ones ignored and missing ones left at their defaults."""
        if replies:
            return compute_measures(replies, salesperson_texts)
        if not isinstance(stored, Mapping):
            return None
        known = {f.name: f for f in fields(cls)}
        values: dict[str, Any] = {}
        for name, spec in known.items():
            if name not in stored:
                continue
            value = stored[name]
            if name in ("counts", "focus_counts", "unsure_counts"):
                value = {str(k): _safe_int(v) for k, v in value.items()} if isinstance(value, Mapping) else {}
            elif spec.type in ("float | None",):
                value = _safe_float(value)
            elif spec.type == "int":
                value = _safe_int(value)
            elif spec.type == "bool":
                value = bool(value)
            values[name] = value
        counts = values.get("counts") or {}
        for required in ("labelled_replies", "ask", "tell", "manager_words", "salesperson_words", "judgments"):
            values.setdefault(required, 0)
        for required in ("open_question_share", "ask_tell_ratio", "open_among_questions", "reflection_to_question",
                         "talk_ratio"):
            values.setdefault(required, None)
        values.setdefault("responsibility_kept", counts.get("takeover", 0) == 0)
        values["counts"] = {label.value: counts.get(label.value, 0) for label in Label}
        if "telling" not in stored:
            values["telling"] = sum(counts.get(label.value, 0) for label in TELLING_FOR_SELF_RATING)
        if "evoking_share" not in stored and values["labelled_replies"]:
            values["evoking_share"] = (counts.get("open_question", 0) + counts.get("reflection", 0)) / values["labelled_replies"]
        return cls(**values)

    def value(self, name: str) -> float | int | bool | None:
        return getattr(self, name)


def _safe_float(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _safe_int(value: Any) -> int:
    number = _safe_float(value)
    return int(number) if number is not None and abs(number) < 2**31 else 0


def _ratio(part: float, whole: float) -> float | None:
    return part / whole if whole else None


def compute_measures(replies: Sequence[ReplyLike], salesperson_texts: Iterable[str] = (),
                     salesperson_wpm: float = 175) -> Measures:
    """The manual's measures over one session's replies; ``salesperson_wpm`` is the persona's
    speaking rate, for the talk ratio by speaking time when the replies were spoken."""
    labels = [Label(r.label) for r in replies]
    counts = Counter(labels)
    labelled = sum(n for label, n in counts.items() if label is not Label.OTHER)
    ask = sum(counts[label] for label in ASKING)
    tell = sum(counts[label] for label in TELLING)
    questions = sum(counts[label] for label in QUESTIONS)
    words = [word_count(r.reply) for r in replies]
    manager_words = sum(words)
    focus_counts = Counter(getattr(r, "focus", "none") or "none" for r in replies)
    pointed = sum(n for focus, n in focus_counts.items() if focus != "none")
    evoking = [r for r, label in zip(replies, labels) if label in (Label.OPEN_QUESTION, Label.REFLECTION)]
    said = list(salesperson_texts)
    salesperson_words = sum(word_count(t) for t in said)
    speech = [getattr(r, "speech_seconds", None) for r in replies]
    talk = talk_time([r.reply for r in replies], speech, said, salesperson_wpm)
    if talk.spoken_replies and 2 * talk.spoken_replies >= len(replies):
        # mostly spoken: the manual's talk ratio by speaking time (typed replies at their own pace)
        talk_ratio, measured_by = talk.ratio, "speaking time"
    else:
        talk_ratio, measured_by = _ratio(manager_words, manager_words + salesperson_words), "words"
    manager_seconds = talk.manager_seconds if talk.spoken_replies else None
    return Measures(
        counts={label.value: counts.get(label, 0) for label in Label},
        labelled_replies=labelled,
        open_question_share=_ratio(counts[Label.OPEN_QUESTION], labelled),
        ask=ask,
        tell=tell,
        ask_tell_ratio=ask / tell if tell else None,
        open_among_questions=_ratio(counts[Label.OPEN_QUESTION], questions),
        reflection_to_question=_ratio(counts[Label.REFLECTION], questions),
        manager_words=manager_words,
        salesperson_words=salesperson_words,
        talk_ratio=talk_ratio,
        responsibility_kept=counts[Label.TAKEOVER] == 0,
        judgments=counts[Label.JUDGMENT],
        evoking_share=_ratio(counts[Label.OPEN_QUESTION] + counts[Label.REFLECTION], labelled),
        own_part_share=_ratio(focus_counts.get("own_part", 0), pointed),
        sided_with_blame=sum(1 for r in replies if getattr(r, "sides_with_blame", False)),
        telling=sum(counts[label] for label in TELLING_FOR_SELF_RATING),
        focus_counts={focus: focus_counts.get(focus, 0) for focus in ("own_part", "others", "outcome", "experience", "none")},
        own_part_evoking=sum(1 for r in evoking if getattr(r, "focus", "") == "own_part" and not r.sides_with_blame),
        coaching_evoking=sum(1 for r in evoking if getattr(r, "focus", "none") in ("own_part", "experience")
                             and not r.sides_with_blame),
        replies=len(replies),
        unsure_counts=dict(Counter(label.value for r, label in zip(replies, labels)
                                   if label in UNSURE_CHARGED and getattr(r, "confidence", 1.0) < NOT_SURE_BELOW)),
        mean_reply_words=(manager_words / len(replies)) if replies else None,
        longest_reply_words=max(words, default=0),
        monologues=sum(1 for w in words if w > MONOLOGUE_WORDS) + len(talk.monologues),
        manager_seconds=manager_seconds,
        words_per_minute=talk.words_per_minute,
        talk_measured_by=measured_by,
    )


# --- thresholds ---------------------------------------------------------------------------------

MANUAL = "coding manual"
OURS = "this trainer's target"


@dataclass(frozen=True)
class Verdict:
    """One threshold applied to one session: passed or not, and by how much."""

    name: str
    label: str
    value: float | int | bool | None
    passed: bool
    rating: str | None  # good, fair, low; None where the measure does not apply
    target: str          # "at least 70%"
    detail: str          # "64%, 6 points short of 70%"


@dataclass(frozen=True)
class Threshold:
    name: str
    label: str
    fair: float
    good: float
    higher_is_better: bool
    source: str
    kind: str = "share"  # share, ratio or count

    def show(self, value: float | int | None) -> str:
        if value is None:
            return "—"
        if self.kind == "share":
            return f"{round(value * 100)}%"
        if self.kind == "ratio":
            return f"{value:.1f} : 1"
        return f"{value:g}"

    def target(self, level: str = "good") -> str:
        bound = self.good if level == "good" else self.fair
        if self.higher_is_better:
            return f"at least {self.show(bound)}"
        if self.kind == "count" and bound == 0:
            return "none"
        return f"under {self.show(bound)}" if level == "good" else f"at most {self.show(bound)}"

    def rating(self, value: float | int | None) -> str | None:
        if value is None:
            return None
        if self.higher_is_better:
            return "good" if value >= self.good else "fair" if value >= self.fair else "low"
        if self.kind == "count":
            return "good" if value <= self.good else "fair" if value <= self.fair else "low"
        return "good" if value < self.good else "fair" if value <= self.fair else "low"

    def verdict(self, measures: Measures) -> Verdict:
        value = measures.value(self.name)
        if isinstance(value, bool):
            value = int(not value) if self.name == "responsibility_kept" else int(value)
        rating = self.rating(value)
        passed = rating == "good"
        if value is None:
            detail = "no value: nothing to measure"
        elif passed:
            detail = f"{self.show(value)}, meets {self.target()}"
        else:
            gap = abs(value - self.good)
            gap_text = f"{round(gap * 100)} points" if self.kind == "share" else f"{gap:.1f}" if self.kind == "ratio" else f"{gap:g}"
            word = "short of" if self.higher_is_better else "over"
            detail = f"{self.show(value)}, {gap_text} {word} the target ({self.target()})"
        return Verdict(self.name, self.label, value, passed, rating, self.target(), detail)


THRESHOLDS: dict[str, Threshold] = {t.name: t for t in (
    Threshold("evoking_share", "Evoking share (open questions and reflections)", 0.5, 0.7, True, OURS),
    Threshold("open_among_questions", "Open share of questions", 0.5, 0.7, True, f"{MANUAL}, MITI"),
    Threshold("reflection_to_question", "Reflections : questions", 1.0, 2.0, True, f"{MANUAL}, MITI 4", "ratio"),
    Threshold("own_part_share", "Focus on their part", 0.3, 0.5, True, OURS),
    Threshold("sided_with_blame", "Sided with the blame", 1, 0, False, MANUAL, "count"),
    Threshold("telling", "Telling (advice, leading, takeover, judgment)", 1, 0, False, MANUAL, "count"),
    Threshold("judgments", "Judgments", 0, 0, False, MANUAL, "count"),
    Threshold("responsibility_kept", "Took over", 0, 0, False, MANUAL, "count"),
    Threshold("open_question_share", "Open-question share", 0.4, 0.6, True, OURS),
    Threshold("talk_ratio", "Talk ratio", 0.6, 0.5, False, MANUAL),
)}
#: The thresholds a session must all pass to count as "good" toward "ready".
READY_THRESHOLDS: tuple[str, ...] = (
    "evoking_share", "open_among_questions", "own_part_share", "sided_with_blame", "judgments", "responsibility_kept",
)
#: The measures a report rates, in the order shown.
REPORTED: tuple[str, ...] = (
    "evoking_share", "open_among_questions", "reflection_to_question", "own_part_share", "sided_with_blame",
    "telling", "talk_ratio",
)


def verdicts(measures: Measures, names: Sequence[str] = READY_THRESHOLDS) -> list[Verdict]:
    return [THRESHOLDS[name].verdict(measures) for name in names]


def is_good_session(measures: Measures) -> bool:
    """Does one session meet every threshold "ready" asks for?"""
    return all(v.passed for v in verdicts(measures))


def measured_rating(measures: Measures) -> int | None:
    """The measured counterpart of a 1-5 self-rating "how much did I ask rather than tell":
    the asking share of asking and all telling replies (the manual's telling, judgments included)."""
    asked, told = measures.ask, measures.telling
    if asked + told == 0:
        return None
    return 1 + round(4 * asked / (asked + told))


# --- the score ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScoreLine:
    text: str
    points: int
    rule: str = ""


@dataclass(frozen=True)
class Score:
    total: int
    lines: list[ScoreLine] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"total": self.total, "breakdown": [asdict(line) for line in self.lines]}


@dataclass(frozen=True)
class ScoreContext:
    outcome: str
    persona: str
    problem: str
    outcome_summary: str
    progress: float  # 0-1, how far the conversation got toward a plan they own
    possessive: str = "their"  # her, his or their


@dataclass(frozen=True)
class ScoreRule:
    """One line of the score: how it is earned (``rubric``) and what a session earned."""

    id: str
    rubric: str
    points_text: str
    line: Callable[[Measures, ScoreContext], ScoreLine | None]


POINTS_EVOKING = 40
POINTS_OWN_PART_EACH = 5
MAX_OWN_PART = 15
POINTS_OUTCOME = {"success": 30, "partial": 15, "failure": 0}
MAX_UNFINISHED = 20
POINTS_RESPONSIBILITY = 10
CONCISE_WORDS = 25
POINTS_CONCISE = 5
COST_TELLING = 4
MAX_TELLING_COST = 20
COST_TAKEOVER = 5
MAX_TAKEOVER_COST = 15
COST_JUDGMENT = 8
MAX_JUDGMENT_COST = 16
COST_UNSURE = 1
MAX_UNSURE_COST = 3
COST_SIDING = 8
MAX_SIDING_COST = 24


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _evoking(m: Measures, c: ScoreContext) -> ScoreLine:
    n = m.coaching_evoking
    points = round(POINTS_EVOKING * n / m.labelled_replies) if m.labelled_replies else 0
    left_out = m.replies - m.labelled_replies  # labelled other (small talk, thanks): said what they are
    note = f" ({_plural(left_out, 'reply', 'replies')} of small talk or other talk not counted)" if left_out > 0 else ""
    return ScoreLine(f"{n} of {_plural(m.labelled_replies, 'reply', 'replies')} asked an open question or reflected "
                     f"about {c.persona}'s own part or experience{note}", points, "evoking")


def _own_part(m: Measures, c: ScoreContext) -> ScoreLine:
    n = m.own_part_evoking
    return ScoreLine(f"{_plural(n, 'question or reflection', 'questions or reflections')} pointed {c.persona} at "
                     f"{c.possessive} own part", min(MAX_OWN_PART, POINTS_OWN_PART_EACH * n), "own_part")


def _outcome(m: Measures, c: ScoreContext) -> ScoreLine:
    if c.outcome == "unfinished":
        points = round(MAX_UNFINISHED * c.progress)
        return ScoreLine(f"Unfinished: the conversation got {round(100 * c.progress)}% of the way to a plan "
                         f"{c.persona} owns", points, "outcome")
    text = {"success": f"{c.persona} owns a next step", "partial": "partly resolved",
            "failure": "the conversation failed"}[c.outcome]
    return ScoreLine(f"Outcome {c.outcome}: {c.outcome_summary or text}", POINTS_OUTCOME[c.outcome], "outcome")


def _sure(m: Measures, label: str) -> int:
    """Replies with this label that the trainer was sure of."""
    return max(0, m.counts.get(label, 0) - m.unsure_counts.get(label, 0))


def _responsibility(m: Measures, c: ScoreContext) -> ScoreLine | None:
    takeovers = _sure(m, "takeover")
    if takeovers:
        return ScoreLine(f"took over {c.problem}" + (f" ({takeovers} times)" if takeovers > 1 else ""),
                         -min(MAX_TAKEOVER_COST, COST_TAKEOVER * takeovers), "responsibility")
    if m.sided_with_blame or not m.own_part_evoking:
        return None  # kept only by a manager who put the responsibility with them
    return ScoreLine(f"kept the responsibility with {c.persona}: no takeover, no siding", POINTS_RESPONSIBILITY,
                     "responsibility")


def _telling(m: Measures, c: ScoreContext) -> ScoreLine | None:
    advice, leading = _sure(m, "advice"), _sure(m, "leading_question")
    n = advice + leading
    if not n:
        return None
    return ScoreLine(f"{_plural(n, 'reply', 'replies')} told instead of asking ({advice} advice, {leading} leading)",
                     -min(MAX_TELLING_COST, COST_TELLING * n), "telling")


def _judgment(m: Measures, c: ScoreContext) -> ScoreLine | None:
    judged = _sure(m, "judgment")
    if not judged:
        return None
    return ScoreLine(f"judged {_plural(judged, 'time')}", -min(MAX_JUDGMENT_COST, COST_JUDGMENT * judged), "judgment")


def _unsure(m: Measures, c: ScoreContext) -> ScoreLine | None:
    n = sum(m.unsure_counts.values())
    if not n:
        return None
    return ScoreLine(f"{_plural(n, 'reply', 'replies')} the trainer could not read for sure as telling or judging "
                     "(a mild cost; see the chip's best guess)", -min(MAX_UNSURE_COST, COST_UNSURE * n), "unsure")


def _siding(m: Measures, c: ScoreContext) -> ScoreLine | None:
    if not m.sided_with_blame:
        return None
    return ScoreLine(f"sided with {c.persona}'s blame {_plural(m.sided_with_blame, 'time')}: it hardens, nothing changes",
                     -min(MAX_SIDING_COST, COST_SIDING * m.sided_with_blame), "siding")


def _concise(m: Measures, c: ScoreContext) -> ScoreLine | None:
    if m.mean_reply_words is None:
        return None
    words = round(m.mean_reply_words)
    if m.mean_reply_words <= CONCISE_WORDS and m.coaching_evoking:
        return ScoreLine(f"your replies averaged {words} words: short enough to leave the talking to {c.persona}",
                         POINTS_CONCISE, "concise")
    return ScoreLine(f"your replies averaged {words} words", 0, "concise")


SCORE_RULES: tuple[ScoreRule, ...] = (
    ScoreRule("evoking", "Open questions and reflections about their part or experience, as a share of your replies",
              f"up to +{POINTS_EVOKING}", _evoking),
    ScoreRule("own_part", "Questions and reflections that point them at their own part",
              f"+{POINTS_OWN_PART_EACH} each, at most +{MAX_OWN_PART}", _own_part),
    ScoreRule("outcome", "Outcome: success / partial / failure; unfinished by how far it got",
              f"+{POINTS_OUTCOME['success']} / +{POINTS_OUTCOME['partial']} / 0; up to +{MAX_UNFINISHED}", _outcome),
    ScoreRule("responsibility", "Kept the responsibility with them (no takeover, no siding, their part raised)",
              f"+{POINTS_RESPONSIBILITY}; each takeover −{COST_TAKEOVER}, at most −{MAX_TAKEOVER_COST}", _responsibility),
    ScoreRule("telling", "Advice and leading questions", f"−{COST_TELLING} each, at most −{MAX_TELLING_COST}", _telling),
    ScoreRule("judgment", "Judgments", f"−{COST_JUDGMENT} each, at most −{MAX_JUDGMENT_COST}", _judgment),
    ScoreRule("siding", "Siding with their blame", f"−{COST_SIDING} each, at most −{MAX_SIDING_COST}", _siding),
    ScoreRule("unsure", "Telling or judging the trainer could not read for sure", f"−{COST_UNSURE} each, at most "
              f"−{MAX_UNSURE_COST}", _unsure),
    ScoreRule("concise", f"Your replies averaged {CONCISE_WORDS} words or fewer while you coached",
              f"+{POINTS_CONCISE}", _concise),
)


def compute_score(measures: Measures, outcome: str, persona_name: str = "them", problem: str = "the problem",
                  outcome_summary: str = "", progress: float = 0.0, possessive: str = "their") -> Score:
    """The 0-100 score, one explained line per rule."""
    if measures.labelled_replies == 0:
        return Score(0, [ScoreLine("No coaching replies yet: nothing to score", 0, "none")])
    context = ScoreContext(outcome, persona_name, problem, outcome_summary, max(0.0, min(1.0, progress)), possessive)
    lines = [line for rule in SCORE_RULES if (line := rule.line(measures, context)) is not None]
    raw = sum(line.points for line in lines)
    total = max(0, min(100, raw))
    if total != raw:
        lines.append(ScoreLine(f"kept within 0-100 (sum was {raw})", total - raw, "bounds"))
    return Score(total, lines)
