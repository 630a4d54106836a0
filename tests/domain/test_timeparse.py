"""The composer's time box: forgiving input, exact results, refusals a tired loggist understands."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from incident_log.domain.timeparse import format_delay, parse_entry_time

MADRID = ZoneInfo("Europe/Madrid")
# 22:30 in Madrid on a winter evening (UTC+1).
NOW = datetime(2026, 3, 14, 21, 30, 15, tzinfo=UTC)


def local(text: str) -> datetime:
    return parse_entry_time(text, now=NOW, tz=MADRID).astimezone(MADRID)


@pytest.mark.parametrize("text", ["", "  ", "now", "NOW", " Now "])
def test_empty_or_now_is_now(text: str) -> None:
    assert parse_entry_time(text, now=NOW, tz=MADRID) == NOW


@pytest.mark.parametrize("text", ["21:40", "2140", "21.40", "21h40", " 21:40 "])
def test_clock_time_today(text: str) -> None:
    moment = local(text)
    assert (moment.date().isoformat(), moment.hour, moment.minute, moment.second) == ("2026-03-14", 21, 40, 0)
    assert parse_entry_time(text, now=NOW, tz=MADRID).tzinfo == UTC


def test_clock_time_with_seconds_and_single_digit_hour() -> None:
    assert local("21:40:30").second == 30
    assert (local("9:05").hour, local("9:05").minute) == (9, 5)
    assert (local("905").hour, local("905").minute) == (9, 5)


def test_clock_time_in_the_future_means_yesterday() -> None:
    # At 22:30, "23:50" can only be last night (the incident ran past midnight).
    assert local("23:50").date().isoformat() == "2026-03-13"
    # Within a minute ahead is a clock difference, not yesterday.
    assert local("22:31").date().isoformat() == "2026-03-14"
    assert local("22:32").date().isoformat() == "2026-03-13"


def test_just_after_midnight() -> None:
    now = datetime(2026, 3, 14, 23, 10, tzinfo=UTC)  # 00:10 on the 15th in Madrid
    moment = parse_entry_time("23:55", now=now, tz=MADRID).astimezone(MADRID)
    assert moment.isoformat() == "2026-03-14T23:55:00+01:00"


@pytest.mark.parametrize(
    ("text", "delta"),
    [
        ("-10m", timedelta(minutes=10)),
        ("-10", timedelta(minutes=10)),
        ("-2h", timedelta(hours=2)),
        ("-1h30m", timedelta(hours=1, minutes=30)),
        ("-1h 30m", timedelta(hours=1, minutes=30)),
        ("- 45 s", timedelta(seconds=45)),
        ("10 min ago", timedelta(minutes=10)),
        ("10min ago", timedelta(minutes=10)),
        ("2 hours ago", timedelta(hours=2)),
        ("1 hour 5 minutes ago", timedelta(hours=1, minutes=5)),
        ("-0m", timedelta(0)),
    ],
)
def test_relative(text: str, delta: timedelta) -> None:
    assert parse_entry_time(text, now=NOW, tz=MADRID) == NOW - delta


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-14T21:40", "2026-03-14T20:40:00+00:00"),  # no zone: the loggist's zone
        ("2026-03-14 21:40", "2026-03-14T20:40:00+00:00"),
        ("2026-03-14T21:40:00+01:00", "2026-03-14T20:40:00+00:00"),
        ("2026-03-14T20:40:00Z", "2026-03-14T20:40:00+00:00"),
        ("2026-03-14T16:40:00-04:00", "2026-03-14T20:40:00+00:00"),
    ],
)
def test_iso(text: str, expected: str) -> None:
    assert parse_entry_time(text, now=NOW, tz=MADRID).isoformat() == expected


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("25:99", "'25:99' is not a time; type 21:40, -10m or leave empty for now"),
        ("24:00", "'24:00' is not a time; type 21:40, -10m or leave empty for now"),
        ("21:60", "'21:60' is not a time"),
        ("tomorrow", "'tomorrow' is not a time"),
        ("+10m", "'+10m' is in the future; an entry records what has already happened"),
        ("10m", "'10m' needs a minus sign or 'ago'"),
        ("-10 parsecs", "unknown unit 'parsecs'"),
        ("-200h", "is more than a week ago; type the full date and time"),
        ("-99999999999999999999999h", "is more than a week ago"),
        ("2026-03-14", "has a date but no time of day"),
        ("-" + "9" * 5000 + "m", "is not a time"),
        ("2026-13-45T10:00", "is not a date and time"),
    ],
)
def test_refusals_say_what_to_type(text: str, says: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_entry_time(text, now=NOW, tz=MADRID)
    assert says in str(caught.value)
    assert "type 21:40, -10m or leave empty for now" in str(caught.value)


def test_naive_now_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        parse_entry_time("", now=datetime(2026, 1, 1), tz=MADRID)


def test_refusal_does_not_echo_a_runaway_paste() -> None:
    with pytest.raises(ValueError) as caught:
        parse_entry_time("x" * 5000, now=NOW, tz=MADRID)
    assert len(str(caught.value)) < 120


# --- properties ----------------------------------------------------------------------------

nows = st.datetimes(
    min_value=datetime(2000, 1, 2), max_value=datetime(2090, 12, 30), timezones=st.just(UTC)
)
fixed_zones = st.integers(min_value=-12 * 4, max_value=14 * 4).map(lambda q: timezone(timedelta(minutes=15 * q)))


@given(now=nows, tz=fixed_zones, hour=st.integers(0, 23), minute=st.integers(0, 59), sep=st.sampled_from([":", "", "."]))
def test_clock_round_trip(now: datetime, tz: timezone, hour: int, minute: int, sep: str) -> None:
    moment = parse_entry_time(f"{hour:02d}{sep}{minute:02d}", now=now, tz=tz)
    shown = moment.astimezone(tz)
    assert (shown.hour, shown.minute, shown.second) == (hour, minute, 0)
    # Never more than a minute ahead, never a full day or more behind.
    assert moment - now <= timedelta(minutes=1)
    assert now - moment < timedelta(days=1, minutes=1)


@given(now=nows, minute=st.integers(0, 59), hour=st.integers(0, 23))
def test_clock_round_trip_in_a_zone_with_summer_time(now: datetime, hour: int, minute: int) -> None:
    moment = parse_entry_time(f"{hour}:{minute:02d}", now=now, tz=MADRID)
    shown = moment.astimezone(MADRID)
    if (shown.hour, shown.minute) != (hour, minute):
        # Only a wall time skipped by the spring-forward jump may move (zone rules shift it by an hour).
        wall = datetime(shown.year, shown.month, shown.day, hour, minute, tzinfo=MADRID)
        assert wall.astimezone(UTC).astimezone(MADRID).replace(tzinfo=None) != wall.replace(tzinfo=None)
    assert moment - now <= timedelta(minutes=1)
    assert now - moment < timedelta(days=1, hours=1, minutes=1)


@given(now=nows, minutes=st.integers(0, 7 * 24 * 60))
def test_relative_minutes_round_trip(now: datetime, minutes: int) -> None:
    assert parse_entry_time(f"-{minutes}m", now=now, tz=MADRID) == now - timedelta(minutes=minutes)
    assert parse_entry_time(f"{minutes} min ago", now=now, tz=MADRID) == now - timedelta(minutes=minutes)


@given(now=nows, hours=st.integers(0, 100), minutes=st.integers(0, 59))
def test_relative_hours_and_minutes_round_trip(now: datetime, hours: int, minutes: int) -> None:
    assert parse_entry_time(f"-{hours}h{minutes}m", now=now, tz=MADRID) == now - timedelta(hours=hours, minutes=minutes)


# --- delay badge ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (-5, "on time"),
        (0, "on time"),
        (45, "late by 45 s"),
        (60, "late by 1 min"),
        (12 * 60 + 59, "late by 12 min"),
        (3600, "late by 1 h 00 min"),
        (3600 + 5 * 60 + 40, "late by 1 h 05 min"),
        (26 * 3600 + 60, "late by 26 h 01 min"),
    ],
)
def test_format_delay(seconds: float, text: str) -> None:
    assert format_delay(seconds) == text


@pytest.mark.parametrize("text", ["\u221210m", "\u201310m", "\u2014 10 min"])
def test_typographic_minus_signs(text: str) -> None:
    assert parse_entry_time(text, now=NOW, tz=MADRID) == NOW - timedelta(minutes=10)
