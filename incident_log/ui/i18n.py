"""The desktop app's language: English (the source strings) or Spanish, from the system or a setting.

Every user-visible string in ``ui/`` is a literal passed to ``translate(context, text)`` (or to
``QT_TRANSLATE_NOOP`` in module-level tables, translated where shown), so ``pyside6-lupdate``
finds it; sentences with values use ``%1``, ``%2`` … filled by ``fill``. The catalogue is
``resources/i18n/incident_log_es.ts`` compiled to ``.qm`` (``tools/i18n.sh`` regenerates both).
Qt's own ``qtbase_es.qm`` is loaded beside ours so the standard dialogs and buttons agree.
"""

from __future__ import annotations

import os
import sys
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from incident_log import i18n as core_i18n

LANGUAGES = ("en", "es")  # English is the source language: it needs no catalogue
CHOICES = ("system",) + LANGUAGES  # the setting's values
_installed: list[QTranslator] = []


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks ``text`` for lupdate in a module-level table; translated later with ``translate``.

    PySide6's own is typed as returning ``object``; this one keeps tables typed ``str``.
    """
    return text


def translate(context: str, text: str) -> str:
    """The current language's form of ``text`` (a literal, so lupdate can see it at the call)."""
    return QCoreApplication.translate(context, text)


def fill(template: str, *values: object) -> str:
    """``fill("%1 of %2", 3, 7)`` -> "3 of 7"; highest number first so %1 never eats the start of %10."""
    for number in range(len(values), 0, -1):
        template = template.replace(f"%{number}", str(values[number - 1]))
    return template


def system_language() -> str:
    """Spanish when the system locale is Spanish (``LANG=es_ES.UTF-8``), else English."""
    return "es" if QLocale.system().language() == QLocale.Language.Spanish else "en"


def resolve(choice: str) -> str:
    return choice if choice in LANGUAGES else system_language()


def current_language() -> str:
    from incident_log.ui import uisettings

    return resolve(str(uisettings.get("language")))


def catalogue_path(language: str) -> str:
    """Where our compiled catalogue is (an empty string for English, which needs none)."""
    if language == "en":
        return ""
    name = f"incident_log_{language}.qm"
    node = resources.files("incident_log.resources") / "i18n" / name
    if node.is_file():
        return str(node)
    # A source checkout whose editable install maps incident_log.resources to another checkout
    # (a git worktree) keeps its own catalogue at the top of the tree.
    checkout = Path(__file__).resolve().parents[2] / "resources" / "i18n" / name
    return str(checkout) if checkout.is_file() else str(node)


def install(app: QCoreApplication, language: str | None = None) -> str:
    """Load the chosen language's catalogues into ``app`` (replacing any loaded before); return it.

    Windows built before the call keep the words they were built with: the settings dialog
    says a change takes effect in windows opened after it.
    """
    language = language or current_language()
    # The core's own sentences (errors, the domain's refusals, a report's default language) come
    # from gettext, which follows INCIDENT_LOG_LANG: the app's choice is the whole process's, so a
    # Spanish window never shows an English refusal, nor an English window a Spanish one.
    os.environ[core_i18n.ENV_VAR] = language
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Spain) if language == "es"
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    if language == "en":
        return language
    ours = QTranslator(app)
    if not ours.load(catalogue_path(language)):
        # A build without its catalogue (packaging/build_wheel.sh checks it is there): English
        # rather than no window at all, and said where someone will see it.
        sys.stderr.write(f"incident-log: the {language} catalogue is missing; the app stays in English\n")
        return "en"
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    app.installTranslator(ours)
    _installed.append(ours)
    return language
