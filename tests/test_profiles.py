"""Profiles on this machine, and what each is best to practise next."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from ask_dont_tell.trainer.profiles import FILE_NAME, Profiles, clean_name, practise_next, weakest_skill
from ask_dont_tell.trainer.scoring import THRESHOLDS

TODAY = dt.date(2026, 5, 20)  # a Wednesday
SCENARIOS = [SimpleNamespace(id="easy", title="Easy one", difficulty=1),
             SimpleNamespace(id="hard", title="Hard one", difficulty=3),
             SimpleNamespace(id="mid", title="Middle one", difficulty=2)]
GOOD = {"evoking_share": 0.9, "open_among_questions": 0.9, "own_part_share": 0.8, "sided_with_blame": 0,
        "judgments": 0, "responsibility_kept": True, "score": 80}


def point(scenario: str, days_ago: int, **measures) -> dict:
    started = dt.datetime.combine(TODAY - dt.timedelta(days=days_ago), dt.time(12), dt.timezone.utc)
    return {"id": days_ago * 10 + len(scenario), "scenario": scenario, "started": started.isoformat(),
            **GOOD, **measures}


def test_profiles_round_trip_and_a_damaged_file_means_none(tmp_path):
    assert Profiles.load(tmp_path) == Profiles()
    profiles = Profiles().with_current("Sam  Rivera").with_current("Ana").with_current("Sam Rivera")
    assert profiles.names == ("Sam Rivera", "Ana") and profiles.current == "Sam Rivera"
    profiles.save(tmp_path)
    assert Profiles.load(tmp_path) == profiles
    (tmp_path / FILE_NAME).write_text("{not json")
    assert Profiles.load(tmp_path) == Profiles()
    assert clean_name("  a\tb  ") == "a b" and clean_name("bad\x00name") == ""


def test_before_any_session_the_easiest_situation_is_suggested():
    plan = practise_next(SCENARIOS, [], TODAY)
    assert plan.suggestion.scenario == "easy" and not plan.suggestion.skill
    assert plan.streak_days == 0 and plan.sessions_this_week == 0 and plan.total == 3
    assert len(plan.calendar) == 5 * 7 + 3 and plan.calendar[-1] == (TODAY, 0)
    assert plan.calendar[0][0].weekday() == 0  # the calendar's weeks start on Monday


def test_the_weakest_measure_and_an_unready_situation_left_longest_come_first():
    points = [point("hard", 9, own_part_share=0.1), point("mid", 3, own_part_share=0.1),
              point("easy", 1, evoking_share=0.2)]
    assert weakest_skill(points)[:2] == ("own_part_share", 2)
    plan = practise_next(SCENARIOS, points, TODAY)
    suggestion = plan.suggestion
    assert suggestion.scenario == "hard"  # fails the weakest measure, and left longest (9 days)
    assert suggestion.skill_label == THRESHOLDS["own_part_share"].label
    assert "fell short in 2 of your last 3 sessions" in suggestion.reason
    assert "last practised 9 days ago" in suggestion.reason


def test_ready_situations_come_last_and_the_streak_counts_days_in_a_row():
    points = [point("easy", days, ) for days in (4, 2, 1)] + [point("mid", 1, own_part_share=0.1),
                                                             point("mid", 0, own_part_share=0.1)]
    plan = practise_next(SCENARIOS, points, TODAY)
    assert plan.ready["easy"].ready and plan.ready_count == 1
    assert plan.suggestion.scenario == "mid"
    assert plan.streak_days == 3 and plan.sessions_this_week == 4  # Monday to Wednesday
    counts = dict(plan.calendar)
    assert counts[TODAY] == 1 and counts[TODAY - dt.timedelta(days=1)] == 2
    yesterday_only = practise_next(SCENARIOS, [point("easy", 1)], TODAY)
    assert yesterday_only.streak_days == 1  # today can still come: the streak is not lost yet
