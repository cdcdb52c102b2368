"""Count the word models again and keep the counts beside the corpus.

Run: python tools/count_words.py
Run it after changing a corpus part, the part lists or the code that reads replies: until then the
models are counted afresh at every start (about a second), and a test says the kept counts are stale.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ask_dont_tell.trainer.safeio import atomic_write  # noqa: E402
from ask_dont_tell.trainer.wordmodel import COUNTS_FILE, count_all  # noqa: E402


def main() -> None:
    counts = count_all()
    # one line per model, keys sorted: deterministic, so an unchanged corpus gives an unchanged file
    text = json.dumps(counts, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    atomic_write(COUNTS_FILE, text.encode("utf-8"))
    print(f"{COUNTS_FILE}: {len(text) // 1024} KiB, fingerprint {counts['fingerprint'][:12]}")


if __name__ == "__main__":
    main()
