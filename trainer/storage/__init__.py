"""Where practice is kept: trainees, sessions and every reply, in SQLite or PostgreSQL.

Use it as::

    from ask_dont_tell.trainer.storage import open_database, SessionStore

    db = open_database()            # or open_database("postgresql+psycopg://...")
    store = SessionStore(db)
    session_id = store.start_session("Ana", scenario, seed=0)
    store.record_turn(session_id, turn)       # durable as soon as it returns
    store.finish_session(session_id, result)

The names are loaded lazily so that importing ``trainer.storage.errors`` (which the command line
does for every command) does not import SQLAlchemy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import RefusedDatabase, SessionNotFound, StorageError

if TYPE_CHECKING:  # pragma: no cover
    from .database import Database, default_data_dir, move_aside, open_database, resolve_url
    from .repository import ResumedSession, SessionStore

__all__ = [
    "Database", "RefusedDatabase", "ResumedSession", "SessionNotFound", "SessionStore", "StorageError",
    "default_data_dir", "move_aside", "open_database", "resolve_url",
]

_LAZY = {
    "Database": "database", "default_data_dir": "database", "open_database": "database",
    "resolve_url": "database", "move_aside": "database", "SessionStore": "repository", "ResumedSession": "repository",
}


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"{__name__}.{module_name}"), name)
    globals()[name] = value
    return value
