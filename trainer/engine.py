"""A practice session over one scenario: salesperson line, manager reply, classify, branch, ...

Deterministic: the same scenario, seed and replies give the same lines, labels and score.
A session can be rebuilt from its stored replies and labels (see ``Session.restore``).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Callable

from .classify import Classification, classify
from .conditions import parse_condition
from .labels import TELLING, Label
from .scenario import Ending, Option, Scenario
from .scoring import Measures, Score, compute_measures, compute_score

#: How each label moves the salesperson, before the scenario's own branch effects.
LABEL_EFFECTS: dict[Label, dict[str, int]] = {
    Label.OPEN_QUESTION: {"openness": 1},
    Label.REFLECTION: {"openness": 1, "trust": 1},
    Label.AFFIRMATION: {"trust": 1},
    Label.CLOSED_QUESTION: {},
    Label.LEADING_QUESTION: {"told": 1},
    Label.ADVICE: {"told": 1, "trust": -1},
    Label.TAKEOVER: {"told": 1},
    Label.JUDGMENT: {"trust": -2, "openness": -1},
    Label.OTHER: {},
}
#: Replies that get a "try instead" open question.
NEEDS_TRY_INSTEAD = TELLING | {Label.JUDGMENT}
#: A reply longer than this is refused by the engine (the UI and CLI say so before sending).
MAX_REPLY_CHARS = 100_000


class ReplyRefused(ValueError):
    """A reply the session cannot take (empty, too long, or after the end)."""


@dataclass(frozen=True)
class Turn:
    index: int
    node: str
    salesperson: str
    reply: str
    label: str
    cue: str
    sentences: list[dict]
    try_instead: str | None
    response: str
    state: dict[str, int]
    ended: bool

    def to_dict(self) -> dict:
        return {
            "index": self.index, "node": self.node, "salesperson": self.salesperson,
            "reply": self.reply, "label": self.label, "cue": self.cue, "sentences": self.sentences,
            "try_instead": self.try_instead, "response": self.response, "state": dict(self.state),
            "ended": self.ended,
        }


@dataclass(frozen=True)
class SessionResult:
    scenario_id: str
    outcome: str  # success, partial, failure or unfinished
    ending: str | None
    measures: Measures
    score: Score
    turns: list[Turn]

    def to_dict(self) -> dict:
        return {
            "scenario": self.scenario_id, "outcome": self.outcome, "ending": self.ending,
            "score": self.score.total, "breakdown": self.score.to_dict()["breakdown"],
            "measures": self.measures.to_dict(), "turns": [t.to_dict() for t in self.turns],
        }


@dataclass
class Session:
    """One run of a scenario. Not thread-safe: drive it from one thread."""

    scenario: Scenario
    seed: int = 0
    classifier: Callable[..., Classification] = classify
    node: str = field(init=False)
    state: dict[str, int] = field(init=False)
    turns: list[Turn] = field(init=False, default_factory=list)
    ending: str | None = field(init=False, default=None)
    current_line: str = field(init=False)
    _rng: random.Random = field(init=False, repr=False)
    _variant_order: dict[str, list[int]] = field(init=False, default_factory=dict, repr=False)
    _visits: dict[str, int] = field(init=False, default_factory=dict, repr=False)
    _spoken: list[str] = field(init=False, default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._rng = random.Random(f"{self.scenario.id}:{self.seed}")
        self.node = self.scenario.start
        self.state = dict(self.scenario.initial_state)
        self.current_line = self._say(self.node, self.scenario.nodes[self.node].lines)

    # --- public API ---------------------------------------------------------------------------

    @property
    def finished(self) -> bool:
        return self.ending is not None

    @property
    def outcome(self) -> str:
        return self.scenario.endings[self.ending].outcome if self.ending else "unfinished"

    @property
    def ending_detail(self) -> Ending | None:
        return self.scenario.endings[self.ending] if self.ending else None

    def reply(self, text: str) -> Turn:
        """Classify the manager's reply, move the salesperson, and return the turn."""
        self._check_reply(text)
        return self.apply(text, self.classifier(text, self.current_line))

    def apply(self, text: str, classification: Classification) -> Turn:
        """Take a reply already classified (e.g. restored from storage)."""
        self._check_reply(text)
        label = Label(classification.label)
        node = self.scenario.nodes[self.node]
        before_line = self.current_line
        self.state["turns"] += 1
        self._change(LABEL_EFFECTS[label])
        branch_key = node.branch_key_for(label.value)
        option_index, option = self._choose(node.options(branch_key))
        self._change(option.effects)
        target = option.goto
        if target not in self.scenario.endings:
            for rule in self.scenario.rules:
                if parse_condition(rule.when).holds(self.state):
                    target = rule.goto
                    break
        try_instead = self._try_instead(node.try_instead) if label in NEEDS_TRY_INSTEAD else None
        if target in self.scenario.endings:
            self.ending = target
            response = self._say(target, self.scenario.endings[target].lines)
        else:
            lines = option.say if option.say and target == option.goto else self.scenario.nodes[target].lines
            # each option's reaction lines keep their own variant order
            response = self._say(f"{self.node}:{branch_key}:{option_index}" if option.say else target, lines)
        turn = Turn(
            index=len(self.turns), node=self.node, salesperson=before_line, reply=text,
            label=label.value, cue=classification.cue,
            sentences=[s.to_dict() for s in classification.sentences],
            try_instead=try_instead, response=response, state=dict(self.state), ended=self.finished,
        )
        self.turns.append(turn)
        self.node = target
        self.current_line = response
        return turn

    def result(self) -> SessionResult:
        measures = self.measures()
        ending = self.ending_detail
        score = compute_score(
            measures, self.outcome, self.scenario.persona.name.split()[0], self.scenario.problem,
            ending.summary if ending else "",
        )
        return SessionResult(self.scenario.id, self.outcome, self.ending, measures, score, list(self.turns))

    def measures(self) -> Measures:
        return compute_measures(
            [t.label for t in self.turns], [t.reply for t in self.turns], self._spoken,
        )

    def hint(self) -> str:
        """A model open question for the current moment."""
        return self.scenario.nodes[self.node].try_instead[0] if not self.finished else ""

    @classmethod
    def restore(cls, scenario: Scenario, seed: int, replies: list[tuple[str, Classification]],
                classifier: Callable[..., Classification] = classify) -> "Session":
        """Rebuild a session by replaying its stored replies with their stored labels."""
        session = cls(scenario, seed, classifier)
        for text, classification in replies:
            if session.finished:
                break
            session.apply(text, classification)
        return session

    # --- internals ----------------------------------------------------------------------------

    def _check_reply(self, text: str) -> None:
        if self.finished:
            raise ReplyRefused("the session has ended")
        if not text or not text.strip():
            raise ReplyRefused("the reply is empty")
        if len(text) > MAX_REPLY_CHARS:
            raise ReplyRefused(f"the reply is too long ({len(text):,} characters; limit {MAX_REPLY_CHARS:,})")

    def _change(self, effects: dict[str, int]) -> None:
        for name, delta in effects.items():
            self.state[name] = self.state.get(name, 0) + delta

    def _choose(self, options: list[Option]) -> tuple[int, Option]:
        for index, option in enumerate(options):
            if option.when is None or parse_condition(option.when).holds(self.state):
                return index, option
        return len(options) - 1, options[-1]  # validation guarantees the last option has no condition

    def _say(self, key: str, lines: list[str]) -> str:
        """Pick a variant: a seeded order per place, cycling, so replays vary but never repeat at once."""
        order = self._variant_order.get(key)
        if order is None:
            order = list(range(len(lines)))
            self._rng.shuffle(order)
            self._variant_order[key] = order
        visit = self._visits.get(key, 0)
        self._visits[key] = visit + 1
        line = lines[order[visit % len(order)]]
        self._spoken.append(line)
        return line

    def _try_instead(self, suggestions: list[str]) -> str:
        used = {t.try_instead for t in self.turns}
        fresh = [s for s in suggestions if s not in used]
        return (fresh or suggestions)[0]
