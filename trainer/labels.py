"""The nine reply labels of the coding manual, and the groups the measures use.

The names are the project's contract: scenario files, reports and tests spell them exactly so.
"""

from __future__ import annotations

from enum import StrEnum


class Label(StrEnum):
    OPEN_QUESTION = "open_question"
    CLOSED_QUESTION = "closed_question"
    LEADING_QUESTION = "leading_question"
    ADVICE = "advice"
    TAKEOVER = "takeover"
    REFLECTION = "reflection"
    AFFIRMATION = "affirmation"
    JUDGMENT = "judgment"
    OTHER = "other"


#: A reply's primary label is the first of its sentence labels in this order.
PRIMARY_ORDER: tuple[Label, ...] = (
    Label.TAKEOVER,
    Label.ADVICE,
    Label.LEADING_QUESTION,
    Label.JUDGMENT,
    Label.OPEN_QUESTION,
    Label.CLOSED_QUESTION,
    Label.REFLECTION,
    Label.AFFIRMATION,
    Label.OTHER,
)

ALL_LABELS: tuple[str, ...] = tuple(label.value for label in Label)

#: The second axis: where a reply points (coding manual, "The second axis").
FOCI: tuple[str, ...] = ("own_part", "others", "outcome", "experience", "none")

#: Replies that tell: the manager's solution, instruction or action instead of the salesperson's.
TELLING: frozenset[Label] = frozenset({Label.ADVICE, Label.LEADING_QUESTION, Label.TAKEOVER})
#: Replies that ask or listen (the "ask" side of ask:tell).
ASKING: frozenset[Label] = frozenset({Label.OPEN_QUESTION, Label.CLOSED_QUESTION, Label.REFLECTION})
QUESTIONS: frozenset[Label] = frozenset(
    {Label.OPEN_QUESTION, Label.CLOSED_QUESTION, Label.LEADING_QUESTION}
)

DESCRIPTIONS: dict[Label, str] = {
    Label.OPEN_QUESTION: "Open question: invites them to think and answer in their own words.",
    Label.CLOSED_QUESTION: "Closed question: answerable with yes/no or a single fact.",
    Label.LEADING_QUESTION: "Leading question: your own solution or verdict wearing a question mark.",
    Label.ADVICE: "Advice: telling, instructing, diagnosing or informing.",
    Label.TAKEOVER: "Takeover: you took the problem or the task away from them.",
    Label.REFLECTION: "Reflection: restates or names what they said or feel, without judging.",
    Label.AFFIRMATION: "Affirmation: recognises their effort, strength or values.",
    Label.JUDGMENT: "Judgment: evaluates, criticises or sides with their blame.",
    Label.OTHER: "Other: greeting, filler, acknowledgement or logistics.",
}

SHORT_NAMES: dict[Label, str] = {
    Label.OPEN_QUESTION: "Open question",
    Label.CLOSED_QUESTION: "Closed question",
    Label.LEADING_QUESTION: "Leading question",
    Label.ADVICE: "Advice",
    Label.TAKEOVER: "Takeover",
    Label.REFLECTION: "Reflection",
    Label.AFFIRMATION: "Affirmation",
    Label.JUDGMENT: "Judgment",
    Label.OTHER: "Other",
}


def primary_of(labels: list[Label]) -> Label:
    """The primary label of a reply made of sentences with these labels."""
    present = set(labels)
    for label in PRIMARY_ORDER:
        if label in present:
            return label
    return Label.OTHER
