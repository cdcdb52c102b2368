"""The score a coach would sign: measures of the coding manual, bounded costs, no free points, and
one set of verdicts that every place shows alike."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ask_dont_tell.trainer.classify import Classification
from ask_dont_tell.trainer.engine import Session
from ask_dont_tell.trainer.exchange import export_sessions
from ask_dont_tell.trainer.practice import PracticeRun
from ask_dont_tell.trainer.prep import gather_prep_card, recorded_attempts
from ask_dont_tell.trainer.progress import readiness, session_verdicts
from ask_dont_tell.trainer.scenario import load_library
from ask_dont_tell.trainer.scoring import (READY_THRESHOLDS, SCORE_RULES, THRESHOLDS, Measures, compute_measures, compute_score,
                             measured_rating)
from ask_dont_tell.trainer.storage import SessionStore, open_database

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = load_library()
SCENARIO = LIBRARY.get("colleague-not-delivering")

EXCELLENT = ["That sounds like a frustrating week.", "What have you tried with him so far?",
             "So you've mostly waited for him to come through.", "What could you do differently this time?",
             "What's within your control here?", "What will you do first, and when?",
             "How will you keep yourself on track?", "What support would you want from me, if any?"]
MIXED = {
    "excellent": EXCELLENT,
    "reflective": ["Sounds like it's been a rough few weeks.", "So you feel a bit stuck with it.",
                   "You've put a lot into this and it hasn't paid off.",
                   "So part of it is stuff you haven't got round to yet.",
                   "You're wondering what you could have done differently.",
                   "You'd like to try something different this time.", "So the first step is yours to take.",
                   "You're thinking you'll start this week.", "sounds like you've got a plan you can own"],
    "slips twice": ["Hi, thanks for coming in. What's up?", "What have you done about it so far?",
                    "Have you thought about just calling him again?", "What else could you do?",
                    "You should really follow up more, to be honest.", "What do you think would help?",
                    "What's the first step you'd take?", "When will you do that?", "How will you keep it going?"],
    "teller": ["You should talk to him today.", "Just escalate it.", "Put it in writing, that's the answer."],
    "fixer": ["Leave it with me, I'll talk to him.", "I'll sort it out with his manager myself."],
    "sympathiser": ["That's really unfair on you.", "Honestly he should have sorted it out.",
                    "What else has he let you down on?", "You're right, it's not your fault."],
    "chatter": ["How was your weekend?", "Did you catch the match?", "Any holidays planned?", "How's the family?"],
}


def play(replies, seed=0, scenario=SCENARIO, store=None, trainee="Ann", repeat=3) -> PracticeRun:
    run = PracticeRun.new(scenario, store, trainee, seed)
    for reply in replies * repeat:
        if run.finished:
            break
        run.take(reply)
    return run


def test_reflection_led_scores_like_question_led_and_the_slipping_manager_sits_between():
    scores = {name: play(replies).result().score.total for name, replies in MIXED.items()}
    assert scores["excellent"] >= 75 and abs(scores["reflective"] - scores["excellent"]) <= 10, scores
    assert scores["fixer"] + 25 < scores["slips twice"] < scores["excellent"], scores
    for low in ("teller", "fixer", "sympathiser", "chatter"):
        assert scores[low] < 30, scores


def test_the_sympathiser_scores_low_and_the_report_names_siding():
    result = play(MIXED["sympathiser"]).result()
    siding = [line for line in result.score.lines if line.rule == "siding"]
    assert siding and siding[0].points < 0 and "sided" in siding[0].text
    assert not any(line.rule == "responsibility" and line.points > 0 for line in result.score.lines)


def test_no_score_line_is_earned_by_every_session_of_a_mixed_set():
    earned: dict[str, list[bool]] = {rule.id: [] for rule in SCORE_RULES}
    for replies in MIXED.values():
        lines = {line.rule: line.points for line in play(replies).result().score.lines}
        for rule in earned:
            earned[rule].append(lines.get(rule, 0) > 0)
    assert not [rule for rule, positives in earned.items() if all(positives)], earned


def test_one_slip_costs_a_bounded_amount():
    clean = play(EXCELLENT).result().score.total
    for slip in ("That's sloppy, honestly.", "You should just ring him.", "I'll call him myself.",
                 "Yeah, he's hopeless, not your fault."):
        replies = EXCELLENT[:3] + [slip] + EXCELLENT[3:] + [
            "What would a good first step look like for you?", "What else could you try on your side?",
            "What would you want to have done by Friday?"]
        result = play(replies, repeat=1).result()
        assert result.outcome == "success", (slip, result.ending)
        # at most the responsibility line (15) and one reply's share of the 40 for evoking (the session
        # runs at least seven replies): a single slip never wrecks a good session
        assert clean - result.score.total <= 15 + 40 / 7 + 0.5, (slip, clean, result.score.total)


def _played(replies: list[str]) -> Session:
    session = Session(SCENARIO, 0)
    for reply in replies:
        if session.finished:
            break
        session.reply(reply)
    return session


def test_an_unfinished_session_is_scored_by_how_far_it_got():
    early = Session(SCENARIO, 0)
    for reply in EXCELLENT[:2]:
        early.reply(reply)
    # the furthest a good session gets without finishing: it may end as soon as Priya owns a plan
    late = next(session for count in range(len(EXCELLENT), 2, -1)
                if not (session := _played(EXCELLENT[:count])).finished)
    assert not late.finished and len(late.turns) > 2
    early_line = next(l for l in early.result().score.lines if l.rule == "outcome")
    late_line = next(l for l in late.result().score.lines if l.rule == "outcome")
    assert late_line.points > early_line.points >= 0 and "Unfinished" in late_line.text


def test_self_rating_is_compared_with_all_telling():
    turns = [Classification(label, "x") for label in ("takeover", "judgment", "open_question", "advice")]
    session = Session(SCENARIO, 0)
    replies = []
    for text, c in zip(["I'll do it.", "That's sloppy.", "What happened?", "Call him."], turns):
        replies.append(session.apply(text, c))
    measures = compute_measures(replies)
    assert measures.telling == 3
    assert measured_rating(measures) == 2  # 1 asked against 3 told


def test_thresholds_say_which_passed_and_by_how_much():
    measures = Measures.from_stored({"open_among_questions": 0.64, "evoking_share": 0.9, "own_part_share": 0.6,
                                     "sided_with_blame": 2, "judgments": 0, "responsibility_kept": True})
    verdicts = {v.name: v for v in (THRESHOLDS[name].verdict(measures) for name in READY_THRESHOLDS)}
    assert verdicts["open_among_questions"].detail == "64%, 6 points short of the target (at least 70%)"
    assert verdicts["sided_with_blame"].detail == "2, 2 over the target (none)"
    assert verdicts["evoking_share"].passed and not verdicts["sided_with_blame"].passed


def test_measures_stored_by_an_older_version_read_back_without_crashing():
    old = {"counts": {"open_question": 2, "advice": 1}, "labelled_replies": 3, "open_question_share": 0.67,
           "ask": 2, "tell": 1, "ask_tell_ratio": 2.0, "open_among_questions": 1.0, "reflection_to_question": 0.0,
           "manager_words": 12, "salesperson_words": 80, "talk_ratio": 0.13, "responsibility_kept": True,
           "judgments": 0, "a_measure_from_the_future": 3}
    measures = Measures.from_stored(old)
    assert measures.telling == 1 and measures.evoking_share == pytest.approx(2 / 3)
    assert Measures.from_stored({"judgments": "many", "talk_ratio": float("inf")}).judgments == 0


@pytest.fixture
def store():
    store = SessionStore(open_database())
    yield store
    store.database.close()


def test_every_place_says_the_same_about_the_same_sessions(store, tmp_path, data_dir):
    """Report data, history, progress, prep card, export and the CLI agree on each session."""
    for replies in (MIXED["slips twice"], EXCELLENT, MIXED["sympathiser"]):
        play(replies, store=store, scenario=SCENARIO).end()
    detail_by_id = {item["id"]: store.session_detail(item["id"]) for item in store.history("Ann")}
    points = {p["id"]: p for p in store.trends("Ann")}

    for session_id, detail in detail_by_id.items():
        stored = Measures.from_stored(detail["measures"])
        # progress reads the same measures and gives the same verdicts as the report's thresholds
        assert [v.detail for v in session_verdicts(points[session_id])] == \
               [THRESHOLDS[name].verdict(stored).detail for name in READY_THRESHOLDS]
        # the score is the sum of its stored lines
        assert detail["score"] == max(0, min(100, sum(line["points"] for line in detail["breakdown"])))

    mark = readiness(list(points.values()))[SCENARIO.id]
    newest = max(detail_by_id)
    assert list(mark.latest) == session_verdicts(points[newest])

    card = gather_prep_card(SCENARIO, recorded_attempts(store, SCENARIO.id, "Ann"), "Ann")
    assert [a["score"] for a in card.attempts] == [detail_by_id[i]["score"] for i in sorted(detail_by_id, reverse=True)]

    out = tmp_path / "export.json"
    export_sessions(store, "Ann", out)
    exported = {s["uuid"]: s for s in json.loads(out.read_text(encoding="utf-8"))["sessions"]}
    for detail in detail_by_id.values():
        assert exported[detail["uuid"]]["score"] == detail["score"]
        assert exported[detail["uuid"]]["measures"] == detail["measures"]

    url = str(store.database.engine.url)
    cli = subprocess.run([sys.executable, str(ROOT / "main.py"), "history", "--json", "--trainee", "Ann",
                          "--database", url], capture_output=True, text=True, cwd=ROOT, check=True)
    for item in json.loads(cli.stdout):
        assert item["score"] == detail_by_id[item["id"]]["score"]
        assert item["outcome"] == detail_by_id[item["id"]]["outcome"]


def test_spoken_replies_measure_talk_by_speaking_time_at_the_personas_pace():
    session = Session(SCENARIO, 0)
    for text, seconds in (("What have you tried with him so far?", 2.4), ("So you feel stuck.", 1.1),
                          ("What could you do this week?", 1.9)):
        session.apply(text, session.classify(text), speech_seconds=seconds)
    spoken = session.measures()
    assert spoken.talk_measured_by == "speaking time" and spoken.manager_seconds == pytest.approx(5.4)
    assert spoken.words_per_minute and 100 < spoken.words_per_minute < 250
    typed = Session(SCENARIO, 0)
    for text in ("What have you tried with him so far?", "So you feel stuck.", "What could you do this week?"):
        typed.reply(text)
    assert typed.measures().talk_measured_by == "words" and typed.measures().manager_seconds is None
