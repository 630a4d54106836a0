"""What a user can meet in cell mode, with the sentence they are shown.

Same rules as ``incident_log/errors.py`` (which these extend; phase two may move them there):
each message says what happened and what to do, and never holds entry text, a name typed in
an entry, a password or a key. A PostgreSQL role name and a host may appear: the user typed them.
"""

from __future__ import annotations

from incident_log.errors import IncidentLogError


class CellError(IncidentLogError):
    """Trouble reaching or using the shared incident store (not the entry's fault): an entry met
    with it is kept in the workstation's queue."""


class CellRefused(IncidentLogError):
    """The server's own rules refused this entry. Not a CellError: waiting will not help, so the
    entry is not queued (when typed) or is held (when replayed), and never sent again blindly."""

    def __init__(self, rule: str) -> None:
        super().__init__(
            f"The cell server refused this entry (its rule '{rule}'); it was not recorded. Tell the cell's "
            "administrator; the text is still in front of you."
        )
        self.rule = rule


class CellUnreachable(CellError):
    """The server could not be reached (or the connection dropped): work goes on in the local queue."""

    def __init__(self, detail: str = "") -> None:
        extra = f" ({detail})" if detail else ""
        super().__init__(
            f"The cell server cannot be reached{extra}. Entries are kept in this workstation's queue and "
            "sent when it is back; nothing is lost."
        )


class CellCertificateRefused(CellError):
    def __init__(self) -> None:
        super().__init__(
            "The cell server's certificate could not be verified (wrong CA file, wrong host name or an "
            "impostor). Check the CA file and the host in the cell URL with the cell's administrator; "
            "nothing was sent."
        )


class CellLoginRefused(CellError):
    def __init__(self, role: str) -> None:
        super().__init__(
            f"The cell server refused the login of '{role}' (wrong password, certificate or user name). "
            "Check them with the cell's administrator; nothing was sent."
        )


class CellUrlInvalid(CellError):
    def __init__(self, reason: str) -> None:
        super().__init__(
            f"The cell URL is not usable: {reason}. Use the form "
            "postgresql://USER@HOST:PORT/DATABASE?sslmode=verify-full&sslrootcert=CA.crt"
        )


class CellNotSetUp(CellError):
    def __init__(self) -> None:
        super().__init__(
            "This database has no Incident Log cell schema (or this user may not see it). Ask the cell's "
            "administrator to run 'incident-log cell setup' and 'incident-log cell add-user' for you."
        )


class CellSchemaTooNew(CellError):
    def __init__(self, version: int) -> None:
        super().__init__(
            f"The cell server uses a newer schema (version {version}) than this Incident Log. Install the "
            "newer version on this workstation; nothing was changed."
        )


class NotACellMember(CellError):
    def __init__(self, role: str) -> None:
        super().__init__(
            f"The user '{role}' is not a member of any cell on this server. Ask the administrator to run "
            "'incident-log cell add-user' for it."
        )


class CellSetupRefused(CellError):
    def __init__(self, reason: str) -> None:
        super().__init__(f"Cell setup was refused: {reason}. Nothing was changed.")


class CellUserInvalid(CellError):
    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"'{name}' cannot be a cell user: {reason}. Nothing was changed.")


class ChainMoved(CellError):
    """Another writer extended the chain between our read of the head and our insert.

    The append path locks the head row, so this means a client that did not take the lock (or a
    bug): the server refused the insert, nothing was written, and the append can be tried again.
    """

    def __init__(self) -> None:
        super().__init__(
            "The shared log moved on while this entry was being added; it was not recorded. Try again."
        )


class CellRowUnreadable(CellError):
    """A row on the server cannot be read as an entry: it was written outside Incident Log."""

    def __init__(self, seq: int) -> None:
        super().__init__(
            f"Entry #{seq} on the cell server cannot be read: it was changed on the server outside Incident Log. "
            "Tell the cell's administrator; this workstation's copy is unchanged."
        )
        self.seq = seq


class SigningKeyMissing(CellError):
    def __init__(self, path: object) -> None:
        super().__init__(
            f"No signing key file at {path}, and none in the system keyring. Restore the file from the "
            "backup made with the vault, or create a new key (the old key's entries still verify)."
        )


class SigningKeyDamaged(CellError):
    def __init__(self, path: object) -> None:
        super().__init__(
            f"The signing key file {path} is damaged or is not an Incident Log signing key. Restore it from "
            "your backup; nothing was signed."
        )


class SigningPassphraseRequired(CellError):
    def __init__(self) -> None:
        super().__init__(
            "The signing key is not in the system keyring: type its passphrase (the vault's, unless you chose "
            "another), or set INCIDENT_LOG_PASSPHRASE for scripted use."
        )


class WrongSigningPassphrase(CellError):
    def __init__(self) -> None:
        super().__init__(
            "Wrong passphrase for the signing key. Check the keyboard layout and Caps Lock, and try again."
        )


class SigningKeyRefused(CellError):
    def __init__(self) -> None:
        super().__init__(
            "The cell server refused this workstation's signing key (it is registered to another user). "
            "Create a new signing key for this user; the entry was not sent and is kept in the queue."
        )


class NeedsServer(CellError):
    """An action whose content depends on the shared head (a seal) cannot wait in the queue."""

    def __init__(self) -> None:
        super().__init__(
            "Sealing needs the cell server (the seal carries the shared log's final head), and it cannot be "
            "reached or entries still wait to be sent. Run 'incident-log cell sync' when it is back, then seal."
        )


class CellPasswordMissing(CellError):
    def __init__(self, role: str, env: str) -> None:
        super().__init__(
            f"No cell password for '{role}' on this workstation. Run 'incident-log --cell URL cell login' once "
            f"(it keeps the password in the keyring or the passphrase slot), or set {env} for scripted use."
        )


class CellLoginNeeded(CellError):
    def __init__(self, path: object) -> None:
        super().__init__(
            f"This workstation has no signing key for cell mode yet ({path}). Run 'incident-log --cell URL "
            "cell login' once: it keeps the cell password and creates the signing key."
        )


class NotFollowed(CellError):
    def __init__(self, ref: str) -> None:
        super().__init__(
            f"{ref} is not on this workstation yet and the cell server cannot be reached, so it cannot be "
            "fetched. Try again when the server is back ('incident-log cell status' shows the connection)."
        )


class CellPasswordInvalid(CellError):
    def __init__(self) -> None:
        super().__init__(
            "That is not a cell password made by 'incident-log cell add-user' (64 hexadecimal characters). "
            "Copy it again from the administrator's screen; nothing was kept."
        )


class CellLoginSlotDamaged(CellError):
    def __init__(self, path: object) -> None:
        super().__init__(
            f"The cell login file {path} is damaged. Run 'incident-log --cell URL cell login' again with the "
            "password from the administrator."
        )


class WrongCellLoginPassphrase(CellError):
    def __init__(self) -> None:
        super().__init__(
            "Wrong passphrase for the cell login kept on this workstation (it is the vault's passphrase unless "
            "you chose another). Check Caps Lock and try again."
        )
