"""Ask, Don't Tell: a desktop practice trainer for sales managers' coaching one-on-ones.

Installed, this one package holds the whole app: ``ask_dont_tell.trainer`` (the core, free of Qt),
``ask_dont_tell.ui`` (the desktop app), and the data packages ``ask_dont_tell.scenarios`` and
``ask_dont_tell.assets``, read with ``importlib.resources``. In a checkout the same parts are the
top-level folders ``trainer/``, ``ui/``, ``scenarios/`` and ``assets/``: this package then also
looks for its parts in the checkout's root, so the same names work from both. Code always imports
them by these names (``tools/repackage.py`` rewrites any other form).
"""

from pathlib import Path as _Path

_HERE = _Path(__file__).resolve().parent
if not (_HERE / "trainer").is_dir() and (_HERE.parent / "trainer" / "__init__.py").is_file():
    __path__.append(str(_HERE.parent))  # a checkout: trainer/, ui/, ... sit beside this folder
