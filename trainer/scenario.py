"""Scenario files: the schema, safe loading, and validation with file-and-place messages.

A scenario is a YAML file a trainer can read and write (see docs/scenario-format.md). Loading
uses YAML safe loading only; the structure is checked by pydantic, then the graph is checked:
every branch target exists, every node is reachable from the start, every node can still reach
an ending, and every condition parses.
"""

from __future__ import annotations

import hashlib
import re
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Literal, Union

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .conditions import ConditionError, parse_condition
from .labels import ALL_LABELS

#: State every scenario has; a scenario may declare more in ``state``.
BUILTIN_STATE: dict[str, int] = {"openness": 0, "trust": 0, "told": 0, "turns": 0}
#: A scenario file larger than this is refused before parsing (a real one is a few KiB).
MAX_SCENARIO_BYTES = 1_000_000
ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,63}$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Voice(_Strict):
    """Speech settings for a persona; the speaker maps them onto the installed engine."""

    rate: int = Field(175, ge=80, le=400, description="words per minute")
    pitch: int = Field(50, ge=0, le=99)
    gender: Literal["female", "male", "any"] = "any"
    accent: str = Field("en", description="language/accent hint such as en-gb or en-us")


class Persona(_Strict):
    name: str = Field(min_length=1, max_length=80)
    role: str = Field(min_length=1, max_length=120)
    tenure: str = Field(min_length=1, max_length=80)
    temperament: str = Field(min_length=1, max_length=400)
    voice: Voice = Voice()
    avatar: str | None = Field(None, description="file name in assets/avatars")


class Option(_Strict):
    """One way a branch can go: taken when its condition holds (or always, without one)."""

    when: str | None = Field(None, alias="if")
    goto: str
    say: list[str] = Field(default_factory=list, description="reaction lines instead of the target's")
    effects: dict[str, int] = Field(default_factory=dict)


BranchValue = Union[str, Option, list[Option]]


class Node(_Strict):
    lines: list[str] = Field(min_length=2, description="several variants, so a replay does not repeat word for word")
    context: str | None = Field(None, description="one line of context, shown in drills")
    try_instead: list[str] = Field(min_length=1, max_length=3)
    branches: dict[str, BranchValue]

    def options(self, key: str) -> list[Option]:
        value = self.branches[key]
        if isinstance(value, str):
            return [Option(goto=value)]
        if isinstance(value, Option):
            return [value]
        return list(value)

    def branch_key_for(self, label: str) -> str:
        for key in self.branches:
            if key != "default" and label in split_branch_key(key):
                return key
        return "default"


class Ending(_Strict):
    outcome: Literal["success", "partial", "failure"]
    lines: list[str] = Field(min_length=1)
    summary: str = Field(min_length=1, description="what happened, for the report")


class Rule(_Strict):
    """Checked after every reply that does not already end the session."""

    when: str = Field(alias="if")
    goto: str


class Scenario(_Strict):
    id: str = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=1, max_length=120)
    situation: str = Field(min_length=1)
    goal: str = Field(min_length=1)
    problem: str = Field("the problem", description="short phrase for the breakdown, e.g. 'the colleague problem'")
    persona: Persona
    tags: list[str] = Field(min_length=1)
    difficulty: int = Field(ge=1, le=3)
    accountable_to: list[str] = Field(default_factory=list, description="activities within their control")
    state: dict[str, int] = Field(default_factory=dict)
    start: str
    rules: list[Rule] = Field(default_factory=list)
    nodes: dict[str, Node] = Field(min_length=1)
    endings: dict[str, Ending] = Field(min_length=1)

    @field_validator("tags")
    @classmethod
    def _tags_are_words(cls, tags: list[str]) -> list[str]:
        for tag in tags:
            if not re.fullmatch(r"[a-z0-9][a-z0-9 _-]{0,40}", tag):
                raise ValueError(f"tag {tag!r} should be a short lower-case word or phrase")
        return tags

    @property
    def initial_state(self) -> dict[str, int]:
        return {**BUILTIN_STATE, **self.state}

    def targets(self) -> Iterable[str]:
        return [*self.nodes, *self.endings]


def split_branch_key(key: str) -> list[str]:
    """``"open_question, reflection"`` -> the labels it names."""
    return [part.strip() for part in key.split(",") if part.strip()]


# --- problems and their places ----------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where (file, line, dotted place) and what."""

    file: str
    place: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        return f"{where}: {self.place + ': ' if self.place else ''}{self.message}"


class ScenarioError(ValueError):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def _place(path: tuple) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _line_map(root: yaml.Node | None, file: str) -> tuple[dict[tuple, int], list[Problem]]:
    """Map each place in a composed YAML document to its 1-based line, for messages; and list
    keys given twice in one mapping (YAML keeps the last silently, so an edit would vanish) and
    aliases (``*name``: not needed here, and a few nested ones expand to billions of values)."""
    lines: dict[tuple, int] = {}
    problems: list[Problem] = []
    seen_nodes: set[int] = set()

    def walk(node: yaml.Node, path: tuple) -> None:
        if id(node) in seen_nodes:  # the composer hands an alias back as the very node it names
            raise ScenarioError([Problem(file, _place(path), "anchors and aliases (&name, *name) are not allowed; "
                                                             "write each value out", node.start_mark.line + 1)])
        seen_nodes.add(id(node))
        lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
                line = key_node.start_mark.line + 1
                if key in seen:
                    problems.append(Problem(file, _place((*path, key)),
                                            f"{key!r} is given twice (lines {seen[key]} and {line})", line))
                seen[key] = line
                lines[(*path, key)] = line
                walk(value_node, (*path, key))
                lines[(*path, key)] = line
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, (*path, index))

    if root is not None:
        walk(root, ())
    return lines, problems


def read_yaml_mapping(text: str, file: str, what: str, fields: str) -> tuple[dict, dict[tuple, int]]:
    """Safely parse a data file people edit (a scenario, a drill) into a mapping and its line map.

    Raises ScenarioError naming the file and line for: broken YAML, an empty file, anything but a
    mapping at the top, a key given twice, anchors and aliases (``&a`` / ``*a``: not needed here,
    and a few nested ones can expand to billions of values), and nesting too deep to read.
    """
    loader = None
    try:
        loader = yaml.SafeLoader(text)  # rejects control characters at once
        root = loader.get_single_node()
        lines, problems = _line_map(root, file)
        if problems:
            raise ScenarioError(problems)
        data = loader.construct_document(root) if root is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ScenarioError([Problem(file, "", f"not valid YAML: {reason}", mark.line + 1 if mark else None)]) from None
    except RecursionError:
        raise ScenarioError([Problem(file, "", "nested too deeply to read")]) from None
    finally:
        if loader is not None:
            loader.dispose()
    if data is None:
        raise ScenarioError([Problem(file, "", "the file is empty")])
    if not isinstance(data, dict):
        kind = type(data).__name__
        raise ScenarioError([Problem(file, "", f"{what} must be a mapping of fields ({fields}, ...), not a {kind}", 1)])
    return data, lines


def validation_problems(error: ValidationError, file: str, lines: dict[tuple, int]) -> list[Problem]:
    """A schema error as problems with file, line and place, in words a trainer can act on."""
    problems = []
    for item in error.errors():
        loc = _clean_loc(item["loc"])
        message = item["msg"]
        if item["type"] == "extra_forbidden":
            message = f"unknown field {loc[-1]!r}"
        elif item["type"] == "missing":
            message = f"missing field {loc[-1]!r}"
        problems.append(Problem(file, _place(loc), message, _nearest_line(lines, loc)))
    return _dedupe(problems)


def _nearest_line(lines: dict[tuple, int], path: tuple) -> int | None:
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return lines.get(())


# --- loading ----------------------------------------------------------------------------------


def parse_scenario_text(text: str, file: str) -> Scenario:
    """Parse and fully validate a scenario from YAML text; raises ScenarioError."""
    data, lines = read_yaml_mapping(text, file, "a scenario", "id, title")
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as error:
        raise ScenarioError(validation_problems(error, file, lines)) from None
    problems = [
        Problem(file, _place(loc), message, _nearest_line(lines, loc))
        for loc, message in check_graph(scenario)
    ]
    if problems:
        raise ScenarioError(problems)
    return scenario


def _clean_loc(loc: tuple) -> tuple:
    """Drop pydantic's union-member names from an error location."""
    noise = {"str", "Option", "list[Option]", "function-after[_tags_are_words(), list[str]]"}
    return tuple(part for part in loc if part not in noise)


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: dict[tuple, Problem] = {}
    for problem in problems:
        seen.setdefault((problem.place, problem.message), problem)
    return list(seen.values())


def read_scenario_file(path: Path | str) -> tuple[str, str]:
    """Read a file as UTF-8 text for parsing; raises ScenarioError for empty/binary/huge files."""
    path = Path(path)
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_SCENARIO_BYTES:
            raise ScenarioError([Problem(name, "", f"the file is too large ({size} bytes; limit {MAX_SCENARIO_BYTES})")])
        raw = path.read_bytes()
    except OSError as error:
        raise ScenarioError([Problem(name, "", f"cannot read the file: {error.strerror or error}")]) from None
    if b"\x00" in raw:
        raise ScenarioError([Problem(name, "", "this is a binary file, not a YAML scenario")])
    try:
        return name, raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ScenarioError([Problem(name, "", f"not UTF-8 text (byte {error.start})")]) from None


def load_scenario(path: Path | str) -> Scenario:
    name, text = read_scenario_file(path)
    return parse_scenario_text(text, name)


def content_hash(scenario: Scenario) -> str:
    """A stable hash of the scenario's content, so history records which version was played."""
    canonical = scenario.model_dump_json(by_alias=True)
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


# --- the graph --------------------------------------------------------------------------------


def check_graph(scenario: Scenario) -> list[tuple[tuple, str]]:
    """Cross-reference checks pydantic cannot do; returns (place, message) pairs."""
    problems: list[tuple[tuple, str]] = []
    known_state = set(scenario.initial_state)
    both = set(scenario.nodes) & set(scenario.endings)
    for name in sorted(both):
        problems.append((("endings", name), f"{name!r} is both a node and an ending; use distinct names"))
    targets = set(scenario.targets())

    def check_target(loc: tuple, target: str) -> None:
        if target not in targets:
            problems.append((loc, f"goes to {target!r}, but there is no node or ending with that name"))

    def check_condition(loc: tuple, text: str | None) -> None:
        if text is None:
            return
        try:
            condition = parse_condition(text)
        except ConditionError as error:
            problems.append((loc, str(error)))
            return
        for name in sorted(condition.names - known_state):
            problems.append((loc, f"unknown state {name!r} in condition (known: {', '.join(sorted(known_state))})"))

    def check_effects(loc: tuple, effects: dict[str, int]) -> None:
        for name in effects:
            if name not in known_state or name == "turns":
                problems.append(((*loc, name), f"cannot change state {name!r} (changeable: {', '.join(sorted(known_state - {'turns'}))})"))

    if scenario.start not in scenario.nodes:
        problems.append((("start",), f"start node {scenario.start!r} is not among the nodes"))
    for index, rule in enumerate(scenario.rules):
        check_target(("rules", index, "goto"), rule.goto)
        check_condition(("rules", index, "if"), rule.when)
    for node_name, node in scenario.nodes.items():
        seen_labels: dict[str, str] = {}
        if "default" not in node.branches:
            problems.append((("nodes", node_name, "branches"), "needs a 'default' branch for the labels not listed"))
        for key in node.branches:
            loc = ("nodes", node_name, "branches", key)
            if key != "default":
                for label in split_branch_key(key):
                    if label not in ALL_LABELS:
                        problems.append((loc, f"{label!r} is not a label (labels: {', '.join(ALL_LABELS)}, or 'default')"))
                    elif label in seen_labels:
                        problems.append((loc, f"label {label!r} is already handled by branch {seen_labels[label]!r}"))
                    else:
                        seen_labels[label] = key
            options = node.options(key)
            for index, option in enumerate(options):
                option_loc = loc if isinstance(node.branches[key], str) else (*loc, index)
                check_target((*option_loc, "goto") if option_loc != loc else loc, option.goto)
                check_condition((*option_loc, "if"), option.when)
                check_effects((*option_loc, "effects"), option.effects)
                if option.goto in scenario.endings and option.say:
                    problems.append(((*option_loc, "say"), "a branch into an ending uses the ending's lines; remove 'say'"))
            if options and options[-1].when is not None:
                problems.append((loc, "the last option needs no 'if', so that something always happens"))
    if problems:
        return problems

    edges = {name: _node_targets(scenario, node) for name, node in scenario.nodes.items()}
    reachable = _reachable(scenario.start, edges)
    for name in scenario.nodes:
        if name not in reachable:
            problems.append((("nodes", name), f"node {name!r} cannot be reached from the start"))
    for name in scenario.endings:
        if name not in reachable:
            problems.append((("endings", name), f"ending {name!r} cannot be reached from the start"))
    reverse: dict[str, set[str]] = {}
    for source, targets_of in edges.items():
        for target in targets_of:
            reverse.setdefault(target, set()).add(source)
    can_end: set[str] = set()
    queue = deque(scenario.endings)
    while queue:
        current = queue.popleft()
        for source in reverse.get(current, ()):
            if source not in can_end:
                can_end.add(source)
                queue.append(source)
    for name in scenario.nodes:
        if name in reachable and name not in can_end:
            problems.append((("nodes", name), f"node {name!r} has no path to any ending"))
    if not any(e.outcome == "success" for e in scenario.endings.values()):
        problems.append((("endings",), "needs at least one ending with outcome 'success'"))
    return problems


def _node_targets(scenario: Scenario, node: Node) -> set[str]:
    found = {option.goto for key in node.branches for option in node.options(key)}
    return found | {rule.goto for rule in scenario.rules}


def _reachable(start: str, edges: dict[str, set[str]]) -> set[str]:
    seen = {start}
    queue = deque([start])
    while queue:
        for target in edges.get(queue.popleft(), ()):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


# --- libraries of scenarios -------------------------------------------------------------------


@dataclass
class Library:
    """Scenarios loaded from folders, and the problems of the files that were skipped."""

    scenarios: dict[str, Scenario] = field(default_factory=dict)
    sources: dict[str, Path] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def get(self, scenario_id: str) -> Scenario:
        try:
            return self.scenarios[scenario_id]
        except KeyError:
            known = ", ".join(sorted(self.scenarios)) or "none"
            raise KeyError(f"no scenario with id {scenario_id!r} (known: {known})") from None

    def sorted(self) -> list[Scenario]:
        return sorted(self.scenarios.values(), key=lambda s: (s.difficulty, s.title.lower()))


def bundled_scenarios_dir() -> Path:
    """The scenarios shipped with the app (a data folder beside the packages)."""
    import scenarios as bundled  # a namespace package holding only data files

    return Path(next(iter(bundled.__path__)))


def scenario_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.y*ml") if p.suffix in {".yaml", ".yml"} and p.is_file())


def load_library(extra_dirs: Iterable[Path | str] = (), include_bundled: bool = True) -> Library:
    """Load bundled scenarios and any trainer folders; bad files are reported and skipped."""
    library = Library()
    folders = ([bundled_scenarios_dir()] if include_bundled else []) + [Path(d) for d in extra_dirs]
    for folder in folders:
        if not folder.is_dir():
            library.problems.append(Problem(str(folder), "", "scenario folder not found"))
            continue
        for path in scenario_files(folder):
            try:
                scenario = load_scenario(path)
            except ScenarioError as error:
                library.problems.extend(error.problems)
                continue
            if scenario.id in library.scenarios:
                library.problems.append(
                    Problem(str(path), "id", f"id {scenario.id!r} is already used by {library.sources[scenario.id]}")
                )
                continue
            library.scenarios[scenario.id] = scenario
            library.sources[scenario.id] = path
    return library
