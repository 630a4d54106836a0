"""Cell mode: several workstations sharing live incidents on a PostgreSQL server (issue 11).

Phase one (this package, new files only): the shared schema and its guards (``schema``,
``setup``), the connection rules (``connect``), the PostgreSQL store (``store``) written against
the proposed store interface (``interface``), live updates (``live``), Ed25519 signing keys kept
like the vault's data key (``signing``, ``slots``), and the workstation side: the offline queue
(``queue``), the encrypted mirror that is also a witness (``mirror``, ``witness``), and their
composition (``workstation``). Phase two wires them into the ``Logbook`` facade, the command
line and the desktop (see docs/DESIGN.md, "Cell mode").

Nothing here imports Qt, the UI or the facade (import-linter contract in pyproject.toml).
"""
