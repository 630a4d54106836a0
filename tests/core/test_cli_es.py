"""The command line in Spanish (issue 12): real CLI processes under LANG=es_ES.UTF-8 meet no word
of our own English, and under LANG=C.UTF-8 the English stays as it was."""

from __future__ import annotations

import argparse
import inspect
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from incident_log.domain.kinds import INCIDENT_TYPES, KINDS
from incident_log.i18n import translator
from incident_log.i18n.argparse_words import ARGPARSE_MSGIDS, speaking
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
RUN = re.compile(r"NEG-\d{4}-\d{4}")

# What stays as typed in both languages: the program's commands and its choice values (what
# scripts type), product and format names, and the few words the two languages share.
COMMANDS = {
    "open", "init", "new", "details", "list", "log", "amend", "seal", "reopen", "import", "export", "verify",
    "backup", "bundle", "cell", "report", "demo", "setup", "add", "user", "login", "status", "sync",
}
SHARED = {
    "incident", "error", "no", "a", "pdf", "json", "csv", "lines", "url", "iana", "postgresql", "ref", "seq",
    "iso", "db", "sslmode", "full", "sslrootcert", "crt", "ca", "keys", "vault",  # vault.db, vault.db.keys
    "jsonl", "o", "h", "n", "e", "s", "t", "yes",
    "use", "original", "visible",  # Spanish words spelt like English ones ("use": usted, of usar)
}


def _allowed() -> set[str]:
    words = set(COMMANDS) | SHARED
    for value in [*INCIDENT_TYPES, *KINDS]:
        words.update(re.findall(r"[a-z]+", value.lower()))
    return words


def _words(text: str, tmp: Path) -> set[str]:
    text = text.replace(str(tmp), " ")
    text = RUN.sub(" ", text)
    text = re.sub(r"--?[a-z][a-z-]*", " ", text)  # option names stay English
    text = re.sub(r"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b", " ", text)  # INCIDENT_LOG_* variables
    text = re.sub(r"incident-log(/1)?", " ", text)  # the program's name
    return {w.lower() for w in re.findall(r"[A-Za-zÀ-ÿ]+", text)}


def _session(tmp: Path, lang: str) -> list[subprocess.CompletedProcess[str]]:
    """init, new, log, two refusals, two usage errors, --help and log --help."""
    tmp.mkdir()
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "INCIDENT_LOG_LANG")},
        "LANG": lang,
        "INCIDENT_LOG_VAULT": str(tmp / "vault.db"),
        "INCIDENT_LOG_PASSPHRASE": PASSPHRASE,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        "COLUMNS": "100",  # argparse wraps to the terminal: same width in both runs
    }

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "incident_log", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
        )

    done = [run("init")]
    new = run("new", "--title", "Azotea", "--type", "hostage")
    ref = new.stdout.strip()
    assert RUN.fullmatch(ref), new.stderr
    done += [
        new,
        run("log", ref, "note", "contacto establecido"),
        run("log", "NEG-2026-0999", "note", "x"),  # refused: no such incident (errors.py)
        run("log", ref, "demand", "x", "--field", "nonsense"),  # refused by the command line itself
        run("log", ref, "note", "x", "--at", "yesterday"),
        run("new", "--type", "nope", "--title", "x"),  # usage: invalid choice
        run("log"),  # usage: required arguments
        run("--help"),
        run("log", "--help"),
    ]
    return done


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, list[subprocess.CompletedProcess[str]]]]:
    out = {}
    for lang in ("C.UTF-8", "es_ES.UTF-8"):
        tmp = tmp_path_factory.mktemp("cli") / lang.split(".")[0]
        out[lang] = (tmp, _session(tmp, lang))
    return out


def test_the_spanish_session_has_no_english_word_of_ours_left(runs) -> None:
    en_tmp, english = runs["C.UTF-8"]
    es_tmp, spanish = runs["es_ES.UTF-8"]
    assert [d.returncode for d in english] == [d.returncode for d in spanish] == [0, 0, 0, 1, 1, 1, 2, 2, 0, 0]
    allowed = _allowed()
    for en, es in zip(english, spanish, strict=True):
        en_words = _words(en.stdout + en.stderr, en_tmp)
        es_words = _words(es.stdout + es.stderr, es_tmp)
        assert es.stdout + es.stderr, es.args
        typed = {w.lower() for arg in es.args[3:] for w in re.findall(r"[A-Za-z]+", arg)}  # echoed input
        left = (es_words & en_words) - allowed - typed
        assert left == set(), (es.args[3:], sorted(left))


def test_the_spanish_session_says_it_in_spanish(runs) -> None:
    _, (init, new, log, unknown, field, at, choice, required, help_, log_help) = runs["es_ES.UTF-8"]
    assert init.stdout.startswith("Almacén creado: ")
    assert "no se ha encontrado ningún llavero del sistema" in init.stdout  # was an English parenthesis
    assert log.stdout.strip() == "1"
    assert unknown.stderr.startswith("incident-log: error: No hay ningún incidente")
    assert "--field espera NOMBRE=VALOR y ha recibido 'nonsense'." in field.stderr
    assert "--at 'yesterday' no es una hora" in at.stderr
    assert choice.stderr.startswith("uso: incident-log new")
    assert "error: argumento --type: opción no válida: 'nope' (elija entre 'hostage'," in choice.stderr
    assert "faltan estos argumentos obligatorios: REF, CLASE, TEXTO" in required.stderr
    assert "argumentos posicionales:" in help_.stdout and "opciones:" in help_.stdout
    assert "mostrar esta ayuda y salir" in help_.stdout
    assert "registrar una anotación; muestra su número" in log_help.stdout
    assert "--type TIPO" in choice.stderr  # a placeholder is translated, the option name is not


def test_the_english_session_stays_word_for_word(runs) -> None:
    tmp, (init, new, log, unknown, field, at, choice, required, help_, log_help) = runs["C.UTF-8"]
    vault = tmp / "vault.db"
    assert init.stdout.splitlines()[0] == f"Created vault {vault} (key file vault.db.keys beside it; back up both)."
    assert init.stdout.splitlines()[1] == (
        "No secure system keyring is available (no system keyring was found on this computer); "
        "the vault is unlocked with its passphrase instead."
    )
    assert field.stderr == "incident-log: error: --field wants NAME=VALUE, got 'nonsense'.\n"
    assert choice.stderr.splitlines()[-1] == (
        "incident-log new: error: argument --type: invalid choice: 'nope' (choose from 'hostage', 'barricade', "
        "'suicide intervention', 'kidnap', 'crisis', 'other')"
    )
    assert "the following arguments are required: REF, KIND, TEXT" in required.stderr
    assert help_.stdout.startswith("usage: incident-log [-h] [--vault PATH] [--cell URL] [--version] COMMAND ...")
    assert "positional arguments:" in help_.stdout and "show this help message and exit" in help_.stdout
    assert "show program's version number and exit" in help_.stdout
    assert "record an entry; prints its seq" in log_help.stdout


def test_argparse_still_uses_every_msgid_we_translate() -> None:
    """A Python upgrade that rewords argparse would silently leave its words English."""
    source = inspect.getsource(argparse)
    missing = [m for m in ARGPARSE_MSGIDS if repr(m)[1:-1] not in source and m not in source]
    assert missing == []


def test_argparse_words_are_put_back_after_parsing() -> None:
    english = argparse._  # type: ignore[attr-defined]
    with speaking(translator("es")):
        assert argparse._("options") == "opciones"  # type: ignore[attr-defined]
        plural = argparse.ngettext("expected %s argument", "expected %s arguments", 2)  # type: ignore[attr-defined]
        assert plural == "se esperaban %s argumentos"
    assert argparse._ is english  # type: ignore[attr-defined]
    assert argparse._("options") == "options"  # type: ignore[attr-defined]


def test_an_entry_number_refused_by_argparse_is_spanish(monkeypatch: pytest.MonkeyPatch) -> None:
    from incident_log.cli import entry_number

    monkeypatch.setenv("INCIDENT_LOG_LANG", "es")
    with pytest.raises(argparse.ArgumentTypeError, match="^'abc' no es un número de anotación$"):
        entry_number("abc")
    with pytest.raises(argparse.ArgumentTypeError, match="^0 no es un número de anotación \\(de 1 a "):
        entry_number("0")
    monkeypatch.setenv("INCIDENT_LOG_LANG", "en")
    with pytest.raises(argparse.ArgumentTypeError, match="^'abc' is not an entry number$"):
        entry_number("abc")


def test_the_cell_status_line_in_both_languages(monkeypatch: pytest.MonkeyPatch) -> None:
    from incident_log.cell.workstation import CellStatus
    from incident_log.cli_cell import status_line

    cases = [CellStatus(c, w, 0, (), None) for c, w in ((False, 1), (False, 3), (True, 0), (True, 1), (True, 2))]
    monkeypatch.setenv("INCIDENT_LOG_LANG", "en")
    assert [status_line(s) for s in cases] == [s.line() for s in cases]  # English: the window's words
    monkeypatch.setenv("INCIDENT_LOG_LANG", "es")
    assert [status_line(s) for s in cases] == [
        "sin conexión — 1 anotación en espera",
        "sin conexión — 3 anotaciones en espera",
        "conectado — nada en espera",
        "conectado — 1 anotación pendiente de envío",
        "conectado — 2 anotaciones pendientes de envío",
    ]


def test_one_entry_is_singular_in_both_languages(monkeypatch: pytest.MonkeyPatch) -> None:
    from incident_log.cli import entries

    monkeypatch.setenv("INCIDENT_LOG_LANG", "es")
    assert (entries(1), entries(2), entries(0)) == ("1 anotación", "2 anotaciones", "0 anotaciones")
    monkeypatch.setenv("INCIDENT_LOG_LANG", "en")
    assert (entries(1), entries(2)) == ("1 entry", "2 entries")  # "1 entries" was a wording slip (issue 10)


def test_argparse_translations_keep_their_percent_placeholders() -> None:
    """argparse fills these with %: a lost or renamed %(name)s would crash the usage error itself."""
    spanish = translator("es")
    percent = re.compile(r"%(?:\(\w+\))?[sr]")
    for msgid in ARGPARSE_MSGIDS:
        assert spanish(msgid) != msgid or msgid.startswith("%(prog)s"), msgid
        assert sorted(percent.findall(spanish(msgid))) == sorted(percent.findall(msgid)), msgid


def test_output_and_bundle_refusals_speak_spanish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from incident_log import errors, fileio
    from incident_log.store.bundle import read_bundle

    monkeypatch.setenv("INCIDENT_LOG_LANG", "es")
    with pytest.raises(errors.OutputRefused) as refused:
        fileio.check_output(tmp_path / "missing" / "x.csv")
    assert refused.value.message == (
        f"La carpeta {tmp_path / 'missing'} no existe. Créela antes o elija otra; no se ha escrito nada."
    )
    with pytest.raises(errors.BundleError) as no_bundle:
        read_bundle(tmp_path / "nope.bundle", "a passphrase")
    assert no_bundle.value.message == f"No hay ningún paquete en {tmp_path / 'nope.bundle'}."
    monkeypatch.setenv("INCIDENT_LOG_LANG", "en")
    with pytest.raises(errors.BundleError) as english:
        read_bundle(tmp_path / "nope.bundle", "a passphrase")
    assert english.value.message == f"No bundle at {tmp_path / 'nope.bundle'}."
