"""Progress per skill and the "ready" mark, over a real SQLite store."""

from __future__ import annotations

import pytest

from ask_dont_tell.trainer.practice import PracticeRun
from ask_dont_tell.trainer.progress import READY_STREAK, SKILLS, readiness, session_is_good, session_verdicts, skill_series
from ask_dont_tell.trainer.scoring import THRESHOLDS
from ask_dont_tell.trainer.scenario import load_library
from ask_dont_tell.trainer.storage import SessionNotFound, SessionStore, open_database

SCENARIO = "just-tell-me"
OPEN = "What have you tried so far?"
ADVICE = ["You should just call them again.", "You need to ring Karen today.", "Just send them a new offer."]
#: Coaching about their own part and their experience, reflections and questions mixed.
COACHING = ["That sounds like a frustrating week.", "What have you tried so far?",
            "So you've tried a lot already and it still feels stuck.", "What could you do differently next time?",
            "What's within your control here?", "What will you do first, and when?",
            "How will you keep yourself on track?", "What would help you stick with it?"]


@pytest.fixture
def store():
    store = SessionStore(open_database())
    yield store
    store.database.close()


@pytest.fixture(scope="module")
def scenario():
    return load_library([]).get(SCENARIO)


def play(store: SessionStore, scenario, replies: list[str], trainee: str = "Ann") -> int:
    """Play and record a whole session through the practice loop; then the coaching replies, until it ends."""
    run = PracticeRun.new(scenario, store, trainee, seed=0)
    queue = list(replies)
    filler = iter(COACHING * 3)
    while not run.finished:
        run.take(queue.pop(0) if queue else next(filler))
    run.end()
    return run.session_id


def test_three_good_attempts_in_a_row_make_a_scenario_ready(store, scenario):
    play(store, scenario, ADVICE)  # told three times: not good
    mark = readiness(store.trends("Ann"))[SCENARIO]
    assert mark.good_in_a_row == 0
    assert "Telling" in mark.explain() or "Evoking" in mark.explain()  # names the threshold that failed
    for _ in range(READY_STREAK - 1):
        play(store, scenario, [])
    marks = readiness(store.trends("Ann"))
    assert marks[SCENARIO].attempts == READY_STREAK and marks[SCENARIO].good_in_a_row == READY_STREAK - 1, \
        marks[SCENARIO].explain()
    assert not marks[SCENARIO].ready

    play(store, scenario, [])
    mark = readiness(store.trends("Ann"))[SCENARIO]
    assert mark.ready and mark.good_in_a_row == READY_STREAK and mark.explain().startswith("ready")

    play(store, scenario, ADVICE)  # one bad attempt resets the mark
    assert not readiness(store.trends("Ann"))[SCENARIO].ready


def test_skill_series_follow_sessions_oldest_first(store, scenario):
    play(store, scenario, ADVICE)
    play(store, scenario, [OPEN])
    series = {s.skill: s for s in skill_series(store.trends("Ann"))}
    assert list(series) == list(SKILLS)
    shares = series["evoking_share"].values
    assert len(shares) == 2 and shares[0] < shares[1]
    assert series["evoking_share"].good == THRESHOLDS["evoking_share"].good


def test_good_means_every_ready_threshold_and_the_verdict_says_by_how_much():
    good = {"evoking_share": 0.8, "open_among_questions": 0.75, "own_part_share": 0.6, "sided_with_blame": 0,
            "responsibility_kept": True, "judgments": 0}
    assert session_is_good(good)
    assert not session_is_good({**good, "open_among_questions": 0.65})  # the manual's good is 70%
    assert not session_is_good({**good, "evoking_share": 0.5})
    assert not session_is_good({**good, "own_part_share": 0.2})
    assert not session_is_good({**good, "sided_with_blame": 1})
    assert not session_is_good({**good, "responsibility_kept": False})
    assert not session_is_good({**good, "judgments": 1})
    assert not session_is_good({name: None for name in good})
    failed = {v.name: v for v in session_verdicts({**good, "open_among_questions": 0.64}) if not v.passed}
    assert list(failed) == ["open_among_questions"]
    assert failed["open_among_questions"].detail == "64%, 6 points short of the target (at least 70%)"


def test_self_rating_is_stored_and_checked(store, scenario):
    session_id = play(store, scenario, [OPEN])
    store.set_self_rating(session_id, 4)
    assert store.session_detail(session_id)["self_rating"] == 4
    with pytest.raises(ValueError):
        store.set_self_rating(session_id, 6)
    with pytest.raises(SessionNotFound):
        store.set_self_rating(session_id + 100, 3)
