"""What every screen shares: the task manager, the voice, settings, scenarios and the store.

The window appears first; the scenarios, the settings file and the database are loaded in the
background right after (``load``), and the screens fill in when the signals say they are ready.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QObject, Signal

from .audio import SpeechService
from .preferences import FILE_NAME, Preferences
from .tasks import TaskManager

if TYPE_CHECKING:
    from ask_dont_tell.trainer.profiles import Profiles
    from ask_dont_tell.trainer.scenario import Library, Scenario
    from ask_dont_tell.trainer.storage import SessionStore


@dataclass(frozen=True)
class Startup:
    data_dir: Path
    prefs: Preferences
    library: "Library"
    profiles: "Profiles"
    #: The login name capitalised, as versions before profiles named the trainee by themselves.
    login_title: str = ""


def load_startup() -> Startup:
    """Settings and scenarios, read off the UI thread; also warms the classifier."""
    from ask_dont_tell.trainer.profiles import Profiles, system_user_name
    from ask_dont_tell.trainer.storage import default_data_dir

    data_dir = default_data_dir()
    prefs = Preferences.load(data_dir / FILE_NAME)
    profiles = Profiles.load(data_dir)
    library = load_scenarios(prefs.scenarios_folder)
    import ask_dont_tell.trainer.engine  # noqa: F401 - compiles the classifier now, not at the first reply
    from ask_dont_tell.trainer.classify import warm_up

    warm_up()  # the word models counted now, so the first reply is not kept waiting

    return Startup(data_dir, prefs, library, profiles, system_user_name().title())


def load_scenarios(folder: str) -> "Library":
    from ask_dont_tell.trainer.scenario import load_library

    return load_library([folder] if folder else [])


def open_store() -> "SessionStore":
    """Open (creating and migrating on a fresh machine) the database; raises StorageError."""
    from ask_dont_tell.trainer.storage import SessionStore, open_database

    return SessionStore(open_database())


class AppContext(QObject):
    """Shared state and services; signals tell the screens when something changed."""

    library_changed = Signal()
    storage_changed = Signal()
    #: Sessions were added, finished or discarded: history, best scores and "Continue" refresh.
    history_changed = Signal()
    prefs_changed = Signal()
    trainee_changed = Signal()
    #: No profile yet on this machine (a first start): the window asks the user's name.
    name_needed = Signal()
    #: A message the user should read (one line; shown in the notice bar).
    notice = Signal(str)
    #: The database file was refused and left untouched: (message, path). The window offers to
    #: move it aside and start afresh.
    database_refused = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = TaskManager(self)
        self.speech = SpeechService(self.tasks, self)
        self.prefs = Preferences()
        self.data_dir: Path | None = None
        self.library: Library | None = None
        self.store: SessionStore | None = None
        self.storage_problem = ""
        self.trainee = ""
        self.profiles: Profiles | None = None
        self._closed = False
        self.speech.notice.connect(self.notice)
        self.tasks.error.connect(self.notice)

    # --- loading ------------------------------------------------------------------------------

    def load(self) -> None:
        """Load settings, scenarios and the database in the background."""
        self.tasks.run(load_startup, self._loaded, self._load_failed)

    def _loaded(self, startup: Startup) -> None:
        self.data_dir = startup.data_dir
        self.prefs = startup.prefs
        self.profiles = startup.profiles
        if not self.profiles.current and self.prefs.trainee:  # settings from before profiles
            if self.prefs.trainee == startup.login_title:
                # the login name an older version chose by itself ("Root"): ask the real name, and
                # keep that one in the list, so the practice recorded under it stays in reach
                from ask_dont_tell.trainer.profiles import Profiles

                self.profiles = Profiles((self.prefs.trainee,), "")
            else:
                self.set_trainee(self.prefs.trainee)
        self._configure_speech()
        self.prefs_changed.emit()
        self._set_library(startup.library)
        self.tasks.run(open_store, self._store_opened, self._store_failed, lane="storage")
        if self.prefs.voice_on:
            self.speech.start()
        if not self.profiles.current:
            self.name_needed.emit()

    def _load_failed(self, error: BaseException) -> None:
        self.notice.emit(f"The scenarios could not be loaded: {error}")

    def _set_library(self, library: "Library") -> None:
        self.library = library
        if library.problems:
            first = library.problems[0]
            more = f" (and {len(library.problems) - 1} more)" if len(library.problems) > 1 else ""
            self.notice.emit(f"Skipped a scenario file with a problem: {first}{more}")
        self.library_changed.emit()

    def reload_scenarios(self) -> None:
        folder = self.prefs.scenarios_folder
        self.tasks.run(lambda: load_scenarios(folder), self._set_library, self._load_failed)

    def _store_opened(self, store: "SessionStore") -> None:
        self.store = store
        self.storage_problem = ""
        self.storage_changed.emit()
        if self.profiles is not None and self.profiles.current:
            self.set_trainee(self.profiles.current)

    def _store_failed(self, error: BaseException) -> None:
        from ask_dont_tell.trainer.storage import RefusedDatabase

        self.storage_problem = str(error)
        if isinstance(error, RefusedDatabase):
            self.database_refused.emit(f"Practice will not be saved this time: {error}", str(error.path))
        else:
            self.notice.emit(f"Practice will not be saved this time: {error}")
        if self.profiles is not None and self.profiles.current:
            self.set_trainee(self.profiles.current)
        self.storage_changed.emit()

    def move_database_aside(self, path: str) -> None:
        """Rename the refused file (never delete it) and open a fresh database in its place."""
        from ask_dont_tell.trainer.storage import move_aside

        def move_and_open() -> tuple[Path, "SessionStore"]:
            return move_aside(Path(path)), open_store()

        def opened(result: tuple[Path, "SessionStore"]) -> None:
            moved, store = result
            self.notice.emit(f"The old file was kept as {moved.name}; a fresh database was started.")
            self._store_opened(store)

        self.tasks.run(move_and_open, opened, self._store_failed, lane="storage")

    # --- helpers for screens ------------------------------------------------------------------

    def in_storage(self, work: Callable[["SessionStore"], Any], done: Callable[[Any], None] | None = None,
                   failed: Callable[[BaseException], None] | None = None) -> bool:
        """Run ``work(store)`` in the storage lane; False (and nothing runs) without a store."""
        store = self.store
        if store is None:
            return False
        self.tasks.run(lambda: work(store), done, failed or self._storage_error, lane="storage")
        return True

    def _storage_error(self, error: BaseException) -> None:
        self.notice.emit(f"Could not save or read practice data: {error}")

    def profile_names(self) -> list[str]:
        """The profiles practising on this machine (imported participants are in cohorts, not here)."""
        return list(self.profiles.names) if self.profiles is not None else []

    def set_trainee(self, name: str) -> None:
        """Practise as ``name`` (a new name becomes a profile); the command line follows."""
        from ask_dont_tell.trainer.profiles import Profiles, clean_name

        name = clean_name(name)
        if not name:
            return
        changed = name != self.trainee
        self.trainee = name
        profiles = (self.profiles or Profiles()).with_current(name)
        if profiles != self.profiles:
            self.profiles = profiles
            if self.data_dir is not None:
                folder = self.data_dir
                self.tasks.run(lambda: profiles.save(folder), lane="storage")
        if self.prefs.trainee != name:
            self.update_prefs(trainee=name)
        if self.store is not None:
            self.in_storage(lambda store: store.get_or_create_trainee(name))
        if changed:
            self.trainee_changed.emit()

    def update_prefs(self, **changes: Any) -> None:
        """Change settings, apply them, and save the file in the background."""
        self.prefs = replace(self.prefs, **changes)
        self._configure_speech()
        if self.data_dir is not None:
            snapshot, path = self.prefs, self.data_dir / FILE_NAME
            self.tasks.run(lambda: snapshot.save(path), lane="storage")
        self.prefs_changed.emit()

    def _configure_speech(self) -> None:
        self.speech.configure(self.prefs.voice_on, self.prefs.speech_rate, self.prefs.persona_voices)

    def voice_id_for(self, scenario: "Scenario") -> str | None:
        return self.prefs.persona_voices.get(scenario.id) or None

    def close(self) -> None:
        """Finish saving, stop background work and the speech worker, close the database."""
        if self._closed:
            return
        self._closed = True
        self.tasks.shutdown()
        self.speech.close()
        if self.store is not None:
            self.store.database.close()
