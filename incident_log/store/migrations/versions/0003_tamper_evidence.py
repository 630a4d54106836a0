"""Tamper evidence for the incident itself: entry #0, the clock warning, the zone, the ledger.

- ``entry`` is rebuilt (SQLite cannot change a CHECK constraint in place) so an incident's
  opening entry can be #0, and gains ``clock_back`` (the clock warning, covered by the hash).
  Rows keep their rowids, so the search index stays valid.
- ``incident`` gains ``time_zone`` (IANA). Incidents from before this version get the machine's
  zone at the upgrade.
- ``incident_ledger``: the vault's hash-chained list of incidents (domain/chain.py). Every
  incident already in the vault is entered as ``adopted``, with its details and its log's head at
  the upgrade: from then on a change of its details, of those entries, or its deletion is
  reported by verify. What happened to it before the upgrade cannot be proven after the fact.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from alembic import op
from sqlalchemy import text

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

PERSON_FIELDS = "('by', 'to', 'speaker', 'person', 'with', 'decided_by', 'about', 'key')"
COLUMNS = (
    "rowid, incident_id, seq, kind, occurred_at, recorded_at, author, text, fields, refs, delay_reason, "
    "origin, prev_hash, hash"
)


def _append_only(table: str) -> None:
    op.execute(
        f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{table} rows are append-only'); END"
    )
    op.execute(
        f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{table} rows are append-only'); END"
    )


def upgrade() -> None:
    op.execute(
        """
        CREATE TABLE entry_new (
            rowid INTEGER PRIMARY KEY,
            incident_id TEXT NOT NULL REFERENCES incident(id),
            seq INTEGER NOT NULL CHECK (seq >= 0),
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
            clock_back INTEGER,
            UNIQUE (incident_id, seq)
        )
        """
    )
    op.execute(f"INSERT INTO entry_new ({COLUMNS}) SELECT {COLUMNS} FROM entry")
    for trigger in ("entry_no_update", "entry_no_delete", "entry_after_insert"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE entry")
    op.execute("ALTER TABLE entry_new RENAME TO entry")
    op.execute("CREATE INDEX entry_by_kind ON entry (incident_id, kind, seq)")
    _append_only("entry")
    op.execute(
        f"""
        CREATE TRIGGER entry_after_insert AFTER INSERT ON entry BEGIN
            INSERT INTO entry_person (incident_id, seq, person_key)
            SELECT new.incident_id, new.seq, value FROM json_each(new.fields)
            WHERE key IN {PERSON_FIELDS} AND type = 'text';
        END
        """
    )

    op.execute("ALTER TABLE incident ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC'")
    op.execute(
        """
        CREATE TABLE incident_ledger (
            seq INTEGER PRIMARY KEY CHECK (seq >= 1),
            event TEXT NOT NULL,
            incident_id TEXT NOT NULL,
            ref TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            opening TEXT,
            details TEXT,
            head TEXT,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        )
        """
    )
    _append_only("incident_ledger")
    _adopt_existing_incidents()


def _adopt_existing_incidents() -> None:
    # Imported here: the rules of the chain are the program's contract, the same in every version.
    from incident_log.domain.chain import new_ledger_record
    from incident_log.domain.entry import iso_utc, parse_iso, utc_now
    from incident_log.domain.zones import machine_zone
    from incident_log.store.ledger import insert_record

    connection = op.get_bind()
    rows = connection.execute(
        text("SELECT id, ref, title, type, location, opened_at, exercise FROM incident ORDER BY created_at, ref")
    ).all()
    if not rows:
        return
    vault_id = connection.execute(text("SELECT value FROM vault_meta WHERE name = 'vault_id'")).scalar_one()
    zone = machine_zone()
    op.execute("DROP TRIGGER incident_no_update")
    connection.execute(text("UPDATE incident SET time_zone = :z"), {"z": zone})
    op.execute(
        "CREATE TRIGGER incident_no_update BEFORE UPDATE ON incident "
        "BEGIN SELECT RAISE(ABORT, 'incident rows are append-only'); END"
    )
    now = utc_now()
    previous = None
    for incident_id, ref, title, kind, location, opened_at, exercise in rows:
        top = connection.execute(
            text("SELECT seq, hash FROM entry WHERE incident_id = :i ORDER BY seq DESC LIMIT 1"), {"i": incident_id}
        ).first()
        details = {
            "ref": ref,
            "title": title,
            "type": kind,
            "location": location,
            "opened_at": iso_utc(parse_iso(opened_at)),
            "exercise": bool(exercise),
            "time_zone": zone,
        }
        head = {"count": int(top[0]), "hash": str(top[1])} if top else {"count": 0, "hash": ""}
        previous = new_ledger_record(
            previous, vault_id, event="adopted", incident_id=incident_id, ref=ref, recorded_at=now,
            details=details, head=head,
        )
        insert_record(connection.connection.driver_connection, previous)
