"""Moved beside the facade: ``incident_log/store_interface.py`` (issue 11 item 4).

Kept so phase one's imports (``from incident_log.cell.interface import …``) keep working; new
code imports ``incident_log.store_interface``.
"""

from incident_log.store_interface import (
    Appended,
    ChainTop,
    Change,
    Head,
    IncidentRow,
    IncidentStore,
    Prepare,
    Prepared,
    Provenance,
    SeqFilter,
    SignedEntry,
    SignedStore,
)

__all__ = [
    "Appended",
    "Change",
    "ChainTop",
    "Head",
    "IncidentRow",
    "IncidentStore",
    "Prepare",
    "Prepared",
    "Provenance",
    "SeqFilter",
    "SignedEntry",
    "SignedStore",
]
