"""Measure the classifier on the labelled corpus: precision, recall, F1, confusion matrix.

Three kinds of part: the project's own replies labelled with the nine labels (``trainer/corpus``),
its replies labelled with focus and siding (``focus``, ``focus_test``), and the real counselling
conversations in ``../shared/corpora/counselling-dev.tsv`` (read from there at evaluation time,
never copied into the project), measured in the four groups their expert coding maps to.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from .classify import classify
from .corpus import Example, FocusExample
from .labels import ALL_LABELS, FOCI, GROUP_OF, GROUPS, TELLING

TELLING_LABELS = {label.value for label in TELLING}


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


def _score_lines(heading: str, classes: tuple[str, ...], scores: dict[str, dict[str, float]]) -> list[str]:
    lines = [f"{heading:18}{'precision':>10}{'recall':>8}{'F1':>7}{'n':>6}"]
    for name in classes:
        m = scores[name]
        lines.append(f"{name:18}{m['precision']:>10.3f}{m['recall']:>8.3f}{m['f1']:>7.3f}{m['support']:>6}")
    return lines


def _matrix_lines(rows: tuple[str, ...], columns: tuple[str, ...], counts: dict[str, dict[str, int]],
                  width: int = 10) -> list[str]:
    short = {c: c.replace("_question", "_q")[:width - 1] for c in columns}
    return [f"{'':18}" + "".join(f"{short[c]:>{width}}" for c in columns)] + [
        f"{row:18}" + "".join(f"{counts[row][c]:>{width}}" for c in columns) for row in rows]


def format_report(report: Report) -> str:
    lines = [f"Corpus part: {report.part} ({report.size} replies)", "",
             *_score_lines("label", ALL_LABELS, report.per_label)]
    lines += ["", f"macro-F1: {report.macro_f1:.3f}   accuracy: {report.accuracy:.3f}   "
              f"open question vs telling: {report.open_vs_telling_accuracy:.3f}",
              f"four groups (question, reflection, telling, other) macro-F1: {report.grouped_macro_f1:.3f}   "
              f"telling called an open question: {report.telling_called_open:.1%}", "",
              "Confusion matrix (rows: gold, columns: predicted)", *_matrix_lines(ALL_LABELS, ALL_LABELS, report.confusion)]
    return "\n".join(lines)


# --- the second axis ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FocusReport:
    part: str
    size: int
    per_focus: dict[str, dict[str, float]]
    focus_macro_f1: float
    siding: dict[str, float]  # precision, recall, f1, support of sides_with_blame
    confusion: dict[str, dict[str, int]]
    errors: list[tuple[str, str, str]]  # (gold, predicted, reply), focus or siding


def evaluate_focus(examples: list[FocusExample], part: str = "") -> FocusReport:
    confusion = {g: {p: 0 for p in FOCI} for g in FOCI}
    sided = {(True, True): 0, (True, False): 0, (False, True): 0, (False, False): 0}
    errors = []
    for example in examples:
        result = classify(example.reply, example.context or None)
        confusion[example.focus][result.focus] += 1
        sided[(example.sides_with_blame, result.sides_with_blame)] += 1
        if result.focus != example.focus:
            errors.append((example.focus, result.focus, example.reply))
        if result.sides_with_blame != example.sides_with_blame:
            errors.append((f"sides={example.sides_with_blame}", f"sides={result.sides_with_blame}", example.reply))
    per_focus, macro = _f1_scores(confusion)
    tp, fn, fp = sided[(True, True)], sided[(True, False)], sided[(False, True)]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return FocusReport(part, len(examples), per_focus, macro,
                       {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}, confusion, errors)


def format_focus_report(report: FocusReport) -> str:
    s = report.siding
    lines = [f"Corpus part: {report.part} ({report.size} replies, focus and siding)", "",
             *_score_lines("focus", FOCI, report.per_focus), "", f"focus macro-F1: {report.focus_macro_f1:.3f}",
             f"sides_with_blame: precision {s['precision']:.3f}  recall {s['recall']:.3f}  F1 {s['f1']:.3f}  "
             f"(n {s['support']})", "", "Focus confusion (rows: gold, columns: predicted)",
             *_matrix_lines(FOCI, FOCI, report.confusion, 11)]
    return "\n".join(lines)


# --- real counselling conversations --------------------------------------------------------------

#: Where the development half of the real counselling corpus lives, relative to the project root.
COUNSELLING_PART = "counselling-dev"
COUNSELLING_PATH = Path("..") / "shared" / "corpora" / "counselling-dev.tsv"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
#: The experts' main codes folded into the four groups (the corpus README's documented mapping).
COUNSELLING_GROUP = {"question": "question", "reflection": "reflection", "therapist_input": "telling",
                     "other": "other"}


class CorpusMissing(Exception):
    """The real counselling corpus is not where the project expects it."""


def counselling_path(root: Path | None = None) -> Path:
    return ((root or PROJECT_ROOT) / COUNSELLING_PATH).resolve()


def load_counselling(path: Path | None = None) -> list[tuple[str, str, str]]:
    """(group, utterance, client's line before) of every coded counsellor utterance."""
    path = path or counselling_path()
    if not path.is_file():
        raise CorpusMissing(f"the counselling corpus was not found at {path} (expected beside the project, "
                            f"in ../shared/corpora/); nothing to measure")
    with path.open(encoding="utf-8", newline="") as handle:
        return [(COUNSELLING_GROUP[row["behaviour"]], row["text"], row.get("client_before") or "")
                for row in csv.DictReader(handle, delimiter="\t") if row.get("behaviour") in COUNSELLING_GROUP]


def group_of(label: str, gold_group: str) -> str:
    """The group a predicted label falls in, by the documented mapping: a leading question is a
    question (a closed one carrying the counsellor's idea) or telling (input that is asked), so it
    agrees with either of those gold groups."""
    if label == "leading_question" and gold_group in ("question", "telling"):
        return gold_group
    return GROUP_OF[label]


@dataclass(frozen=True)
class GroupReport:
    part: str
    size: int
    per_group: dict[str, dict[str, float]]
    macro_f1: float
    accuracy: float
    telling_called_open: float
    not_sure_share: float
    confusion: dict[str, dict[str, int]]
    labels_by_group: dict[str, dict[str, int]]  # gold group -> predicted nine-label counts
    errors: list[tuple[str, str, str]]  # (gold group, predicted label, utterance)


def evaluate_groups(items: list[tuple[str, str, str]], part: str = COUNSELLING_PART) -> GroupReport:
    confusion = {g: {p: 0 for p in GROUPS} for g in GROUPS}
    by_label = {g: {label: 0 for label in ALL_LABELS} for g in GROUPS}
    errors, not_sure = [], 0
    for gold, text, before in items:
        result = classify(text, before or None)
        predicted = group_of(result.label, gold)
        confusion[gold][predicted] += 1
        by_label[gold][result.label] += 1
        not_sure += result.not_sure
        if predicted != gold:
            errors.append((gold, result.label, text))
    per_group, macro = _f1_scores(confusion)
    size = len(items)
    telling = sum(confusion["telling"].values())
    return GroupReport(part, size, per_group, macro, sum(confusion[g][g] for g in GROUPS) / size if size else 0.0,
                       by_label["telling"]["open_question"] / telling if telling else 0.0,
                       not_sure / size if size else 0.0, confusion, by_label, errors)


def format_group_report(report: GroupReport) -> str:
    lines = [f"Corpus part: {report.part} ({report.size} utterances of real counselling conversations, "
             "expert codes in four groups)", "", *_score_lines("group", GROUPS, report.per_group),
             "", f"four groups macro-F1: {report.macro_f1:.3f}   accuracy: {report.accuracy:.3f}   "
             f"telling called an open question: {report.telling_called_open:.1%}   "
             f"read as not sure: {report.not_sure_share:.1%}", "",
             "Labels given, by the experts' group (rows: gold group, columns: predicted label)",
             *_matrix_lines(GROUPS, ALL_LABELS, report.labels_by_group)]
    return "\n".join(lines)
