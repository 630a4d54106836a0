"""The composer's time box: what a tired loggist types for "when did this happen".

Typing must be fast and forgiving ("2140", "21.40", "-10m", "10 min ago"), and a mistake must
be refused with a sentence that says what to type instead — never silently turned into some
other time, because the time of an entry is evidence.

Incidents run past midnight: "23:50" typed at 00:10 means yesterday, so a clock time more than
a minute in the future is taken as the day before.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, time, timedelta, tzinfo

from incident_log.i18n import N_, msg

HINT = N_("type 21:40, -10m or leave empty for now")  # translated where the refusal is made
FUTURE_SLACK = timedelta(minutes=1)
MAX_RELATIVE = timedelta(days=7)
MAX_CHARS = 40

_CLOCK = re.compile(r"^(?P<h>\d{1,2})(?:[:.hH]?)(?P<m>\d{2})(?:[:.](?P<s>\d{2}))?$")
_UNIT_SECONDS = {
    "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
    "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
    "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
}
_DASHES = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2014": "-"})
_PART = re.compile(r"(\d+)\s*([a-z]+)")
_RELATIVE = re.compile(r"^(?P<sign>[-+])?\s*(?P<body>(?:\d+\s*[a-z]+\s*)+|\d+)\s*(?P<ago>ago)?$")


def _refuse(text: str, why: str | None = None) -> ValueError:
    """``why`` is already in the message language (made with ``msg``)."""
    shown = text if len(text) <= 40 else text[:37] + "..."
    return ValueError(msg("'{shown}' {why}; {hint}", shown=shown, why=why or msg("is not a time"), hint=msg(HINT)))


def parse_entry_time(text: str, *, now: datetime, tz: tzinfo) -> datetime:
    """The UTC moment ``text`` means, typed at ``now`` by someone whose clock is in ``tz``."""
    if now.tzinfo is None:
        raise ValueError("now must carry a time zone")
    # A minus sign from autocorrect or a phone keyboard is still a minus sign.
    raw = text.strip().translate(_DASHES)
    lowered = raw.lower()
    if lowered in ("", "now"):
        return now.astimezone(UTC)
    if len(raw) > MAX_CHARS:  # the longest sensible input is a full ISO time with microseconds and zone
        raise _refuse(raw)
    clock = _CLOCK.match(lowered)
    if clock:
        return _clock_time(raw, clock, now=now, tz=tz)
    relative = _RELATIVE.match(lowered)
    if relative:
        return _relative_time(raw, relative, now=now)
    if re.match(r"^\d{4}-\d{2}-\d{2}", raw):
        return _iso_time(raw, tz=tz)
    raise _refuse(raw)


def _clock_time(raw: str, match: re.Match[str], *, now: datetime, tz: tzinfo) -> datetime:
    hour, minute, second = int(match["h"]), int(match["m"]), int(match["s"] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise _refuse(raw)
    local_now = now.astimezone(tz)
    moment = datetime.combine(local_now.date(), time(hour, minute, second), tzinfo=tz)
    if moment.astimezone(UTC) - now.astimezone(UTC) > FUTURE_SLACK:
        moment = datetime.combine(local_now.date() - timedelta(days=1), time(hour, minute, second), tzinfo=tz)
    return moment.astimezone(UTC)


def _relative_time(raw: str, match: re.Match[str], *, now: datetime) -> datetime:
    sign, body, ago = match["sign"], match["body"], match["ago"]
    if sign == "+":
        raise _refuse(raw, msg("is in the future; an entry records what has already happened"))
    if not sign and not ago:
        raise _refuse(raw, msg("needs a minus sign or 'ago' to mean a time in the past"))
    if body.strip().isdigit():
        seconds = int(body) * 60  # "-10": minutes, the unit loggists mean
    else:
        seconds = 0
        for number, unit in _PART.findall(body):
            if unit not in _UNIT_SECONDS:
                raise _refuse(raw, msg("has an unknown unit '{unit}' (use h, m or s)", unit=unit[:10]))
            seconds += int(number) * _UNIT_SECONDS[unit]
    if seconds > MAX_RELATIVE.total_seconds():
        raise _refuse(raw, msg("is more than a week ago; type the full date and time, e.g. 2026-03-14T21:40"))
    return (now - timedelta(seconds=seconds)).astimezone(UTC)


def _iso_time(raw: str, *, tz: tzinfo) -> datetime:
    if len(raw) <= 10:
        raise _refuse(raw, msg("has a date but no time of day (e.g. 2026-03-14T21:40)"))
    try:
        moment = datetime.fromisoformat(raw.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise _refuse(raw, msg("is not a date and time (e.g. 2026-03-14T21:40 or 2026-03-14T21:40+01:00)")) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    return moment.astimezone(UTC)


def format_delay(seconds: float) -> str:
    """How late an entry was recorded, for the timeline's badge: "late by 1 h 05 min"."""
    total = int(seconds)
    if total <= 0:
        return msg("on time")
    if total < 60:
        return msg("late by {seconds} s", seconds=total)
    hours, rem = divmod(total, 3600)
    minutes = rem // 60
    if hours == 0:
        return msg("late by {minutes} min", minutes=minutes)
    return msg("late by {hours} h {minutes} min", hours=hours, minutes=f"{minutes:02d}")
