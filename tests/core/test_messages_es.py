"""Messages in Spanish (issue 12): the catalogue is complete, the errors speak the locale's
language, and the command line's errors arrive in Spanish under LANG=es_ES.UTF-8."""

from __future__ import annotations

import os
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from incident_log import errors
from incident_log.i18n import language_from_env
from incident_log.i18n.catalogue import MO_PATH, PO_PATH, compile_mo, extract, read_po
from incident_log.report.errors import ReasonRequired
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_message_id_has_a_spanish_translation() -> None:
    _, messages = read_po(PO_PATH)
    assert len(messages) > 300
    untranslated = [m.msgid for m in messages if not m.msgstr.strip()]
    fuzzy = [m.msgid for m in messages if m.fuzzy]
    assert untranslated == [] and fuzzy == []


def test_every_marked_string_in_the_source_is_in_the_catalogue() -> None:
    _, messages = read_po(PO_PATH)
    known = {m.key for m in messages}
    missing = [key for key in extract() if key not in known]
    assert missing == [], "run: python -m incident_log.i18n, then translate the new strings"


def test_translations_keep_every_placeholder() -> None:
    _, messages = read_po(PO_PATH)
    wrong = [m.msgid for m in messages if _fields(m.msgid) != _fields(m.msgstr)]
    assert wrong == []


def test_the_compiled_catalogue_is_the_po_file() -> None:
    header, messages = read_po(PO_PATH)
    assert MO_PATH.read_bytes() == compile_mo(header, messages), "run: python -m incident_log.i18n"


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({"INCIDENT_LOG_LANG": "es"}, "es"),
        ({"LANG": "es_ES.UTF-8"}, "es"),
        ({"LC_ALL": "es_ES.UTF-8", "LANG": "en_GB.UTF-8"}, "es"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"INCIDENT_LOG_LANG": "en", "LANG": "es_ES.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),  # a language we do not ship: English
        ({}, "en"),
    ],
)
def test_language_follows_our_variable_then_the_locale(env: dict[str, str], lang: str) -> None:
    assert language_from_env(env) == lang


@pytest.fixture
def spanish(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INCIDENT_LOG_LANG", "es")


def test_errors_word_for_word_in_spanish(spanish: None) -> None:
    assert errors.WrongPassphrase().message == (
        "Contraseña incorrecta para este almacén. Compruebe la distribución del teclado y el Bloq Mayús "
        "e inténtelo de nuevo."
    )
    assert errors.UnknownEntry("NEG-1", 12).message == "El incidente NEG-1 no tiene la anotación n.º 12."
    assert errors.WeakPassphrase(12).message.startswith("La contraseña es demasiado corta: use al menos 12 caracteres")
    assert ReasonRequired().message.startswith("Un informe íntegro necesita un motivo (--reason TEXTO)")
    # The field in the vocabulary's word, then as typed (--field, import keys); the reason is the caller's.
    assert errors.ValidationError("text", "is empty", index=3).message == "anotación 3: texto (text): is empty"


def test_errors_stay_english_without_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("INCIDENT_LOG_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert errors.WrongPassphrase().message.startswith("Wrong passphrase for this vault.")


def _every_error() -> list[errors.IncidentLogError]:
    """Each error class of the catalogue, built with placeholder values."""
    return [
        errors.VaultNotFound("/x"), errors.VaultExists("/x"), errors.SidecarMissing("/x"),
        errors.SidecarDamaged("/x"), errors.SidecarMismatch("/x"), errors.PassphraseRequired(),
        errors.WrongPassphrase(), errors.WeakPassphrase(8), errors.NotAVault("/x"), errors.VaultDamaged("/x", "p"),
        errors.VaultTooNew("/x", "9"), errors.VaultInUse(), errors.VaultReadOnly("/x"),
        errors.VaultReadOnly("/x", opening=True), errors.VaultPathUnusable("/x"),
        errors.VaultFolderUnusable("/x", "y"), errors.BackupFailed("/x", "y"), errors.DiskFull("/x"),
        errors.DiskFull("/x", opening=True), errors.KeyringUnavailable("y"), errors.UnknownIncident("R"),
        errors.DuplicateRef("R"), errors.UnknownEntry("R", 1), errors.IncidentSealed("R"),
        errors.WrongBundlePassphrase(), ReasonRequired(),
    ]


def test_every_error_of_the_catalogue_has_a_spanish_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INCIDENT_LOG_LANG", "en")
    english = [e.message for e in _every_error()]
    monkeypatch.setenv("INCIDENT_LOG_LANG", "es")
    spanish = [e.message for e in _every_error()]
    for en, es in zip(english, spanish, strict=True):
        assert en != es
        assert not re.search(r"(?<![-\w])(the|vault|nothing|was|is|and)\b", es), es  # --vault is an option


def _cli(*args: str, env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("INCIDENT_LOG_LANG", "LC_ALL", "LC_MESSAGES", "LANG")}
    return subprocess.run(
        [sys.executable, "-m", "incident_log", *args],
        cwd=ROOT,
        env={
            **clean,
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            "INCIDENT_LOG_PASSPHRASE": PASSPHRASE,
            "PYTHONPATH": str(ROOT),
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_errors_in_spanish_under_lang_es(tmp_path: Path) -> None:
    missing = _cli("--vault", str(tmp_path / "none.db"), "list", env={"LANG": "es_ES.UTF-8"}, tmp_path=tmp_path)
    assert missing.returncode == 1
    assert f"error: No hay ningún almacén en {tmp_path / 'none.db'}." in missing.stderr
    assert "No vault" not in missing.stderr and "Traceback" not in missing.stderr

    usage = _cli("report", "NEG-1", env={"LANG": "es_ES.UTF-8"}, tmp_path=tmp_path)
    assert usage.returncode == 1
    assert "Indique dónde escribir el informe con -o FICHERO.pdf" in usage.stderr

    reason = _cli("report", "NEG-1", "--unredacted", "-o", "x.pdf", env={"INCIDENT_LOG_LANG": "es"}, tmp_path=tmp_path)
    assert "Un informe íntegro necesita un motivo" in reason.stderr

    english = _cli("--vault", str(tmp_path / "none.db"), "list", env={"LANG": "en_GB.UTF-8"}, tmp_path=tmp_path)
    assert "No vault at" in english.stderr


def test_report_command_writes_a_spanish_report_under_lang_es(tmp_path: Path, viaduct_data: dict) -> None:
    import json

    from pypdf import PdfReader

    vault = str(tmp_path / "v.db")
    scenario = tmp_path / "s.json"
    scenario.write_text(json.dumps(viaduct_data), encoding="utf-8")
    env = {"LANG": "es_ES.UTF-8", "INCIDENT_LOG_VAULT": vault}
    assert _cli("init", env=env, tmp_path=tmp_path).returncode == 0
    assert _cli("import", str(scenario), env=env, tmp_path=tmp_path).returncode == 0
    out = tmp_path / "es.pdf"
    done = _cli("report", "NEG-2026-0031", "-o", str(out), env=env, tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "copia seudonimizada, autocomprobada" in done.stdout
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Página 1 de" in text and "DIFUSIÓN LIMITADA" in text and "Sujeto A" in text
    # --lang en overrides the locale for one report.
    out_en = tmp_path / "en.pdf"
    assert _cli("report", "NEG-2026-0031", "--lang", "en", "-o", str(out_en), env=env, tmp_path=tmp_path).returncode == 0
    text_en = "\n".join(page.extract_text() for page in PdfReader(out_en).pages)
    assert "Page 1 of" in text_en and "OFFICIAL-SENSITIVE" in text_en and "Subject A" in text_en
