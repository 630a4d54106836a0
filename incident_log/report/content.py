"""The report's content as plain, already-redacted strings: the only thing layout ever sees.

Every text, field value, title, location and person reference of the incident passes through
``Scrub`` here, *before* any of it reaches reportlab; layout code takes a ``ReportContent`` and
cannot reach the raw state. That boundary is what makes "no redacted string anywhere in the PDF"
checkable by reading this one module.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo

from incident_log.domain.entry import Entry
from incident_log.domain.kinds import KINDS, PERSON_FIELDS, FieldType
from incident_log.domain.labels import translate_label
from incident_log.domain.late import is_late
from incident_log.domain.projections import effective
from incident_log.domain.state import IncidentState
from incident_log.i18n import N_, Translator, translator
from incident_log.i18n.vocabulary import DEMAND_STATUS, FIELD, KIND, OFFER_STATUS, choice_group
from incident_log.report.options import RedactorLike, ReportOptions, VerifySummary

UNKNOWN_PERSON = N_("unregistered person")
# The redactor's tags, as a report in another language prints them. The redactor itself
# speaks English (its tags are also what the officer's review shows); the report's one door
# (``Scrub``) turns them into the report's language.
TAG_WORDS = {
    "[NAME]": N_("[NAME]"),
    "[PHONE]": N_("[PHONE]"),
    "[ID]": N_("[ID]"),
    "[PLATE]": N_("[PLATE]"),
    "[EMAIL]": N_("[EMAIL]"),
    "[HANDLE]": N_("[HANDLE]"),
    "[LINK]": N_("[LINK]"),
    "[ADDRESS]": N_("[ADDRESS]"),
    "[POSTCODE]": N_("[POSTCODE]"),
    "[DOB]": N_("[DOB]"),
    "[REDACTED]": N_("[REDACTED]"),
}
PHONE_OF = N_("[phone of {label}]")


def printed_as(replacement: str, lang: str) -> str:
    """What a redaction decision prints in a copy of language ``lang``: "[PHONE]" is
    "[TELÉFONO]", "[phone of Subject A]" is "[teléfono de Sujeto A]", a label is translated.
    The review (CLI and the report dialog) shows it so, as the copy will."""
    tr = translator(lang)
    owner = re.fullmatch(r"\[phone of (.+)\]", replacement)
    if owner:
        return tr.fmt(PHONE_OF, label=translate_label(owner.group(1), lang))
    if replacement in TAG_WORDS:
        return tr(TAG_WORDS[replacement])
    return translate_label(replacement, lang)


class _Relabel:
    """Rewrites what the redactor inserted (labels, tags) into the report's language.

    Only what the redactor put there is rewritten: a label or tag that the original text
    already contained (a loggist who typed "Subject A") is left as written.
    """

    def __init__(self, tr: Translator, labels: Sequence[str]) -> None:
        self.tr = tr
        names = sorted({*labels}, key=len, reverse=True)
        label_alt = "|".join(re.escape(n) for n in names) or "(?!)"
        tags = "|".join(re.escape(t) for t in TAG_WORDS)
        self.pattern = re.compile(rf"\[phone of (?P<owner>{label_alt})\]|{tags}|(?<!\w)(?:{label_alt})(?![\w])")

    def __call__(self, original: str, redacted: str) -> str:
        def swap(match: re.Match[str]) -> str:
            found = match.group(0)
            return found if found in original else printed_as(found, self.tr.lang)

        return self.pattern.sub(swap, redacted)


class Scrub:
    """Turns raw values into what the copy may show: redacted text, labels instead of people."""

    def __init__(
        self,
        state: IncidentState,
        entries: Sequence[Entry],
        redactor: RedactorLike | None,
        tr: Translator | None = None,
    ) -> None:
        self.redactor = redactor
        self.redacted = redactor is not None
        self.tr = tr or translator("en")
        self._people = {p.key: p for p in state.people}
        from incident_log.report.source import report_authors

        self._authors = report_authors(state, entries)
        self._relabel: _Relabel | None = None
        if self.tr.lang != "en" and redactor is not None:
            self._relabel = _Relabel(self.tr, [*(p.label for p in state.people), *self._authors.values()])

    def label(self, label: str) -> str:
        """A stored label ("Subject A") in the report's language ("Sujeto A")."""
        return translate_label(label, self.tr.lang)

    def text(self, value: object) -> str:
        text = "" if value is None else str(value)
        if not text or self.redactor is None:
            return text
        redacted = self.redactor.redact(text)
        return self._relabel(text, redacted) if self._relabel is not None else redacted

    def person(self, key: object) -> str:
        if key is None or key == "":
            return ""
        person = self._people.get(str(key))
        if person is None:
            # Not a registered key: whatever it is, it may be a name.
            return self.text(key) if self.redacted else str(key)
        label = self.label(person.label)
        return label if self.redacted else f"{label} ({person.name})"

    def author(self, author: str) -> str:
        if not self.redacted:
            return author
        label = self._authors.get(author)
        return self.label(label) if label else self.text(author)


def _verify_command(
    ref: str, verification: VerifySummary, options: ReportOptions, tr: Translator, *, ref_redacted: bool = False
) -> str:
    if options.vault_gone:
        return tr(
            "None for this copy: it was made by 'incident-log demo' from a temporary vault that no longer exists. "
            "To try the check, keep the vault: incident-log demo --vault demo.db -o demo.pdf, then run the "
            "command printed in that copy."
        )
    vault = f"--vault {options.verify_vault} " if options.verify_vault else ""
    command = f"incident-log {vault}verify {ref} --head {verification.head_hash} --count {verification.count}"
    if ref_redacted:
        command += " " + tr("(the reference names someone and is redacted in this copy: use the incident's own reference)")
    return command


def _verification_line(verification: VerifySummary, tr: Translator) -> str:
    if not verification.ok:
        line = tr("FAILED") + " \u2014 " + "; ".join(verification.problems)
    elif verification.shared_unchecked:
        line = tr.fmt(
            "this workstation's copy of the shared log checked when this copy was made: intact ({count} entries). "
            "The cell server could not be reached: the shared log and its head were not checked",
            count=verification.count,
        )
    else:
        line = tr.fmt(
            "hash chain and vault file checked when this copy was made: intact ({count} entries)",
            count=verification.count,
        )
    if verification.waiting:
        line += ". " + tr.fmt(
            "Not in this copy: entries recorded on this workstation and still waiting to be sent to the cell "
            "server ({waiting})",
            waiting=verification.waiting,
        )
    return line


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
    lang: str = "en"

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.zone)

    def full(self, moment: datetime | None) -> str:
        if moment is None:
            return "\u2014"
        # Numeric dates: a month name (May, June, April, August) is also a given name, and the
        # leak check would then refuse the whole report of an incident with such a person in it.
        return self.stamp(self.local(moment))

    def short(self, moment: datetime | None) -> str:
        if moment is None:
            return "\u2014"
        return self.stamp(self.local(moment))

    def stamp(self, t: datetime) -> str:
        """English reports: 2026-03-15 09:30:00. Spanish: 15/03/2026 09:30:00 (dd/mm/aaaa, the
        order Spanish courts read). Written field by field: strftime's %Y drops the leading
        zeros of a year below 1000, and a two-digit year is never printed."""
        clock = f"{t.hour:02d}:{t.minute:02d}:{t.second:02d}"
        if self.lang == "es":
            return f"{t.day:02d}/{t.month:02d}/{t.year:04d} {clock}"
        return f"{t.year:04d}-{t.month:02d}-{t.day:02d} {clock}"

    def day(self, t: datetime) -> str:
        """A day on the rotation chart's axis: 15/03 or 03-15."""
        return f"{t.day:02d}/{t.month:02d}" if self.lang == "es" else f"{t.month:02d}-{t.day:02d}"

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
    tr: Translator = field(default_factory=lambda: translator("en"))
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
            parts.append(f"{scrub.text(key)}: {_field_text(scrub, clock, inner_type, str(key), inner)}")  # noqa: E501
        return "; ".join(parts)
    if ftype is FieldType.CHOICE:
        return scrub.tr.word(choice_group(name), str(value))
    if ftype is FieldType.INT:
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
        role = scrub.tr.word(choice_group("role"), str(fields.get("role", "")))
        parts = [scrub.person(fields.get("key")), role]
        notes = scrub.text(fields.get("notes", ""))
        notes_word = scrub.tr.word(FIELD, "notes")
        return " \u00b7 ".join(p for p in parts + ([f"{notes_word}: {notes}"] if notes else []) if p)
    parts = []
    for fspec in spec.fields:
        if fspec.name in _HIDDEN_FIELDS or (fspec.name == "reason" and entry.kind in _NOTE_REASON_KINDS):
            continue
        shown = _field_text(scrub, clock, fspec.type, fspec.name, fields.get(fspec.name))
        if shown:
            parts.append(f"{scrub.tr.word(FIELD, fspec.name.replace('_', ' '))}: {shown}")
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
    tr = scrub.tr
    flags: dict[int, list[str]] = {}
    for flag in state.flags:
        flags.setdefault(flag.target, []).append(scrub.text(flag.reason) or tr("flagged"))
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
        kind = tr.word(KIND, kind_spec.title) if kind_spec else entry.kind
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
            note = tr.fmt("corrected by #{seq}", seq=last.seq) + (f": {reason}" if reason else "")
        if entry.kind in ("amendment", "flag", "update") and entry.refs is not None:
            verb = {
                "amendment": tr.fmt("amends #{seq}", seq=entry.refs),
                "flag": tr.fmt("flags #{seq}", seq=entry.refs),
                "update": tr.fmt("updates #{seq}", seq=entry.refs),
            }[entry.kind]
            reason = scrub.text(entry.fields.get("reason", "")) if entry.kind != "update" else ""
            note = (note + "; " if note else "") + verb + (f": {reason}" if reason else "")
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


def _history(scrub: Scrub, clock: Clock, history: Sequence[object], group: str) -> str:
    steps = []
    for change in history:
        at = clock.hm(change.at)  # type: ignore[attr-defined]
        text = scrub.text(change.text)  # type: ignore[attr-defined]
        status = scrub.tr.word(group, change.status)  # type: ignore[attr-defined]
        steps.append(f"{at} {status}" + (f" ({text})" if text else ""))
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
            return scrub.text(entry.text) + (scrub.tr(" (last note)") if not state.sealed else "")
    return scrub.tr("Not recorded")


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
    from incident_log.report.options import REDACTED_MARKING, UNREDACTED_MARKING, classification_for

    tr = translator(options.lang)
    scrub = Scrub(state, entries, redactor, tr)
    # A reference someone typed can name a person ("OP-ROSA-2", a callsign "ALPHA-1"): a redacted
    # copy prints it redacted, on every page, instead of refusing the whole report over it.
    incident = state.incident
    ref = scrub.text(incident.ref) if scrub.redacted else incident.ref
    clock = Clock(_zone(options, incident.time_zone), tr.lang)
    stats = state.statistics
    started = stats.started_at or incident.opened_at
    ended = stats.ended_at
    last_moment = max([started] + [e.occurred_at for e in entries]) if entries else started
    # An open incident's chart and duration run to its last entry, not to the printing time.
    axis_end = ended or last_moment
    if axis_end <= started:
        axis_end = started + timedelta(minutes=1)

    # Keys are the English wording (COVER_CONTENT_KEYS and the layout look rows up by it); the
    # layout prints them through the catalogue.
    cover_rows = [
        (N_("Reference"), ref),
        (N_("Incident type"), tr.word(choice_group("type"), incident.type)),
        (N_("Location"), scrub.text(incident.location) or "\u2014"),
        (N_("Started"), clock.full(started)),
        (N_("Ended"), clock.full(ended) if ended else tr.fmt("not sealed; last entry {at}", at=clock.full(axis_end))),
        (
            N_("Duration"),
            duration((ended - started).total_seconds())
            if ended
            else tr.fmt(
                "{duration} to the last entry (incident still open)",
                duration=duration((axis_end - started).total_seconds()),
            ),
        ),
        (N_("Outcome"), _outcome(state, entries, scrub)),
        (N_("Status"), tr("sealed") if state.sealed else tr("open")),
    ]
    if incident.exercise:
        cover_rows.insert(1, (N_("Exercise"), tr("yes \u2014 a training incident, not a real operation")))

    summary_rows = [
        (N_("Entries in the log"), str(stats.entry_count)),
        (N_("Time to first contact"), duration(stats.time_to_first_contact_seconds)),
        (N_("First contact"), clock.full(stats.first_contact_at)),
        (N_("Last contact event"), clock.full(stats.last_contact_at)),
        (N_("Negotiator rotations"), str(stats.rotations)),
        (N_("Demands met"), str(stats.demands_met)),
        (N_("Demands partly met"), str(stats.demands_partly_met)),
        (N_("Demands refused"), str(stats.demands_refused)),
        (N_("Demands still open"), str(stats.demands_open)),
        (N_("Entries recorded late"), str(stats.late_entries)),
        (N_("Entries flagged for debrief"), str(len({f.target for f in state.flags}))),
    ]
    if state.reviewed_upto:
        summary_rows.append(
            (
                N_("Reviewed by team leader"),
                tr.fmt("up to #{seq} at {at}", seq=state.reviewed_upto, at=clock.full(state.reviewed_at)),
            )
        )
    summary_rows = [(tr(k), v) for k, v in summary_rows]
    kind_counts = sorted(stats.counts_by_kind.items(), key=lambda kv: (-kv[1], kv[0]))
    kind_counts = [(tr.word(KIND, KINDS[k].title) if k in KINDS else k, n) for k, n in kind_counts]

    people = [
        (scrub.label(p.label), tr.word(choice_group("role"), p.role), "" if scrub.redacted else p.name)
        for p in state.people
    ]
    author_counts: dict[str, int] = {}
    for entry in entries:
        label = scrub.author(entry.author)
        author_counts[label] = author_counts.get(label, 0) + 1

    # Spell.role stays the stored role (the chart colours by it); the chart prints it translated.
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
            tr.word(DEMAND_STATUS, d.status),
            clock.short(d.deadline)
            + (tr.fmt(" (restated {n}\u00d7)", n=d.deadline_restated) if d.deadline_restated else "")
            if d.deadline
            else "\u2014",
            _history(scrub, clock, d.history, DEMAND_STATUS),
        )
        for d in state.demands
    ]
    offers: list[tuple[str, ...]] = [
        (
            f"#{o.seq}",
            clock.hm(o.at),
            scrub.person(o.by) + (f" \u2192 {scrub.person(o.to)}" if o.to else ""),
            scrub.text(o.text)
            + (tr.fmt(" \u2014 conditions: {conditions}", conditions=scrub.text(o.conditions)) if o.conditions else ""),
            tr.word(OFFER_STATUS, o.status) + (tr(" (owed)") if o.owed else ""),
            _history(scrub, clock, o.history, OFFER_STATUS),
        )
        for o in state.offers
    ]

    def board(items: Sequence[object], with_status: bool = False) -> list[tuple[str, ...]]:
        rows: list[tuple[str, ...]] = []
        for item in items:
            about = scrub.person(item.about) if item.about else ""  # type: ignore[attr-defined]
            extra = ""
            if with_status:
                category = tr.word(choice_group("category"), item.category)  # type: ignore[attr-defined]
                extra = f"{category} / {tr.word(choice_group('status'), item.status)}"  # type: ignore[attr-defined]
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

    # Board titles stay English keys here (the layout picks the risk columns by "Risks").
    boards = [
        (N_("Hooks \u2014 what the subject values"), board(state.hooks)),
        (N_("Triggers \u2014 topics to avoid"), board(state.triggers)),
        (N_("Risks"), board(state.risks, with_status=True)),
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
        (tr("Entries"), str(verification.count)),
        (tr("Head hash"), verification.head_hash),
        (tr("Verification"), _verification_line(verification, tr)),
        (tr("Generated at"), clock.full(generated_at) + f" ({clock.offset(generated_at)})"),
        (tr("Program version"), f"Incident Log {program_version}"),
        (tr("Copy"), tr("redacted") if scrub.redacted else tr("unredacted")),
    ]
    return ReportContent(
        ref=ref,
        redacted=scrub.redacted,
        exercise=incident.exercise,
        classification=classification_for(options.classification, tr.lang),
        marking=tr(REDACTED_MARKING) if scrub.redacted else tr(UNREDACTED_MARKING),
        title=scrub.text(incident.title),
        location=scrub.text(incident.location),
        cover_rows=cover_rows,
        zone_note=(
            tr.fmt(
                "All times are the incident's local time, {zone} ({offset} at the start).",
                zone=incident.time_zone,
                offset=clock.offset(started),
            )
            if options.tz is None
            else tr.fmt("All times are in UTC{offset}.", offset=clock.offset(started)[3:])
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
        verify_command=_verify_command(ref, verification, options, tr, ref_redacted=ref != incident.ref),
        verify_ok=verification.ok,
        generated_at=clock.full(generated_at),
        clock=clock,
        tr=tr,
    )
