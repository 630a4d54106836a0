"""The log's own words (kind names, field names, roles, statuses), as the desktop app shows them.

``domain/kinds.py`` holds them in English and imports no Qt; this module marks each one for
lupdate (``QT_TRANSLATE_NOOP``) and translates it where it is shown. Stored values never change
with the language: a demand is stored ``"open"`` and shown "abierta". ``tests/ui/test_spanish.py``
fails when the domain gains a word this table does not mark. Terms: ``docs/GLOSSARY.md``.
"""

from __future__ import annotations

from incident_log.domain.kinds import KINDS, FieldSpec
from incident_log.ui.i18n import QT_TRANSLATE_NOOP, translate

KIND_TITLES = (
    QT_TRANSLATE_NOOP("kinds", "Intelligence"),
    QT_TRANSLATE_NOOP("kinds", "Rotation"),
    QT_TRANSLATE_NOOP("kinds", "Demand"),
    QT_TRANSLATE_NOOP("kinds", "Offer"),
    QT_TRANSLATE_NOOP("kinds", "Status update"),
    QT_TRANSLATE_NOOP("kinds", "Statement"),
    QT_TRANSLATE_NOOP("kinds", "Contact"),
    QT_TRANSLATE_NOOP("kinds", "Decision"),
    QT_TRANSLATE_NOOP("kinds", "Person"),
    QT_TRANSLATE_NOOP("kinds", "Hook"),
    QT_TRANSLATE_NOOP("kinds", "Trigger"),
    QT_TRANSLATE_NOOP("kinds", "Risk"),
    QT_TRANSLATE_NOOP("kinds", "Note"),
    QT_TRANSLATE_NOOP("kinds", "Amendment"),
    QT_TRANSLATE_NOOP("kinds", "Flag for debrief"),
    QT_TRANSLATE_NOOP("kinds", "Reviewed"),
    QT_TRANSLATE_NOOP("kinds", "Sealed"),
    QT_TRANSLATE_NOOP("kinds", "Reopened"),
    QT_TRANSLATE_NOOP("kinds", "Incident opened"),
    QT_TRANSLATE_NOOP("kinds", "Incident details changed"),
    QT_TRANSLATE_NOOP("kinds", "Redaction decision"),
    QT_TRANSLATE_NOOP("kinds", "Audit"),
    QT_TRANSLATE_NOOP("kinds", "Alarm acknowledged"),
    QT_TRANSLATE_NOOP("kinds", "Situation assessment"),
)
FIELD_TITLES = (
    QT_TRANSLATE_NOOP("fields", "Source"),
    QT_TRANSLATE_NOOP("fields", "Grading (e.g. B2)"),
    QT_TRANSLATE_NOOP("fields", "Role"),
    QT_TRANSLATE_NOOP("fields", "Person"),
    QT_TRANSLATE_NOOP("fields", "By"),
    QT_TRANSLATE_NOOP("fields", "Deadline"),
    QT_TRANSLATE_NOOP("fields", "Import id"),
    QT_TRANSLATE_NOOP("fields", "To"),
    QT_TRANSLATE_NOOP("fields", "Conditions"),
    QT_TRANSLATE_NOOP("fields", "Status"),
    QT_TRANSLATE_NOOP("fields", "New deadline"),
    QT_TRANSLATE_NOOP("fields", "Speaker"),
    QT_TRANSLATE_NOOP("fields", "Channel"),
    QT_TRANSLATE_NOOP("fields", "Event"),
    QT_TRANSLATE_NOOP("fields", "With"),
    QT_TRANSLATE_NOOP("fields", "Decided by"),
    QT_TRANSLATE_NOOP("fields", "Rationale"),
    QT_TRANSLATE_NOOP("fields", "Key"),
    QT_TRANSLATE_NOOP("fields", "Name"),
    QT_TRANSLATE_NOOP("fields", "Aliases"),
    QT_TRANSLATE_NOOP("fields", "Phones"),
    QT_TRANSLATE_NOOP("fields", "Notes"),
    QT_TRANSLATE_NOOP("fields", "About"),
    QT_TRANSLATE_NOOP("fields", "Category"),
    QT_TRANSLATE_NOOP("fields", "Reason"),
    QT_TRANSLATE_NOOP("fields", "Corrected fields"),
    QT_TRANSLATE_NOOP("fields", "Upto"),
    QT_TRANSLATE_NOOP("fields", "Head"),
    QT_TRANSLATE_NOOP("fields", "Count"),
    QT_TRANSLATE_NOOP("fields", "Ref"),
    QT_TRANSLATE_NOOP("fields", "Title"),
    QT_TRANSLATE_NOOP("fields", "Type"),
    QT_TRANSLATE_NOOP("fields", "Location"),
    QT_TRANSLATE_NOOP("fields", "Opened at"),
    QT_TRANSLATE_NOOP("fields", "Exercise"),
    QT_TRANSLATE_NOOP("fields", "Time zone"),
    QT_TRANSLATE_NOOP("fields", "Ledger head"),
    QT_TRANSLATE_NOOP("fields", "Action"),
    QT_TRANSLATE_NOOP("fields", "Value"),
    QT_TRANSLATE_NOOP("fields", "Alarm id"),
    QT_TRANSLATE_NOOP("fields", "Summary through entry"),
)
CHOICES = (
    QT_TRANSLATE_NOOP("choices", "primary negotiator"),
    QT_TRANSLATE_NOOP("choices", "secondary/coach"),
    QT_TRANSLATE_NOOP("choices", "team leader"),
    QT_TRANSLATE_NOOP("choices", "loggist"),
    QT_TRANSLATE_NOOP("choices", "intelligence"),
    QT_TRANSLATE_NOOP("choices", "adviser"),
    QT_TRANSLATE_NOOP("choices", "open"),
    QT_TRANSLATE_NOOP("choices", "met"),
    QT_TRANSLATE_NOOP("choices", "partly met"),
    QT_TRANSLATE_NOOP("choices", "refused"),
    QT_TRANSLATE_NOOP("choices", "withdrawn"),
    QT_TRANSLATE_NOOP("choices", "expired"),
    QT_TRANSLATE_NOOP("choices", "made"),
    QT_TRANSLATE_NOOP("choices", "accepted"),
    QT_TRANSLATE_NOOP("choices", "rejected"),
    QT_TRANSLATE_NOOP("choices", "delivered"),
    QT_TRANSLATE_NOOP("choices", "phone"),
    QT_TRANSLATE_NOOP("choices", "face to face"),
    QT_TRANSLATE_NOOP("choices", "throw phone"),
    QT_TRANSLATE_NOOP("choices", "text"),
    QT_TRANSLATE_NOOP("choices", "sign language"),
    QT_TRANSLATE_NOOP("choices", "intermediary"),
    QT_TRANSLATE_NOOP("choices", "attempt"),
    QT_TRANSLATE_NOOP("choices", "start"),
    QT_TRANSLATE_NOOP("choices", "end"),
    QT_TRANSLATE_NOOP("choices", "lost"),
    QT_TRANSLATE_NOOP("choices", "subject"),
    QT_TRANSLATE_NOOP("choices", "hostage"),
    QT_TRANSLATE_NOOP("choices", "negotiator"),
    QT_TRANSLATE_NOOP("choices", "family"),
    QT_TRANSLATE_NOOP("choices", "witness"),
    QT_TRANSLATE_NOOP("choices", "commander"),
    QT_TRANSLATE_NOOP("choices", "other"),
    QT_TRANSLATE_NOOP("choices", "weapon"),
    QT_TRANSLATE_NOOP("choices", "self-harm"),
    QT_TRANSLATE_NOOP("choices", "medical"),
    QT_TRANSLATE_NOOP("choices", "reported"),
    QT_TRANSLATE_NOOP("choices", "rumoured"),
    QT_TRANSLATE_NOOP("choices", "confirmed"),
    QT_TRANSLATE_NOOP("choices", "cleared"),
    QT_TRANSLATE_NOOP("choices", "barricade"),
    QT_TRANSLATE_NOOP("choices", "suicide intervention"),
    QT_TRANSLATE_NOOP("choices", "kidnap"),
    QT_TRANSLATE_NOOP("choices", "crisis"),
    QT_TRANSLATE_NOOP("choices", "keep"),
    QT_TRANSLATE_NOOP("choices", "redact"),
    QT_TRANSLATE_NOOP("choices", "attach"),
    QT_TRANSLATE_NOOP("choices", "default"),
)


# domain/labels.py's role words: "Subject A" is shown "Sujeto A" (the stored label never changes).
LABEL_WORDS = (
    QT_TRANSLATE_NOOP("labels", "Subject"),
    QT_TRANSLATE_NOOP("labels", "Hostage"),
    QT_TRANSLATE_NOOP("labels", "Negotiator"),
    QT_TRANSLATE_NOOP("labels", "Family"),
    QT_TRANSLATE_NOOP("labels", "Witness"),
    QT_TRANSLATE_NOOP("labels", "Intermediary"),
    QT_TRANSLATE_NOOP("labels", "Commander"),
    QT_TRANSLATE_NOOP("labels", "Person"),
    QT_TRANSLATE_NOOP("labels", "Loggist"),
)
INCIDENT_STATUSES = (QT_TRANSLATE_NOOP("incident_status", "open"), QT_TRANSLATE_NOOP("incident_status", "sealed"))
INCIDENT_TYPES = (
    QT_TRANSLATE_NOOP("incident_types", "hostage"),
    QT_TRANSLATE_NOOP("incident_types", "barricade"),
    QT_TRANSLATE_NOOP("incident_types", "suicide intervention"),
    QT_TRANSLATE_NOOP("incident_types", "kidnap"),
    QT_TRANSLATE_NOOP("incident_types", "crisis"),
    QT_TRANSLATE_NOOP("incident_types", "other"),
)


def person_label(label: str) -> str:
    """"Subject A" -> "Sujeto A" in Spanish; anything else (an old or odd label) as it is."""
    word, _, suffix = label.partition(" ")
    if word in LABEL_WORDS and suffix:
        return f"{translate('labels', word)} {suffix}"
    return label


def typed_label(text: str) -> str:
    """What was typed, with a Spanish label word put back in English ("Sujeto A" -> "Subject A").

    People are resolved by the domain against their stored labels; this lets a Spanish user type
    the label as the screen shows it.
    """
    word, sep, rest = text.strip().partition(" ")
    for english in LABEL_WORDS:
        if word.casefold() == translate("labels", english).casefold():
            return english + sep + rest
    return text


# How the vault was opened (store.vault.Unlocked.unlocked_with).
UNLOCK_SLOTS = (QT_TRANSLATE_NOOP("unlock", "keyring"), QT_TRANSLATE_NOOP("unlock", "passphrase"))


# The redaction review's "class" column (redaction.find and redaction.detectors).
FINDING_CLASSES = (
    QT_TRANSLATE_NOOP("finding_classes", "registered"),
    QT_TRANSLATE_NOOP("finding_classes", "variant"),
    QT_TRANSLATE_NOOP("finding_classes", "registered phone"),
    QT_TRANSLATE_NOOP("finding_classes", "candidate"),
    QT_TRANSLATE_NOOP("finding_classes", "term"),
    QT_TRANSLATE_NOOP("finding_classes", "phone"),
    QT_TRANSLATE_NOOP("finding_classes", "id"),
    QT_TRANSLATE_NOOP("finding_classes", "plate"),
    QT_TRANSLATE_NOOP("finding_classes", "email"),
    QT_TRANSLATE_NOOP("finding_classes", "handle"),
    QT_TRANSLATE_NOOP("finding_classes", "link"),
    QT_TRANSLATE_NOOP("finding_classes", "address"),
    QT_TRANSLATE_NOOP("finding_classes", "postcode"),
    QT_TRANSLATE_NOOP("finding_classes", "dob"),
)


def finding_class(cls: str) -> str:
    return translate("finding_classes", cls)


# Where an entry came from (domain.entry.ORIGIN_*).
ORIGINS = (QT_TRANSLATE_NOOP("origins", "live"), QT_TRANSLATE_NOOP("origins", "import"),
           QT_TRANSLATE_NOOP("origins", "bundle"))


def origin(value: str) -> str:
    return translate("origins", value)


def unlock_slot(slot: str) -> str:
    return translate("unlock", slot)


def incident_status(status: str) -> str:
    return translate("incident_status", status)


def incident_type(kind: str) -> str:
    """The incident's type ("hostage" is "rehenes" here, while a person's role "hostage" is "rehén")."""
    return translate("incident_types", kind)


def kind_title(kind: str) -> str:
    """"Demanda" for ``demand``; an unknown kind shows its stored name."""
    spec = KINDS.get(kind)
    return translate("kinds", spec.title) if spec is not None else kind


def field_title(spec: FieldSpec) -> str:
    return translate("fields", spec.title)


def choice(value: str) -> str:
    """A stored choice (role, status, channel …) in the current language; free text passes through."""
    return translate("choices", value) if value else value


def board_title(title: str) -> str:
    return translate("boards", title)
