"""The salesperson hears what the manager says: each engine behaviour, through the one practice
loop (``PracticeRun``), on every bundled scenario.

The managers here are written as a trainee would talk, with each scenario's own words where the
behaviour is about content (its facts, what it blames, what it controls), never tuned to one file.
"""

from __future__ import annotations

import itertools

import pytest

from ask_dont_tell.trainer.classify import Classification
from ask_dont_tell.trainer.engine import ENDING_RULES, REACTION_RULES, ReplyRefused, Session, counted_thing, stems
from ask_dont_tell.trainer.practice import PracticeRun
from ask_dont_tell.trainer.scenario import NUMBER, load_library
from ask_dont_tell.trainer.storage import SessionStore, open_database

LIBRARY = load_library()
SCENARIOS = LIBRARY.sorted()
IDS = [s.id for s in SCENARIOS]

OFF_TOPIC = [
    "What did you get up to at the weekend?", "How's the family doing?", "did you catch the match last night",
    "Any holiday plans this summer?", "How was the traffic this morning?", "Seen any good films lately?",
    "what are the kids up to these days", "How's the new puppy?",
]
TELLING = [
    "You should ring them first thing tomorrow and ask for a decision.",
    "Just send them the case study and push for a date.",
    "Honestly I'd block out two mornings and get the calls done.",
    "The answer is to qualify harder on the first call.",
    "Go back to them this week with a proper plan.",
]
TAKEOVER = ["Leave it with me, I'll sort it out myself.", "Let me handle it, I'll call them today.",
            "I'll deal with it directly, don't worry about it."]


def _blame_words(scenario) -> list[str]:
    return [words[0] for words in scenario.blames.values()]


def _control_words(scenario) -> list[str]:
    return [words[0] for words in scenario.controls.values()]


def siding_manager(scenario) -> list[str]:
    blames = itertools.cycle(_blame_words(scenario))
    return [
        f"Honestly, {next(blames)} really let you down there.",
        f"What else has {next(blames)} got wrong for you?",
        "That's just bad luck, nothing you could have done.",
        f"You're right, {next(blames)} should have sorted that out.",
        "It's not your fault, anyone would struggle with that.",
    ]


def coaching_manager(scenario) -> list[str]:
    """Open questions and reflections about their own part, in this scenario's words."""
    controls = itertools.cycle(_control_words(scenario))
    return [
        "That sounds like a hard few weeks.",
        "What's been the hardest part of it for you?",
        f"What have you tried so far with the {next(controls)}?",
        "So part of this has felt out of your hands.",
        f"What could you do differently about the {next(controls)}?",
        "What's within your control here?",
        f"What would you want to do first about the {next(controls)}?",
        "What will you do this week, and when?",
        "How will you keep yourself on track with it?",
        "What support would you want from me, if any?",
    ]


def play(scenario, replies, seed=0, limit=30) -> Session:
    run = PracticeRun.new(scenario, None, "Ann", seed)
    for reply in itertools.islice(itertools.cycle(replies), limit):
        if run.finished:
            break
        run.take(reply)
    return run.session


def play_hints(scenario, seed=0, limit=25) -> Session:
    """A manager who answers every line with the open question the scenario models there."""
    run = PracticeRun.new(scenario, None, "Ann", seed)
    for _ in range(limit):
        if run.finished:
            break
        run.take(run.session.hint())
    return run.session


# --- whole sessions ------------------------------------------------------------------------------


@pytest.mark.parametrize("scenario", SCENARIOS, ids=IDS)
def test_following_the_model_questions_wins_with_a_high_score(scenario):
    session = play_hints(scenario)
    result = session.result()
    assert result.outcome == "success", [(t.reply, t.label, t.focus, t.rule) for t in session.turns]
    assert result.score.total >= 75


@pytest.mark.parametrize("scenario", SCENARIOS, ids=IDS)
def test_off_topic_questions_never_win_and_score_low(scenario):
    session = play(scenario, OFF_TOPIC)
    result = session.result()
    assert result.outcome == "failure" and result.ending == "walked_out"
    assert result.score.total < 25
    assert all(t.reaction == "redirect" for t in session.turns)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=IDS)
def test_siding_warms_them_and_ends_in_its_own_ending(scenario):
    session = play(scenario, siding_manager(scenario))
    result = session.result()
    assert result.ending == "sided", [(t.reply, t.label, t.sides_with_blame) for t in session.turns]
    assert result.score.total < 30
    sided = [t for t in session.turns if t.sides_with_blame]
    assert sided and sided[0].state["trust"] >= 1 and sided[0].state["hardened"] >= 2
    assert any(line.rule == "siding" and line.points < 0 for line in result.score.lines)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=IDS)
@pytest.mark.parametrize("manager", [TELLING, TAKEOVER, TELLING[:2] + TAKEOVER[:1]], ids=["tells", "takes", "mixed"])
def test_advice_and_takeover_fail(scenario, manager):
    result = play(scenario, manager).result()
    assert result.outcome == "failure" and result.ending in ("complies", "manager_owns_it")
    assert result.score.total < 20


# --- reply by reply ------------------------------------------------------------------------------


@pytest.mark.parametrize("scenario", SCENARIOS, ids=IDS)
def test_how_many_questions_get_a_number(scenario):
    questions = ["How many calls did you make last week?", "how many accounts are we talking about",
                 "How many meetings have you got booked?"]
    for question in questions:
        session = Session(scenario, 0)
        turn = session.reply(question)
        assert turn.label == "closed_question"
        assert NUMBER.search(turn.response), (question, turn.response)
        assert stems(counted_thing(question)) & stems(turn.response), (question, turn.response)  # what was counted


@pytest.mark.parametrize("scenario", SCENARIOS, ids=IDS)
def test_a_touched_fact_is_told_when_trust_allows_and_never_again_as_new(scenario):
    fact = next(f for f in scenario.facts if f.about == "own_part")
    session = Session(scenario, 0)
    warm = ["That sounds really hard.", "What's been going on for you?", "That must have been frustrating.",
            "Tell me more about how it's felt.", "What's it been like?"]
    for reply in warm:
        if all(session.state.get(name, 0) >= need for name, need in fact.needs.items()) and session.state["trust"] >= 0:
            break
        session.reply(reply)
    question = f"Tell me about {fact.words[0]}."
    turn = session.reply(question)
    assert fact.id in turn.revealed, (question, turn.rule, session.state, turn.response)
    assert turn.response in fact.lines
    later = session.reply(f"What else about {fact.words[0]}?")
    assert later.response not in fact.lines and fact.id not in later.revealed


@pytest.mark.parametrize("scenario", SCENARIOS, ids=IDS)
def test_a_fact_the_manager_names_first_is_confirmed_not_announced(scenario):
    fact = next(f for f in scenario.facts if not f.needs)
    session = Session(scenario, 0)
    turn = session.apply(f"So {fact.words[0]}.", Classification("reflection", "So", focus=fact.about))
    assert fact.id in turn.revealed and turn.response in fact.confirm


@pytest.mark.parametrize("scenario", SCENARIOS, ids=IDS)
def test_no_line_is_said_twice_in_a_session(scenario):
    replies = ["What happened?", "Okay.", "Did you call them?", "How many calls?", "What else?",
               "You should call them.", "Tell me more.", "Mm-hmm.", "What did you get up to at the weekend?",
               "So you're fed up.", "Thanks for being honest.", "When was that?", "Who was there?"]
    session = play(scenario, replies, limit=40)
    lines = [session.turns[0].salesperson] + [t.response for t in session.turns]
    assert len(lines) == len(set(lines)), [line for line in lines if lines.count(line) > 1]


def test_seeds_change_the_order_facts_surface_in_most_scenarios():
    varied = 0
    for scenario in SCENARIOS:
        orders = set()
        for seed in range(4):
            session = play(scenario, coaching_manager(scenario), seed=seed)
            orders.add(tuple(fact for t in session.turns for fact in t.revealed))
        varied += len(orders) > 1
    assert varied >= len(SCENARIOS) / 2


@pytest.mark.parametrize("scenario", SCENARIOS, ids=IDS)
def test_off_topic_gets_a_redirect_and_repeated_off_topic_costs_patience(scenario):
    session = Session(scenario, 0)
    first = session.reply(OFF_TOPIC[0])
    assert first.reaction == "redirect" and first.state["patience"] == scenario.tuning.patience
    second = session.reply(OFF_TOPIC[1])
    assert second.rule == "off_topic_again" and second.state["patience"] == scenario.tuning.patience - 1
    assert second.state["ownership"] == 0 and second.state["openness"] == 0


@pytest.mark.parametrize("scenario", SCENARIOS, ids=IDS)
def test_only_their_own_part_moves_them_toward_owning_it(scenario):
    own = Session(scenario, 0)
    others = Session(scenario, 0)
    outcome = Session(scenario, 0)
    for _ in range(4):
        own.apply("What have you tried?", Classification("open_question", "What", focus="own_part"))
        others.apply("What did they get wrong?", Classification("open_question", "What", focus="others"))
        outcome.apply("How will you hit the number?", Classification("open_question", "How", focus="outcome"))
    assert own.state["ownership"] > 0
    assert others.state["ownership"] == 0 and outcome.state["ownership"] == 0


@pytest.mark.parametrize("scenario", SCENARIOS, ids=IDS)
def test_one_clumsy_reply_cannot_end_a_good_session(scenario):
    for clumsy in ("That's sloppy work.", "You should just call them.", "I'll ring them myself."):
        session = Session(scenario, 0)
        for reply in coaching_manager(scenario)[:3]:
            session.reply(reply)
        turn = session.reply(clumsy)
        assert not turn.ended, (clumsy, session.ending)
        for reply in coaching_manager(scenario)[3:]:
            if session.finished:
                break
            session.reply(reply)
        assert session.outcome in ("success", "unfinished", "partial"), (clumsy, session.ending)


def test_a_hard_reading_the_trainer_is_not_sure_of_gets_a_question_back_and_costs_nothing():
    scenario = SCENARIOS[0]
    session = Session(scenario, 0)
    before = dict(session.state)
    turn = session.apply("hmm right well", Classification("judgment", "well", confidence=0.2))
    assert turn.rule == "not_sure" and turn.reaction == "unclear"
    assert {k: v for k, v in turn.state.items() if k != "turns"} == {k: v for k, v in before.items() if k != "turns"}


@pytest.mark.parametrize("scenario", SCENARIOS[:3], ids=IDS[:3])
def test_a_soft_time_limit_brings_a_closing_line_then_the_end(scenario):
    session = play(scenario, ["Did you call them?", "Okay."], limit=60)
    closing_at = scenario.tuning.soft_limit - 1
    assert any(line in session.turns[closing_at].response for line in scenario.reactions["closing"])
    assert session.ending in ("out_of_time", "partial_plan", "sided")
    assert len(session.turns) == scenario.tuning.soft_limit + scenario.tuning.grace


def test_reflection_led_and_question_led_coaching_both_win():
    scenario = LIBRARY.get("blaming-the-leader")
    reflect = ["So you feel let down by the split.", "It sounds like losing those accounts really hurt.",
               "So the new patch feels like starting again.", "You haven't really gone back to the ones who wanted to talk.",
               "So some of this has been yours to do, the calls and the follow-ups.",
               "You'd like to get back to those two accounts first.", "So blocking time for the calls is the bit you control.",
               "You're thinking of a Friday note so I know what help you need."]
    ask = ["What's been the hardest part for you?", "Tell me about the new accounts you've spoken to.",
           "What have you done with the new accounts since January?", "What got in the way of following up?",
           "What could you do differently with them next week?", "What will you do first, and when?",
           "How will you keep it going?"]
    reflective = play(scenario, reflect, limit=len(reflect)).result()
    asking = play(scenario, ask, limit=len(ask)).result()
    assert reflective.outcome == "success" and asking.outcome == "success"
    assert abs(reflective.score.total - asking.score.total) <= 10


def test_restore_replays_to_the_same_lines_and_state():
    scenario = SCENARIOS[0]
    session = play(scenario, coaching_manager(scenario)[:5], seed=7)
    restored = Session.restore(scenario, 7, [(t.reply, Classification(t.label, t.cue, focus=t.focus,
                                                                        sides_with_blame=t.sides_with_blame))
                                             for t in session.turns])
    assert [t.response for t in restored.turns] == [t.response for t in session.turns]
    assert restored.state == session.state and restored.revealed == session.revealed


@pytest.mark.parametrize("reply", ["", "   ", "\n", "x" * 100_001])
def test_unusable_replies_are_refused_with_a_reason(reply):
    with pytest.raises(ReplyRefused):
        Session(SCENARIOS[0], 0).reply(reply)


def test_no_reply_after_the_end():
    session = play(SCENARIOS[0], TAKEOVER)
    assert session.finished
    with pytest.raises(ReplyRefused):
        session.reply("What now?")


def test_every_rule_has_an_id_and_a_reason():
    for rule in REACTION_RULES:
        assert rule.id and rule.why
    assert len({r.id for r in REACTION_RULES}) == len(REACTION_RULES)
    assert len({r.id for r in ENDING_RULES}) == len(ENDING_RULES)


# --- the loop and its record ---------------------------------------------------------------------


def test_every_reply_is_stored_when_taken_and_the_run_ends_once(tmp_path):
    store = SessionStore(open_database(f"sqlite:///{tmp_path / 'runs.db'}"))
    try:
        scenario = SCENARIOS[0]
        run = PracticeRun.new(scenario, store, "Ann", seed=3)
        run.take("What's been going on for you?")
        stored = store.session_detail(run.session_id)
        assert [t["reply"] for t in stored["turns"]] == ["What's been going on for you?"]
        assert stored["turns"][0]["reading"]["focus"] == run.session.turns[0].focus
        queued = run.apply("Tell me more.")
        assert len(store.session_detail(run.session_id)["turns"]) == 1  # queued, not yet written
        run.save()
        assert store.session_detail(run.session_id)["turns"][1]["reply"] == queued.reply
        end = run.end()
        assert not end.discarded and end.result is not None and run.end() is end
        assert store.session_detail(run.session_id)["status"] == "finished"
        empty = PracticeRun.new(scenario, store, "Ann", seed=1)
        assert empty.end().discarded
        assert store.session_detail(empty.session_id)["status"] == "discarded"
    finally:
        store.database.close()


def test_a_killed_session_resumes_with_its_readings(tmp_path):
    store = SessionStore(open_database(f"sqlite:///{tmp_path / 'runs.db'}"))
    try:
        scenario = SCENARIOS[0]
        run = PracticeRun.new(scenario, store, "Ann", seed=5)
        for reply in coaching_manager(scenario)[:3]:
            run.take(reply)
        resumed = PracticeRun.resume(store, run.session_id, LIBRARY, "Ann")
        assert resumed.session.state == run.session.state
        assert [t.focus for t in resumed.session.turns] == [t.focus for t in run.session.turns]
        assert resumed.line == run.line
    finally:
        store.database.close()
