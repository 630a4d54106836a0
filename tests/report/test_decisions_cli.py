"""Redaction decisions from the command line: recorded in the log, used by the next report.

Through the real ``incident-log`` entry point (``cli.main``) on a real vault, as the debrief
officer types them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from incident_log import cli
from incident_log.domain.entry import NewEntry
from incident_log.logbook import Logbook
from tests.conftest import PASSPHRASE
from tests.report.conftest import read_pdf


@pytest.fixture
def vault(vault_path: Path, logbook: Logbook, viaduct: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    logbook.record(viaduct, NewEntry("note", "Spoke to Insp Kowalski at the Puente de Segovia. Ibarrra calm.", author="PC Hale"))
    logbook.close()
    monkeypatch.setenv("INCIDENT_LOG_PASSPHRASE", PASSPHRASE)
    return vault_path, viaduct


def _run(vault: tuple[Path, str], *args: str) -> int:
    path, ref = vault
    return cli.main(["--vault", str(path), "report", ref, *args])


def test_keep_redact_attach_are_entries_and_the_next_report_uses_them(
    vault: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _run(
        vault, "--keep", "Puente de Segovia", "--redact", "calm", "--attach", "Ibarrra=s1", "--author", "DS Ruiz"
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "Recorded #" in out and "keep 'Puente de Segovia'" in out and "attach 'Ibarrra' as s1" in out

    path, ref = vault
    with Logbook.open(path, passphrase=PASSPHRASE) as book:
        decisions = book.redaction_decisions(ref)
        assert [(d.fields["action"], d.fields["value"], d.author) for d in decisions] == [
            ("keep", "Puente de Segovia", "DS Ruiz"),
            ("redact", "calm", "DS Ruiz"),
            ("attach", "Ibarrra", "DS Ruiz"),
        ]
        assert decisions[-1].fields["person"] == "s1"

    target = tmp_path / "r.pdf"
    assert _run(vault, "-o", str(target)) == 0
    text = read_pdf(target).text
    assert "at the Puente de Segovia." in text  # kept as written
    assert "Insp [NAME]" in text  # still the default for what was not decided
    assert "Subject A [REDACTED]." in text  # attached to Subject A; "calm" hidden by decision
    # The decisions are in the timeline too (who decided what), redacted like everything else.
    assert "Redaction decision" in text and "Ibarrra" not in text

    capsys.readouterr()
    assert _run(vault, "--review") == 0
    review = capsys.readouterr().out
    assert "(as written)" in review and "keep (by DS Ruiz" in review

    assert _run(vault, "--default", "Puente de Segovia") == 0
    assert _run(vault, "-o", str(target), "--force") == 0
    assert "at the [NAME]." in read_pdf(target).text


def test_attach_to_an_unknown_key_records_nothing(vault: tuple[Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(vault, "--attach", "Ibarrra=zz9") != 0
    err = capsys.readouterr().err
    assert "No person with key 'zz9'" in err and "Nothing was recorded" in err
    path, ref = vault
    with Logbook.open(path, passphrase=PASSPHRASE) as book:
        assert book.redaction_decisions(ref) == []


def test_decisions_are_accepted_after_a_seal(vault: tuple[Path, str]) -> None:
    path, ref = vault
    with Logbook.open(path, passphrase=PASSPHRASE) as book:
        book.seal(ref, author="TL")
    assert _run(vault, "--keep", "Puente de Segovia") == 0
