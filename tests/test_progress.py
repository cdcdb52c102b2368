"""Progress per skill and the "ready" mark, over a real SQLite store."""

from __future__ import annotations

import pytest

from trainer.engine import Session
from trainer.progress import READY_STREAK, SKILLS, readiness, session_is_good, skill_series
from trainer.scenario import load_library
from trainer.storage import SessionNotFound, SessionStore, open_database

SCENARIO = "just-tell-me"
OPEN = "What have you tried so far?"
ADVICE = ["You should just call them again.", "You need to ring Karen today.", "Just send them a new offer."]
#: Two reflections to each open question: the coding manual's good reflection : question ratio.
REFLECTIVE = ["So it feels like nobody is listening.", "You sound worn out by this.", "What else could you do?",
              "So you've tried a lot already.", "It sounds like you want a clear way forward.",
              "What will you do first?"]


@pytest.fixture
def store():
    store = SessionStore(open_database())
    yield store
    store.database.close()


@pytest.fixture(scope="module")
def scenario():
    return load_library([]).get(SCENARIO)


def play(store: SessionStore, scenario, replies: list[str], trainee: str = "Ann") -> int:
    """Play and record a whole session; open questions are repeated until it ends."""
    session = Session(scenario, 0)
    session_id = store.start_session(trainee, scenario, 0)
    queue = list(replies)
    filler = iter(REFLECTIVE * 3)
    while not session.finished:
        store.record_turn(session_id, session.reply(queue.pop(0) if queue else next(filler)))
    store.finish_session(session_id, session.result())
    return session_id


def test_three_good_attempts_in_a_row_make_a_scenario_ready(store, scenario):
    play(store, scenario, ADVICE)  # told three times: not good
    only_questions = play(store, scenario, [OPEN] * 12)  # open questions alone, no reflections: not good either
    assert store.session_detail(only_questions)["measures"]["reflection_to_question"] == 0
    assert readiness(store.trends("Ann"))[SCENARIO].good_in_a_row == 0
    for _ in range(READY_STREAK - 1):
        play(store, scenario, [])
    marks = readiness(store.trends("Ann"))
    assert marks[SCENARIO].attempts == READY_STREAK + 1 and marks[SCENARIO].good_in_a_row == READY_STREAK - 1
    assert not marks[SCENARIO].ready

    play(store, scenario, [])
    mark = readiness(store.trends("Ann"))[SCENARIO]
    assert mark.ready and mark.good_in_a_row == READY_STREAK

    play(store, scenario, ADVICE)  # one bad attempt resets the mark
    assert not readiness(store.trends("Ann"))[SCENARIO].ready


def test_skill_series_follow_sessions_oldest_first(store, scenario):
    play(store, scenario, ADVICE)
    play(store, scenario, [OPEN])
    series = {s.skill: s for s in skill_series(store.trends("Ann"))}
    assert list(series) == list(SKILLS)
    shares = series["open_question_share"].values
    assert len(shares) == 2 and shares[0] < shares[1]
    assert series["talk_ratio"].good == 0.5 and not series["talk_ratio"].higher_is_better


def test_good_means_every_good_threshold_of_the_coding_manual():
    good = {"open_among_questions": 0.75, "reflection_to_question": 2.0, "talk_ratio": 0.35,
            "responsibility_kept": True, "judgments": 0, "open_question_share": 0.3, "ask_tell_ratio": None}
    assert session_is_good(good)
    assert not session_is_good({**good, "open_among_questions": 0.65})  # the manual's good is 70%
    assert not session_is_good({**good, "reflection_to_question": 1.5})  # and 2 : 1
    assert not session_is_good({**good, "talk_ratio": 0.5})  # under half, not half
    assert not session_is_good({**good, "responsibility_kept": False})
    assert not session_is_good({**good, "judgments": 1})
    assert not session_is_good({name: None for name in good})


def test_self_rating_is_stored_and_checked(store, scenario):
    session_id = play(store, scenario, [OPEN])
    store.set_self_rating(session_id, 4)
    assert store.session_detail(session_id)["self_rating"] == 4
    with pytest.raises(ValueError):
        store.set_self_rating(session_id, 6)
    with pytest.raises(SessionNotFound):
        store.set_self_rating(session_id + 100, 3)
