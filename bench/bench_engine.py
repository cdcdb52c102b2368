"""One practice turn end to end on SQLite: reply -> classify -> branch -> stored (committed).

Run: python bench/bench_engine.py
Prints median and p95 over a few hundred turns played through the bundled scenarios.
"""

from __future__ import annotations

import itertools
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from trainer.engine import Session  # noqa: E402
from trainer.scenario import load_library  # noqa: E402
from trainer.storage import SessionStore, open_database  # noqa: E402

REPLIES = ["What have you tried so far?", "You should call them tomorrow.", "So you feel stuck.",
           "Did you send the proposal?", "Tell me more about that.", "That was a brave thing to try."]


def main(turns: int = 300) -> None:
    library = load_library()
    with tempfile.TemporaryDirectory(prefix="adt-bench-engine-") as folder:
        store = SessionStore(open_database(f"sqlite:///{folder}/trainer.db"))
        timings: list[float] = []
        scenarios = itertools.cycle(library.sorted())
        replies = itertools.cycle(REPLIES)
        while len(timings) < turns:
            scenario = next(scenarios)
            session = Session(scenario, seed=len(timings))
            session_id = store.start_session("bench", scenario, session.seed)
            while not session.finished and len(timings) < turns:
                start = time.perf_counter()
                turn = session.reply(next(replies))
                store.record_turn(session_id, turn)
                timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    print(f"Engine: one turn, reply to branch to stored (SQLite, committed), {len(timings)} turns")
    print(f"  median {statistics.median(timings):6.2f} ms   p95 {timings[int(len(timings) * 0.95) - 1]:6.2f} ms")


if __name__ == "__main__":
    main()
