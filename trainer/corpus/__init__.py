"""The labelled corpus of manager replies, written for the project.

The development parts are what the classifier is built on: its rules were written against them
and its word model (``trainer.wordmodel``) is counted from them. The held-out parts are only ever
measured, never tuned on.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from ..labels import ALL_LABELS, FOCI

CORPUS_DIR = Path(__file__).parent
DEVELOPMENT_PARTS: tuple[str, ...] = ("dev",) + tuple(f"dev{number}" for number in range(2, 37))
HELD_OUT_PARTS: tuple[str, ...] = ("test", "counsel", "test_blind", "test_roleplay", "test_blind2")
ALL_PARTS: tuple[str, ...] = HELD_OUT_PARTS + DEVELOPMENT_PARTS
#: Replies labelled on the second axis (focus and siding): thirteen parts to develop on, four held out.
FOCUS_HELD_OUT_PARTS: tuple[str, ...] = ("focus_test", "focus_blind", "focus_blind2", "focus_blind3")
FOCUS_PARTS: tuple[str, ...] = ("focus",) + tuple(f"focus{number}" for number in range(2, 14)) + FOCUS_HELD_OUT_PARTS


@dataclass(frozen=True)
class Example:
    label: str
    reply: str
    context: str


def _read_part(part: str, parts: tuple[str, ...], column: str, allowed: tuple[str, ...]) -> list[dict]:
    if part not in parts:
        raise ValueError(f"no corpus part {part!r}; the parts are {', '.join(parts)}")
    path = CORPUS_DIR / f"{part}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    unknown = {r[column].strip() for r in rows} - set(allowed)
    if unknown:
        raise ValueError(f"{path}: unknown {column} {sorted(unknown)}")
    return rows


def load_corpus(part: str = "test") -> list[Example]:
    """The labelled replies of one part (see ``ALL_PARTS``)."""
    return [Example(r["label"].strip(), r["reply"], r.get("context") or "")
            for r in _read_part(part, ALL_PARTS, "label", ALL_LABELS)]


@dataclass(frozen=True)
class FocusExample:
    focus: str
    sides_with_blame: bool
    reply: str
    context: str


def load_focus_corpus(part: str = "focus") -> list[FocusExample]:
    """The replies of one focus part (see ``FOCUS_PARTS``), labelled with focus and siding."""
    return [FocusExample(r["focus"].strip(), r["sides_with_blame"].strip() == "true", r["reply"], r.get("context") or "")
            for r in _read_part(part, FOCUS_PARTS, "focus", FOCI)]
