"""The report's content as plain, already-redacted strings: the only thing layout ever sees.

Every text, field value, title, location and person reference of the incident passes through
``Scrub`` here, *before* any of it reaches reportlab; layout code takes a ``ReportContent`` and
cannot reach the raw state. That boundary is what makes "no redacted string anywhere in the PDF"
checkable by reading this one module.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo

from incident_log.domain.entry import Entry
from incident_log.domain.kinds import KINDS, PERSON_FIELDS, FieldType
from incident_log.domain.late import is_late
from incident_log.domain.projections import effective
from incident_log.domain.state import IncidentState
from incident_log.report.options import RedactorLike, ReportOptions, VerifySummary

UNKNOWN_PERSON = "unregistered person"


class Scrub:
    """Turns raw values into what the copy may show: redacted text, labels instead of people."""

    def __init__(self, state: IncidentState, entries: Sequence[Entry], redactor: RedactorLike | None) -> None:
        self.redactor = redactor
        self.redacted = redactor is not None
        self._people = {p.key: p for p in state.people}
        from incident_log.report.source import report_authors

        self._authors = report_authors(state, entries)

    def text(self, value: object) -> str:
        text = "" if value is None else str(value)
        if not text or self.redactor is None:
            return text
        return self.redactor.redact(text)

    def person(self, key: object) -> str:
        if key is None or key == "":
            return ""
        person = self._people.get(str(key))
        if person is None:
            # Not a registered key: whatever it is, it may be a name.
            return self.text(key) if self.redacted else str(key)
        return person.label if self.redacted else f"{person.label} ({person.name})"

    def author(self, author: str) -> str:
        if not self.redacted:
            return author
        return self._authors.get(author) or self.text(author)


def _verify_command(ref: str, verification: VerifySummary, options: ReportOptions) -> str:
    if options.vault_gone:
        return (
            "None for this copy: it was made by 'incident-log demo' from a temporary vault that no longer exists. "
            "To try the check, keep the vault: incident-log demo --vault demo.db -o demo.pdf, then run the "
            "command printed in that copy."
        )
    vault = f"--vault {options.verify_vault} " if options.verify_vault else ""
    return f"incident-log {vault}verify {ref} --head {verification.head_hash} --count {verification.count}"


def _zone(options: ReportOptions, zone_name: str) -> tzinfo:
    """The zone times are printed in: the incident's own (never the printing machine's)."""
    if options.tz is not None:
        return options.tz
    from incident_log.domain.zones import zone

    return zone(zone_name)


@dataclass(frozen=True, slots=True)
class Clock:
    """Formats times in one zone, and says which zone that is on the cover."""

    zone: tzinfo

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.zone)

    def full(self, moment: datetime | None) -> str:
        if moment is None:
            return "\u2014"
        # Numeric dates: a month name (May, June, April, August) is also a given name, and the
        # leak check would then refuse the whole report of an incident with such a person in it.
        return self.local(moment).strftime("%Y-%m-%d %H:%M:%S")

    def short(self, moment: datetime | None) -> str:
        if moment is None:
            return "\u2014"
        return self.local(moment).strftime("%Y-%m-%d %H:%M:%S")

    def hm(self, moment: datetime | None) -> str:
        if moment is None:
            return "\u2014"
        return self.local(moment).strftime("%H:%M")

    def offset(self, moment: datetime) -> str:
        off = self.local(moment).utcoffset() or timedelta(0)
        sign = "+" if off >= timedelta(0) else "-"
        minutes = abs(int(off.total_seconds())) // 60
        return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def duration(seconds: float | None) -> str:
    if seconds is None:
        return "\u2014"
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    if minutes:
        return f"{minutes} min {secs:02d} s"
    return f"{secs} s"


# --- the content ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Spell:
    lane: str  # person label (and name, unredacted)
    role: str
    start: datetime
    end: datetime


@dataclass(frozen=True, slots=True)
class TimelineRow:
    seq: int
    occurred: str
    recorded_late: str  # "" unless recorded well after it happened
    kind: str
    author: str
    details: str  # kind-specific fields, one line
    text: str  # current text (after amendments)
    struck: tuple[str, ...] = ()  # earlier versions, shown struck through
    note: str = ""  # "corrected by #45: reason" / "amends #12: reason"
    flagged: str = ""  # the flag reasons, if flagged


@dataclass
class ReportContent:
    ref: str
    redacted: bool
    exercise: bool
    classification: str
    marking: str
    title: str
    location: str
    cover_rows: list[tuple[str, str]]
    zone_note: str
    unredacted_reason: str
    summary_rows: list[tuple[str, str]]
    kind_counts: list[tuple[str, int]]
    people: list[tuple[str, str, str]]  # label, role, name ("" when redacted)
    authors: list[tuple[str, int]]  # author label (or name), entries
    spells: list[Spell]
    axis: tuple[datetime, datetime]
    phone_time: list[tuple[str, str, float]]  # label, duration text, seconds
    demands: list[tuple[str, ...]]
    offers: list[tuple[str, ...]]
    boards: list[tuple[str, list[tuple[str, ...]]]]  # (title, rows) hooks/triggers/risks
    intelligence: list[tuple[str, ...]]
    decisions: list[tuple[str, ...]]
    timeline: list[TimelineRow]
    integrity: list[tuple[str, str]]
    verify_command: str
    verify_ok: bool
    generated_at: str
    clock: Clock
    schedule: dict[str, int] = field(default_factory=dict)


def _field_text(scrub: Scrub, clock: Clock, ftype: FieldType, name: str, value: object) -> str:
    if value is None or value == "" or value == ():
        return ""
    if name in PERSON_FIELDS or ftype is FieldType.PERSON:
        return scrub.person(value)
    if ftype is FieldType.DATETIME:
        try:
            from incident_log.domain.entry import parse_iso

            return clock.short(value if isinstance(value, datetime) else parse_iso(str(value)))
        except (TypeError, ValueError):
            return scrub.text(value)
    if ftype is FieldType.LIST and isinstance(value, Sequence) and not isinstance(value, str):
        return ", ".join(scrub.text(v) for v in value)
    if ftype is FieldType.MAPPING and isinstance(value, Mapping):
        parts = []
        for key, inner in value.items():
            spec = KINDS.get("person")
            inner_type = FieldType.PERSON if key in PERSON_FIELDS else FieldType.TEXT
            if spec is not None and spec.field(str(key)) is not None and key in ("aliases", "phones"):
                inner_type = FieldType.LIST
            parts.append(f"{scrub.text(key)}: {_field_text(scrub, clock, inner_type, str(key), inner)}")
        return "; ".join(parts)
    if ftype in (FieldType.CHOICE, FieldType.INT):
        return str(value)
    return scrub.text(value)


_HIDDEN_FIELDS = {"id", "corrected"}
# Shown in the row's note ("amends #12: reason") rather than among the fields.
_NOTE_REASON_KINDS = {"amendment", "flag"}


def entry_details(
    entry: Entry, scrub: Scrub, clock: Clock, fields: Mapping[str, object] | None = None
) -> str:
    """The kind's fields of one entry, as one line ("by: Subject A · deadline: 14 Mar 23:00")."""
    spec = KINDS.get(entry.kind)
    fields = entry.fields if fields is None else fields
    if spec is None:
        return "; ".join(f"{scrub.text(k)}: {scrub.text(v)}" for k, v in fields.items())
    if entry.kind == "person" and scrub.redacted:
        # Name, aliases and phones would all redact to the label or a tag: say it once.
        parts = [scrub.person(fields.get("key")), str(fields.get("role", ""))]
        notes = scrub.text(fields.get("notes", ""))
        return " \u00b7 ".join(p for p in parts + ([f"notes: {notes}"] if notes else []) if p)
    parts = []
    for fspec in spec.fields:
        if fspec.name in _HIDDEN_FIELDS or (fspec.name == "reason" and entry.kind in _NOTE_REASON_KINDS):
            continue
        shown = _field_text(scrub, clock, fspec.type, fspec.name, fields.get(fspec.name))
        if shown:
            parts.append(f"{fspec.name.replace('_', ' ')}: {shown}")
    return " \u00b7 ".join(parts)


def _timeline(
    state: IncidentState,
    entries: Sequence[Entry],
    scrub: Scrub,
    clock: Clock,
    options: ReportOptions,
    tick: Callable[[], None],
) -> list[TimelineRow]:
    by_seq = {e.seq: e for e in entries}
    flags: dict[int, list[str]] = {}
    for flag in state.flags:
        flags.setdefault(flag.target, []).append(scrub.text(flag.reason) or "flagged")
    margin = options.late_margin_seconds
    if margin is None:
        margin = state.late_margin.total_seconds()  # the vault's margin, as the fold used it
    rows: list[TimelineRow] = []
    for entry in entries:
        tick()
        late = ""
        if is_late(entry, timedelta(seconds=margin)):
            late = clock.short(entry.recorded_at)
        kind_spec = KINDS.get(entry.kind)
        kind = kind_spec.title if kind_spec else entry.kind
        details = entry_details(entry, scrub, clock)
        text = scrub.text(entry.text)
        struck: tuple[str, ...] = ()
        note = ""
        amended_by = [by_seq[s] for s in state.amendments.get(entry.seq, ()) if s in by_seq]
        if amended_by:
            _, current_fields = effective(entry, amended_by)
            versions = [text] + [scrub.text(a.text) for a in amended_by if a.text.strip()]
            new_details = entry_details(entry, scrub, clock, current_fields)
            old_parts = versions[:-1]
            if new_details != details:
                old_parts = [details, *old_parts]
            struck = tuple(v for v in old_parts if v)
            text, details = versions[-1], new_details
            last = amended_by[-1]
            reason = scrub.text(last.fields.get("reason", ""))
            note = f"corrected by #{last.seq}" + (f": {reason}" if reason else "")
        if entry.kind in ("amendment", "flag", "update") and entry.refs is not None:
            verb = {"amendment": "amends", "flag": "flags", "update": "updates"}[entry.kind]
            reason = scrub.text(entry.fields.get("reason", "")) if entry.kind != "update" else ""
            note = (note + "; " if note else "") + f"{verb} #{entry.refs}" + (f": {reason}" if reason else "")
        rows.append(
            TimelineRow(
                seq=entry.seq,
                occurred=clock.short(entry.occurred_at),
                recorded_late=late,
                kind=kind,
                author=scrub.author(entry.author),
                details=details,
                text=text,
                struck=struck,
                note=note,
                flagged="; ".join(flags.get(entry.seq, ())),
            )
        )
    return rows


def _history(scrub: Scrub, clock: Clock, history: Sequence[object]) -> str:
    steps = []
    for change in history:
        at = clock.hm(change.at)  # type: ignore[attr-defined]
        text = scrub.text(change.text)  # type: ignore[attr-defined]
        steps.append(f"{at} {change.status}" + (f" ({text})" if text else ""))  # type: ignore[attr-defined]
    return " \u2192 ".join(steps)


def _outcome(state: IncidentState, entries: Sequence[Entry], scrub: Scrub) -> str:
    outcome = state.extra.get("outcome")
    if isinstance(outcome, str) and outcome:
        return scrub.text(outcome)
    if state.sealed:
        for entry in reversed(entries):
            if entry.kind == "seal" and entry.text:
                return scrub.text(entry.text)
    for entry in reversed(entries):
        if entry.kind == "note" and entry.text:
            return scrub.text(entry.text) + (" (last note)" if not state.sealed else "")
    return "Not recorded"


def build_content(
    state: IncidentState,
    entries: Sequence[Entry],
    *,
    redactor: RedactorLike | None,
    verification: VerifySummary,
    options: ReportOptions,
    generated_at: datetime,
    program_version: str,
    tick: Callable[[], None] = lambda: None,
) -> ReportContent:
    from incident_log.report.options import EXERCISE_MARKING, REDACTED_MARKING, UNREDACTED_MARKING

    _ = EXERCISE_MARKING
    scrub = Scrub(state, entries, redactor)
    incident = state.incident
    clock = Clock(_zone(options, incident.time_zone))
    stats = state.statistics
    started = stats.started_at or incident.opened_at
    ended = stats.ended_at
    last_moment = max([started] + [e.occurred_at for e in entries]) if entries else started
    # An open incident's chart and duration run to its last entry, not to the printing time.
    axis_end = ended or last_moment
    if axis_end <= started:
        axis_end = started + timedelta(minutes=1)

    cover_rows = [
        ("Reference", incident.ref),
        ("Incident type", incident.type),
        ("Location", scrub.text(incident.location) or "\u2014"),
        ("Started", clock.full(started)),
        ("Ended", clock.full(ended) if ended else f"not sealed; last entry {clock.full(axis_end)}"),
        (
            "Duration",
            duration((ended - started).total_seconds())
            if ended
            else f"{duration((axis_end - started).total_seconds())} to the last entry (incident still open)",
        ),
        ("Outcome", _outcome(state, entries, scrub)),
        ("Status", "sealed" if state.sealed else "open"),
    ]
    if incident.exercise:
        cover_rows.insert(1, ("Exercise", "yes \u2014 a training incident, not a real operation"))

    summary_rows = [
        ("Entries in the log", str(stats.entry_count)),
        ("Time to first contact", duration(stats.time_to_first_contact_seconds)),
        ("First contact", clock.full(stats.first_contact_at)),
        ("Last contact event", clock.full(stats.last_contact_at)),
        ("Negotiator rotations", str(stats.rotations)),
        ("Demands met", str(stats.demands_met)),
        ("Demands partly met", str(stats.demands_partly_met)),
        ("Demands refused", str(stats.demands_refused)),
        ("Demands still open", str(stats.demands_open)),
        ("Entries recorded late", str(stats.late_entries)),
        ("Entries flagged for debrief", str(len({f.target for f in state.flags}))),
    ]
    if state.reviewed_upto:
        summary_rows.append(
            ("Reviewed by team leader", f"up to #{state.reviewed_upto} at {clock.full(state.reviewed_at)}")
        )
    kind_counts = sorted(stats.counts_by_kind.items(), key=lambda kv: (-kv[1], kv[0]))
    kind_counts = [(KINDS[k].title if k in KINDS else k, n) for k, n in kind_counts]

    people = [(p.label, p.role, "" if scrub.redacted else p.name) for p in state.people]
    author_counts: dict[str, int] = {}
    for entry in entries:
        label = scrub.author(entry.author)
        author_counts[label] = author_counts.get(label, 0) + 1

    spells = [
        Spell(scrub.person(s.person), s.role, max(s.start, started), s.end or axis_end)
        for s in state.roster.spells
    ]
    phone_time = sorted(
        ((scrub.person(k), duration(v), v) for k, v in state.roster.phone_seconds.items()),
        key=lambda row: -row[2],
    )

    demands: list[tuple[str, ...]] = [
        (
            f"#{d.seq}",
            clock.hm(d.at),
            scrub.person(d.by),
            scrub.text(d.text),
            d.status,
            clock.short(d.deadline)
            + (f" (restated {d.deadline_restated}\u00d7)" if d.deadline_restated else "")
            if d.deadline
            else "\u2014",
            _history(scrub, clock, d.history),
        )
        for d in state.demands
    ]
    offers: list[tuple[str, ...]] = [
        (
            f"#{o.seq}",
            clock.hm(o.at),
            scrub.person(o.by) + (f" \u2192 {scrub.person(o.to)}" if o.to else ""),
            scrub.text(o.text) + (f" \u2014 conditions: {scrub.text(o.conditions)}" if o.conditions else ""),
            o.status + (" (owed)" if o.owed else ""),
            _history(scrub, clock, o.history),
        )
        for o in state.offers
    ]

    def board(items: Sequence[object], with_status: bool = False) -> list[tuple[str, ...]]:
        rows: list[tuple[str, ...]] = []
        for item in items:
            about = scrub.person(item.about) if item.about else ""  # type: ignore[attr-defined]
            extra = ""
            if with_status:
                extra = f"{item.category} / {item.status}"  # type: ignore[attr-defined]
            rows.append(
                (
                    f"#{item.seq}",  # type: ignore[attr-defined]
                    clock.hm(item.at),  # type: ignore[attr-defined]
                    about,
                    scrub.text(item.text),  # type: ignore[attr-defined]
                    scrub.text(item.source),  # type: ignore[attr-defined]
                    extra,
                )
            )
        return rows

    boards = [
        ("Hooks \u2014 what the subject values", board(state.hooks)),
        ("Triggers \u2014 topics to avoid", board(state.triggers)),
        ("Risks", board(state.risks, with_status=True)),
    ]
    intelligence: list[tuple[str, ...]] = [
        (f"#{i.seq}", clock.hm(i.at), scrub.text(i.text), scrub.text(i.source), i.grading or "\u2014")
        for i in state.intelligence
    ]
    decisions: list[tuple[str, ...]] = [
        (
            f"#{d.seq}",
            clock.hm(d.at),
            scrub.person(d.decided_by) or "\u2014",
            scrub.text(d.text),
            scrub.text(d.rationale),
        )
        for d in state.decisions
    ]
    timeline = _timeline(state, entries, scrub, clock, options, tick)

    integrity = [
        ("Entries", str(verification.count)),
        ("Head hash", verification.head_hash),
        (
            "Verification",
            f"hash chain and vault file checked when this copy was made: intact ({verification.count} entries)"
            if verification.ok
            else "FAILED \u2014 " + "; ".join(verification.problems),
        ),
        ("Generated at", clock.full(generated_at) + f" ({clock.offset(generated_at)})"),
        ("Program version", f"Incident Log {program_version}"),
        ("Copy", "redacted" if scrub.redacted else "unredacted"),
    ]
    return ReportContent(
        ref=incident.ref,
        redacted=scrub.redacted,
        exercise=incident.exercise,
        classification=options.classification,
        marking=REDACTED_MARKING if scrub.redacted else UNREDACTED_MARKING,
        title=scrub.text(incident.title),
        location=scrub.text(incident.location),
        cover_rows=cover_rows,
        zone_note=(
            f"All times are the incident's local time, {incident.time_zone} ({clock.offset(started)} at the start)."
            if options.tz is None
            else f"All times are in UTC{clock.offset(started)[3:]}."
        ),
        unredacted_reason="" if scrub.redacted else (options.unredacted_reason or ""),
        summary_rows=summary_rows,
        kind_counts=kind_counts,
        people=people,
        authors=sorted(author_counts.items(), key=lambda kv: -kv[1]),
        spells=spells,
        axis=(started, axis_end),
        phone_time=phone_time,
        demands=demands,
        offers=offers,
        boards=boards,
        intelligence=intelligence,
        decisions=decisions,
        timeline=timeline,
        integrity=integrity,
        verify_command=_verify_command(incident.ref, verification, options),
        verify_ok=verification.ok,
        generated_at=clock.full(generated_at),
        clock=clock,
    )
