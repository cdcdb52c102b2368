"""Measure the classifier on the labelled corpus: precision, recall, F1, confusion matrix."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from .classify import classify
from .labels import ALL_LABELS

CORPUS_DIR = Path(__file__).parent / "corpus"
TELLING_LABELS = {"advice", "leading_question", "takeover"}


@dataclass(frozen=True)
class Example:
    label: str
    reply: str
    context: str


def load_corpus(part: str = "test") -> list[Example]:
    """``part`` is 'dev' (for development) or 'test' (held out from tuning)."""
    path = CORPUS_DIR / f"{part}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [Example(r["label"].strip(), r["reply"], r.get("context") or "") for r in csv.DictReader(handle)]
    unknown = {r.label for r in rows} - set(ALL_LABELS)
    if unknown:
        raise ValueError(f"{path}: unknown labels {sorted(unknown)}")
    return rows


@dataclass(frozen=True)
class Report:
    part: str
    size: int
    per_label: dict[str, dict[str, float]]
    macro_f1: float
    accuracy: float
    open_vs_telling_accuracy: float
    confusion: dict[str, dict[str, int]]
    errors: list[tuple[str, str, str]]  # (gold, predicted, reply)


def evaluate(examples: list[Example], part: str = "") -> Report:
    confusion = {g: {p: 0 for p in ALL_LABELS} for g in ALL_LABELS}
    errors = []
    binary_total = binary_right = 0
    for example in examples:
        predicted = classify(example.reply, example.context).label
        confusion[example.label][predicted] += 1
        if predicted != example.label:
            errors.append((example.label, predicted, example.reply))
        # open question vs telling: among replies that are one or the other, is the side right?
        if example.label == "open_question" or example.label in TELLING_LABELS:
            binary_total += 1
            gold_open = example.label == "open_question"
            binary_right += gold_open == (predicted == "open_question") if gold_open else predicted in TELLING_LABELS
    per_label = {}
    for label in ALL_LABELS:
        tp = confusion[label][label]
        predicted_n = sum(confusion[g][label] for g in ALL_LABELS)
        gold_n = sum(confusion[label].values())
        precision = tp / predicted_n if predicted_n else 0.0
        recall = tp / gold_n if gold_n else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_label[label] = {"precision": precision, "recall": recall, "f1": f1, "support": gold_n}
    present = [label for label in ALL_LABELS if per_label[label]["support"]]
    macro = sum(per_label[label]["f1"] for label in present) / len(present) if present else 0.0
    accuracy = sum(confusion[label][label] for label in ALL_LABELS) / len(examples) if examples else 0.0
    return Report(part, len(examples), per_label, macro, accuracy,
                  binary_right / binary_total if binary_total else 0.0, confusion, errors)


def format_report(report: Report) -> str:
    short = {label: label.replace("_question", "_q")[:9] for label in ALL_LABELS}
    lines = [f"Corpus part: {report.part} ({report.size} replies)", "",
             f"{'label':18}{'precision':>10}{'recall':>8}{'F1':>7}{'n':>6}"]
    for label in ALL_LABELS:
        m = report.per_label[label]
        lines.append(f"{label:18}{m['precision']:>10.3f}{m['recall']:>8.3f}{m['f1']:>7.3f}{m['support']:>6}")
    lines += ["", f"macro-F1: {report.macro_f1:.3f}   accuracy: {report.accuracy:.3f}   "
              f"open question vs telling: {report.open_vs_telling_accuracy:.3f}", "",
              "Confusion matrix (rows: gold, columns: predicted)",
              f"{'':18}" + "".join(f"{short[p]:>10}" for p in ALL_LABELS)]
    for gold in ALL_LABELS:
        lines.append(f"{gold:18}" + "".join(f"{report.confusion[gold][p]:>10}" for p in ALL_LABELS))
    return "\n".join(lines)
