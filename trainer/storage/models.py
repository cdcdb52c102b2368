"""The stored shape of practice: trainees, cohorts, scenario versions, sessions and turns.

These models describe the newest schema; the migrations in ``migrations/versions`` build it step
by step, and a test checks the two agree. A session points at the *version* of the scenario it
was played on (id plus content hash), so editing a scenario file later never changes what history
says was played.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON, CheckConstraint, Date, DateTime, Float, ForeignKey, Index, Integer, MetaData, String, Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

#: Deterministic constraint names, the same on SQLite and PostgreSQL and in the migrations.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

STATUS_ACTIVE = "active"  # being played, or interrupted (killed, closed, stopped before an ending)
STATUS_FINISHED = "finished"
STATUS_DISCARDED = "discarded"  # the trainee chose to drop an interrupted session; kept, hidden
STATUSES = (STATUS_ACTIVE, STATUS_FINISHED, STATUS_DISCARDED)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class UTCDateTime(TypeDecorator):
    """A timezone-aware UTC timestamp on every backend.

    SQLite has no time zones: values are stored as naive UTC text (which sorts in time order,
    so the indexes on ``started`` work) and come back marked as UTC.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware (use UTC)")
        value = value.astimezone(dt.timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.timezone.utc)
        return value.astimezone(dt.timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON, dt.datetime: UTCDateTime}


class Trainee(Base):
    __tablename__ = "trainees"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created: Mapped[dt.datetime] = mapped_column(default=utcnow)

    sessions: Mapped[list[PracticeSession]] = relationship(back_populates="trainee")


class Cohort(Base):
    """A group a trainer runs together (a workshop, an intake); sessions may belong to one."""

    __tablename__ = "cohorts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    date: Mapped[dt.date | None] = mapped_column(Date)  # added in migration 0002


class ScenarioVersion(Base):
    """One content version of a scenario, identified by the hash of its content."""

    __tablename__ = "scenario_versions"
    __table_args__ = (UniqueConstraint("scenario_id", "content_hash"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scenario_id: Mapped[str] = mapped_column(String(64))
    content_hash: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(300))


class PracticeSession(Base):
    __tablename__ = "practice_sessions"
    __table_args__ = (
        CheckConstraint(f"status IN {STATUSES!r}", name="status"),
        Index("ix_practice_sessions_started", "started"),
        Index("ix_practice_sessions_trainee_started", "trainee_id", "started"),
        Index("ix_practice_sessions_scenario_version_started", "scenario_version_id", "started"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: Stable across databases: export/import uses it to recognise a session it already has.
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    trainee_id: Mapped[int] = mapped_column(ForeignKey("trainees.id"))
    scenario_version_id: Mapped[int] = mapped_column(ForeignKey("scenario_versions.id"))
    cohort_id: Mapped[int | None] = mapped_column(ForeignKey("cohorts.id", ondelete="SET NULL"))
    seed: Mapped[int] = mapped_column(Integer)
    started: Mapped[dt.datetime] = mapped_column(default=utcnow)
    ended: Mapped[dt.datetime | None] = mapped_column()
    status: Mapped[str] = mapped_column(String(16), default=STATUS_ACTIVE)
    outcome: Mapped[str | None] = mapped_column(String(16))
    score: Mapped[int | None] = mapped_column(Integer)
    ending: Mapped[str | None] = mapped_column(String(100))
    measures: Mapped[dict[str, Any] | None] = mapped_column()
    breakdown: Mapped[list[Any] | None] = mapped_column()
    # Added in migration 0002.
    mode: Mapped[str] = mapped_column(String(32), default="practice", server_default="practice")
    self_rating: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)

    trainee: Mapped[Trainee] = relationship(back_populates="sessions")
    scenario_version: Mapped[ScenarioVersion] = relationship()
    cohort: Mapped[Cohort | None] = relationship()
    turns: Mapped[list[Turn]] = relationship(
        back_populates="session", order_by="Turn.index", cascade="all, delete-orphan", passive_deletes=True,
    )


class Turn(Base):
    """One manager reply with everything shown for it: the line it answered, label, cue, reaction."""

    __tablename__ = "turns"
    __table_args__ = (UniqueConstraint("session_id", "turn_index"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("practice_sessions.id", ondelete="CASCADE"))
    index: Mapped[int] = mapped_column("turn_index", Integer)
    node: Mapped[str] = mapped_column(String(100))
    salesperson: Mapped[str] = mapped_column(Text)
    reply: Mapped[str] = mapped_column(Text)
    label: Mapped[str] = mapped_column(String(32))
    cue: Mapped[str] = mapped_column(Text)
    sentences: Mapped[list[Any]] = mapped_column()
    try_instead: Mapped[str | None] = mapped_column(Text)
    response: Mapped[str] = mapped_column(Text)
    state: Mapped[dict[str, Any]] = mapped_column()
    created: Mapped[dt.datetime] = mapped_column(default=utcnow)
    #: How long the trainee took to reply, from the salesperson's line to the reply (if known).
    think_ms: Mapped[float | None] = mapped_column(Float)
    # Added in migration 0003.
    #: Focus, siding, confidence and revealed facts (``engine.Turn.reading``); None for older turns.
    reading: Mapped[dict[str, Any] | None] = mapped_column()
    #: The label the trainee says they meant ("I meant this as ..."), if they disputed the chip.
    disputed_label: Mapped[str | None] = mapped_column(String(32))
    #: Seconds of speech when the reply was spoken, None when typed.
    speech_seconds: Mapped[float | None] = mapped_column(Float)

    session: Mapped[PracticeSession] = relationship(back_populates="turns")
