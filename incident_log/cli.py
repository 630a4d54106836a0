"""The command line: the same operations as the desktop app, for scripts, imports and checks.

Every command takes ``--vault PATH`` (or ``INCIDENT_LOG_VAULT``); the key comes from the system
keyring or ``INCIDENT_LOG_PASSPHRASE``, or is asked for on a terminal. Exit 0 on success; on
trouble one clear line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import csv
import getpass
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from incident_log import __version__, errors

if TYPE_CHECKING:
    from incident_log.facade import Book, Recorded
    from incident_log.logbook import Logbook

EXIT_OK = 0
EXIT_FAILED = 1  # the operation failed or found a problem (verify)
EXIT_USAGE = 2
PROG = "incident-log"
BUNDLE_PASSPHRASE_ENV = "INCIDENT_LOG_BUNDLE_PASSPHRASE"

DESCRIPTION = """\
Incident Log: an encrypted, tamper-evident logbook for crisis-negotiation cells.
Run with no command to open the desktop app. New here? Try: incident-log demo -o demo.pdf"""


def say(text: str, stream: TextIO | None = None) -> None:
    stream = stream or sys.stdout
    stream.write(text + "\n")
    stream.flush()


_CONTROLS = {code: f"\\x{code:02x}" for code in [*range(0x20), *range(0x7F, 0xA0)]}


def one_line(text: str) -> str:
    """A message that echoes what was typed stays one line: control characters are shown escaped."""
    return text.translate(_CONTROLS)


def warn(text: str) -> None:
    say(f"{PROG}: {text}", sys.stderr)


class CliError(errors.IncidentLogError):
    """A command-line usage problem with a sentence for the user."""


# --- secrets -----------------------------------------------------------------------------------


def _ask_new_passphrase(what: str, env: str) -> str:
    from_env = os.environ.get(env)
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise CliError(f"Choose a passphrase for the {what}: set {env}, or run this in a terminal to be asked.")
    first = getpass.getpass(f"New passphrase for the {what} (at least 8 characters): ")
    second = getpass.getpass("Type it again: ")
    if first != second:
        raise CliError("The two passphrases differ; nothing was created. Try again.")
    return first


def _ask_passphrase(what: str, env: str) -> str:
    from_env = os.environ.get(env)
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise CliError(f"The {what} passphrase is needed: set {env}, or run this in a terminal to be asked.")
    return getpass.getpass(f"Passphrase for the {what}: ")


def vault_path(args: argparse.Namespace) -> Path:
    from incident_log.logbook import Logbook  # noqa: PLC0415

    return Path(args.vault).expanduser() if args.vault else Logbook.default_path()


def open_logbook(args: argparse.Namespace) -> Book:
    """The vault's Logbook; with ``--cell`` (or INCIDENT_LOG_CELL), the shared store over it (cli_cell.py)."""
    from incident_log import cli_cell  # noqa: PLC0415

    if cli_cell.cell_url(args):
        book: Book = cli_cell.open_cell_book(args)
        return book
    return open_vault(args)


def open_vault(args: argparse.Namespace) -> Logbook:
    """The vault itself (also in cell mode: bundles, backup, and the cell's own files beside it)."""
    from incident_log.logbook import Logbook  # noqa: PLC0415

    path = vault_path(args)
    try:
        book = Logbook.open(path)
    except errors.PassphraseRequired:
        if not sys.stdin.isatty():
            raise
        book = Logbook.open(path, passphrase=getpass.getpass("Vault passphrase: "))
    return book


def in_cell(book: Book) -> bool:
    return getattr(book, "kind", "vault") == "cell"


def say_recorded(book: Book, result: Recorded) -> None:
    """An entry's number; in cell mode, said plainly when it waits in the queue."""
    if getattr(result, "waiting", False):  # only a cell acknowledgement waits
        from incident_log.cell.book import CellBook  # noqa: PLC0415

        assert isinstance(book, CellBook)
        waiting = book.waiting()
        noun = "entry" if waiting == 1 else "entries"
        say(f"queued as provisional #{result.seq}; {waiting} {noun} waiting")
    else:
        say(str(result.seq))


def recorded_entry(result: Any) -> Any:
    """The Entry itself (a cell acknowledgement wraps it)."""
    inner = getattr(result, "entry", None)
    return inner if inner is not None and hasattr(result, "waiting") else result


def author_of(args: argparse.Namespace, book: Book) -> str:
    if getattr(args, "author", None):
        return str(args.author)
    return book.get_pref("callsign") or getpass.getuser()


# --- commands ------------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    from incident_log.logbook import Logbook  # noqa: PLC0415

    path = vault_path(args)
    passphrase = _ask_new_passphrase("vault", "INCIDENT_LOG_PASSPHRASE")
    book = Logbook.create(path, passphrase, remember_in_keyring=not args.no_keyring)
    try:
        say(f"Created vault {path} (key file {path.name}.keys beside it; back up both).")
        if book.unlocked_with == "keyring":
            say("The key is also kept in the system keyring, so this account unlocks without typing.")
        elif book.keyring_note:
            say(book.keyring_note)
    finally:
        book.close()
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    with open_logbook(args) as book:
        incident = book.create_incident(
            args.title, type=args.type, location=args.location or "", ref=args.ref, exercise=args.exercise,
            time_zone=args.time_zone, author=author_of(args, book),
        )
        say(incident.ref)
        if in_cell(book) and not getattr(book, "online", True):
            warn(
                "the cell server cannot be reached: the incident is kept on this workstation and created on "
                "the server, with its entries, at the next 'cell sync' (or the next command once it is back)."
            )
    return EXIT_OK


def cmd_details(args: argparse.Namespace) -> int:
    changes = {
        "title": args.title, "type": args.type, "location": args.location, "time_zone": args.time_zone,
        "exercise": {"yes": True, "no": False}.get(args.exercise or ""),
    }
    with open_logbook(args) as book:
        entry = book.change_details(args.ref, reason=args.reason, author=author_of(args, book), **changes)
        say_recorded(book, entry)
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from incident_log.domain.zones import zone  # noqa: PLC0415

    with open_logbook(args) as book:
        for incident in book.incidents():
            opened = incident.opened_at.astimezone(zone(incident.time_zone)).strftime("%Y-%m-%d %H:%M %Z")
            marker = " [EXERCISE]" if incident.exercise else ""
            say(
                f"{incident.ref}\t{incident.status}\t{incident.entry_count} entries\t{opened}\t"
                f"{incident.type}\t{incident.title}{marker}"
            )
    return EXIT_OK


def _parse_fields(pairs: Sequence[str], kind: str) -> dict[str, Any]:
    from incident_log.domain.kinds import KINDS, FieldType  # noqa: PLC0415

    spec = KINDS.get(kind)
    fields: dict[str, Any] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise CliError(f"--field wants NAME=VALUE, got '{pair}'.")
        name = name.strip()
        field_spec = spec.field(name) if spec else None
        if field_spec is not None and field_spec.type is FieldType.LIST:
            fields[name] = [part.strip() for part in value.split(",") if part.strip()]
        elif field_spec is not None and field_spec.type is FieldType.MAPPING:
            try:
                fields[name] = json.loads(value)
            except ValueError:
                raise CliError(f"--field {name} wants a JSON object, e.g. {name}='{{\"name\": \"...\"}}'.") from None
        else:
            fields[name] = value
    return fields


def _parse_time(value: str | None) -> Any:
    if value is None:
        return None
    from incident_log.domain.entry import parse_iso  # noqa: PLC0415

    try:
        return parse_iso(value)
    except ValueError:
        raise CliError(f"--at '{value}' is not a time: use ISO 8601 with a zone, e.g. 2026-03-14T21:40:00+01:00.") from None


def cmd_log(args: argparse.Namespace) -> int:
    from incident_log.domain.entry import NewEntry  # noqa: PLC0415

    fields = _parse_fields(args.field or [], args.kind)
    refs = args.refs
    if "refs" in fields:
        try:
            refs = int(fields.pop("refs"))
        except ValueError:
            raise CliError("refs must be an entry number (seq).") from None
    with open_logbook(args) as book:
        draft = NewEntry(
            kind=args.kind,
            text=args.text,
            fields=fields,
            occurred_at=_parse_time(args.at),
            refs=refs,
            author=author_of(args, book),
            delay_reason=args.delay_reason,
        )
        entry = book.record(args.ref, draft)
        say_recorded(book, entry)
        clock_warning(entry)
    return EXIT_OK


def clock_warning(entry: Recorded) -> None:
    if entry.clock_back:
        warn(
            f"warning: this computer's clock is {entry.clock_back} s behind the entry before #{entry.seq} "
            "(it was moved back). The entry was recorded with the clock's time and marked; fix the clock."
        )


def cmd_amend(args: argparse.Namespace) -> int:
    corrected = _parse_fields(args.field or [], "amendment") if args.field else None
    with open_logbook(args) as book:
        target = book.entry(args.ref, args.seq)
        if corrected:
            corrected = _parse_fields(args.field, target.kind)
        entry = book.amend(args.ref, args.seq, args.text, reason=args.reason, author=author_of(args, book), corrected=corrected)
        say_recorded(book, entry)
    return EXIT_OK


def cmd_seal(args: argparse.Namespace) -> int:
    with open_logbook(args) as book:
        entry = recorded_entry(book.seal(args.ref, author=author_of(args, book)))
        say(f"{args.ref} sealed at entry #{entry.seq}; head {entry.fields['head']}")
    return EXIT_OK


def cmd_reopen(args: argparse.Namespace) -> int:
    with open_logbook(args) as book:
        entry = book.reopen(args.ref, args.reason, author=author_of(args, book))
        say_recorded(book, entry)
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from incident_log.domain.scenario import read_scenario_file  # noqa: PLC0415

    data = read_scenario_file(Path(args.file))  # clear errors for unreadable, non-JSON or oversized files
    with open_logbook(args) as book:
        incident = book.import_scenario(data, ref=args.ref)
        say(incident.ref)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    with open_logbook(args) as book:
        book.incident(args.ref)  # unknown ref: clear error before any output
        rows = book.export_rows(args.ref)
        if args.output:
            from incident_log import fileio  # noqa: PLC0415

            target = fileio.check_output(Path(args.output), force=args.force)
            warn("the export is plain, unencrypted text: keep it as safe as the vault, delete it when done.")
            with fileio.atomic_output(target) as binary:
                handle = io.TextIOWrapper(binary, encoding="utf-8", newline="")
                count = _write_export(rows, handle, args.format)
                handle.flush()
                handle.detach()
            warn(f"wrote {count} entries to {target}")
        else:
            warn("the export is plain, unencrypted text: keep it as safe as the vault, delete it when done.")
            _write_export(rows, sys.stdout, args.format)
    return EXIT_OK


def _write_export(rows: Any, handle: TextIO, fmt: str) -> int:
    count = 0
    if fmt == "jsonl":
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
        return count
    columns = ["seq", "occurred_at", "recorded_at", "kind", "author", "text", "refs", "delay_reason", "origin", "fields", "hash"]
    writer = csv.DictWriter(handle, fieldnames=columns)
    writer.writeheader()
    for row in rows:
        writer.writerow({**row, "fields": json.dumps(row["fields"], ensure_ascii=False, sort_keys=True)})
        count += 1
    return count


def cmd_verify(args: argparse.Namespace) -> int:
    if (args.head or args.count is not None) and not args.ref:
        raise CliError("--head and --count check one incident: give its REF.")
    with open_logbook(args) as book:
        result = book.verify(args.ref, head=args.head, count=args.count)
        shared = in_cell(book)
    for warning in result.warnings:
        say(f"warning: {warning}", sys.stderr)
    if result.ok:
        checked = "shared chain, signatures and this workstation's copy" if shared else "chain and file"
        say(f"OK: {result.entries_checked} entries in {result.incidents_checked} incident(s); {checked} verified.")
        for ref, (count, head) in sorted(result.head.items()):
            say(f"{ref}: {count} entries, head {head or '(empty)'}")
        if not args.ref and not shared:
            say(f"vault ledger: {result.ledger[0]} incident record(s), head {result.ledger[1]}")
        return EXIT_OK
    if result.first_bad is not None:
        ref, seq = result.first_bad
        say(f"DAMAGED: {ref} first bad entry #{seq}", sys.stderr)
    for problem in result.problems:
        say(f"- {problem}", sys.stderr)
    return EXIT_FAILED


def _not_in_cell(args: argparse.Namespace, what: str) -> None:
    from incident_log import cli_cell  # noqa: PLC0415

    if cli_cell.cell_url(args):
        raise CliError(
            f"{what} does not work in cell mode yet (issue 11, phase two): run it without --cell "
            "(and without INCIDENT_LOG_CELL) on a vault."
        )


def cmd_bundle_export(args: argparse.Namespace) -> int:
    from incident_log import fileio  # noqa: PLC0415

    _not_in_cell(args, "A bundle")
    with open_vault(args) as book:
        book.incident(args.ref)
        fileio.check_output(Path(args.output), force=args.force)  # before asking for a passphrase
        passphrase = _ask_new_passphrase("bundle", BUNDLE_PASSPHRASE_ENV)
        book.export_bundle(args.ref, Path(args.output), passphrase, force=args.force)
        say(f"Wrote {args.output}: {args.ref}, encrypted with the bundle passphrase. Send the passphrase separately.")
    return EXIT_OK


def cmd_bundle_import(args: argparse.Namespace) -> int:
    _not_in_cell(args, "A bundle")
    with open_vault(args) as book:
        passphrase = _ask_passphrase("bundle", BUNDLE_PASSPHRASE_ENV)
        incident = book.import_bundle(Path(args.file), passphrase)
        say(incident.ref)
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    # The vault itself, in cell mode too (the shared log is the server's to back up).
    with open_vault(args) as book:
        done = book.backup(Path(args.dest), force=args.force)
    say(
        f"Backed up {done.incidents} incident(s), {done.entries} entries to {done.vault} and {done.key_file}; "
        "the copy was verified. Keep both files together."
    )
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    _not_in_cell(args, "The desktop app")
    from incident_log.ui.app import run  # noqa: PLC0415 - Qt is loaded only for the desktop app

    return run(Path(args.vault).expanduser() if args.vault else None, getattr(args, "ref", None))


# --- parser --------------------------------------------------------------------------------------


def entry_number(text: str) -> int:
    """An entry's seq as typed: a whole number from 1 (argparse shows the message)."""
    from incident_log.domain.kinds import MAX_SEQ  # noqa: PLC0415

    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text[:20]}' is not an entry number") from None
    if not 1 <= value <= MAX_SEQ:
        raise argparse.ArgumentTypeError(f"{text[:20]} is not an entry number (1 to {MAX_SEQ:,})")
    return value


def entry_count(text: str) -> int:
    return 0 if text.strip() == "0" else entry_number(text)


def build_parser() -> argparse.ArgumentParser:
    from incident_log.domain.kinds import INCIDENT_TYPES, KINDS  # noqa: PLC0415

    vault_help = "the vault file (default: INCIDENT_LOG_VAULT or the per-user data folder)"
    # --vault is accepted before or after the command; SUPPRESS keeps a subcommand from resetting
    # a --vault given before it to None.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--vault", metavar="PATH", default=argparse.SUPPRESS, help=vault_help)
    from incident_log.cli_cell import CELL_HELP  # noqa: PLC0415

    common.add_argument("--cell", metavar="URL", default=argparse.SUPPRESS, help=CELL_HELP)

    parser = argparse.ArgumentParser(prog=PROG, description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vault", metavar="PATH", default=None, help=vault_help)
    parser.add_argument("--cell", metavar="URL", default=None, help=CELL_HELP)
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, handler: Callable[[argparse.Namespace], int], help_: str) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help_, description=help_, parents=[common])
        command.set_defaults(handler=handler)
        return command

    p = add("open", cmd_gui, "open the desktop app straight into an incident's window")
    p.add_argument("ref", metavar="REF")

    p = add("init", cmd_init, "create a vault (asks for its passphrase, or reads INCIDENT_LOG_PASSPHRASE)")
    p.add_argument("--no-keyring", action="store_true", help="do not keep the key in the system keyring")

    p = add("new", cmd_new, "open a new incident; prints its ref")
    p.add_argument("--title", required=True)
    p.add_argument("--type", default="other", choices=INCIDENT_TYPES, metavar="TYPE", help=f"one of: {', '.join(INCIDENT_TYPES)}")
    p.add_argument("--location")
    p.add_argument("--ref", help="e.g. NEG-2026-0142 (default: the next free one)")
    p.add_argument("--exercise", action="store_true", help="a training incident: EXERCISE on every page")
    p.add_argument("--time-zone", metavar="ZONE", help="IANA zone the incident happens in (default: this computer's)")
    p.add_argument("--author", metavar="NAME")

    p = add("details", cmd_details, "change an incident's title, type, location, zone or exercise flag (an entry)")
    p.add_argument("ref", metavar="REF")
    p.add_argument("--title")
    p.add_argument("--type", choices=INCIDENT_TYPES, metavar="TYPE", help=f"one of: {', '.join(INCIDENT_TYPES)}")
    p.add_argument("--location")
    p.add_argument("--time-zone", metavar="ZONE")
    p.add_argument("--exercise", choices=("yes", "no"))
    p.add_argument("--reason", required=True)
    p.add_argument("--author", metavar="NAME")

    add("list", cmd_list, "the incidents in the vault, one a line")

    p = add("log", cmd_log, "record an entry; prints its seq")
    p.add_argument("ref", metavar="REF")
    p.add_argument("kind", metavar="KIND", help=f"one of: {', '.join(k for k, s in KINDS.items() if not s.system)}")
    p.add_argument("text", metavar="TEXT")
    p.add_argument("--at", metavar="ISO8601", help="when it happened (default: now)")
    p.add_argument("--author", metavar="NAME")
    p.add_argument("--field", action="append", metavar="NAME=VALUE", help="a field of the kind (repeatable)")
    p.add_argument("--refs", type=entry_number, metavar="SEQ", help="the entry an update/amendment/flag refers to")
    p.add_argument("--delay-reason", metavar="TEXT", help="why the entry is recorded late (needed past 10 minutes)")

    p = add("amend", cmd_amend, "record a correction of an entry (the original stays visible)")
    p.add_argument("ref", metavar="REF")
    p.add_argument("seq", type=entry_number, metavar="SEQ")
    p.add_argument("text", metavar="TEXT")
    p.add_argument("--reason", required=True)
    p.add_argument("--author", metavar="NAME")
    p.add_argument("--field", action="append", metavar="NAME=VALUE", help="a corrected field (repeatable)")

    p = add("seal", cmd_seal, "close and seal an incident")
    p.add_argument("ref", metavar="REF")
    p.add_argument("--author", metavar="NAME")

    p = add("reopen", cmd_reopen, "reopen a sealed incident")
    p.add_argument("ref", metavar="REF")
    p.add_argument("--reason", required=True)
    p.add_argument("--author", metavar="NAME")

    p = add("import", cmd_import, "import a scenario file (incident-log/1 JSON); prints the ref")
    p.add_argument("file", metavar="FILE.json")
    p.add_argument("--ref", help="import under another ref")

    p = add("export", cmd_export, "export an incident's entries as plain text (JSON Lines or CSV)")
    p.add_argument("ref", metavar="REF")
    p.add_argument("--format", choices=("jsonl", "csv"), required=True)
    p.add_argument("-o", "--output", metavar="FILE")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")

    p = add("verify", cmd_verify, "check the hash chain and the file; exit 1 naming the first bad entry")
    p.add_argument("ref", nargs="?", metavar="REF")
    p.add_argument("--head", metavar="HASH", help="the head hash printed on a report")
    p.add_argument("--count", type=entry_count, metavar="N", help="the entry count printed on a report")

    p = add("backup", cmd_backup, "a verified copy of the vault and its key file, safe while the app is running")
    p.add_argument("dest", metavar="DEST", help="the copy's file name, or a folder to put vault.db and vault.db.keys in")
    p.add_argument("--force", action="store_true", help="replace an earlier backup at DEST")

    bundle = sub.add_parser("bundle", help="move an incident between vaults as one encrypted file")
    bundle_sub = bundle.add_subparsers(dest="bundle_command", metavar="export|import", required=True)
    p = bundle_sub.add_parser("export", help="write an incident to an encrypted bundle", parents=[common])
    p.set_defaults(handler=cmd_bundle_export)
    p.add_argument("ref", metavar="REF")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p = bundle_sub.add_parser("import", help="import a bundle (its chain is verified; twice adds nothing)", parents=[common])
    p.set_defaults(handler=cmd_bundle_import)
    p.add_argument("file", metavar="FILE")

    from incident_log import cli_cell  # noqa: PLC0415

    cli_cell.register(sub, common)
    try:
        from incident_log import cli_report  # noqa: PLC0415
    except ImportError:
        cli_report = None  # type: ignore[assignment]
    if cli_report is not None:
        cli_report.register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        if args.command is None:
            handler = cmd_gui
        else:
            parser.print_help(sys.stderr)
            return EXIT_USAGE
    try:
        return int(handler(args))
    except errors.IncidentLogError as exc:
        warn(f"error: {one_line(exc.message)}")
        return EXIT_FAILED
    except BrokenPipeError:  # `incident-log export ... | head`: the reader has what it wanted
        sys.stderr.close()
        return EXIT_OK
    except OSError as exc:  # a file named on the command line could not be read or written
        where = f" {exc.filename}" if exc.filename else ""
        from incident_log.i18n import msg  # noqa: PLC0415

        detail = exc.strerror or type(exc).__name__
        warn("error: " + msg("could not use{where} ({detail}). Check the path and try again.", where=where, detail=detail))
        return EXIT_FAILED
    except KeyboardInterrupt:
        from incident_log.i18n import msg  # noqa: PLC0415

        warn(msg("interrupted; nothing more was written."))
        return 130
    except Exception as exc:  # a bug: say so, without a traceback full of incident data
        if os.environ.get("INCIDENT_LOG_DEBUG"):
            raise
        from incident_log.i18n import msg  # noqa: PLC0415

        warn(
            msg(
                "internal error ({name}); nothing was lost that had been recorded. "
                "Please report it; set INCIDENT_LOG_DEBUG=1 to see the details.",
                name=type(exc).__name__,
            )
        )
        return 70
