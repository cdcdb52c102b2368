"""A turn's second-axis reading, a disputed label, and speaking time.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02

``reading`` holds what the classifier and the salesperson made of a reply beyond its label
(focus, siding, confidence, the facts the answer revealed); ``disputed_label`` the label the
trainee says they meant; ``speech_seconds`` how long a spoken reply took. All nullable: turns
recorded before stay as they were, and their reading is recomputed from the reply when needed.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("turns", sa.Column("reading", sa.JSON(), nullable=True))
    op.add_column("turns", sa.Column("disputed_label", sa.String(32), nullable=True))
    op.add_column("turns", sa.Column("speech_seconds", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("turns") as batch:
        batch.drop_column("speech_seconds")
        batch.drop_column("disputed_label")
        batch.drop_column("reading")
