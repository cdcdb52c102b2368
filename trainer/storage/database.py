"""Opening the database: where it lives, checking it is ours, and migrating it to this version.

Default: a SQLite file ``trainer.db`` in the user's data folder (platformdirs), which
``TRAINER_DATA_DIR`` replaces; ``TRAINER_DATABASE_URL`` or an explicit URL selects any other
database, e.g. ``postgresql+psycopg://user:pw@host/db`` for a team's shared server.

Before anything is written, an existing SQLite file is checked read-only (without creating
``-wal``/``-shm`` files beside it): a file that is not a SQLite database, a database of another
program, or one written by a newer version of the app is refused with a ``StorageError`` naming
the file, and the file is left exactly as it was. Migrations then run under a lock (SQLite:
``BEGIN IMMEDIATE``; PostgreSQL: an advisory lock), so several processes opening one fresh
database at once migrate it once.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import sqlite3
import time
from contextlib import closing
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from ..safeio import JOURNAL_SUFFIXES, is_special_file, protect
from .errors import RefusedDatabase, StorageError

APP_NAME = "ask-dont-tell"
DATABASE_FILE_NAME = "trainer.db"
ENV_DATA_DIR = "TRAINER_DATA_DIR"
ENV_DATABASE_URL = "TRAINER_DATABASE_URL"
#: How long a writer waits for another process holding the SQLite write lock.
BUSY_TIMEOUT_MS = 10_000
SQLITE_HEADER = b"SQLite format 3\x00"
#: The app's tables; a database holding any of them without an alembic_version is not ours.
APP_TABLES = frozenset({"trainees", "cohorts", "scenario_versions", "practice_sessions", "turns"})
#: Key of the PostgreSQL advisory lock held while checking and migrating the schema.
MIGRATION_LOCK_KEY = 0x41_44_54_31  # "ADT1"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


# --- where ------------------------------------------------------------------------------------


def default_data_dir() -> Path:
    """The folder holding ``trainer.db``: ``TRAINER_DATA_DIR`` or the user's data folder."""
    override = os.environ.get(ENV_DATA_DIR, "").strip()
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def resolve_url(url: str | None = None) -> str:
    """The database to use: the explicit URL, else ``TRAINER_DATABASE_URL``, else the default file."""
    chosen = (url or "").strip() or os.environ.get(ENV_DATABASE_URL, "").strip()
    if chosen:
        return chosen
    return "sqlite:///" + str((default_data_dir() / DATABASE_FILE_NAME).absolute())


def describe(url: URL) -> str:
    """How messages name a database: the file for SQLite, the URL without password otherwise."""
    if url.get_backend_name() == "sqlite":
        return str(_sqlite_path(url) or "an in-memory SQLite database")
    return url.render_as_string(hide_password=True)


def _sqlite_path(url: URL) -> Path | None:
    database = url.database or ""
    if database in ("", ":memory:") or database.startswith("file:") or url.query.get("mode") == "memory":
        return None
    return Path(database).expanduser().absolute()


# --- migrations -------------------------------------------------------------------------------


def alembic_config(connection: Connection | None = None) -> Any:
    """An Alembic config pointing at the migrations inside the package (no alembic.ini needed)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@lru_cache(maxsize=1)
def known_revisions() -> tuple[frozenset[str], str]:
    """Every revision this version of the app knows, and the newest (head)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return frozenset(rev.revision for rev in script.walk_revisions()), script.get_current_head()


def _newer_version_error(where: str, found: set[str]) -> StorageError:
    _, head = known_revisions()
    return RefusedDatabase(
        f"{where} was written by a newer version of Ask, Don't Tell (database revision "
        f"{', '.join(sorted(found))}; this version knows up to {head}). It was not changed. "
        "Update the app, or choose another database with --database or TRAINER_DATABASE_URL.",
        Path(where),
    )


def _foreign_database_error(where: str) -> StorageError:
    return RefusedDatabase(
        f"{where} is a database of another program (it has tables but no Ask, Don't Tell schema "
        "version). It was not changed. Choose another file with --database or TRAINER_DATA_DIR.",
        Path(where),
    )


# --- checking an existing SQLite file without changing it --------------------------------------


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not ours or is from a newer version, without modifying it.

    Reads the 16-byte header, then opens the file read-only and runs SQLite's quick integrity
    check (which also reads every page: a damaged one is found before anything is written). A
    WAL-mode file whose ``-wal`` file
    is absent is opened as immutable, because even a read-only connection would otherwise
    create ``-wal`` and ``-shm`` files beside it.
    """
    if path.is_dir():
        raise StorageError(f"{path} is a folder, not a database file")
    check_companions(path)
    try:
        with path.open("rb") as file:
            header = file.read(100)
    except OSError as error:
        raise StorageError(f"cannot read the database {path}: {error.strerror or error}") from None
    if not header:
        return  # an empty file is what SQLite itself creates for a new database
    if not header.startswith(SQLITE_HEADER) or len(header) < 100:
        raise RefusedDatabase(
            f"{path} is not a SQLite database (it does not start with the SQLite header). "
            "It was not changed. Choose another file with --database or TRAINER_DATA_DIR.",
            path,
        )
    wal_mode = header[18] == 2 or header[19] == 2
    wal_file = path.with_name(path.name + "-wal")
    parameters = "immutable=1" if wal_mode and not wal_file.exists() else "mode=ro"
    uri = f"file:{quote(str(path))}?{parameters}"
    try:
        with closing(sqlite3.connect(uri, uri=True)) as connection:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            revisions = (
                {row[0] for row in connection.execute("SELECT version_num FROM alembic_version")}
                if "alembic_version" in tables else set()
            )
            columns = {table: frozenset(row[1] for row in connection.execute(f"PRAGMA table_info({_quoted(table)})"))
                       for table in tables if not table.startswith("sqlite_")}
            # a damaged page deeper in the file passes the reads above; writing to it would spread the damage
            verdict = connection.execute("PRAGMA quick_check(1)").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise RefusedDatabase(f"{path} is not a usable SQLite database ({error}). It was not changed.", path) from None
    if verdict != "ok":
        raise RefusedDatabase(f"{path} is damaged (SQLite's check found: {verdict}). It was not changed.", path)
    known, _ = known_revisions()
    if revisions - known:
        if not APP_TABLES <= set(columns):
            raise _foreign_database_error(str(path))
        raise _newer_version_error(str(path), revisions - known)
    if not revisions and set(columns) - {"alembic_version"}:
        raise _foreign_database_error(str(path))
    if revisions and (len(revisions) != 1 or columns != expected_schema(next(iter(revisions)))):
        raise _foreign_database_error(str(path))


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@lru_cache(maxsize=None)
def expected_schema(revision: str) -> dict[str, frozenset[str]]:
    """Every table of this app's database at ``revision`` (alembic_version included) with its columns.

    The newest revision's schema comes from the models; an older one's is built by running the
    migrations up to it on an in-memory database (only when such a database is opened).
    """
    _, head = known_revisions()
    if revision == head:
        from .models import Base

        schema = {table.name: frozenset(column.name for column in table.columns)
                  for table in Base.metadata.sorted_tables}
        return {**schema, "alembic_version": frozenset({"version_num"})}
    from alembic import command

    engine = create_engine("sqlite://")
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), revision)
            inspector = inspect(connection)
            return {table: frozenset(column["name"] for column in inspector.get_columns(table))
                    for table in inspector.get_table_names()}
    finally:
        engine.dispose()


def check_companions(path: Path) -> None:
    """Refuse at once a database whose file or journal files are pipes, sockets or devices
    (opening a pipe would wait forever)."""
    for suffix in JOURNAL_SUFFIXES:
        companion = path.with_name(path.name + suffix)
        if is_special_file(companion):
            raise RefusedDatabase(f"{companion} is not a regular file (a pipe, socket or device), so {path} "
                                  "cannot be used as a database. It was not changed.", path)


def move_aside(path: Path) -> Path:
    """Rename a refused database (and its -wal/-shm/-journal files) so a fresh one can start.

    Nothing is deleted: the file keeps its bytes under a name that says when it was set aside.
    Returns the new path of the main file.
    """
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.set-aside-{stamp}")
    try:
        for suffix in JOURNAL_SUFFIXES[1:]:
            sibling = path.with_name(path.name + suffix)
            if sibling.exists():
                sibling.rename(target.with_name(target.name + suffix))
        path.rename(target)
    except OSError as error:
        raise StorageError(f"could not move {path} aside: {error.strerror or error}") from None
    return target


def _prepare_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StorageError(
            f"cannot create the data folder {folder}: {error.strerror or error}. "
            f"Set {ENV_DATA_DIR} to a writable folder, or choose a database with --database."
        ) from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StorageError(
            f"the data folder {folder} is read-only, so practice cannot be saved there. "
            f"Set {ENV_DATA_DIR} to a writable folder, or choose a database with --database."
        )


# --- the database -----------------------------------------------------------------------------


@dataclass
class Database:
    """An open, migrated database: one engine for the process, short-lived ORM sessions from it.

    Safe to share between threads: each call to :meth:`reader` or :meth:`writer` gives a new
    session. On SQLite, writers start with ``BEGIN IMMEDIATE`` so a write waits for the lock
    (up to the busy timeout) instead of failing when another process wrote in between.
    """

    engine: Engine
    where: str
    path: Path | None = None
    _writer: sessionmaker = field(init=False, repr=False)
    _reader: sessionmaker = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._writer = sessionmaker(self.engine, expire_on_commit=False)
        self._reader = sessionmaker(self.engine.execution_options(sqlite_begin="DEFERRED"), expire_on_commit=False)

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    def writer(self) -> Session:
        return self._writer()

    def reader(self) -> Session:
        return self._reader()

    def storage_error(self, error: BaseException, doing: str = "use") -> StorageError:
        """Rephrase a driver error as a message a user can act on, naming the database."""
        original = getattr(error, "orig", None) or error
        text = (str(original).strip().splitlines() or [type(original).__name__])[0]
        lowered = text.lower()
        if ("disk is full" in lowered or "no space left" in lowered or "database or disk is full" in lowered
                or ("disk i/o error" in lowered and self._disk_nearly_full())):
            hint = f"the disk holding {self.where} is full; free some space and try again"
        elif "readonly" in lowered or "read-only" in lowered or "permission denied" in lowered:
            hint = f"{self.where} is read-only, so practice cannot be saved there"
        elif "unable to open" in lowered:
            hint = f"{self.where} cannot be opened (is its folder missing or read-only?)"
        elif "locked" in lowered or "busy" in lowered:
            hint = (f"{self.where} stayed locked by another program for over "
                    f"{BUSY_TIMEOUT_MS // 1000} s; try again")
        elif "not a database" in lowered or "malformed" in lowered:
            hint = f"{self.where} is damaged or not a SQLite database"
        elif self.backend != "sqlite" and ("connect" in lowered or "server" in lowered or "password" in lowered):
            hint = f"cannot reach the database server {self.where}"
        else:
            hint = f"the database {self.where} reported an error"
        return StorageError(f"could not {doing} practice data: {hint} ({text})")

    def _disk_nearly_full(self) -> bool:
        """SQLite reports a full disk while creating its journal files as a plain I/O error."""
        if self.path is None:
            return False
        try:
            return shutil.disk_usage(self.path.parent).free < 1024 * 1024
        except OSError:
            return False

    def migrate(self) -> None:
        """Check the schema version under the migration lock and upgrade to the newest."""
        from alembic import command
        from alembic.runtime.migration import MigrationContext

        known, head = known_revisions()
        with self.engine.connect() as connection, connection.begin():
            if self.backend == "postgresql":
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_KEY})")
            current = set(MigrationContext.configure(connection).get_current_heads())
            if current - known:
                raise _newer_version_error(self.where, current - known)
            if not current:
                tables = set(inspect(connection).get_table_names())
                foreign = tables - {"alembic_version"} if self.backend == "sqlite" else tables & APP_TABLES
                if foreign:
                    raise _foreign_database_error(self.where)
            if current != {head}:
                command.upgrade(alembic_config(connection), "head")

    def close(self) -> None:
        """Close every pooled connection (SQLite then folds the -wal file back into the database)."""
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _enter_wal_mode(cursor: sqlite3.Cursor) -> None:
    """Switch to WAL, retrying while another process switches the same fresh file.

    Two connections converting a new rollback-journal file at once deadlock on its lock, and
    SQLite then answers "database is locked" at once instead of calling the busy handler; the
    loser simply tries again (the winner's switch is then a no-op) within the usual busy timeout.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error).lower() or time.monotonic() >= deadline:
                raise
            time.sleep(random.uniform(0.005, 0.05))  # jitter, so racing processes do not collide again


def _install_sqlite_settings(engine: Engine) -> None:
    """WAL, busy timeout, foreign keys and full sync on every connection; explicit BEGINs.

    The sqlite3 module's own transaction handling is switched off (``isolation_level = None``)
    and SQLAlchemy's ``begin`` emits the BEGIN, as the SQLAlchemy documentation recommends, so
    DDL is transactional and writers can take the write lock up front with BEGIN IMMEDIATE.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA foreign_keys = ON")
            _enter_wal_mode(cursor)
            cursor.execute("PRAGMA synchronous = FULL")  # a committed reply survives a power cut
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "IMMEDIATE")
        connection.exec_driver_sql(f"BEGIN {mode}")


def open_database(url: str | None = None, migrate: bool = True) -> Database:
    """Open (creating if needed) and migrate the database; raise StorageError if it cannot be used.

    Open one per process and share it; it is safe to use from worker threads.
    """
    target = resolve_url(url)
    try:
        parsed = make_url(target)
    except ArgumentError:
        raise StorageError(
            f"{target!r} is not a database URL (expected e.g. sqlite:///path/trainer.db or "
            "postgresql+psycopg://user:password@host/database)"
        ) from None
    where = describe(parsed)
    path: Path | None = None
    options: dict[str, Any] = {"pool_pre_ping": True}
    if parsed.get_backend_name() == "sqlite":
        path = _sqlite_path(parsed)
        if path is not None:
            _prepare_folder(path.parent)
            if os.path.lexists(path):
                check_sqlite_file(path)
            else:
                check_companions(path)
            protect(path)
            parsed = parsed.set(database=str(path))
        options["connect_args"] = {"timeout": BUSY_TIMEOUT_MS / 1000}
    try:
        engine = create_engine(parsed, **options)
    except NoSuchModuleError:
        raise StorageError(f"no database driver for {where}: SQLite and PostgreSQL are supported") from None
    except ModuleNotFoundError as error:
        hint = " (pip install 'ask-dont-tell[postgres]')" if parsed.get_backend_name() == "postgresql" else ""
        raise StorageError(f"the driver for {where} is not installed: {error.name}{hint}") from None
    if engine.dialect.name == "sqlite":
        _install_sqlite_settings(engine)
    database = Database(engine, where, path)
    if migrate:
        try:
            database.migrate()
        except StorageError:
            database.close()
            raise
        except (DBAPIError, SQLAlchemyError, OSError) as error:
            database.close()
            raise database.storage_error(error, "open") from None
    return database
