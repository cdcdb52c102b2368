"""The nine reply labels of the coding manual, in one registry, and the groups the measures use.

The names are the project's contract: scenario files, reports and tests spell them exactly so.
Everything about a label lives in its one ``LabelInfo`` entry below: its place in the manual's
order (which label a reply of several sentences gets), its four-group family (as counselling
research codes talk), which side of ask:tell it counts on, its short name and description, its
colours, and what it does in a practice conversation. Adding a label is one entry here plus the
classifier rules that recognise it; ``Label``, the order and the groups are built from the entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True)
class LabelInfo:
    name: str
    short: str
    description: str
    group: str  # question, reflection, telling or other (the four groups of counselling research)
    side: str  # "ask", "tell" or "" (left out of ask:tell)
    question: bool  # counts among the questions (the open-question share of questions)
    effect: str  # what a reply with this label does to the salesperson (the engine acts on it)
    tone: tuple[str, str, str, str]  # pill colours: light background, light text, dark background, dark text


#: In the manual's order: a reply's primary label is the first of its sentence labels here.
REGISTRY: tuple[LabelInfo, ...] = (
    LabelInfo("takeover", "Takeover", "Takeover: you took the problem or the task away from them.",
              "telling", "tell", False, "relief and dependence: the problem is yours now",
              ("#fadcdc", "#9b1f28", "#4a1f23", "#ffa0a6")),
    LabelInfo("advice", "Advice", "Advice: telling, instructing, diagnosing or informing.",
              "telling", "tell", False, "push-back; repeated advice wears their patience",
              ("#fde6d5", "#8f3a08", "#45291a", "#ffb78c")),
    LabelInfo("leading_question", "Leading question",
              "Leading question: your own solution or verdict wearing a question mark.",
              "telling", "tell", True, "heard as advice: push-back",
              ("#fde6d5", "#8f3a08", "#45291a", "#ffb78c")),
    LabelInfo("judgment", "Judgment", "Judgment: evaluates, criticises, blames or rebukes them.",
              "telling", "", False, "defensiveness; trust drops",
              ("#fadcdc", "#9b1f28", "#4a1f23", "#ffa0a6")),
    LabelInfo("open_question", "Open question", "Open question: invites them to think and answer in their own words.",
              "question", "ask", True, "they open up and think, gradually",
              ("#dcf3e4", "#13602f", "#1d3c29", "#8fe3ae")),
    LabelInfo("closed_question", "Closed question", "Closed question: answerable with yes/no or a single fact.",
              "question", "ask", True, "a short answer",
              ("#e1ebfb", "#20498f", "#1f2d46", "#a3c0f6")),
    LabelInfo("reflection", "Reflection", "Reflection: restates or names what they said or feel, without judging.",
              "reflection", "ask", False, "they feel heard and say more",
              ("#dcf3e4", "#13602f", "#1d3c29", "#8fe3ae")),
    LabelInfo("affirmation", "Affirmation", "Affirmation: recognises their effort, strength or values.",
              "other", "", False, "trust grows a little",
              ("#ece3fb", "#55289a", "#31254b", "#cdb2f7")),
    LabelInfo("other", "Other", "Other: greeting, filler, acknowledgement, logistics, sympathy or reassurance.",
              "other", "", False, "no change",
              ("#eaecf0", "#485062", "#30343b", "#bac1cd")),
)

#: The labels, in the order of the coding manual's table (the contract's spelling).
_TABLE_ORDER = ("open_question", "closed_question", "leading_question", "advice", "takeover", "reflection",
                "affirmation", "judgment", "other")
Label = StrEnum("Label", [(name.upper(), name) for name in _TABLE_ORDER])
Label.__doc__ = "A reply label of the coding manual."
Label.__module__ = __name__

INFO: dict[Label, LabelInfo] = {Label(info.name): info for info in REGISTRY}
assert set(INFO) == set(Label), "every label needs its registry entry"

#: A reply's primary label is the first of its sentence labels in this order.
PRIMARY_ORDER: tuple[Label, ...] = tuple(Label(info.name) for info in REGISTRY)

ALL_LABELS: tuple[str, ...] = tuple(label.value for label in Label)

#: The second axis: where a reply points (coding manual, "The second axis").
FOCI: tuple[str, ...] = ("own_part", "others", "outcome", "experience", "none")

#: Replies that tell: the manager's solution, instruction or action instead of the salesperson's.
TELLING: frozenset[Label] = frozenset(label for label, info in INFO.items() if info.side == "tell")
#: Replies that ask or listen (the "ask" side of ask:tell).
ASKING: frozenset[Label] = frozenset(label for label, info in INFO.items() if info.side == "ask")
QUESTIONS: frozenset[Label] = frozenset(label for label, info in INFO.items() if info.question)
#: The four groups counselling research codes talk in, and the label each of ours falls in.
GROUPS: tuple[str, ...] = ("question", "reflection", "telling", "other")
GROUP_OF: dict[str, str] = {info.name: info.group for info in REGISTRY}

DESCRIPTIONS: dict[Label, str] = {label: info.description for label, info in INFO.items()}
SHORT_NAMES: dict[Label, str] = {label: info.short for label, info in INFO.items()}
TONES: dict[Label, tuple[str, str, str, str]] = {label: info.tone for label, info in INFO.items()}


def primary_of(labels: list[Label]) -> Label:
    """The primary label of a reply made of sentences with these labels."""
    present = set(labels)
    for label in PRIMARY_ORDER:
        if label in present:
            return label
    return Label.OTHER
