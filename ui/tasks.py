"""The one place that runs work off the UI thread and brings its result back to it.

Like Anki's ``aqt/taskman.py``: ``tasks.run(work, done)`` runs ``work()`` on a pool thread and
calls ``done(result)`` (or ``failed(error)``) on the UI thread. Work is grouped in lanes: the
"storage" and "speech" lanes run one task at a time, in the order given, so replies are saved in
order and the speech engine sees one line at a time; the "general" lane runs in parallel.
"""

from __future__ import annotations

import gc
import itertools
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

SERIAL_LANES = ("storage", "speech")
#: Lanes whose queued work still runs at shutdown: a reply queued for saving must be saved.
FINISHED_AT_SHUTDOWN = ("storage",)
GENERAL_THREADS = 2


class _Relay(QObject):
    """Lives on the UI thread; its signal, emitted from a pool thread, is delivered there.

    One relay serves every task (tasks are told apart by number), so no per-task QObject is
    ever garbage-collected on a pool thread.
    """

    finished = Signal(int, bool, object)


class _Job(QRunnable):
    def __init__(self, number: int, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._number = number
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as error:  # noqa: BLE001 - handed to the UI thread, never lost
            self._relay.finished.emit(self._number, False, error)
        else:
            self._relay.finished.emit(self._number, True, result)
        self._work = None


class TaskManager(QObject):
    """Runs callables in background lanes; results come back on the UI thread."""

    #: True while any task is queued or running (drives the busy indicator).
    busy_changed = Signal(bool)
    #: A task without its own ``failed`` handler failed; the text is fit to show.
    error = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lanes: dict[str, QThreadPool] = {}
        self._pending: dict[int, tuple[Callable | None, Callable | None]] = {}
        self._numbers = itertools.count(1)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver)
        self._closed = False

    def _pool(self, lane: str) -> QThreadPool:
        pool = self._lanes.get(lane)
        if pool is None:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(1 if lane in SERIAL_LANES else GENERAL_THREADS)
            self._lanes[lane] = pool
        return pool

    def run(self, work: Callable[[], Any], done: Callable[[Any], None] | None = None,
            failed: Callable[[BaseException], None] | None = None, lane: str = "general") -> None:
        """Run ``work()`` in ``lane``; then ``done(result)`` or ``failed(error)`` on the UI thread."""
        if self._closed:
            return
        number = next(self._numbers)
        if not self._pending:
            self.busy_changed.emit(True)
        self._pending[number] = (done, failed)
        self._pool(lane).start(_Job(number, work, self._relay))

    @Slot(int, bool, object)
    def _deliver(self, number: int, ok: bool, value: Any) -> None:
        done, failed = self._pending.pop(number, (None, None))
        if not self._pending:
            self.busy_changed.emit(False)
        if self._closed:
            return
        if ok:
            if done is not None:
                done(value)
        elif failed is not None:
            failed(value)
        else:
            self.error.emit(str(value) or type(value).__name__)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def wait(self, msecs: int = -1) -> bool:
        """Block until every lane is idle (tests and shutdown only); False on timeout."""
        return all(pool.waitForDone(msecs) for pool in list(self._lanes.values()))

    def shutdown(self) -> None:
        """Drop queued work (except saving), wait for the rest, and deliver no more results."""
        self._closed = True
        for lane, pool in self._lanes.items():
            if lane not in FINISHED_AT_SHUTDOWN:
                pool.clear()
        for pool in self._lanes.values():
            pool.waitForDone()
        self._pending.clear()  # their results are dropped: nothing is pending any more


class MainThreadCollector(QObject):
    """Python's cycle collector, run only on the UI thread (as Anki does).

    Left automatic, it can run on a pool thread and there free a Qt object that belongs to the
    UI thread, which crashes. So automatic collection is off while the window is open, and this
    timer collects on the UI thread instead; ``stop`` hands collection back to Python.
    """

    INTERVAL_MS = 1000

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._threshold = gc.get_threshold()[0]
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_if_needed)
        self._timer.start(self.INTERVAL_MS)

    def collect_if_needed(self) -> None:
        if gc.get_count()[0] >= self._threshold:
            gc.collect()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()
        gc.collect()
