"""The PySide6 desktop app: a thin layer over the trainer core."""

from .qtfix import install as _install_reference_fix

_install_reference_fix()  # before any other Qt call: see qtfix.py
