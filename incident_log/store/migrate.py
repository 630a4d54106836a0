"""Schema migrations (Alembic), run on an unlocked vault.

A vault written by any earlier version is brought up to date when it is opened; a vault whose
schema revision this version does not know was written by a newer version and is refused
untouched.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

from sqlalchemy import Connection, Engine, text

from incident_log import errors


def _config(connection: Connection | None = None):  # type: ignore[no-untyped-def]
    from alembic.config import Config  # noqa: PLC0415 - only needed when a vault is created or upgraded

    config = Config()
    config.set_main_option("script_location", str(files("incident_log.store") / "migrations"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def known_revisions() -> tuple[str, tuple[str, ...]]:
    """(head, every revision) of this version's migrations."""
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    script = ScriptDirectory.from_config(_config())
    head = script.get_current_head()
    assert head is not None
    return head, tuple(rev.revision for rev in script.walk_revisions())


def current_revision(connection: Connection) -> str | None:
    has_table = connection.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")
    ).first()
    if not has_table:
        return None
    row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    return None if row is None else str(row[0])


# The newest revision in migrations/versions. Opening a vault that is already there (the usual
# case) then needs neither Alembic nor its scripts: ~90 ms off every start. A test keeps this
# equal to Alembic's own head.
SCHEMA_HEAD = "0003"


def bring_up_to_date(engine: Engine, path: Path) -> None:
    with engine.connect() as connection:
        current = current_revision(connection)
        connection.rollback()
    if current == SCHEMA_HEAD:
        return
    head, revisions = known_revisions()
    if current == head:
        return
    if current is not None and current not in revisions:
        raise errors.VaultTooNew(path, current)
    from alembic import command  # noqa: PLC0415

    with engine.connect() as connection:
        command.upgrade(_config(connection), "head")
        connection.commit()
