"""User-defined categories: a categories table, and no fixed list on terms.category.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_TERMS = sa.Table(
    "terms", sa.MetaData(),
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
    sa.Index("ix_terms_source_norm", "source_norm"),
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite cannot drop a CHECK constraint: the table is copied without it, rows and ids kept.
        with op.batch_alter_table("terms", recreate="always", copy_from=_TERMS):
            pass
    else:
        op.drop_constraint("ck_terms_category", "terms", type_="check")
    op.create_table(
        "categories",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("colour", sa.String(9), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("categories")
