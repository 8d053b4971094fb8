"""The first released schema: terms (with a fixed list of categories), translation memory,
post-edits and reading positions.

Revision ID: 0001
Revises:
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
        "terms",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("source_norm", sa.Text, nullable=False),
        sa.Column("search_text", sa.Text, nullable=False),
        sa.Column("category", sa.String(20), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("context", sa.Text, nullable=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("source_norm", "target", name="uq_terms_source_norm_target"),
        sa.CheckConstraint("category IN ('person', 'organization', 'title', 'place', 'other')",
                           name="ck_terms_category"),
    )
    op.create_index("ix_terms_source_norm", "terms", ["source_norm"])
    op.create_table(
        "translation_memory",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("model_id", sa.String(200), nullable=False),
        sa.Column("source_key", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("model_id", "source_key", name="uq_tm_model_source"),
    )
    op.create_table(
        "post_edits",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source_key", sa.Text, nullable=False, unique=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("path", sa.Text, nullable=False, unique=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("sentence_count", sa.Integer, nullable=False),
        sa.Column("opened_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    for table in ("documents", "post_edits", "translation_memory", "terms"):
        op.drop_table(table)
