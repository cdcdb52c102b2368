"""Session mode (practice, drill, rehearsal), self-rating and notes; the date of a cohort.

Revision ID: 0002
Revises: 0001
Create Date: 2024-11-22

Plain ADD COLUMNs: every new column is nullable or has a server default, so existing rows stay
as they were and SQLite needs no table copy.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("practice_sessions",
                  sa.Column("mode", sa.String(32), nullable=False, server_default="practice"))
    op.add_column("practice_sessions", sa.Column("self_rating", sa.Integer(), nullable=True))
    op.add_column("practice_sessions", sa.Column("notes", sa.Text(), nullable=True))
    op.add_column("cohorts", sa.Column("date", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cohorts") as batch:
        batch.drop_column("date")
    with op.batch_alter_table("practice_sessions") as batch:
        batch.drop_column("notes")
        batch.drop_column("self_rating")
        batch.drop_column("mode")
