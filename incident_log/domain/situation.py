"""The situation summary: the position paper the negotiation coordinator hands the commander.

Who is on the phone and for how long, the open demands and their deadlines, the offers the cell
owes, the last contact, the live risks, hooks and triggers, the decisions since the last summary,
then the coordinator's own assessment and recommendations (recorded as an ``assessment`` entry).

``situation()`` is pure and names nothing itself: people go through ``name(key)`` and free text
through ``text(value)``. On screen those show labels with names; in a redacted PDF they are the
report's redaction door (``report.content.Scrub``), so the summary can never print a name the
report would have hidden. Long lists are cut (with how many more) so the paper stays within two
pages whatever the incident holds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from incident_log.domain.state import IncidentState

MAX_ITEMS = 6  # per section: the rest is counted, and is in the debrief report
MAX_ITEM_CHARS = 220

Namer = Callable[[str | None], str]
Texter = Callable[[object], str]
Clock = Callable[[datetime | None], str]


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    lines: tuple[str, ...]
    empty: str = ""  # said when there are no lines ("None open")
    more: int = 0  # items left out to keep to two pages


@dataclass(frozen=True, slots=True)
class SituationSummary:
    ref: str
    title: str
    as_of: datetime
    through: int  # the last entry the summary covers
    since: int  # decisions after this entry (the previous summary's "through"; 0: from the start)
    sections: tuple[Section, ...]
    assessment: str = ""
    prepared_by: str = ""
    sealed: bool = False


def _span(seconds: float) -> str:
    total = max(0, int(seconds))
    hours, rest = divmod(total // 60, 60)
    return f"{hours} h {rest:02d} min" if hours else f"{rest} min"


def _cut(value: str) -> str:
    one_line = " ".join(value.split())
    return one_line if len(one_line) <= MAX_ITEM_CHARS else one_line[: MAX_ITEM_CHARS - 1] + "…"


def _section(title: str, lines: list[str], empty: str) -> Section:
    return Section(title, tuple(lines[:MAX_ITEMS]), empty, max(0, len(lines) - MAX_ITEMS))


def situation(
    state: IncidentState,
    *,
    now: datetime,
    through: int,
    since: int,
    name: Namer,
    text: Texter,
    clock: Clock,
    assessment: str = "",
    prepared_by: str = "",
) -> SituationSummary:
    """Everything the summary says, as lines; ``now`` is frozen at the seal for a sealed incident."""
    if state.sealed and isinstance(state.extra.get("sealed_at"), datetime):
        now = state.extra["sealed_at"]  # type: ignore[assignment]
    roster = state.roster
    phone: list[str] = []
    if roster.on_phone:
        spell = (now - roster.on_phone_since).total_seconds() if roster.on_phone_since else 0
        phone.append(f"On the phone now: {name(roster.on_phone)}, for {_span(spell)} (since {clock(roster.on_phone_since)})")
    totals = dict(roster.phone_seconds)
    if roster.on_phone and roster.on_phone_since and not state.sealed:
        totals[roster.on_phone] = totals.get(roster.on_phone, 0.0) + max(0.0, (now - roster.as_of).total_seconds())
    for key, seconds in sorted(totals.items(), key=lambda kv: -kv[1]):
        phone.append(f"{name(key)}: {_span(seconds)} on the phone in all")
    others = [
        f"{role[0].upper() + role[1:]}: {name(key)}"
        for role, key in roster.current.items() if role != "primary negotiator"
    ]
    phone.extend(others)

    demands = []
    for demand in state.demands:
        if not demand.is_open:
            continue
        line = f"#{demand.seq} {name(demand.by)}: {_cut(text(demand.text))}"
        if demand.deadline is not None:
            left = (demand.deadline - now).total_seconds()
            due = ("deadline {clock}, in {span}" if left >= 0 else "deadline {clock}, PASSED {span} ago").format(
                clock=clock(demand.deadline), span=_span(abs(left)))
            line += " — " + due
        if demand.status != "open":
            line += f" ({demand.status})"
        demands.append(line)

    owed = [
        "#{seq} to {who}: {what}".format(seq=offer.seq, who=name(offer.to) if offer.to else "the subject",
                                          what=_cut(text(offer.text)))
        + (f" (conditions: {_cut(text(offer.conditions))})" if offer.conditions else "")
        for offer in state.offers if offer.owed
    ]

    contact: list[str] = []
    if state.contacts:
        last = state.contacts[-1]
        ongoing = last.event == "start"
        contact.append(("In contact now by {channel} since {at} ({span})" if ongoing else
                        "Last contact: {event} by {channel} at {at}, {span} ago").format(
            channel=last.channel or "?", event=last.event, at=clock(last.at), span=_span((now - last.at).total_seconds())))
    first = state.statistics.first_contact_at
    if first is not None:
        contact.append(f"First contact at {clock(first)}")

    grave = ("weapon", "self-harm")
    live_risks = sorted(
        (r for r in state.risks if r.status != "cleared"),
        key=lambda r: (not (r.category in grave and r.status == "confirmed"), r.at, r.seq),
    )
    risks = [
        "{status} {category}: {what}".format(status=(r.status or "reported").upper() if r.category in grave
                                             and r.status == "confirmed" else r.status or "reported",
                                             category=r.category or "other", what=_cut(text(r.text)))
        + (f" (about {name(r.about)})" if r.about else "")
        for r in live_risks
    ]
    hooks = [_cut(text(h.text)) + (f" (about {name(h.about)})" if h.about else "") for h in state.hooks]
    triggers = [_cut(text(t.text)) + (f" (about {name(t.about)})" if t.about else "")
                for t in state.triggers]
    decisions = [
        "#{seq} {at}{by}: {what}".format(seq=d.seq, at=clock(d.at), by=" by " + name(d.decided_by) if d.decided_by else "",
                                          what=_cut(text(d.text)))
        + (f" — rationale: {_cut(text(d.rationale))}" if d.rationale else "")
        for d in state.decisions if d.seq > since
    ]

    sections = (
        _section("On the phone and roles", phone, "Nobody on the phone"),
        _section("Open demands and deadlines", demands, "No open demands"),
        _section("Offers owed (accepted, not yet delivered)", owed, "Nothing owed"),
        _section("Contact", contact, "No contact yet"),
        _section("Live risks", risks, "No live risks"),
        _section("Hooks (talk about)", hooks, "None recorded"),
        _section("Triggers (avoid)", triggers, "None recorded"),
        _section("Decisions since the last summary" if since else "Decisions", decisions, "None"),
    )
    return SituationSummary(
        ref=state.incident.ref, title=text(state.incident.title), as_of=now, through=through, since=since,
        sections=sections, assessment=text(assessment) if assessment else "", prepared_by=prepared_by,
        sealed=state.sealed,
    )


def plain_text(summary: SituationSummary, clock: Clock) -> str:
    """The summary as plain text (the screen shows it; a test reads it)."""
    out = [f"Situation summary {summary.ref} — {summary.title}",
           f"As of {clock(summary.as_of)}, through entry #{summary.through}"]
    for section in summary.sections:
        out.append("")
        out.append(section.title)
        if section.lines:
            out.extend("• " + line for line in section.lines)
        else:
            out.append("  " + section.empty)
        if section.more:
            out.append(f"  … and {section.more} more (in the debrief report)")
    if summary.assessment:
        out += ["", "Assessment and recommendations", summary.assessment]
    return "\n".join(out)
