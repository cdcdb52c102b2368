"""Build the wheel and check that it alone gives a working app and command line.

Run: python tools/check_wheel.py [--wheel FILE] [--keep DIR]
It builds the wheel from a clean copy of the checkout, then checks
- its contents: only the package ``ask_dont_tell`` (and its dist-info), every module of trainer/
  and ui/, every scenario, drill, icon, avatar, corpus part and migration, nothing else;
- a fresh virtual environment (no system site-packages) that installed only the wheel and what it
  depends on, used from an empty folder: ``ask-dont-tell --help``, ``classify`` on a line,
  ``scenarios``, ``rehearse`` with one reply (the database and its migrations), the desktop window
  offscreen (``--smoke``), ``--install-launcher`` into a throw-away home, the speech worker, and
  that ``import main`` (or trainer, ui, scenarios, assets) fails there and nothing but
  ``ask_dont_tell`` was installed at the top of site-packages.
Prints one line per check and exits 1 if any failed. Needs the network to PyPI for the
dependencies (pip's cache is used when it has them).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "ask_dont_tell"
#: The checkout's folders that are parts of the package, and the files of each the wheel must hold.
PARTS = {
    "ask_dont_tell": ("*.py",),
    "trainer": ("**/*.py", "corpus/*.csv", "corpus/word_counts.json", "storage/migrations/*.mako"),
    "ui": ("**/*.py",),
    "scenarios": ("*.py", "*.yaml", "drills/*.yaml"),
    "assets": ("*.py", "*.svg", "*.png", "avatars/*.svg", "avatars/*.png"),
}
#: Names that a checkout has at its top and an installation must not.
NOT_INSTALLED = ("main", "trainer", "ui", "scenarios", "assets", "tests", "bench", "tools")
REPLY = "What have you tried so far?"
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".git", "build", "dist", "*.egg-info", ".venv",
                                 ".pytest_cache", ".hypothesis", "*.db", "*.db-wal", "*.db-shm")


class Checks:
    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0

    def check(self, name: str, ok: bool, detail: str = "") -> bool:
        print(f"{'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail else ""), flush=True)
        if ok:
            self.passed += 1
        else:
            self.failed += 1
        return ok


def expected_files() -> set[str]:
    """Every file the wheel must hold, as its path inside the wheel."""
    wanted = set()
    for part, patterns in PARTS.items():
        folder = ROOT / part
        target = PACKAGE if part == PACKAGE else f"{PACKAGE}/{part}"
        for pattern in patterns:
            for path in folder.glob(pattern):
                if path.is_file() and "__pycache__" not in path.parts:
                    wanted.add(f"{target}/{path.relative_to(folder).as_posix()}")
    return wanted


def build_wheel(out: Path) -> Path:
    """Build from a clean copy, so no stale build/ folder of the checkout can leak into the wheel."""
    with tempfile.TemporaryDirectory(prefix="adt-source-") as source:
        copy = Path(source) / "src"
        shutil.copytree(ROOT, copy, ignore=IGNORED)
        subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--disable-pip-version-check",
                        "-w", str(out), str(copy)], check=True)
    wheels = sorted(out.glob("ask_dont_tell-*.whl"))
    if len(wheels) != 1:
        raise SystemExit(f"expected one wheel in {out}, found {[w.name for w in wheels]}")
    return wheels[0]


def check_contents(wheel: Path, checks: Checks) -> None:
    names = [n for n in zipfile.ZipFile(wheel).namelist() if not n.endswith("/")]
    tops = sorted({n.split("/")[0] for n in names})
    checks.check("wheel holds only the package and its metadata",
                 all(t == PACKAGE or (t.startswith(f"{PACKAGE}-") and t.endswith(".dist-info")) for t in tops),
                 ", ".join(tops))
    inside = {n for n in names if n.startswith(f"{PACKAGE}/")}
    wanted = expected_files()
    missing, extra = sorted(wanted - inside), sorted(inside - wanted)
    checks.check(f"wheel has every module and data file of the checkout ({len(wanted)})", not missing,
                 f"missing {missing[:8]}" if missing else "")
    checks.check("wheel has nothing else", not extra, f"extra {extra[:8]}" if extra else "")
    for kind, pattern in (("scenarios", "scenarios/*.yaml"), ("drills", "scenarios/drills/*.yaml"),
                          ("icons", "assets/*.svg"), ("avatars", "assets/avatars/*.svg"),
                          ("corpus parts", "trainer/corpus/*.csv"),
                          ("migrations", "trainer/storage/migrations/versions/*.py")):
        count = sum(1 for n in inside if Path(n).match(f"{PACKAGE}/{pattern}"))
        checks.check(f"wheel: {kind}", count > 0, f"{count} files")
    entry = next((n for n in names if n.endswith(".dist-info/entry_points.txt")), None)
    scripts = zipfile.ZipFile(wheel).read(entry).decode() if entry else ""
    checks.check("wheel: ask-dont-tell command", "ask-dont-tell = ask_dont_tell.app:main" in scripts)


def run(command: list[str], env: dict[str, str], cwd: Path, data: str | None = None,
        timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(command, input=data, capture_output=True, text=True, env=env, cwd=cwd, timeout=timeout)


def check_installed(wheel: Path, work: Path, checks: Checks) -> None:
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / ("python.exe" if os.name == "nt" else "python")
    started = time.perf_counter()
    done = subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel)],
                          capture_output=True, text=True)
    if not checks.check("fresh venv installs the wheel", done.returncode == 0,
                        f"{time.perf_counter() - started:.0f} s" if done.returncode == 0 else done.stderr[-2000:]):
        return
    command = str(bin_dir / ("ask-dont-tell.exe" if os.name == "nt" else "ask-dont-tell"))
    empty, home, data = work / "empty", work / "home", work / "data"
    for folder in (empty, home, data):
        folder.mkdir()
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "TRAINER_DATABASE_URL", "XDG_DATA_HOME")}
    env.update({"HOME": str(home), "TRAINER_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen",
                "PATH": os.pathsep.join([str(bin_dir), env.get("PATH", "")])})

    done = run([command, "--help"], env, empty)
    checks.check("ask-dont-tell --help", done.returncode == 0 and "classify" in done.stdout
                 and "--install-launcher" in done.stdout, done.stderr[-500:])

    done = run([command, "classify"], env, empty, data=REPLY + "\n")
    label = json.loads(done.stdout.splitlines()[0])["label"] if done.returncode == 0 and done.stdout else None
    checks.check("ask-dont-tell classify", label == "open_question", f"{label}" if label else done.stderr[-500:])

    done = run([command, "scenarios", "--json"], env, empty)
    bundled = len(list((ROOT / "scenarios").glob("*.yaml")))
    listed = len(json.loads(done.stdout)) if done.returncode == 0 else -1
    checks.check("ask-dont-tell scenarios", listed == bundled, f"{listed} of {bundled}")

    done = run([command, "rehearse", "just-tell-me"], env, empty, data=REPLY + "\n")
    checks.check("ask-dont-tell rehearse, one reply, stored", done.returncode == 0 and "[open_question" in done.stdout
                 and "Outcome:" in done.stdout and (data / "trainer.db").is_file(),
                 "" if done.returncode == 0 else done.stderr[-500:])

    done = run([command, "--smoke"], env, empty)
    checks.check("ask-dont-tell --smoke (desktop window, offscreen)", done.returncode == 0 and "ready:" in done.stdout,
                 (done.stdout.strip().splitlines() or [""])[-1] if done.returncode == 0 else done.stderr[-800:])

    done = run([command, "--install-launcher"], env, empty)
    entry = home / ".local" / "share" / "applications" / "ask-dont-tell.desktop"
    text = entry.read_text(encoding="utf-8") if entry.is_file() else ""
    checks.check("ask-dont-tell --install-launcher", done.returncode == 0 and f'Exec="{command}"' in text,
                 str(entry) if text else done.stderr[-500:])

    worker = subprocess.Popen([str(python), "-m", f"{PACKAGE}.trainer.speech_worker"], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=empty)
    try:
        hello = worker.stdout.readline()
    finally:
        worker.kill()
        worker.wait()
    checks.check("speech worker starts", '"ready"' in hello, hello.strip()[:200])

    for name in NOT_INSTALLED:
        done = run([str(python), "-c", f"import {name}"], env, empty)
        checks.check(f"no top-level '{name}'", done.returncode != 0 and "ModuleNotFoundError" in done.stderr,
                     "" if done.returncode else "it imported")

    done = run([str(python), "-c", "import importlib.metadata as m; "
                "print('\\n'.join(str(f) for f in m.distribution('ask-dont-tell').files))"], env, empty)
    tops = sorted({line.split("/")[0] for line in done.stdout.splitlines() if line and not line.startswith("..")})
    checks.check("installed at the top of site-packages: only the package", done.returncode == 0 and
                 all(t == PACKAGE or t.startswith(f"{PACKAGE}-") for t in tops), ", ".join(tops))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheel", type=Path, help="check this wheel instead of building one")
    parser.add_argument("--keep", type=Path, help="build and install in this folder and keep it")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="adt-wheel-"))
    work.mkdir(parents=True, exist_ok=True)
    checks = Checks()
    try:
        started = time.perf_counter()
        wheel = args.wheel or build_wheel(work / "dist")
        print(f"wheel: {wheel.name}, {wheel.stat().st_size / 1024:.0f} KiB"
              + ("" if args.wheel else f", built in {time.perf_counter() - started:.0f} s"), flush=True)
        check_contents(wheel, checks)
        check_installed(wheel, work, checks)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"wheel check: {checks.passed} of {checks.passed + checks.failed} checks passed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
