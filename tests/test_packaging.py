"""One installed package: the checkout's parts resolve as ask_dont_tell.*, every import uses those
names, pyproject lists every package folder, and the desktop launcher is written as it should be.
(tools/check_wheel.py checks the built wheel itself, in CI.)"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from conftest import skip_unless_ci

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import repackage  # noqa: E402


def test_the_parts_resolve_to_the_checkout_s_folders():
    import ask_dont_tell.scenarios
    import ask_dont_tell.trainer.labels
    from ask_dont_tell.trainer.scenario import bundled_scenarios_dir
    from ask_dont_tell.ui.theme import ASSETS

    assert Path(ask_dont_tell.trainer.labels.__file__) == ROOT / "trainer" / "labels.py"
    assert bundled_scenarios_dir() == ROOT / "scenarios"
    assert ASSETS == ROOT / "assets" and (ASSETS / "icon.svg").is_file()
    assert not [name for name in sys.modules if name.split(".")[0] in repackage.PARTS]


def test_no_file_imports_a_part_by_its_folder_name():
    """A second name for the same file would make a second module (two Label enums that never
    compare equal): every import says ask_dont_tell.trainer, never plain trainer."""
    left = {}
    for path in repackage.project_files():
        _, notes = repackage.rewrite_source(path.read_text(encoding="utf-8"))
        if notes:
            left[str(path.relative_to(ROOT))] = notes
    assert not left, f"run python tools/repackage.py: {left}"


def test_the_rewrite_is_idempotent_and_keeps_names_that_are_used():
    source = ("import trainer\nimport ui.cohort\nfrom trainer.labels import Label\nfrom . import theme\n"
              "x = ui.cohort.CohortDialog\npatch('trainer.profiles.system_full_name')\nname = 'trainer.db'\n")
    once, notes = repackage.rewrite_source(source)
    assert once == ("from ask_dont_tell import trainer\nimport ask_dont_tell.ui.cohort\nfrom ask_dont_tell import ui\n"
                    "from ask_dont_tell.trainer.labels import Label\nfrom . import theme\n"
                    "x = ui.cohort.CohortDialog\npatch('ask_dont_tell.trainer.profiles.system_full_name')\n"
                    "name = 'trainer.db'\n")
    assert len(notes) == 4
    assert repackage.rewrite_source(once) == (once, [])


def test_pyproject_lists_every_package_folder():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    folders = {part: part for part in config["package-dir"].values()}
    found = {"ask_dont_tell"}
    for part in folders:
        for init in [ROOT / part / "__init__.py", *(ROOT / part).rglob("*.py")]:
            if init.is_file() and "__pycache__" not in init.parts:
                found.add(".".join(("ask_dont_tell", *init.parent.relative_to(ROOT).parts)))
    assert found == set(config["packages"])
    assert config["package-dir"] == {f"ask_dont_tell.{part}": part for part in ("trainer", "ui", "scenarios", "assets")}
    assert tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"] == {
        "ask-dont-tell": "ask_dont_tell.app:main"}


def _main(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          timeout=120, env=env)


def test_python_m_and_main_py_are_the_same_command(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    module = subprocess.run([sys.executable, "-m", "ask_dont_tell", "--help"], capture_output=True, text=True,
                            cwd=tmp_path, env=env, timeout=60)
    script = _main("--help")
    assert module.returncode == 0 and script.returncode == 0
    assert module.stdout.startswith("usage: ask-dont-tell ") and script.stdout.startswith("usage: main.py ")
    assert module.stdout.replace("ask-dont-tell", "main.py").split() == script.stdout.split()
    assert "--install-launcher" in script.stdout and "--smoke" in script.stdout


def test_the_launcher_is_written_for_this_checkout_and_removed(tmp_path):
    env = {**os.environ, "HOME": str(tmp_path)}
    env.pop("XDG_DATA_HOME", None)
    done = _main("--install-launcher", env=env)
    assert done.returncode == 0, done.stderr
    entry = tmp_path / ".local" / "share" / "applications" / "ask-dont-tell.desktop"
    icon = tmp_path / ".local" / "share" / "icons" / "hicolor" / "scalable" / "apps" / "ask-dont-tell.svg"
    text = entry.read_text(encoding="utf-8")
    assert f'Exec="{sys.executable}" "{ROOT / "main.py"}"' in text.replace("\\\\", "\\")
    assert f"Icon={icon}" in text and "Name=Ask, Don't Tell" in text and "Terminal=false" in text
    assert icon.read_bytes() == (ROOT / "assets" / "icon.svg").read_bytes()
    assert not [p for p in entry.parent.iterdir() if p.name.endswith(".part")]  # written atomically
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        skip_unless_ci("desktop-file-validate (desktop-file-utils) is not installed")
    checked = subprocess.run([validator, str(entry)], capture_output=True, text=True)
    assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout

    again = _main("--install-launcher", env=env)  # installing twice replaces, it does not fail
    assert again.returncode == 0 and entry.read_text(encoding="utf-8") == text
    removed = _main("--uninstall-launcher", env=env)
    assert removed.returncode == 0 and not entry.exists() and not icon.exists()
    assert "No launcher was installed" in _main("--uninstall-launcher", env=env).stdout


def test_the_launcher_follows_xdg_data_home_and_quotes_the_command(tmp_path):
    from ask_dont_tell import desktop

    assert desktop.exec_line(["/opt/a b/run", "50%", 'say "hi"']) == \
        '"/opt/a b/run" "50%%" "say \\\\"hi\\\\""'
    env = {**os.environ, "HOME": str(tmp_path / "home"), "XDG_DATA_HOME": str(tmp_path / "xdg")}
    assert _main("--install-launcher", env=env).returncode == 0
    assert (tmp_path / "xdg" / "applications" / "ask-dont-tell.desktop").is_file()
    assert not (tmp_path / "home").exists()


def test_an_unwritable_place_is_reported_not_raised(tmp_path):
    (tmp_path / ".local").write_text("a file where the folder should be")
    done = _main("--install-launcher", env={**os.environ, "HOME": str(tmp_path)})
    assert done.returncode == 1 and "the launcher could not be written" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("picture", [False, True])
def test_smoke_starts_the_window_and_quits_when_ready(tmp_path, picture):
    out = tmp_path / "window.png"
    done = _main("--smoke", *([str(out)] if picture else []),
                 env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "TRAINER_SPEECH": "off"})
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("shown: first paint after") and lines[-1].startswith("ready: ")
    assert out.is_file() == picture


def test_a_bundle_runs_only_the_app_s_own_modules_with_dash_m(monkeypatch, capsys):
    """The bundle's executable stands in for ``python -m`` (the app starts its speech worker that
    way), for the app's own modules only."""
    from ask_dont_tell import app

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert app.main(["-m", "os"]) == 2
    assert "runs only the app's own modules" in capsys.readouterr().err
    ran = []
    monkeypatch.setattr("runpy.run_module", lambda name, **kwargs: ran.append((name, kwargs["run_name"], sys.argv)))
    monkeypatch.setattr(sys, "argv", ["ask-dont-tell"])
    assert app.main(["-m", "ask_dont_tell.trainer.speech_worker", "--x"]) == 0
    assert ran == [("ask_dont_tell.trainer.speech_worker", "__main__", ["ask_dont_tell.trainer.speech_worker", "--x"])]
