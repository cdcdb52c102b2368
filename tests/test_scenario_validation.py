"""Scenario files people edit: every problem is reported with its file and place."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ask_dont_tell.trainer.scenario import ScenarioError, load_library, load_scenario

DOC = Path(__file__).resolve().parent.parent / "docs" / "scenario-format.md"
#: The short complete example of docs/scenario-format.md: the doc and the loader cannot disagree.
GOOD = re.search(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S).group(1)


def write(tmp_path: Path, text: str, name: str = "s.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(tmp_path: Path, text: str, deep: bool = True) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        load_scenario(write(tmp_path, text), deep=deep)
    return [str(p) for p in caught.value.problems]


def test_the_documented_example_loads_and_every_fact_and_ending_is_reachable(tmp_path):
    scenario = load_scenario(write(tmp_path, GOOD), deep=True)
    assert scenario.id == "late-proposal" and scenario.start == "opening"
    assert {f.id for f in scenario.facts} == {"never_asked", "due_friday"}


@pytest.mark.parametrize("change,expected", [
    (("difficulty: 2", "difficulty: 2\ncolour: red"), "unknown field 'colour'"),
    (("goal: Help Priya decide what she will do about it, without fixing it for her.\n", ""), "missing field 'goal'"),
    (("difficulty: 2", "difficulty: 5"), "difficulty"),
    (("about: own_part", "about: everything"), "facts[0].about"),
    (('how_many: "Two days left."', 'how_many: "A few days left."'.replace("A few", "Some")), "needs a number"),
    (("needs: {openness: 2}", "needs: {openness: 99}"), "between -5 and 10"),
    (("id: due_friday", "id: never_asked"), "already used by facts[0]"),
    (('  closing: ["I\'ve got a call soon.", "We should wrap up."]\n', ""), "missing reaction 'closing'"),
    (("  who: [\"Sam, from solutions.\"]\n", ""), "missing short answers for 'who'"),
    (("  walked_out: {summary: Priya left., lines: [\"I'm done here.\"]}\n", ""), "missing ending 'walked_out'"),
    (("format: 2", "format: 3"), "format"),
])
def test_problems_name_file_and_place(tmp_path, change, expected):
    old, new = change
    assert old in GOOD, old
    found = problems_of(tmp_path, GOOD.replace(old, new))
    assert any(expected in p for p in found), found
    assert all(p.startswith(str(tmp_path / "s.yaml")) for p in found)


def test_line_numbers_point_at_the_place(tmp_path):
    found = problems_of(tmp_path, GOOD.replace("about: own_part", "about: everything"))
    line = GOOD.splitlines().index("    about: own_part                 # own_part, others, outcome or experience") + 1
    assert found[0].startswith(f"{tmp_path / 's.yaml'}:{line}: facts[0].about"), found


def test_a_fact_that_can_never_be_told_is_named(tmp_path):
    short = GOOD.replace("soft_limit: 12, grace: 3", "soft_limit: 6, grace: 1")  # seven replies at most
    found = problems_of(tmp_path, short.replace("needs: {openness: 2}", "needs: {openness: 9}"))
    assert any("facts[0]: fact 'never_asked' can never be revealed" in p for p in found), found


def test_an_ending_that_cannot_be_reached_is_named(tmp_path):
    slow = GOOD.replace("tuning: {to_win: 4, open_at: 2, patience: 3, soft_limit: 12, grace: 3}",
                        "tuning: {to_win: 8, open_at: 6, patience: 3, soft_limit: 6, grace: 1}")
    found = problems_of(tmp_path, slow)
    assert any("ending 'owns_plan' cannot be reached" in p for p in found), found


def test_a_version_1_file_is_refused_with_how_to_update_it(tmp_path):
    old = "id: tiny\ntitle: T\nstart: opening\nnodes:\n  opening: {lines: [a, b]}\n"
    found = problems_of(tmp_path, old)
    assert any("version 1 scenario" in p and "docs/scenario-format.md" in p for p in found), found


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
    write(tmp_path, GOOD.replace("id: late-proposal", "id: two").replace("difficulty: 2", "difficulty: 9"), "bad2.yaml")
    library = load_library([tmp_path], include_bundled=False)
    assert list(library.scenarios) == ["late-proposal"]
    assert {Path(p.file).name for p in library.problems} == {"bad.yaml", "bad2.yaml"}


@pytest.mark.parametrize(("text", "expected"), [
    ("a: " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply to read"),
    ("a: &x [1, 2]\nb: [*x, *x, *x]\n", "anchors and aliases (&name, *name) are not allowed"),
    ("id: one\ntitle: T\nid: two\n", "id: 'id' is given twice (lines 1 and 3)"),
])
def test_hostile_or_ambiguous_yaml_is_refused_with_the_reason(tmp_path, text, expected):
    found = problems_of(tmp_path, text)
    assert any(expected in problem for problem in found), found


def test_a_stage_needs_several_line_variants(tmp_path):
    text = GOOD.replace('opening: {lines: ["I need you to have a word with Sam.", "Sam\'s sunk my proposal again."],',
                        'opening: {lines: ["I need you to have a word with Sam."],')
    found = problems_of(tmp_path, text)
    assert any("stages.opening.lines" in problem and "at least 2" in problem for problem in found), found
