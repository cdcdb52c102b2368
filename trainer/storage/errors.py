"""Storage errors, kept in a module that imports nothing heavy.

The command line catches ``StorageError`` around every command; importing it must not pull in
SQLAlchemy, so that ``classify`` stays fast.
"""

from __future__ import annotations

from pathlib import Path


class StorageError(Exception):
    """A problem with the database the user can act on; the message says what and where."""


class RefusedDatabase(StorageError):
    """An existing database file was refused (not ours, damaged, or from a newer version).

    ``path`` is the refused file, which was left untouched; the app offers to move it aside.
    """

    def __init__(self, message: str, path: "Path") -> None:
        super().__init__(message)
        self.path = path


class SessionNotFound(StorageError):
    """No session with the given id (or it belongs to another database)."""
