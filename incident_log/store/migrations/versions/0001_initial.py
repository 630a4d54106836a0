"""The first vault schema: incidents, the append-only entry log, full-text index, drafts.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

PERSON_FIELDS = "('by', 'to', 'speaker', 'person', 'with', 'decided_by', 'about', 'key')"


def upgrade() -> None:
    op.execute("CREATE TABLE vault_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
    op.execute(
        """
        CREATE TABLE incident (
            id TEXT PRIMARY KEY,
            ref TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            type TEXT NOT NULL,
            location TEXT NOT NULL,
            opened_at TEXT NOT NULL,
            exercise INTEGER NOT NULL,
            created_at TEXT NOT NULL
        )
        """
    )
    op.execute(
        """
        CREATE TABLE entry (
            rowid INTEGER PRIMARY KEY,
            incident_id TEXT NOT NULL REFERENCES incident(id),
            seq INTEGER NOT NULL CHECK (seq >= 1),
            kind TEXT NOT NULL,
            occurred_at TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            author TEXT NOT NULL,
            text TEXT NOT NULL,
            fields TEXT NOT NULL,
            refs INTEGER,
            delay_reason TEXT,
            origin TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL,
            UNIQUE (incident_id, seq)
        )
        """
    )
    op.execute("CREATE INDEX entry_by_kind ON entry (incident_id, kind, seq)")
    op.execute("CREATE INDEX entry_by_ref ON entry (incident_id, refs)")
    op.execute("CREATE INDEX entry_by_time ON entry (incident_id, occurred_at)")
    # The log is evidence: entries and incidents are never changed or removed.
    for table in ("entry", "incident"):
        op.execute(
            f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} rows are append-only'); END"
        )
        op.execute(
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} rows are append-only'); END"
        )
    # Which people each entry names: the timeline's person filter.
    op.execute(
        "CREATE TABLE entry_person (incident_id TEXT NOT NULL, seq INTEGER NOT NULL, person_key TEXT NOT NULL)"
    )
    op.execute("CREATE INDEX entry_person_by_key ON entry_person (incident_id, person_key, seq)")
    # Full-text search inside the encrypted file (FTS5, external content: the text is stored once).
    op.execute(
        "CREATE VIRTUAL TABLE entry_fts USING fts5(text, fields, content='', contentless_delete=0, "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute(
        f"""
        CREATE TRIGGER entry_after_insert AFTER INSERT ON entry BEGIN
            INSERT INTO entry_fts (rowid, text, fields)
            VALUES (
                new.rowid,
                new.text || CASE WHEN new.delay_reason IS NULL THEN '' ELSE ' ' || new.delay_reason END,
                (SELECT coalesce(group_concat(value, ' '), '') FROM json_tree(new.fields) WHERE type = 'text')
            );
            INSERT INTO entry_person (incident_id, seq, person_key)
            SELECT new.incident_id, new.seq, value FROM json_each(new.fields)
            WHERE key IN {PERSON_FIELDS} AND type = 'text';
        END
        """
    )
    op.execute(
        """
        CREATE TABLE draft (
            incident_id TEXT NOT NULL,
            slot TEXT NOT NULL,
            content TEXT NOT NULL,
            saved_at TEXT NOT NULL,
            PRIMARY KEY (incident_id, slot)
        )
        """
    )


def downgrade() -> None:
    raise RuntimeError("Incident Log vaults are never downgraded")
