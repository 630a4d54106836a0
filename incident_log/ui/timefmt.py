"""Times as the loggist reads and types them: the incident's zone, or UTC per the user's setting.

Each incident keeps the IANA zone it happens in (``Incident.time_zone``). A window showing one
incident calls ``follow_incident(incident.time_zone)``; the functions below then print and read in
that zone, whatever zone the laptop is set to. ``zone=`` overrides it for one call (the home
window lists incidents of several zones).
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

from incident_log.ui import uisettings
from incident_log.ui.i18n import QT_TRANSLATE_NOOP, current_language, translate

# The words domain.deadline.day_word gives (other days come back as a date, shown as they are).
DAY_WORDS = (QT_TRANSLATE_NOOP("timefmt", "today"), QT_TRANSLATE_NOOP("timefmt", "tomorrow"),
             QT_TRANSLATE_NOOP("timefmt", "yesterday"))

_incident_zone: str | None = None


def follow_incident(zone_name: str | None) -> None:
    """Show and read times in this incident's zone from now on (None: the computer's zone)."""
    global _incident_zone
    _incident_zone = zone_name


def display_tz(zone: str | None = None) -> tzinfo:
    if uisettings.get("show_utc"):
        return UTC
    name = zone or _incident_zone
    if name:
        from incident_log.domain.zones import zone as zone_info  # noqa: PLC0415

        try:
            return zone_info(name)
        except (KeyError, ValueError, OSError):
            pass
    local = datetime.now().astimezone().tzinfo
    return local if local is not None else UTC


def clock(moment: datetime | None, *, seconds: bool = True, zone: str | None = None) -> str:
    if moment is None:
        return ""
    return moment.astimezone(display_tz(zone)).strftime("%H:%M:%S" if seconds else "%H:%M")


def full(moment: datetime | None, *, zone: str | None = None) -> str:
    """Date, time and the zone's abbreviation (CET, BST, UTC): says which zone it is in."""
    if moment is None:
        return ""
    local = moment.astimezone(display_tz(zone))
    # Spain writes dd/mm/yyyy; the four-digit year is explicit in both languages.
    pattern = "%d/%m/%Y %H:%M:%S %Z" if current_language() == "es" else "%Y-%m-%d %H:%M:%S %Z"
    return local.strftime(pattern).strip()


def day_label(moment: datetime, now: datetime) -> str:
    """"today", "tomorrow", "yesterday" or a short date, in the current language and display zone."""
    from incident_log.domain.deadline import day_word

    tz = display_tz()
    word = day_word(moment, now, tz)
    if word in DAY_WORDS or current_language() == "en":
        return day_name(word)
    from PySide6.QtCore import QDate, QLocale

    local = moment.astimezone(tz).date()
    return QLocale().toString(QDate(local.year, local.month, local.day), "ddd d MMM")


def day_name(word: str) -> str:
    """``day_word``'s "today" / "tomorrow" / "yesterday" in the current language."""
    return translate("timefmt", word) if word in DAY_WORDS else word


def duration(seconds: float) -> str:
    seconds = int(max(seconds, 0))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
