"""Every benchmark in one run: classifier, engine, storage and the desktop app.

Run: python bench/run_all.py            (the app part needs a display; under Linux without one:
     xvfb-run -a python bench/run_all.py)
Each part is its own script in this folder and can also be run alone.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PARTS = ["bench_classify.py", "bench_engine.py", "bench_storage.py", "bench_app.py"]


def main() -> int:
    failed = []
    for part in PARTS:
        print(f"\n=== {part} ===", flush=True)
        # keep the figures, drop the media libraries' chatter on stderr
        result = subprocess.run([sys.executable, str(HERE / part)], stderr=subprocess.DEVNULL)
        if result.returncode:
            failed.append(part)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
