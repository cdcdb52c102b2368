"""Classifier speed: in-process latency per reply (median, p99) and `classify` CLI throughput.

Run: python bench/bench_classify.py
Targets: under 1 ms a reply in-process; 5,000 replies in under 3 s through the CLI,
interpreter start included.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ask_dont_tell.trainer.classify import classify  # noqa: E402
from ask_dont_tell.trainer.corpus import load_corpus  # noqa: E402


def replies(count: int) -> list[str]:
    corpus = [example.reply for part in ("dev", "test") for example in load_corpus(part)]
    return [corpus[i % len(corpus)] for i in range(count)]


def in_process(sample: list[str]) -> tuple[float, float]:
    for reply in sample[:200]:  # warm up
        classify(reply)
    timings = []
    for reply in sample:
        start = time.perf_counter()
        classify(reply)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.99) - 1]


def cli(sample: list[str]) -> float:
    data = ("\n".join(sample) + "\n").encode("utf-8")
    start = time.perf_counter()
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "classify"], input=data,
                            capture_output=True, check=True)
    elapsed = time.perf_counter() - start
    assert len(result.stdout.splitlines()) == len(sample)
    return elapsed


def main() -> None:
    sample = replies(5000)
    median, p99 = in_process(sample)
    runs = [cli(sample) for _ in range(3)]
    print("Classifier benchmark")
    print(f"{'measure':44}{'value':>12}{'target':>12}")
    print(f"{'in-process latency per reply, median':44}{median:>10.3f}ms{'< 1 ms':>12}")
    print(f"{'in-process latency per reply, p99':44}{p99:>10.3f}ms{'< 1 ms':>12}")
    print(f"{'CLI, 5,000 replies, whole process (best of 3)':44}{min(runs):>11.2f}s{'< 3 s':>12}")
    print(f"{'CLI throughput':44}{len(sample) / min(runs):>8.0f}/s")


if __name__ == "__main__":
    main()
