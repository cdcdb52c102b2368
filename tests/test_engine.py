"""Engine and scoring: measures by the manual, an explained score, replays, refusals."""

from __future__ import annotations

import pytest

from trainer.classify import classify
from trainer.engine import MAX_REPLY_CHARS, ReplyRefused, Session
from trainer.scenario import load_library
from trainer.scoring import compute_measures, compute_score

LIBRARY = load_library()


def test_measures_follow_the_coding_manual():
    labels = ["open_question", "open_question", "closed_question", "reflection", "advice",
              "leading_question", "other", "judgment"]
    measures = compute_measures(labels, ["one two three"] * 8, ["a b c d e f g h i"] * 4)
    assert measures.labelled_replies == 7  # 'other' is left out
    assert measures.open_question_share == pytest.approx(2 / 7)
    assert (measures.ask, measures.tell) == (4, 2)
    assert measures.ask_tell_ratio == pytest.approx(2.0)
    assert measures.open_among_questions == pytest.approx(2 / 4)
    assert measures.reflection_to_question == pytest.approx(1 / 4)
    assert measures.talk_ratio == pytest.approx(24 / (24 + 36))
    assert measures.responsibility_kept is True
    assert measures.judgments == 1
    assert measures.rating("open_among_questions") == "fair"
    assert measures.rating("talk_ratio") == "good"


def test_score_lines_add_up_and_name_the_costs():
    measures = compute_measures(["open_question"] * 4 + ["takeover", "advice"], ["x y"] * 6, ["a b c d"] * 7)
    score = compute_score(measures, "partial", "Priya", "the colleague problem")
    texts = [line.text for line in score.lines]
    assert "4 of 6 replies were open questions" in texts[0] and score.lines[0].points == 27
    assert any(line.text == "took over the colleague problem" and line.points == -15 for line in score.lines)
    assert sum(line.points for line in score.lines) == score.total


def test_score_is_kept_within_bounds():
    measures = compute_measures(["takeover"] * 5 + ["judgment"] * 5, ["x"] * 10, ["y"])
    score = compute_score(measures, "failure")
    assert score.total == 0
    assert sum(line.points for line in score.lines) == 0


def test_restore_replays_to_the_same_state():
    scenario = LIBRARY.get("colleague-not-delivering")
    live = Session(scenario, seed=5)
    replies = ["What's happened with the spec?", "So you're stuck waiting on him.", "I'll have a word with him."]
    for reply in replies:
        live.reply(reply)
    restored = Session.restore(scenario, 5, [(t.reply, classify(t.reply)) for t in live.turns])
    assert restored.current_line == live.current_line
    assert restored.state == live.state
    assert [t.to_dict() for t in restored.turns] == [t.to_dict() for t in live.turns]


@pytest.mark.parametrize("reply", ["", "   \n", "x" * (MAX_REPLY_CHARS + 1)])
def test_unusable_replies_are_refused_with_a_reason(reply):
    session = Session(LIBRARY.get("just-tell-me"))
    with pytest.raises(ReplyRefused) as refused:
        session.reply(reply)
    assert str(refused.value)
    assert session.turns == []


def test_a_long_reply_within_the_limit_is_taken_whole():
    session = Session(LIBRARY.get("just-tell-me"))
    reply = "What happened next? " * 4000
    turn = session.reply(reply)
    assert turn.reply == reply and turn.label == "open_question"


def test_no_reply_after_the_end():
    session = Session(LIBRARY.get("just-tell-me"))
    while not session.finished:
        session.reply("Leave it with me, I'll call them myself.")
    with pytest.raises(ReplyRefused):
        session.reply("What do you think?")


def test_telling_gets_try_instead_and_asking_does_not():
    session = Session(LIBRARY.get("not-a-natural"))
    asked = session.reply("What makes you say that?")
    told = session.reply("You should practise your closing lines every morning.")
    assert asked.try_instead is None
    assert told.label == "advice" and told.try_instead


def test_reaction_lines_of_different_branches_never_clash():
    """Mixed replies revisit nodes through different branches with 'say' lists of other lengths."""
    import itertools
    import random

    labels_to_text = {
        "open_question": "What happened next?", "closed_question": "Did they reply?",
        "affirmation": "You stuck with it, well done.", "reflection": "So you feel stuck.",
        "other": "Okay.", "advice": "You should call them.", "judgment": "That's lazy.",
    }
    for scenario in LIBRARY.sorted():
        for seed in range(8):
            rng = random.Random(seed)
            session = Session(scenario, seed)
            for text in itertools.islice(iter(lambda: rng.choice(list(labels_to_text.values())), None), 14):
                if session.finished:
                    break
                session.reply(text)


@pytest.mark.parametrize("seed", range(8))
def test_short_answers_then_affirmations(seed):
    session = Session(LIBRARY.get("just-tell-me"), seed)
    for text in ["What happened?", "Did they reply?", "Did you call?", "Was it Tuesday?",
                 "You stuck with it, well done.", "You've been really persistent."]:
        session.reply(text)
        if session.finished:
            break
    # one open question, then facts and praise: the salesperson does not come to own a plan
    assert session.outcome != "success"
    assert session.state["openness"] == 1 and session.state["told"] == 0 and session.state["trust"] == 2


REACTIONS = {"open": "What have you tried so far?", "closed": "Did they reply?",
             "advice": "You should call them tomorrow.", "takeover": "I'll call them myself.",
             "judgment": "That's lazy work."}


@pytest.mark.parametrize("scenario_id", sorted(LIBRARY.scenarios))
def test_the_salesperson_reacts_to_how_the_first_reply_coached(scenario_id):
    after = {}
    for kind, text in REACTIONS.items():
        session = Session(LIBRARY.get(scenario_id), 0)
        opening = session.node
        turn = session.reply(text)
        after[kind] = (turn, session, opening)
    open_turn, open_session, opening = after["open"]
    assert not open_session.finished and open_session.state["openness"] == 1  # opens up, but not won yet
    closed_turn, closed_session, _ = after["closed"]
    assert len(closed_turn.response.split()) < len(open_turn.response.split())  # a short answer
    assert closed_session.node == opening  # and nothing moves
    advice_turn, advice_session, _ = after["advice"]
    assert advice_session.state["trust"] < open_session.state["trust"] and advice_session.state["told"] == 1
    assert advice_turn.response != open_turn.response  # push-back, not the same line
    takeover_turn, takeover_session, _ = after["takeover"]
    assert takeover_session.state["told"] == 1 and takeover_turn.response not in (advice_turn.response,
                                                                                 open_turn.response)
    _, judged, _ = after["judgment"]
    assert judged.state["trust"] < advice_session.state["trust"] and judged.state["openness"] < 0
    assert len({after[kind][1].node for kind in ("open", "advice", "takeover", "judgment")}) == 4
