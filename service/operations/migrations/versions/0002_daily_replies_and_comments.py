"""Replies per day by kind (the dashboard's counts), and an optional comment on a rating.

`daily_replies` holds one row per UTC day and reply kind (service/operations/daily.py).
`feedback.comment` is nullable, so every rating stored before it stays valid and clients that send
no comment are unaffected.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "daily_replies",
        sa.Column("day", sa.String(10), primary_key=True),
        sa.Column("kind", sa.String(16), primary_key=True),
        sa.Column("count", sa.Integer, nullable=False),
    )
    with op.batch_alter_table("feedback") as batch:
        batch.add_column(sa.Column("comment", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("feedback") as batch:
        batch.drop_column("comment")
    op.drop_table("daily_replies")
