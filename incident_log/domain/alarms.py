"""Alarms: a deadline about to pass or passed, and a long silence with the subject.

``alarms(state, now, policy, acknowledged)`` is a pure function: the windows call it every
second and show what it returns as a banner that cannot be missed. Each alarm has a stable id
that names exactly one occasion ("demand #12's deadline of 23:30 is 2 minutes away"), so
acknowledging it — a keystroke, recorded in the log as an ``alarm`` entry carrying the id —
silences that occasion only: the next threshold, a restated deadline or ten more minutes of
silence raise a new alarm.

A sealed incident has no alarms: its clock stopped at the seal.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from incident_log.domain.entry import Entry, iso_utc
from incident_log.domain.state import IncidentState
from incident_log.i18n import N_, msg, tr

DEFAULT_DEADLINE_WARNINGS = (10, 2)  # minutes before a deadline
DEFAULT_SILENCE_MINUTES = 30

ALARM_KIND = "alarm"  # the entry kind that records an acknowledgement (domain.kinds)
Clock = Callable[[datetime], str]

RED = "red"  # passed, or silence
AMBER = "amber"  # approaching


@dataclass(frozen=True, slots=True)
class AlarmPolicy:
    """When to raise alarms (the user's settings): minutes before a deadline, minutes of silence."""

    deadline_warnings: tuple[int, ...] = DEFAULT_DEADLINE_WARNINGS
    silence_minutes: int = DEFAULT_SILENCE_MINUTES  # 0: no silence alarm

    @classmethod
    def parse(cls, warnings: str, silence: int) -> AlarmPolicy:
        """From the settings' text ("10, 2"); anything unreadable in it is ignored."""
        minutes = []
        for part in str(warnings).replace(";", ",").split(","):
            part = part.strip()
            if part.isdigit() and 0 < int(part) <= 24 * 60:
                minutes.append(int(part))
        return cls(tuple(sorted(set(minutes), reverse=True)), max(0, int(silence)))


@dataclass(frozen=True, slots=True)
class Alarm:
    id: str  # stable for one occasion; what an acknowledgement records
    level: str  # RED or AMBER
    text: str  # one sentence, with people named by their labels
    seq: int = 0  # the entry it is about (the demand), 0 for silence
    due: datetime | None = None  # the deadline, or when the silence began

    @property
    def passed(self) -> bool:
        return self.level == RED


# Marked for the catalogue; said in the environment's language when the alarm is made.
DEADLINE_SOON = N_("Deadline in {left}: demand #{seq} by {who} — “{text}” (at {clock})")
DEADLINE_PASSED = N_("Deadline PASSED {ago} ago: demand #{seq} by {who} — “{text}” (was {clock})")
SILENCE = N_("No contact for {minutes} minutes (last contact {clock})")
SILENCE_NEVER = N_("No contact for {minutes} minutes since the incident opened ({clock})")


def _span(seconds: float) -> str:
    total = max(0, int(seconds))
    hours, rest = divmod(total // 60, 60)
    if hours:
        return msg("{hours} h {minutes} min", hours=hours, minutes=f"{rest:02d}")
    if total >= 60:
        return msg("{minutes} min", minutes=total // 60)
    return msg("{seconds} s", seconds=total)


def _short(text: str, limit: int = 60) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"


def alarms(
    state: IncidentState,
    now: datetime,
    policy: AlarmPolicy,
    acknowledged: Collection[str] = (),
    *,
    clock: Clock = lambda moment: moment.strftime("%H:%M"),
    last_statement_at: datetime | None = None,
) -> list[Alarm]:
    """Every alarm not yet acknowledged, most urgent first (passed deadlines, silence, approaching).

    ``clock`` formats a time as the reader sees it (their zone); ``last_statement_at`` is when the
    subject last spoke, which counts as contact (the fold does not keep it).
    """
    if state.sealed:
        return []
    labels = {p.key: p.label for p in state.people}
    found: list[Alarm] = []
    for demand in state.demands:
        if not demand.is_open or demand.deadline is None:
            continue
        left = (demand.deadline - now).total_seconds()
        who = labels.get(demand.by, demand.by or "?")
        base = f"deadline:{demand.seq}:{iso_utc(demand.deadline)}"
        if left <= 0:
            found.append(Alarm(base + ":passed", RED, tr(DEADLINE_PASSED).format(
                ago=_span(-left), seq=demand.seq, who=who, text=_short(demand.text), clock=clock(demand.deadline)),
                demand.seq, demand.deadline))
            continue
        # The nearest threshold already crossed: 10 min before, then 2 min before, each once.
        crossed = [m for m in policy.deadline_warnings if left <= m * 60]
        if crossed:
            threshold = min(crossed)
            found.append(Alarm(f"{base}:{threshold}", AMBER, tr(DEADLINE_SOON).format(
                left=_span(left), seq=demand.seq, who=who, text=_short(demand.text), clock=clock(demand.deadline)),
                demand.seq, demand.deadline))
    silence = _silence(state, now, policy, clock, last_statement_at)
    if silence is not None:
        found.append(silence)
    rank = {RED: 0, AMBER: 1}
    found.sort(key=lambda a: (rank[a.level], a.due or now))
    return [a for a in found if a.id not in acknowledged]


def _silence(
    state: IncidentState, now: datetime, policy: AlarmPolicy, clock: Clock, last_statement_at: datetime | None
) -> Alarm | None:
    if policy.silence_minutes <= 0:
        return None
    contacts = state.contacts
    if contacts and contacts[-1].event == "start":
        return None  # the line is open
    moments = [c.at for c in contacts if c.event in ("start", "end", "lost")]
    if last_statement_at is not None:
        moments.append(last_statement_at)
    since = max(moments) if moments else state.incident.opened_at
    step = timedelta(minutes=policy.silence_minutes)
    silent = now - since
    if silent < step:
        return None
    # One alarm per whole step of silence: 30 min, then 60, 90 ... each acknowledged on its own.
    steps = int(silent / step)
    minutes = steps * policy.silence_minutes
    template = SILENCE if moments else SILENCE_NEVER
    return Alarm(f"silence:{iso_utc(since)}:{minutes}", RED,
                 msg(template, minutes=minutes, clock=clock(since)), 0, since)


def acknowledged_ids(entries: Iterable[Entry]) -> frozenset[str]:
    """The alarm ids recorded by ``alarm`` entries (what acknowledging wrote to the log)."""
    return frozenset(e.fields["alarm"] for e in entries if e.kind == ALARM_KIND and isinstance(e.fields.get("alarm"), str))
