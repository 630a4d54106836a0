"""The command line: the same operations as the desktop app, for scripts, imports and checks.

Every command takes ``--vault PATH`` (or ``INCIDENT_LOG_VAULT``); the key comes from the system
keyring or ``INCIDENT_LOG_PASSPHRASE``, or is asked for on a terminal. Exit 0 on success; on
trouble one clear line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import csv
import errno
import getpass
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from incident_log import __version__, errors
from incident_log.i18n import N_, msg, translator

if TYPE_CHECKING:
    from incident_log.facade import Book, Recorded
    from incident_log.logbook import Logbook

EXIT_OK = 0
EXIT_FAILED = 1  # the operation failed or found a problem (verify)
EXIT_USAGE = 2
PROG = "incident-log"
BUNDLE_PASSPHRASE_ENV = "INCIDENT_LOG_BUNDLE_PASSPHRASE"

DESCRIPTION = N_(
    "Incident Log: an encrypted, tamper-evident logbook for crisis-negotiation cells.\n"
    "Run with no command to open the desktop app. New here? Try: incident-log demo -o demo.pdf"
)


def say(text: str, stream: TextIO | None = None) -> None:
    stream = stream or sys.stdout
    stream.write(text + "\n")
    stream.flush()


_CONTROLS = {code: f"\\x{code:02x}" for code in [*range(0x20), *range(0x7F, 0xA0)]}


def one_line(text: str) -> str:
    """A message that echoes what was typed stays one line: control characters are shown escaped."""
    return text.translate(_CONTROLS)


def entries(count: int) -> str:
    """"1 entry" / "{count} entries" in the message language (issue 10 had "1 entries" as a slip)."""
    if count == 1:
        return msg("1 entry")
    return msg("{count} entries", count=count)


# The C library's strerror is English here (Python never calls setlocale for LC_MESSAGES, and the
# libc's Spanish may not be installed): the usual reasons a named file fails are ours to say.
_OS_REASONS = {
    errno.ENOENT: N_("No such file or directory"),
    errno.EACCES: N_("Permission denied"),
    errno.EPERM: N_("Operation not permitted"),
    errno.EISDIR: N_("Is a directory"),
    errno.ENOTDIR: N_("Not a directory"),
    errno.EEXIST: N_("File exists"),
    errno.ENOSPC: N_("No space left on device"),
    errno.EROFS: N_("Read-only file system"),
    errno.ENAMETOOLONG: N_("File name too long"),
}


def os_reason(exc: OSError) -> str:
    """Why the OS refused, in the reader's language for the usual reasons (else the OS's words)."""
    known = _OS_REASONS.get(exc.errno or 0)
    return msg(known) if known else exc.strerror or type(exc).__name__


def warn(text: str) -> None:
    say(f"{PROG}: {text}", sys.stderr)


class CliError(errors.IncidentLogError):
    """A command-line usage problem with a sentence for the user."""


# --- secrets -----------------------------------------------------------------------------------


# Whole sentences per secret (not "the {what}"), so Spanish can say "la caja" / "el paquete".
_NEW_PASSPHRASE = {
    "vault": (
        N_("Choose a passphrase for the vault: set {env}, or run this in a terminal to be asked."),
        N_("New passphrase for the vault (at least 8 characters): "),
    ),
    "bundle": (
        N_("Choose a passphrase for the bundle: set {env}, or run this in a terminal to be asked."),
        N_("New passphrase for the bundle (at least 8 characters): "),
    ),
}
_PASSPHRASE = {
    "bundle": (
        N_("The bundle passphrase is needed: set {env}, or run this in a terminal to be asked."),
        N_("Passphrase for the bundle: "),
    ),
}


def _ask_new_passphrase(what: str, env: str) -> str:
    from_env = os.environ.get(env)
    if from_env:
        return from_env
    refusal, prompt = _NEW_PASSPHRASE[what]
    if not sys.stdin.isatty():
        raise CliError(msg(refusal, env=env))
    first = getpass.getpass(msg(prompt))
    second = getpass.getpass(msg("Type it again: "))
    if first != second:
        raise CliError(msg("The two passphrases differ; nothing was created. Try again."))
    return first


def _ask_passphrase(what: str, env: str) -> str:
    from_env = os.environ.get(env)
    if from_env:
        return from_env
    refusal, prompt = _PASSPHRASE[what]
    if not sys.stdin.isatty():
        raise CliError(msg(refusal, env=env))
    return getpass.getpass(msg(prompt))


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
        book = Logbook.open(path, passphrase=getpass.getpass(msg("Vault passphrase: ")))
    return book


def in_cell(book: Book) -> bool:
    return getattr(book, "kind", "vault") == "cell"


def say_recorded(book: Book, result: Recorded) -> None:
    """An entry's number; in cell mode, said plainly when it waits in the queue."""
    if getattr(result, "waiting", False):  # only a cell acknowledgement waits
        from incident_log.cell.book import CellBook  # noqa: PLC0415

        assert isinstance(book, CellBook)
        waiting = book.waiting()
        if waiting == 1:
            say(msg("queued as provisional #{seq}; 1 entry waiting", seq=result.seq))
        else:
            say(msg("queued as provisional #{seq}; {waiting} entries waiting", seq=result.seq, waiting=waiting))
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
        say(msg("Created vault {path} (key file {name}.keys beside it; back up both).", path=path, name=path.name))
        if book.unlocked_with == "keyring":
            say(msg("The key is also kept in the system keyring, so this account unlocks without typing."))
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
                msg(
                    "the cell server cannot be reached: the incident is kept on this workstation and created on "
                    "the server, with its entries, at the next 'cell sync' (or the next command once it is back)."
                )
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
            marker = " " + msg("[EXERCISE]") if incident.exercise else ""
            # Tab-separated for scripts: status and type stay the stored values.
            say(
                f"{incident.ref}\t{incident.status}\t" + entries(incident.entry_count)
                + f"\t{opened}\t{incident.type}\t{incident.title}{marker}"
            )
    return EXIT_OK


def _parse_fields(pairs: Sequence[str], kind: str) -> dict[str, Any]:
    from incident_log.domain.kinds import KINDS, FieldType  # noqa: PLC0415

    spec = KINDS.get(kind)
    fields: dict[str, Any] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise CliError(msg("--field wants NAME=VALUE, got '{pair}'.", pair=pair))
        name = name.strip()
        field_spec = spec.field(name) if spec else None
        if field_spec is not None and field_spec.type is FieldType.LIST:
            fields[name] = [part.strip() for part in value.split(",") if part.strip()]
        elif field_spec is not None and field_spec.type is FieldType.MAPPING:
            try:
                fields[name] = json.loads(value)
            except ValueError:
                raise CliError(
                    msg("--field {name} wants a JSON object, e.g. {name}='{{\"name\": \"...\"}}'.", name=name)
                ) from None
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
        raise CliError(
            msg("--at '{value}' is not a time: use ISO 8601 with a zone, e.g. 2026-03-14T21:40:00+01:00.", value=value)
        ) from None


def cmd_log(args: argparse.Namespace) -> int:
    from incident_log.domain.entry import NewEntry  # noqa: PLC0415

    fields = _parse_fields(args.field or [], args.kind)
    refs = args.refs
    if "refs" in fields:
        try:
            refs = int(fields.pop("refs"))
        except ValueError:
            raise CliError(msg("refs must be an entry number (seq).")) from None
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
            msg(
                "warning: this computer's clock is {seconds} s behind the entry before #{seq} "
                "(it was moved back). The entry was recorded with the clock's time and marked; fix the clock.",
                seconds=entry.clock_back,
                seq=entry.seq,
            )
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
        say(msg("{ref} sealed at entry #{seq}; head {head}", ref=args.ref, seq=entry.seq, head=entry.fields["head"]))
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


PLAIN_EXPORT = N_("the export is plain, unencrypted text: keep it as safe as the vault, delete it when done.")


def cmd_export(args: argparse.Namespace) -> int:
    with open_logbook(args) as book:
        book.incident(args.ref)  # unknown ref: clear error before any output
        rows = book.export_rows(args.ref)
        if args.output:
            from incident_log import fileio  # noqa: PLC0415

            target = fileio.check_output(Path(args.output), force=args.force)
            warn(msg(PLAIN_EXPORT))
            with fileio.atomic_output(target) as binary:
                handle = io.TextIOWrapper(binary, encoding="utf-8", newline="")
                count = _write_export(rows, handle, args.format)
                handle.flush()
                handle.detach()
            warn(msg("wrote {entries} to {target}", entries=entries(count), target=target))
        else:
            warn(msg(PLAIN_EXPORT))
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
        raise CliError(msg("--head and --count check one incident: give its REF."))
    with open_logbook(args) as book:
        result = book.verify(args.ref, head=args.head, count=args.count)
        shared = in_cell(book)
    for warning in result.warnings:
        say(msg("warning: {warning}", warning=warning), sys.stderr)
    if result.ok:
        checked = msg("shared chain, signatures and this workstation's copy") if shared else msg("chain and file")
        say(
            msg(
                "OK: {entries} in {incidents} incident(s); {checked} verified.",
                entries=entries(result.entries_checked), incidents=result.incidents_checked, checked=checked,
            )
        )
        for ref, (count, head) in sorted(result.head.items()):
            say(msg("{ref}: {entries}, head {head}", ref=ref, entries=entries(count), head=head or msg("(empty)")))
        if not args.ref and not shared:
            say(
                msg(
                    "vault ledger: {count} incident record(s), head {head}",
                    count=result.ledger[0], head=result.ledger[1],
                )
            )
        return EXIT_OK
    if result.first_bad is not None:
        ref, seq = result.first_bad
        say(msg("DAMAGED: {ref} first bad entry #{seq}", ref=ref, seq=seq), sys.stderr)  # scripts: exit 1
    for problem in result.problems:
        say(f"- {problem}", sys.stderr)
    return EXIT_FAILED


def _not_in_cell(args: argparse.Namespace, sentence: str) -> None:
    """``sentence``: an N_() message saying what does not work in cell mode."""
    from incident_log import cli_cell  # noqa: PLC0415

    if cli_cell.cell_url(args):
        raise CliError(msg(sentence))


BUNDLE_NOT_IN_CELL = N_(
    "A bundle does not work in cell mode yet (issue 11, phase two): run it without --cell "
    "(and without INCIDENT_LOG_CELL) on a vault."
)


def cmd_bundle_export(args: argparse.Namespace) -> int:
    from incident_log import fileio  # noqa: PLC0415

    _not_in_cell(args, BUNDLE_NOT_IN_CELL)
    with open_vault(args) as book:
        book.incident(args.ref)
        fileio.check_output(Path(args.output), force=args.force)  # before asking for a passphrase
        passphrase = _ask_new_passphrase("bundle", BUNDLE_PASSPHRASE_ENV)
        book.export_bundle(args.ref, Path(args.output), passphrase, force=args.force)
        say(
            msg(
                "Wrote {path}: {ref}, encrypted with the bundle passphrase. Send the passphrase separately.",
                path=args.output, ref=args.ref,
            )
        )
    return EXIT_OK


def cmd_bundle_import(args: argparse.Namespace) -> int:
    _not_in_cell(args, BUNDLE_NOT_IN_CELL)
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
        msg(
            "Backed up {incidents} incident(s), {entries} to {vault} and {key_file}; "
            "the copy was verified. Keep both files together.",
            incidents=done.incidents, entries=entries(done.entries), vault=done.vault, key_file=done.key_file,
        )
    )
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    from incident_log import cli_cell  # noqa: PLC0415
    from incident_log.ui.app import run  # noqa: PLC0415 - Qt is loaded only for the desktop app

    return run(Path(args.vault).expanduser() if args.vault else None, getattr(args, "ref", None), cli_cell.cell_url(args))


# --- parser --------------------------------------------------------------------------------------


def entry_number(text: str) -> int:
    """An entry's seq as typed: a whole number from 1 (argparse shows the message)."""
    from incident_log.domain.kinds import MAX_SEQ  # noqa: PLC0415

    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(msg("'{text}' is not an entry number", text=text[:20])) from None
    if not 1 <= value <= MAX_SEQ:
        raise argparse.ArgumentTypeError(msg("{text} is not an entry number (1 to {max})", text=text[:20], max=f"{MAX_SEQ:,}"))
    return value


def entry_count(text: str) -> int:
    return 0 if text.strip() == "0" else entry_number(text)


def build_parser() -> argparse.ArgumentParser:
    """The parser, its help in the environment's language (choice values and option names stay
    English: they are what scripts type). Build it inside ``argparse_words.speaking`` (as ``main``
    does) so argparse's own words (``usage:``, ``options``…) are translated too."""
    from incident_log.domain.kinds import INCIDENT_TYPES, KINDS  # noqa: PLC0415

    # Placeholders users read in the usage lines; REF, SEQ, URL, HASH stay as they are.
    path_, name_, text_, file_ = msg("PATH"), msg("NAME"), msg("TEXT"), msg("FILE")
    vault_help = msg("the vault file (default: INCIDENT_LOG_VAULT or the per-user data folder)")
    # --vault is accepted before or after the command; SUPPRESS keeps a subcommand from resetting
    # a --vault given before it to None.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--vault", metavar=path_, default=argparse.SUPPRESS, help=vault_help)
    from incident_log.cli_cell import CELL_HELP  # noqa: PLC0415

    common.add_argument("--cell", metavar="URL", default=argparse.SUPPRESS, help=msg(CELL_HELP))

    parser = argparse.ArgumentParser(
        prog=PROG, description=msg(DESCRIPTION), formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--vault", metavar=path_, default=None, help=vault_help)
    parser.add_argument("--cell", metavar="URL", default=None, help=msg(CELL_HELP))
    parser.add_argument(
        "--version", action="version", version=f"{PROG} {__version__}", help=msg("show program's version number and exit")
    )
    sub = parser.add_subparsers(dest="command", metavar=msg("COMMAND"))

    def add(name: str, handler: Callable[[argparse.Namespace], int], help_: str) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help_, description=help_, parents=[common])
        command.set_defaults(handler=handler)
        return command

    types_help = msg("one of: {choices}", choices=", ".join(INCIDENT_TYPES))
    file_help = msg("replace {file} if it exists", file=file_)

    p = add("open", cmd_gui, msg("open the desktop app straight into an incident's window"))
    p.add_argument("ref", metavar="REF")

    p = add("init", cmd_init, msg("create a vault (asks for its passphrase, or reads INCIDENT_LOG_PASSPHRASE)"))
    p.add_argument("--no-keyring", action="store_true", help=msg("do not keep the key in the system keyring"))

    p = add("new", cmd_new, msg("open a new incident; prints its ref"))
    p.add_argument("--title", required=True, metavar=msg("TITLE"))
    p.add_argument("--type", default="other", choices=INCIDENT_TYPES, metavar=msg("TYPE"), help=types_help)
    p.add_argument("--location", metavar=msg("LOCATION"))
    p.add_argument("--ref", metavar="REF", help=msg("e.g. NEG-2026-0142 (default: the next free one)"))
    p.add_argument("--exercise", action="store_true", help=msg("a training incident: EXERCISE on every page"))
    p.add_argument(
        "--time-zone", metavar=msg("ZONE"), help=msg("IANA zone the incident happens in (default: this computer's)")
    )
    p.add_argument("--author", metavar=name_)

    p = add("details", cmd_details, msg("change an incident's title, type, location, zone or exercise flag (an entry)"))
    p.add_argument("ref", metavar="REF")
    p.add_argument("--title", metavar=msg("TITLE"))
    p.add_argument("--type", choices=INCIDENT_TYPES, metavar=msg("TYPE"), help=types_help)
    p.add_argument("--location", metavar=msg("LOCATION"))
    p.add_argument("--time-zone", metavar=msg("ZONE"))
    p.add_argument("--exercise", choices=("yes", "no"))
    p.add_argument("--reason", required=True, metavar=msg("REASON"))
    p.add_argument("--author", metavar=name_)

    add("list", cmd_list, msg("the incidents in the vault, one a line"))

    p = add("log", cmd_log, msg("record an entry; prints its seq"))
    p.add_argument("ref", metavar="REF")
    kinds = ", ".join(k for k, s in KINDS.items() if not s.system)
    p.add_argument("kind", metavar=msg("KIND"), help=msg("one of: {choices}", choices=kinds))
    p.add_argument("text", metavar=text_)
    p.add_argument("--at", metavar="ISO8601", help=msg("when it happened (default: now)"))
    p.add_argument("--author", metavar=name_)
    field_ = msg("NAME=VALUE")
    p.add_argument("--field", action="append", metavar=field_, help=msg("a field of the kind (repeatable)"))
    p.add_argument(
        "--refs", type=entry_number, metavar="SEQ", help=msg("the entry an update/amendment/flag refers to")
    )
    p.add_argument(
        "--delay-reason", metavar=text_, help=msg("why the entry is recorded late (needed past 10 minutes)")
    )

    p = add("amend", cmd_amend, msg("record a correction of an entry (the original stays visible)"))
    p.add_argument("ref", metavar="REF")
    p.add_argument("seq", type=entry_number, metavar="SEQ")
    p.add_argument("text", metavar=text_)
    p.add_argument("--reason", required=True, metavar=msg("REASON"))
    p.add_argument("--author", metavar=name_)
    p.add_argument("--field", action="append", metavar=field_, help=msg("a corrected field (repeatable)"))

    p = add("seal", cmd_seal, msg("close and seal an incident"))
    p.add_argument("ref", metavar="REF")
    p.add_argument("--author", metavar=name_)

    p = add("reopen", cmd_reopen, msg("reopen a sealed incident"))
    p.add_argument("ref", metavar="REF")
    p.add_argument("--reason", required=True, metavar=msg("REASON"))
    p.add_argument("--author", metavar=name_)

    p = add("import", cmd_import, msg("import a scenario file (incident-log/1 JSON); prints the ref"))
    p.add_argument("file", metavar=file_ + ".json")
    p.add_argument("--ref", metavar="REF", help=msg("import under another ref"))

    p = add("export", cmd_export, msg("export an incident's entries as plain text (JSON Lines or CSV)"))
    p.add_argument("ref", metavar="REF")
    p.add_argument("--format", choices=("jsonl", "csv"), required=True)
    p.add_argument("-o", "--output", metavar=file_)
    p.add_argument("--force", action="store_true", help=file_help)

    p = add("verify", cmd_verify, msg("check the hash chain and the file; exit 1 naming the first bad entry"))
    p.add_argument("ref", nargs="?", metavar="REF")
    p.add_argument("--head", metavar="HASH", help=msg("the head hash printed on a report"))
    p.add_argument("--count", type=entry_count, metavar="N", help=msg("the entry count printed on a report"))

    p = add("backup", cmd_backup, msg("a verified copy of the vault and its key file, safe while the app is running"))
    dest_ = msg("DEST")
    p.add_argument(
        "dest", metavar=dest_,
        help=msg("the copy's file name, or a folder to put vault.db and vault.db.keys in"),
    )
    p.add_argument("--force", action="store_true", help=msg("replace an earlier backup at {dest}", dest=dest_))

    bundle = sub.add_parser("bundle", help=msg("move an incident between vaults as one encrypted file"))
    bundle_sub = bundle.add_subparsers(dest="bundle_command", metavar="export|import", required=True)
    p = bundle_sub.add_parser("export", help=msg("write an incident to an encrypted bundle"), parents=[common])
    p.set_defaults(handler=cmd_bundle_export)
    p.add_argument("ref", metavar="REF")
    p.add_argument("-o", "--output", required=True, metavar=file_)
    p.add_argument("--force", action="store_true", help=file_help)
    p = bundle_sub.add_parser(
        "import", help=msg("import a bundle (its chain is verified; twice adds nothing)"), parents=[common]
    )
    p.set_defaults(handler=cmd_bundle_import)
    p.add_argument("file", metavar=file_)

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
    from incident_log.i18n.argparse_words import speaking  # noqa: PLC0415

    with speaking(translator()):  # argparse's usage/error words in the reader's language
        parser = build_parser()
        args = parser.parse_args(argv)
        handler = getattr(args, "handler", None)
        if handler is None and args.command is not None:
            parser.print_help(sys.stderr)
            return EXIT_USAGE
    if handler is None:
        handler = cmd_gui
    try:
        return int(handler(args))
    except errors.IncidentLogError as exc:
        warn(msg("error: {message}", message=one_line(exc.message)))
        return EXIT_FAILED
    except BrokenPipeError:  # `incident-log export ... | head`: the reader has what it wanted
        sys.stderr.close()
        return EXIT_OK
    except OSError as exc:  # a file named on the command line could not be read or written
        where = f" {exc.filename}" if exc.filename else ""
        detail = os_reason(exc)
        trouble = msg("could not use{where} ({detail}). Check the path and try again.", where=where, detail=detail)
        warn(msg("error: {message}", message=trouble))
        return EXIT_FAILED
    except KeyboardInterrupt:
        warn(msg("interrupted; nothing more was written."))
        return 130
    except Exception as exc:  # a bug: say so, without a traceback full of incident data
        if os.environ.get("INCIDENT_LOG_DEBUG"):
            raise
        warn(
            msg(
                "internal error ({name}); nothing was lost that had been recorded. "
                "Please report it; set INCIDENT_LOG_DEBUG=1 to see the details.",
                name=type(exc).__name__,
            )
        )
        return 70
