"""Wording outside Qt in two languages: the debrief report and the error catalogue (issue 12).

The desktop app translates with Qt (``.ts``/``.qm`` under ``resources/i18n``); reportlab and the
command line are not Qt, so they use GNU gettext catalogues kept here: English is the source
(the ``msgid``), ``locale/es/LC_MESSAGES/incident_log.po`` holds the Spanish, compiled to the
``.mo`` beside it by ``python -m incident_log.i18n`` (our own few lines: no Babel needed).

Source strings are marked with ``tr("...")`` (report wording), ``msg("...", **values)``
(messages) or ``N_("...")`` (a constant translated later); the extractor reads those calls
with ``ast``, so a marked string must be a literal. Values go in ``{name}`` placeholders,
filled *after* translation, so a translator can move them.

The domain's vocabulary (entry types, field names, choices such as roles and statuses) is
not in our source as ``tr`` calls; it is catalogued with a context naming its group
(``Translator.word("role", "negotiator")``), so "withdrawn" can be "retirada" for a demand
and "retirado" for an offer.
"""

from __future__ import annotations

import gettext
import os
import re
from collections.abc import Mapping
from functools import cache
from importlib.resources import files

DOMAIN = "incident_log"
LANGUAGES = ("en", "es")
DEFAULT_LANGUAGE = "en"
ENV_VAR = "INCIDENT_LOG_LANG"


def normalise(lang: str | None) -> str:
    """'es', 'es_ES.UTF-8', 'ES' -> 'es'; anything we do not ship -> English."""
    code = (lang or "").strip().lower().replace("-", "_").split(".")[0].split("_")[0]
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def language_from_env(environ: Mapping[str, str] | None = None) -> str:
    """The language of messages and (by default) reports: INCIDENT_LOG_LANG, then the locale.

    The locale variables are read in POSIX order (LC_ALL, LC_MESSAGES, LANG); LANGUAGE is
    ignored: it is a list of fallbacks that C.UTF-8 systems often leave set to 'en'.
    """
    env = os.environ if environ is None else environ
    own = env.get(ENV_VAR, "").strip()
    if own:
        return normalise(own)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "").strip()
        if value:
            return normalise(value)
    return DEFAULT_LANGUAGE


def N_(text: str) -> str:  # noqa: N802 - gettext's conventional name
    """Marks a constant for the catalogue; it is translated where it is printed."""
    return text


class Translator:
    """One language's wording: ``tr(text)``, ``tr.word(group, value)``, ``tr.lang``."""

    def __init__(self, lang: str, catalogue: gettext.NullTranslations) -> None:
        self.lang = lang
        self._cat = catalogue

    def __call__(self, text: str) -> str:
        return self._cat.gettext(text) if text else text

    def word(self, group: str, value: str) -> str:
        """A term of the domain's vocabulary in its group; unknown values print as stored."""
        if not value:
            return value
        return self._cat.pgettext(group, value)

    def fmt(self, text: str, /, **values: object) -> str:
        return self(text).format(**values)

    @property
    def spanish(self) -> bool:
        return self.lang == "es"


def translator(lang: str | None = None) -> Translator:
    """The translator for ``lang`` ('en', 'es'; None: the environment's language, read now)."""
    return _load(normalise(lang) if lang is not None else language_from_env())


@cache
def _load(code: str) -> Translator:
    if code == DEFAULT_LANGUAGE:
        return Translator(code, gettext.NullTranslations())
    mo = files(__name__) / "locale" / code / "LC_MESSAGES" / f"{DOMAIN}.mo"
    with mo.open("rb") as handle:
        return Translator(code, gettext.GNUTranslations(handle))


def tr(text: str) -> str:
    """Report wording marker outside a report (the environment's language)."""
    return translator(language_from_env())(text)


def msg(text: str, /, **values: object) -> str:
    """A message of the error catalogue, in the environment's language, values filled in.

    The language is read at the moment the message is made, so a test (or a process) that sets
    ``INCIDENT_LOG_LANG`` sees it at once; the catalogue itself is loaded once per language.
    """
    return translator(language_from_env())(text).format(**values)


def number(value: int) -> str:
    """A whole number grouped by thousands in the environment's language: 10,000 / 10 000.

    Spanish groups with a (non-breaking) space, as the RAE recommends: "10.000" and "10,000" both
    read wrongly to someone, and a comma is the decimal sign in Spain.
    """
    grouped = f"{value:,}"
    return grouped.replace(",", "\u00a0") if language_from_env() == "es" else grouped


_INDEX = re.compile(r"^(?P<name>[^\[]*)(?P<index>\[\d+\])?$")


def field_name(name: str) -> str:
    """A field's name as a message shows it: as stored in English ("occurred_at"); in Spanish the
    vocabulary's words with the stored name after them, "hora del suceso (occurred_at)", because
    the command line's ``--field by=…`` and an import file's keys are typed in English, so the
    reader must see both. A dotted path ("corrected.status", "people[2].key") goes word by word;
    a name the vocabulary lacks is shown as stored."""
    words = translator(language_from_env())
    if not words.spanish:
        return name
    shown = []
    for part in name.split("."):
        match = _INDEX.match(part)
        if match is None or not match["name"]:
            shown.append(part)
            continue
        spaced = match["name"].replace("_", " ")
        word = words.word("field", spaced)
        shown.append((match["name"] if word == spaced else word) + (match["index"] or ""))
    words_shown = ".".join(shown)
    return words_shown if words_shown == name else f"{words_shown} ({name})"
