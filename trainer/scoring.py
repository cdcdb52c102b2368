"""Session measures of the coding manual and the explained 0-100 score.

Every point of the score comes from one line of the breakdown, so a trainee can check the sum.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Iterable, Sequence

from .labels import ASKING, QUESTIONS, TELLING, Label

#: Thresholds a report shows beside each measure: (fair, good), and where they come from. Where
#: lower is better, good means under the value and fair at most the value. The
#: coding manual gives the MITI values for open-among-questions and reflection:question and "under
#: half" for talk; the trainer's own targets cover the two measures the manual leaves open.
MANUAL = "coding manual"
OURS = "this trainer's target"
THRESHOLDS: dict[str, dict] = {
    "open_question_share": {"fair": 0.4, "good": 0.6, "higher_is_better": True,
                             "label": "Open-question share", "source": OURS},
    "ask_tell_ratio": {"fair": 1.0, "good": 3.0, "higher_is_better": True, "label": "Ask : tell",
                       "source": OURS},
    "open_among_questions": {"fair": 0.5, "good": 0.7, "higher_is_better": True,
                              "label": "Open share of questions", "source": f"{MANUAL}, MITI"},
    "reflection_to_question": {"fair": 1.0, "good": 2.0, "higher_is_better": True,
                                "label": "Reflections : questions", "source": f"{MANUAL}, MITI 4"},
    "talk_ratio": {"fair": 0.6, "good": 0.5, "higher_is_better": False, "label": "Talk ratio",
                   "source": MANUAL},
}

POINTS_OPEN_SHARE = 40
POINTS_PER_LISTENING = 5
MAX_LISTENING = 10
POINTS_OUTCOME = {"success": 30, "partial": 15, "failure": 0, "unfinished": 0}
POINTS_RESPONSIBILITY = 15
COST_TAKEOVER = 15
COST_TELLING = 5
MAX_TELLING_COST = 25
COST_JUDGMENT = 10
POINTS_TALK = 5

_WORD = re.compile(r"\w+(?:'\w+)?")


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


@dataclass(frozen=True)
class Measures:
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

    def to_dict(self) -> dict:
        return asdict(self)

    def rating(self, name: str) -> str | None:
        """'good', 'fair' or 'low' for a measure with thresholds; None where it does not apply."""
        value = getattr(self, name)
        if name == "ask_tell_ratio" and value is None and self.ask:
            return "good"  # asked and never told
        if value is None:
            return None
        spec = THRESHOLDS[name]
        if spec["higher_is_better"]:
            return "good" if value >= spec["good"] else "fair" if value >= spec["fair"] else "low"
        return "good" if value < spec["good"] else "fair" if value <= spec["fair"] else "low"


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def compute_measures(labels: Sequence[str], manager_texts: Iterable[str],
                     salesperson_texts: Iterable[str]) -> Measures:
    counts = Counter(Label(label) for label in labels)
    labelled = sum(n for label, n in counts.items() if label is not Label.OTHER)
    ask = sum(counts[label] for label in ASKING)
    tell = sum(counts[label] for label in TELLING)
    questions = sum(counts[label] for label in QUESTIONS)
    manager_words = sum(word_count(t) for t in manager_texts)
    salesperson_words = sum(word_count(t) for t in salesperson_texts)
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
        talk_ratio=_ratio(manager_words, manager_words + salesperson_words),
        responsibility_kept=counts[Label.TAKEOVER] == 0,
        judgments=counts[Label.JUDGMENT],
    )


@dataclass(frozen=True)
class ScoreLine:
    text: str
    points: int


@dataclass(frozen=True)
class Score:
    total: int
    lines: list[ScoreLine] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"total": self.total, "breakdown": [asdict(line) for line in self.lines]}


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def compute_score(measures: Measures, outcome: str, persona_name: str = "them",
                  problem: str = "the problem", outcome_summary: str = "") -> Score:
    """The 0-100 score, one explained line per component."""
    lines: list[ScoreLine] = []
    counts = measures.counts
    if measures.labelled_replies == 0:
        return Score(0, [ScoreLine("No coaching replies yet: nothing to score", 0)])

    open_n = counts["open_question"]
    share_points = round(POINTS_OPEN_SHARE * open_n / measures.labelled_replies)
    lines.append(ScoreLine(
        f"{open_n} of {_plural(measures.labelled_replies, 'reply', 'replies')} "
        f"{'was an open question' if open_n == 1 else 'were open questions'}",
        share_points))

    listening = counts["reflection"] + counts["affirmation"]
    if listening:
        lines.append(ScoreLine(
            f"{_plural(counts['reflection'], 'reflection')} and {_plural(counts['affirmation'], 'affirmation')}",
            min(MAX_LISTENING, POINTS_PER_LISTENING * listening)))

    outcome_text = {"success": f"{persona_name} owns a next step", "partial": "partly resolved",
                    "failure": "the conversation failed", "unfinished": "the session was not finished"}[outcome]
    lines.append(ScoreLine(f"Outcome {outcome}: {outcome_summary or outcome_text}", POINTS_OUTCOME[outcome]))

    takeovers = counts["takeover"]
    if takeovers:
        lines.append(ScoreLine(
            f"took over {problem}" + (f" ({takeovers} times)" if takeovers > 1 else ""),
            -COST_TAKEOVER * takeovers))
    else:
        lines.append(ScoreLine(f"kept the responsibility with {persona_name}", POINTS_RESPONSIBILITY))

    telling = counts["advice"] + counts["leading_question"]
    if telling:
        lines.append(ScoreLine(
            f"{_plural(telling, 'reply', 'replies')} told instead of asking "
            f"({counts['advice']} advice, {counts['leading_question']} leading)",
            -min(MAX_TELLING_COST, COST_TELLING * telling)))

    if measures.judgments:
        lines.append(ScoreLine(f"judged {_plural(measures.judgments, 'time')}",
                               -COST_JUDGMENT * measures.judgments))

    if measures.talk_ratio is not None:
        percent = round(100 * measures.talk_ratio)
        if measures.talk_ratio < 0.5:
            lines.append(ScoreLine(f"you spoke {percent}% of the words (under half)", POINTS_TALK))
        else:
            lines.append(ScoreLine(f"you spoke {percent}% of the words (half or more)", 0))

    raw = sum(line.points for line in lines)
    total = max(0, min(100, raw))
    if total != raw:
        lines.append(ScoreLine(f"kept within 0-100 (sum was {raw})", total - raw))
    return Score(total, lines)
