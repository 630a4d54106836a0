"""The shared incident store's schema on PostgreSQL: tables, guards and policies.

The entry columns are the vault's (``incident_log/store/repository.py``: ENTRY_COLUMNS, including
``clock_back`` and entry #0, the opening) with the same stored forms, so an entry's canonical JSON and hash (``domain/entry.py``) are computed the
same way from either store: times as the ISO text the chain hashes, ``fields`` as the same
sorted-key JSON text (not ``jsonb``, which would re-encode numbers and reorder nothing the
hash could see, but also accepts what the vault refuses). Beside them, columns the hash does not
cover, filled by the server or the signer:

- ``entry_uid``: the entry's identity from the moment a workstation acknowledges it; a queued
  entry replayed twice is found by it and appended once.
- ``key_id``, ``signature``: the author's Ed25519 signature of the entry's hash.
- ``cell``, ``db_role``, ``appended_at``: set by the insert trigger from the incident, the login
  and the server's clock; a client cannot choose them.

Guards (all in the database, so they hold for every client, not only ours):

- The application's login roles own nothing and have SELECT and INSERT only; the tables belong to
  ``incident_log_owner``, a role that cannot log in.
- Triggers refuse UPDATE, DELETE and TRUNCATE of incidents, entries and signing keys. The
  chain-head row changes only from inside the entry trigger.
- The entry trigger links each entry to the head it locked: its seq must be head + 1 and its
  prev_hash the head's hash, so even a client that skips the lock cannot fork the chain.
- ``FORCE ROW LEVEL SECURITY`` on every table with a policy "rows of my cell" (the session
  user's, so SECURITY DEFINER functions are held to it too); the owner is no exception.
- The workstation takes the head lock through ``lock_head()`` (``SELECT ... FOR UPDATE`` at
  READ COMMITTED, run as the owner) because FOR UPDATE would otherwise need UPDATE privilege;
  the same call reads the rest of the chain top, so an append costs three round trips
  (lock, insert, commit).
"""

from __future__ import annotations

import hashlib

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import TIMESTAMP, UUID

SCHEMA = "incident_log"
SCHEMA_VERSION = 1
OWNER_ROLE = "incident_log_owner"  # owns every object; NOLOGIN; never used by the application
WORKSTATION_ROLE = "incident_log_workstation"  # group of every workstation login: SELECT and INSERT
CERT_ROLE = "incident_log_cert"  # group of logins that authenticate with a client certificate
CHANNEL_PREFIX = "incident_log_"

# SQLSTATEs raised by the guards (class "IL" is not used by PostgreSQL itself).
STATE_APPEND_ONLY = "IL001"
STATE_CHAIN_MOVED = "IL002"
STATE_NO_CELL = "IL003"
STATE_UNKNOWN_INCIDENT = "IL004"
STATE_FOREIGN_KEY_ID = "IL005"

_ISO = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z$"
_HEX64 = r"^[0-9a-f]{64}$"
_CELL = r"^[a-z0-9][a-z0-9_.-]{0,62}$"


def channel_for(cell: str) -> str:
    """The NOTIFY channel of a cell (an identifier of at most 63 bytes, whatever the cell's name)."""
    return CHANNEL_PREFIX + hashlib.md5(cell.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]


metadata = MetaData(schema=SCHEMA)

meta = Table(
    "meta",
    metadata,
    Column("name", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

cell_member = Table(
    "cell_member",
    metadata,
    Column("role_name", Text, primary_key=True),
    Column("cell", Text, nullable=False),
    Column("added_at", TIMESTAMP(timezone=True), nullable=False, server_default=text("now()")),
    CheckConstraint(f"cell ~ '{_CELL}'", name="cell_member_cell_name"),
)

incident = Table(
    "incident",
    metadata,
    Column("id", Text, primary_key=True),
    Column("cell", Text, nullable=False),
    Column("ref", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("location", Text, nullable=False),
    Column("opened_at", Text, nullable=False),
    Column("exercise", Boolean, nullable=False),
    Column("time_zone", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("genesis_hash", Text, nullable=False),
    Column("created_by", Text, nullable=False),
    UniqueConstraint("cell", "ref", name="incident_ref_per_cell"),
    CheckConstraint("length(id) BETWEEN 1 AND 64", name="incident_id_length"),
    CheckConstraint("length(time_zone) BETWEEN 1 AND 64", name="incident_zone"),
    CheckConstraint(f"opened_at ~ '{_ISO}' AND created_at ~ '{_ISO}'", name="incident_times"),
    CheckConstraint(f"genesis_hash ~ '{_HEX64}'", name="incident_genesis"),
)

chain_head = Table(
    "chain_head",
    metadata,
    Column("incident_id", Text, ForeignKey(incident.c.id), primary_key=True),
    Column("cell", Text, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("hash", Text, nullable=False),
    Column("updated_at", TIMESTAMP(timezone=True), nullable=False),
    CheckConstraint("seq >= -1", name="chain_head_seq"),  # -1: nothing yet; the first entry is #0, the opening
    CheckConstraint(f"hash ~ '{_HEX64}'", name="chain_head_hash"),
)

entry = Table(
    "entry",
    metadata,
    Column("incident_id", Text, ForeignKey(incident.c.id), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("kind", Text, nullable=False),
    Column("occurred_at", Text, nullable=False),
    Column("recorded_at", Text, nullable=False),
    Column("author", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("fields", Text, nullable=False),
    Column("refs", Integer, nullable=True),
    Column("delay_reason", Text, nullable=True),
    Column("origin", Text, nullable=False),
    Column("prev_hash", Text, nullable=False),
    Column("hash", Text, nullable=False),
    Column("clock_back", Integer, nullable=True),  # covered by the hash when set (domain/entry.py)
    # Not covered by the hash (see the module docstring):
    Column("entry_uid", UUID(as_uuid=False), nullable=False, unique=True),
    Column("key_id", Text, nullable=True),
    Column("signature", LargeBinary, nullable=True),
    Column("cell", Text, nullable=False),
    Column("db_role", Text, nullable=False),
    Column("appended_at", TIMESTAMP(timezone=True), nullable=False),
    PrimaryKeyConstraint("incident_id", "seq", name="entry_pkey"),
    CheckConstraint("seq >= 0", name="entry_seq"),  # #0 is the incident's opening entry
    CheckConstraint(f"occurred_at ~ '{_ISO}' AND recorded_at ~ '{_ISO}'", name="entry_times"),
    CheckConstraint(f"prev_hash ~ '{_HEX64}' AND hash ~ '{_HEX64}'", name="entry_hashes"),
    CheckConstraint("signature IS NULL OR length(signature) = 64", name="entry_signature_size"),
    CheckConstraint("(key_id IS NULL) = (signature IS NULL)", name="entry_signed_whole"),
)

signing_key = Table(
    "signing_key",
    metadata,
    Column("key_id", Text, primary_key=True),
    Column("public_key", LargeBinary, nullable=False),
    Column("cell", Text, nullable=False),
    Column("db_role", Text, nullable=False),
    Column("registered_at", TIMESTAMP(timezone=True), nullable=False),
    CheckConstraint("length(public_key) = 32", name="signing_key_size"),
)

APPEND_ONLY_TABLES = ("incident", "entry", "signing_key")
RLS_TABLES = ("cell_member", "incident", "chain_head", "entry", "signing_key")

# Everything below is created with CREATE OR REPLACE or guarded by a catalog check in setup.py,
# so running setup again changes nothing. Definer functions pin search_path and name every
# object with its schema.
_DEFINER = "SECURITY DEFINER SET search_path = pg_catalog, pg_temp"

FUNCTIONS: tuple[str, ...] = (
    f"""
CREATE OR REPLACE FUNCTION {SCHEMA}.my_cell() RETURNS text
LANGUAGE sql STABLE {_DEFINER} AS $$
    SELECT cell FROM {SCHEMA}.cell_member WHERE role_name = session_user
$$""",
    # The append's first step, in one round trip: lock the head row, then (a new statement, so a
    # new snapshot that sees what the previous lock holder committed) read the rest of the chain
    # top and whether this entry id is already on the chain.
    f"""
CREATE OR REPLACE FUNCTION {SCHEMA}.lock_head(p_incident text, p_uid uuid)
RETURNS TABLE (seq integer, hash text, last_recorded text, sealed_seq integer, reopened_seq integer,
               existing_seq integer, opened_at text)
LANGUAGE plpgsql VOLATILE {_DEFINER} AS $$
DECLARE
    head record;
BEGIN
    SELECT h.seq, h.hash INTO head FROM {SCHEMA}.chain_head h
    WHERE h.incident_id = p_incident AND h.cell = {SCHEMA}.my_cell()
    FOR UPDATE;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    RETURN QUERY SELECT head.seq, head.hash,
        (SELECT e.recorded_at FROM {SCHEMA}.entry e WHERE e.incident_id = p_incident AND e.seq = head.seq),
        (SELECT max(e.seq) FROM {SCHEMA}.entry e WHERE e.incident_id = p_incident AND e.kind = 'seal'),
        (SELECT max(e.seq) FROM {SCHEMA}.entry e WHERE e.incident_id = p_incident AND e.kind = 'reopen'),
        (SELECT e.seq FROM {SCHEMA}.entry e WHERE e.entry_uid = p_uid AND e.incident_id = p_incident),
        (SELECT i.opened_at FROM {SCHEMA}.incident i WHERE i.id = p_incident);
END
$$""",
    f"""
CREATE OR REPLACE FUNCTION {SCHEMA}.refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the Incident Log cell store is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = '{STATE_APPEND_ONLY}';
END
$$""",
    f"""
CREATE OR REPLACE FUNCTION {SCHEMA}.guard_head() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- Only the entry trigger (one level down) moves a head; nothing deletes one.
    IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the chain head moves only when an entry is appended: % refused', TG_OP
        USING ERRCODE = '{STATE_APPEND_ONLY}';
END
$$""",
    f"""
CREATE OR REPLACE FUNCTION {SCHEMA}.incident_before_insert() RETURNS trigger
LANGUAGE plpgsql {_DEFINER} AS $$
DECLARE
    mine text := {SCHEMA}.my_cell();
BEGIN
    IF mine IS NULL THEN
        RAISE EXCEPTION 'role % is not a member of any cell', session_user USING ERRCODE = '{STATE_NO_CELL}';
    END IF;
    NEW.cell := mine;
    NEW.created_by := session_user;
    RETURN NEW;
END
$$""",
    f"""
CREATE OR REPLACE FUNCTION {SCHEMA}.incident_after_insert() RETURNS trigger
LANGUAGE plpgsql {_DEFINER} AS $$
BEGIN
    INSERT INTO {SCHEMA}.chain_head (incident_id, cell, seq, hash, updated_at)
    VALUES (NEW.id, NEW.cell, -1, NEW.genesis_hash, clock_timestamp());
    RETURN NULL;
END
$$""",
    f"""
CREATE OR REPLACE FUNCTION {SCHEMA}.entry_before_insert() RETURNS trigger
LANGUAGE plpgsql {_DEFINER} AS $$
DECLARE
    head record;
BEGIN
    SELECT h.seq, h.hash, h.cell INTO head FROM {SCHEMA}.chain_head h
    WHERE h.incident_id = NEW.incident_id AND h.cell = {SCHEMA}.my_cell()
    FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no incident % in this cell', NEW.incident_id USING ERRCODE = '{STATE_UNKNOWN_INCIDENT}';
    END IF;
    IF NEW.seq <> head.seq + 1 OR NEW.prev_hash <> head.hash THEN
        RAISE EXCEPTION 'entry % does not extend the chain head %', NEW.seq, head.seq
            USING ERRCODE = '{STATE_CHAIN_MOVED}';
    END IF;
    IF NEW.key_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM {SCHEMA}.signing_key k WHERE k.key_id = NEW.key_id AND k.db_role = session_user
    ) THEN
        RAISE EXCEPTION 'signing key % is not registered to %', NEW.key_id, session_user
            USING ERRCODE = '{STATE_FOREIGN_KEY_ID}';
    END IF;
    NEW.cell := head.cell;
    NEW.db_role := session_user;
    NEW.appended_at := clock_timestamp();
    UPDATE {SCHEMA}.chain_head SET seq = NEW.seq, hash = NEW.hash, updated_at = NEW.appended_at
    WHERE incident_id = NEW.incident_id;
    -- Delivered at commit, to listeners of this cell only; dropped with a rollback.
    PERFORM pg_notify(
        '{CHANNEL_PREFIX}' || substr(md5(head.cell), 1, 16),
        json_build_object('incident', NEW.incident_id, 'seq', NEW.seq)::text
    );
    RETURN NEW;
END
$$""",
    f"""
CREATE OR REPLACE FUNCTION {SCHEMA}.signing_key_before_insert() RETURNS trigger
LANGUAGE plpgsql {_DEFINER} AS $$
DECLARE
    mine text := {SCHEMA}.my_cell();
BEGIN
    IF mine IS NULL THEN
        RAISE EXCEPTION 'role % is not a member of any cell', session_user USING ERRCODE = '{STATE_NO_CELL}';
    END IF;
    NEW.cell := mine;
    NEW.db_role := session_user;
    NEW.registered_at := clock_timestamp();
    RETURN NEW;
END
$$""",
)

TRIGGERS: tuple[str, ...] = (
    *(
        f"CREATE OR REPLACE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {SCHEMA}.{table} "
        f"FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.refuse_change()"
        for table in APPEND_ONLY_TABLES
    ),
    *(
        f"CREATE OR REPLACE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {SCHEMA}.{table} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {SCHEMA}.refuse_change()"
        for table in (*APPEND_ONLY_TABLES, "chain_head")
    ),
    f"CREATE OR REPLACE TRIGGER chain_head_guard BEFORE UPDATE OR DELETE ON {SCHEMA}.chain_head "
    f"FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.guard_head()",
    f"CREATE OR REPLACE TRIGGER incident_fill BEFORE INSERT ON {SCHEMA}.incident "
    f"FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.incident_before_insert()",
    f"CREATE OR REPLACE TRIGGER incident_head AFTER INSERT ON {SCHEMA}.incident "
    f"FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.incident_after_insert()",
    f"CREATE OR REPLACE TRIGGER entry_link BEFORE INSERT ON {SCHEMA}.entry "
    f"FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.entry_before_insert()",
    f"CREATE OR REPLACE TRIGGER signing_key_fill BEFORE INSERT ON {SCHEMA}.signing_key "
    f"FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.signing_key_before_insert()",
)

# (table, policy name, command, USING, WITH CHECK). "My cell" is the session user's: inside a
# SECURITY DEFINER function current_user is the owner, session_user is still the login.
_MINE = f"cell = (SELECT {SCHEMA}.my_cell())"
POLICIES: tuple[tuple[str, str, str, str | None, str | None], ...] = (
    ("cell_member", "own_membership", "SELECT", "role_name = session_user", None),
    ("incident", "cell_reads", "SELECT", _MINE, None),
    ("incident", "cell_writes", "INSERT", None, _MINE),
    ("chain_head", "cell_reads", "SELECT", _MINE, None),
    ("chain_head", "cell_starts", "INSERT", None, _MINE),
    ("chain_head", "cell_moves", "UPDATE", _MINE, _MINE),
    ("entry", "cell_reads", "SELECT", _MINE, None),
    ("entry", "cell_writes", "INSERT", None, _MINE),
    ("signing_key", "cell_reads", "SELECT", _MINE, None),
    ("signing_key", "own_key", "INSERT", None, f"{_MINE} AND db_role = session_user"),
)

# A person entry's key. CASE, so that no other row's fields are ever parsed as JSON (PostgreSQL
# does not promise to test ``kind = 'person'`` first, and an amendment's free-form "corrected"
# mapping may hold what jsonb refuses, such as NaN or \u0000).
PERSON_KEY = "CASE WHEN kind = 'person' THEN fields::jsonb ->> 'key' END"

INDEXES: tuple[str, ...] = (
    f"CREATE INDEX IF NOT EXISTS entry_by_kind ON {SCHEMA}.entry (incident_id, kind, seq)",
    # has_person() during validation: one seek instead of a scan of every person entry's JSON.
    f"CREATE INDEX IF NOT EXISTS entry_person_key ON {SCHEMA}.entry (incident_id, ({PERSON_KEY})) WHERE kind = 'person'",
    f"CREATE INDEX IF NOT EXISTS incident_by_cell ON {SCHEMA}.incident (cell)",
)

# What a workstation login may do. Nothing else is granted to it (not even to PUBLIC).
GRANTS: tuple[str, ...] = (
    f"GRANT USAGE ON SCHEMA {SCHEMA} TO {WORKSTATION_ROLE}",
    f"GRANT SELECT ON {SCHEMA}.meta, {SCHEMA}.cell_member, {SCHEMA}.chain_head TO {WORKSTATION_ROLE}",
    f"GRANT SELECT, INSERT ON {SCHEMA}.incident, {SCHEMA}.entry, {SCHEMA}.signing_key TO {WORKSTATION_ROLE}",
    f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {SCHEMA} FROM PUBLIC",
    f"GRANT EXECUTE ON FUNCTION {SCHEMA}.my_cell(), {SCHEMA}.lock_head(text, uuid) TO {WORKSTATION_ROLE}",
)
