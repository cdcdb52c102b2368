"""How the score and the measures are shown: the same words on the briefing and the report.

Nothing here restates a rule: the score lines come from ``scoring.SCORE_RULES`` and the thresholds
from ``scoring.THRESHOLDS``, so the rubric shown is the rubric applied.
"""

from __future__ import annotations

from ask_dont_tell.trainer.labels import DESCRIPTIONS, PRIMARY_ORDER
from ask_dont_tell.trainer.scoring import REPORTED, SCORE_RULES, THRESHOLDS


def score_rules() -> list[tuple[str, str]]:
    """(what, points) for every line the score can have."""
    return [(rule.rubric, rule.points_text) for rule in SCORE_RULES]


def label_guide() -> list[tuple[str, str]]:
    """(label, what it means) for the nine labels, in the manual's order of precedence."""
    return [(label.value, DESCRIPTIONS[label].split(":", 1)[1].strip()) for label in PRIMARY_ORDER]


def threshold_text(name: str) -> str:
    spec = THRESHOLDS[name]
    return f"fair {spec.target('fair')}, good {spec.target('good')} ({spec.source})"


def measure_rows() -> list[tuple[str, str, str]]:
    """(key, title, thresholds) of the measures the report rates."""
    return [(name, THRESHOLDS[name].label, threshold_text(name)) for name in REPORTED]
