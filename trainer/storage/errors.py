"""Storage errors, kept in a module that imports nothing heavy.

The command line catches ``StorageError`` around every command; importing it must not pull in
SQLAlchemy, so that ``classify`` stays fast.
"""

from __future__ import annotations


class StorageError(Exception):
    """A problem with the database the user can act on; the message says what and where."""


class SessionNotFound(StorageError):
    """No session with the given id (or it belongs to another database)."""
