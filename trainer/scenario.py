"""Scenario files: the schema, safe loading, and validation with file-and-place messages.

A scenario is a YAML file a trainer can read and write (see docs/scenario-format.md). Loading
uses YAML safe loading only; the structure is checked by pydantic, then the graph is checked:
every branch target exists, every node is reachable from the start, every node can still reach
an ending, and every condition parses.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Iterable, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .classify.focus import FocusTerms, phrase_pattern

#: The version of the format this app reads; version 1 files (nodes and branches) are refused
#: with a message that says how to update them.
FORMAT_VERSION = 2
#: A scenario file larger than this is refused before parsing (a real one is a few KiB).
MAX_SCENARIO_BYTES = 1_000_000
ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,63}$"

#: The arc a salesperson moves along, in order (see docs/scenario-format.md).
STAGES: tuple[str, ...] = ("opening", "guarded", "exploring", "owning", "committing")
#: How the salesperson reacts to each kind of reply; each needs its own lines in a scenario.
REACTIONS: tuple[str, ...] = (
    "deflect",    # asked about something they are not ready to tell yet
    "others",     # the reply points at others: they vent about them, no progress
    "outcome",    # the reply points at the number: pressure, no progress
    "sided",      # the reply sides with their blame: warmer, and the blame hardens
    "redirect",   # off-topic while they are mid-story
    "pushback",   # advice or a leading question
    "defensive",  # judgment
    "relieved",   # the manager takes the problem over
    "thanks",     # affirmation
    "short",      # a closed question no fact answers
    "filler",     # an acknowledgement or greeting
    "unclear",    # a reply the trainer is not sure how to read
    "closing",    # the soft time limit: they need to wrap up soon
)
#: The endings every scenario has, and the outcome each stands for.
ENDINGS: dict[str, str] = {
    "owns_plan": "success",      # they own an activity they will do
    "partial_plan": "partial",   # time ran out with some ownership
    "sided": "failure",          # the manager kept siding: the blame is now endorsed
    "complies": "failure",       # told what to do too often: agrees and will not do it
    "manager_owns_it": "failure",  # the manager took the problem over
    "walked_out": "failure",     # trust or patience ran out
    "out_of_time": "failure",    # time ran out with nothing owned
}
QUESTION_KINDS: tuple[str, ...] = ("how_many", "how_much", "how_long", "when", "who", "which", "where", "yes_no")
FACT_ABOUT = ("own_part", "others", "outcome", "experience")
LINE_MAX = 600
_Line = Annotated[str, Field(min_length=1, max_length=LINE_MAX)]
_Phrase = Annotated[str, Field(min_length=1, max_length=60)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Voice(_Strict):
    """Speech settings for a persona; the speaker maps them onto the installed engine."""

    rate: int = Field(175, ge=80, le=400, description="words per minute")
    pitch: int = Field(50, ge=0, le=99)
    gender: Literal["female", "male", "any"] = "any"
    accent: str = Field("en", max_length=20, description="language/accent hint such as en-gb or en-us")


class Persona(_Strict):
    name: str = Field(min_length=1, max_length=80)
    role: str = Field(min_length=1, max_length=120)
    tenure: str = Field(min_length=1, max_length=80)
    temperament: str = Field(min_length=1, max_length=400)
    voice: Voice = Voice()
    avatar: str | None = Field(None, max_length=80, description="file name in assets/avatars")

    @property
    def first_name(self) -> str:
        return self.name.split()[0]

    @property
    def possessive(self) -> str:
        """"her", "his" or "their", from the voice's gender, for lines such as "her own part"."""
        return {"female": "her", "male": "his"}.get(self.voice.gender, "their")


class Fact(_Strict):
    """Something the salesperson knows and can tell, once trust allows."""

    id: str = Field(pattern=ID_PATTERN)
    about: Literal["own_part", "others", "outcome", "experience"]
    words: list[_Phrase] = Field(min_length=1, max_length=40,
                                 description="words and phrases a reply may use to touch it")
    needs: dict[Literal["openness", "trust"], int] = Field(
        default_factory=dict, description="the least openness and trust it takes to say it")
    lines: list[_Line] = Field(min_length=2, max_length=8, description="telling it, as an answer")
    confirm: list[_Line] = Field(min_length=1, max_length=8,
                                 description="when the manager names it first: agreeing, not announcing")
    short: dict[Literal["how_many", "how_much", "how_long", "when", "who", "which", "where", "yes_no"], _Line] = Field(
        default_factory=dict, description="a short answer to a closed question of that kind")

    @field_validator("needs")
    @classmethod
    def _small_needs(cls, needs: dict[str, int]) -> dict[str, int]:
        for name, value in needs.items():
            if not -5 <= value <= 10:
                raise ValueError(f"{name} needed must be between -5 and 10, not {value}")
        return needs


class Stage(_Strict):
    """One moment of the arc: what they say when nothing more specific applies."""

    lines: list[_Line] = Field(min_length=2, max_length=12)
    context: str | None = Field(None, max_length=300, description="one line of context, shown in drills")
    try_instead: list[_Line] = Field(min_length=1, max_length=3)


class Ending(_Strict):
    lines: list[_Line] = Field(min_length=1, max_length=8)
    summary: str = Field(min_length=1, max_length=300, description="what happened, for the report")


class Tuning(_Strict):
    """How hard this salesperson is to coach; the defaults suit most scenarios."""

    to_win: int = Field(4, ge=2, le=8, description="own-part steps it takes to own a plan")
    open_at: int = Field(2, ge=0, le=6, description="openness at which they start to tell facts")
    patience: int = Field(3, ge=1, le=8, description="off-topic replies they sit through")
    soft_limit: int = Field(12, ge=6, le=30, description="replies before they start to wrap up")
    grace: int = Field(3, ge=1, le=10, description="replies after the closing prompt before time runs out")


class Scenario(_Strict):
    format: Literal[2]
    id: str = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=1, max_length=120)
    situation: str = Field(min_length=1, max_length=3000)
    goal: str = Field(min_length=1, max_length=600)
    lesson: str = Field(min_length=1, max_length=600, description="what this role-play teaches")
    problem: str = Field("the problem", max_length=80,
                         description="short phrase for the breakdown, e.g. 'the colleague problem'")
    persona: Persona
    tags: list[str] = Field(min_length=1, max_length=12)
    difficulty: int = Field(ge=1, le=3)
    accountable_to: list[_Line] = Field(default_factory=list, max_length=10,
                                        description="activities within their control")
    blames: dict[str, list[_Phrase]] = Field(min_length=1, max_length=12,
                                             description="what they blame, each with the words that name it")
    controls: dict[str, list[_Phrase]] = Field(min_length=1, max_length=20,
                                               description="what is in their control, with its words")
    outcomes: list[_Phrase] = Field(default_factory=list, max_length=40,
                                    description="this scenario's words for results they do not control")
    facts: list[Fact] = Field(min_length=2, max_length=30)
    short_answers: dict[Literal["how_many", "how_much", "how_long", "when", "who", "which", "where", "yes_no"],
                        list[_Line]] = Field(description="closed questions no fact answers")
    stages: dict[Literal["opening", "guarded", "exploring", "owning", "committing"], Stage]
    reactions: dict[Literal[REACTIONS], list[_Line]]  # type: ignore[valid-type]
    endings: dict[Literal["owns_plan", "partial_plan", "sided", "complies", "manager_owns_it", "walked_out",
                          "out_of_time"], Ending]
    tuning: Tuning = Tuning()

    @field_validator("tags")
    @classmethod
    def _tags_are_words(cls, tags: list[str]) -> list[str]:
        for tag in tags:
            if not re.fullmatch(r"[a-z0-9][a-z0-9 _-]{0,40}", tag):
                raise ValueError(f"tag {tag!r} should be a short lower-case word or phrase")
        return tags

    @property
    def start(self) -> str:
        return "opening"

    def outcome_of(self, ending: str) -> str:
        return ENDINGS[ending]

    @functools.cached_property
    def terms(self) -> FocusTerms:
        """This scenario's words for the classifier's focus and siding reading."""
        return FocusTerms(
            blames=tuple(w for words in self.blames.values() for w in words),
            controls=tuple(w for words in self.controls.values() for w in words),
            outcomes=tuple(self.outcomes),
        )

    @functools.cached_property
    def moments(self) -> dict[str, "Moment"]:
        """Every named moment a drill can start from: the stages, then the reactions."""
        found = {name: Moment(tuple(stage.lines), stage.context or "", tuple(stage.try_instead))
                 for name, stage in self.stages.items()}
        fallback = self.stages["guarded"].try_instead
        for name, lines in self.reactions.items():
            if name != "closing":
                found[name] = Moment(tuple(lines), REACTION_CONTEXT[name].format(name=self.persona.name.split()[0]),
                                     tuple(fallback))
        return found

    @property
    def nodes(self) -> dict[str, "Moment"]:
        """The moments under the name drills and prep cards have always used."""
        return self.moments

    def fact(self, fact_id: str) -> Fact:
        return next(f for f in self.facts if f.id == fact_id)


#: One line of context for each reaction when a drill starts from it.
REACTION_CONTEXT: dict[str, str] = {
    "deflect": "{name} is not ready to go into that yet.",
    "others": "{name} is venting about who else is to blame.",
    "outcome": "{name} is worried about the number.",
    "sided": "{name} feels backed up in the blame.",
    "redirect": "{name} wonders what that has to do with anything.",
    "pushback": "{name} pushes back on being told what to do.",
    "defensive": "{name} feels judged and is defensive.",
    "relieved": "{name} is relieved the manager will sort it out.",
    "thanks": "{name} takes the recognition, a little warily.",
    "short": "{name} gives a short answer and waits.",
    "filler": "{name} waits for you to go on.",
    "unclear": "{name} is not sure what you meant.",
}


@dataclass(frozen=True)
class Moment:
    """Lines, context and suggestions of one named moment (a stage or a reaction)."""

    lines: tuple[str, ...]
    context: str
    try_instead: tuple[str, ...]


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
        problem = _plain_node_problem(node)
        if problem:
            raise ScenarioError([Problem(file, _place(path), problem, node.start_mark.line + 1)])
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
                line = key_node.start_mark.line + 1
                problem = _plain_node_problem(key_node)
                if problem:
                    raise ScenarioError([Problem(file, _place((*path, key)), problem, line)])
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


#: The YAML types a data file may hold; any other tag (``!!timestamp``, ``!!binary``, ``!!set``,
#: ``!python/...``, a local ``!tag``) is refused with its line.
_PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq"))
#: Whole numbers in a data file stay within this (a scenario's numbers are small counts and rates).
MAX_YAML_INT = 2**31 - 1
#: Characters a scalar may not hold: control characters other than tab and line breaks, and lone
#: surrogates (which double-quoted escapes can produce and no file or terminal can show).
_BAD_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def _plain_node_problem(node: yaml.Node) -> str | None:
    """Why a composed node may not be read as plain data, or None."""
    if node.tag not in _PLAIN_TAGS:
        shown = node.tag.replace("tag:yaml.org,2002:", "!!")
        return (f"the tag {shown!r} is not allowed; write plain text, numbers, true/false, lists and mappings"
                if shown != "!!merge" else "merge keys (<<) are not allowed; write each field out")
    if isinstance(node, yaml.ScalarNode):
        bad = _BAD_CHARACTER.search(node.value)
        if bad:
            return f"the character U+{ord(bad.group()):04X} is not allowed in text"
    return None


class _DataLoader(yaml.SafeLoader):
    """PyYAML's safe loader for plain data: dates stay text, and a scalar that claims a type it
    does not have (``!!int abc``, ``!!bool maybe``), a whole number beyond ``MAX_YAML_INT`` or a
    number that is not finite is an error with its line, never an exception from deep inside."""

    yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def _refuse(self, node: yaml.Node, problem: str) -> yaml.constructor.ConstructorError:
        return yaml.constructor.ConstructorError(None, None, problem, node.start_mark)

    def construct_yaml_int(self, node: yaml.Node) -> int:
        text = str(self.construct_scalar(node))
        shown = text if len(text) <= 24 else text[:20] + "..."
        if len(text.replace("_", "").lstrip("+-")) > 40:
            raise self._refuse(node, f"the number {shown} is too large (at most {MAX_YAML_INT:,})")
        try:
            value = super().construct_yaml_int(node)
        except (ValueError, IndexError):
            raise self._refuse(node, f"{shown!r} is not a whole number") from None
        if abs(value) > MAX_YAML_INT:
            raise self._refuse(node, f"the number {shown} is too large (at most {MAX_YAML_INT:,})")
        return value

    def construct_yaml_float(self, node: yaml.Node) -> float:
        text = str(self.construct_scalar(node))
        shown = text if len(text) <= 24 else text[:20] + "..."
        try:
            value = super().construct_yaml_float(node)
        except (ValueError, IndexError, OverflowError):
            raise self._refuse(node, f"{shown!r} is not a number") from None
        if value != value or value in (float("inf"), float("-inf")):
            raise self._refuse(node, f"{shown} is not a finite number")
        return value

    def construct_yaml_bool(self, node: yaml.Node) -> bool:
        value = str(self.construct_scalar(node))
        if value.lower() not in self.bool_values:
            raise self._refuse(node, f"{value[:24]!r} is not true or false")
        return self.bool_values[value.lower()]


_DataLoader.add_constructor("tag:yaml.org,2002:int", _DataLoader.construct_yaml_int)
_DataLoader.add_constructor("tag:yaml.org,2002:float", _DataLoader.construct_yaml_float)
_DataLoader.add_constructor("tag:yaml.org,2002:bool", _DataLoader.construct_yaml_bool)


def read_yaml_mapping(text: str, file: str, what: str, fields: str) -> tuple[dict, dict[tuple, int]]:
    """Safely parse a data file people edit (a scenario, a drill) into a mapping and its line map.

    Raises ScenarioError naming the file and line for: broken YAML, an empty file, anything but a
    mapping at the top, a key given twice, anchors and aliases (``&a`` / ``*a``: not needed here,
    and a few nested ones can expand to billions of values), nesting too deep to read, a tag other
    than plain text, numbers, true/false, lists and mappings, a value that is not what its tag says,
    a number too large or not finite, and control characters. Dates and times stay text.
    """
    loader = None
    lines: dict[tuple, int] = {}
    try:
        loader = _DataLoader(text)  # rejects control characters at once
        root = loader.get_single_node()
        lines, problems = _line_map(root, file)
        if problems:
            raise ScenarioError(problems)
        data = loader.construct_document(root) if root is not None else None
    except yaml.constructor.ConstructorError as error:  # well-formed YAML, a value that is not what it says
        line = error.problem_mark.line + 1 if error.problem_mark else None
        place = max((path for path, at in lines.items()
                     if at == line and not any("Node(" in str(part) for part in path)), key=len, default=())
        raise ScenarioError([Problem(file, _place(place), str(error.problem), line)]) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ScenarioError([Problem(file, "", f"not valid YAML: {reason}", mark.line + 1 if mark else None)]) from None
    except RecursionError:
        raise ScenarioError([Problem(file, "", "nested too deeply to read")]) from None
    except ScenarioError:
        raise
    except (ValueError, TypeError, OverflowError, KeyError) as error:  # a value no constructor above foresaw
        raise ScenarioError([Problem(file, "", f"cannot be read as plain data: {error}")]) from None
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


def parse_scenario_text(text: str, file: str, deep: bool = False) -> Scenario:
    """Parse and validate a scenario from YAML text; raises ScenarioError. ``deep`` also plays the
    salesperson through every kind of reply to find facts and endings no replies can reach (the
    ``validate`` command and the tests do; loading a library does not need to)."""
    data, lines = read_yaml_mapping(text, file, "a scenario", "format, id, title")
    version = data.get("format", 1 if "nodes" in data else None)
    if version != FORMAT_VERSION and ("nodes" in data or version == 1):
        raise ScenarioError([Problem(
            file, "format", "this is a version 1 scenario (nodes and branches), which this version of the app no "
            "longer plays. Version 2 describes what the salesperson knows (facts), blames and controls; "
            "see docs/scenario-format.md and start from a bundled scenario", lines.get(("format",), 1))])
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as error:
        raise ScenarioError(validation_problems(error, file, lines)) from None
    problems = [
        Problem(file, _place(loc), message, _nearest_line(lines, loc))
        for loc, message in check_scenario(scenario, deep)
    ]
    if problems:
        raise ScenarioError(problems)
    return scenario


def _clean_loc(loc: tuple) -> tuple:
    """Drop pydantic's union-member names from an error location."""
    noise = {"str", "function-after[_tags_are_words(), list[str]]", "function-after[_small_needs(), dict[literal['openness','trust'],int]]"}
    return tuple(part for part in loc if part not in noise)


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: dict[tuple, Problem] = {}
    for problem in problems:
        seen.setdefault((problem.place, problem.message), problem)
    return list(seen.values())


def read_scenario_file(path: Path | str) -> tuple[str, str]:
    """Read a file as UTF-8 text for parsing; raises ScenarioError for empty/binary/huge files and
    for anything that is not a regular file (a folder, a pipe: refused at once, never waited on)."""
    from .safeio import UnreadableFile, read_user_file

    name = str(path)
    try:
        raw = read_user_file(path, MAX_SCENARIO_BYTES)
    except UnreadableFile as error:
        raise ScenarioError([Problem(name, "", error.reason)]) from None
    if b"\x00" in raw:
        raise ScenarioError([Problem(name, "", "this is a binary file, not a YAML scenario")])
    try:
        return name, raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ScenarioError([Problem(name, "", f"not UTF-8 text (byte {error.start})")]) from None


def load_scenario(path: Path | str, deep: bool = False) -> Scenario:
    """Read and check one scenario file; any problem is a ScenarioError naming the file. ``deep``
    also finds facts and endings no replies can reach (see ``parse_scenario_text``)."""
    name, text = read_scenario_file(path)
    return guarded(parse_scenario_text, name)(text, name, deep)


def guarded(parse, file: str):
    """``parse`` with any unforeseen exception turned into a ScenarioError naming ``file``, so one
    odd file is reported and skipped instead of stopping the others from loading."""

    def run(*args, **kwargs):
        try:
            return parse(*args, **kwargs)
        except ScenarioError:
            raise
        except (RecursionError, MemoryError):
            raise ScenarioError([Problem(file, "", "too large or too deeply nested to check")]) from None
        except Exception as error:  # noqa: BLE001 - reported with the file, never a traceback
            raise ScenarioError([Problem(file, "", f"cannot be checked ({type(error).__name__}: {error})")]) from None

    return run


def content_hash(scenario: Scenario) -> str:
    """A stable hash of the scenario's content, so history records which version was played."""
    canonical = scenario.model_dump_json(by_alias=True)
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


# --- checks beyond the schema -----------------------------------------------------------------

#: A number in digits or words: what every "how many" answer must contain.
NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|"
    r"dozens?|a couple|half|none|zero|no one|nobody|a few|several|a handful)\b", re.IGNORECASE)
#: Kinds of closed question every scenario must be able to answer, fact or not.
REQUIRED_SHORT = ("how_many", "when", "who", "which", "yes_no")


def check_scenario(scenario: Scenario, deep: bool = True) -> list[tuple[tuple, str]]:
    """Checks pydantic cannot do; returns (place, message) pairs.

    Beyond completeness (every stage, reaction and ending has lines), the salesperson is played
    through every kind of reply (``engine.explore``): a fact that no sequence of replies can
    bring out, or an ending no sequence can reach, is reported.
    """
    problems: list[tuple[tuple, str]] = []
    for name in STAGES:
        if name not in scenario.stages:
            problems.append((("stages",), f"missing stage {name!r} (stages: {', '.join(STAGES)})"))
    for name in REACTIONS:
        lines = scenario.reactions.get(name)
        if not lines:
            problems.append((("reactions",), f"missing reaction {name!r}: give at least two lines"))
        elif len(lines) < 2:
            problems.append((("reactions", name), "give at least two lines, so a session does not repeat itself"))
    for name in ENDINGS:
        if name not in scenario.endings:
            problems.append((("endings",), f"missing ending {name!r} (endings: {', '.join(ENDINGS)})"))
    for kind in REQUIRED_SHORT:
        if kind not in scenario.short_answers:
            problems.append((("short_answers",), f"missing short answers for {kind!r} questions"))
    for index, line in enumerate(scenario.short_answers.get("how_many", [])):
        if not NUMBER.search(line):
            problems.append((("short_answers", "how_many", index), "a 'how many' answer needs a number"))
    seen: dict[str, int] = {}
    for index, fact in enumerate(scenario.facts):
        if fact.id in seen:
            problems.append((("facts", index, "id"), f"fact id {fact.id!r} is already used by facts[{seen[fact.id]}]"))
        seen.setdefault(fact.id, index)
        if "how_many" in fact.short and not NUMBER.search(fact.short["how_many"]):
            problems.append((("facts", index, "short", "how_many"), "a 'how many' answer needs a number"))
        if phrase_pattern(fact.words) is None:
            problems.append((("facts", index, "words"), "needs at least one word a reply could use"))
    if not any(f.about == "own_part" for f in scenario.facts):
        problems.append((("facts",), "needs at least one fact about their own part (about: own_part)"))
    if problems or not deep:
        return problems
    from .engine import explore  # the engine reads scenarios; the check plays one

    revealable, reachable = explore(scenario)
    for index, fact in enumerate(scenario.facts):
        if fact.id not in revealable:
            problems.append((("facts", index), f"fact {fact.id!r} can never be revealed (needs {dict(fact.needs)})"))
    for name in ENDINGS:
        if name not in reachable:
            problems.append((("endings", name), f"ending {name!r} cannot be reached"))
    return problems


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
    """The scenarios shipped with the app: the data package ``ask_dont_tell.scenarios``."""
    from importlib.resources import files

    return Path(str(files("ask_dont_tell.scenarios")))


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
