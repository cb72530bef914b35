"""Records: unanswered and low-confidence questions, ratings, per-entry hit counts.

The `feedback` table may already exist, made by the stdlib-sqlite3 store this layer replaced,
with the same columns; it is kept as it is (and its ratings with it).

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    if "feedback" not in existing:
        op.create_table(
            "feedback",
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("session_id", sa.Text, nullable=False),
            sa.Column("entry_id", sa.Text),
            sa.Column("message", sa.Text, nullable=False),
            sa.Column("rating", sa.Text, nullable=False),
            sa.Column("created", sa.Float, nullable=False),
            sa.CheckConstraint("rating IN ('up', 'down')", name="feedback_rating"),
        )
    op.create_table(
        "questions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("created", sa.Float, nullable=False),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("session_id", sa.Text, nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("best_entry_id", sa.Text),
    )
    op.create_index("questions_created", "questions", ["created"])
    op.create_table(
        "entry_hits",
        sa.Column("entry_id", sa.Text, primary_key=True),
        sa.Column("hits", sa.Integer, nullable=False),
        sa.Column("last_hit", sa.Float, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("entry_hits")
    op.drop_index("questions_created", table_name="questions")
    op.drop_table("questions")
