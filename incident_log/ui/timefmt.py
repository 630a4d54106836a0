"""Times as the loggist reads and types them: the incident's zone, or UTC per the user's setting.

Each incident keeps the IANA zone it happens in (``Incident.time_zone``). A window showing one
incident calls ``follow_incident(incident.time_zone)``; the functions below then print and read in
that zone, whatever zone the laptop is set to. ``zone=`` overrides it for one call (the home
window lists incidents of several zones).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, time, timedelta, tzinfo

from incident_log.ui import uisettings

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
    return local.strftime("%Y-%m-%d %H:%M:%S %Z").strip()


def duration(seconds: float) -> str:
    seconds = int(max(seconds, 0))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


_IN = re.compile(r"^\+?\s*(\d+)\s*(h|m|min|mins|minutes|hours?)?$")
_CLOCK = re.compile(r"^(\d{1,2})[:.hH]?(\d{2})$")


def parse_deadline(text: str, *, now: datetime, tz: tzinfo) -> datetime:
    """A deadline is in the future: "23:00" (the next 23:00), "+30m", "30 min", or ISO 8601."""
    raw = text.strip().lower()
    match = _IN.match(raw)
    if match and (raw.startswith("+") or match.group(2)):
        amount = int(match.group(1))
        unit = match.group(2) or "m"
        return now + (timedelta(hours=amount) if unit.startswith("h") else timedelta(minutes=amount))
    match = _CLOCK.match(raw)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour > 23 or minute > 59:
            raise ValueError(f"'{text}' is not a time; type 23:00, +30m or an ISO time")
        local_now = now.astimezone(tz)
        moment = datetime.combine(local_now.date(), time(hour, minute), tzinfo=tz)
        if moment <= local_now:
            moment += timedelta(days=1)
        return moment.astimezone(UTC)
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"'{text[:40]}' is not a deadline; type 23:00, +30m or an ISO time") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    return moment.astimezone(UTC)
