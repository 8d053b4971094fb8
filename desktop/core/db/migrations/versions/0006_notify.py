"""Team glossaries: PostgreSQL tells every connected Tarjuman which terms changed (LISTEN /
NOTIFY), from triggers in the same transaction as the change. Nothing on SQLite (a glossary
file has no triggers: Tarjuman refuses files that do).

One notification per statement, on the channel ``tarjuman_terms``: ``{"op": "I"|"U"|"D",
"ids": [...]}`` for terms (``"ids": null`` when a statement changed more than 500: read them
all again), ``{"op": "C"}`` for categories.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

CHANNEL = "tarjuman_terms"

FUNCTION = f"""
CREATE OR REPLACE FUNCTION tarjuman_notify_terms() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
BEGIN
    SELECT array_agg(id) INTO ids FROM (SELECT id FROM changed_rows LIMIT 501) AS c;
    IF ids IS NULL THEN
        RETURN NULL;
    END IF;
    PERFORM pg_notify('{CHANNEL}', json_build_object(
        'op', left(TG_OP, 1),
        'ids', CASE WHEN array_length(ids, 1) > 500 THEN NULL ELSE to_json(ids) END)::text);
    RETURN NULL;
END $$;
"""

CATEGORIES = f"""
CREATE OR REPLACE FUNCTION tarjuman_notify_categories() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('{CHANNEL}', '{{"op": "C"}}');
    RETURN NULL;
END $$;
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(FUNCTION)
    op.execute(CATEGORIES)
    for event, table in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
        op.execute(f"CREATE TRIGGER tarjuman_terms_{event.lower()} AFTER {event} ON terms "
                   f"REFERENCING {table} TABLE AS changed_rows "
                   "FOR EACH STATEMENT EXECUTE FUNCTION tarjuman_notify_terms()")
    op.execute("CREATE TRIGGER tarjuman_categories AFTER INSERT OR UPDATE OR DELETE ON categories "
               "FOR EACH STATEMENT EXECUTE FUNCTION tarjuman_notify_categories()")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for event in ("insert", "update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS tarjuman_terms_{event} ON terms")
    op.execute("DROP TRIGGER IF EXISTS tarjuman_categories ON categories")
    op.execute("DROP FUNCTION IF EXISTS tarjuman_notify_terms()")
    op.execute("DROP FUNCTION IF EXISTS tarjuman_notify_categories()")
