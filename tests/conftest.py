"""The harness every test runs in: offscreen Qt, a test keyring, vaults and settings in tmp_path."""

from __future__ import annotations

import os

# Before anything can create a QApplication: without a display the process would abort.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from incident_log.logbook import Logbook
from tests.keyring_memory import MemoryKeyring

SHARED = Path(__file__).resolve().parents[1] / "resources" / "examples"
VIADUCT = SHARED / "viaduct.json"
PASSPHRASE = "correct horse battery staple"
FAST_KDF = 12  # scrypt N=2**12 keeps tests quick; the product default is 2**17


@pytest.fixture(autouse=True)
def _hermetic(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    """No test sees the developer's keyring, vault, passphrase or config."""
    home = tmp_path_factory.mktemp("home")
    for name in ("INCIDENT_LOG_PASSPHRASE", "INCIDENT_LOG_VAULT", "INCIDENT_LOG_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    # English unless a test asks for Spanish (by LANG, as a user would): a developer's es_ES
    # locale must not turn the word-for-word English message tests red.
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring(_hermetic: MemoryKeyring) -> MemoryKeyring:
    return _hermetic


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "vault.db"


@pytest.fixture
def logbook(vault_path: Path) -> Iterator[Logbook]:
    book = Logbook.create(vault_path, PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF)
    yield book
    book.close()


@pytest.fixture
def viaduct_data() -> dict:
    return json.loads(VIADUCT.read_text(encoding="utf-8"))


@pytest.fixture
def viaduct(logbook: Logbook, viaduct_data: dict) -> str:
    """The ref of the imported viaduct scenario."""
    return logbook.import_scenario(viaduct_data).ref


@pytest.fixture(autouse=True)
def _restore_application_look() -> Iterator[None]:
    """Themes and font sizes are application-wide; a test that changes them must not colour the next."""
    import sys

    widgets = sys.modules.get("PySide6.QtWidgets")
    app = widgets.QApplication.instance() if widgets else None
    saved = (app.styleSheet(), app.palette(), app.font()) if app else None
    yield
    if app is not None and saved is not None:
        app.setStyleSheet(saved[0])
        app.setPalette(saved[1])
        app.setFont(saved[2])
    elif (widgets := sys.modules.get("PySide6.QtWidgets")) and (created := widgets.QApplication.instance()):
        created.setStyleSheet("")  # the test created the application: back to Qt's own look
        created.setPalette(created.style().standardPalette())
