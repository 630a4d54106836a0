"""`incident-log report` and `incident-log demo`: the debrief officer's commands.

``register(sub, common)`` adds both to the main parser (``cli.build_parser`` calls it). The
handlers open the vault through ``cli.open_logbook`` and do their work in ``run_report`` /
``run_demo``, which take an already opened ``Logbook`` so tests and the GUI can reuse them.
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
from typing import Any, TextIO

from incident_log import errors
from incident_log.cli import say, warn
from incident_log.report.errors import ReasonRequired
from incident_log.report.options import DEFAULT_CLASSIFICATION

EXIT_OK = 0
DEMO_OUTPUT = "incident-log-demo.pdf"
UNREDACTED_ACTION = "unredacted report"


def register(sub: Any, common: argparse.ArgumentParser | None = None) -> None:
    parents = [common] if common is not None else []
    p = sub.add_parser(
        "report",
        parents=parents,
        help="write the debrief report (a redacted PDF unless --unredacted)",
        description="Write the debrief report of an incident as a PDF. The copy is redacted (people by label, "
        "phones and e-mails as tags) and checks itself for leaks before it is written, unless --unredacted "
        "is given with a --reason, which is recorded in the log.",
    )
    p.set_defaults(handler=cmd_report)
    p.add_argument("ref", metavar="REF")
    p.add_argument(
        "-o", "--output", metavar="FILE.pdf", help="where to write the PDF (not needed with --review)"
    )
    p.add_argument(
        "--unredacted", action="store_true", help="name the people (needs --reason; recorded in the log)"
    )
    p.add_argument("--reason", metavar="TEXT", help="why an unredacted copy is needed")
    p.add_argument(
        "--review",
        action="store_true",
        help="list what redaction will hide and what looks like an unregistered identity; writes no PDF",
    )
    p.add_argument(
        "--classification",
        default=DEFAULT_CLASSIFICATION,
        metavar="TEXT",
        help=f"the marking on every page (default {DEFAULT_CLASSIFICATION})",
    )
    p.add_argument(
        "--author", metavar="NAME", help="who is making the report (default: your callsign or user name)"
    )
    p.add_argument("--force", action="store_true", help="replace FILE.pdf if it exists")

    p = sub.add_parser(
        "demo",
        parents=parents,
        help="import the bundled example incident and write its redacted report",
        description="Works with no vault and no keyring: makes a temporary vault (unless --vault is given), "
        "imports the bundled example incident and writes its redacted debrief report.",
    )
    p.set_defaults(handler=cmd_demo)
    p.add_argument("-o", "--output", metavar="FILE.pdf", default=DEMO_OUTPUT, help=f"default ./{DEMO_OUTPUT}")


class ReportUsage(errors.IncidentLogError):
    pass


# --- handlers ----------------------------------------------------------------------------------


def cmd_report(args: argparse.Namespace) -> int:
    from incident_log.cli import open_logbook  # noqa: PLC0415

    if args.unredacted and not (args.reason or "").strip():
        raise ReasonRequired()
    if not args.review and not args.output:
        raise ReportUsage(
            "Say where to write the report with -o FILE.pdf (or use --review to check it first)."
        )
    with open_logbook(args) as book:
        return run_report(args, book)


def run_report(args: argparse.Namespace, book: Any, out: TextIO | None = None) -> int:
    """The report command on an opened logbook."""
    from incident_log.fileio import check_output  # noqa: PLC0415
    from incident_log.report import ReportOptions, build_report  # noqa: PLC0415
    from incident_log.report.build import write_atomically  # noqa: PLC0415
    from incident_log.report.source import gather, make_redactor, review_texts  # noqa: PLC0415

    out = out or sys.stdout
    book.incident(args.ref)  # an unknown ref fails here, before any work
    if not args.review:  # never onto the vault or its key file; an existing file only with --force
        check_output(Path(args.output).expanduser(), force=getattr(args, "force", False))
    inputs = gather(book, args.ref)
    redactor = make_redactor(inputs.state, inputs.entries)
    if args.review:
        # The officer's own terminal: values are shown so the register can be completed.
        print_review(redactor.review(review_texts(inputs.state, inputs.entries)), out)
        return EXIT_OK
    if args.unredacted:
        reason = (args.reason or "").strip()
        if not reason:
            raise ReasonRequired()
        options = ReportOptions(classification=args.classification, unredacted_reason=reason)
        result = build_report(
            inputs.state, inputs.entries, redactor=None, verification=inputs.verification, options=options
        )
        # Recorded before the file exists: an unredacted copy is never on disk without its audit entry.
        book.audit(args.ref, UNREDACTED_ACTION, reason=reason, author=_author(args, book))
    else:
        options = ReportOptions(classification=args.classification)
        result = build_report(
            inputs.state, inputs.entries, redactor=redactor, verification=inputs.verification, options=options
        )
    path = Path(args.output).expanduser()
    write_atomically(path, result.pdf)
    for warning in result.warnings:
        warn(warning)
    copy = "redacted copy, self-checked" if result.redacted else "UNREDACTED copy, recorded in the log"
    say(f"Wrote {path} ({result.pages} pages, {copy}).", out)
    return EXIT_OK


def _author(args: argparse.Namespace, book: Any) -> str:
    from incident_log.cli import author_of  # noqa: PLC0415

    return str(author_of(args, book))


def print_review(review: Any, out: TextIO) -> None:
    say("Redaction review (shows real values: for your screen only, not for the printed copy)", out)
    say("", out)
    say("Will be hidden (registered):", out)
    if not review.registered:
        say("  nothing", out)
    for finding in review.registered:
        say(f"  {finding.count:5d} x {finding.kind:6s} {finding.text!s}  ->  {finding.label}", out)
    say("", out)
    say("Looks like an identity the register does not know (add it as an alias if it is one):", out)
    if not review.candidates:
        say("  nothing", out)
    for finding in review.candidates:
        say(f"  {finding.count:5d} x {finding.kind:6s} {finding.text!s}", out)


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


def run_demo(args: argparse.Namespace, book: Any, out: TextIO | None = None) -> int:
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
        options=ReportOptions(verify_vault=getattr(args, "vault", None), vault_gone=not getattr(args, "vault", None)),
    )
    for warning in result.warnings:
        warn(warning)
    say(str(path), out)
    return EXIT_OK
