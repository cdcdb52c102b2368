"""Desktop app speed: cold start against an empty PySide6 window, reply-to-chip latency, and
time from a salesperson line on screen to its speech starting.

Run: python bench/bench_app.py [--runs N] [--replies N]
Targets (issue 5): the main window appears within 3x the time an empty PySide6 window takes,
both measured here in the same run (each in a fresh process, from launch until the window's
first paint); the feedback chip follows a reply at once; speech starts within 300 ms.

Without a display it starts Xvfb when installed (a real window system), else uses Qt's
offscreen platform; the platform used is printed.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: Shown until the first paint, then reported and closed; identical for both windows.
CHILD = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
KIND = sys.argv[1]
if KIND == "empty":
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.resize(1200, 780)
else:
    from ask_dont_tell.ui.app import create_application, create_main_window
    app = create_application(sys.argv)
    window = create_main_window()

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not getattr(self, "done", False):
            self.done = True
            print("shown", flush=True)
            QTimer.singleShot(0, ready_or_quit)
        return False

def ready_or_quit():
    if KIND == "empty":
        app.quit()
        return
    context = window.context
    if context.library is not None and context.store is not None and window.library.cards:
        print("ready", flush=True)
        window.close()
        app.quit()
    else:
        QTimer.singleShot(5, ready_or_quit)

watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
"""


def start_display() -> tuple[subprocess.Popen | None, dict[str, str]]:
    """A window system for the children: the current display, a private Xvfb, or offscreen."""
    env = dict(os.environ)
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None, env
    if shutil.which("Xvfb"):
        display = f":{90 + os.getpid() % 50}"
        server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.5)  # let the server accept connections before the first child
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
        return server, env
    env["QT_QPA_PLATFORM"] = "offscreen"
    return None, env


def launch(kind: str, env: dict[str, str]) -> tuple[float, float | None]:
    """Seconds from launch to the first paint, and to the library being filled (app only)."""
    with tempfile.TemporaryDirectory(prefix="adt-bench-") as data:
        child_env = dict(env, TRAINER_DATA_DIR=str(Path(data) / "fresh"), PYTHONPATH=str(ROOT))
        child_env.pop("TRAINER_DATABASE_URL", None)
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-c", CHILD, kind], stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL, text=True, env=child_env, cwd=str(ROOT))
        shown = ready = None
        assert process.stdout is not None
        for line in process.stdout:
            if line.strip() == "shown":
                shown = time.perf_counter() - start
            elif line.strip() == "ready":
                ready = time.perf_counter() - start
        process.wait(timeout=60)
        if shown is None:
            raise RuntimeError(f"the {kind} window never painted (exit code {process.returncode})")
        return shown, ready


def cold_start(runs: int) -> None:
    server, env = start_display()
    try:
        print(f"platform: {env.get('QT_QPA_PLATFORM', 'native')}")
        launch("empty", env)  # warm the disk cache for both: neither run pays for first reads
        launch("app", env)
        empty, app, ready = [], [], []
        for _ in range(runs):
            empty.append(launch("empty", env)[0])
            shown, filled = launch("app", env)
            app.append(shown)
            if filled is not None:
                ready.append(filled)
    finally:
        if server is not None:
            server.terminate()
            server.wait()
    empty_ms, app_ms = statistics.median(empty) * 1000, statistics.median(app) * 1000
    print(f"cold start, median of {runs} (launch to first paint, fresh data directory):")
    print(f"  empty PySide6 window   {empty_ms:7.0f} ms")
    print(f"  Ask, Don't Tell window {app_ms:7.0f} ms")
    print(f"  ratio                  {app_ms / empty_ms:7.2f}x   (target: under 3x)")
    if ready:
        print(f"  library filled and database created: {statistics.median(ready) * 1000:.0f} ms after launch")


def in_window_latencies(replies: int) -> None:
    """Reply-to-chip latency, and line-to-speech latency with the real engine if present."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest

    from ask_dont_tell.ui.app import create_application, create_main_window

    texts = ["What have you tried so far?", "You should call them tomorrow.", "So you feel stuck.",
             "Did you send the proposal?", "Leave it with me, I'll sort it out.", "Tell me more about that.",
             "That was a brave thing to try.", "Okay."]
    with tempfile.TemporaryDirectory(prefix="adt-bench-") as data:
        os.environ["TRAINER_DATA_DIR"] = data
        app = create_application([])
        window = create_main_window()
        window.show()
        context, practice, speech = window.context, window.practice, window.context.speech

        def wait_for(condition, timeout_ms: int = 20_000) -> None:
            deadline = time.perf_counter() + timeout_ms / 1000
            while not condition():
                if time.perf_counter() > deadline:
                    raise TimeoutError("timed out")
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)

        wait_for(lambda: context.library is not None and context.store is not None and context.trainee)
        wait_for(lambda: speech.is_ready)
        chip_ms: list[float] = []
        speech_ms: list[float] = []
        scenario_ids = sorted(context.library.scenarios)
        started_at: dict[object, float] = {}
        heard: dict[object, float] = {}
        speech.playing.connect(lambda key: key is not None and heard.setdefault(key, time.perf_counter()))
        count = 0
        while count < replies:
            window.start_practice(scenario_ids[count % len(scenario_ids)], True)
            while practice.in_progress and count < replies:
                QTest.keyClicks(practice.reply_box, texts[count % len(texts)])
                shown: list[float] = []
                practice.turn_shown.connect(lambda _turn: shown.append(time.perf_counter()))
                start = time.perf_counter()
                QTest.keyClick(practice.reply_box, Qt.Key.Key_Return)
                wait_for(lambda: bool(shown))
                practice.turn_shown.disconnect()
                chip_ms.append((shown[0] - start) * 1000)
                key = practice._last_line[0]
                started_at[key] = shown[0]
                if speech.available:
                    wait_for(lambda: key in heard, 10_000)
                    speech_ms.append((heard[key] - started_at[key]) * 1000)
                count += 1
            if practice.in_progress:
                practice.end_session()
        wait_for(lambda: not context.tasks.busy)
        window.close()
        QTimer.singleShot(0, app.quit)

    def p95(values: list[float]) -> float:
        ordered = sorted(values)
        return ordered[max(0, int(len(ordered) * 0.95) - 1)]

    print(f"reply to feedback chip, {len(chip_ms)} replies (short replies classified on the spot, long ones in the background):")
    print(f"  median {statistics.median(chip_ms):6.1f} ms   p95 {p95(chip_ms):6.1f} ms")
    if speech_ms:
        print(f"line on screen to its speech starting, {len(speech_ms)} lines (espeak-ng worker + Qt Multimedia):")
        print(f"  median {statistics.median(speech_ms):6.1f} ms   p95 {p95(speech_ms):6.1f} ms   (target: 300 ms)")
    else:
        print("speech latency: no speech engine on this machine, not measured")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    print(f"resident memory of the app process after {len(chip_ms)} replies: peak {peak_mb:.0f} MB (target: under 250 MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="cold starts of each window (default 5)")
    parser.add_argument("--replies", type=int, default=120, help="replies for the latency figures (default 120)")
    args = parser.parse_args()
    cold_start(args.runs)
    in_window_latencies(args.replies)


if __name__ == "__main__":
    main()
