"""Drill files: the bundled ones are valid, broken ones are explained, and a run is scored."""

from __future__ import annotations

import pytest

from ask_dont_tell.trainer.drills import DrillRun, load_drill, load_drills, parse_drill_text
from ask_dont_tell.trainer.scenario import ScenarioError, load_library


@pytest.fixture(scope="module")
def library():
    return load_library()


def test_the_bundled_drills_are_valid_and_refer_to_real_nodes(library):
    drills, problems = load_drills(library)
    assert problems == []
    assert {"ask-dont-tell-warm-up", "blame-and-bias", "keep-the-responsibility"} <= {d.id for d in drills}
    for drill in drills:
        assert 6 <= len(drill.prompts) <= 10
        run = DrillRun(drill, library)
        view = run.current()
        node = library.get(view.scenario).nodes[view.node]
        assert view.line == node.lines[0] and view.context and view.try_instead == tuple(node.try_instead)


BROKEN = """\
id: broken
title: Broken
description: refers to things that do not exist
seconds_per_prompt: 20
prompts:
  - scenario: just-tell-me
    node: opening
  - scenario: no-such-scenario
    node: opening
  - scenario: just-tell-me
    node: nowhere
"""


def test_a_drill_naming_an_unknown_scenario_or_node_is_explained_with_file_line_and_place(library, tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_drill(path, library)
    messages = [str(problem) for problem in caught.value.problems]
    assert messages[0] == f"{path}:8: prompts[1].scenario: no scenario with id 'no-such-scenario'"
    assert messages[1].startswith(f"{path}:11: prompts[2].node: 'nowhere' is not a node of scenario 'just-tell-me'")


@pytest.mark.parametrize("text, expected", [
    ("id: x\ntitle: X\ndescription: d\nprompts: []\n", "prompts: List should have at least 1 item"),
    ("id: x\ntitle: X\ndescription: d\nseconds_per_prompt: 1\nprompts:\n  - {scenario: just-tell-me, node: opening}\n",
     "x.yaml:4: seconds_per_prompt:"),
    ("id: x\ntitle: X\ndescription: d\ncolour: red\nprompts:\n  - {scenario: just-tell-me, node: opening}\n",
     "unknown field 'colour'"),
    ("- just a list\n", "a drill must be a mapping"),
    ("id: [unclosed\n", "not valid YAML"),
    ("title: X\ndescription: d\nprompts:\n  - {scenario: just-tell-me, node: opening}\n", "missing field 'id'"),
])
def test_malformed_drill_files_are_explained(library, text, expected):
    with pytest.raises(ScenarioError) as caught:
        parse_drill_text(text, "x.yaml", library)
    assert expected in str(caught.value)


def test_a_bad_drill_file_is_skipped_and_reported_while_the_good_ones_load(library, tmp_path):
    (tmp_path / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    drills, problems = load_drills(library, [tmp_path])
    assert len(drills) >= 3 and problems and all(p.file.endswith("broken.yaml") for p in problems)


def test_a_drill_run_labels_each_answer_and_scores_the_sheet(library):
    drills, _ = load_drills(library)
    drill = next(d for d in drills if d.id == "ask-dont-tell-warm-up")
    run = DrillRun(drill, library)
    first = run.answer("What have you tried so far?")
    assert first.label == "open_question" and not first.told
    second = run.answer("You should call them tomorrow and push for a meeting.")
    assert second.label == "advice" and second.told
    timed_out = run.time_up()
    assert timed_out.label is None
    while not run.finished:
        run.answer("What would a good outcome look like for you?")
    sheet = run.score_sheet()
    assert sheet["prompts"] == len(drill.prompts) == len(sheet["per_prompt"])
    assert sheet["open_questions"] == len(drill.prompts) - 2
    assert (sheet["tells"], sheet["timed_out"], sheet["answered"]) == (1, 1, len(drill.prompts) - 1)
    assert [item["label"] for item in sheet["per_prompt"][:3]] == ["open_question", "advice", None]
    with pytest.raises(IndexError):
        run.current()
