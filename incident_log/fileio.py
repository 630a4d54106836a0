"""Writing files so that a crash, a full disk or a mistyped path never destroys anything.

Everything Incident Log writes outside the vault goes through here: the key file, bundles,
exports, reports, backups.

- **Atomic**: a temporary file in the same folder (``os.replace`` is atomic only within one file
  system), created 0600 with ``O_EXCL | O_NOFOLLOW``, fsynced, renamed over the target, and the
  folder fsynced. A reader sees the old file or the whole new one.
- **Never onto a vault**: the files of every vault this process has opened (the vault, its key
  file, ``-wal``, ``-shm``, ``-journal``) are refused as an output, whatever ``force`` says, also
  when reached through a symlink, another spelling of the path or a hard link.
- **User-chosen paths** (``check_output``): an existing file is refused unless ``force``; a missing
  folder is a clear message. A symlink at the target is replaced, never written through.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from incident_log.errors import OutputRefused
from incident_log.i18n import msg

VAULT_COMPANIONS = ("", ".keys", "-wal", "-shm", "-journal")
_protected: set[Path] = set()


def vault_files(vault: Path) -> tuple[Path, ...]:
    """The vault and the files that live beside it (key file, SQLite's write-ahead log and index)."""
    return tuple(Path(f"{vault}{suffix}") for suffix in VAULT_COMPANIONS)


def protect_vault(vault: Path) -> None:
    """From now on no output of this process may land on this vault's files."""
    for path in vault_files(Path(vault)):
        _protected.add(_canonical(path))


def _canonical(path: Path) -> Path:
    return Path(os.path.realpath(os.path.abspath(os.path.expanduser(path))))


def _is_protected(path: Path, extra: Iterable[Path]) -> bool:
    candidates = set(_protected)
    for vault in extra:
        candidates.update(_canonical(p) for p in vault_files(Path(vault)))
    target = _canonical(path)
    if target in candidates:
        return True
    if os.path.lexists(path):
        for other in candidates:
            with contextlib.suppress(OSError):
                if os.path.exists(other) and os.path.samefile(path, other):
                    return True
    return False


def check_output(path: Path, *, force: bool = False, protected: Iterable[Path] = ()) -> Path:
    """Refuse an output path that would destroy something; returns it as given (expanded)."""
    path = Path(os.path.expanduser(str(path)))
    if not str(path) or str(path) in (".", ".."):
        raise OutputRefused(msg("The output needs a file name; nothing was written."))
    if _is_protected(path, tuple(protected)):
        raise OutputRefused(
            msg(
                "{path} is a vault or one of its files (key file, -wal, -shm); it is never an output. "
                "Choose another file name; nothing was written.",
                path=path,
            )
        )
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.exists():
        raise OutputRefused(
            msg("The folder {folder} does not exist. Create it first or choose another; nothing was written.", folder=folder)
        )
    if not folder.is_dir():
        raise OutputRefused(msg("{folder} is not a folder. Choose another place for the output; nothing was written.", folder=folder))
    if path.is_dir() and not path.is_symlink():
        raise OutputRefused(msg("{path} is a folder. Give a file name inside it; nothing was written.", path=path))
    if os.path.lexists(path) and not force:
        raise OutputRefused(
            msg("{path} already exists. Choose another name, or add --force to replace it; nothing was written.", path=path)
        )
    return path


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[BinaryIO]:
    """A binary handle whose bytes replace ``path`` when the block ends without an exception."""
    path = Path(path)
    if _is_protected(path, ()):
        raise OutputRefused(msg("{path} is a vault or one of its files; it is never an output. Nothing was written.", path=path))
    folder = path.parent if str(path.parent) else Path(".")
    tmp = folder / f".{path.name[:100]}.{secrets.token_hex(4)}.part"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_directory(folder)


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` (a vault's files are refused). Raises OSError or OutputRefused."""
    with atomic_output(Path(path)) as handle:
        handle.write(data)


def write_output(path: Path, data: bytes, *, force: bool = False, protected: Iterable[Path] = ()) -> None:
    """A user-chosen output: checked by ``check_output``, then written atomically, 0600."""
    target = check_output(path, force=force, protected=protected)
    try:
        write_atomically(target, data)
    except OSError as exc:
        raise OutputRefused(
            msg(
                "{target} could not be written ({reason}); nothing was written.",
                target=target, reason=exc.strerror or type(exc).__name__,
            )
        ) from None


def replace_key_file(path: Path, data: bytes) -> None:
    """The one writer allowed onto a vault's key file (creating or upgrading it)."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    tmp = folder / f".{path.name}.{secrets.token_hex(4)}.part"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_directory(folder)


def fsync_directory(folder: Path) -> None:
    """Make a rename durable: on POSIX the new directory entry needs its own fsync."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def owner_only(path: Path, mode: int = 0o600) -> None:
    """Tighten a file's (or folder's) mode to the owner only, whatever the umask was."""
    with contextlib.suppress(FileNotFoundError):
        if os.stat(path).st_mode & 0o777 != mode:
            os.chmod(path, mode)
