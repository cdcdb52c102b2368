"""Drills: a room's shared run of short timed prompts, taken from scenario nodes.

A drill file is YAML like a scenario, and checked the same way: pydantic for its shape, then every
prompt's scenario and node are looked up in the library, and each problem names the file, line and
place. A drill run shows each prompt (the salesperson's first line and a line of context),
classifies the answer, and keeps a score sheet: open questions, tells and every prompt's label.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .classify import Classification, classify
from .labels import TELLING, Label
from .scenario import (
    ID_PATTERN, Library, Problem, ScenarioError, _nearest_line, _place, guarded, read_scenario_file,
    read_yaml_mapping, scenario_files, validation_problems,
)

DEFAULT_SECONDS = 20


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DrillPrompt(_Strict):
    scenario: str = Field(min_length=1, description="the id of a scenario")
    node: str = Field(min_length=1, description="a node of that scenario")
    context: str | None = Field(None, max_length=300, description="replaces the node's own context line")


class Drill(_Strict):
    id: str = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=1, max_length=120)
    description: str = Field(min_length=1, max_length=600)
    seconds_per_prompt: int = Field(DEFAULT_SECONDS, ge=5, le=300)
    prompts: list[DrillPrompt] = Field(min_length=1, max_length=30)


@dataclass(frozen=True)
class PromptView:
    """What the trainee sees for one prompt, and what the feedback offers."""

    scenario: str
    scenario_title: str
    node: str
    persona: str
    line: str
    context: str
    try_instead: tuple[str, ...]


def check_drill(drill: Drill, library: Library) -> list[tuple[tuple, str]]:
    """Every prompt refers to an installed scenario and one of its nodes (not an ending)."""
    problems = []
    for index, prompt in enumerate(drill.prompts):
        scenario = library.scenarios.get(prompt.scenario)
        if scenario is None:
            problems.append((("prompts", index, "scenario"), f"no scenario with id {prompt.scenario!r}"))
        elif prompt.node not in scenario.nodes:
            where = "an ending, not a node" if prompt.node in scenario.endings else "not a node"
            known = ", ".join(scenario.nodes)
            problems.append((("prompts", index, "node"),
                             f"{prompt.node!r} is {where} of scenario {prompt.scenario!r} (nodes: {known})"))
    return problems


def parse_drill_text(text: str, file: str, library: Library) -> Drill:
    """Parse and fully check a drill; raises ScenarioError with file, line and place."""
    data, lines = read_yaml_mapping(text, file, "a drill", "id, title, prompts")
    try:
        drill = Drill.model_validate(data)
    except ValidationError as error:
        raise ScenarioError(validation_problems(error, file, lines)) from None
    problems = [Problem(file, _place(loc), message, _nearest_line(lines, loc))
                for loc, message in check_drill(drill, library)]
    if problems:
        raise ScenarioError(problems)
    return drill


def load_drill(path: Path | str, library: Library) -> Drill:
    """Read and fully check one drill file; any problem is a ScenarioError naming the file."""
    name, text = read_scenario_file(path)
    return guarded(parse_drill_text, name)(text, name, library)


def bundled_drills_dir() -> Path:
    from .scenario import bundled_scenarios_dir

    return bundled_scenarios_dir() / "drills"


def load_drills(library: Library, extra_dirs: Iterable[Path | str] = ()) -> tuple[list[Drill], list[Problem]]:
    """The bundled drills and any in ``extra_dirs``, by title; bad files are reported and skipped."""
    drills: dict[str, Drill] = {}
    problems: list[Problem] = []
    for folder in [bundled_drills_dir(), *map(Path, extra_dirs)]:
        for path in scenario_files(folder) if folder.is_dir() else []:
            try:
                drill = load_drill(path, library)
            except ScenarioError as error:
                problems.extend(error.problems)
                continue
            if drill.id in drills:
                problems.append(Problem(str(path), "id", f"drill id {drill.id!r} is used twice"))
                continue
            drills[drill.id] = drill
    return sorted(drills.values(), key=lambda d: d.title.lower()), problems


def prompt_view(drill: Drill, index: int, library: Library) -> PromptView:
    prompt = drill.prompts[index]
    scenario = library.get(prompt.scenario)
    node = scenario.nodes[prompt.node]
    return PromptView(
        scenario=scenario.id, scenario_title=scenario.title, node=prompt.node, persona=scenario.persona.name,
        line=node.lines[0], context=prompt.context or node.context or scenario.situation.strip().split("\n")[0],
        try_instead=tuple(node.try_instead),
    )


@dataclass(frozen=True)
class DrillAnswer:
    prompt: PromptView
    reply: str  # empty when time ran out
    label: str | None  # None when time ran out
    cue: str

    @property
    def told(self) -> bool:
        return self.label is not None and Label(self.label) in TELLING


@dataclass
class DrillRun:
    """One pass through a drill: answer (or let time run out on) each prompt in turn."""

    drill: Drill
    library: Library
    answers: list[DrillAnswer] = field(default_factory=list)

    @property
    def finished(self) -> bool:
        return len(self.answers) >= len(self.drill.prompts)

    def current(self) -> PromptView:
        if self.finished:
            raise IndexError("the drill is finished")
        return prompt_view(self.drill, len(self.answers), self.library)

    def answer(self, reply: str, classification: Classification | None = None) -> DrillAnswer:
        """Label the reply to the current prompt (classifying it unless given) and move on.

        A blank reply counts as time running out.
        """
        prompt = self.current()
        reply = reply.strip()
        if not reply:
            return self.time_up()
        result = classification or classify(reply, prompt.line)
        answer = DrillAnswer(prompt, reply, result.label, result.cue)
        self.answers.append(answer)
        return answer

    def time_up(self) -> DrillAnswer:
        answer = DrillAnswer(self.current(), "", None, "")
        self.answers.append(answer)
        return answer

    def score_sheet(self) -> dict:
        """Counts and every prompt's label, for the end of the drill."""
        answered = [a for a in self.answers if a.label is not None]
        return {
            "drill": self.drill.id, "title": self.drill.title, "prompts": len(self.drill.prompts),
            "answered": len(answered), "timed_out": len(self.answers) - len(answered),
            "open_questions": sum(a.label == Label.OPEN_QUESTION for a in answered),
            "tells": sum(a.told for a in answered),
            "judgments": sum(a.label == Label.JUDGMENT for a in answered),
            "per_prompt": [{"persona": a.prompt.persona, "line": a.prompt.line, "reply": a.reply,
                            "label": a.label, "cue": a.cue} for a in self.answers],
        }
