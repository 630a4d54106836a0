"""Every error a user can meet, with the sentence they are shown.

Expected trouble (a wrong passphrase, a damaged file, a full disk, a bad field) is an
``IncidentLogError`` carrying a message that says what happened and what to do. Anything
else is a bug and reaches the crash handler. Messages live here, in one catalogue, so the
command line, the GUI and the tests all say the same words.

No message may contain entry text, a name or a key: they end up on screens, in terminals
and in bug reports.
"""

from __future__ import annotations

from incident_log.i18n import field_name, msg


class IncidentLogError(Exception):
    """Base of every expected, user-facing error."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


# --- vault and keys ---------------------------------------------------------------------


class VaultError(IncidentLogError):
    """Trouble opening or writing the encrypted vault."""


class VaultNotFound(VaultError):
    def __init__(self, path: object) -> None:
        super().__init__(
            msg(
                "No vault at {path}. Create one with 'incident-log init', or give the right path with "
                "--vault.",
                path=path,
            )
        )


class VaultExists(VaultError):
    def __init__(self, path: object) -> None:
        super().__init__(
            msg("A vault already exists at {path}. Choose another path; nothing was changed.", path=path)
        )


class SidecarMissing(VaultError):
    def __init__(self, path: object) -> None:
        super().__init__(
            msg(
                "The key file {path} is missing, so the vault cannot be unlocked with a passphrase. "
                "Restore it from the backup you made with the vault (they travel together); the vault is "
                "unchanged.",
                path=path,
            )
        )


class SidecarDamaged(VaultError):
    def __init__(self, path: object) -> None:
        super().__init__(
            msg(
                "The key file {path} is damaged or is not an Incident Log key file. Restore it from your "
                "backup; the vault is unchanged.",
                path=path,
            )
        )


class SidecarMismatch(VaultError):
    def __init__(self, path: object) -> None:
        super().__init__(
            msg(
                "The key file {path} does not belong to this vault, or the start of the vault file is "
                "damaged. Put the vault's own key file beside it, or restore the vault from a backup; "
                "nothing was changed.",
                path=path,
            )
        )


class PassphraseRequired(VaultError):
    def __init__(self) -> None:
        super().__init__(
            msg(
                "This vault needs its passphrase: no key was found in the system keyring. Type the "
                "passphrase, or set INCIDENT_LOG_PASSPHRASE for scripted use."
            )
        )


class WrongPassphrase(VaultError):
    def __init__(self) -> None:
        super().__init__(
            msg("Wrong passphrase for this vault. Check the keyboard layout and Caps Lock, and try again.")
        )


class WeakPassphrase(VaultError):
    def __init__(self, minimum: int) -> None:
        super().__init__(
            msg(
                "The passphrase is too short: use at least {minimum} characters (a few words is easiest "
                "to remember).",
                minimum=minimum,
            )
        )


class NotAVault(VaultError):
    def __init__(self, path: object) -> None:
        super().__init__(
            msg(
                "{path} is not an Incident Log vault (or its first page is destroyed): the key is right "
                "but the file cannot be read. Check the path; if it is your vault, restore it from a "
                "backup. The file was not changed.",
                path=path,
            )
        )


class VaultDamaged(VaultError):
    def __init__(self, path: object, detail: str = "") -> None:
        extra = f" ({detail})" if detail else ""
        super().__init__(
            msg(
                "The vault {path} is damaged{extra}. Do not write to it: copy it somewhere safe, run "
                "'incident-log verify' to see what is affected, and restore from a backup.",
                path=path,
                extra=extra,
            )
        )


class VaultTooNew(VaultError):
    def __init__(self, path: object, revision: str) -> None:
        super().__init__(
            msg(
                "The vault {path} was written by a newer version of Incident Log (schema {revision}). "
                "Install the newer version to open it; this one will not touch it.",
                path=path,
                revision=revision,
            )
        )


class VaultInUse(VaultError):
    def __init__(self) -> None:
        super().__init__(
            msg(
                "The vault is busy: another Incident Log window or command is writing to it. Try again "
                "in a moment; nothing was lost."
            )
        )


class VaultReadOnly(VaultError):
    def __init__(self, path: object, *, opening: bool = False) -> None:
        if opening:
            super().__init__(
                msg(
                    "The vault {path} is on a read-only disk or in a folder you cannot write to, so it "
                    "cannot be opened. Copy it and its .keys file to a writable folder (or make the disk "
                    "writable) and open it there; nothing was changed.",
                    path=path,
                )
            )
        else:
            super().__init__(
                msg(
                    "The vault {path} cannot be written (read-only file or folder). Move it to a writable "
                    "place; the entry was not recorded and is still in front of you.",
                    path=path,
                )
            )


class VaultPathUnusable(VaultError):
    def __init__(self, path: object) -> None:
        super().__init__(
            msg(
                "The vault path {path} has characters that are not UTF-8, which the database cannot "
                "open. Rename the folder or file (or give another --vault); nothing was changed.",
                path=path,
            )
        )


class VaultFolderUnusable(VaultError):
    def __init__(self, folder: object, why: str) -> None:
        super().__init__(
            msg(
                "The vault cannot be created in {folder} ({why}). Choose another path with --vault; "
                "nothing was created.",
                folder=folder,
                why=why,
            )
        )


class BackupFailed(VaultError):
    def __init__(self, path: object, detail: str) -> None:
        super().__init__(
            msg(
                "The backup {path} did not verify ({detail}); it was not kept. Run 'incident-log verify' "
                "on the vault.",
                path=path,
                detail=detail,
            )
        )


class DiskFull(VaultError):
    def __init__(self, path: object = None, *, opening: bool = False) -> None:
        if opening:
            super().__init__(
                msg(
                    "The disk holding {path} is full, so the vault cannot be opened. The vault is not "
                    "damaged and nothing is lost: free some space on that disk and try again (do not restore "
                    "a backup).",
                    path=path,
                )
            )
        else:
            super().__init__(
                msg(
                    "The disk is full: the entry was NOT recorded and is still in front of you. Free some "
                    "space (or save the text elsewhere) and record it again."
                )
            )


class KeyringUnavailable(VaultError):
    def __init__(self, reason: str) -> None:
        super().__init__(
            msg(
                "No secure system keyring is available ({reason}); the vault is unlocked with its "
                "passphrase instead.",
                reason=reason,
            )
        )


# --- incidents and entries -------------------------------------------------------------


class ValidationError(IncidentLogError):
    """An entry or incident was refused; ``field`` names what to fix."""

    def __init__(self, field: str, message: str, *, index: int | None = None) -> None:
        where = msg("entry {index}: ", index=index) if index is not None else ""
        super().__init__(msg("{where}{field}: {message}", where=where, field=field_name(field), message=message))
        self.field = field
        self.index = index
        self.reason = message

    def at_index(self, index: int) -> ValidationError:
        """The same error, located at a position in an import file."""
        return ValidationError(self.field, self.reason, index=index)


class UnknownIncident(IncidentLogError):
    def __init__(self, ref: str) -> None:
        super().__init__(
            msg(
                "No incident '{ref}' in this vault. 'incident-log list' shows the incidents there are.",
                ref=ref,
            )
        )


class DuplicateRef(IncidentLogError):
    def __init__(self, ref: str) -> None:
        super().__init__(
            msg("An incident '{ref}' already exists in this vault. Choose another reference.", ref=ref)
        )


class UnknownEntry(IncidentLogError):
    def __init__(self, ref: str, seq: int) -> None:
        super().__init__(msg("Incident {ref} has no entry #{seq}.", ref=ref, seq=seq))


class IncidentSealed(IncidentLogError):
    def __init__(self, ref: str) -> None:
        super().__init__(
            msg(
                "Incident {ref} is sealed: nothing more can be recorded. Reopen it with a reason first.",
                ref=ref,
            )
        )


class ImportError_(IncidentLogError):
    """A scenario or bundle file that cannot be imported; nothing was written."""


class BundleError(IncidentLogError):
    pass


class WrongBundlePassphrase(BundleError):
    def __init__(self) -> None:
        super().__init__(
            msg("Wrong passphrase for this bundle (or the file is damaged). Nothing was imported.")
        )


# --- files written outside the vault -------------------------------------------------------------


class OutputRefused(IncidentLogError):
    """An output path that would overwrite something, or cannot be written; nothing was written."""
