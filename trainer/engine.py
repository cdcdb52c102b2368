"""A practice session over one scenario: the salesperson hears what the manager says.

Each reply is read on two axes (``trainer.classify``: its label, and where it points: ``focus``
and ``sides_with_blame``), in this scenario's terms. A table of named reaction rules (data, first
match wins) turns that reading into the salesperson's reaction and a change of their state
(openness, trust, ownership of their part, how hardened the blame is, ...). A reply that touches
one of the salesperson's facts gets that fact, when trust allows; a closed question gets the
short answer of its kind. The stage of the arc follows from the state; endings are a second
table of named rules. Lines are chosen so that none repeats within a session, and the seed
chooses the order in which facts surface as well as the wording.

Deterministic: the same scenario, seed and replies give the same lines, labels and score. A
session can be rebuilt from its stored replies and readings (``Session.restore``).
"""

from __future__ import annotations

import random
import re
from collections import deque
from dataclasses import dataclass, field, replace
from typing import Callable, Mapping

from .classify import Classification, SentenceResult
from .classify import classify as classify_reply
from .classify.focus import phrase_pattern
from .classify.words import content_stems
from .labels import TELLING, Label
from .scenario import ENDINGS, Ending, Fact, Scenario
from .scoring import Measures, Score, compute_measures, compute_score

#: A reply longer than this is refused by the engine (the UI and CLI say so before sending).
MAX_REPLY_CHARS = 100_000
#: Replies that get a "try instead" open question.
NEEDS_TRY_INSTEAD = TELLING | {Label.JUDGMENT}
#: Labels whose reaction is strong; a reading the trainer is not sure of never triggers them.
HARD_LABELS = frozenset({Label.TAKEOVER, Label.ADVICE, Label.LEADING_QUESTION, Label.JUDGMENT})
#: Replies that invite the salesperson to talk.
EVOKING = frozenset({Label.OPEN_QUESTION, Label.REFLECTION})

COUNTERS: tuple[str, ...] = (
    "turns", "openness", "trust", "ownership", "hardened", "sided", "told", "takeovers", "offtopic",
    "patience", "closing",
)


def needs_try_instead(label: Label, reading: "Reading") -> bool:
    """Replies that get an open question to try instead: telling, judging, siding with the blame."""
    return label in NEEDS_TRY_INSTEAD or reading.sides


class ReplyRefused(ValueError):
    """A reply the session cannot take (empty, too long, or after the end)."""


# --- reading a reply in the scenario's terms ---------------------------------------------------

_QUESTION_KIND: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in (
        ("how_many", r"\bhow many\b|\bnumber of\b|\bhow often\b"),
        ("how_much", r"\bhow much\b|\bwhat(?:'s| is| was) (?:it|the deal|that) worth\b|\bwhat value\b|"
                     r"\bwhere (?:are|do|does|is|am) (?:we|you|things|it|i) (?:stand|against|at|with|on|up to)\b"),
        ("how_long", r"\bhow long\b|\bsince when\b"),
        ("when", r"\bwhen\b|\bwhat (?:day|date|time|month|week)\b"),
        ("who", r"\bwho(?:m|se)?\b"),
        ("which", r"\bwhich\b|\bwhat (?:accounts?|clients?|customers?|deals?|firms?|companies|ones?)\b"),
        ("where", r"\bwhere\b"),
    ))


_COUNTED = re.compile(r"\bhow (?:many|much)\s+(?:more\s+|new\s+|of\s+(?:the|your|those|them)\s+)?([a-z]+)", re.IGNORECASE)


def counted_thing(text: str) -> str:
    """What a "how many ..." question counts, as asked ("calls"), or ''."""
    match = _COUNTED.search(text)
    return match.group(1).lower() if match and stems(match.group(1)) else ""


def question_kind(text: str) -> str:
    """The kind of closed question (how_many, when, who, ...); ``yes_no`` when none is named."""
    for kind, pattern in _QUESTION_KIND:
        if pattern.search(text):
            return kind
    return "yes_no"


@dataclass(frozen=True)
class Reading:
    """What the engine needs of a reply: its classification plus the facts it touches."""

    label: Label
    focus: str
    sides: bool
    not_sure: bool
    small_talk: bool
    touched: tuple[str, ...] = ()  # fact ids, best match first
    kind: str = "yes_no"           # for closed questions
    counted: str = ""              # what a "how many" question counts, as asked ("calls")

    @property
    def evoking(self) -> bool:
        return self.label in EVOKING


def stems(text: str) -> set[str]:
    """Word stems of ``text`` for matching a reply with a fact's words (the classifier's own)."""
    return content_stems(text)


@dataclass(frozen=True)
class FactIndex:
    """Each fact's words as a phrase pattern and as stems, built once per session."""

    patterns: dict[str, re.Pattern[str]]
    word_stems: dict[str, set[str]]

    @classmethod
    def of(cls, scenario: Scenario) -> "FactIndex":
        patterns = {f.id: p for f in scenario.facts if (p := phrase_pattern(f.words)) is not None}
        return cls(patterns, {f.id: stems(" ".join(f.words)) for f in scenario.facts})

    def touched(self, text: str, scenario: Scenario) -> tuple[str, ...]:
        """The facts a reply touches, best first: two points a phrase matched, one a shared stem."""
        reply_stems = stems(text)
        scored = []
        for order, fact in enumerate(scenario.facts):
            pattern = self.patterns.get(fact.id)
            score = 2 * len(pattern.findall(text)) if pattern is not None else 0
            score += len(reply_stems & self.word_stems[fact.id])
            if score >= 2:
                scored.append((-score, order, fact.id))
        return tuple(fact_id for *_, fact_id in sorted(scored))


def read_reply(text: str, classification: Classification, scenario: Scenario, index: FactIndex) -> Reading:
    label = Label(classification.label)
    focus = classification.focus
    # Small talk is what the reading names as such; a reply that points nowhere in particular
    # without being small talk ("what got in the way?") is taken as about their story.
    small_talk = focus == "none" and bool(classification.focus_cue)
    if focus == "none" and not small_talk and label in EVOKING:
        focus = "experience"
    return Reading(
        label=label, focus=focus, sides=classification.sides_with_blame, not_sure=classification.not_sure,
        small_talk=small_talk, touched=() if small_talk else index.touched(text, scenario),
        kind=question_kind(text) if label is Label.CLOSED_QUESTION else "yes_no",
        counted=counted_thing(text) if label is Label.CLOSED_QUESTION else "",
    )


# --- the reaction rules -----------------------------------------------------------------------

State = Mapping[str, int]


@dataclass(frozen=True)
class ReactionRule:
    """When ``applies`` holds for a reading (and the salesperson's state), they react with
    ``reaction`` and their state changes by ``effects``. The first rule that applies is used."""

    id: str
    applies: Callable[[Reading, State, Scenario], bool]
    reaction: str  # a reaction name, or "opens" (they tell a fact or go on with their story)
    effects: Mapping[str, int]
    why: str


def _guarded(state: State, scenario: Scenario) -> bool:
    return state["openness"] < scenario.tuning.open_at or state["trust"] < 0


REACTION_RULES: tuple[ReactionRule, ...] = (
    ReactionRule("not_sure", lambda r, s, sc: r.not_sure and r.label in HARD_LABELS, "unclear", {},
                 "a reply the trainer cannot read for sure gets a question back, never a hard reaction"),
    ReactionRule("sides", lambda r, s, sc: r.sides, "sided", {"trust": 1, "hardened": 2, "sided": 1},
                 "siding with the blame warms them and hardens the blame"),
    ReactionRule("takeover", lambda r, s, sc: r.label is Label.TAKEOVER, "relieved",
                 {"takeovers": 1, "told": 1, "trust": 1}, "taking the problem over brings relief, not ownership"),
    ReactionRule("judgment", lambda r, s, sc: r.label is Label.JUDGMENT, "defensive", {"trust": -2, "openness": -1},
                 "judgment makes them defensive"),
    ReactionRule("advice", lambda r, s, sc: r.label is Label.ADVICE, "pushback", {"told": 1, "trust": -1},
                 "advice gets push-back"),
    ReactionRule("leading", lambda r, s, sc: r.label is Label.LEADING_QUESTION, "pushback", {"told": 1},
                 "a leading question is advice with a question mark"),
    ReactionRule("off_topic_again", lambda r, s, sc: r.small_talk and s["offtopic"] >= 1, "redirect",
                 {"offtopic": 1, "patience": -1}, "repeated off-topic talk wears their patience"),
    ReactionRule("off_topic", lambda r, s, sc: r.small_talk, "redirect", {"offtopic": 1},
                 "off-topic talk while they are mid-story gets a redirect"),
    ReactionRule("closed", lambda r, s, sc: r.label is Label.CLOSED_QUESTION, "short", {},
                 "a closed question gets a short answer and no progress"),
    ReactionRule("about_others", lambda r, s, sc: r.evoking and r.focus == "others", "others", {},
                 "pointing at others lets them vent; it moves nothing"),
    ReactionRule("about_outcome", lambda r, s, sc: r.evoking and r.focus == "outcome", "outcome", {},
                 "pointing at the number adds pressure, not ownership"),
    ReactionRule("own_part_hardened", lambda r, s, sc: r.evoking and r.focus == "own_part" and s["hardened"] > 0,
                 "deflect", {"hardened": -1, "openness": 1},
                 "their own part, asked while the blame is hard, softens the blame first"),
    ReactionRule("own_part_guarded", lambda r, s, sc: r.evoking and r.focus == "own_part" and _guarded(s, sc),
                 "deflect", {"openness": 1}, "their own part, asked before they trust you, meets a guard"),
    ReactionRule("own_part", lambda r, s, sc: r.evoking and r.focus == "own_part", "opens",
                 {"openness": 1, "ownership": 1}, "their own part, asked or reflected, moves them toward owning it"),
    ReactionRule("experience", lambda r, s, sc: r.evoking, "opens", {"openness": 1, "trust": 1},
                 "their story and feelings, asked or reflected, open them up and build trust"),
    ReactionRule("affirmation", lambda r, s, sc: r.label is Label.AFFIRMATION, "thanks", {"trust": 1},
                 "recognition builds trust"),
    ReactionRule("other", lambda r, s, sc: True, "filler", {}, "a filler or greeting moves nothing"),
)
#: Reflections build trust as well as openness, whatever they point at.
REFLECTION_BONUS: Mapping[str, int] = {"trust": 1}
RULES_BY_ID: dict[str, ReactionRule] = {rule.id: rule for rule in REACTION_RULES}


@dataclass(frozen=True)
class EndingRule:
    id: str
    ending: str
    applies: Callable[[State, Scenario], bool]


def _time_up(state: State, scenario: Scenario) -> bool:
    return state["turns"] >= scenario.tuning.soft_limit + scenario.tuning.grace


ENDING_RULES: tuple[EndingRule, ...] = (
    EndingRule("owns", "owns_plan", lambda s, sc: s["ownership"] >= sc.tuning.to_win),
    EndingRule("kept_siding", "sided", lambda s, sc: s["sided"] >= 3),
    EndingRule("took_over", "manager_owns_it", lambda s, sc: s["takeovers"] >= 2),
    EndingRule("told_too_often", "complies", lambda s, sc: s["told"] >= 3),
    EndingRule("lost_them", "walked_out", lambda s, sc: s["trust"] <= -4 or s["patience"] <= 0),
    EndingRule("time_sided", "sided", lambda s, sc: _time_up(s, sc) and s["sided"] >= 2),
    EndingRule("time_partial", "partial_plan",
               lambda s, sc: _time_up(s, sc) and s["ownership"] >= max(1, sc.tuning.to_win - 2)),
    EndingRule("time_out", "out_of_time", _time_up),
)


def stage_of(state: State, scenario: Scenario) -> str:
    """Where on the arc the salesperson is, from their state."""
    if state["turns"] == 0:
        return "opening"
    if state["ownership"] >= scenario.tuning.to_win - 1:
        return "committing"
    if state["ownership"] >= 2:
        return "owning"
    if not _guarded(state, scenario):
        return "exploring"
    return "guarded"


def initial_state(scenario: Scenario) -> dict[str, int]:
    state = {name: 0 for name in COUNTERS}
    state["patience"] = scenario.tuning.patience
    return state


@dataclass(frozen=True)
class Step:
    """What one reply does, before any line is chosen."""

    rule: str
    reaction: str
    state: dict[str, int]
    fact: str | None = None
    fact_mode: str | None = None  # tell, confirm or short
    ending: str | None = None
    closing: bool = False


def _fact_ready(fact: Fact, state: State) -> bool:
    return all(state.get(name, 0) >= need for name, need in fact.needs.items()) and state["trust"] >= 0


_PREFERRED_FACTS = {"own_part": ("own_part",), "experience": ("experience", "others", "outcome"),
                    "others": ("others",), "outcome": ("outcome",)}


def transition(scenario: Scenario, state: State, revealed: frozenset[str], reading: Reading,
               fact_order: tuple[str, ...]) -> Step:
    """The pure core: how the salesperson's state moves for this reading, which rule decided it,
    and which fact (if any) their answer brings out."""
    rule = next(r for r in REACTION_RULES if r.applies(reading, state, scenario))
    new = dict(state)
    new["turns"] += 1
    effects = dict(rule.effects)
    if reading.label is Label.REFLECTION and rule.reaction in ("opens", "deflect", "others", "outcome"):
        for name, delta in REFLECTION_BONUS.items():
            effects[name] = effects.get(name, 0) + delta
    for name, delta in effects.items():
        new[name] = new[name] + delta
    new["hardened"] = max(0, new["hardened"])
    new["openness"] = max(-3, min(10, new["openness"]))
    new["trust"] = max(-6, min(10, new["trust"]))

    fact, mode, reaction = None, None, rule.reaction
    touched = [f for f in reading.touched if f not in revealed]
    if rule.reaction in ("opens", "others", "outcome") and reading.touched and not touched:
        # asked again about something already told: they say it again as agreed, not as news
        fact, mode = reading.touched[0], "again"
    elif rule.reaction in ("opens", "others", "outcome", "deflect"):
        if touched and rule.reaction != "deflect":
            candidate = scenario.fact(touched[0])
            if _fact_ready(candidate, new):
                fact, mode = candidate.id, ("confirm" if reading.label is Label.REFLECTION else "tell")
            elif rule.reaction == "opens":
                reaction = "deflect"
        elif rule.reaction in ("opens", "others", "outcome"):
            # nothing new touched (or only facts already told): the next fact they are ready to tell
            wanted = _PREFERRED_FACTS.get(reading.focus, ("experience", "others", "outcome"))
            for fact_id in fact_order:
                candidate = scenario.fact(fact_id)
                if fact_id not in revealed and candidate.about in wanted and _fact_ready(candidate, new):
                    fact, mode = fact_id, "tell"
                    break
    elif rule.reaction == "short" and reading.focus == "own_part" and stage_of(new, scenario) in ("owning", "committing"):
        reaction = "stage"  # "when will you start?" once they own it: they answer with their plan
    elif rule.reaction == "short" and reading.touched:
        best = scenario.fact(reading.touched[0])  # the fact the question is most about, told or not
        counts_it = not reading.counted or bool(stems(reading.counted) & stems(
            best.short.get(reading.kind, "") + " " + " ".join(best.words)))
        if reading.kind in best.short and counts_it and (best.id in revealed or _fact_ready(best, new)):
            fact, mode = best.id, "short"
    if reaction == "opens" and fact is None:
        reaction = "stage"

    ending = next((e.ending for e in ENDING_RULES if e.applies(new, scenario)), None)
    closing = ending is None and new["turns"] >= scenario.tuning.soft_limit and not new["closing"]
    if closing:
        new["closing"] = 1
    return Step(rule.id, reaction, new, fact, mode, ending, closing)


def explore(scenario: Scenario, max_states: int = 200_000) -> tuple[set[str], set[str]]:
    """Every fact some sequence of replies can bring out, and every ending one can reach.

    A breadth-first search over the salesperson's state with one representative reading for each
    kind of reply, so the validator can name facts that can never be revealed and endings that
    cannot be reached. Which facts were told never changes the state, so facts are checked at each
    state reached (a reply touching the fact), not carried in the search.
    """
    # One reading for each distinct way a reply moves the state; replies that move nothing but the
    # clock (closed questions, fillers, the number) are covered by waiting, and their facts below.
    moves = [Reading(label, focus, False, False, False)
             for label in (Label.OPEN_QUESTION, Label.REFLECTION)
             for focus in ("own_part", "experience", "others")]
    moves += [Reading(Label.OPEN_QUESTION, "others", True, False, False),
              Reading(Label.OPEN_QUESTION, "none", False, False, True),
              Reading(Label.AFFIRMATION, "experience", False, False, False)]
    moves += [Reading(label, "own_part", False, False, False) for label in HARD_LABELS]
    touching = {fact.id: [Reading(label, fact.about, False, False, False, (fact.id,))
                          for label in (Label.OPEN_QUESTION, Label.REFLECTION)] +
                         [Reading(Label.OPEN_QUESTION, fact.about, False, False, False)] +
                         [Reading(Label.CLOSED_QUESTION, fact.about, False, False, False, (fact.id,), kind)
                          for kind in fact.short]
                for fact in scenario.facts}
    order = tuple(f.id for f in scenario.facts)
    none: frozenset[str] = frozenset()
    # Turns are left out of the key: a filler moves nothing but the clock, so from any state the
    # time-limit endings are reached by waiting, and each state is explored at its fewest turns.
    limit = scenario.tuning.soft_limit + scenario.tuning.grace
    # Counters past the point where any rule or fact tells them apart are the same state.
    caps = {"openness": max([scenario.tuning.open_at] + [f.needs.get("openness", 0) for f in scenario.facts]),
            "trust": max([0] + [f.needs.get("trust", 0) for f in scenario.facts]),
            "hardened": 1, "told": 3, "takeovers": 2, "sided": 3, "offtopic": 1}

    def key_of(state: Mapping[str, int]) -> tuple:
        return tuple(min(v, caps[k]) if k in caps else v for k, v in sorted(state.items())
                     if k not in ("turns", "closing"))

    first = initial_state(scenario)
    seen = {key_of(first)}
    queue = deque([first])
    revealable: set[str] = set()
    reachable: set[str] = set()
    while queue and len(seen) < max_states:
        state = queue.popleft()
        waited = {**state, "turns": max(state["turns"], limit)}
        reachable.add(next(e.ending for e in ENDING_RULES if e.applies(waited, scenario)))
        for fact_id, readings in touching.items():
            if fact_id not in revealable and any(
                    transition(scenario, state, none, reading, order).fact == fact_id for reading in readings):
                revealable.add(fact_id)
        if state["turns"] >= limit:
            continue
        for move in moves:
            step = transition(scenario, state, none, move, order)
            if step.fact:
                revealable.add(step.fact)
            if step.ending:
                reachable.add(step.ending)
                continue
            key = key_of(step.state)
            if key not in seen:
                seen.add(key)
                queue.append(step.state)
    return revealable, reachable


# --- turns and results ------------------------------------------------------------------------


@dataclass(frozen=True)
class Turn:
    index: int
    node: str  # where the line the reply answered came from: a stage, a reaction or a fact
    salesperson: str
    reply: str
    label: str
    cue: str
    sentences: list[dict]
    try_instead: str | None
    response: str
    state: dict[str, int]
    ended: bool
    focus: str = "none"
    sides_with_blame: bool = False
    confidence: float = 1.0
    revealed: tuple[str, ...] = ()
    rule: str = ""
    reaction: str = ""
    focus_cue: str = ""
    siding_cue: str = ""
    speech_seconds: float | None = None

    @property
    def not_sure(self) -> bool:
        from .classify import NOT_SURE_BELOW

        return self.confidence < NOT_SURE_BELOW

    @property
    def reading(self) -> dict:
        """What storage keeps beside the label: the second axis and what the answer revealed."""
        return {"focus": self.focus, "focus_cue": self.focus_cue, "sides_with_blame": self.sides_with_blame,
                "siding_cue": self.siding_cue, "confidence": self.confidence, "revealed": list(self.revealed),
                "rule": self.rule, "reaction": self.reaction}

    def to_dict(self) -> dict:
        return {
            "index": self.index, "node": self.node, "salesperson": self.salesperson,
            "reply": self.reply, "label": self.label, "cue": self.cue, "confidence": self.confidence,
            "not_sure": self.not_sure, "focus": self.focus, "focus_cue": self.focus_cue,
            "sides_with_blame": self.sides_with_blame, "siding_cue": self.siding_cue,
            "sentences": self.sentences, "try_instead": self.try_instead, "response": self.response,
            "revealed": list(self.revealed), "rule": self.rule, "reaction": self.reaction,
            "state": dict(self.state), "ended": self.ended, "speech_seconds": self.speech_seconds,
        }


@dataclass(frozen=True)
class SessionResult:
    scenario_id: str
    outcome: str  # success, partial, failure or unfinished
    ending: str | None
    final_line: str
    measures: Measures
    score: Score
    turns: list[Turn]

    def to_dict(self) -> dict:
        return {
            "scenario": self.scenario_id, "outcome": self.outcome, "ending": self.ending,
            "final_line": self.final_line, "score": self.score.total,
            "breakdown": self.score.to_dict()["breakdown"], "measures": self.measures.to_dict(),
            "turns": [t.to_dict() for t in self.turns],
        }


#: Lines any salesperson can fall back on once a scenario's own lines for a moment are used up,
#: so that no line is said twice in a session.
FALLBACK_LINES: dict[str, tuple[str, ...]] = {
    "stage": ("I'm still thinking about that.", "Give me a second with that one.", "Fair question. Let me think.",
              "I hadn't looked at it that way.", "Go on, ask me something else."),
    "short": ("Not off the top of my head.", "I'd have to check.", "Hard to say exactly.", "Roughly, yes."),
    "redirect": ("Can we stick to why I'm here?", "I'd rather use the time on my numbers.",
                 "We're drifting. What about the actual problem?", "I don't have long. Can we get to it?"),
}
_AGAIN = ("Like I said, ", "As I say, ", "Again, ", "Honestly, ", "Look, ", "I mean, ")


@dataclass
class Session:
    """One run of a scenario. Not thread-safe: drive it from one thread."""

    scenario: Scenario
    seed: int = 0
    classifier: Callable[..., Classification] = classify_reply
    state: dict[str, int] = field(init=False)
    turns: list[Turn] = field(init=False, default_factory=list)
    ending: str | None = field(init=False, default=None)
    current_line: str = field(init=False)
    node: str = field(init=False, default="opening")
    revealed: list[str] = field(init=False, default_factory=list)
    fact_order: tuple[str, ...] = field(init=False, default=())
    _rng: random.Random = field(init=False, repr=False)
    _variant_order: dict[str, list[int]] = field(init=False, default_factory=dict, repr=False)
    _said: set[str] = field(init=False, default_factory=set, repr=False)
    _spoken: list[str] = field(init=False, default_factory=list, repr=False)
    _facts: FactIndex = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._rng = random.Random(f"{self.scenario.id}:{self.seed}")
        self.state = initial_state(self.scenario)
        # the seed chooses the order in which facts surface, not only the wording
        self.fact_order = tuple(fact.id for fact in self._rng.sample(list(self.scenario.facts), len(self.scenario.facts)))
        self._facts = FactIndex.of(self.scenario)
        self.current_line = self._say("stage:opening", self.scenario.stages["opening"].lines, "stage")

    # --- public API ---------------------------------------------------------------------------

    @property
    def finished(self) -> bool:
        return self.ending is not None

    @property
    def outcome(self) -> str:
        return ENDINGS[self.ending] if self.ending else "unfinished"

    @property
    def ending_detail(self) -> Ending | None:
        return self.scenario.endings[self.ending] if self.ending else None

    @property
    def stage(self) -> str:
        return stage_of(self.state, self.scenario)

    def classify(self, text: str) -> Classification:
        """Read a reply in this scenario's terms, against the line it answers."""
        return self.classifier(text, self.current_line, self.scenario.terms)

    def reply(self, text: str) -> Turn:
        """Classify the manager's reply, move the salesperson, and return the turn."""
        self._check_reply(text)
        return self.apply(text, self.classify(text))

    def apply(self, text: str, classification: Classification, speech_seconds: float | None = None) -> Turn:
        """Take a reply already classified (e.g. restored from storage)."""
        self._check_reply(text)
        reading = read_reply(text, classification, self.scenario, self._facts)
        step = transition(self.scenario, self.state, frozenset(self.revealed), reading, self.fact_order)
        before_line, before_node = self.current_line, self.node
        self.state = step.state
        revealed: tuple[str, ...] = ()
        if step.fact and step.fact not in self.revealed:
            self.revealed.append(step.fact)
            revealed = (step.fact,)
        if step.ending:
            self.ending = step.ending
            response = self._say(f"ending:{step.ending}", self.scenario.endings[step.ending].lines, "stage")
            node = f"ending:{step.ending}"
        else:
            response, node = self._response(step, reading, text)
            if step.closing:
                response = f"{response} {self._say('reaction:closing', self.scenario.reactions['closing'], 'stage')}"
        label = Label(classification.label)
        try_instead = self._try_instead(before_node) if needs_try_instead(label, reading) else None
        turn = Turn(
            index=len(self.turns), node=before_node, salesperson=before_line, reply=text,
            label=label.value, cue=classification.cue,
            sentences=[s.to_dict() for s in classification.sentences], try_instead=try_instead,
            response=response, state=dict(self.state), ended=self.finished, focus=classification.focus,
            sides_with_blame=classification.sides_with_blame, confidence=classification.confidence,
            revealed=revealed, rule=step.rule, reaction=step.reaction, focus_cue=classification.focus_cue,
            siding_cue=classification.siding_cue, speech_seconds=speech_seconds,
        )
        self.turns.append(turn)
        self.node = node
        self.current_line = response
        return turn

    def result(self) -> SessionResult:
        measures = self.measures()
        ending = self.ending_detail
        persona = self.scenario.persona
        score = compute_score(
            measures, self.outcome, persona.first_name, self.scenario.problem,
            ending.summary if ending else "", progress=self.progress(), possessive=persona.possessive,
        )
        final_line = self.turns[-1].response if self.turns else self.current_line
        return SessionResult(self.scenario.id, self.outcome, self.ending, final_line, measures, score,
                             list(self.turns))

    def progress(self) -> float:
        """How far the conversation got toward the salesperson owning a plan, 0 to 1."""
        return max(0.0, min(1.0, self.state["ownership"] / self.scenario.tuning.to_win))

    def measures(self) -> Measures:
        return compute_measures(self.turns, self._spoken, self.scenario.persona.voice.rate)

    def hint(self) -> str:
        """A model open question for the current moment."""
        if self.finished:
            return ""
        suggestions = self.scenario.stages[self.stage].try_instead
        return suggestions[len(self.turns) % len(suggestions)]

    @classmethod
    def restore(cls, scenario: Scenario, seed: int, replies: list[tuple[str, Classification]],
                classifier: Callable[..., Classification] = classify_reply) -> "Session":
        """Rebuild a session by replaying its stored replies with their stored readings."""
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

    def _short_answer(self, reading: Reading, question: str) -> str:
        """The scenario's short answer of this kind that best fits the question's words; a count of
        something no answer speaks of gets a rough count of that very thing."""
        lines = self.scenario.short_answers.get(reading.kind) or self.scenario.reactions["short"]
        if reading.counted and not any(stems(reading.counted) & stems(line) for line in lines):
            thing = reading.counted.capitalize()
            rough = [f"{thing}? Two or three, maybe. I haven't counted.", f"{thing}? Three, roughly.",
                     f"A few {reading.counted}. Three, maybe four.", f"{thing}? Not many. Two, I think."]
            return self._say(f"count:{reading.counted}", rough, "short")
        fresh = [line for line in lines if line not in self._said]
        if not fresh:
            return self._say(f"short:{reading.kind}", lines, "short")
        asked = stems(question)
        order = self._variant_order.setdefault(f"short:{reading.kind}", self._rng.sample(range(len(lines)), len(lines)))
        rank = {lines[i]: position for position, i in enumerate(order)}
        best = max(fresh, key=lambda line: (len(asked & stems(line)), -rank[line]))
        return self._remember(best)

    def _response(self, step: Step, reading: Reading, question: str) -> tuple[str, str]:
        scenario = self.scenario
        if step.fact:
            fact = scenario.fact(step.fact)
            if step.fact_mode == "short":
                line = fact.short[reading.kind]
                if line in self._said:
                    return self._short_answer(reading, question), "short"
                return self._remember(line), f"fact:{fact.id}"
            if step.fact_mode == "again":
                fresh = [line for line in fact.confirm if line not in self._said]
                if not fresh:
                    stage = stage_of(step.state, scenario)
                    return self._say(f"stage:{stage}", scenario.stages[stage].lines, "stage"), stage
                return self._say(f"fact:{fact.id}:confirm", fact.confirm, "stage"), f"fact:{fact.id}"
            lines = fact.confirm if step.fact_mode == "confirm" else fact.lines
            return self._say(f"fact:{fact.id}:{step.fact_mode}", lines, "stage"), f"fact:{fact.id}"
        if step.reaction == "short":
            return self._short_answer(reading, question), "short"
        if step.reaction == "stage":
            stage = stage_of(step.state, scenario)
            return self._say(f"stage:{stage}", scenario.stages[stage].lines, "stage"), stage
        fallback = "redirect" if step.reaction == "redirect" else "stage"
        return self._say(f"reaction:{step.reaction}", scenario.reactions[step.reaction], fallback), step.reaction

    def _say(self, key: str, lines, fallback: str) -> str:
        """A line for this place: a seeded order per place, never one already said this session."""
        order = self._variant_order.get(key)
        if order is None:
            order = list(range(len(lines)))
            self._rng.shuffle(order)
            self._variant_order[key] = order
        for index in order:
            if lines[index] not in self._said:
                return self._remember(lines[index])
        for line in FALLBACK_LINES.get(fallback, FALLBACK_LINES["stage"]):
            if line not in self._said:
                return self._remember(line)
        for prefix in _AGAIN:
            for index in order:
                line = prefix + lines[index][0].lower() + lines[index][1:]
                if line not in self._said:
                    return self._remember(line)
        return self._remember(f"{lines[order[0]]} ({len(self._said)})")  # unreachable in practice

    def _remember(self, line: str) -> str:
        self._said.add(line)
        self._spoken.append(line)
        return line

    def _try_instead(self, node: str) -> str:
        stage = node if node in self.scenario.stages else stage_of(self.state, self.scenario)
        suggestions = self.scenario.stages[stage].try_instead
        used = {t.try_instead for t in self.turns}
        fresh = [s for s in suggestions if s not in used]
        return (fresh or list(suggestions))[0]


def with_reading(classification: Classification, reading: Mapping | None, reply: str = "",
                 context: str | None = None, scenario: Scenario | None = None) -> Classification:
    """A stored classification with its stored second-axis reading. Turns stored before the
    reading existed get it recomputed from their reply (and the line it answered), keeping the
    stored label."""
    if not reading:
        if not reply:
            return classification
        fresh = classify_reply(reply, context, scenario.terms if scenario is not None else None)
        return replace(classification, focus=fresh.focus, focus_cue=fresh.focus_cue,
                       sides_with_blame=fresh.sides_with_blame, siding_cue=fresh.siding_cue)
    confidence = reading.get("confidence", 1.0)
    return replace(classification, focus=str(reading.get("focus", classification.focus)),
                   focus_cue=str(reading.get("focus_cue", "")),
                   sides_with_blame=bool(reading.get("sides_with_blame", False)),
                   siding_cue=str(reading.get("siding_cue", "")),
                   confidence=float(confidence) if isinstance(confidence, (int, float)) else 1.0)


def stored_sentence(stored: Mapping) -> SentenceResult:
    """A sentence result as stored (older rows have only text, label and cue)."""
    span = stored.get("span")
    return SentenceResult(
        str(stored["text"]), str(stored["label"]), str(stored["cue"]), str(stored.get("rule") or ""),
        tuple(span) if isinstance(span, (list, tuple)) and len(span) == 2 else (0, 0),
        float(stored["confidence"]) if isinstance(stored.get("confidence"), (int, float)) else 1.0)


def stored_classification(turn: Mapping, scenario: Scenario | None = None) -> Classification:
    """The reading a stored turn (a dict from storage or an export) was given; sentences are
    optional (history rows may omit them)."""
    sentences = tuple(stored_sentence(s) for s in turn.get("sentences") or [])
    base = Classification(turn["label"], turn.get("cue") or "", sentences)
    return with_reading(base, turn.get("reading"), turn.get("reply", ""), turn.get("salesperson"), scenario)


@dataclass(frozen=True)
class StoredReply:
    """A stored reply as the measures read it (``scoring.ReplyLike``)."""

    label: str
    reply: str
    focus: str
    sides_with_blame: bool
    speech_seconds: float | None = None
    confidence: float = 1.0


def stored_replies(turns: list[Mapping], scenario: Scenario | None = None) -> list[StoredReply]:
    """Stored turns (dicts with reply, label, salesperson and, since 0003, reading) as replies the
    measures can count; a turn stored without a reading gets it recomputed from its words."""
    replies = []
    for turn in turns:
        reading = stored_classification(turn, scenario) if turn.get("reading") or turn.get("reply") else None
        replies.append(StoredReply(
            str(turn.get("label") or "other"), str(turn.get("reply") or ""),
            reading.focus if reading else "none", bool(reading.sides_with_blame) if reading else False,
            turn.get("speech_seconds") if isinstance(turn.get("speech_seconds"), (int, float)) else None,
            reading.confidence if reading else 1.0))
    return replies
