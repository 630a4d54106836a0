"""Time zones of incidents: each incident keeps the IANA zone it happened in.

Times are stored in UTC; an incident's zone says how to show them, so a report of an incident
typed in Madrid reads the same on a machine set to UTC as on the loggist's laptop. The zone is
the machine's when an incident is opened on it (``tzlocal`` reads it the way each OS keeps it),
and for an import it is the file's own ``time_zone`` or, failing that, the zone whose offsets
match the times the file wrote.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from incident_log.i18n import msg

FALLBACK_ZONE = "UTC"
# Tried first when a zone is inferred from offsets (the cells this program is written for).
PREFERRED_ZONES = ("Europe/Madrid", "Europe/London", "Atlantic/Canary", "Europe/Lisbon", "Europe/Paris", "UTC")


def machine_zone() -> str:
    """The IANA name of this computer's zone, or UTC when the system does not say."""
    try:
        import tzlocal  # noqa: PLC0415 - reads /etc/localtime, TZ or the Windows registry once

        name = tzlocal.get_localzone_name()
    except Exception:  # noqa: BLE001 - a broken system zone setting must not stop the program
        return FALLBACK_ZONE
    try:
        return check_zone(name or FALLBACK_ZONE)
    except ValueError:
        return FALLBACK_ZONE


@cache
def zone(name: str) -> tzinfo:
    """The tzinfo of an IANA zone name already checked with ``check_zone``."""
    return ZoneInfo(name)


def check_zone(name: object) -> str:
    """An IANA zone name as stored, or ValueError with what to type instead."""
    if not isinstance(name, str) or not name.strip() or len(name) > 64:
        raise ValueError(msg("is not a time zone; use an IANA name such as Europe/Madrid or Europe/London"))
    name = name.strip()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValueError(msg("'{name}' is not a known time zone; use an IANA name such as Europe/Madrid", name=name[:64])) from None
    return name


def offset_of(moment: datetime) -> timedelta:
    offset = moment.utcoffset()
    return offset if offset is not None else timedelta(0)


def infer_zone(samples: Iterable[datetime], *, prefer: str | None = None) -> str | None:
    """The zone whose UTC offset at each sample's moment is the offset the sample was written with.

    ``samples`` are times as a file wrote them (aware, with their own offsets). The machine's zone
    (``prefer``) wins when it fits, then the zones of ``PREFERRED_ZONES``, then any zone in
    alphabetical order. None when no zone fits every sample (the caller asks for ``time_zone``).
    """
    points = [(s, offset_of(s)) for s in samples]
    if not points:
        return prefer
    names = [n for n in (prefer, *PREFERRED_ZONES) if n] + sorted(available_timezones())
    seen: set[str] = set()
    for name in names:
        if name in seen:
            continue
        seen.add(name)
        try:
            candidate = zone(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            continue
        if all(offset_of(moment.astimezone(candidate)) == offset for moment, offset in points):
            return name
    return None
