"""Subject field and part of speech as fields of a term (TBX's ``subjectField`` and
``partOfSpeech``), where earlier imports kept them in the note.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

#: How imports before this revision labelled the two in the note ("…; subject field: x").
LABELS = {"subject field: ": "subject", "part of speech: ": "pos"}


def split_note(note: str) -> tuple[str, dict[str, str]]:
    """The note without its labelled parts, and those parts by field."""
    kept: list[str] = []
    found: dict[str, str] = {}
    for part in note.split("; "):
        label = next((lab for lab in LABELS if part.startswith(lab)), None)
        if label is not None and LABELS[label] not in found and part[len(label):].strip():
            found[LABELS[label]] = part[len(label):].strip()
        else:
            kept.append(part)
    return "; ".join(kept), found


def upgrade() -> None:
    with op.batch_alter_table("terms") as batch:
        batch.add_column(sa.Column("subject", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("pos", sa.String(40), nullable=False, server_default=""))
    terms = sa.table("terms", sa.column("id", sa.Integer), sa.column("note", sa.Text),
                     sa.column("subject", sa.Text), sa.column("pos", sa.String))
    connection = op.get_bind()
    rows = connection.execute(sa.select(terms.c.id, terms.c.note).where(
        sa.or_(terms.c.note.like("%subject field: %"), terms.c.note.like("%part of speech: %")))).all()
    for term_id, note in rows:
        rest, found = split_note(note)
        if found:
            connection.execute(terms.update().where(terms.c.id == term_id)
                               .values(note=rest, **found))


def downgrade() -> None:
    with op.batch_alter_table("terms") as batch:
        batch.drop_column("pos")
        batch.drop_column("subject")
