"""What a typed deadline means, said back in words before anything is recorded.

A deadline is in the future: "23:00" is the next 23:00 (tomorrow when it has passed today),
"+30m" or "30 min" is counted from now, an ISO time is taken as written. On a status update of
a demand that already has a deadline, a relative amount is an *extension*: "+15m" is fifteen
minutes after the current deadline, not after now (version 0.1 counted from now and so moved
an extended deadline earlier). A new deadline earlier than the current one is allowed — a
subject can shorten it — but it is flagged so the composer can ask for a second Ctrl+Enter.

Pure: no Qt. Sentences use ``str.format`` placeholders so they can be translated later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, tzinfo

HINT = "type 23:00, +30m or an ISO time"
_AMOUNT = re.compile(r"^\+?\s*(\d{1,4})\s*(h|hr|hrs|hours?|m|min|mins|minutes?)?$")
_CLOCK = re.compile(r"^(\d{1,2})[:.hH]?(\d{2})$")
EARLIER = "; EARLIER than the current deadline {old}"
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
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return moment.astimezone(tz).strftime("%a %d %b")


def _span(delta: timedelta) -> str:
    minutes = int(abs(delta.total_seconds()) // 60)
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d} min" if hours else f"{rest} min"


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
            raise ValueError(f"'{shown}' is more than a week ahead; {HINT}")
        if current is not None:
            moment = current + delta
            explanation = f"{_clock(moment, tz)} {day_word(moment, now, tz)}: {_span(delta)} after the current deadline {_clock(current, tz)}"
            return DeadlineReading(moment.astimezone(UTC), explanation, extends_current=True)
        moment = now + delta
        return _reading(moment, now, tz, current)
    clock = _CLOCK.match(raw)
    if clock:
        hour, minute = int(clock.group(1)), int(clock.group(2))
        if hour > 23 or minute > 59:
            raise ValueError(f"'{shown}' is not a time; {HINT}")
        local_now = now.astimezone(tz)
        moment = datetime.combine(local_now.date(), time(hour, minute), tzinfo=tz)
        if moment <= local_now:
            moment += timedelta(days=1)  # a deadline is ahead: 00:15 typed at 23:50 is tomorrow
        return _reading(moment.astimezone(UTC), now, tz, current)
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"'{shown}' is not a deadline; {HINT}") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    return _reading(moment.astimezone(UTC), now, tz, current)


def _reading(moment: datetime, now: datetime, tz: tzinfo, current: datetime | None) -> DeadlineReading:
    left = moment - now
    if left.total_seconds() >= 0:
        explanation = f"{_clock(moment, tz)} {day_word(moment, now, tz)}, in {_span(left)}"
    else:
        explanation = f"{_clock(moment, tz)} {day_word(moment, now, tz)}, {_span(left)} ago: already passed"
    earlier = current is not None and moment < current
    if earlier:
        assert current is not None
        explanation += EARLIER.format(old=_clock(current, tz))
    return DeadlineReading(moment, explanation, earlier_than_current=earlier)
