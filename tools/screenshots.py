"""Screenshots of the main screens for the README, taken from the real app running under Xvfb.

Run: python tools/screenshots.py [--out docs/screenshots]
Needs the Xvfb package (apt install xvfb). It starts a private X server, runs the app on it with
Qt's xcb platform and a throw-away data folder, plays a few sessions through the real window
(typing replies as a trainee would), and saves PNG files of each screen, light and dark, at the
usual size and at the 1024x700 minimum.

With --all it also takes a review set: every screen and workshop window at 1024x700 and in dark
mode, presenter mode at projector sizes, and the briefings with the most skill tags. --scale 2
runs the app at QT_SCALE_FACTOR=2 (on a larger virtual screen).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SESSIONS = [  # (scenario, replies) played before the pictures, so history has a trend
    ("blaming-the-leader", ["You should have followed up faster.", "Why didn't you call them?", "Okay."]),
    ("just-tell-me", ["Call Karen tomorrow.", "What have you tried so far?", "So you feel stuck."]),
    ("self-serving-bias", ["What happened on the deals you lost?", "Tell me more about that.",
                           "You sound frustrated with the leads.", "What would you do differently?"]),
    ("just-tell-me", ["What have you tried so far?"] * 6),
]
PRACTICE_REPLIES = ["Tell me what's happened with Harlow since the demo.",
                    "You should ring them tomorrow and ask for a decision.",
                    "So you feel stuck after three weeks of silence."]


def start_xvfb(scale: float = 1.0) -> tuple[subprocess.Popen, str]:
    if not shutil.which("Xvfb"):
        sys.exit("Xvfb is not installed (apt install xvfb)")
    display = f":{150 + os.getpid() % 50}"
    size = f"{round(1600 * scale)}x{round(1000 * scale)}x24"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", size, "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 10
    while not Path(f"/tmp/.X11-unix/X{display[1:]}").exists():
        if time.time() > deadline or server.poll() is not None:
            sys.exit("Xvfb did not start")
        time.sleep(0.05)
    return server, display


def shoot(out: Path, review: bool = False) -> list[Path]:
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtTest import QTest

    from ask_dont_tell.ui.app import create_application, create_main_window

    app = create_application([sys.argv[0]])
    window = create_main_window()
    window.resize(1280, 800)
    window.show()
    context, practice = window.context, window.practice
    saved: list[Path] = []

    def settle(condition=lambda: True, timeout: float = 20.0) -> None:
        deadline = time.time() + timeout
        while not condition() or context.tasks.busy:
            if time.time() > deadline:
                raise TimeoutError("the app did not settle")
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        for _ in range(10):  # let layouts, animations and repaints finish
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 30)
            QTest.qWait(30)

    def picture(name: str) -> None:
        settle()
        path = out / f"{name}.png"
        window.screen().grabWindow(window.winId()).save(str(path))
        saved.append(path)

    def say(text: str) -> None:
        QTest.keyClicks(practice.reply_box, text)
        before = len(practice.session.turns)
        QTest.keyClick(practice.reply_box, Qt.Key.Key_Return)
        settle(lambda: len(practice.session.turns) > before)

    def finish() -> None:
        """End the session (or open the report of one that ended) and wait until it is saved."""
        if practice.in_progress:
            practice.end_now()
        else:
            practice.report_button.click()
        settle(lambda: window.report.data is practice.report and practice.report.get("session_id"))

    settle(lambda: window.first_run is not None and window.first_run.isVisible())
    first_run = window.first_run
    first_run.name.setText("Alex Morgan")
    first_run.grab().save(str(out / "first-run.png"))
    saved.append(out / "first-run.png")
    first_run.accept()
    settle(lambda: context.library is not None and context.store is not None and bool(window.library.cards)
           and context.trainee == "Alex Morgan")
    settle(lambda: context.speech.is_ready)
    for scenario_id, replies in SESSIONS:
        window.start_practice(scenario_id, True)
        for reply in replies:
            if practice.in_progress:
                say(reply)
        finish()
    window.notice.hide()

    window.show_library()
    picture("library")
    window.show_briefing("just-tell-me")
    picture("briefing")
    window.start_practice("just-tell-me", True)
    for reply in PRACTICE_REPLIES:
        say(reply)
    practice.show_hint()
    picture("practice")
    finish()
    picture("self-rating")
    window.report.rating_panel.buttons[4].click()
    picture("report")
    retry = window.report.open_retry(1)
    QTest.keyClicks(retry.editor, "What do you think they are waiting for?")
    retry.try_reply()
    settle(lambda: retry.result is not None)
    retry.grab().save(str(out / "retry.png"))
    saved.append(out / "retry.png")
    retry.close()
    window.show_history()
    settle(lambda: window.history.model.rowCount() > 0)
    picture("history")
    window.show_progress()
    picture("progress")
    window.show_library()
    window.open_prepare()
    settle(lambda: window.prepare_dialog.isVisible())
    dialog = window.prepare_dialog
    dialog.situation.setCurrentIndex(dialog.situation.findData("blaming-the-leader"))
    dialog.salesperson.setText("Marco")
    dialog.topic.setText("Q3 territory split")
    dialog.pronouns.setCurrentIndex(dialog.pronouns.findData("he"))
    dialog.grab().save(str(out / "prepare.png"))
    saved.append(out / "prepare.png")
    dialog.start.click()
    picture("briefing-one-on-one")
    window.show_settings()
    picture("settings")

    window.apply_appearance("dark")
    window.show_library()
    picture("library-dark")
    window.start_practice("self-serving-bias", True)
    say("What happened on the deals you lost?")
    say("You should qualify harder on the first call.")
    picture("practice-dark")
    finish()
    window.report.rating_panel.skip.click()
    picture("report-dark")

    window.apply_appearance("light")
    window.resize(1024, 700)
    window.start_practice("colleague-not-delivering", True)
    say("What have you tried with Sam so far?")
    say("I'll have a word with Sam myself.")
    picture("practice-1024x700")
    finish()
    if review:
        review_shots(app, window, out, saved, settle, picture)
    window.close()
    return saved


def review_shots(app, window, out: Path, saved: list[Path], settle, picture) -> None:
    """Every screen at the minimum size and in dark mode, and the workshop windows."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from ask_dont_tell.trainer.engine import Session
    from ask_dont_tell.trainer.exchange import export_sessions
    from ask_dont_tell.trainer.storage import SessionStore, open_database
    from ask_dont_tell.ui.presenter import PresenterWindow, presenter_prompts

    context = window.context

    def grab(widget, name: str) -> None:
        settle()
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        saved.append(path)

    participants = Path(tempfile.mkdtemp(prefix="adt-cohort-"))
    store = SessionStore(open_database(f"sqlite:///{participants / 'room.db'}"))
    scenario = context.library.get("just-tell-me")
    files = []
    for trainee, replies in (("Ana Ruiz", ["What have you tried so far?", "What options do you see?"]),
                             ("Ben Okafor", ["You should call them tomorrow.", "Just send the proposal again."]),
                             ("Chloé Martin", ["What would a good outcome look like?", "Call Karen tomorrow."])):
        session = Session(scenario, 0)
        session_id = store.start_session(trainee, scenario, 0)
        for reply in replies:
            store.record_turn(session_id, session.reply(reply))
        store.finish_session(session_id, session.result())
        files.append(str(participants / f"{trainee.split()[0]}.json"))
        export_sessions(store, trainee, files[-1])
    store.database.close()

    for mode in ("light", "dark"):
        suffix = "" if mode == "light" else "-dark"
        window.apply_appearance(mode)
        for size in ((1024, 700), (1280, 800)):
            window.resize(*size)
            tag = f"{suffix}-{size[0]}x{size[1]}"
            window.show_library()
            picture(f"library{tag}")
            for scenario_id in ("blaming-the-leader", "self-serving-bias"):
                window.show_briefing(scenario_id)
                picture(f"briefing-{scenario_id}{tag}")
            window.show_history()
            settle(lambda: window.history.model.rowCount() > 0)
            picture(f"history{tag}")
            window.history.table.selectRow(0)
            window.history.open_button.click()
            settle(lambda: window.report.data is not None and window.stack.currentWidget() is window.report)
            picture(f"report{tag}")
            window.show_progress()
            picture(f"progress{tag}")
            window.start_practice("just-tell-me", True)
            settle()
            picture(f"practice{tag}")
            QTest.keyClicks(window.practice.reply_box, "What have you tried so far?")
            QTest.keyClick(window.practice.reply_box, Qt.Key.Key_Return)
            settle(lambda: len(window.practice.session.turns) == 1)
            window.practice.end_session()
            settle(lambda: window.practice.end_confirmation.isVisible())
            grab(window.practice.end_confirmation, f"end-confirmation{tag}")
            window.practice.end_confirmation.defaultButton().click()
            settle(lambda: window.report.rating_panel is not None)
            picture(f"self-rating{tag}")
            window.report.rating_panel.skip.click()
            window.show_settings()
            picture(f"settings{tag}")
        window.resize(1280, 800)

        window.open_drills()
        drills = window.drill_window
        settle(lambda: drills.drill_list.count() > 0)
        grab(drills, f"drills{suffix}")
        drills.close()

        window.open_cohort_report()
        cohort = window.cohort_dialog
        cohort.cohort_name.setText("Spring managers' workshop")
        cohort.import_paths(files, "Spring managers' workshop")
        settle(lambda: cohort.table.rowCount() == len(files))
        grab(cohort, f"cohort{suffix}")
        cohort.close()

        prompts = presenter_prompts(context.library)
        for width, height in ((1280, 720), (1066, 666), (1920, 1080)):
            presenter = PresenterWindow(prompts, window)
            presenter.resize(width, height)
            presenter.show()
            presenter.entry.setText("Why didn't you call them back?")
            presenter.add_suggestion()  # on the first line: counted in the session's total only
            for _ in range(3):
                presenter.move_prompt(1)
            for text in ("What have you tried so far?", "You should ring them tomorrow and ask for a decision.",
                         "What would a good outcome look like for you this week?",
                         "So you feel stuck after three weeks of silence.", "Why didn't you follow up sooner?"):
                presenter.entry.setText(text)
                presenter.add_suggestion()
            presenter.entry.setText("What do you think is holding them back?")
            presenter.refresh_live_label()
            grab(presenter, f"presenter{suffix}-{width}x{height}")
            presenter.close()
            presenter.deleteLater()
    window.apply_appearance("light")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots", help="folder for the PNG files")
    parser.add_argument("--all", action="store_true", help="also take the review set (every screen, both modes)")
    parser.add_argument("--scale", type=float, default=1.0, help="QT_SCALE_FACTOR to run the app at")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    out = args.out.resolve()
    if args.child:
        for path in shoot(out, args.all):
            print(path)
        return
    out.mkdir(parents=True, exist_ok=True)
    server, display = start_xvfb(args.scale)
    try:
        with tempfile.TemporaryDirectory(prefix="adt-shots-") as data:
            env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", TRAINER_DATA_DIR=data,
                       QT_SCALE_FACTOR=f"{args.scale:g}", LANG="en_GB.UTF-8")
            env.pop("TRAINER_DATABASE_URL", None)
            child = [sys.executable, __file__, "--child", "--out", str(out)] + (["--all"] if args.all else [])
            subprocess.run(child, env=env, check=True)
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
