"""Cell mode on the command line: ``incident-log cell …`` and the global ``--cell URL``.

``register(sub, common)`` adds ``cell setup``, ``cell add-user``, ``cell login``, ``cell status`` and
``cell sync``. ``open_cell_book(args)`` is what ``cli.open_logbook`` returns when ``--cell`` (or
``INCIDENT_LOG_CELL``) is given: a ``CellBook`` on the shared store, with ``--vault`` as this
workstation's vault, beside which live its queue and mirror (``VAULT.cell``, encrypted with a key
derived from the vault's), its signing key (``VAULT.signing``) and its cell login (``VAULT.cell-login``).

Secrets, in the order they are looked for:
- the cell password: ``INCIDENT_LOG_CELL_PASSWORD``, the system keyring, the passphrase slot;
- the signing key: the system keyring, the passphrase slot;
- the passphrase of those slots (the vault's, as ``cell login`` wraps them): ``INCIDENT_LOG_PASSPHRASE``,
  or asked on a terminal;
- an administrator's password for ``cell setup``/``add-user`` over TCP: ``INCIDENT_LOG_CELL_ADMIN_PASSWORD``
  or asked (over the server's own Unix socket none is needed).
"""

from __future__ import annotations

import argparse
import getpass
import io
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from incident_log import fileio
from incident_log.cli import CliError, open_vault, say, vault_path, warn
from incident_log.i18n import N_, msg

if TYPE_CHECKING:
    from incident_log.cell.book import CellBook

CELL_ENV = "INCIDENT_LOG_CELL"
ADMIN_PASSWORD_ENV = "INCIDENT_LOG_CELL_ADMIN_PASSWORD"
PASSPHRASE_ENV = "INCIDENT_LOG_PASSPHRASE"
EXIT_OK = 0
EXIT_FAILED = 1

CELL_HELP = N_(
    "work on the shared incident store at this PostgreSQL URL (postgresql://USER@HOST:PORT/DB?"
    "sslmode=verify-full&sslrootcert=CA.crt; default: INCIDENT_LOG_CELL). --vault is then this "
    "workstation's mirror and queue. The cell password comes from INCIDENT_LOG_CELL_PASSWORD, the "
    "system keyring or the passphrase slot kept by 'cell login'; the signing key from the keyring or its slot "
    "(its passphrase: INCIDENT_LOG_PASSPHRASE, or asked)."
)


def cell_url(args: argparse.Namespace) -> str | None:
    given = getattr(args, "cell", None) or os.environ.get(CELL_ENV)
    return given.strip() if given and given.strip() else None


class _Passphrase:
    """The slots' passphrase, asked at most once (and only if a slot needs it)."""

    def __init__(self) -> None:
        self._value: str | None = None

    def __call__(self) -> str:
        if self._value is None:
            from_env = os.environ.get(PASSPHRASE_ENV)
            if from_env:
                self._value = from_env
            elif sys.stdin.isatty():
                self._value = getpass.getpass(msg("Vault passphrase (unlocks the cell login and signing key): "))
            else:
                raise CliError(
                    msg(
                        "The passphrase of the cell login and signing key is needed: set {env}, "
                        "or run this in a terminal to be asked.",
                        env=PASSPHRASE_ENV,
                    )
                )
        return self._value


def _admin_secrets(url: str) -> Any:
    from incident_log.cell.connect import Secrets, parse_url  # noqa: PLC0415

    target = parse_url(url)
    password = os.environ.get(ADMIN_PASSWORD_ENV)
    if not password and not target.over_socket and sys.stdin.isatty():
        password = getpass.getpass(msg("PostgreSQL password of {user}: ", user=target.user))
    return Secrets(password=password or None)


# --- opening the shared store ---------------------------------------------------------------------


def _by_certificate(target: Any) -> bool:
    from incident_log.cell.opening import by_certificate  # noqa: PLC0415

    return by_certificate(target)


def _signing_key(vault: Path, passphrase: _Passphrase) -> Any:
    from incident_log.cell.opening import signing_key  # noqa: PLC0415

    return signing_key(vault, passphrase)


def open_cell_book(args: argparse.Namespace, *, sync: bool = True) -> CellBook:
    """The shared store, with this workstation's vault. Unreachable is not an error (work queues);
    a refused login, certificate or URL is, with its sentence."""
    from incident_log.cell import errors  # noqa: PLC0415
    from incident_log.cell.book import CellBook  # noqa: PLC0415, F811 - loaded late (start-up cost)
    from incident_log.cell.connect import parse_url  # noqa: PLC0415
    from incident_log.cell.localdb import open_local  # noqa: PLC0415
    from incident_log.cell.opening import credentials  # noqa: PLC0415
    from incident_log.cell.opening import local_path as cell_local_path  # noqa: PLC0415
    from incident_log.cell.workstation import Workstation  # noqa: PLC0415

    url = cell_url(args)
    if url is None:
        raise CliError(msg("Say which cell: --cell URL (or INCIDENT_LOG_CELL)."))
    target = parse_url(url)
    book = open_vault(args)
    local = None
    try:
        path = Path(book.path)
        passphrase = _Passphrase()
        kept = credentials(path, target, passphrase)
        secrets, signer = kept.secrets, kept.signer
        local_path = cell_local_path(path)
        local = open_local(local_path, book.derived_key("cell-local"))
        fileio.protect_vault(local_path)  # no -o of any command may land on the queue and mirror
        station = Workstation(url, secrets, local, signer=signer)
        if not station.connect() and station.trouble is not None and not isinstance(station.trouble, errors.CellUnreachable):
            raise station.trouble
    except BaseException:
        if local is not None:
            local.close()
        book.close()
        raise
    opened_local = local

    def closing() -> None:
        opened_local.close()
        book.close()

    cell = CellBook(station, prefs=book.get_pref, on_close=closing, late_margin=book.late_margin)
    if sync and station.online:
        report = station.sync()
        for problem in report.problems:
            warn(msg("warning: {warning}", warning=problem))
        for _uid, reason in report.replay.held:
            warn(msg("warning: a queued entry is held: {reason}", reason=reason))
    if sync and not station.online:
        warn(msg("offline: {problem}", problem=station.status().problem))
    return cell


# --- commands -------------------------------------------------------------------------------------


def cmd_setup(args: argparse.Namespace) -> int:
    from incident_log.cell.setup import setup_server  # noqa: PLC0415

    report = setup_server(args.url, _admin_secrets(args.url))
    if report.changed:
        say(
            msg(
                "Cell schema version {version} set up: created {created}.",
                version=report.schema_version, created=", ".join(report.created),
            )
        )
    else:
        say(msg("Cell schema version {version} was already set up; nothing was changed.", version=report.schema_version))
    return EXIT_OK


def _output_is_a_file() -> bool:
    """Is stdout redirected into a file (where a password would stay in clear)? A terminal or a
    pipe read by a script is not."""
    try:
        return stat.S_ISREG(os.fstat(sys.stdout.fileno()).st_mode)
    except (OSError, ValueError, io.UnsupportedOperation):
        return False


def cmd_add_user(args: argparse.Namespace) -> int:
    from incident_log.cell.connect import parse_url  # noqa: PLC0415
    from incident_log.cell.setup import add_user  # noqa: PLC0415

    if not args.certificate and _output_is_a_file() and not args.show_password:
        raise CliError(
            msg(
                "The new user's password is shown once, and this output goes to a file, which would keep it in "
                "clear. Run it in a terminal (or a script reading its output), or add --show-password; "
                "nothing was created."
            )
        )
    user = add_user(args.url, args.name, cell=args.cell_name, certificate=args.certificate,
                    admin=_admin_secrets(args.url))
    target = parse_url(args.url)
    if not user.created:
        say(
            msg(
                "Cell user '{role}' already exists in cell '{cell}'; nothing was changed "
                "(its password is not shown again).",
                role=user.role, cell=user.cell,
            )
        )
        return EXIT_OK
    say(user.instructions(target))
    if user.password is not None:
        say(msg("On the workstation run, once:  incident-log --vault VAULT --cell URL cell login"))
        say(msg("and type this password when asked (or give it in INCIDENT_LOG_CELL_PASSWORD for that one command):"))
        say(f"  {user.password}")
    return EXIT_OK


def cmd_login(args: argparse.Namespace) -> int:
    """Keep this workstation's cell password (keyring + slot), make its signing key, try the server."""
    from incident_log.cell import errors, login, signing  # noqa: PLC0415
    from incident_log.cell.connect import Secrets, parse_url  # noqa: PLC0415
    from incident_log.cell.store import CellStore  # noqa: PLC0415

    url = cell_url(args)
    if url is None:
        raise CliError(msg("Say which cell: --cell URL (or INCIDENT_LOG_CELL)."))
    target = parse_url(url)
    password = None if _by_certificate(target) else login.password_from_env()
    if password is None and not _by_certificate(target):
        if not sys.stdin.isatty():
            raise CliError(msg("The cell password is needed: set {env}, or run this in a terminal.", env=login.PASSWORD_ENV))
        password = getpass.getpass(msg("Cell password of {user} (from 'cell add-user'): ", user=target.user))
    passphrase = _Passphrase()
    path = vault_path(args)
    with open_vault(args) as book:
        wrap_with = passphrase()
        if not book.check_passphrase(wrap_with):
            raise errors.WrongCellLoginPassphrase()
    if password is not None:
        login.check_password(password)
        kept = login.keep_password(path, target, password, wrap_with, remember_in_keyring=not args.no_keyring)
        if kept.in_keyring:
            said = msg("Cell password kept in the system keyring and {slot} (wrapped under the vault's passphrase).", slot=kept.slot)
        else:
            said = msg("Cell password kept in {slot} (wrapped under the vault's passphrase).", slot=kept.slot)
        say(said)
    key_path = signing.slot_path(path)
    if key_path.exists():
        signer = _signing_key(path, passphrase)
    else:
        signer = signing.create_and_keep(key_path, wrap_with, remember_in_keyring=not args.no_keyring).key
        say(msg("Signing key {key_id} created in {path}; back it up with the vault.", key_id=signer.key_id, path=key_path))
    try:
        store = CellStore.open(url, Secrets(password=password), signer=signer)
    except errors.CellUnreachable as gone:
        say(msg("Not connected yet: {reason}", reason=gone.message))
        return EXIT_OK
    try:
        say(msg("Connected as '{role}' in cell '{cell}'; signing key registered.", role=store.role, cell=store.cell))
    finally:
        store.close()
    return EXIT_OK


def status_line(status: Any) -> str:
    """``CellStatus.line()`` in the reader's language (the window has its own, through Qt)."""
    if not status.connected:
        if status.waiting == 1:
            return msg("offline — 1 entry waiting")
        return msg("offline — {count} entries waiting", count=status.waiting)
    if status.waiting == 1:
        return msg("connected — 1 entry waiting to be sent")
    if status.waiting:
        return msg("connected — {count} entries waiting to be sent", count=status.waiting)
    return msg("connected — nothing waiting")


def _status_lines(book: Any) -> list[str]:
    status = book.status()
    lines = [status_line(status)]
    if status.problem and not status.connected:
        lines.append(status.problem)
    if status.held:
        if status.held == 1:
            lines.append(msg("1 queued entry is held (refused by the server)"))
        else:
            lines.append(msg("{count} queued entries are held (refused by the server)", count=status.held))
    for row in status.incidents:
        found = book.station.mirror.find_incident(row.incident_id)
        ref = found.ref if found else row.incident_id
        mine = f"#{max(row.mirror_count, 0)} {row.mirror_head[:12]}"
        if row.server_count is None:
            theirs, same = msg("unknown (offline)"), ""
        else:
            theirs = f"#{max(row.server_count, 0)} {(row.server_head or '')[:12]}"
            same = " " + msg("(same)") if (row.server_count, row.server_head) == (row.mirror_count, row.mirror_head) else ""
        lines.append(
            "\t".join(
                (
                    ref,
                    msg("mirror {state}", state=mine),
                    msg("server {state}", state=theirs + same),
                    msg("waiting {count}", count=row.waiting),
                )
            )
        )
    return lines


def cmd_status(args: argparse.Namespace) -> int:
    with open_cell_book(args, sync=False) as book:
        for line in _status_lines(book):
            say(line)
    return EXIT_OK


def cmd_sync(args: argparse.Namespace) -> int:
    with open_cell_book(args, sync=False) as book:
        report = book.sync()
        if not report.connected:
            why = report.replay.stopped or (report.problems[0] if report.problems else book.status().problem)
            warn(msg("error: not synced: {reason}", reason=why))
            return EXIT_FAILED
        sent = len(report.replay.sent)
        if sent == 1:
            done = msg("Sent 1 entry, fetched {fetched}; {status}.", fetched=report.fetched, status=status_line(book.status()))
        else:
            done = msg(
                "Sent {sent} entries, fetched {fetched}; {status}.",
                sent=sent, fetched=report.fetched, status=status_line(book.status()),
            )
        say(done)
        for _uid, reason in report.replay.held:
            warn(msg("held: {reason}", reason=reason))
        for problem in report.problems:
            warn(msg("warning: {warning}", warning=problem))
        return EXIT_FAILED if report.problems or report.replay.held else EXIT_OK


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    cell = sub.add_parser("cell", help=msg("cell mode: a shared incident store on PostgreSQL (setup, users, sync)"))
    cell_sub = cell.add_subparsers(dest="cell_command", metavar="setup|add-user|login|status|sync", required=True)
    admin_help = msg("the administrator's URL: a PostgreSQL superuser (password: INCIDENT_LOG_CELL_ADMIN_PASSWORD or asked)")

    p = cell_sub.add_parser("setup", parents=[common], help=msg("create the cell schema, roles and policies (idempotent)"))
    p.set_defaults(handler=cmd_setup)
    p.add_argument("--url", required=True, metavar="ADMIN_URL", help=admin_help)

    p = cell_sub.add_parser("add-user", parents=[common], help=msg("create a workstation user; prints how it connects"))
    p.set_defaults(handler=cmd_add_user)
    p.add_argument("name", metavar=msg("NAME"), help=msg("the user's login (lower-case letters, digits, '_')"))
    p.add_argument("--url", required=True, metavar="ADMIN_URL", help=admin_help)
    p.add_argument("--cell-name", default="main", metavar=msg("NAME"), help=msg("the cell the user belongs to (default: main)"))
    p.add_argument("--certificate", action="store_true", help=msg("log in with a client certificate instead of a password"))
    p.add_argument("--show-password", action="store_true",
                   help=msg("print the generated password even when the output is redirected into a file"))

    p = cell_sub.add_parser("login", parents=[common],
                            help=msg("keep this workstation's cell password and create its signing key (once per user)"))
    p.set_defaults(handler=cmd_login)
    p.add_argument("--no-keyring", action="store_true", help=msg("keep the secrets in passphrase slots only"))

    p = cell_sub.add_parser("status", parents=[common], help=msg("connected or not, entries waiting, mirror head vs server head"))
    p.set_defaults(handler=cmd_status)
    p = cell_sub.add_parser("sync", parents=[common], help=msg("send what waits, fetch what is new"))
    p.set_defaults(handler=cmd_sync)
