"""A work-around for a reference-counting bug in PySide6 6.12 on Python 3.11.

Its bindings hand back ``None`` (from every method that returns nothing: ``setText``,
``show``, ``processEvents`` ...) and ``True`` (from ``Signal.emit``) without adding the
reference they give away, as if these objects were immortal, which they are only from Python
3.12 on. Each such call takes one reference away, and after a few thousand calls Python aborts
with "deallocating None" (or True). The app makes that many calls within minutes.

``install`` measures whether this PySide6 has the bug and, only then, gives ``None``, ``True``
and ``False`` so many extra references that they can never reach zero, which is what Python
3.12 does for them. It runs when ``ui`` is imported, before any other Qt call.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

PROBE_CALLS = 64
#: Far more calls than any run of the app makes (the bug costs one reference per call).
EXTRA_REFERENCES = 1 << 40


class _Probe(QObject):
    fired = Signal()


def references_lost() -> dict[str, int]:
    """References to None and True that PROBE_CALLS void calls and emits took away."""
    probe = _Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(PROBE_CALLS):
        probe.setObjectName("probe")
        probe.fired.emit()
    return {"None": none_before - sys.getrefcount(None), "True": true_before - sys.getrefcount(True)}


def _add_references(value: object, count: int) -> None:
    ctypes.c_ssize_t.from_address(id(value)).value += count  # ob_refcnt is a CPython object's first field


def install() -> bool:
    """Make None, True and False unkillable if this PySide6 needs it; True when it did."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False  # there they are immortal already
    lost = references_lost()
    if max(lost.values()) < PROBE_CALLS // 2:
        return False
    for value in (None, True, False):
        _add_references(value, EXTRA_REFERENCES)
    return True
