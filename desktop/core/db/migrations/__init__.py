"""Alembic migrations of the glossary database (run from code by ``desktop.core.db.migrate``)."""
