"""Progress per skill: the three measures across sessions, and a "ready" mark per scenario.

The charts follow open-question share, ask : tell and talk ratio. A scenario is *ready* when the
last three finished attempts at it each meet the coding manual's good thresholds: open questions at
least 70% of the questions, reflections at least twice the questions (MITI 4), the manager speaking
under half of the words, the responsibility kept (no takeover) and no judgment. Three in a row, not
one lucky run, is what says the habit holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from .scoring import THRESHOLDS

#: The skills a progress chart follows, in the order shown.
SKILLS = ("open_question_share", "ask_tell_ratio", "talk_ratio")
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
    good_in_a_row: int  # how many of the newest attempts in a row are good on every skill
    ready: bool


def skill_is_good(point: Mapping, skill: str) -> bool:
    """Does one session's value for ``skill`` reach the good threshold?

    A missing ask : tell means nothing was told; that counts as good only if the session had a
    good open-question share (so it did ask), as ``Measures.rating`` does.
    """
    value = point.get(skill)
    spec = THRESHOLDS[skill]
    if value is None:
        return skill == "ask_tell_ratio" and skill_is_good(point, "open_question_share")
    return value >= spec["good"] if spec["higher_is_better"] else value < spec["good"]


#: The coding manual's good level for each measure a "ready" attempt must meet.
READY_MEASURES = ("open_among_questions", "reflection_to_question", "talk_ratio")


def session_is_good(point: Mapping) -> bool:
    """Does one finished attempt meet every good threshold of the coding manual?"""
    good_levels = all(point.get(name) is not None and skill_is_good(point, name) for name in READY_MEASURES)
    return good_levels and point.get("responsibility_kept") is True and point.get("judgments") == 0


def skill_series(trend_points: Sequence[Mapping]) -> list[SkillSeries]:
    """The three skills across ``trend_points`` (``SessionStore.trends``, oldest first)."""
    return [
        SkillSeries(skill, THRESHOLDS[skill]["label"], THRESHOLDS[skill]["good"],
                    THRESHOLDS[skill]["higher_is_better"], [point.get(skill) for point in trend_points])
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
        marks[scenario] = ScenarioReadiness(scenario, len(points), streak, streak >= READY_STREAK)
    return marks


def measured_rating(ask: int, tell: int) -> int | None:
    """The measured counterpart of a 1-5 self-rating: the asking share of asking and telling replies.

    1 means every such reply told, 5 that every one asked; None when the session did neither.
    """
    if ask + tell == 0:
        return None
    return 1 + round(4 * ask / (ask + tell))
