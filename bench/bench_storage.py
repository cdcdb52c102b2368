"""Storage speed with years of data: history and trend queries on 10,000 sessions, 150,000 turns.

Run: python bench/bench_storage.py [--database URL] [--runs N]
Without --database a fresh SQLite file in a temporary folder is filled and removed afterwards;
--database must name an EMPTY database (e.g. a scratch PostgreSQL database), which is filled and
left filled. Target: every query under 200 ms (median of the runs).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from ask_dont_tell.trainer.storage import SessionStore, open_database  # noqa: E402
from ask_dont_tell.trainer.storage.models import PracticeSession, ScenarioVersion, Trainee, Turn  # noqa: E402

SESSIONS = 10_000
TURNS = 150_000
TRAINEES = 20
SCENARIOS = 8
TARGET_MS = 200.0
LABELS = ["open_question", "closed_question", "leading_question", "advice", "takeover", "reflection",
          "affirmation", "judgment", "other"]
SALESPERSON = ("Harlow have gone silent and I don't know what to do. Just tell me what you'd do and I'll do it, "
               "I promise. I've emailed twice and heard nothing back.")
REPLY = "What have you tried so far, and what did you notice when you did it?"


def fill(store: SessionStore, seed: int = 1) -> float:
    """Bulk-insert the sessions and turns in one transaction; return the seconds it took."""
    rng = random.Random(seed)
    start = time.perf_counter()
    now = dt.datetime.now(dt.timezone.utc)
    first = now - dt.timedelta(days=3 * 365)
    per_session = [TURNS // SESSIONS] * SESSIONS
    for _ in range(SESSIONS // 2):  # vary the lengths, keep the total exact
        a, b = rng.randrange(SESSIONS), rng.randrange(SESSIONS)
        if per_session[a] > 3:
            per_session[a] -= 1
            per_session[b] += 1
    with store.database.writer() as session, session.begin():
        session.execute(insert(Trainee), [{"id": n + 1, "name": f"Trainee {n + 1:02d}", "created": first}
                                          for n in range(TRAINEES)])
        session.execute(insert(ScenarioVersion), [
            {"id": n + 1, "scenario_id": f"scenario-{n + 1}", "content_hash": f"{n:016x}", "title": f"Scenario {n + 1}"}
            for n in range(SCENARIOS)])
        sessions, turns = [], []
        step = (now - first) / SESSIONS
        for number in range(SESSIONS):
            session_id = number + 1
            started = first + step * number
            finished = rng.random() > 0.03
            score = rng.randrange(0, 101)
            sessions.append({
                "id": session_id, "uuid": str(uuid.UUID(int=rng.getrandbits(128))),
                "trainee_id": rng.randrange(TRAINEES) + 1, "scenario_version_id": rng.randrange(SCENARIOS) + 1,
                "cohort_id": None, "seed": rng.randrange(1000), "started": started,
                "ended": started + dt.timedelta(minutes=12) if finished else None,
                "status": "finished" if finished else "active", "outcome": "partial" if finished else None,
                "score": score if finished else None, "ending": "half_way" if finished else None,
                "measures": {"open_question_share": rng.random(), "ask_tell_ratio": rng.random() * 4,
                             "talk_ratio": rng.random(), "counts": {label: rng.randrange(4) for label in LABELS}}
                if finished else None,
                "breakdown": [{"text": "open questions", "points": score}] if finished else None,
                "mode": "practice",
            })
            for index in range(per_session[number]):
                label = rng.choice(LABELS)
                turns.append({
                    "session_id": session_id, "index": index, "node": f"node_{index}", "salesperson": SALESPERSON,
                    "reply": REPLY, "label": label, "cue": "What have you tried",
                    "sentences": [{"text": REPLY, "label": label, "cue": "What have you tried"}],
                    "try_instead": None, "response": SALESPERSON, "state": {"openness": index, "trust": 1},
                    "created": started + dt.timedelta(seconds=30 * index), "think_ms": rng.random() * 9000,
                })
        session.execute(insert(PracticeSession), sessions)
        for chunk in range(0, len(turns), 10_000):
            session.execute(insert(Turn), turns[chunk:chunk + 10_000])
    return time.perf_counter() - start


def median_ms(query: Callable[[], object], runs: int) -> tuple[float, object]:
    result = query()  # warm-up (and the result, to show its size)
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        query()
        timings.append((time.perf_counter() - began) * 1000)
    return statistics.median(timings), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", metavar="URL", help="an EMPTY database to fill (default: a temporary SQLite file)")
    parser.add_argument("--runs", type=int, default=9, metavar="N", help="timed runs per query (median reported)")
    args = parser.parse_args(argv)
    folder = None if args.database else Path(tempfile.mkdtemp(prefix="bench-storage-"))
    url = args.database or f"sqlite:///{folder / 'trainer.db'}"
    database = open_database(url)
    try:
        store = SessionStore(database)
        if store.history(limit=1, with_turns=False):
            print(f"{database.where} already holds sessions; give an empty database", file=sys.stderr)
            return 2
        seconds = fill(store)
        trainee = "Trainee 07"
        queries = [
            ("history: newest 50 sessions, turn counts", lambda: store.history(limit=50, with_turns=False)),
            ("history: newest 50 sessions with their turns", lambda: store.history(limit=50)),
            ("history: one trainee's full list, turn counts", lambda: store.history(trainee=trainee, with_turns=False)),
            ("trends: one trainee, every finished session", lambda: store.trends(trainee)),
            ("interrupted sessions: one trainee, one scenario",
             lambda: store.interrupted_sessions(trainee, "scenario-3")),
        ]
        print(f"Storage benchmark on {database.backend} ({database.where})")
        print(f"filled {SESSIONS:,} sessions and {TURNS:,} turns in {seconds:.1f} s"
              + (f"; file size {(folder / 'trainer.db').stat().st_size / 1e6:.0f} MB" if folder else ""))
        print(f"{'query (median of ' + str(args.runs) + ' runs)':52}{'rows':>7}{'time':>11}{'target':>10}")
        slow = 0
        for name, query in queries:
            ms, rows = median_ms(query, args.runs)
            slow += ms >= TARGET_MS
            status = "ok" if ms < TARGET_MS else "SLOW"
            print(f"{name:52}{len(rows):>7}{ms:>9.1f}ms{'< 200 ms':>10}  {status}")
        if folder is not None:  # opening checks the whole file before anything is written
            database.close()
            started = time.perf_counter()
            database = open_database(url)
            print(f"{'open: integrity check, migrations, ready':52}{'':>7}"
                  f"{(time.perf_counter() - started) * 1000:>9.1f}ms")
        return 1 if slow else 0
    finally:
        database.close()
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
