"""Scenario files people edit: every problem is reported with its file and place."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from trainer.scenario import ScenarioError, load_library, load_scenario

GOOD = textwrap.dedent("""\
    id: tiny
    title: A tiny scenario
    situation: Sam wants you to fix it.
    goal: Let Sam own it.
    persona: {name: Sam Test, role: Rep, tenure: 1 year, temperament: calm}
    tags: [test]
    difficulty: 1
    start: opening
    rules:
      - if: told >= 2
        goto: gave_up
    nodes:
      opening:
        lines: ["Can you just fix it?", "Please sort it for me."]
        try_instead: ["What have you tried so far?"]
        branches:
          open_question, reflection:
            - if: openness >= 2
              goto: owns_it
            - goto: opening
              say: ["Hmm, let me think."]
          takeover: gave_up
          default: opening
    endings:
      owns_it: {outcome: success, summary: Sam owns it., lines: ["I'll do it."]}
      gave_up: {outcome: failure, summary: Sam gave up., lines: ["Fine, you do it."]}
""")


def write(tmp_path: Path, text: str, name: str = "s.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        load_scenario(write(tmp_path, text))
    return [str(p) for p in caught.value.problems]


def test_good_file_loads(tmp_path):
    scenario = load_scenario(write(tmp_path, GOOD))
    assert scenario.id == "tiny" and scenario.start == "opening"


@pytest.mark.parametrize("change,expected", [
    (("difficulty: 1", "difficulty: 1\ncolour: red"), "unknown field 'colour'"),
    (("goal: Let Sam own it.\n", ""), "missing field 'goal'"),
    (("takeover: gave_up", "takeover: nowhere"), "goes to 'nowhere'"),
    (("if: openness >= 2", "if: openness >>= 2"), "cannot read"),
    (("if: openness >= 2", "if: __import__('os')"), "cannot read"),
    (("if: told >= 2", "if: patience >= 2"), "unknown state 'patience'"),
    (("open_question, reflection:", "open_questions:"), "'open_questions' is not a label"),
    (("      default: opening\n", ""), "needs a 'default' branch"),
    (("difficulty: 1", "difficulty: 5"), "difficulty"),
])
def test_problems_name_file_and_place(tmp_path, change, expected):
    old, new = change
    assert old in GOOD
    found = problems_of(tmp_path, GOOD.replace(old, new))
    assert any(expected in p for p in found), found
    assert all(p.startswith(str(tmp_path / "s.yaml")) for p in found)


def test_line_numbers_point_at_the_place(tmp_path):
    found = problems_of(tmp_path, GOOD.replace("takeover: gave_up", "takeover: nowhere"))
    line = GOOD.splitlines().index("      takeover: gave_up") + 1
    assert found[0].startswith(f"{tmp_path / 's.yaml'}:{line}: nodes.opening.branches.takeover")


NO_RULES = GOOD.replace("rules:\n  - if: told >= 2\n    goto: gave_up\n", "")
EXTRA_NODE = textwrap.indent(textwrap.dedent("""\
    {name}:
      lines: ["Round and round.", "Here we go again."]
      try_instead: ["What else?"]
      branches: {{default: {name}}}
"""), "  ")


def test_unreachable_node(tmp_path):
    text = GOOD.replace("endings:", EXTRA_NODE.format(name="island") + "endings:")
    found = problems_of(tmp_path, text)
    assert any("node 'island' cannot be reached from the start" in p for p in found), found


def test_node_with_no_path_to_an_ending(tmp_path):
    assert "rules:" not in NO_RULES
    text = NO_RULES.replace("takeover: gave_up", "takeover: loop").replace(
        "endings:", EXTRA_NODE.format(name="loop") + "endings:")
    found = problems_of(tmp_path, text)
    assert any("node 'loop' has no path to any ending" in p for p in found), found


@pytest.mark.parametrize("content,expected", [
    (b"", "empty"),
    (b"\x00\x01\x02binary", "binary"),
    (b"- just\n- a list\n", "mapping"),
    (b"id: [unclosed\n", "not valid YAML"),
    (b"\xff\xfe\xfa", "not UTF-8"),
    (b"!!python/object/apply:os.system ['echo hacked']\n", "is not allowed"),
])
def test_broken_files_get_a_message_not_a_traceback(tmp_path, content, expected):
    path = tmp_path / "broken.yaml"
    path.write_bytes(content)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert expected in str(caught.value)
    assert str(path) in str(caught.value)


def test_folder_with_good_and_bad_files_loads_the_good_ones(tmp_path):
    write(tmp_path, GOOD, "good.yaml")
    write(tmp_path, "id: [broken", "bad.yaml")
    write(tmp_path, GOOD.replace("id: tiny", "id: tiny-two").replace("start: opening", "start: nope"), "bad2.yaml")
    library = load_library([tmp_path], include_bundled=False)
    assert list(library.scenarios) == ["tiny"]
    assert {Path(p.file).name for p in library.problems} == {"bad.yaml", "bad2.yaml"}


@pytest.mark.parametrize(("text", "expected"), [
    ("a: " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply to read"),
    ("a: &x [1, 2]\nb: [*x, *x, *x]\n", "anchors and aliases (&name, *name) are not allowed"),
    ("id: one\ntitle: T\nid: two\n", "id: 'id' is given twice (lines 1 and 3)"),
])
def test_hostile_or_ambiguous_yaml_is_refused_with_the_reason(tmp_path, text, expected):
    found = problems_of(tmp_path, text)
    assert any(expected in problem for problem in found), found


def test_a_node_needs_several_line_variants(tmp_path):
    text = GOOD.replace('lines: ["Can you just fix it?", "Please sort it for me."]', 'lines: ["Can you just fix it?"]')
    found = problems_of(tmp_path, text)
    assert any("nodes.opening.lines" in problem and "at least 2" in problem for problem in found), found
