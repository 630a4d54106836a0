"""`incident-log report` and `incident-log demo`: the debrief officer's commands.

``register(sub, common)`` adds both to the main parser (``cli.build_parser`` calls it). The
handlers open the vault through ``cli.open_logbook`` and do their work in ``run_report`` /
``run_demo``, which take an already opened book (``facade.Book``: the vault's ``Logbook`` or cell
mode's ``CellBook``) so tests and the GUI can reuse them.
"""

from __future__ import annotations

import argparse
import json
import secrets
import shutil
import sys
import tempfile
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from incident_log import errors
from incident_log.cli import say, warn
from incident_log.i18n import LANGUAGES, language_from_env, msg
from incident_log.report.errors import ReasonRequired
from incident_log.report.options import DEFAULT_CLASSIFICATION, VerifySummary, classification_for

if TYPE_CHECKING:
    from incident_log.facade import Book

EXIT_OK = 0
DEMO_OUTPUT = "incident-log-demo.pdf"
UNREDACTED_ACTION = "unredacted report"


def register(sub: Any, common: argparse.ArgumentParser | None = None) -> None:
    parents = [common] if common is not None else []
    p = sub.add_parser(
        "report",
        parents=parents,
        help=msg("write the debrief report (a redacted PDF unless --unredacted)"),
        description=msg("Write the debrief report of an incident as a PDF. The copy is redacted (people by label, "
        "phones and e-mails as tags) and checks itself for leaks before it is written, unless --unredacted "
        "is given with a --reason, which is recorded in the log."),
    )
    p.set_defaults(handler=cmd_report)
    p.add_argument("ref", metavar="REF")
    p.add_argument(
        "-o", "--output", metavar=msg("FILE") + ".pdf", help=msg("where to write the PDF (not needed with --review)")
    )
    p.add_argument(
        "--unredacted", action="store_true", help=msg("name the people (needs --reason; recorded in the log)")
    )
    p.add_argument("--reason", metavar=msg("TEXT"), help=msg("why an unredacted copy is needed"))
    p.add_argument(
        "--review",
        action="store_true",
        help=msg("list what redaction will hide and what looks like an unregistered identity; writes no PDF"),
    )
    decisions = p.add_argument_group(
        msg("redaction decisions"),
        msg("Each is recorded in the log (who, when, what) and used by every later report of the incident."),
    )
    decisions.add_argument(
        "--keep", action="append", default=[], metavar=msg("WORD"), help=msg("print WORD as written (a place, a pub, a word)")
    )
    decisions.add_argument(
        "--redact", action="append", default=[], metavar=msg("WORD"), help=msg("hide WORD as well ([REDACTED])")
    )
    decisions.add_argument(
        "--default",
        action="append",
        default=[],
        metavar=msg("WORD"),
        help=msg("withdraw the earlier decisions about WORD (back to what the redactor does by itself)"),
    )
    decisions.add_argument(
        "--attach",
        action="append",
        default=[],
        metavar=msg("WORD=KEY"),
        help=msg("WORD is a spelling of the registered person KEY: print that person's label"),
    )
    p.add_argument(
        "--classification",
        default=None,
        metavar=msg("TEXT"),
        help=msg("the marking on every page (default {default}; in Spanish DIFUSIÓN LIMITADA)", default=DEFAULT_CLASSIFICATION),
    )
    p.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help=msg("the report's language (default: the locale's, or INCIDENT_LOG_LANG)"),
    )
    p.add_argument(
        "--author", metavar=msg("NAME"), help=msg("who is making the report (default: your callsign or user name)")
    )
    p.add_argument("--force", action="store_true", help=msg("replace {file} if it exists", file=msg("FILE") + ".pdf"))

    p = sub.add_parser(
        "demo",
        parents=parents,
        help=msg("import the bundled example incident and write its redacted report"),
        description=msg("Works with no vault and no keyring: makes a temporary vault (unless --vault is given), "
        "imports the bundled example incident and writes its redacted debrief report."),
    )
    p.set_defaults(handler=cmd_demo)
    p.add_argument("-o", "--output", metavar=msg("FILE") + ".pdf", default=DEMO_OUTPUT, help=msg("default ./{file}", file=DEMO_OUTPUT))


class ReportUsage(errors.IncidentLogError):
    pass


# --- handlers ----------------------------------------------------------------------------------


def cmd_report(args: argparse.Namespace) -> int:
    from incident_log.cli import open_logbook  # noqa: PLC0415

    if args.unredacted and not (args.reason or "").strip():
        raise ReasonRequired()
    deciding = bool(args.keep or args.redact or args.attach or args.default)
    if not args.review and not args.output and not deciding:
        raise ReportUsage(msg("Say where to write the report with -o FILE.pdf (or use --review to check it first)."))
    with open_logbook(args) as book:
        return run_report(args, book)


def run_report(args: argparse.Namespace, book: Book, out: TextIO | None = None) -> int:
    """The report command on an opened logbook."""
    from incident_log.fileio import check_output  # noqa: PLC0415
    from incident_log.report import ReportOptions, build_report  # noqa: PLC0415
    from incident_log.report.build import write_atomically  # noqa: PLC0415
    from incident_log.report.source import gather, make_redactor, review_texts  # noqa: PLC0415

    out = out or sys.stdout
    book.incident(args.ref)  # an unknown ref fails here, before any work
    _record_decisions(args, book, out)
    if not args.review and not args.output:
        return EXIT_OK
    if not args.review:  # never onto the vault or its key file; an existing file only with --force
        check_output(Path(args.output).expanduser(), force=getattr(args, "force", False))
    inputs = gather(book, args.ref)
    # Everything this workstation knows teaches the redactor (cell mode: the queue too).
    redactor = make_redactor(inputs.redaction_state(), inputs.redaction_entries())
    lang = getattr(args, "lang", None) or language_from_env()
    classification = classification_for(getattr(args, "classification", None), lang)
    if args.review:
        # The officer's own terminal: values are shown so the register can be completed.
        print_review(redactor.review(review_texts(inputs.state, inputs.entries)), out, args.ref, lang)
        return EXIT_OK
    if args.unredacted:
        reason = (args.reason or "").strip()
        if not reason:
            raise ReasonRequired()
        options = ReportOptions(classification=classification, unredacted_reason=reason, lang=lang)
        result = build_report(
            inputs.state, inputs.entries, redactor=None, verification=inputs.verification, options=options
        )
        # Recorded before the file exists: an unredacted copy is never on disk without its audit entry.
        book.audit(args.ref, UNREDACTED_ACTION, reason=reason, author=_author(args, book))
    else:
        options = ReportOptions(classification=classification, lang=lang)
        result = build_report(
            inputs.state, inputs.entries, redactor=redactor, verification=inputs.verification, options=options
        )
    path = Path(args.output).expanduser()
    write_atomically(path, result.pdf)
    for warning in result.warnings:
        warn(warning)
    copy = msg("redacted copy, self-checked") if result.redacted else msg("UNREDACTED copy, recorded in the log")
    say(msg("Wrote {path} ({pages} pages, {copy}).", path=path, pages=result.pages, copy=copy), out)
    _say_what_the_copy_holds(inputs.verification)
    return EXIT_OK


def _say_what_the_copy_holds(verification: VerifySummary) -> None:
    """Cell mode: a report printed without the server, or with entries still in the queue, says so."""
    from incident_log.cli import entries  # noqa: PLC0415

    if verification.shared_unchecked:
        warn(
            msg(
                "the cell server could not be reached: the report was printed from this workstation's copy "
                "of the shared log ({entries}, head {head}); the shared head could not be checked, and the "
                "report says so.",
                entries=entries(verification.count), head=verification.head_hash or msg("(empty)"),
            )
        )
    if verification.waiting:
        warn(
            msg(
                "not in the report: {entries} waiting in this workstation's queue (not on the shared log yet); "
                "its redaction took them into account.",
                entries=entries(verification.waiting),
            )
        )


def _record_decisions(args: argparse.Namespace, book: Book, out: TextIO) -> None:
    """Record --keep / --redact / --attach as redaction entries, checked before any is written."""
    planned: list[tuple[str, str, str | None]] = []
    for word in getattr(args, "keep", None) or []:
        planned.append(("keep", word, None))
    for word in getattr(args, "redact", None) or []:
        planned.append(("redact", word, None))
    for word in getattr(args, "default", None) or []:
        planned.append(("default", word, None))
    for item in getattr(args, "attach", None) or []:
        word, sep, key = item.rpartition("=")
        if not sep or not word.strip() or not key.strip():
            raise ReportUsage(
                msg("--attach needs WORD=KEY (the person's key, e.g. --attach 'Ibarrra=s1'), not '{item}'.", item=item)
            )
        planned.append(("attach", word, key.strip()))
    if not planned:
        return
    keys = {p.key for p in book.state(args.ref).people}
    for action, word, key in planned:
        if not word.strip():
            raise ReportUsage(msg("--{action} needs a word.", action=action))
        if key is not None and key not in keys:
            known = ", ".join(sorted(keys)) or msg("none registered")
            raise ReportUsage(
                msg(
                    "No person with key '{key}' in {ref} (keys: {known}). Nothing was recorded.",
                    key=key,
                    ref=args.ref,
                    known=known,
                )
            )
    author = _author(args, book)
    for action, word, key in planned:
        entry = book.record_redaction_decision(args.ref, action, word.strip(), person=key, author=author)
        said = msg("Recorded #{seq}: {action} '{word}'", seq=entry.seq, action=action, word=word.strip())
        say(said + (msg(" as {key}", key=key) if key else "") + ".", out)


def _author(args: argparse.Namespace, book: Book) -> str:
    from incident_log.cli import author_of  # noqa: PLC0415

    return str(author_of(args, book))


def print_review(review: Any, out: TextIO, ref: str = "REF", lang: str = "en") -> None:
    from incident_log.report.content import printed_as  # noqa: PLC0415

    say(msg("Redaction review (shows real values: for your screen only, not for the printed copy)"), out)
    say("", out)
    if not review.items:
        say("  " + msg("nothing found"), out)
    heads = (msg("count"), msg("class"), msg("found"), msg("printed as"), msg("decision"))
    say(f"  {heads[0]:>5}  {heads[1]:16s} {heads[2]:32s} {heads[3]:22s} {heads[4]}", out)
    for item in review.items:
        shown = item.text if len(item.text) <= 32 else item.text[:31] + "\u2026"
        printed = msg("(as written)") if item.kept else printed_as(item.replacement, lang)  # as the copy prints it
        note = msg("  [{what} at a sentence start]", what=item.ambiguous) if item.ambiguous else ""
        say(f"  {item.count:5d}  {item.cls:16s} {shown:32s} {printed:22s} {item.decision}{note}", out)
    say("", out)
    say(msg("To change a decision (recorded in the log, used by every later report):"), out)
    say(f"  incident-log report {ref} --keep WORD          " + msg("print WORD as written"), out)
    say(f"  incident-log report {ref} --redact WORD        " + msg("hide WORD as well"), out)
    say(f"  incident-log report {ref} --attach WORD=KEY    " + msg("WORD is a spelling of person KEY"), out)
    say(f"  incident-log report {ref} --default WORD       " + msg("withdraw the decisions about WORD"), out)


def cmd_demo(args: argparse.Namespace) -> int:
    from incident_log.logbook import Logbook  # noqa: PLC0415

    vault = getattr(args, "vault", None)
    if vault:
        path = Path(vault).expanduser()
        if Logbook.exists(path):
            from incident_log.cli import open_logbook  # noqa: PLC0415

            with open_logbook(args) as book:
                return run_demo(args, book)
        from incident_log.cli import _ask_new_passphrase  # noqa: PLC0415

        passphrase = _ask_new_passphrase("vault", "INCIDENT_LOG_PASSPHRASE")
        with Logbook.create(path, passphrase, remember_in_keyring=False) as book:
            return run_demo(args, book)
    folder = Path(tempfile.mkdtemp(prefix="incident-log-demo-"))
    try:
        # A throwaway vault: a random passphrase nobody needs to know, and nothing in the keyring.
        with Logbook.create(folder / "demo.db", secrets.token_urlsafe(24), remember_in_keyring=False) as book:
            return run_demo(args, book)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def demo_scenario() -> dict[str, Any]:
    text = (files("incident_log.resources") / "examples" / "viaduct.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def run_demo(args: argparse.Namespace, book: Book, out: TextIO | None = None) -> int:
    from incident_log.report import ReportOptions, write_report  # noqa: PLC0415
    from incident_log.report.source import gather, make_redactor  # noqa: PLC0415

    out = out or sys.stdout
    data = demo_scenario()
    try:
        ref = book.import_scenario(data).ref
    except errors.DuplicateRef:
        ref = str(data["incident"]["ref"])  # already imported into this vault: report it again
    inputs = gather(book, ref)
    path = Path(args.output or DEMO_OUTPUT).expanduser().resolve()
    result = write_report(
        path,
        inputs.state,
        inputs.entries,
        redactor=make_redactor(inputs.state, inputs.entries),
        verification=inputs.verification,
        # The verify command on the Integrity page must be one the reader can run.
        options=ReportOptions(
            verify_vault=getattr(args, "vault", None),
            vault_gone=not getattr(args, "vault", None),
            lang=language_from_env(),
            classification=classification_for(None, language_from_env()),
        ),
    )
    for warning in result.warnings:
        warn(warning)
    say(str(path), out)
    return EXIT_OK
