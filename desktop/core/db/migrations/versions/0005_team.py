"""Team glossaries: a version on each term (optimistic concurrency: an edit of a term changed
since it was shown is a conflict, not a lost update), and who added and last changed it.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("terms") as batch:
        batch.add_column(sa.Column("version", sa.Integer, nullable=False, server_default="1"))
        batch.add_column(sa.Column("created_by", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("changed_by", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("terms") as batch:
        batch.drop_column("changed_by")
        batch.drop_column("created_by")
        batch.drop_column("version")
