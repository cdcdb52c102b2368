"""Progress per skill: three measures across sessions, and a "ready" mark per scenario.

The charts follow the evoking share (open questions and reflections), the open share of questions
and the focus on their part. A scenario is *ready* when the last three finished attempts at it each
pass every threshold of ``scoring.READY_THRESHOLDS`` (the thresholds themselves live in
``scoring.THRESHOLDS``; nothing here restates them). Three in a row, not one lucky run, is what
says the habit holds. Every verdict says which threshold passed or failed and by how much.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from .scoring import READY_THRESHOLDS, THRESHOLDS, Measures, Verdict, verdicts

#: The skills a progress chart follows, in the order shown.
SKILLS = ("evoking_share", "open_among_questions", "own_part_share")
#: How many of the newest finished attempts must all be good for a scenario to be ready.
READY_STREAK = 3


@dataclass(frozen=True)
class SkillSeries:
    """One skill over sessions, oldest first (None where the session gives no value)."""

    skill: str
    title: str
    good: float
    higher_is_better: bool
    values: list[float | None]


@dataclass(frozen=True)
class ScenarioReadiness:
    scenario: str
    attempts: int
    good_in_a_row: int  # how many of the newest attempts in a row are good on every threshold
    ready: bool
    latest: tuple[Verdict, ...] = ()  # the newest attempt's verdicts: which passed, which failed, by how much

    @property
    def failing(self) -> list[Verdict]:
        return [v for v in self.latest if not v.passed]

    def explain(self) -> str:
        """Why it is or is not ready, naming each threshold that failed and by how much."""
        if self.ready:
            return f"ready: the last {READY_STREAK} attempts each met every threshold"
        head = f"{self.good_in_a_row} of {READY_STREAK} good attempts in a row"
        if not self.failing:
            return head
        return head + "; last attempt: " + "; ".join(f"{v.label} {v.detail}" for v in self.failing)


def point_measures(point: Mapping) -> Measures:
    """A trend point (``SessionStore.trends``) read as measures."""
    return Measures.from_stored(point) or Measures.from_stored({})  # type: ignore[return-value]


def session_verdicts(point: Mapping) -> list[Verdict]:
    """The "ready" thresholds applied to one finished attempt."""
    return verdicts(point_measures(point), READY_THRESHOLDS)


def skill_is_good(point: Mapping, skill: str) -> bool:
    """Does one session's value for ``skill`` reach the good threshold?"""
    return THRESHOLDS[skill].verdict(point_measures(point)).passed


def session_is_good(point: Mapping) -> bool:
    """Does one finished attempt meet every threshold "ready" asks for?"""
    return all(v.passed for v in session_verdicts(point))


def skill_series(trend_points: Sequence[Mapping]) -> list[SkillSeries]:
    """The skills across ``trend_points`` (``SessionStore.trends``, oldest first)."""
    return [
        SkillSeries(skill, THRESHOLDS[skill].label, THRESHOLDS[skill].good, THRESHOLDS[skill].higher_is_better,
                    [point.get(skill) for point in trend_points])
        for skill in SKILLS
    ]


def readiness(trend_points: Sequence[Mapping]) -> dict[str, ScenarioReadiness]:
    """Per scenario, whether the last three finished attempts all meet the good thresholds."""
    by_scenario: dict[str, list[Mapping]] = {}
    for point in trend_points:
        by_scenario.setdefault(point["scenario"], []).append(point)
    marks = {}
    for scenario, points in by_scenario.items():
        streak = 0
        for point in reversed(points):
            if not session_is_good(point):
                break
            streak += 1
        marks[scenario] = ScenarioReadiness(scenario, len(points), streak, streak >= READY_STREAK,
                                            tuple(session_verdicts(points[-1])))
    return marks
