"""Learners' vocabulary: word statuses by lemma, study cards scheduled with FSRS, the review log.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "vocabulary",
        sa.Column("lemma_id", sa.String(80), primary_key=True),
        sa.Column("lemma", sa.Text, nullable=False),
        sa.Column("word", sa.Text, nullable=False),
        sa.Column("gloss", sa.Text, nullable=False),
        sa.Column("romanized", sa.Text, nullable=False),
        sa.Column("status", sa.Integer, nullable=False),
        sa.Column("context", sa.Text, nullable=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("first_seen", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_vocabulary_status", "vocabulary", ["status"])
    op.create_table(
        "study_cards",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("key", sa.String(80), nullable=False),
        sa.Column("card", sa.Text, nullable=False),
        sa.Column("due", sa.DateTime, nullable=False),
        sa.UniqueConstraint("kind", "key", name="uq_study_cards_kind_key"),
    )
    op.create_index("ix_study_cards_due", "study_cards", ["due"])
    op.create_table(
        "review_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("card_id", sa.Integer, nullable=False),
        sa.Column("rating", sa.Integer, nullable=False),
        sa.Column("reviewed_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_review_log_card_id", "review_log", ["card_id"])


def downgrade() -> None:
    op.drop_table("review_log")
    op.drop_table("study_cards")
    op.drop_table("vocabulary")
