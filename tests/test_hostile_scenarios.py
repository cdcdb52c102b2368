"""Hostile scenario and drill files: one bad value is a message naming the file and line, and one
bad file never stops the others (bundled ones included) from loading."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ask_dont_tell.trainer.drills import load_drills
from ask_dont_tell.trainer.scenario import ScenarioError, bundled_scenarios_dir, load_library, load_scenario

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = load_library()
GOOD_ID = "blaming-the-leader"
GOOD_TEXT = (bundled_scenarios_dir() / f"{GOOD_ID}.yaml").read_text(encoding="utf-8")

#: Values that once made the reader raise from deep inside, or that no scenario field should take.
HOSTILE_VALUES = [
    "2001-02-30", "2001-02-28 24:00:00", "!!int abc", "!!float abc", "!!bool maybe", "9" * 5000, "-" + "9" * 5000,
    "!!timestamp 2001-02-30", "!!binary zz", "!!set {a}", "!!python/object/apply:os.system ['true']", "!local x",
    ".inf", "-.inf", ".nan", "1.0e999", "0x" + "f" * 40, '"\\x1b[31mred"', '"\\ud800"', '"\\x00"', "{<<: {a: 1}}",
    "!!str [1]", "!!int 0o9", "24:00:00", "1_000_000_000_000",
]


def with_title(value: str, scenario_id: str = "hostile", field: str = "title") -> str:
    """The good scenario with another id and its ``field`` (title by default) set to ``value`` (raw YAML)."""
    lines = GOOD_TEXT.replace(f"id: {GOOD_ID}", f"id: {scenario_id}", 1).splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith(f"{field}:"))
    lines[index] = f"{field}: {value}"
    return "\n".join(lines) + "\n"


def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=timeout)


def test_the_good_scenario_used_here_loads():
    assert load_scenario(bundled_scenarios_dir() / f"{GOOD_ID}.yaml").id == GOOD_ID


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_a_hostile_value_is_a_message_with_file_and_line(tmp_path, value):
    path = tmp_path / "hostile.yaml"
    path.write_text(with_title(value), encoding="utf-8")
    try:
        load_scenario(path)
    except ScenarioError as error:
        assert error.problems
        assert all(str(problem).startswith(str(path)) for problem in error.problems)
        assert any(problem.line for problem in error.problems), [str(p) for p in error.problems]
    else:  # a few are plain text to YAML (a date is a title like any other): then it must be text
        assert isinstance(load_scenario(path).title, str)


@pytest.mark.parametrize("value", ["2001-02-30", "!!int abc", "9" * 5000, "!!timestamp 2001-02-30", '"\\x1b]0;x\\x07"'])
def test_one_bad_file_leaves_the_folder_and_the_bundled_scenarios_loading(tmp_path, value):
    (tmp_path / "a-bad.yaml").write_text(with_title(value, "bad-one", "difficulty"), encoding="utf-8")
    (tmp_path / "good.yaml").write_text(with_title("A good one", "good-one"), encoding="utf-8")
    library = load_library([tmp_path])
    assert "good-one" in library.scenarios
    assert set(BUNDLED.scenarios) <= set(library.scenarios)

    listed = run("scenarios", "--scenarios", str(tmp_path), "--json")
    assert listed.returncode == 0 and "Traceback" not in listed.stderr
    assert "good-one" in listed.stdout and GOOD_ID in listed.stdout
    checked = run("validate", str(tmp_path))
    assert checked.returncode == 1 and "Traceback" not in checked.stderr + checked.stdout
    assert "\x1b" not in checked.stdout and "1 valid" in checked.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_pipe_named_like_a_scenario_is_refused_at_once(tmp_path):
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    (tmp_path / "good.yaml").write_text(with_title("A good one", "good-one"), encoding="utf-8")
    assert "good-one" in load_library([tmp_path]).scenarios  # the pipe is not even opened
    with pytest.raises(ScenarioError, match="not a regular file"):
        load_scenario(pipe)
    result = run("validate", str(pipe), timeout=30)
    assert result.returncode == 1 and "not a regular file" in result.stdout


def test_a_bad_drill_never_stops_the_others(tmp_path):
    (tmp_path / "bad.yaml").write_text("id: bad\ntitle: !!int abc\n", encoding="utf-8")
    (tmp_path / "huge.yml").write_text("id: huge\nseconds_per_prompt: " + "9" * 5000 + "\n", encoding="utf-8")
    drills, problems = load_drills(BUNDLED, [tmp_path])
    bundled, _ = load_drills(BUNDLED)
    assert [d.id for d in drills] == [d.id for d in bundled]
    files = {Path(problem.file).name for problem in problems}
    assert {"bad.yaml", "huge.yml"} <= files
    assert all(problem.line for problem in problems if Path(problem.file).name in files)


scalars = st.one_of(
    st.sampled_from(HOSTILE_VALUES),
    st.dates().map(str), st.datetimes().map(lambda value: value.isoformat(" ")),
    st.integers().map(str), st.integers(min_value=10**18).map(str),
    st.floats().map(repr),
    st.sampled_from(["!!int", "!!float", "!!bool", "!!timestamp", "!!binary", "!!str", "!!null", "!!map", "!!seq",
                     "!x", "!!omap", "!!pairs"]).flatmap(
        lambda tag: st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\n\r"), max_size=20)
        .map(lambda text: f"{tag} {text}")),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=30).map(lambda text: '"' + text.encode(
        "unicode_escape").decode("ascii").replace('"', '\\"') + '"'),
)


@given(scalars, st.sampled_from(["title", "difficulty", "situation", "goal"]))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
def test_any_value_in_any_field_is_loaded_or_explained(tmp_path, value, field):
    lines = GOOD_TEXT.replace(f"id: {GOOD_ID}", "id: generated", 1).splitlines()
    index = next((i for i, line in enumerate(lines) if line.startswith(f"{field}:")), None)
    if index is None:
        lines.append(f"{field}: {value}")
    else:
        lines[index] = f"{field}: {value}"
    # a folded value continues on indented lines; drop them so the new value stands alone
    while index is not None and index + 1 < len(lines) and lines[index + 1].startswith(" "):
        del lines[index + 1]
    folder = tmp_path / "generated"
    folder.mkdir(exist_ok=True)
    path = folder / "generated.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    try:
        load_scenario(path)
    except ScenarioError as error:
        assert error.problems and all(str(problem).startswith(str(path)) for problem in error.problems)
    good = folder / "good.yaml"
    if not good.exists():
        good.write_text(with_title("A good one", "good-one"), encoding="utf-8")
    assert "good-one" in load_library([folder], include_bundled=False).scenarios


@pytest.mark.parametrize("value,expected", [("!!int abc", "'abc' is not a whole number"),
                                            ("9" * 5000, "is too large"), (".nan", "not a finite number"),
                                            ("!!bool maybe", "not true or false")])
def test_a_value_that_is_not_what_it_says_names_its_place(tmp_path, value, expected):
    path = tmp_path / "hostile.yaml"
    path.write_text(with_title(value, field="difficulty"), encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    line = next(i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith("difficulty:"))
    assert str(caught.value).startswith(f"{path}:{line}: difficulty: ") and expected in str(caught.value)
