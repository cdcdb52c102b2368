"""The labelled corpus of manager replies, written for the project.

The development parts are what the classifier is built on: its rules were written against them
and its word model (``trainer.wordmodel``) is counted from them. The held-out parts are only ever
measured, never tuned on.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from ..labels import ALL_LABELS

CORPUS_DIR = Path(__file__).parent
DEVELOPMENT_PARTS: tuple[str, ...] = ("dev", "dev2", "dev3", "dev4", "dev5")
HELD_OUT_PARTS: tuple[str, ...] = ("test", "counsel")
ALL_PARTS: tuple[str, ...] = HELD_OUT_PARTS + DEVELOPMENT_PARTS


@dataclass(frozen=True)
class Example:
    label: str
    reply: str
    context: str


def load_corpus(part: str = "test") -> list[Example]:
    """The labelled replies of one part (see ``ALL_PARTS``)."""
    if part not in ALL_PARTS:
        raise ValueError(f"no corpus part {part!r}; the parts are {', '.join(ALL_PARTS)}")
    path = CORPUS_DIR / f"{part}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [Example(r["label"].strip(), r["reply"], r.get("context") or "") for r in csv.DictReader(handle)]
    unknown = {r.label for r in rows} - set(ALL_LABELS)
    if unknown:
        raise ValueError(f"{path}: unknown labels {sorted(unknown)}")
    return rows
