"""The prep card: a one-page PDF from the scenario and the trainee's own recorded attempts."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from ask_dont_tell.trainer.engine import Session
from ask_dont_tell.trainer.prep import gather_prep_card, paper_for_locale, recorded_attempts, write_prep_card
from ask_dont_tell.trainer.scenario import load_library
from ask_dont_tell.trainer.storage import SessionStore, open_database

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = "just-tell-me"
TELLING = "You should just call them again."
OPEN = "What have you tried so far?"


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-z])", pdf))


@pytest.fixture(scope="module")
def scenario():
    return load_library([]).get(SCENARIO)


def record(scenario, trainee: str = "Ann") -> None:
    """One finished session: a telling reply, then open questions until it ends."""
    store = SessionStore(open_database())
    try:
        session = Session(scenario, 0)
        session_id = store.start_session(trainee, scenario, 0)
        store.record_turn(session_id, session.reply(TELLING))
        while not session.finished:
            store.record_turn(session_id, session.reply(OPEN))
        store.finish_session(session_id, session.result())
    finally:
        store.database.close()


def test_card_has_the_trainees_trap_the_better_question_and_open_questions(scenario, tmp_path):
    record(scenario)
    store = SessionStore(open_database())
    try:
        sessions = recorded_attempts(store, SCENARIO, "Ann")
    finally:
        store.database.close()
    card = gather_prep_card(scenario, sessions, "Ann", "Tom", "Harlow")
    assert [trap.reply for trap in card.traps] == [TELLING]
    assert card.traps[0].better in scenario.nodes[scenario.start].try_instead
    assert (OPEN, "yours") in card.questions and 5 <= len(card.questions) <= 8

    out = write_prep_card(card, tmp_path / "card.pdf", "a4", compress=False)
    pdf = out.read_bytes()
    assert pdf.startswith(b"%PDF") and page_count(pdf) == 1
    assert TELLING.encode() in pdf and OPEN.encode() in pdf
    assert card.traps[0].better.encode() in pdf
    assert scenario.accountable_to[0].encode() in pdf
    assert b"/MediaBox [0 0 595.28 841.89]" in pdf


def test_without_attempts_the_card_comes_from_the_scenario(scenario, tmp_path):
    card = gather_prep_card(scenario, [])
    assert not card.traps and 5 <= len(card.questions) <= 8
    assert all(source == "model" for _, source in card.questions)
    pdf = write_prep_card(card, tmp_path / "card.pdf", "letter", compress=False).read_bytes()
    assert page_count(pdf) == 1 and b"No recorded attempts yet" in pdf
    assert card.questions[0][0].encode() in pdf
    assert b"/MediaBox [0 0 612.00 792.00]" in pdf


def test_a_long_history_still_fits_on_one_page(scenario, tmp_path):
    long_reply = "You should call them, and " + "then you need to follow up properly with everybody, " * 8
    sessions = [{"started": "2026-01-0%dT10:00:00" % day, "outcome": "failure", "score": 10,
                 "open_question_share": 0.1, "ask_tell_ratio": 0.2, "talk_ratio": 0.7,
                 "turns": [{"reply": f"{long_reply} {day} {n}", "label": "advice", "try_instead": "What else?"}
                           for n in range(6)]} for day in range(1, 8)]
    card = gather_prep_card(scenario, sessions, "Ann")
    pdf = write_prep_card(card, tmp_path / "card.pdf", "letter", compress=False).read_bytes()
    assert page_count(pdf) == 1


@pytest.mark.parametrize("environ, paper", [
    ({"LANG": "en_US.UTF-8"}, "letter"), ({"LANG": "es_MX.UTF-8"}, "letter"), ({"LANG": "fr_CA"}, "letter"),
    ({"LANG": "en_GB.UTF-8"}, "a4"), ({"LANG": "de_DE.UTF-8"}, "a4"), ({"LANG": "C.UTF-8"}, "a4"), ({}, "a4"),
    ({"LANG": "en_US.UTF-8", "LC_PAPER": "en_GB.UTF-8"}, "a4"),
    ({"LC_ALL": "en_US.UTF-8", "LC_PAPER": "en_GB.UTF-8"}, "letter"),
])
def test_paper_follows_the_locale(environ, paper):
    assert paper_for_locale(environ) == paper


def test_prep_command_writes_the_card(scenario, tmp_path, data_dir):
    record(scenario)
    out = tmp_path / "card.pdf"
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "prep", SCENARIO, "--out", str(out),
                           "--trainee", "Ann", "--paper", "letter"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "1 recorded attempt" in done.stdout
    pdf = out.read_bytes()
    assert pdf.startswith(b"%PDF") and page_count(pdf) == 1

    missing = subprocess.run([sys.executable, str(ROOT / "main.py"), "prep", "no-such", "--out", str(out)],
                             capture_output=True, text=True, timeout=120)
    assert missing.returncode == 1 and "no-such" in missing.stderr
