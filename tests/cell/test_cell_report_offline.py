"""The report in cell mode with the server stopped: printed from this workstation's copy, saying so.

A report is never refused only because the server cannot be reached. The PDFs are real and read
back with pypdf; the server is the session's PostgreSQL, stopped and started again by each test.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.cell import test_cli_cell
from tests.cell.test_cli_cell import Run, Station, new_incident
from tests.pgserver import PostgresServer

# The CLI tests' fixtures (a user's `incident-log ...` in this process; a workstation with its login).
run = test_cli_cell.run
make_station = test_cli_cell.make_station


def pdf_text(path: Path) -> str:
    # pypdf breaks long lines where the layout wrapped them: compare with whitespace folded.
    return re.sub(r"\s+", " ", "".join(page.extract_text() or "" for page in PdfReader(path).pages))


def test_a_report_with_the_server_stopped_is_printed_from_the_mirror_and_says_so(
    run: Run, make_station: Callable[..., Station], pg_server: PostgresServer, tmp_path: Path
) -> None:
    loggist = make_station("loggist")
    ref = new_incident(run, loggist)
    assert run(*loggist.args("log", ref, "note", "Negotiator on the phone"))[0] == 0
    assert run(*loggist.args("log", ref, "note", "Perimeter holds"))[0] == 0
    pdf = tmp_path / "offline.pdf"
    pg_server.stop()
    try:
        assert run(*loggist.args("log", ref, "note", "Typed while the cable was out"))[1].startswith("queued")
        code, out, err = run(*loggist.args("report", ref, "-o", str(pdf)))
        assert code == 0, err
        assert out.startswith(f"Wrote {pdf}") and "redacted copy, self-checked" in out
        assert "the cell server could not be reached: the report was printed from this workstation's copy" in err
        assert "(2 entries, head " in err and "the shared head could not be checked" in err
        assert "not in the report: 1 entry waiting in this workstation's queue" in err
        text = pdf_text(pdf)
        assert "Negotiator on the phone" in text and "Perimeter holds" in text
        assert "Typed while the cable was out" not in text  # a provisional entry is not evidence yet
        assert "this workstation's copy of the shared log checked when this copy was made: intact (2 entries)" in text
        assert "The cell server could not be reached: the shared log and its head were not checked" in text
        assert "still waiting to be sent to the cell server (1)" in text
        # verify, offline, checks the copy and fails: the shared log is what it is there for.
        code, out, err = run(*loggist.args("verify", ref))
        assert code == 1 and not out.startswith("OK")
        assert "this workstation's copy: 2 entries in 1 incident(s), intact." in err
        assert "NOT VERIFIED: the cell server could not be reached" in err
        # The head printed on this copy is checked against the copy; a wrong one is named.
        head = re.search(r"Head hash ([0-9a-f]{64})", text)
        assert head is not None
        code, _out, err = run(*loggist.args("verify", ref, "--head", head.group(1), "--count", "2"))
        assert code == 1 and "intact" in err and "not on this workstation's copy" not in err
        code, _out, err = run(*loggist.args("verify", ref, "--head", "0" * 64, "--count", "2"))
        assert code == 1 and f"{ref}: the head printed on the report is not on this workstation's copy" in err
    finally:
        pg_server.start()
    # Back online: the same command prints the shared log, checked, with nothing left out.
    again = tmp_path / "online.pdf"
    code, out, err = run(*loggist.args("report", ref, "-o", str(again)))
    assert code == 0 and "could not be reached" not in err and "not in the report" not in err, err
    text = pdf_text(again)
    assert "Typed while the cable was out" in text and "intact (3 entries)" in text
    assert "could not be reached" not in text


def test_an_unredacted_report_offline_is_written_and_its_audit_entry_waits(
    run: Run, make_station: Callable[..., Station], pg_server: PostgresServer, tmp_path: Path
) -> None:
    loggist, leader = make_station("loggist"), make_station("leader")
    ref = new_incident(run, loggist)
    assert run(*loggist.args("log", ref, "note", "Subject on the ledge"))[0] == 0
    assert run(*leader.args("export", ref, "--format", "jsonl"))[0] == 0  # the leader follows it now
    pdf = tmp_path / "court.pdf"
    pg_server.stop()
    try:
        code, out, err = run(*leader.args("report", ref, "-o", str(pdf), "--unredacted", "--reason", "court copy"))
        assert code == 0 and "UNREDACTED copy, recorded in the log" in out, err
        assert "Subject on the ledge" in pdf_text(pdf)
        code, out, _ = run(*leader.args("cell", "status"))
        assert out.startswith("offline — 1 entry waiting")  # the audit entry, durable in the queue
    finally:
        pg_server.start()
    assert run(*leader.args("cell", "sync"))[0] == 0
    code, out, err = run(*loggist.args("export", ref, "--format", "jsonl"))
    assert code == 0 and '"kind": "audit"' in out and "court copy" in out, err


@pytest.mark.parametrize("how", ["person registered offline", "redaction decided offline"])
def test_what_was_recorded_offline_still_redacts_the_printed_copy(
    how: str, run: Run, make_station: Callable[..., Station], pg_server: PostgresServer, tmp_path: Path
) -> None:
    """Words the redactor would print as written unless told (checked: they are, without the queue)."""
    loggist = make_station("loggist")
    ref = new_incident(run, loggist)
    assert run(*loggist.args("log", ref, "note", "he says lucero will bring the blue van"))[0] == 0
    pdf = tmp_path / "redacted.pdf"
    pg_server.stop()
    try:
        if how == "person registered offline":
            code, out, err = run(*loggist.args("log", ref, "person", "", "--field", "key=s1", "--field", "role=subject",
                                               "--field", "name=Lucero"))
            assert code == 0 and out.startswith("queued"), err
            code, out, err = run(*loggist.args("report", ref, "-o", str(pdf)))
            hidden, shown = "lucero", "he says Subject A will bring the blue van"
        else:
            code, out, err = run(*loggist.args("report", ref, "-o", str(pdf), "--redact", "blue van"))
            assert "Recorded #2: redact 'blue van'" in out
            hidden, shown = "blue van", "he says lucero will bring the [REDACTED]"
        assert code == 0 and "redacted copy, self-checked" in out, err
        assert "not in the report: 1 entry waiting" in err
    finally:
        pg_server.start()
    text = pdf_text(pdf)
    assert shown in text  # the entry is printed, redacted by what only the queue knew about
    assert hidden not in text.lower()
