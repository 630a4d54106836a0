"""Table definitions the repository queries through (SQLAlchemy Core).

The tables themselves, their triggers and the full-text index are created by the Alembic
migrations in ``migrations/versions``; these objects only describe them for queries.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Integer, MetaData, Table, Text

metadata = MetaData()

meta = Table(
    "vault_meta",
    metadata,
    Column("name", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

incident = Table(
    "incident",
    metadata,
    Column("id", Text, primary_key=True),
    Column("ref", Text, nullable=False, unique=True),
    Column("title", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("location", Text, nullable=False),
    Column("opened_at", Text, nullable=False),
    Column("exercise", Boolean, nullable=False),
    Column("created_at", Text, nullable=False),
)

entry = Table(
    "entry",
    metadata,
    Column("rowid", Integer, primary_key=True),
    Column("incident_id", Text, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("kind", Text, nullable=False),
    Column("occurred_at", Text, nullable=False),
    Column("recorded_at", Text, nullable=False),
    Column("author", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("fields", Text, nullable=False),
    Column("refs", Integer),
    Column("delay_reason", Text),
    Column("origin", Text, nullable=False),
    Column("prev_hash", Text, nullable=False),
    Column("hash", Text, nullable=False),
)

entry_person = Table(
    "entry_person",
    metadata,
    Column("incident_id", Text, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("person_key", Text, nullable=False),
)

draft = Table(
    "draft",
    metadata,
    Column("incident_id", Text, primary_key=True),
    Column("slot", Text, primary_key=True),
    Column("content", Text, nullable=False),
    Column("saved_at", Text, nullable=False),
)
