"""Retry a moment: a rewritten reply is classified afresh at that moment, and nothing is stored."""

from __future__ import annotations

import pytest

from ask_dont_tell.trainer.engine import ReplyRefused, Session
from ask_dont_tell.trainer.retry import retry_turn
from ask_dont_tell.trainer.scenario import load_library
from ask_dont_tell.trainer.storage import SessionStore, open_database

SCENARIO = "just-tell-me"
REPLIES = ["What have you tried so far?", "You should just call them again.", "What else could you do?"]
BETTER = "What do you think Karen is weighing up right now?"


@pytest.fixture(scope="module")
def scenario():
    return load_library([]).get(SCENARIO)


def played(scenario, seed: int = 3) -> Session:
    session = Session(scenario, seed)
    for reply in REPLIES:
        session.reply(reply)
    return session


def test_a_telling_reply_rewritten_as_an_open_question_gets_the_open_answer(scenario):
    session = played(scenario)
    stored = [turn.to_dict() for turn in session.turns]
    assert stored[1]["label"] == "advice"

    result = retry_turn(scenario, 3, stored, 1, BETTER)

    assert result.label == "open_question" and result.cue
    assert result.try_instead is None
    assert result.original_label == "advice" and result.original_reply == REPLIES[1]
    assert result.salesperson == session.turns[1].salesperson  # the same moment as played
    # the same rewrite played live gives the same answer the retry shows
    live = Session(scenario, 3)
    live.reply(REPLIES[0])
    assert result.response == live.reply(BETTER).response
    assert result.response != session.turns[1].response


def test_a_rewrite_that_tells_gets_a_better_question(scenario):
    stored = [turn.to_dict() for turn in played(scenario).turns]
    result = retry_turn(scenario, 3, stored, 0, "You need to ring Karen today.")
    assert result.label in {"advice", "takeover", "leading_question"}
    assert result.try_instead in scenario.nodes[scenario.start].try_instead


def test_moments_that_do_not_exist_and_empty_rewrites_are_refused(scenario):
    stored = [turn.to_dict() for turn in played(scenario).turns]
    with pytest.raises(ValueError, match="reply 4 does not exist"):
        retry_turn(scenario, 3, stored, 3, BETTER)
    with pytest.raises(ReplyRefused):
        retry_turn(scenario, 3, stored, 0, "   ")


def test_retrying_a_stored_session_leaves_it_unchanged(scenario):
    store = SessionStore(open_database())
    try:
        session = played(scenario)
        session_id = store.start_session("Ann", scenario, 3)
        for turn in session.turns:
            store.record_turn(session_id, turn)
        store.finish_session(session_id, session.result())
        before = store.session_detail(session_id)

        result = retry_turn(scenario, before["seed"], before["turns"], 1, BETTER)

        assert result.label == "open_question"
        assert store.session_detail(session_id) == before
    finally:
        store.database.close()
