"""The initial schema: trainees, cohorts, scenario versions, sessions and turns.

Revision ID: 0001
Revises:
Create Date: 2024-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "trainees",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_trainees"),
        sa.UniqueConstraint("name", name="uq_trainees_name"),
    )
    op.create_table(
        "cohorts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_cohorts"),
        sa.UniqueConstraint("name", name="uq_cohorts_name"),
    )
    op.create_table(
        "scenario_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scenario_id", sa.String(64), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_scenario_versions"),
        sa.UniqueConstraint("scenario_id", "content_hash", name="uq_scenario_versions_scenario_id_content_hash"),
    )
    op.create_table(
        "practice_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("trainee_id", sa.Integer(), nullable=False),
        sa.Column("scenario_version_id", sa.Integer(), nullable=False),
        sa.Column("cohort_id", sa.Integer(), nullable=True),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("started", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=True),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("ending", sa.String(100), nullable=True),
        sa.Column("measures", sa.JSON(), nullable=True),
        sa.Column("breakdown", sa.JSON(), nullable=True),
        sa.CheckConstraint("status IN ('active', 'finished', 'discarded')", name="ck_practice_sessions_status"),
        sa.ForeignKeyConstraint(["trainee_id"], ["trainees.id"], name="fk_practice_sessions_trainee_id_trainees"),
        sa.ForeignKeyConstraint(["scenario_version_id"], ["scenario_versions.id"],
                                name="fk_practice_sessions_scenario_version_id_scenario_versions"),
        sa.ForeignKeyConstraint(["cohort_id"], ["cohorts.id"], ondelete="SET NULL",
                                name="fk_practice_sessions_cohort_id_cohorts"),
        sa.PrimaryKeyConstraint("id", name="pk_practice_sessions"),
        sa.UniqueConstraint("uuid", name="uq_practice_sessions_uuid"),
    )
    op.create_index("ix_practice_sessions_started", "practice_sessions", ["started"])
    op.create_index("ix_practice_sessions_trainee_started", "practice_sessions", ["trainee_id", "started"])
    op.create_index("ix_practice_sessions_scenario_version_started", "practice_sessions",
                    ["scenario_version_id", "started"])
    op.create_table(
        "turns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("turn_index", sa.Integer(), nullable=False),
        sa.Column("node", sa.String(100), nullable=False),
        sa.Column("salesperson", sa.Text(), nullable=False),
        sa.Column("reply", sa.Text(), nullable=False),
        sa.Column("label", sa.String(32), nullable=False),
        sa.Column("cue", sa.Text(), nullable=False),
        sa.Column("sentences", sa.JSON(), nullable=False),
        sa.Column("try_instead", sa.Text(), nullable=True),
        sa.Column("response", sa.Text(), nullable=False),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("think_ms", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(["session_id"], ["practice_sessions.id"], ondelete="CASCADE",
                                name="fk_turns_session_id_practice_sessions"),
        sa.PrimaryKeyConstraint("id", name="pk_turns"),
        sa.UniqueConstraint("session_id", "turn_index", name="uq_turns_session_id_turn_index"),
    )


def downgrade() -> None:
    op.drop_table("turns")
    op.drop_index("ix_practice_sessions_scenario_version_started", table_name="practice_sessions")
    op.drop_index("ix_practice_sessions_trainee_started", table_name="practice_sessions")
    op.drop_index("ix_practice_sessions_started", table_name="practice_sessions")
    op.drop_table("practice_sessions")
    op.drop_table("scenario_versions")
    op.drop_table("cohorts")
    op.drop_table("trainees")
