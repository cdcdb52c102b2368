"""One practice turn: reply -> classify (both axes) -> reaction rules and facts -> stored (committed).

Run: python bench/bench_engine.py
Prints median and p95 over a few hundred turns played through the bundled scenarios with the one
practice loop (``PracticeRun``): the engine alone, and the engine with the reply stored in SQLite;
and the time ``validate`` takes to search every scenario's reachable facts and endings.
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

from ask_dont_tell.trainer.engine import explore  # noqa: E402
from ask_dont_tell.trainer.practice import PracticeRun  # noqa: E402
from ask_dont_tell.trainer.scenario import load_library  # noqa: E402
from ask_dont_tell.trainer.storage import SessionStore, open_database  # noqa: E402

REPLIES = ["What have you tried so far?", "You should call them tomorrow.", "So you feel stuck.",
           "Did you send the proposal?", "Tell me more about that.", "That was a brave thing to try.",
           "how many calls did you make last week", "um so what could you do differently", "Yeah they really let you down."]


def _timed(turns: int, store) -> list[float]:
    library = load_library()
    PracticeRun.new(library.sorted()[0], None, "bench").take(REPLIES[0])  # the word model builds on first use
    timings: list[float] = []
    scenarios = itertools.cycle(library.sorted())
    replies = itertools.cycle(REPLIES)
    while len(timings) < turns:
        run = PracticeRun.new(next(scenarios), store, "bench", seed=len(timings))
        while not run.finished and len(timings) < turns:
            start = time.perf_counter()
            run.take(next(replies))
            timings.append((time.perf_counter() - start) * 1000)
    return sorted(timings)


def _line(timings: list[float]) -> str:
    return f"  median {statistics.median(timings):6.2f} ms   p95 {timings[int(len(timings) * 0.95) - 1]:6.2f} ms"


def main(turns: int = 300) -> None:
    engine_only = _timed(turns, None)
    print(f"Engine: one turn, reply to the salesperson's answer (no storage), {len(engine_only)} turns")
    print(_line(engine_only))
    with tempfile.TemporaryDirectory(prefix="adt-bench-engine-") as folder:
        store = SessionStore(open_database(f"sqlite:///{folder}/trainer.db"))
        try:
            stored = _timed(turns, store)
        finally:
            store.database.close()
    print(f"Engine: one turn, reply to stored (SQLite, committed), {len(stored)} turns")
    print(_line(stored))
    searches = []
    for scenario in load_library().sorted():
        start = time.perf_counter()
        explore(scenario)
        searches.append((time.perf_counter() - start) * 1000)
    print(f"validate: reachable facts and endings, per scenario: median {statistics.median(searches):.0f} ms, "
          f"longest {max(searches):.0f} ms")


if __name__ == "__main__":
    main()
