"""Fill the full-text index after the commit, not inside it.

The loggist waits on record(); the FTS5 insert (and its segment merges) was the largest part of
a durable commit and the whole of its slow tail. The index is derived data: it is now brought up
to date before every search and in idle time, so search results are unchanged. Also drops two
indexes every commit paid for: one no query used (refs), one only the rarely used time-range
filter used (a range scan of 100,000 entries costs it tens of milliseconds instead).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

PERSON_FIELDS = "('by', 'to', 'speaker', 'person', 'with', 'decided_by', 'about', 'key')"


def upgrade() -> None:
    op.execute("DROP TRIGGER entry_after_insert")
    op.execute(
        f"""
        CREATE TRIGGER entry_after_insert AFTER INSERT ON entry BEGIN
            INSERT INTO entry_person (incident_id, seq, person_key)
            SELECT new.incident_id, new.seq, value FROM json_each(new.fields)
            WHERE key IN {PERSON_FIELDS} AND type = 'text';
        END
        """
    )
    op.execute("DROP INDEX entry_by_ref")
    op.execute("DROP INDEX entry_by_time")
    # Every entry written so far was indexed by the old trigger.
    op.execute(
        "INSERT INTO vault_meta (name, value) SELECT 'fts_indexed_upto', CAST(coalesce(max(rowid), 0) AS TEXT) FROM entry"
    )


def downgrade() -> None:
    raise RuntimeError("Incident Log vaults are never downgraded")
