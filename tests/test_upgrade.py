"""A database from the previous version opens, reports, shows progress and exports after the upgrade.

The previous version's database is made here the way that version made it: its migrations (up to
0002) and its rows, with measures that lack everything the second axis added and turns stored
without a reading. After the upgrade the new measures are recomputed from the stored replies.
"""

from __future__ import annotations

import datetime as dt
import json

import sqlalchemy as sa
from alembic import command

from ask_dont_tell.trainer.exchange import export_sessions
from ask_dont_tell.trainer.progress import readiness
from ask_dont_tell.trainer.scenario import content_hash, load_library
from ask_dont_tell.trainer.scoring import Measures
from ask_dont_tell.trainer.storage import SessionStore, open_database
from ask_dont_tell.trainer.storage.database import alembic_config
from ask_dont_tell.ui.report import stored_report

OLD_MEASURES = {  # what version 0002 stored: no evoking share, no focus, no siding, no telling
    "counts": {"open_question": 3, "closed_question": 0, "leading_question": 0, "advice": 1, "takeover": 0,
               "reflection": 1, "affirmation": 0, "judgment": 0, "other": 0},
    "labelled_replies": 5, "open_question_share": 0.6, "ask": 4, "tell": 1, "ask_tell_ratio": 4.0,
    "open_among_questions": 1.0, "reflection_to_question": 0.33, "manager_words": 40, "salesperson_words": 300,
    "talk_ratio": 0.12, "responsibility_kept": True, "judgments": 0,
}
REPLIES = [
    ("open_question", "What's been the hardest part for you?"),
    ("reflection", "So the new patch feels like starting again."),
    ("open_question", "What have you done with the new accounts since January?"),
    ("advice", "You should call the two accounts this week."),
    ("open_question", "What could you do differently next week?"),
]


def make_previous_version_database(url: str) -> None:
    scenario = load_library().get("blaming-the-leader")
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0002")
        now = dt.datetime(2026, 11, 1, 9, 0)
        connection.execute(sa.text("INSERT INTO trainees (id, name, created) VALUES (1, 'Ann', :now)"), {"now": now})
        connection.execute(sa.text(
            "INSERT INTO scenario_versions (id, scenario_id, content_hash, title) VALUES (1, :sid, 'old', :title)"),
            {"sid": scenario.id, "title": scenario.title})
        connection.execute(sa.text(
            "INSERT INTO practice_sessions (id, uuid, trainee_id, scenario_version_id, seed, started, ended, status, "
            "outcome, score, ending, measures, breakdown, mode) VALUES (1, '00000000-0000-4000-8000-000000000001', 1, 1, "
            "4, :now, :now, 'finished', 'success', 85, 'owns_plan', :measures, :breakdown, 'practice')"),
            {"now": now, "measures": json.dumps(OLD_MEASURES),
             "breakdown": json.dumps([{"text": "3 of 5 replies were open questions", "points": 24}])})
        for index, (label, reply) in enumerate(REPLIES):
            connection.execute(sa.text(
                "INSERT INTO turns (session_id, turn_index, node, salesperson, reply, label, cue, sentences, "
                "try_instead, response, state, created) VALUES (1, :i, 'guarded', 'The territory changed.', :reply, "
                ":label, 'What', :sentences, NULL, 'Right.', '{}', :now)"),
                {"i": index, "reply": reply, "label": label, "now": now,
                 "sentences": json.dumps([{"text": reply, "label": label, "cue": "What"}])})
    engine.dispose()
    assert content_hash(scenario) != "old"


def test_previous_version_database_opens_reports_and_exports(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    make_previous_version_database(url)
    store = SessionStore(open_database(url))
    try:
        history = store.history("Ann")
        assert [item["status"] for item in history] == ["finished"]
        detail = store.session_detail(history[0]["id"])
        assert [t["reply"] for t in detail["turns"]] == [reply for _, reply in REPLIES]
        assert all(t["reading"] is None for t in detail["turns"])

        report = stored_report(detail, load_library())
        measures = Measures.from_stored(report["measures"])
        assert measures is not None and measures.labelled_replies == 5
        assert measures.telling == 1 and measures.evoking_share == 0.8

        points = store.trends("Ann")
        assert points[0]["own_part_share"] is not None  # recomputed from the stored replies
        assert points[0]["evoking_share"] == 0.8
        mark = readiness(points)["blaming-the-leader"]
        assert not mark.ready and mark.explain()

        out = tmp_path / "export.json"
        assert export_sessions(store, "Ann", out) == 1
        exported = json.loads(out.read_text(encoding="utf-8"))
        assert len(exported["sessions"]) == 1
    finally:
        store.database.close()
