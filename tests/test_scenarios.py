"""Bundled scenarios: valid, varied, and a salesperson who reacts to how the manager coaches."""

from __future__ import annotations

import itertools

import pytest

from ask_dont_tell.trainer.classify import classify
from ask_dont_tell.trainer.engine import Session
from ask_dont_tell.trainer.scenario import bundled_scenarios_dir, load_library, scenario_files

LIBRARY = load_library()
SCENARIOS = LIBRARY.sorted()
IDS = [s.id for s in SCENARIOS]

ADVISING_MANAGER = [
    "You should ring them first thing tomorrow and ask for a decision.",
    "Leave it with me, I'll call them myself.",
    "Just send them the case study and push for a date.",
    "I'll sort it out with them directly.",
    "The problem is you didn't qualify them properly, so go back and do it.",
    "Let me handle it, give me their number.",
]
CLOSED_MANAGER = [
    "Did you send the proposal?",
    "How many calls did you make this week?",
    "Is the meeting still on Thursday?",
    "Was the buyer on the call?",
    "Have they replied yet?",
    "When is the renewal date?",
]


def play(scenario, replies, seed=0, limit=30):
    session = Session(scenario, seed)
    for reply in itertools.islice(itertools.cycle(replies), limit):
        if session.finished:
            break
        session.reply(reply)
    return session.result()


def play_open_manager(scenario, seed=0, limit=30):
    """A manager who answers every line with the open question the scenario models there."""
    session = Session(scenario, seed)
    for _ in range(limit):
        if session.finished:
            break
        question = session.hint()
        assert classify(question).label == "open_question", f"{scenario.id}: model question {question!r}"
        session.reply(question)
    return session.result()


def test_library_has_the_situations_and_levels():
    assert not LIBRARY.problems, [str(p) for p in LIBRARY.problems]
    assert len(SCENARIOS) >= 10
    assert {s.difficulty for s in SCENARIOS} == {1, 2, 3}
    assert len({s.persona.name for s in SCENARIOS}) == len(SCENARIOS)
    assert len({(s.persona.voice.rate, s.persona.voice.pitch, s.persona.voice.accent) for s in SCENARIOS}) == len(SCENARIOS)
    assert len(scenario_files(bundled_scenarios_dir())) == len(SCENARIOS)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=IDS)
@pytest.mark.parametrize("seed", [0, 7])
def test_open_questions_lead_to_success(scenario, seed):
    result = play_open_manager(scenario, seed)
    assert result.outcome == "success"
    assert result.score.total >= 80
    assert 6 <= len(result.turns) <= 12


@pytest.mark.parametrize("scenario", SCENARIOS, ids=IDS)
@pytest.mark.parametrize("seed", [0, 7])
def test_advising_and_taking_over_fails(scenario, seed):
    result = play(scenario, ADVISING_MANAGER, seed)
    assert {t.label for t in result.turns} <= {"advice", "takeover", "leading_question"}
    assert result.outcome == "failure"
    assert result.score.total <= 30


@pytest.mark.parametrize("scenario", SCENARIOS, ids=IDS)
def test_closed_questions_never_succeed(scenario):
    result = play(scenario, CLOSED_MANAGER)
    assert {t.label for t in result.turns} == {"closed_question"}
    assert result.outcome != "success"


@pytest.mark.parametrize("scenario", SCENARIOS, ids=IDS)
def test_one_good_question_is_not_enough(scenario):
    session = Session(scenario, 0)
    session.reply(session.hint())
    for reply in itertools.islice(itertools.cycle(CLOSED_MANAGER), 30):
        if session.finished:
            break
        session.reply(reply)
    assert session.outcome != "success"


@pytest.mark.parametrize("scenario", SCENARIOS, ids=IDS)
def test_every_telling_reply_gets_a_try_instead(scenario):
    result = play(scenario, ADVISING_MANAGER)
    for turn in result.turns:
        assert turn.try_instead and classify(turn.try_instead).label == "open_question"


@pytest.mark.parametrize("scenario", SCENARIOS, ids=IDS)
def test_same_seed_same_session_and_seeds_vary_the_lines(scenario):
    first = play_open_manager(scenario, seed=1)
    again = play_open_manager(scenario, seed=1)
    assert [t.to_dict() for t in first.turns] == [t.to_dict() for t in again.turns]
    openings = {Session(scenario, seed).current_line for seed in range(12)}
    assert len(openings) >= 2, "the opening line should have variants"
