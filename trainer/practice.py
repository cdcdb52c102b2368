"""The one practice loop: start or resume a session, take replies, end or discard it.

``PracticeRun`` keeps the engine's session and its record in the database in step, so the CLI's
``rehearse`` and the app's practice and retry screens cannot disagree about when a reply is saved
or how a session ends:

- a reply is saved the moment it is taken (``take``), or, where the caller must not wait on the
  database (the app's UI thread), the moment the caller runs ``save`` on its storage lane; the
  reply is never shown as answered before it is queued to be saved;
- ``end`` saves anything not yet saved, then finishes the session when it has replies and
  discards it when it has none;
- without a store (``store=None``) nothing is recorded: a retry of one moment, a drill.

Qt-free: the app calls these methods on its own threads; the CLI calls them directly.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .classify import Classification
from .engine import MAX_REPLY_CHARS, ReplyRefused, Session, SessionResult, Turn
from .scenario import Library, Scenario

if TYPE_CHECKING:
    from .storage import SessionStore

__all__ = ["PracticeRun", "RunEnd", "MAX_REPLY_CHARS", "ReplyRefused"]


@dataclass(frozen=True)
class RunEnd:
    """How a run ended: finished with a result, or discarded because it had no reply."""

    session_id: int | None
    result: SessionResult | None
    discarded: bool


@dataclass
class PracticeRun:
    session: Session
    store: "SessionStore | None" = None
    session_id: int | None = None
    trainee: str = ""
    mode: str = "practice"
    cohort: str | None = None
    notice: str | None = None   # said when a resumed session moved to an edited scenario
    started: str | None = None  # when a resumed session was first started
    _unsaved: list[tuple[Turn, float | None]] = field(default_factory=list, repr=False)
    _ended: RunEnd | None = field(default=None, repr=False)

    # --- starting -------------------------------------------------------------------------------

    @classmethod
    def new(cls, scenario: Scenario, store: "SessionStore | None", trainee: str, seed: int | None = None,
            mode: str = "practice", cohort: str | None = None, record_now: bool = True) -> "PracticeRun":
        """A fresh session. With ``record_now`` false the caller runs ``begin`` itself (on its storage
        lane); replies taken before that are saved once it has run."""
        session = Session(scenario, seed=random.randrange(1_000_000) if seed is None else seed)
        run = cls(session, store, None, trainee, mode, cohort)
        if record_now:
            run.begin()
        return run

    def begin(self) -> int | None:
        """Record the start of the session (once); returns its id."""
        if self.store is not None and self.session_id is None:
            self.session_id = self.store.start_session(self.trainee, self.session.scenario, self.session.seed,
                                                       cohort=self.cohort, mode=self.mode)
        return self.session_id

    @classmethod
    def resume(cls, store: "SessionStore", session_id: int, library: Library, trainee: str = "") -> "PracticeRun":
        """Go on with an interrupted session, rebuilt from its stored replies."""
        resumed = store.resume(session_id, library)
        run = cls(resumed.session, store, resumed.session_id, trainee, notice=resumed.notice,
                  started=resumed.started)
        if resumed.session.finished:  # resume() has recorded the finish
            run._ended = RunEnd(session_id, resumed.session.result(), False)
        return run

    @classmethod
    def replay(cls, scenario: Scenario, seed: int, replies: list[tuple[str, Classification]]) -> "PracticeRun":
        """A session rebuilt from replies and their readings, recorded nowhere (a retry)."""
        return cls(Session.restore(scenario, seed, replies))

    # --- replies --------------------------------------------------------------------------------

    @property
    def scenario(self) -> Scenario:
        return self.session.scenario

    @property
    def finished(self) -> bool:
        return self.session.finished

    @property
    def line(self) -> str:
        """The salesperson's line the next reply answers."""
        return self.session.current_line

    def read(self, text: str) -> Classification:
        """Classify a reply in this scenario's terms (pure: any thread)."""
        return self.session.classify(text)

    def apply(self, text: str, classification: Classification | None = None, think_ms: float | None = None,
              speech_seconds: float | None = None) -> Turn:
        """Move the salesperson for this reply and queue it to be saved (``save``)."""
        if self._ended is not None and not self.session.finished:
            raise ReplyRefused("the session has ended")
        turn = self.session.apply(text, classification or self.read(text), speech_seconds)
        self._unsaved.append((turn, think_ms))
        return turn

    def save(self) -> None:
        """Write every queued reply; when this returns they are committed."""
        if self.store is None:
            self._unsaved.clear()
            return
        self.begin()
        while self._unsaved:
            turn, think_ms = self._unsaved[0]
            self.store.record_turn(self.session_id, turn, think_ms)
            self._unsaved.pop(0)

    def take(self, text: str, classification: Classification | None = None, think_ms: float | None = None,
             speech_seconds: float | None = None) -> Turn:
        """Apply a reply and save it at once (callers that may wait on the database)."""
        turn = self.apply(text, classification, think_ms, speech_seconds)
        self.save()
        return turn

    # --- ending ---------------------------------------------------------------------------------

    def result(self) -> SessionResult:
        return self.session.result()

    def end(self) -> RunEnd:
        """Save what is queued, then finish the session (with replies) or discard it (without)."""
        if self._ended is not None:
            return self._ended
        if not self.session.turns:
            self.discard()
            return self._ended  # type: ignore[return-value]
        self.save()
        result = self.session.result()
        if self.store is not None:
            self.store.finish_session(self.session_id, result)
        self._ended = RunEnd(self.session_id, result, False)
        return self._ended

    def discard(self) -> RunEnd:
        """Drop the session from history and from the resume offers."""
        self._unsaved.clear()
        if self.store is not None and self.session_id is not None:
            self.store.discard_session(self.session_id)
        self._ended = RunEnd(self.session_id, None, True)
        return self._ended
