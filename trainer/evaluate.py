"""Measure the classifier on the labelled corpus: precision, recall, F1, confusion matrix."""

from __future__ import annotations

from dataclasses import dataclass

from .classify import classify
from .corpus import Example
from .labels import ALL_LABELS

TELLING_LABELS = {"advice", "leading_question", "takeover"}
#: The four coarse groups counselling research codes talk in (MITI-style): the nine labels folded.
GROUP_OF = {"open_question": "question", "closed_question": "question", "reflection": "reflection",
            "advice": "telling", "leading_question": "telling", "takeover": "telling", "judgment": "telling",
            "affirmation": "other", "other": "other"}
GROUPS = ("question", "reflection", "telling", "other")


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
    grouped_macro_f1: float  # over question / reflection / telling / other
    telling_called_open: float  # share of telling replies labelled open_question


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
    per_label, macro = _f1_scores(confusion)
    accuracy = sum(confusion[label][label] for label in ALL_LABELS) / len(examples) if examples else 0.0
    grouped = {g: {p: 0 for p in GROUPS} for g in GROUPS}
    for gold, row in confusion.items():
        for predicted, count in row.items():
            grouped[GROUP_OF[gold]][GROUP_OF[predicted]] += count
    telling = sum(sum(confusion[label].values()) for label in TELLING_LABELS)
    telling_open = sum(confusion[label]["open_question"] for label in TELLING_LABELS)
    return Report(part, len(examples), per_label, macro, accuracy,
                  binary_right / binary_total if binary_total else 0.0, confusion, errors,
                  _f1_scores(grouped)[1], telling_open / telling if telling else 0.0)


def _f1_scores(confusion: dict[str, dict[str, int]]) -> tuple[dict[str, dict[str, float]], float]:
    """Per-class precision, recall, F1 and support, and the macro-F1 over the classes present."""
    classes = list(confusion)
    scores = {}
    for name in classes:
        tp = confusion[name][name]
        predicted_n = sum(confusion[g][name] for g in classes)
        gold_n = sum(confusion[name].values())
        precision = tp / predicted_n if predicted_n else 0.0
        recall = tp / gold_n if gold_n else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[name] = {"precision": precision, "recall": recall, "f1": f1, "support": gold_n}
    present = [name for name in classes if scores[name]["support"]]
    return scores, (sum(scores[name]["f1"] for name in present) / len(present) if present else 0.0)


def format_report(report: Report) -> str:
    short = {label: label.replace("_question", "_q")[:9] for label in ALL_LABELS}
    lines = [f"Corpus part: {report.part} ({report.size} replies)", "",
             f"{'label':18}{'precision':>10}{'recall':>8}{'F1':>7}{'n':>6}"]
    for label in ALL_LABELS:
        m = report.per_label[label]
        lines.append(f"{label:18}{m['precision']:>10.3f}{m['recall']:>8.3f}{m['f1']:>7.3f}{m['support']:>6}")
    lines += ["", f"macro-F1: {report.macro_f1:.3f}   accuracy: {report.accuracy:.3f}   "
              f"open question vs telling: {report.open_vs_telling_accuracy:.3f}",
              f"four groups (question, reflection, telling, other) macro-F1: {report.grouped_macro_f1:.3f}   "
              f"telling called an open question: {report.telling_called_open:.1%}", "",
              "Confusion matrix (rows: gold, columns: predicted)",
              f"{'':18}" + "".join(f"{short[p]:>10}" for p in ALL_LABELS)]
    for gold in ALL_LABELS:
        lines.append(f"{gold:18}" + "".join(f"{report.confusion[gold][p]:>10}" for p in ALL_LABELS))
    return "\n".join(lines)
