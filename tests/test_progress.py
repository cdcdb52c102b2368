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
    while not session.finished:
        store.record_turn(session_id, session.reply(queue.pop(0) if queue else OPEN))
    store.finish_session(session_id, session.result())
    return session_id


def test_three_good_attempts_in_a_row_make_a_scenario_ready(store, scenario):
    play(store, scenario, ADVICE)  # told three times: not good
    for _ in range(READY_STREAK - 1):
        play(store, scenario, [OPEN])
    marks = readiness(store.trends("Ann"))
    assert marks[SCENARIO].attempts == READY_STREAK and marks[SCENARIO].good_in_a_row == READY_STREAK - 1
    assert not marks[SCENARIO].ready

    play(store, scenario, [OPEN])
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
    assert series["talk_ratio"].good == 0.4 and not series["talk_ratio"].higher_is_better


def test_good_means_every_skill_at_its_good_threshold():
    good = {"open_question_share": 0.7, "ask_tell_ratio": 3.5, "talk_ratio": 0.3}
    assert session_is_good(good)
    assert session_is_good({**good, "ask_tell_ratio": None})  # asked and never told
    assert not session_is_good({**good, "talk_ratio": 0.45})
    assert not session_is_good({**good, "ask_tell_ratio": 2.0})
    assert not session_is_good({**good, "open_question_share": 0.5})
    assert not session_is_good({"open_question_share": None, "ask_tell_ratio": None, "talk_ratio": None})


def test_self_rating_is_stored_and_checked(store, scenario):
    session_id = play(store, scenario, [OPEN])
    store.set_self_rating(session_id, 4)
    assert store.session_detail(session_id)["self_rating"] == 4
    with pytest.raises(ValueError):
        store.set_self_rating(session_id, 6)
    with pytest.raises(SessionNotFound):
        store.set_self_rating(session_id + 100, 3)
