"""Times as the loggist reads and types them: local time or UTC, per the user's setting."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

from incident_log.ui import uisettings


def display_tz() -> tzinfo:
    if uisettings.get("show_utc"):
        return UTC
    local = datetime.now().astimezone().tzinfo
    return local if local is not None else UTC


def clock(moment: datetime | None, *, seconds: bool = True) -> str:
    if moment is None:
        return ""
    return moment.astimezone(display_tz()).strftime("%H:%M:%S" if seconds else "%H:%M")


def full(moment: datetime | None) -> str:
    if moment is None:
        return ""
    local = moment.astimezone(display_tz())
    return local.strftime("%Y-%m-%d %H:%M:%S %Z").strip()


def duration(seconds: float) -> str:
    seconds = int(max(seconds, 0))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
