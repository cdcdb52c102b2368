"""Property-based tests: arbitrary unicode never crashes the classifier or the engine."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trainer.classify import classify
from trainer.engine import ReplyRefused, Session
from trainer.labels import ALL_LABELS
from trainer.scenario import load_library

SCENARIO = load_library().get("just-tell-me")
replies = st.text(alphabet=st.characters(codec="utf-8"), max_size=400)


@given(replies)
@settings(max_examples=400, deadline=None)
def test_classifier_always_answers_with_a_label(reply):
    result = classify(reply)
    assert result.label in ALL_LABELS
    assert all(sentence.label in ALL_LABELS for sentence in result.sentences)
    if result.sentences:
        assert result.label in {s.label for s in result.sentences}
    assert classify(reply) == result  # deterministic


@given(st.lists(replies, max_size=15), st.integers(min_value=0, max_value=2**31))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_engine_takes_any_replies_and_stays_consistent(texts, seed):
    session = Session(SCENARIO, seed)
    taken = 0
    for text in texts:
        if session.finished:
            break
        try:
            turn = session.reply(text)
        except ReplyRefused:
            assert not text.strip()
            continue
        taken += 1
        assert turn.label in ALL_LABELS
        assert turn.response
    result = session.result()
    assert len(result.turns) == taken
    assert 0 <= result.score.total <= 100
    assert sum(line.points for line in result.score.lines) == result.score.total
