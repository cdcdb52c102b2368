"""The storage API the command line and the desktop app use: record, resume and read practice.

Every method opens its own short-lived database session and commits before returning, so a
reply passed to :meth:`SessionStore.record_turn` is on disk when the call returns, and the store
can be called from a worker thread. Results are plain dicts, ready for JSON (timestamps are
ISO 8601 strings in UTC).

A session stays ``active`` from start until it is finished or discarded; an active session that
is not being played (the process was killed, the window closed, the input ran out) is what the
app calls *interrupted*, and it can be resumed: the engine replays the stored replies with their
stored labels (``Session.restore``), so the salesperson says exactly what they said before.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid as uuid_module
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterator, Sequence

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session as OrmSession

from ..classify import Classification
from ..engine import ReplyRefused, Session, SessionResult, Turn as EngineTurn, stored_replies, stored_sentence, with_reading
from ..labels import ALL_LABELS
from ..scenario import Library, Scenario, content_hash
from ..scoring import Measures, compute_measures
from .database import Database
from .errors import SessionNotFound, StorageError
from .models import (
    STATUS_ACTIVE, STATUS_DISCARDED, STATUS_FINISHED, Cohort, PracticeSession, ScenarioVersion, Trainee, Turn,
    utcnow,
)

#: Ids per IN (...) list, well under every backend's parameter limit.
_CHUNK = 500
#: The session measures a trend line follows.
TREND_MEASURES = ("open_question_share", "ask_tell_ratio", "talk_ratio", "open_among_questions",
                  "reflection_to_question", "responsibility_kept", "judgments", "evoking_share", "own_part_share",
                  "sided_with_blame", "telling")


@dataclass(frozen=True)
class ResumedSession:
    """An interrupted session rebuilt and ready for the next reply."""

    session_id: int
    session: Session
    started: str
    #: Something the trainee should be told before going on (e.g. the scenario was edited), or None.
    notice: str | None = None


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start:start + _CHUNK]


def _shown_status(status: str) -> str:
    return "interrupted" if status == STATUS_ACTIVE else status


class SessionStore:
    """Records practice sessions reply by reply and reads history and trends back."""

    def __init__(self, database: Database) -> None:
        self.database = database

    # --- transactions -------------------------------------------------------------------------

    @contextmanager
    def _write(self, doing: str) -> Iterator[OrmSession]:
        try:
            with self.database.writer() as session, session.begin():
                yield session
        except StorageError:
            raise
        except (SQLAlchemyError, ValueError, OverflowError) as error:
            raise self._problem(error, doing) from None

    @contextmanager
    def _read(self, doing: str) -> Iterator[OrmSession]:
        try:
            with self.database.reader() as session, session.begin():
                yield session
        except StorageError:
            raise
        except (SQLAlchemyError, ValueError, OverflowError) as error:
            raise self._problem(error, doing) from None

    def _problem(self, error: BaseException, doing: str) -> StorageError:
        """A driver error in words; a stored value that no longer decodes (a JSON column with a
        damaged byte) or a number too large for a column is named as such, not shown as a traceback."""
        if isinstance(error, SQLAlchemyError):
            return self.database.storage_error(error, doing)
        if isinstance(error, json.JSONDecodeError):
            return StorageError(f"could not {doing}: a stored value in {self.database.where} is damaged "
                                f"and cannot be read ({error})")
        return StorageError(f"could not {doing}: {error}")

    # --- trainees, cohorts, scenario versions --------------------------------------------------

    @staticmethod
    def _get_or_create(session: OrmSession, model: type, lookup: dict[str, Any], **extra: Any) -> Any:
        """Find a row or add it; a concurrent insert of the same row (PostgreSQL) is tolerated."""
        query = select(model).filter_by(**lookup)
        found = session.scalars(query).first()
        if found is not None:
            return found
        try:
            with session.begin_nested():
                row = model(**lookup, **extra)
                session.add(row)
            return row
        except IntegrityError:
            return session.scalars(query).one()

    def get_or_create_trainee(self, name: str) -> int:
        """The id of the trainee called ``name``, added if new."""
        name = name.strip()
        if not name:
            raise ValueError("a trainee needs a name")
        with self._write("save the trainee") as session:
            return self._get_or_create(session, Trainee, {"name": name}).id

    def trainees(self) -> list[str]:
        """Every trainee's name, alphabetically."""
        with self._read("read the trainees") as session:
            return list(session.scalars(select(Trainee.name).order_by(Trainee.name)))

    # --- recording ----------------------------------------------------------------------------

    def start_session(self, trainee: str, scenario: Scenario, seed: int, cohort: str | None = None,
                      mode: str = "practice") -> int:
        """Record the start of a session and return its id (the trainee and cohort are added if new)."""
        trainee = trainee.strip()
        if not trainee:
            raise ValueError("a session needs a trainee name")
        with self._write("start the session") as session:
            trainee_row = self._get_or_create(session, Trainee, {"name": trainee})
            version = self._get_or_create(
                session, ScenarioVersion, {"scenario_id": scenario.id, "content_hash": content_hash(scenario)},
                title=scenario.title,
            )
            cohort_row = self._get_or_create(session, Cohort, {"name": cohort.strip()}) if cohort and cohort.strip() else None
            row = PracticeSession(
                uuid=str(uuid_module.uuid4()), trainee=trainee_row, scenario_version=version, cohort=cohort_row,
                seed=seed, started=utcnow(), status=STATUS_ACTIVE, mode=mode,
            )
            session.add(row)
            session.flush()
            return row.id

    @staticmethod
    def _turn_row(session_id: int, turn: EngineTurn, think_ms: float | None) -> Turn:
        return Turn(
            session_id=session_id, index=turn.index, node=turn.node, salesperson=turn.salesperson,
            reply=turn.reply, label=turn.label, cue=turn.cue, sentences=list(turn.sentences),
            try_instead=turn.try_instead, response=turn.response, state=dict(turn.state),
            created=utcnow(), think_ms=think_ms, reading=turn.reading, speech_seconds=turn.speech_seconds,
        )

    def _active_session(self, session: OrmSession, session_id: int, doing: str) -> PracticeSession:
        row = session.get(PracticeSession, session_id)
        if row is None:
            raise SessionNotFound(f"no session {session_id} in {self.database.where}")
        if row.status != STATUS_ACTIVE:
            raise StorageError(f"cannot {doing}: session {session_id} is already {row.status}")
        return row

    def record_turn(self, session_id: int, turn: EngineTurn, think_ms: float | None = None) -> None:
        """Save one reply; when this returns it is committed, so a crash afterwards keeps it."""
        with self._write("save the reply") as session:
            self._active_session(session, session_id, "save the reply")
            try:
                with session.begin_nested():
                    session.add(self._turn_row(session_id, turn, think_ms))
            except IntegrityError:
                raise StorageError(f"reply {turn.index + 1} of session {session_id} is already saved") from None

    def finish_session(self, session_id: int, result: SessionResult) -> None:
        """Mark the session finished with its outcome, score and measures (saving any unsaved reply)."""
        with self._write("finish the session") as session:
            row = self._active_session(session, session_id, "finish the session")
            saved = set(session.scalars(select(Turn.index).where(Turn.session_id == session_id)))
            for turn in result.turns:
                if turn.index not in saved:
                    session.add(self._turn_row(session_id, turn, None))
            row.status = STATUS_FINISHED
            row.ended = utcnow()
            row.outcome = result.outcome
            row.score = result.score.total
            row.ending = result.ending
            row.measures = result.measures.to_dict()
            row.breakdown = result.score.to_dict()["breakdown"]

    def set_self_rating(self, session_id: int, rating: int) -> None:
        """Keep the trainee's own rating (1-5: how much did I ask rather than tell) beside the measures."""
        if not 1 <= rating <= 5:
            raise ValueError(f"a self-rating is 1 to 5, not {rating}")
        with self._write("save the self-rating") as session:
            row = session.get(PracticeSession, session_id)
            if row is None:
                raise SessionNotFound(f"no session {session_id} in {self.database.where}")
            row.self_rating = rating

    def dispute_label(self, session_id: int, turn_index: int, label: str | None) -> None:
        """Keep the label the trainee says they meant for a reply ("I meant this as ..."); None withdraws it."""
        if label is not None and label not in ALL_LABELS:
            raise ValueError(f"no label {label!r}; the labels are {', '.join(ALL_LABELS)}")
        with self._write("save the disputed label") as session:
            row = session.scalars(select(Turn).where(Turn.session_id == session_id, Turn.index == turn_index)).first()
            if row is None:
                raise SessionNotFound(f"no reply {turn_index} in session {session_id} in {self.database.where}")
            row.disputed_label = label

    def disputed_turns(self) -> list[dict]:
        """Every disputed reply, newest first, with the line it answered, for trainers."""
        query = (select(Turn, PracticeSession.id, Trainee.name, ScenarioVersion.scenario_id)
                 .join(PracticeSession, Turn.session_id == PracticeSession.id)
                 .join(Trainee, PracticeSession.trainee_id == Trainee.id)
                 .join(ScenarioVersion, PracticeSession.scenario_version_id == ScenarioVersion.id)
                 .where(Turn.disputed_label.is_not(None)).order_by(Turn.created.desc(), Turn.id.desc()))
        with self._read("list the disputed replies") as session:
            return [{"session_id": session_id, "trainee": trainee, "scenario_id": scenario_id, "index": turn.index,
                     "salesperson": turn.salesperson, "reply": turn.reply, "label": turn.label, "cue": turn.cue,
                     "disputed_label": turn.disputed_label}
                    for turn, session_id, trainee, scenario_id in session.execute(query)]

    def discard_session(self, session_id: int) -> None:
        """Drop an interrupted session from history and from the resume offers (the rows are kept)."""
        with self._write("discard the session") as session:
            row = self._active_session(session, session_id, "discard the session")
            row.status = STATUS_DISCARDED
            row.ended = utcnow()

    # --- resuming -----------------------------------------------------------------------------

    def resume(self, session_id: int, library: Library) -> ResumedSession:
        """Rebuild an interrupted session from its stored replies, ready to go on.

        If the scenario file was edited since the session started, the session goes on with the
        new version only when its replies still replay to the very same lines; otherwise it
        cannot be resumed and the error says so.
        """
        with self._read("read the session") as session:
            row = self._active_session(session, session_id, "resume the session")
            version = row.scenario_version
            stored = list(session.scalars(select(Turn).where(Turn.session_id == session_id).order_by(Turn.index)))
            scenario_id, old_hash, seed, started = version.scenario_id, version.content_hash, row.seed, row.started
        try:
            scenario = library.get(scenario_id)
        except KeyError:
            raise StorageError(
                f"session {session_id} was played on scenario {scenario_id!r}, which is no longer installed; "
                "it cannot be resumed (discard it, or add the scenario's folder with --scenarios)"
            ) from None
        try:
            replies = [
                (turn.reply, with_reading(Classification(
                    turn.label, turn.cue, tuple(stored_sentence(s) for s in turn.sentences)),
                    turn.reading, turn.reply, turn.salesperson, scenario))
                for turn in stored
            ]
        except (KeyError, TypeError, AttributeError) as error:
            raise StorageError(f"session {session_id} cannot be resumed: its stored replies are damaged "
                               f"({type(error).__name__}: {error}); discard it and start again") from None
        changed = content_hash(scenario) != old_hash
        edited = (f"scenario {scenario_id!r} was edited after session {session_id} started "
                  f"(version {old_hash} then, {content_hash(scenario)} now)")
        try:
            rebuilt = Session.restore(scenario, seed, replies)
        except (KeyError, ValueError, ReplyRefused) as error:
            if changed:
                raise StorageError(f"{edited}, and its replies no longer fit it; it cannot be resumed. "
                                   "Discard it and start again.") from None
            raise StorageError(f"session {session_id} cannot be rebuilt from its stored replies ({error})") from None
        same_lines = len(rebuilt.turns) == len(stored) and all(
            (new.salesperson, new.response, new.node) == (old.salesperson, old.response, old.node)
            for new, old in zip(rebuilt.turns, stored)
        )
        notice = None
        if not same_lines:
            if changed:
                raise StorageError(f"{edited}, and its replies no longer replay the same way; it cannot be "
                                   "resumed. Discard it and start again.")
            raise StorageError(f"session {session_id} does not replay as it was recorded; it cannot be resumed")
        if changed:
            with self._write("move the session to the edited scenario") as session:
                row = self._active_session(session, session_id, "resume the session")
                row.scenario_version = self._get_or_create(
                    session, ScenarioVersion, {"scenario_id": scenario.id, "content_hash": content_hash(scenario)},
                    title=scenario.title,
                )
            notice = f"{edited}; the replies so far replay the same way, so it goes on with the edited version"
        if rebuilt.finished:  # killed after the last reply was saved but before the finish was
            self.finish_session(session_id, rebuilt.result())
            notice = ((notice + "; ") if notice else "") + "it had already reached its ending and is now finished"
        return ResumedSession(session_id, rebuilt, _iso(started), notice)

    # --- reading ------------------------------------------------------------------------------

    def _sessions(self, session: OrmSession, statuses: Sequence[str], trainee: str | None, scenario: str | None,
                  limit: int | None, newest_first: bool = True, session_id: int | None = None) -> list[dict]:
        order = (PracticeSession.started.desc(), PracticeSession.id.desc()) if newest_first else (
            PracticeSession.started, PracticeSession.id)
        query = (
            select(PracticeSession.id, PracticeSession.uuid, Trainee.name.label("trainee"),
                   ScenarioVersion.scenario_id, ScenarioVersion.title, ScenarioVersion.content_hash,
                   PracticeSession.started, PracticeSession.ended, PracticeSession.status, PracticeSession.outcome,
                   PracticeSession.score, PracticeSession.mode, PracticeSession.seed)
            .join(Trainee, PracticeSession.trainee_id == Trainee.id)
            .join(ScenarioVersion, PracticeSession.scenario_version_id == ScenarioVersion.id)
            .where(PracticeSession.status.in_(list(statuses)))
            .order_by(*order)
        )
        if trainee is not None:
            query = query.where(Trainee.name == trainee)
        if scenario is not None:
            query = query.where(ScenarioVersion.scenario_id == scenario)
        if session_id is not None:
            query = query.where(PracticeSession.id == session_id)
        if limit is not None:
            query = query.limit(limit)
        return [
            {"id": row.id, "uuid": row.uuid, "trainee": row.trainee, "scenario": row.scenario_id,
             "scenario_title": row.title, "scenario_version": row.content_hash, "started": _iso(row.started),
             "ended": _iso(row.ended), "status": _shown_status(row.status), "outcome": row.outcome,
             "score": row.score, "mode": row.mode, "seed": row.seed}
            for row in session.execute(query)
        ]

    @staticmethod
    def _add_turn_counts(session: OrmSession, items: list[dict]) -> None:
        counts: dict[int, int] = {}
        ids = [item["id"] for item in items]
        for chunk in _chunks(ids):
            query = (select(Turn.session_id, func.count()).where(Turn.session_id.in_(chunk))
                     .group_by(Turn.session_id))
            counts.update({session_id: count for session_id, count in session.execute(query)})
        for item in items:
            item["turn_count"] = counts.get(item["id"], 0)

    @staticmethod
    def _add_turns(session: OrmSession, items: list[dict], detailed: bool = False) -> None:
        columns = [Turn.session_id, Turn.index.label("turn_index"), Turn.salesperson, Turn.reply, Turn.label, Turn.cue,
                   Turn.try_instead, Turn.response, Turn.think_ms]
        if detailed:
            columns += [Turn.node, Turn.sentences, Turn.state, Turn.created, Turn.reading, Turn.disputed_label,
                        Turn.speech_seconds]
        by_session: dict[int, list[dict]] = {item["id"]: [] for item in items}
        for chunk in _chunks(list(by_session)):
            query = select(*columns).where(Turn.session_id.in_(chunk)).order_by(Turn.session_id, Turn.index)
            for row in session.execute(query):
                turn = {"index": row.turn_index, "salesperson": row.salesperson, "reply": row.reply,
                        "label": row.label, "cue": row.cue, "try_instead": row.try_instead,
                        "response": row.response, "think_ms": row.think_ms}
                if detailed:
                    turn.update(node=row.node, sentences=row.sentences, state=row.state, created=_iso(row.created),
                                reading=row.reading, disputed_label=row.disputed_label,
                                speech_seconds=row.speech_seconds)
                by_session[row.session_id].append(turn)
        for item in items:
            item["turns"] = by_session[item["id"]]
            item["turn_count"] = len(item["turns"])

    def history(self, trainee: str | None = None, scenario: str | None = None, limit: int | None = None,
                with_turns: bool = True) -> list[dict]:
        """Finished and interrupted sessions, newest first (discarded ones are left out).

        Each has id, uuid, trainee, scenario, scenario_title, scenario_version, started, ended,
        status ('finished' or 'interrupted'), outcome, score, mode, seed, turn_count and, unless
        ``with_turns`` is false, turns (index, salesperson, reply, label, cue, try_instead,
        response, think_ms).
        """
        with self._read("read the history") as session:
            items = self._sessions(session, (STATUS_FINISHED, STATUS_ACTIVE), trainee, scenario, limit)
            if with_turns:
                self._add_turns(session, items)
            else:
                self._add_turn_counts(session, items)
            return items

    def interrupted_sessions(self, trainee: str | None = None, scenario: str | None = None) -> list[dict]:
        """Sessions started and never finished or discarded, the most recently played first (with
        turn counts).

        "Most recently played" goes by the order the replies were written (the turns' row ids),
        never by the clock, which may have been set back: the session whose last reply was saved
        last comes first; sessions without replies follow, the one started last first.
        """
        with self._read("look for interrupted sessions") as session:
            items = self._sessions(session, (STATUS_ACTIVE,), trainee, scenario, None)
            self._add_turn_counts(session, items)
            last_write: dict[int, int] = {}
            for chunk in _chunks([item["id"] for item in items]):
                query = (select(Turn.session_id, func.max(Turn.id)).where(Turn.session_id.in_(chunk))
                         .group_by(Turn.session_id))
                last_write.update({session_id: turn_id for session_id, turn_id in session.execute(query)})
            items.sort(key=lambda item: (last_write.get(item["id"], -1), item["id"]), reverse=True)
            return items

    def trends(self, trainee: str | None = None) -> list[dict]:
        """Finished sessions oldest first with score and the key measures, for a progress chart."""
        with self._read("read the trends") as session:
            query = (
                select(PracticeSession.id, PracticeSession.started, PracticeSession.score,
                       PracticeSession.outcome, PracticeSession.measures, ScenarioVersion.scenario_id)
                .join(ScenarioVersion, PracticeSession.scenario_version_id == ScenarioVersion.id)
                .where(PracticeSession.status == STATUS_FINISHED)
                .order_by(PracticeSession.started, PracticeSession.id)
            )
            if trainee is not None:
                query = query.join(Trainee, PracticeSession.trainee_id == Trainee.id).where(Trainee.name == trainee)
            points = []
            for row in session.execute(query):
                measures = row.measures or {}
                point = {"id": row.id, "started": _iso(row.started), "scenario": row.scenario_id,
                         "score": row.score, "outcome": row.outcome}
                if "own_part_share" not in measures:  # stored before the second axis: fill in what is missing
                    measures = {**(self._recomputed_measures(session, row.id) or {}), **measures}
                known = Measures.from_stored(measures)
                point.update({name: getattr(known, name) for name in TREND_MEASURES} if known else
                             {name: None for name in TREND_MEASURES})
                points.append(point)
            return points

    @staticmethod
    def _recomputed_measures(session: OrmSession, session_id: int) -> dict | None:
        """The measures of a session stored by an older version, recomputed from its replies."""
        rows = session.execute(select(Turn.reply, Turn.label, Turn.salesperson, Turn.response, Turn.reading,
                                      Turn.speech_seconds).where(Turn.session_id == session_id)
                               .order_by(Turn.index)).all()
        if not rows:
            return None
        turns = [{"reply": r.reply, "label": r.label, "salesperson": r.salesperson, "reading": r.reading,
                  "speech_seconds": r.speech_seconds} for r in rows]
        try:
            replies = stored_replies(turns)
            said = [rows[0].salesperson] + [r.response for r in rows]
            return compute_measures(replies, said).to_dict()
        except (ValueError, TypeError):  # a damaged row: keep what was stored
            return None

    def session_detail(self, session_id: int) -> dict:
        """Everything stored about one session (any status), for a report or an export."""
        with self._read("read the session") as session:
            row = session.get(PracticeSession, session_id)
            if row is None:
                raise SessionNotFound(f"no session {session_id} in {self.database.where}")
            detail = self._sessions(session, (row.status,), None, None, None, session_id=session_id)[0]
            detail.update(
                ending=row.ending, measures=row.measures, breakdown=row.breakdown,
                cohort=row.cohort.name if row.cohort else None, self_rating=row.self_rating, notes=row.notes,
            )
            self._add_turns(session, [detail], detailed=True)
            return detail

    # --- exchange between machines (export, import, cohorts) -----------------------------------

    def finished_sessions_detail(self, trainee: str) -> list[dict]:
        """Every finished session of one trainee with all it stored, oldest first, for an export."""
        with self._read("read the sessions to export") as session:
            ids = list(session.scalars(
                select(PracticeSession.id).join(Trainee, PracticeSession.trainee_id == Trainee.id)
                .where(Trainee.name == trainee, PracticeSession.status == STATUS_FINISHED)
                .order_by(PracticeSession.started, PracticeSession.id)
            ))
        return [self.session_detail(session_id) for session_id in ids]

    def import_sessions(self, trainee_sessions: Sequence[tuple[str, dict]], cohort: str,
                        cohort_date: dt.date | None = None) -> tuple[int, int]:
        """Add finished sessions made elsewhere, in one transaction; returns (added, already here).

        Each item is (trainee name, session dict in the shape of :meth:`session_detail`, with
        timestamps as datetimes). A session whose uuid is already stored is not copied again, so
        importing the same file twice adds nothing; if it belongs to no cohort yet (practised
        straight into a shared database, say) it joins this one.
        """
        cohort = cohort.strip()
        if not cohort:
            raise ValueError("an import needs a cohort name")
        added = skipped = 0
        with self._write("import the sessions") as session:
            cohort_row = self._get_or_create(session, Cohort, {"name": cohort})
            if cohort_date is not None:
                cohort_row.date = cohort_date
            uuids = [item["uuid"] for _, item in trainee_sessions]
            known: set[str] = set()
            for start in range(0, len(uuids), _CHUNK):
                present = session.scalars(
                    select(PracticeSession).where(PracticeSession.uuid.in_(uuids[start:start + _CHUNK]))).all()
                for row in present:
                    known.add(row.uuid)
                    if row.cohort_id is None:
                        row.cohort = cohort_row
            for trainee, item in trainee_sessions:
                if item["uuid"] in known:
                    skipped += 1
                    continue
                known.add(item["uuid"])
                trainee_row = self._get_or_create(session, Trainee, {"name": trainee})
                version = self._get_or_create(
                    session, ScenarioVersion,
                    {"scenario_id": item["scenario"], "content_hash": item["scenario_version"]},
                    title=item["scenario_title"],
                )
                row = PracticeSession(
                    uuid=item["uuid"], trainee=trainee_row, scenario_version=version, cohort=cohort_row,
                    seed=item["seed"], started=item["started"], ended=item["ended"], status=STATUS_FINISHED,
                    outcome=item["outcome"], score=item["score"], ending=item["ending"], measures=item["measures"],
                    breakdown=item["breakdown"], mode=item["mode"], self_rating=item.get("self_rating"),
                    notes=item.get("notes"),
                )
                row.turns = [
                    Turn(index=turn["index"], node=turn["node"], salesperson=turn["salesperson"],
                         reply=turn["reply"], label=turn["label"], cue=turn["cue"], sentences=turn["sentences"],
                         try_instead=turn["try_instead"], response=turn["response"], state=turn["state"],
                         created=turn["created"], think_ms=turn.get("think_ms"), reading=turn.get("reading"),
                         disputed_label=turn.get("disputed_label"), speech_seconds=turn.get("speech_seconds"))
                    for turn in item["turns"]
                ]
                session.add(row)
                added += 1
        return added, skipped

    def cohorts(self) -> list[dict]:
        """Every cohort with its date (ISO or None) and number of finished sessions, by name."""
        with self._read("read the cohorts") as session:
            query = (
                select(Cohort.name, Cohort.date, func.count(PracticeSession.id))
                .outerjoin(PracticeSession, (PracticeSession.cohort_id == Cohort.id)
                           & (PracticeSession.status == STATUS_FINISHED))
                .group_by(Cohort.id, Cohort.name, Cohort.date).order_by(Cohort.name)
            )
            return [{"name": name, "date": date.isoformat() if date else None, "sessions": count}
                    for name, date, count in session.execute(query)]

    def cohort_sessions(self, cohort: str) -> list[dict]:
        """A cohort's finished sessions (trainee, score, the label of every reply), for its report."""
        with self._read("read the cohort") as session:
            query = (
                select(PracticeSession.id, Trainee.name, PracticeSession.score)
                .join(Trainee, PracticeSession.trainee_id == Trainee.id)
                .join(Cohort, PracticeSession.cohort_id == Cohort.id)
                .where(Cohort.name == cohort, PracticeSession.status == STATUS_FINISHED)
                .order_by(Trainee.name, PracticeSession.started, PracticeSession.id)
            )
            items = [{"id": row.id, "trainee": row.name, "score": row.score, "labels": []}
                     for row in session.execute(query)]
            by_id = {item["id"]: item for item in items}
            for chunk in _chunks(list(by_id)):
                for session_id, label in session.execute(
                        select(Turn.session_id, Turn.label).where(Turn.session_id.in_(chunk))
                        .order_by(Turn.session_id, Turn.index)):
                    by_id[session_id]["labels"].append(label)
            return items
