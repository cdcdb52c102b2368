"""How the score and the measures are shown: the same words on the briefing and the report."""

from __future__ import annotations

from trainer.labels import DESCRIPTIONS, PRIMARY_ORDER
from trainer.scoring import (
    COST_JUDGMENT,
    COST_TAKEOVER,
    COST_TELLING,
    MAX_LISTENING,
    MAX_TELLING_COST,
    POINTS_OPEN_SHARE,
    POINTS_OUTCOME,
    POINTS_PER_LISTENING,
    POINTS_RESPONSIBILITY,
    POINTS_TALK,
    THRESHOLDS,
)

SHARES = {"open_question_share", "open_among_questions", "talk_ratio"}


def score_rules() -> list[tuple[str, str]]:
    """(what, points) for every line the score can have, from the scoring constants themselves."""
    outcome = " / ".join(f"+{POINTS_OUTCOME[name]}" if POINTS_OUTCOME[name] else "0"
                         for name in ("success", "partial", "failure"))
    return [
        ("Share of your replies that were open questions", f"up to +{POINTS_OPEN_SHARE}"),
        ("Reflections and affirmations", f"+{POINTS_PER_LISTENING} each, at most +{MAX_LISTENING}"),
        ("Outcome: success / partial / failure or unfinished", outcome),
        ("Kept the responsibility with them (no takeover)", f"+{POINTS_RESPONSIBILITY}; each takeover −{COST_TAKEOVER}"),
        ("Advice and leading questions", f"−{COST_TELLING} each, at most −{MAX_TELLING_COST}"),
        ("Judgments", f"−{COST_JUDGMENT} each"),
        ("You spoke under half of the words", f"+{POINTS_TALK}"),
    ]


def label_guide() -> list[tuple[str, str]]:
    """(label, what it means) for the nine labels, in the manual's order of precedence."""
    return [(label.value, DESCRIPTIONS[label].split(":", 1)[1].strip()) for label in PRIMARY_ORDER]


def format_value(name: str, value: float | None) -> str:
    if value is None:
        return "—"
    if name in SHARES:
        return f"{round(value * 100)}%"
    return f"{value:.1f} : 1"


def threshold_text(name: str) -> str:
    spec = THRESHOLDS[name]
    fair, good = format_value(name, spec["fair"]), format_value(name, spec["good"])
    if spec["higher_is_better"]:
        return f"fair at least {fair}, good at least {good} ({spec['source']})"
    return f"fair at most {fair}, good under {good} ({spec['source']})"


def measure_rows() -> list[tuple[str, str, str]]:
    """(key, title, thresholds) of the measures the report rates."""
    return [(name, spec["label"], threshold_text(name)) for name, spec in THRESHOLDS.items()]
