"""What a typed deadline means, said back in words before anything is recorded.

A deadline is in the future: "23:00" is the next 23:00 (tomorrow when it has passed today),
"+30m" or "30 min" is counted from now, an ISO time is taken as written. On a status update of
a demand that already has a deadline, a relative amount is an *extension*: "+15m" is fifteen
minutes after the current deadline, not after now (version 0.1 counted from now and so moved
an extended deadline earlier). A new deadline earlier than the current one is allowed — a
subject can shorten it — but it is flagged so the composer can ask for a second Ctrl+Enter.

Pure: no Qt. Sentences go through the catalogue (``msg``), in the environment's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, tzinfo

from incident_log.i18n import N_, msg

HINT = N_("type 23:00, +30m or an ISO time")
_AMOUNT = re.compile(r"^\+?\s*(\d{1,4})\s*(h|hr|hrs|hours?|m|min|mins|minutes?)?$")
_CLOCK = re.compile(r"^(\d{1,2})[:.hH]?(\d{2})$")
EARLIER = N_("; EARLIER than the current deadline {old}")
# A day more than one away, written by us rather than strftime's %a/%b (which follow the C locale).
_WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
_MONTHS = (N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"), N_("Jul"), N_("Aug"), N_("Sep"),
           N_("Oct"), N_("Nov"), N_("Dec"))
MAX_AHEAD = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class DeadlineReading:
    moment: datetime  # UTC
    explanation: str  # "23:45, 15 min after the current deadline 23:30"
    earlier_than_current: bool = False
    extends_current: bool = False


def _clock(moment: datetime, tz: tzinfo) -> str:
    return moment.astimezone(tz).strftime("%H:%M")


def day_word(moment: datetime, now: datetime, tz: tzinfo) -> str:
    days = (moment.astimezone(tz).date() - now.astimezone(tz).date()).days
    if days == 0:
        return msg("today")
    if days == 1:
        return msg("tomorrow")
    if days == -1:
        return msg("yesterday")
    local = moment.astimezone(tz)
    return msg("{weekday} {day} {month}", weekday=msg(_WEEKDAYS[local.weekday()]), day=f"{local.day:02d}",
               month=msg(_MONTHS[local.month - 1]))


def _span(delta: timedelta) -> str:
    minutes = int(abs(delta.total_seconds()) // 60)
    hours, rest = divmod(minutes, 60)
    return msg("{hours} h {minutes} min", hours=hours, minutes=f"{rest:02d}") if hours else msg("{minutes} min", minutes=rest)


def read_deadline(text: str, *, now: datetime, tz: tzinfo, current: datetime | None = None) -> DeadlineReading:
    """The UTC moment ``text`` means, and a sentence saying so. Raises ValueError with what to type."""
    raw = text.strip().lower()
    shown = text.strip()[:40]
    amount = _AMOUNT.match(raw)
    if amount and (raw.startswith("+") or amount.group(2)):
        number = int(amount.group(1))
        unit = amount.group(2) or "m"
        delta = timedelta(hours=number) if unit.startswith("h") else timedelta(minutes=number)
        if delta > MAX_AHEAD:
            raise ValueError(msg("'{shown}' is more than a week ahead; {hint}", shown=shown, hint=msg(HINT)))
        if current is not None:
            moment = current + delta
            explanation = msg(
                "{clock} {day}: {span} after the current deadline {old}",
                clock=_clock(moment, tz), day=day_word(moment, now, tz), span=_span(delta), old=_clock(current, tz),
            )
            return DeadlineReading(moment.astimezone(UTC), explanation, extends_current=True)
        moment = now + delta
        return _reading(moment, now, tz, current)
    clock = _CLOCK.match(raw)
    if clock:
        hour, minute = int(clock.group(1)), int(clock.group(2))
        if hour > 23 or minute > 59:
            raise ValueError(msg("'{shown}' is not a time; {hint}", shown=shown, hint=msg(HINT)))
        local_now = now.astimezone(tz)
        moment = datetime.combine(local_now.date(), time(hour, minute), tzinfo=tz)
        if moment <= local_now:
            moment += timedelta(days=1)  # a deadline is ahead: 00:15 typed at 23:50 is tomorrow
        return _reading(moment.astimezone(UTC), now, tz, current)
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(msg("'{shown}' is not a deadline; {hint}", shown=shown, hint=msg(HINT))) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    return _reading(moment.astimezone(UTC), now, tz, current)


def _reading(moment: datetime, now: datetime, tz: tzinfo, current: datetime | None) -> DeadlineReading:
    left = moment - now
    if left.total_seconds() >= 0:
        explanation = msg("{clock} {day}, in {span}", clock=_clock(moment, tz), day=day_word(moment, now, tz),
                          span=_span(left))
    else:
        explanation = msg("{clock} {day}, {span} ago: already passed", clock=_clock(moment, tz),
                          day=day_word(moment, now, tz), span=_span(left))
    earlier = current is not None and moment < current
    if earlier:
        assert current is not None
        explanation += msg(EARLIER, old=_clock(current, tz))
    return DeadlineReading(moment, explanation, earlier_than_current=earlier)
