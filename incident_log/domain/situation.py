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


# Every sentence of the summary, as a template: translatable later, and the summary's own wording
# (``FURNITURE``) that the PDF's read-back check must not take for a name.
T_MINUTES = "{m} min"
T_HOURS = "{h} h {m:02d} min"
T_ON_PHONE = "On the phone now: {who}, for {spell} (since {since})"
T_PHONE_TOTAL = "{who}: {total} on the phone in all"
T_ROLE = "{role}: {who}"
T_DEMAND = "#{seq} {who}: {what}"
T_DUE = " — deadline {clock}, in {span}"
T_PASSED = " — deadline {clock}, PASSED {span} ago"
T_STATUS = " ({status})"
T_OWED = "#{seq} to {who}: {what}"
T_CONDITIONS = " (conditions: {conditions})"
T_THE_SUBJECT = "the subject"
T_IN_CONTACT = "In contact now by {channel} since {at} ({span})"
T_LAST_CONTACT = "Last contact: {event} by {channel} at {at}, {span} ago"
T_FIRST_CONTACT = "First contact at {at}"
T_RISK = "{status} {category}: {what}"
T_ABOUT = " (about {who})"
T_DECISION = "#{seq} {at}{by}: {what}"
T_DECIDED_BY = " by {who}"
T_RATIONALE = " — rationale: {why}"
T_MORE = "… and {n} more (in the debrief report)"
T_HEADER = "Situation summary {ref} — {title}"
T_AS_OF = "As of {at}, through entry #{through}"
T_ASSESSMENT = "Assessment and recommendations"
SECTIONS = (
    ("On the phone and roles", "Nobody on the phone"),
    ("Open demands and deadlines", "No open demands"),
    ("Offers owed (accepted, not yet delivered)", "Nothing owed"),
    ("Contact", "No contact yet"),
    ("Live risks", "No live risks"),
    ("Hooks (talk about)", "None recorded"),
    ("Triggers (avoid)", "None recorded"),
    ("Decisions", "None"),
)
DECISIONS_SINCE = "Decisions since the last summary"
WORDS = (  # values the summary prints as they are (statuses, categories, channels, events)
    "open", "partly met", "reported", "rumoured", "confirmed", "weapon", "self-harm", "medical", "other",
    "phone", "face to face", "throw phone", "text", "sign language", "intermediary", "attempt", "start", "end",
    "lost", "primary negotiator", "secondary/coach", "team leader", "loggist", "intelligence", "adviser",
)


def furniture() -> tuple[str, ...]:
    """The summary's own words, placeholders removed: what a leak check must not count as a name."""
    import string

    templates = [v for k, v in globals().items() if k.startswith("T_") and isinstance(v, str)]
    templates += [t for pair in SECTIONS for t in pair] + [DECISIONS_SINCE, *WORDS]
    out: list[str] = []
    for template in templates:
        out.extend(literal for literal, *_ in string.Formatter().parse(template) if literal and literal.strip())
    return tuple(out)


def _span(seconds: float) -> str:
    total = max(0, int(seconds))
    hours, rest = divmod(total // 60, 60)
    return T_HOURS.format(h=hours, m=rest) if hours else T_MINUTES.format(m=rest)


def _cut(value: str) -> str:
    one_line = " ".join(value.split())
    return one_line if len(one_line) <= MAX_ITEM_CHARS else one_line[: MAX_ITEM_CHARS - 1] + "…"


def _section(index: int, lines: list[str], title: str | None = None) -> Section:
    default_title, empty = SECTIONS[index]
    return Section(title or default_title, tuple(lines[:MAX_ITEMS]), empty, max(0, len(lines) - MAX_ITEMS))


def _about(name: Namer, key: str | None) -> str:
    return T_ABOUT.format(who=name(key)) if key else ""


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
    sealed_at = state.extra.get("sealed_at")
    if state.sealed and isinstance(sealed_at, datetime):
        now = sealed_at
    roster = state.roster
    phone: list[str] = []
    if roster.on_phone:
        spell = (now - roster.on_phone_since).total_seconds() if roster.on_phone_since else 0
        phone.append(T_ON_PHONE.format(who=name(roster.on_phone), spell=_span(spell), since=clock(roster.on_phone_since)))
    totals = dict(roster.phone_seconds)
    if roster.on_phone and roster.on_phone_since and not state.sealed:
        totals[roster.on_phone] = totals.get(roster.on_phone, 0.0) + max(0.0, (now - roster.as_of).total_seconds())
    for key, seconds in sorted(totals.items(), key=lambda kv: -kv[1]):
        phone.append(T_PHONE_TOTAL.format(who=name(key), total=_span(seconds)))
    phone += [T_ROLE.format(role=role[0].upper() + role[1:], who=name(key))
              for role, key in roster.current.items() if role != "primary negotiator"]

    demands = []
    for demand in state.demands:
        if not demand.is_open:
            continue
        line = T_DEMAND.format(seq=demand.seq, who=name(demand.by), what=_cut(text(demand.text)))
        if demand.deadline is not None:
            left = (demand.deadline - now).total_seconds()
            line += (T_DUE if left >= 0 else T_PASSED).format(clock=clock(demand.deadline), span=_span(abs(left)))
        if demand.status != "open":
            line += T_STATUS.format(status=demand.status)
        demands.append(line)

    owed = [
        T_OWED.format(seq=offer.seq, who=name(offer.to) if offer.to else T_THE_SUBJECT, what=_cut(text(offer.text)))
        + (T_CONDITIONS.format(conditions=_cut(text(offer.conditions))) if offer.conditions else "")
        for offer in state.offers if offer.owed
    ]

    contact: list[str] = []
    if state.contacts:
        last = state.contacts[-1]
        template = T_IN_CONTACT if last.event == "start" else T_LAST_CONTACT
        contact.append(template.format(channel=last.channel or "?", event=last.event, at=clock(last.at),
                                       span=_span((now - last.at).total_seconds())))
    first = state.statistics.first_contact_at
    if first is not None:
        contact.append(T_FIRST_CONTACT.format(at=clock(first)))

    grave = ("weapon", "self-harm")

    def confirmed_grave(category: str, status: str) -> bool:
        return category in grave and status == "confirmed"

    live_risks = sorted((r for r in state.risks if r.status != "cleared"),
                        key=lambda r: (not confirmed_grave(r.category, r.status), r.at, r.seq))
    risks = [
        T_RISK.format(status=r.status.upper() if confirmed_grave(r.category, r.status) else r.status or "reported",
                      category=r.category or "other", what=_cut(text(r.text))) + _about(name, r.about)
        for r in live_risks
    ]
    hooks = [_cut(text(h.text)) + _about(name, h.about) for h in state.hooks]
    triggers = [_cut(text(t.text)) + _about(name, t.about) for t in state.triggers]
    decisions = [
        T_DECISION.format(seq=d.seq, at=clock(d.at), by=T_DECIDED_BY.format(who=name(d.decided_by)) if d.decided_by
                          else "", what=_cut(text(d.text)))
        + (T_RATIONALE.format(why=_cut(text(d.rationale))) if d.rationale else "")
        for d in state.decisions if d.seq > since
    ]

    sections = (
        _section(0, phone), _section(1, demands), _section(2, owed), _section(3, contact), _section(4, risks),
        _section(5, hooks), _section(6, triggers), _section(7, decisions, DECISIONS_SINCE if since else None),
    )
    return SituationSummary(
        ref=state.incident.ref, title=text(state.incident.title), as_of=now, through=through, since=since,
        sections=sections, assessment=text(assessment) if assessment else "", prepared_by=prepared_by,
        sealed=state.sealed,
    )


def plain_text(summary: SituationSummary, clock: Clock) -> str:
    """The summary as plain text (the screen shows it; a test reads it)."""
    out = [T_HEADER.format(ref=summary.ref, title=summary.title),
           T_AS_OF.format(at=clock(summary.as_of), through=summary.through)]
    for section in summary.sections:
        out.append("")
        out.append(section.title)
        if section.lines:
            out.extend("• " + line for line in section.lines)
        else:
            out.append("  " + section.empty)
        if section.more:
            out.append("  " + T_MORE.format(n=section.more))
    if summary.assessment:
        out += ["", T_ASSESSMENT, summary.assessment]
    return "\n".join(out)
